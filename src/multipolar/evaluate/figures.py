"""`multipolar eval` on figures gold: are the figures found, and is each read right?

Gold format (`tests/gold/figures-*.jsonl`, see its README section): one document a line with `text`,
`date` or `year`, `corpus`, `record` and `expected` figures (`text`, `start`, `end`, `kind`, `value`,
`unit`, `qualifier`, `measure`, `from`, `to`, `parties`, `period`, optional `implicit`). A found figure
matches a gold one when their characters overlap. Documents are analysed as an analyst would run them:
White House texts speak for the USA, a UN speech for the state in its record id.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from multipolar.errors import GoldFileError
from multipolar.evaluate.gold_file import gold_lines
from multipolar.pipeline import process
from multipolar.records import Analysis, Quantity
from multipolar.settings import DEFAULT_SETTINGS, Settings

FLOWS = frozenset({"aid", "loan", "loan_guarantee", "investment", "exports", "imports"})
"""Measures that move something from one actor to another; the others never have a direction."""


@dataclass(frozen=True)
class FiguresGold:
    id: str
    text: str
    date: str | None
    year: int | None
    voice: str | None
    expected: tuple[dict[str, Any], ...]


@dataclass
class Ratio:
    right: int = 0
    total: int = 0

    @property
    def share(self) -> float:
        return self.right / self.total if self.total else 0.0

    def count(self, ok: bool) -> None:
        self.total += 1
        self.right += int(ok)

    def as_dict(self) -> dict[str, float | int]:
        return {"right": self.right, "total": self.total, "share": round(self.share, 4)}


@dataclass
class FiguresReport:
    documents: int = 0
    errors: int = 0
    found: Ratio = field(default_factory=Ratio)
    """Gold figures found (recall)."""
    precise: Ratio = field(default_factory=Ratio)
    """Figures reported that are gold figures (precision)."""
    value: Ratio = field(default_factory=Ratio)
    unit: Ratio = field(default_factory=Ratio)
    qualifier: Ratio = field(default_factory=Ratio)
    measure: Ratio = field(default_factory=Ratio)
    direction: Ratio = field(default_factory=Ratio)
    """Of gold figures with a stated direction (not `implicit`): `from` and `to` both right."""
    direction_all: Ratio = field(default_factory=Ratio)
    """The same, counting implicit directions too."""
    undirected: Ratio = field(default_factory=Ratio)
    """Of gold figures with no direction: none reported."""
    period: Ratio = field(default_factory=Ratio)
    inconsistent_checks: int = 0
    """Checks a document of official figures should never fail: each is a false alarm to look at."""
    misses: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        ratios = {name: getattr(self, name).as_dict() for name in (
            "found", "precise", "value", "unit", "qualifier", "measure", "direction", "direction_all",
            "undirected", "period")}
        return {"documents": self.documents, "errors": self.errors, **ratios,
                "inconsistent_checks": self.inconsistent_checks, "misses": self.misses}


def is_figures_gold(path: Path) -> bool:
    """A figures gold file: its first record's expected items have a `kind` of money, percent or count."""
    try:
        with path.open(encoding="utf-8") as handle:
            first = next((json.loads(line) for line in handle if line.strip()), None)
    except (OSError, json.JSONDecodeError):
        return False
    expected = first.get("expected") if isinstance(first, dict) else None
    return isinstance(expected, list) and bool(expected) and isinstance(expected[0], dict) and \
        "kind" in expected[0] and "plover" not in expected[0]


def read_figures_gold(path: Path) -> list[FiguresGold]:
    records = []
    for number, line in gold_lines(path):
        try:
            raw = json.loads(line)
            corpus, record = str(raw.get("corpus") or ""), str(raw.get("record") or "")
            voice = "USA" if corpus.startswith("whitehouse") else \
                record.split("_")[0] if corpus.startswith("ungdc") else None  # "EU_75_2020" speaks for the EU
            records.append(FiguresGold(str(raw["id"]), raw["text"], raw.get("date"), raw.get("year"),
                                       voice, tuple(raw["expected"])))
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise GoldFileError(f"{path}:{number}: not a figures gold record ({exc})") from exc
    return records


def evaluate_figures(records: Iterable[FiguresGold], settings: Settings = DEFAULT_SETTINGS) -> FiguresReport:
    report = FiguresReport()
    records = list(records)
    inputs = [{"id": r.id, "text": r.text, "date": r.date, "year": r.year, "voice": r.voice} for r in records]
    for record, result in zip(records, process(inputs, settings=settings.replace(voice_field="voice")), strict=True):
        report.documents += 1
        if result.analysis is None:
            report.errors += 1
            continue
        _score(report, record, result.analysis)
    return report


def _score(report: FiguresReport, record: FiguresGold, analysis: Analysis) -> None:
    text = analysis.document.text
    found = list(analysis.quantities)
    used: set[int] = set()
    for gold in record.expected:
        start = _located(record.text, text, gold)
        length = len(" ".join(gold["text"].split()))
        match = next((k for k, q in enumerate(found) if k not in used and start is not None and
                      q.start < start + length and start < q.end), None)
        report.found.count(match is not None)
        if match is None:
            report.misses.append({"id": record.id, "missed": gold["text"], "measure": gold.get("measure")})
            continue
        used.add(match)
        _score_reading(report, record.id, gold, found[match])
    for k, quantity in enumerate(found):
        report.precise.count(k in used)
        if k not in used:
            report.misses.append({"id": record.id, "spurious": quantity.text})
    report.inconsistent_checks += sum(1 for c in analysis.checks if c.status == "inconsistent")


def _located(raw: str, cleaned: str, gold: dict[str, Any]) -> int | None:
    """Where a gold figure (offsets into the raw text) is in the cleaned text: the same occurrence."""
    pattern = re.compile(r"\s+".join(re.escape(part) for part in gold["text"].split()))
    occurrence = len(pattern.findall(raw, 0, int(gold["start"])))
    found = list(pattern.finditer(cleaned))
    return found[occurrence].start() if occurrence < len(found) else None


def _score_reading(report: FiguresReport, record_id: str, gold: dict[str, Any], found: Quantity) -> None:
    value_ok = _same_value(gold.get("value"), found.value)
    unit_ok = gold.get("unit") == found.unit or (gold.get("kind") == "count" and found.unit in (None, gold.get("unit")))
    report.value.count(value_ok)
    report.unit.count(unit_ok)
    report.qualifier.count(gold.get("qualifier", "exact") == found.qualifier)
    report.measure.count(gold.get("measure") == found.measure)
    period = gold.get("period")
    found_period = [found.period.start, None if found.period_open_end else found.period.end] if found.period else None
    report.period.count(period == found_period)
    directed = gold.get("from") is not None or gold.get("to") is not None
    if directed:
        ok = _direction_ok(gold, found)
        report.direction_all.count(ok)
        if not gold.get("implicit"):
            report.direction.count(ok)
    else:
        report.undirected.count(found.from_ is None and found.to is None)
    wrong = [name for name, ok in (("value", value_ok), ("measure", gold.get("measure") == found.measure),
                                   ("direction", not directed or _direction_ok(gold, found))) if not ok]
    if wrong:
        report.misses.append({"id": record_id, "figure": gold["text"], "wrong": wrong,
                              "gold": {k: gold.get(k) for k in ("value", "measure", "from", "to")},
                              "found": {"value": found.value, "measure": found.measure, "from": found.from_,
                                        "to": found.to}})


def _same_value(gold: Any, found: float | None) -> bool:
    if gold is None or found is None:
        return gold is None and found is None
    return math.isclose(float(gold), found, rel_tol=1e-6)


def _direction_ok(gold: dict[str, Any], found: Quantity) -> bool:
    targets = gold.get("to")
    targets = targets if isinstance(targets, list) else [targets]
    return gold.get("from") == found.from_ and found.to in targets
