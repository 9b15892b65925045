"""`multipolar eval`: score the event coder against a gold file.

Gold format: one JSON object a line with `id`, `category`, `date`, `text` and `expected`, a list of
`{source, target, plover?, code?, mode?}` (target null: any target; `expected: []`: no event allowed).
A gold actor code matches our state code, our finer actor code, or our state code plus the actor's
sector (PETRARCH style "ARNGOV"); "IGO" matches any international organisation. A gold event with
`negated: true` matches only a negated event; a negated event no gold item asks for is not counted
against precision, since most gold sets do not annotate what did not happen.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from multipolar.coding_tables import OLD_PLOVER_NAMES, load_tables
from multipolar.errors import GoldFileError
from multipolar.pipeline import process
from multipolar.records import Event
from multipolar.settings import DEFAULT_SETTINGS, Settings


@dataclass(frozen=True)
class GoldRecord:
    id: str
    category: str
    date: str | None
    text: str
    expected: tuple[dict[str, Any], ...]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Report:
    """Scores overall, per category, on CAMEO roots, and the records that missed."""

    overall: Score = field(default_factory=Score)
    dyad: Score = field(default_factory=Score)
    """(source, target) whatever the type: the mechanics of finding who acts on whom."""
    cameo_root: Score = field(default_factory=Score)
    categories: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    misses: list[dict[str, Any]] = field(default_factory=list)
    records: int = 0
    errors: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "records": self.records, "errors": self.errors, "overall": self.overall.as_dict(),
            "dyad": self.dyad.as_dict(), "cameo_root": self.cameo_root.as_dict(),
            "categories": {k: v.as_dict() for k, v in sorted(self.categories.items())},
            "misses": self.misses,
        }


def read_gold(path: Path) -> list[GoldRecord]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFileError(f"cannot read gold file {path}: {exc}") from exc
    records = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            records.append(GoldRecord(str(raw["id"]), str(raw.get("category") or "all"),
                                      _gold_date(raw.get("date")), str(raw["text"]),
                                      tuple(_normalised(e) for e in raw["expected"])))
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise GoldFileError(f"{path}: line {number} is not a gold record ({exc})") from exc
    return records


def _gold_date(value: Any) -> str | None:
    raw = str(value or "").strip()
    if len(raw) == 8 and raw.isdigit():
        return f"{raw[:4]}-{raw[4:6]}-{raw[6:]}"
    return raw[:10] or None


def _normalised(expected: dict[str, Any]) -> dict[str, Any]:
    item = dict(expected)
    plover = item.get("plover")
    if plover:
        item["plover"] = OLD_PLOVER_NAMES.get(plover, plover)
    elif item.get("code"):
        try:
            item["plover"] = load_tables().code(str(item["code"])).plover or None
        except KeyError:
            item["plover"] = None
    return item


def _actor_matches(gold: str | None, code: str, finer: str | None, sector: str | None, kinds: dict[str, str]) -> bool:
    if gold is None:
        return True
    gold = gold.upper()
    candidates = {code.upper(), (finer or "").upper(), (code + (sector or "")).upper()}
    if gold in candidates or (sector and len(gold) > 6 and gold[:6] == (code + sector).upper()):
        return True
    return gold == "IGO" and kinds.get(code) in ("igo", "bloc")


def _event_matches(gold: dict[str, Any], event: Event, kinds: dict[str, str], typed: bool = True) -> bool:
    if bool(gold.get("negated")) != event.negated:
        return False
    if not typed:
        return _dyad_matches(gold, event, kinds)
    if gold.get("plover") and gold["plover"] != event.plover:
        return False
    if not gold.get("plover") and gold.get("code") and str(gold["code"])[:2] != event.cameo[:2]:
        return False
    return _dyad_matches(gold, event, kinds)


def _dyad_matches(gold: dict[str, Any], event: Event, kinds: dict[str, str]) -> bool:
    return _actor_matches(gold.get("source"), event.source, event.source_actor, event.source_sector, kinds) and \
        _actor_matches(gold.get("target"), event.target, event.target_actor, event.target_sector, kinds)


def evaluate(records: Iterable[GoldRecord], settings: Settings = DEFAULT_SETTINGS) -> Report:
    from multipolar.nlp import shared_gazetteer

    gazetteer = shared_gazetteer(tuple(str(p) for p in settings.actors_files))
    kinds = {code: info.kind for code, info in gazetteer.actors.items()}
    records = list(records)
    report = Report(records=len(records))
    inputs = [{"id": r.id, "text": r.text, "date": r.date} for r in records]
    for record, result in zip(records, process(inputs, settings=settings), strict=True):
        events = list(result.analysis.events) if result.analysis else []
        if result.analysis is None:
            report.errors += 1
        _score_record(report, record, events, kinds)
    return report


def _score_record(report: Report, record: GoldRecord, events: list[Event], kinds: dict[str, str]) -> None:
    _score_dyads(report.dyad, record, events, kinds)
    unmatched = list(events)
    missed = []
    category = report.categories[record.category]
    for gold in record.expected:
        hit = next((e for e in unmatched if _event_matches(gold, e, kinds)), None)
        if hit is None:
            missed.append(gold)
            report.overall.fn += 1
            category.fn += 1
            continue
        unmatched.remove(hit)
        report.overall.tp += 1
        category.tp += 1
        if gold.get("code"):
            if str(gold["code"])[:2] == hit.cameo[:2]:
                report.cameo_root.tp += 1
            else:
                report.cameo_root.fn += 1
                report.cameo_root.fp += 1
    if record.expected and any(g.get("code") for g in record.expected):
        report.cameo_root.fn += sum(1 for g in missed if g.get("code"))
        report.cameo_root.fp += len(unmatched)  # negated ones were dropped above
    unmatched = [e for e in unmatched if not e.negated]
    report.overall.fp += len(unmatched)
    category.fp += len(unmatched)
    if missed or unmatched:
        report.misses.append({
            "id": record.id, "category": record.category, "text": record.text,
            "missed": [{k: g.get(k) for k in ("source", "target", "plover", "code")} for g in missed],
            "spurious": [{"source": e.source, "target": e.target, "plover": e.plover, "cameo": e.cameo,
                          "verb": e.verb} for e in unmatched],
        })


def _score_dyads(score: Score, record: GoldRecord, events: list[Event], kinds: dict[str, str]) -> None:
    unmatched = list(events)
    for gold in record.expected:
        hit = next((e for e in unmatched if _event_matches(gold, e, kinds, typed=False)), None)
        if hit is None:
            score.fn += 1
        else:
            unmatched.remove(hit)
            score.tp += 1
    score.fp += sum(1 for e in unmatched if not e.negated)
