"""Drafts: left out of the published app, shown and marked in review mode."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.datafolder import copy_data, run_cli
from helpers.devserver import ENTRY
from helpers.drafting import ARTICLES
from streamlit.testing.v1 import AppTest

from dialogue_tracker.paths import DATA_ENV, DRAFTS_ENV

pytestmark = pytest.mark.app

ARTICLE = ARTICLES / "said-patterns.txt"
DRAFTED = "We discussed the cessation of hostilities in Syria,"


def drafted(tmp_path, monkeypatch, article: Path, source_id: str) -> Path:
    """A copy of the data with `article` drafted into it, and the app pointed at it."""
    data = copy_data(tmp_path)
    made = run_cli("draft", article, "--source-id", source_id, "--date", "2016-05-20",
                   "--data", data)  # fmt: skip
    assert made.returncode == 0, made.stderr
    monkeypatch.setenv(DATA_ENV, str(data))
    return data


@pytest.fixture
def data_with_draft(tmp_path, monkeypatch) -> Path:
    return drafted(tmp_path, monkeypatch, ARTICLE, "geneva-draft")


def quotes_page(app_env: dict[str, str], monkeypatch) -> AppTest:
    for key, value in app_env.items():
        monkeypatch.setenv(key, value)
    app = AppTest.from_file(ENTRY, default_timeout=60)
    app.query_params["q"] = ["cessation of hostilities in Syria"]
    app.run()
    app.switch_page("pages/quotes.py").run()
    assert not app.exception
    return app


def test_published_app_leaves_drafts_out(data_with_draft, monkeypatch) -> None:
    app = quotes_page({}, monkeypatch)
    assert not app.dataframe or DRAFTED not in set(app.dataframe[0].value["text"])
    assert not [w for w in app.warning if "Review mode" in w.value]


def test_review_mode_shows_drafts_marked_as_such(data_with_draft, monkeypatch) -> None:
    app = quotes_page({DRAFTS_ENV: "1"}, monkeypatch)
    assert DRAFTED in set(app.dataframe[0].value["text"])
    assert [w for w in app.warning if "Review mode" in w.value]
    assert any("DRAFT, to review" in element.value for element in app.markdown)


NO_SPEAKER = ARTICLES / "no-speaker.txt"


@pytest.fixture
def data_with_unattributed(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv(DRAFTS_ENV, "1")
    return drafted(tmp_path, monkeypatch, NO_SPEAKER, "no-speaker")


@pytest.mark.parametrize("page", ["overview", "issue", "timeline", "quotes", "speakers", "source"])
def test_quotes_with_no_speaker_show_as_such_on_every_page(data_with_unattributed, page) -> None:
    app = AppTest.from_file(ENTRY, default_timeout=60)
    app.query_params["issue"] = ["sanctions"]
    app.run()
    app.switch_page(f"pages/{page}.py").run()
    assert not app.exception, [e.message for e in app.exception]


def test_a_quote_with_no_speaker_says_so_and_no_filter_gives_it_one(
    data_with_unattributed,
) -> None:
    app = AppTest.from_file(ENTRY, default_timeout=60)
    app.query_params["q"] = ["We are ready"]
    app.run()
    app.switch_page("pages/quotes.py").run()
    table = app.dataframe[0].value
    assert list(table[table["text"] == "We are ready,"]["speaker_name"]) == ["No speaker found"]
    card = next(
        part for e in app.markdown for part in e.value.split("---") if "We are ready\\," in part
    )
    assert "**No speaker found** (no side)" in card and "as the source puts it" not in card
    for key, value in (("speaker", "kerry"), ("side", "us"), ("side", "russia")):
        app.multiselect(key=key).set_value([value]).run()
        assert not app.dataframe or "We are ready," not in set(app.dataframe[0].value["text"])
        app.multiselect(key=key).set_value([]).run()
