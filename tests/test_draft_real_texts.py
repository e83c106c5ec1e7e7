"""The drafter on the real 2016 texts in data/sources/ where it once failed, and on the
attribution and furniture rules those failures called for."""

from __future__ import annotations

import pytest

from dialogue_tracker.draft.pipeline import Draft, Options, Registry, make_draft
from dialogue_tracker.draft.text import furniture_kind
from dialogue_tracker.loader import load_catalog
from dialogue_tracker.model import Issue, Side, Speaker
from dialogue_tracker.paths import DATA

pytestmark = pytest.mark.unit

SOURCES = DATA / "sources"


def draft(text: str) -> Draft:
    catalog = load_catalog(DATA)
    return make_draft(text, Options("real", date="2016-09-10"), Registry.of(catalog))


def source(source_id: str) -> Draft:
    return draft((SOURCES / f"{source_id}.txt").read_text(encoding="utf-8"))


def speaker_of(result: Draft, words: str) -> str | None:
    (quote,) = [quote for quote in result.quotes if words in quote.text]
    return quote.speaker


def test_a_title_before_the_name_is_part_of_the_cue() -> None:
    """Reuters: '..., U.S. Secretary of State John Kerry<newline>said.' (once given to Lavrov,
    whose name stands inside the quote)."""
    result = source("reuters-2016-09-10-geneva")
    assert speaker_of(result, "call on every Syrian stakeholder") == "kerry"
    assert speaker_of(result, "necessary conditions for resumption") == "lavrov"


@pytest.mark.parametrize(
    ("source_id", "speakers"),
    [
        ("state-2016-05-17-vienna", {"kerry"}),  # one label: 'SECRETARY KERRY:'
        ("usmission-2016-09-09-geneva", {"kerry"}),  # once a stub 'i' from 'I say “we”'
        ("kremlin-2016-03-24-putin-kerry", {"putin", "kerry"}),  # 'President of Russia ...:'
        ("mfa-2016-11-17-lima", {"lavrov"}),  # 'Sergey Lavrov (after J.Kerry):'
    ],
)
def test_transcript_labels_of_the_real_texts(source_id: str, speakers: set[str]) -> None:
    result = source(source_id)
    assert result.kind == "transcript"
    assert {quote.speaker for quote in result.quotes} - {"question"} == speakers
    assert not [stub.id for stub in result.stubs if stub.id not in ("question",)]


def test_a_pronoun_after_a_sentence_naming_several_people_is_its_subject() -> None:
    result = draft('Lavrov spoke after talks with John Kerry. "We have agreed," he said.')
    (quote,) = result.quotes
    assert quote.speaker == "lavrov"
    assert "subject of the sentence" in quote.reason


def test_the_last_name_still_wins_when_it_is_the_subject() -> None:
    result = draft('Lavrov spoke first. Kerry answered him. "No," he said.')
    assert [quote.speaker for quote in result.quotes] == ["kerry"]


@pytest.mark.parametrize(
    "cue",
    [
        "a diplomat said",
        "an unnamed Russian diplomat told reporters",
        "a Russian Foreign Ministry source told RIA Novosti on Tuesday",
        "sources said",
    ],
)
def test_an_unnamed_source_is_nobody(cue: str) -> None:
    result = draft(f'Lavrov met Kerry in Lima. "This meeting is not excluded," {cue}.')
    (quote,) = result.quotes
    assert quote.speaker is None and quote.confidence == 0
    assert "unnamed source" in quote.reason


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Photo credit: ABD DOUMANY/AFP/Getty Images", "photo credit"),
        (
            "FILE - In this Sept. 22, 2016 file photo, Secretary of State John Kerry speaks in "
            "New York. (AP Photo/Jason DeCrow, File)",
            "photo credit",
        ),
        ("Subscribe Register Login", "subscription prompt"),
        ("To participate in the discussion log in or register", "subscription prompt"),
        ("Добавить комментарий", "reader comments"),
        ("Leave a comment", "reader comments"),
        ("  • en-GB1 ru-RU1", "language switcher"),
        ("Advanced settings", "navigation"),
    ],
)
def test_page_furniture_of_the_retrieved_pages(line: str, kind: str) -> None:
    assert furniture_kind(line) == kind


def test_article_lines_are_not_furniture() -> None:
    for line in ('"We are ready," Lavrov said.', "The photo shows Kerry in Lima."):
        assert furniture_kind(line) is None


PAIR = Registry(
    speakers=(
        Speaker(id="ashton", name="Catherine Ashton", role="EU foreign policy chief", side="eu"),
        Speaker(id="hague", name="William Hague", role="Foreign Secretary", side="uk"),
    ),
    sides=(
        Side(id="eu", name="European Union", short_name="EU", words=("Brussels", "European")),
        Side(id="uk", name="United Kingdom", short_name="UK", words=("London", "British")),
    ),
    issues=(Issue(id="talks", title="Talks", description="Meetings.", keywords=("meet",)),),
)
"""Another pair of sides, named only by the registry's words: no US or Russia built in."""


def test_side_words_come_from_the_registry() -> None:
    text = (
        'Brussels and London agreed to meet again by June. "We will," the European foreign '
        "policy chief said."
    )
    result = make_draft(text, Options("pair", date="2013-03-01"), PAIR)
    assert [quote.speaker for quote in result.quotes] == ["ashton"]
    agreed = [step["agreed_by"] for step in result.next_steps if "agreed_by" in step]
    assert agreed == [["eu", "uk"]]


def test_a_side_named_by_a_place_speaks_as_an_institution() -> None:
    """'London' is a word of the registry's side, so an institution, as 'Moscow' is for the
    shipped registry; and a side's adjective belongs to a title, not to a name."""
    text = '"We will meet," London said. "We agree," British John Smith said.'
    result = make_draft(text, Options("pair", date="2013-03-01"), PAIR)
    stubs = {stub.id: (stub.name, stub.role, stub.side) for stub in result.stubs}
    assert stubs == {
        "london": ("London", "Institution: no person named", "uk"),
        "smith": ("John Smith", "British", "uk"),
    }


def test_i_is_no_one_to_make_a_stub_for() -> None:
    """From the 9 September transcript's words, outside their transcript turn."""
    result = draft("We are – I say “we” – the Obama Administration, going the extra mile.")
    assert result.stubs == []
    assert [quote.speaker for quote in result.quotes] == [None]
