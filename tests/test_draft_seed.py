"""The proof on the seed article: drafted from its raw page into a data folder with no sources,
the draft must recover every curated quote verbatim, with the curated speaker for at least 90%
of them and the curated issues for at least 80%. The figures are printed (pytest -s or -rP)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from helpers.datafolder import SEED_ID, SEED_TEXT, SEED_YAML, registries_only, run_cli

from dialogue_tracker.loader import load_catalog
from dialogue_tracker.model import SourceFile
from dialogue_tracker.paths import DATA
from dialogue_tracker.yaml_reader import YamlFile

pytestmark = pytest.mark.cli

RAW_PAGE_TAIL = "\n15205 views\nПоделиться:\nPrint:"  # the seed page's furniture, as it ended
DRAFT_ID = "seed-draft"


def raw_page(tmp_path: Path) -> Path:
    page = tmp_path / "page.txt"
    page.write_bytes(SEED_TEXT.read_bytes() + RAW_PAGE_TAIL.encode("utf-8"))
    return page


@pytest.fixture
def drafted(tmp_path: Path) -> tuple[Path, str]:
    data = registries_only(tmp_path)
    result = run_cli(
        "draft", raw_page(tmp_path), "--source-id", DRAFT_ID, "--date", "2016-03-24",
        "--data", data,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    return data, result.stdout


def read(path: Path) -> SourceFile:
    return SourceFile.model_validate(YamlFile(path, path.name).value)


def figures(draft: SourceFile, curated: SourceFile) -> dict[str, float]:
    drafted = {quote.text: quote for quote in draft.quotes}
    wanted = {quote.text: quote for quote in curated.quotes}
    both = [text for text in wanted if text in drafted]
    same_speaker = [t for t in both if drafted[t].speaker == wanted[t].speaker]
    same_cue = [t for t in both if drafted[t].attribution == wanted[t].attribution]
    same_via = [t for t in both if drafted[t].reported_via == wanted[t].reported_via]
    same_issues = [t for t in both if set(drafted[t].issues) == set(wanted[t].issues)]
    tagged = {(t, i) for t in both for i in drafted[t].issues}
    true = {(t, i) for t in both for i in wanted[t].issues}
    return {
        "quote precision": len(both) / len(drafted),
        "quote recall": len(both) / len(wanted),
        "speaker agreement": len(same_speaker) / len(both),
        "attribution words agreeing": len(same_cue) / len(both),
        "reported_via agreeing": len(same_via) / len(both),
        "issue sets agreeing": len(same_issues) / len(both),
        "issue tag precision": len(tagged & true) / len(tagged),
        "issue tag recall": len(tagged & true) / len(true),
    }


def test_the_seed_draft_recovers_the_curated_quotes_speakers_and_issues(drafted) -> None:
    data, _ = drafted
    draft = read(data / "drafts" / f"{DRAFT_ID}.yaml")
    curated = read(SEED_YAML)
    found = figures(draft, curated)
    print("\nSeed article, draft against curated data:")
    for name, value in found.items():
        print(f"  {name}: {value:.0%}")
    assert found["quote recall"] == 1.0  # every quoted passage, verbatim
    assert found["quote precision"] == 1.0  # the seed quotes nothing the curator left out
    assert found["speaker agreement"] >= 0.9
    assert found["attribution words agreeing"] >= 0.9  # the cue itself was found, not guessed
    assert found["reported_via agreeing"] == 1.0
    assert found["issue sets agreeing"] >= 0.8


def test_the_drafts_text_is_the_curated_text_byte_for_byte(drafted) -> None:
    data, report = drafted
    assert (data / "drafts" / f"{DRAFT_ID}.txt").read_bytes() == SEED_TEXT.read_bytes()
    for line in ("'15205 views' (view counter)", "'Поделиться:'", "'Print:'"):
        assert line in report
    excluded = read(data / "drafts" / f"{DRAFT_ID}.yaml").source.excluded_text
    assert len(excluded) == 3 and "15205 views" in excluded[0]


def test_the_draft_validates_against_the_committed_schema(drafted) -> None:
    data, _ = drafted
    value = YamlFile(data / "drafts" / f"{DRAFT_ID}.yaml", "draft").value
    jsonschema.validate(value, json.loads((DATA / "schema.json").read_text(encoding="utf-8")))
    first_line = (data / "drafts" / f"{DRAFT_ID}.yaml").read_text(encoding="utf-8").split("\n")[0]
    assert first_line == "# yaml-language-server: $schema=../schema.json"


def test_the_published_catalog_ignores_drafts_unless_asked(drafted) -> None:
    data, _ = drafted
    assert load_catalog(data).sources == ()
    catalog = load_catalog(data, include_drafts=True)
    [entry] = catalog.sources
    assert entry.draft and entry.id == DRAFT_ID
    assert len(entry.quotes) == 12 and all(span is not None for span in entry.spans.values())
    assert load_catalog(data).version != catalog.version


def test_export_with_drafts_marks_every_record(drafted) -> None:
    data, _ = drafted
    plain = json.loads(run_cli("export", "--data", data).stdout)
    assert plain["quotes"] == [] and plain["sources"] == []
    assert "review" not in plain["speakers"][0]  # the published export is unchanged
    result = run_cli("export", "--data", data, "--include-drafts")
    assert result.returncode == 0, result.stderr
    records = json.loads(result.stdout)
    jsonschema.validate(records, json.loads((DATA / "export.schema.json").read_text("utf-8")))
    assert [source["draft"] for source in records["sources"]] == [True]
    assert len(records["quotes"]) == 12
    speakers = {speaker["id"] for speaker in records["speakers"]}
    for quote in records["quotes"]:
        assert quote["draft"] is True and quote["speaker"] in speakers
        assert 0 <= quote["confidence"] <= 1 and quote["reason"].startswith("Speaker: ")
    for kind in ("stances", "next_steps"):
        assert records[kind] and all(r["draft"] and r["review"] for r in records[kind])
    csv = run_cli("export", "--data", data, "--include-drafts", "--format", "csv").stdout
    assert csv.splitlines()[0].endswith("draft,confidence,reason,review")


def test_an_existing_draft_is_kept_unless_forced(drafted, tmp_path: Path) -> None:
    data, _ = drafted
    target = data / "drafts" / f"{DRAFT_ID}.yaml"
    target.write_text(target.read_text(encoding="utf-8") + "# edited by a curator\n")
    before = target.read_bytes()
    again = run_cli("draft", raw_page(tmp_path), "--source-id", DRAFT_ID, "--data", data)
    assert again.returncode == 1
    assert "already exists" in again.stderr and "--force" in again.stderr
    assert target.read_bytes() == before
    forced = run_cli(
        "draft", raw_page(tmp_path), "--source-id", DRAFT_ID, "--data", data, "--force"
    )
    assert forced.returncode == 0, forced.stderr
    assert b"edited by a curator" not in target.read_bytes()
    assert sorted(p.name for p in target.parent.iterdir()) == [f"{DRAFT_ID}.txt", target.name]


def test_a_published_id_or_a_bad_option_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    taken = run_cli("draft", raw_page(tmp_path), "--source-id", SEED_ID, "--data", data)
    assert taken.returncode == 1 and "choose another --source-id" in taken.stderr
    for option in (["--source-id", "Not An Id"], ["--source-id", "x", "--date", "2016-02-30"]):
        bad = run_cli("draft", raw_page(tmp_path), *option, "--data", data)
        assert bad.returncode == 2, bad.stderr
    missing = run_cli("draft", tmp_path / "nothing.txt", "--source-id", "x", "--data", data)
    assert missing.returncode == 1 and "is not a file" in missing.stderr
    assert not (data / "drafts").exists()
