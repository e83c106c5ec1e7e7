"""data/schema.json and data/export.schema.json are generated from the models and committed; every
YAML file names the first."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from helpers.datafolder import DATA

from dialogue_tracker.schema import SCHEMA_FILE, SCHEMAS, schema_text

pytestmark = pytest.mark.unit

SCHEMA = DATA / SCHEMA_FILE
YAML_FILES = sorted(DATA.rglob("*.yaml"))
HEADER = "# yaml-language-server: $schema="


@pytest.mark.parametrize("name", SCHEMAS)
def test_committed_schema_matches_the_models(name: str) -> None:
    assert (DATA / name).read_text(encoding="utf-8") == schema_text(name), (
        f"data/{name} is out of date; run: python -m dialogue_tracker schema"
    )


def test_schema_covers_every_kind_of_file() -> None:
    kinds = set(json.loads(schema_text(SCHEMA_FILE))["$defs"])
    assert {"SidesFile", "SpeakersFile", "IssuesFile", "ContextFile", "SourceFile"} <= kinds


def test_there_are_yaml_files() -> None:
    names = {path.relative_to(DATA).as_posix() for path in YAML_FILES}
    assert {"sides.yaml", "speakers.yaml", "issues.yaml", "context.yaml"} <= names
    assert any(name.startswith("sources/") for name in names)


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda path: path.relative_to(DATA).as_posix())
def test_yaml_file_names_the_schema_on_its_first_line(path: Path) -> None:
    first_line = path.read_text(encoding="utf-8").split("\n", 1)[0]
    relative = Path(os.path.relpath(SCHEMA, path.parent)).as_posix()
    assert first_line == f"{HEADER}{relative}"
    assert (path.parent / first_line.removeprefix(HEADER)).resolve() == SCHEMA.resolve()
