"""Parts of the Issue page: the issue picker, a side's stance card, next steps, context and
history."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dialogue_tracker.dates import describe
from dialogue_tracker.filters import filter_stances, filter_steps
from dialogue_tracker.frames import current_stances
from dialogue_tracker.ui import cards
from dialogue_tracker.ui.embed import embedded, side_by_side
from dialogue_tracker.ui.page import View
from dialogue_tracker.ui.text import link, md, page_url

PICK = "issue_pick"
SHOW = "show"


def pick_issue(view: View) -> str:
    """The issue to show, among those the filters leave: the one in `?show=`, else the first.
    The pick is this page's own (in the URL, so a shared link shows it): it leaves the shared
    Issues filter alone."""
    options = view.issues
    index = options.index(shown_issue(view))
    picked = st.selectbox(
        "Issue shown on this page",
        options,
        index=index,
        key=f"{PICK}_{'_'.join(options)}_{options[index]}",
        format_func=lambda issue: view.catalog.issues[issue].title,
        help="Changes this page only; the Issues filter in the sidebar applies to every page.",
    )
    if picked != options[index]:
        st.query_params[SHOW] = picked
        st.rerun()
    return picked


def shown_issue(view: View) -> str:
    """The issue in `?show=` if the filters leave it, else the first they leave."""
    shown = st.query_params.get(SHOW)
    return shown if shown in view.issues else view.issues[0]


def stance_cards(view: View, stances: pd.DataFrame, issue: str) -> None:
    """Each side's card, side by side (also in an embedding frame narrower than 640 px)."""
    quotes = view.quotes()
    with side_by_side("stance_cards") if embedded() else st.container():
        for side, column in zip(view.sides, st.columns(2), strict=False):
            with column:
                stance_card(view, stances, quotes, issue, side)


def full_record_link(view: View, issue: str) -> None:
    """Under an embedded card: the whole page in a new tab, where the reader can cite."""
    url = page_url(st.context.url or "", {**view.params, SHOW: issue})
    st.markdown(f"{link('Next steps, context, history and citations', url)} · Dialogue Tracker")


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
        cards.quote_list(support, limit=5, show_issues=False)


def context_list(view: View, issue: str) -> None:
    milestones = [m for m in view.catalog.milestones if issue in m.issues]
    if not milestones:
        st.caption("No context milestones recorded for this issue.")
    for milestone in milestones:
        st.markdown(
            f"**{describe(milestone.date)}** · {md(milestone.title)}  \n"
            f"Context, not from the sources: {link(milestone.source.title, milestone.source.url)}"
        )


def issue_stances(view: View, issue: str) -> pd.DataFrame:
    stances = filter_stances(view.frames.stances, view.catalog, view.filters)
    return stances[stances["issue"] == issue]


def issue_steps(view: View, issue: str) -> pd.DataFrame:
    steps = filter_steps(view.frames.steps, view.filters)
    return steps[steps["issue"] == issue]
