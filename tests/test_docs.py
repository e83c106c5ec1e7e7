"""The README says what the code does: its commands, its settings, CI's test command."""

from __future__ import annotations

import re

import pytest

from dialogue_tracker.cli import _parser
from dialogue_tracker.paths import DATA_ENV, DRAFTS_ENV, PROJECT

pytestmark = pytest.mark.unit


README = (PROJECT / "README.md").read_text(encoding="utf-8")


def test_ci_runs_the_readme_test_command() -> None:
    ci = (PROJECT / ".ci" / "run").read_text(encoding="utf-8")
    assert "| `make test` |" in README
    assert ci.rstrip().splitlines()[-1] == "make test"


def test_every_cli_command_and_option_is_documented() -> None:
    commands = _parser()._subparsers._group_actions[0].choices
    for name, command in commands.items():
        assert f"python -m dialogue_tracker {name}" in README, name
        for action in command._actions:
            for flag in action.option_strings:
                assert flag in README or flag in ("-h", "--help"), f"{name} {flag}"


def test_settings_are_documented() -> None:
    assert DATA_ENV in README and DRAFTS_ENV in README


def test_the_layout_table_names_every_module_and_nothing_else() -> None:
    """Each module of dialogue_tracker/ (a sub-package as `name/`) has a row, and each name in
    the table is in the tree."""
    section = README.split("## How the code is laid out")[1].split("\n## ")[0]
    rows = [line.split(" | ")[0] for line in section.splitlines() if line.startswith("| `")]
    named = {name for row in rows for name in re.findall(r"`([^`]+)`", row)}
    package = PROJECT / "dialogue_tracker"
    modules = {p.name for p in package.glob("*.py") if not p.name.startswith("__")}
    modules |= {f"{p.name}/" for p in package.iterdir() if (p / "__init__.py").is_file()}
    assert named == modules
