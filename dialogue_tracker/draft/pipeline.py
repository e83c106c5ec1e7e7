"""The drafting pipeline: a page's raw text in, a `Draft` out. Nothing is written here."""

from __future__ import annotations

import bisect
import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from dialogue_tracker.catalog import Catalog
from dialogue_tracker.draft.attribution import Attribution, Attributor
from dialogue_tracker.draft.candidates import MONTHS, Candidates, Unit
from dialogue_tracker.draft.ids import Taken
from dialogue_tracker.draft.quotes import (
    Block,
    MarkProblem,
    Passage,
    blocks,
    find_passages,
    paragraph_numbers,
)
from dialogue_tracker.draft.rules import LOW_CONFIDENCE, RULES
from dialogue_tracker.draft.sentences import Span, sentences
from dialogue_tracker.draft.speakers import Book, Person
from dialogue_tracker.draft.tagging import Tagger, Tags
from dialogue_tracker.draft.text import Removed, clean
from dialogue_tracker.draft.transcript import Turn, Voice, Voices, find_turns, turn_passages
from dialogue_tracker.draft.words import SUBJECT_PRONOUNS, either_case
from dialogue_tracker.model import Issue, Side, Speaker

STOPWORDS = {
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "by", "with",
    "we", "i", "you", "it", "is", "are", "was", "were", "be", "been", "that", "this", "these",
    "those", "as", "so", "our", "their", "they", "he", "she", "his", "her", "its", "has", "have",
    "had", "will", "would", "can", "could", "there", "which", "what", "who", "not", "also",
    "all", "any", "from", "about", "into", "today", "very", "just", "us", "s", "t",
}  # fmt: skip


NOBODY = Attribution(None, RULES["nobody"].confidence, None, RULES["nobody"].reason)
"""A passage's attribution when no cue points to anyone: kept as a quote with `speaker: null`."""


@dataclass(frozen=True)
class Options:
    """What the command line says about the source."""

    source_id: str
    title: str | None = None
    date: str | None = None
    outlet: str | None = None
    url: str | None = None
    article: str = "the article"


@dataclass(frozen=True)
class Registry:
    """The curated registries a draft reads."""

    speakers: tuple[Speaker, ...]
    sides: tuple[Side, ...]
    issues: tuple[Issue, ...]

    @classmethod
    def of(cls, catalog: Catalog) -> Registry:
        values = (catalog.speakers.values(), catalog.sides.values(), catalog.issues.values())
        return cls(*map(tuple, values))


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


@dataclass
class Draft:
    options: Options
    text: str
    removed: tuple[Removed, ...]
    kind: str
    title: str
    event_date: str
    event_date_basis: str
    quotes: list[DraftQuote] = field(default_factory=list)
    stubs: list[Person] = field(default_factory=list)
    stances: list[dict] = field(default_factory=list)
    next_steps: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def unattributed(self) -> list[DraftQuote]:
        """Quoted passages with nobody to attribute them to (`speaker: null`)."""
        return [quote for quote in self.quotes if quote.speaker is None]

    def low_confidence(self) -> list[DraftQuote]:
        """Attributed quotes whose speaker is in doubt."""
        return [q for q in self.quotes if q.speaker and q.confidence < LOW_CONFIDENCE]


def make_draft(
    raw: str,
    options: Options,
    registry: Registry,
    taken_ids: Iterable[str] = (),
) -> Draft:
    """Everything the drafter proposes for one source; `taken_ids` are ids already in use."""
    cleaned = clean(raw)
    text = cleaned.text
    paragraph_at = paragraph_numbers(text)
    said = _who_said(text, Book.from_registry(registry.speakers, registry.sides))
    event_date, basis, known = event_date_of(text, options)
    draft = Draft(
        options,
        text,
        cleaned.removed,
        "transcript" if said.turns else "news_report",
        options.title or first_line(text) or options.source_id,
        event_date,
        basis,
    )
    draft.warnings = [f"paragraph {paragraph_at(t.offset)}: {t.message}" for t in said.troubles]
    tagger, taken = Tagger(registry.issues), Taken(taken_ids)
    draft.quotes = _quotes(text, said, tagger, taken)
    draft.stubs = said.book.stubs
    units = _units(text, said.scope, said.passages, draft.quotes, paragraph_at)
    year_from = event_date if known else None  # never a placeholder's year
    subjects = _subjects(text, said.book, said.attributor)
    candidates = Candidates(text, said.book, tagger, subjects, year_from)
    draft.stances = candidates.stances(units)
    draft.next_steps = candidates.next_steps(units, taken)
    return draft


@dataclass(frozen=True)
class _Said:
    """Who said what: the passages of the article part (`scope`, before any transcript turn)
    with their attributions, the turns with their voices, and the book with every stub."""

    book: Book
    blocks: list[Block]
    scope: list[Block]
    passages: list[Passage]
    troubles: list[MarkProblem]
    attributor: Attributor
    results: list[Attribution | None]
    turns: list[Turn]
    voices: list[Voice]


def _who_said(text: str, book: Book) -> _Said:
    every_block = blocks(text)
    turns = find_turns(text, book)
    first_turn = turns[0].start if turns else len(text)
    scope = [block for block in every_block if block.end <= first_turn]
    passages, troubles = find_passages(text, scope)
    attributor = Attributor(text, book, passages, every_block)
    results = attributor.attribute_all()
    paragraph_at = attributor.paragraph
    voices = Voices(attributor.book)
    spoken = [voices.of(turn.label, paragraph_at(turn.start)) for turn in turns]
    attributor.grow(voices.book)
    return _Said(
        voices.book, every_block, scope, passages, troubles, attributor, results, turns, spoken
    )


def _quotes(text: str, said: _Said, tagger: Tagger, taken: Taken) -> list[DraftQuote]:
    """The quotes of the passages and of the turns, in the order of the text."""
    builder = _QuoteBuilder(text, said.book, tagger, taken, {b.index: b for b in said.blocks})
    for index, (passage, result) in enumerate(zip(said.passages, said.results, strict=True)):
        builder.from_passage(passage, result or NOBODY, said.attributor.sentence_of(index))
    for turn, voice in zip(said.turns, said.voices, strict=True):
        for span in turn_passages(text, turn):
            builder.from_turn(span, voice, turn.label, turn.translated)
    return sorted(builder.quotes, key=lambda quote: quote.start)


class _QuoteBuilder:
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
            _quote_id(speaker or "unattributed", found.words, self.taken),
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


def _units(
    text: str,
    scope: list[Block],
    passages: list[Passage],
    quotes: list[DraftQuote],
    paragraph_at,
) -> list[Unit]:
    """Sentences of the article's paragraphs (quotes kept whole), and the transcript turns'
    passages; each with the quote it holds."""
    by_start = {quote.start: quote for quote in quotes}
    starts = list(by_start)  # in the order of the text, as `quotes` is
    held = [Span(p.open_at, p.outer_end) for p in passages]
    held_starts = [span.start for span in held]
    units = []
    covered = set()
    for block in scope:
        first, last = (bisect.bisect_left(held_starts, at) for at in (block.start, block.end))
        for sentence in sentences(text, block.start, block.end, held[first:last]):
            at = bisect.bisect_left(starts, sentence.start)
            inside = at < len(starts) and starts[at] < sentence.end
            quote = by_start[starts[at]] if inside else None
            if quote:
                covered.add(quote.id)
            units.append(_unit(sentence.start, sentence.end, quote, paragraph_at))
    for quote in quotes:
        if quote.id not in covered:
            units.append(_unit(quote.start, quote.start + len(quote.text), quote, paragraph_at))
    return units


def _unit(start: int, end: int, quote: DraftQuote | None, paragraph_at) -> Unit:
    if quote is None:
        return Unit(start, end, paragraph_at(start))
    span = (quote.start, quote.start + len(quote.text))
    return Unit(start, end, paragraph_at(start), quote.speaker, quote.id, quote.issues, span)


def _subjects(text: str, book: Book, attributor: Attributor):
    """Who a narrative sentence speaks of before its cue: persons named, or a pronoun's."""

    mentions = book.mentions(text, attributor.held)  # in the order of the text
    starts = [mention.start for mention in mentions]

    def subjects(start: int, end: int) -> list[str]:
        first, last = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        named = [m.person for m in mentions[first:last] if m.end <= end]
        if named:
            return list(dict.fromkeys(named))
        if re.search(rf"(?<![\w-]){either_case(SUBJECT_PRONOUNS)}(?![\w-])", text[start:end]):
            mention = attributor.last_mention(start)
            return [mention.person] if mention else []
        return []

    return subjects


def _quote_id(speaker: str, words: str, taken: Taken) -> str:
    salient = [w for w in re.findall(r"[a-z0-9]+", words.lower()) if w not in STOPWORDS]
    return taken.unique("-".join([speaker, *salient[:3]])[:70].strip("-"))


def first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


_DATE_IN_TEXT = (
    re.compile(rf"\b(?P<month>{'|'.join(MONTHS)})\s+(?P<day>\d{{1,2}}),\s+(?P<year>\d{{4}})\b"),
    re.compile(rf"\b(?P<day>\d{{1,2}})\s+(?P<month>{'|'.join(MONTHS)})\s+(?P<year>\d{{4}})\b"),
)


def event_date_of(text: str, options: Options) -> tuple[str, str, bool]:
    """The meeting's date, its basis, and whether it is known: --date, else the first full date
    in the text, else today's date as a placeholder."""
    if options.date:
        basis = f"Given as --date {options.date} when drafting; check it against the source."
        return options.date, basis, True
    for pattern in _DATE_IN_TEXT:
        match = pattern.search(text)
        if match:
            month = MONTHS.index(match.group("month")) + 1
            date = f"{match.group('year')}-{month:02d}-{int(match.group('day')):02d}"
            try:
                datetime.date.fromisoformat(date)
            except ValueError:
                continue
            return date, f"Drafted from the words {match.group()!r} in the text; check it.", True
    today = datetime.date.today().isoformat()
    return today, "PLACEHOLDER: no --date was given and the text names no date; set it.", False
