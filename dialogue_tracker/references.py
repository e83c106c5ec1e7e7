"""Cross-file checks: every id is unique within its kind and every reference names a record."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from dialogue_tracker.problems import Problem

Location = tuple[str | int, ...]


def check_references(registries: dict[str, Any], sources: list[Any]) -> list[Problem]:
    """Problems with ids and references across the registries and the source files."""
    known = {
        "side": {side.id for side in registries["sides.yaml"].record.sides},
        "speaker": {speaker.id for speaker in registries["speakers.yaml"].record.speakers},
        "issue": {issue.id for issue in registries["issues.yaml"].record.issues},
    }
    checks = _Checks()
    for name, key in (("sides.yaml", "sides"), ("speakers.yaml", "speakers")):
        checks.unique(registries[name], key, key)
    checks.unique(registries["issues.yaml"], "issues", "issues")
    checks.unique(registries["context.yaml"], "milestones", "milestones")
    for index, speaker in enumerate(registries["speakers.yaml"].record.speakers):
        checks.refer(
            registries["speakers.yaml"],
            ("speakers", index, "side"),
            speaker.side,
            known["side"],
            "side",
        )
    for index, milestone in enumerate(registries["context.yaml"].record.milestones):
        checks.refer_all(
            registries["context.yaml"],
            ("milestones", index, "issues"),
            milestone.issues,
            known["issue"],
            "issue",
        )
    for parsed in sources:
        checks.source(parsed, known)
    known["source"] = {parsed.record.source.id for parsed in sources}
    known["quote"] = {quote.id for parsed in sources for quote in parsed.record.quotes}
    for parsed in sources:
        checks.evidence(parsed, known)
    checks.statements(sources)
    return checks.problems


class _Checks:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.seen: dict[tuple[str, str], str] = {}

    def unique(self, parsed: Any, key: str, kind: str) -> None:
        for index, item in enumerate(getattr(parsed.record, key)):
            self.unique_id(parsed, (key, index, "id"), kind, item.id)

    def unique_id(self, parsed: Any, location: Location, kind: str, value: str) -> None:
        where = f"{parsed.file.shown_as}:{parsed.file.line_of(location)}"
        first = self.seen.setdefault((kind, value), where)
        if first != where:
            self.problems.append(
                parsed.problem(location, f"duplicate id {value!r} (first at {first})")
            )

    def refer(
        self, parsed: Any, location: Location, value: str, known: set[str], kind: str
    ) -> None:
        if value not in known:
            listed = ", ".join(sorted(known)) or "none"
            close = difflib.get_close_matches(value, known, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            self.problems.append(
                parsed.problem(location, f"unknown {kind} {value!r}{hint} (known: {listed})")
            )

    def refer_all(
        self, parsed: Any, location: Location, values: Iterable[str], known: set[str], kind: str
    ) -> None:
        for index, value in enumerate(values):
            self.refer(parsed, (*location, index), value, known, kind)

    def source(self, parsed: Any, known: dict[str, set[str]]) -> None:
        record = parsed.record
        self.unique_id(parsed, ("source", "id"), "sources", record.source.id)
        quotes = {quote.id for quote in record.quotes}
        for index, note in enumerate(record.source.notes):
            self.unique_id(
                parsed, ("source", "notes", index, "id"), f"notes of {record.source.id}", note.id
            )
            self.refer_all(
                parsed, ("source", "notes", index, "quotes"), note.quotes, quotes, "quote"
            )
        for index, quote in enumerate(record.quotes):
            self.unique_id(parsed, ("quotes", index, "id"), "quotes", quote.id)
            if quote.speaker is not None:  # null: a draft's quote with no speaker found
                self.refer(
                    parsed, ("quotes", index, "speaker"), quote.speaker, known["speaker"], "speaker"
                )
            self.refer_all(
                parsed, ("quotes", index, "issues"), quote.issues, known["issue"], "issue"
            )
        for index, stance in enumerate(record.stances):
            self.stance(parsed, index, stance, known, quotes)
        for index, step in enumerate(record.next_steps):
            self.step(parsed, index, step, known, quotes)

    def stance(
        self, parsed: Any, index: int, stance: Any, known: dict[str, set[str]], quotes: set[str]
    ) -> None:
        self.refer(parsed, ("stances", index, "issue"), stance.issue, known["issue"], "issue")
        self.refer(parsed, ("stances", index, "side"), stance.side, known["side"], "side")
        self.refer_all(parsed, ("stances", index, "quotes"), stance.quotes, quotes, "quote")
        key = f"stances of {parsed.record.source.id}"
        self.unique_id(parsed, ("stances", index), key, f"{stance.issue}/{stance.side}")

    def step(
        self, parsed: Any, index: int, step: Any, known: dict[str, set[str]], quotes: set[str]
    ) -> None:
        location: Location = ("next_steps", index)
        self.unique_id(parsed, (*location, "id"), "next steps", step.id)
        self.refer(parsed, (*location, "issue"), step.issue, known["issue"], "issue")
        self.refer_all(parsed, (*location, "agreed_by"), step.agreed_by, known["side"], "side")
        self.refer_all(
            parsed, (*location, "proposed_by"), step.proposed_by, known["speaker"], "speaker"
        )
        self.refer_all(
            parsed, (*location, "demanded_by"), step.demanded_by, known["speaker"], "speaker"
        )
        self.refer_all(parsed, (*location, "quotes"), step.quotes, quotes, "quote")
        if not (step.agreed_by or step.proposed_by or step.demanded_by):
            self.problems.append(
                parsed.problem(
                    location,
                    "fill agreed_by, proposed_by or demanded_by",
                )
            )

    def evidence(self, parsed: Any, known: dict[str, set[str]]) -> None:
        """A status-log entry names a source of the data and quotes of any source."""
        for index, step in enumerate(parsed.record.next_steps):
            for entry, update in enumerate(step.status_log):
                location: Location = ("next_steps", index, "status_log", entry)
                if update.source_id is not None:
                    self.refer(
                        parsed,
                        (*location, "source_id"),
                        update.source_id,
                        known["source"],
                        "source",
                    )
                self.refer_all(
                    parsed, (*location, "quotes"), update.quotes, known["quote"], "quote"
                )

    def statements(self, sources: list[Any]) -> None:
        """Quotes sharing a statement id are its variants: at least two, by one speaker."""
        by_statement: dict[str, list[tuple[Any, int, Any]]] = {}
        for parsed in sources:
            for index, quote in enumerate(parsed.record.quotes):
                if quote.statement is not None:
                    by_statement.setdefault(quote.statement, []).append((parsed, index, quote))
        for statement, variants in by_statement.items():
            parsed, index, first = variants[0]
            if len(variants) == 1:
                self.problems.append(
                    parsed.problem(
                        ("quotes", index, "statement"),
                        f"statement {statement!r} has no other variant; give the other wording "
                        "the same statement id, or drop it",
                    )
                )
            for parsed, index, quote in variants[1:]:
                if quote.speaker != first.speaker:
                    self.problems.append(
                        parsed.problem(
                            ("quotes", index, "speaker"),
                            f"statement {statement!r} is {first.speaker}'s (quote {first.id!r}); "
                            f"a variant cannot be {quote.speaker}'s",
                        )
                    )
