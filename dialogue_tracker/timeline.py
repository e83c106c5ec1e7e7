"""The timeline figure: a lane per issue; quotes, meetings, context and status updates as
points, next-step targets as spans covering the year, month or day they name."""

from __future__ import annotations

import html
from typing import NamedTuple

import pandas as pd
import plotly.graph_objects as go

SYMBOLS = {
    "meeting": "diamond",
    "quote": "circle",
    "quotes": "circle-dot",
    "context": "square-open",
    "status": "x",
    "target": "square",
}
"""Each kind's marker; a target is drawn as a bar, and the legend shows it as a filled square."""
KIND_LABELS = {
    "meeting": "Meeting",
    "quote": "Quote",
    "quotes": "A meeting and its quotes, grouped",
    "context": "Context (public source, not the article)",
    "status": "Status update",
    "target": "Next-step target",
}
STATUS_SYMBOLS = {
    "open": "circle-open",
    "in_progress": "triangle-right",
    "done": "star",
    "missed": "x",
    "dropped": "x-thin-open",
    "related": "hexagon-open",
}
"""A status change's marker, one shape per status (the hover and the legend name them)."""
STATUS_LABELS = {
    "open": "Status: open",
    "in_progress": "Status: in progress",
    "done": "Status: done",
    "missed": "Status: missed",
    "dropped": "Status: dropped",
    "related": "Related report (claims no status)",
}
TITLE = "What happened when, by issue"
RANGE_PAD = 0.02
LEGEND_GAP = 58
"""Pixels between the plot's bottom edge and the legend: room for the two-line date ticks."""
KEY_COLOR = "#888888"
"""The legend's neutral colour: a legend entry stands for a kind of item, whatever its lane."""
SPREAD = 0.32
STATUS_ROW = 0.44
"""Status changes sit on their own row at the top of a lane, above the stacked quotes."""
MAX_ITEMS = 1500


def wrap(text: str, width: int = 60) -> list[str]:
    """Lines of at most `width` characters where the words allow (textwrap is 10x slower)."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line] if line else lines


def hover(kind: str, label: str, start: pd.Timestamp, end: pd.Timestamp) -> str:
    """Hover text, escaped (plotly reads tags) and wrapped so it stays on screen."""
    when = start.strftime("%-d %b %Y")
    if kind == "target":
        when = f"{when} – {end.strftime('%-d %b %Y')}"
    if kind == "quotes":
        label = f"{label}. Filter by issue or speaker to see each quote."
    wrapped = "<br>".join(wrap(html.escape(label)))
    return f"<b>{KIND_LABELS[kind]}</b> · {when}<br>{wrapped}"


def with_hover(events: pd.DataFrame) -> pd.DataFrame:
    """The events with their hover text (plotly's HTML), for the figure only: the tables keep
    plain columns."""
    texts = [hover(r.kind, r.label, r.start, r.end) for r in events.itertuples()]
    return events.assign(hover=pd.Series(texts, index=events.index, dtype=object))


def latest_period(events: pd.DataFrame, limit: int = MAX_ITEMS) -> tuple[int, int]:
    """The latest run of whole years holding at most `limit` items (at least one year)."""
    per_year = events["start"].dt.year.value_counts().sort_index(ascending=False)
    within = per_year.cumsum() <= limit
    years = per_year.index[within] if within.any() else per_year.index[:1]
    return int(min(years)), int(per_year.index[0])


def in_period(events: pd.DataFrame, years: tuple[int, int]) -> pd.DataFrame:
    """Items that overlap the years, first to last inclusive."""
    first, last = years
    return events[(events["end"].dt.year >= first) & (events["start"].dt.year <= last)]


def condense(events: pd.DataFrame, limit: int = MAX_ITEMS) -> tuple[pd.DataFrame, int]:
    """Past `limit` items, a meeting's quotes on an issue become one point that counts them, in
    place of the meeting's own point. Returns the events and how many quotes were folded."""
    is_quote = events["kind"] == "quote"
    if len(events) <= limit or not is_quote.any():
        return events, 0
    groups = events[is_quote].groupby(["issue", "source"], sort=False)
    grouped = groups.agg(
        start=("start", "first"), end=("end", "first"), count=("record", "size"),
        source_title=("source_title", "first"),
    ).reset_index()  # fmt: skip
    grouped["kind"] = "quotes"
    grouped["record"] = grouped["source"]
    grouped["label"] = [
        f"Meeting and {n} quotes: {title}"
        for n, title in zip(grouped["count"], grouped["source_title"], strict=True)
    ]
    keys = pd.MultiIndex.from_frame(events[["issue", "source"]])
    folded_meeting = (events["kind"] == "meeting") & keys.isin(
        pd.MultiIndex.from_frame(grouped[["issue", "source"]])
    )
    rest = events[~is_quote & ~folded_meeting]
    kept = pd.concat([rest, grouped.drop(columns="count")], ignore_index=True)
    return kept.sort_values(["start", "kind"], ignore_index=True), int(is_quote.sum())


def lane_offsets(events: pd.DataFrame, spread: float = SPREAD) -> pd.Series:
    """Spread items that share a lane and a date over the lane's height, so none hides another."""
    rank = events.groupby(["issue", "start"]).cumcount()
    size = events.groupby(["issue", "start"])["kind"].transform("size")
    return (rank - (size - 1) / 2) * (2 * spread / size.clip(lower=2))


def point_offsets(points: pd.DataFrame) -> pd.Series:
    """Each point's place in its lane: status changes on the lane's top row, the rest stacked
    around its middle."""
    status = points["kind"] == "status"
    offsets = lane_offsets(points, SPREAD).where(~status, 0.0)
    return offsets.where(~status, STATUS_ROW + lane_offsets(points[status], 0.06))


def lane_height(events: pd.DataFrame) -> int:
    """Pixels per lane: enough for the tallest stack of items on one day, within bounds."""
    tallest = events.groupby(["issue", "start"]).size().max() if len(events) else 1
    return int(min(max(8 * tallest, 48), 90))


def timeline_figure(events: pd.DataFrame, issues: dict[str, str], palette: list[str]) -> go.Figure:
    """`issues` maps the shown issue ids to titles, top lane first; `palette` colours the lanes.
    A trace per issue and kind of item, so that each trace has one marker symbol; the legend has
    an entry per kind (per status for status changes), grouped with that kind's traces."""
    lanes = {issue: index for index, issue in enumerate(reversed(list(issues)))}
    events = with_hover(events[events["issue"].isin(lanes)])
    window = record_window(events)
    points = events[events["kind"] != "target"]
    points = points.assign(offset=point_offsets(points), x=placed(points, window))
    traces = []
    for position, (issue, title) in enumerate(issues.items()):
        color = palette[position % len(palette)] if palette else None
        style = {"name": title, "color": color, "lane": lanes[issue]}
        for kind, rows in points[points["issue"] == issue].groupby("kind", sort=False):
            traces.append(_points(rows, issue, kind, style))
        spans = events[(events["issue"] == issue) & (events["kind"] == "target")]
        if len(spans):
            traces.append(_spans(spans, issue, style))
    layout = _layout(issues, lanes, events, window)
    # One Figure built from plain dicts: plotly validates it once, where add_trace and
    # update_layout per part cost about twice as much.
    return go.Figure({"data": traces + legend_keys(events), "layout": layout})


def _points(rows: pd.DataFrame, issue: str, kind: str, style: dict) -> dict:
    color = style["color"]
    marker = {"symbol": SYMBOLS[kind], "size": 11, "color": color,
              "line": {"width": 1.5, "color": color}}  # fmt: skip
    if kind == "status":
        marker["symbol"] = [STATUS_SYMBOLS[status] for status in rows["status"]]
    return dict(
        type="scatter",
        x=rows["x"].to_numpy(),
        y=(style["lane"] + rows["offset"]).to_numpy(),
        mode="markers",
        name=style["name"],
        legendgroup=kind,
        showlegend=False,
        meta={"issue": issue, "kind": kind},
        customdata=rows["record"].to_numpy(),
        marker=marker,
        hovertext=rows["hover"].to_numpy(),
        hoverinfo="text",
    )


def _spans(rows: pd.DataFrame, issue: str, style: dict) -> dict:
    duration = (rows["end"] - rows["start"]).dt.total_seconds() * 1000
    return dict(
        type="bar",
        base=[start.isoformat() for start in rows["start"]],
        x=duration.round().tolist(),
        y=[style["lane"]] * len(rows),
        orientation="h",
        width=0.5,
        name=f"{style['name']}: target",
        legendgroup="target",
        showlegend=False,
        meta={"issue": issue, "kind": "target"},
        customdata=rows["record"].to_numpy(),
        marker={"color": style["color"], "opacity": 0.45},
        hovertext=rows["hover"].to_numpy(),
        hoverinfo="text",
    )


def legend_keys(events: pd.DataFrame) -> list[dict]:
    """Legend-only traces, one per kind of item in view (one per status for status changes),
    in a neutral colour; clicking one hides or shows that kind on every lane."""
    kinds = set(events["kind"])
    keys = [
        _key(kind, KIND_LABELS[kind], SYMBOLS[kind])
        for kind in ("meeting", "quote", "quotes", "context", "target")
        if kind in kinds
    ]
    statuses = set(events.loc[events["kind"] == "status", "status"])
    keys += [
        _key("status", STATUS_LABELS[status], symbol)
        for status, symbol in STATUS_SYMBOLS.items()
        if status in statuses
    ]
    return keys


def _key(kind: str, label: str, symbol: str) -> dict:
    return dict(
        type="scatter", x=[None], y=[None], mode="markers", name=label, legendgroup=kind,
        meta={"legend": kind},
        marker={"symbol": symbol, "size": 11, "color": KEY_COLOR,
                "line": {"width": 1.5, "color": KEY_COLOR}},
    )  # fmt: skip


class Window(NamedTuple):
    """The x axis: the record's whole calendar years, from the first year of the sources' own
    items to the last year of any item, and a band `earlier` wide on its left for context dated
    before them."""

    start: pd.Timestamp
    end: pd.Timestamp
    earlier: pd.Timedelta


EARLIER_BAND = 0.12
"""The earlier band's width, as a share of the record's years: context from years before the
record (the INF Treaty of 1987) sits there in date order, so that the chart reads as the record's
year and its first view still holds every item. The band's tick names the years it stands for."""


def record_window(events: pd.DataFrame) -> Window:
    own = events[events["kind"] != "context"]
    first = (own if len(own) else events)["start"].min().year
    start = pd.Timestamp(year=first, month=1, day=1)
    end = pd.Timestamp(year=events["end"].max().year + 1, month=1, day=1)
    earlier = (end - start) * EARLIER_BAND if (events["start"] < start).any() else pd.Timedelta(0)
    return Window(start, end, earlier)


def placed(points: pd.DataFrame, window: Window) -> pd.Series:
    """Where each point sits on the x axis: on its date, or, dated before the record's years, in
    the earlier band, one place per date in date order."""
    x = points["start"].copy()
    before = points["start"] < window.start
    if before.any():
        days = points.loc[before, "start"]
        rank = (days.rank(method="dense") - 0.5) / days.nunique()
        x[before] = window.start - window.earlier + window.earlier * rank
    return x


def axis(window: Window) -> dict:
    """The x axis's range, with a margin of `RANGE_PAD` on each side so that no end mark is cut
    in half, and few enough ticks to stay level at 390 px: month starts (a quarter apart for a
    year), the year named on the first and on each January, and the earlier band's."""
    pad = (window.end - window.start) * RANGE_PAD
    months = pd.date_range(window.start, window.end, freq="MS")
    step = next(n for n in (1, 2, 3, 6, 12, 24, 60, 120) if len(months) / n <= 5)
    ticks = list(months[::step])
    if window.earlier:
        ticks = [window.start - window.earlier / 2, *ticks[1:]]
    first = next(day for day in ticks if day >= window.start)
    text = [
        "earlier" if day < window.start
        else f"{day:%b}<br>{day:%Y}" if day.month == 1 or day == first else f"{day:%b}"
        for day in ticks
    ]  # fmt: skip
    return {
        "type": "date",
        "range": [window.start - window.earlier - pad, window.end + pad],
        "tickvals": ticks,
        "ticktext": text,
        "tickangle": 0,
    }


MAX_GUIDES = 40


def guides(events: pd.DataFrame, window: Window) -> list[dict]:
    """A dotted line across every lane on each meeting's day (up to MAX_GUIDES meetings), so the
    year's meetings line up across the issues; the earlier band shaded."""
    days = sorted(set(events.loc[events["kind"].isin(["meeting", "quotes"]), "start"]))
    line = {"dash": "dot", "width": 1}
    shapes = [
        {"type": "line", "xref": "x", "yref": "paper", "x0": day, "x1": day,
         "y0": 0, "y1": 1, "line": line, "opacity": 0.35}
        for day in (days if len(days) <= MAX_GUIDES else [])
    ]  # fmt: skip
    if window.earlier:
        shapes.append(
            {"type": "rect", "xref": "x", "yref": "paper", "x0": window.start - window.earlier,
             "x1": window.start, "y0": 0, "y1": 1, "fillcolor": KEY_COLOR, "opacity": 0.12,
             "line": {"width": 0}, "layer": "below"}
        )  # fmt: skip
    return shapes


def _layout(issues: dict, lanes: dict, events: pd.DataFrame, window: Window) -> dict:
    plot_height = 100 + lane_height(events) * len(lanes)
    return dict(
        title={"text": TITLE, "x": 0, "xanchor": "left"},
        height=plot_height + 120,
        margin={"l": 10, "r": 10, "t": 50, "b": 70},
        barmode="overlay",
        hovermode="closest",
        hoverlabel={"align": "left"},
        showlegend=True,
        legend={
            "orientation": "h",
            "x": 0,
            "xanchor": "left",
            "y": -LEGEND_GAP / plot_height,
            "yanchor": "top",
        },
        xaxis=axis(window),
        yaxis={
            "tickvals": list(lanes.values()),
            "ticktext": [issues[issue] for issue in lanes],
            "range": [-0.6, len(lanes) - 0.4],
            "fixedrange": True,
        },
        shapes=guides(events, window),
    )
