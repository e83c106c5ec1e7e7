"""One statement in several wordings: quotes that share a `statement` id (a news report's relay
and the transcript's words, a translation) are variants of one statement by one speaker."""

from __future__ import annotations

import pandas as pd


def variant_groups(quotes: pd.DataFrame, shown: pd.DataFrame) -> list[pd.DataFrame]:
    """For each statement that a shown quote belongs to, all its wordings (from `quotes`, the
    whole table; validation sees to it that a statement has two or more), oldest source first."""
    wanted = shown["statement"].dropna().unique()
    if not len(wanted):
        return []
    linked = quotes[quotes["statement"].isin(wanted)].sort_values(["date", "source"], kind="stable")
    return [group for _, group in linked.groupby("statement", sort=False)]


def variants_of(quotes: pd.DataFrame, quote_id: str) -> pd.DataFrame:
    """The quote and its other wordings, the quote first; empty when it is one statement's only
    wording."""
    rows = quotes[quotes["id"] == quote_id]
    groups = variant_groups(quotes, rows)
    if not groups:
        return rows.iloc[:0]
    group = groups[0]
    return pd.concat([group[group["id"] == quote_id], group[group["id"] != quote_id]])
