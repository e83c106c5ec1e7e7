"""The shared filters in the sidebar, created by the entry script so they survive page switches.

The URL keeps ids (`?speaker=lavrov`), the reader sees names ("Sergey Lavrov (Russia)"). A
multiselect bound to the URL writes its option labels there, so each filter is two widgets: a
hidden one holding the ids, bound to the URL parameter, and the visible one showing names, kept
in step with it. The hidden one accepts any value, so a link may say `?speaker=Lavrov`: the
value is read by name (`vocabulary.resolve`) and the URL rewritten with the id on a rerun.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from dialogue_tracker.catalog import Catalog
from dialogue_tracker.filters import Filters
from dialogue_tracker.ui.text import md, short
from dialogue_tracker.vocabulary import KEYS, registry, resolve, search_label

LABELS = {"issue": "Issues", "speaker": "Speakers", "side": "Sides"}
NARROWS = {
    "issue": "**Issues** keep the quotes, stances, next steps and timeline items on those issues.",
    "speaker": "**Speakers** keep their own quotes and the next steps they agreed, proposed or "
    "demanded, and show their sides' stances (a stance is a side's, and may rest on another "
    "speaker's words: each cell says whose).",
    "side": "**Sides** keep those sides' quotes, stance columns and next steps.",
}
_PENDING = "filters_pending"
_HIDE = "<style>.st-key-filter_ids{display:none}</style>"


def names_key(key: str) -> str:
    """The visible widget's key for a filter key."""
    return f"{key}_names"


def sidebar_filters(catalog: Catalog, shown: bool = True) -> None:
    """Draw the filters, and tell the reader about URL values that name nothing. Not `shown`
    (an embedded page), the link's filters apply and no sidebar is drawn."""
    ignored = {key: resolve(catalog, key, st.query_params.get_all(key))[1] for key in KEYS}
    pending = st.session_state.pop(_PENDING, None)
    if pending:
        for key, ids in pending.items():
            st.session_state[key] = ids
    for key in KEYS:
        _follow_names(key)
    if shown:
        with st.sidebar:
            st.subheader("Filters", anchor=False)
            _url_filters(catalog)
            for key, label in LABELS.items():
                _name_widget(catalog, key, label)
            st.caption(  # one element: each costs the page a few ms in the browser
                "  \n".join(
                    [
                        "What each filter narrows:\n",
                        *NARROWS.values(),
                        "\nThe address bar carries these filters (as ids): copy it to share "
                        "this view.",
                    ]
                )
            )
    else:
        _url_filters(catalog)
    for key, values in ignored.items():
        if values:
            _notice(key, values)


def _url_filters(catalog: Catalog) -> None:
    """The URL's filters, a value named by name read as its id (on a rerun)."""
    raw = _url_widgets(catalog)
    found = {key: resolve(catalog, key, raw[key]) for key in KEYS}
    if any(found[key][0] != raw[key] for key in KEYS):
        st.session_state[_PENDING] = {key: ids for key, (ids, _) in found.items()}
        st.rerun()


def _url_widgets(catalog: Catalog) -> dict[str, list[str]]:
    """The hidden widgets bound to the URL, holding ids (or, from a link, names to resolve)."""
    with st.container(key="filter_ids"):
        raw = {
            key: st.multiselect(
                f"{key} ids",
                list(registry(catalog, key)),
                key=key,
                bind="query-params",
                accept_new_options=True,
            )
            for key in KEYS
        }
    st.html(_HIDE)
    return raw


def _name_widget(catalog: Catalog, key: str, label: str) -> None:
    """The visible widget, showing what the URL-bound one holds (remembered, so that the next
    run can tell whether the reader changed it). It is set only on a change (a value set in
    code is sent to the browser again), and on every Back or Forward: after Back and Forward in
    quick succession the browser sends a value older than the one it shows, and an unsent
    value would leave the sidebar on the earlier filter while the address bar holds the later."""
    ids = list(st.session_state.get(key) or ())
    if st.session_state.get(names_key(key)) != ids or _history_run():
        st.session_state[names_key(key)] = ids
    st.session_state[_shown(key)] = ids
    st.multiselect(
        label,
        list(registry(catalog, key)),
        key=names_key(key),
        format_func=lambda id_: search_label(catalog, key, id_),
        placeholder=f"All {label.lower()}",
    )


def _history_run() -> bool:
    """Whether this run answers the browser's Back or Forward (Streamlit's run context)."""
    ctx = get_script_run_ctx()
    return bool(ctx and ctx.is_history_navigation)


def _shown(key: str) -> str:
    return f"{key}_shown"


def _follow_names(key: str) -> None:
    """Before the URL-bound widget is drawn: if the reader changed the visible one since the
    last run, the URL-bound one takes its value. (A comparison, not an on_change callback: a
    change that arrives in the same rerun as another is not lost.)"""
    state = st.session_state
    if names_key(key) in state and state[names_key(key)] != state.get(_shown(key)):
        state[key] = list(state[names_key(key)])


def clear_filters() -> None:
    for key in KEYS:
        st.session_state[key] = []


def _notice(key: str, values: list[str]) -> None:
    shown = ", ".join(repr(short(value, 40)) for value in values[:5])
    more = f" and {len(values) - 5} more" if len(values) > 5 else ""
    st.warning(
        md(f"Ignored {key} value(s) in the link that name nothing here: {shown}{more}."),
        icon=":material/link_off:",
    )


def current_filters() -> Filters:
    """The filters as the reader has set them (in the URL and the sidebar)."""
    return Filters.from_params(st.session_state.get)
