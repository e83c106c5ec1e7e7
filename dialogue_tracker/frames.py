"""The catalog as pandas tables: one row per quote, stance, next step and timeline event.

Built once per catalog; callers filter them (see `filters`) and never change them in place.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dialogue_tracker.catalog import Catalog, SourceEntry
from dialogue_tracker.dates import date_range
from dialogue_tracker.model import NextStep


@dataclass(frozen=True)
class Frames:
    """All tables of one catalog."""

    quotes: pd.DataFrame
    stances: pd.DataFrame
    current: pd.DataFrame
    steps: pd.DataFrame
    events: pd.DataFrame


def build_frames(catalog: Catalog) -> Frames:
    """Every table, with what each rerun would otherwise recompute (current stances) worked out
    once."""
    stances = stances_frame(catalog)
    steps = steps_frame(catalog)
    return Frames(
        quotes=quotes_frame(catalog),
        stances=stances,
        current=current_stances(stances),
        steps=steps,
        events=events_frame(catalog, steps),
    )


def current_stances(stances: pd.DataFrame) -> pd.DataFrame:
    """The latest source's stance of each side on each issue; among sources of the same day, one
    that states a position wins over one that gives none (a transcript that ends before a side
    speaks says nothing against the report of what it said)."""
    stated = stances["status"] != "not_stated"
    order = stances.assign(_stated=stated).sort_values(["date", "_stated", "source"])
    return order.groupby(["issue", "side"]).tail(1).drop(columns="_stated")


def quotes_frame(catalog: Catalog) -> pd.DataFrame:
    rows = []
    for entry, quote in catalog.quotes():
        span = entry.spans[quote.id]
        rows.append(
            {
                "id": quote.id,
                **_speaker_columns(catalog, quote.speaker),
                "issues": quote.issues,
                "issue_titles": ", ".join(catalog.issues[i].title for i in quote.issues),
                "text": quote.text,
                "attribution": quote.attribution,
                "attribution_note": quote.attribution_note,
                "reported_via": quote.reported_via,
                "statement": quote.statement,
                "translated": quote.translated,
                **_source_columns(entry),
                "paragraph": span.paragraph,
                "start": span.start,
                "end": span.end,
            }
        )
    return _frame(rows, QUOTE_COLUMNS)


NO_SPEAKER = "No speaker found"
"""Shown for a draft's quote that the drafter could attribute to nobody (`speaker: null`)."""


def _speaker_columns(catalog: Catalog, speaker_id: str | None) -> dict:
    if speaker_id is None:
        return {"speaker": None, "speaker_name": NO_SPEAKER, "side": None, "side_name": "no side"}
    speaker = catalog.speakers[speaker_id]
    return {
        "speaker": speaker_id,
        "speaker_name": speaker.name,
        "side": speaker.side,
        "side_name": catalog.sides[speaker.side].short_name,
    }


def stances_frame(catalog: Catalog) -> pd.DataFrame:
    rows = [
        {
            "issue": stance.issue,
            "issue_title": catalog.issues[stance.issue].title,
            "side": stance.side,
            "side_name": catalog.sides[stance.side].short_name,
            "status": stance.status,
            "summary": stance.summary,
            "quotes": stance.quotes,
            **_source_columns(entry),
        }
        for entry in catalog.sources
        for stance in entry.stances
    ]
    return _frame(rows, STANCE_COLUMNS)


def steps_frame(catalog: Catalog) -> pd.DataFrame:
    rows = [
        _step_row(catalog, entry, step) for entry in catalog.sources for step in entry.next_steps
    ]
    return _frame(rows, STEP_COLUMNS, dates=("target_start", "target_end"))


def _step_row(catalog: Catalog, entry: SourceEntry, step: NextStep) -> dict:
    quoted = {quote.speaker for quote in entry.quotes if quote.id in step.quotes} - {None}
    speakers = {*step.proposed_by, *step.demanded_by, *quoted}
    start, end = date_range(step.target.date) if step.target.date else (None, None)
    return {
        "id": step.id,
        "issue": step.issue,
        "issue_title": catalog.issues[step.issue].title,
        "description": step.description,
        "agreed_by": step.agreed_by,
        "proposed_by": step.proposed_by,
        "demanded_by": step.demanded_by,
        "who": _who(catalog, step),
        "target": step.target.date,
        "target_words": step.target.words,
        "target_basis": step.target.basis,
        "target_start": start,
        "target_end": end,
        "status": step.status,
        "status_log": step.status_log,
        "quotes": step.quotes,
        "speakers": tuple(sorted(speakers)),
        "sides": tuple(sorted({*step.agreed_by, *(catalog.speakers[s].side for s in speakers)})),
        **_source_columns(entry),
    }


def _who(catalog: Catalog, step: NextStep) -> str:
    parts = []
    for verb, ids, names in (
        ("agreed by", step.agreed_by, catalog.sides),
        ("proposed by", step.proposed_by, catalog.speakers),
        ("demanded by", step.demanded_by, catalog.speakers),
    ):
        if ids:
            labels = [getattr(names[i], "short_name", None) or names[i].name for i in ids]
            parts.append(f"{verb} {' and '.join(labels)}")
    return "; ".join(parts)


def events_frame(catalog: Catalog, steps: pd.DataFrame) -> pd.DataFrame:
    """Every dated item of the timeline; undated next steps are left to `steps_frame`.
    Each item carries the speakers and sides it involves, as its quote or step does."""
    rows = []
    for entry in catalog.sources:
        rows += _source_events(catalog, entry)
    for milestone in catalog.milestones:
        start, end = date_range(milestone.date)
        for issue in milestone.issues:
            rows.append(_event("context", issue, start, end, milestone.title, milestone.id))
            rows[-1].update(source_title=milestone.source.title, url=milestone.source.url)
    events = _frame(rows, EVENT_COLUMNS, dates=("start", "end"))
    of_step = events["kind"].isin(["target", "status"])
    for column in ("speakers", "sides"):
        by_step = dict(zip(steps["id"], steps[column], strict=True))
        events[column] = [
            by_step[record] if is_step else own
            for record, is_step, own in zip(events["record"], of_step, events[column], strict=True)
        ]
    return events.sort_values(["start", "kind"], ignore_index=True)


def _source_events(catalog: Catalog, entry: SourceEntry) -> list[dict]:
    start, end = date_range(entry.record.event_date)
    issues = sorted({stance.issue for stance in entry.stances})
    source = {"source": entry.id, "source_title": entry.record.title}
    rows = [
        _event("meeting", i, start, end, entry.record.event, entry.id, **source) for i in issues
    ]
    for quote in entry.quotes:
        who = _speaker_columns(catalog, quote.speaker)
        involved = {"speakers": (quote.speaker,), "sides": (who["side"],)} if quote.speaker else {}
        for issue in quote.issues:
            label = f"{who['speaker_name']}: “{quote.text}”"
            rows.append(_event("quote", issue, start, end, label, quote.id, **source, **involved))
    for step in entry.next_steps:
        if step.target.date:
            target_start, target_end = date_range(step.target.date)
            label = f"Target: {step.description} ({step.target.words or step.target.date})"
            rows.append(
                _event("target", step.issue, target_start, target_end, label, step.id, **source)
            )
        for update in step.status_log:
            update_start, update_end = date_range(update.date)
            label = (
                f"Status {update.status}: {update.note}"
                if update.evidence == "step"
                else f"Related: {update.note} ({update.relation})"
            )
            rows.append(
                _event("status", step.issue, update_start, update_end, label, step.id, **source)
            )
            title, url = catalog.evidence_source(update)
            rows[-1].update(source_title=title, url=url, status=update.status or "related")
    return rows


def _event(kind: str, issue: str, start, end, label: str, record: str, **extra) -> dict:
    return {
        "kind": kind,
        "issue": issue,
        "start": start,
        "end": end,
        "label": label,
        "record": record,
        "speakers": (),
        "sides": (),
        **extra,
    }


def _source_columns(entry: SourceEntry) -> dict:
    return {
        "source": entry.id,
        "source_title": entry.record.title,
        "excerpt": entry.record.excerpt,
        "date": entry.record.event_date,
        "draft": entry.draft,
    }


def _frame(rows: list[dict], columns: list[str], dates: tuple[str, ...] = ()) -> pd.DataFrame:
    """Object columns keep None as None (pandas would turn text columns' None into NaN)."""
    frame = pd.DataFrame(rows, columns=columns, dtype=object)
    for column in dates:
        frame[column] = pd.to_datetime(frame[column])
    return frame


SOURCE_COLUMNS = ["source", "source_title", "excerpt", "date", "draft"]
QUOTE_COLUMNS = [
    "id", "speaker", "speaker_name", "side", "side_name", "issues", "issue_titles", "text",
    "attribution", "attribution_note", "reported_via", "statement", "translated", *SOURCE_COLUMNS,
    "paragraph", "start", "end",
]  # fmt: skip
STANCE_COLUMNS = [
    "issue", "issue_title", "side", "side_name", "status", "summary", "quotes", *SOURCE_COLUMNS,
]  # fmt: skip
STEP_COLUMNS = [
    "id", "issue", "issue_title", "description", "agreed_by", "proposed_by", "demanded_by", "who",
    "target", "target_words", "target_basis", "target_start", "target_end", "status",
    "status_log", "quotes", "speakers", "sides", *SOURCE_COLUMNS,
]  # fmt: skip
EVENT_COLUMNS = [
    "kind", "issue", "start", "end", "label", "record", "speakers", "sides", "source",
    "source_title", "url", "status",
]  # fmt: skip
