"""Load a data folder: read every YAML file, validate it, check references and provenance.

`load_catalog` either returns a `Catalog` or raises `DataError` listing every problem found, each
with its file, line and field, so that a curator sees all of them at once.
"""

from __future__ import annotations

import difflib
import hashlib
from pathlib import Path
from types import MappingProxyType
from typing import Any, get_args

from pydantic import BaseModel, ValidationError

from dialogue_tracker.catalog import Catalog, SourceEntry
from dialogue_tracker.model import REGISTRY_FILES, Record, SourceFile
from dialogue_tracker.problems import DataError, Problem, field_name
from dialogue_tracker.provenance import explain_mismatch, locate
from dialogue_tracker.references import check_references
from dialogue_tracker.yaml_reader import YamlFile


class Parsed:
    """One YAML file, validated against its model (`record` is None when it did not validate)."""

    def __init__(self, path: Path, shown_as: str, model: type[Record]) -> None:
        self.path = path
        self.file = YamlFile(path, shown_as)
        self.problems = list(self.file.problems)
        self.record: Any = None
        if not self.problems:
            self._validate(model)

    def problem(self, location: tuple[str | int, ...], message: str) -> Problem:
        return Problem(
            self.file.shown_as, self.file.line_of(location), field_name(location), message
        )

    def _validate(self, model: type[Record]) -> None:
        if not isinstance(self.file.value, dict):
            kind = type(self.file.value).__name__
            self.problems.append(self.problem((), f"expected a mapping at the top, found a {kind}"))
            return
        try:
            self.record = model.model_validate(self.file.value)
        except ValidationError as error:
            self.problems += [self._from_pydantic(model, item) for item in error.errors()]

    def _from_pydantic(self, model: type[BaseModel], item: Any) -> Problem:
        location = _data_location(self.file.value, item["loc"])
        message = item["msg"]
        if item["type"] == "missing":
            location = (*location, item["loc"][-1])
            message = "required field is missing"
        elif item["type"] == "extra_forbidden":
            message = _unknown_field_message(model, location)
        elif item["type"] == "literal_error":
            message = f"{item['input']!r} is not allowed; {message[0].lower()}{message[1:]}"
        return self.problem(location, message)


def load_catalog(data_dir: Path) -> Catalog:
    """Load and check everything in `data_dir`; raise `DataError` listing every problem."""
    shown = data_dir.name or str(data_dir)
    problems: list[Problem] = []
    if not data_dir.is_dir():
        raise DataError(
            [Problem(str(data_dir), None, "(folder)", "the data folder does not exist")]
        )
    registries = {}
    for name, model in REGISTRY_FILES.items():
        path = data_dir / name
        if not path.is_file():
            problems.append(Problem(f"{shown}/{name}", None, "(file)", "the file is missing"))
            continue
        registries[name] = Parsed(path, f"{shown}/{name}", model)
    problems += _unexpected_files(data_dir, shown)
    sources = [
        Parsed(path, f"{shown}/sources/{path.name}", SourceFile)
        for path in sorted((data_dir / "sources").glob("*.yaml"))
    ]
    for parsed in [*registries.values(), *sources]:
        problems += parsed.problems
    if problems:
        raise DataError(problems)
    texts = {parsed.record.source.id: _read_text(parsed, problems) for parsed in sources}
    problems += check_references(registries, sources)
    entries = [_entry(parsed, texts[parsed.record.source.id], problems) for parsed in sources]
    if problems:
        raise DataError(problems)
    return _catalog(registries, entries, data_dir)


def _unexpected_files(data_dir: Path, shown: str) -> list[Problem]:
    known = {*REGISTRY_FILES, "schema.json"}
    return [
        Problem(f"{shown}/{path.name}", None, "(file)", "unexpected file; sources go in sources/")
        for path in sorted(data_dir.glob("*.y*ml"))
        if path.name not in known
    ]


def _read_text(parsed: Parsed, problems: list[Problem]) -> str | None:
    name = parsed.record.source.text_file
    location = ("source", "text_file")
    path = parsed.path.parent / name
    if not path.is_file():
        problems.append(parsed.problem(location, f"the text file {name} does not exist"))
        return None
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        problems.append(parsed.problem(location, f"{name} is not UTF-8 (byte {error.start})"))
        return None
    if not text.strip():
        problems.append(parsed.problem(location, f"the text file {name} is empty"))
        return None
    return text


def _entry(parsed: Parsed, text: str | None, problems: list[Problem]) -> SourceEntry | None:
    record: SourceFile = parsed.record
    if text is None:
        return None
    spans = {}
    for index, quote in enumerate(record.quotes):
        span = locate(quote.text, text)
        if span is None:
            problems.append(
                parsed.problem(("quotes", index, "text"), explain_mismatch(quote.text, text))
            )
        spans[quote.id] = span
    return SourceEntry(
        record=record.source,
        text=text,
        quotes=record.quotes,
        stances=record.stances,
        next_steps=record.next_steps,
        spans=MappingProxyType(spans),
    )


def _catalog(registries: dict[str, Parsed], entries: list[SourceEntry], data_dir: Path) -> Catalog:
    def by_id(name: str, key: str) -> MappingProxyType:
        return MappingProxyType({item.id: item for item in getattr(registries[name].record, key)})

    return Catalog(
        sides=by_id("sides.yaml", "sides"),
        speakers=by_id("speakers.yaml", "speakers"),
        issues=by_id("issues.yaml", "issues"),
        milestones=tuple(
            sorted(registries["context.yaml"].record.milestones, key=lambda m: m.date)
        ),
        sources=tuple(sorted(entries, key=lambda entry: (entry.record.event_date, entry.id))),
        version=data_version(data_dir),
    )


def data_version(data_dir: Path) -> str:
    """A short fingerprint of the data files' contents, cited with every quote."""
    digest = hashlib.sha256()
    for path in sorted(data_dir.rglob("*")):
        if path.is_file() and path.suffix in (".yaml", ".txt"):
            digest.update(path.relative_to(data_dir).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _data_location(value: Any, loc: tuple) -> tuple[str | int, ...]:
    """The part of a pydantic error location that exists in the data (drops union tags)."""
    location: list[str | int] = []
    for part in loc:
        in_list = isinstance(value, list) and isinstance(part, int) and part < len(value)
        if not (in_list or (isinstance(value, dict) and part in value)):
            break
        value = value[part]
        location.append(part)
    return tuple(location)


def _unknown_field_message(model: type[BaseModel], location: tuple[str | int, ...]) -> str:
    allowed = sorted(_fields_at(model, location[:-1]))
    close = difflib.get_close_matches(str(location[-1]), allowed, n=1)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return f"unknown field{hint} (allowed: {', '.join(allowed)})"


def _fields_at(model: type[BaseModel], location: tuple[str | int, ...]) -> set[str]:
    """The field names of the model found by walking `location` through `model`'s fields."""
    current: Any = model
    for part in location:
        if isinstance(part, str):
            current = _record_in(current.model_fields[part].annotation)
    return set(current.model_fields)


def _record_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next(filter(None, (_record_in(arg) for arg in get_args(annotation))), None)
