"""Page furniture is removed line by line; every other character of the page is kept."""

from __future__ import annotations

import pytest
from helpers.datafolder import SEED_TEXT

from dialogue_tracker.draft.text import clean, furniture_kind

pytestmark = pytest.mark.unit

RAW_PAGE_TAIL = "\n15205 views\nПоделиться:\nPrint:"  # how the seed page ended, unterminated


def test_the_seed_page_cleans_to_the_curated_text_byte_for_byte() -> None:
    curated = SEED_TEXT.read_text(encoding="utf-8")
    cleaned = clean(curated + RAW_PAGE_TAIL)
    assert cleaned.text.encode("utf-8") == SEED_TEXT.read_bytes()
    assert [(r.text, r.kind) for r in cleaned.removed] == [
        ("15205 views", "view counter"),
        ("Поделиться:", "share or print label"),
        ("Print:", "share or print label"),
    ]
    assert [r.line for r in cleaned.removed] == [34, 35, 36]


def test_a_text_without_furniture_is_left_exactly_as_it_is() -> None:
    curated = SEED_TEXT.read_text(encoding="utf-8")
    cleaned = clean(curated)
    assert cleaned.text == curated
    assert cleaned.removed == ()


def test_furniture_inside_the_article_leaves_one_paragraph_break() -> None:
    raw = "Title\n\nFirst paragraph.\n\nAdvertisement\n\nLatest Headlines\n\nSecond one.\n"
    cleaned = clean(raw)
    assert cleaned.text == "Title\n\nFirst paragraph.\n\nSecond one.\n"
    assert [r.text for r in cleaned.removed] == ["Advertisement", "Latest Headlines"]


def test_line_endings_and_odd_spacing_survive() -> None:
    raw = "Title\r\n\r\n  Indented\u00a0paragraph.  \r\nShare:\r\n"
    assert clean(raw).text == "Title\r\n\r\n  Indented\u00a0paragraph.  \r\n"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("15205 views", "view counter"),
        ("1,204 views", "view counter"),
        ("Поделиться:", "share or print label"),
        ("Print:", "share or print label"),
        ("Share:", "share or print label"),
        ("Share this article", "share or print label"),
        ("Advertisement", "advertisement"),
        ("Latest Headlines", "navigation"),
        ("Home | World | Europe", "navigation"),
        ("News » Politics » Russia", "navigation"),
        ("Tags: Syria, Lavrov, Kerry", "tags"),
    ],
)
def test_furniture_lines_are_recognised(line: str, kind: str) -> None:
    assert furniture_kind(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "Moscow and Washington agree on preservation and intensification of bilateral dialogue",
        "Views on Syria differ",
        "15205",
        "Print media reported the talks.",
        '"Share the burden," Kerry said.',
        "Kerry | Lavrov",
        "Lavrov: we agreed on Syria.",
    ],
)
def test_article_lines_are_not_furniture(line: str) -> None:
    assert furniture_kind(line) is None
