"""Helpers for the browser tests: open a page, wait for Streamlit, read what the reader sees."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field

from playwright.sync_api import TimeoutError as PlaywrightTimeout
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

# Streamlit's frontend probes `<page>/_stcore/health` and `/host-config` before falling back to
# the root when a sub-page is opened directly (streamlit/streamlit#7074, open upstream). These
# two 404s are the only console errors tolerated.
KNOWN_PROBE = re.compile(r"/[a-z]+/_stcore/(health|host-config)$")
IDLE = (
    '[data-testid="stApp"][data-test-connection-state="CONNECTED"]'
    '[data-test-script-state="notRunning"]'
)
# The main area has drawn something, nothing is left from an earlier run, and no element is
# still loading (lazy widgets draw a skeleton first).
DRAWN = """() =>
    document.querySelector('[data-testid="stMain"] [data-testid="stElementContainer"]') &&
    !document.querySelector(
        '[data-stale="true"], [data-testid="stSkeleton"], [data-testid="stAppSkeleton"]')"""


@dataclass
class Console:
    errors: list[str] = field(default_factory=list)

    def watch(self, page) -> None:
        failed: set[str] = set()

        def on_response(response) -> None:
            if response.status >= 400:
                failed.add(response.url)
                if not KNOWN_PROBE.search(response.url):
                    self.errors.append(f"HTTP {response.status} {response.url}")

        def on_console(message) -> None:
            if message.type == "error" and "Failed to load resource" not in message.text:
                self.errors.append(message.text)

        page.on("response", on_response)
        page.on("console", on_console)
        page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))


def open_app(context, url: str, console: Console | None = None):
    page = context.new_page()
    if console:
        console.watch(page)
    page.goto(url)
    settle(page)
    return page


def settle(page, timeout: float = 30_000) -> None:
    """Wait until the app is connected, its script run (and any rerun it asked for) has
    finished, the page has drawn, and no element is left over from an earlier run."""
    page.wait_for_selector(IDLE, timeout=timeout)
    page.wait_for_function(DRAWN, timeout=timeout)


def reload_until(page, text: str, tries: int = 50) -> None:
    """Reload until the main area shows `text`: a data file's change reaches the app through a
    file event, which may land just after the write returns."""
    for _ in range(tries):
        page.reload()
        settle(page)
        if text in main_text(page):
            return
    raise AssertionError(f"{text!r} never showed; the page says: {main_text(page)[:500]}")


def follow_in_app(page, link, path: str) -> None:
    """Click a link to another page of the app (`path`, e.g. "quotes") and wait for that page;
    fail unless it opened in this tab and this session (a new session connects anew)."""
    sockets: list = []

    def connected(socket) -> None:
        sockets.append(socket)

    page.on("websocket", connected)
    link.click()
    try:
        page.wait_for_url(f"**/{path}?**", timeout=15_000)
    except PlaywrightTimeout:
        tabs = [other.url for other in page.context.pages]
        raise AssertionError(f"this tab stayed on {page.url}; the tabs: {tabs}") from None
    settle(page)
    page.remove_listener("websocket", connected)
    assert len(page.context.pages) == 1 and sockets == [], "a new tab or a new session"


def main_text(page) -> str:
    return page.locator('[data-testid="stMain"]').inner_text()


def scrolls_sideways(page) -> bool:
    """Whether the page or its main area is wider than the window (a reader would scroll)."""
    return page.evaluate(
        "() => [document.documentElement, document.querySelector('[data-testid=stMain]')]"
        ".some(e => e.scrollWidth > e.clientWidth)"
    )


LABELS = {
    "issue": {
        "syria": "Syria",
        "sanctions": "Sanctions",
        "minsk": "Minsk agreements",
        "cyber-crime": "Cyber crime",
        "bilateral-dialogue": "Bilateral dialogue",
        "terrorism": "Terrorism",
    },
    "speaker": {
        "putin": "Vladimir Putin (Russia)",
        "lavrov": "Sergey Lavrov (Russia)",
        "kerry": "John Kerry (United States)",
        "obama": "Barack Obama (United States)",
    },
    "side": {"us": "United States", "russia": "Russia"},
}
"""The sidebar's label of each id the journeys pick, as the reader sees it."""


class Runs:
    """The script runs of one page, as the server's messages to it tell: `started` counts
    the runs begun, `over` says whether the last one finished (rather than ended early for a
    rerun, which `st.rerun` and a widget change during a run both do)."""

    def __init__(self, page) -> None:
        self.started = 0
        self.over = True
        page.on("websocket", lambda socket: socket.on("framereceived", self._message))

    def _message(self, payload) -> None:
        if isinstance(payload, str):
            return
        message = ForwardMsg()
        message.ParseFromString(payload)
        kind = message.WhichOneof("type")
        if kind == "new_session":
            self.started += 1
            self.over = False
        elif kind == "script_finished":
            self.over = message.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN


def steady(page, runs: Runs, started: int | None = None) -> None:
    """Wait until the app is idle: a run has begun since `started` runs (when the action
    must cause one), the last run finished, and the page says it is connected, idle and
    drawn, nothing stale."""
    deadline = time.monotonic() + 60
    while True:
        settle(page, timeout=60_000)
        if runs.over and (started is None or runs.started > started):
            return
        if time.monotonic() > deadline:
            raise TimeoutError("no run of the app finished after the action within 60 s")
        page.wait_for_timeout(20)  # let the next message arrive, then look again
