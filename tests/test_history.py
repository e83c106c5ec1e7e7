"""Stances through time (dialogue_tracker/history.py) on a FIXTURE year of four
invented meetings (tests/fixtures/year/): the meetings in order, the matrix as of each, each
side's sequence with its changes, and what changed between two meetings."""

from __future__ import annotations

import pytest
from helpers.year import GENEVA, LIMA, MOSCOW, VIENNA, VIENNA_TRANSCRIPT, year_data

from dialogue_tracker.frames import Frames, build_frames
from dialogue_tracker.history import (
    Meeting,
    find_meeting,
    in_window,
    meetings,
    stance_changes,
    stance_history,
    stances_as_of,
    steps_between,
)
from dialogue_tracker.loader import load_catalog

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def year(tmp_path_factory) -> tuple[list[Meeting], Frames]:
    catalog = load_catalog(year_data(tmp_path_factory.mktemp("year")))
    return meetings(catalog), build_frames(catalog)


def status(stances, issue: str, side: str) -> str | None:
    rows = stances[(stances["issue"] == issue) & (stances["side"] == side)]
    return rows.iloc[0]["status"] if len(rows) else None


def test_meetings_are_dated_in_order(year) -> None:
    found, _ = year
    assert [m.id for m in found] == [MOSCOW, VIENNA, GENEVA, LIMA]
    assert [m.date for m in found] == ["2016-03-24", "2016-05-17", "2016-09-09", "2016-11-17"]
    assert found[1].sources == (VIENNA, VIENNA_TRANSCRIPT)  # one day, two sources
    assert (
        found[1].label == "17 May 2016 · An invented meeting in Vienna (test fixture) (2 sources)"
    )


def test_sources_of_one_day_are_one_meeting() -> None:
    found = [Meeting("2016-03-24", "Moscow", ("a", "b")), Meeting("2016-05", "Vienna", ("c",))]
    assert find_meeting(found, "b") is found[0]
    assert find_meeting(found, "nothing") is None and find_meeting(found, None) is None
    assert found[0].id == "a" and found[0].label.endswith("(2 sources)")


def test_the_matrix_as_of_a_meeting_leaves_later_sources_out(year) -> None:
    found, frames = year
    first = stances_as_of(frames.stances, found, found[0])
    assert set(first["source"]) == {MOSCOW}
    assert status(first, "sanctions", "russia") == "not_stated"
    vienna = stances_as_of(frames.stances, found, found[1])
    assert status(vienna, "sanctions", "russia") == "disagreement"
    assert status(vienna, "syria", "russia") == "conditional"
    assert status(vienna, "syria", "us") == "agreement"  # the seed's, carried forward
    latest = stances_as_of(frames.stances, found, found[-1])
    assert latest.equals(frames.current.loc[latest.index])
    assert len(first) == 7 and len(latest) == 9  # and Minsk (Russia), terrorism (US)


def test_the_history_marks_each_change_of_status(year) -> None:
    _, frames = year
    history = stance_history(frames.stances)
    syria = history[(history["issue"] == "syria") & (history["side"] == "russia")]
    assert list(syria["source"]) == [MOSCOW, VIENNA, GENEVA]
    assert list(syria["status"]) == ["agreement", "conditional", "agreement"]
    assert list(syria["previous"]) == [None, "agreement", "conditional"]
    assert list(syria["changed"]) == [False, True, True]
    minsk = history[(history["issue"] == "minsk") & (history["side"] == "us")]
    assert list(minsk["changed"]) == [False, False]  # restated, not changed


def test_the_history_shows_gaps_without_calling_them_changes(year) -> None:
    _, frames = year
    history = stance_history(frames.stances)
    sanctions = history[(history["issue"] == "sanctions") & (history["side"] == "russia")]
    assert list(sanctions["source"]) == [MOSCOW, VIENNA, LIMA]  # not the Vienna transcript's gap
    assert list(sanctions["status"]) == ["not_stated", "disagreement", "not_stated"]
    assert list(sanctions["previous"]) == [None, None, None]
    assert not sanctions["changed"].any()
    minsk = history[(history["issue"] == "minsk") & (history["side"] == "russia")]
    assert list(minsk["source"]) == [VIENNA_TRANSCRIPT]  # the report's gap gives way
    terrorism = history[(history["issue"] == "terrorism") & (history["side"] == "us")]
    assert list(terrorism["source"]) == [VIENNA]  # two sources' gaps on one day, shown once
    cyber = history[(history["issue"] == "cyber-crime") & (history["side"] == "us")]
    assert list(cyber["status"]) == ["agreement", "not_stated", "disagreement"]
    assert list(cyber["previous"]) == [None, None, "agreement"]  # across the gap
    assert list(cyber["changed"]) == [False, False, True]


def test_a_stated_position_wins_over_a_gap_of_the_same_day(year) -> None:
    found, frames = year
    vienna = stances_as_of(frames.stances, found, found[1])
    assert status(vienna, "sanctions", "russia") == "disagreement"
    assert status(frames.current, "minsk", "russia") == "concern"  # the transcript's


def test_changes_between_two_meetings(year) -> None:
    found, frames = year
    changes = stance_changes(frames.stances, found, found[1], found[3])
    kinds = {(r["issue"], r["side"]): r["kind"] for r in changes.to_dict("records")}
    assert kinds == {
        ("sanctions", "russia"): "dropped",
        ("cyber-crime", "us"): "changed",
        ("syria", "russia"): "changed",
        ("syria", "us"): "changed",
    }
    assert list(changes["kind"]) == ["dropped", "changed", "changed", "changed"]
    dropped = changes.iloc[0]
    assert (dropped["status_before"], dropped["status_after"]) == ("disagreement", "not_stated")
    assert dropped["quotes_before"] == ("fixture-vienna-lavrov-sanctions",)


def test_a_stance_stated_for_the_first_time_is_new(year) -> None:
    found, frames = year
    changes = stance_changes(frames.stances, found, found[0], found[1])
    new = changes[changes["kind"] == "new"]
    assert list(zip(new["issue"], new["side"], strict=True)) == [
        ("minsk", "russia"),  # no record before
        ("sanctions", "russia"),  # not stated before
    ]
    assert list(new["status_before"]) == [None, "not_stated"]
    assert stance_changes(frames.stances, found, found[2], found[2]).empty


def test_steps_and_dated_items_between_two_meetings(year) -> None:
    found, frames = year
    added = steps_between(frames.steps, found, found[1], found[3])
    assert list(added["id"]) == ["fixture-joint-centre"]
    assert list(steps_between(frames.steps, found, found[0], found[1])["id"]) == [
        "fixture-aleppo-truce"
    ]
    assert in_window("2016-09-09", found[1], found[2])  # the later meeting's day counts
    assert not in_window("2016-05-17", found[1], found[2])  # the earlier one's does not
    assert in_window("2016-06", found[1], found[2])
    assert not in_window("2016-12", found[1], found[3])
