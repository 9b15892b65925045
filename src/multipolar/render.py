"""The readable terminal summary of an analysis (rich): every line points back to its sentence."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from multipolar.figure_checks import period_label
from multipolar.records import Analysis

_MAX_ROWS = 40


def _clip(text: str, width: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def summary(analysis: Analysis) -> Group:
    doc = analysis.document
    head = Text.assemble(
        (doc.title or doc.source or "document", "bold"),
        f"  date {doc.date.isoformat() if doc.date else 'unknown'}  ·  {len(analysis.sentences)} sentences  ·  "
        f"{len(analysis.actors)} actors  ·  {len(analysis.events)} events  ·  {len(analysis.quantities)} figures"
        f"  ·  {len(analysis.quotes)} quotes",
    )
    parts: list[Panel | Table | Text] = [head]
    parts.append(_actors(analysis))
    parts.append(_relations(analysis))
    parts.append(_events(analysis))
    parts.append(_figures(analysis))
    parts.append(_quotes(analysis))
    parts.append(_timeline(analysis))
    parts.append(_checks(analysis))
    if analysis.unresolved:
        names = ", ".join(sorted({u.text for u in analysis.unresolved}))
        parts.append(Text(f"Unresolved mentions: {_clip(names, 300)}", style="dim"))
    return Group(*parts)


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left", title_style="bold cyan", expand=False, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def _actors(analysis: Analysis) -> Table:
    table = _table("Actors", "code", "name", "kind", "country", "role", "mentions")
    for actor in analysis.actors[:_MAX_ROWS]:
        names = sorted({m.text for m in actor.mentions})
        table.add_row(actor.code, actor.name, actor.kind, actor.country or "", actor.role or "",
                      f"{len(actor.mentions)}: {_clip(', '.join(names), 50)}")
    return table


def _relations(analysis: Analysis) -> Table:
    table = _table("Strongest relations", "dyad", "events", "cooperation", "conflict", "Goldstein")
    for rel in analysis.relations[:15]:
        table.add_row(f"{rel.a}–{rel.b}", str(rel.events), f"{rel.cooperation:.1f}", f"{rel.conflict:.1f}",
                      f"{rel.goldstein_total:+.1f}")
    if analysis.blocs:
        table.caption = "Blocs: " + "  ".join("{" + ", ".join(b) + "}" for b in analysis.blocs)
    return table


def _events(analysis: Analysis) -> Table:
    table = _table("Events", "#", "source", "type", "target", "CAMEO", "date", "flags", "evidence (sentence)")
    for index, event in enumerate(analysis.events[:_MAX_ROWS]):
        flags = ", ".join(f for f in ("not" if event.negated else "", event.modality if event.modality !=
                                      "asserted" else "") if f)
        table.add_row(str(index), f"{event.source} ({_clip(event.source_text, 20)})",
                      event.plover + (f"/{event.mode}" if event.mode else ""),
                      f"{event.target} ({_clip(event.target_text, 20)})", f"{event.cameo} {event.goldstein:+.1f}",
                      event.date or "", flags, f"[{event.sentence}] {_clip(event.evidence.text, 70)}")
    return table


def _figures(analysis: Analysis) -> Table:
    table = _table("Flows and figures", "#", "figure", "value", "measure", "flow", "items", "period", "change",
                   "sentence")
    for index, q in enumerate(analysis.quantities[:_MAX_ROWS]):
        flow = f"{q.from_}→{q.to}" if q.from_ and q.to else "/".join(q.parties)
        change = ""
        if q.change:
            rate = f" {q.change.rate:+g}%" if q.change.rate is not None else ""
            change = f"{q.change.direction}{rate} vs {q.change.relative_to or '?'}"
        period = period_label(q.period.start, q.period.end) if q.period else ""
        table.add_row(str(index), q.text, _amount(q.value, q.unit, q.described_as) + (f" per {q.per}" if q.per else ""),
                      q.measure or "", flow, ", ".join(q.items), period, change, f"[{q.sentence}]")
    return table


def _amount(value: float | None, unit: str | None, described_as: str | None = None) -> str:
    if value is None:
        return f"({described_as or 'unstated'}) {unit or ''}".strip()
    if unit == "percent":
        return f"{value:g}%"
    for scale, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if abs(value) >= scale:
            return f"{value / scale:,.4g}{suffix} {unit or ''}".strip()
    return f"{value:,.6g} {unit or ''}".strip()


def _quotes(analysis: Analysis) -> Table:
    table = _table("Quotes", "speaker", "actor", "quote", "sentence")
    for quote in analysis.quotes[:_MAX_ROWS]:
        table.add_row(_clip(quote.speaker or "(unknown)", 30), quote.speaker_actor or "",
                      ("" if quote.direct else "(reported) ") + _clip(quote.text, 80), f"[{quote.sentence}]")
    return table


def _timeline(analysis: Analysis) -> Table:
    table = _table("Timeline", "date", "what", "events", "figures")
    for entry in analysis.timeline[:_MAX_ROWS]:
        table.add_row(entry.date, _clip(entry.label, 80), ",".join(map(str, entry.events)),
                      ",".join(map(str, entry.quantities)))
    return table


def _checks(analysis: Analysis) -> Table:
    table = _table("Checks", "status", "kind", "message")
    styles = {"consistent": "green", "inconsistent": "red", "unverifiable": "yellow"}
    for check in analysis.checks:
        table.add_row(Text(check.status, style=styles[check.status]), check.kind, check.message)
    return table


def print_summary(analysis: Analysis, console: Console | None = None) -> None:
    (console or Console()).print(summary(analysis))
