"""A running server under change and load: live data edits, ten readers at once, no writes."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import pytest
from helpers.browser import IDLE, main_text, open_app, reload_until
from helpers.datafolder import SEED_ID, copy_data, curated_quotes, run_cli
from helpers.devserver import Server
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

QUOTES = curated_quotes()
ALL_SHOWN = f"{len(QUOTES)} of {len(QUOTES)} quote(s)"


def count_quotes(issue: str | None = None, speaker: str | None = None, side: str | None = None):
    sides = {"lavrov": "russia", "putin": "russia", "kerry": "us", "obama": "us", "kirby": "us"}
    return sum(
        1
        for q in QUOTES
        if (not issue or issue in q["issues"])
        and (not speaker or q["speaker"] == speaker)
        and (not side or sides[q["speaker"]] == side)
    )


def tree(folder: Path) -> dict[str, tuple[str, int]]:
    return {
        str(p.relative_to(folder)): (
            hashlib.sha256(p.read_bytes()).hexdigest(),
            p.stat().st_mtime_ns,
        )
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize("watcher", [None, "poll"])
def test_live_edit_shows_the_error_then_the_fix_without_restart(browser, tmp_path, watcher) -> None:
    """With the project's config (Streamlit's source watch off, the data's file events on) and
    with "poll" (the app then compares the files' modification times on every run)."""
    data = copy_data(tmp_path)
    seed = data / "sources" / f"{SEED_ID}.yaml"
    good = seed.read_text(encoding="utf-8")
    server = Server(data=data, watcher=watcher)
    try:
        context = browser.new_context()
        page = open_app(context, f"{server.url}/quotes")
        expect(page.locator('[data-testid="stMain"]')).to_contain_text(ALL_SHOWN)

        seed.write_text(good.replace("speaker: kerry", "speaker: kery", 1), encoding="utf-8")
        reload_until(page, "The data failed validation: 1 problem(s)")
        panel = page.locator('[data-testid="stMain"]')
        expect(panel).to_contain_text("The data failed validation: 1 problem(s)")
        expect(panel).to_contain_text("moscow-talks-2016-03-24.yaml:")
        expect(panel).to_contain_text("unknown speaker 'kery'")

        seed.write_text(good.replace("they need to begin", "they need to begin!"), encoding="utf-8")
        reload_until(page, "not found verbatim")

        seed.write_text(good, encoding="utf-8")
        reload_until(page, ALL_SHOWN)
        context.close()
    finally:
        server.stop()


VIEWS = [
    {"speaker": "lavrov"},
    {"speaker": "kerry"},
    {"issue": "syria"},
    {"issue": "cyber-crime"},
    {"side": "us"},
    {"side": "russia"},
    {"issue": "syria", "speaker": "kerry"},
    {"issue": "bilateral-dialogue"},
    {"speaker": "putin"},
    {},
]


def test_ten_readers_at_once_each_see_their_own_view(server, browser) -> None:
    contexts = [browser.new_context() for _ in VIEWS]
    pages = [context.new_page() for context in contexts]
    started = time.monotonic()
    for page, view in zip(pages, VIEWS, strict=True):
        query = "&".join(f"{key}={value}" for key, value in view.items())
        page.goto(f"{server.url}/quotes?{query}", wait_until="commit")
    took = {}
    for page, view in zip(pages, VIEWS, strict=True):
        page.wait_for_selector(IDLE, timeout=60_000)
        expected = count_quotes(**view)
        shown = (
            f"{expected} of {len(QUOTES)} quote(s)" if expected else "No quotes match the filters"
        )
        # Ten pages drawing at once on two cores: widgets can take seconds to leave their
        # loading skeletons, so the checks wait longer than the default five seconds.
        expect(page.locator('[data-testid="stMain"]')).to_contain_text(shown, timeout=30_000)
        for key, value in view.items():
            expect(page.locator(f".st-key-{key}")).to_contain_text(value, timeout=30_000)
        took[str(view)] = round(time.monotonic() - started, 2)
        assert page.locator('[data-testid="stException"]').count() == 0
    print("seconds from the first request until each view was complete:", took)
    for context in contexts:
        context.close()


def test_neither_the_cli_nor_the_app_writes_into_the_data(browser, tmp_path) -> None:
    data = copy_data(tmp_path)
    before = tree(data)
    assert run_cli("validate", "--data", data).returncode == 0
    assert run_cli("export", "--data", data, "--format", "csv").returncode == 0
    server = Server(data=data)
    try:
        context = browser.new_context()
        for path in ["", "issue", "timeline", "quotes?quote=kerry-assad", "speakers", "source"]:
            page = open_app(context, f"{server.url}/{path}")
            # Each page drew the data (an issue's title), so each really read the folder.
            assert page.locator('[data-testid="stException"]').count() == 0, path
            assert "Syria" in main_text(page), path
        context.close()
    finally:
        server.stop()
    assert tree(data) == before
