"""Links from a stance, a step or a piece of evidence to the quotes it rests on."""

from __future__ import annotations

from collections.abc import Iterable

from dialogue_tracker.ui.page import View
from dialogue_tracker.ui.text import link, page_url, short


class QuoteLinks:
    """Made once per page run: each quote's opening words, linked to its permalink."""

    def __init__(self, view: View, words: int = 48) -> None:
        quotes = view.frames.quotes
        self.texts = dict(zip(quotes["id"], quotes["text"], strict=True))
        self.params = view.params
        self.words = words

    def __call__(self, quote_ids: Iterable[str]) -> str:
        """Markdown links, ' · ' between them; '' when there are none."""
        return " · ".join(
            link(f"“{short(self.texts[id_], self.words)}”", self.url(id_))
            for id_ in quote_ids
            if id_ in self.texts
        )

    def url(self, quote_id: str) -> str:
        return page_url("quotes", {**self.params, "quote": quote_id})
