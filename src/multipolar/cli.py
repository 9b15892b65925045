"""The `multipolar` command line (typer + rich). The library never prints or exits: this module does."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from collections.abc import Iterator
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from multipolar.contract import error_line, to_json
from multipolar.errors import InputError, MultipolarError
from multipolar.ingest import InputRecord, parse_date, read_document
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


LearnedOption = Annotated[bool | None, typer.Option(
    "--learned-events/--no-learned-events",
    help="Also run the learned event coder, which proposes events for actor pairs the rules leave uncoded.")]


def _settings(actors: list[Path] | None, settings_file: Path | None = None, learned: bool | None = None) -> Settings:
    base = Settings.from_file(settings_file) if settings_file else DEFAULT_SETTINGS
    base = base if learned is None else base.replace(learned_events=learned)
    return base.replace(actors_files=tuple(base.actors_files) + tuple(actors or ()))


VoiceOption = Annotated[str | None, typer.Option(
    help="The actor the text speaks for (a code or name): its we/our/my country resolve to it.")]
VoiceFieldOption = Annotated[str | None, typer.Option(
    help="The record field naming the actor each record speaks for (e.g. iso3); default: voice.")]


def _with_voice(settings: Settings, voice: str | None, voice_field: str | None) -> Settings:
    if voice:
        from multipolar.nlp import shared_gazetteer

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
    records: list[InputRecord], settings: Settings
) -> Iterator[tuple[InputRecord, Analysis | None, str | None]]:
    from multipolar.pipeline import process

    articles = [r.article for r in records if r.article is not None]
    results = iter(process(articles, settings=settings, on_error="record"))
    for record in records:
        if record.article is None:
            yield record, None, record.error
            continue
        result = next(results)
        yield record, result.analysis, result.error


def _with_source_id(analysis: Analysis, record: InputRecord) -> Analysis:
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
    voice: VoiceOption = None,
    voice_field: VoiceFieldOption = None,
    learned: LearnedOption = None,
) -> None:
    """Analyse one document (text, HTML, JSON/JSONL records): actors, events, figures, quotes, timeline."""
    try:
        settings = _with_voice(_settings(actors, settings_file, learned), voice, voice_field)
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
    learned: LearnedOption = None,
) -> None:
    """Score the event coder on gold files: precision, recall, F1 overall, per category, CAMEO roots."""
    from multipolar.evaluate import evaluate, read_gold

    try:
        settings = _settings(actors, learned=learned)
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


from multipolar import cli_corpus  # noqa: E402, F401  (its commands register on `app`)


def main() -> None:
    try:
        app()
    except BrokenPipeError:
        sys.stderr.close()
    except KeyboardInterrupt:
        err.print("multipolar: interrupted")
        sys.exit(130)
