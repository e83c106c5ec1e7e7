"""Every location the project uses, defined once."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
DATA_ENV = "DIALOGUE_TRACKER_DATA"


def data_dir() -> Path:
    """The data folder: `$DIALOGUE_TRACKER_DATA` when set, else `data/` of the project."""
    return Path(os.environ.get(DATA_ENV) or PROJECT / "data")
