"""Problems found in the data, each naming its file, line (where known) and field."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data, told so that a curator can act on it."""

    path: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return escape_controls(f"{where}: {self.field}: {self.message}")


def escape_controls(text: str) -> str:
    """`text` with every character that is not printable (controls, bidi marks, line breaks)
    written as its escape (`\\x1b`), so that data quoted in a message can neither drive a
    terminal nor disguise itself."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


class DataError(Exception):
    """The data cannot be loaded; `problems` lists every reason found, in file order."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


def field_name(location: tuple[str | int, ...]) -> str:
    """A location in a file as a curator reads it: `quotes[2].text`."""
    text = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in location)
    return text.lstrip(".") or "(top)"
