"""Each page's logic through Streamlit's AppTest, run from the entry script as a reader opens it."""

from __future__ import annotations

import json

import pytest
import yaml
from helpers.datafolder import SEED_YAML
from helpers.pages import open_page, page_text, unescape
from streamlit.testing.v1 import AppTest

from dialogue_tracker.paths import DATA
from dialogue_tracker.ui.text import md

pytestmark = pytest.mark.app

PAGES = ["overview", "issue", "timeline", "quotes", "speakers", "source"]


def seed() -> dict:
    """The curated source file, read with plain PyYAML: the expectations come from the data."""
    return yaml.safe_load(SEED_YAML.read_text())


def all_quotes() -> list[dict]:
    """The quotes of every curated source file, read with plain PyYAML."""
    files = sorted((DATA / "sources").glob("*.yaml"))
    return [q for path in files for q in yaml.safe_load(path.read_text())["quotes"]]


def quotes_by(speaker: str) -> list[str]:
    return [q["text"] for q in all_quotes() if q["speaker"] == speaker]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_with_sidebar_filters(page: str) -> None:
    app = open_page(page, speaker=["lavrov"])
    assert app.sidebar.multiselect(key="speaker").value == ["lavrov"]
    assert app.title[0].value


@pytest.mark.parametrize("key,value", [("issue", "minsk"), ("speaker", "kerry"), ("side", "us")])
def test_query_parameters_preset_the_filters(key: str, value: str) -> None:
    app = open_page("overview", **{key: [value]})
    for name in ("issue", "speaker", "side"):
        expected = [value] if name == key else []
        assert app.sidebar.multiselect(key=name).value == expected


def test_unknown_id_is_ignored_with_a_notice() -> None:
    app = open_page("overview", speaker=["lavrov", "nobody"])
    assert app.sidebar.multiselect(key="speaker").value == ["lavrov"]
    notices = [w.value for w in app.warning]
    assert any("nobody" in unescape(n) and "speaker" in n for n in notices), notices


@pytest.mark.parametrize("speaker", ["lavrov", "kerry", "putin"])
def test_quotes_page_lists_all_and_only_the_speakers_quotes(speaker: str) -> None:
    app = open_page("quotes", speaker=[speaker])
    expected = quotes_by(speaker)
    if not expected:
        assert not app.dataframe
        assert "No quotes match the filters" in page_text(app)
        return
    table = app.dataframe[0].value
    assert sorted(table["text"]) == sorted(expected)


def test_quotes_search_narrows_the_rows() -> None:
    app = open_page("quotes", q=["Resolution 2264"])
    table = app.dataframe[0].value
    assert list(table["text"]) == [t for t in quotes_by("lavrov") if "Resolution 2264" in t]


def test_overview_with_issue_and_speaker_shows_no_other_speaker() -> None:
    app = open_page("overview", issue=["sanctions"], speaker=["kerry"])
    text = page_text(app)
    sanctions = [q["text"] for q in all_quotes() if "sanctions" in q["issues"]]
    assert all(quote in text for quote in sanctions)
    assert not [quote for quote in quotes_by("lavrov") if quote in text]
    assert "**Sergey Lavrov**" not in text  # no quote attributed to him


def positions(app: AppTest) -> dict[str, dict[str, str]]:
    """The Overview's positions table (one markdown table): issue title → side → cell."""
    table = next(e.value for e in app.markdown if e.value.startswith("| Issue |"))
    header, _, *rows = [line.strip("| ").split(" | ") for line in table.splitlines()]
    return {
        unescape(cells[0].strip("*")): dict(zip(header[1:], cells[1:], strict=True))
        for cells in rows
    }


def test_overview_shows_not_stated_gaps_plainly() -> None:
    table = positions(open_page("overview", issue=["sanctions"]))
    assert list(table) == ["Sanctions"]
    assert table["Sanctions"]["Russia"].startswith(":gray-badge[Not stated]")
    assert table["Sanctions"]["US"].startswith(":violet-badge[Conditional]")
    assert ":material/" not in str(table)  # no icon name for a screen reader to read out
    assert "*Curator's summary:* Ready to roll back sanctions" in table["Sanctions"]["US"]


def test_overview_table_has_a_row_per_issue_and_a_column_per_shown_side() -> None:
    table = positions(open_page("overview", speaker=["lavrov"]))
    issues = yaml.safe_load((DATA / "issues.yaml").read_text(encoding="utf-8"))["issues"]
    assert list(table) == [issue["title"] for issue in issues]
    assert all(list(r) == ["Russia"] for r in table.values())
    assert "Disagreement" in table["INF Treaty"]["Russia"]


def test_filter_that_leaves_nothing_says_so() -> None:
    app = open_page("overview", speaker=["putin"], issue=["sanctions"])
    assert "No quotes match the filters" in page_text(app)


@pytest.mark.parametrize("side", ["us", "russia"])
def test_side_filter_keeps_only_that_sides_quotes(side: str) -> None:
    app = open_page("speakers", side=[side])
    text = page_text(app)
    speakers = {"us": ["kerry"], "russia": ["lavrov"]}[side]
    others = {"us": ["lavrov"], "russia": ["kerry"]}[side]
    assert any(q in text for s in speakers for q in quotes_by(s))
    assert not [q for s in others for q in quotes_by(s) if q in text]


def test_issue_page_shows_the_linked_issue_with_both_sides() -> None:
    app = open_page("issue", issue=["cyber-crime"])
    assert issue_picker(app).value == "cyber-crime"
    text = page_text(app)
    assert "Curator's summary" in text
    latest = yaml.safe_load((DATA / "sources" / "tass-2016-12-02-rome-cyber.yaml").read_text())
    words = {quote["id"]: quote["text"] for quote in latest["quotes"]}
    [russia] = [
        s for s in latest["stances"] if (s["issue"], s["side"]) == ("cyber-crime", "russia")
    ]
    assert all(words[quote] in text for quote in russia["quotes"])  # the current stance's quotes
    assert "Hold special consultations on cyber crime." in text


def issue_picker(app: AppTest):
    return next(box for box in app.selectbox if box.label.startswith("Issue"))


def test_the_issue_pages_own_pick_leaves_the_shared_filter_alone() -> None:
    app = open_page("issue", issue=["syria", "minsk"])
    issue_picker(app).set_value("minsk").run()
    assert issue_picker(app).value == "minsk"
    assert app.sidebar.multiselect(key="issue").value == ["syria", "minsk"]
    app.switch_page("pages/quotes.py").run()
    assert app.sidebar.multiselect(key="issue").value == ["syria", "minsk"]


def timeline_figure(app: AppTest) -> dict:
    """The figure, its legend-only traces left out."""
    figure = json.loads(app.get("plotly_chart")[0].proto.spec)
    return figure | {"data": [t for t in figure["data"] if "legend" not in t["meta"]]}


def test_timeline_has_a_lane_per_shown_issue_with_points_and_spans() -> None:
    app = open_page("timeline", issue=["syria", "sanctions"])
    traces = timeline_figure(app)["data"]
    assert {t["meta"]["issue"] for t in traces} == {"syria", "sanctions"}
    points = {(t["meta"]["issue"], t["meta"]["kind"]): t for t in traces if t["type"] == "scatter"}
    syria_quotes = [q["id"] for q in all_quotes() if "syria" in q["issues"]]
    assert sorted(points[("syria", "quote")]["customdata"]) == sorted(syria_quotes)
    assert len(points[("syria", "context")]["customdata"]) >= 4
    syria_sources = {
        p.stem
        for p in (DATA / "sources").glob("*.yaml")
        if any("syria" in q["issues"] for q in yaml.safe_load(p.read_text())["quotes"])
    }
    assert set(points[("syria", "meeting")]["customdata"]) <= syria_sources | {
        "moscow-talks-2016-03-24"
    }
    sanctions = [q["id"] for q in all_quotes() if "sanctions" in q["issues"]]
    assert list(points[("sanctions", "quote")]["customdata"]) == sanctions
    spans = [t for t in traces if t["type"] == "bar"]
    assert [t["meta"]["issue"] for t in spans] == ["syria"]
    assert list(spans[0]["customdata"]) == ["draft-constitution"]
    assert spans[0]["base"][0].startswith("2016-08-01")
    days = spans[0]["x"][0] / 86_400_000
    assert 30.9 < days < 31.1  # August 2016, a month


def test_timeline_filter_by_speaker_keeps_only_their_quotes() -> None:
    app = open_page("timeline", speaker=["lavrov"])
    traces = timeline_figure(app)["data"]
    shown = [r for t in traces if t["meta"]["kind"] == "quote" for r in t["customdata"]]
    assert sorted(set(shown)) == sorted(q["id"] for q in all_quotes() if q["speaker"] == "lavrov")


def test_timeline_lists_undated_steps_beside_the_chart() -> None:
    app = open_page("timeline", issue=["syria"])
    text = page_text(app)
    undated = [
        s
        for s in seed()["next_steps"]
        if s["issue"] == "syria" and "date" not in s.get("target", {})
    ]
    assert undated and all(step["description"] in text for step in undated)


def test_source_page_highlights_each_quote_in_place() -> None:
    app = open_page("source")
    next(box for box in app.selectbox if box.label == "Source").set_value(
        "moscow-talks-2016-03-24"
    ).run()
    paragraphs = [element.value for element in app.markdown]
    links = {link.proto.query_string: link.proto.label for link in app.get("page_link")}
    for quote in seed()["quotes"]:
        marked = f"**:blue-background[{md(quote['text'])}]**"
        (paragraph,) = [text for text in paragraphs if marked in text]
        number = paragraph.split(marked, 1)[1].split("]")[0].removeprefix(":blue[")
        # the highlight's number names the link to its own record, a page link (same tab)
        assert links[f"quote={quote['id']}"].startswith(number), quote["id"]
    assert "Resolution 2254" in page_text(app)


def test_permalink_param_selects_a_quote_with_citation() -> None:
    app = open_page("quotes", quote=["kerry-assad"])
    codes = [c.value for c in app.get("code")]
    assert any("quote=kerry-assad" in c for c in codes)
    citation = next(c for c in codes if "data version" in c)
    assert "John Kerry" in citation and "24 March 2016" in citation


def test_source_card_says_excerpt_publisher_and_reuse() -> None:
    app = open_page("source")
    box = next(box for box in app.selectbox if box.label == "Source")
    box.set_value("kremlin-2016-03-24-putin-kerry").run()
    text = page_text(app)
    assert "Transcript · publisher: Embassy of the Russian Federation" in text
    assert "excerpt: only the opening of the page" in text
    assert "Reuse: An official Russian government transcript" in text
    box.set_value("mfa-2016-11-17-lima").run()
    assert "excerpt" not in page_text(app).split("Text")[0]


def test_overview_lists_the_newest_sources_and_steps_and_links_the_rest() -> None:
    app = open_page("overview")
    sources = [yaml.safe_load(p.read_text())["source"] for p in (DATA / "sources").glob("*.yaml")]
    sources.sort(key=lambda r: (r["event_date"], r.get("published") or ""), reverse=True)
    texts = [unescape(m.value) for m in app.markdown]
    listed = next(t for t in texts if sources[0]["title"] in t)
    assert [f"**{r['title']}**" in listed for r in sources] == [True] * 5 + [False] * (
        len(sources) - 5
    )
    assert listed.index(sources[0]["title"]) < listed.index(sources[4]["title"])
    assert f"…and {len(sources) - 5} older source(s)." in [c.value for c in app.caption]
    files = (DATA / "sources").glob("*.yaml")
    steps = sum(len(yaml.safe_load(p.read_text()).get("next_steps", [])) for p in files)
    assert sum(t.count("Target: ") for t in texts) == 5 < steps
    links = {link.proto.label: link.proto.page for link in app.get("page_link")}
    assert links["Each source's text, with its quotes marked, on the Source page"].endswith(
        "source"
    )
    label = f"All {steps} next steps in view, with their status, on the Commitments page"
    assert links[label].endswith("commitments")
