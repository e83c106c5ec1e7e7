"""Keep every page under the entry script, even on a freshly started server.

Streamlit treats an app that has a `pages/` folder beside its entry script as a classic
multipage app until the entry script has called `st.navigation` once in the process. Until
then a deep link such as `/quotes?speaker=lavrov` runs `pages/quotes.py` alone: no sidebar,
no filters. Each page calls `require_entry_script()` first; on such a run it switches the
process to `st.navigation` mode and reruns, so the entry script frames the page.
This rests on Streamlit's internal `PagesManager.uses_pages_directory` (checked on 1.67);
tests/test_browser.py proves it with a deep link as the first request to a fresh server.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


def require_entry_script() -> None:
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
