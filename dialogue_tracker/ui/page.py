"""What every page starts with: the entry-script guard, its title, the data and the filters."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from dialogue_tracker.catalog import Catalog
from dialogue_tracker.filters import Filters, filter_quotes, shown_issues, shown_sides
from dialogue_tracker.frames import Frames
from dialogue_tracker.paths import show_drafts
from dialogue_tracker.ui.guard import require_entry_script
from dialogue_tracker.ui.sidebar import LABELS, clear_filters, current_filters
from dialogue_tracker.ui.text import md
from dialogue_tracker.vocabulary import KEYS, label


@dataclass(frozen=True)
class View:
    """The data and the reader's filters, as one page sees them."""

    catalog: Catalog
    frames: Frames
    filters: Filters

    @property
    def params(self) -> dict[str, list[str]]:
        return self.filters.to_params()

    @property
    def issues(self) -> list[str]:
        return shown_issues(self.catalog, self.filters)

    @property
    def sides(self) -> list[str]:
        return shown_sides(self.catalog, self.filters)

    def quotes(self) -> pd.DataFrame:
        return filter_quotes(self.frames.quotes, self.filters)

    def names(self, key: str) -> list[str]:
        """The names of the values the reader chose for one filter."""
        return [label(self.catalog, key, id_) for id_ in self.filters.ids(key)]


def start_page(title: str, intro: str, tab: str | None = None) -> View:
    view = page_view(tab or title)
    st.title(title, anchor=False)
    st.caption(intro)
    if show_drafts():
        st.warning(
            "Review mode: drafts from data/drafts/ are shown, each marked DRAFT. "
            "The published app leaves them out.",
            icon=":material/rate_review:",
        )
    active_filters(view)
    return view


def page_view(tab: str) -> View:
    """The page's data and filters, its browser tab named `tab` and the filters."""
    data = require_entry_script()
    view = View(data.catalog, data.frames, current_filters())
    name_tab(view, tab)
    return view


def filter_summary(view: View) -> str:
    """The active filters in words: "Speakers: Sergey Lavrov (Russia); Issues: Syria"."""
    return "; ".join(
        f"{LABELS[key]}: {', '.join(view.names(key))}" for key in KEYS if view.filters.ids(key)
    )


def name_tab(view: View, page: str) -> None:
    """The browser tab names the page and the filters (a page may name what it shows later)."""
    st.set_page_config(page_title=tab_title(view, page))


def tab_title(view: View, page: str) -> str:
    summary = filter_summary(view)
    return f"{page} · {summary} · Dialogue Tracker" if summary else f"{page} · Dialogue Tracker"


def active_filters(view: View) -> None:
    """A line naming the active filters with a clear action, and why nothing is left when a
    combination excludes itself."""
    if not view.filters.active:
        return
    text, button = st.columns([5, 1], vertical_alignment="center")
    text.markdown(f":material/filter_alt: **Filtered** · {md(filter_summary(view))}")
    button.button("Clear filters", on_click=clear_filters, icon=":material/filter_alt_off:")
    reason = why_empty(view)
    if reason:
        st.warning(md(reason), icon=":material/block:")


def why_empty(view: View) -> str | None:
    """When the speaker and side filters exclude each other, say so."""
    speakers, sides = view.filters.speakers, view.filters.sides
    if not (speakers and sides):
        return None
    outside = [
        view.catalog.speakers[s] for s in speakers if view.catalog.speakers[s].side not in sides
    ]
    if len(outside) < len(speakers):
        return None
    who = ", ".join(f"{s.name} speaks for {view.catalog.sides[s.side].name}" for s in outside)
    kept = ", ".join(view.names("side"))
    return f"Nothing can match: {who}, and the Sides filter keeps only {kept}."
