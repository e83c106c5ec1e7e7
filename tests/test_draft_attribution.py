"""Speakers of quotes in small articles, one per attribution pattern (tests/articles/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dialogue_tracker.draft.pipeline import Draft, Options, Registry, make_draft
from dialogue_tracker.loader import load_catalog
from dialogue_tracker.paths import PROJECT

pytestmark = pytest.mark.unit

ARTICLES = Path(__file__).parent / "articles"


def draft_of(name: str, date: str | None = "2016-03-24") -> Draft:
    catalog = load_catalog(PROJECT / "data")
    raw = (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")
    return make_draft(raw, Options(name, date=date), Registry.of(catalog))


def quote_starting(draft: Draft, words: str):
    found = [quote for quote in draft.quotes if quote.text.startswith(words)]
    assert len(found) == 1, [quote.text for quote in draft.quotes]
    return found[0]


SAID_PATTERNS = [
    ("We discussed", "lavrov", "Lavrov said"),
    ("The sanctions have to go", "lavrov", "said Lavrov"),
    ("the Minsk agreements", "kerry", "According to Kerry"),
    ("Our relations", "kerry", "Kerry noted"),
    # Kerry is named last, but "the minister" fits only Lavrov: the last *fitting* person.
    ("Cyber crime", "lavrov", "the minister stressed"),
    ("NATO expansion", "lavrov", "he added"),
    ("the INF Treaty", "kerry", "Kerry recalled"),
    ("Washington is ready", "kerry", "TASS cited him as saying"),
    ("can succeed", "kerry", "He also believes"),
    ("is ready for", "lavrov", "Lavrov, in his turn, added"),
    ("We will meet again", "kerry", "the head of the State Department told"),
]


@pytest.mark.parametrize(("words", "speaker", "attribution"), SAID_PATTERNS)
def test_each_attribution_pattern(words: str, speaker: str, attribution: str) -> None:
    quote = quote_starting(draft_of("said-patterns"), words)
    assert (quote.speaker, quote.attribution) == (speaker, attribution)
    assert 0.7 <= quote.confidence <= 1
    assert attribution in quote.reason


def test_said_patterns_find_every_quote_and_nothing_else() -> None:
    draft = draft_of("said-patterns")
    assert len(draft.quotes) == len(SAID_PATTERNS)
    assert draft.unattributed() == [] and draft.stubs == []


def test_a_pronoun_or_name_is_surer_than_a_role_and_via_is_recorded() -> None:
    draft = draft_of("said-patterns")
    named = quote_starting(draft, "We discussed")
    role = quote_starting(draft, "Cyber crime")
    cited = quote_starting(draft, "Washington is ready")
    assert named.confidence > role.confidence
    assert cited.via == "TASS" and "him" in cited.reason


def test_unknown_people_become_stubs_marked_for_review() -> None:
    draft = draft_of("unknown-speaker")
    speakers = [quote.speaker for quote in draft.quotes]
    assert speakers == ["peskov", "peskov", "zakharova", "mistura", "kremlin"]
    stubs = {stub.id: stub for stub in draft.stubs}
    assert set(stubs) == {"peskov", "zakharova", "mistura", "kremlin"}
    assert (stubs["peskov"].name, stubs["peskov"].role) == ("Dmitry Peskov", "Kremlin spokesman")
    assert stubs["zakharova"].side == "russia"  # from "the Russian Foreign Ministry's spokeswoman"
    assert "placeholder" in stubs["mistura"].reason  # nothing names de Mistura's side
    assert all(quote.review for quote in draft.quotes)
    # "the spokesman" is resolved to the stub met before it, by its role.
    assert "Kremlin spokesman" in quote_starting(draft, "The sanctions").reason
    # An institution speaks for itself: a stub, not the last person quoted.
    assert (stubs["kremlin"].role, stubs["kremlin"].side) == (
        "Institution: no person named",
        "russia",
    )


def test_quotes_inside_quotes_are_kept_whole_and_attributed_once() -> None:
    draft = draft_of("nested")
    assert [(quote.speaker, quote.text) for quote in draft.quotes] == [
        ("kerry", "When I told him 'no deal,' he laughed,"),
        ("lavrov", 'Our partners call this "a step forward", and we agree'),
        ("kerry", "As the minister put it, „we are close“, and I share that view on sanctions,"),
    ]
    assert draft.warnings == []


def test_a_quote_over_paragraphs_and_a_quote_without_cue_borrow_a_neighbour() -> None:
    draft = draft_of("multi-paragraph")
    first = quote_starting(draft, "We have agreed")
    assert first.text.endswith("The cessation of hostilities holds.")
    assert first.speaker == "kerry" and "several paragraphs" in first.reason
    alone = quote_starting(draft, "The humanitarian access must grow.")
    assert alone.speaker == "kerry" and alone.confidence < 0.7 and alone.review


def test_passages_with_nobody_to_attribute_them_to_are_kept_with_no_speaker() -> None:
    draft = draft_of("no-speaker")
    assert [q.text for q in draft.unattributed()] == ["constructive", "We are ready,"]
    assert draft.quotes == draft.unattributed()
    for quote in draft.quotes:
        assert (quote.speaker, quote.attribution, quote.confidence) == (None, None, 0.0)
        assert quote.review and quote.reason.startswith("Speaker: none found")
    assert [q.id for q in draft.quotes] == ["unattributed-constructive", "unattributed-ready"]
    assert draft.low_confidence() == []  # listed apart, as quotes with no speaker


def test_unbalanced_marks_spoil_only_their_own_paragraph() -> None:
    draft = draft_of("unbalanced")
    assert [(q.speaker, q.text) for q in draft.quotes] == [
        ("lavrov", "We have not agreed on missile defense,"),
        ("kerry", "will stay until Minsk is implemented."),
        ("lavrov", "NATO expansion remains a problem,"),
    ]
    unclosed = draft.quotes[1]
    assert unclosed.review and "never closed" in unclosed.reason
    assert not draft.quotes[2].review
    assert len(draft.warnings) == 2
    assert "paragraph 3" in draft.warnings[0] and "paragraph 5" in draft.warnings[1]


def test_an_article_without_quotes_drafts_no_quotes() -> None:
    draft = draft_of("no-quotes")
    assert draft.quotes == [] and draft.warnings == []
    assert [r.kind for r in draft.removed] == [
        "navigation", "advertisement", "share or print label", "share or print label"
    ]  # fmt: skip
    assert draft.title == "Lavrov and Kerry discuss Syria"
