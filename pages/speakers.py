import streamlit as st

from dialogue_tracker.ui import cards
from dialogue_tracker.ui.page import start_page
from dialogue_tracker.ui.text import md

view = start_page(
    "Speakers",
    "Who spoke, for which side, and what each said on each issue.",
)
quotes = view.quotes()
speakers = [
    speaker
    for speaker in view.catalog.speakers.values()
    if (not view.filters.speakers or speaker.id in view.filters.speakers)
    and speaker.side in view.sides
]
if not speakers:
    cards.nothing_left("speakers")
for speaker in speakers:
    with st.container(border=True):
        st.subheader(md(speaker.name), anchor=False)
        st.caption(f"{md(speaker.role)} · {md(view.catalog.sides[speaker.side].name)}")
        said = quotes[quotes["speaker"] == speaker.id]
        if said.empty:
            st.caption("No quotes of this speaker match the filters.")
        for issue in view.issues:
            on_issue = said[said["issues"].map(lambda ids, issue=issue: issue in ids)]
            if not on_issue.empty:
                title = md(view.catalog.issues[issue].title)
                st.markdown(f"**{title}** · {len(on_issue)} quote(s)")
                cards.quote_list(on_issue, view.params, limit=5, show_issues=False)
