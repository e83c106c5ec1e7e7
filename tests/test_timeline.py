"""The timeline's data: spans at the precision given, wrapped hover text, grouping at scale."""

from __future__ import annotations

import pandas as pd
import pytest
from helpers.datafolder import SEED_ID
from helpers.year import year_data

from dialogue_tracker.filters import Filters, filter_events
from dialogue_tracker.frames import build_frames
from dialogue_tracker.loader import load_catalog
from dialogue_tracker.paths import DATA
from dialogue_tracker.timeline import (
    STATUS_SYMBOLS,
    SYMBOLS,
    condense,
    in_period,
    latest_period,
    timeline_figure,
    with_hover,
    wrap,
)

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def events():
    return build_frames(load_catalog(DATA)).events


def test_wrap_keeps_every_word_within_the_width() -> None:
    text = "word " * 40 + "a-very-long-unbroken-token-" * 4
    lines = wrap(text, 60)
    assert " ".join(lines) == " ".join(text.split())
    assert all(len(line) <= 60 or " " not in line for line in lines)


def test_hover_text_is_escaped(events) -> None:
    hostile = events.assign(label="<b>Bold</b> & <script>alert(1)</script> " + events["label"])
    texts = with_hover(hostile)["hover"]
    assert all("&lt;script&gt;alert(1)&lt;/script&gt;" in text for text in texts)
    assert not any("<script" in text or "<b>Bold" in text for text in texts)
    quote = with_hover(events)[events["record"] == "kerry-assad"].iloc[0]
    assert "it’s going to choose" in quote["hover"]
    assert quote["hover"].count("<br>") >= 2


def test_the_events_table_holds_no_chart_markup(events) -> None:
    """Hover HTML is the chart's: the table of events (and its downloads) keeps plain columns."""
    assert "hover" not in events.columns
    assert not events["label"].str.contains("<br>").any()


def test_condense_leaves_a_small_view_alone(events) -> None:
    kept, folded = condense(events)
    assert folded == 0 and kept is events


def test_condense_groups_quotes_per_meeting_and_issue(events) -> None:
    events = events[events["source"].eq(SEED_ID) | events["kind"].eq("context")]
    kept, folded = condense(events, limit=10)
    quotes = events[events["kind"] == "quote"]
    assert folded == len(quotes)
    groups = kept[kept["kind"] == "quotes"]
    assert sorted(groups["issue"]) == sorted(quotes["issue"].unique())
    syria = groups[groups["issue"] == "syria"].iloc[0]
    assert syria["label"].startswith(f"Meeting and {(quotes['issue'] == 'syria').sum()} quotes")
    meetings = kept[kept["kind"] == "meeting"]
    assert not set(meetings["issue"]) & set(groups["issue"])  # folded into the groups
    figure = timeline_figure(kept, {"syria": "Syria"}, [])
    assert [t.meta.get("kind") for t in figure.data].count("quotes") == 1


def test_filtered_events_keep_context_but_only_the_speakers_items(events) -> None:
    shown = filter_events(events, Filters(speakers=("lavrov",)))
    assert set(shown[shown["kind"] == "quote"]["speakers"].map(tuple)) == {("lavrov",)}
    assert (shown["kind"] == "context").sum() == (events["kind"] == "context").sum()
    assert "draft-constitution" not in set(shown["record"])  # Kerry's step


def test_latest_period_holds_at_most_the_limit() -> None:
    years = [2010] * 2 + [2012] * 4 + [2013] * 3 + [2015] * 3 + [2016] * 2  # 14 items
    starts = pd.to_datetime([f"{year}-06-01" for year in years])
    spread = pd.DataFrame({"start": starts, "end": starts})
    expected = {2: 2016, 5: 2015, 7: 2015, 8: 2013, 11: 2013, 12: 2012, 14: 2010}
    for limit, first in expected.items():
        period = latest_period(spread, limit=limit)
        assert period == (first, 2016), limit
        assert len(in_period(spread, period)) <= limit
    assert latest_period(spread, limit=1) == (2016, 2016)  # one year, even past the limit


def figure_of(events: pd.DataFrame, issues: list[str]) -> dict:
    figure = timeline_figure(events, dict.fromkeys(issues, "Issue"), ["#1f77b4"])
    return figure.to_plotly_json()


def test_the_chart_has_a_title_and_a_legend_entry_per_kind(events) -> None:
    figure = figure_of(events, ["syria", "minsk"])
    layout, traces = figure["layout"], figure["data"]
    assert layout["title"]["text"]
    assert layout["showlegend"] and layout["legend"]["orientation"] == "h"  # below, fits 390 px
    keys = [t for t in traces if t.get("showlegend", True)]
    assert all("legend" in t["meta"] for t in keys)  # the lanes' own traces stay out of it
    names = [t["name"] for t in keys]
    assert len(names) == len(set(names))
    kinds = [t["meta"]["legend"] for t in keys]
    assert {"meeting", "quote", "context", "target", "status"} <= set(kinds)
    shapes = [t["marker"]["symbol"] for t in keys]
    assert len(shapes) == len(set(shapes))  # a distinct shape per entry
    for trace in traces:  # a click on an entry toggles that kind on every lane
        kind = trace["meta"].get("kind", trace["meta"].get("legend"))
        assert trace["legendgroup"] == kind


def test_the_first_view_holds_every_item_of_the_filtered_issues(events) -> None:
    for issues in (["minsk"], ["inf-treaty", "syria"], sorted(set(events["issue"]))):
        shown = events[events["issue"].isin(issues)]
        start, end = pd.to_datetime(figure_of(events, issues)["layout"]["xaxis"]["range"])
        assert start <= shown["start"].min() and shown["end"].max() <= end, issues


def test_a_missed_mark_sits_on_the_date_of_the_report_that_says_so(tmp_path) -> None:
    events = build_frames(load_catalog(year_data(tmp_path))).events
    traces = figure_of(events, ["syria"])["data"]
    status = next(t for t in traces if t["meta"].get("kind") == "status")
    marks = dict(zip(status["marker"]["symbol"], pd.to_datetime(status["x"]), strict=True))
    assert marks[STATUS_SYMBOLS["missed"]] == pd.Timestamp("2016-11-17")  # the Lima report
    assert STATUS_SYMBOLS["missed"] != SYMBOLS["meeting"]
