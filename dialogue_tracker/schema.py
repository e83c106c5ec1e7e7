"""The JSON Schema of all data files, generated from the model."""

from __future__ import annotations

import json
import operator
from functools import reduce

from pydantic import TypeAdapter

from dialogue_tracker.model import REGISTRY_FILES, SourceFile

SCHEMA_FILE = "schema.json"


def json_schema() -> dict:
    kinds = (*REGISTRY_FILES.values(), SourceFile)
    schema = TypeAdapter(reduce(operator.or_, kinds)).json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Dialogue Tracker data file",
        "description": "A registry (sides, speakers, issues, context) or one source's records.",
        **schema,
    }


def schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
