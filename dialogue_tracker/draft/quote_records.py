"""The quote records a draft proposes: a passage or a transcript turn's words with their speaker,
the confidence and the reason, the issues, whether a curator must look, and a free id."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dialogue_tracker.draft.attribution import Attribution
from dialogue_tracker.draft.ids import Taken
from dialogue_tracker.draft.quotes import Block, Passage
from dialogue_tracker.draft.rules import LOW_CONFIDENCE, RULES
from dialogue_tracker.draft.sentences import Span
from dialogue_tracker.draft.speakers import Book
from dialogue_tracker.draft.tagging import Tagger, Tags
from dialogue_tracker.draft.transcript import Voice
from dialogue_tracker.draft.words import STOPWORDS
from dialogue_tracker.provenance import paragraph_numbers

NOBODY = Attribution(None, RULES["nobody"].confidence, None, RULES["nobody"].reason)
"""A passage's attribution when no cue points to anyone: kept as a quote with `speaker: null`."""


@dataclass(frozen=True)
class Found:
    """A passage to quote and what the drafter found about it, before it has an id."""

    start: int
    words: str
    speaker: str | None
    attribution: str | None
    confidence: float
    reason: str
    tags: Tags
    marked: bool
    """Whether its quote marks need a look (unclosed, or going on in the next paragraph)."""
    via: str | None = None
    translated: bool | None = None


@dataclass(frozen=True)
class DraftQuote:
    """A quoted passage; `speaker` and `attribution` are None where nobody could be found."""

    id: str
    speaker: str | None
    text: str
    start: int
    paragraph: int
    attribution: str | None
    confidence: float
    reason: str
    issues: tuple[str, ...]
    review: bool
    via: str | None = None
    translated: bool | None = None


class QuoteBuilder:
    """Turns passages and turns into quote records, each with a free id."""

    def __init__(
        self, text: str, book: Book, tagger: Tagger, taken: Taken, blocks: dict[int, Block]
    ) -> None:
        self.text = text
        self.book = book
        self.tagger = tagger
        self.taken = taken
        self.blocks = blocks
        self.quotes: list[DraftQuote] = []
        self.last_by_speaker: dict[str | None, DraftQuote] = {}
        self.frequent = tagger.frequent(text)
        self.paragraph_at = paragraph_numbers(text)

    def from_passage(self, passage: Passage, result: Attribution, sentence: str) -> None:
        block = self.blocks[passage.block]
        words = self.text[passage.start : passage.end]
        layers = [
            ("in the quote", words),
            ("in its sentence", sentence),
            ("in its paragraph", self.text[block.start : block.end]),
        ]
        tags = self._tags(layers, result.speaker)
        marks = ""
        if passage.unbalanced:
            marks = " Its opening quote mark is never closed: it runs to the paragraph's end."
        elif passage.continued:
            marks = " The quote goes on in the next paragraph."
        reason = f"Speaker: {result.reason}. Issues: {tags.basis}.{marks}"
        marked = passage.unbalanced or passage.continued
        self._add(
            Found(
                passage.start, words, result.speaker, result.words, result.confidence, reason,
                tags, marked, via=result.via,
            )
        )  # fmt: skip

    def from_turn(self, span: Span, voice: Voice, label: str, translated: bool | None) -> None:
        words = span.of(self.text)
        tags = self._tags([("in the quote", words)], voice.person.id)
        reason = f"Speaker: {voice.reason}. Issues: {tags.basis}."
        self._add(
            Found(
                span.start, words, voice.person.id, label, voice.confidence, reason, tags, False,
                translated=translated,
            )
        )  # fmt: skip

    def _tags(self, layers: list[tuple[str, str]], speaker: str | None) -> Tags:
        tags = self.tagger.tags(layers)
        if tags is not None:
            return tags
        earlier = self.last_by_speaker.get(speaker) if speaker else None
        if earlier:
            return Tags(
                earlier.issues, "none of its own; those of the speaker's quote before", True
            )
        if self.frequent:
            return Tags((self.frequent[0],), "none near it; the text's most frequent issue", True)
        return Tags((self.tagger.order[0],), "no keyword in the whole text; a placeholder", True)

    def _add(self, found: Found) -> None:
        speaker = found.speaker
        stub = speaker is not None and self.book.persons[speaker].stub
        review = found.confidence < LOW_CONFIDENCE or stub or found.tags.review or found.marked
        quote = DraftQuote(
            quote_id(speaker or "unattributed", found.words, self.taken),
            speaker,
            found.words,
            found.start,
            self.paragraph_at(found.start),
            found.attribution,
            found.confidence,
            found.reason,
            found.tags.issues,
            review,
            found.via,
            found.translated,
        )
        self.quotes.append(quote)
        self.last_by_speaker[speaker] = quote


def quote_id(speaker: str, words: str, taken: Taken) -> str:
    salient = [w for w in re.findall(r"[a-z0-9]+", words.lower()) if w not in STOPWORDS]
    return taken.unique("-".join([speaker, *salient[:3]])[:70].strip("-"))
