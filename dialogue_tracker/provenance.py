"""Where each quote stands in its source's text, or why it cannot be found there."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Span:
    """A stretch of a text: the offsets of its first character and of the one just after it."""

    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True, order=True)
class Located(Span):
    """A quote's place in its source text: its span and the paragraph (1-based)."""

    paragraph: int


def locate(quote: str, text: str, paragraph_at: Callable[[int], int]) -> Located | None:
    """The first place where `quote` occurs verbatim in `text`, or None; `paragraph_at` is
    `paragraph_numbers(text)`."""
    start = text.find(quote)
    if start < 0:
        return None
    return Located(start, start + len(quote), paragraph_at(start))


def paragraph_numbers(text: str) -> Callable[[int], int]:
    """The paragraph (1-based) of any offset of `text`, paragraphs being its non-empty lines:
    the count of paragraphs before each line, precomputed, then a bisection."""
    newlines = [match.start() for match in re.finditer("\n", text)]
    counts = [0]
    start = 0
    for end in newlines:
        counts.append(counts[-1] + bool(text[start:end].strip()))
        start = end + 1

    def paragraph(offset: int) -> int:
        return counts[bisect.bisect_left(newlines, offset)] + 1

    return paragraph


def explain_mismatch(quote: str, text: str) -> str:
    """Say where a quote first departs from the closest passage of the text."""
    matched = _longest_present_prefix(quote, text)
    if matched == 0:
        return f"not found verbatim: no passage of the source begins like {quote[:40]!r}"
    start = text.find(quote[:matched])
    passage = text[start : start + len(quote) + 10].split("\n")[0]
    found = _character_at(text, start + matched)
    message = (
        f"not found verbatim: differs from the source at character {matched + 1} "
        f"(quote has {_describe(_character_at(quote, matched))}, source has {_describe(found)})"
    )
    if unicodedata.normalize("NFC", quote) != quote and unicodedata.normalize("NFC", quote) in text:
        message += "; the quote is in decomposed Unicode (NFD): write it composed (NFC)"
    return f"{message}; nearest passage: {passage!r}"


def _character_at(text: str, index: int) -> str:
    """The character at `index` with any combining marks that follow it."""
    end = index + 1
    while end < len(text) and unicodedata.combining(text[end]):
        end += 1
    return text[index:end]


def _describe(characters: str) -> str:
    """A character as a curator can tell it from its look-alikes: '’' (U+2019 RIGHT SINGLE ...)."""
    if not characters:
        return "the end of the text"
    if characters.isascii() and characters.isalnum():
        return repr(characters)
    names = ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, '')}".rstrip() for c in characters)
    return f"{characters!r} ({names})"


def _longest_present_prefix(quote: str, text: str) -> int:
    low, high = 0, len(quote)
    while low < high:
        middle = (low + high + 1) // 2
        if quote[:middle] in text:
            low = middle
        else:
            high = middle - 1
    return low
