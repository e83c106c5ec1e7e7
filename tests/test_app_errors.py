"""Broken data: every page shows the same problems as `validate`, as an error panel."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers.datafolder import copy_data, overlay, run_cli
from helpers.devserver import ENTRY
from helpers.hostile_folders import CASES as FOLDER_CASES
from helpers.hostile_folders import SECRET
from streamlit.testing.v1 import AppTest

from dialogue_tracker.paths import DATA_ENV

pytestmark = pytest.mark.app

CASES = sorted(p for p in (Path(__file__).parent / "invalid").iterdir() if p.is_dir())
PAGES = ["issue", "timeline", "quotes", "speakers", "source"]


def broken_data(tmp_path: Path, case: Path) -> tuple[Path, list[str]]:
    data = copy_data(tmp_path)
    overlay(case, data)
    result = run_cli("validate", "--data", data)
    assert result.returncode == 1
    return data, result.stdout.splitlines()


def panel(app: AppTest) -> list[str]:
    assert not app.exception, [e.message for e in app.exception]
    assert "The data failed validation" in app.error[0].value
    return app.code[0].value.splitlines()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_overview_shows_the_cli_problems(case, tmp_path, monkeypatch) -> None:
    data, expected = broken_data(tmp_path, case)
    monkeypatch.setenv(DATA_ENV, str(data))
    app = AppTest.from_file(ENTRY, default_timeout=60).run()
    assert panel(app) == expected


@pytest.mark.parametrize("page", PAGES)
def test_every_page_shows_the_panel(page, tmp_path, monkeypatch) -> None:
    data, expected = broken_data(tmp_path, Path(__file__).parent / "invalid" / "all-at-once")
    monkeypatch.setenv(DATA_ENV, str(data))
    app = AppTest.from_file(ENTRY, default_timeout=60).run()
    app.switch_page(f"pages/{page}.py").run()
    assert panel(app) == expected


@pytest.mark.parametrize("case", FOLDER_CASES)
def test_a_hostile_folder_shows_the_cli_lines_and_nothing_outside(
    case, tmp_path, monkeypatch
) -> None:
    data = copy_data(tmp_path)
    make, expected = FOLDER_CASES[case]
    make(data)
    monkeypatch.setenv(DATA_ENV, str(data))
    app = AppTest.from_file(ENTRY, default_timeout=60).run()
    assert panel(app) == expected
    shown = [element.value for kind in ("error", "code", "markdown") for element in app.get(kind)]
    assert not any(SECRET in str(value) for value in shown)


def test_an_unexpected_error_shows_an_id_and_logs_the_detail(monkeypatch, caplog) -> None:
    def broken(*_args, **_kwargs):
        raise RuntimeError("boom in /srv/secret/path.py")

    monkeypatch.setattr("dialogue_tracker.ui.overview_view.positions_table", broken)
    app = AppTest.from_file(ENTRY, default_timeout=60).run()
    assert not app.exception
    message = app.error[0].value
    error_id = re.search(r"\(error ([0-9a-f]{8})\)", message).group(1)
    shown = " ".join(str(e.value) for kind in ("error", "markdown", "code") for e in app.get(kind))
    assert "boom" not in shown and "Traceback" not in shown and "/srv/" not in shown
    logged = [r for r in caplog.records if r.name == "dialogue_tracker.app"]
    assert error_id in logged[0].getMessage()
    assert "boom in /srv/secret/path.py" in str(logged[0].exc_info[1])
