"""Read one YAML file safely into plain Python values, remembering the line of every field.

PyYAML's own constructors are not used: they turn bare dates into `date` objects (and crash on
impossible ones), keep the last of duplicate keys silently, and expand aliases. Here the file is
composed into nodes with the safe (C, where available) loader, then walked by hand: duplicate keys,
aliases, merge keys and any non-standard tag are problems, and every scalar that is not a plain
number, boolean or null stays a string for pydantic to check.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

from dialogue_tracker.data_files import Refused, read_capped
from dialogue_tracker.problems import Problem, field_name

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_BYTES = 1_000_000
MAX_DEPTH = 20
"""How deep mappings and lists may nest (the model needs 5 levels); deeper is not walked."""
Location = tuple[str | int, ...]

_SCALARS = {
    "tag:yaml.org,2002:str": str,
    "tag:yaml.org,2002:timestamp": str,
    "tag:yaml.org,2002:int": int,
    "tag:yaml.org,2002:float": float,
}
_COLLECTIONS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


class YamlFile:
    """The values of one YAML file and the line on which each field starts."""

    def __init__(self, path: Path, shown_as: str, root: Path | None = None) -> None:
        self.shown_as = shown_as
        self.lines: dict[Location, int] = {}
        self.problems: list[Problem] = []
        self._seen: set[int] = set()
        self._aliased = False
        with _gc_paused():
            self.value: Any = self._read(path, root)

    def line_of(self, location: Location) -> int | None:
        """The line of the deepest recorded field on `location`'s path."""
        for end in range(len(location), -1, -1):
            if location[:end] in self.lines:
                return self.lines[location[:end]]
        return None

    def _problem(self, line: int | None, field: str, message: str) -> None:
        self.problems.append(Problem(self.shown_as, line, field, message))

    def _read(self, path: Path, root: Path | None) -> Any:
        try:
            raw = read_capped(path, MAX_BYTES, root)
        except Refused as refused:
            return self._problem(None, "(file)", str(refused))
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line, byte = raw[: error.start].count(b"\n") + 1, raw[error.start]
            return self._problem(line, "(file)", f"not UTF-8: byte {byte:#04x}; save it as UTF-8")
        try:
            node = yaml.compose(text, Loader=Loader)
        except yaml.MarkedYAMLError as error:
            return self._syntax_problem(error, text)
        except yaml.reader.ReaderError as error:
            return self._character_problem(error, text)
        except RecursionError:  # PyYAML's own composer, where libyaml is missing
            return self._problem(None, "(yaml)", f"nested more than {MAX_DEPTH} levels deep")
        except yaml.YAMLError as error:
            return self._problem(None, "(yaml)", str(error))
        if node is None:
            return self._problem(None, "(file)", "the file is empty; expected a mapping")
        value = self._value(node, ())
        if self._aliased:
            self._alias_problems(text)
        return value

    def _syntax_problem(self, error: yaml.MarkedYAMLError, text: str) -> None:
        mark, context = error.problem_mark or error.context_mark, error.context_mark
        message = f"{error.problem} (column {mark.column + 1})" if mark else str(error.problem)
        if error.context and context and "plain scalar" not in error.context:
            message += (
                f", {error.context} that starts on line {context.line + 1},"
                f" column {context.column + 1}"
            )
        if "mapping values are not allowed" in str(error.problem):
            message += "; put a value that contains ': ' in quotes"
        if mark:
            message += _tab_hint(text, mark.line)
        self._problem(mark and mark.line + 1, "(yaml)", message)

    def _character_problem(self, error: yaml.reader.ReaderError, text: str) -> None:
        """A character YAML refuses (a control character), by line and column."""
        before = text[: error.position]
        line, column = before.count("\n") + 1, error.position - (before.rfind("\n") + 1) + 1
        character = f"U+{error.character:04X}" if isinstance(error.character, int) else "?"
        message = f"the control character {character} (column {column}) is not allowed in YAML"
        self._problem(line, "(yaml)", message + "; remove it or write it as an escape")

    def _alias_problems(self, text: str) -> None:
        """One problem per line using an alias (a composed node knows only its anchor's line)."""
        events = yaml.parse(text, Loader=Loader)
        lines = sorted({e.start_mark.line + 1 for e in events if isinstance(e, yaml.AliasEvent)})
        for line in lines:
            self._problem(line, "(yaml)", "aliases (*name) are not allowed; write the value out")

    def _value(self, node: yaml.Node, location: Location) -> Any:
        if id(node) in self._seen:
            self._aliased = True
            return None
        line = self.lines.setdefault(location, node.start_mark.line + 1)
        self._seen.add(id(node))
        if len(location) > MAX_DEPTH:
            message = f"nested more than {MAX_DEPTH} levels deep; the data needs at most 5"
            named = [i for i, part in enumerate(location, 1) if isinstance(part, str)]
            return self._problem(line, field_name(location[: max(named, default=1)]), message)
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, location)
        if node.tag not in _COLLECTIONS:
            return self._problem(line, field_name(location), _tag_message(node.tag))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, location)
        return [self._value(item, (*location, i)) for i, item in enumerate(node.value)]

    def _mapping(self, node: yaml.MappingNode, location: Location) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str) or key_node.tag == "tag:yaml.org,2002:merge":
                self._problem(line, field_name(location), "keys must be plain names")
                continue
            if key in result:
                first = self.lines[(*location, key)]
                self._problem(
                    line, field_name((*location, key)), f"duplicate key (first on line {first})"
                )
                continue
            self.lines[(*location, key)] = line
            result[key] = self._value(value_node, (*location, key))
        return result

    def _scalar(self, node: yaml.ScalarNode, location: Location) -> Any:
        if node.tag == "tag:yaml.org,2002:null":
            return None
        if node.tag == "tag:yaml.org,2002:bool":
            return node.value.lower() in ("true", "yes", "on")
        if node.tag in _SCALARS:
            try:
                return _SCALARS[node.tag](node.value)
            except ValueError:
                return node.value
        line = node.start_mark.line + 1
        return self._problem(line, field_name(location), _tag_message(node.tag))


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while one file is composed and walked.

    Composing makes many short-lived nodes, and every collection they trigger also walks all the
    values loaded before: with the collector on, loading 10,000 statements took 0.75 s instead of
    0.54 s, and 50,000 took 4.8 s instead of 3.2 s (docs/performance.md). Only a recursive alias
    makes a cycle here; it is reported, and collected once the collector runs again.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _tab_hint(text: str, line_index: int) -> str:
    lines = text.splitlines()
    near = lines[max(0, line_index - 1) : line_index + 1]
    return "; tabs cannot indent YAML, use spaces" if any("\t" in line for line in near) else ""


def _tag_message(tag: str) -> str:
    shown = tag.replace("tag:yaml.org,2002:", "!!")
    return f"the tag {shown} is not allowed; write a plain value"
