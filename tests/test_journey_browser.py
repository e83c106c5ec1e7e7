"""The reader's journey in the real browser: a seeded random walk of 200 actions through the
sidebar, the search box, the table's ticks, the quote picker, permalinks, the page menu and the
Back button. After every action: no exception element and no console error; on the Quotes page
the cited quote is the one the reader chose (after Back: the one the URL names), and it is
either in view or said to be hidden; and the address bar, opened afresh (a page load in a second
browser context: a new session), shows the same view. A failure prints the seed; replay with
JOURNEY_SEED=<seed> (JOURNEY_STEPS=<n> for a shorter walk). The walk waits on the app's own
state, never on time: the page says it is connected and idle, and the server's last message to
it says its last run finished (an `st.rerun` ends one run early and starts the next, and the
page may look idle in between)."""

from __future__ import annotations

import os
import time
from collections import Counter
from urllib.parse import parse_qs, urlparse

import pytest
from helpers.browser import LABELS, Console, Runs, steady
from helpers.journey import Walk

pytestmark = pytest.mark.browser

SEED = int(os.environ.get("JOURNEY_SEED", "20"))
STEPS = int(os.environ.get("JOURNEY_STEPS", "200"))
NAV = {
    "overview": "Overview",
    "issue": "Issue",
    "timeline": "Timeline",
    "quotes": "Quotes",
    "speakers": "Speakers",
    "source": "Source",
}
TICKABLE = 9  # rows the table draws without scrolling
ROW = 35  # the table's row height, px


class BrowserReader:
    """The reader's tab, and a second context in which each new address is opened afresh
    (a page load is a new session: nothing of the reader's session comes along)."""

    def __init__(self, browser, origin: str) -> None:
        self.origin = origin
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000})
        self.fresh = browser.new_context(viewport={"width": 1400, "height": 1000})
        self.console = Console()
        self.page = self.context.new_page()
        self.console.watch(self.page)
        self.runs = Runs(self.page)
        self.page.goto(f"{origin}/quotes")
        steady(self.page, self.runs)
        self.other = self.fresh.new_page()
        self.other_runs = Runs(self.other)
        self.chosen: str | None = None
        self.views: dict[str, tuple] = {}  # URL → what it shows opened afresh
        self.seconds: Counter[str] = Counter()  # where the walk's time goes

    def close(self) -> None:
        self.context.close()
        self.fresh.close()

    @property
    def path(self) -> str:
        return urlparse(self.page.url).path.strip("/") or "overview"

    def in_app(self) -> bool:
        """Whether the tab shows this server's app (Back may leave it for about:blank)."""
        here, app = urlparse(self.page.url), urlparse(self.origin)
        return (here.scheme, here.netloc) == (app.scheme, app.netloc)

    def params(self) -> dict[str, list[str]]:
        return parse_qs(urlparse(self.page.url).query)

    def rows(self) -> int:
        if self.path != "quotes":
            return 0
        table = self.page.locator('[data-testid="stDataFrame"]')
        return max(0, table.locator("[role=row]").count() - 1) if table.count() else 0

    def timed(self, phase: str, step, *args):
        started = time.monotonic()
        try:
            return step(*args)
        finally:
            self.seconds[phase] += time.monotonic() - started

    # --- actions
    def act(self, action: tuple) -> str:
        """Do it; returns a note for the log when the action did something else."""
        kind, *args = action
        page = self.page
        # A focused multiselect is a line taller; leaving it moves what is below it while the
        # mouse is down, and the click misses (a reader clicks again; the walk blurs first).
        page.evaluate("document.activeElement && document.activeElement.blur()")
        steady(page, self.runs)
        before = self.runs.started
        must_run, note = True, ""
        if kind == "filter":
            self._set_filter(args[0], args[1])
            must_run = False  # each change waited for its own run
        elif kind == "clear" and args[0] == "all":
            must_run = self._click_if_there(page.get_by_role("button", name="Clear filters"))
        elif kind == "clear":
            self._set_filter(args[0], [])
            must_run = False
        elif kind == "page":
            if args[0] != self.path:
                self.chosen = None  # `?quote=` belongs to the Quotes page
            must_run = args[0] != self.path
            nav = page.locator('[data-testid="stSidebarNav"]')
            nav.get_by_text(NAV[args[0]], exact=True).click()
        elif kind == "search":
            box = page.locator(".st-key-q input")
            must_run = box.input_value() != args[0]
            box.fill(args[0])
            box.press("Enter")
        elif kind == "tick":
            note = self._tick(min(args[0], TICKABLE - 1))
        elif kind == "untick":
            must_run = self._click_if_there(page.get_by_role("button", name="Clear the choice"))
        elif kind == "pick":
            must_run, note = self._pick(args[0])
        elif kind == "permalink":
            self._permalink()
        elif kind == "back":
            url = page.url
            page.go_back()
            if not self.in_app():  # Back left the app: return to it, as a reader would
                page.go_forward()
                note = "left the app, Forward"
            must_run = page.url != url
        steady(page, self.runs, before if must_run else None)
        self._follow_url(kind)
        return note

    def _click_if_there(self, button) -> bool:
        if button.count():
            button.click()
            return True
        return False

    def _set_filter(self, key: str, ids: list[str]) -> None:
        box = self.page.locator(f".st-key-{key}_names")
        clear = box.get_by_role("button", name="Clear all")
        if clear.count():
            before = self.runs.started
            clear.click()
            steady(self.page, self.runs, before)
        for id_ in ids:
            box.get_by_role("combobox").click()
            before = self.runs.started
            self.page.get_by_role("option", name=LABELS[key][id_]).first.click()
            self.page.keyboard.press("Escape")
            steady(self.page, self.runs, before)
        chips = box.locator("[data-tag]").evaluate_all(
            "els => els.map(e => e.getAttribute('aria-label'))"
        )
        names = {chip.split(" · also:")[0] for chip in chips}  # an issue's or side's words follow
        assert sorted(names) == sorted(LABELS[key][id_] for id_ in ids), "filter not set"

    def _tick(self, row: int) -> str:
        """Click the row's box. A click on the table's canvas is now and then not taken (no
        run follows it; the reader sees no tick and clicks again): so does the walk."""
        grid = self.page.locator('[data-testid="stDataFrame"]').bounding_box()
        x, y = grid["x"] + 18, grid["y"] + ROW + row * ROW + ROW / 2
        before = self.runs.started
        for clicks in range(1, 4):
            self.page.mouse.click(x, y)
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:
                if self.runs.started > before:
                    return f"clicked {clicks} times" if clicks > 1 else ""
                self.page.wait_for_timeout(50)  # let the server's answer arrive
        raise AssertionError(f"three clicks on row {row} started no run")

    def _pick(self, row: int) -> tuple[bool, str]:
        """Choose the row's quote in the select box; its list draws the first options only,
        so a row beyond them picks the last one drawn."""
        picker = self.page.locator('[class*="st-key-quote_pick_"]')
        box = picker.get_by_role("combobox")
        shown = box.input_value()
        box.click()
        options = self.page.get_by_role("option")
        options.first.wait_for()
        drawn = options.count()
        option = options.nth(min(row, drawn - 1))
        label = option.inner_text()
        option.click()
        note = f"row {row} not drawn, picked row {drawn - 1}" if row >= drawn else ""
        return label != shown, note

    def _permalink(self) -> None:
        codes = self.page.locator('[data-testid="stCode"]')
        if codes.count():
            self.page.goto(codes.first.inner_text().strip())
        else:
            self.page.goto(f"{self.origin}/quotes?quote=kerry-detainees")

    def _follow_url(self, kind: str) -> None:
        """What the reader chose, as the address bar now says: ticks, picks, permalinks and
        Back choose what the URL names; a tick on the chosen row unticks it."""
        if self.path != "quotes":
            self.chosen = None
            return
        named = self.params().get("quote", [None])[0]
        if kind in ("tick", "pick", "permalink", "back", "untick"):
            self.chosen = named

    # --- checks
    def check(self) -> None:
        page = self.page
        assert page.locator('[data-testid="stException"]').count() == 0, "an exception is shown"
        errors = page.locator('[data-testid="stAlertContentError"]')  # the page's crash message
        assert errors.count() == 0, errors.all_inner_texts()
        assert self.console.errors == [], self.console.errors
        if self.path != "quotes":
            return
        named = self.params().get("quote", [None])[0]
        assert named == self.chosen, f"the URL names {named!r}, the reader chose {self.chosen!r}"
        codes = page.locator('[data-testid="stCode"]')
        if not self.chosen:
            assert codes.count() == 0, "a citation is shown though nothing is chosen"
            return
        assert f"quote={self.chosen}" in codes.first.inner_text()
        hidden = page.get_by_text("This quote is hidden by the current filters").count() > 0
        assert hidden != picked(page), "the chosen quote is neither in view nor said to be hidden"

    def check_fresh(self) -> None:
        """The URL opened afresh (a new page load in the other context: a new session) shows
        the same view. A URL already opened afresh is not opened again: the same URL on the
        same data shows the same view."""
        url = self.page.url
        if url not in self.views:
            self.other.goto(url)
            steady(self.other, self.other_runs)
            self.views[url] = seen(self.other)
        assert self.views[url] == seen(self.page), f"{url} opened afresh differs"


def picked(page) -> bool:
    """Does the quote picker show a quote (it does when the chosen quote is in view)?"""
    picker = page.locator('[class*="st-key-quote_pick_"] [role=combobox]')
    return picker.count() > 0 and bool(picker.input_value())


def seen(page) -> tuple:
    """What the reader reads: the main area's text and the sidebar's chosen filters."""
    chips = page.locator('[data-testid="stSidebar"] [class*="_names"] [data-tag]').evaluate_all(
        "els => els.map(e => e.getAttribute('aria-label'))"
    )
    main = page.locator('[data-testid="stMain"]').inner_text()
    return tuple(sorted(set(chips))), main


def test_reader_journey_in_the_browser(server, browser) -> None:
    walk = Walk(SEED, STEPS)
    reader = BrowserReader(browser, server.url)
    started = time.monotonic()
    try:
        for _ in range(STEPS):
            action = walk.next_action(reader.path, reader.rows(), bool(reader.chosen), back=True)
            walk.record(action)
            try:
                note = reader.timed("act", reader.act, action)
                walk.log[-1] += f" -> {reader.page.url.removeprefix(server.url)}"
                walk.log[-1] += f" ({note})" if note else ""
                reader.timed("check", reader.check)
                reader.timed("fresh", reader.check_fresh)
            except Exception as error:  # a timeout or assertion: print the seed to replay
                pytest.fail(f"{type(error).__name__}: {error}\n{walk.replay()}")
    finally:
        reader.close()
    total = time.monotonic() - started
    spent = ", ".join(f"{phase} {seconds:.0f} s" for phase, seconds in reader.seconds.items())
    print(
        f"browser journey, seed {SEED}: {len(walk.log)} actions ({walk.counts()}); "
        f"{total:.0f} s, {total / len(walk.log):.2f} s per action ({spent}); "
        f"{len(reader.views)} addresses opened afresh"
    )
