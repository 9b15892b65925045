#!/usr/bin/env python3
"""The learned event coder's figures: every event gold set scored with the rules alone and with the rules
plus the learned coder, side by side, from one run (the README's learned-coder table).

    nice -n 10 python tools/learned_figures.py tests/gold/events.jsonl ... [--threshold 0.8] [--json]

Each gold file goes through the pipeline once with the learned coder on; the rules' events are scored alone
(the learned coder runs after the rules and only adds events, so they are what a run without it gives), then
together with the model's. Misses are not printed: a frozen test file (`*-test.jsonl`) may be scored, never
studied.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT / "src"))

from multipolar.evaluate.events import GoldRecord, Report, _score_record, analysed, read_gold  # noqa: E402
from multipolar.records import Event  # noqa: E402
from multipolar.settings import DEFAULT_SETTINGS, Settings  # noqa: E402


def side_by_side(records: list[GoldRecord], settings: Settings) -> tuple[Report, Report]:
    """Reports for the rules' events alone and for all events, from one pipeline run."""
    rules, both = Report(records=len(records)), Report(records=len(records))
    for record, coded, kinds in analysed(records, settings):
        events: list[Event] = coded or []
        _score_record(rules, record, [e for e in events if e.coder.startswith("rules")], kinds)
        _score_record(both, record, events, kinds)
    return rules, both


def figures(report: Report) -> dict[str, Any]:
    overall = report.overall
    result: dict[str, Any] = {"precision": round(overall.precision, 4), "recall": round(overall.recall, 4),
                              "f1": round(overall.f1, 4), "tp": overall.tp, "fp": overall.fp, "fn": overall.fn}
    if report.documents:
        result["core"] = report.core.as_dict()
    return result


def cell(values: dict[str, Any]) -> str:
    if "core" in values:
        core = values["core"]
        return f"{core['core_recall']:.2f}, {core['precision']:.2f} (F1 {core['f1']:.3f})"
    return f"{values['precision']:.2f} / {values['recall']:.2f} / {values['f1']:.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+", type=Path)
    parser.add_argument("--threshold", type=float, default=DEFAULT_SETTINGS.learned_threshold)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON instead of a table")
    args = parser.parse_args(argv)
    settings = DEFAULT_SETTINGS.replace(learned_events=True, learned_threshold=args.threshold, fast=False)
    table = {}
    for path in args.gold:
        rules, both = side_by_side(read_gold(path), settings)
        table[str(path)] = {"rules": figures(rules), "rules+learned": figures(both)}
    if args.json:
        print(json.dumps(table, indent=1))
        return 0
    print("| gold set | rules P / R / F1 | rules + learned P / R / F1 |\n|---|---|---|")
    for path, row in table.items():
        print(f"| `{Path(path).name}` | {cell(row['rules'])} | {cell(row['rules+learned'])} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
