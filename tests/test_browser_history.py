"""Back and Forward through filter changes: the address bar and the view must agree (issue 10:
the browser walk, seed 20, found Back followed at once by Forward leaving the sidebar and the
page on the earlier filter while the address bar held the later one)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
from helpers.browser import LABELS, Runs, steady
from helpers.datafolder import curated_quotes

pytestmark = pytest.mark.browser

QUOTES = curated_quotes()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    yield context.new_page()
    context.close()


@pytest.fixture
def runs(page) -> Runs:
    return Runs(page)


def add_issue(page, runs: Runs, name: str) -> None:
    started = runs.started
    page.locator(".st-key-issue_names").get_by_role("combobox").click()
    page.get_by_role("option", name=name).first.click()
    page.keyboard.press("Escape")
    steady(page, runs, started)
    issue = next(id_ for id_, label in LABELS["issue"].items() if label == name)
    page.wait_for_url(lambda url: issue in parse_qs(urlparse(url).query).get("issue", []))


def sidebar_issues(page) -> list[str]:
    chips = page.locator(".st-key-issue_names [data-tag]").evaluate_all(
        "els => els.map(e => e.getAttribute('aria-label'))"
    )
    return sorted(chip.split(" · also:")[0] for chip in chips)


def assert_url_and_view_agree(page) -> None:
    ids = parse_qs(urlparse(page.url).query).get("issue", [])
    assert sidebar_issues(page) == sorted(LABELS["issue"][id_] for id_ in ids), page.url
    count = sum(1 for quote in QUOTES if set(quote["issues"]) & set(ids)) if ids else len(QUOTES)
    shown = f"{count} of {len(QUOTES)} quote(s) shown"
    assert shown in page.locator('[data-testid="stMain"]').inner_text(), page.url


def test_back_and_forward_after_two_quick_filter_changes_show_what_the_url_says(
    server, page, runs
) -> None:
    page.goto(f"{server.url}/quotes?issue=minsk")
    steady(page, runs)
    add_issue(page, runs, "Syria")
    add_issue(page, runs, "Sanctions")
    assert_url_and_view_agree(page)
    for _ in range(3):  # a race: each round gives it a chance to show
        started = runs.started
        page.go_back()
        page.go_forward()  # at once, while the run for Back is still going
        steady(page, runs, started)
        assert_url_and_view_agree(page)
    started = runs.started
    page.go_back()
    steady(page, runs, started)
    assert_url_and_view_agree(page)
