"""Cards the pages share: stance status badges, quotes, next steps, the source card.

Every value from the data passes through `md()` before it reaches st.markdown, so it shows as
the characters it is.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import streamlit as st

from dialogue_tracker.catalog import EXCERPT, NO_PUBLISHER, Catalog, SourceEntry, publisher_of
from dialogue_tracker.dates import describe
from dialogue_tracker.model import Source
from dialogue_tracker.ui.quote_links import QUOTES_PAGE, quote_page_links
from dialogue_tracker.ui.text import link, md

STATUS = {
    "agreement": ("Agreement", "blue"),
    "disagreement": ("Disagreement", "red"),
    "conditional": ("Conditional", "violet"),
    "proposal": ("Proposal", "yellow"),
    "concern": ("Concern", "orange"),
    "not_stated": ("Not stated", "gray"),
}
STEP_STATUS = {"open": "open", "in_progress": "in progress", "done": "done", "missed": "missed"}
SOURCE_KIND = {"news_report": "News report", "transcript": "Transcript"}
CURATOR = "Curator's summary"


def badge(label: str, icon: str, color: str) -> str:
    """Markdown for a coloured badge (what st.badge draws), to sit inside a larger text."""
    return f":{color}-badge[{icon} {label}]"


def status_badge(status: str, prefix: str = "") -> str:
    """The status as a word on its colour. No icon: a screen reader would read the icon's
    name ("remove icon Not stated") before the word that carries the meaning."""
    label, color = STATUS[status]
    return f":{color}-badge[{prefix}{label}]"


def draft_badge(is_draft: bool) -> str:
    """Drafts (shown only in review mode) say so on every record."""
    return badge("DRAFT, to review", ":material/rate_review:", "orange") + " " if is_draft else ""


def small(text: str) -> str:
    """Markdown for a caption's look (small, grey) inside a larger text."""
    return f":small[:gray[{text}]]"


def stance_text(row: Mapping, separator: str = "  \n", *, side: bool = True) -> str:
    """A stance's status (with the side's name unless a table's header gives it) and the
    curator's summary, marked as such, as markdown."""
    prefix = f"{md(row['side_name'])}: " if side else ""
    badges = draft_badge(row["draft"]) + status_badge(row["status"], prefix)
    summary = small(f"*{CURATOR}:* {md(row['summary'])}")
    return f"{badges}{separator}{summary}"


def stance_summary(row: Mapping) -> None:
    st.markdown(stance_text(row))


def quote_text(row: Mapping, *, show_issues: bool = True) -> str:
    """A quote in the source's words, with who said it and through whom it was reported."""
    via = f", via {md(row['reported_via'])}" if row["reported_via"] else ""
    issues = f" · {md(row['issue_titles'])}" if show_issues else ""
    words = f" · as the source puts it: {md(row['attribution'])}" if row["attribution"] else ""
    credit = f"— **{md(row['speaker_name'])}** ({md(row['side_name'])}){via}{issues}{words}"
    return f"{draft_badge(row['draft'])}“{md(row['text'])}”  \n{small(credit)}"


def quote_block(row: Mapping) -> None:
    with st.container(border=True):
        st.markdown(quote_text(row))


def quote_list(quotes: pd.DataFrame, limit: int, *, show_issues: bool = True) -> None:
    """Up to `limit` quotes in one box, each with a link to its permalink and citation on the
    Quotes page (in this tab, keeping the filters), then a link to all of them."""
    rows = quotes.head(limit).to_dict("records")
    if rows:
        with st.container(border=True):
            for row in rows:
                st.markdown(quote_text(row, show_issues=show_issues))
                quote_page_links([(row["id"], "Permalink and citation")])
    if len(quotes) > limit:
        st.page_link(
            QUOTES_PAGE,
            label=f"All {len(quotes)} quotes in view, on the Quotes page",
            icon=":material/format_quote:",
        )


PAGE_SIZE = 20


def quote_pages(quotes: pd.DataFrame) -> None:
    """Every quote in view, a page of `PAGE_SIZE` at a time."""
    pages = max(1, -(-len(quotes) // PAGE_SIZE))
    number = 1
    if pages > 1:
        number = st.selectbox(
            f"Page (of {pages}, {PAGE_SIZE} quotes each)",
            range(1, pages + 1),
            key=f"quote_page_{len(quotes)}",
        )
    first = (number - 1) * PAGE_SIZE
    quote_list(quotes.iloc[first : first + PAGE_SIZE], limit=PAGE_SIZE)


def step_list(catalog: Catalog, steps: pd.DataFrame, limit: int) -> None:
    """Next steps as one list: what, who agreed/proposed/demanded it, target and status."""
    items = []
    for row in steps.head(limit).to_dict("records"):
        status = small(f"Target: {target_text(row)} · Status: {step_status(catalog, row)}")
        who = md(row["who"])
        items.append(
            f"- {draft_badge(row['draft'])}**{md(row['description'])}**  \n{who}  \n{status}"
        )
    if items:
        st.markdown("\n".join(items))
    if len(steps) > limit:
        st.page_link(
            "pages/commitments.py",
            label=f"All {len(steps)} next steps in view, with their status, on the "
            "Commitments page",
            icon=":material/fact_check:",
        )


def target_text(row: Mapping) -> str:
    words = f"“{md(row['target_words'])}”" if row["target_words"] else ""
    if not row["target"]:
        return words or "none given"
    basis = f" ({md(row['target_basis'])})" if row["target_basis"] else ""
    return f"{describe(row['target'])} {words}{basis}".strip()


def step_status(catalog: Catalog, row: Mapping) -> str:
    """The step's status and the latest evidence that claims it; related evidence claims none."""
    text = STEP_STATUS.get(row["status"], row["status"])
    claims = [update for update in row["status_log"] if update.evidence == "step"]
    if not claims:
        return f"{text} (as of the source)"
    last = claims[-1]
    title, url = catalog.evidence_source(last)
    source = link(title, url) if url else md(title)
    return f"{text} since {describe(last.date)}: {md(last.note)} ({source})"


def source_facts(record: Source) -> str:
    """Kind, publisher, publication date and whether it is an excerpt: "Transcript · publisher:
    US Department of State · published 17 November 2016"."""
    name = publisher_of(record)
    publisher = f"publisher: {md(name)}" if name else NO_PUBLISHER
    published = f" · published {describe(record.published)}" if record.published else ""
    excerpt = f" · {EXCERPT}" if record.excerpt else ""
    return f"{SOURCE_KIND[record.kind]} · {publisher}{published}{excerpt}"


def published_page(record: Source) -> str:
    return f" · {link('the published page', record.url)}" if record.url else ""


def source_card(entry: SourceEntry) -> None:
    """One box, one text: title and page, the source's facts, its meeting, where the date comes
    from and the reuse basis (the last two small)."""
    record = entry.record
    sources = ", ".join(link(s.title, s.url) for s in record.event_date_sources)
    reuse = md(record.reuse) if record.reuse else "not recorded"
    lines = [
        f"{draft_badge(entry.draft)}**{md(record.title)}**{published_page(record)}",
        f"{source_facts(record)} · meeting: {md(record.event)}, {describe(record.event_date)}",
        small(f"Where the date comes from: {md(record.event_date_basis)} {sources}"),
        small(f"Reuse: {reuse}"),
    ]
    with st.container(border=True):
        st.markdown("  \n".join(lines))


def source_line(entry: SourceEntry) -> str:
    """A source in two short lines: its title, then its facts, meeting date and page."""
    record = entry.record
    facts = f"{source_facts(record)} · meeting of {describe(record.event_date)}"
    title = f"{draft_badge(entry.draft)}**{md(record.title)}**"
    return f"{title}  \n" + small(facts + published_page(record))


def source_list(entries: list[SourceEntry], limit: int) -> None:
    """The newest `limit` sources as one list, then a link to the page that has each one."""
    newest = list(reversed(entries))[:limit]
    st.markdown("\n".join(f"- {source_line(entry)}" for entry in newest))
    hidden = len(entries) - limit
    if hidden > 0:
        st.caption(f"…and {hidden} older source(s).")
    st.page_link(
        "pages/source.py",
        label="Each source's text, with its quotes marked, on the Source page",
        icon=":material/article:",
    )


def nothing_left(what: str, recorded: bool = True) -> None:
    """Say why a list is empty: the filters left nothing, or nothing was `recorded` at all."""
    if not recorded:
        st.info(f"The sources record no {what}.", icon=":material/info:")
        return
    st.info(
        f"No {what} match the filters. Clear or widen them in the sidebar.",
        icon=":material/filter_alt_off:",
    )
