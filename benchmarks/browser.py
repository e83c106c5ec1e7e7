"""Streamlit servers on loopback ports and headless Chromium sessions against them.

A page load is timed from navigation start (performance.now() counts from it) to the moment
`[data-testid="stApp"]` first reads `data-test-script-state="notRunning"` after having been
`running`: a MutationObserver installed before any page script records that instant. Every load
uses a fresh browser context, so nothing comes from the HTTP cache.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from helpers.devserver import CHROMIUM, CHROMIUM_ARGS  # on sys.path from run.py
from playwright.sync_api import Browser, BrowserContext, sync_playwright

DONE = "[data-testid='stApp'][data-test-script-state='notRunning']"
OBSERVER = """
(() => {
  const bench = (window.__bench = { done: null, states: [] });
  let sawRunning = false;
  const observer = new MutationObserver((records) => {
    const now = performance.now();
    records.forEach((record, index) => {
      const el = record.target;
      if (el.getAttribute("data-testid") !== "stApp") return;
      const next = records.slice(index + 1).find((r) => r.target === el);
      const value = next ? next.oldValue : el.getAttribute("data-test-script-state");
      bench.states.push(value);
      if (record.oldValue === "running" || value === "running") sawRunning = true;
      if (sawRunning && value === "notRunning" && bench.done === null) bench.done = now;
    });
  });
  observer.observe(document, {
    subtree: true,
    attributes: true,
    attributeOldValue: true,
    attributeFilter: ["data-test-script-state"],
  });
})();
"""


@contextlib.contextmanager
def chromium() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield browser
        finally:
            browser.close()


def open_session(browser: Browser, url: str, timeout_s: float = 120) -> tuple[BrowserContext, dict]:
    """Open `url` in a fresh context; return it (still open) and the load's figures in ms."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.add_init_script(OBSERVER)
    page = context.new_page()
    page.goto(url, wait_until="commit", timeout=timeout_s * 1000)
    page.wait_for_function(
        "window.__bench && window.__bench.done !== null", timeout=timeout_s * 1000
    )
    page.wait_for_selector(DONE, state="attached", timeout=timeout_s * 1000)
    figures = page.evaluate(
        """() => {
          const nav = performance.getEntriesByType("navigation")[0];
          return {
            ready_ms: window.__bench.done,
            dom_content_loaded_ms: nav ? nav.domContentLoadedEventEnd : null,
            exceptions: [...document.querySelectorAll('[data-testid="stException"]')]
              .map((e) => e.innerText.split("\\n").slice(0, 2).join(" ").slice(0, 200)),
            states: window.__bench.states.join(">"),
          };
        }"""
    )
    return context, figures


def page_load(browser: Browser, url: str) -> dict:
    context, figures = open_session(browser, url)
    context.close()
    return figures


SWITCH = """
(name) => new Promise((resolve) => {
  const app = document.querySelector('[data-testid="stApp"]');
  const links = [...document.querySelectorAll('[data-testid="stSidebarNavLink"]')];
  const link = links.find((a) => a.innerText.trim().endsWith(name));
  let sawRunning = false;
  const start = performance.now();
  const observer = new MutationObserver(() => {
    const state = app.getAttribute("data-test-script-state");
    if (state === "running") sawRunning = true;
    if (sawRunning && state === "notRunning") {
      observer.disconnect();
      resolve(performance.now() - start);
    }
  });
  observer.observe(app, { attributes: true, attributeFilter: ["data-test-script-state"] });
  link.click();
})
"""


def page_switches(browser: Browser, url: str, names: list[str], rounds: int) -> list[float]:
    """In one session, click the sidebar's link to each page of `names` in turn, `rounds` times:
    the ms from each click to the end of the run it starts."""
    context, _ = open_session(browser, url)
    page = context.pages[0]
    times = []
    for _ in range(rounds):
        for name in names:
            times.append(page.evaluate(SWITCH, name))
            page.wait_for_timeout(300)
    context.close()
    return times
