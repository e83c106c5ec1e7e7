import streamlit as st

from dialogue_tracker.ui import cards, source_view
from dialogue_tracker.ui.page import start_page

view = start_page(
    "Source",
    "The source's text with every quote highlighted where it stands, the curator's notes, "
    "the method, and how to cite.",
)
entry = source_view.pick_source(view)
cards.source_card(entry)

st.subheader("Text", anchor=False)
source_view.article_text(view, entry)

st.subheader("Curator's notes", anchor=False)
source_view.notes(entry)

st.subheader("Context facts", anchor=False)
source_view.context_facts(view)

st.subheader("Method", anchor=False)
st.markdown(source_view.METHOD)

st.subheader("How to cite", anchor=False)
st.code(source_view.how_to_cite(view, entry), language=None, wrap_lines=True)
