"""Sentences around a quoted passage: where they start and end, with quoted words held whole.

A sentence ends at '.', '!' or '?' followed by a space or the end of its paragraph, except after
an abbreviation or an initial ('Mr.', 'U.S.'); a passage whose own words end a sentence ('...
decisions."') ends it at its closing mark when a new sentence follows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dialogue_tracker.draft.words import HONORIFICS, SPACE
from dialogue_tracker.provenance import Span

ABBREVIATIONS = {
    *HONORIFICS, "gen", "lt", "col", "sen", "rep", "gov", "st", "jr", "sr", "no",
    "vs", "etc", "inc", "ltd", "co", "prof", "adm", "capt", "maj", "sgt", "rev", "hon", "amb",
    "dep", "mt", "ft", "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec",
}  # fmt: skip
TERMINATORS = ".!?"


def is_boundary(text: str, at: int, end: int) -> bool:
    """Whether the terminator at `at` ends a sentence (`end`: where the paragraph stops)."""
    if text[at] not in TERMINATORS:
        return False
    if at + 1 < end and text[at + 1] not in SPACE:
        return False
    if text[at] == ".":
        word = re.search(r"([A-Za-z]+)$", text[max(0, at - 12) : at])
        if word and (word.group(1).lower() in ABBREVIATIONS or len(word.group(1)) == 1):
            return False
    return True


def ends_sentence(text: str, passage_end: int, close_end: int, block_end: int) -> bool:
    """Whether quoted words ending at `passage_end` (marks end at `close_end`) end a sentence."""
    if passage_end == 0 or text[passage_end - 1] not in TERMINATORS:
        return False
    rest = text[close_end:block_end].lstrip(SPACE)
    return not rest or not rest[0].islower()


def sentence_start(text: str, position: int, floor: int) -> int:
    """Where the sentence holding `position` starts, never before `floor`."""
    at = position - 1
    while at >= floor:
        if is_boundary(text, at, position):
            start = at + 1
            while start < position and text[start] in SPACE:
                start += 1
            return start
        at -= 1
    return floor


def sentence_end(text: str, position: int, ceiling: int) -> int:
    """Where the sentence holding `position` ends (its terminator excluded), by `ceiling`."""
    for at in range(position, ceiling):
        if is_boundary(text, at, ceiling):
            return at
    return ceiling


def sentences(text: str, start: int, end: int, held: Sequence[Span] = ()) -> list[Span]:
    """The sentences of `text[start:end]`; a span in `held` is never cut."""
    found = []
    current = start
    at = start
    held = sorted(held, key=lambda span: span.start)
    next_held = 0  # `at` only grows: the held spans are passed once, in order
    while at < end:
        while next_held < len(held) and held[next_held].end <= at:
            next_held += 1
        if next_held < len(held) and held[next_held].start <= at:
            at = held[next_held].end
            continue
        if is_boundary(text, at, end):
            found.append(Span(current, at + 1))
            current = at + 1
        at += 1
    if text[current:end].strip(SPACE):
        found.append(Span(current, end))
    return [_trimmed(text, span) for span in found if span.of(text).strip(SPACE)]


def _trimmed(text: str, span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and text[start] in SPACE:
        start += 1
    while end > start and text[end - 1] in SPACE:
        end -= 1
    return Span(start, end)
