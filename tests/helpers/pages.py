"""Opening a page of the app through AppTest, as a reader opening a link would."""

from __future__ import annotations

import re

from streamlit.testing.v1 import AppTest

from dialogue_tracker.paths import PROJECT

ENTRY = str(PROJECT / "dashboard.py")


def open_page(page: str, **params: list[str]) -> AppTest:
    """The entry script with `params` in the URL, then `pages/<page>.py` (the Overview is the
    entry's default page); no exception may have been raised."""
    app = AppTest.from_file(ENTRY, default_timeout=60)
    for key, values in params.items():
        app.query_params[key] = values
    app.run()
    if page != "overview":
        app.switch_page(f"pages/{page}.py").run()
    assert not app.exception, [e.message for e in app.exception]
    return app


def unescape(markdown: str) -> str:
    """Markdown as the reader sees it: our escapes removed."""
    return re.sub(r"\\(.)", r"\1", markdown.replace("&#58;", ":")).replace("  \n", "\n")


def page_text(app: AppTest) -> str:
    """Everything a page says in text (markdown, captions, notices, code, tables), unescaped."""
    parts = [e.value for kind in ("markdown", "caption", "info", "warning") for e in app.get(kind)]
    parts += [str(e.value) for e in app.get("code")]
    for frame in app.dataframe:
        parts.append(frame.value.to_csv())
    return "\n".join(unescape(str(part)) for part in parts)


def paragraphs(block, found: list[str] | None = None) -> list[str]:
    """A block's headings and text in page order, paragraph by paragraph, each with the page
    links under it appended as ` → <query string>` (the quote links of a stance, a step or a
    piece of evidence)."""
    found = [] if found is None else found
    for child in getattr(block, "children", {}).values():
        if child.type == "markdown":
            found += child.value.split("\n\n")
        elif child.type in ("header", "subheader"):
            found.append(child.value)
        elif child.type == "page_link":
            found[-1] += f" → {child.proto.query_string}"
        else:
            paragraphs(child, found)
    return found
