"""The fault suite: each folder of tests/invalid/ breaks a copy of data/ in one way, and its
expected.txt holds the exact lines `python -m dialogue_tracker validate` must print.

A case folder's files overlay the copy (keeping their relative paths); its optional remove.txt
lists files of the copy to delete. Faults that cannot live in a repository as files (a file over
the size limit, a byte order mark, CRLF line endings) are written by the tests below.
"""

from __future__ import annotations

import shutil
import time
import unicodedata
from pathlib import Path

import pytest
import yaml
from helpers.datafolder import SEED_TEXT, SEED_YAML, copy_data, overlay, run_cli, run_command
from pydantic import ValidationError

from dialogue_tracker.cli import main
from dialogue_tracker.loader import load_catalog
from dialogue_tracker.model import Milestone
from dialogue_tracker.yaml_reader import MAX_BYTES, YamlFile

pytestmark = pytest.mark.cli

CASES_DIR = Path(__file__).parent / "invalid"
CASES = sorted(path.name for path in CASES_DIR.iterdir() if path.is_dir())
SEED_YAML_NAME = f"sources/{SEED_YAML.name}"
REQUIRED_CASES = {
    # reading YAML
    "yaml-syntax-error", "tab-indentation", "duplicate-key", "top-level-list", "empty-file",
    "yaml-not-utf8", "python-tag", "alias-bomb",
    # the model
    "unknown-field", "missing-field", "wrong-type", "vocabulary", "impossible-date",
    "javascript-url",
    # ids and references
    "duplicate-id", "duplicate-source-id", "dangling-references", "dangling-speaker-side",
    "dangling-milestone-issue",
    # source texts and quotes
    "quote-not-verbatim", "text-missing", "text-empty", "text-not-utf8",
    # the folder
    "unexpected-file", "registry-missing", "all-at-once",
    # hostile data (symbolic links, FIFOs and folders are made by tests/helpers/hostile_folders.py)
    "deep-nesting", "date-out-of-range", "date-non-ascii-digits", "control-character-raw",
    "control-character-key", "bidi-and-control-text", "cut-file",
}  # fmt: skip


def validate(data_dir: Path):
    """Run the validate command from the folder above `data_dir`, as a curator would."""
    return run_cli("validate", "--data", data_dir, cwd=data_dir.parent)


def validate_process(data_dir: Path, timeout: float = 60):
    """The same in a fresh `python -m dialogue_tracker` process, cut after `timeout` seconds."""
    return run_command("validate", "--data", data_dir, cwd=data_dir.parent, timeout=timeout)


def broken_copy(case: str, tmp_path: Path) -> Path:
    data_dir = copy_data(tmp_path)
    overlay(CASES_DIR / case, data_dir)
    return data_dir


def test_the_curated_data_is_valid(tmp_path: Path) -> None:
    result = validate_process(copy_data(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "valid — 15 sources, 53 quotes, 63 stances" in result.stdout


@pytest.mark.parametrize("case", CASES)
def test_invalid_case(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    """In-process for speed; the tests below run the real command for the riskiest cases."""
    expected = (CASES_DIR / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    data_dir = broken_copy(case, tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["validate", "--data", str(data_dir)]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == expected
    assert err.strip() == f"{len(expected)} problem(s) in {data_dir}"
    # Loading data never acts on it: the run leaves nothing behind but the data folder.
    assert [path.name for path in tmp_path.iterdir()] == ["data"]


@pytest.mark.parametrize(
    "case", ["all-at-once", "python-tag", "quote-not-verbatim", "control-character-key"]
)
def test_command_prints_the_expected_lines(case: str, tmp_path: Path) -> None:
    """Printed by the real command: a key made of terminal escapes is printed escaped."""
    expected = (CASES_DIR / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    result = validate_process(broken_copy(case, tmp_path))
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines() == expected


def test_every_fault_has_a_case() -> None:
    assert set(CASES) >= REQUIRED_CASES


def test_every_case_is_complete() -> None:
    for case in CASES:
        folder = CASES_DIR / case
        assert (folder / "expected.txt").read_text(encoding="utf-8").strip(), case
        changes = [path for path in folder.rglob("*") if path.name != "expected.txt"]
        assert changes, f"{case} changes nothing"


def test_problems_in_two_files_are_reported_together() -> None:
    lines = (CASES_DIR / "all-at-once" / "expected.txt").read_text(encoding="utf-8").splitlines()
    files = {line.split(":", 1)[0] for line in lines}
    assert files == {"data/sources/bad-a.yaml", "data/sources/bad-b.yaml"}
    # A schema error in one file does not hide a reference error and a quote error in another.
    assert any("unknown speaker" in line for line in lines)
    assert any("not found verbatim" in line for line in lines)


def test_python_tag_is_rejected_and_never_run(tmp_path: Path) -> None:
    result = validate_process(broken_copy("python-tag", tmp_path))
    assert result.returncode == 1
    assert "!!python/object/apply:os.system is not allowed" in result.stdout
    assert not (tmp_path / "pwned").exists()
    assert not (tmp_path / "data" / "pwned").exists()


def test_python_tag_payload_is_live(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The payload of the python-tag case does create the marker under an unsafe loader, so the
    test above would notice if the project ever ran it."""
    if shutil.which("touch") is None:
        pytest.skip("needs the touch command")
    monkeypatch.chdir(tmp_path)
    bad = CASES_DIR / "python-tag" / "sources" / "bad.yaml"
    yaml.unsafe_load(bad.read_text(encoding="utf-8"))
    assert (tmp_path / "pwned").exists()


def test_alias_bomb_returns_promptly(tmp_path: Path) -> None:
    data_dir = broken_copy("alias-bomb", tmp_path)
    bomb = data_dir / "sources" / "bad.yaml"
    started = time.monotonic()
    problems = YamlFile(bomb, "bad.yaml").problems
    assert time.monotonic() - started < 1
    assert len(problems) == 8  # one per line that uses an alias
    started = time.monotonic()
    result = validate_process(data_dir, timeout=60)
    assert result.returncode == 1
    assert time.monotonic() - started < 10  # mostly the interpreter starting
    assert "aliases (*name) are not allowed" in result.stdout


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    data_dir = copy_data(tmp_path)
    big = data_dir / "sources" / "big.yaml"
    big.write_bytes(b"# padding\n" * (MAX_BYTES // 10) + b"\n")
    result = validate(data_dir)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"data/sources/big.yaml: (file): is over the {MAX_BYTES:,}-byte limit; read no further"
    ]


def test_file_at_the_size_limit_loads(tmp_path: Path) -> None:
    data_dir = copy_data(tmp_path)
    seed = data_dir / SEED_YAML_NAME
    content = seed.read_bytes()
    padding = MAX_BYTES - len(content)
    seed.write_bytes(content + b"#" * (padding - 1) + b"\n")
    assert seed.stat().st_size == MAX_BYTES
    result = validate(data_dir)
    assert result.returncode == 0, result.stdout


def test_byte_order_mark_loads(tmp_path: Path) -> None:
    data_dir = copy_data(tmp_path)
    for path in (data_dir / SEED_YAML_NAME, data_dir / "speakers.yaml"):
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    result = validate(data_dir)
    assert result.returncode == 0, result.stdout
    catalog = load_catalog(data_dir)
    assert catalog.source(SEED_YAML.stem).record.title.startswith("Moscow and Washington")
    assert set(catalog.speakers) == {"putin", "lavrov", "kerry", "obama", "kirby"}


def test_crlf_line_endings_load(tmp_path: Path) -> None:
    data_dir = copy_data(tmp_path)
    for path in [*data_dir.rglob("*.yaml"), data_dir / "sources" / SEED_TEXT.name]:
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert b"\r\n" in (data_dir / SEED_YAML_NAME).read_bytes()
    result = validate(data_dir)
    assert result.returncode == 0, result.stdout
    catalog = load_catalog(data_dir)
    quotes = {quote.id: quote for _, quote in catalog.quotes()}
    # A folded block (>-) is still one line of text, with no carriage return in it.
    note = catalog.source(SEED_YAML.stem).record.notes[0].text
    assert "\r" not in note
    assert "\n" not in note
    assert quotes["kerry-detainees"].text == "they need to begin as soon as possible."


@pytest.mark.parametrize("date", ["2016", "2016-08", "2016-08-15"])
def test_partial_dates_at_each_precision_load(date: str, tmp_path: Path) -> None:
    data_dir = copy_data(tmp_path)
    seed = data_dir / SEED_YAML_NAME
    target = '    target:\n      date: "2016-08"\n'
    assert seed.read_text(encoding="utf-8").count(target) == 1
    seed.write_text(
        seed.read_text(encoding="utf-8").replace(target, target.replace("2016-08", date)),
        encoding="utf-8",
    )
    context = data_dir / "context.yaml"
    context.write_text(
        context.read_text(encoding="utf-8").replace('date: "2016-04-13"', f'date: "{date}"'),
        encoding="utf-8",
    )
    result = validate(data_dir)
    assert result.returncode == 0, result.stdout
    catalog = load_catalog(data_dir)
    steps = {step.id: step for step in catalog.source(SEED_YAML.stem).next_steps}
    assert steps["draft-constitution"].target.date == date
    assert date in {milestone.date for milestone in catalog.milestones}


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ("2016-02-30", "2016-02-30 is not a day of the calendar: February 2016 has 29 days"),
        ("2015-02-29", "2015-02-29 is not a day of the calendar: February 2015 has 28 days"),
        ("2016-04-31", "2016-04-31 is not a day of the calendar: April 2016 has 30 days"),
        ("2016-13", "2016-13 names no month: months run from 01 to 12"),
        ("2016-00-10", "2016-00-10 names no month: months run from 01 to 12"),
        ("2016-08-00", "2016-08-00 is not a day of the calendar: August 2016 has 31 days"),
    ],
)
def test_impossible_dates_are_named(date: str, message: str) -> None:
    with pytest.raises(ValidationError) as raised:
        milestone(date)
    assert raised.value.errors()[0]["ctx"]["error"].args == (message,)


@pytest.mark.parametrize("date", ["2016", "2016-02", "2016-02-29", "2000-02-29", "1987-12-08"])
def test_real_dates_are_accepted(date: str) -> None:
    assert milestone(date).date == date


def milestone(date: str) -> Milestone:
    source = {"title": "FIXTURE", "url": "https://example.org/"}
    return Milestone(id="m", date=date, title="FIXTURE", issues=("syria",), source=source)


def test_nfd_case_really_is_decomposed() -> None:
    """The NFD quote of quote-not-verbatim differs from the text only by normalization."""
    folder = CASES_DIR / "quote-not-verbatim" / "sources"
    quotes = yaml.safe_load((folder / "bad.yaml").read_text(encoding="utf-8"))["quotes"]
    text = (folder / "bad.txt").read_text(encoding="utf-8")
    nfd = next(quote["text"] for quote in quotes if quote["id"] == "fixture-nfd")
    assert nfd not in text
    assert unicodedata.normalize("NFC", nfd) in text
    assert unicodedata.is_normalized("NFC", text)
