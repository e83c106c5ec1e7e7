"""Helpers for tests that work on a copy of the curated data or run the command line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

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


def run_cli(
    *args: str | Path, cwd: Path = PROJECT, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """Run `python -m dialogue_tracker ARGS` in a fresh process (from `cwd`), capturing output."""
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
