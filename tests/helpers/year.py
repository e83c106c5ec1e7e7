"""The FIXTURE year of four invented meetings (tests/fixtures/year/): its source ids, and a data
folder holding the curated registries with those sources alone."""

from __future__ import annotations

import shutil
from pathlib import Path

from helpers.datafolder import registries_only

YEAR = Path(__file__).resolve().parent.parent / "fixtures" / "year"
MOSCOW, VIENNA, GENEVA, LIMA = (
    "fixture-moscow-2016-03-24",
    "fixture-vienna-2016-05-17",
    "fixture-geneva-2016-09-09",
    "fixture-lima-2016-11-17",
)
VIENNA_TRANSCRIPT = "fixture-vienna-transcript-2016-05-17"


def year_data(tmp_path: Path) -> Path:
    """The curated registries with the FIXTURE year's sources alone: the tests do not move
    when real sources are added."""
    data_dir = registries_only(tmp_path)
    shutil.copytree(YEAR / "sources", data_dir / "sources", dirs_exist_ok=True)
    return data_dir
