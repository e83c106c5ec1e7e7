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
    hover,
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


def points_x(figure: dict) -> pd.Series:
    lanes = [t for t in figure["data"] if "issue" in t["meta"] and t["type"] == "scatter"]
    return pd.to_datetime(pd.Series([x for t in lanes for x in t["x"]]))


def test_the_first_view_holds_every_item_of_the_filtered_issues(events) -> None:
    for issues in (["minsk"], ["inf-treaty", "syria"], sorted(set(events["issue"]))):
        shown = events[events["issue"].isin(issues)]
        figure = figure_of(events, issues)
        start, end = pd.to_datetime(figure["layout"]["xaxis"]["range"])
        x = points_x(figure)
        assert len(x) == (shown["kind"] != "target").sum(), issues
        assert start <= x.min() and x.max() <= end and shown["end"].max() <= end, issues


def test_the_chart_reads_as_the_year_with_earlier_context_in_a_band(events) -> None:
    figure = figure_of(events, sorted(set(events["issue"])))
    start, end = pd.to_datetime(figure["layout"]["xaxis"]["range"])
    assert pd.Timestamp("2015-10-01") < start and end < pd.Timestamp("2017-02-01")
    xaxis = figure["layout"]["xaxis"]
    ticks = dict(zip(xaxis["ticktext"], pd.to_datetime(xaxis["tickvals"]), strict=True))
    assert ticks["earlier"] < pd.Timestamp("2016-01-01") < ticks["Apr<br>2016"]
    band = next(s for s in figure["layout"]["shapes"] if s["type"] == "rect")
    band_start, band_end = pd.to_datetime([band["x0"], band["x1"]])
    earlier = events[events["start"] < pd.Timestamp("2016-01-01")]
    assert set(earlier["kind"]) == {"context"} and len(earlier) >= 3
    context = [t for t in figure["data"] if t["meta"].get("kind") == "context"]
    placed = {
        h: pd.Timestamp(x) for t in context for h, x in zip(t["hovertext"], t["x"], strict=True)
    }
    inf = next(h for h in placed if "8 Dec 1987" in h)  # the hover keeps the true date
    for row in earlier.itertuples():
        text = hover(row.kind, row.label, row.start, row.end)
        assert band_start <= placed[text] < band_end, row.label
    minsk = sorted(placed[h] for h in placed if "2014" in h or "Feb 2015" in h)
    assert placed[inf] < minsk[0] < minsk[1]  # in date order


def test_a_missed_mark_sits_on_the_date_of_the_report_that_says_so(tmp_path) -> None:
    events = build_frames(load_catalog(year_data(tmp_path))).events
    traces = figure_of(events, ["syria"])["data"]
    status = next(t for t in traces if t["meta"].get("kind") == "status")
    marks = dict(zip(status["marker"]["symbol"], pd.to_datetime(status["x"]), strict=True))
    assert marks[STATUS_SYMBOLS["missed"]] == pd.Timestamp("2016-11-17")  # the Lima report
    assert STATUS_SYMBOLS["missed"] != SYMBOLS["meeting"]
