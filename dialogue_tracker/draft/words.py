"""The drafter's word lists, each written once: the English words around a speaker's name.

Nothing here names a side, a place or a person: those words come from the registries
(`data/sides.yaml`, `speakers.yaml`), through `speakers.Book`.
"""

from __future__ import annotations

from collections.abc import Iterable

SPACE = " \t\r\n\u00a0"
DETERMINERS = ("the", "his", "her", "their")
"""Words before a role phrase: 'the minister', 'his counterpart'."""
ARTICLES = ("the", "a", "an")
PARTICLES = frozenset({"al", "el", "de", "da", "van", "von", "bin", "ibn", "der", "le", "la"})
"""Lower-case words inside a name: 'Bashar al-Assad', 'Ursula von der Leyen'."""
HONORIFICS = ("mr", "mrs", "ms", "dr")
ROLE_NOUNS = (
    "minister", "secretary", "president", "spokesman", "spokeswoman", "spokesperson", "diplomat",
    "ambassador", "envoy", "official", "chief", "head", "leader", "premier", "chancellor",
    "adviser", "advisor", "negotiator", "representative", "aide", "director", "commander",
    "moderator", "senator", "lawmaker", "deputy", "counterpart", "prosecutor", "general",
)  # fmt: skip
SPEECH_VERBS = (
    "said", "says", "say", "noted", "notes", "stressed", "stresses", "added", "adds", "recalled",
    "recalls", "told", "tells", "explained", "explains", "stated", "states", "declared",
    "declares", "emphasized", "emphasised", "emphasizes", "emphasises", "underlined",
    "underscored", "remarked", "continued", "insisted", "insists", "warned", "warns", "argued",
    "argues", "believes", "believed", "thinks", "asserted", "announced", "observed", "replied",
    "answered", "asked", "wrote", "writes", "commented", "suggested", "suggests",
    "acknowledged", "admitted", "confirmed", "concluded", "pointed out", "points out",
    "expressed hope", "expressed confidence", "hoped", "hopes", "vowed", "promised", "urged",
    "claimed", "claims", "reiterated", "assured", "cautioned", "complained", "conceded",
    "maintained", "predicted", "responded", "went on", "summed up", "stressed out",
)  # fmt: skip
SUBJECT_PRONOUNS = ("he", "she")
OBJECT_PRONOUNS = ("him", "her")


def either_case(words: Iterable[str]) -> str:
    """The words as a regular expression, each with its first letter in either case:
    ('the', 'his') → '(?:[Tt]he|[Hh]is)'."""
    return "(?:" + "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in words) + ")"
