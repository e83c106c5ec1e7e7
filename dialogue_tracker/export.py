"""The export contract: filtered records as one JSON object or one flat CSV table."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd
from pydantic import BaseModel

from dialogue_tracker.catalog import Catalog
from dialogue_tracker.filters import (
    Filters,
    filter_events,
    filter_quotes,
    filter_stances,
    filter_steps,
)
from dialogue_tracker.frames import Frames

QUOTE_FIELDS = [
    "id", "speaker", "side", "issues", "text", "source", "attribution", "attribution_note",
    "reported_via", "statement", "translated", "paragraph", "start", "end",
]  # fmt: skip
STANCE_FIELDS = ["issue", "side", "status", "summary", "source", "quotes"]
STEP_FIELDS = [
    "id", "issue", "description", "agreed_by", "proposed_by", "demanded_by", "target",
    "target_words", "target_basis", "status", "status_log", "source", "quotes",
]  # fmt: skip
EVENT_FIELDS = ["kind", "issue", "start", "end", "label", "record", "source", "url"]
DRAFT_FIELDS = ["draft", "confidence", "reason", "review"]
"""Added to the records by `export --include-drafts`; a speaker's `review`/`reason` only then."""


def export_records(
    catalog: Catalog, frames: Frames, filters: Filters, include_drafts: bool = False
) -> dict[str, list[dict]]:
    """Everything the filters leave, as plain JSON-ready records. With `include_drafts` (a
    catalog loaded with its drafts), every record says whether it is a draft's (`draft`), and
    quotes, stances, next steps and speakers whether a curator has still to check them
    (`review`); quotes also carry the drafter's `confidence` and `reason`."""
    exclude = set() if include_drafts else {"review", "reason"}
    records = {
        "sources": [_source(entry) for entry in catalog.sources],
        "sides": [side.model_dump() for side in catalog.sides.values()],
        "speakers": [s.model_dump(exclude=exclude) for s in catalog.speakers.values()],
        "issues": [issue.model_dump() for issue in catalog.issues.values()],
        "quotes": as_records(filter_quotes(frames.quotes, filters), QUOTE_FIELDS),
        "stances": as_records(filter_stances(frames.stances, catalog, filters), STANCE_FIELDS),
        "next_steps": as_records(filter_steps(frames.steps, filters), STEP_FIELDS),
        "events": as_records(filter_events(frames.events, filters), EVENT_FIELDS),
    }
    if include_drafts:
        _mark_drafts(records, catalog)
    return records


def _mark_drafts(records: dict[str, list[dict]], catalog: Catalog) -> None:
    drafts = {entry.id for entry in catalog.sources if entry.draft}
    quotes = {quote.id: quote for _, quote in catalog.quotes()}
    stances = {(e.id, s.issue, s.side): s for e in catalog.sources for s in e.stances}
    steps = {step.id: step for entry in catalog.sources for step in entry.next_steps}
    for record in records["sources"]:
        record["draft"] = record["id"] in drafts
    for record in [*records["sides"], *records["issues"]]:
        record["draft"] = False
    for record in records["speakers"]:
        record["draft"] = record["review"]
    for record in records["quotes"]:
        quote = quotes[record["id"]]
        record.update(
            draft=record["source"] in drafts,
            confidence=quote.confidence,
            reason=quote.reason,
            review=quote.review,
        )
    for record in records["stances"]:
        stance = stances[(record["source"], record["issue"], record["side"])]
        record.update(draft=record["source"] in drafts, review=stance.review)
    for record in records["next_steps"]:
        record.update(draft=record["source"] in drafts, review=steps[record["id"]].review)
    for record in records["events"]:
        record["draft"] = record["source"] in drafts


def _source(entry) -> dict:
    return {
        **entry.record.model_dump(exclude={"notes"}),
        "notes": [n.model_dump() for n in entry.record.notes],
    }


def as_records(frame: pd.DataFrame, fields: list[str]) -> list[dict]:
    return [{key: _plain(row[key]) for key in fields} for row in frame.to_dict("records")]


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT:
        return None
    return value


def to_json(records: dict[str, list[dict]]) -> str:
    return json.dumps(records, indent=2, ensure_ascii=False) + "\n"


def to_csv(records: dict[str, list[dict]]) -> str:
    """Quotes, stances and next steps in one table, told apart by the `kind` column."""
    rows = [
        {"kind": kind, **{k: _cell(v) for k, v in record.items()}}
        for kind, key in (("quote", "quotes"), ("stance", "stances"), ("next_step", "next_steps"))
        for record in records[key]
    ]
    columns = [
        "kind",
        *dict.fromkeys(k for fields in (QUOTE_FIELDS, STANCE_FIELDS, STEP_FIELDS) for k in fields),
        *(k for k in DRAFT_FIELDS if any(k in row for row in rows)),
    ]
    return pd.DataFrame(rows, columns=columns, dtype=object).to_csv(index=False)


def _cell(value: Any) -> Any:
    return "; ".join(map(str, value)) if isinstance(value, list) else value
