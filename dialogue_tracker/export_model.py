"""The export's records as pydantic models: the shape of `python -m dialogue_tracker export`.

`data/export.schema.json` is generated from `Export` (`python -m dialogue_tracker schema`). The
fields in `DRAFT_FIELDS` appear only with `export --include-drafts`.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_serializer

from dialogue_tracker.model import (
    Id,
    Issue,
    PartialDate,
    Side,
    Source,
    Speaker,
    StanceStatus,
    StatusUpdate,
    StepStatus,
    Text,
    WebUrl,
)

DRAFT_FIELDS = ["draft", "confidence", "reason", "review"]
"""Only in `export --include-drafts`; a speaker's `review`/`reason` only then too."""
IN_A_DRAFT = "Only with --include-drafts: "
Draft = Annotated[
    bool, Field(description=IN_A_DRAFT + "whether the record comes from a draft in DATA/drafts/.")
]
Review = Annotated[bool, Field(description=IN_A_DRAFT + "true until a curator has checked it.")]


class SourceRecord(Source):
    """A source as its YAML file gives it (`source:`)."""

    draft: Draft = False

    @model_serializer(mode="wrap")
    def _notes_last(self, handler):
        """The export's key order: every field but `notes`, then `notes`, then `draft`."""
        data = handler(self)
        last = {key: data.pop(key) for key in ("notes", "draft") if key in data}
        return {**data, **last}


class SideRecord(Side):
    """A side as sides.yaml gives it."""

    draft: Draft = False


class SpeakerRecord(Speaker):
    """A speaker as speakers.yaml gives it; with --include-drafts, the drafter's stubs too."""

    draft: Draft = False


class IssueRecord(Issue):
    """An issue as issues.yaml gives it."""

    draft: Draft = False


class Row(BaseModel):
    """A record read from a row of a catalog table (`frames`): other columns are left out (and
    the schema says the export holds no other keys), a missing cell (NaN) is None and a
    timestamp is its day."""

    model_config = ConfigDict(
        extra="ignore", frozen=True, json_schema_extra={"additionalProperties": False}
    )

    @field_validator("*", mode="before")
    @classmethod
    def _plain_cell(cls, value: Any) -> Any:
        if isinstance(value, datetime):
            return value.date()
        return None if isinstance(value, float) and math.isnan(value) else value


class QuoteRecord(Row):
    """A quote: the source's words, who said them, where they stand in its text."""

    id: Id = Field(description="The quote's id; its permalink is /quotes?quote=<id>.")
    speaker: Id | None = Field(description="Id of the speaker; null only in a draft.")
    side: Id | None = Field(description="Id of the speaker's side; null only in a draft.")
    issues: tuple[Id, ...] = Field(description="Ids of the issues it concerns.")
    text: Text = Field(description="The quoted words, character for character as in the source.")
    source: Id = Field(description="Id of the source that quotes them.")
    attribution: Text | None = Field(description="The source's words that attribute the quote.")
    attribution_note: Text | None = Field(description="How an indirect attribution was settled.")
    reported_via: Text | None = Field(description="Through whom the source reports the words.")
    statement: Id | None = Field(description="Id shared by the variants of one statement.")
    translated: bool | None = Field(description="Whether the source says it is a translation.")
    paragraph: int = Field(description="Paragraph of the source's text where it stands (from 1).")
    start: int = Field(description="Offset of its first character in the source's text.")
    end: int = Field(description="Offset just after its last character.")
    draft: Draft = False
    confidence: float | None = Field(
        default=None, description=IN_A_DRAFT + "the drafter's confidence in the attribution."
    )
    reason: Text | None = Field(
        default=None, description=IN_A_DRAFT + "why the drafter attributed it so."
    )
    review: Review = False


class StanceRecord(Row):
    """Where one side stands on one issue, according to one source."""

    issue: Id = Field(description="Id of the issue.")
    side: Id = Field(description="Id of the side.")
    status: StanceStatus = Field(description="The side's position, or not_stated.")
    summary: Text = Field(description="The curator's one-line summary; never a quote.")
    source: Id = Field(description="Id of the source that gives it.")
    quotes: tuple[Id, ...] = Field(description="Ids of the quotes it rests on.")
    draft: Draft = False
    review: Review = False


class StepRecord(Row):
    """A next step a source records, with its current status and the evidence for it."""

    id: Id = Field(description="The step's id.")
    issue: Id = Field(description="Id of the issue it belongs to.")
    description: Text = Field(description="What is to be done, in the curator's words.")
    agreed_by: tuple[Id, ...] = Field(description="Ids of the sides that agreed it.")
    proposed_by: tuple[Id, ...] = Field(description="Ids of the speakers who proposed it.")
    demanded_by: tuple[Id, ...] = Field(description="Ids of the speakers who demanded it.")
    target: PartialDate | None = Field(description="When it is due, if a date is given.")
    target_words: Text | None = Field(description="The source's own words for the target.")
    target_basis: Text | None = Field(description="How the date was derived from the words.")
    status: StepStatus = Field(description="Its current status.")
    status_log: tuple[StatusUpdate, ...] = Field(description="Dated evidence on it, oldest first.")
    source: Id = Field(description="Id of the source that records it.")
    quotes: tuple[Id, ...] = Field(description="Ids of the quotes it rests on.")
    draft: Draft = False
    review: Review = False


class EventRecord(Row):
    """An item of the timeline: a meeting, a quote, a step's target or status, a context fact."""

    kind: Literal["meeting", "quote", "target", "status", "context"] = Field(
        description="What kind of timeline item it is."
    )
    issue: Id = Field(description="Id of the issue's lane.")
    start: date = Field(description="First day it covers.")
    end: date = Field(description="Last day it covers.")
    label: Text = Field(description="What the timeline says of it.")
    record: Id = Field(description="Id of the meeting's source, quote, step or context fact.")
    source: Id | None = Field(description="Id of the source it comes from; null for context.")
    url: WebUrl | None = Field(description="Address of the public source, where one is known.")
    draft: Draft = False


class Export(BaseModel):
    """The JSON of `python -m dialogue_tracker export`: the registries in full, and the quotes,
    stances, next steps and timeline events the filters leave. Fields marked 'Only with
    --include-drafts' appear only then."""

    model_config = ConfigDict(
        frozen=True,
        title="Dialogue Tracker export",
        json_schema_extra={"additionalProperties": False},
    )

    sources: list[SourceRecord]
    sides: list[SideRecord]
    speakers: list[SpeakerRecord]
    issues: list[IssueRecord]
    quotes: list[QuoteRecord]
    stances: list[StanceRecord]
    next_steps: list[StepRecord]
    events: list[EventRecord]

    def plain(self, include_drafts: bool) -> dict[str, list[dict]]:
        """JSON-ready records; without `include_drafts`, none of the `DRAFT_FIELDS`."""
        hidden = {kind: {"__all__": set(DRAFT_FIELDS)} for kind in type(self).model_fields}
        return self.model_dump(mode="json", exclude=None if include_drafts else hidden)
