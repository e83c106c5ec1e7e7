"""Keep every page under the entry script, even on a freshly started server.

Streamlit treats an app that has a `pages/` folder beside its entry script as a classic
multipage app until the entry script has called `st.navigation` once in the process. Until
then a deep link such as `/quotes?speaker=lavrov` runs `pages/quotes.py` alone: no sidebar,
no filters. The entry script runs each page inside `entry_frame()`; a page that starts outside
one (`require_entry_script()`) switches the process to `st.navigation` mode and reruns, so the
entry script frames it. The check is per script run (a thread-local flag), not the process-wide
mode, so sessions that started in the old mode before another one switched it rerun too.
This rests on Streamlit's internal `PagesManager.uses_pages_directory` (checked on 1.67);
tests/test_browser.py and tests/test_live.py prove it with deep links as the first requests
to a fresh server.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

_run = threading.local()


@contextmanager
def entry_frame(data: Any) -> Iterator[None]:
    """Mark the page run that the entry script is framing (Streamlit runs a script per thread),
    and hand the page the data the entry script loaded for this run."""
    _run.data = data
    try:
        yield
    finally:
        _run.data = None


def require_entry_script() -> Any:
    """The data of this run, once the entry script frames the page."""
    data = getattr(_run, "data", None)
    if data is None:
        PagesManager.uses_pages_directory = False
        st.rerun()
    return data
