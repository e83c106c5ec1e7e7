"""Embedding: a page opened with `?embed=true` (Streamlit's own option) sits in another site's
frame. Streamlit then leaves out its toolbar and most padding; the app leaves out its sidebar,
navigation and page furniture, and keeps side-by-side cards side by side in a narrow frame."""

from __future__ import annotations

from contextlib import contextmanager

import streamlit as st

_SIDE_BY_SIDE = (
    "<style>.st-key-{key} [data-testid=stHorizontalBlock]{{flex-wrap:nowrap}}"
    ".st-key-{key} [data-testid=stColumn]{{min-width:0}}</style>"
)


def embedded() -> bool:
    """Whether the page was opened with `?embed=true` (which `st.query_params` never holds)."""
    return bool(st.context.is_embedded)


@contextmanager
def side_by_side(key: str):
    """A container whose columns stay side by side in a frame narrower than Streamlit's
    640 px, below which it stacks them."""
    with st.container(key=key):
        yield
    st.html(_SIDE_BY_SIDE.format(key=key))
