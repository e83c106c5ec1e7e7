import streamlit as st

from dialogue_tracker.ui import cards, overview_view
from dialogue_tracker.ui.page import start_page

view = start_page(
    "Where the US and Russia stand",
    "Each side's stance on each issue, as the sources report it, with the agreed next steps "
    "and the quotes behind them.",
    tab="Overview",
)

st.header("Positions", anchor=False)
stances = overview_view.current_positions(view)
if stances.empty:
    cards.nothing_left("stances", recorded=not view.frames.current.empty)
else:
    st.markdown(overview_view.positions_table(view, stances))
    st.caption("Status words carry the meaning; colours only repeat it. Open an issue's page:")
    overview_view.issue_links(view)

st.header("Agreed and proposed next steps", anchor=False)
steps = overview_view.steps(view)
if steps.empty:
    cards.nothing_left("next steps", recorded=not view.frames.steps.empty)
cards.step_list(view.catalog, steps, limit=5)

st.header("Quotes in view", anchor=False)
quotes = view.quotes()
if quotes.empty:
    cards.nothing_left("quotes", recorded=not view.frames.quotes.empty)
cards.quote_list(quotes, limit=5)

st.header("Sources", anchor=False)
cards.source_list(view.catalog.sources, limit=5)
