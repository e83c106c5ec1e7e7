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
from dialogue_tracker.draft.quote_records import NOBODY, DraftQuote, QuoteBuilder
from dialogue_tracker.draft.quotes import (
    Block,
    MarkProblem,
    Passage,
    blocks,
    find_passages,
)
from dialogue_tracker.draft.rules import LOW_CONFIDENCE
from dialogue_tracker.draft.sentences import Span, sentences
from dialogue_tracker.draft.speakers import Book, Person
from dialogue_tracker.draft.tagging import Tagger
from dialogue_tracker.draft.text import Removed, clean
from dialogue_tracker.draft.transcript import Turn, Voice, Voices, find_turns, turn_passages
from dialogue_tracker.draft.words import SUBJECT_PRONOUNS, either_case
from dialogue_tracker.model import Issue, Side, Speaker
from dialogue_tracker.provenance import paragraph_numbers


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
    builder = QuoteBuilder(text, said.book, tagger, taken, {b.index: b for b in said.blocks})
    for index, (passage, result) in enumerate(zip(said.passages, said.results, strict=True)):
        builder.from_passage(passage, result or NOBODY, said.attributor.sentence_of(index))
    for turn, voice in zip(said.turns, said.voices, strict=True):
        for span in turn_passages(text, turn):
            builder.from_turn(span, voice, turn.label, turn.translated)
    return sorted(builder.quotes, key=lambda quote: quote.start)


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
