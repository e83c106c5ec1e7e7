"""Streamlit building blocks for the pages: loading, filters, cards, charts. Pages stay thin."""
