"""Links from a stance, a step or a piece of evidence to the quotes it rests on: page links to
the quote's panel on the Quotes page, in this tab and session (a markdown link would open a new
tab, and with it a new session; the sidebar's URL-bound filters travel with a page link)."""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import nullcontext

import streamlit as st

from dialogue_tracker.ui.page import View
from dialogue_tracker.ui.text import md

QUOTES_PAGE = "pages/quotes.py"


def quote_page_links(labels: Iterable[tuple[str, str]]) -> None:
    """One row of page links, a (quote id, markdown label) each; nothing when there are none
    (a lone link needs no row around it: every element costs the browser time to draw)."""
    labels = list(labels)
    if not labels:
        return
    with st.container(horizontal=True) if len(labels) > 1 else nullcontext():
        for quote_id, label in labels:
            st.page_link(
                QUOTES_PAGE, label=label, icon=":material/link:", query_params={"quote": quote_id}
            )


def opening(text: str, limit: int) -> str:
    """The opening words of `text`, at most `limit` characters, cut between words."""
    if len(text) <= limit:
        return text
    words = text[:limit]
    if not text[limit].isspace() and " " in words:
        words = words.rsplit(" ", 1)[0]  # the last word is cut
    return words.rstrip(" ,;:.–-") + "…"


class QuoteLinks:
    """Made once per page run: each quote's opening words, linked to its panel."""

    def __init__(self, view: View, length: int = 40) -> None:
        quotes = view.frames.quotes
        self.texts = dict(zip(quotes["id"], quotes["text"], strict=True))
        self.length = length

    def row(self, quote_ids: Iterable[str]) -> None:
        """The links to these quotes, in one row."""
        quote_page_links(
            (id_, md(f"“{opening(self.texts[id_], self.length)}”"))
            for id_ in quote_ids
            if id_ in self.texts
        )

    def under(self, blocks: Iterable[tuple[str, Iterable[str]]]) -> None:
        """Markdown blocks, each followed by the row of links to its quotes. A block without
        quotes joins the next one as a paragraph, so the page gets one text element per row."""
        text: list[str] = []
        for block, quote_ids in blocks:
            text.append(block)
            if any(id_ in self.texts for id_ in quote_ids):
                st.markdown("\n\n".join(text))
                text = []
                self.row(quote_ids)
        if text:
            st.markdown("\n\n".join(text))
