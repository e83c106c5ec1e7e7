"""The reader's words: filters by name, what is filtered and why nothing is left, whose words a
stance rests on, and how to cite a quote (issue 10)."""

from __future__ import annotations

import json

import pytest
from helpers.datafolder import curated_quotes
from helpers.pages import open_page, page_text, unescape
from streamlit.testing.v1 import AppTest

from dialogue_tracker.citation import record_digest
from dialogue_tracker.loader import load_catalog
from dialogue_tracker.paths import DATA

pytestmark = pytest.mark.app


def test_filters_show_names_and_keep_ids() -> None:
    app = open_page("overview", speaker=["lavrov"], issue=["minsk"], side=["us"])
    names = {key: app.sidebar.multiselect(key=f"{key}_names") for key in ("speaker", "side")}
    assert names["speaker"].format_func("lavrov") == "Sergey Lavrov (Russia)"
    assert names["side"].format_func("us").startswith("United States")
    issue = app.sidebar.multiselect(key="issue_names")
    assert issue.format_func("minsk").startswith("Minsk agreements")
    assert "Ukraine" in issue.format_func("minsk")  # typing a keyword finds it
    assert "Kremlin" in names["side"].format_func("russia")  # sides.yaml's words for Russia
    assert app.sidebar.multiselect(key="speaker").value == ["lavrov"]  # the URL's ids


def test_link_values_are_read_by_name_in_any_case() -> None:
    app = open_page("quotes", speaker=["Lavrov"], issue=["MINSK", "Syria"], side=["Kremlin"])
    assert app.sidebar.multiselect(key="speaker").value == ["lavrov"]
    assert app.sidebar.multiselect(key="issue").value == ["minsk", "syria"]
    assert app.sidebar.multiselect(key="side").value == ["russia"]
    assert not app.warning


def test_every_page_says_what_is_filtered_and_clears_it() -> None:
    app = open_page("timeline", speaker=["kerry"])
    assert any("Speakers: John Kerry (United States)" in unescape(m.value) for m in app.markdown)
    next(b for b in app.button if b.label == "Clear filters").click().run()
    assert app.sidebar.multiselect(key="speaker").value == []
    assert not any("Filtered" in m.value for m in app.markdown)


def test_a_combination_that_leaves_nothing_says_why() -> None:
    app = open_page("overview", speaker=["lavrov"], side=["us"])
    assert any("Sergey Lavrov speaks for Russia" in unescape(w.value) for w in app.warning)


def test_a_speaker_filter_says_whose_words_a_stance_rests_on() -> None:
    text = page_text(open_page("overview", speaker=["putin"]))
    assert "rests on Sergey Lavrov's words, not the chosen speaker's" in text


def cited(app: AppTest) -> dict[str, str]:
    return {tab.label: str(tab.get("code")[0].value) for tab in app.tabs}


def test_a_citation_in_four_formats_names_everything() -> None:
    app = open_page("quotes", quote=["kerry-cessation"])
    formats = cited(app)
    assert set(formats) == {"Plain text (Chicago-like)", "APA", "BibTeX", "CSL-JSON"}
    plain = formats["Plain text (Chicago-like)"]
    for part in (
        "John Kerry",
        "US Secretary of State",
        "including by working",
        "Moscow and Washington agree",
        "publisher unknown",
        "publication date not given",
        "The source gives no URL",
        "24 March 2016",
        "paragraph 9",
        "Accessed",
        "data version",
        "quote=kerry-cessation&v=",
    ):
        assert part in plain, part
    assert formats["BibTeX"].startswith("@misc{kerry-cessation,")
    assert json.loads(formats["CSL-JSON"])[0]["id"] == "kerry-cessation"


def test_a_fragment_shows_its_sentence_marked_as_source_text() -> None:
    text = page_text(open_page("quotes", quote=["kerry-cessation"]))
    assert "John Kerry, in his turn, added that they need to take immediate steps" in text
    assert "In grey: the source's own text around the quote" in text


def test_a_pinned_permalink_says_when_the_data_changed() -> None:
    catalog = load_catalog(DATA)
    own = record_digest(catalog, "kerry-cessation")
    same = open_page("quotes", quote=["kerry-cessation"], v=[f"{catalog.version[:8]}-{own}"])
    assert not [w for w in same.warning if "data changed" in w.value]
    old = open_page("quotes", quote=["kerry-cessation"], v=[f"00000000-{own}"])
    assert any("own record is unchanged" in unescape(w.value) for w in old.warning)
    edited = open_page("quotes", quote=["kerry-cessation"], v=["00000000-ffffffff"])
    assert any("own record changed since" in unescape(w.value) for w in edited.warning)


def test_a_speaker_with_no_quote_at_all_says_so() -> None:
    text = page_text(open_page("speakers", issue=["sanctions"]))
    assert "No quote of this speaker in any source" in text  # Putin, Obama: none anywhere
    assert "No quotes of this speaker match the filters." in text  # Lavrov: none on sanctions


def test_search_matches_aliases_issue_titles_and_the_relay() -> None:
    app = open_page("quotes")
    quotes = curated_quotes()
    sergei = [q for q in quotes if q["speaker"] == "lavrov" or "Sergei" in q["text"]]
    minsk = [q for q in quotes if "minsk" in q["issues"]]
    for words, expected in (
        ("Interfax", 1),
        ("Sergei", len(sergei)),
        ("Minsk agreements", len(minsk)),
    ):
        app.text_input(key="q").set_value(words).run()
        assert len(app.dataframe[0].value) == expected, words
