"""The readable terminal summary of an analysis (rich): every line points back to its sentence. Below 120
columns (`multipolar.present.terminal.is_compact`) each table keeps only the columns that matter most."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from multipolar.model.checks import period_label
from multipolar.model.document import one_row_per_pair
from multipolar.present.terminal import clip, is_compact
from multipolar.records import Analysis, Event

_MAX_ROWS = 40


def _clip(text: str, width: int = 90) -> str:
    return clip(text, width)


def summary(analysis: Analysis, columns: int = 160) -> Group:
    doc = analysis.document
    head = Text.assemble(
        (doc.title or doc.source or "document", "bold"),
        f"  date {doc.date.isoformat() if doc.date else 'unknown'}  ·  {len(analysis.sentences)} sentences  ·  "
        f"{len(analysis.actors)} actors  ·  {len(analysis.events)} events  ·  {len(analysis.quantities)} figures"
        f"  ·  {len(analysis.quotes)} quotes",
    )
    compact = is_compact(columns)
    parts: list[Panel | Table | Text] = [head]
    parts.append(_actors(analysis, compact))
    parts.append(_relations(analysis))
    parts.append(_events(analysis, compact))
    parts.append(_figures(analysis, compact))
    parts.append(_quotes(analysis, compact))
    parts.append(_timeline(analysis))
    parts.append(_checks(analysis, compact))
    if analysis.unresolved:
        names = ", ".join(sorted({u.text for u in analysis.unresolved}))
        parts.append(Text(f"Unresolved mentions: {_clip(names, 300)}", style="dim"))
    return Group(*parts)


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left", title_style="bold cyan", expand=False, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def _actors(analysis: Analysis, compact: bool = False) -> Table:
    if compact:
        table = _table("Actors", "code", "name", "kind", "mentions")
    else:
        table = _table("Actors", "code", "name", "kind", "country", "role", "mentions")
    for actor in analysis.actors[:_MAX_ROWS]:
        names = sorted({m.text for m in actor.mentions})
        said = f"{len(actor.mentions)}: {_clip(', '.join(names), 24 if compact else 50)}"
        if compact:
            table.add_row(actor.code, _clip(actor.name, 24), actor.kind, said)
        else:
            table.add_row(actor.code, actor.name, actor.kind, actor.country or "", actor.role or "", said)
    return table


def _relations(analysis: Analysis) -> Table:
    table = _table("Strongest relations", "dyad", "events", "cooperation", "conflict", "Goldstein")
    for rel in analysis.relations[:15]:
        table.add_row(f"{rel.a}–{rel.b}", str(rel.events), f"{rel.cooperation:.1f}", f"{rel.conflict:.1f}",
                      f"{rel.goldstein_total:+.1f}")
    if analysis.blocs:
        table.caption = "Blocs: " + "  ".join("{" + ", ".join(b) + "}" for b in analysis.blocs)
    return table


def _events(analysis: Analysis, compact: bool = False) -> Table:
    if compact:
        table = _table("Events", "#", "event", "date", "evidence (sentence)")
    else:
        table = _table("Events", "#", "source", "type", "target", "CAMEO", "date", "flags", "evidence (sentence)")
    for index, event, both in one_row_per_pair(analysis.events)[:_MAX_ROWS]:
        flags = ", ".join(f for f in ("not" if event.negated else "", event.modality if event.modality !=
                                      "asserted" else "") if f)
        if compact:
            kind = event.plover + (f"/{event.mode}" if event.mode else "")
            what = f"{event.source} ↔ {event.target} {kind}" if both else f"{event.source} {kind} {_recipient(event)}"
            table.add_row(str(index), what + (f" ({flags})" if flags else ""), event.date or "",
                          f"[{event.sentence}] {_clip(event.evidence.text, 60)}")
            continue
        table.add_row(str(index), f"{event.source} ({_clip(event.source_text, 20)})",
                      event.plover + (f"/{event.mode}" if event.mode else ""),
                      f"{'↔ ' if both else ''}{_recipient(event)}" + (f" ({_clip(event.target_text, 20)})"
                                                                          if event.target_text else ""),
                      f"{event.cameo} {event.goldstein:+.1f}",
                      event.date or "", flags, f"[{event.sentence}] {_clip(event.evidence.text, 70)}")
    return table


def _recipient(event: Event) -> str:
    """An event with no recipient carries its source's state as target (the contract): shown as none, so
    "China has been spreading propaganda" does not read as China acting on itself."""
    return event.target if event.target_text else "(no recipient)"


def _figures(analysis: Analysis, compact: bool = False) -> Table:
    if compact:
        table = _table("Flows and figures", "#", "figure", "measure", "flow", "period", "sentence")
    else:
        table = _table("Flows and figures", "#", "figure", "value", "measure", "flow", "items", "period", "change",
                       "sentence")
    for index, q in enumerate(analysis.quantities[:_MAX_ROWS]):
        flow = f"{q.from_}→{q.to}" if q.from_ and q.to else "/".join(q.parties)
        change = ""
        if q.change:
            rate = f" {q.change.rate:+g}%" if q.change.rate is not None else ""
            change = f"{q.change.direction}{rate} vs {q.change.relative_to or '?'}"
        period = period_label(q.period.start, q.period.end) if q.period else ""
        amount = _amount(q.value, q.unit, q.described_as) + (f" per {q.per}" if q.per else "")
        if compact:
            table.add_row(str(index), _clip(q.text, 20), q.measure or "", flow, period, f"[{q.sentence}]")
            continue
        table.add_row(str(index), q.text, amount,
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


def _quotes(analysis: Analysis, compact: bool = False) -> Table:
    table = _table("Quotes", "speaker", "quote", "sentence") if compact else \
        _table("Quotes", "speaker", "actor", "quote", "sentence")
    for quote in analysis.quotes[:_MAX_ROWS]:
        said = ("" if quote.direct else "(reported) ") + _clip(quote.text, 50 if compact else 80)
        if compact:
            table.add_row(_clip(quote.speaker or "(unknown)", 20), said, f"[{quote.sentence}]")
        else:
            table.add_row(_clip(quote.speaker or "(unknown)", 30), quote.speaker_actor or "", said,
                          f"[{quote.sentence}]")
    return table


def _timeline(analysis: Analysis) -> Table:
    table = _table("Timeline", "date", "what", "events", "figures")
    for entry in analysis.timeline[:_MAX_ROWS]:
        table.add_row(entry.date, _clip(entry.label, 80), ",".join(map(str, entry.events)),
                      ",".join(map(str, entry.quantities)))
    return table


def _checks(analysis: Analysis, compact: bool = False) -> Table:
    table = _table("Checks", "status", "message") if compact else _table("Checks", "status", "kind", "message")
    styles = {"consistent": "green", "inconsistent": "red", "unverifiable": "yellow"}
    for check in analysis.checks:
        status = Text(check.status, style=styles[check.status])
        if compact:
            table.add_row(status, check.message)
        else:
            table.add_row(status, check.kind, check.message)
    return table


def print_summary(analysis: Analysis, console: Console | None = None) -> None:
    shown = console or Console()
    shown.print(summary(analysis, shown.width))
