"""Load a data folder: read every YAML file, validate it, check references and provenance.

`load_catalog` either returns a `Catalog` or raises `DataError` listing every problem found, each
with its file, line and field, so that a curator sees all of them at once.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from types import MappingProxyType
from typing import Any

from pydantic import ValidationError

from dialogue_tracker.catalog import Catalog, SourceEntry
from dialogue_tracker.data_files import Refused, is_regular, read_capped
from dialogue_tracker.draft.quotes import find_passages
from dialogue_tracker.model import (
    REGISTRY_FILES,
    Record,
    SourceFile,
    Speaker,
    SpeakersFile,
)
from dialogue_tracker.paths import DRAFTS
from dialogue_tracker.problems import DataError, Problem, field_name
from dialogue_tracker.provenance import explain_mismatch, locate, paragraph_numbers
from dialogue_tracker.references import check_references
from dialogue_tracker.validation_messages import curator_messages, described
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
            found = described(self.file.value)
            self.problems.append(
                self.problem((), f"expected a mapping at the top (keys: {keys}), found {found}")
            )
            return
        try:
            self.record = model.model_validate(self.file.value)
        except ValidationError as error:
            self.problems += [
                self.problem(location, message)
                for location, message in curator_messages(model, self.file.value, error.errors())
            ]


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
    paragraph_at = paragraph_numbers(text)
    for index, quote in enumerate(record.quotes):
        span = locate(quote.text, text, paragraph_at)
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
    paragraph = paragraph_numbers(text)(missing[0].start)
    message = (
        f"{len(missing)} quoted passage(s) of {parsed.record.source.text_file} are not recorded, "
        f"the first in paragraph {paragraph}: {shown!r}; record each "
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
