"""Transcripts: labelled turns become the labelled speakers' quotes."""

from __future__ import annotations

import pytest
from helpers.drafting import draft_of, quote_starting

pytestmark = pytest.mark.unit


def test_each_turn_is_its_speakers_words() -> None:
    draft = draft_of("transcript")
    assert draft.kind == "transcript"
    assert [(q.speaker, q.text) for q in draft.quotes] == [
        (
            "lavrov",
            "Good evening, ladies and gentlemen. We have had very intensive talks on Syria "
            "and on the cessation of hostilities.",
        ),
        ("lavrov", "We agreed to continue the regular review of our relations."),
        (
            "kerry",
            "Thank you very much, Sergey. We reached a better understanding on Syria, and I "
            "think the sanctions question depends on Minsk.",
        ),
        ("moderator", "Next question, please."),
        ("question", "Mr. Secretary, what about Ukraine?"),
        ("kerry", "The Minsk agreements must be implemented in full by August."),
        ("moderator", "Thank you."),
    ]
    assert draft.quotes[0].attribution == "FOREIGN MINISTER LAVROV"


def test_via_interpreter_marks_the_whole_turn_translated() -> None:
    draft = draft_of("transcript")
    assert quote_starting(draft, "Good evening").translated is True
    assert quote_starting(draft, "We agreed to").translated is True  # same turn, no mark itself
    assert quote_starting(draft, "Thank you very much").translated is None  # the source is silent
    assert quote_starting(draft, "Next question").translated is True
    assert not any("interpreter" in q.text for q in draft.quotes)


def test_unregistered_labels_become_stubs_not_silent_drops() -> None:
    draft = draft_of("transcript")
    stubs = {stub.id: stub for stub in draft.stubs}
    assert set(stubs) == {"moderator", "question"}
    assert stubs["moderator"].role == "Moderator"
    assert all(q.review and q.confidence < 0.7 for q in draft.quotes if q.speaker in stubs)
    assert not quote_starting(draft, "The Minsk agreements").review


def test_a_transcript_without_date_takes_the_date_it_names() -> None:
    draft = draft_of("transcript", date=None)
    assert draft.event_date == "2016-03-24"
    assert "March 24, 2016" in draft.event_date_basis
    [step] = [s for s in draft.next_steps if s.get("target", {}).get("words") == "by August"]
    assert step["target"]["date"] == "2016-08"
