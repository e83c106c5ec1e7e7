"""The reader's journey, server side: a seeded random walk of 200 actions per seed through
AppTest (filters set and cleared, searches, ticks and unticks, picks, permalinks, page switches).
After every action: no exception; the chosen quote is the one the reader chose, ticked on its
row when in view, else said to be hidden; and the view opened afresh from what the URL carries
(the filters' ids, the search, `?quote=`) is the same. The browser twin adds Back and the real
URL: test_journey_browser.py. Replay a failure with JOURNEY_SEED=<seed>."""

from __future__ import annotations

import json
import os

import pytest
from helpers.journey import IDS, Walk
from helpers.pages import open_page
from streamlit.testing.v1 import AppTest

from dialogue_tracker.loader import load_catalog
from dialogue_tracker.paths import DATA

pytestmark = pytest.mark.app

# A row names its quote by words and source (two sources may hold the same words).
QUOTE_IDS = {
    (quote.text, entry.record.title): quote.id for entry, quote in load_catalog(DATA).quotes()
}
SEEDS = [int(os.environ["JOURNEY_SEED"])] if "JOURNEY_SEED" in os.environ else [10, 11]
STEPS = 200


class Reader:
    """The app as one reader drives it, and what that reader chose."""

    def __init__(self, page: str = "overview", **params) -> None:
        self.page = page
        self.app = open_page(page, **params)
        self.chosen: str | None = params.get("quote")

    # --- what the reader sees
    def table_ids(self) -> list[str]:
        table = self._table()
        if not table:
            return []
        rows = zip(table.value["text"], table.value["source_title"], strict=True)
        return [QUOTE_IDS[row] for row in rows]

    def _table(self):
        tables = self.app.dataframe
        return next((t for t in tables if (t.key or "").startswith("quote_table")), None)

    def filters(self) -> dict[str, list[str]]:
        return {key: list(self.app.sidebar.multiselect(key=key).value) for key in IDS}

    def url(self) -> dict[str, list[str]]:
        """What the address bar carries: the filters' ids, the search, the chosen quote."""
        params = {key: ids for key, ids in self.filters().items() if ids}
        if self.page == "quotes" and self.app.text_input(key="q").value:
            params["q"] = [self.app.text_input(key="q").value]
        for key in ("quote", "show"):  # the page's own, unbound parameters
            if key in self.app.query_params:
                params[key] = [self.app.query_params[key]]
        return params

    # --- what the reader does
    def act(self, action: tuple) -> None:
        kind, *args = action
        app = self.app
        if kind == "filter":
            app.sidebar.multiselect(key=f"{args[0]}_names").set_value(args[1]).run()
        elif kind == "clear" and args[0] == "all":
            buttons = [b for b in app.button if b.label == "Clear filters"]
            if buttons:
                buttons[0].click().run()
        elif kind == "clear":
            app.sidebar.multiselect(key=f"{args[0]}_names").set_value([]).run()
        elif kind == "page":
            self.page = args[0]
            for key in ("quote", "show"):  # unbound parameters: dropped on a switch
                app.query_params.pop(key, None)
            self.chosen = None
            app.switch_page(f"pages/{args[0]}.py").run()
        elif kind == "search":
            app.text_input(key="q").set_value(args[0]).run()
        elif kind == "tick":
            self.chosen = self.table_ids()[args[0]]
            self._tick([args[0]])
        elif kind == "untick":
            if self.chosen in self.table_ids():
                self._tick([])
            else:
                next(b for b in app.button if b.label == "Clear the choice").click().run()
            self.chosen = None
        elif kind == "pick":
            self.chosen = self.table_ids()[args[0]]
            picker = next(s for s in app.selectbox if s.label.startswith("Choose a quote"))
            picker.set_value(self.chosen).run()
        elif kind == "permalink":
            self.chosen = self.chosen or self.table_ids()[0] if self.table_ids() else self.chosen
            params = {**self.url(), **({"quote": [self.chosen]} if self.chosen else {})}
            self.app = open_page("quotes", **params)

    def _tick(self, rows: list[int]) -> None:
        state = {"selection": {"rows": rows, "columns": [], "cells": []}}
        self.app.session_state[self._table().key] = state
        self.app.run()

    def ticked(self) -> list[int]:
        """The rows ticked on screen: the reader's tick, else the table's own default."""
        table = self._table()
        try:
            return list(self.app.session_state[table.key]["selection"]["rows"])
        except KeyError:
            default = json.loads(table.proto.selection_default or "{}")
            return default.get("selection", {}).get("rows", [])

    # --- what must hold
    def check(self) -> None:
        app = self.app
        assert not app.exception, [e.message for e in app.exception]
        assert not app.error, [e.value for e in app.error]  # the page's own crash message
        if self.page != "quotes":
            return
        shown = app.query_params.get("quote")
        assert shown == self.chosen, f"the page cites {shown!r}, the reader chose {self.chosen!r}"
        selected = any(h.value == "Selected quote" for h in app.subheader)
        assert selected == bool(self.chosen)
        if not self.chosen:
            return
        code = " ".join(str(c.value) for c in app.get("code"))
        assert f"quote={self.chosen}" in code
        ids = self.table_ids()
        hidden = any("hidden by the current filters" in i.value for i in app.info)
        if self.chosen in ids:
            assert self.ticked() == [ids.index(self.chosen)] and not hidden
        else:
            assert hidden, "the chosen quote is out of view and the page does not say so"

    def check_fresh(self) -> None:
        """The URL, opened afresh, shows the same view."""
        fresh = open_page(self.page, **self.url())
        assert view(fresh) == view(self.app), f"fresh view of {self.url()} differs"


def view(app: AppTest) -> list:
    """What a reader reads: headings, texts, tables, codes, notices, the filters."""
    kinds = ("title", "header", "subheader", "markdown", "caption", "info", "warning")
    parts = [e.value for kind in kinds for e in app.get(kind)]
    parts += [str(e.value) for e in app.get("code")]
    parts += [frame.value.to_csv() for frame in app.dataframe]
    parts += [list(app.sidebar.multiselect(key=key).value) for key in IDS]
    return parts


@pytest.mark.parametrize("seed", SEEDS)
def test_reader_journey(seed: int) -> None:
    walk = Walk(seed, STEPS)
    reader = Reader()
    for _ in range(STEPS):
        ids = reader.table_ids() if reader.page == "quotes" else []
        action = walk.next_action(reader.page, len(ids), bool(reader.chosen))
        walk.record(action)
        try:
            reader.act(action)
            reader.check()
            reader.check_fresh()
        except AssertionError as error:
            pytest.fail(f"{error}\n{walk.replay()}")
    print(f"reader journey, seed {seed}: {len(walk.log)} actions ({walk.counts()})")
