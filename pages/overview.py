import streamlit as st

from dialogue_tracker.filters import filter_stances, filter_steps
from dialogue_tracker.ui import cards, history_view
from dialogue_tracker.ui.issue_view import positions_table
from dialogue_tracker.ui.page import start_page

view = start_page(
    "Where the US and Russia stand",
    "Each side's stance on each issue, as the sources report it, with the agreed next steps "
    "and the quotes behind them.",
)

st.header("Positions", anchor=False)
current = filter_stances(history_view.stances_as_of_meeting(view), view.catalog, view.filters)
stances = current.set_index(["issue", "side"])
if stances.empty:
    cards.nothing_left("stances", recorded=not view.frames.current.empty)
else:
    st.markdown(positions_table(view, stances))
st.caption("Status words and icons carry the meaning; colours only repeat it.")

st.header("Agreed and proposed next steps", anchor=False)
steps = filter_steps(view.frames.steps, view.filters)
if steps.empty:
    cards.nothing_left("next steps", recorded=not view.frames.steps.empty)
cards.step_list(view.catalog, steps, limit=10)

st.header("Quotes in view", anchor=False)
quotes = view.quotes()
st.caption(f"{len(quotes)} quote(s) match the filters.")
if quotes.empty:
    cards.nothing_left("quotes", recorded=not view.frames.quotes.empty)
cards.quote_list(quotes, view.params, limit=8)

st.header("Sources", anchor=False)
for entry in reversed(view.catalog.sources[-5:]):
    cards.source_card(entry)
