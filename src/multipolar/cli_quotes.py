"""`multipolar eval` output for quotation gold (see `evaluate_quotes`): the CLI prints, the library scores."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

from multipolar.evaluate_quotes import QuoteReport, evaluate_quotes, read_quote_gold
from multipolar.settings import Settings


def eval_quote_files(paths: list[Path], settings: Settings, as_json: bool, misses: int) -> None:
    """Score each quote gold file (and all of them together) and print the scores."""
    reports = {str(path): evaluate_quotes(read_quote_gold(path), settings) for path in paths}
    if len(reports) > 1:
        total = QuoteReport()
        for report in reports.values():
            total.add(report)
        reports["ALL QUOTE FILES"] = total
    if as_json:
        sys.stdout.write(json.dumps({k: v.as_dict() for k, v in reports.items()}, indent=1) + "\n")
        return
    console = Console(width=160)
    for path, report in reports.items():
        _print(console, path, report, misses)


def _print(console: Console, path: str, report: QuoteReport, misses: int) -> None:
    table = Table(title=f"{path}: {report.records} records, {report.errors} errors", title_justify="left")
    for column in ("quotes", "tp", "fp", "fn", "precision", "recall", "F1"):
        table.add_column(column)
    rows = [("quote (overlap)", report.quotes), ("quote + speaker", report.with_speaker),
            *((f"  pattern {k}", v) for k, v in sorted(report.patterns.items()))]
    for name, score in rows:
        table.add_row(name, str(score.tp), str(score.fp), str(score.fn), f"{score.precision:.3f}",
                      f"{score.recall:.3f}", f"{score.f1:.3f}")
    console.print(table)
    console.print(f"speaker actor (country and sector of matched quotes): {report.actor_accuracy:.3f} "
                  f"({report.actor_right}/{report.actor_scored}); titles reported as quotes: "
                  f"{report.titles_reported}", highlight=False)
    for miss in report.misses[:misses]:
        console.print(f"[dim]{miss['id']}[/dim] " + "  ".join(f"{k}: {v}" for k, v in miss.items() if k != "id"),
                      markup=True, highlight=False)
