"""Issues: which of the registry's issues a passage concerns, from the issues' keywords.

A keyword matches as a whole word or phrase, with a plural, possessive or adjective ending
('sanctions', 'Ukraine’s', 'Syrian'); an all-capitals keyword ('SAR', 'INF') matches in capitals
only, every other keyword in any case.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from dialogue_tracker.model import Issue

LONG = 2000
"""Characters from which a text's keywords are kept for the next question (a paragraph's)."""


@dataclass(frozen=True)
class Tags:
    """Issue ids (registry order), the basis in words, and whether a curator must look."""

    issues: tuple[str, ...]
    basis: str
    review: bool = False


class Tagger:
    def __init__(self, issues: Iterable[Issue]) -> None:
        self.order = []
        self.patterns: list[tuple[str, str, re.Pattern[str]]] = []
        self._last: tuple[str, dict[str, list[str]]] | None = None
        for issue in issues:
            self.order.append(issue.id)
            for keyword in issue.keywords:
                self.patterns.append((issue.id, keyword, _pattern(keyword)))

    def find(self, text: str) -> dict[str, list[str]]:
        """Issue id → the keywords found for it, in registry order. The answer for the last long
        text is kept: the quotes of one long paragraph ask about it one after another."""
        long = len(text) > LONG
        if long and self._last is not None and self._last[0] == text:
            return self._last[1]
        found: dict[str, list[str]] = {}
        for issue, _, pattern in self.patterns:
            for match in pattern.finditer(text):
                words = " ".join(match.group().split())
                if words not in found.setdefault(issue, []):
                    found[issue].append(words)
        result = {issue: found[issue] for issue in self.order if found.get(issue)}
        if long:
            self._last = (text, result)
        return result

    def tags(self, layers: Iterable[tuple[str, str]]) -> Tags | None:
        """Tags from the first layer (where, text) that has keywords, if any has; beyond the
        quote and its sentence, marked for review."""
        for where, text in layers:
            found = self.find(text)
            if found:
                words = "; ".join(
                    f"{issue}: {', '.join(map(repr, kw))}" for issue, kw in found.items()
                )
                review = where not in ("in the quote", "in its sentence")
                return Tags(tuple(found), f"keywords {where} ({words})", review)
        return None

    def frequent(self, text: str) -> list[str]:
        """Issues by how often their keywords occur in `text`, most frequent first."""
        counts: Counter[str] = Counter()
        for issue, _, pattern in self.patterns:
            counts[issue] += len(pattern.findall(text))
        return [issue for issue, count in counts.most_common() if count]


def _pattern(keyword: str) -> re.Pattern[str]:
    words = r"\s+".join(re.escape(word) for word in keyword.split())
    flags = 0 if keyword.isupper() else re.IGNORECASE
    return re.compile(rf"(?<!\w){words}(?:['’]s|es|s|ns|n)?(?![\w])", flags)
