"""A synthetic but valid data folder of any size, for benchmarks and load tests.

`write_corpus` copies the registries (sides, speakers, issues, context, schema) from a real data
folder and writes generated sources beside them. Every source holds the same number of records, so
the size of a corpus is predictable:

- one stance per issue and side (18 with the shipped registries), statuses spread over all six;
- `QUOTES_PER_SOURCE` quotes, each standing verbatim in the source's generated text;
- `STEPS_PER_SOURCE` next steps, with targets at day, month and year precision, in words only, or
  none, and some with a status log.

That is 40 statements (quotes + stances + next steps) per source with the shipped registries.
`plan(statements=N)` spreads exactly N statements over as few sources as keep each one at its usual
size. Output depends only on the registries and the seed: the same seed writes the same bytes.
"""

from __future__ import annotations

import calendar
import json
import os
import random
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from dialogue_tracker.model import IssuesFile, SidesFile, Speaker, SpeakersFile
from dialogue_tracker.schema import SCHEMA_FILE
from dialogue_tracker.yaml_reader import YamlFile

QUOTES_PER_SOURCE = 12
STEPS_PER_SOURCE = 10
FIRST_YEAR, LAST_YEAR = 2000, 2025
SCHEMA_LINE = f"# yaml-language-server: $schema=../{SCHEMA_FILE}"
REGISTRIES = ("sides.yaml", "speakers.yaml", "issues.yaml", "context.yaml", SCHEMA_FILE)
MANIFEST = ".synth-files"
"""The list of the files `write_corpus` wrote to a folder: what `--force` may remove."""

STANCE_STATUSES = ("agreement", "disagreement", "conditional", "proposal", "concern", "not_stated")
LOGGED_STATUSES = ("in_progress", "done", "missed", "dropped")
CITIES = (
    "Moscow", "Washington", "Geneva", "Vienna", "Helsinki", "Paris", "Sochi", "New York",
    "Munich", "Astana", "Hamburg", "Reykjavik",
)  # fmt: skip
OUTLETS = ("Interfax", "TASS", "Reuters", "Associated Press", "RIA Novosti", "unknown")
VERBS = ("said", "added", "noted", "stressed", "told reporters", "insisted", "remarked")
OPENERS = (
    "We have agreed", "We believe", "It is important", "We are convinced", "We cannot accept",
    "We are ready", "Our position is clear", "We expect", "We proposed", "Nobody should doubt",
    "We insist", "We hope",
)  # fmt: skip
LINKERS = (
    "that the work on", "that any progress on", "that our approach to", "that the talks on",
    "that the agreement on", "that the dialogue on", "that the commitments on",
)  # fmt: skip
CLOSERS = (
    "must continue at the expert level", "depends on concrete steps by our partners",
    "needs a clear timetable", "has to respect the interests of both sides",
    "should be reviewed at the next meeting", "cannot wait until next year",
    "requires verification", "will be discussed again by the ministers",
    "must be based on international law", "has reached a difficult stage",
)  # fmt: skip
QUALIFIERS = (
    "in the coming weeks", "without preconditions", "step by step", "as soon as possible",
    "in good faith", "together with our partners", "despite the differences", "at every level",
)  # fmt: skip
ACTIONS = (
    "Hold expert consultations on", "Exchange draft proposals on", "Set up a working group on",
    "Report to the presidents on", "Resume the regular review of", "Publish a joint statement on",
    "Prepare a road map on", "Schedule a new round of talks on",
)  # fmt: skip
FILLER = (
    "The meeting lasted several hours and ended later than planned.",
    "Journalists were briefed after the talks.",
    "Both delegations described the atmosphere as businesslike.",
    "Officials declined to give further details.",
    "The talks were held behind closed doors.",
    "A further meeting was not ruled out.",
    "Observers noted the length of the conversation.",
    "The sides exchanged documents before the talks began.",
)  # fmt: skip
WORDS_ONLY = (
    "as soon as possible",
    "in the near future",
    "as the next step",
    "when conditions allow",
)


@dataclass(frozen=True)
class Registries:
    """What the generator needs to know of the registries it copies."""

    sides: tuple[str, ...]
    speakers: tuple[Speaker, ...]
    issues: tuple[tuple[str, str], ...]

    @property
    def stances_per_source(self) -> int:
        return len(self.sides) * len(self.issues)

    @classmethod
    def read(cls, data_dir: Path) -> Registries:
        def record(name: str, model):
            parsed = YamlFile(data_dir / name, name)
            if parsed.problems:
                raise ValueError("; ".join(str(problem) for problem in parsed.problems))
            return model.model_validate(parsed.value)

        return cls(
            sides=tuple(side.id for side in record("sides.yaml", SidesFile).sides),
            speakers=record("speakers.yaml", SpeakersFile).speakers,
            issues=tuple((i.id, i.title) for i in record("issues.yaml", IssuesFile).issues),
        )


@dataclass(frozen=True)
class Plan:
    """How many quotes and next steps each source gets (stances are fixed by the registries)."""

    quotes: tuple[int, ...]
    steps: tuple[int, ...]
    stances_per_source: int

    @property
    def sources(self) -> int:
        return len(self.quotes)

    def counts(self) -> dict[str, int]:
        stances = self.stances_per_source * self.sources
        quotes, steps = sum(self.quotes), sum(self.steps)
        return {
            "sources": self.sources,
            "quotes": quotes,
            "stances": stances,
            "next_steps": steps,
            "statements": quotes + stances + steps,
        }


def plan(
    registries: Registries, *, sources: int | None = None, statements: int | None = None
) -> Plan:
    """Either `sources` of the usual size, or exactly `statements` spread over as few sources."""
    stances = registries.stances_per_source
    per_source = stances + QUOTES_PER_SOURCE + STEPS_PER_SOURCE
    if (sources is None) == (statements is None):
        raise ValueError("give either a number of sources or a number of statements")
    if sources is not None:
        if sources < 1:
            raise ValueError("at least one source is needed")
        return Plan((QUOTES_PER_SOURCE,) * sources, (STEPS_PER_SOURCE,) * sources, stances)
    assert statements is not None
    if statements < stances:
        raise ValueError(f"at least {stances} statements are needed (the stances of one source)")
    count = max(1, statements // per_source)
    spare, extra = divmod(statements - stances * count, count)
    quotes, steps = [], []
    for index in range(count):
        rest = spare + (index < extra)
        share = round(rest * QUOTES_PER_SOURCE / (QUOTES_PER_SOURCE + STEPS_PER_SOURCE))
        quotes.append(share)
        steps.append(rest - share)
    return Plan(tuple(quotes), tuple(steps), stances)


def write_corpus(
    out: Path,
    the_plan: Plan,
    registries_from: Path,
    *,
    seed: int = 0,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, int]:
    """Write the registries and the planned sources to `out`; return the counts written."""
    registries = Registries.read(registries_from)
    sources_dir = out / "sources"
    sources_dir.mkdir(parents=True, exist_ok=True)
    for name in REGISTRIES:
        shutil.copyfile(registries_from / name, out / name)
    width = max(5, len(str(the_plan.sources)))
    manifest = (out / MANIFEST).open("a", encoding="utf-8")
    manifest.write("".join(f"{name}\n" for name in REGISTRIES))
    for index in range(the_plan.sources):
        source = _SourceWriter(
            registries, seed, index, width, the_plan.quotes[index], the_plan.steps[index]
        )
        yaml_text, text = source.render()
        (sources_dir / f"{source.id}.yaml").write_text(yaml_text, encoding="utf-8")
        (sources_dir / f"{source.id}.txt").write_text(text, encoding="utf-8")
        manifest.write(f"sources/{source.id}.yaml\nsources/{source.id}.txt\n")
        if progress:
            progress(index + 1, the_plan.sources)
    manifest.close()
    return the_plan.counts()


def clear_corpus(out: Path) -> None:
    """Remove what `write_corpus` wrote to `out` (as its list of files says), and nothing else."""
    for name in written_files(out):
        (out / name).unlink(missing_ok=True)
    (out / MANIFEST).unlink(missing_ok=True)


def written_files(out: Path) -> set[str]:
    """The files of `out` that `write_corpus` wrote (relative paths), from its list."""
    manifest = out / MANIFEST
    return (
        set(manifest.read_text(encoding="utf-8").split("\n")) - {""}
        if manifest.is_file()
        else set()
    )


def foreign_files(out: Path) -> list[str]:
    """Files where `write_corpus` would write that it did not write itself."""
    there = [name for name in REGISTRIES if os.path.lexists(out / name)]
    if (out / "sources").is_dir():
        there += [f"sources/{path.name}" for path in sorted((out / "sources").iterdir())]
    return sorted(set(there) - written_files(out))


class _SourceWriter:
    """One generated source: its YAML records and the text its quotes stand in."""

    def __init__(
        self, registries: Registries, seed: int, index: int, width: int, quotes: int, steps: int
    ) -> None:
        self.reg = registries
        self.rng = random.Random(f"{seed}:{index}")
        self.id = f"synth-{index + 1:0{width}d}"
        self.n_quotes = quotes
        self.n_steps = steps
        self.year = self.rng.randint(FIRST_YEAR, LAST_YEAR)
        self.month = self.rng.randint(1, 12)
        self.day = self.rng.randint(1, calendar.monthrange(self.year, self.month)[1])
        self.city = self.rng.choice(CITIES)
        topic = self.rng.choice(registries.issues)[1]
        self.title = f"Talks in {self.city}: the sides review {topic} and more"

    def render(self) -> tuple[str, str]:
        quotes = list(self._quotes())
        paragraphs = self._paragraphs(quotes)
        lines = [SCHEMA_LINE, *self._source_lines(quotes), "", "quotes:"]
        for quote in quotes:
            lines += quote.lines()
        lines += ["", "stances:", *self._stances(quotes), "", "next_steps:"]
        lines += self._steps(quotes)
        return "\n".join(lines) + "\n", "\n\n".join(paragraphs) + "\n"

    def _event_date(self) -> str:
        roll = self.rng.random()
        if roll < 0.85:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{self.month:02d}" if roll < 0.95 else f"{self.year:04d}"

    def _source_lines(self, quotes: list[_Quote]) -> list[str]:
        rng = self.rng
        lines = [
            "source:",
            f"  id: {self.id}",
            f"  text_file: {self.id}.txt",
            f"  kind: {rng.choice(('news_report', 'news_report', 'transcript'))}",
            f"  title: {_q(self.title)}",
            f"  publisher: {_q(rng.choice(OUTLETS))}",
        ]
        if rng.random() < 0.7:
            lines.append(f"  url: https://news.example.org/{self.year}/{self.id}")
        lines += [
            f"  event: {_q(f'Synthetic meeting number {self.id[6:]} in {self.city}')}",
            f"  event_date: {_q(self._event_date())}",
            "  event_date_basis: Generated; the date is spread at random over the years.",
        ]
        if quotes and rng.random() < 0.3:
            lines += [
                "  notes:",
                "    - id: generated",
                "      text: This source is synthetic; its quotes were generated for load tests.",
                f"      quotes: [{quotes[0].id}]",
                "      sources:",
                "        - title: Dialogue Tracker benchmarks",
                "          url: https://example.org/dialogue-tracker/benchmarks",
            ]
        return lines

    def _quotes(self) -> Iterator[_Quote]:
        rng = self.rng
        for number in range(1, self.n_quotes + 1):
            speaker = rng.choice(self.reg.speakers)
            count = 2 if rng.random() < 0.2 else 1
            issues = tuple(issue for issue, _ in rng.sample(self.reg.issues, count))
            title = dict(self.reg.issues)[issues[0]]
            words = (
                f"{rng.choice(OPENERS)} {rng.choice(LINKERS)} {title} "
                f"{rng.choice(CLOSERS)} {rng.choice(QUALIFIERS)} (point {number})"
            )
            text = words + ("," if rng.random() < 0.6 else ".")
            translated = rng.choice((None, None, True, False))
            via = rng.choice(OUTLETS[:5]) if rng.random() < 0.3 else None
            verb = rng.choice(VERBS)
            yield _Quote(f"{self.id}-q{number:02d}", speaker, issues, text, verb, via, translated)

    def _paragraphs(self, quotes: list[_Quote]) -> list[str]:
        rng = self.rng
        first = {}
        for speaker in self.reg.speakers:
            first.setdefault(speaker.side, speaker.name)
        names = " and ".join(first.values())
        paragraphs = [
            self.title,
            f"{names} met in {self.city} to discuss the relations between their countries.",
        ]
        for quote in quotes:
            if rng.random() < 0.3:
                paragraphs.append(rng.choice(FILLER))
            paragraphs.append(f"“{quote.text}” {quote.attribution}.")
        paragraphs.append(rng.choice(FILLER))
        return paragraphs

    def _stances(self, quotes: list[_Quote]) -> list[str]:
        rng = self.rng
        sides = {speaker.id: speaker.side for speaker in self.reg.speakers}
        lines = []
        for issue, title in self.reg.issues:
            for side in self.reg.sides:
                status = rng.choice(STANCE_STATUSES)
                lines += [
                    f"  - issue: {issue}",
                    f"    side: {side}",
                    f"    status: {status}",
                    f"    summary: {_q(f'Generated {status} of {side} on {title}.')}",
                ]
                support = [
                    q.id
                    for q in quotes
                    if issue in q.issues and sides[q.speaker.id] == side and status != "not_stated"
                ]
                if support:
                    lines.append(f"    quotes: [{', '.join(support[:3])}]")
        return lines

    def _steps(self, quotes: list[_Quote]) -> list[str]:
        rng = self.rng
        lines = []
        for number in range(1, self.n_steps + 1):
            issue, title = rng.choice(self.reg.issues)
            lines += [
                f"  - id: {self.id}-step-{number:02d}",
                f"    issue: {issue}",
                f"    description: {_q(f'{rng.choice(ACTIONS)} {title} ({number}).')}",
            ]
            who = rng.random()
            if who < 0.5:
                lines.append(f"    agreed_by: [{', '.join(self.reg.sides)}]")
            else:
                key = "proposed_by" if who < 0.8 else "demanded_by"
                lines.append(f"    {key}: [{rng.choice(self.reg.speakers).id}]")
            target, dated = self._target(rng)
            lines += target
            related = [q.id for q in quotes if issue in q.issues]
            if related:
                lines.append(f"    quotes: [{related[0]}]")
            if dated and rng.random() < 0.3:
                lines += self._status_log(rng)
        return lines

    def _target(self, rng: random.Random) -> tuple[list[str], bool]:
        """A target at day, month or year precision, in words only, or none at all."""
        roll = rng.random()
        year = min(self.year + rng.randint(0, 2), LAST_YEAR + 2)
        month = rng.randint(1, 12)
        if roll < 0.3:
            day = rng.randint(1, calendar.monthrange(year, month)[1])
            date, words = (
                f"{year:04d}-{month:02d}-{day:02d}",
                f"by {day} {calendar.month_name[month]}",
            )
        elif roll < 0.55:
            date, words = f"{year:04d}-{month:02d}", f"by {calendar.month_name[month]}"
        elif roll < 0.75:
            date, words = f"{year:04d}", f"within {year}"
        elif roll < 0.9:
            return ["    target:", f"      words: {_q(rng.choice(WORDS_ONLY))}"], False
        else:
            return [], False
        lines = [
            "    target:",
            f"      date: {_q(date)}",
            f"      words: {_q(words)}",
            "      basis: Generated with the target.",
        ]
        return lines, True

    def _status_log(self, rng: random.Random) -> list[str]:
        lines = ["    status_log:"]
        year = self.year
        for _ in range(rng.randint(1, 2)):
            year = min(year + rng.randint(0, 1), LAST_YEAR)
            month = rng.randint(1, 12)
            status = rng.choice(LOGGED_STATUSES)
            lines += [
                f"      - date: {_q(f'{year:04d}-{month:02d}')}",
                f"        status: {status}",
                f"        note: {_q(f'Generated update: {status}.')}",
                "        source:",
                "          title: Generated follow-up report",
                f"          url: https://news.example.org/{year}/{self.id}/follow-up",
            ]
        return lines


@dataclass(frozen=True)
class _Quote:
    id: str
    speaker: Speaker
    issues: tuple[str, ...]
    text: str
    verb: str
    reported_via: str | None
    translated: bool | None

    @property
    def attribution(self) -> str:
        return f"{self.speaker.name} {self.verb}"

    def lines(self) -> list[str]:
        lines = [
            f"  - id: {self.id}",
            f"    speaker: {self.speaker.id}",
            f"    attribution: {_q(self.attribution)}",
            f"    issues: [{', '.join(self.issues)}]",
            f"    text: {_q(self.text)}",
        ]
        if self.reported_via:
            lines.append(f"    reported_via: {_q(self.reported_via)}")
        if self.translated is not None:
            lines.append(f"    translated: {str(self.translated).lower()}")
        return lines


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)
