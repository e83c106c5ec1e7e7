"""Stances through time on the pages: the Overview's matrix as of a meeting (`?as_of=`), and
the Issue page's history, a sequence per side with each change of status marked."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dialogue_tracker.dates import describe
from dialogue_tracker.history import meetings, stance_history, stances_as_of
from dialogue_tracker.ui import cards
from dialogue_tracker.ui.meeting_picker import pick_meeting
from dialogue_tracker.ui.page import View
from dialogue_tracker.ui.quote_links import QuoteLinks
from dialogue_tracker.ui.source_label import excerpt_badge
from dialogue_tracker.ui.text import md

AS_OF = "as_of"
LATEST = 12
"""Stances shown per side on the Issue page: the latest, the earlier ones said and counted."""


def stances_as_of_meeting(view: View) -> pd.DataFrame:
    """The stances as of the meeting the reader picks (the latest by default), for the matrix."""
    found = meetings(view.catalog)
    if len(found) < 2:
        return view.frames.current
    meeting = pick_meeting(found, AS_OF, "As of the meeting", default=found[-1])
    if meeting is not found[-1]:
        st.caption(md(f"The matrix as it stood after {meeting.label}; later sources are left out."))
    return stances_as_of(view.frames.stances, found, meeting)


def sequence(stances: pd.DataFrame, side: str) -> list[tuple[str, list[str]]]:
    """One side's stances on one issue, oldest first: each as text, with the quotes it rests on."""
    history = stance_history(stances[stances["side"] == side])
    items = []
    for row in history.to_dict("records"):
        stance = cards.stance_text(row, separator=f"{_change(row)}  \n", side=False)
        source = cards.small("Source: " + md(row["source_title"])) + excerpt_badge(row["excerpt"])
        items.append((f"**{describe(row['date'])}** · {stance}  \n{source}", row["quotes"]))
    return items


def _change(row: dict) -> str:
    if row["status"] == "not_stated":
        return " " + cards.small("no position at this meeting")
    if row["previous"] is None:
        return ""
    if not row["changed"]:
        return " " + cards.small("unchanged")
    before = cards.STATUS[row["previous"]][0]
    return " " + cards.badge(f"changed from {before}", ":material/swap_horiz:", "gray")


def history(view: View, stances: pd.DataFrame) -> None:
    """A column per side: the sequence of its latest stances, or that it has none."""
    if stances.empty:
        cards.nothing_left("stances")
        return
    links = QuoteLinks(view)
    for side, column in zip(view.sides, st.columns(len(view.sides)), strict=True):
        with column, st.container(border=True):
            items = sequence(stances, side) or [("No stance recorded.", [])]
            links.under([(f"**{md(view.catalog.sides[side].name)}**", []), *_latest(items)])


def _latest(items: list) -> list:
    """The last `LATEST` items, after a line that counts the earlier ones."""
    if len(items) <= LATEST:
        return items
    earlier = cards.small(
        f"The latest {LATEST} of {len(items)} stances. The earlier ones: pick two meetings on "
        "What changed, or narrow the filters."
    )
    return [(earlier, []), *items[-LATEST:]]
