"""How a source is named wherever the app shows it: an excerpt says so."""

from __future__ import annotations

from dialogue_tracker.catalog import Catalog
from dialogue_tracker.model import Source

EXCERPT = "excerpt: the stored text is only the part of the page that could be retrieved"


def excerpt_badge(record: Source) -> str:
    """Markdown after a source's name: a badge when the stored text is an excerpt, else ''."""
    return " :orange-badge[:material/content_cut: excerpt]" if record.excerpt else ""


def excerpt_mark(catalog: Catalog, source_id: str | None) -> str:
    """The excerpt badge of a source of the catalog named by id ('' for any other)."""
    entry = next((entry for entry in catalog.sources if entry.id == source_id), None)
    return excerpt_badge(entry.record) if entry else ""
