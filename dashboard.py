"""Dialogue Tracker: the entry page. It frames every page: config, data, filters, navigation."""

import streamlit as st

from dialogue_tracker.ui.data import app_data
from dialogue_tracker.ui.embed import embedded
from dialogue_tracker.ui.errors import reported_errors
from dialogue_tracker.ui.guard import entry_frame
from dialogue_tracker.ui.sidebar import sidebar_filters
from dialogue_tracker.ui.theme import ICON

st.set_page_config(page_title="Dialogue Tracker", page_icon=ICON, layout="wide")

pages = [
    st.Page("pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
    st.Page("pages/issue.py", title="Issue", icon=":material/topic:"),
    st.Page("pages/timeline.py", title="Timeline", icon=":material/timeline:"),
    st.Page("pages/commitments.py", title="Commitments", icon=":material/fact_check:"),
    st.Page("pages/changes.py", title="What changed", icon=":material/compare_arrows:"),
    st.Page("pages/quotes.py", title="Quotes", icon=":material/format_quote:"),
    st.Page("pages/speakers.py", title="Speakers", icon=":material/record_voice_over:"),
    st.Page("pages/source.py", title="Source", icon=":material/article:"),
]
page = st.navigation(pages, position="hidden" if embedded() else "sidebar")
with reported_errors():
    data = app_data()
    sidebar_filters(data.catalog, shown=not embedded())
    with entry_frame(data):
        page.run()
