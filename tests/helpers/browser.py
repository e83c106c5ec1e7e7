"""Helpers for the browser tests: open a page, wait for Streamlit, read what the reader sees."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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


def steady(page) -> None:
    """The script run finished, no widget is still drawn as a placeholder, and no rerun
    followed (a tick reruns once more to redraw the table for the new choice)."""
    for _ in range(2):
        page.wait_for_selector(IDLE, timeout=60_000)
        page.wait_for_function("() => !document.querySelector('[data-testid=stSkeleton]')")
        page.wait_for_timeout(150)
    page.wait_for_selector(IDLE, timeout=60_000)
