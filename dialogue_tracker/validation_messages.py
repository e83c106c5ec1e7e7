"""Pydantic's validation errors in a curator's words: where in the data each one is, and a
message that names YAML's terms (a list, a mapping, quotes) rather than pydantic's."""

from __future__ import annotations

import difflib
from typing import Any, get_args

from pydantic import BaseModel

from dialogue_tracker.model import PATTERN_HELP


def curator_messages(
    model: type[BaseModel], value: Any, items: list[Any]
) -> list[tuple[tuple[str | int, ...], str]]:
    """(location in the data, message) for each of pydantic's `items` on `value`."""
    found: list[tuple[tuple, str, str]] = []
    typos = set()
    for item in items:
        location = _data_location(value, item["loc"])
        if item["type"] == "missing":
            location = (*location, item["loc"][-1])
            message = "required field is missing"
        elif item["type"] == "extra_forbidden":
            message, close = _unknown_field_message(model, location)
            typos.add((*location[:-1], close))
        else:
            message = _pydantic_message(item)
        found.append((location, item["type"], message))
    # "unknown field; did you mean 'speaker'?" already says that `speaker` is missing.
    return [
        (loc, message) for loc, kind, message in found if not (kind == "missing" and loc in typos)
    ]


def _data_location(value: Any, loc: tuple) -> tuple[str | int, ...]:
    """The part of a pydantic error location that exists in the data (drops union tags)."""
    location: list[str | int] = []
    for part in loc:
        in_list = isinstance(value, list) and isinstance(part, int) and part < len(value)
        if not (in_list or (isinstance(value, dict) and part in value)):
            break
        value = value[part]
        location.append(part)
    return tuple(location)


def _unknown_field_message(
    model: type[BaseModel], location: tuple[str | int, ...]
) -> tuple[str, str | None]:
    """The message for an unknown field, and the allowed field it is most likely a typo of."""
    allowed = sorted(_fields_at(model, location[:-1]))
    close = next(iter(difflib.get_close_matches(str(location[-1]), allowed, n=1)), None)
    hint = f"; did you mean '{close}'?" if close else ""
    return f"unknown field{hint} (allowed: {', '.join(allowed)})", close


def _pydantic_message(item: Any) -> str:
    """Pydantic's message for one error, reworded where a curator would not know its terms."""
    kind, value, context = item["type"], item["input"], item.get("ctx", {})
    if kind == "literal_error":
        return f"{value!r} is not allowed; {item['msg'][0].lower()}{item['msg'][1:]}"
    if kind == "value_error":
        return str(context["error"])
    if kind == "string_pattern_mismatch":
        expected = PATTERN_HELP.get(context["pattern"], f"text matching {context['pattern']}")
        return f"{value!r} is not allowed; expected {expected}"
    if kind == "string_type" and isinstance(value, bool):
        return "expected text, found true/false (YAML reads a bare yes, no, on or off so); quote it"
    if kind == "string_type" and isinstance(value, int | float):
        return f'expected text, found the number {value}; put it in quotes: "{value}"'
    if kind in ("tuple_type", "list_type"):
        scalar = isinstance(value, str | int | float) and not isinstance(value, bool)
        hint = f"; write [{value}]" if scalar else ""
        return f"expected a list, found {described(value)}{hint}"
    if kind in ("model_type", "dict_type"):
        return f"expected a mapping (field: value lines), found {described(value)}"
    if kind in ("bool_type", "bool_parsing"):
        return f"expected true or false, found {described(value)}"
    if kind == "too_short":
        return f"expected at least {context['min_length']} item(s), found none"
    return str(item["msg"])


def described(value: Any) -> str:
    """A YAML value as a curator names it: 'a list', 'the text 'x'', 'the number 3'."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"the text {value!r}"
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "true or false"
    return f"the value {value!r}"


def _fields_at(model: type[BaseModel], location: tuple[str | int, ...]) -> set[str]:
    """The field names of the model found by walking `location` through `model`'s fields."""
    current: Any = model
    for part in location:
        if isinstance(part, str):
            current = _record_in(current.model_fields[part].annotation)
    return set(current.model_fields)


def _record_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next(filter(None, (_record_in(arg) for arg in get_args(annotation))), None)
