"""The reader's journey as a seeded random walk: what a reader may do next on a page, shared by
the AppTest twin (test_journey.py) and the browser walk (test_journey_browser.py)."""

from __future__ import annotations

import collections
import random
from dataclasses import dataclass, field

IDS = {
    "issue": ["syria", "sanctions", "minsk", "cyber-crime", "bilateral-dialogue", "terrorism"],
    "speaker": ["putin", "lavrov", "kerry", "obama"],
    "side": ["us", "russia"],
}
PAGES = ["overview", "issue", "timeline", "quotes", "speakers", "source"]
WORDS = ["Ukraine", "Syria", "Geneva", "Interfax", "Sergei", "sanctions", "agreed", "zzz", ""]


@dataclass
class Walk:
    """A seeded walk; `replay` says how to run it again."""

    seed: int
    steps: int
    rng: random.Random = field(init=False)
    log: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)

    def next_action(self, page: str, rows: int, chosen: bool, back: bool = False) -> tuple:
        """An action that makes sense on `page` with `rows` rows in its quotes table."""
        choices = ["filter", "filter", "clear", "page", *(["back"] if back else [])]
        if page == "quotes":
            choices += ["search", "permalink"]
            choices += ["tick", "tick", "tick", "pick"] if rows else []
            choices += ["untick"] if chosen else []
        kind = self.rng.choice(choices)
        if kind == "filter":
            key = self.rng.choice(list(IDS))
            count = self.rng.choice([0, 1, 1, 2])
            return ("filter", key, sorted(self.rng.sample(IDS[key], min(count, len(IDS[key])))))
        if kind == "clear":
            return ("clear", self.rng.choice([*IDS, "all"]))
        if kind == "page":
            return ("page", self.rng.choice([*PAGES, "quotes", "quotes"]))
        if kind == "search":
            return ("search", self.rng.choice(WORDS))
        if kind in ("tick", "pick"):
            return (kind, self.rng.randrange(rows))
        return (kind,)

    def record(self, action: tuple) -> None:
        self.log.append(" ".join(map(str, action)))

    def counts(self) -> str:
        kinds = collections.Counter(entry.split()[0] for entry in self.log)
        return ", ".join(f"{kind} {n}" for kind, n in sorted(kinds.items()))

    def replay(self) -> str:
        recent = "\n  ".join(self.log[-8:])
        return f"seed {self.seed} (replay: JOURNEY_SEED={self.seed}); last actions:\n  {recent}"
