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
from dialogue_tracker.ui.sidebar import current_filters, url_params


@dataclass(frozen=True)
class View:
    """The data and the reader's filters, as one page sees them."""

    catalog: Catalog
    frames: Frames
    filters: Filters

    @property
    def params(self) -> dict[str, list[str]]:
        return url_params(self.filters)

    @property
    def issues(self) -> list[str]:
        return shown_issues(self.catalog, self.filters)

    @property
    def sides(self) -> list[str]:
        return shown_sides(self.catalog, self.filters)

    def quotes(self) -> pd.DataFrame:
        return filter_quotes(self.frames.quotes, self.filters)


def start_page(title: str, intro: str) -> View:
    data = require_entry_script()
    st.title(title, anchor=False)
    st.caption(intro)
    if show_drafts():
        st.warning(
            "Review mode: drafts from data/drafts/ are shown, each marked DRAFT. "
            "The published app leaves them out.",
            icon=":material/rate_review:",
        )
    return View(data.catalog, data.frames, current_filters())
