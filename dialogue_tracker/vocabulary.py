"""The reader's words for the filters' ids: names to show, and names, aliases and keywords to
read back (`?speaker=Lavrov`, `?issue=Minsk`, typing "Sergei", "Ukraine" or "Kremlin")."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from dialogue_tracker.catalog import Catalog

KEYS = {"issue": "issues", "speaker": "speakers", "side": "sides"}
"""The one table of filter keys: URL parameter (and CLI option, sidebar widget) → field."""


def registry(catalog: Catalog, key: str) -> Mapping:
    """The records a filter key chooses among, by id."""
    return {"issue": catalog.issues, "speaker": catalog.speakers, "side": catalog.sides}[key]


def label(catalog: Catalog, key: str, id_: str) -> str:
    """How a filter value is shown: "Sergey Lavrov (Russia)", "Minsk agreements", "Russia"."""
    record = registry(catalog, key)[id_]
    if key == "speaker":
        return f"{record.name} ({catalog.sides[record.side].name})"
    return record.title if key == "issue" else record.name


def terms(catalog: Catalog, key: str, id_: str) -> tuple[str, ...]:
    """Every word a reader may use for the value: id, name, aliases, keywords, a side's short
    name and the other words the sources use for it ("Kremlin", "Washington")."""
    record = registry(catalog, key)[id_]
    extra = {
        "speaker": lambda: record.aliases,
        "issue": lambda: record.keywords,
        "side": lambda: (record.short_name, *record.words),
    }[key]()
    return (id_, label(catalog, key, id_), getattr(record, "name", ""), *extra)


def search_label(catalog: Catalog, key: str, id_: str) -> str:
    """An issue's or side's label followed by all its other words, so that typing any of them
    finds it: "Ukraine" finds "Minsk agreements", "Kremlin" finds "Russia", "Washington" the
    United States (the sidebar's search matches the label). A word that the label or a longer
    word already holds, case and a final "s" or "'s" aside, is left out: "US" (in "White
    House"), "America" and "America's" (in "American"), "cyber crimes" (in "Cyber crime"). A
    speaker's label is the name alone: the search finds "Sergei" in "Sergey Lavrov" by its
    fuzzy match, and links are read by alias."""
    shown = label(catalog, key, id_)
    if key == "speaker":
        return shown
    words: dict[str, str] = {}
    for term in terms(catalog, key, id_)[3:]:
        words.setdefault(_bare(term), term)
    more = [
        term
        for bare, term in words.items()
        if bare not in shown.casefold()
        and not any(bare != other and bare in other for other in words)
    ]
    return f"{shown} · also: {', '.join(more)}" if more else shown


def _bare(word: str) -> str:
    """A word with its case, and a plural or possessive ending, set aside."""
    return re.sub(r"['’]?s$", "", word.casefold())


def resolve(catalog: Catalog, key: str, values: Iterable[str]) -> tuple[list[str], list[str]]:
    """The ids that URL values name (an id, a name, alias or keyword, in any case), and the
    values that name nothing."""
    lookup: dict[str, str] = {}
    for id_ in reversed(list(registry(catalog, key))):  # the first id wins a shared term
        for term in terms(catalog, key, id_):
            lookup[term.casefold()] = id_
    for id_ in registry(catalog, key):
        lookup[id_.casefold()] = id_
    ids: list[str] = []
    unknown: list[str] = []
    for value in values:
        found = lookup.get(value.strip().casefold())
        if found is None:
            unknown.append(value)
        elif found not in ids:
            ids.append(found)
    return ids, unknown
