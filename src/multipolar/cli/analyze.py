"""`multipolar analyze`, `figures` and `timeline`: one document (or a stream of records) analysed and shown."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from multipolar.cli.common import (
    ActorsOption,
    FastOption,
    LearnedOption,
    OutputFormat,
    SettingsOption,
    TableFormat,
    VerboseOption,
    VoiceFieldOption,
    VoiceOption,
    _analyses,
    _date_option,
    _emit,
    _log_to_file,
    _records,
    _sample_records,
    _settings,
    _single_analysis,
    _with_source_id,
    _with_voice,
    _write_lines,
    app,
    fail,
)
from multipolar.contract import error_line, to_json
from multipolar.errors import MultipolarError
from multipolar.ingest.read import InputRecord, read_document
from multipolar.present.terminal import PIPED_WIDTH
from multipolar.settings import Settings


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
            fail(f"{source}: holds {len(records)} records; use --format jsonl for many documents")
        record, analysis, error = next(_analyses(records, settings))
        if analysis is None:
            fail(error or "cannot analyse the input")
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
        fail(str(exc))


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


@app.command()
def figures(
    source: Annotated[str | None, typer.Argument(help="A document; none: the sample.")] = None,
    output_format: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.text,
    date: Annotated[str | None, typer.Option(help="Document date (YYYY-MM-DD).")] = None,
    actors: ActorsOption = None,
    settings_file: SettingsOption = None,
) -> None:
    """The figures of a document (money, percentages, counts) and their consistency checks."""
    try:
        analysis = _single_analysis(source, date, actors, settings_file)
    except MultipolarError as exc:
        fail(str(exc))
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
    settings_file: SettingsOption = None,
) -> None:
    """The dated timeline of a document: its events and figures in order."""
    try:
        analysis = _single_analysis(source, date, actors, settings_file)
    except MultipolarError as exc:
        fail(str(exc))
    from multipolar.present.summary import _timeline
    from multipolar.present.terminal import console

    console().print(_timeline(analysis))


