"""Page furniture: the lines a website puts around an article that are not the article.

`clean` removes whole furniture lines (view counters, share and print labels, advertisement and
navigation labels) and the blank lines their removal would leave dangling; every other character
of the text is kept exactly as it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dialogue_tracker.draft.words import SPACE

_LABELS = (
    r"share|share this(?: article| story| page)?|share on \w+|print|print this(?: article| page)?"
    r"|print version|e-?mail|email this|tweet|send to a friend|save|comments?(?: \(\d+\))?"
    r"|поделиться|печать|версия для печати|отправить|комментарии"
)
_NAVIGATION = (
    r"latest headlines|top stories|most read|most popular|popular|related(?: articles| stories"
    r"| news| content)?|read (?:more|also|next)|see also|more on this(?: topic| story)?"
    r"|back to top|home|menu|search|subscribe|sign in|log in|follow us(?: on \w+)?"
    r"|next article|previous article|more news|all news|news feed|photo gallery|video"
    r"|advanced settings|view settings|newsfeed"
    r"|читайте также|главное|новости|все новости|подписаться"
)
RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("view counter", re.compile(r"^\d[\d\s.,\u00a0]*\s*(?:views?|reads?|просмотр\w*)$", re.I)),
    ("share or print label", re.compile(rf"^(?:{_LABELS})\s*:?$", re.I)),
    ("advertisement", re.compile(r"^(?:advertisement|реклама|sponsored(?: content)?)\s*:?$", re.I)),
    ("navigation", re.compile(rf"^(?:{_NAVIGATION})\s*:?$", re.I)),
    ("tags", re.compile(r"^(?:tags|topics|теги|темы)\s*:.{0,200}$", re.I)),
    ("copyright line", re.compile(r"^(?:©|\(c\)\s|copyright\b).{0,150}$", re.I)),
    ("release number", re.compile(r"^PRN:\s*\d{4}/\d+$")),
    (
        "photo credit",
        re.compile(
            r"^(?:photos?|image|picture)(?:\s+credit)?\s*:.{0,200}$"
            r"|^.{0,400}\((?:[A-Z][\w.]*\s+)?Photo\s*/[^()]{0,80}\)$",
            re.I,
        ),
    ),
    (
        "subscription prompt",
        re.compile(
            r"^(?:subscribe(?:\s+(?:now|today|register|log\s?in|sign in)){0,3}"
            r"|already a subscriber\?.{0,80}|to (?:continue|keep) reading.{0,80}"
            r"|to participate in the discussion.{0,60})$",
            re.I,
        ),
    ),
    (
        "reader comments",
        re.compile(
            r"^(?:add (?:a )?comment|leave a (?:comment|reply)|\d+\s+comments?|comments are closed"
            r"|добавить комментарий)\.?$",
            re.I,
        ),
    ),
    ("language switcher", re.compile(r"^(?:•\s*)?(?:[a-z]{2}-[A-Z]{2}\d*\s*){2,}$")),
)
_BREADCRUMB_SEPARATORS = re.compile(r"\s+[|»›>•·/]\s+")


@dataclass(frozen=True)
class Removed:
    """One furniture line taken out: its line number in the raw text, its words, and why."""

    line: int
    text: str
    kind: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.text!r} ({self.kind})"


@dataclass(frozen=True)
class Cleaned:
    text: str
    removed: tuple[Removed, ...]


def furniture_kind(line: str) -> str | None:
    """What sort of page furniture a line is, or None when it may be the article's."""
    words = line.strip(SPACE + "\ufeff")
    if not words:
        return None
    for kind, pattern in RULES:
        if pattern.match(words):
            return kind
    if _is_breadcrumb(words):
        return "navigation"
    return None


def _is_breadcrumb(words: str) -> bool:
    """'Home | World | Europe', 'News » Politics': short items between separators."""
    items = _BREADCRUMB_SEPARATORS.split(words)
    if len(items) < 3 or len(words) > 100:
        return False
    return all(0 < len(item.split()) <= 3 and not item.endswith((".", "?", "!")) for item in items)


def split_lines(text: str) -> list[str]:
    """The text's lines, each with its own line ending; joining them gives the text back."""
    return [line for line in re.split(r"(?<=\n)", text) if line]


def clean(raw: str) -> Cleaned:
    """The text without its furniture lines, and the lines removed."""
    lines = split_lines(raw)
    kinds = [furniture_kind(line) for line in lines]
    blank = [not line.strip(SPACE) for line in lines]
    keep = [True] * len(lines)
    index = 0
    while index < len(lines):
        if kinds[index] is None:
            index += 1
            continue
        # A run of furniture lines, with any blank lines among and around them.
        start = index
        while start > 0 and blank[start - 1]:
            start -= 1
        end = index
        while end < len(lines) and (kinds[end] is not None or blank[end]):
            end += 1
        for position in range(start, end):
            keep[position] = False
        at_edge = start == 0 or end == len(lines)
        blanks = [position for position in range(start, end) if blank[position]]
        if blanks and not at_edge:
            keep[blanks[0]] = True  # keep one paragraph break between the parts around the run
        index = end
    removed = tuple(
        Removed(number + 1, line.strip(), kinds[number])
        for number, line in enumerate(lines)
        if kinds[number] is not None
    )
    return Cleaned("".join(line for line, kept in zip(lines, keep, strict=True) if kept), removed)
