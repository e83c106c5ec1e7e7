"""Stances through time: the meetings in date order, each side's stance at each of them, the
matrix as of any meeting, and what changed between two meetings.

A meeting is a date with its sources (the news report and the transcripts of one day). The
stance of a side on an issue *as of* a meeting is the latest one recorded by that meeting's
sources or by an earlier meeting's; `not_stated` counts as no stance.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dialogue_tracker.catalog import Catalog
from dialogue_tracker.dates import date_range, describe
from dialogue_tracker.frames import current_stances

NO_STANCE = "not_stated"


@dataclass(frozen=True)
class Meeting:
    """One date's sources; `id` (its first source's id) is what a URL names it by."""

    date: str
    event: str
    sources: tuple[str, ...]

    @property
    def id(self) -> str:
        return self.sources[0]

    @property
    def label(self) -> str:
        count = f" ({len(self.sources)} sources)" if len(self.sources) > 1 else ""
        return f"{describe(self.date)} · {self.event}{count}"


def meetings(catalog: Catalog) -> list[Meeting]:
    """The meetings, oldest first (the catalog holds its sources in date order)."""
    by_date: dict[str, list] = {}
    for entry in catalog.sources:
        by_date.setdefault(entry.record.event_date, []).append(entry)
    return [
        Meeting(date, entries[0].record.event, tuple(entry.id for entry in entries))
        for date, entries in by_date.items()
    ]


def find_meeting(found: list[Meeting], source_id: str | None) -> Meeting | None:
    """The meeting that a source id (any of the meeting's sources) names, if any."""
    return next((meeting for meeting in found if source_id in meeting.sources), None)


def sources_up_to(found: list[Meeting], meeting: Meeting) -> set[str]:
    index = found.index(meeting)
    return {source for earlier in found[: index + 1] for source in earlier.sources}


def stances_as_of(stances: pd.DataFrame, found: list[Meeting], meeting: Meeting) -> pd.DataFrame:
    """Each side's latest stance on each issue, from the sources up to and including `meeting`."""
    return current_stances(stances[stances["source"].isin(sources_up_to(found, meeting))])


def stance_history(stances: pd.DataFrame) -> pd.DataFrame:
    """Each side's stances on each issue, meeting by meeting (oldest first). A meeting where one
    source states a position and another gives none keeps only the stated; a meeting where
    none does keeps one `not_stated`. Each stated stance carries the last position stated before
    it (`previous`, None for the first) and whether it `changed` it; a gap changes nothing."""
    keys = ["issue", "side", "date"]
    stated = stances["status"] != NO_STANCE
    ordered = stances.assign(_gap=~stated).sort_values([*keys, "_gap", "source"])
    kept = ordered[~ordered["_gap"] | ~ordered.duplicated(keys)].drop(columns="_gap")
    said = kept["status"].where(kept["status"] != NO_STANCE)
    previous = said.groupby([kept["issue"], kept["side"]]).transform(lambda s: s.shift().ffill())
    previous = previous.astype(object).where(previous.notna() & said.notna(), None)
    changed = previous.notna() & (previous != kept["status"])
    return kept.assign(previous=previous, changed=changed)


CHANGE_KINDS = {
    "new": "New stance",
    "dropped": "Dropped: no longer stated",
    "changed": "Changed stance",
}


def stance_changes(
    stances: pd.DataFrame, found: list[Meeting], before: Meeting, after: Meeting
) -> pd.DataFrame:
    """Where the matrix as of `after` differs from the matrix as of `before`: one row per issue
    and side with its `kind` (new, dropped, changed) and both stances (`_before`, `_after`)."""
    keys = ["issue", "side"]
    old = stances_as_of(stances, found, before).set_index(keys)
    new = stances_as_of(stances, found, after).set_index(keys)
    both = old.merge(
        new, how="outer", left_index=True, right_index=True, suffixes=("_before", "_after")
    )
    was = both["status_before"].fillna(NO_STANCE) != NO_STANCE
    now = both["status_after"].fillna(NO_STANCE) != NO_STANCE
    kind = pd.Series(None, index=both.index, dtype=object)
    kind[~was & now] = "new"
    kind[was & ~now] = "dropped"
    kind[was & now & (both["status_before"] != both["status_after"])] = "changed"
    changes = both.assign(kind=kind)[kind.notna()].reset_index()
    changes = changes.astype(object).where(changes.notna(), None)
    order = {kind: rank for rank, kind in enumerate(CHANGE_KINDS)}
    return changes.sort_values(
        ["kind", "issue", "side"], key=lambda c: c.map(order) if c.name == "kind" else c
    ).reset_index(drop=True)


def steps_between(steps: pd.DataFrame, found: list[Meeting], before: Meeting, after: Meeting):
    """Next steps first recorded by a source after `before`, up to and including `after`."""
    sources = sources_up_to(found, after) - sources_up_to(found, before)
    return steps[steps["source"].isin(sources)]


def in_window(date: str, before: Meeting, after: Meeting) -> bool:
    """Whether a dated item falls after `before`'s day, up to the end of `after`'s."""
    start = date_range(date)[0]
    return date_range(before.date)[1] < start <= date_range(after.date)[1]
