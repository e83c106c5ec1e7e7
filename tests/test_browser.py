"""What only a real browser shows: deep links, URL sync, charts, downloads, console errors."""

from __future__ import annotations

import csv
import io
import json
from urllib.parse import parse_qs, urlparse

import pytest
from helpers.browser import (
    Console,
    follow_in_app,
    main_text,
    open_app,
    scrolls_sideways,
    settle,
)
from helpers.datafolder import curated_quotes
from helpers.devserver import Server
from playwright.sync_api import expect

from dialogue_tracker.loader import load_catalog
from dialogue_tracker.paths import DATA

pytestmark = pytest.mark.browser

PAGES = ["", "issue", "timeline", "quotes", "speakers", "source"]
QUOTES = curated_quotes()
VERSION = load_catalog(DATA).version[:8]


def quotes_by(speaker: str) -> list[dict]:
    return [q for q in QUOTES if q["speaker"] == speaker]


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    yield context
    context.close()


def test_first_request_to_a_fresh_server_is_a_sub_page_deep_link(browser) -> None:
    fresh = Server()
    try:
        context = browser.new_context()
        page = open_app(context, f"{fresh.url}/quotes?speaker=lavrov")
        sidebar = page.locator('[data-testid="stSidebar"]')
        expect(sidebar.locator(".st-key-speaker_names")).to_contain_text("Sergey Lavrov")
        lavrov = quotes_by("lavrov")
        shown = f"{len(lavrov)} of {len(QUOTES)} quote(s) shown"
        expect(page.locator('[data-testid="stMain"]')).to_contain_text(shown)
        expect(sidebar.locator('[data-testid="stSidebarNav"]')).to_have_count(1)
        assert urlparse(page.url).path == "/quotes"
        context.close()
    finally:
        fresh.stop()


@pytest.mark.parametrize("path", PAGES)
def test_page_renders_without_exception_or_console_error(server, context, path) -> None:
    console = Console()
    page = open_app(context, f"{server.url}/{path}", console)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator("h1").count() >= 1
    assert console.errors == []


def test_deep_link_with_issue_and_speaker_shows_only_that_speakers_quote(server, context) -> None:
    page = open_app(context, f"{server.url}/?issue=sanctions&speaker=kerry")
    text = main_text(page)
    sanctions = next(q for q in quotes_by("kerry") if "sanctions" in q["issues"])
    assert sanctions["text"] in text
    assert not [q for q in quotes_by("lavrov") if q["text"] in text]


def test_filter_change_updates_the_url_and_the_url_restores_the_view(server, browser) -> None:
    first = browser.new_context()
    page = open_app(first, f"{server.url}/quotes")
    page.locator(".st-key-speaker_names").get_by_role("combobox").click()
    page.get_by_role("option", name="John Kerry (United States)", exact=True).click()
    page.keyboard.press("Escape")
    settle(page)
    assert parse_qs(urlparse(page.url).query) == {"speaker": ["kerry"]}  # the id, not the name
    shared = page.url
    first.close()

    second = browser.new_context()
    restored = open_app(second, shared)
    kerry = quotes_by("kerry")
    shown = f"{len(kerry)} of {len(QUOTES)} quote(s) shown"
    expect(restored.locator('[data-testid="stMain"]')).to_contain_text(shown)
    expect(restored.locator(".st-key-speaker_names")).to_contain_text("John Kerry (United States)")
    second.close()


def test_switching_pages_keeps_the_filters(server, context) -> None:
    page = open_app(context, f"{server.url}/?speaker=lavrov&side=russia")
    page.locator('[data-testid="stSidebarNav"]').get_by_text("Quotes").click()
    page.wait_for_url("**/quotes?**")  # the switch lands in the address bar after the click
    settle(page)
    assert urlparse(page.url).path == "/quotes"
    assert parse_qs(urlparse(page.url).query) == {"speaker": ["lavrov"], "side": ["russia"]}


def test_an_issue_link_opens_its_page_in_the_same_tab_keeping_the_filters(server, context) -> None:
    page = open_app(context, f"{server.url}/?speaker=kerry")
    pages = len(context.pages)
    page.locator('[data-testid="stPageLink"]', has_text="Minsk agreements").click()
    page.wait_for_url("**/issue?**")
    settle(page)
    assert len(context.pages) == pages  # no new tab
    assert urlparse(page.url).path == "/issue"
    assert parse_qs(urlparse(page.url).query) == {"speaker": ["kerry"], "show": ["minsk"]}
    expect(page.locator('[data-testid="stMain"]')).to_contain_text("The Minsk agreements on")
    expect(page.locator(".st-key-speaker_names")).to_contain_text("John Kerry")


def test_each_tab_title_names_the_page_and_the_filters(server, context) -> None:
    page = context.new_page()
    for path, name in [
        ("?", "Overview"),
        ("issue?show=minsk&", "Issue: Minsk agreements"),
        ("timeline?", "Timeline"),
        ("commitments?", "Commitments"),
        ("changes?", "What changed"),
        ("quotes?", "Quotes"),
        ("speakers?", "Speakers"),
        ("source?", "Source"),
    ]:
        page.goto(f"{server.url}/{path}speaker=kerry")
        settle(page)
        assert page.title() == f"{name} · Speakers: John Kerry (United States) · Dialogue Tracker"


def test_a_source_quote_number_opens_its_citation_in_the_same_tab_and_session(
    server, context
) -> None:
    newest = load_catalog(DATA).sources[-1]  # the page opens on the newest source
    speaker = newest.quotes[0].speaker
    page = open_app(context, f"{server.url}/source?speaker={speaker}")
    follow_in_app(page, page.locator('[data-testid="stMain"] a', has_text="[1]").first, "quotes")
    params = parse_qs(urlparse(page.url).query)
    assert params["speaker"] == [speaker]
    assert params["quote"][0] in {quote.id for quote in newest.quotes if quote.speaker == speaker}
    expect(page.get_by_text("Selected quote")).to_be_visible()


@pytest.mark.parametrize(
    "path", ["issue?issue=syria&speaker=lavrov", "commitments?issue=syria&speaker=lavrov"]
)
def test_a_quote_link_in_running_text_opens_its_panel_in_the_same_tab_and_session(
    server, context, path
) -> None:
    """A quote under a stance in the Issue page's history, or under a piece of evidence on
    the Commitments page: its panel on the Quotes page, the sidebar's filters still set."""
    page = open_app(context, f"{server.url}/{path}")
    link = page.locator('[data-testid="stMain"] a[href*="quote="]', has_text="“").first
    chosen = parse_qs(urlparse(link.get_attribute("href")).query)["quote"][0]
    follow_in_app(page, link, "quotes")
    params = parse_qs(urlparse(page.url).query)
    assert (params["quote"], params["issue"], params["speaker"]) == (
        [chosen],
        ["syria"],
        ["lavrov"],
    )
    expect(page.locator(".st-key-speaker_names")).to_contain_text("Sergey Lavrov")
    expect(page.locator(".st-key-issue_names")).to_contain_text("Syria")
    expect(page.get_by_text("Selected quote")).to_be_visible()
    quote = next(q for q in QUOTES if q["id"] == chosen)
    expect(page.locator('[data-testid="stMain"]')).to_contain_text(quote["text"][:40])


def test_unknown_id_in_the_url_gives_a_notice_not_an_error(server, context) -> None:
    page = open_app(context, f"{server.url}/?issue=atlantis&issue=syria")
    assert "atlantis" in main_text(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    expect(page.locator(".st-key-issue_names")).to_contain_text("Syria")


def test_timeline_chart_is_drawn(server, context) -> None:
    page = open_app(context, f"{server.url}/timeline?issue=syria")
    chart = page.locator('[data-testid="stPlotlyChart"]')
    chart.locator(".main-svg").first.wait_for()
    syria = [q for q in QUOTES if "syria" in q["issues"]]
    assert chart.locator(".scatterlayer .point").count() >= len(syria)
    assert chart.locator(".barlayer .point").count() == 1  # the August 2016 target
    legend = page.get_by_text("What the legend cannot show")
    assert chart.bounding_box()["y"] < legend.bounding_box()["y"], "the chart sits above its legend"


def test_downloads_hold_exactly_the_filtered_rows(server, context) -> None:
    page = open_app(context, f"{server.url}/quotes?speaker=kerry&issue=syria")
    with page.expect_download() as download:
        page.get_by_text("Download CSV").click()
    assert download.value.suggested_filename == f"quotes_issue-syria_speaker-kerry_{VERSION}.csv"
    rows = list(csv.DictReader(io.StringIO(download.value.path().read_text())))
    expected = [q for q in quotes_by("kerry") if "syria" in q["issues"]]
    assert {r["speaker_name"] for r in rows} == {"John Kerry"}
    meetings = {
        entry.record.event_date
        for entry, quote in load_catalog(DATA).quotes()
        if quote.speaker == "kerry" and "syria" in quote.issues
    }
    assert {r["side_name"] for r in rows} == {"US"}
    assert {r["meeting_date"] for r in rows} == meetings
    assert all(
        r["permalink"].endswith(f"quote={r['id']}&v={VERSION}-" + r["permalink"][-8:]) for r in rows
    )
    assert {r["data_version"][:8] for r in rows} == {VERSION}
    assert sorted(r["id"] for r in rows) == sorted(q["id"] for q in expected)
    assert {r["speaker"] for r in rows} == {"kerry"}
    assert [r["text"] for r in rows] == [q["text"] for q in expected]  # verbatim, in order
    with page.expect_download() as download:
        page.get_by_text("Download JSON").click()
    document = json.loads(download.value.path().read_text(encoding="utf-8"))
    assert [r["id"] for r in document["quotes"]] == [r["id"] for r in rows]
    assert set(document["metadata"]["codebook"]) == set(rows[0])  # every column explained
    assert document["metadata"]["filters"] == {"issue": ["syria"], "speaker": ["kerry"]}
    with page.expect_download() as download:
        page.get_by_text("Codebook").click()
    codebook = download.value.path().read_text(encoding="utf-8")
    assert all(f"\n{column}\n" in codebook for column in rows[0])


@pytest.mark.parametrize("width", [390, 1400])
def test_no_horizontal_scrolling(server, browser, width) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    for path in PAGES:
        page = open_app(context, f"{server.url}/{path}?issue=syria")
        assert not scrolls_sideways(page), f"/{path} scrolls sideways at {width}px"
        page.close()
    context.close()


def test_timeline_date_ticks_clear_the_legend_at_390_px(server, browser) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 900})
    page = open_app(context, f"{server.url}/timeline?issue=minsk")  # one lane: the least room
    chart = page.locator('[data-testid="stPlotlyChart"]')
    chart.locator(".main-svg").first.wait_for()
    bottoms = chart.locator(".xtick text").evaluate_all(
        "els => els.map(e => e.getBoundingClientRect().bottom)"
    )
    legend = chart.locator(".legend").first.bounding_box()
    context.close()
    assert bottoms and max(bottoms) <= legend["y"], (bottoms, legend)
