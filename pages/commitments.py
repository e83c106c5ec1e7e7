import streamlit as st

from dialogue_tracker.filters import filter_steps
from dialogue_tracker.ui import cards, commitments_view
from dialogue_tracker.ui.page import start_page

view = start_page(
    "Commitments",
    "Did they do it? Each next step with its status now, who owns it, its target, and the "
    "dated trail of evidence behind the status. No status is claimed without a source: a step "
    "is open on the word of the source that recorded it until later evidence about that step "
    "says otherwise; reports about something else are shown as related.",
)
steps = filter_steps(view.frames.steps, view.filters)
st.markdown(commitments_view.meter(steps))
if steps.empty:
    cards.nothing_left("next steps")
commitments_view.step_cards(view, steps)
