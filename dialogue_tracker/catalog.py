"""The validated data, held as frozen objects that every session may share and none may change."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from dialogue_tracker.model import (
    Issue,
    Milestone,
    NextStep,
    Quote,
    Side,
    Source,
    Speaker,
    Stance,
    StatusUpdate,
)
from dialogue_tracker.provenance import Located

NO_PUBLISHER = "publisher unknown"
EXCERPT = "excerpt: only the opening of the page was retrieved"


@dataclass(frozen=True)
class SourceEntry:
    """One source with its verbatim text and where each of its quotes stands in that text."""

    record: Source
    text: str
    quotes: tuple[Quote, ...]
    stances: tuple[Stance, ...]
    next_steps: tuple[NextStep, ...]
    spans: Mapping[str, Located]
    draft: bool = False

    @property
    def id(self) -> str:
        return self.record.id


@dataclass(frozen=True)
class Catalog:
    """Everything loaded from a data folder; sources are ordered by event date, oldest first."""

    sides: Mapping[str, Side]
    speakers: Mapping[str, Speaker]
    issues: Mapping[str, Issue]
    milestones: tuple[Milestone, ...]
    sources: tuple[SourceEntry, ...]
    version: str

    def source(self, source_id: str) -> SourceEntry:
        return next(entry for entry in self.sources if entry.id == source_id)

    def evidence_source(self, update: StatusUpdate) -> tuple[str, str | None]:
        """The title and address of the source a status-log entry rests on."""
        if update.source_id is None:
            return update.source.title, update.source.url
        record = self.source(update.source_id).record
        return cited_as(record), record.url

    def variants(self, quote: Quote) -> list[tuple[SourceEntry, Quote]]:
        """The other wordings of the quote's statement (in any source), oldest source first."""
        if quote.statement is None:
            return []
        return [
            (entry, other)
            for entry, other in self.quotes()
            if other.statement == quote.statement and other.id != quote.id
        ]

    def quotes(self) -> list[tuple[SourceEntry, Quote]]:
        return [(entry, quote) for entry in self.sources for quote in entry.quotes]

    def counts(self) -> dict[str, int]:
        """How many records of each kind the catalog holds."""
        return {
            "sources": len(self.sources),
            "quotes": sum(len(entry.quotes) for entry in self.sources),
            "stances": sum(len(entry.stances) for entry in self.sources),
            "next_steps": sum(len(entry.next_steps) for entry in self.sources),
            "milestones": len(self.milestones),
        }


def publisher_of(record: Source) -> str | None:
    """The source's publisher, or None where the source names none (`publisher: unknown`)."""
    return None if record.publisher == "unknown" else record.publisher


def cited_as(record: Source) -> str:
    """How every citation names a source: title, publisher, and whether it is an excerpt."""
    publisher = publisher_of(record) or NO_PUBLISHER
    excerpt = f"; {EXCERPT}" if record.excerpt else ""
    return f"“{record.title}” ({publisher}{excerpt})"
