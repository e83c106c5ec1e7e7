"""Quoted passages: the words between quotation marks, found exactly as they stand in the text.

Marks: straight double quotes, curly double quotes (“ ” and „ “), and guillemets (« »). Marks pair
within a paragraph (a block of lines between blank lines); only the outermost pair of nested
quotes makes a passage, with the inner marks kept in its text. A straight quote's direction is read
from its neighbours. An opening mark left unclosed at the end of a paragraph makes a passage that
runs to the paragraph's end: a *continued* one when the next paragraph opens with a quote mark (the
convention for a quote over several paragraphs), an *unbalanced* one otherwise. A closing mark
with no opening one is reported, not guessed at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from dialogue_tracker.draft.words import SPACE

STRAIGHT = '"'
OPENERS = {"“": "”", "«": "»", "„": "“”", STRAIGHT: STRAIGHT}
CLOSERS = {"”", "»", "“", STRAIGHT}
MARKS = re.compile('["“”«»„]')
_OPENING_CONTEXT = SPACE + "([{—–-/:"
_CLOSING_CONTEXT = SPACE + ".,;:!?)]}—–-/"


@dataclass(frozen=True)
class Block:
    """A paragraph: consecutive non-blank lines, as offsets into the text."""

    index: int
    start: int
    end: int


@dataclass(frozen=True)
class Passage:
    """A quoted passage: `start`..`end` is its text without marks or edge spaces."""

    start: int
    end: int
    open_at: int
    close_at: int | None
    block: int
    continued: bool = False
    unbalanced: bool = False

    @property
    def outer_end(self) -> int:
        """Where the passage stops, closing mark included."""
        return self.end if self.close_at is None else self.close_at + 1


@dataclass(frozen=True)
class MarkProblem:
    offset: int
    block: int
    message: str


def blocks(text: str, start: int = 0, end: int | None = None) -> list[Block]:
    """The paragraphs of `text[start:end]`, numbered from 1 in the whole text's order."""
    end = len(text) if end is None else end
    found = []
    for match in re.finditer(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*", text[start:end]):
        found.append((start + match.start(), start + match.end()))
    return [Block(number, s, e) for number, (s, e) in enumerate(found, start=1)]


def find_passages(
    text: str, scope: list[Block] | None = None
) -> tuple[list[Passage], list[MarkProblem]]:
    """Every quoted passage of the blocks in `scope` (all of the text by default), in order."""
    scope = blocks(text) if scope is None else scope
    passages: list[Passage] = []
    problems: list[MarkProblem] = []
    for position, block in enumerate(scope):
        following = scope[position + 1] if position + 1 < len(scope) else None
        next_opens = following is not None and _opens_with_quote(text, following)
        found, trouble = _block_passages(text, block, next_opens)
        passages += found
        problems += trouble
    return passages, problems


def _opens_with_quote(text: str, block: Block) -> bool:
    return text[block.start : block.end].lstrip(SPACE)[:1] in OPENERS


def _block_passages(
    text: str, block: Block, next_opens: bool
) -> tuple[list[Passage], list[MarkProblem]]:
    stack: list[tuple[str, int]] = []
    passages: list[Passage] = []
    problems: list[MarkProblem] = []
    for match in MARKS.finditer(text, block.start, block.end):
        mark, at = match.group(), match.start()
        role = _role(text, at, mark, stack, block)
        if role == "open":
            stack.append((mark, at))
            continue
        depth = next(
            (i for i in range(len(stack) - 1, -1, -1) if mark in OPENERS[stack[i][0]]), None
        )
        if depth is None:
            problems.append(MarkProblem(at, block.index, f"a closing {mark} with no opening mark"))
            continue
        for opener, where in stack[depth + 1 :]:
            problems.append(MarkProblem(where, block.index, f"an opening {opener} never closed"))
        opener_at = stack[depth][1]
        del stack[depth:]
        if not stack:
            passage = _passage(text, opener_at, at, at, block.index)
            if passage:
                passages.append(passage)
    if stack:
        opener, opener_at = stack[0]
        passage = _passage(text, opener_at, block.end, None, block.index)
        if passage:
            passages.append(replace(passage, continued=next_opens, unbalanced=not next_opens))
        if not next_opens:
            message = f"an opening {opener} never closed; the passage runs to the paragraph's end"
            problems.append(MarkProblem(opener_at, block.index, message))
    return passages, problems


def _role(text: str, at: int, mark: str, stack: list[tuple[str, int]], block: Block) -> str:
    """'open' or 'close' for the mark at `at`, given the marks still open."""
    if mark in ("«", "„"):
        return "open"
    if mark == "“":
        return "close" if stack and stack[-1][0] == "„" else "open"
    if mark != STRAIGHT:
        return "close"
    before = text[at - 1] if at > block.start else " "
    after = text[at + 1] if at + 1 < block.end else " "
    opens = before in _OPENING_CONTEXT or before in OPENERS
    closes = after in _CLOSING_CONTEXT or after in CLOSERS
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "close" if any(opener == STRAIGHT for opener, _ in stack) else "open"


def _passage(text: str, opener_at: int, end: int, close_at: int | None, block: int):
    start = opener_at + 1
    while start < end and text[start] in SPACE:
        start += 1
    while end > start and text[end - 1] in SPACE:
        end -= 1
    if start >= end:
        return None
    return Passage(start, end, opener_at, close_at, block)
