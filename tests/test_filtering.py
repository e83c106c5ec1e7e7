"""What each filter leaves of the next steps: the steps whose owners or sides it names."""

from __future__ import annotations

import pytest

from dialogue_tracker.filters import Filters, filter_steps
from dialogue_tracker.frames import build_frames
from dialogue_tracker.loader import load_catalog
from dialogue_tracker.paths import DATA

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def steps():
    return build_frames(load_catalog(DATA)).steps


@pytest.mark.parametrize("speaker", ["lavrov", "kerry"])
def test_speaker_filter_keeps_the_steps_that_speaker_is_party_to(steps, speaker) -> None:
    kept = filter_steps(steps, Filters(speakers=(speaker,)))
    expected = {row.id for row in steps.itertuples() if speaker in row.speakers}
    assert 0 < len(expected) < len(steps)
    assert set(kept["id"]) == expected


def test_side_filter_keeps_the_steps_of_that_side(steps) -> None:
    kept = filter_steps(steps, Filters(sides=("russia",)))
    expected = {row.id for row in steps.itertuples() if "russia" in row.sides}
    assert 0 < len(expected) < len(steps)
    assert set(kept["id"]) == expected
