"""Where each quote stands in its source's text, or why it cannot be found there."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    """A quote's place in its source text: character offsets and the paragraph (1-based)."""

    start: int
    end: int
    paragraph: int


def locate(quote: str, text: str) -> Span | None:
    """The first place where `quote` occurs verbatim in `text`, or None."""
    start = text.find(quote)
    if start < 0:
        return None
    return Span(start, start + len(quote), paragraph_at(text, start))


def paragraph_at(text: str, offset: int) -> int:
    """Paragraphs are the non-empty lines of the text, counted from 1."""
    return sum(1 for line in text[:offset].split("\n")[:-1] if line.strip()) + 1


def explain_mismatch(quote: str, text: str) -> str:
    """Say where a quote first departs from the closest passage of the text."""
    if unicodedata.normalize("NFC", quote) != quote and unicodedata.normalize("NFC", quote) in text:
        return "not found verbatim: the quote is in decomposed Unicode (NFD); write it as NFC"
    matched = _longest_present_prefix(quote, text)
    if matched == 0:
        return f"not found verbatim: no passage of the source begins like {quote[:40]!r}"
    start = text.find(quote[:matched])
    passage = text[start : start + len(quote) + 10].split("\n")[0]
    found = text[start + matched : start + matched + 1] or "the end of the text"
    return (
        f"not found verbatim: differs from the source at character {matched + 1} "
        f"(quote has {quote[matched]!r}, source has {found!r}); nearest passage: {passage!r}"
    )


def _longest_present_prefix(quote: str, text: str) -> int:
    low, high = 0, len(quote)
    while low < high:
        middle = (low + high + 1) // 2
        if quote[:middle] in text:
            low = middle
        else:
            high = middle - 1
    return low
