"""The `multipolar` command line (typer + rich). The library never prints or exits: this module does."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
import time
from collections.abc import Iterator
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from multipolar.contract import error_line, to_json
from multipolar.errors import InputError, MultipolarError
from multipolar.ingest import Record, parse_date, read_document
from multipolar.records import Analysis, Article
from multipolar.settings import DEFAULT_SETTINGS, Settings

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Read reporting on international relations; build an evidence-linked model of it.")
actors_app = typer.Typer(no_args_is_help=True, help="Look up the actors multipolar knows.")
app.add_typer(actors_app, name="actors")

err = Console(stderr=True)

ActorsOption = Annotated[
    list[Path] | None,
    typer.Option("--actors", help="An actors file (our YAML format or a PETRARCH dictionary); repeatable.",
                 exists=True, dir_okay=False),
]
SettingsOption = Annotated[
    Path | None, typer.Option("--settings", help="A YAML file of settings.", exists=True, dir_okay=False)
]


class OutputFormat(StrEnum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


class TableFormat(StrEnum):
    text = "text"
    csv = "csv"
    json = "json"


def _fail(message: str) -> None:
    sys.stderr.write(f"multipolar: {' '.join(str(message).split())}\n")
    raise typer.Exit(1)


def _settings(actors: list[Path] | None, settings_file: Path | None = None) -> Settings:
    base = Settings.from_file(settings_file) if settings_file else DEFAULT_SETTINGS
    return base.replace(actors_files=tuple(base.actors_files) + tuple(actors or ()))


def _date_option(value: str | None) -> dt.date | None:
    try:
        return parse_date(value, "--date") if value else None
    except InputError as exc:
        raise typer.BadParameter(str(exc)) from exc


def _sample_records(date: dt.date | None) -> Iterator[Record]:
    text = resources.files("multipolar").joinpath("data/samples/briefing.txt").read_text(encoding="utf-8")
    title, _, body = text.partition("\n")
    yield Record(1, None, Article(body.strip(), title.strip(), date or dt.date(2024, 1, 15),
                                  "multipolar sample briefing"), None)


def _records(source: str | None, date: dt.date | None, settings: Settings) -> list[Record]:
    if source is None:
        return list(_sample_records(date))
    return list(read_document(source, date=date, settings=settings))


def _analyses(records: list[Record], settings: Settings) -> Iterator[tuple[Record, Analysis | None, str | None]]:
    from multipolar.pipeline import process

    articles = [r.article for r in records if r.article is not None]
    results = iter(process(articles, settings=settings, on_error="record"))
    for record in records:
        if record.article is None:
            yield record, None, record.error
            continue
        result = next(results)
        yield record, result.analysis, result.error


def _with_source_id(analysis: Analysis, record: Record) -> Analysis:
    if record.source_id is None or analysis.document.source_id == record.source_id:
        return analysis
    from dataclasses import replace

    return replace(analysis, document=replace(analysis.document, source_id=record.source_id))


@app.command()
def analyze(
    source: Annotated[str | None, typer.Argument(help="A file, an http(s) URL, or - for stdin. "
                                                      "None: the bundled sample briefing.")] = None,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="text, json or jsonl")] =
        OutputFormat.text,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write to this file.")] = None,
    date: Annotated[str | None, typer.Option(help="Document date (YYYY-MM-DD) when the input has none.")] = None,
    actors: ActorsOption = None,
    settings_file: SettingsOption = None,
) -> None:
    """Analyse one document (text, HTML, JSON/JSONL records): actors, events, figures, quotes, timeline."""
    try:
        settings = _settings(actors, settings_file)
        records = _records(source, _date_option(date), settings)
        out = io.StringIO()
        if output_format is OutputFormat.jsonl:
            for record, analysis, error in _analyses(records, settings):
                line = error_line(error or "unknown error", record.line, record.source_id) if analysis is None \
                    else json.loads(to_json(_with_source_id(analysis, record)))
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
        else:
            if len(records) != 1:
                _fail(f"{source}: holds {len(records)} records; use --format jsonl for many documents")
            record, analysis, error = next(_analyses(records, settings))
            if analysis is None:
                _fail(error or "cannot analyse the input")
                return
            analysis = _with_source_id(analysis, record)
            if output_format is OutputFormat.json:
                out.write(to_json(analysis, indent=1) + "\n")
            else:
                from multipolar.render import summary

                console = Console(file=out, width=160, force_terminal=output is None and sys.stdout.isatty())
                console.print(summary(analysis))
        _emit(out.getvalue(), output)
    except MultipolarError as exc:
        _fail(str(exc))


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        _fail(f"cannot write {output}: {exc.strerror or exc}")


def _single_analysis(source: str | None, date: str | None, actors: list[Path] | None) -> Analysis:
    settings = _settings(actors)
    records = _records(source, _date_option(date), settings)
    if len(records) != 1:
        _fail(f"{source}: holds {len(records)} records; give one document")
    _, analysis, error = next(_analyses(records, settings))
    if analysis is None:
        _fail(error or "cannot analyse the input")
        raise AssertionError  # unreachable: _fail exits
    return analysis


@app.command()
def figures(
    source: Annotated[str | None, typer.Argument(help="A document; none: the sample.")] = None,
    output_format: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.text,
    date: Annotated[str | None, typer.Option(help="Document date (YYYY-MM-DD).")] = None,
    actors: ActorsOption = None,
) -> None:
    """The figures of a document (money, percentages, counts) and their consistency checks."""
    try:
        analysis = _single_analysis(source, date, actors)
    except MultipolarError as exc:
        _fail(str(exc))
        return
    rows = [q.as_dict() for q in analysis.quantities]
    if output_format is TableFormat.json:
        sys.stdout.write(json.dumps({"quantities": rows, "checks": [c.as_dict() for c in analysis.checks]},
                                    ensure_ascii=False, indent=1) + "\n")
        return
    if output_format is TableFormat.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(["index", "text", "kind", "value", "unit", "qualifier", "measure", "from", "to",
                         "items", "period_start", "period_end", "change", "sentence"])
        for i, q in enumerate(analysis.quantities):
            writer.writerow([i, q.text, q.kind, q.value, q.unit or "", q.qualifier, q.measure or "",
                             q.from_ or "", q.to or "", "|".join(q.items),
                             q.period.start if q.period else "", q.period.end if q.period else "",
                             f"{q.change.direction} {q.change.rate or ''} {q.change.relative_to or ''}".strip()
                             if q.change else "", q.sentence])
        return
    from multipolar.render import _checks, _figures

    console = Console(width=160)
    console.print(_figures(analysis))
    console.print(_checks(analysis))


@app.command()
def timeline(
    source: Annotated[str | None, typer.Argument(help="A document; none: the sample.")] = None,
    date: Annotated[str | None, typer.Option(help="Document date (YYYY-MM-DD).")] = None,
    actors: ActorsOption = None,
) -> None:
    """The dated timeline of a document: its events and figures in order."""
    try:
        analysis = _single_analysis(source, date, actors)
    except MultipolarError as exc:
        _fail(str(exc))
        return
    from multipolar.render import _timeline

    Console(width=160).print(_timeline(analysis))


@app.command("eval")
def eval_command(
    gold: Annotated[list[Path], typer.Argument(help="Gold JSONL files.", exists=True, dir_okay=False)],
    output_format: Annotated[TableFormat, typer.Option("--format", "-f", help="text or json")] = TableFormat.text,
    actors: ActorsOption = None,
    misses: Annotated[int, typer.Option(help="How many missed records to list.")] = 20,
) -> None:
    """Score the event coder on gold files: precision, recall, F1 overall, per category, CAMEO roots."""
    from multipolar.evaluate import evaluate, read_gold

    try:
        settings = _settings(actors)
        results = {str(path): evaluate(read_gold(path), settings) for path in gold}
    except MultipolarError as exc:
        _fail(str(exc))
        return
    if output_format is TableFormat.json:
        sys.stdout.write(json.dumps({k: v.as_dict() for k, v in results.items()}, indent=1) + "\n")
        return
    console = Console(width=160)
    for path, report in results.items():
        table = Table(title=f"{path}: {report.records} records, {report.errors} errors", title_justify="left")
        for column in ("category", "tp", "fp", "fn", "precision", "recall", "F1"):
            table.add_column(column)
        rows = [*sorted(report.categories.items()), ("ALL (source, target, PLOVER)", report.overall),
                ("dyad only (source, target)", report.dyad), ("CAMEO root", report.cameo_root)]
        for name, score in rows:
            table.add_row(name, str(score.tp), str(score.fp), str(score.fn), f"{score.precision:.3f}",
                          f"{score.recall:.3f}", f"{score.f1:.3f}")
        console.print(table)
        for miss in report.misses[:misses]:
            console.print(f"[dim]{miss['id']}[/dim] {miss['text'][:110]}", markup=True, highlight=False)
            console.print(f"   missed {miss['missed']}  spurious {miss['spurious']}", markup=False,
                          highlight=False)


@actors_app.command("lookup")
def actors_lookup(
    name: Annotated[str, typer.Argument(help="A name, title or phrase: 'the Kremlin', 'Chinese President'.")],
    date: Annotated[str | None, typer.Option(help="Resolve offices as of this date (YYYY-MM-DD).")] = None,
    actors: ActorsOption = None,
) -> None:
    """What a name resolves to (on a date): code, kind, country, role."""
    from multipolar.pipeline import analyze as run

    try:
        settings = _settings(actors)
        day = _date_option(date) or dt.date.today()
        analysis = run(Article(name, date=day), settings=settings.replace(min_words=1,
                                                                            min_english_ratio=0.0))
    except MultipolarError as exc:
        _fail(str(exc))
        return
    if not analysis.actors:
        _fail(f"{name!r}: no actor known by that name")
    table = Table("mention", "code", "name", "kind", "country", "role")
    for actor in analysis.actors:
        for mention in actor.mentions:
            table.add_row(mention.text, actor.code, actor.name, actor.kind, actor.country or "", actor.role or "")
    Console(width=160).print(table)


@actors_app.command("list")
def actors_list(
    kind: Annotated[str | None, typer.Option(help="Only this kind: state, igo, bloc, person, organization.")]
        = None,
    actors: ActorsOption = None,
) -> None:
    """Every actor the gazetteer (and your files) define, as tab-separated lines."""
    from multipolar.gazetteer import STATE_KINDS
    from multipolar.nlp import shared_gazetteer

    try:
        gazetteer = shared_gazetteer(tuple(str(p) for p in actors or ()))
    except MultipolarError as exc:
        _fail(str(exc))
        return
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(["code", "name", "kind", "country", "sector"])
    for code in sorted(gazetteer.actors):
        info = gazetteer.actors[code]
        shown = "state" if info.kind in STATE_KINDS else info.kind
        if kind is None or kind == shown:
            out.writerow([code, info.name, shown, info.country or "", info.sector or ""])


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders: text, HTML, JSON/JSONL (.gz too).",
                                                exists=True)],
    db: Annotated[Path, typer.Option("--db", help="The DuckDB file (created if missing).")] = Path("multipolar.duckdb"),
    workers: Annotated[int | None, typer.Option(help="Local worker processes (default: one per core).")] = None,
    scheduler: Annotated[str | None, typer.Option(help="A Dask scheduler, tcp://HOST:PORT (extra [dask]).")] = None,
    batch_size: Annotated[int, typer.Option(help="Documents per task.")] = 16,
    actors: ActorsOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Analyse a corpus into a DuckDB file: new documents only; bad ones recorded with their reason."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from multipolar.corpus import estimate_total
    from multipolar.corpus import ingest as run_ingest

    settings = _settings(actors)
    columns = (TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]:.1f} docs/s"), TimeRemainingColumn())
    try:
        with Progress(*columns, console=err, disable=quiet, transient=False) as bar:
            task = bar.add_task("ingest", total=estimate_total(paths), rate=0.0)
            started = time.monotonic()

            def advance(done: int, stored: int) -> None:
                bar.update(task, completed=done, rate=done / max(time.monotonic() - started, 1e-6))

            report = run_ingest(paths, db, settings=settings, workers=workers, scheduler=scheduler,
                                batch_size=batch_size, progress=advance)
    except MultipolarError as exc:
        _fail(str(exc))
        return
    err.print(f"read {report.read}, stored {report.stored}, already stored {report.already_stored}, "
              f"rejected {report.rejected} (see the rejects table) -> {db}", highlight=False)


def _print_frame(frame: object, output_format: TableFormat) -> None:
    import pandas as pd

    assert isinstance(frame, pd.DataFrame)
    if output_format is TableFormat.csv:
        sys.stdout.write(frame.to_csv(index=False))
    elif output_format is TableFormat.json:
        sys.stdout.write(frame.to_json(orient="records", indent=1) + "\n")
    else:
        table = Table(*[str(c) for c in frame.columns])
        for row in frame.itertuples(index=False):
            table.add_row(*["" if v is None else str(v) for v in row])
        Console(width=160).print(table)


DbOption = Annotated[Path, typer.Option("--db", help="The DuckDB file.", exists=True, dir_okay=False)]


@app.command()
def dyad(
    a: Annotated[str, typer.Argument(help="Actor code, e.g. CHN")],
    b: Annotated[str, typer.Argument(help="Actor code, e.g. RUS")],
    db: DbOption,
    by: Annotated[str, typer.Option(help="month, quarter or year")] = "year",
    since: Annotated[str | None, typer.Option(help="Only events from this date (YYYY-MM-DD).")] = None,
    output_format: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.text,
) -> None:
    """The time series of one dyad: events, Goldstein sum and mean, share of cooperation, types."""
    from multipolar.analysis import dyad_series
    from multipolar.report import sparkline

    try:
        frame = dyad_series(db, a.upper(), b.upper(), by=by, since=since)  # type: ignore[arg-type]
    except (MultipolarError, ValueError) as exc:
        _fail(str(exc))
        return
    _print_frame(frame, output_format)
    if output_format is TableFormat.text and len(frame):
        err.print(f"Goldstein {sparkline([float(v) for v in frame['goldstein_sum']])}  "
                  f"{frame['period'].iloc[0][:7]} … {frame['period'].iloc[-1][:7]}", highlight=False)


@app.command()
def top(
    db: DbOption,
    limit: Annotated[int, typer.Option(help="How many dyads.")] = 20,
    output_format: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.text,
) -> None:
    """The dyads with most events, their Goldstein total and their change over the last year."""
    from multipolar.analysis import top_dyads

    try:
        _print_frame(top_dyads(db, limit=limit), output_format)
    except MultipolarError as exc:
        _fail(str(exc))


@app.command("blocs")
def blocs_command(
    db: DbOption,
    year: Annotated[int | None, typer.Option(help="Only this year's events.")] = None,
    over_time: Annotated[bool, typer.Option("--over-time", help="Membership year by year.")] = False,
) -> None:
    """Groups of actors that side together across the corpus (or one year, or year by year)."""
    from multipolar.analysis import bloc_history, blocs

    try:
        history = bloc_history(db) if over_time else {year: blocs(db, year=year)}
    except MultipolarError as exc:
        _fail(str(exc))
        return
    for when, groups in history.items():
        for group in groups:
            sys.stdout.write((f"{when}\t" if over_time else "") + " ".join(group) + "\n")


@app.command()
def flows(
    db: DbOption,
    a: Annotated[str | None, typer.Argument(help="An actor code, e.g. CHN")] = None,
    b: Annotated[str | None, typer.Argument(help="Another actor code, e.g. RUS")] = None,
    measure: Annotated[str | None, typer.Option(help="imports, exports, bilateral_trade, aid, ...")] = None,
    output_format: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.text,
) -> None:
    """Money figures over time between actors, each with the document and sentence it came from."""
    from multipolar.analysis import flows as stored_flows

    try:
        _print_frame(stored_flows(db, a and a.upper(), b and b.upper(), measure=measure), output_format)
    except MultipolarError as exc:
        _fail(str(exc))


class ExportFormat(StrEnum):
    parquet = "parquet"
    gdelt = "gdelt"
    plover = "plover"
    graphml = "graphml"


@app.command()
def export(
    db: DbOption,
    output_format: Annotated[ExportFormat, typer.Option("--format", "-f", help="parquet, gdelt, plover, graphml")],
    out: Annotated[Path, typer.Option("-o", "--output", help="A folder for parquet; a file otherwise.")],
    year: Annotated[int | None, typer.Option(help="GraphML: only this year.")] = None,
) -> None:
    """Export the store: Parquet per table, GDELT-style events (TSV), PLOVER-style JSON lines, GraphML."""
    from multipolar import export as exports

    try:
        if output_format is ExportFormat.parquet:
            count = len(exports.to_parquet(db, out))
        elif output_format is ExportFormat.gdelt:
            count = exports.to_gdelt(db, out)
        elif output_format is ExportFormat.plover:
            count = exports.to_plover_json(db, out)
        else:
            count = exports.to_graphml(db, out, year)
    except (MultipolarError, OSError) as exc:
        _fail(str(exc))
        return
    err.print(f"wrote {count} {'tables' if output_format is ExportFormat.parquet else 'rows'} to {out}")


@app.command()
def serve(
    db: DbOption,
    host: Annotated[str, typer.Option(help="Address to listen on (loopback unless you say otherwise).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
) -> None:
    """The web pages and JSON API over a store (extra [web]): graph, dyads, documents, a paste box.

    Set $MULTIPOLAR_API_TOKEN to require `Authorization: Bearer TOKEN` for POST requests."""
    import os

    import uvicorn

    from multipolar.web import create_app

    app_ = create_app(db, token=os.environ.get("MULTIPOLAR_API_TOKEN") or None)
    uvicorn.run(app_, host=host, port=port, log_level="warning", timeout_keep_alive=5, limit_concurrency=64)


@app.command()
def report(
    source: Annotated[str | None, typer.Argument(help="A document; none with --db: a dyad report.")] = None,
    db: Annotated[Path | None, typer.Option("--db", help="A store, for --dyad.", exists=True)] = None,
    dyad_codes: Annotated[tuple[str, str] | None, typer.Option("--dyad", help="Two actor codes, e.g. CHN RUS.")]
        = None,
    date: Annotated[str | None, typer.Option(help="Document date (YYYY-MM-DD).")] = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write the HTML here.")] = None,
    pdf: Annotated[Path | None, typer.Option("--pdf", help="Also print it to this PDF (Chromium).")] = None,
    email: Annotated[str | None, typer.Option("--email", help="Send it to this address.")] = None,
    smtp: Annotated[str, typer.Option(help="SMTP server HOST:PORT.")] = "127.0.0.1:25",
    sender: Annotated[str, typer.Option("--from", help="Sender address.")] = "multipolar@localhost",
    starttls: Annotated[bool, typer.Option(help="Use STARTTLS.")] = False,
    user: Annotated[str | None, typer.Option(help="SMTP login (password from $MULTIPOLAR_SMTP_PASSWORD).")] = None,
) -> None:
    """A print-friendly HTML report of a document or a dyad; --pdf prints it, --email sends it."""
    import os

    from multipolar import report as reports

    try:
        if dyad_codes is not None:
            if db is None:
                _fail("--dyad needs --db")
                return
            page = reports.dyad_report(db, dyad_codes[0].upper(), dyad_codes[1].upper())
            subject = f"multipolar: {dyad_codes[0].upper()}–{dyad_codes[1].upper()}"
        else:
            analysis = _single_analysis(source, date, None)
            page = reports.document_report(analysis)
            subject = f"multipolar: {analysis.document.title or analysis.document.source or 'report'}"
        if output is not None:
            output.write_text(page, encoding="utf-8")
        elif pdf is None and email is None:
            sys.stdout.write(page)
        if pdf is not None:
            reports.to_pdf(page, pdf)
        if email is not None:
            reports.send(page, pdf, to=email, smtp=smtp, sender=sender, subject=subject, starttls=starttls,
                         user=user, password=os.environ.get("MULTIPOLAR_SMTP_PASSWORD"))
    except (MultipolarError, OSError) as exc:
        _fail(str(exc))


def _parse_lags(text: str) -> range:
    low, _, high = text.partition("..")
    try:
        return range(int(low), int(high or low) + 1)
    except ValueError as exc:
        raise typer.BadParameter("--lags looks like 1..6") from exc


def _print_claim_test(result: Any) -> None:
    from multipolar.report import sparkline

    console = Console(width=160)
    console.print(f"[bold]{result.cause}[/bold] → [bold]{result.effect}[/bold]  by {result.by}, "
                  f"n = {len(result.periods)} periods", highlight=False)
    if result.periods:
        console.print(f"  cause  {sparkline(result.cause_values)}", highlight=False)
        console.print(f"  effect {sparkline(result.effect_values)}  ({result.periods[0]} … {result.periods[-1]})",
                      highlight=False)
    table = Table("lag", "correlation (cause leads)", "Granger p (cause → effect)")
    for lag, corr in result.correlations.items():
        p = result.granger_p.get(lag)
        table.add_row(str(lag), "" if corr is None else f"{corr:+.3f}", "" if p is None else f"{p:.4f}")
    console.print(table)
    if result.note:
        console.print(f"  {result.note}", highlight=False)
    from multipolar.dynamics import CAVEATS

    for caveat in CAVEATS:
        console.print(f"  [dim]- {caveat}[/dim]")


@app.command("test-claim")
def test_claim_command(
    cause: Annotated[str, typer.Argument(help="e.g. 'SANCTION WST->RUS'")],
    effect: Annotated[str, typer.Argument(help="e.g. 'COOPERATE CHN<->RUS' or 'GOLDSTEIN CHN<->RUS'")],
    db: DbOption,
    by: Annotated[str, typer.Option(help="month, quarter or year")] = "month",
    lags: Annotated[str, typer.Option(help="Lags to test, e.g. 1..6")] = "1..6",
    output_format: Annotated[TableFormat, typer.Option("--format", "-f", help="text or json")] = TableFormat.text,
) -> None:
    """Test a claim on stored events: lagged correlation and Granger causality (statsmodels), with caveats."""
    from multipolar.dynamics import check_claim

    try:
        result = check_claim(db, cause, effect, by=by, lags=_parse_lags(lags))
    except (MultipolarError, ValueError) as exc:
        _fail(str(exc))
        return
    if output_format is TableFormat.json:
        sys.stdout.write(json.dumps(result.as_dict(), indent=1) + "\n")
    else:
        _print_claim_test(result)


@app.command("test-claims")
def test_claims_command(
    source: Annotated[str, typer.Argument(help="A document whose claims to test.")],
    db: DbOption,
    by: Annotated[str, typer.Option(help="month, quarter or year")] = "month",
    lags: Annotated[str, typer.Option(help="Lags to test, e.g. 1..6")] = "1..6",
    date: Annotated[str | None, typer.Option(help="Document date (YYYY-MM-DD).")] = None,
) -> None:
    """Every causal claim of a document, and what the stored events say about it."""
    from multipolar.dynamics import check_claim, claim_specs

    try:
        analysis = _single_analysis(source, date, None)
    except MultipolarError as exc:
        _fail(str(exc))
        return
    console = Console(width=160)
    for claim in analysis.claims:
        console.print(f"\n[bold]Claim[/bold] (sentence {claim.sentence}): {claim.evidence.text.strip()}",
                      highlight=False)
        specs = claim_specs(claim)
        if specs is None:
            console.print("  not testable on event data: its cause is not an event class between actors",
                          highlight=False)
            continue
        try:
            _print_claim_test(check_claim(db, *specs, by=by, lags=_parse_lags(lags)))
        except (MultipolarError, ValueError) as exc:
            console.print(f"  cannot test: {exc}", highlight=False)


def main() -> None:
    try:
        app()
    except BrokenPipeError:
        sys.stderr.close()
    except KeyboardInterrupt:
        err.print("multipolar: interrupted")
        sys.exit(130)
