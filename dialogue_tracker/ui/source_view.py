"""Parts of the Source page: the text with its quotes highlighted, notes, context, citation."""

from __future__ import annotations

import streamlit as st

from dialogue_tracker.catalog import SourceEntry, cited_as
from dialogue_tracker.dates import describe
from dialogue_tracker.filters import filter_quotes
from dialogue_tracker.ui.page import View
from dialogue_tracker.ui.quote_links import quote_page_links
from dialogue_tracker.ui.source_label import titled
from dialogue_tracker.ui.text import link, md

METHOD = """\
- **Quotes** are the source's words, character for character. On every load the app finds each
  quote in the source's text and refuses data where one is missing or altered.
- **Speakers** are attributed as the source attributes them; "he added" means the last named
  speaker. Where the source is indirect, the quote's record says how it was settled.
- **Stances** are the curator's short summaries, marked as such, and rest on a side's own
  words or on the source's report of that side's position. Where the source gives a side no
  position, the stance is *not stated*: the gap is shown, never filled.
- **Context** (dates of treaties, resolutions, the meeting itself) comes from the public sources
  named with each fact, never from the source text.
"""


def pick_source(view: View) -> SourceEntry:
    sources = list(reversed(view.catalog.sources))
    if len(sources) == 1:
        return sources[0]
    by_id = {entry.id: entry for entry in sources}
    chosen = st.selectbox("Source", list(by_id), format_func=lambda i: titled(by_id[i].record))
    return by_id[chosen]


def article_text(view: View, entry: SourceEntry) -> None:
    """The text, paragraph by paragraph, each shown quote highlighted and numbered, and under
    the paragraph a link per quote to its permalink and citation (in this tab, keeping the
    filters: a markdown link would open a new tab and a new session)."""
    quotes = view.frames.quotes
    shown = filter_quotes(quotes[quotes["source"] == entry.id], view.filters)
    spans = sorted((entry.spans[quote_id], quote_id) for quote_id in shown["id"])
    whole = not view.filters.active or st.toggle("Show the whole text", value=False)
    if not whole:
        st.caption(f"Showing the paragraphs with the {len(spans)} quote(s) that match the filters.")
    number = {quote_id: index + 1 for index, (_, quote_id) in enumerate(spans)}
    offset = 0
    for paragraph in entry.text.split("\n"):
        inside = [(s, q) for s, q in spans if offset <= s.start < offset + len(paragraph) + 1]
        if paragraph.strip() and (whole or inside):
            st.markdown(_highlight(paragraph, offset, inside, number))
            _quote_links([quote_id for _, quote_id in inside], number)
        offset += len(paragraph) + 1


def _highlight(paragraph: str, offset: int, spans: list, number: dict) -> str:
    parts, cursor = [], 0
    for span, quote_id in spans:
        start, end = span.start - offset, min(span.end - offset, len(paragraph))
        parts += [md(paragraph[cursor:start]), f"**:blue-background[{md(paragraph[start:end])}]**"]
        parts.append(f":blue[{md(f'[{number[quote_id]}]')}]")
        cursor = end
    parts.append(md(paragraph[cursor:]))
    return "".join(parts)


def _quote_links(quote_ids: list[str], number: dict) -> None:
    quote_page_links((id_, md(f"[{number[id_]}] Permalink and citation")) for id_ in quote_ids)


def notes(entry: SourceEntry) -> None:
    if entry.record.excluded_text:
        st.markdown(
            "**Left out of the text:** " + " ".join(md(t) for t in entry.record.excluded_text)
        )
    for note in entry.record.notes:
        sources = " · ".join(link(s.title, s.url) for s in note.sources)
        st.markdown(f"- {md(note.text)}" + (f"  \n  Sources: {sources}" if sources else ""))


def context_facts(view: View) -> None:
    issues = set(view.issues)
    for milestone in view.catalog.milestones:
        if issues.intersection(milestone.issues):
            st.markdown(
                f"- **{describe(milestone.date)}** · {md(milestone.title)} · "
                f"{link(milestone.source.title, milestone.source.url)}"
            )


def how_to_cite(view: View, entry: SourceEntry) -> str:
    record = entry.record
    return (
        f"{cited_as(record)}, on the meeting of {describe(record.event_date)}. "
        f"Curated in Dialogue Tracker, data version {view.catalog.version}."
    )
