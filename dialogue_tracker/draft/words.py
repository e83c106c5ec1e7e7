"""The drafter's word lists, each written once: the English words around a speaker's name.

Nothing here names a side or a speaker: those words come from the registries (`data/sides.yaml`,
`speakers.yaml`), through `speakers.Book`. The only proper names are news agencies and a few
places and bodies that are no side (`OTHER_PARTIES`, `OTHER_TITLES`).
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
TITLE_WORDS = frozenset({
    *ROLE_NOUNS, "foreign", "defense", "defence", "deputy", "prime", "state", "press", "senior",
    "special", "first", "vice", "acting", "former", "department", "ministry", "affairs", "of",
    "the", *HONORIFICS, *(f"{h}." for h in HONORIFICS), "sir", "security", "council", "national",
    "top", "executive",
})  # fmt: skip
"""Words of a title before a name: 'Deputy Foreign Minister', 'Mr.' (and the sides' words)."""
INSTITUTIONS = frozenset({
    "interfax", "tass", "ria novosti", "reuters", "ap", "afp", "sputnik", "rt", "cnn", "bbc",
    "foreign ministry", "ministry", "government", "embassy",
})  # fmt: skip
"""Who may speak but is not a person: news agencies, offices (and the sides' places)."""
ADJECTIVE_ENDINGS = ("ian", "ean", "can", "ish", "ese", "'s", "’s")
"""How a side's adjective or possessive ends ('Russian', 'British', 'Russia's'): not a place."""
OTHER_PARTIES = frozenset({"un", "nato", "eu", "syria", "damascus", "ukraine", "kiev", "kyiv"})
"""Places and bodies that are no side of the registry but speak as institutions."""
OTHER_TITLES = frozenset({"syrian", "ukrainian", "un", "u.n.", "nato", "eu"})
"""Their words in a title: 'Syrian President', 'U.N. envoy'."""
STOPWORDS = {
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "by", "with",
    "we", "i", "you", "it", "is", "are", "was", "were", "be", "been", "that", "this", "these",
    "those", "as", "so", "our", "their", "they", "he", "she", "his", "her", "its", "has", "have",
    "had", "will", "would", "can", "could", "there", "which", "what", "who", "not", "also",
    "all", "any", "from", "about", "into", "today", "very", "just", "us", "s", "t",
}  # fmt: skip
"""Words left out of a quote's id."""
SUBJECT_PRONOUNS = ("he", "she")
OBJECT_PRONOUNS = ("him", "her")


def either_case(words: Iterable[str]) -> str:
    """The words as a regular expression, each with its first letter in either case:
    ('the', 'his') → '(?:[Tt]he|[Hh]is)'."""
    return "(?:" + "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in words) + ")"
