import streamlit as st

from dialogue_tracker.filters import filter_stances, filter_steps
from dialogue_tracker.ui import cards
from dialogue_tracker.ui.issue_view import issue_link
from dialogue_tracker.ui.page import start_page
from dialogue_tracker.ui.text import md

view = start_page(
    "Where the US and Russia stand",
    "Each side's stance on each issue, as the sources report it, with the agreed next steps "
    "and the quotes behind them.",
)

st.header("Positions", anchor=False)
current = filter_stances(view.frames.current, view.catalog, view.filters)
stances = current.set_index(["issue", "side"])
if stances.empty:
    cards.nothing_left("stances")
for issue in view.issues:
    label, *cells = st.columns([2, 3, 3], vertical_alignment="top")
    label.markdown(issue_link(view, issue))
    for side, cell in zip(view.sides, cells, strict=False):
        with cell:
            if (issue, side) in stances.index:
                cards.stance_summary(stances.loc[(issue, side)])
            else:
                st.caption(f"{md(view.catalog.sides[side].short_name)}: no stance recorded.")
st.caption("Status words and icons carry the meaning; colours only repeat it.")

st.header("Agreed and proposed next steps", anchor=False)
steps = filter_steps(view.frames.steps, view.filters)
if steps.empty:
    cards.nothing_left("next steps")
cards.step_list(steps, limit=10)

st.header("Quotes in view", anchor=False)
quotes = view.quotes()
st.caption(f"{len(quotes)} quote(s) match the filters.")
if quotes.empty:
    cards.nothing_left("quotes")
cards.quote_list(quotes, view.params, limit=8)

st.header("Sources", anchor=False)
for entry in reversed(view.catalog.sources[-5:]):
    cards.source_card(entry)
