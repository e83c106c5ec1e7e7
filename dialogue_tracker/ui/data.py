"""The one place where the app loads data: cached per process, reloaded when a file changes.

The catalog and its frames are immutable and shared by every session (`st.cache_resource`);
pages filter them into new frames and never change them.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from dialogue_tracker.catalog import Catalog
from dialogue_tracker.frames import Frames, build_frames
from dialogue_tracker.loader import load_catalog
from dialogue_tracker.paths import data_dir, show_drafts
from dialogue_tracker.problems import DataError


@dataclass(frozen=True)
class AppData:
    catalog: Catalog
    frames: Frames


def files_signature(folder: Path) -> str:
    """A digest of the data files' names, modification times and sizes: the cache key.
    A short string, because Streamlit hashes cache keys in Python, element by element."""
    found = []
    for root, _, names in os.walk(folder):
        for name in names:
            stat = os.stat(os.path.join(root, name))
            found.append(f"{root}/{name}\t{stat.st_mtime_ns}\t{stat.st_size}")
    return hashlib.sha1("\n".join(sorted(found)).encode()).hexdigest()


@st.cache_resource(show_spinner="Loading and checking the data…", max_entries=4)
def _load(folder: str, drafts: bool, signature: str) -> AppData | DataError:
    try:
        catalog = load_catalog(Path(folder), include_drafts=drafts)
    except DataError as error:
        return error
    return AppData(catalog, build_frames(catalog))


def app_data() -> AppData:
    """The loaded data; on a validation failure, show every problem and stop the page."""
    folder = data_dir()
    loaded = _load(str(folder), show_drafts(), files_signature(folder))
    if isinstance(loaded, DataError):
        show_problems(loaded)
        st.stop()
    return loaded


def show_problems(error: DataError) -> None:
    st.error(
        f"The data failed validation: {len(error.problems)} problem(s). "
        "Nothing is shown until they are fixed. Each line gives file:line: field: message.",
        icon=":material/error:",
    )
    st.code("\n".join(str(problem) for problem in error.problems), language=None, wrap_lines=True)
