"""The What-changed page: two meetings from the URL (`from`, `to`), and between them the new,
dropped and changed stances, the new next steps and the status changes, each with its quotes."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dialogue_tracker.commitments import logged_evidence
from dialogue_tracker.dates import describe
from dialogue_tracker.filters import filter_stances
from dialogue_tracker.history import (
    CHANGE_KINDS,
    Meeting,
    in_window,
    meetings,
    stance_changes,
    steps_between,
)
from dialogue_tracker.ui import cards
from dialogue_tracker.ui.commitments_view import evidence_text
from dialogue_tracker.ui.meeting_picker import pick_meeting
from dialogue_tracker.ui.page import View
from dialogue_tracker.ui.quote_links import QuoteLinks
from dialogue_tracker.ui.source_label import excerpt_badge
from dialogue_tracker.ui.text import md

FROM, TO = "from", "to"
KIND_BADGES = {
    "new": (":material/add_circle:", "green"),
    "dropped": (":material/remove_circle:", "gray"),
    "changed": (":material/swap_horiz:", "blue"),
}


def pick_pair(view: View) -> tuple[list[Meeting], Meeting, Meeting] | None:
    """The two meetings to compare, earlier first; the latest two by default."""
    found = meetings(view.catalog)
    if len(found) < 2:
        st.info("One meeting is recorded so far: there is nothing to compare it with yet.")
        return None
    left, right = st.columns(2)
    with left:
        before = pick_meeting(found, FROM, "From the meeting", default=found[-2])
    with right:
        after = pick_meeting(found, TO, "To the meeting", default=found[-1])
    if found.index(before) > found.index(after):
        st.caption("The later meeting was picked first; the comparison runs from the earlier.")
        before, after = after, before
    if before is after:
        st.info("Pick two different meetings to see what changed between them.")
        return None
    return found, before, after


def stance_change_blocks(view: View, changes: pd.DataFrame) -> list[tuple[str, list[str]]]:
    """Each changed stance: issue, side and the kind of change, then the stance before and
    after, each dated, with its summary, and each with the quotes it rests on."""
    blocks = []
    for row in changes.to_dict("records"):
        icon, color = KIND_BADGES[row["kind"]]
        heading = (
            f"**{md(view.catalog.issues[row['issue']].title)}** · "
            f"{md(view.catalog.sides[row['side']].short_name)}: "
            f"{cards.badge(CHANGE_KINDS[row['kind']], icon, color)}"
        )
        before, quotes = _state(row, "before")
        blocks += [(f"{heading}  \n{before}", quotes), _state(row, "after")]
    return blocks


def _state(row: dict, when: str) -> tuple[str, list[str]]:
    """One side of a change: the stance as of one meeting, or that there was none; its quotes."""
    status = row[f"status_{when}"]
    if status is None:
        return f"{when.capitalize()}: {cards.small('no stance recorded')}", []
    said = cards.small(
        f"*{cards.CURATOR}:* {md(row[f'summary_{when}'])} · {md(row[f'source_title_{when}'])}"
    )
    return (
        f"{when.capitalize()}, {describe(row[f'date_{when}'])}: {cards.status_badge(status)} "
        f"{said}{excerpt_badge(row[f'excerpt_{when}'])}",
        row[f"quotes_{when}"],
    )


def stances(view: View, found: list[Meeting], before: Meeting, after: Meeting) -> None:
    all_stances = filter_stances(view.frames.stances, view.catalog, view.filters)
    changes = stance_changes(all_stances, found, before, after)
    if changes.empty:
        st.caption("No stance is new, dropped or changed between these meetings.")
        return
    QuoteLinks(view).under(stance_change_blocks(view, changes))


def new_steps(view: View, steps: pd.DataFrame, found, before: Meeting, after: Meeting) -> None:
    added = steps_between(steps, found, before, after)
    if added.empty:
        st.caption("No next step was recorded after the first meeting, up to the second.")
        return
    QuoteLinks(view).under(
        (
            f"**{md(row['description'])}**  \n"
            + cards.small(
                f"{md(row['issue_title'])} · {md(row['who'] or 'no owner named')} · "
                f"Target: {cards.target_text(row)} · first recorded in "
                f"{md(row['source_title'])}{excerpt_badge(row['excerpt'])}"
            ),
            row["quotes"],
        )
        for row in added.to_dict("records")
    )


def status_changes(view: View, steps: pd.DataFrame, before: Meeting, after: Meeting) -> None:
    """Evidence on the steps dated after the first meeting, up to the second."""
    descriptions = dict(zip(steps["id"], steps["description"], strict=True))
    dated = [e for e in logged_evidence(view.catalog, steps) if in_window(e.date, before, after)]
    if not dated:
        st.caption("No status change or related report is dated between these meetings.")
        return
    QuoteLinks(view).under(
        (f"*{md(descriptions[e.step])}*  \n{evidence_text(e)}", e.quotes) for e in dated
    )
