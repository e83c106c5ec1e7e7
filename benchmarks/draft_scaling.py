"""How the drafter's time grows with the article: `.venv/bin/python benchmarks/draft_scaling.py`.

Builds articles of 250 kB, 500 kB and 1 MB by repeating the seed article's paragraphs, and
transcripts of the same sizes by repeating the turns of tests/articles/transcript.txt, drafts each
in this process (as `draft` does, without writing files) and prints the time and the size of the
YAML it would write. A linear drafter doubles its time when the text doubles.
Options: --sizes 250,500 (kB), --kinds article,transcript.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from dialogue_tracker.draft.pipeline import Options, make_draft
from dialogue_tracker.draft.writer import document, yaml_text
from dialogue_tracker.loader import load_catalog

PROJECT = Path(__file__).resolve().parent.parent
SEED_TEXT = PROJECT / "data" / "sources" / "moscow-talks-2016-03-24.txt"
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
    catalog = load_catalog(PROJECT / "data")
    print(f"{'kind':<11} {'size':>8} {'quotes':>7} {'seconds':>8} {'YAML bytes':>11}")
    for kind in args.kinds.split(","):
        for kilobytes in map(int, args.sizes.split(",")):
            text = article_of(kilobytes * 1000, kind)
            started = time.perf_counter()
            draft = make_draft(
                text,
                Options("scaling", date="2016-03-24"),
                catalog.speakers.values(),
                catalog.sides.values(),
                catalog.issues.values(),
            )
            content = yaml_text(draft, document(draft))
            seconds = time.perf_counter() - started
            size = f"{len(text.encode()) // 1000} kB"
            print(
                f"{kind:<11} {size:>8} {len(draft.quotes):>7} {seconds:>8.1f} "
                f"{len(content.encode()):>11,}",
                flush=True,
            )


if __name__ == "__main__":
    main()
