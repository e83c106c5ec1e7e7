import streamlit as st

from dialogue_tracker.ui import cards, quotes_view, variants_view
from dialogue_tracker.ui.page import start_page

view = start_page(
    "Quotes",
    "Every quote in the sources' own words. Search, sort by any column, download exactly the "
    "rows shown, or select a row for its permalink and citation.",
)
search = st.text_input("Search the quotes", key="q", bind="query-params", placeholder="e.g. Geneva")
quotes = quotes_view.search(view.quotes(), search)
st.caption(f"{len(quotes)} of {len(view.frames.quotes)} quote(s) shown.")
selected = quotes_view.table(quotes, recorded=not view.frames.quotes.empty)
quotes_view.downloads(quotes)
quotes_view.selected_quote(view, selected)
variants_view.statements(view, quotes)

st.subheader("The quotes in full", anchor=False)
cards.quote_list(quotes, view.params, limit=10)
