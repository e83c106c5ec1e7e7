"""Next steps as commitments: each step's status with the dated trail of evidence behind it.

A status is never claimed without a source: a step is `open` on the word of the source that
recorded it, and each later status on the evidence that speaks of the step. Evidence about
something else (`related`) joins the trail with how it relates, and claims no status.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dialogue_tracker.catalog import Catalog, cited_as

STEP_STATUSES = ("open", "in_progress", "done", "missed", "dropped")


@dataclass(frozen=True)
class Evidence:
    """One dated entry of a step's trail."""

    step: str
    date: str
    kind: str  # "recorded" (the source that set the step), "step" or "related"
    status: str | None
    relation: str | None
    note: str
    source_title: str
    url: str | None
    source_id: str | None
    quotes: tuple[str, ...]


def trail(catalog: Catalog, step: pd.Series | dict) -> list[Evidence]:
    """The step's record in its source, then its status log, oldest first."""
    return [recorded(catalog, step), *logged(catalog, step)]


def recorded(catalog: Catalog, step: pd.Series | dict) -> Evidence:
    """The source that recorded the step: it is open on that source's word."""
    entry = catalog.source(step["source"])
    return Evidence(
        step=step["id"],
        date=entry.record.event_date,
        kind="recorded",
        status="open",
        relation=None,
        note="Recorded at this meeting: open from here on.",
        source_title=cited_as(entry.record),
        url=entry.record.url,
        source_id=entry.id,
        quotes=tuple(step["quotes"]),
    )


def logged(catalog: Catalog, step: pd.Series | dict) -> list[Evidence]:
    """The step's status log as evidence, oldest first."""
    return [_logged(catalog, step["id"], update) for update in step["status_log"]]


def _logged(catalog: Catalog, step_id: str, update) -> Evidence:
    title, url = catalog.evidence_source(update)
    return Evidence(
        step=step_id,
        date=update.date,
        kind=update.evidence,
        status=update.status,
        relation=update.relation,
        note=update.note,
        source_title=title,
        url=url,
        source_id=update.source_id,
        quotes=update.quotes,
    )


def has_log(steps: pd.DataFrame) -> pd.Series:
    """Which steps later evidence speaks of."""
    return steps["status_log"].map(bool).astype(bool)


def with_evidence_first(steps: pd.DataFrame) -> pd.DataFrame:
    """The steps that later evidence speaks of first (the news), then the rest, each group in
    the order of the sources."""
    later = has_log(steps)
    return pd.concat([steps[later], steps[~later]])


def status_counts(steps: pd.DataFrame) -> dict[str, int]:
    """How many steps stand at each status (the meter), every status listed."""
    counts = steps["status"].value_counts()
    return {status: int(counts.get(status, 0)) for status in STEP_STATUSES}


def logged_evidence(catalog: Catalog, steps: pd.DataFrame) -> list[Evidence]:
    """Every status-log entry of the steps, in date order (the records of the steps left out)."""
    found = [
        entry
        for step in steps[has_log(steps)].to_dict("records")
        for entry in logged(catalog, step)
    ]
    return sorted(found, key=lambda entry: entry.date)
