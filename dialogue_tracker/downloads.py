"""The Quotes page's downloads: the rows as shown with names beside ids, a file name that
carries the filters and the data version, and a codebook of every column."""

from __future__ import annotations

import json
from typing import Any, get_args

import pandas as pd
from pydantic import Field

from dialogue_tracker.catalog import Catalog
from dialogue_tracker.csv_cells import to_safe_csv
from dialogue_tracker.export_model import Row
from dialogue_tracker.filters import Filters
from dialogue_tracker.model import SourceKind
from dialogue_tracker.vocabulary import KEYS

SOURCE_KINDS = " or ".join(kind.replace("_", " ") for kind in get_args(SourceKind))


def column(meaning: str, allowed: str | None) -> Any:
    """A column of the downloads, with its codebook entry: its meaning and allowed values (None:
    the sides' registry gives them)."""
    return Field(description=meaning, json_schema_extra={"allowed": allowed})


class QuoteRow(Row):
    """One row of the downloads: its columns in order, each with its codebook entry."""

    id: str = column(
        "The quote's id; its permalink is /quotes?quote=<id>.", "lower-case letters, digits, -"
    )
    speaker: str | None = column(
        "Id of the speaker the source attributes the words to.", "a speaker id"
    )
    speaker_name: str = column("The speaker's name.", "text")
    side: str | None = column("Id of the speaker's side.", None)
    side_name: str = column("The side's name.", None)
    issues: tuple[str, ...] = column(
        "Ids of the issues the quote concerns, separated by '; '.", "issue ids"
    )
    issue_titles: str = column("The issues' titles, separated by ', '.", "text")
    text: str = column("The quoted words, character for character as in the source.", "text")
    source: str = column(f"Id of the source ({SOURCE_KINDS}) that quotes them.", "a source id")
    source_title: str = column("The source's title.", "text")
    meeting_date: str = column(
        "Date of the meeting the source reports, at the precision known.",
        "YYYY, YYYY-MM or YYYY-MM-DD",
    )
    paragraph: int = column(
        "Paragraph of the source's text where the quote stands (from 1).", "integer"
    )
    start: int = column("Offset of the quote's first character in the source's text.", "integer")
    end: int = column("Offset just after the quote's last character.", "integer")
    attribution: str | None = column("The source's own words that attribute the quote.", "text")
    attribution_note: str | None = column(
        "How the curator settled an indirect attribution.", "text or empty"
    )
    reported_via: str | None = column(
        "Through whom the source reports the words, e.g. Interfax.", "text or empty"
    )
    translated: bool | None = column(
        "Whether the source says the words are a translation.",
        "true, false, or empty when it does not say",
    )
    permalink: str = column("The quote's version-pinned permalink in the app.", "URL")
    data_version: str = column("Fingerprint of the data files the rows come from.", "12 hex digits")


COLUMNS = list(QuoteRow.model_fields)


def rows(quotes: pd.DataFrame, catalog: Catalog, permalink) -> list[dict]:
    """The rows shown, in order, with every codebook column; `permalink(id)` gives the link."""
    shown = quotes.rename(columns={"date": "meeting_date"}).to_dict("records")
    return [
        QuoteRow(**r, permalink=permalink(r["id"]), data_version=catalog.version).model_dump(
            mode="json"
        )
        for r in shown
    ]


def as_csv(records: list[dict]) -> bytes:
    table = pd.DataFrame(records, columns=COLUMNS, dtype=object)
    table["issues"] = table["issues"].map("; ".join)
    return to_safe_csv(table).encode("utf-8")


def as_json(records: list[dict], catalog: Catalog, filters: Filters, search: str) -> bytes:
    """The rows under a metadata block: data version, filters, search, and the codebook."""
    document = {
        "metadata": {
            "data_version": catalog.version,
            "filters": filters.to_params(),
            "search": search,
            "rows": len(records),
            "codebook": codebook(catalog),
        },
        "quotes": records,
    }
    return json.dumps(document, indent=2, ensure_ascii=False).encode("utf-8")


def codebook(catalog: Catalog) -> dict[str, dict[str, str]]:
    """Every column's meaning and allowed values, the sides' as the registry names them."""
    sides = catalog.sides.values()
    registry = {
        "side": ", ".join(side.id for side in sides),
        "side_name": ", ".join(side.short_name for side in sides),
    }
    return {
        name: {
            "meaning": field.description,
            "allowed values": field.json_schema_extra["allowed"] or registry[name],
        }
        for name, field in QuoteRow.model_fields.items()
    }


def codebook_text(catalog: Catalog) -> bytes:
    """The codebook as a plain README to keep beside the CSV."""
    lines = [
        "Dialogue Tracker: quotes download, codebook",
        f"Data version: {catalog.version}",
        "One row per quote, in the order shown in the app. Columns:",
        "",
    ]
    lines += [
        f"{column}\n    {entry['meaning']}\n    Allowed values: {entry['allowed values']}"
        for column, entry in codebook(catalog).items()
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def file_name(kind: str, filters: Filters, version: str, extension: str) -> str:
    """e.g. quotes_speaker-lavrov_ba871211.csv: what the file holds, its filters, its data."""
    parts = [kind, *(f"{key}-{'+'.join(filters.ids(key))}" for key in KEYS if filters.ids(key))]
    return "_".join([*parts, version[:8]]) + f".{extension}"
