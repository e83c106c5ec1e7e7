"""The README says what the code does: its commands, its settings, CI's test command."""

from __future__ import annotations

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
