"""The timeline figure: a lane per issue; quotes, meetings, context and status updates as
points, next-step targets as spans covering the year, month or day they name."""

from __future__ import annotations

import html
import textwrap

import pandas as pd
import plotly.graph_objects as go

SYMBOLS = {"meeting": "diamond", "quote": "circle", "context": "square-open", "status": "x"}
KIND_LABELS = {
    "meeting": "Meeting",
    "quote": "Quote",
    "context": "Context (public source, not the article)",
    "status": "Status update",
    "target": "Next-step target",
}
SPREAD = 0.32


def hover(kind: str, label: str, start: pd.Timestamp, end: pd.Timestamp) -> str:
    """Hover text, escaped (plotly reads tags) and wrapped so it stays on screen."""
    when = start.strftime("%-d %b %Y")
    if kind == "target":
        when = f"{when} – {end.strftime('%-d %b %Y')}"
    wrapped = "<br>".join(textwrap.wrap(html.escape(label), 60))
    return f"<b>{KIND_LABELS[kind]}</b> · {when}<br>{wrapped}"


def lane_offsets(events: pd.DataFrame) -> pd.Series:
    """Spread items that share a lane and a date over the lane's height, so none hides another."""
    rank = events.groupby(["issue", "start"]).cumcount()
    size = events.groupby(["issue", "start"])["kind"].transform("size")
    return (rank - (size - 1) / 2) * (2 * SPREAD / size.clip(lower=2))


def timeline_figure(events: pd.DataFrame, issues: dict[str, str], palette: list[str]) -> go.Figure:
    """`issues` maps the shown issue ids to titles, top lane first; `palette` colours the lanes."""
    lanes = {issue: index for index, issue in enumerate(reversed(list(issues)))}
    events = events[events["issue"].isin(lanes)]
    figure = go.Figure()
    points = events[events["kind"] != "target"].assign(offset=lambda e: lane_offsets(e))
    for position, (issue, title) in enumerate(issues.items()):
        color = palette[position % len(palette)] if palette else None
        mine = points[points["issue"] == issue]
        figure.add_trace(_points(mine, lanes[issue], title, issue, color))
        spans = events[(events["issue"] == issue) & (events["kind"] == "target")]
        if len(spans):
            figure.add_trace(_spans(spans, lanes[issue], title, issue, color))
    _layout(figure, issues, lanes, events)
    return figure


def _points(rows: pd.DataFrame, lane: int, title: str, issue: str, color: str | None) -> go.Scatter:
    return go.Scatter(
        x=rows["start"],
        y=lane + rows["offset"],
        mode="markers",
        name=title,
        legendgroup=issue,
        meta=issue,
        customdata=rows[["kind", "record"]].to_numpy(),
        marker={"symbol": [SYMBOLS[k] for k in rows["kind"]], "size": 11, "color": color,
                "line": {"width": 1.5, "color": color}},
        hovertext=[hover(r.kind, r.label, r.start, r.end) for r in rows.itertuples()],
        hoverinfo="text",
    )  # fmt: skip


def _spans(rows: pd.DataFrame, lane: int, title: str, issue: str, color: str | None) -> go.Bar:
    duration = (rows["end"] - rows["start"]).dt.total_seconds() * 1000
    return go.Bar(
        base=[start.isoformat() for start in rows["start"]],
        x=duration.round().tolist(),
        y=[lane] * len(rows),
        orientation="h",
        width=0.5,
        name=f"{title}: target",
        legendgroup=issue,
        meta=issue,
        customdata=rows[["kind", "record"]].to_numpy(),
        marker={"color": color, "opacity": 0.45},
        hovertext=[hover(r.kind, r.label, r.start, r.end) for r in rows.itertuples()],
        hoverinfo="text",
    )


def focus_range(events: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The span of the sources' own items, padded; context long before it stays off screen."""
    own = events[events["kind"] != "context"]
    if own.empty:
        return None
    start, end = own["start"].min(), own["end"].max()
    return start - pd.DateOffset(months=5), end + pd.DateOffset(months=1)


def _layout(figure: go.Figure, issues: dict, lanes: dict, events: pd.DataFrame) -> None:
    window = focus_range(events)
    figure.update_layout(
        height=120 + 48 * len(lanes),
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        barmode="overlay",
        hovermode="closest",
        hoverlabel={"align": "left"},
        showlegend=False,
        xaxis={"type": "date", "range": list(window) if window else None},
        yaxis={
            "tickvals": list(lanes.values()),
            "ticktext": [issues[issue] for issue in lanes],
            "range": [-0.6, len(lanes) - 0.4],
            "fixedrange": True,
        },
    )
