"""Every location the project uses, defined once."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
DATA = PROJECT / "data"
"""The curated data, where the app looks unless `$DIALOGUE_TRACKER_DATA` names another folder."""
DRAFTS = "drafts"
"""The data folder's folder of drafts (`python -m dialogue_tracker draft`), read only when asked."""
DATA_ENV = "DIALOGUE_TRACKER_DATA"
DRAFTS_ENV = "DIALOGUE_TRACKER_DRAFTS"


def data_dir() -> Path:
    """The data folder: `$DIALOGUE_TRACKER_DATA` when set, else `data/` of the project."""
    return Path(os.environ.get(DATA_ENV) or DATA)


def show_drafts() -> bool:
    """Whether the app shows `data/drafts/` for review: `DIALOGUE_TRACKER_DRAFTS=1`."""
    return os.environ.get(DRAFTS_ENV, "") not in ("", "0", "false", "no")
