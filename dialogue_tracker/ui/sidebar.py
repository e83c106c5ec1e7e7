"""The shared filters: three multiselects in the sidebar, bound to the URL (`issue`, `speaker`,
`side`), created by the entry script so that they survive page switches."""

from __future__ import annotations

import streamlit as st

from dialogue_tracker.catalog import Catalog
from dialogue_tracker.filters import Filters, unknown_ids
from dialogue_tracker.ui.text import md, short

FILTERS = {"issue": "Issues", "speaker": "Speakers", "side": "Sides"}


def filter_options(catalog: Catalog) -> dict[str, dict[str, str]]:
    """Per URL parameter, the ids it accepts and the name each stands for."""
    return {
        "issue": {i.id: i.title for i in catalog.issues.values()},
        "speaker": {s.id: s.name for s in catalog.speakers.values()},
        "side": {s.id: s.name for s in catalog.sides.values()},
    }


def sidebar_filters(catalog: Catalog) -> None:
    """Draw the filters, and tell the reader about URL values that name nothing."""
    options = filter_options(catalog)
    ignored = {key: unknown_ids(st.query_params.get_all(key), options[key]) for key in FILTERS}
    with st.sidebar:
        st.subheader("Filters", anchor=False)
        for key, label in FILTERS.items():
            names = "; ".join(f"{id_} = {name}" for id_, name in options[key].items())
            st.multiselect(
                label,
                list(options[key]),
                key=key,
                bind="query-params",
                placeholder=f"All {label.lower()}",
                help=md(names),
            )
        st.caption("The address bar carries these filters: copy it to share this view.")
    for key, values in ignored.items():
        if values:
            _notice(key, values)


def _notice(key: str, values: list[str]) -> None:
    shown = ", ".join(repr(short(value, 40)) for value in values[:5])
    more = f" and {len(values) - 5} more" if len(values) > 5 else ""
    st.warning(
        md(f"Ignored {key} value(s) in the link that name nothing here: {shown}{more}."),
        icon=":material/link_off:",
    )


def current_filters() -> Filters:
    """The filters as the reader has set them (in the URL and the sidebar)."""
    state = st.session_state
    return Filters(*(tuple(state.get(key) or ()) for key in FILTERS))


def url_params(filters: Filters) -> dict[str, list[str]]:
    """The filters as query parameters, for links that keep the current view."""
    values = {"issue": filters.issues, "speaker": filters.speakers, "side": filters.sides}
    return {key: list(ids) for key, ids in values.items() if ids}
