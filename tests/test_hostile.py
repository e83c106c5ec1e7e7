"""Hostile data and hostile links: shown as text, never run, never injected (real browser)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from urllib.parse import quote as urlquote

import pytest
from helpers.browser import main_text, open_app
from helpers.datafolder import add_source, copy_data, yaml_str
from helpers.devserver import Server
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PAGES = ["", "issue", "timeline", "quotes", "speakers", "source"]
IMG = """<img src=x onerror="window.__pwned='img'">"""
SCRIPT = "<script>window.__pwned='script'</script>"
LINK = "[click me](javascript:window.__pwned='link')"
MARKDOWN = "*stars* _under_ $5 and $6 ~tilde~ :red[red] :material/home: &amp; # hash"
FORMULA = "=HYPERLINK('https://evil.example','click')"
"""A spreadsheet would run it: the CSV download must neutralise it."""
QUOTES = [f"She said {IMG} twice", f"Then {SCRIPT} ran", f"See {LINK} now", MARKDOWN, FORMULA]
TABLE = "cell | cell\nnext line | --- |"
"""Would end a markdown table's cell or row if it were not escaped."""


def hostile_data(tmp_path: Path) -> Path:
    """The curated data plus a speaker, an issue and a source made of hostile strings."""
    data = copy_data(tmp_path)
    with (data / "speakers.yaml").open("a", encoding="utf-8") as registry:
        registry.write(
            f"  - id: mallory\n    name: {yaml_str(IMG + ' *Mallory*')}\n"
            f"    role: {yaml_str(SCRIPT)}\n    side: us\n"
        )
    with (data / "issues.yaml").open("a", encoding="utf-8") as registry:
        registry.write(
            f"  - id: hostile\n    title: {yaml_str(IMG + ' :red[title] | x')}\n"
            f"    description: {yaml_str(LINK)}\n"
        )
    source = {
        "title": yaml_str(SCRIPT + " headline"),
        "publisher": yaml_str(IMG),
        "event": yaml_str(MARKDOWN),
        "event_date": "'2016-04-01'",
        "event_date_basis": yaml_str(LINK),
        "notes": f"\n    - id: n1\n      text: {yaml_str(IMG + ' ' + LINK)}",
    }
    more = (
        "stances:\n  - issue: hostile\n    side: us\n    status: concern\n"
        f"    summary: {yaml_str(SCRIPT + ' ' + MARKDOWN + ' ' + TABLE)}\n    quotes: [hostile-0]\n"
        "next_steps:\n  - id: hostile-step\n    issue: hostile\n"
        f"    description: {yaml_str(IMG)}\n    demanded_by: [mallory]\n"
        f"    target: {{date: '2016-05', words: {yaml_str(SCRIPT)}}}\n"
    )
    add_source(data, "hostile", QUOTES, said="Mallory said", speaker="mallory", issue="hostile",
               source=source, more=more)  # fmt: skip
    return data


@pytest.fixture(scope="module")
def hostile_server(browser, tmp_path_factory):
    running = Server(data=hostile_data(tmp_path_factory.mktemp("hostile")))
    yield running
    running.stop()


def assert_nothing_injected(page) -> None:
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator('img[src="x"]').count() == 0
    assert page.locator('a[href^="javascript"]').count() == 0
    scripts = page.evaluate("() => [...document.scripts].map(s => s.textContent).join(' ')")
    assert "__pwned" not in scripts
    assert page.locator('[data-testid="stException"]').count() == 0


@pytest.mark.parametrize("path", PAGES)
def test_hostile_data_is_shown_as_text_on_every_page(hostile_server, browser, path) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 4000})
    page = open_app(context, f"{hostile_server.url}/{path}?issue=hostile")
    page.mouse.move(300, 300)
    assert_nothing_injected(page)
    context.close()


def test_hostile_quotes_read_literally(hostile_server, browser) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 4000})
    page = open_app(context, f"{hostile_server.url}/speakers?speaker=mallory")
    text = main_text(page)
    for shown in (IMG, SCRIPT, LINK, MARKDOWN, "*Mallory*"):
        assert shown in text
    expect(page.locator('[data-testid="stMain"]')).not_to_contain_text("window.__pwned='x'")
    assert_nothing_injected(page)
    context.close()


def test_hostile_text_stays_in_its_table_cell(hostile_server, browser) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 4000})
    page = open_app(context, f"{hostile_server.url}/?issue=hostile")
    rows = page.locator('[data-testid="stMain"] table tr')
    expect(rows).to_have_count(2)  # the header and the hostile issue's row
    cells = rows.nth(1).locator("td")
    expect(cells).to_have_count(3)
    expect(cells.nth(0)).to_have_text(IMG + " :red[title] | x")
    expect(cells.nth(1)).to_contain_text(SCRIPT + " " + MARKDOWN + " " + TABLE.replace("\n", " "))
    assert_nothing_injected(page)
    context.close()


def test_the_csv_download_neutralises_formulas(hostile_server, browser) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 2000}, accept_downloads=True)
    page = open_app(context, f"{hostile_server.url}/quotes?speaker=mallory")
    with page.expect_download() as download:
        page.get_by_text("Download CSV").click()
    rows = list(csv.DictReader(io.StringIO(download.value.path().read_text(encoding="utf-8"))))
    assert "'" + FORMULA in [row["text"] for row in rows]
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row.values())
    with page.expect_download() as download:
        page.get_by_text("Download JSON").click()
    records = json.loads(download.value.path().read_text(encoding="utf-8"))["quotes"]
    assert FORMULA in [record["text"] for record in records]  # JSON stays exact
    context.close()


HOSTILE_URLS = {
    "unknown ids": "?issue=atlantis&speaker=nobody&side=mars",
    "empty values": "?issue=&speaker=&side=",
    "10 kB value": "?issue=" + "a" * 10_000,
    "200 repeated": "?" + "&".join(f"speaker=s{n}" for n in range(200)),
    "script in value": "?issue=" + urlquote(IMG + SCRIPT),
}


@pytest.mark.parametrize("name", HOSTILE_URLS)
@pytest.mark.parametrize("path", ["", "quotes", "timeline"])
def test_hostile_links_render_with_a_notice(server, browser, name, path) -> None:
    context = browser.new_context()
    page = open_app(context, f"{server.url}/{path}{HOSTILE_URLS[name]}")
    assert_nothing_injected(page)
    notice = page.locator('[data-testid="stAlertContentWarning"]')
    expect(notice.first).to_contain_text("Ignored")
    assert page.locator("h1").count() == 1
    context.close()
