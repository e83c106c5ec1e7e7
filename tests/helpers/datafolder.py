"""Helpers for tests that work on a copy of the curated data or run the command line."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from dialogue_tracker.cli import main
from dialogue_tracker.loader import load_catalog
from dialogue_tracker.paths import DATA, DATA_ENV, PROJECT

SEED_ID = "moscow-talks-2016-03-24"
SEED_YAML = DATA / "sources" / f"{SEED_ID}.yaml"
SEED_TEXT = DATA / "sources" / f"{SEED_ID}.txt"


def registries_only(tmp_path: Path) -> Path:
    """A data folder with the curated registries (and schema) and an empty sources/."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("sources", "drafts"))
    (data / "sources").mkdir()
    return data


def curated_quotes() -> list[dict]:
    """Every source's quotes, in the order the app lists them (sources by event date)."""
    return [quote.model_dump() for _, quote in load_catalog(DATA).quotes()]


def add_source(
    data: Path,
    source_id: str,
    quotes: list[str],
    *,
    said: str,
    speaker: str,
    issue: str,
    source: dict[str, str] | None = None,
    more: str = "",
) -> None:
    """Add to `data` a news report whose text gives each of `quotes` in a paragraph of its own
    (`<said>: "<quote>"`), each recorded as the quote `<source_id>-<n>` of `speaker` on `issue`.
    `source` overrides FIXTURE fields of its record (values as YAML); `more` is YAML to follow
    the quotes (stances, next steps)."""
    text = "".join(f'{said}: "{quote}"\n\n' for quote in quotes)
    (data / "sources" / f"{source_id}.txt").write_text(text, encoding="utf-8")
    fields = {
        "id": source_id,
        "text_file": f"{source_id}.txt",
        "kind": "news_report",
        "title": f"FIXTURE {source_id}",
        "publisher": "FIXTURE",
        "event": "FIXTURE meeting",
        "event_date": "'2016-04'",
        "event_date_basis": "FIXTURE",
        **(source or {}),
    }
    records = "".join(
        f"  - id: {source_id}-{n}\n    speaker: {speaker}\n    attribution: {said}\n"
        f"    issues: [{issue}]\n    text: {yaml_str(quote)}\n"
        for n, quote in enumerate(quotes)
    )
    header = "".join(f"  {key}: {value}\n" for key, value in fields.items())
    (data / "sources" / f"{source_id}.yaml").write_text(
        f"source:\n{header}quotes:\n{records}{more}", encoding="utf-8"
    )


def yaml_str(value: str) -> str:
    """`value` as a YAML double-quoted string (JSON's string syntax is a part of YAML's)."""
    return json.dumps(value, ensure_ascii=False)


def copy_data(tmp_path: Path) -> Path:
    """A fresh copy of `data/` at `tmp_path/data`, safe to change."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def overlay(case: Path, data_dir: Path) -> None:
    """Copy a case folder's files over `data_dir` (keeping relative paths), then delete the files
    that its `remove.txt` lists. `expected.txt` and `remove.txt` themselves are not copied."""
    for path in sorted(case.rglob("*")):
        relative = path.relative_to(case)
        if path.is_dir() or relative.as_posix() in ("expected.txt", "remove.txt"):
            continue
        (data_dir / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, data_dir / relative)
    remove = case / "remove.txt"
    if remove.is_file():
        for line in remove.read_text(encoding="utf-8").splitlines():
            if line.strip():
                (data_dir / line.strip()).unlink()


def run_cli(*args: str | Path, cwd: Path = PROJECT) -> subprocess.CompletedProcess[str]:
    """Run the command line `python -m dialogue_tracker ARGS` in this process: its `main` from
    `cwd`, without `$DIALOGUE_TRACKER_DATA`, its output and exit code caught as a process's.
    An exception that `main` lets through fails the test, as its traceback would."""
    out, err = io.StringIO(), io.StringIO()
    with (
        contextlib.chdir(cwd),
        _without(DATA_ENV),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        try:
            code = main([str(arg) for arg in args])
        except SystemExit as exit_:  # argparse's usage errors
            code = exit_.code
    return subprocess.CompletedProcess(list(args), code, out.getvalue(), err.getvalue())


@contextlib.contextmanager
def _without(name: str) -> Iterator[None]:
    """The environment without the variable `name` for a while."""
    saved = os.environ.pop(name, None)
    try:
        yield
    finally:
        if saved is not None:
            os.environ[name] = saved


def run_command(
    *args: str | Path, cwd: Path = PROJECT, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """Run `python -m dialogue_tracker ARGS` in a fresh process (from `cwd`), capturing output:
    for what only a process shows (its entry point, a hang cut by `timeout`)."""
    env = {**os.environ, "PYTHONPATH": str(PROJECT), "PYTHONIOENCODING": "utf-8"}
    env.pop(DATA_ENV, None)
    return subprocess.run(
        [sys.executable, "-m", "dialogue_tracker", *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
    )
