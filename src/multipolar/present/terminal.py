"""Output sized to the terminal: its width (`COLUMNS`, else the terminal's, else 160 when piped), a compact
layout below 120 columns, and the corpus tables (dyad series, top dyads, figures, causal claims) written
for people: numbers rounded, periods at their precision, cut text ending in "…", never "nan"."""

from __future__ import annotations

import math
import numbers
import shutil
from typing import Any

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from multipolar.model.checks import period_label

PIPED_WIDTH = 160
COMPACT_BELOW = 120


def width() -> int:
    """The columns to fill: $COLUMNS when set (as shells and `COLUMNS=80 multipolar ...` set it), else the
    terminal's, else 160 for a pipe or a file."""
    return max(40, shutil.get_terminal_size((PIPED_WIDTH, 24)).columns)


def is_compact(columns: int | None = None) -> bool:
    return (columns or width()) < COMPACT_BELOW


def console(**options: Any) -> Console:
    return Console(width=width(), **options)


def clip(text: str | None, limit: int) -> str:
    """Text on one line, cut at a word boundary before `limit` characters with "…" when cut."""
    flat = " ".join((text or "").split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    space = len(cut) if flat[limit - 1] == " " else cut.rfind(" ")
    return (cut[:space] if space > limit * 0.6 else cut).rstrip(" ,;:") + "…"


def number(value: Any, digits: int = 1, signed: bool = False) -> str:
    """A number for people: "" for a missing one (never "nan"), thousands separated, a sign if asked."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if value == 0:
        return "0"
    if isinstance(value, numbers.Integral):
        return f"{int(value):+,}" if signed else f"{int(value):,}"
    return f"{float(value):+,.{digits}f}" if signed else f"{float(value):,.{digits}f}"


def money(value: Any) -> str:
    """52.1bn, 930m, 12,500: a USD amount at a readable scale."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    for scale, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if abs(value) >= scale:
            return f"{value / scale:,.3g}{suffix}"
    return f"{value:,.0f}"


def _iso(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return "" if text in ("NaT", "nan", "None") else text[:10]


def table(title: str | None, *columns: str, right: tuple[str, ...] = ()) -> Table:
    found = Table(title=title, title_justify="left", title_style="bold cyan")
    for column in columns:
        found.add_column(column, overflow="fold", justify="right" if column in right else "left")
    return found


def dyad_table(frame: Any, a: str, b: str, columns: int) -> Table:
    """A dyad's periods: events in each direction, Goldstein, the cooperation share, the document volume."""
    compact = is_compact(columns)
    head = ["period", "events", f"{a}→{b}", f"{b}→{a}", "Goldstein", "mean", "coop."]
    head += [] if compact else ["documents", "types"]
    found = table(f"{a}–{b}", *head, right=(*tuple(head[1:7]), "documents"))
    for row in frame.itertuples(index=False):
        cells = [row.label, number(row.events), number(row.from_a), number(row.from_b),
                 number(row.goldstein_sum, signed=True), number(row.goldstein_mean, signed=True),
                 "" if row.events == 0 else f"{row.cooperation_share:.0%}"]
        if not compact:
            cells += [f"{row.documents} of {row.store_documents}", clip(row.types.replace(",", ", "), 40)]
        found.add_row(*cells)
    return found


def top_table(frame: Any, columns: int) -> Table:
    head = ["dyad", "events", "Goldstein", "last year's change"]
    found = table("Strongest dyads", *head, right=tuple(head[1:]))
    for row in frame.itertuples(index=False):
        found.add_row(f"{row.a}–{row.b}", number(row.events), number(row.goldstein_total, signed=True),
                      number(row.last_year_change, signed=True))
    return found


def flows_table(frame: Any, columns: int) -> Any:
    """Each stated money figure: its period, measure, direction, the amount and where it was said (in a
    column, or below the table when the terminal is narrow)."""
    compact = is_compact(columns)
    head = ["#", "period", "measure", "flow", "figure", "USD"] + ([] if compact else ["said in"])
    found = table("Figures", *head, right=("#", "USD"))
    sources = []
    for k, row in enumerate(frame.itertuples(index=False), start=1):
        flow = f"{row.from_actor}→{row.to_actor}" if _present(row.from_actor) and _present(row.to_actor) \
            else "/".join(_parties(row.parties))
        cells = [str(k), period_label(row.period_start, row.period_end), row.measure or "", flow, clip(row.text, 24),
                 money(row.usd)]
        if compact:
            sources.append(Text(f"[{k}] " + clip(row.evidence, columns - len(str(k)) - 4)))
            sources.append(Text(" " * (len(str(k)) + 3) + clip(_cited(row), columns - len(str(k)) - 4), style="dim"))
        else:
            room = max(40, columns - 95)
            cells.append(Text(clip(row.evidence, room) + "\n") + Text(clip(_cited(row), room), style="dim"))
        found.add_row(*cells)
    return Group(found, *sources) if sources else found


def _cited(row: Any) -> str:
    """Where a figure was said: the document's title, date and original address."""
    return " · ".join(str(p) for p in (getattr(row, "title", None), _iso(getattr(row, "doc_date", None)),
                                        row.document) if _present(p))


def _present(value: Any) -> bool:
    return value is not None and not (isinstance(value, float) and math.isnan(value)) and value != ""


def _parties(raw: Any) -> list[str]:
    import json

    try:
        parties = json.loads(raw) if isinstance(raw, str) else list(raw or ())
    except ValueError:
        return []
    return [str(p) for p in parties]


def causal_table(graph: Any, columns: int) -> Table:
    """Stated effects, cause to effect, with how often they are said and an example sentence."""
    compact = is_compact(columns)
    head = ["cause", "", "effect", "said"] + ([] if compact else ["documents"]) + ["for example"]
    found = table("Stated effects (cause → effect)", *head, right=("said", "documents"))
    label = graph.labels()
    example_width = max(30, columns - (60 if compact else 80))
    for edge in graph.stated():
        cells = [clip(label[edge.cause], 40), "+" if edge.polarity > 0 else "−", clip(label[edge.effect], 40),
                 str(edge.count)]
        if not compact:
            cells.append(str(len({s.doc_id for s in edge.sources})))
        cells.append(clip(edge.sources[0].text, example_width))
        found.add_row(*cells)
    return found
