"""Charts as inline SVG, for reports that print and mail without scripts: axes with titles and ticks,
values on the bars, labels whole (horizontal bars for long names), and the causal graph. Every label is
escaped; every `<svg>` element is written by `_svg`."""

from __future__ import annotations

import math
from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from multipolar.model.causal import CausalGraph

COOPERATION = "#2e7d32"
CONFLICT = "#c62828"
VOLUME = "#78909c"
QUAD_COLOURS = {"verbal cooperation": "#81c784", "material cooperation": "#2e7d32",
                "verbal conflict": "#ef9a9a", "material conflict": "#c62828"}
_FONT = 'font-family="system-ui, sans-serif"'


def nice_ticks(low: float, high: float, count: int = 4, integer: bool = False) -> list[float]:
    """Round tick values covering [low, high] (and zero), steps of 1, 2 or 5 times a power of ten."""
    low, high = min(low, 0.0), max(high, 0.0)
    span = (high - low) or 1.0
    raw = span / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    if integer:
        step = max(1.0, round(step))
    first = math.floor(low / step) * step
    ticks = []
    value = first
    while value <= high + step * 1e-9:
        ticks.append(round(value, 10))
        value += step
    if ticks[-1] < high:
        ticks.append(ticks[-1] + step)
    return ticks


def _tick_text(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def columns(labels: list[str], values: list[float], *, y_title: str, x_title: str, width: int = 640,
            height: int = 240, integer: bool = False, colour: str | None = None) -> str:
    """Vertical bars over periods, each with its value, a y axis with ticks: one colour (a volume), or green
    above zero and red below."""
    if not values:
        return ""
    return stacked_columns(labels, {"": values}, y_title=y_title, x_title=x_title, width=width, height=height,
                           integer=integer, signed=True, colours={"": colour} if colour else None)


def stacked_columns(labels: list[str], series: dict[str, list[float]], *, y_title: str, x_title: str,
                    colours: dict[str, str] | None = None, width: int = 640, height: int = 240,
                    integer: bool = False, signed: bool = False) -> str:
    """Bars per period stacked by series (event counts by quad class), with a legend, totals on top."""
    if not labels:
        return ""
    totals = [sum(s[k] for s in series.values() if s[k] > 0) for k in range(len(labels))]
    lows = [sum(s[k] for s in series.values() if s[k] < 0) for k in range(len(labels))]
    ticks = nice_ticks(min(lows), max(totals), integer=integer)
    left, right, top, bottom = 56, 10, 14 + (18 if len(series) > 1 else 0), 46
    plot_w, plot_h = width - left - right, height - top - bottom
    low, high = ticks[0], ticks[-1]

    def y(value: float) -> float:
        return top + (high - value) / ((high - low) or 1.0) * plot_h

    parts = [_y_axis(ticks, y, left, width - right, y_title, top, plot_h)]
    step = plot_w / len(labels)
    bar = max(2.0, min(48.0, step * 0.7))
    slanted = len(labels) > 8 or max(len(label) for label in labels) * 6.5 > step
    for k, label in enumerate(labels):
        x = left + k * step + (step - bar) / 2
        up, down = 0.0, 0.0
        for name, values in series.items():
            value = values[k]
            if not value:
                continue
            base = up if value > 0 else down
            y0, y1 = y(base), y(base + value)
            colour = (colours or {}).get(name) or (COOPERATION if value >= 0 else CONFLICT)
            tip = escape(f"{label}: {name + ' ' if name else ''}{_tick_text(value)}")
            parts.append(f'<rect x="{x:.1f}" y="{min(y0, y1):.1f}" width="{bar:.1f}" height="{abs(y1 - y0):.1f}" '
                         f'fill="{colour}"><title>{tip}</title></rect>')
            if value > 0:
                up += value
            else:
                down += value
        if len(labels) <= 24 and (up or down):
            shown = up + down if signed else up
            at = y(up) - 3 if (not signed or shown >= 0) else y(down) + 11
            parts.append(f'<text x="{x + bar / 2:.1f}" y="{at:.1f}" font-size="10" text-anchor="middle" '
                         f'{_FONT}>{_tick_text(shown)}</text>')
        cx = left + k * step + step / 2
        if slanted:
            parts.append(f'<text x="{cx:.1f}" y="{top + plot_h + 12}" font-size="10" text-anchor="end" {_FONT} '
                         f'transform="rotate(-40 {cx:.1f} {top + plot_h + 12})">{escape(label)}</text>')
        else:
            parts.append(f'<text x="{cx:.1f}" y="{top + plot_h + 14}" font-size="10" text-anchor="middle" '
                         f'{_FONT}>{escape(label)}</text>')
    parts.append(f'<text x="{left + plot_w / 2:.1f}" y="{height - 4}" font-size="11" text-anchor="middle" '
                 f'{_FONT}>{escape(x_title)}</text>')
    if len(series) > 1:
        parts.append(_legend(list(series), colours or {}, left))
    return _svg(width, height, y_title, "".join(parts))


def horizontal_bars(labels: list[str], values: list[float], *, x_title: str, width: int = 640,
                    row: int = 20) -> str:
    """One bar per labelled item (dyads), the whole label on the left, the value at the bar's end."""
    if not values:
        return ""
    label_w = min(260, 16 + 6.6 * max(len(label) for label in labels))
    left, right, top, bottom = label_w, 48, 8, 40
    height = top + bottom + row * len(values)
    ticks = nice_ticks(min(values), max(values))
    low, high = ticks[0], ticks[-1]
    plot_w = width - left - right

    def x(value: float) -> float:
        return left + (value - low) / ((high - low) or 1.0) * plot_w

    parts = []
    for tick in ticks:
        parts.append(f'<line x1="{x(tick):.1f}" x2="{x(tick):.1f}" y1="{top}" y2="{height - bottom}" '
                     f'stroke="{"#777" if tick == 0 else "#e4e4e4"}"/>'
                     f'<text x="{x(tick):.1f}" y="{height - bottom + 14}" font-size="10" text-anchor="middle" '
                     f'{_FONT}>{_tick_text(tick)}</text>')
    for k, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = top + k * row + 3
        x0, x1 = sorted((x(0), x(value)))
        colour = COOPERATION if value >= 0 else CONFLICT
        parts.append(f'<text x="{left - 6}" y="{y + row / 2 + 1:.1f}" font-size="11" text-anchor="end" '
                     f'{_FONT}>{escape(label)}</text>'
                     f'<rect x="{x0:.1f}" y="{y}" width="{max(x1 - x0, 1):.1f}" height="{row - 6}" fill="{colour}">'
                     f'<title>{escape(label)}: {_tick_text(value)}</title></rect>')
        at, anchor = (x1 + 3, "start") if value >= 0 else (x0 - 3, "end")
        parts.append(f'<text x="{at:.1f}" y="{y + row / 2 + 1:.1f}" font-size="10" text-anchor="{anchor}" '
                     f'{_FONT}>{value:+,.1f}</text>')
    parts.append(f'<text x="{left + plot_w / 2:.1f}" y="{height - 6}" font-size="11" text-anchor="middle" '
                 f'{_FONT}>{escape(x_title)}</text>')
    return _svg(width, height, x_title, "".join(parts))


def _y_axis(ticks: list[float], y: Callable[[float], float], left: int, right: int, title: str, top: int,
            plot_h: int) -> str:
    parts = []
    for tick in ticks:
        row = y(tick)
        parts.append(f'<line x1="{left}" x2="{right}" y1="{row:.1f}" y2="{row:.1f}" '
                     f'stroke="{"#777" if tick == 0 else "#e4e4e4"}"/>'
                     f'<text x="{left - 5}" y="{row + 3:.1f}" font-size="10" text-anchor="end" {_FONT}>'
                     f'{_tick_text(tick)}</text>')
    middle = top + plot_h / 2
    parts.append(f'<text x="12" y="{middle:.1f}" font-size="11" text-anchor="middle" {_FONT} '
                 f'transform="rotate(-90 12 {middle:.1f})">{escape(title)}</text>')
    return "".join(parts)


def _legend(names: list[str], colours: dict[str, str], left: int) -> str:
    parts, x = [], float(left)
    for name in names:
        parts.append(f'<rect x="{x:.1f}" y="2" width="10" height="10" fill="{colours.get(name, "#999")}"/>'
                     f'<text x="{x + 14:.1f}" y="11" font-size="10" {_FONT}>{escape(name)}</text>')
        x += 24 + 6 * len(name)
    return "".join(parts)


def _svg(width: int, height: int, label: str, body: str, css_class: str = "chart", attributes: str = "") -> str:
    """The one place an `<svg>` element is written."""
    extra = f" {attributes}" if attributes else ""
    return (f'<svg class="{css_class}" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(label)}"{extra}>{body}</svg>')


def causal_chart(graph: CausalGraph, *, width: int = 720, limit: int = 14) -> str:
    """Causes on the left, effects on the right, one arrow per stated edge: green strengthens, red weakens,
    thicker when more sentences say so. Plain SVG, so it prints and needs no script."""
    edges = graph.stated()[:limit]
    if not edges:
        return ""
    labels = graph.labels()
    causes = list(dict.fromkeys(e.cause for e in edges))
    effects = list(dict.fromkeys(e.effect for e in edges))
    row, top = 34, 24
    height = top + row * max(len(causes), len(effects)) + 10
    left_x, right_x = 200, width - 200

    def y(k: int) -> float:
        return top + row * k + row / 2

    parts = ['<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" '
             'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>',
             f'<text x="{left_x}" y="14" text-anchor="end" font-weight="bold">cause</text>',
             f'<text x="{right_x}" y="14" font-weight="bold">effect</text>']
    for edge in edges:
        y0, y1 = y(causes.index(edge.cause)), y(effects.index(edge.effect))
        colour = "#2e7d32" if edge.polarity > 0 else "#c62828"
        stroke = 1 + min(edge.count, 8) * 0.6
        sign = "+" if edge.polarity > 0 else "−"
        parts.append(f'<line x1="{left_x + 6}" y1="{y0:.0f}" x2="{right_x - 8}" y2="{y1:.0f}" stroke="{colour}" '
                     f'stroke-width="{stroke:.1f}" marker-end="url(#arrow)"><title>{escape(sign)} '
                     f'stated {edge.count}×</title></line>')
        mid_x, mid_y = (left_x + right_x) / 2, (y0 + y1) / 2 - 3
        parts.append(f'<text x="{mid_x:.0f}" y="{mid_y:.0f}" text-anchor="middle" fill="{colour}">{sign}'
                     f'{edge.count if edge.count > 1 else ""}</text>')
    for k, node in enumerate(causes):
        parts.append(f'<text x="{left_x}" y="{y(k) + 4:.0f}" text-anchor="end">'
                     f'{escape(_shortened(labels[node]))}</text>')
    for k, node in enumerate(effects):
        parts.append(f'<text x="{right_x}" y="{y(k) + 4:.0f}">{escape(_shortened(labels[node]))}</text>')
    return _svg(width, height, "What the texts say causes what", "".join(parts), css_class="causal-graph",
                attributes='font-family="sans-serif" font-size="11"')


def _shortened(label: str, limit: int = 32) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"
