"""The speaker registry as a book of names: who a name, a role phrase or a label points to.

Registered speakers are found by their name and aliases (`data/speakers.yaml`); a role phrase
('the minister', 'the head of the State Department') fits a speaker by alias or by the words of
the speaker's role; a person the registry does not know becomes a stub, marked for review.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from dialogue_tracker.draft.words import (
    ADJECTIVE_ENDINGS,
    ARTICLES,
    DETERMINERS,
    INSTITUTIONS,
    OTHER_PARTIES,
    OTHER_TITLES,
    PARTICLES,
    ROLE_NOUNS,
    TITLE_WORDS,
)
from dialogue_tracker.model import Side, Speaker

ROLE_PREFIXES = tuple(f"{word} " for word in DETERMINERS)
"""How a role alias starts ('the Russian minister'): any case matches it."""


@dataclass
class Person:
    """A registered speaker, or a stub the drafter made for someone the registry lacks."""

    id: str
    name: str
    role: str
    side: str
    aliases: tuple[str, ...] = ()
    stub: bool = False
    reason: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Vocabulary:
    """The words around names: `words`' lists, with the registry's words for its sides."""

    titles: frozenset[str]
    institutions: frozenset[str]

    @classmethod
    def of(cls, sides: Iterable[Side]) -> Vocabulary:
        """Every word of a side's terms may stand in a title ('Russian', 'White House'); each
        term is an institution ('Moscow', 'White House') but an adjective or a possessive
        ('Russian', 'British', 'Russia's')."""
        terms = {term.lower() for side in sides for term in side_terms(side)}
        words = {word for term in terms for word in term.split()}
        places = {term for term in terms if not term.endswith(ADJECTIVE_ENDINGS)}
        return cls(TITLE_WORDS | OTHER_TITLES | words, INSTITUTIONS | OTHER_PARTIES | places)

    def is_title(self, word: str) -> bool:
        return word.lower() in self.titles

    def only_titles(self, words: str) -> bool:
        """True for nothing, 'the', or a title before a name: 'U.S. Secretary of State'."""
        return all(self.is_title(word) for word in words.split())

    def is_institution(self, words: str) -> bool:
        bare = re.sub(r"^(?:the)\s+", "", words.strip(), flags=re.IGNORECASE).lower()
        return bare in self.institutions

    def split_title(self, words: str) -> tuple[str, str]:
        """'Kremlin spokesman Dmitry Peskov' → ('Kremlin spokesman', 'Dmitry Peskov')."""
        tokens = words.split()
        name: list[str] = []
        while tokens:
            token = tokens[-1]
            bare = token.lower().rstrip(",")
            if bare in self.titles and name:
                break
            if bare in self.titles or not (token[:1].isupper() or is_particle(token)):
                break
            name.insert(0, tokens.pop())
            if len(name) == 4:
                break
        while name and is_particle(name[0]):
            tokens.append(name.pop(0))
        return " ".join(tokens), " ".join(name)


@dataclass
class Mention:
    start: int
    end: int
    person: str
    words: str
    cued: bool = False
    """A cue's (the attribution's), not one a reading of the text found."""


@dataclass
class Book:
    """Every person a draft may attribute words to. A book never changes: `adding` a stub
    makes a new one (the patterns and the index it builds on first use stay right)."""

    persons: dict[str, Person]
    sides: dict[str, Side]
    vocabulary: Vocabulary

    @classmethod
    def from_registry(cls, speakers: Iterable[Speaker], sides: Iterable[Side]) -> Book:
        persons = {s.id: Person(s.id, s.name, s.role, s.side, tuple(s.aliases)) for s in speakers}
        sides = {side.id: side for side in sides}
        return cls(persons, sides, Vocabulary.of(sides.values()))

    # names ---------------------------------------------------------------------------------

    def lookup(self, words: str) -> Person | None:
        """The person one of whose names is exactly `words` (a role alias in any case)."""
        for person, name in self._index.get(_normal(words), ()):
            is_role = name.lower().startswith(ROLE_PREFIXES)
            if is_role or name[:1] == words.strip()[:1]:
                return person
        return None

    @cached_property
    def _index(self) -> dict[str, list[tuple[Person, str]]]:
        """Every name, normalized → the persons of that name, and the name as written."""
        index: dict[str, list[tuple[Person, str]]] = {}
        for person in self.persons.values():
            for name in person.names:
                index.setdefault(_normal(name), []).append((person, name))
        return index

    @cached_property
    def _pattern(self) -> re.Pattern[str]:
        """Any name of the book, as a whole word."""
        return _whole(self.alias_regex())

    def alias_regex(self, persons: Iterable[str] | None = None) -> str:
        """Every name and alias (of `persons`, if given), longest first, as one regular
        expression."""
        chosen = self.persons.values() if persons is None else [self.persons[p] for p in persons]
        names = sorted({n for p in chosen for n in p.names}, key=len, reverse=True)
        parts = []
        for name in names:
            escaped = re.escape(name).replace(r"\ ", r"\s+").replace("'", "['’]")
            is_role = name.lower().startswith(ROLE_PREFIXES)
            parts.append(f"(?i:{escaped})" if is_role else escaped)
        return "|".join(parts)

    def mentions(
        self,
        text: str,
        held: Iterable[tuple[int, int]] = (),
        persons: Iterable[str] | None = None,
    ) -> list[Mention]:
        """Every name or alias of a person (of `persons`, if given) in `text`, outside the
        `held` spans (quotes, in order and not overlapping)."""
        pattern = self._pattern if persons is None else _whole(self.alias_regex(persons))
        held = sorted(held)
        starts = [start for start, _ in held]
        found = []
        for match in pattern.finditer(text):
            inside = bisect.bisect_right(starts, match.start()) - 1
            if inside >= 0 and match.start() < held[inside][1]:
                continue
            person = self.lookup(re.sub(r"\s+", " ", match.group()))
            if person is not None:
                found.append(Mention(match.start(), match.end(), person.id, match.group()))
        return found

    def fitting(self, phrase: str) -> list[tuple[Person, float]]:
        """Persons a role phrase may name: 1.0 by an alias, 0.5 by the words of the role."""
        found = []
        side = self.side_of(phrase)
        for person in self.persons.values():
            strength = _fit(person, phrase, side, self.side_words)
            if strength:
                found.append((person, strength))
        return found

    def match_label(self, label: str) -> tuple[Person, str] | None:
        """The registered person a transcript label names ('SECRETARY KERRY'), and the name."""
        folded = label.casefold()
        best: tuple[int, Person, str] | None = None
        owners = set()
        for person in self.persons.values():
            for name in person.names:
                if name.lower().startswith(ROLE_PREFIXES):
                    continue
                if re.search(rf"(?<!\w){re.escape(name.casefold())}(?!\w)", folded):
                    owners.add(person.id)
                    if best is None or len(name) > best[0]:
                        best = (len(name), person, name)
        if best is None or len(owners) > 1:
            return None
        return best[1], best[2]

    # sides ---------------------------------------------------------------------------------

    def side_of(self, words: str) -> str | None:
        """The one side that `words` name ('the Russian minister' → russia), if exactly one."""
        named = self.sides_named(words)
        return named[0] if len(named) == 1 else None

    @property
    def side_words(self) -> set[str]:
        """Every word of the registry that names a side, in lower case."""
        return {term.lower() for side in self.sides.values() for term in side_terms(side)}

    def sides_named(self, words: str) -> list[str]:
        found = []
        for side in self.sides.values():
            for term in side_terms(side):
                flags = 0 if len(term) <= 3 else re.IGNORECASE
                if re.search(rf"(?<![\w.]){re.escape(term)}(?![\w])", words, flags):
                    found.append(side.id)
                    break
        return found

    # stubs ---------------------------------------------------------------------------------

    @property
    def stubs(self) -> list[Person]:
        """The persons made for review, in the order they were added."""
        return [person for person in self.persons.values() if person.stub]

    def adding(self, person: Person) -> Book:
        """A new book: this one's persons and `person`."""
        return Book({**self.persons, person.id: person}, self.sides, self.vocabulary)

    def stub(self, name: str, role: str, side_hints: Iterable[str], why: str) -> Person:
        """A new person for review, with an id not in the book (not added to it); the side is
        guessed from the hints, in order."""
        for hint in side_hints:
            side = self.side_of(hint)
            if side:
                side_note = f"side {side!r} guessed from {hint!r}"
                break
        else:
            side = next(iter(self.sides))
            side_note = f"side unknown: {side!r} is a placeholder, set the right one"
        surname = name.split()[-1] if name.split() else name
        wanted = [slug(surname), slug(name), "speaker"]
        stub_id = next((w for w in wanted if w and w not in self.persons), None)
        if stub_id is None:
            base = next(w for w in wanted if w)
            stub_id = next(
                f"{base}-{n}" for n in range(2, 1000) if f"{base}-{n}" not in self.persons
            )
        aliases = tuple(dict.fromkeys(a for a in (surname, name) if a and a != name))
        return Person(stub_id, name, role, side, aliases, stub=True, reason=f"{why}; {side_note}.")


def side_terms(side: Side) -> set[str]:
    """Every word the registry names a side by: its name, short name and words."""
    return {side.name, side.short_name, *side.words}


def slug(words: str) -> str:
    ascii_words = unicodedata.normalize("NFKD", words).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_words.lower()).strip("-")[:60].strip("-")


def is_particle(token: str) -> bool:
    return token.lower().split("-")[0] in PARTICLES and ("-" in token or token.islower())


def _whole(alternatives: str) -> re.Pattern[str]:
    """The alternatives of a regular expression, as whole words."""
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def _normal(words: str) -> str:
    words = re.sub(r"\s+", " ", words.strip()).replace("’", "'").lower()
    return words


def _fit(person: Person, phrase: str, side: str | None, side_words: set[str]) -> float:
    if any(_normal(name) == _normal(phrase) for name in person.names):
        return 1.0
    if side is not None and side != person.side:
        return 0.0
    words = [
        w for w in re.findall(r"[\w.'’-]+", _normal(phrase))
        if w not in (*DETERMINERS, *ARTICLES, "of") and w not in side_words
    ]  # fmt: skip
    if not any(w in ROLE_NOUNS for w in words):
        return 0.0
    known = set(re.findall(r"[\w.'’-]+", _normal(" ".join([person.role, *person.aliases]))))
    return 0.5 if all(w in known for w in words) else 0.0
