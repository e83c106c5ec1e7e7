"""The timeline figure: a lane per issue; quotes, meetings, context and status updates as
points, next-step targets as spans covering the year, month or day they name."""

from __future__ import annotations

import html

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
LEGEND_GAP = 45
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
    points = events[events["kind"] != "target"].assign(offset=lambda e: point_offsets(e))
    figure = go.Figure()
    for position, (issue, title) in enumerate(issues.items()):
        color = palette[position % len(palette)] if palette else None
        style = {"name": title, "color": color, "lane": lanes[issue]}
        for kind, rows in points[points["issue"] == issue].groupby("kind", sort=False):
            figure.add_trace(_points(rows, issue, kind, style))
        spans = events[(events["issue"] == issue) & (events["kind"] == "target")]
        if len(spans):
            figure.add_trace(_spans(spans, issue, style))
    for key in legend_keys(events):
        figure.add_trace(key)
    _layout(figure, issues, lanes, events)
    meeting_guides(figure, events)
    return figure


def _points(rows: pd.DataFrame, issue: str, kind: str, style: dict) -> go.Scatter:
    color = style["color"]
    marker = {"symbol": SYMBOLS[kind], "size": 11, "color": color,
              "line": {"width": 1.5, "color": color}}  # fmt: skip
    if kind == "status":
        marker["symbol"] = [STATUS_SYMBOLS[status] for status in rows["status"]]
    return go.Scatter(
        x=rows["start"].to_numpy(),
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


def _spans(rows: pd.DataFrame, issue: str, style: dict) -> go.Bar:
    duration = (rows["end"] - rows["start"]).dt.total_seconds() * 1000
    return go.Bar(
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


def legend_keys(events: pd.DataFrame) -> list[go.Scatter]:
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


def _key(kind: str, label: str, symbol: str) -> go.Scatter:
    return go.Scatter(
        x=[None], y=[None], mode="markers", name=label, legendgroup=kind,
        meta={"legend": kind},
        marker={"symbol": symbol, "size": 11, "color": KEY_COLOR,
                "line": {"width": 1.5, "color": KEY_COLOR}},
    )  # fmt: skip


def full_range(events: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """Whole calendar years from the earliest item shown to the latest, so the first view holds
    every item (context years before the sources' own items included), with a margin of
    `RANGE_PAD` of the span on each side so that no mark at either end is cut in half."""
    if events.empty:
        return None
    first, last = events["start"].min().year, events["end"].max().year
    start = pd.Timestamp(year=first, month=1, day=1)
    end = pd.Timestamp(year=last + 1, month=1, day=1)
    pad = (end - start) * RANGE_PAD
    return start - pad, end + pad


MAX_GUIDES = 40


def meeting_guides(figure: go.Figure, events: pd.DataFrame) -> None:
    """A dotted line across every lane on each meeting's day (up to MAX_GUIDES meetings), so the
    year's meetings line up across the issues."""
    days = sorted(set(events.loc[events["kind"].isin(["meeting", "quotes"]), "start"]))
    if len(days) > MAX_GUIDES:
        return
    for day in days:
        figure.add_vline(x=day, line={"dash": "dot", "width": 1}, opacity=0.35)


def _layout(figure: go.Figure, issues: dict, lanes: dict, events: pd.DataFrame) -> None:
    window = full_range(events)
    plot_height = 100 + lane_height(events) * len(lanes)
    figure.update_layout(
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
        xaxis={
            "type": "date",
            "range": list(window) if window else None,
            "tickformat": "%b\n%Y",
        },
        yaxis={
            "tickvals": list(lanes.values()),
            "ticktext": [issues[issue] for issue in lanes],
            "range": [-0.6, len(lanes) - 0.4],
            "fixedrange": True,
        },
    )
