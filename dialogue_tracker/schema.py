"""The JSON Schemas generated from the models and committed in `data/`: one for the data files,
one for the export."""

from __future__ import annotations

import json
import operator
from collections.abc import Callable
from functools import reduce

from pydantic import TypeAdapter

from dialogue_tracker.export_model import Export
from dialogue_tracker.model import REGISTRY_FILES, SourceFile

SCHEMA_FILE = "schema.json"
EXPORT_SCHEMA_FILE = "export.schema.json"
DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema"


def json_schema() -> dict:
    kinds = (*REGISTRY_FILES.values(), SourceFile)
    schema = TypeAdapter(reduce(operator.or_, kinds)).json_schema()
    return {
        "$schema": DRAFT_2020_12,
        "title": "Dialogue Tracker data file",
        "description": "A registry (sides, speakers, issues, context) or one source's records.",
        **schema,
    }


def export_schema() -> dict:
    return {"$schema": DRAFT_2020_12, **Export.model_json_schema(mode="serialization")}


SCHEMAS: dict[str, Callable[[], dict]] = {
    SCHEMA_FILE: json_schema,
    EXPORT_SCHEMA_FILE: export_schema,
}
"""Each committed schema file of `data/` and what makes it."""


def schema_text(name: str) -> str:
    return json.dumps(SCHEMAS[name](), indent=2, ensure_ascii=False) + "\n"
