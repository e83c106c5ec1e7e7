"""Data shown as the characters it is: markdown escaping and links for st.markdown."""

from __future__ import annotations

import string
from urllib.parse import quote, urlencode

_ESCAPED = {char: "\\" + char for char in string.punctuation}
_ESCAPED[":"] = "&#58;"  # a backslash does not stop :material/...: or :red[...]
_ESCAPED["\n"] = "  \n"
_TABLE = str.maketrans(_ESCAPED)


def md(text: str) -> str:
    """`text` escaped so that markdown shows every character literally and makes no element."""
    return str(text).translate(_TABLE)


def link(label: str, url: str) -> str:
    """A markdown link with an escaped label; the URL is percent-encoded where markdown cares."""
    return f"[{md(label)}]({quote(url, safe=':/?&=#%~+,;@')})"


def page_url(page: str, params: dict[str, list[str] | str]) -> str:
    """A relative link to one of the app's pages with query parameters (repeated for lists)."""
    pairs = [
        (k, v)
        for k, values in params.items()
        for v in ([values] if isinstance(values, str) else values)
    ]
    return page + ("?" + urlencode(pairs) if pairs else "")


def short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
