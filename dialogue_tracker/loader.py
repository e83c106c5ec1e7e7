"""Load a data folder: read every YAML file, validate it, check references and provenance.

`load_catalog` either returns a `Catalog` or raises `DataError` listing every problem found, each
with its file, line and field, so that a curator sees all of them at once.
"""

from __future__ import annotations

import difflib
import hashlib
import os
from pathlib import Path
from types import MappingProxyType
from typing import Any, get_args

from pydantic import BaseModel, ValidationError

from dialogue_tracker.catalog import Catalog, SourceEntry
from dialogue_tracker.data_files import Refused, is_regular, read_capped
from dialogue_tracker.draft.quotes import find_passages
from dialogue_tracker.model import (
    PATTERN_HELP,
    REGISTRY_FILES,
    Record,
    SourceFile,
    Speaker,
    SpeakersFile,
)
from dialogue_tracker.problems import DataError, Problem, field_name
from dialogue_tracker.provenance import explain_mismatch, locate, paragraph_at
from dialogue_tracker.references import check_references
from dialogue_tracker.yaml_reader import YamlFile


class Parsed:
    """One YAML file, validated against its model (`record` is None when it did not validate)."""

    def __init__(self, path: Path, shown_as: str, model: type[Record], root: Path) -> None:
        self.path = path
        self.root = root
        self.file = YamlFile(path, shown_as, root)
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
            keys = ", ".join(model.model_fields)
            found = _kind(self.file.value)
            self.problems.append(
                self.problem((), f"expected a mapping at the top (keys: {keys}), found {found}")
            )
            return
        try:
            self.record = model.model_validate(self.file.value)
        except ValidationError as error:
            self.problems += self._from_pydantic(model, error.errors())

    def _from_pydantic(self, model: type[BaseModel], items: list[Any]) -> list[Problem]:
        found: list[tuple[tuple, str, Problem]] = []
        typos = set()
        for item in items:
            location = _data_location(self.file.value, item["loc"])
            if item["type"] == "missing":
                location = (*location, item["loc"][-1])
                message = "required field is missing"
            elif item["type"] == "extra_forbidden":
                message, close = _unknown_field_message(model, location)
                typos.add((*location[:-1], close))
            else:
                message = _pydantic_message(item)
            found.append((location, item["type"], self.problem(location, message)))
        # "unknown field; did you mean 'speaker'?" already says that `speaker` is missing.
        return [problem for loc, kind, problem in found if not (kind == "missing" and loc in typos)]


DRAFTS = "drafts"
"""The folder of drafts (`python -m dialogue_tracker draft`), read only when asked for."""


def load_catalog(data_dir: Path, include_drafts: bool = False) -> Catalog:
    """Load and check everything in `data_dir`; raise `DataError` listing every problem.

    Drafts (`drafts/*.yaml`) are left alone unless `include_drafts`: then each is checked like a
    source and becomes a `SourceEntry` with `draft=True`, and its speaker stubs join the
    catalog's speakers (where speakers.yaml has no speaker of that id).
    """
    shown = data_dir.name or str(data_dir)
    problems: list[Problem] = []
    if not data_dir.is_dir():
        raise DataError(
            [Problem(str(data_dir), None, "(folder)", "the data folder does not exist")]
        )
    registries = {}
    for name, model in REGISTRY_FILES.items():
        path = data_dir / name
        if not os.path.lexists(path):
            problems.append(Problem(f"{shown}/{name}", None, "(file)", "the file is missing"))
            continue
        registries[name] = Parsed(path, f"{shown}/{name}", model, data_dir)
    problems += _unexpected_files(data_dir, shown)
    sources = [
        Parsed(path, f"{shown}/sources/{path.name}", SourceFile, data_dir)
        for path in sorted((data_dir / "sources").glob("*.yaml"))
    ]
    drafts = [
        Parsed(path, f"{shown}/{DRAFTS}/{path.name}", SourceFile, data_dir)
        for path in draft_files(data_dir)
    ]
    drafts = drafts if include_drafts else []
    for parsed in [*registries.values(), *sources, *drafts]:
        problems += parsed.problems
    # Check what did validate too, so that the curator sees every problem at once.
    valid = [parsed for parsed in sources if parsed.record is not None]
    valid_drafts = [parsed for parsed in drafts if parsed.record is not None]
    problems += _draft_fields_in_sources(valid)
    texts = [_read_text(parsed, problems) for parsed in [*valid, *valid_drafts]]
    stubs: list[Speaker] = []
    if len(registries) == len(REGISTRY_FILES) and all(r.record for r in registries.values()):
        stubs = _stubs(registries, valid_drafts, problems)
        problems += check_references(_with_stubs(registries, stubs), [*valid, *valid_drafts])
    entries = [
        _entry(parsed, text, problems, draft=parsed in valid_drafts)
        for parsed, text in zip([*valid, *valid_drafts], texts, strict=True)
    ]
    if problems:
        raise DataError(problems)
    return _catalog(registries, entries, data_dir, stubs, include_drafts)


def draft_files(data_dir: Path) -> list[Path]:
    """The drafts waiting in `data_dir/drafts/`, e.g. to offer the app's 'show drafts' switch."""
    return sorted((data_dir / DRAFTS).glob("*.yaml"))


UNATTRIBUTED = {
    "speaker": "give the id of the speaker the source attributes the words to",
    "attribution": "give the source's words that attribute the quote, e.g. 'he added'",
}
"""A published quote's fields that only a draft may leave null, and what to write instead."""


def _draft_fields_in_sources(sources: list[Parsed]) -> list[Problem]:
    """Published sources carry no speaker stubs, no record still marked for review and no quote
    without its speaker."""
    problems = []
    for parsed in sources:
        if parsed.record.speakers:
            message = "speaker stubs belong to drafts; add the speakers to speakers.yaml instead"
            problems.append(parsed.problem(("speakers",), message))
        for key in ("quotes", "stances", "next_steps"):
            for index, item in enumerate(getattr(parsed.record, key)):
                if item.review:
                    message = "review: true marks a draft's record; check it, then remove the flag"
                    problems.append(parsed.problem((key, index, "review"), message))
        for index, quote in enumerate(parsed.record.quotes):
            for field, wanted in UNATTRIBUTED.items():
                if getattr(quote, field) is None:
                    message = f"null marks a draft's quote with no speaker found; {wanted}"
                    problems.append(parsed.problem(("quotes", index, field), message))
    return problems


def _stubs(registries: dict[str, Parsed], drafts: list[Parsed], problems: list) -> list[Speaker]:
    """The drafts' speaker stubs that speakers.yaml lacks (the first draft's, for an id in two)."""
    registered = {speaker.id for speaker in registries["speakers.yaml"].record.speakers}
    sides = {side.id for side in registries["sides.yaml"].record.sides}
    stubs: dict[str, Speaker] = {}
    for parsed in drafts:
        for index, stub in enumerate(parsed.record.speakers):
            if stub.side not in sides:
                message = f"unknown side {stub.side!r} (known: {', '.join(sorted(sides))})"
                problems.append(parsed.problem(("speakers", index, "side"), message))
            elif stub.id not in registered:
                stubs.setdefault(stub.id, stub)
    return list(stubs.values())


class _Registry:
    """A registry file seen with other records (the speakers with the drafts' stubs)."""

    def __init__(self, parsed: Parsed, record: Record) -> None:
        self.path, self.file, self.problem, self.record = (
            parsed.path,
            parsed.file,
            parsed.problem,
            record,
        )


def _with_stubs(registries: dict[str, Parsed], stubs: list[Speaker]) -> dict[str, Any]:
    if not stubs:
        return registries
    speakers = registries["speakers.yaml"]
    record = SpeakersFile.model_construct(speakers=(*speakers.record.speakers, *stubs))
    return {**registries, "speakers.yaml": _Registry(speakers, record)}


def _unexpected_files(data_dir: Path, shown: str) -> list[Problem]:
    known = {*REGISTRY_FILES, "schema.json"}
    return [
        Problem(f"{shown}/{path.name}", None, "(file)", "unexpected file; sources go in sources/")
        for path in sorted(data_dir.glob("*.y*ml"))
        if path.name not in known
    ]


MAX_TEXT_BYTES = 2_000_000
"""The largest source text read (a long official transcript is about 1 MB)."""


def _read_text(parsed: Parsed, problems: list[Problem]) -> str | None:
    name = parsed.record.source.text_file
    location = ("source", "text_file")
    path = parsed.path.parent / name
    if not os.path.lexists(path):
        problems.append(parsed.problem(location, f"the text file {name} does not exist"))
        return None
    try:
        raw = read_capped(path, MAX_TEXT_BYTES, parsed.root)
    except Refused as refused:
        problems.append(parsed.problem(location, f"the text file {name} {refused}"))
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, byte = raw[: error.start].count(b"\n") + 1, raw[error.start]
        message = f"{name}:{line} has the byte {byte:#04x}, which is not UTF-8; save it as UTF-8"
        problems.append(parsed.problem(location, message))
        return None
    if not text.strip():
        problems.append(parsed.problem(location, f"the text file {name} is empty"))
        return None
    return text


def _entry(
    parsed: Parsed, text: str | None, problems: list[Problem], draft: bool = False
) -> SourceEntry | None:
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
    if not draft and None not in spans.values():  # a quote not found is reported already
        problems += _unrecorded_passages(parsed, text, list(spans.values()))
    return SourceEntry(
        record=record.source,
        text=text,
        quotes=record.quotes,
        stances=record.stances,
        next_steps=record.next_steps,
        spans=MappingProxyType(spans),
        draft=draft,
    )


def _unrecorded_passages(parsed: Parsed, text: str, spans: list) -> list[Problem]:
    """A published source records every passage its text puts in quotation marks, or names it
    in `unrecorded_passages`: a file cut short at a line boundary loses quotes, and this says so."""
    excused = parsed.record.source.unrecorded_passages
    missing = [
        passage
        for passage in find_passages(text)[0]
        if not any(span.start < passage.end and passage.start < span.end for span in spans)
        and not text.startswith(excused, passage.start)
    ]
    if not missing:
        return []
    first = text[missing[0].start : missing[0].end]
    shown = first if len(first) <= 40 else first[:39] + "…"
    message = (
        f"{len(missing)} quoted passage(s) of {parsed.record.source.text_file} are not recorded, "
        f"the first in paragraph {paragraph_at(text, missing[0].start)}: {shown!r}; record each "
        "as a quote or list its opening words in source.unrecorded_passages (a file cut short "
        "looks like this)"
    )
    return [Problem(parsed.file.shown_as, parsed.file.lines.get(("quotes",)), "quotes", message)]


def _catalog(
    registries: dict[str, Parsed],
    entries: list[SourceEntry],
    data_dir: Path,
    stubs: list[Speaker] = (),
    include_drafts: bool = False,
) -> Catalog:
    def by_id(name: str, key: str, *more: Record) -> MappingProxyType:
        items = [*getattr(registries[name].record, key), *more]
        return MappingProxyType({item.id: item for item in items})

    return Catalog(
        sides=by_id("sides.yaml", "sides"),
        speakers=by_id("speakers.yaml", "speakers", *stubs),
        issues=by_id("issues.yaml", "issues"),
        milestones=tuple(
            sorted(registries["context.yaml"].record.milestones, key=lambda m: m.date)
        ),
        sources=tuple(sorted(entries, key=lambda entry: (entry.record.event_date, entry.id))),
        version=data_version(data_dir, include_drafts),
    )


def data_version(data_dir: Path, include_drafts: bool = False) -> str:
    """A short fingerprint of the data files' contents, cited with every quote; drafts count
    only when included, so that drafting leaves the published data's version alone."""
    digest = hashlib.sha256()
    for path in sorted(data_dir.rglob("*")):
        if not include_drafts and path.relative_to(data_dir).parts[0] == DRAFTS:
            continue
        if is_regular(path) and path.suffix in (".yaml", ".txt"):
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


def _unknown_field_message(
    model: type[BaseModel], location: tuple[str | int, ...]
) -> tuple[str, str | None]:
    """The message for an unknown field, and the allowed field it is most likely a typo of."""
    allowed = sorted(_fields_at(model, location[:-1]))
    close = next(iter(difflib.get_close_matches(str(location[-1]), allowed, n=1)), None)
    hint = f"; did you mean '{close}'?" if close else ""
    return f"unknown field{hint} (allowed: {', '.join(allowed)})", close


def _pydantic_message(item: Any) -> str:
    """Pydantic's message for one error, reworded where a curator would not know its terms."""
    kind, value, context = item["type"], item["input"], item.get("ctx", {})
    if kind == "literal_error":
        return f"{value!r} is not allowed; {item['msg'][0].lower()}{item['msg'][1:]}"
    if kind == "value_error":
        return str(context["error"])
    if kind == "string_pattern_mismatch":
        expected = PATTERN_HELP.get(context["pattern"], f"text matching {context['pattern']}")
        return f"{value!r} is not allowed; expected {expected}"
    if kind == "string_type" and isinstance(value, bool):
        return "expected text, found true/false (YAML reads a bare yes, no, on or off so); quote it"
    if kind == "string_type" and isinstance(value, int | float):
        return f'expected text, found the number {value}; put it in quotes: "{value}"'
    if kind in ("tuple_type", "list_type"):
        scalar = isinstance(value, str | int | float) and not isinstance(value, bool)
        hint = f"; write [{value}]" if scalar else ""
        return f"expected a list, found {_kind(value)}{hint}"
    if kind in ("model_type", "dict_type"):
        return f"expected a mapping (field: value lines), found {_kind(value)}"
    if kind in ("bool_type", "bool_parsing"):
        return f"expected true or false, found {_kind(value)}"
    if kind == "too_short":
        return f"expected at least {context['min_length']} item(s), found none"
    return str(item["msg"])


def _kind(value: Any) -> str:
    """A YAML value as a curator names it: 'a list', 'the text 'x'', 'the number 3'."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"the text {value!r}"
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "true or false"
    return f"the value {value!r}"


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
