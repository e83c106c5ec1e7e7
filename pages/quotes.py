import streamlit as st

from dialogue_tracker.ui import cards, quotes_view, variants_view
from dialogue_tracker.ui.page import start_page

view = start_page(
    "Quotes",
    "Every quote in the sources' own words. Search, sort by any column, download exactly the "
    "rows shown, or select a row for its permalink and citation.",
)
search = st.text_input("Search the quotes", key="q", bind="query-params", placeholder="e.g. Geneva")
quotes = quotes_view.search(view, view.quotes(), search)
st.caption(f"{len(quotes)} of {len(view.frames.quotes)} quote(s) shown.")
chosen = quotes_view.chosen_quote()
quotes_view.follow(chosen, quotes_view.table(quotes, chosen, not view.frames.quotes.empty))
if not quotes.empty:
    quotes_view.follow(chosen, quotes_view.picker(quotes, chosen))
quotes_view.downloads(view, quotes, search)
quotes_view.selected_quote(view, chosen, quotes)
variants_view.statements(view, quotes)

st.subheader("The quotes in full", anchor=False)
cards.quote_pages(quotes)
