"""Drafts in the data folder: their stubs, the published sources' rules, and the CLI's report."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers.datafolder import DATA, SEED_YAML, registries_only, run_cli
from helpers.drafting import ARTICLES

from dialogue_tracker.export import export_records
from dialogue_tracker.filters import Filters
from dialogue_tracker.frames import build_frames
from dialogue_tracker.loader import data_version, draft_files, load_catalog
from dialogue_tracker.problems import DataError

pytestmark = pytest.mark.cli


def draft(data: Path, name: str, source_id: str | None = None):
    result = run_cli(
        "draft", ARTICLES / f"{name}.txt", "--source-id", source_id or name, "--data", data
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def test_stubs_join_the_catalog_only_with_drafts(tmp_path: Path) -> None:
    data = registries_only(tmp_path)
    report = draft(data, "unknown-speaker").stdout
    assert "4 new speaker stub(s) to review" in report and "peskov: Dmitry Peskov" in report
    assert "peskov" not in load_catalog(data).speakers
    catalog = load_catalog(data, include_drafts=True)
    assert catalog.speakers["peskov"].review is True
    records = export_records(catalog, build_frames(catalog), Filters(), include_drafts=True)
    stubs = [s["id"] for s in records["speakers"] if s["draft"]]
    assert stubs == ["peskov", "zakharova", "mistura", "kremlin"]
    assert {q["speaker"] for q in records["quotes"]} == set(stubs)


def test_two_drafts_share_a_stub_and_never_an_id(tmp_path: Path) -> None:
    data = registries_only(tmp_path)
    draft(data, "unknown-speaker", "first")
    draft(data, "unknown-speaker", "second")
    catalog = load_catalog(data, include_drafts=True)
    assert len(catalog.sources) == 2 and list(catalog.speakers).count("peskov") == 1
    first, second = ({q.id for q in entry.quotes} for entry in catalog.sources)
    assert first and not first & second


def test_the_registry_wins_over_a_stub_of_the_same_id(tmp_path: Path) -> None:
    data = registries_only(tmp_path)
    draft(data, "unknown-speaker")
    path = data / "drafts" / "unknown-speaker.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("- id: peskov\n", "- id: kerry\n", 1)
        .replace("speaker: peskov", "speaker: kerry"),
        encoding="utf-8",
    )  # fmt: skip
    catalog = load_catalog(data, include_drafts=True)
    assert catalog.speakers["kerry"].name == "John Kerry"


def test_a_broken_draft_breaks_only_the_preview(tmp_path: Path) -> None:
    data = registries_only(tmp_path)
    draft(data, "said-patterns")
    path = data / "drafts" / "said-patterns.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("speaker: kerry", "speaker: nobody"))
    load_catalog(data)  # the published data does not read drafts
    try:
        load_catalog(data, include_drafts=True)
    except DataError as error:
        assert all("drafts/said-patterns.yaml" in str(p) for p in error.problems)
        assert any("unknown speaker 'nobody'" in str(p) for p in error.problems)
    else:
        raise AssertionError("the broken draft loaded")
    assert run_cli("validate", "--data", data).returncode == 0
    assert run_cli("validate", "--data", data, "--include-drafts").returncode == 1


def test_published_sources_carry_no_review_flags_and_no_stubs(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    seed = data / "sources" / SEED_YAML.name
    text = seed.read_text(encoding="utf-8")
    text = text.replace(
        "    reported_via: Interfax\n", "    reported_via: Interfax\n    review: true\n"
    )
    text = text.replace(
        "\nquotes:\n",
        "\nspeakers:\n  - {id: peskov, name: Dmitry Peskov, role: Spokesman, side: russia}\n"
        "quotes:\n",
    )
    seed.write_text(text, encoding="utf-8")
    result = run_cli("validate", "--data", data)
    assert result.returncode == 1
    assert "speakers: speaker stubs belong to drafts" in result.stdout
    assert "quotes[0].review: review: true marks a draft's record" in result.stdout


def test_quotes_with_no_speaker_reach_the_export_as_null_and_only_from_drafts(tmp_path) -> None:
    data = registries_only(tmp_path)
    draft(data, "no-speaker")
    exported = json.loads(run_cli("export", "--data", data, "--include-drafts").stdout)
    ready = next(q for q in exported["quotes"] if q["text"] == "We are ready,")
    assert (ready["speaker"], ready["side"], ready["attribution"]) == (None, None, None)
    assert (ready["draft"], ready["review"], ready["confidence"]) == (True, True, 0.0)
    assert ready["reason"].startswith("Speaker: none found")
    csv = run_cli("export", "--data", data, "--include-drafts", "--format", "csv").stdout
    assert "unattributed-ready" in csv

    published = data / "sources" / "no-speaker.yaml"
    (data / "drafts" / "no-speaker.yaml").replace(published)
    (data / "drafts" / "no-speaker.txt").replace(data / "sources" / "no-speaker.txt")
    text = published.read_text(encoding="utf-8").replace("  review: true\n", "")
    published.write_text(text, encoding="utf-8")
    result = run_cli("validate", "--data", data)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert (
        "quotes[1].speaker: null marks a draft's quote with no speaker found; give the id of "
        "the speaker the source attributes the words to" in "\n".join(lines)
    )
    assert sum("attribution: null marks a draft's quote" in line for line in lines) == 2


def test_drafts_leave_the_published_version_alone(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    before = data_version(data)
    draft(data, "steps")
    assert draft_files(data) == [data / "drafts" / "steps.yaml"]
    assert data_version(data) == before
    assert data_version(data, include_drafts=True) != before
    assert load_catalog(data).version == before


def test_the_report_names_doubtful_items_and_quotes_with_no_speaker(tmp_path: Path) -> None:
    data = registries_only(tmp_path)
    report = draft(data, "no-speaker").stdout
    assert "2 quote(s): no speaker 2." in report
    assert "2 quote(s) with no speaker found (speaker: null, to review):" in report
    assert "  unattributed-ready, paragraph 2: 'We are ready,'" in report
    report = draft(data, "multi-paragraph").stdout
    assert "1 attribution(s) below 0.7 confidence" in report
    assert "kerry-humanitarian-access-must → kerry (0.44)" in report
    report = draft(data, "unbalanced").stdout
    assert "Quote marks to check:" in report and "never closed" in report
