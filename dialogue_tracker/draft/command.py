"""`python -m dialogue_tracker draft ARTICLE.txt --source-id ID [...]`: the command's steps."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from pydantic import ValidationError

from dialogue_tracker.catalog import Catalog
from dialogue_tracker.data_files import Refused, read_capped
from dialogue_tracker.draft.pipeline import Options, Registry
from dialogue_tracker.draft.report import report
from dialogue_tracker.draft.split import drafts_within_limit
from dialogue_tracker.draft.writer import Locked, draft_lock, target_paths, write_draft
from dialogue_tracker.loader import MAX_TEXT_BYTES, draft_files, load_catalog
from dialogue_tracker.model import ID_PATTERN, check_characters, check_partial_date, check_web_url
from dialogue_tracker.problems import escape_controls, field_name
from dialogue_tracker.progress import Progress
from dialogue_tracker.yaml_reader import MAX_BYTES, YamlFile


def run(
    article: Path,
    options: Options,
    data_dir: Path,
    force: bool = False,
    out: TextIO = sys.stdout,
    err: TextIO = sys.stderr,
) -> int:
    """Draft `article` into `data_dir/drafts/`; 0 when written, 1 when refused, 2 on bad usage.
    Raises `DataError` when the data folder itself does not load."""
    usage = _usage_problem(options)
    if usage:
        print(f"draft: {usage}", file=err)
        return 2
    if not article.is_file():  # nor a FIFO, which would block
        print(f"draft: {article} is not a file", file=err)
        return 1
    try:
        raw = read_capped(article.resolve(), MAX_TEXT_BYTES).decode("utf-8-sig")
    except Refused as refused:
        print(f"draft: {article}: {refused}", file=err)
        return 1
    except UnicodeDecodeError as error:
        print(f"draft: {article} is not UTF-8 (byte {error.start}); save it as UTF-8", file=err)
        return 1
    run = _Run(data_dir, force, Progress("draft", err, after=2.0), out, err)
    catalog = load_catalog(data_dir)
    if any(entry.id == options.source_id for entry in catalog.sources):
        print(
            f"draft: sources/ already has a source {options.source_id!r}; "
            "choose another --source-id",
            file=err,
        )
        return 1
    try:
        with draft_lock(data_dir, options.source_id):
            return _draft(raw, options, catalog, run)
    except Locked as locked:
        print(f"draft: {locked}", file=err)
        return 1


@dataclass(frozen=True)
class _Run:
    """One run of the command: its data folder, whether it may replace a draft, and where it
    reports."""

    data_dir: Path
    force: bool
    progress: Progress
    out: TextIO
    err: TextIO


def _draft(raw: str, options: Options, catalog: Catalog, run: _Run) -> int:
    """Draft and write, while this run holds the draft's lock."""
    data_dir, err = run.data_dir, run.err
    if _existing(run, [options.source_id]):
        return 1
    run.progress.step("finding quotes and speakers")
    try:
        taken = taken_ids(catalog, data_dir, options.source_id)
        drafted = drafts_within_limit(raw, options, Registry.of(catalog), taken)
    except ValidationError as error:  # e.g. a control character in a quoted passage
        print(f"draft: the text cannot be drafted: {_first_error(error)}", file=err)
        return 1
    if _existing(run, [item.draft.options.source_id for item in drafted]):
        return 1
    run.progress.step("writing")
    written = [write_draft(data_dir, item.draft, item.content) for item in drafted]
    if len(drafted) > 1:
        print(
            f"One draft of this text would be more YAML than the {MAX_BYTES:,}-byte limit of a "
            f"data file, so the text is cut into {len(drafted)} parts, each its own draft.",
            file=run.out,
        )
    for item, (yaml_path, text_path) in zip(drafted, written, strict=True):
        print(report(item.draft, yaml_path, text_path), file=run.out)
    return 0


def _existing(run: _Run, source_ids: list[str]) -> bool:
    """Whether a draft file of one of the ids is there and may not be replaced (said so)."""
    there = [p for i in source_ids for p in target_paths(run.data_dir, i) if p.exists()]
    if there and not run.force:
        print(f"draft: {there[0]} already exists; use --force to replace it", file=run.err)
    return bool(there) and not run.force


def _first_error(error: ValidationError) -> str:
    """The first problem pydantic found, as `field: message`, escaped."""
    first = error.errors()[0]
    where = field_name(tuple(part for part in first["loc"] if isinstance(part, str | int)))
    message = first["ctx"]["error"] if first["type"] == "value_error" else first["msg"]
    return escape_controls(f"{where}: {message}")


def _usage_problem(options: Options) -> str | None:
    if not re.fullmatch(ID_PATTERN, options.source_id) or len(options.source_id) > 80:
        return f"--source-id {options.source_id!r}: use lower-case letters, digits and hyphens"
    if options.date is not None:
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", options.date):
            return f"--date {options.date!r}: expected YYYY-MM-DD"
        try:
            check_partial_date(options.date)
        except ValueError as error:
            return f"--date {options.date!r}: {error}"
    if options.url is not None:
        try:
            check_web_url(options.url)
        except ValueError as error:
            return f"--url {options.url!r}: {error}"
    for name in ("title", "outlet"):
        value = getattr(options, name)
        if value is not None and not value.strip():
            return f"--{name} is empty"
        try:
            check_characters(value or "")
        except ValueError as error:
            return f"--{name}: {error}"
    return None


def taken_ids(catalog: Catalog, data_dir: Path, source_id: str) -> set[str]:
    """Quote and next-step ids already used by the published sources and the other drafts."""
    taken = {quote.id for _, quote in catalog.quotes()}
    taken |= {step.id for entry in catalog.sources for step in entry.next_steps}
    for path in draft_files(data_dir):
        if path.stem == source_id:
            continue
        value = YamlFile(path, path.name).value
        if not isinstance(value, dict):
            continue
        for key in ("quotes", "next_steps"):
            for item in value.get(key) or []:
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    taken.add(item["id"])
    return taken
