"""What every `multipolar` command shares: the Typer app, the common options, reading and analysing the
input, writing the output, and `fail` (a one-line error and exit status 1)."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console

from multipolar.errors import InputError, MultipolarError
from multipolar.ingest.read import InputRecord, parse_date, read_document
from multipolar.records import Analysis, Article
from multipolar.settings import DEFAULT_SETTINGS, Settings

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Read reporting on international relations; build an evidence-linked model of it.")

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


def fail(message: str) -> NoReturn:
    sys.stderr.write(f"multipolar: {' '.join(str(message).split())}\n")
    raise typer.Exit(1)


LearnedOption = Annotated[bool | None, typer.Option(
    "--learned-events/--no-learned-events",
    help="Run (the default) or leave out the learned event coder, which proposes events for actor pairs the "
         "rules leave uncoded.")]


FastOption = Annotated[bool, typer.Option(
    "--fast", help="Fast mode: entities, actors, figures and rule events only (no quotations, claims or learned "
                   "events).")]


def _settings(actors: list[Path] | None, settings_file: Path | None = None, learned: bool | None = None,
              fast: bool = False) -> Settings:
    base = Settings.from_file(settings_file) if settings_file else DEFAULT_SETTINGS
    base = base if learned is None else base.replace(learned_events=learned)
    base = base.replace(fast=True) if fast else base
    return base.replace(actors_files=tuple(base.actors_files) + tuple(actors or ()))


def settings_from(settings_file: Path | None) -> Settings:
    """The settings of a command that takes no actors files of its own: the defaults, then `--settings FILE`
    (a file that cannot be read, or names an unknown setting, is the command's one-line error)."""
    try:
        return _settings(None, settings_file)
    except MultipolarError as exc:
        fail(str(exc))


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


def _write_lines(lines: Iterable[str], output: Path | None) -> None:
    """Each line written (and flushed) as soon as it is ready, so a long run shows its progress."""
    try:
        with contextlib.ExitStack() as stack:
            out = sys.stdout if output is None else stack.enter_context(output.open("w", encoding="utf-8"))
            for line in lines:
                out.write(line + "\n")
                out.flush()
    except OSError as exc:
        fail(f"cannot write {output or 'the output'}: {exc.strerror or exc}")


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")


def _single_analysis(source: str | None, date: str | None, actors: list[Path] | None,
                     settings_file: Path | None = None, settings: Settings | None = None) -> Analysis:
    settings = settings or _settings(actors, settings_file)
    records = _records(source, _date_option(date), settings)
    if len(records) != 1:
        fail(f"{source}: holds {len(records)} records; give one document")
    _, analysis, error = next(_analyses(records, settings))
    if analysis is None:
        fail(error or "cannot analyse the input")
    return analysis



DbOption = Annotated[Path, typer.Option("--db", help="The DuckDB file.", exists=True, dir_okay=False)]


def _known_codes(db: Path, *codes: str | None) -> None:
    """An unknown actor code is an error that says so, with the stored actors it may have meant."""
    from multipolar.corpus.queries import actors_named, unknown_codes

    for code in unknown_codes(db, [c for c in codes if c]):
        close = actors_named(db, code)
        hint = f"; did you mean {', '.join(f'{c} ({n})' for c, n in close)}?" if close else ""
        raise MultipolarError(f"no actor {code} in {db}{hint}")
