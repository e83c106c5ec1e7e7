"""How a source is marked wherever the app names it: an excerpt says so."""

from __future__ import annotations

from dialogue_tracker.model import Source

EXCERPT = " :orange-badge[:material/content_cut: excerpt]"


def excerpt_badge(excerpt: bool) -> str:
    """Markdown after a source's name: a badge when its stored text is only an excerpt of the
    published page, else ''."""
    return EXCERPT if excerpt else ""


def titled(record: Source) -> str:
    """A source's title as plain text (a picker's option), with '(excerpt)' where it is one."""
    return record.title + (" (excerpt)" if record.excerpt else "")
