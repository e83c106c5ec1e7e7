"""Who said each quoted passage, how sure the drafter is (0..1), and the words it rested on.

First the cue around the passage itself ('Lavrov said', 'according to X', 'he added'); pronouns
and role phrases go to the last fitting person mentioned before them, outside quotes. A passage with
no cue of its own takes the speaker of a neighbour: the rest of a quote over several paragraphs,
a quote in the same sentence, the quote before in its paragraph, in the paragraph before, and at
last the last person mentioned, each less sure than the one before.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from dialogue_tracker.draft.cues import Cue, Cues, Who
from dialogue_tracker.draft.quotes import Block, Passage
from dialogue_tracker.draft.rules import RULES
from dialogue_tracker.draft.sentences import (
    ends_sentence,
    is_boundary,
    sentence_end,
    sentence_start,
)
from dialogue_tracker.draft.speakers import ROLE_PREFIXES, Book, Mention, Person
from dialogue_tracker.draft.words import ARTICLES
from dialogue_tracker.provenance import paragraph_numbers

Choice = tuple[Person, str, dict[str, object]]
"""Who a cue names, the key of the rule that found them, and the words for its reason."""


@dataclass(frozen=True)
class Attribution:
    """`speaker` is None when nobody could be found."""

    speaker: str | None
    confidence: float
    words: str | None
    reason: str
    via: str | None = None


class Attributor:
    def __init__(self, text: str, book: Book, passages: list[Passage], blocks: list[Block]):
        self.text = text
        self.book = book
        self.passages = passages
        self.blocks = {block.index: block for block in blocks}
        self.cues = Cues(text, book)
        self.held = [(p.open_at, p.outer_end) for p in passages]
        self.paragraph = paragraph_numbers(text)
        self._unread = list(book.persons)
        """Persons whose names are still to be looked for in the text (see `last_mention`)."""
        self._mentions: list[Mention] = []
        """Every mention so far, in the order of their starts (see `_read`, `_cued`)."""

    def attribute_all(self) -> list[Attribution | None]:
        results = [self._from_cue(index) for index in range(len(self.passages))]
        self._fill_gaps(results)
        return results

    # a passage's own cue -----------------------------------------------------------------

    def windows(self, index: int) -> tuple[tuple[int, int], tuple[int, int], bool]:
        """The words before and after a passage, within its sentence and between its
        neighbours; and whether a new sentence may begin right after it."""
        passage = self.passages[index]
        block = self.blocks[passage.block]
        before = self._neighbour(index, -1)
        after = self._neighbour(index, 1)
        floor = before.outer_end if before else block.start
        ceiling = after.open_at if after else block.end
        start = sentence_start(self.text, passage.open_at, floor)
        end = sentence_end(self.text, passage.outer_end, ceiling)
        weak = ends_sentence(self.text, passage.end, passage.outer_end, block.end)
        return (start, passage.open_at), (passage.outer_end, end), weak

    def sentence_of(self, index: int) -> str:
        (start, _), (_, end), _ = self.windows(index)
        return self.text[start:end]

    def _neighbour(self, index: int, step: int) -> Passage | None:
        other = index + step
        inside = 0 <= other < len(self.passages)
        if inside and self.passages[other].block == self.passages[index].block:
            return self.passages[other]
        return None

    def _from_cue(self, index: int) -> Attribution | None:
        (b_start, b_end), (a_start, a_end), weak = self.windows(index)
        cue = self.cues.after(a_start, a_end, weak) or self.cues.before(b_start, b_end)
        if cue is None:
            unnamed = self.cues.unnamed(a_start, a_end) or self.cues.unnamed(b_start, b_end)
            if unnamed:
                rule = RULES["unnamed source"]
                return Attribution(None, rule.confidence, unnamed, rule.why(cue=unnamed))
            return None
        return self.resolve(cue, f"{self.text[b_start:b_end]} {self.text[a_start:a_end]}")

    def resolve(self, cue: Cue, around: str) -> Attribution | None:
        """The person a cue points to, with the confidence and the reason (`around`: the
        words around the quote, where a new person's side may be named)."""
        words = " ".join(cue.words.split())
        by_kind = {
            "name": self._by_name,
            "pronoun": self._by_pronoun,
            "role": self._by_role,
            "institution": self._by_institution,
        }
        choice = by_kind.get(cue.who.kind, self._by_new_person)(cue.who, f'"{words}"', around)
        if choice is None:
            return None
        person, key, fields = choice
        self._cued(Mention(cue.who.start, cue.who.end, person.id, cue.who.words, cued=True))
        rule = RULES[key]
        reason = rule.why(cue=f'"{words}"', person=person.name, id=person.id, **fields)
        via = f"; reported via {cue.via}" if cue.via else ""
        return Attribution(person.id, rule.confidence, words, reason + via, cue.via)

    def _by_name(self, who: Who, cue: str, around: str) -> Choice | None:
        person = self.book.lookup(who.name) or self.book.lookup(who.name.split()[-1])
        if person is None:
            return None
        return person, "stub name" if person.stub else "name", {"named": who.name}

    def _by_pronoun(self, who: Who, cue: str, around: str) -> Choice | None:
        mention = self.last_mention(who.start)
        if mention is None:
            return None
        far = ", far" if self.paragraph(who.start) - self.paragraph(mention.start) > 1 else ""
        subject = self.subject_of(mention)
        key = "pronoun"
        if subject is not None:
            mention, key = subject, "pronoun, subject"
        fields = {"named": who.words, "where": self._where(mention)}
        return self.book.persons[mention.person], key + far, fields

    def _by_role(self, who: Who, cue: str, around: str) -> Choice:
        phrase = who.words
        fits = {person.id: strength for person, strength in self.book.fitting(phrase)}
        mention = self.last_mention(who.start, set(fits))
        if mention is not None:
            person = self.book.persons[mention.person]
            key = "role alias" if fits[person.id] == 1 else "role words"
            return (
                person,
                key,
                {"named": phrase, "role": person.role, "where": self._where(mention)},
            )
        if fits:
            best = max(fits, key=lambda pid: fits[pid])
            return self.book.persons[best], "role, not named before", {"named": phrase}
        determined = phrase.lower().startswith(ROLE_PREFIXES)
        role = " ".join(phrase.split()[1:]) if determined else phrase
        why = (
            f'the role phrase "{phrase}" (paragraph {self.paragraph(who.start)}) fits no one in '
            "speakers.yaml"
        )
        person = self._stub(f"Unnamed {role}", role, [phrase, around], why)
        return person, "role, new stub", {"named": phrase}

    def _by_institution(self, who: Who, cue: str, around: str) -> Choice:
        why = (
            f"the institution in {cue} (paragraph {self.paragraph(who.start)}) speaks, not a person"
        )
        person = self.book.lookup(who.words) or self._stub(
            who.words, "Institution: no person named", [who.words, around], why
        )
        return person, "institution", {"named": who.words}

    def _by_new_person(self, who: Who, cue: str, around: str) -> Choice:
        role = re.sub(rf"^(?:{'|'.join(ARTICLES)})\s+", "", who.title) or "Unknown role"
        why = f"named in {cue} (paragraph {self.paragraph(who.start)}) but not in speakers.yaml"
        person = self._stub(who.name, role, [who.title, who.words, around], why)
        return person, "new person", {"named": who.name}

    def _stub(self, name: str, role: str, side_hints: list[str], why: str) -> Person:
        """A new stub, from now on in the book."""
        person = self.book.stub(name, role, side_hints, why)
        self.grow(self.book.adding(person))
        return person

    def grow(self, book: Book) -> None:
        """Go on with `book`: this one's persons and new stubs (a transcript's labels')."""
        self._unread += [person for person in book.persons if person not in self.book.persons]
        self.book = book
        self.cues = Cues(self.text, book)

    def _where(self, mention: Mention) -> str:
        words = " ".join(mention.words.split())
        return f'("{words}", paragraph {self.paragraph(mention.start)})'

    # mentions ------------------------------------------------------------------------------

    def last_mention(self, position: int, persons: set[str] | None = None) -> Mention | None:
        """The last person mentioned before `position`, outside quotes (of `persons`, if given)."""
        if self._unread:  # read the text once per person, when first needed
            new, self._unread = self._unread, []
            self._read(self.book.mentions(self.text, self.held, new))
        at = bisect.bisect_left(self._mentions, position, key=_start)
        for index in range(at - 1, -1, -1):
            if persons is None or self._mentions[index].person in persons:
                return self._mentions[index]
        return None

    def _cued(self, mention: Mention) -> None:
        """Add a cue's mention, before the mentions of the same start."""
        at = bisect.bisect_left(self._mentions, mention.start, key=_start)
        self._mentions.insert(at, mention)

    def _read(self, mentions: list[Mention]) -> None:
        """Add the mentions a reading of the text found, after those of the same start; a name
        read later (a new stub's) never takes over the words of one read before."""
        for mention in mentions:
            at = bisect.bisect_right(self._mentions, mention.start, key=_start)
            read = [m for m in self._mentions[max(0, at - 2) : at + 1] if not m.cued]
            if not any(m.start < mention.end and mention.start < m.end for m in read):
                self._mentions.insert(at, mention)

    def subject_of(self, mention: Mention) -> Mention | None:
        """When the sentence of `mention` names another person first, as its subject (at most
        a few words into the sentence: 'Lavrov met Kerry.'), that first person."""
        start = sentence_start(self.text, mention.start, 0)
        lo = bisect.bisect_left(self._mentions, start, key=_start)
        hi = bisect.bisect_left(self._mentions, mention.start, key=_start)
        earlier = [other for other in self._mentions[lo:hi] if other.person != mention.person]
        first = min(earlier, key=_start, default=None)
        if first is None or len(self.text[start : first.start].split()) > 3:
            return None
        return first

    # passages with no cue of their own ---------------------------------------------------

    def _fill_gaps(self, results: list[Attribution | None]) -> None:
        for index in reversed(range(len(results))):
            following = results[index + 1] if index + 1 < len(results) else None
            if results[index] is None and self.passages[index].continued and following:
                paragraph = self.paragraph(self.passages[index + 1].start)
                results[index] = _borrowed(following, "continued", paragraph=paragraph)
        for index in range(len(results)):
            if results[index] is None:
                results[index] = self._from_neighbours(index, results)

    def _from_neighbours(self, index: int, results: list[Attribution | None]) -> Attribution | None:
        for other in (index - 1, index + 1):
            if 0 <= other < len(results) and results[other] and self.same_sentence(index, other):
                return _borrowed(results[other], "same sentence")
        passage = self.passages[index]
        previous = results[index - 1] if index > 0 else None
        following = results[index + 1] if index + 1 < len(results) else None
        if previous and self._neighbour(index, -1):
            return _borrowed(previous, "quote before")
        if following and self._neighbour(index, 1):
            return _borrowed(following, "quote after")
        if previous and self.passages[index - 1].block == passage.block - 1:
            return _borrowed(previous, "paragraph before")
        mention = self.last_mention(passage.open_at)
        if mention is None:
            return None
        person, rule = self.book.persons[mention.person], RULES["last mention"]
        reason = rule.why(person=person.name, where=self._where(mention))
        return Attribution(person.id, rule.confidence, " ".join(mention.words.split()), reason)

    def same_sentence(self, one: int, other: int) -> bool:
        first, second = sorted((one, other))
        a, b = self.passages[first], self.passages[second]
        if a.block != b.block:
            return False
        block = self.blocks[a.block]
        if ends_sentence(self.text, a.end, a.outer_end, block.end):
            return False
        return not any(
            is_boundary(self.text, at, b.open_at) for at in range(a.outer_end, b.open_at)
        )


def _start(mention: Mention) -> int:
    return mention.start


def _borrowed(source: Attribution, key: str, **fields: object) -> Attribution:
    """A neighbour's attribution, less sure by the rule's factor."""
    rule = RULES[key]
    confidence = round(source.confidence * rule.confidence, 2)
    reason = f"{rule.why(**fields)}: {source.reason}"
    return Attribution(source.speaker, confidence, source.words, reason, source.via)
