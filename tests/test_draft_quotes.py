"""Quoted passages are found exactly as written, between the outermost pair of marks."""

from __future__ import annotations

import pytest
from helpers.datafolder import SEED_TEXT

from dialogue_tracker.draft.quotes import find_passages
from dialogue_tracker.provenance import paragraph_numbers

pytestmark = pytest.mark.unit


def texts(text: str) -> list[str]:
    passages, _ = find_passages(text)
    return [text[p.start : p.end] for p in passages]


def test_straight_quotes_spanning_sentences_keep_their_inner_punctuation() -> None:
    text = 'Kerry added that they need "to halt attempts. That is, to finalize it." And left.'
    assert texts(text) == ["to halt attempts. That is, to finalize it."]


def test_curly_quotes_and_guillemets() -> None:
    assert texts("“We agreed,” he said. « Nous sommes d’accord », dit-il.") == [
        "We agreed,",
        "Nous sommes d’accord",
    ]


def test_apostrophes_are_not_quote_marks() -> None:
    assert texts("It’s Lavrov's view and the minister’s, not Kerry's.") == []


def test_quotes_inside_quotes_stay_inside_the_outer_passage() -> None:
    text = '"He said "no" to us," Kerry said. «They call it "progress"», Lavrov said.'
    assert texts(text) == ['He said "no" to us,', 'They call it "progress"']


def test_an_unclosed_mark_runs_to_the_paragraph_end_and_is_reported() -> None:
    text = 'Kerry said it "will stay.\n\nLavrov said "no," and left.'
    passages, problems = find_passages(text)
    assert [text[p.start : p.end] for p in passages] == ["will stay.", "no,"]
    assert passages[0].unbalanced and not passages[1].unbalanced
    assert [(p.block, "never closed" in p.message) for p in problems] == [(1, True)]


def test_a_closing_mark_alone_is_reported_not_guessed() -> None:
    text = "Officials called it constructive” and left."
    passages, problems = find_passages(text)
    assert passages == []
    assert len(problems) == 1 and "no opening mark" in problems[0].message


def test_a_quote_over_two_paragraphs_is_continued_not_unbalanced() -> None:
    text = '"First part.\n\n"Second part," he said.'
    passages, problems = find_passages(text)
    assert [text[p.start : p.end] for p in passages] == ["First part.", "Second part,"]
    assert passages[0].continued and not passages[0].unbalanced
    assert problems == []


def test_the_seed_has_twelve_passages() -> None:
    assert len(texts(SEED_TEXT.read_text(encoding="utf-8"))) == 12


def test_paragraph_numbers_count_the_non_empty_lines_before() -> None:
    text = SEED_TEXT.read_text(encoding="utf-8") + "\n\n  \nlast line"
    paragraph = paragraph_numbers(text)
    assert [paragraph(i) for i in range(len(text) + 1)] == [
        sum(1 for line in text[:i].split("\n")[:-1] if line.strip()) + 1
        for i in range(len(text) + 1)
    ]
