"""Stance and next-step candidates: from cue words, valid for the model, marked for review."""

from __future__ import annotations

import pytest
from helpers.drafting import draft_of

from dialogue_tracker.draft.writer import document
from dialogue_tracker.model import SourceFile

pytestmark = pytest.mark.unit


def steps_by_words(draft) -> dict:
    return {step["target"]["words"]: step for step in draft.next_steps if "target" in step}


def test_targets_take_the_year_of_the_date_when_they_give_none() -> None:
    steps = steps_by_words(draft_of("steps", date="2016-03-24"))
    assert steps["by June"]["target"]["date"] == "2016-06"
    assert "2016-03-24" in steps["by June"]["target"]["basis"]
    assert steps["by June"]["agreed_by"] == ["russia", "us"] or steps["by June"]["agreed_by"] == [
        "us",
        "russia",
    ]
    assert steps["by August 2017"]["target"] == {"words": "by August 2017", "date": "2017-08"}
    assert steps["by August 2017"]["proposed_by"] == ["kerry"]
    assert steps["as soon as possible"]["target"] == {"words": "as soon as possible"}
    assert steps["as soon as possible"]["demanded_by"] == ["kerry"]


def test_another_date_gives_another_year() -> None:
    steps = steps_by_words(draft_of("steps", date="2019-11-02"))
    assert steps["by June"]["target"]["date"] == "2019-06"


def test_without_a_date_a_month_stays_words() -> None:
    steps = steps_by_words(draft_of("steps", date=None))
    assert "date" not in steps["by June"]["target"]
    assert "no --date" in steps["by June"]["target"]["basis"]


def test_stances_are_reviewable_candidates_resting_on_quotes() -> None:
    draft = draft_of("steps")
    stances = {(s["issue"], s["side"]): s for s in draft.stances}
    assert stances[("cyber-crime", "russia")]["status"] == "agreement"
    assert stances[("cyber-crime", "russia")]["quotes"] == [draft.quotes[0].id]
    assert ("cyber-crime", "us") in stances  # "We agreed": both sides
    assert all(s["review"] and s["summary"].startswith("Draft candidate") for s in draft.stances)
    assert all(step["review"] for step in draft.next_steps)


def test_every_draft_satisfies_the_model() -> None:
    for name in ("said-patterns", "unknown-speaker", "transcript", "steps", "nested", "unbalanced"):
        record = SourceFile.model_validate(document(draft_of(name)))
        assert record.quotes, name
        assert all(step.review for step in record.next_steps), name
