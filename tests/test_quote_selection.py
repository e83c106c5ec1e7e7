"""The Quotes page's choice of a quote follows the quote's id, never a row position (issue 10's
two defects: a traceback after tick-then-filter, and a citation of a quote never chosen)."""

from __future__ import annotations

import json

import pytest
from helpers.datafolder import curated_quotes
from helpers.devserver import ENTRY
from streamlit.testing.v1 import AppTest

pytestmark = pytest.mark.app

LAVROV = "lavrov-similar-approach"
BETTER = "kerry-better-understanding"
TEXT = {quote["id"]: quote["text"] for quote in curated_quotes()}


def quotes_page(**params: list[str]) -> AppTest:
    app = AppTest.from_file(ENTRY, default_timeout=60)
    for key, values in params.items():
        app.query_params[key] = values
    app.run()
    app.switch_page("pages/quotes.py").run()
    assert not app.exception, [e.message for e in app.exception]
    return app


def rows(app: AppTest) -> list[str]:
    return app.dataframe[0].value["text"].tolist() if app.dataframe else []


def row_of(app: AppTest, quote_id: str) -> int:
    """Where a quote stands in the table now (the table shows texts, not ids)."""
    return rows(app).index(TEXT[quote_id])


def tick(app: AppTest, row: int | None) -> AppTest:
    """Tick a row of the table (None: untick), as a reader's click does."""
    table = app.dataframe[0]
    chosen = [] if row is None else [row]
    app.session_state[table.key] = {"selection": {"rows": chosen, "columns": [], "cells": []}}
    return app.run()


def filter_by(app: AppTest, key: str, ids: list[str]) -> AppTest:
    app.session_state[key] = ids
    return app.run()


def errors(app: AppTest) -> list[str]:
    return [e.message for e in app.exception]


def citation(app: AppTest) -> str:
    codes = [str(e.value) for e in app.get("code")]
    return codes[1] if len(codes) > 1 else ""


def test_tick_then_search_shows_no_traceback() -> None:
    app = tick(quotes_page(), 4)
    app.text_input(key="q").set_value("Ukraine").run()
    assert errors(app) == []


def test_tick_then_issue_filter_shows_no_traceback() -> None:
    app = filter_by(tick(quotes_page(), 4), "issue", ["minsk"])
    assert errors(app) == []


def test_a_filter_that_hides_the_chosen_quote_keeps_it_and_says_so() -> None:
    page = quotes_page()
    app = tick(page, row_of(page, LAVROV))
    assert app.query_params["quote"] == LAVROV
    app = filter_by(app, "speaker", ["kerry"])
    assert errors(app) == []
    assert app.query_params["quote"] == LAVROV
    assert "Lavrov" in citation(app) and "Kerry" not in citation(app)
    assert any("hidden by the current filters" in e.value for e in app.info)


def ticked_rows(app: AppTest) -> list[int]:
    return json.loads(app.dataframe[0].proto.selection_default)["selection"]["rows"]


def test_the_tick_follows_the_chosen_quote_to_its_new_row() -> None:
    page = quotes_page()
    before = row_of(page, BETTER)
    app = filter_by(tick(page, before), "speaker", ["kerry"])
    row = row_of(app, BETTER)
    assert row != before
    assert ticked_rows(app) == [row]
    assert BETTER in citation(app)
    assert not any("hidden" in e.value for e in app.info)


def test_untick_clears_the_choice_and_the_url() -> None:
    app = tick(tick(quotes_page(), 1), None)
    assert "quote" not in app.query_params
    assert citation(app) == ""
    assert not [h for h in app.subheader if h.value == "Selected quote"]


def test_a_quote_can_be_chosen_without_the_table() -> None:
    app = quotes_page(speaker=["lavrov"])
    picker = app.selectbox[0]
    picker.set_value(LAVROV).run()
    assert app.query_params["quote"] == LAVROV
    assert "Sergey Lavrov" in citation(app)
