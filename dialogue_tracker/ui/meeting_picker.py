"""Choosing a meeting, with the choice carried in the URL as a source id (`as_of`, `from`,
`to`), so that a copied address opens the same view.

The parameters are kept by hand rather than bound to the widget: a bound selectbox would carry
the meeting's label, not its id. Like `quote=`, they belong to one page and are dropped when the
reader switches pages.
"""

from __future__ import annotations

import streamlit as st

from dialogue_tracker.history import Meeting, find_meeting
from dialogue_tracker.ui.text import md, short


def _follow(key: str) -> None:
    st.query_params[key] = st.session_state[f"{key}_pick"]


def pick_meeting(found: list[Meeting], key: str, label: str, default: Meeting) -> Meeting:
    """The meeting the URL parameter `key` names (any of its sources' ids), else `default`;
    a value that names no source is ignored with a notice."""
    requested = st.query_params.get(key)
    chosen = find_meeting(found, requested) or default
    if requested and chosen.id != requested and requested not in chosen.sources:
        st.warning(
            md(f"Ignored {key} value in the link that names no source here: {short(requested)!r}."),
            icon=":material/link_off:",
        )
    by_id = {meeting.id: meeting for meeting in found}
    st.session_state[f"{key}_pick"] = chosen.id
    st.selectbox(
        label,
        list(by_id),
        key=f"{key}_pick",
        format_func=lambda id_: by_id[id_].label,
        on_change=_follow,
        args=(key,),
    )
    return chosen
