"""The timeline's data: spans at the precision given, wrapped hover text, grouping at scale."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import DATA
from datafolder import SEED_ID

from dialogue_tracker.filters import Filters, filter_events
from dialogue_tracker.frames import build_frames
from dialogue_tracker.loader import load_catalog
from dialogue_tracker.timeline import (
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
    quote = events[events["record"] == "kerry-assad"].iloc[0]
    assert "it’s going to choose" in quote["hover"]
    assert quote["hover"].count("<br>") >= 2


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
    assert [t.meta["kind"] for t in figure.data].count("quotes") == 1


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
