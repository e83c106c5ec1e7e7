"""CSV cells a spreadsheet will not run: OWASP's advice against CSV injection.

A spreadsheet reads a cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return as a
formula (`=HYPERLINK(...)` runs when opened). Such a text cell gets a leading `'`, which the
spreadsheet shows as plain text and does not display; numbers stay numbers. Only CSV is changed:
JSON keeps every value exactly as the data holds it.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """`value`, with a `'` before a text that a spreadsheet would read as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def to_safe_csv(table: pd.DataFrame) -> str:
    """The table as CSV text, every text cell made safe for spreadsheets."""
    return table.map(safe_cell).to_csv(index=False)
