"""The sidebar's words for an issue or a side: every word the data gives for it finds it."""

from __future__ import annotations

import re

import pytest

from dialogue_tracker.loader import load_catalog
from dialogue_tracker.paths import DATA
from dialogue_tracker.vocabulary import registry, search_label, terms

pytestmark = pytest.mark.unit

CATALOG = load_catalog(DATA)


@pytest.mark.parametrize("key", ["issue", "side"])
def test_every_word_of_an_issue_or_side_is_in_its_search_label(key) -> None:
    for id_ in registry(CATALOG, key):
        shown = search_label(CATALOG, key, id_).casefold()
        for word in terms(CATALOG, key, id_)[3:]:
            assert re.sub(r"['’]?s$", "", word.casefold()) in shown, (id_, word, shown)


def test_washington_finds_the_united_states_and_near_duplicates_are_left_out() -> None:
    shown = search_label(CATALOG, "side", "us")
    assert "Washington" in shown and "Pentagon" in shown  # seventh and last of its words
    assert shown.count("America") == 1  # "American" holds "America" and "America's"
    assert "Kremlin" in search_label(CATALOG, "side", "russia")
