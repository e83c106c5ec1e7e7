"""A data file changed under a running app shows on the next run, whichever way it is noticed."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from helpers.datafolder import SEED_ID, copy_data
from helpers.devserver import ENTRY
from streamlit import config
from streamlit.testing.v1 import AppTest

from dialogue_tracker.paths import DATA_ENV
from dialogue_tracker.ui.data import FolderWatch

pytestmark = pytest.mark.app


def wait_for(condition, seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


class RecordingWatch(FolderWatch):
    """The app's watch, also keeping every event it was told of, counted or not."""

    def __init__(self, folder: Path) -> None:
        self.seen: list[tuple[str, str]] = []
        super().__init__(folder)

    def on_any_event(self, event) -> None:
        self.seen.append((event.event_type, Path(event.src_path).name))
        super().on_any_event(event)


def test_a_watch_counts_writes_and_new_files_not_reads(tmp_path) -> None:
    (tmp_path / "a.yaml").write_text("a", encoding="utf-8")
    watch = RecordingWatch(tmp_path)
    try:
        (tmp_path / "a.yaml").read_text(encoding="utf-8")
        (tmp_path / "marker").mkdir()  # a change, reported after the read's events
        assert wait_for(lambda: ("created", "marker") in watch.seen)
        assert ("opened", "a.yaml") in watch.seen, "the read's own events did arrive"
        marker_events = [event for event in watch.seen if event[1] != "a.yaml"]
        assert watch.changes == len(marker_events), f"a read counted as a change: {watch.seen}"
        before = watch.state
        (tmp_path / "a.yaml").write_text("b", encoding="utf-8")
        assert wait_for(lambda: watch.state != before)
        (tmp_path / "sub").mkdir()
        after_mkdir = watch.state
        (tmp_path / "sub" / "b.txt").write_text("c", encoding="utf-8")
        assert wait_for(lambda: watch.state != after_mkdir), "files in new folders count too"
    finally:
        watch.stop()


@pytest.fixture(params=["none", "auto", "poll"])
def watcher_type(request):
    """With "none" (the project's config) and "auto" the app counts file events; with "poll" it
    compares modification times."""
    saved = config.get_option("server.fileWatcherType")
    config.set_option("server.fileWatcherType", request.param)
    yield request.param
    config.set_option("server.fileWatcherType", saved)


def test_an_edit_shows_on_a_later_run(watcher_type, tmp_path, monkeypatch) -> None:
    data = copy_data(tmp_path)
    monkeypatch.setenv(DATA_ENV, str(data))
    app = AppTest.from_file(ENTRY, default_timeout=60).run()
    assert not app.error

    seed = data / "sources" / f"{SEED_ID}.yaml"
    good = seed.read_text(encoding="utf-8")
    seed.write_text(good.replace("speaker: kerry", "speaker: kery", 1), encoding="utf-8")
    assert wait_for(lambda: bool(app.run().error)), "the broken file never showed"
    assert "unknown speaker 'kery'" in app.code[0].value

    seed.write_text(good, encoding="utf-8")
    assert wait_for(lambda: not app.run().error), "the repaired file never showed"
