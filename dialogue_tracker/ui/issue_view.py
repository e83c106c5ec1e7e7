"""Parts of the Issue page: the issue picker, a side's stance card, context and history."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dialogue_tracker.dates import describe
from dialogue_tracker.frames import current_stances
from dialogue_tracker.ui import cards
from dialogue_tracker.ui.page import View
from dialogue_tracker.ui.text import link, md, page_url

PICK = "issue_pick"


def _follow_pick() -> None:
    """Picking an issue here sets the shared issue filter, so the URL names it."""
    st.session_state["issue"] = [st.session_state[PICK]]


def issue_link(view: View, issue: str) -> str:
    """A link that opens the issue's page with the current filters (and opens in a new tab)."""
    params = {**view.params, "issue": [issue]}
    return "**" + link(view.catalog.issues[issue].title, page_url("issue", params)) + "**"


def positions_table(view: View, stances: pd.DataFrame) -> str:
    """The issues × sides matrix of current stances as one markdown table: a page element
    costs the browser a few milliseconds, and a grid of columns would take 60 of them."""
    sides = view.sides
    header = ["Issue", *(md(view.catalog.sides[side].short_name) for side in sides)]
    rows = [header, ["---"] * len(header)]
    for issue in view.issues:
        cells = [issue_link(view, issue)]
        for side in sides:
            if (issue, side) in stances.index:
                stance = stances.loc[(issue, side)]
                cells.append(cards.stance_text(stance, separator=" ", side=False))
            else:
                cells.append(cards.small("No stance recorded."))
        rows.append([cell.replace("  \n", " ") for cell in cells])  # a table row is one line
    return "\n".join("| " + " | ".join(row) + " |" for row in rows)


def pick_issue(view: View) -> str:
    """The issue to show: the first one the filter names, else the first of all; changeable."""
    options = list(view.catalog.issues)
    st.session_state[PICK] = view.filters.issues[0] if view.filters.issues else options[0]
    st.selectbox(
        "Issue",
        options,
        key=PICK,
        format_func=lambda issue: view.catalog.issues[issue].title,
        on_change=_follow_pick,
    )
    if len(view.filters.issues) > 1:
        st.caption("Several issues are selected in the filters; this page shows the first.")
    return st.session_state[PICK]


def stance_card(
    view: View, stances: pd.DataFrame, quotes: pd.DataFrame, issue: str, side: str
) -> None:
    with st.container(border=True):
        st.subheader(md(view.catalog.sides[side].name), anchor=False)
        current = current_stances(stances[stances["side"] == side])
        if current.empty:
            st.caption("No stance recorded for this side.")
            return
        row = current.iloc[0]
        cards.stance_summary(row)
        support = quotes[quotes["id"].isin(row["quotes"])]
        if row["quotes"] and support.empty:
            st.caption("The supporting quotes are hidden by the speaker filter.")
        cards.quote_list(support, view.params, limit=5, show_issues=False)


def context_list(view: View, issue: str) -> None:
    milestones = [m for m in view.catalog.milestones if issue in m.issues]
    if not milestones:
        st.caption("No context milestones recorded for this issue.")
    for milestone in milestones:
        st.markdown(
            f"**{describe(milestone.date)}** · {md(milestone.title)}  \n"
            f"Context, not from the sources: {link(milestone.source.title, milestone.source.url)}"
        )
