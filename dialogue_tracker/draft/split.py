"""A draft that `validate` would refuse for its size: the text cut into parts, each its own draft.

A long transcript quotes almost every sentence, and each quote carries its speaker, issues and
the reason for both, so its YAML is several times the size of its text (a 1 MB transcript makes
about 7 MB). Past the size limit of a data file, the text is cut at paragraph breaks (line breaks
where one paragraph is too long) into parts of about equal size, as few as keep every part's YAML
under the limit, and each part is drafted as `<ID>-part-<N>`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from dialogue_tracker.draft.pipeline import (
    Draft,
    Options,
    Registry,
    event_date_of,
    first_line,
    make_draft,
)
from dialogue_tracker.draft.writer import document, yaml_text
from dialogue_tracker.yaml_reader import MAX_BYTES

FILL = 0.9
"""How full of the limit a part is aimed at, to leave room for the parts' differences."""
SMALL_RATIO = 8
"""A text whose YAML would fit even at this many times its size is drafted whole at once."""


@dataclass(frozen=True)
class Drafted:
    draft: Draft
    content: str
    """The YAML file's text."""


def drafts_within_limit(
    raw: str,
    options: Options,
    registry: Registry,
    taken_ids: Iterable[str] = (),
) -> list[Drafted]:
    """One draft, or the parts it must be cut into so that every YAML file fits the limit.
    A long text's share of YAML is first measured on a tenth of it (drafting it whole only to
    find it too big would double the time)."""
    date, _, known = event_date_of(raw, options)
    whole = replace(
        options,
        title=options.title or first_line(raw) or options.source_id,
        date=date if known else None,
    )
    count = 1
    if len(raw.encode()) > MAX_BYTES * FILL / SMALL_RATIO:
        sample = cut(raw, 10)[0]
        made = _drafted(sample, options, registry, set(taken_ids))
        ratio = len(made.content.encode()) / len(sample.encode())
        count = math.ceil(len(raw.encode()) * ratio / (MAX_BYTES * FILL))
    while True:
        parts = cut(raw, count)
        taken = set(taken_ids)
        drafted = [
            _drafted(part, _part_options(whole, number, len(parts)), registry, taken)
            for number, part in enumerate(parts, start=1)
        ]
        if all(len(d.content.encode()) <= MAX_BYTES for d in drafted) or len(parts) < count:
            return drafted
        count *= 2


def _part_options(options: Options, number: int, count: int) -> Options:
    """A part's id and title, with the whole text's title and date."""
    if count == 1:
        return options
    return replace(
        options,
        source_id=f"{options.source_id}-part-{number}",
        title=f"{options.title} (part {number} of {count})",
    )


def _drafted(raw: str, options: Options, registry: Registry, taken: set[str]) -> Drafted:
    """A draft and its YAML; the ids it uses join `taken`."""
    draft = make_draft(raw, options, registry, taken)
    taken.update(quote.id for quote in draft.quotes)
    taken.update(step["id"] for step in draft.next_steps)
    return Drafted(draft, yaml_text(draft, document(draft)))


def cut(text: str, count: int) -> list[str]:
    """`text` in at most `count` consecutive parts of about equal size (each ends at the first
    blank line past its share, or line break where a paragraph is longer than a share)."""
    target = len(text) / count
    pieces = re.split(r"(?<=\n\n)", text)
    if max(map(len, pieces)) > target:
        pieces = text.splitlines(keepends=True)
    parts = [""]
    for piece in pieces:
        if len(parts[-1]) >= target and parts[-1].strip():
            parts.append("")
        parts[-1] += piece
    return [part for part in parts if part.strip()]
