"""How a source is marked wherever the app names it: an excerpt says so."""

from __future__ import annotations

from dialogue_tracker.catalog import Catalog
from dialogue_tracker.model import Source


def excerpt_badge(record: Source) -> str:
    """Markdown after a source's name: a badge when its stored text is an excerpt, else ''."""
    return " :orange-badge[:material/content_cut: excerpt]" if record.excerpt else ""


def excerpt_badges(catalog: Catalog) -> dict[str, str]:
    """The badge of every excerpt source, by id, made once per page run."""
    return {
        entry.id: excerpt_badge(entry.record) for entry in catalog.sources if entry.record.excerpt
    }
