"""The Commitments page: each next step with its status, owner, target and dated trail of
evidence, like a promise meter; related evidence shown as related, with how it relates."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dialogue_tracker.commitments import (
    STEP_STATUSES,
    Evidence,
    status_counts,
    trail,
    with_evidence_first,
)
from dialogue_tracker.dates import describe
from dialogue_tracker.ui import cards
from dialogue_tracker.ui.page import View
from dialogue_tracker.ui.quote_links import QuoteLinks
from dialogue_tracker.ui.text import link, md

STEP_BADGES = {
    "open": ("Open", ":material/radio_button_unchecked:", "gray"),
    "in_progress": ("In progress", ":material/pending:", "blue"),
    "done": ("Done", ":material/check_circle:", "green"),
    "missed": ("Missed", ":material/cancel:", "red"),
    "dropped": ("Dropped", ":material/do_not_disturb_on:", "orange"),
}
RELATED = ("Related", ":material/link:", "violet")


def step_badge(status: str) -> str:
    return cards.badge(*STEP_BADGES[status])


def meter(steps: pd.DataFrame) -> str:
    """The count of steps at each status, as one line of badges."""
    counts = status_counts(steps)
    return " ".join(
        cards.badge(f"{STEP_BADGES[status][0]}: {counts[status]}", *STEP_BADGES[status][1:])
        for status in STEP_STATUSES
    )


def evidence_text(evidence: Evidence) -> str:
    """One entry of a trail: date, the status it gives (or how it relates), what happened and
    the source it rests on (its quotes are linked under it)."""
    if evidence.kind == "related":
        claim = (
            cards.badge(*RELATED)
            + " "
            + cards.small(f"claims no status for this step: {md(evidence.relation)}")
        )
    else:
        claim = step_badge(evidence.status)
    source = (
        link(evidence.source_title, evidence.url) if evidence.url else md(evidence.source_title)
    )
    return (
        f"**{describe(evidence.date)}** · {claim}  \n{md(evidence.note)}  \n"
        + cards.small("Source:")
        + f" {source}"
    )


def step_card(view: View, links: QuoteLinks, step: dict) -> None:
    """The step, its current status, owner and target, then its trail, oldest first, each
    entry followed by its quotes."""
    facts = cards.small(
        f"{md(step['issue_title'])} · Owner: {md(step['who'] or 'none named')} · "
        f"Target: {cards.target_text(step)}"
    )
    heading = (
        f"{cards.draft_badge(step['draft'])}{step_badge(step['status'])} "
        f"**{md(step['description'])}**  \n{facts}"
    )
    with st.container(border=True):
        links.under(
            [
                (heading, []),
                *((evidence_text(e), e.quotes) for e in trail(view.catalog, step)),
            ]
        )


CARDS = 20
"""Step cards on the page: those with evidence first, the rest counted."""


def step_cards(view: View, steps: pd.DataFrame) -> None:
    links = QuoteLinks(view)
    for step in with_evidence_first(steps).head(CARDS).to_dict("records"):
        step_card(view, links, step)
    if len(steps) > CARDS:
        st.caption(f"…and {len(steps) - CARDS} more next step(s): filter by issue to see them.")
