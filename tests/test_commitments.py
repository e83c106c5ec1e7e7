"""Next steps as commitments (dialogue_tracker/commitments.py) and statement variants
(dialogue_tracker/variants.py), on the seed plus the FIXTURE year (tests/fixtures/year/)."""

from __future__ import annotations

import pytest
from helpers.year import GENEVA, LIMA, VIENNA, VIENNA_TRANSCRIPT, year_data

from dialogue_tracker.catalog import Catalog
from dialogue_tracker.commitments import (
    logged_evidence,
    status_counts,
    trail,
    with_evidence_first,
)
from dialogue_tracker.frames import Frames, build_frames
from dialogue_tracker.loader import load_catalog
from dialogue_tracker.variants import variant_groups, variants_of

pytestmark = pytest.mark.unit

SANCTIONS_REPORT = "fixture-vienna-lavrov-sanctions"
SANCTIONS_TRANSCRIPT = "fixture-vienna-transcript-lavrov-sanctions"


@pytest.fixture(scope="module")
def year(tmp_path_factory) -> tuple[Catalog, Frames]:
    catalog = load_catalog(year_data(tmp_path_factory.mktemp("year")))
    return catalog, build_frames(catalog)


def step(frames: Frames, step_id: str) -> dict:
    return frames.steps[frames.steps["id"] == step_id].iloc[0].to_dict()


def test_a_trail_starts_open_on_the_word_of_the_source_that_recorded_the_step(year) -> None:
    catalog, frames = year
    entries = trail(catalog, step(frames, "fixture-aleppo-truce"))
    assert [e.kind for e in entries] == ["recorded", "related", "step", "step"]
    assert [e.status for e in entries] == ["open", None, "in_progress", "missed"]
    assert [e.date for e in entries] == ["2016-05-17", "2016-07", "2016-09-09", "2016-11-17"]
    assert [e.source_id for e in entries] == [VIENNA, None, GENEVA, LIMA]
    assert entries[0].quotes == ("fixture-vienna-lavrov-truce",)
    assert entries[2].quotes == ("fixture-geneva-lavrov-basis",)
    assert all(e.source_title for e in entries)  # no status without a source
    assert entries[1].relation == "FIXTURE: speaks of the truce in Homs, not in Aleppo."
    assert entries[1].url == "https://example.org/fixture-homs"
    assert "excerpt" in entries[3].source_title  # Lima's text is an excerpt


def test_related_evidence_claims_no_status(year) -> None:
    catalog, frames = year
    constitution = step(frames, "fixture-constitution")
    entries = trail(catalog, constitution)
    assert [e.kind for e in entries] == ["recorded", "related"]
    assert constitution["status"] == "open"
    assert status_counts(frames.steps) == {
        "open": 3, "in_progress": 0, "done": 0, "missed": 1, "dropped": 0,
    }  # fmt: skip


def test_steps_with_later_evidence_come_first(year) -> None:
    _, frames = year
    ordered = list(with_evidence_first(frames.steps)["id"])
    assert ordered[:2] == ["fixture-constitution", "fixture-aleppo-truce"]
    assert sorted(ordered) == sorted(frames.steps["id"])


def test_logged_evidence_is_in_date_order_without_the_records(year) -> None:
    catalog, frames = year
    found = logged_evidence(catalog, frames.steps)
    assert [(e.step, e.date) for e in found] == [
        ("fixture-aleppo-truce", "2016-07"),
        ("fixture-constitution", "2016-08-01"),
        ("fixture-aleppo-truce", "2016-09-09"),
        ("fixture-aleppo-truce", "2016-11-17"),
    ]


def test_a_statement_groups_its_wordings_across_sources(year) -> None:
    _, frames = year
    quotes = frames.quotes
    shown = quotes[quotes["source"] == VIENNA]
    groups = variant_groups(quotes, shown)
    assert len(groups) == 1
    assert list(groups[0]["id"]) == [SANCTIONS_REPORT, SANCTIONS_TRANSCRIPT]
    assert list(groups[0]["source"]) == [VIENNA, VIENNA_TRANSCRIPT]
    assert list(variants_of(quotes, SANCTIONS_TRANSCRIPT)["id"]) == [
        SANCTIONS_TRANSCRIPT,
        SANCTIONS_REPORT,
    ]


def test_a_quote_without_other_wordings_has_no_variants(year) -> None:
    _, frames = year
    quotes = frames.quotes
    assert variants_of(quotes, "fixture-moscow-kerry-syria").empty
    assert variant_groups(quotes, quotes[quotes["source"] == GENEVA]) == []
