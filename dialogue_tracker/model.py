"""The data model: one strict pydantic model per kind of record and per kind of YAML file.

Everything the app shows comes through these classes. They forbid unknown fields, are frozen (the
catalog is shared between sessions and must never change), and carry a description on every field,
which ends up in `data/schema.json` for editor completion.
"""

from __future__ import annotations

import calendar
import re
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, max_length=80),
    Field(description="A lower-case slug: letters, digits and single hyphens."),
]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=False)]

DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
URL_PATTERN = r"^[hH][tT][tT][pP][sS]?://\S+$"
TEXT_FILE_PATTERN = r"^[\w.-]+\.txt$"
PATTERN_HELP = {
    ID_PATTERN: "an id in lower case: letters, digits and single hyphens, e.g. 'kerry-assad'",
    DATE_PATTERN: "a date as YYYY, YYYY-MM or YYYY-MM-DD",
    URL_PATTERN: "an http:// or https:// address",
    TEXT_FILE_PATTERN: "the name of a .txt file in the same folder, e.g. 'talks-2016-03-24.txt'",
}
"""What each pattern asks for, in a curator's words (for error messages)."""

PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
Precision = Literal["year", "month", "day"]


def check_partial_date(value: str) -> str:
    """Accept YYYY, YYYY-MM or YYYY-MM-DD naming a real calendar year, month or day."""
    match = PARTIAL_DATE.match(value)
    if not match:
        raise ValueError("expected a date as YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(part) if part else None for part in match.groups())
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"{value} names no month: months run from 01 to 12")
    if day is not None:
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            month_name = f"{calendar.month_name[month]} {year}"
            raise ValueError(f"{value} is not a day of the calendar: {month_name} has {last} days")
    return value


PartialDate = Annotated[
    str,
    StringConstraints(pattern=DATE_PATTERN),
    AfterValidator(check_partial_date),
    Field(description="A date at the precision known: YYYY, YYYY-MM or YYYY-MM-DD."),
]


def check_web_url(value: str) -> str:
    """Only http and https addresses may become links."""
    if not re.match(r"^https?://[^\s/$.?#][^\s]*$", value, re.IGNORECASE):
        raise ValueError(f"{value!r} is not allowed; expected an http:// or https:// address")
    return value


WebUrl = Annotated[
    str,
    StringConstraints(pattern=URL_PATTERN),
    AfterValidator(check_web_url),
    Field(description="An http:// or https:// address."),
]

StanceStatus = Literal[
    "agreement", "disagreement", "conditional", "proposal", "concern", "not_stated"
]
StepStatus = Literal["open", "in_progress", "done", "missed", "dropped"]
SourceKind = Literal["news_report", "transcript"]
Evidence = Literal["step", "related"]


class Record(BaseModel):
    """Base of every record: unknown fields are errors, and records never change once loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Link(Record):
    """A public document that a fact rests on."""

    title: Text = Field(description="The document's title or the publisher's name.")
    url: WebUrl = Field(description="Where the document can be read.")


class Side(Record):
    """A party to the dialogue."""

    id: Id = Field(description="The side's id, e.g. `us` or `russia`.")
    name: Text = Field(description="Full name, e.g. 'United States'.")
    short_name: Text = Field(description="Short label for tables and charts, e.g. 'US'.")
    words: tuple[Text, ...] = Field(
        default=(),
        description="Other words by which sources name the side: adjectives, capitals, "
        "institutions, e.g. 'Russian', 'Moscow', 'Kremlin'. The drafter reads them to tell "
        "whose a role phrase or an agreement is.",
    )


class Speaker(Record):
    """A person whose words are quoted or who is named as acting."""

    id: Id = Field(description="The speaker's id, e.g. `lavrov`.")
    name: Text = Field(description="Full name as commonly written in English.")
    role: Text = Field(
        description="Office held at the time of the sources, e.g. 'Foreign Minister'."
    )
    side: Id = Field(description="Id of the side the speaker belongs to.")
    aliases: tuple[Text, ...] = Field(
        default=(), description="Other ways sources name the speaker, e.g. 'the minister'."
    )
    review: bool = Field(
        default=False,
        description="Drafts only: true for a stub the drafter made for someone not yet in "
        "speakers.yaml; a curator checks it and adds the speaker to the registry.",
    )
    reason: Text | None = Field(
        default=None, description="Drafts only: why the drafter made the stub and chose its side."
    )


class Issue(Record):
    """A subject on which the sides hold positions."""

    id: Id = Field(description="The issue's id, e.g. `sanctions`.")
    title: Text = Field(description="Short title, e.g. 'Sanctions'.")
    description: Text = Field(description="One sentence saying what the issue covers.")
    keywords: tuple[Text, ...] = Field(
        default=(), description="Words that mark a passage as being about this issue."
    )


class Milestone(Record):
    """A dated fact from outside the sources, shown as context, never as a source's words."""

    id: Id = Field(description="The milestone's id.")
    date: PartialDate
    title: Text = Field(description="What happened, in the curator's words.")
    issues: tuple[Id, ...] = Field(min_length=1, description="Ids of the issues it belongs to.")
    source: Link = Field(description="The public source the fact was checked against.")


class Note(Record):
    """A curator's remark on a source, with the public documents it rests on."""

    id: Id = Field(description="The note's id.")
    text: Text = Field(description="The curator's remark.")
    quotes: tuple[Id, ...] = Field(default=(), description="Ids of the quotes it concerns.")
    sources: tuple[Link, ...] = Field(default=(), description="Public documents it rests on.")


class Source(Record):
    """A published account of a meeting: a news report or a transcript."""

    id: Id = Field(description="The source's id.")
    text_file: Annotated[str, StringConstraints(pattern=TEXT_FILE_PATTERN)] = Field(
        description="Name of the file beside this YAML file that holds the verbatim text (UTF-8)."
    )
    kind: SourceKind = Field(
        description="`transcript` (an official record of what was said) or `news_report`."
    )
    title: Text = Field(description="The document's headline or title.")
    publisher: Text = Field(description="Who published it; 'unknown' when that is unknown.")
    url: WebUrl | None = Field(default=None, description="Where it was published, if known.")
    published: PartialDate | None = Field(
        default=None,
        description="When it was published, as the source or its page gives it; null when "
        "neither does.",
    )
    reuse: Text | None = Field(
        default=None,
        description="On what basis its text is stored and quoted here, e.g. 'Public domain: a "
        "work of the US federal government'. Published sources state it; a draft may leave it "
        "null.",
    )
    excerpt: bool = Field(
        default=False,
        description="True when the text file holds only the part of the page that could be "
        "retrieved (its opening), not the whole published text.",
    )
    event: Text = Field(description="The meeting it reports, in the curator's words.")
    event_date: PartialDate = Field(description="When the meeting took place.")
    event_date_basis: Text = Field(
        description="Where the event date comes from, e.g. that it is not in the source itself."
    )
    event_date_sources: tuple[Link, ...] = Field(
        default=(), description="Public documents that give the event date."
    )
    excluded_text: tuple[Text, ...] = Field(
        default=(), description="Lines of the original page left out of the text file, and why."
    )
    notes: tuple[Note, ...] = Field(default=(), description="Curator's notes on the source.")


class Quote(Record):
    """Words a source puts in quotation marks, exactly as they stand in the source's text."""

    id: Id = Field(description="The quote's id, used in permalinks.")
    speaker: Id | None = Field(
        description="Id of the speaker the source attributes the words to. Null only in a draft, "
        "for words the drafter could attribute to nobody: a curator names the speaker or drops "
        "the quote."
    )
    attribution: Text | None = Field(
        description="The source's own words that attribute the quote, e.g. 'he added'. Null only "
        "in a draft, with a null speaker."
    )
    attribution_note: Text | None = Field(
        default=None,
        description="How an indirect or ambiguous attribution was settled (curator's words).",
    )
    issues: tuple[Id, ...] = Field(min_length=1, description="Ids of the issues it concerns.")
    text: Text = Field(description="The quoted words, character for character as in the source.")
    reported_via: Text | None = Field(
        default=None, description="Through whom the source reports it, e.g. 'Interfax'."
    )
    statement: Id | None = Field(
        default=None,
        description="Id of the statement these words are one wording of. Quotes that share it "
        "(in this or other sources: a news report's relay, the transcript, a translation) are "
        "variants of one statement by one speaker.",
    )
    translated: bool | None = Field(
        default=None,
        description="True when the source says the words are a translation, false when it says "
        "they are not, null when it does not say.",
    )
    confidence: float | None = Field(
        default=None,
        ge=0,
        le=1,
        description="Drafts: how sure the drafter is of the speaker, from 0 to 1.",
    )
    reason: Text | None = Field(
        default=None,
        description="Drafts: the words the drafter's attribution and issue tags rested on.",
    )
    review: bool = Field(
        default=False, description="Drafts only: true while a curator has still to check it."
    )


class Stance(Record):
    """Where one side stands on one issue, according to one source."""

    issue: Id = Field(description="Id of the issue.")
    side: Id = Field(description="Id of the side.")
    status: StanceStatus = Field(
        description="agreement, disagreement, conditional, proposal, concern, or not_stated "
        "when the source gives this side no position on the issue."
    )
    summary: Text = Field(description="The curator's one-line summary; never a quote.")
    quotes: tuple[Id, ...] = Field(default=(), description="Ids of the quotes it rests on.")
    review: bool = Field(
        default=False,
        description="Drafts only: true for the drafter's candidate, until a curator checks it.",
    )


class Target(Record):
    """When a next step is due, at the precision the source gives."""

    date: PartialDate | None = Field(default=None, description="The due date, if one is given.")
    words: Text | None = Field(
        default=None, description="The source's own words for the target, e.g. 'by August'."
    )
    basis: Text | None = Field(
        default=None, description="How the date was derived from the words, if it was."
    )


class StatusUpdate(Record):
    """A dated piece of evidence on a next step, from a source in `data/sources/` or a public
    document. `evidence: step` speaks of the step itself and sets its status; `evidence: related`
    speaks of something else (another target, a neighbouring step), says how that relates, and
    claims no status for the step."""

    date: PartialDate
    evidence: Evidence = Field(
        default="step",
        description="`step` when the source speaks of this step; `related` when it speaks of "
        "something else that bears on it.",
    )
    status: StepStatus | None = Field(
        default=None,
        description="The step's status from this date on: required for `step` evidence, absent "
        "for `related` evidence.",
    )
    relation: Text | None = Field(
        default=None,
        description="For `related` evidence: how what the source speaks of relates to this step "
        "(curator's words).",
    )
    note: Text = Field(description="What happened, in the curator's words.")
    source_id: Id | None = Field(
        default=None, description="Id of the source in `data/sources/` that reports it."
    )
    quotes: tuple[Id, ...] = Field(
        default=(), description="Ids of the quotes (of any source) the evidence rests on."
    )
    source: Link | None = Field(
        default=None,
        description="The public document that reports it, when it is not one of the sources.",
    )

    @model_validator(mode="after")
    def _evidence_rules(self) -> StatusUpdate:
        if self.evidence == "step" and self.status is None:
            raise ValueError("evidence about the step itself needs its status")
        if self.evidence == "related" and self.status is not None:
            raise ValueError(
                "related evidence claims no status for the step; drop status, say how it "
                "relates in relation"
            )
        if self.evidence == "related" and self.relation is None:
            raise ValueError("related evidence needs a relation: how it bears on the step")
        if self.evidence == "step" and self.relation is not None:
            raise ValueError("relation is for related evidence; this entry is about the step")
        if self.source_id is None and self.source is None:
            raise ValueError("name the evidence's source: source_id (a source here) or source")
        return self


class NextStep(Record):
    """Something a source says was agreed, proposed or demanded for the future."""

    id: Id = Field(description="The step's id.")
    issue: Id = Field(description="Id of the issue it belongs to.")
    description: Text = Field(description="What is to be done, in the curator's words.")
    agreed_by: tuple[Id, ...] = Field(default=(), description="Ids of the sides that agreed it.")
    proposed_by: tuple[Id, ...] = Field(
        default=(), description="Ids of the speakers who proposed it or hoped for it."
    )
    demanded_by: tuple[Id, ...] = Field(
        default=(), description="Ids of the speakers who said it must or needs to happen."
    )
    target: Target = Field(default_factory=Target, description="When it is due.")
    quotes: tuple[Id, ...] = Field(default=(), description="Ids of the quotes it rests on.")
    status_log: tuple[StatusUpdate, ...] = Field(
        default=(),
        description="Dated evidence on the step, oldest first: its status changes (`step`) and "
        "related reports (`related`); the step is open until a `step` entry says otherwise.",
    )
    review: bool = Field(
        default=False,
        description="Drafts only: true for the drafter's candidate, until a curator checks it.",
    )

    @property
    def status(self) -> StepStatus:
        """The status the latest `step` evidence gives (related evidence claims none)."""
        claimed = [update.status for update in self.status_log if update.evidence == "step"]
        return claimed[-1] if claimed else "open"


class SourceFile(Record):
    """A YAML file describing one source: `data/sources/<id>.yaml`."""

    source: Source
    speakers: tuple[Speaker, ...] = Field(
        default=(),
        description="Drafts only (data/drafts/): stubs for speakers not yet in speakers.yaml, "
        "each with review: true; speakers.yaml wins where an id is in both.",
    )
    quotes: tuple[Quote, ...] = Field(default=(), description="Quoted passages of the source.")
    stances: tuple[Stance, ...] = Field(default=(), description="Stances the source records.")
    next_steps: tuple[NextStep, ...] = Field(default=(), description="Next steps it records.")


class SidesFile(Record):
    """`data/sides.yaml`: the registry of sides."""

    sides: tuple[Side, ...] = Field(min_length=1)


class SpeakersFile(Record):
    """`data/speakers.yaml`: the registry of speakers."""

    speakers: tuple[Speaker, ...] = Field(min_length=1)


class IssuesFile(Record):
    """`data/issues.yaml`: the registry of issues."""

    issues: tuple[Issue, ...] = Field(min_length=1)


class ContextFile(Record):
    """`data/context.yaml`: dated facts from outside the sources, each with its public source."""

    milestones: tuple[Milestone, ...] = Field(default=())


REGISTRY_FILES: dict[str, type[Record]] = {
    "sides.yaml": SidesFile,
    "speakers.yaml": SpeakersFile,
    "issues.yaml": IssuesFile,
    "context.yaml": ContextFile,
}
