"""The views of the year through AppTest, on the seed plus the FIXTURE year (tests/fixtures/year/):
the Overview as of a meeting (`?as_of=`), the Issue page's history, the Commitments page and the
What-changed page (`?from=&to=`). Opening a URL shows the view it names."""

from __future__ import annotations

import base64
import json

import numpy as np
import pytest
from helpers.pages import open_page, page_text, paragraphs, unescape
from helpers.year import GENEVA, LIMA, MOSCOW, VIENNA, year_data
from streamlit.testing.v1 import AppTest

from dialogue_tracker.paths import DATA_ENV
from dialogue_tracker.ui import commitments_view, history_view
from dialogue_tracker.ui.source_label import EXCERPT

pytestmark = pytest.mark.app


@pytest.fixture(autouse=True)
def year(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(DATA_ENV, str(year_data(tmp_path)))


def matrix(app: AppTest) -> str:
    """The Overview's positions table, as the reader reads it."""
    return next(m.value for m in app.markdown if m.value.startswith("| Issue |"))


def row(table: str, issue: str) -> str:
    return next(line for line in table.splitlines() if line.startswith(f"| **{issue}**"))


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
    app.selectbox(key="as_of_pick").select(MOSCOW).run()
    assert app.query_params["as_of"] == MOSCOW
    assert "Not stated" in row(matrix(app), "Sanctions").split("|")[3]
    assert "Agreement" in row(matrix(app), "Syria").split("|")[3]


def test_an_unknown_meeting_in_the_url_is_ignored_with_a_notice() -> None:
    app = open_page("overview", as_of=["atlantis-2016"])
    assert app.selectbox(key="as_of_pick").value == LIMA
    assert any("atlantis-2016" in w.value.replace("\\", "") for w in app.warning)


def history(app: AppTest, side: str) -> list[str]:
    """One side's stance history on the Issue page, an entry per stance with its quote links."""
    columns = (paragraphs(column) for column in app.columns)
    return next(entries for entries in columns if entries[:1] == [f"**{side}**"])[1:]


def test_issue_page_shows_each_sides_history_as_a_sequence() -> None:
    app = open_page("issue", issue=["syria"])
    entries = history(app, "Russia")
    assert ["24 March 2016" in entries[0], "17 May 2016" in entries[1]] == [True, True]
    assert "changed from Agreement" in entries[1] and "changed from Conditional" in entries[2]
    assert "changed" not in entries[0]
    assert entries[1].endswith(" → quote=fixture-vienna-lavrov-truce")  # a link under its stance


def test_a_long_history_shows_its_latest_stances_and_counts_the_rest(monkeypatch) -> None:
    whole = history(open_page("issue", issue=["syria"]), "Russia")
    monkeypatch.setattr(history_view, "LATEST", 2)
    entries = history(open_page("issue", issue=["syria"]), "Russia")
    assert entries[0].startswith(f":small[:gray[The latest 2 of {len(whole)} stances.")
    assert entries[1:] == whole[-2:]


def test_what_changed_opens_on_the_latest_two_meetings() -> None:
    app = open_page("changes")
    assert app.selectbox(key="from_pick").value == GENEVA
    assert app.selectbox(key="to_pick").value == LIMA
    text = page_text(app)
    assert "Dropped: no longer stated" in text and "New stance" in text  # sanctions, cyber crime
    assert "fixture-joint-centre" not in text  # recorded in Geneva, not after it


def test_from_and_to_in_the_url_show_the_changes_between_them() -> None:
    app = open_page("changes", **{"from": [VIENNA], "to": [GENEVA]})
    assert app.selectbox(key="from_pick").value == VIENNA
    assert app.selectbox(key="to_pick").value == GENEVA
    shown = paragraphs(app.main)
    section = shown[shown.index("Stances") + 1 : shown.index("New next steps")]
    items = [part for part in section if not part.startswith("After")]  # a change, then before
    assert [item.split(" · ")[0].strip("*") for item in items] == ["Cyber crime", "Syria", "Syria"]
    assert "Dropped" in items[0] and all("Changed stance" in item for item in items[1:])
    assert any(
        part.startswith("After, 9 September 2016") and "→ quote=fixture-geneva-lavrov-basis" in part
        for part in section
    )
    step = next(part for part in shown if "FIXTURE: set up a joint centre." in unescape(part))
    assert step.endswith(" → quote=fixture-geneva-kerry-plan")
    text = page_text(app)
    assert "FIXTURE: the truce is being extended street by street." in text  # 9 September
    assert "FIXTURE: the truce did not reach Aleppo." not in text  # 17 November: later


def test_meetings_picked_in_the_wrong_order_are_compared_earlier_first() -> None:
    forward = page_text(open_page("changes", **{"from": [VIENNA], "to": [LIMA]}))
    backward = open_page("changes", **{"from": [LIMA], "to": [VIENNA]})
    assert "picked first" in page_text(backward)
    assert forward in page_text(backward).replace(
        "The later meeting was picked first; the comparison runs from the earlier.\n", ""
    )


def test_a_stance_restated_in_the_same_status_is_marked_unchanged() -> None:
    app = open_page("issue", issue=["minsk"], side=["us"])
    first, second = history(app, "United States")
    assert "unchanged" in second and "changed from" not in second
    assert "unchanged" not in first


def test_a_meeting_without_a_position_reads_as_a_gap() -> None:
    app = open_page("issue", issue=["sanctions"], side=["russia"])
    first, second, third = history(app, "Russia")
    assert "no position at this meeting" in first and "no position at this meeting" in third
    assert "Disagreement" in second and "changed" not in first + second + third


def test_commitments_show_the_meter_and_each_steps_trail() -> None:
    app = open_page("commitments")
    meter = next(m.value for m in app.markdown if "Open: " in m.value)
    assert "Open: 3" in meter and "Missed: 1" in meter and "Done: 0" in meter
    cards = [
        paragraphs(card) for card in app.main.children.values() if card.type == "flex_container"
    ]
    cards = [
        card for card in cards if card[:1] and card[0].startswith((":red-badge", ":gray-badge"))
    ]
    truce = next(c for c in cards if "extend the truce to Aleppo" in c[0])
    assert truce[0].startswith(":red-badge[:material/cancel: Missed]")
    assert "Owner: agreed by US and Russia" in truce[0] and "June 2016" in truce[0]
    trail = truce[1:]
    assert [entry.split(" · ")[0] for entry in trail] == [
        "**17 May 2016**", "**July 2016**", "**9 September 2016**", "**17 November 2016**",
    ]  # fmt: skip
    assert "Open" in trail[0] and trail[0].endswith(" → quote=fixture-vienna-lavrov-truce")
    assert "Related" in trail[1] and "claims no status for this step" in trail[1]
    assert "In progress" in trail[2] and trail[2].endswith(" → quote=fixture-geneva-lavrov-basis")
    assert "excerpt" in trail[3]
    assert cards.index(truce) < next(
        i for i, c in enumerate(cards) if "consultations on cyber crime" in c[0]
    )  # news first


def test_commitments_show_a_page_of_cards_and_count_the_rest(monkeypatch) -> None:
    def step_cards(app: AppTest) -> list[list[str]]:
        cards = (paragraphs(c) for c in app.main.children.values() if c.type == "flex_container")
        return [card for card in cards if card[:1] and "Owner: " in card[0]]

    every = step_cards(open_page("commitments"))
    monkeypatch.setattr(commitments_view, "CARDS", 2)
    app = open_page("commitments")
    assert step_cards(app) == every[:2]
    assert f"…and {len(every) - 2} more next step(s): filter by issue" in page_text(app)


def test_commitments_follow_the_filters() -> None:
    app = open_page("commitments", issue=["cyber-crime"])
    text = page_text(app)
    assert "FIXTURE: hold special consultations on cyber crime." in text
    assert "extend the truce to Aleppo" not in text
    assert "Open: 1" in text


def test_a_quotes_panel_shows_its_other_wordings_side_by_side() -> None:
    app = open_page("quotes", quote=["fixture-vienna-transcript-lavrov-sanctions"])
    captions = [c.value for c in app.caption]
    assert any("other sources' words" in c for c in captions)
    wordings = [m.value for m in app.markdown if "invented Vienna" in m.value and "“" in m.value]
    assert len(wordings) == 4  # the panel's two, and the same two in the statements section
    assert "Sanctions cannot be the basis" in wordings[0]  # the selected wording first
    assert "a translation" in wordings[0] and "no basis for talks" in wordings[1]
    other = next(part for part in paragraphs(app.main) if "no basis for talks" in part)
    assert other.endswith(" → quote=fixture-vienna-lavrov-sanctions")  # its own permalink


def test_statements_in_several_wordings_follow_the_filters() -> None:
    shown = open_page("quotes", speaker=["lavrov"])
    assert "One statement, several wordings" in [s.value for s in shown.subheader]
    hidden = open_page("quotes", speaker=["kerry"])
    assert "One statement, several wordings" not in [s.value for s in hidden.subheader]


def test_the_timeline_shows_every_item_with_status_changes_marked() -> None:
    app = open_page("timeline", issue=["syria"])
    figure = json.loads(app.get("plotly_chart")[0].proto.spec)
    assert figure["layout"]["title"]["text"]
    start, end = figure["layout"]["xaxis"]["range"]
    assert start < "2016-01-01" and end > "2017-01-01"
    context = next(t for t in figure["data"] if t["meta"].get("kind") == "context")
    assert any("18 Dec 2015" in text for text in context["hovertext"])  # UN resolution 2254
    assert all(start <= x <= end for x in context["x"])  # in the earlier band
    assert "earlier" in figure["layout"]["xaxis"]["ticktext"]
    keys = [t["name"] for t in figure["data"] if "legend" in t["meta"]]
    assert "Status: missed" in keys and "Context (public source, not the article)" in keys
    guides = [s["x0"][:10] for s in figure["layout"]["shapes"] if s["type"] == "line"]
    assert guides == ["2016-03-24", "2016-05-17", "2016-09-09"]  # Syria's meetings
    status = next(t for t in figure["data"] if t["meta"].get("kind") == "status")
    y = status["y"]  # a typed array in plotly's JSON
    rows = np.frombuffer(base64.b64decode(y["bdata"]), dtype=y["dtype"]) % 1
    assert {round(float(row), 2) for row in rows} == {0.44}  # the lane's top row
    assert status["marker"]["symbol"] == ["hexagon-open", "hexagon-open", "triangle-right", "x"]
    lanes = [t for t in figure["data"] if "issue" in t["meta"]]  # not the legend's
    spans = {t["meta"]["issue"]: t["customdata"] for t in lanes if t["type"] == "bar"}
    assert sorted(spans["syria"]) == ["fixture-aleppo-truce", "fixture-constitution",
                                      "fixture-joint-centre"]  # fmt: skip


def test_an_excerpt_source_says_so_wherever_it_is_named() -> None:
    quotes = open_page("quotes", issue=["cyber-crime"])
    table = quotes.dataframe[0].value
    assert dict(zip(table["source_title"], table["excerpt"], strict=True)) == {
        "FIXTURE: invented Moscow report": False,
        "FIXTURE: invented Lima report": True,
    }
    issue = open_page("issue", issue=["cyber-crime"], side=["us"])
    assert f"Lima report]]{EXCERPT}" in history(issue, "United States")[-1]
    source = open_page("source")
    assert "FIXTURE: invented Lima report (excerpt)" in source.selectbox[0].options


def test_the_timeline_figure_follows_the_filters_through_its_cache() -> None:
    def lanes(app) -> set[str]:
        figure = json.loads(app.get("plotly_chart")[0].proto.spec)
        return {t["meta"]["issue"] for t in figure["data"] if "issue" in t["meta"]}

    everything = lanes(open_page("timeline"))
    assert lanes(open_page("timeline", issue=["minsk"])) == {"minsk"}
    assert lanes(open_page("timeline")) == everything and len(everything) > 1
