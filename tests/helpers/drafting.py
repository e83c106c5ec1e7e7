"""The small test articles (tests/articles/) and drafts of them on the curated registries."""

from __future__ import annotations

from pathlib import Path

from dialogue_tracker.draft.pipeline import Draft, Options, Registry, make_draft
from dialogue_tracker.loader import load_catalog
from dialogue_tracker.paths import DATA

ARTICLES = Path(__file__).resolve().parent.parent / "articles"


def draft_of(name: str, date: str | None = "2016-03-24") -> Draft:
    catalog = load_catalog(DATA)
    raw = (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")
    return make_draft(raw, Options(name, date=date), Registry.of(catalog))


def quote_starting(draft: Draft, words: str):
    found = [quote for quote in draft.quotes if quote.text.startswith(words)]
    assert len(found) == 1, [quote.text for quote in draft.quotes]
    return found[0]
