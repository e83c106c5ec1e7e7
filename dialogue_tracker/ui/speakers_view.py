"""Parts of the Speakers page: who the filters leave, and each one's quotes per issue."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dialogue_tracker.filters import any_in
from dialogue_tracker.model import Speaker
from dialogue_tracker.ui import cards
from dialogue_tracker.ui.page import View
from dialogue_tracker.ui.text import md


def speakers_shown(view: View) -> list[Speaker]:
    chosen = view.filters.speakers
    return [
        speaker
        for speaker in view.catalog.speakers.values()
        if (not chosen or speaker.id in chosen) and speaker.side in view.sides
    ]


def speaker_card(view: View, speaker: Speaker, quotes: pd.DataFrame) -> None:
    """A speaker's role and side, and their quotes in view, per issue; says whether a speaker
    who shows none said nothing in the sources at all or only nothing the filters keep."""
    with st.container(border=True):
        st.subheader(md(speaker.name), anchor=False)
        st.caption(f"{md(speaker.role)} · {md(view.catalog.sides[speaker.side].name)}")
        said = quotes[quotes["speaker"] == speaker.id]
        if said.empty:
            ever = (view.frames.quotes["speaker"] == speaker.id).any()
            st.caption(
                "No quotes of this speaker match the filters."
                if ever
                else "No quote of this speaker in any source: named in the registry only."
            )
        for issue in view.issues:
            on_issue = said[any_in(said["issues"], [issue])]
            if not on_issue.empty:
                title = md(view.catalog.issues[issue].title)
                st.markdown(f"**{title}** · {len(on_issue)} quote(s)")
                cards.quote_list(on_issue, limit=5, show_issues=False)
