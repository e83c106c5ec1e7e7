"""How the drafter's time grows with the article: `.venv/bin/python benchmarks/draft_scaling.py`.

Builds articles of 250 kB, 500 kB and 1 MB by repeating the seed article's paragraphs, and
transcripts of the same sizes by repeating the turns of tests/articles/transcript.txt, drafts each
in this process (as `draft` does, cutting a text whose YAML would pass the size limit into parts,
without writing files) and prints the wall-clock and CPU time (the CPU time does not count the
waits of a busy machine), the parts and the largest YAML file. A linear drafter doubles its time
when the text doubles.
Options: --sizes 250,500 (kB), --kinds article,transcript.
"""

from __future__ import annotations

import argparse
import time

from dialogue_tracker.draft.pipeline import Options, Registry
from dialogue_tracker.draft.split import drafts_within_limit
from dialogue_tracker.loader import load_catalog
from dialogue_tracker.paths import DATA, PROJECT

SEED_TEXT = DATA / "sources" / "moscow-talks-2016-03-24.txt"
TRANSCRIPT = PROJECT / "tests" / "articles" / "transcript.txt"


KINDS = {
    "article": (SEED_TEXT, "\n\n"),
    "transcript": (TRANSCRIPT, "\n\n"),
    "article-lines": (SEED_TEXT, "\n"),
    "transcript-lines": (TRANSCRIPT, "\n"),
}
"""A sample and the break between its paragraphs (a single newline makes one long paragraph, as
many transcripts copied from a web page are)."""


FIRST = ("Anna", "Boris", "Clara", "David", "Elena")
LAST = ("Adams", "Baker", "Carter", "Dunn", "Evans", "Fisher", "Grant", "Hill")
NAMES = [f"{first} {last}" for first in FIRST for last in LAST]


def article_of(size: int, kind: str) -> str:
    """A text of about `size` bytes: a heading, then the sample's body over and over, each copy
    ending with words of one of 40 people the registry does not know (each becomes a stub)."""
    sample, paragraph_break = KINDS[kind]
    head, _, body = sample.read_text(encoding="utf-8").partition("\n\n")
    body = paragraph_break.join(body.strip().split("\n\n"))
    parts = [head, "\n\n"]
    length = len(head.encode())
    while length < size:
        name = f"Envoy {NAMES[len(parts) % len(NAMES)]}"
        parts.append(f'{body}{paragraph_break}"We will see," said {name}.{paragraph_break}')
        length += len(parts[-1].encode())
    return "".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="250,500,1000", help="kB, comma-separated")
    parser.add_argument("--kinds", default=",".join(KINDS))
    args = parser.parse_args()
    registry = Registry.of(load_catalog(DATA))
    print(f"{'kind':<16} {'size':>8} {'quotes':>7} {'parts':>5} {'wall s':>7} {'CPU s':>6} "
          f"{'largest YAML':>12}")  # fmt: skip
    for kind in args.kinds.split(","):
        for kilobytes in map(int, args.sizes.split(",")):
            text = article_of(kilobytes * 1000, kind)
            started, cpu = time.perf_counter(), time.process_time()
            drafted = drafts_within_limit(text, Options("scaling", date="2016-03-24"), registry)
            wall, cpu = time.perf_counter() - started, time.process_time() - cpu
            quotes = sum(len(item.draft.quotes) for item in drafted)
            largest = max(len(item.content.encode()) for item in drafted)
            size = f"{len(text.encode()) // 1000} kB"
            print(
                f"{kind:<16} {size:>8} {quotes:>7} {len(drafted):>5} {wall:>7.1f} {cpu:>6.1f} "
                f"{largest:>12,}",
                flush=True,
            )


if __name__ == "__main__":
    main()
