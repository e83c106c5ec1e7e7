import streamlit as st

from dialogue_tracker.ui import cards, history_view, issue_view
from dialogue_tracker.ui.embed import embedded
from dialogue_tracker.ui.page import name_tab, page_view, start_page
from dialogue_tracker.ui.text import md

if embedded():  # the card alone, with a link to the rest
    view = page_view("Issue")
    issue = issue_view.shown_issue(view)
else:
    view = start_page(
        "Issue",
        "One issue: both sides' stances side by side, the next steps, the context, and how the "
        "stances changed from source to source.",
    )
    issue = issue_view.pick_issue(view)
name_tab(view, f"Issue: {view.catalog.issues[issue].title}")
st.header(md(view.catalog.issues[issue].title), anchor=False)
st.caption(md(view.catalog.issues[issue].description))

stances = issue_view.issue_stances(view, issue)
issue_view.stance_cards(view, stances, issue)
if embedded():
    issue_view.full_record_link(view, issue)
else:
    st.subheader("Next steps", anchor=False)
    steps = issue_view.issue_steps(view, issue)
    if steps.empty:
        cards.nothing_left("next steps on this issue")
    cards.step_list(view.catalog, steps, limit=10)

    st.subheader("Context", anchor=False)
    issue_view.context_list(view, issue)

    st.subheader("Stance history across sources", anchor=False)
    history_view.history(view, stances)
