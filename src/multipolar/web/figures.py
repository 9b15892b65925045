"""Plotly figures (as plain dicts) for the pages: a dyad over time, several dyads side by side, the relation
graph. Axis titles are `{"text": ...}` (the bundled plotly.js ignores a bare string), counts get whole
ticks, each measure has its own panel with its own zero line, legends sit below the plot, clear of the
toolbar."""

from __future__ import annotations

import math
from typing import Any

from multipolar.present.charts import CONFLICT, COOPERATION, QUAD_COLOURS, nice_ticks

PALETTE = ("#1f77b4", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f", "#d62728",
           "#2ca02c")
NO_BLOC = "#b0b0b0"
PERIOD_NAMES = {"month": "month", "quarter": "quarter", "year": "year"}
CONFIG = {"displaylogo": False, "responsive": True, "modeBarButtonsToRemove": ["select2d", "lasso2d"]}


def _count_axis(title: str, domain: list[float], top: float) -> dict[str, Any]:
    ticks = nice_ticks(0, max(top, 1.0), integer=True)
    return {"domain": domain, "title": {"text": title}, "rangemode": "tozero", "tickformat": ",d",
            "dtick": ticks[1] - ticks[0], "range": [0, ticks[-1] * 1.05], "fixedrange": True}


def _axis(title: str, domain: list[float], **extra: Any) -> dict[str, Any]:
    return {"domain": domain, "title": {"text": title}, "zeroline": True, "zerolinecolor": "#777",
            "fixedrange": True, **extra}


def _layout(by: str, labels: list[str], height: int) -> dict[str, Any]:
    return {"height": height, "margin": {"l": 64, "r": 16, "t": 8, "b": 40}, "barmode": "relative",
            "legend": {"orientation": "h", "x": 0, "y": -0.12, "yanchor": "top"},
            "xaxis": {"type": "category", "categoryorder": "array", "categoryarray": labels,
                      "title": {"text": PERIOD_NAMES.get(by, by), "standoff": 10}, "anchor": "y4", "automargin": True,
                      "tickangle": "auto", "fixedrange": True},
            "hovermode": "x unified", "font": {"family": "system-ui, sans-serif", "size": 12}}


def dyad_figure(series: list[dict[str, Any]], a: str, b: str, by: str) -> dict[str, Any]:
    """How a relationship changed, in four panels over the same periods: events by quad class; the
    Goldstein sum of each direction; the Goldstein mean; the store's documents (the scale of coverage)."""
    labels = [r["label"] for r in series]
    traces: list[dict[str, Any]] = []
    for column, name in (("verbal_cooperation", "verbal cooperation"), ("material_cooperation", "material cooperation"),
                         ("verbal_conflict", "verbal conflict"), ("material_conflict", "material conflict")):
        traces.append({"type": "bar", "name": name, "x": labels, "y": [r[column] for r in series],
                       "marker": {"color": QUAD_COLOURS[name]}, "yaxis": "y"})
    for column, name, colour in (("goldstein_a_to_b", f"Goldstein {a}→{b}", "#1f77b4"),
                                 ("goldstein_b_to_a", f"Goldstein {b}→{a}", "#ff7f0e")):
        traces.append({"type": "bar", "name": name, "x": labels, "y": [r[column] for r in series], "yaxis": "y2",
                       "marker": {"color": colour}})
    traces.append({"type": "scatter", "mode": "lines+markers", "name": "Goldstein mean", "x": labels,
                   "y": [r["goldstein_mean"] if r["events"] else None for r in series], "yaxis": "y3",
                   "line": {"color": "#333"}, "connectgaps": False})
    traces.append({"type": "bar", "name": f"documents reporting {a}–{b}", "x": labels,
                   "y": [r["documents"] for r in series], "yaxis": "y4", "marker": {"color": "#37474f"}})
    traces.append({"type": "bar", "name": "other documents in the store", "x": labels,
                   "y": [r["store_documents"] - r["documents"] for r in series], "yaxis": "y4",
                   "marker": {"color": "#cfd8dc"}})
    sums = [abs(r["goldstein_a_to_b"]) + abs(r["goldstein_b_to_a"]) for r in series] or [1.0]
    layout = _layout(by, labels, 760)
    layout |= {"yaxis": _count_axis("events", [0.78, 1.0], max((r["events"] for r in series), default=1)),
               "yaxis2": _axis("Goldstein sum", [0.52, 0.74], range=_symmetric(max(sums))),
               "yaxis3": _axis("Goldstein mean", [0.27, 0.48], range=[-10.5, 10.5], dtick=5),
               "yaxis4": _count_axis("documents", [0.0, 0.22],
                                     max((r["store_documents"] for r in series), default=1))}
    return {"data": traces, "layout": layout, "config": CONFIG}


def _symmetric(top: float) -> list[float]:
    ticks = nice_ticks(-top, top)
    return [ticks[0] * 1.05, ticks[-1] * 1.05]


def compare_figure(dyads: list[tuple[str, str, list[dict[str, Any]]]], by: str) -> dict[str, Any]:
    """Several dyads side by side over the same periods: events, Goldstein sum and mean, one colour each."""
    labels = sorted({r["label"] for _, _, series in dyads for r in series})
    traces: list[dict[str, Any]] = []
    top, span = 1.0, 1.0
    for k, (a, b, series) in enumerate(dyads):
        by_label = {r["label"]: r for r in series}
        colour = PALETTE[k % len(PALETTE)]
        for axis, column, shown in (("y", "events", True), ("y2", "goldstein_sum", False),
                                    ("y3", "goldstein_mean", False)):
            values = [by_label[x][column] if x in by_label and (column != "goldstein_mean" or by_label[x]["events"])
                      else (0 if column == "events" else None) for x in labels]
            traces.append({"type": "scatter", "mode": "lines+markers", "name": f"{a}–{b}", "x": labels, "y": values,
                           "yaxis": axis, "line": {"color": colour}, "legendgroup": f"{a}–{b}", "showlegend": shown})
        top = max([top, *(r["events"] for r in series)])
        span = max([span, *(abs(r["goldstein_sum"]) for r in series)])
    layout = _layout(by, labels, 620)
    layout["xaxis"]["anchor"] = "y3"
    layout |= {"yaxis": _count_axis("events", [0.70, 1.0], top),
               "yaxis2": _axis("Goldstein sum", [0.36, 0.64], range=_symmetric(span)),
               "yaxis3": _axis("Goldstein mean", [0.0, 0.30], range=[-10.5, 10.5], dtick=5)}
    return {"data": traces, "layout": layout, "config": CONFIG}


def graph_figure(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> dict[str, Any]:
    """Actors on a circle, each bloc an arc of its own colour (grey: in no bloc); edges green for net
    cooperation, red for net conflict, wider with more events."""
    ordered = sorted(nodes, key=lambda n: (n["bloc"] is None, n["bloc"] if n["bloc"] is not None else 0, n["id"]))
    place = _places(ordered, edges)
    traces: list[dict[str, Any]] = []
    for edge in edges:
        (x0, y0), (x1, y1) = place[edge["a"]], place[edge["b"]]
        colour = COOPERATION if edge["goldstein_total"] >= 0 else CONFLICT
        traces.append({"type": "scatter", "mode": "lines", "x": [x0, x1], "y": [y0, y1], "hoverinfo": "text",
                       "text": f"{edge['a']}–{edge['b']}: {edge['events']} events, "
                               f"Goldstein {edge['goldstein_total']:+}",
                       "line": {"color": colour, "width": 1 + min(edge["events"], 12) / 2}, "opacity": 0.6,
                       "showlegend": False})
    traces.append({"type": "scatter", "mode": "markers+text", "x": [place[n["id"]][0] for n in ordered],
                   "y": [place[n["id"]][1] for n in ordered], "text": [n["id"] for n in ordered],
                   "hovertext": [f"{n.get('name') or n['id']}: " + (f"bloc {n['bloc'] + 1}" if n["bloc"] is not None
                                                                    else "in no bloc") for n in ordered],
                   "hoverinfo": "text", "textposition": "top center", "showlegend": False,
                   "marker": {"size": 13, "color": [bloc_colour(n["bloc"]) for n in ordered],
                              "line": {"color": "#fff", "width": 1}}})
    layout = {"xaxis": {"visible": False, "fixedrange": True}, "yaxis": {"visible": False, "scaleanchor": "x",
                                                                       "fixedrange": True},
              "height": 600, "margin": {"l": 10, "r": 10, "t": 10, "b": 10}, "hovermode": "closest",
              "font": {"family": "system-ui, sans-serif", "size": 11}}
    return {"data": traces, "layout": layout, "config": CONFIG}


def _places(ordered: list[dict[str, Any]], edges: list[dict[str, Any]]) -> dict[str, tuple[float, float]]:
    """Actors on a circle in bloc order; a hub (an actor in a third of the dyads or more, as the voice of a
    government's statements is) in the middle, so its ties do not cross the drawing."""
    degree: dict[str, int] = {}
    for edge in edges:
        for code in (edge["a"], edge["b"]):
            degree[code] = degree.get(code, 0) + 1
    hub = max(degree, key=lambda code: (degree[code], code), default=None)
    centred = hub if hub is not None and degree[hub] >= max(3, len(edges) / 3) else None
    ring = [n for n in ordered if n["id"] != centred]
    count = max(len(ring), 1)
    place = {n["id"]: (math.cos(2 * math.pi * k / count), math.sin(2 * math.pi * k / count))
             for k, n in enumerate(ring)}
    if centred is not None:
        place[centred] = (0.0, 0.0)
    return place


def bloc_colour(bloc: int | None) -> str:
    return NO_BLOC if bloc is None else PALETTE[bloc % len(PALETTE)]
