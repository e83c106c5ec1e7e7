"""The one place where the app loads data: cached per process, reloaded when a file changes.

The catalog and its frames are immutable and shared by every session (`st.cache_resource`);
pages filter them into new frames and never change them.

A change is noticed through the operating system's file events (watchdog, as Streamlit watches
its scripts), so a rerun costs the same whatever the number of files. Where events are not to be
trusted (`server.fileWatcherType` set to "poll", as on network or WSL-mounted folders) or the
watch cannot start, every run compares the files' modification times and sizes instead. "none"
turns off only Streamlit's watch of the app's source files (the project's config does).
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass
from pathlib import Path

import streamlit as st
from watchdog.events import (
    EVENT_TYPE_CREATED,
    EVENT_TYPE_DELETED,
    EVENT_TYPE_MODIFIED,
    EVENT_TYPE_MOVED,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer

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
            stat = os.lstat(os.path.join(root, name))
            found.append(f"{root}/{name}\t{stat.st_mtime_ns}\t{stat.st_size}")
    return hashlib.sha1("\n".join(sorted(found)).encode()).hexdigest()


class FolderWatch(FileSystemEventHandler):
    """Counts the changes under a folder (created, deleted, modified or moved files), as the
    operating system reports them; opening and reading a file is not a change."""

    CHANGES = frozenset(
        {EVENT_TYPE_CREATED, EVENT_TYPE_DELETED, EVENT_TYPE_MODIFIED, EVENT_TYPE_MOVED}
    )

    def __init__(self, folder: Path) -> None:
        self.changes = 0
        self.started = time.monotonic_ns()
        self._observer = Observer()
        self._observer.daemon = True
        self._observer.schedule(self, str(folder), recursive=True)
        self._observer.start()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in self.CHANGES:
            self.changes += 1

    @property
    def state(self) -> str:
        """Differs after every change, and between two watches of the same folder."""
        return f"watch {self.started} {self.changes}"

    def stop(self) -> None:
        self._observer.stop()


def _stop(watch: FolderWatch | None) -> None:
    if watch:
        watch.stop()


@st.cache_resource(show_spinner=False, on_release=_stop)
def _watch(folder: str) -> FolderWatch | None:
    """One watch per folder and process, or None where file events are not to be trusted."""
    if st.get_option("server.fileWatcherType") == "poll":
        return None
    try:
        return FolderWatch(Path(folder))
    except OSError:  # no such folder, or the system's limit of watches reached
        return None


def data_state(folder: Path) -> str:
    """What the cache key needs to change whenever a data file changes."""
    watch = _watch(str(folder))
    return watch.state if watch else files_signature(folder)


@st.cache_resource(show_spinner="Loading and checking the data…", max_entries=4)
def _load(folder: str, drafts: bool, state: str) -> AppData | DataError:
    try:
        catalog = load_catalog(Path(folder), include_drafts=drafts)
    except DataError as error:
        return error
    return AppData(catalog, build_frames(catalog))


def app_data() -> AppData:
    """The loaded data; on a validation failure, show every problem and stop the page."""
    folder = data_dir()
    loaded = _load(str(folder), show_drafts(), data_state(folder))
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
