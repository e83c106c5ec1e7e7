"""The Quotes page's codebook names the values the data allows, from the registries and model."""

from __future__ import annotations

import dataclasses
from types import MappingProxyType

import pytest

from dialogue_tracker.downloads import codebook, codebook_text
from dialogue_tracker.loader import load_catalog
from dialogue_tracker.model import Side
from dialogue_tracker.paths import DATA

pytestmark = pytest.mark.unit


def test_the_codebook_names_the_sides_of_the_registry() -> None:
    catalog = load_catalog(DATA)
    eu = Side(id="eu", name="European Union", short_name="EU")
    sides = MappingProxyType({**catalog.sides, "eu": eu})
    book = codebook(dataclasses.replace(catalog, sides=sides))
    assert book["side"]["allowed values"] == "us, russia, eu"
    assert book["side_name"]["allowed values"] == "US, Russia, EU"


def test_the_codebook_names_the_model_s_kinds_of_source() -> None:
    text = codebook_text(load_catalog(DATA)).decode("utf-8")
    assert "Id of the source (news report or transcript) that quotes them." in text
