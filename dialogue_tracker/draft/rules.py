"""The attribution rules in one table: what the drafter found, how sure that makes it, and the
reason it gives (a template filled with the words it rested on).

A passage with a cue of its own is attributed by the rule of what the cue names; one without
borrows a neighbour's attribution, its confidence times the rule's.
"""

from __future__ import annotations

from typing import NamedTuple

LOW_CONFIDENCE = 0.7
"""Below this an attributed quote is marked for review."""


class Rule(NamedTuple):
    confidence: float
    """The confidence, or for a borrowed attribution the factor on the neighbour's."""
    reason: str

    def why(self, **words: object) -> str:
        return self.reason.format(**words)


_LAST = '{cue}: "{named}" taken as {person}, the last person mentioned before it {where}'
_SUBJECT = (
    '{cue}: "{named}" taken as {person}, the subject of the sentence before it, which names '
    "several people {where}"
)
"""A pronoun's person: the last one mentioned, or the subject of a sentence naming several;
a pronoun more than a paragraph after its person is less sure."""

RULES: dict[str, Rule] = {
    # a cue of the passage's own, by what it names
    "name": Rule(0.95, '{cue}: "{named}" is a name in speakers.yaml of {person}'),
    "stub name": Rule(0.6, '{cue}: "{named}" is the new speaker stub {person}'),
    "pronoun": Rule(0.8, _LAST),
    "pronoun, far": Rule(0.6, _LAST),
    "pronoun, subject": Rule(0.8, _SUBJECT),
    "pronoun, subject, far": Rule(0.6, _SUBJECT),
    "role alias": Rule(
        0.85,
        '{cue}: "{named}" fits {person} (an alias), the last such person mentioned before it '
        "{where}",
    ),
    "role words": Rule(
        0.75,
        '{cue}: "{named}" fits {person} (the role {role!r}), the last such person mentioned '
        "before it {where}",
    ),
    "role, not named before": Rule(
        0.5, '{cue}: "{named}" fits {person}, who is not named before it'
    ),
    "role, new stub": Rule(0.4, '{cue}: "{named}" fits no known speaker; new stub {id!r}'),
    "institution": Rule(0.5, '{cue}: "{named}" is an institution, not a person; stub {id!r}'),
    "new person": Rule(0.6, "{cue}: {named} is not in speakers.yaml; new speaker stub {id!r}"),
    "unnamed source": Rule(0.0, '"{cue}": an unnamed source speaks, so nobody is named'),
    "transcript label": Rule(0.95, 'transcript label "{label}:" names {person} ("{named}")'),
    "transcript label, new stub": Rule(0.5, "{why}; new speaker stub {id!r}"),
    # no cue of its own: a neighbour's, or the last person mentioned
    "continued": Rule(
        0.9,
        "a quote over several paragraphs, attributed where it ends (paragraph {paragraph})",
    ),
    "same sentence": Rule(0.85, "in the same sentence as a quote"),
    "quote before": Rule(0.6, "no cue of its own; continues the quote before"),
    "quote after": Rule(0.55, "no cue of its own; the next quote's in its paragraph"),
    "paragraph before": Rule(0.45, "no cue; follows the quote of the paragraph before"),
    "last mention": Rule(
        0.3, "no cue near it; {person} is the last person mentioned before it {where}"
    ),
    "nobody": Rule(0.0, "none found: no one is named near it or before it"),
}
