"""`multipolar eval`: the scores of the event coder, the actor resolver, the figure reader and quotations
against gold files, as tables or JSON (the library scores, this module prints)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from multipolar.cli.common import (
    ActorsOption,
    FastOption,
    LearnedOption,
    SettingsOption,
    TableFormat,
    _settings,
    app,
    fail,
)
from multipolar.errors import MultipolarError
from multipolar.evaluate.gold_file import PromisedReading

PromisedOption = Annotated[PromisedReading, typer.Option(
    "--promised-concessions",
    help="Read event gold's promised concessions (CONCEDE or RETREAT, modality intended) as the file codes them, "
         "or as AGREE 03 (the session-7 reading, which the dev gold follows): frozen files written before it are "
         "scored both ways.")]

if TYPE_CHECKING:
    from multipolar.evaluate.actors import ActorReport
    from multipolar.evaluate.events import Report, Score
    from multipolar.evaluate.figures import FiguresReport


@app.command("eval")
def eval_command(
    gold: Annotated[list[Path], typer.Argument(help="Gold JSONL files.", exists=True, dir_okay=False)],
    output_format: Annotated[TableFormat, typer.Option("--format", "-f", help="text or json")] = TableFormat.text,
    actors: ActorsOption = None,
    misses: Annotated[int, typer.Option(help="How many missed records to list.")] = 20,
    learned: LearnedOption = None,
    fast: FastOption = False,
    settings_file: SettingsOption = None,
    promised: PromisedOption = PromisedReading.as_written,
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
        settings = _settings(actors, settings_file, learned=learned, fast=fast)
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
                evaluate(read_gold(gold_path, promised.value), settings)
    except MultipolarError as exc:
        fail(str(exc))
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
        console.print(f"[dim]{escape(str(miss['id']))}[/dim] {escape(miss['text'][:110])}",
                      markup=True, highlight=False)
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
        console.print(f"[dim]{escape(str(miss['id']))}[/dim] {escape(miss['text'][:110])}",
                      markup=True, highlight=False)
        detail = miss.get("problems") or f"wanted {miss.get('wanted')} got {miss.get('got')}"
        console.print(f"   {detail}", markup=False, highlight=False)


