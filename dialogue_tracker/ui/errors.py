"""An unexpected error on a page: a short message with an error id for the reader, the full
traceback under that id in the server's log. Readers never see server paths or code.

(`client.showErrorDetails = "none"` in .streamlit/config.toml covers anything outside.)
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

log = logging.getLogger("dialogue_tracker.app")


@contextmanager
def reported_errors() -> Iterator[None]:
    """Run a page; an exception becomes a message with an id (Streamlit's own stop and rerun
    signals are not exceptions of this kind and pass through)."""
    try:
        yield
    except Exception:
        error_id = secrets.token_hex(4)
        log.exception("error %s: unexpected exception while running the page", error_id)
        st.error(
            f"Something went wrong while showing this page (error {error_id}). The details are "
            "in the server's log under that id: please report it with the page's address.",
            icon=":material/error:",
        )
