"""How to cite one quote: the facts a citation needs, in four formats (plain text in a
Chicago-like style, APA, BibTeX, CSL-JSON), the version a permalink pins, and the source's
sentence around a quote that is only part of one."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date

from dialogue_tracker.catalog import EXCERPT, NO_PUBLISHER, Catalog, publisher_of
from dialogue_tracker.dates import describe

NO_URL = "the source gives no URL"
NO_URL_SENTENCE = "The source gives no URL"
NO_PUBLISHED = "publication date not given"


@dataclass(frozen=True)
class Cited:
    """Everything a citation of one quote names."""

    quote_id: str
    text: str
    speaker: str
    role: str
    via: str | None
    title: str
    publisher: str | None
    published: str | None
    excerpt: bool
    url: str | None
    meeting: str
    paragraph: int
    accessed: date
    version: str
    permalink: str


def cited(catalog: Catalog, quote_id: str, permalink: str, accessed: date) -> Cited:
    entry, quote = next((e, q) for e, q in catalog.quotes() if q.id == quote_id)
    speaker = catalog.speakers[quote.speaker] if quote.speaker else None
    record = entry.record
    return Cited(
        quote_id=quote.id,
        text=quote.text,
        speaker=speaker.name if speaker else "unattributed",
        role=speaker.role if speaker else "",
        via=quote.reported_via,
        title=record.title,
        publisher=publisher_of(record),
        published=record.published,
        excerpt=record.excerpt,
        url=str(record.url) if record.url else None,
        meeting=record.event_date,
        paragraph=entry.spans[quote.id].paragraph,
        accessed=accessed,
        version=catalog.version,
        permalink=permalink,
    )


def plain(c: Cited) -> str:
    """Chicago-like notes style, every element named even when the source lacks it."""
    via = f", via {c.via}" if c.via else ""
    return (
        f"{c.speaker} ({c.role}){via}, “{c.text}” Quoted in “{c.title},” {_publisher(c)}, "
        f"{NO_PUBLISHED if not c.published else describe(c.published)}, "
        f"paragraph {c.paragraph}, on the meeting of {describe(c.meeting)}. "
        f"{c.url or NO_URL_SENTENCE}. Accessed {c.accessed:%-d %B %Y}. "
        f"Dialogue Tracker, data version {c.version}, {c.permalink}."
    )


def apa(c: Cited) -> str:
    year = c.published[:4] if c.published else "n.d."
    where = c.url or f"({NO_URL})"
    return (
        f"{c.publisher or 'Unknown publisher'}. ({year}). {_title(c)} [Quoting {c.speaker}, "
        f"{c.role}: “{c.text}”, para. {c.paragraph}; meeting of {describe(c.meeting)}]. "
        f"{where}. Retrieved {c.accessed:%B %-d, %Y}, via Dialogue Tracker "
        f"(data version {c.version}): {c.permalink}"
    )


def bibtex(c: Cited) -> str:
    fields = {
        "title": _title(c),
        "author": c.publisher or "Unknown publisher",
        "year": c.published[:4] if c.published else "n.d.",
        "url": c.url or "",
        "urldate": c.accessed.isoformat(),
        "note": (
            f"Quoting {c.speaker} ({c.role}): ``{c.text}'', paragraph {c.paragraph}; meeting of "
            f"{c.meeting}; {NO_URL if not c.url else 'source URL above'}; Dialogue Tracker data "
            f"version {c.version}, {c.permalink}"
        ),
    }
    body = ",\n".join(f"  {k} = {{{_bib(v)}}}" for k, v in fields.items() if v)
    return f"@misc{{{re.sub(r'[^A-Za-z0-9-]', '-', c.quote_id)},\n{body}\n}}"


def _publisher(c: Cited) -> str:
    return (c.publisher or NO_PUBLISHER) + (f" ({EXCERPT})" if c.excerpt else "")


def _title(c: Cited) -> str:
    return f"{c.title} [{EXCERPT}]" if c.excerpt else c.title


def _published(c: Cited) -> str:
    return f"Published {describe(c.published)}" if c.published else NO_PUBLISHED.capitalize()


def _bib(value: str) -> str:
    return re.sub(r"([{}\\&%$#_])", r"\\\1", value)


def csl_json(c: Cited) -> str:
    item = {
        "id": c.quote_id,
        "type": "article-newspaper",
        "title": _title(c),
        "container-title": c.publisher,
        "URL": c.url,
        "accessed": {"date-parts": [[c.accessed.year, c.accessed.month, c.accessed.day]]},
        "event-date": {"date-parts": [[int(p) for p in c.meeting.split("-")]]},
        "note": (
            f"Quoting {c.speaker} ({c.role}), paragraph {c.paragraph}: “{c.text}”. "
            f"{_published(c)}. {'' if c.url else NO_URL_SENTENCE + '. '}"
            f"Dialogue Tracker data version {c.version}: {c.permalink}"
        ),
    }
    clean = {k: v for k, v in item.items() if v is not None}
    return json.dumps([clean], indent=2, ensure_ascii=False)


FORMATS = {"Plain text (Chicago-like)": plain, "APA": apa, "BibTeX": bibtex, "CSL-JSON": csl_json}


def record_digest(catalog: Catalog, quote_id: str) -> str:
    """A fingerprint of one quote's own record (its words, speaker, issues, attribution,
    relay and source), so that a permalink can say whether this quote changed."""
    entry, quote = next((e, q) for e, q in catalog.quotes() if q.id == quote_id)
    record = {**quote.model_dump(mode="json"), "source": entry.id, "title": entry.record.title}
    return hashlib.sha256(json.dumps(record, sort_keys=True).encode()).hexdigest()[:8]


def pin(catalog: Catalog, quote_id: str) -> str:
    """The `v=` value of a version-pinned permalink: data version, then the record's digest."""
    return f"{catalog.version[:8]}-{record_digest(catalog, quote_id)}"


def pin_report(catalog: Catalog, quote_id: str, pinned: str) -> str | None:
    """What changed since a permalink pinned to `pinned` was made, or None when nothing did."""
    data, _, digest = pinned.partition("-")
    if data == catalog.version[:8]:
        return None
    own = (
        "this quote's own record is unchanged"
        if digest == record_digest(catalog, quote_id)
        else "this quote's own record changed since (its words, speaker, issues or source)"
    )
    return (
        f"The data changed since this link was made (data version {data} then, "
        f"{catalog.version[:8]} now); {own}."
    )


def is_fragment(quote: str) -> bool:
    """A quote that starts inside a sentence ("including by working…")."""
    return quote[:1].islower()


def surrounding(text: str, start: int, end: int) -> tuple[str, str]:
    """The source's words before and after a quote within its sentence, without the quotation
    marks that open and close it."""
    boundary = re.compile(r"(?<=[.!?])[”\"]?\s+|\n")
    starts = [m.end() for m in boundary.finditer(text, 0, start)]
    begin = starts[-1] if starts else 0
    after = boundary.search(text, end)
    finish = after.start() if after else len(text)
    marks = '"“”«» '
    return text[begin:start].rstrip(marks), text[end:finish].lstrip(marks)
