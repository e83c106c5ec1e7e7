"""The views of the year in a real browser, on the seed plus the FIXTURE year
(tests/fixtures/year/): deep links to the new pages as the very first request to a fresh server,
the meetings carried in the URL, no console errors, no sideways scrolling at 390 px."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import parse_qs, urlparse

import pytest
from helpers.browser import Console, Runs, main_text, open_app, scrolls_sideways, steady
from helpers.devserver import Server
from helpers.year import GENEVA, LIMA, MOSCOW, VIENNA, year_data
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

NEW_PAGES = ["commitments", "changes", f"changes?from={VIENNA}&to={LIMA}", f"?as_of={VIENNA}"]


@pytest.fixture(scope="module")
def year_server(browser, tmp_path_factory):
    running = Server(year_data(tmp_path_factory.mktemp("year")))
    yield running
    running.stop()


@contextmanager
def first_request(browser, tmp_path, path: str) -> Iterator:
    """The page a deep link opens as the very first request to a freshly started server."""
    fresh = Server(year_data(tmp_path))
    context = browser.new_context()
    try:
        yield open_app(context, f"{fresh.url}/{path}")
    finally:
        context.close()
        fresh.stop()


def test_first_request_to_a_fresh_server_is_a_deep_link_to_what_changed(browser, tmp_path):
    with first_request(browser, tmp_path, f"changes?from={GENEVA}&to={LIMA}&side=russia") as page:
        sidebar = page.locator('[data-testid="stSidebar"]')
        expect(sidebar.locator(".st-key-side")).to_contain_text("russia")
        expect(sidebar.locator('[data-testid="stSidebarNav"]')).to_have_count(1)
        main = page.locator('[data-testid="stMain"]')
        expect(main).to_contain_text("Dropped: no longer stated")  # Russia on sanctions, in Lima
        expect(main.locator(".st-key-from_pick input")).to_have_value(re.compile("^9 September"))
        expect(main.locator(".st-key-to_pick input")).to_have_value(re.compile("^17 November"))
        assert "Changed stance" not in main_text(page)  # the US's changes, filtered out
        assert urlparse(page.url).path == "/changes"


def test_first_request_to_a_fresh_server_is_a_deep_link_to_commitments(browser, tmp_path):
    with first_request(browser, tmp_path, "commitments?issue=syria") as page:
        expect(page.locator('[data-testid="stSidebar"] .st-key-issue')).to_contain_text("syria")
        main = page.locator('[data-testid="stMain"]')
        expect(main).to_contain_text("FIXTURE: extend the truce to Aleppo.")
        assert "consultations on cyber crime" not in main_text(page)


def test_picking_meetings_writes_them_to_the_url_and_the_url_restores_the_view(
    year_server, browser
) -> None:
    first = browser.new_context()
    page = first.new_page()
    runs = Runs(page)  # the rerun after the pick, to its last element
    page.goto(f"{year_server.url}/changes")
    steady(page, runs)
    started = runs.started
    page.locator(".st-key-from_pick").click()
    page.get_by_role("option", name="24 March 2016", exact=False).click()
    steady(page, runs, started)
    query = parse_qs(urlparse(page.url).query)
    assert query == {"from": [MOSCOW]}
    text = main_text(page)
    first.close()

    second = browser.new_context()
    restored = open_app(second, page.url)
    assert main_text(restored) == text
    second.close()


@pytest.mark.parametrize("width", [390, 1400])
def test_new_views_render_cleanly(year_server, browser, width) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    for path in NEW_PAGES:
        console = Console()
        page = open_app(context, f"{year_server.url}/{path}", console)
        assert page.locator('[data-testid="stException"]').count() == 0, path
        assert console.errors == [], path
        assert not scrolls_sideways(page), f"/{path} scrolls sideways at {width}px"
        page.close()
    context.close()
