"""The views of the year through AppTest, on the seed plus the FIXTURE year (tests/fixtures/year/):
the Overview as of a meeting (`?as_of=`), the Issue page's history, the Commitments page and the
What-changed page (`?from=&to=`). Opening a URL shows the view it names."""

from __future__ import annotations

import pytest
from datafolder import SEED_ID
from streamlit.testing.v1 import AppTest
from test_history import GENEVA, LIMA, VIENNA, year_data
from test_pages import open_page, page_text

from dialogue_tracker.paths import DATA_ENV


@pytest.fixture(autouse=True)
def year(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(DATA_ENV, str(year_data(tmp_path)))


def matrix(app: AppTest) -> str:
    """The Overview's positions table, as the reader reads it."""
    return next(m.value for m in app.markdown if m.value.startswith("| Issue |"))


def row(table: str, issue: str) -> str:
    return next(line for line in table.splitlines() if f"**[{issue}]" in line)


def test_overview_shows_the_latest_meeting_by_default() -> None:
    app = open_page("overview")
    assert app.selectbox(key="as_of_pick").value == LIMA
    assert "Not stated" in row(matrix(app), "Sanctions").split("|")[3]


def test_as_of_in_the_url_shows_the_matrix_of_that_meeting() -> None:
    app = open_page("overview", as_of=[VIENNA])
    assert app.selectbox(key="as_of_pick").value == VIENNA
    sanctions = row(matrix(app), "Sanctions").split("|")
    assert "Disagreement" in sanctions[3]  # Russia, said in Vienna
    assert "Conditional" in sanctions[2]  # the US, from the seed, carried forward
    assert "Conditional" in row(matrix(app), "Syria").split("|")[3]
    assert "later sources are left out" in page_text(app)


def test_picking_a_meeting_writes_it_to_the_url() -> None:
    app = open_page("overview")
    app.selectbox(key="as_of_pick").select(SEED_ID).run()
    assert app.query_params["as_of"] == SEED_ID
    assert "Not stated" in row(matrix(app), "Sanctions").split("|")[3]
    assert "Agreement" in row(matrix(app), "Syria").split("|")[3]


def test_an_unknown_meeting_in_the_url_is_ignored_with_a_notice() -> None:
    app = open_page("overview", as_of=["atlantis-2016"])
    assert app.selectbox(key="as_of_pick").value == LIMA
    assert any("atlantis-2016" in w.value.replace("\\", "") for w in app.warning)


def test_issue_page_shows_each_sides_history_as_a_sequence() -> None:
    app = open_page("issue", issue=["syria"])
    texts = [m.value for m in app.markdown if m.value.startswith("1. ")]
    russia = next(t for t in texts if "Vienna" in t and "Geneva" in t and "Conditional" in t)
    entries = russia.split("\n1. ")
    assert ["24 March 2016" in entries[0], "17 May 2016" in entries[1]] == [True, True]
    assert "changed from Agreement" in entries[1] and "changed from Conditional" in entries[2]
    assert "changed" not in entries[0]
    assert "quotes?issue=syria&quote=fixture-vienna-lavrov-truce)" in entries[1]
