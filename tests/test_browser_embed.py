"""One issue's card embedded in another site's 600×400 frame (`/issue?issue=syria&embed=true`,
Streamlit's embed option), as only a browser shows it: no sidebar, no sideways scrolling, the
heading and both sides' stances inside the frame, the two cards side by side."""

from __future__ import annotations

import pytest
from helpers.browser import Console, open_app, scrolls_sideways
from helpers.datafolder import DATA
from playwright.sync_api import expect

from dialogue_tracker.frames import build_frames, current_stances
from dialogue_tracker.loader import load_catalog
from dialogue_tracker.ui.cards import STATUS

pytestmark = pytest.mark.browser

WIDTH, HEIGHT = 600, 400
EMBED = "issue?issue=syria&embed=true"


def stance_labels(issue: str) -> list[str]:
    """Each side's current stance on the issue as its card labels it, e.g. "Russia: Concern"."""
    catalog = load_catalog(DATA)
    stances = current_stances(build_frames(catalog).stances)
    rows = stances[stances["issue"] == issue].sort_values("side").to_dict("records")
    return [f"{row['side_name']}: {STATUS[row['status']][0]}" for row in rows]


@pytest.fixture
def card(browser, server):
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT})
    console = Console()
    yield open_app(context, f"{server.url}/{EMBED}", console), console
    context.close()


def inside_the_frame(locator) -> bool:
    box = locator.bounding_box()
    return (
        box is not None
        and 0 <= box["x"] <= box["x"] + box["width"] <= WIDTH
        and 0 <= box["y"] <= box["y"] + box["height"] <= HEIGHT
    )


def test_the_embedded_card_reads_in_a_600_by_400_frame(card) -> None:
    page, console = card
    main = page.locator('[data-testid="stMain"]')
    expect(page.locator('[data-testid="stSidebar"]')).to_have_count(0)
    expect(page.locator('[data-testid="stSidebarCollapsedControl"]')).to_have_count(0)
    assert not scrolls_sideways(page)
    assert inside_the_frame(main.get_by_role("heading", name="Syria", exact=True))
    labels = stance_labels("syria")
    assert len(labels) == 2
    for label in labels:
        assert inside_the_frame(main.get_by_text(label, exact=True)), label
    left, right = (c.bounding_box() for c in main.locator('[data-testid="stColumn"]').all())
    assert left["x"] + left["width"] <= right["x"]  # side by side, not overlapping
    assert left["y"] == right["y"]
    expect(main).to_contain_text("Next steps, context, history and citations")
    expect(main).not_to_contain_text("Issue shown on this page")  # the card alone
    assert console.errors == []
