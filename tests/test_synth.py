"""The synthetic corpus generator: valid output, predictable size, same seed same bytes."""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from helpers.datafolder import run_cli

from dialogue_tracker.loader import load_catalog
from dialogue_tracker.paths import DATA
from dialogue_tracker.synth import Registries, plan

pytestmark = pytest.mark.cli


def synth(out: Path, *args: str) -> subprocess.CompletedProcess:
    return run_cli("synth", "--data", DATA, "--out", out, *args)


def validate(data: Path) -> subprocess.CompletedProcess:
    return run_cli("validate", "--data", data)


def files(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    result = synth(out, "--sources", "12", "--seed", "7")
    assert result.returncode == 0, result.stderr
    return out


def test_output_passes_validate(corpus: Path) -> None:
    result = validate(corpus)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "valid" in result.stdout


def test_counts_per_source_are_fixed(corpus: Path) -> None:
    registries = Registries.read(DATA)
    stances = len(registries.sides) * len(registries.issues)
    counts = load_catalog(corpus).counts()
    assert counts["sources"] == 12
    assert counts["quotes"] == 12 * 12
    assert counts["stances"] == 12 * stances
    assert counts["next_steps"] == 12 * 10


def test_registries_are_copied_and_sources_name_the_schema(corpus: Path) -> None:
    for name in ("sides.yaml", "speakers.yaml", "issues.yaml", "context.yaml", "schema.json"):
        assert (corpus / name).read_bytes() == (DATA / name).read_bytes()
    sources = sorted((corpus / "sources").glob("*.yaml"))
    assert len(sources) == 12
    for path in sources:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schema.json"
        assert path.with_suffix(".txt").is_file()


def test_records_are_spread(corpus: Path) -> None:
    catalog = load_catalog(corpus)
    statuses = Counter(s.status for e in catalog.sources for s in e.stances)
    assert set(statuses) == {
        "agreement", "disagreement", "conditional", "proposal", "concern", "not_stated",
    }  # fmt: skip
    steps = [step for entry in catalog.sources for step in entry.next_steps]
    precisions = Counter(len(step.target.date or "") for step in steps)
    assert {0, 4, 7, 10} <= set(precisions), precisions
    assert any(step.status_log for step in steps)
    years = {int(entry.record.event_date[:4]) for entry in catalog.sources}
    assert all(2000 <= year <= 2025 for year in years)
    assert len(years) > 3
    for entry in catalog.sources:
        for quote in entry.quotes:
            span = entry.spans[quote.id]
            assert entry.text[span.start : span.end] == quote.text


def test_same_seed_same_bytes_other_seed_other_bytes(corpus: Path, tmp_path: Path) -> None:
    again, other = tmp_path / "again", tmp_path / "other"
    assert synth(again, "--sources", "12", "--seed", "7").returncode == 0
    assert synth(other, "--sources", "12", "--seed", "8").returncode == 0
    assert files(again) == files(corpus)
    assert files(other) != files(corpus)


@pytest.mark.parametrize("statements", [18, 40, 57, 1000, 1234, 10_000, 50_000])
def test_plan_gives_exactly_the_statements_asked_for(statements: int) -> None:
    the_plan = plan(Registries.read(DATA), statements=statements)
    counts = the_plan.counts()
    assert counts["statements"] == statements
    assert counts["sources"] == max(1, statements // 40)


def test_statements_option_writes_a_valid_corpus_of_that_size(tmp_path: Path) -> None:
    result = synth(tmp_path, "--statements", "130")
    assert result.returncode == 0, result.stderr
    assert "130 statements" in result.stdout
    assert validate(tmp_path).returncode == 0
    counts = load_catalog(tmp_path).counts()
    assert counts["quotes"] + counts["stances"] + counts["next_steps"] == 130


def test_refuses_too_few_statements_and_a_full_folder(corpus: Path, tmp_path: Path) -> None:
    result = synth(tmp_path, "--statements", "5")
    assert result.returncode == 2
    assert "at least 18" in result.stderr
    result = synth(corpus, "--sources", "1")
    assert result.returncode == 2
    assert "--force" in result.stderr


def test_force_replaces_a_corpus(tmp_path: Path) -> None:
    assert synth(tmp_path, "--sources", "5").returncode == 0
    result = synth(tmp_path, "--sources", "2", "--force")
    assert result.returncode == 0, result.stderr
    assert len(list((tmp_path / "sources").glob("*.yaml"))) == 2
    assert validate(tmp_path).returncode == 0


@pytest.mark.parametrize("inside", ["", "corpus"])
def test_synth_refuses_the_data_folder_and_anything_inside_it(tmp_path: Path, inside: str) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    before = files(data)
    out = data / inside if inside else data
    result = run_cli(
        "synth", "--data", data, "--out", out, "--sources", "2", "--force", cwd=tmp_path
    )
    assert result.returncode == 2
    assert result.stderr == (
        f"synth: --out {out} is the data folder {data} or inside it; choose another folder\n"
    )
    assert files(data) == before


def test_synth_never_deletes_what_it_did_not_write(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "sources").mkdir(parents=True)
    (out / "sources" / "mine.yaml").write_text("a curator's file\n", encoding="utf-8")
    result = synth(out, "--sources", "2", "--force")
    assert result.returncode == 2
    assert "holds files synth did not write (sources/mine.yaml)" in result.stderr
    assert (out / "sources" / "mine.yaml").read_text(encoding="utf-8") == "a curator's file\n"
