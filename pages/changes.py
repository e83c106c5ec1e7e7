import streamlit as st

from dialogue_tracker.filters import filter_steps
from dialogue_tracker.ui import changes_view
from dialogue_tracker.ui.page import start_page

view = start_page(
    "What changed",
    "Pick two meetings: the stances that are new, dropped or changed between them, the next "
    "steps recorded in between, and the status changes dated in between, each with the quotes "
    "it rests on. A side's stance as of a meeting is the latest one a source gives up to it; "
    "it is dropped when that latest source gives the side no position on the issue.",
)
pair = changes_view.pick_pair(view)
if pair:
    found, before, after = pair
    steps = filter_steps(view.frames.steps, view.filters)
    st.subheader("Stances", anchor=False)
    changes_view.stances(view, found, before, after)
    st.subheader("New next steps", anchor=False)
    changes_view.new_steps(view, steps, found, before, after)
    st.subheader("Status changes", anchor=False)
    changes_view.status_changes(view, steps, before, after)
