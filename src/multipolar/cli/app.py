"""The `multipolar` command line (typer + rich). The library never prints or exits: this module does."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
import logging
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from multipolar.contract import error_line, to_json
from multipolar.errors import InputError, MultipolarError
from multipolar.ingest.read import InputRecord, parse_date, read_document
from multipolar.present.terminal import PIPED_WIDTH
from multipolar.records import Analysis, Article
from multipolar.settings import DEFAULT_SETTINGS, Settings

if TYPE_CHECKING:
    from multipolar.evaluate.actors import ActorReport
    from multipolar.evaluate.events import Report, Score
    from multipolar.evaluate.figures import FiguresReport

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Read reporting on international relations; build an evidence-linked model of it.")
actors_app = typer.Typer(no_args_is_help=True, help="Look up the actors multipolar knows.")
app.add_typer(actors_app, name="actors")

err = Console(stderr=True)
log = logging.getLogger("multipolar")
LOG_FILE = "multipolar.log"

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


LearnedOption = Annotated[bool | None, typer.Option(
    "--learned-events/--no-learned-events",
    help="Also run the learned event coder, which proposes events for actor pairs the rules leave uncoded.")]


FastOption = Annotated[bool, typer.Option(
    "--fast", help="Fast mode: entities, actors, figures and rule events only (no quotations, claims or learned "
                   "events).")]


def _settings(actors: list[Path] | None, settings_file: Path | None = None, learned: bool | None = None,
              fast: bool = False) -> Settings:
    base = Settings.from_file(settings_file) if settings_file else DEFAULT_SETTINGS
    base = base if learned is None else base.replace(learned_events=learned)
    base = base.replace(fast=True) if fast else base
    return base.replace(actors_files=tuple(base.actors_files) + tuple(actors or ()))


VoiceOption = Annotated[str | None, typer.Option(
    help="The actor the text speaks for (a code or name): its we/our/my country resolve to it.")]
VoiceFieldOption = Annotated[str | None, typer.Option(
    help="The record field naming the actor each record speaks for (e.g. iso3); default: voice.")]


def _with_voice(settings: Settings, voice: str | None, voice_field: str | None) -> Settings:
    if voice:
        from multipolar.nlp.spacy_pipeline import shared_gazetteer

        if shared_gazetteer(tuple(str(p) for p in settings.actors_files)).code_of(voice) is None:
            raise typer.BadParameter(f"--voice {voice!r} is not one known actor (try `multipolar actors lookup`)")
    return settings.replace(voice=voice or settings.voice, voice_field=voice_field or settings.voice_field)


def _date_option(value: str | None) -> dt.date | None:
    try:
        return parse_date(value, "--date") if value else None
    except InputError as exc:
        raise typer.BadParameter(str(exc)) from exc


def _sample_records(date: dt.date | None) -> Iterator[InputRecord]:
    text = resources.files("multipolar").joinpath("data/samples/briefing.txt").read_text(encoding="utf-8")
    title, _, body = text.partition("\n")
    yield InputRecord(1, None, Article(body.strip(), title.strip(), date or dt.date(2024, 1, 15),
                                  "multipolar sample briefing"), None)


def _records(source: str | None, date: dt.date | None, settings: Settings) -> list[InputRecord]:
    if source is None:
        return list(_sample_records(date))
    return list(read_document(source, date=date, settings=settings))


def _analyses(
    records: Iterable[InputRecord], settings: Settings
) -> Iterator[tuple[InputRecord, Analysis | None, str | None]]:
    """Each record with its analysis or error, in order, lazily: a result as soon as its batch is done."""
    from multipolar.pipeline import process

    pending: deque[InputRecord] = deque()

    def articles() -> Iterator[Article]:
        for record in records:
            pending.append(record)
            if record.article is not None:
                yield record.article

    for result in process(articles(), settings=settings, on_error="record"):
        while pending[0].article is None:
            failed = pending.popleft()
            yield failed, None, failed.error
        if result.detail:
            log.error("line %d: %s\n%s", pending[0].line, result.error, result.detail)
        yield pending.popleft(), result.analysis, result.error
    while pending:
        failed = pending.popleft()
        yield failed, None, failed.error


def _with_source_id(analysis: Analysis, record: InputRecord) -> Analysis:
    if record.source_id is None or analysis.document.source_id == record.source_id:
        return analysis
    from dataclasses import replace

    return replace(analysis, document=replace(analysis.document, source_id=record.source_id))


VerboseOption = Annotated[bool, typer.Option(
    "--verbose", "-v", help=f"Write the traceback of every document that met a bug to {LOG_FILE}.")]


def _log_to_file(verbose: bool) -> None:
    if verbose:
        handler = logging.FileHandler(LOG_FILE, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
        log.addHandler(handler)


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
    voice: VoiceOption = None,
    voice_field: VoiceFieldOption = None,
    learned: LearnedOption = None,
    fast: FastOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Analyse one document (text, HTML, JSON/JSONL records): actors, events, figures, quotes, timeline."""
    _log_to_file(verbose)
    try:
        settings = _with_voice(_settings(actors, settings_file, learned, fast), voice, voice_field)
        if output_format is OutputFormat.jsonl:
            day = _date_option(date)
            stream = _sample_records(day) if source is None else read_document(source, date=day, settings=settings)
            _write_lines(_jsonl_lines(stream, settings), output)
            return
        records = _records(source, _date_option(date), settings)
        if len(records) != 1:
            _fail(f"{source}: holds {len(records)} records; use --format jsonl for many documents")
        record, analysis, error = next(_analyses(records, settings))
        if analysis is None:
            _fail(error or "cannot analyse the input")
            return
        analysis = _with_source_id(analysis, record)
        if output_format is OutputFormat.json:
            _emit(to_json(analysis, indent=1) + "\n", output)
            return
        from multipolar.present.summary import summary
        from multipolar.present.terminal import width

        out = io.StringIO()
        columns = width() if output is None else PIPED_WIDTH
        console = Console(file=out, width=columns, force_terminal=output is None and sys.stdout.isatty())
        console.print(summary(analysis, columns))
        _emit(out.getvalue(), output)
    except MultipolarError as exc:
        _fail(str(exc))


def _jsonl_lines(records: Iterable[InputRecord], settings: Settings) -> Iterator[str]:
    """One line per record, in order: its analysis, or its error (a document whose analysis cannot be
    written as JSON included)."""
    for record, analysis, error in _analyses(records, settings):
        line = None
        if analysis is not None:
            try:
                line = to_json(_with_source_id(analysis, record))
            except ValueError as exc:  # a number JSON cannot hold: a bug, kept to this document
                error = f"ValueError: {exc}"
        yield line or json.dumps(error_line(error or "unknown error", record.line, record.source_id),
                                 ensure_ascii=False)


def _write_lines(lines: Iterable[str], output: Path | None) -> None:
    """Each line written (and flushed) as soon as it is ready, so a long run shows its progress."""
    try:
        with contextlib.ExitStack() as stack:
            out = sys.stdout if output is None else stack.enter_context(output.open("w", encoding="utf-8"))
            for line in lines:
                out.write(line + "\n")
                out.flush()
    except OSError as exc:
        _fail(f"cannot write {output or 'the output'}: {exc.strerror or exc}")


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
    from multipolar.present.summary import _checks, _figures
    from multipolar.present.terminal import console as sized
    from multipolar.present.terminal import is_compact

    console = sized()
    console.print(_figures(analysis, is_compact(console.width)))
    console.print(_checks(analysis, is_compact(console.width)))


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
    from multipolar.present.summary import _timeline
    from multipolar.present.terminal import console

    console().print(_timeline(analysis))


@app.command("eval")
def eval_command(
    gold: Annotated[list[Path], typer.Argument(help="Gold JSONL files.", exists=True, dir_okay=False)],
    output_format: Annotated[TableFormat, typer.Option("--format", "-f", help="text or json")] = TableFormat.text,
    actors: ActorsOption = None,
    misses: Annotated[int, typer.Option(help="How many missed records to list.")] = 20,
    learned: LearnedOption = None,
    fast: FastOption = False,
) -> None:
    """Score the event coder on event gold (P/R/F1 overall, per PLOVER type, mode, category and style, CAMEO
    roots, document gold's core recall, and the misses), the actor resolver on actor gold (ours or NGEC's
    cases: country, country + sector), the figure reader on figures gold, and quotations on quote gold (quote
    F1, quote + speaker F1, speaker actor). Misses of frozen test files (`*-test.jsonl`) are not listed."""
    from multipolar.cli.quotes import print_quote_report
    from multipolar.evaluate.actors import ActorReport, evaluate_actor_gold, gold_format, read_records
    from multipolar.evaluate.events import combined, evaluate, read_gold
    from multipolar.evaluate.figures import evaluate_figures, is_figures_gold, read_figures_gold
    from multipolar.evaluate.quotes import QuoteReport, evaluate_quotes, is_quote_gold, read_quote_gold

    results: dict[str, Report | ActorReport] = {}
    figure_results: dict[str, FiguresReport] = {}
    quote_results: dict[str, QuoteReport] = {}
    try:
        settings = _settings(actors, learned=learned, fast=fast)
        for gold_path in gold:
            if is_quote_gold(gold_path):
                quote_results[str(gold_path)] = evaluate_quotes(read_quote_gold(gold_path), settings)
                continue
            if is_figures_gold(gold_path):
                figure_results[str(gold_path)] = evaluate_figures(read_figures_gold(gold_path), settings)
                continue
            records = read_records(gold_path)
            kind = gold_format(records)
            results[str(gold_path)] = evaluate_actor_gold(records, kind, settings, gold_path) if kind else \
                evaluate(read_gold(gold_path), settings)
    except MultipolarError as exc:
        _fail(str(exc))
        return
    events = [r for r in results.values() if not isinstance(r, ActorReport)]
    if len(events) > 1:
        results["ALL FILES"] = combined(events)
    if output_format is TableFormat.json:
        every = {**{k: v.as_dict() for k, v in results.items()}, **{k: v.as_dict() for k, v in figure_results.items()},
                 **{k: v.as_dict() for k, v in quote_results.items()}}
        sys.stdout.write(json.dumps(every, indent=1) + "\n")
        return
    from multipolar.present.terminal import console as sized

    console = sized()
    for path, report in results.items():
        if isinstance(report, ActorReport):
            _print_actor_report(console, path, report, 0 if path.endswith("-test.jsonl") else misses)
        else:
            _print_report(console, path, report, misses)
    for path, figures_report in figure_results.items():
        _print_figures_report(console, path, figures_report, 0 if path.endswith("-test.jsonl") else misses)
    for path, quote_report in quote_results.items():
        print_quote_report(console, path, quote_report, 0 if path.endswith("-test.jsonl") else misses)


def _print_figures_report(console: Console, path: str, report: FiguresReport, misses: int) -> None:
    console.print(f"{path}: {report.documents} documents, {report.errors} errors")
    table = Table()
    for column in ("reading", "right", "of", "share"):
        table.add_column(column, justify="left" if column == "reading" else "right")
    for name in ("found", "precise", "value", "unit", "qualifier", "measure", "direction", "direction_all",
                 "undirected", "period"):
        ratio = getattr(report, name)
        table.add_row(name, str(ratio.right), str(ratio.total), f"{ratio.share:.3f}")
    console.print(table)
    console.print(f"inconsistent checks: {report.inconsistent_checks}")
    for miss in report.misses[:misses]:
        console.print(json.dumps(miss, ensure_ascii=False), markup=False, highlight=False)


def _print_report(console: Console, path: str, report: Report, misses: int) -> None:
    title = f"{path}: {report.records} records, {report.errors} errors"
    rows = [*sorted(report.types.items()), ("ALL (source, target, PLOVER)", report.overall),
            ("dyad only (source, target)", report.dyad), ("CAMEO root", report.cameo_root)]
    console.print(_score_table(title, "PLOVER type", rows))
    if report.documents:
        core = report.core
        console.print(f"document gold ({report.documents} documents): core recall {core.recall:.3f} "
                      f"({core.core_found}/{core.core_found + core.core_missed}), precision {core.precision:.3f} "
                      f"({core.predicted_right}/{core.predicted_right + core.predicted_wrong}), F1 {core.f1:.3f}")
    if report.modality.tp + report.modality.fp:
        console.print(f"modality agrees with the gold on {report.modality.precision:.3f} of matched events")
    for name, table in (("mode", report.modes), ("category", report.categories), ("style", report.styles)):
        if len(table) > 1:
            console.print(_score_table("", name, sorted(table.items())))
    for miss in report.misses[:misses]:
        console.print(f"[dim]{miss['id']}[/dim] {miss['text'][:110]}", markup=True, highlight=False)
        console.print(f"   missed {miss['missed']}  spurious {miss['spurious']}", markup=False, highlight=False)


def _score_table(title: str, first: str, rows: list[tuple[str, Score]]) -> Table:
    table = Table(title=title or None, title_justify="left")
    for column in (first, "tp", "fp", "fn", "precision", "recall", "F1"):
        table.add_column(column)
    for name, score in rows:
        table.add_row(name, str(score.tp), str(score.fp), str(score.fn), f"{score.precision:.3f}",
                      f"{score.recall:.3f}", f"{score.f1:.3f}")
    return table


def _print_actor_report(console: Console, path: str, report: ActorReport, misses: int) -> None:
    """A frozen test split (`*-test.jsonl`) is scored without listing its misses: nobody tunes on them."""
    table = Table(title=f"{path}: {report.records} records ({report.format}), {report.errors} errors",
                  title_justify="left")
    for column in ("score", "passed", "total", "share"):
        table.add_column(column)
    rows = [("country", report.country), ("country + sector", report.country_sector), ("records", report.passed)]
    rows += [(f"  {name}", tally) for name, tally in sorted(report.categories.items())]
    for name, tally in rows:
        table.add_row(name, str(tally.passed), str(tally.total), f"{tally.share:.3f}")
    console.print(table)
    for miss in report.misses[:misses]:
        console.print(f"[dim]{miss['id']}[/dim] {miss['text'][:110]}", markup=True, highlight=False)
        detail = miss.get("problems") or f"wanted {miss.get('wanted')} got {miss.get('got')}"
        console.print(f"   {detail}", markup=False, highlight=False)


@actors_app.command("lookup")
def actors_lookup(
    name: Annotated[str, typer.Argument(help="A name, title or phrase: 'the Kremlin', 'Chinese President'.")],
    date: Annotated[str | None, typer.Option(help="Resolve offices as of this date (YYYY-MM-DD).")] = None,
    actors: ActorsOption = None,
) -> None:
    """What a name resolves to (on a date): code, kind, country, role, office, and where it came from."""
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
    table = Table("mention", "code", "name", "kind", "country", "role", "office", "from", "id")
    for actor in analysis.actors:
        for mention in actor.mentions:
            table.add_row(mention.text, actor.code, actor.name, actor.kind, actor.country or "", actor.role or "",
                          actor.title or actor.office or actor.category or "", actor.origin or "",
                          actor.origin_id or "")
    from multipolar.present.terminal import console

    console().print(table)


@actors_app.command("list")
def actors_list(
    kind: Annotated[str | None, typer.Option(help="Only this kind: state, igo, bloc, person, organization.")]
        = None,
    actors: ActorsOption = None,
) -> None:
    """Every actor the gazetteer (and your files) define, as tab-separated lines."""
    from multipolar.coding.gazetteer import STATE_KINDS
    from multipolar.nlp.spacy_pipeline import shared_gazetteer

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


from multipolar.cli import corpus as cli_corpus  # noqa: E402, F401  (their commands register on `app`)
from multipolar.cli import queries as cli_queries  # noqa: E402, F401  (their commands register on `app`)


def main() -> None:
    try:
        app()
    except BrokenPipeError:
        sys.stderr.close()
    except KeyboardInterrupt:
        err.print("multipolar: interrupted")
        sys.exit(130)
