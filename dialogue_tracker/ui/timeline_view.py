"""Parts of the Timeline page around the chart: its key, undated steps and the table."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dialogue_tracker.filters import filter_events, filter_steps
from dialogue_tracker.timeline import (
    KIND_LABELS,
    MAX_ITEMS,
    condense,
    in_period,
    latest_period,
    record_window,
    timeline_figure,
)
from dialogue_tracker.ui.cards import target_text
from dialogue_tracker.ui.text import md
from dialogue_tracker.ui.theme import chart_palette


def items(view) -> tuple[pd.DataFrame, int, pd.DataFrame]:
    """The dated items the filters leave (condensed past MAX_ITEMS: how many quotes were
    folded), and the next steps."""
    events, folded = condense(period(filter_events(view.frames.events, view.filters)))
    return events, folded, filter_steps(view.frames.steps, view.filters)


def figure(view, events: pd.DataFrame) -> go.Figure:
    """The chart of `events`, built once per data version, items, lanes and colours: every
    reader of the same view gets the same figure (plotly's checks cost tens of ms a build)."""
    issues = {issue: view.catalog.issues[issue].title for issue in view.issues}
    items = int(pd.util.hash_pandas_object(events[["kind", "record", "issue", "start"]]).sum())
    key = (view.catalog.version, items, tuple(issues.items()), tuple(chart_palette()))
    return _figure(key, events, issues)


@st.cache_resource(max_entries=64, show_spinner=False)
def _figure(key: tuple, _events: pd.DataFrame, _issues: dict[str, str]) -> go.Figure:
    return timeline_figure(_events, _issues, list(key[3]))


def legend(events: pd.DataFrame) -> None:
    window = record_window(events)
    earlier = (
        f" The grey band on the left holds the context from before {window.start.year}, "
        "in date order; hover over a mark for its date."
        if window.earlier
        else ""
    )
    st.caption(
        "What the legend cannot show: a status change sits on its lane's top row, on the date "
        "of the report that gives it; a bar covers the period its target names; a dotted line "
        f"marks a meeting across the lanes.{earlier}"
    )


def period(events: pd.DataFrame) -> pd.DataFrame:
    """Past MAX_ITEMS items, a period slider keeps the chart to the latest years that fit."""
    if len(events) <= MAX_ITEMS:
        return events
    years = events["start"].dt.year
    chosen = st.slider(
        "Period",
        min_value=int(years.min()),
        max_value=int(years.max()),
        value=latest_period(events),
        help=f"Over {MAX_ITEMS:,} items are in view; the chart starts with the latest years.",
    )
    shown = in_period(events, chosen)
    st.caption(f"{len(shown):,} of {len(events):,} items fall in {chosen[0]}–{chosen[1]}.")
    return shown


def undated_steps(steps: pd.DataFrame, limit: int = 15) -> None:
    undated = steps[steps["target"].isna()]
    if undated.empty:
        st.caption("None: every next step in view has a date.")
    items = [
        f"- **{md(row['description'])}**  \n{md(row['issue_title'])} · {target_text(row)}"
        for row in undated.head(limit).to_dict("records")
    ]
    if items:
        st.markdown("\n".join(items))  # one element: each costs the browser a few ms
    if len(undated) > limit:
        st.caption(f"…and {len(undated) - limit} more: filter by issue, or see the Issue page.")


def events_table(events: pd.DataFrame, limit: int = 1000) -> None:
    if len(events) > limit:
        st.caption(f"The first {limit:,} of {len(events):,} items; filter to narrow them down.")
    events = events.head(limit)
    table = events.assign(
        kind=events["kind"].map(KIND_LABELS),
        start=events["start"].dt.date,
        end=events["end"].dt.date,
    )[["start", "end", "issue", "kind", "label", "url"]]
    st.dataframe(
        table,
        hide_index=True,
        column_config={
            "start": "From",
            "end": "To",
            "issue": "Issue",
            "kind": "Kind",
            "label": st.column_config.TextColumn("What", width="large"),
            "url": st.column_config.LinkColumn("Public source"),
        },
    )
