"""Partial dates (YYYY, YYYY-MM, YYYY-MM-DD) as the spans of time they name."""

from __future__ import annotations

from functools import cache

import pandas as pd

_FREQUENCY = {4: "Y", 7: "M", 10: "D"}
PRECISION = {4: "year", 7: "month", 10: "day"}


def precision(value: str) -> str:
    """'year', 'month' or 'day'."""
    return PRECISION[len(value)]


@cache  # pure, and a page asks for the same few dates hundreds of times
def date_range(value: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The first and last instant of the year, month or day that `value` names."""
    period = pd.Period(value, freq=_FREQUENCY[len(value)])
    return period.start_time, period.end_time


@cache
def describe(value: str) -> str:
    """A partial date as a reader expects it: '2016', 'August 2016', '24 March 2016'."""
    start, _ = date_range(value)
    formats = {"year": "%Y", "month": "%B %Y", "day": "%-d %B %Y"}
    return start.strftime(formats[precision(value)])
