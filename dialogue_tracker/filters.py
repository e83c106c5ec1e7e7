"""The reader's filters (issue, speaker, side) and what they leave of each table.

Every function returns a new frame; the shared frames are never changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from dialogue_tracker.catalog import Catalog


@dataclass(frozen=True)
class Filters:
    """Selected ids; an empty tuple means no filter on that dimension."""

    issues: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    sides: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        return bool(self.issues or self.speakers or self.sides)


def _any_in(values: pd.Series, wanted: Iterable[str]) -> pd.Series:
    wanted = set(wanted)
    return values.map(lambda items: isinstance(items, tuple) and not wanted.isdisjoint(items))


def filter_quotes(quotes: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    keep = pd.Series(True, index=quotes.index)
    if filters.issues:
        keep &= _any_in(quotes["issues"], filters.issues)
    if filters.speakers:
        keep &= quotes["speaker"].isin(filters.speakers)
    if filters.sides:
        keep &= quotes["side"].isin(filters.sides)
    return quotes[keep]


def shown_sides(catalog: Catalog, filters: Filters) -> list[str]:
    """Sides whose columns a view shows: those selected, else those of the selected speakers."""
    if filters.sides:
        return [side for side in catalog.sides if side in filters.sides]
    if filters.speakers:
        wanted = {catalog.speakers[s].side for s in filters.speakers}
        return [side for side in catalog.sides if side in wanted]
    return list(catalog.sides)


def shown_issues(catalog: Catalog, filters: Filters) -> list[str]:
    return [issue for issue in catalog.issues if not filters.issues or issue in filters.issues]


def filter_stances(stances: pd.DataFrame, catalog: Catalog, filters: Filters) -> pd.DataFrame:
    keep = stances["issue"].isin(shown_issues(catalog, filters))
    keep &= stances["side"].isin(shown_sides(catalog, filters))
    return stances[keep]


def filter_steps(steps: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    keep = pd.Series(True, index=steps.index)
    if filters.issues:
        keep &= steps["issue"].isin(filters.issues)
    if filters.speakers:
        keep &= _any_in(steps["speakers"], filters.speakers)
    if filters.sides:
        keep &= _any_in(steps["sides"], filters.sides)
    return steps[keep]


def filter_events(events: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """Timeline events left by the filters: meetings and context by issue only; quotes and
    next-step items also by the speakers and sides they involve."""
    keep = pd.Series(True, index=events.index)
    if filters.issues:
        keep &= events["issue"].isin(filters.issues)
    own = ~events["kind"].isin(["meeting", "context"])
    if filters.speakers:
        keep &= ~own | _any_in(events["speakers"], filters.speakers)
    if filters.sides:
        keep &= ~own | _any_in(events["sides"], filters.sides)
    return events[keep]


def unknown_ids(requested: Iterable[str], known: Iterable[str]) -> list[str]:
    """The requested ids that name nothing."""
    known = set(known)
    return [value for value in requested if value not in known]
