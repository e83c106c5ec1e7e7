"""Parts of the Quotes page: free-text search, the table, downloads, permalink and citation."""

from __future__ import annotations

import json

import pandas as pd
import streamlit as st

from dialogue_tracker.catalog import cited_as
from dialogue_tracker.csv_cells import to_safe_csv
from dialogue_tracker.dates import describe
from dialogue_tracker.export import QUOTE_FIELDS, as_records
from dialogue_tracker.ui import cards, variants_view
from dialogue_tracker.ui.page import View
from dialogue_tracker.ui.text import md, page_url

COLUMNS = ["speaker_name", "side_name", "issue_titles", "text", "source_title", "excerpt", "date"]


def search(quotes: pd.DataFrame, words: str) -> pd.DataFrame:
    """Rows whose quote, speaker, issue or source contain every word (case-insensitive)."""
    haystack = quotes["text"] + " " + quotes["speaker_name"] + " " + quotes["issue_titles"]
    haystack = (haystack + " " + quotes["source_title"]).str.casefold()
    keep = pd.Series(True, index=quotes.index)
    for word in words.casefold().split():
        keep &= haystack.str.contains(word, regex=False)
    return quotes[keep]


def table(quotes: pd.DataFrame, recorded: bool = True) -> str | None:
    """The sortable table (`recorded`: whether the sources record any quote); returns the id of
    the selected row, if any."""
    if quotes.empty:
        cards.nothing_left("quotes", recorded)
        return None
    event = st.dataframe(
        quotes[COLUMNS],
        hide_index=True,
        on_select="rerun",
        selection_mode="single-row",
        key="quote_table",
        column_config={
            "speaker_name": "Speaker",
            "side_name": "Side",
            "issue_titles": "Issues",
            "text": st.column_config.TextColumn("Quote", width="large"),
            "source_title": "Source",
            "excerpt": st.column_config.CheckboxColumn(
                "Excerpt", help="The stored text is only the part of the page that was retrieved"
            ),
            "date": "Meeting date",
        },
    )
    rows = event.selection.rows
    return quotes.iloc[rows[0]]["id"] if rows else None


def downloads(quotes: pd.DataFrame) -> None:
    """CSV and JSON of exactly the rows shown, made when a button is clicked, not on every run."""

    def as_csv() -> bytes:
        table = pd.DataFrame(as_records(quotes, QUOTE_FIELDS), columns=QUOTE_FIELDS, dtype=object)
        table["issues"] = table["issues"].map("; ".join)
        return to_safe_csv(table).encode("utf-8")

    def as_json() -> bytes:
        records = as_records(quotes, QUOTE_FIELDS)
        return json.dumps(records, indent=2, ensure_ascii=False).encode("utf-8")

    left, right = st.columns(2)
    for column, label, make, name, mime in (
        (left, "Download CSV", as_csv, "quotes.csv", "text/csv"),
        (right, "Download JSON", as_json, "quotes.json", "application/json"),
    ):
        column.download_button(
            label, make, name, mime, icon=":material/download:", on_click="ignore"
        )


def selected_quote(view: View, selected: str | None) -> None:
    """The quote named by the selection or by `?quote=`: its permalink and a citation."""
    if selected:
        st.query_params["quote"] = selected
    quote_id = selected or st.query_params.get("quote")
    if not quote_id:
        return
    rows = view.frames.quotes[view.frames.quotes["id"] == quote_id]
    if rows.empty:
        st.warning(md(f"The link names a quote that does not exist: {quote_id[:60]!r}."))
        return
    row = rows.iloc[0]
    st.subheader("Selected quote", anchor=False)
    cards.quote_block(row, view.params)
    variants_view.panel(view, row["id"])
    url = permalink(row["id"])
    st.caption("Permalink")
    st.code(url, language=None, wrap_lines=True)
    st.caption("Citation")
    st.code(citation(view, row, url), language=None, wrap_lines=True)


def permalink(quote_id: str) -> str:
    base = (st.context.url or "").split("?")[0].rsplit("/", 1)[0]
    return f"{base}/{page_url('quotes', {'quote': quote_id})}"


def citation(view: View, row: pd.Series, url: str) -> str:
    entry = view.catalog.source(row["source"])
    via = f", via {row['reported_via']}" if row["reported_via"] else ""
    return (
        f"{row['speaker_name']}{via}, quoted in {cited_as(entry.record)}, "
        f"on the meeting of {describe(entry.record.event_date)}. "
        f"Dialogue Tracker, data version {view.catalog.version}. {url}"
    )
