"""The model's provenance fields: status-log evidence about the step itself or related to it,
and quotes that are variants of one statement across sources."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.datafolder import SEED_YAML, copy_data, run_cli
from pydantic import ValidationError

from dialogue_tracker.model import NextStep, StatusUpdate

pytestmark = pytest.mark.cli

LINK = {"title": "A report", "url": "https://example.org/report"}


def update(**fields) -> dict:
    return {"date": "2016-08-01", "note": "What happened.", "source": LINK, **fields}


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({}, "needs its status"),
        ({"evidence": "related", "status": "missed", "relation": "x"}, "claims no status"),
        ({"evidence": "related"}, "needs a relation"),
        ({"status": "done", "relation": "x"}, "relation is for related evidence"),
        ({"status": "done", "source": None}, "name the evidence's source"),
    ],
)
def test_evidence_rules(fields: dict, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        StatusUpdate.model_validate(update(**fields))


def test_related_evidence_claims_no_status() -> None:
    step = NextStep.model_validate(
        {
            "id": "a-step",
            "issue": "syria",
            "description": "Do it.",
            "agreed_by": ["us"],
            "status_log": [
                update(status="in_progress"),
                update(evidence="related", relation="Another target.", date="2016-09"),
            ],
        }
    )
    assert step.status == "in_progress"
    assert NextStep.model_validate({**step.model_dump(), "status_log": []}).status == "open"


def _seed_with(tmp_path: Path, old: str, new: str) -> Path:
    data_dir = copy_data(tmp_path)
    path = data_dir / "sources" / SEED_YAML.name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return data_dir


def test_a_statement_needs_two_variants_by_one_speaker(tmp_path: Path) -> None:
    data_dir = _seed_with(
        tmp_path,
        "    issues: [bilateral-dialogue]\n    reported_via: Interfax\n",
        "    issues: [bilateral-dialogue]\n    reported_via: Interfax\n    statement: review\n",
    )
    result = run_cli("validate", "--data", data_dir)
    assert result.returncode == 1
    assert "quotes[0].statement: statement 'review' has no other variant" in result.stdout
    path = data_dir / "sources" / SEED_YAML.name
    text = path.read_text(encoding="utf-8").replace(
        "    issues: [cyber-crime]\n", "    issues: [cyber-crime]\n    statement: review\n", 1
    )
    path.write_text(text.replace("speaker: lavrov", "speaker: kerry", 1), encoding="utf-8")
    result = run_cli("validate", "--data", data_dir)
    assert "no other variant" not in result.stdout
    assert "statement 'review' is kerry's" in result.stdout
    assert "a variant cannot be lavrov's" in result.stdout


def test_evidence_names_known_sources_and_quotes(tmp_path: Path) -> None:
    data_dir = _seed_with(
        tmp_path,
        "        note: Kerry said the August",
        "        source_id: lima-2016\n        quotes: [kerry-asad]\n"
        "        note: Kerry said the August",
    )
    result = run_cli("validate", "--data", data_dir)
    assert "status_log[1].source_id: unknown source 'lima-2016'" in result.stdout
    assert "status_log[1].quotes[0]: unknown quote 'kerry-asad'; did you mean 'kerry-assad'?" in (
        result.stdout
    )
