"""Cue words: the phrases around a quote that say who speaks ('Lavrov said', 'said the
minister', 'according to X', 'Interfax cited him as saying', 'he added', 'Lavrov: ').

`Cues` finds the cue in the words after a quote (first) or before it, and returns who the cue
names as written (a name, a pronoun, a role phrase or a new person); `attribution` decides who
that is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property

from dialogue_tracker.draft.speakers import ROLE_PREFIXES, Book, is_particle
from dialogue_tracker.draft.words import (
    DETERMINERS,
    OBJECT_PRONOUNS,
    PARTICLES,
    ROLE_NOUNS,
    SPACE,
    SPEECH_VERBS,
    SUBJECT_PRONOUNS,
    either_case,
)

VERB = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(sorted((v.replace(" ", r"\s+") for v in SPEECH_VERBS), key=len, reverse=True))
    + r")(?![\w-])"
)
ADVERB = re.compile(
    r"(?:^|\s+)(?:also|then|later|further|again|once again|earlier|previously|repeatedly|has"
    r"|had|have|even|only|explicitly|publicly|firmly|reportedly|however|in turn|subsequently"
    r"|immediately|briefly|clearly|simply|directly|once more|too)\s*$",
    re.IGNORECASE,
)
PARENTHETICAL = re.compile(r",\s*[^,\"“”«»]{1,45},\s*$")
NOUNS = "|".join(ROLE_NOUNS)
NAME_TOKEN = r"[A-Z][\w.’'-]*"
ROLE = re.compile(
    rf"{either_case(DETERMINERS)}\s+(?:[\w’'.-]+\s+){{0,5}}?(?i:{NOUNS})s?"
    rf"(?:\s+of\s+(?:the\s+)?{NAME_TOKEN}(?:\s+{NAME_TOKEN})*)?(?![\w-])"
)
APPOSITION = re.compile(
    rf",\s+(?P<title>(?:the|a|an)\s+[^,.;\"“”«»]{{0,60}}?(?i:{NOUNS})s?)(?![\w-])"
)
PRONOUN_AT_END = re.compile(rf"(?<![\w-]){either_case(SUBJECT_PRONOUNS)}$")
PRONOUN_AT_START = re.compile(rf"{either_case((*SUBJECT_PRONOUNS, *OBJECT_PRONOUNS))}(?![\w-])")
DETERMINER = re.compile(rf"(?<![\w-]){either_case(DETERMINERS)}\s")
_PARTICLE = "|".join(sorted(PARTICLES))
VIA = re.compile(
    rf"(?P<via>{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,3}})\s+(?:cited|quoted)\s+(?P<who>[^,.;]+?)"
    r"\s+as\s+(?:saying|telling|stating)(?![\w-])"
)
ACCORDING = re.compile(r"(?<![\w-])[Aa]ccording\s+to\s+")
UNNAMED = re.compile(
    r"(?<![\w-])(?:(?:[Aa]n?|[Tt]he|[Oo]ne)\s+(?:[\w’'-]+\s+){0,3}?|(?:[Ss]ome\s+)?)"
    r"(?:source|sources|diplomat|diplomats|official|officials|insider|insiders)"
    r"(?:\s+(?!said|told|says|tells|added)[\w’'-]+){0,4}?\s+(?:said|told|says|tells|added)(?![\w-])"
)
LEADING_WORDS = {
    "the", "today", "yesterday", "tonight", "later", "then", "meanwhile", "however", "also",
    "but", "and", "earlier", "now", "still", "finally", "moreover", "besides", "separately",
    "on", "in", "at", "as", "after", "before", "when", "while", "asked", "answering",
    "speaking", "this", "that", "so", "here", "there", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "first", "afterwards", "instead",
}  # fmt: skip


@dataclass(frozen=True)
class Who:
    """Who a cue names, as written: `kind` is name (a registered name or alias), pronoun,
    role (a role phrase), person (a name the registry lacks) or institution ('the Kremlin');
    `name` and `title` split a phrase such as 'Kremlin spokesman Dmitry Peskov'."""

    words: str
    start: int
    end: int
    kind: str
    name: str = ""
    title: str = ""


@dataclass(frozen=True)
class Cue:
    """The cue words (`words`, from `start`), who they name, and through whom (`via`)."""

    who: Who
    words: str
    start: int
    via: str | None = None


class Cues:
    """The cues of one text, with the names of one book (a book with a new stub needs new
    `Cues`)."""

    def __init__(self, text: str, book: Book) -> None:
        self.text = text
        self.book = book
        self.words = book.vocabulary

    @cached_property
    def _alias_patterns(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """Any name of the book at the end of some words, and at the start."""
        names = self.book.alias_regex()
        return re.compile(rf"(?<![\w-])(?:{names})$"), re.compile(rf"(?:{names})(?![\w-])")

    # the windows -------------------------------------------------------------------------

    def after(self, start: int, end: int, weak: bool) -> Cue | None:
        """A cue at the very start of the words after a quote (`weak`: a new sentence may
        start there, so only a short 'Lavrov said.' counts)."""
        text = self.text
        while start < end and text[start] in SPACE + ",—–-":
            start += 1
        if start >= end or (weak and len(text[start:end].split()) > 5):
            return None
        via = VIA.match(text, start, end)
        if via:
            who = self.who_at(via.start("who"), via.end("who"))
            if who and who.end >= via.end("who") - 1:
                return Cue(who, via.group(), start, via.group("via"))
        according = ACCORDING.match(text, start, end)
        if according:
            return self._cue_from(self.who_at(according.end(), end), start)
        verb = VERB.match(text, start, end)
        if verb:
            return self._cue_from(self.who_at(self._skip_space(verb.end(), end), end), start)
        for verb in VERB.finditer(text, start, end):
            if len(text[start : verb.start()].split()) > 9:
                break
            who = self.who_before(start, self._strip_middle(start, verb.start()))
            if who and self.words.only_titles(text[start : who.start]):
                return Cue(who, text[start : verb.end()], start)
        return None

    def unnamed(self, start: int, end: int) -> str | None:
        """The words of a cue that names nobody ('a diplomat said', 'the source told'), if the
        words from `start` to `end` hold one."""
        match = UNNAMED.search(self.text, start, end)
        return " ".join(match.group().split()) if match else None

    def before(self, start: int, end: int) -> Cue | None:
        """The cue nearest to a quote among the words before it in its sentence."""
        text = self.text
        found: list[tuple[int, Cue]] = []
        for via in VIA.finditer(text, start, end):
            who = self.who_at(via.start("who"), via.end("who"))
            if who:
                found.append((via.end(), Cue(who, via.group(), via.start(), via.group("via"))))
        for according in ACCORDING.finditer(text, start, end):
            cue = self._cue_from(self.who_at(according.end(), end), according.start())
            if cue:
                found.append((cue.who.end, cue))
        for verb in VERB.finditer(text, start, end):
            who = self.who_before(start, self._strip_middle(start, verb.start()))
            if who:
                found.append((verb.end(), Cue(who, text[who.start : verb.end()], who.start)))
        colon = text[start:end].rstrip(SPACE)
        if colon.endswith(":"):
            who = self.who_before(start, start + len(colon) - 1)
            if who and who.kind != "pronoun":
                found.append((end, Cue(who, text[who.start : start + len(colon)], who.start)))
        return max(found, key=lambda item: item[0])[1] if found else None

    def _cue_from(self, who: Who | None, start: int) -> Cue | None:
        if who is None:
            return None
        return Cue(who, self.text[start : who.end], start)

    def _skip_space(self, at: int, end: int) -> int:
        while at < end and self.text[at] in SPACE:
            at += 1
        return at

    def _strip_middle(self, start: int, end: int) -> int:
        """Drop what may stand between a speaker and the verb: 'also', ', in his turn,'."""
        while True:
            chunk = self.text[start:end].rstrip(SPACE)
            end = start + len(chunk)
            match = ADVERB.search(chunk) or PARENTHETICAL.search(chunk)
            if not match or match.start() == 0:
                return end
            end = start + match.start()

    # who -----------------------------------------------------------------------------------

    def who_before(self, start: int, end: int) -> Who | None:
        """Who is named by the words that end at `end` (and begin no earlier than `start`)."""
        text = self.text
        chunk = text[start:end]
        if not chunk.strip():
            return None
        at_end, _ = self._alias_patterns
        alias = at_end.search(chunk)
        if alias:
            return self._named(start + alias.start(), end)
        pronoun = PRONOUN_AT_END.search(chunk)
        if pronoun:
            return Who(pronoun.group(), start + pronoun.start(), end, "pronoun")
        for determiner in reversed(list(DETERMINER.finditer(chunk))):
            if len(chunk[determiner.start() :].split()) > 10:
                break
            role = ROLE.fullmatch(chunk, determiner.start())
            if role:
                return self._role_or_person(start + determiner.start(), end)
        return self._capitalized_before(start, end)

    def who_at(self, start: int, end: int) -> Who | None:
        """Who is named by the words that begin at `start` ('the minister', 'Sergey Lavrov')."""
        text = self.text
        _, at_start = self._alias_patterns
        alias = at_start.match(text, start, end)
        if alias:
            return self._named(start, alias.end())
        pronoun = PRONOUN_AT_START.match(text, start, end)
        if pronoun:
            return Who(pronoun.group(), start, pronoun.end(), "pronoun")
        role = ROLE.match(text, start, end)
        if role:
            person = self._capitalized_after(role.end(), end, start)
            return person or self._role_or_person(start, role.end())
        return self._capitalized_after(start, end, start)

    def _named(self, start: int, end: int) -> Who:
        words = self.text[start:end]
        if words.lower().startswith(ROLE_PREFIXES):
            return Who(words, start, end, "role")
        return Who(words, start, end, "name", name=words)

    def _role_or_person(self, start: int, end: int) -> Who:
        words = self.text[start:end]
        _, name = self.words.split_title(words)
        if name and not self.words.is_institution(name):
            return self._person(start, end, words)
        return Who(words, start, end, "role")

    def _capitalized_before(self, start: int, end: int) -> Who | None:
        """A run of capitalized words and titles ending at `end`: 'Kremlin spokesman D. Peskov'."""
        tokens = list(re.finditer(r"\S+", self.text[start:end]))
        first = None
        for token in reversed(tokens):
            word = token.group()
            if word.endswith((",", ";", ":", ")", "(", '"', "”", "«", "»", "“")):
                break
            if word.endswith(".") and not self.words.is_title(word):
                break
            if not (word[:1].isupper() or self.words.is_title(word) or is_particle(word)):
                break
            first = token
        if first is None:
            return None
        return self._trimmed_person(start + first.start(), end)

    def _capitalized_after(self, start: int, end: int, cue_start: int) -> Who | None:
        """A run of capitalized words and titles starting at `start`: 'Sergey Lavrov, ...'."""
        match = re.match(
            rf"\s*((?:{NAME_TOKEN}|(?:{_PARTICLE})-?\w*)(?:\s+(?:{NAME_TOKEN}|(?:{_PARTICLE})(?:-\w+)?))*)",
            self.text[start:end],
        )
        if not match or not match.group(1):
            return None
        words = match.group(1).rstrip(".,")
        begin = start + match.start(1)
        who = self._trimmed_person(begin, begin + len(words))
        if who and who.kind == "role" and cue_start != begin:
            return None
        if who and who.kind == "person" and not who.title:
            apposition = APPOSITION.match(self.text, who.end, end)
            if apposition:
                return replace(who, title=apposition.group("title"))
        return who

    def _trimmed_person(self, start: int, end: int) -> Who | None:
        words = self.text[start:end]
        while words.split() and words.split()[0].lower() in LEADING_WORDS:
            first = words.split()[0]
            cut = words.index(first) + len(first)
            start += cut + (len(words[cut:]) - len(words[cut:].lstrip()))
            words = self.text[start:end]
        if not words.strip() or not words.split()[-1][:1].isupper() or words.strip() == "I":
            return None
        if self.words.is_institution(words):
            return Who(words, start, end, "institution")
        _, at_start = self._alias_patterns
        _, name = self.words.split_title(words)
        if name and not self.words.is_institution(name):
            return self._person(start, end, words)
        if any(word.lower() in ROLE_NOUNS for word in words.split()):
            return Who(words, start, end, "role")
        alias = at_start.fullmatch(words)
        return self._named(start, end) if alias else None

    def _person(self, start: int, end: int, words: str) -> Who:
        title, name = self.words.split_title(words)
        known = self.book.lookup(name) or self.book.lookup(name.split()[-1])
        return Who(words, start, end, "name" if known else "person", name=name, title=title)
