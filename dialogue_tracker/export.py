"""The export contract: filtered records as one JSON object or one flat CSV table."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd

from dialogue_tracker.catalog import Catalog
from dialogue_tracker.csv_cells import to_safe_csv
from dialogue_tracker.export_model import (
    DRAFT_FIELDS,
    EventRecord,
    Export,
    IssueRecord,
    QuoteRecord,
    SideRecord,
    SourceRecord,
    SpeakerRecord,
    StanceRecord,
    StepRecord,
)
from dialogue_tracker.filters import (
    Filters,
    filter_events,
    filter_quotes,
    filter_stances,
    filter_steps,
)
from dialogue_tracker.frames import Frames
from dialogue_tracker.model import Quote


def export_records(
    catalog: Catalog, frames: Frames, filters: Filters, include_drafts: bool = False
) -> dict[str, list[dict]]:
    """Everything the filters leave, as plain JSON-ready records. With `include_drafts` (a
    catalog loaded with its drafts), every record says whether it is a draft's (`draft`), and
    quotes, stances, next steps and speakers whether a curator has still to check them
    (`review`); quotes also carry the drafter's `confidence` and `reason`."""
    return build_export(catalog, frames, filters).plain(include_drafts)


def build_export(catalog: Catalog, frames: Frames, filters: Filters) -> Export:
    drafts = {entry.id for entry in catalog.sources if entry.draft}
    quotes = {quote.id: quote for _, quote in catalog.quotes()}
    stances = {(e.id, s.issue, s.side): s for e in catalog.sources for s in e.stances}
    steps = {step.id: step for entry in catalog.sources for step in entry.next_steps}
    return Export(
        sources=[SourceRecord(**dict(e.record), draft=e.draft) for e in catalog.sources],
        sides=[SideRecord(**dict(side)) for side in catalog.sides.values()],
        speakers=[SpeakerRecord(**dict(s), draft=s.review) for s in catalog.speakers.values()],
        issues=[IssueRecord(**dict(issue)) for issue in catalog.issues.values()],
        quotes=[
            _quote(row, quotes[row["id"]])
            for row in filter_quotes(frames.quotes, filters).to_dict("records")
        ],
        stances=[
            StanceRecord(**row, review=stances[(row["source"], row["issue"], row["side"])].review)
            for row in filter_stances(frames.stances, catalog, filters).to_dict("records")
        ],
        next_steps=[
            StepRecord(**row, review=steps[row["id"]].review)
            for row in filter_steps(frames.steps, filters).to_dict("records")
        ],
        events=[
            EventRecord(**row, draft=row["source"] in drafts)
            for row in filter_events(frames.events, filters).to_dict("records")
        ],
    )


def _quote(row: dict, quote: Quote) -> QuoteRecord:
    """A quote's row, with what the drafter says of it."""
    return QuoteRecord(**row, confidence=quote.confidence, reason=quote.reason, review=quote.review)


def to_json(records: dict[str, list[dict]]) -> str:
    return json.dumps(records, indent=2, ensure_ascii=False) + "\n"


CSV_KINDS = {
    "quote": ("quotes", QuoteRecord),
    "stance": ("stances", StanceRecord),
    "next_step": ("next_steps", StepRecord),
}
"""The records in the CSV, each kind under the name its `kind` column gives it."""


def to_csv(records: dict[str, list[dict]]) -> str:
    """Quotes, stances and next steps in one table, told apart by the `kind` column; a text
    cell a spreadsheet would run as a formula starts with `'` (see `csv_cells`)."""
    rows = [
        {"kind": kind, **{k: _cell(v) for k, v in record.items()}}
        for kind, (key, _) in CSV_KINDS.items()
        for record in records[key]
    ]
    fields = (field for _, model in CSV_KINDS.values() for field in model.model_fields)
    columns = [
        "kind",
        *dict.fromkeys(field for field in fields if field not in DRAFT_FIELDS),
        *(k for k in DRAFT_FIELDS if any(k in row for row in rows)),
    ]
    return to_safe_csv(pd.DataFrame(rows, columns=columns, dtype=object))


def _cell(value: Any) -> Any:
    return "; ".join(map(str, value)) if isinstance(value, list) else value
