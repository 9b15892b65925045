"""`multipolar eval` output for quotation gold (see `evaluate.quotes`): the CLI prints, the library scores."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from multipolar.evaluate.quotes import QuoteReport


def print_quote_report(console: Console, path: str, report: QuoteReport, misses: int) -> None:
    table = Table(title=f"{path}: {report.records} records, {report.errors} errors", title_justify="left")
    for column in ("quotes", "tp", "fp", "fn", "precision", "recall", "F1"):
        table.add_column(column)
    rows = [("quote (overlap)", report.quotes), ("quote + speaker", report.with_speaker),
            ("quote + same actor code", report.same_actor),
            *((f"  pattern {k}", v) for k, v in sorted(report.patterns.items()))]
    for name, score in rows:
        table.add_row(name, str(score.tp), str(score.fp), str(score.fn), f"{score.precision:.3f}",
                      f"{score.recall:.3f}", f"{score.f1:.3f}")
    console.print(table)
    console.print(f"speaker actor (country and sector of matched quotes): {report.actor_accuracy:.3f} "
                  f"({report.actor_right}/{report.actor_scored}); titles reported as quotes: "
                  f"{report.titles_reported}", highlight=False)
    for miss in report.misses[:misses]:
        fields = "  ".join(f"{k}: {v}" for k, v in miss.items() if k != "id")
        console.print(f"[dim]{escape(str(miss['id']))}[/dim] " + escape(fields),
                      markup=True, highlight=False)
