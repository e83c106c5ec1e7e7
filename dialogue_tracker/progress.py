"""What a long-running command is doing, told on stderr."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """Progress of `command` on `stream`. `step(doing)` says what it is doing, but only once it has
    taken longer than `after` seconds; `count(done, total)` keeps a counter, rewritten in place
    on a terminal at most every `every` seconds, else a line every 5 s (and always the last)."""

    def __init__(
        self, command: str, stream: TextIO = sys.stderr, after: float = 0.0, every: float = 0.2
    ) -> None:
        self.command = command
        self.stream = stream
        self.after = after
        self.tty = stream.isatty()
        self.every = every if self.tty else 5.0
        self.started = self.last = time.monotonic()

    def step(self, doing: str) -> None:
        if time.monotonic() - self.started > self.after:
            print(f"{self.command}: {doing}…", file=self.stream, flush=True)

    def count(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self.last < self.every:
            return
        self.last = now
        line = f"{self.command}: {done:,}/{total:,} sources ({now - self.started:.1f} s)"
        end = "\n" if done == total or not self.tty else ""
        self.stream.write(("\r" if self.tty else "") + line + end)
        self.stream.flush()
