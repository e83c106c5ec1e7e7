"""Official transcripts: turns that begin with a speaker label ('SECRETARY KERRY:').

Each turn is the labelled speaker's words, from the label to the next label, split into quotable
passages (its paragraphs; a long paragraph into runs of whole sentences). '(Via interpreter)'
marks a turn's words as translated and '(In English)' as not; the marks are left out of the
passages. A label the registry does not know (a moderator, a question) becomes a stub to review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dialogue_tracker.draft.quotes import blocks
from dialogue_tracker.draft.rules import RULES
from dialogue_tracker.draft.sentences import Span, sentences
from dialogue_tracker.draft.speakers import Book, Person, Vocabulary
from dialogue_tracker.draft.words import HONORIFICS, SPACE

LABEL = re.compile(r"^[ \t]*(?P<label>[A-Z][A-Z0-9.’' -]{0,58}[A-Z.])[ \t]*:(?=[ \t]|$)", re.M)
NAME_LABEL = re.compile(
    r"^[ \t]*(?P<label>[A-Z][\w.’'-]*(?:[ \t]+(?:of[ \t]+)?[A-Z][\w.’'-]*){0,5})"
    r"(?:[ \t]+\([^()\n]{1,40}\))?[ \t]*:[ \t]+(?=[^\s\"“«„])",
    re.M,
)
NOT_SPEAKERS = {
    "UPDATE",
    "NOTE",
    "CORRECTION",
    "EDITOR'S NOTE",
    "PHOTO",
    "VIDEO",
    "PRN",
    "READ MORE",
}
TRANSLATED = re.compile(
    r"\((?:via|through)\s+(?:an\s+)?interpret(?:er|ation)\)|\((?:as\s+)?interpreted\)"
    r"|\(translated(?:\s+from\s+\w+)?\)",
    re.IGNORECASE,
)
NOT_TRANSLATED = re.compile(r"\(in\s+English\)", re.IGNORECASE)
STAGE = re.compile(r"\s*\((?:[^()]{1,40})\)\s*")
LONG_PARAGRAPH = 600
PASSAGE_SIZE = 400
ROLE_LABELS = {"QUESTION": "Questioner from the floor", "MODERATOR": "Moderator"}


@dataclass(frozen=True)
class Turn:
    label: str
    start: int
    body_start: int
    body_end: int
    translated: bool | None


@dataclass(frozen=True)
class Voice:
    """Who a label names, how sure the drafter is, and why."""

    person: Person
    confidence: float
    reason: str


def find_turns(text: str, book: Book) -> list[Turn]:
    """The labelled turns of a transcript; none when the text has fewer than two labels,
    unless its one label names a registered speaker ('SECRETARY KERRY:' before a statement)."""
    found = {}
    for match in LABEL.finditer(text):
        label = match.group("label").strip()
        if sum(c.isalpha() for c in label) >= 2 and label not in NOT_SPEAKERS:
            found[match.start()] = match
    for match in NAME_LABEL.finditer(text):
        if match.start() not in found and book.match_label(match.group("label")):
            found[match.start()] = match
    if len(found) < 2 and not any(book.match_label(m.group("label")) for m in found.values()):
        return []
    starts = sorted(found)
    turns = []
    for position, start in enumerate(starts):
        match = found[start]
        end = starts[position + 1] if position + 1 < len(starts) else len(text)
        body = text[match.end() : end]
        translated = (
            True if TRANSLATED.search(body) else False if NOT_TRANSLATED.search(body) else None
        )
        turns.append(Turn(match.group("label").strip(), start, match.end(), end, translated))
    return turns


def turn_passages(text: str, turn: Turn) -> list[Span]:
    """The turn's quotable passages: its paragraphs without the marks, long ones cut."""
    found = []
    for block in blocks(text, turn.body_start, turn.body_end):
        start, end = block.start, block.end
        while True:
            mark = STAGE.match(text, start, end)
            if not mark:
                break
            start = mark.end()
        while start < end and text[start] in SPACE:
            start += 1
        if start >= end:
            continue
        if end - start <= LONG_PARAGRAPH:
            found.append(Span(start, end))
            continue
        found += _cut(text, start, end)
    return found


def _cut(text: str, start: int, end: int) -> list[Span]:
    pieces: list[Span] = []
    for sentence in sentences(text, start, end):
        if pieces and sentence.end - pieces[-1].start <= PASSAGE_SIZE:
            pieces[-1] = Span(pieces[-1].start, sentence.end)
        else:
            pieces.append(sentence)
    return pieces


class Voices:
    """Labels to persons; `book` grows by the stubs made for labels the registry lacks."""

    def __init__(self, book: Book) -> None:
        self.book = book
        self.seen: dict[str, Voice] = {}

    def of(self, label: str, paragraph: int) -> Voice:
        if label in self.seen:
            return self.seen[label]
        match = self.book.match_label(label)
        if match:
            person, name = match
            rule = RULES["transcript label"]
            voice = Voice(
                person, rule.confidence, rule.why(label=label, person=person.name, named=name)
            )
        else:
            name, role = _stub_name(label, self.book.vocabulary)
            why = (
                f'transcript label "{label}:" (paragraph {paragraph}) names no one in speakers.yaml'
            )
            person = self.book.stub(name, role, [label], why)
            self.book = self.book.adding(person)
            rule = RULES["transcript label, new stub"]
            voice = Voice(person, rule.confidence, rule.why(why=why, id=person.id))
        self.seen[label] = voice
        return voice


def _stub_name(label: str, vocabulary: Vocabulary) -> tuple[str, str]:
    """A stub's name and role from its label: 'MS ZAKHAROVA' → ('Zakharova', 'Unknown role')."""
    if label.upper() in ROLE_LABELS:
        return label.title(), ROLE_LABELS[label.upper()]
    words = [w for w in label.split() if w.lower().removesuffix(".") not in HONORIFICS]
    name = [w for w in words if not vocabulary.is_title(w)]
    title = [w for w in words if vocabulary.is_title(w)]
    if not name:
        return label.title(), label.title()
    return " ".join(w.title() if w.isupper() else w for w in name), " ".join(
        title
    ).title() or "Unknown role"
