"""CSV injection: a cell a spreadsheet would run as a formula is neutralised with a leading
`'` in `export --format csv` (the app's download is checked in test_hostile.py); JSON is exact."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from helpers.datafolder import add_source, copy_data, run_cli

pytestmark = pytest.mark.cli

FORMULAS = ["=HYPERLINK('https://evil.example','x')", "+1+2", "-3+4", "@SUM(1)", "\tindented"]
"""Quotes that begin as a spreadsheet formula would."""


def formula_data(tmp_path: Path) -> Path:
    data = copy_data(tmp_path)
    add_source(data, "formulas", FORMULAS, said="Lavrov said", speaker="lavrov", issue="syria")
    return data


def test_csv_cells_never_start_a_formula_and_json_stays_exact(tmp_path: Path) -> None:
    data = formula_data(tmp_path)
    exported = run_cli("export", "--data", data, "--format", "csv", "--speaker", "lavrov")
    assert exported.returncode == 0, exported.stdout + exported.stderr
    rows = list(csv.DictReader(io.StringIO(exported.stdout)))
    cells = {row["text"] for row in rows if row["id"].startswith("formulas-")}
    assert cells == {"'" + quote for quote in FORMULAS}
    for row in rows:
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row.values())
    records = json.loads(run_cli("export", "--data", data).stdout)["quotes"]
    assert {r["text"] for r in records if r["id"].startswith("formulas-")} == set(FORMULAS)
