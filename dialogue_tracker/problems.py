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
        return f"{where}: {self.field}: {self.message}"


class DataError(Exception):
    """The data cannot be loaded; `problems` lists every reason found, in file order."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


def field_name(location: tuple[str | int, ...]) -> str:
    """A location in a file as a curator reads it: `quotes[2].text`."""
    text = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in location)
    return text.lstrip(".") or "(top)"
