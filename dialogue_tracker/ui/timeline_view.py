"""Parts of the Timeline page around the chart: its key, undated steps and the table."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dialogue_tracker.timeline import KIND_LABELS, focus_range
from dialogue_tracker.ui.cards import target_text
from dialogue_tracker.ui.text import md


def legend(events: pd.DataFrame) -> None:
    window = focus_range(events)
    outside = 0 if window is None else int((events["start"] < window[0]).sum())
    hidden = (
        f" {outside} earlier context item(s) lie left of the initial range: zoom out, "
        "or see the table below."
        if outside
        else ""
    )
    st.caption(
        "◆ meeting · ● quote · □ context from a public source (not the article) · "
        f"✕ later status update · bar: next-step target over the period it names.{hidden}"
    )


def undated_steps(steps: pd.DataFrame) -> None:
    undated = steps[steps["target"].isna()]
    if undated.empty:
        st.caption("None: every next step in view has a date.")
    for _, row in undated.iterrows():
        st.markdown(
            f"**{md(row['description'])}**  \n{md(row['issue_title'])} · {target_text(row)}"
        )


def events_table(events: pd.DataFrame) -> None:
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
