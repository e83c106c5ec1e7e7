"""Parts of the Quotes page: free-text search, the table, downloads, permalink and citation."""

from __future__ import annotations

import hashlib
from datetime import date

import pandas as pd
import streamlit as st

from dialogue_tracker import citation
from dialogue_tracker import downloads as files
from dialogue_tracker.ui import cards, variants_view
from dialogue_tracker.ui.page import View
from dialogue_tracker.ui.text import md, page_url, short

PIN = "v"
COLUMNS = ["speaker_name", "side_name", "issue_titles", "text", "source_title", "excerpt", "date"]


def search(view: View, quotes: pd.DataFrame, words: str) -> pd.DataFrame:
    """Rows whose quote, speaker (name or alias), issue titles, source or relay ("Interfax")
    contain every word (case-insensitive)."""
    aliases = {id_: " ".join(s.aliases) for id_, s in view.catalog.speakers.items()}
    haystack = quotes["text"] + " " + quotes["speaker_name"] + " " + quotes["issue_titles"]
    haystack += " " + quotes["speaker"].map(aliases).fillna("")
    haystack += " " + quotes["reported_via"].fillna("") + " " + quotes["source_title"]
    haystack = haystack.str.casefold()
    keep = pd.Series(True, index=quotes.index)
    for word in words.casefold().split():
        keep &= haystack.str.contains(word, regex=False)
    return quotes[keep]


def chosen_quote() -> str | None:
    """The quote the reader chose: `?quote=`, set by a tick, the picker or a permalink."""
    return st.query_params.get("quote") or None


def follow(chosen: str | None, now: str | None) -> None:
    """When the reader's tick or pick changed the choice, keep it in the URL and run again,
    so that the table and picker on screen are the ones made for the new choice."""
    if now != chosen:
        choose(now)
        st.rerun()


def choose(quote_id: str | None) -> None:
    if st.query_params.get("quote") != quote_id and PIN in st.query_params:
        del st.query_params[PIN]  # the pin belongs to the permalink's quote
    if quote_id:
        st.query_params["quote"] = quote_id
    elif "quote" in st.query_params:
        del st.query_params["quote"]


def _key(prefix: str, ids: list[str], chosen: str | None) -> str:
    """A widget key per list and choice: a new list or choice makes a fresh widget that shows
    the choice, so a tick never stays on a row position that now holds another quote."""
    digest = hashlib.sha1("\n".join([*ids, chosen or ""]).encode()).hexdigest()[:12]
    return f"{prefix}_{digest}"


def table(quotes: pd.DataFrame, chosen: str | None, recorded: bool = True) -> str | None:
    """The sortable table, the chosen quote ticked; returns the quote chosen after the
    reader's tick or untick (ticks follow the quote's id, never a row position). `recorded`:
    whether the sources record any quote at all."""
    if quotes.empty:
        cards.nothing_left("quotes", recorded)
        return chosen
    ids = quotes["id"].tolist()
    ticked = [ids.index(chosen)] if chosen in ids else []
    event = st.dataframe(
        quotes[COLUMNS],
        hide_index=True,
        on_select="rerun",
        selection_mode="single-row",
        selection_default={"selection": {"rows": ticked, "columns": []}},
        key=_key("quote_table", ids, chosen),
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
    rows = [row for row in event.selection.rows if row < len(ids)]
    if rows == ticked:
        return chosen
    return ids[rows[0]] if rows else None


def picker(quotes: pd.DataFrame, chosen: str | None) -> str | None:
    """The same choice by keyboard: a select box of the quotes in view."""
    ids = quotes["id"].tolist()
    labels = dict(
        zip(ids, quotes["speaker_name"] + ": “" + quotes["text"].map(short) + "”", strict=True)
    )
    index = ids.index(chosen) if chosen in ids else None
    picked = st.selectbox(
        "Choose a quote for its permalink and citation (or tick a row in the table)",
        ids,
        index=index,
        key=_key("quote_pick", ids, chosen),
        format_func=labels.get,
        placeholder="Choose a quote",
    )
    return picked if picked is not None else chosen


def downloads(view: View, quotes: pd.DataFrame, search: str) -> None:
    """The rows shown (CSV; JSON under a metadata block) and the codebook, made when a button
    is clicked, not on every run; file names carry the filters and the data version."""

    def records() -> list[dict]:
        return files.rows(quotes, view.catalog, lambda quote_id: permalink(view, quote_id))

    def name(extension: str, kind: str = "quotes") -> str:
        return files.file_name(kind, view.filters, view.catalog.version, extension)

    buttons = (
        ("Download CSV", lambda: files.as_csv(records()), name("csv"), "text/csv"),
        (
            "Download JSON",
            lambda: files.as_json(records(), view.catalog, view.filters, search),
            name("json"),
            "application/json",
        ),
        ("Codebook", lambda: files.codebook_text(view.catalog), name("txt", "codebook"), None),
    )
    for column, (label, make, file, mime) in zip(st.columns(3), buttons, strict=True):
        column.download_button(
            label, make, file, mime or "text/plain", icon=":material/download:", on_click="ignore"
        )


def selected_quote(view: View, quote_id: str | None, shown: pd.DataFrame) -> None:
    """The chosen quote: the source's sentence around a fragment, what changed since a pinned
    permalink was made, the permalink and the citation in four formats. A notice says when the
    filters or the search hide it (the choice stays until the reader clears it)."""
    if not quote_id:
        return
    rows = view.frames.quotes[view.frames.quotes["id"] == quote_id]
    if rows.empty:
        st.warning(md(f"The link names a quote that does not exist: {quote_id[:60]!r}."))
        return
    row = rows.iloc[0]
    st.subheader("Selected quote", anchor=False)
    if quote_id not in set(shown["id"]):
        st.info(
            "This quote is hidden by the current filters or search, so no row of the table is "
            "ticked; it stays selected until you choose another or clear the choice.",
            icon=":material/visibility_off:",
        )
    changed = citation.pin_report(view.catalog, quote_id, st.query_params.get(PIN, ""))
    if st.query_params.get(PIN) and changed:
        st.warning(md(changed), icon=":material/history:")
    st.button("Clear the choice", on_click=choose, args=(None,), icon=":material/close:")
    cards.quote_block(row)
    in_context(view, row)
    variants_view.panel(view, row["id"])
    url = permalink(view, row["id"])
    st.caption("Permalink (pinned to this data version)")
    st.code(url, language=None, wrap_lines=True)
    cite(view, row["id"], url)


def in_context(view: View, row: pd.Series) -> None:
    """A fragment quote with the rest of its sentence, marked as the source's own text."""
    if not citation.is_fragment(row["text"]):
        return
    entry = view.catalog.source(row["source"])
    before, after = citation.surrounding(entry.text, row["start"], row["end"])
    st.markdown(
        f":gray[{md(before)}] **“{md(row['text'])}”** :gray[{md(after)}]".strip()
        + "  \n"
        + cards.small("In grey: the source's own text around the quote, which is not quoted.")
    )


def cite(view: View, quote_id: str, url: str) -> None:
    """The citation in each format, each with its copy button."""
    st.caption("Cite it (the copy button is at the top right of each box)")
    facts = citation.cited(view.catalog, quote_id, url, date.today())
    for tab, (name, style) in zip(
        st.tabs(list(citation.FORMATS)), citation.FORMATS.items(), strict=True
    ):
        with tab:
            language = {"BibTeX": "latex", "CSL-JSON": "json"}.get(name)
            st.code(style(facts), language=language, wrap_lines=True)


def permalink(view: View, quote_id: str) -> str:
    base = (st.context.url or "").split("?")[0].rsplit("/", 1)[0]
    pinned = {"quote": quote_id, PIN: citation.pin(view.catalog, quote_id)}
    return f"{base}/{page_url('quotes', pinned)}"
