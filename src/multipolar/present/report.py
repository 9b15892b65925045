"""The print-friendly report of a document, a dyad or a whole store: HTML with print CSS (page numbers,
production date), a summary, inline SVG charts with axes, citations of every document it draws on; PDF
through headless Chromium. Mailing it is `multipolar.present.mail`."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from multipolar.corpus import listings, store
from multipolar.errors import MultipolarError
from multipolar.model.causal import causal_graph, claim_actors
from multipolar.model.document import counts, one_row_per_pair
from multipolar.present import briefing
from multipolar.present.briefing import url_of
from multipolar.present.charts import QUAD_COLOURS, VOLUME, columns, horizontal_bars, stacked_columns
from multipolar.present.charts import causal_chart as causal_svg
from multipolar.present.terminal import clip
from multipolar.records import Analysis, Event

SPARKS = "▁▂▃▄▅▆▇█"
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--no-pdf-header-footer")

_templates = Environment(loader=PackageLoader("multipolar", "data/templates"), autoescape=select_autoescape(["html"]))


class ReportError(MultipolarError):
    """The report could not be rendered, printed or sent."""


def sparkline(values: list[float], width: int = 100) -> str:
    """▁▃█ for a series, for terminals; a longer series is averaged into `width` characters."""
    if not values:
        return ""
    if len(values) > width:
        step = len(values) / width
        values = [sum(chunk) / len(chunk) for k in range(width)
                  if (chunk := values[int(k * step): max(int((k + 1) * step), int(k * step) + 1)])]
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    return "".join(SPARKS[int((v - low) / span * (len(SPARKS) - 1))] for v in values)


def document_title(analysis: Analysis) -> str:
    """A report's title: the document's own, else its strongest relation by name, else its first words
    (never a file path)."""
    doc = analysis.document
    if doc.title and doc.title.strip():
        return " ".join(doc.title.split())
    names = {actor.code: actor.name for actor in analysis.actors}
    if analysis.relations:
        top = analysis.relations[0]
        return f"{names.get(top.a, top.a)} and {names.get(top.b, top.b)}: what one text reports"
    first = doc.text[analysis.sentences[0].start:analysis.sentences[0].end] if analysis.sentences else doc.text
    return clip(first, 80) or "An untitled text"


def merged_events(events: tuple[Event, ...]) -> list[dict[str, Any]]:
    """Events for a table, a symmetric pair (one sentence coding A->B and B->A alike) as one row, `both`."""
    return [{"index": index, "source": e.source, "target": e.target, "both": both, "plover": e.plover,
             "mode": e.mode, "cameo": e.cameo, "goldstein": e.goldstein, "date": e.date, "negated": e.negated,
             "modality": e.modality, "sentence": e.sentence, "evidence": e.evidence.text}
            for index, e, both in one_row_per_pair(events)]


def _document_summary(analysis: Analysis, names: dict[str, str]) -> list[str]:
    counted = [e for e in analysis.events if counts(e)]
    left = len(analysis.events) - len(counted)
    said = [f"The text names {len(analysis.actors)} actors and codes {len(analysis.events)} events"
            + (f", of which {left} (negated or hypothetical) do not count in relations." if left else ".")]
    for relation in analysis.relations[:2]:
        leaning = "net cooperation" if relation.goldstein_total >= 0 else "net conflict"
        said.append(f"{names.get(relation.a, relation.a)}–{names.get(relation.b, relation.b)}: {relation.events} "
                    f"events, {leaning} ({relation.goldstein_total:+.1f} Goldstein).")
    statuses = [c.status for c in analysis.checks]
    said.append(f"It states {len(analysis.quantities)} figures"
                + (f"; {len(statuses)} checks ({statuses.count('inconsistent')} inconsistent, "
                   f"{statuses.count('unverifiable')} unverifiable)" if statuses else "")
                + f", {len(analysis.quotes)} quotations and {len(analysis.claims)} causal claims.")
    return said


def document_report(analysis: Analysis, *, produced: dt.date | None = None) -> str:
    names = {actor.code: actor.name for actor in analysis.actors}
    relations = analysis.relations[:12]
    chart = horizontal_bars([f"{names.get(r.a, r.a)}–{names.get(r.b, r.b)}" for r in relations],
                            [r.goldstein_total for r in relations],
                            x_title="Goldstein total (net cooperation > 0 > net conflict)")
    graph = causal_graph((analysis.document.id, c) for c in analysis.claims)
    doc = analysis.document
    source = {"number": 1, "title": doc.title or "(untitled)", "date": doc.date_label,
              "url": url_of(doc.source), "source": doc.source}
    return _templates.get_template("report_document.html").render(
        title=document_title(analysis), kind="document", produced=_produced(produced), analysis=analysis,
        names=names, summary=_document_summary(analysis, names), chart=chart, events=merged_events(analysis.events),
        causal=graph, causal_drawing=causal_svg(graph), labels=graph.labels(), references=[source])


def dyad_report(db: Path, a: str, b: str, *, produced: dt.date | None = None) -> str:
    from multipolar.corpus.queries import dyad_series

    names = briefing.actor_names(db, [a, b])
    series = dyad_series(db, a, b, by="year")
    periods = list(series["label"])
    quads = {label: [float(v) for v in series[column]] for column, label in
             (("verbal_cooperation", "verbal cooperation"), ("material_cooperation", "material cooperation"),
              ("verbal_conflict", "verbal conflict"), ("material_conflict", "material conflict"))}
    counts_chart = stacked_columns(periods, quads, colours=QUAD_COLOURS, y_title="events", x_title="year",
                                   integer=True)
    goldstein_chart = columns(periods, [float(v) for v in series["goldstein_sum"]], y_title="Goldstein sum",
                              x_title="year")
    connection = store.connect(db, read_only=True)
    try:
        both = [(d, c) for d, c in store.stored_claims(connection, actor=a) if b in claim_actors(c)]
    finally:
        connection.close()
    graph = causal_graph(both)
    rows = series.to_dict(orient="records")
    return _templates.get_template("report_dyad.html").render(
        title=f"{names.get(a, a)} and {names.get(b, b)}: how the relationship changed"
              + (f", {periods[0]}–{periods[-1]}" if len(periods) > 1 else ""),
        kind="dyad", produced=_produced(produced), a=a, b=b, names=names, series=rows,
        summary=_dyad_summary(a, b, names, rows), counts_chart=counts_chart, goldstein_chart=goldstein_chart,
        events=briefing.dyad_events(db, a, b), figures=briefing.largest_figures(db, 20, (a, b)),
        quotes=listings.dyad_quotes(db, a, b), references=briefing.References(), causal=graph,
        causal_drawing=causal_svg(graph), labels=graph.labels())


def _dyad_summary(a: str, b: str, names: dict[str, str], series: list[dict[str, Any]]) -> list[str]:
    name_a, name_b = names.get(a, a), names.get(b, b)
    active = [r for r in series if r["events"]]
    if not active:
        return [f"The store holds no counted events between {name_a} and {name_b}."]
    total = sum(r["events"] for r in series)
    said = [f"{total} counted events between {name_a} and {name_b} from {active[0]['label']} to "
            f"{active[-1]['label']}: {sum(r['from_a'] for r in series)} by {name_a}, "
            f"{sum(r['from_b'] for r in series)} by {name_b}."]
    if len(series) > 1:
        first, last = series[-2], series[-1]
        said.append(f"Net Goldstein went from {first['goldstein_sum']:+.1f} in {first['label']} to "
                    f"{last['goldstein_sum']:+.1f} in {last['label']} ({last['events']} events in "
                    f"{last['documents']} of the store's {last['store_documents']} documents that year).")
    best = max(active, key=lambda r: r["goldstein_sum"])
    worst = min(active, key=lambda r: r["goldstein_sum"])
    if best is not worst:
        said.append(f"Most cooperative year: {best['label']} ({best['goldstein_sum']:+.1f}); most conflictual: "
                    f"{worst['label']} ({worst['goldstein_sum']:+.1f}).")
    return said


def corpus_report(db: Path, *, produced: dt.date | None = None) -> str:
    """A briefing on a whole store: coverage, the top dyads and how they moved, blocs, notable events with
    citations, the largest figures and the figures that disagree."""
    from multipolar.corpus.queries import bloc_partition, coverage

    held = coverage(db)
    years = briefing.coverage_by_year(db)
    dyad_years, dyads = briefing.moving_dyads(db)
    names = briefing.actor_names(db, sorted({d["a"] for d in dyads} | {d["b"] for d in dyads}))
    partition = bloc_partition(db)
    notable = briefing.notable_events(db, 12)
    disagreements = briefing.figure_disagreements(db)
    summary = _corpus_summary(held, dyad_years, dyads, names, partition, len(disagreements))
    return _templates.get_template("report_corpus.html").render(
        title=f"Briefing: {held.documents:,} documents, {_month(held.first)} to {_month(held.last)}",
        kind="corpus", produced=_produced(produced), held=held, years=years, left_out=briefing.left_out(db),
        coverage_chart=columns([str(r["year"]) for r in years if r["year"]],
                               [float(r["documents"]) for r in years if r["year"]], y_title="documents",
                               x_title="year", integer=True, colour=VOLUME),
        dyad_years=dyad_years, dyads=dyads, names=names, summary=summary,
        dyad_chart=horizontal_bars([f"{d['a']}–{d['b']}" for d in dyads], [d["goldstein_total"] for d in dyads],
                                   x_title="Goldstein total over the store (net cooperation > 0 > net conflict)"),
        partition=partition, notable=notable, figures=briefing.largest_figures(db, 10),
        disagreements=disagreements, references=briefing.References())


def _corpus_summary(held: Any, years: list[int], dyads: list[dict[str, Any]], names: dict[str, str],
                    partition: Any, disagreements: int) -> list[str]:
    said = [f"The store holds {held.documents:,} documents from {held.first} to {held.last}, with "
            f"{held.counted:,} counted events of {held.events:,} coded."]
    if dyads:
        top = dyads[0]
        said.append(f"The most reported relation is {names.get(top['a'], top['a'])}–{names.get(top['b'], top['b'])}"
                    f" ({top['events']} events, {top['goldstein_total']:+.1f} Goldstein).")
        said.extend(_moves(years, dyads))
    if partition.blocs:
        said.append(f"{len(partition.blocs)} blocs by signed community detection; the largest: "
                    f"{', '.join(partition.blocs[0].members[:8])}{'…' if len(partition.blocs[0].members) > 8 else ''}.")
    if disagreements:
        said.append(f"{disagreements} figures are stated with different values in different documents (see Checks).")
    return said


def _moves(years: list[int], dyads: list[dict[str, Any]]) -> list[str]:
    """Which top dyad moved most towards cooperation, and which towards conflict, over the last two years."""
    if len(years) < 2:
        return []
    said = []
    up = max(dyads, key=lambda d: d["change"] or 0)
    down = min(dyads, key=lambda d: d["change"] or 0)
    if (up["change"] or 0) > 0:
        said.append(f"{up['a']}–{up['b']} moved most towards cooperation ({up['change']:+.1f} Goldstein)")
    if (down["change"] or 0) < 0:
        said.append(f"{down['a']}–{down['b']} moved most towards conflict ({down['change']:+.1f})")
    return [f"From {years[-2]} to {years[-1]}, " + " and ".join(said) + "."] if said else []


def _month(iso: str | None) -> str:
    return dt.date.fromisoformat(iso).strftime("%B %Y") if iso else "?"


def _produced(day: dt.date | None) -> str:
    return (day or dt.date.today()).strftime("%-d %B %Y")


def to_pdf(report_html: str, out: Path, chromium: str | None = None) -> Path:
    """Print the report with headless Chromium (no network; the HTML has no external resources)."""
    binary = chromium or shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if binary is None:
        raise ReportError("--pdf needs Chromium (Debian package `chromium`)")
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "report.html"
        page.write_text(report_html, encoding="utf-8")
        command = [binary, *CHROMIUM_FLAGS, f"--user-data-dir={folder}/profile",
                   f"--print-to-pdf={out.resolve()}", page.as_uri()]
        try:
            subprocess.run(command, check=True, capture_output=True, timeout=120)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
            raise ReportError(f"Chromium could not print the report: {exc}") from exc
    if not out.exists() or out.stat().st_size == 0:
        raise ReportError("Chromium wrote no PDF")
    return out
