"""A second source added beside the seed: it loads, its stance becomes the current one for what it
covers, the seed's stays current elsewhere, and the history keeps both in date order.

The later source is an invented FIXTURE (tests/fixtures/later-source/), dated April 2016.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from helpers.datafolder import SEED_ID, copy_data, overlay, run_cli

from dialogue_tracker.catalog import Catalog
from dialogue_tracker.frames import build_frames, current_stances
from dialogue_tracker.loader import load_catalog

pytestmark = pytest.mark.cli

FIXTURE = Path(__file__).parent / "fixtures" / "later-source"
LATER_ID = "fixture-later-2016-04"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    data_dir = copy_data(tmp_path)
    overlay(FIXTURE, data_dir)
    return data_dir


@pytest.fixture
def catalog(data_dir: Path) -> Catalog:
    return load_catalog(data_dir)


@pytest.fixture
def stances(catalog: Catalog) -> pd.DataFrame:
    return build_frames(catalog).stances


def test_the_later_source_validates(data_dir: Path) -> None:
    result = run_cli("validate", "--data", data_dir)
    assert result.returncode == 0, result.stdout
    assert "16 sources, 55 quotes, 64 stances" in result.stdout


def test_both_sources_load_oldest_first(catalog: Catalog) -> None:
    order = [entry.id for entry in catalog.sources]
    assert order.index(SEED_ID) < order.index(LATER_ID)
    assert catalog.sources[order.index(LATER_ID) + 1].record.event_date > "2016-04"
    later = catalog.source(LATER_ID)
    assert [quote.id for quote in later.quotes] == [
        "fixture-lavrov-no-condition",
        "fixture-lavrov-never-helped",
    ]
    for quote in later.quotes:
        span = later.spans[quote.id]
        assert later.text[span.start : span.end] == quote.text
    assert later.spans["fixture-lavrov-never-helped"].paragraph == 4


def test_the_later_stance_is_current(stances: pd.DataFrame) -> None:
    current = current_stances(stances).set_index(["issue", "side"])
    assert current.loc[("sanctions", "russia"), "status"] == "disagreement"
    assert current.loc[("sanctions", "russia"), "source"] == LATER_ID


def test_the_seed_stance_stays_current_elsewhere(stances: pd.DataFrame) -> None:
    current = current_stances(stances).set_index(["issue", "side"])
    assert len(current) == 18
    for issue in ("sanctions", "missile-defense", "inf-treaty", "nato-expansion"):
        others = current.drop(index=("sanctions", "russia"), errors="ignore").loc[issue]
        assert set(others["source"]) == {SEED_ID}
    assert current.loc[("cyber-crime", "us"), "source"] == SEED_ID
    assert current.loc[("cyber-crime", "russia"), "source"] == "tass-2016-12-02-rome-cyber"
    assert current.loc[("sanctions", "us"), "status"] == "conditional"
    assert current.loc[("syria", "russia"), "source"] != SEED_ID


def test_the_stance_history_is_in_date_order(stances: pd.DataFrame) -> None:
    history = stances[(stances["issue"] == "sanctions") & (stances["side"] == "russia")]
    assert list(history["source"]) == [SEED_ID, LATER_ID]
    assert list(history["status"]) == ["not_stated", "disagreement"]
    dates = list(history["date"])
    assert dates == sorted(dates)
    assert len(set(dates)) == 2


def test_the_seed_alone_has_no_later_stance(tmp_path: Path) -> None:
    """The baseline: without the fixture, the seed's 'not stated' is current."""
    current = build_frames(load_catalog(copy_data(tmp_path))).current.set_index(["issue", "side"])
    assert current.loc[("sanctions", "russia"), "status"] == "not_stated"
