"""Parts of the Overview: the positions matrix (issues × sides), its next steps and quotes."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dialogue_tracker.filters import filter_stances, filter_steps
from dialogue_tracker.ui import cards, history_view
from dialogue_tracker.ui.page import View
from dialogue_tracker.ui.text import md


def current_positions(view: View) -> pd.DataFrame:
    """Each side's stance on each issue shown as of the meeting the reader picks (the latest by
    default), indexed by (issue, side)."""
    as_of = history_view.stances_as_of_meeting(view)
    return filter_stances(as_of, view.catalog, view.filters).set_index(["issue", "side"])


def steps(view: View) -> pd.DataFrame:
    return filter_steps(view.frames.steps, view.filters)


def issue_links(view: View) -> None:
    """Each issue in view opens its page, in this tab. The filters come along by themselves
    (their widgets are bound to the URL), so a link names only the page's own `show`."""
    with st.container(horizontal=True):
        for issue in view.issues:
            st.page_link(
                "pages/issue.py",
                label=view.catalog.issues[issue].title,
                icon=":material/topic:",
                query_params={"show": issue},
            )


def positions_table(view: View, stances: pd.DataFrame) -> str:
    """The issues × sides matrix of current stances as one markdown table: a page element
    costs the browser a few milliseconds, and a grid of columns would take 60 of them."""
    sides = view.sides
    header = ["Issue", *(md(view.catalog.sides[side].short_name) for side in sides)]
    rows = [header, ["---"] * len(header)]
    for issue in view.issues:
        cells = [f"**{md(view.catalog.issues[issue].title)}**"]
        for side in sides:
            if (issue, side) in stances.index:
                stance = stances.loc[(issue, side)]
                text = cards.stance_text(stance, separator=" ", side=False)
                cells.append(f"{text} {whose_words(view, stance)}".strip())
            else:
                cells.append(cards.small("No stance recorded."))
        rows.append([cell.replace("  \n", " ") for cell in cells])  # a table row is one line
    return "\n".join("| " + " | ".join(row) + " |" for row in rows)


def whose_words(view: View, stance) -> str:
    """With a speaker filter: whose quotes a stance rests on, so that a side's stance is not
    read as the chosen speaker's own."""
    if not view.filters.speakers:
        return ""
    quotes = view.frames.quotes
    names = quotes[quotes["id"].isin(stance["quotes"])]["speaker_name"].unique().tolist()
    if not names:
        return cards.small("(rests on no quote)")
    mine = set(names) & {view.catalog.speakers[s].name for s in view.filters.speakers}
    others = "" if mine else ", not the chosen speaker's"
    return cards.small(f"(rests on {md(', '.join(names))}'s words{others})")
