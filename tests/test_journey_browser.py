"""The reader's journey in the real browser: a seeded random walk of 200 actions through the
sidebar, the search box, the table's ticks, the quote picker, permalinks, the page menu and the
Back button. After every action: no exception element and no console error; on the Quotes page
the cited quote is the one the reader chose (after Back: the one the URL names), and it is either
in view or said to be hidden; and the address bar, opened in a fresh browser context, shows the
same view. A failure prints the seed; replay with JOURNEY_SEED=<seed>."""

from __future__ import annotations

import os
import time
from urllib.parse import parse_qs, urlparse

import pytest
from helpers.browser import LABELS, Console, steady
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
    def __init__(self, browser, url: str) -> None:
        self.base = url
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000})
        self.fresh = browser.new_context(viewport={"width": 1400, "height": 1000})
        self.console = Console()
        self.page = self.context.new_page()
        self.console.watch(self.page)
        self.page.goto(url)
        steady(self.page)
        self.chosen: str | None = None
        self.views: dict[str, tuple] = {}  # URL → what it shows opened afresh

    def close(self) -> None:
        self.context.close()
        self.fresh.close()

    @property
    def path(self) -> str:
        return urlparse(self.page.url).path.strip("/") or "overview"

    def params(self) -> dict[str, list[str]]:
        return parse_qs(urlparse(self.page.url).query)

    def rows(self) -> int:
        if self.path != "quotes":
            return 0
        table = self.page.locator('[data-testid="stDataFrame"]')
        return max(0, table.locator("[role=row]").count() - 1) if table.count() else 0

    # --- actions
    def act(self, action: tuple) -> None:
        kind, *args = action
        page = self.page
        # A focused multiselect is a line taller; leaving it moves what is below it while the
        # mouse is down, and the click misses (a reader clicks again; the walk blurs first).
        page.evaluate("document.activeElement && document.activeElement.blur()")
        steady(page)
        if kind == "filter":
            self._set_filter(args[0], args[1])
        elif kind == "clear" and args[0] == "all":
            button = page.get_by_role("button", name="Clear filters")
            if button.count():
                button.click()
        elif kind == "clear":
            self._set_filter(args[0], [])
        elif kind == "page":
            if args[0] != self.path:
                self.chosen = None  # `?quote=` belongs to the Quotes page
            nav = page.locator('[data-testid="stSidebarNav"]')
            nav.get_by_text(NAV[args[0]], exact=True).click()
        elif kind == "search":
            box = page.locator(".st-key-q input")
            box.fill(args[0])
            box.press("Enter")
        elif kind == "tick":
            self._click_row(min(args[0], TICKABLE - 1))
        elif kind == "untick":
            self._untick()
        elif kind == "pick":
            self._pick(args[0])
        elif kind == "permalink":
            self._permalink()
        elif kind == "back":
            page.go_back()
            if not page.url.startswith(self.base):  # Back left the app: return to it
                page.go_forward()
        steady(page)
        self._follow_url(kind)

    def _set_filter(self, key: str, ids: list[str]) -> None:
        box = self.page.locator(f".st-key-{key}_names")
        clear = box.get_by_role("button", name="Clear all")
        if clear.count():
            clear.click()
            steady(self.page)
        for id_ in ids:
            box.get_by_role("combobox").click()
            self.page.get_by_role("option", name=LABELS[key][id_]).first.click()
            self.page.keyboard.press("Escape")
            steady(self.page)
        chips = box.locator("[data-tag]").evaluate_all(
            "els => els.map(e => e.getAttribute('aria-label'))"
        )
        names = {chip.split(" · also:")[0] for chip in chips}  # an issue's keywords follow
        assert sorted(names) == sorted(LABELS[key][id_] for id_ in ids), "filter not set"

    def _click_row(self, row: int) -> None:
        grid = self.page.locator('[data-testid="stDataFrame"]').bounding_box()
        self.page.mouse.click(grid["x"] + 18, grid["y"] + ROW + row * ROW + ROW / 2)

    def _untick(self) -> None:
        button = self.page.get_by_role("button", name="Clear the choice")
        if button.count():
            button.click()

    def _pick(self, row: int) -> None:
        picker = self.page.locator('[class*="st-key-quote_pick_"]')
        picker.get_by_role("combobox").click()
        self.page.get_by_role("option").nth(row).click()

    def _permalink(self) -> None:
        codes = self.page.locator('[data-testid="stCode"]')
        if codes.count():
            self.page.goto(codes.first.inner_text().strip())
        else:
            self.page.goto(f"{self.base}/quotes?quote=kerry-detainees")

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
        """The URL opened in a fresh context shows the same view (a URL already opened afresh
        is not opened again: the same URL on the same data shows the same view)."""
        url = self.page.url
        if url not in self.views:
            page = self.fresh.new_page()
            try:
                page.goto(url)
                steady(page)
                self.views[url] = seen(page)
            finally:
                page.close()
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


@pytest.mark.xfail(
    reason="found by this walk, not yet fixed: after a tick, the citation can still name the "
    "quote chosen before while the URL names the ticked one (seed 20, after the Back/filter "
    "sequence; the sidebar's Back/Forward defect it found first is fixed and tested in "
    "test_browser_history.py)",
    strict=False,
)
def test_reader_journey_in_the_browser(server, browser) -> None:
    walk = Walk(SEED, STEPS)
    reader = BrowserReader(browser, f"{server.url}/quotes")
    try:
        for _ in range(STEPS):
            action = walk.next_action(reader.path, reader.rows(), bool(reader.chosen), back=True)
            walk.record(action)
            try:
                started = time.monotonic()
                reader.act(action)
                walk.log[-1] += f" -> {reader.page.url.removeprefix(server.url)}"
                walk.log[-1] += f" ({time.monotonic() - started:.1f}s)"
                reader.check()
                reader.check_fresh()
            except Exception as error:  # a timeout or assertion: print the seed to replay
                pytest.fail(f"{type(error).__name__}: {error}\n{walk.replay()}")
    finally:
        reader.close()
    print(f"browser journey, seed {SEED}: {len(walk.log)} actions ({walk.counts()})")
