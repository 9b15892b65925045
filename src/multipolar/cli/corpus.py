"""The corpus commands of the `multipolar` CLI: ingest, queries, exports, the web server, reports, and
testing claims. They register on the app of `multipolar.cli.app`, which imports this module."""

from __future__ import annotations

import io
import json
import re
import sys
import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from multipolar.cli.common import (
    ActorsOption,
    DbOption,
    FastOption,
    LearnedOption,
    SettingsOption,
    TableFormat,
    VerboseOption,
    VoiceFieldOption,
    VoiceOption,
    _date_option,
    _emit,
    _known_codes,
    _log_to_file,
    _settings,
    _single_analysis,
    _with_voice,
    app,
    err,
    fail,
    settings_from,
)
from multipolar.errors import MultipolarError


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders: text, HTML, JSON/JSONL (.gz too).",
                                                exists=True)],
    db: Annotated[Path, typer.Option("--db", help="The DuckDB file (created if missing).")] = Path("multipolar.duckdb"),
    workers: Annotated[int | None, typer.Option(min=0, help=(
        "Local worker processes (default: one per core); 0 analyses in the ingest process itself."))] = None,
    scheduler: Annotated[str | None, typer.Option(help="A Dask scheduler, tcp://HOST:PORT (the dask extra).")] = None,
    batch_size: Annotated[int, typer.Option(help="Documents per task.")] = 16,
    actors: ActorsOption = None,
    voice: VoiceOption = None,
    voice_field: VoiceFieldOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    learned: LearnedOption = None,
    fast: FastOption = False,
    settings_file: SettingsOption = None,
    verbose: VerboseOption = False,
    date: Annotated[str | None, typer.Option(
        help="Date (YYYY-MM-DD) of documents whose record, dateline or page gives none.")] = None,
) -> None:
    """Analyse a corpus into a DuckDB file: new documents only; bad ones recorded with their reason."""
    _log_to_file(verbose)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from multipolar.corpus.ingest import estimate_total
    from multipolar.corpus.ingest import ingest as run_ingest

    settings = _with_voice(_settings(actors, settings_file, learned=learned, fast=fast), voice, voice_field)
    columns = (TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]:.1f} docs/s"), TimeRemainingColumn())
    try:
        with Progress(*columns, console=err, disable=quiet, transient=False) as bar:
            task = bar.add_task("ingest", total=None if quiet else estimate_total(paths), rate=0.0)  # reads all
            started = time.monotonic()

            def advance(done: int, stored: int) -> None:
                bar.update(task, completed=done, rate=done / max(time.monotonic() - started, 1e-6))

            report = run_ingest(paths, db, settings=settings, workers=workers, scheduler=scheduler,
                                date=_date_option(date),
                                batch_size=batch_size, progress=advance)
    except MultipolarError as exc:
        fail(str(exc))
    err.print(f"read {report.read}, stored {report.stored}, already stored {report.already_stored}, "
              f"rejected {report.rejected} (see the rejects table) -> {db}", highlight=False)


class ShowFormat(StrEnum):
    json = "json"
    text = "text"


@app.command()
def show(
    document: Annotated[str, typer.Argument(help="A document id (or its first six characters or more), or the "
                                                 "id its input record gave (its source id).")],
    db: DbOption,
    output_format: Annotated[ShowFormat, typer.Option("--format", "-f", help="json (the contract) or text")] = (
        ShowFormat.json),
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write to this file.")] = None,
    settings_file: SettingsOption = None,
) -> None:
    """A stored document's analysis: exactly the JSON `analyze --format json` printed for it."""
    from multipolar.contract import to_json
    from multipolar.corpus import store

    settings_from(settings_file)
    try:
        connection = store.connect(db, read_only=True)
        try:
            ids = store.find_documents(connection, document)
            analysis = store.read_analysis(connection, ids[0]) if len(ids) == 1 else None
            version = store.stored_schema(connection, ids[0]) if len(ids) == 1 else None
        finally:
            connection.close()
    except MultipolarError as exc:
        fail(str(exc))
    if len(ids) > 1:
        fail(f"{document!r} names {len(ids)} documents ({', '.join(i[:12] for i in ids[:3])}, ...): "
             "give a document id")
    if analysis is None:
        fail(f"no document {document!r} in {db}")
    if version is not None and version < store.SCHEMA_VERSION:
        err.print(f"note: stored by store schema {version}, which kept less than the analysis found "
                  "(no sentences, mentions, timeline, relations or checks); re-ingest it into a new file for them",
                  highlight=False)
    if output_format is ShowFormat.json:
        _emit(to_json(analysis, indent=1) + "\n", output)
        return
    from rich.console import Console

    from multipolar.present.summary import summary
    from multipolar.present.terminal import PIPED_WIDTH, width

    out = io.StringIO()
    columns = width() if output is None else PIPED_WIDTH
    Console(file=out, width=columns, force_terminal=output is None and sys.stdout.isatty()).print(
        summary(analysis, columns))
    _emit(out.getvalue(), output)


@app.command()
def upgrade(db: DbOption, settings_file: SettingsOption = None) -> None:
    """Upgrade a store written by an older version, in place, after a backup copy (ingest does it too)."""
    from multipolar.corpus import migrations, store

    settings_from(settings_file)
    try:
        done = migrations.upgrade(db)
        store.connect(db).close()
    except MultipolarError as exc:
        fail(str(exc))
    if done is None:
        err.print(f"{db} is up to date (store schema {store.SCHEMA_VERSION})", highlight=False)
    else:
        err.print(f"upgraded {db} from store schema {done.from_version} to {done.to_version} "
                  f"({done.statements} changes); the file as it was is at {done.backup}", highlight=False)


def _export_format(name: str) -> str:
    from multipolar.corpus.export import FORMATS

    if name not in FORMATS:
        raise typer.BadParameter(f"{name!r} is not one of {', '.join(FORMATS)}")
    return name


def _export_help() -> str:
    from multipolar.corpus.export import FORMATS

    return "; ".join(f"{name}: {spec.help}" for name, spec in FORMATS.items())


@app.command()
def export(
    db: DbOption,
    output_format: Annotated[str, typer.Option("--format", "-f", help=_export_help(), callback=_export_format)],
    out: Annotated[Path, typer.Option("-o", "--output", help="A folder for parquet; a file otherwise.")],
    year: Annotated[int | None, typer.Option(help="GraphML: only this year.")] = None,
    settings_file: SettingsOption = None,
) -> None:
    """Export the store: Parquet per table, GDELT-style events (TSV), PLOVER-style JSON lines, GraphML of the
    relation graph or of the causal graph (the formats of `multipolar.corpus.export.FORMATS`)."""
    from multipolar.corpus.export import FORMATS, ExportOptions

    settings_from(settings_file)
    spec = FORMATS[output_format]
    try:
        count = spec.write(db, out, ExportOptions(year=year))
    except (MultipolarError, OSError) as exc:
        fail(str(exc))
    err.print(f"wrote {count} {spec.counts} to {out}")


class GraphFormat(StrEnum):
    text = "text"
    json = "json"
    graphml = "graphml"


@app.command()
def causal(
    source: Annotated[str | None, typer.Argument(help="A document; none with --db: the whole store.")] = None,
    db: Annotated[Path | None, typer.Option("--db", help="A store: the graph across its documents.",
                                            exists=True)] = None,
    actor: Annotated[str | None, typer.Option(help="Only claims naming this actor code.")] = None,
    output_format: Annotated[GraphFormat, typer.Option("--format", "-f", help="text, json or graphml")] = (
        GraphFormat.text),
    out: Annotated[Path | None, typer.Option("-o", "--output", help="Write here instead of stdout.")] = None,
    date: Annotated[str | None, typer.Option(help="Document date (YYYY-MM-DD).")] = None,
    settings_file: SettingsOption = None,
) -> None:
    """The causal graph: stated claims merged into causes, effects and actors, with their sources."""
    from multipolar.corpus.export.graphml import write_causal_graph
    from multipolar.corpus.queries import causal as causal_of
    from multipolar.model.causal import causal_graph

    settings = settings_from(settings_file)
    try:
        if source is not None:
            analysis = _single_analysis(source, date, None, settings=settings)
            graph = causal_graph((analysis.document.id, c) for c in analysis.claims)
        elif db is not None:
            graph = causal_of(db, actor=actor)
        else:
            fail("give a document or --db FILE")
        if output_format is GraphFormat.graphml:
            if out is None:
                fail("--format graphml needs -o FILE")
            err.print(f"wrote {write_causal_graph(graph, out)} stated effects to {out}")
            return
        if output_format is GraphFormat.json:
            text = json.dumps(graph.as_dict(), ensure_ascii=False, indent=1) + "\n"
            if out is None:
                sys.stdout.write(text)
            else:
                out.write_text(text, encoding="utf-8")
            return
    except (MultipolarError, OSError) as exc:
        fail(str(exc))
    _print_causal(graph)


def _print_causal(graph: Any) -> None:
    from multipolar.present.terminal import causal_table, clip, console

    shown = console()
    if graph.stated():
        shown.print(causal_table(graph, shown.width))
    trends = [n for n in graph.nodes if n.trend]
    for node in trends:
        change = "grows" if sum(s.polarity for s in node.trend) >= 0 else "shrinks"
        head = f"{node.label} {change} (said {len(node.trend)}×, no cause given): "
        shown.print(f"[bold]{escape(head)}[/bold]{escape(clip(node.trend[0].text, max(30, shown.width - len(head))))}",
                    highlight=False)
    if not graph.stated() and not trends:
        shown.print("no causal claims found", highlight=False)


@app.command()
def serve(
    db: DbOption,
    host: Annotated[str, typer.Option(help="Address to listen on (loopback unless you say otherwise).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.", min=1, max=65535)] = 8000,
    allowed_host: Annotated[list[str] | None, typer.Option(
        "--allowed-host", help="Another host name clients may use to reach this server (repeatable).")] = None,
    settings_file: SettingsOption = None,
) -> None:
    """The web pages and JSON API over a store (the web extra): graph, dyads, documents, a paste box.

    Set $MULTIPOLAR_API_TOKEN to require `Authorization: Bearer TOKEN` for POST requests (required when
    --host is not loopback: without a token such a server refuses analyses)."""
    import os

    from multipolar.web.app import create_app
    from multipolar.web.guard import is_loopback
    from multipolar.web.server import serve as run_server

    try:
        settings = _settings(None, settings_file)
    except MultipolarError as exc:
        fail(str(exc))
    for name in allowed_host or ():
        if not name or any(c.isspace() or c in "/@?#" for c in name):
            fail(f"--allowed-host: not a host name: {name!r}")
    settings = settings.replace(allowed_hosts=(*settings.allowed_hosts, *(allowed_host or ())))
    token = os.environ.get("MULTIPOLAR_API_TOKEN") or None
    if token is None and not is_loopback(host):
        err.print(f"multipolar: listening on {host} without $MULTIPOLAR_API_TOKEN: analyses are refused",
                  highlight=False)
    app_ = create_app(db, settings, token=token, host=host)
    err.print(f"multipolar: serving {db} at {_url(host, port)} (Ctrl-C stops)", highlight=False, markup=False)
    run_server(app_, settings, host=host, port=port)


def _url(host: str, port: int) -> str:
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


ACTOR_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}")


@app.command()
def report(
    source: Annotated[str | None, typer.Argument(help="A document; none with --db: a briefing on the store "
                                                      "(or on one dyad with --dyad).")] = None,
    db: Annotated[Path | None, typer.Option("--db", help="A store: a briefing on it, or with --dyad on one dyad.",
                                            exists=True)] = None,
    dyad_codes: Annotated[tuple[str, str] | None, typer.Option("--dyad", help="Two actor codes, e.g. CHN RUS.")]
        = None,
    date: Annotated[str | None, typer.Option(help="Document date (YYYY-MM-DD).")] = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write the HTML here.")] = None,
    pdf: Annotated[Path | None, typer.Option("--pdf", help="Also print it to this PDF (Chromium).")] = None,
    email: Annotated[str | None, typer.Option("--email", help="Send it to this address.")] = None,
    smtp: Annotated[str, typer.Option(help="SMTP server HOST:PORT.")] = "127.0.0.1:25",
    sender: Annotated[str, typer.Option("--from", help="Sender address.")] = "multipolar@localhost",
    starttls: Annotated[bool, typer.Option(help="Use STARTTLS (certificate checked).")] = False,
    user: Annotated[str | None, typer.Option(help="SMTP login (password from $MULTIPOLAR_SMTP_PASSWORD); "
                                                  "needs --starttls.")] = None,
    insecure_auth: Annotated[bool, typer.Option("--insecure-auth", help="Allow --user without --starttls: "
                                                "the password crosses the network in clear text.")] = False,
    settings_file: SettingsOption = None,
) -> None:
    """A print-friendly HTML report of a document, a dyad or a whole store; --pdf prints it, --email sends it."""
    from multipolar.present import report as reports

    settings = settings_from(settings_file)
    try:
        mailing = _mailing(email, smtp, sender, starttls, user, insecure_auth)
        if dyad_codes is not None:
            a, b = _dyad_option(dyad_codes)
            if db is None:
                fail("--dyad needs --db")
            _known_codes(db, a, b)
            page = reports.dyad_report(db, a, b)
            subject = f"multipolar: {a}–{b}"
        elif db is not None and source is None:
            page = reports.corpus_report(db)
            subject = f"multipolar: briefing on {db.stem}"
        else:
            analysis = _single_analysis(source, date, None, settings=settings)
            page = reports.document_report(analysis)
            subject = f"multipolar: {analysis.document.title or analysis.document.source or 'report'}"
        if output is not None:
            output.write_text(page, encoding="utf-8")
        elif pdf is None and email is None:
            sys.stdout.write(page)
        if pdf is not None:
            reports.to_pdf(page, pdf)
        if mailing is not None:
            _mail(page, pdf, subject, *mailing)
    except (MultipolarError, OSError) as exc:
        fail(str(exc))


def _dyad_option(codes: tuple[str, str]) -> tuple[str, str]:
    for code in codes:
        if not ACTOR_CODE.fullmatch(code):
            raise MultipolarError(f"--dyad: an actor code is letters, digits and - _ . : (got {code!r})")
    return codes[0].upper(), codes[1].upper()


def _mailing(email: str | None, smtp: str, sender: str, starttls: bool, user: str | None,
             insecure_auth: bool) -> tuple[str, str, Any] | None:
    """Every mail option checked before any work is done: (to, sender, server), or None without --email."""
    import os

    from multipolar.present.mail import SmtpServer, address

    if email is None:
        return None
    server = SmtpServer.parse(smtp, starttls=starttls, user=user, insecure_auth=insecure_auth,
                              password=os.environ.get("MULTIPOLAR_SMTP_PASSWORD"))
    return address(email, "--email"), address(sender, "--from"), server


def _mail(page: str, pdf: Path | None, subject: str, to: str, sender: str, server: Any) -> None:
    from multipolar.present.mail import report_message, send

    send(report_message(page, pdf, to=to, sender=sender, subject=subject), server)


def _parse_lags(text: str) -> range:
    low, _, high = text.partition("..")
    try:
        return range(int(low), int(high or low) + 1)
    except ValueError as exc:
        raise typer.BadParameter("--lags looks like 1..6") from exc


def _short_spec(spec: str, shown: int = 5) -> str:
    """"SANCTION WST|NATO|EU|G7|ALB|...->*" with its long code lists cut ("... +38"); `--format json` has them all."""
    def cut(codes: str) -> str:
        parts = codes.split("|")
        return codes if len(parts) <= shown else "|".join(parts[:shown]) + f"|…+{len(parts) - shown}"

    kind, _, pair = spec.partition(" ")
    arrow = "<->" if "<->" in pair else "->"
    a, _, b = pair.partition(arrow)
    return f"{kind} {cut(a)}{arrow}{cut(b)}"


def _print_claim_test(result: Any) -> None:
    from multipolar.present.report import sparkline
    from multipolar.present.terminal import console as sized

    console = sized()
    console.print(f"[bold]{_short_spec(result.cause)}[/bold] → [bold]{_short_spec(result.effect)}[/bold]  "
                  f"by {result.by}, n = {len(result.periods)} periods", highlight=False)
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
    from multipolar.corpus.dynamics import CAVEATS

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
    settings_file: SettingsOption = None,
) -> None:
    """Test a claim on stored events: lagged correlation and Granger causality (statsmodels), with caveats."""
    from multipolar.corpus.dynamics import check_claim

    settings_from(settings_file)
    try:
        result = check_claim(db, cause, effect, by=by, lags=_parse_lags(lags))
    except (MultipolarError, ValueError) as exc:
        fail(str(exc))
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
    settings_file: SettingsOption = None,
) -> None:
    """Every causal claim of a document, and what the stored events say about it."""
    from multipolar.corpus.dynamics import check_claim, claim_specs

    settings = settings_from(settings_file)
    try:
        analysis = _single_analysis(source, date, None, settings=settings)
    except MultipolarError as exc:
        fail(str(exc))
    from multipolar.present.terminal import console as sized

    console = sized()
    for claim in analysis.claims:
        console.print(f"\n[bold]Claim[/bold] (sentence {claim.sentence}): {claim.evidence.text.strip()}",
                      highlight=False)
        specs = claim_specs(claim, analysis.document.date, settings)
        if specs is None:
            console.print("  not testable on event data: its cause is not an event class between actors",
                          highlight=False)
            continue
        try:
            _print_claim_test(check_claim(db, *specs, by=by, lags=_parse_lags(lags)))
        except (MultipolarError, ValueError) as exc:
            console.print(f"  cannot test: {exc}", highlight=False)
