"""The draft as files: `data/drafts/<ID>.yaml` (checked against the model) beside `<ID>.txt`.

Each file is written to a temporary file in the same folder and moved into place with
`os.replace`, so a reader never sees half a file; the text goes first, so the YAML never names a
missing text. The command replaces existing files only when asked (`--force`). A run holds the
draft's lock (`drafts/.<ID>.lock`) from its check for existing files to its last write, so two
runs on one id never mix their files; an interrupted run removes the files it had created.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml

from dialogue_tracker.draft.pipeline import Draft
from dialogue_tracker.model import SourceFile
from dialogue_tracker.paths import DRAFTS

HEADER = """# yaml-language-server: $schema=../schema.json
# DRAFT written by `python -m dialogue_tracker draft` from {article}. Every record is a machine
# proposal: check each against the text, above all those with `review: true` (a quote with
# `speaker: null` has nobody to attribute it to: name the speaker or drop it), then move this
# file and its .txt to sources/ and remove the draft-only fields (review, stubs).
"""


class Locked(Exception):
    """Another run holds the draft's lock."""


@contextmanager
def draft_lock(data_dir: Path, source_id: str) -> Iterator[None]:
    """Hold `drafts/.<ID>.lock` while drafting; raise `Locked` when another run holds it."""
    lock = data_dir / DRAFTS / f".{source_id}.lock"
    lock.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.close(os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except FileExistsError:
        raise Locked(
            f"another draft of {source_id!r} is being written ({lock} exists); "
            "if no other draft command is running, delete that file"
        ) from None
    try:
        yield
    finally:
        lock.unlink(missing_ok=True)


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """Block style for records, flow style for lists of ids, double quotes for verbatim text."""

    def ignore_aliases(self, data) -> bool:
        return True


class _Ids(list):
    pass


class _Verbatim(str):
    pass


_Dumper.add_representer(
    _Ids, lambda dumper, data: dumper.represent_sequence("tag:yaml.org,2002:seq", data, True)
)
_Dumper.add_representer(
    _Verbatim,
    lambda dumper, data: dumper.represent_scalar("tag:yaml.org,2002:str", str(data), style='"'),
)
ID_LISTS = {"issues", "quotes", "agreed_by", "proposed_by", "demanded_by", "aliases"}


def document(draft: Draft) -> dict:
    """The draft as the plain data of a source file, in the curated files' field order."""
    options = draft.options
    source = {
        "id": options.source_id,
        "text_file": f"{options.source_id}.txt",
        "kind": draft.kind,
        "title": draft.title,
        "publisher": options.outlet or "unknown",
        "url": options.url,
        "event": f"Draft: describe the meeting that {options.article} reports.",
        "event_date": draft.event_date,
        "event_date_basis": draft.event_date_basis,
        "excluded_text": [
            f"Line {r.line}, {r.text!r}: page furniture ({r.kind}), removed by the drafter."
            for r in draft.removed
        ],
        "notes": [
            {
                "id": "drafted",
                "text": f"Drafted by the drafter from {options.article}: quotes, speakers, issues, "
                "stances and next steps are proposals to check against the text.",
            }
        ],
    }
    return _plain(
        {
            "source": source,
            "speakers": [
                {
                    "id": p.id,
                    "name": p.name,
                    "role": p.role,
                    "side": p.side,
                    "aliases": list(p.aliases),
                    "review": True,
                    "reason": p.reason,
                }
                for p in draft.stubs
            ],
            "quotes": [
                {
                    "id": q.id,
                    "speaker": q.speaker,
                    "attribution": q.attribution,
                    "issues": list(q.issues),
                    "text": q.text,
                    "reported_via": q.via,
                    "translated": q.translated,
                    "confidence": q.confidence,
                    "reason": q.reason,
                    "review": q.review,
                }
                for q in draft.quotes
            ],
            "stances": draft.stances,
            "next_steps": draft.next_steps,
        }
    )


NULL_KEPT = {"speaker", "attribution"}
"""Fields written even when null: a quote's, where nobody was found (the model requires them)."""


def _plain(value):
    """Without empty values: None, empty lists and empty mappings are the model's defaults
    (except the fields of `NULL_KEPT`)."""
    if isinstance(value, dict):
        kept = {key: _plain(item) for key, item in value.items()}
        return {
            key: item
            for key, item in kept.items()
            if item not in (None, [], {}) or (item is None and key in NULL_KEPT)
        }
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def _styled(value, key: str = ""):
    """The same data, marked for the dumper: id lists in flow style, quote text quoted."""
    if isinstance(value, dict):
        return {k: _styled(item, k) for k, item in value.items()}
    if isinstance(value, list):
        items = [_styled(item) for item in value]
        ids = key in ID_LISTS and all(isinstance(item, str) for item in items)
        return _Ids(items) if ids else items
    if key == "text" and isinstance(value, str):
        return _Verbatim(value)
    return value


def yaml_text(draft: Draft, data: dict) -> str:
    """The YAML file: header comments, the records, and the quote marks to check, as comments."""
    SourceFile.model_validate(data)
    body = yaml.dump(
        _styled(data),
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=4096,
    )
    notes = []
    if draft.warnings:
        notes.append("# Quote marks to check:")
        notes += [f"#   {warning}" for warning in draft.warnings]
    tail = "\n".join(notes) + "\n" if notes else ""
    return HEADER.format(article=draft.options.article) + body + tail


def target_paths(data_dir: Path, source_id: str) -> tuple[Path, Path]:
    folder = data_dir / DRAFTS
    return folder / f"{source_id}.yaml", folder / f"{source_id}.txt"


def write_draft(data_dir: Path, draft: Draft, content: str) -> tuple[Path, Path]:
    """Write the draft's YAML (`content`, see `yaml_text`) and text, over any there (the
    command checks for them first, under the draft's lock)."""
    yaml_path, text_path = target_paths(data_dir, draft.options.source_id)
    yaml_path.parent.mkdir(parents=True, exist_ok=True)
    created = [path for path in (text_path, yaml_path) if not path.exists()]
    try:
        write_atomic(text_path, draft.text.encode("utf-8"))
        write_atomic(yaml_path, content.encode("utf-8"))
    except BaseException:  # interrupted (Ctrl-C) or failed: leave no half of a new draft
        for path in created:
            path.unlink(missing_ok=True)
        raise
    return yaml_path, text_path


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that readers see the old file or the new one, never a part.
    The temporary file is made like any new file (its mode follows the umask)."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
