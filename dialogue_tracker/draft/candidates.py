"""Stance and next-step candidates from the sentences that hold their cue words.

Cues: 'agreed to', 'agreed on' (agreement; a step agreed by the sides), 'will', 'hope',
'propose' (proposal; a step proposed by the speaker), 'need to', 'must', 'as soon as possible'
(concern; a step the speaker demands), 'disagree' and 'ready to ... but', 'when all' (disagreement,
conditional); a target 'by <month>' takes the year of the meeting when it gives none. Every
candidate is marked for review and says it is one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from dialogue_tracker.draft.ids import Taken
from dialogue_tracker.draft.speakers import Book, side_terms, slug
from dialogue_tracker.draft.tagging import Tagger
from dialogue_tracker.model import Side, check_partial_date

STANCE_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("disagreement", re.compile(
        r"\bdisagree(?:s|d|ments?)?\b|\bobject(?:s|ed)? to\b|\boppose[sd]?\b|\breject(?:s|ed)?\b"
        r"|\bunacceptable\b", re.I)),
    ("conditional", re.compile(
        r"\bwhen all\b|\bprovided (?:that\b)?|\bon (?:the )?condition\b|\bonly if\b|\bas long as\b"
        r"|\bready to\b[^.]*\bbut\b", re.I)),
    ("agreement", re.compile(r"\bagreed?\s+(?:to|on|upon)\b|\bhave agreed\b", re.I)),
    ("proposal", re.compile(
        r"\bpropos(?:e|ed|es|al)\b|\bsuggest(?:s|ed)?\b|\bexpressed hope\b|\bhopes?\b|\bwill\b",
        re.I)),
    ("concern", re.compile(
        r"\bneeds? to\b|\bmust\b|\bas soon as possible\b|\bconcern(?:s|ed)?\b", re.I)),
)  # fmt: skip
STEP_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("agreed", re.compile(r"\bagreed\s+(?:to|on|upon)\b", re.I)),
    ("demanded", re.compile(r"\bneeds? to\b|\bmust\b|\bas soon as possible\b", re.I)),
    ("proposed", re.compile(r"\bwill\b|\bexpressed hope\b|\bpropos(?:e|ed|es|al)\b", re.I)),
)
BOTH_SIDES = re.compile(
    r"\b(?:the|both)\s+(?:two\s+)?(?:sides|parties|countries)\b|\bwe\s+(?:have\s+)?agreed\b",
    re.I,
)
SAID_THAT = re.compile(
    r"^[^\"“”«»]{0,80}?\b(?:said|says|believes|noted|added|stressed|expressed hope)\s+"
    r"(?:that\s+)?"
)
MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip
_MONTH = "|".join(MONTHS)
_BY = r"\b(?:by|until|before|no later than)\s+(?:the\s+end\s+of\s+)?"
TARGETS = (
    re.compile(rf"{_BY}(?P<month>{_MONTH})(?:\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?)?(?:,?\s+(?P<year>\d{{4}}))?\b"),
    re.compile(rf"{_BY}(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH})(?:,?\s+(?P<year>\d{{4}}))?\b"),
    re.compile(rf"{_BY}(?P<year>\d{{4}})\b"),
    re.compile(r"\bby\s+the\s+end\s+of\s+(?:the|this)\s+(?P<this_year>year)\b"),
    re.compile(r"\bas soon as possible\b", re.I),  # words only: no date to derive
)  # fmt: skip


@dataclass(frozen=True)
class Unit:
    """A sentence (or a transcript passage) and the quote and speaker it belongs to."""

    start: int
    end: int
    paragraph: int
    speaker: str | None = None
    quote: str | None = None
    issues: tuple[str, ...] = ()
    quote_span: tuple[int, int] | None = None


@dataclass
class Evidence:
    statuses: list[str] = field(default_factory=list)
    cues: list[str] = field(default_factory=list)
    paragraphs: list[int] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)


def side_pairs(sides: Iterable[Side]) -> re.Pattern[str]:
    """Two sides named together, each by any of its registry words: 'Moscow and Washington'."""
    names = [
        "|".join(re.escape(term) for term in sorted(side_terms(s), key=len)[::-1]) for s in sides
    ]
    pairs = [rf"(?:{a})\s+and\s+(?:the\s+)?(?:{b})" for a in names for b in names if a != b]
    return re.compile(rf"(?<![\w.])(?:{'|'.join(pairs) or '(?!)'})(?!\w)")


class Candidates:
    def __init__(
        self,
        text: str,
        book: Book,
        tagger: Tagger,
        subjects: Callable[[int, int], list[str]],
        event_date: str | None,
    ) -> None:
        self.text = text
        self.book = book
        self.tagger = tagger
        self.subjects = subjects
        self.event_date = event_date
        self._pair: re.Pattern[str] | None = None

    def _both_sides(self, words: str) -> bool:
        """'the two sides', 'we agreed', or two sides named as a pair by the registry's words
        ('Moscow and Washington', 'Russia and the US')."""
        if BOTH_SIDES.search(words):
            return True
        if self._pair is None:
            self._pair = side_pairs(self.book.sides.values())
        return bool(self._pair and self._pair.search(words))

    def _issues(self, unit: Unit) -> tuple[str, ...]:
        return tuple(self.tagger.find(self.text[unit.start : unit.end])) or unit.issues

    def _sides(self, unit: Unit, cue_at: int, agreed: bool) -> tuple[list[str], list[str]]:
        """The sides and the speakers a unit's cue belongs to: the quote's speaker, or the
        persons (else the sides) named before the cue; 'the sides agreed': every side."""
        before = self.text[unit.start : unit.start + cue_at]
        persons = [unit.speaker] if unit.speaker else self.subjects(unit.start, unit.start + cue_at)
        sides = [self.book.persons[p].side for p in persons]
        if agreed and self._both_sides(self.text[unit.start : unit.end]):
            sides = list(self.book.sides)
        elif not sides:
            sides = self.book.sides_named(before)
        return list(dict.fromkeys(sides)), persons

    def stances(self, units: list[Unit]) -> list[dict]:
        evidence: dict[tuple[str, str], Evidence] = {}
        for unit in units:
            words = self.text[unit.start : unit.end]
            found = [(status, m) for status, p in STANCE_CUES if (m := p.search(words))]
            issues = self._issues(unit)
            if not found or not issues:
                continue
            status, match = found[0]
            cue = " ".join(match.group().split())
            sides, _ = self._sides(unit, match.start(), status == "agreement")
            for issue in issues:
                for side in sides:
                    item = evidence.setdefault((issue, side), Evidence())
                    item.statuses.append(status)
                    item.cues.append(cue.lower())
                    item.paragraphs.append(unit.paragraph)
                    if unit.quote and unit.speaker and self.book.persons[unit.speaker].side == side:
                        item.quotes.append(unit.quote)
        order = [status for status, _ in STANCE_CUES]
        result = []
        for (issue, side), item in evidence.items():
            counts = Counter(item.statuses)
            status = min(counts, key=lambda s: (-counts[s], order.index(s)))
            cues = ", ".join(f"'{c}'" for c in dict.fromkeys(item.cues))
            paragraphs = ", ".join(str(p) for p in dict.fromkeys(item.paragraphs))
            result.append(
                {
                    "issue": issue,
                    "side": side,
                    "status": status,
                    "summary": f"Draft candidate, to review and rewrite: {status} of "
                    f"{self.book.sides[side].short_name} on {issue}, from the words {cues} "
                    f"(paragraph {paragraphs}).",
                    "quotes": list(dict.fromkeys(item.quotes)),
                    "review": True,
                }
            )
        return result

    def next_steps(self, units: list[Unit], taken: Taken) -> list[dict]:
        steps = []
        for unit in units:
            words = self.text[unit.start : unit.end]
            target = self.target(words)
            cue = next(((kind, m) for kind, p in STEP_CUES if (m := p.search(words))), None)
            issues = self._issues(unit)
            if not issues or (cue is None and target is None):
                continue
            kind, match = cue if cue else ("proposed", None)
            sides, persons = self._sides(unit, match.start() if match else 0, kind == "agreed")
            who = {"agreed_by": sides} if kind == "agreed" else {f"{kind}_by": persons}
            if not next(iter(who.values())):
                continue
            clause = self._clause(unit, match if kind == "agreed" else None)
            if len(clause) > 150:
                clause = clause[:150].rsplit(" ", 1)[0] + " …"
            wanted = slug(f"{issues[0]} {' '.join(clause.split()[:4])}") or issues[0]
            step_id = taken.unique(wanted[:70].strip("-"))
            step = {
                "id": step_id,
                "issue": issues[0],
                "description": f"Draft candidate, to review and rewrite: {clause}",
                **who,
                "quotes": [unit.quote] if unit.quote else [],
                "review": True,
            }
            if target:
                step["target"] = target
            steps.append(step)
        return steps

    def _clause(self, unit: Unit, agreed: re.Match[str] | None) -> str:
        """What is to be done: the words after 'agreed to', else the sentence without its
        'X said that'; within the quote when the cue is in it."""
        start, end = unit.start, unit.end
        if unit.quote_span and (agreed is None or unit.quote_span[0] <= start + agreed.start()):
            start, end = unit.quote_span
        if agreed is not None:
            start = max(start, unit.start + agreed.end())
        words = self.text[start:end]
        if agreed is None:
            words = SAID_THAT.sub("", words, count=1)
        clause = " ".join(words.split()).strip(' ,;:."“”«»')
        return clause or " ".join(self.text[unit.start : unit.end].split())

    def target(self, words: str) -> dict | None:
        """A next step's target: the words, and a date at the precision they give."""
        for pattern in TARGETS:
            match = pattern.search(words)
            if match:
                return self._target(match)
        return None

    def _target(self, match: re.Match[str]) -> dict:
        target = {"words": " ".join(match.group().split())}
        parts = match.groupdict()
        if not parts:
            return target
        year = parts.get("year")
        month = parts.get("month")
        day = parts.get("day")
        basis = None
        if not year:
            if not self.event_date:
                target["basis"] = "The source gives no year and no --date was given; set it."
                return target
            year = self.event_date[:4]
            basis = (
                f"The source gives no year; the year is that of the meeting ({self.event_date})."
            )
        date = year
        if month:
            date += f"-{MONTHS.index(month) + 1:02d}"
            if day:
                date += f"-{int(day):02d}"
        try:
            check_partial_date(date)
        except ValueError:
            return target
        target["date"] = date
        if basis:
            target["basis"] = basis
        return target
