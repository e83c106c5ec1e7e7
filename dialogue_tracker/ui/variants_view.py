"""Statements in several wordings, side by side: on the Quotes page and in a quote's panel."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dialogue_tracker.dates import describe
from dialogue_tracker.ui import cards
from dialogue_tracker.ui.page import View
from dialogue_tracker.ui.quote_links import quote_page_links
from dialogue_tracker.ui.source_label import excerpt_badge
from dialogue_tracker.ui.text import md
from dialogue_tracker.variants import variant_groups, variants_of

TRANSLATED = {True: "a translation", False: "not a translation", None: ""}


def wording(row: dict) -> str:
    """One wording: the words, then where they stand (source, date, through whom)."""
    via = f" · via {md(row['reported_via'])}" if row["reported_via"] else ""
    translated = f" · {TRANSLATED[row['translated']]}" if row["translated"] is not None else ""
    where = (
        f"{md(row['source_title'])}{excerpt_badge(row['excerpt'])} · {describe(row['date'])}"
        f"{via}{translated}"
    )
    return f"“{md(row['text'])}”  \n{cards.small(where)}"


def side_by_side(group: pd.DataFrame, per_row: int = 3) -> None:
    """The wordings in columns, each with a link to its own permalink and citation."""
    rows = group.to_dict("records")
    for first in range(0, len(rows), per_row):
        chunk = rows[first : first + per_row]
        for column, row in zip(st.columns(len(chunk)), chunk, strict=True):
            with column, st.container(border=True):
                st.markdown(wording(row))
                quote_page_links([(row["id"], "Permalink and citation")])


def statements(view: View, shown: pd.DataFrame, limit: int = 10) -> None:
    """Every statement that a shown quote is one wording of, its wordings side by side."""
    groups = variant_groups(view.frames.quotes, shown)
    if not groups:
        return
    st.subheader("One statement, several wordings", anchor=False)
    st.caption(
        "The same words as different sources give them: a news report's relay beside the "
        "transcript, or a translation. Each is quoted exactly as its source has it."
    )
    for group in groups[:limit]:
        st.markdown(f"**{md(group.iloc[0]['speaker_name'])}** · {len(group)} wordings")
        side_by_side(group)
    if len(groups) > limit:
        st.caption(f"…and {len(groups) - limit} more statement(s): search to narrow them down.")


def panel(view: View, quote_id: str) -> None:
    """In a quote's panel: the quote beside its other wordings, if it has any."""
    group = variants_of(view.frames.quotes, quote_id)
    if len(group) > 1:
        st.caption("This statement in other sources' words (the selected wording first)")
        side_by_side(group)
