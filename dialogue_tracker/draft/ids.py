"""Ids already in use, and the next free one for a wanted name (`name`, `name-2`, `name-3`...)."""

from __future__ import annotations


class Taken(set[str]):
    """A set of ids that remembers, for each wanted name, where its numbering got to, so that a
    name wanted a thousand times costs no more than once (a long transcript repeats itself)."""

    def __init__(self, ids=()) -> None:
        super().__init__(ids)
        self._next: dict[str, int] = {}

    def unique(self, wanted: str) -> str:
        """`wanted`, or `wanted-N` with the lowest free N from 2; taken from now on."""
        name, number = wanted, self._next.get(wanted, 2)
        while name in self:
            name = f"{wanted}-{number}"
            number += 1
        self._next[wanted] = number
        self.add(name)
        return name
