"""`multipolar eval`: score the event coder against gold files.

Gold format: one JSON object a line with `id`, `category`, `date`, `text` and `expected`, a list of
`{source, target, plover?, code?, mode?, negated?, modality?, core?, evidence?}` (target null: any target;
`expected: []`: no event allowed); optional `style`, `title`, `voice` (the actor its "we" stands for) and
`actors_file` (fictional actors loaded for that record). A gold actor code matches our state code, our
finer actor code, or our state code plus the actor's sector (PETRARCH style "ARNGOV"); "IGO" matches any
international organisation, and the non-state codes "IGO", "NGO", "IMG" (militant group) and "ISM" any
actor that belongs to no state (Amnesty International, al-Qaeda). A gold event with
`negated: true` matches only a negated event; a negated event no gold item asks for is not counted
against precision, since most gold sets do not annotate what did not happen. A gold event with
`evidence` (a verbatim piece of its sentence) matches only an event read from that sentence.

Document gold (records whose expected events carry `core`) is also scored the way an analyst reads a
document: recall over the core events, precision over every expected event (core or not).

Promised concessions ("agreed to withdraw", "offered to hand over", "agreed to a ceasefire") are AGREE (root 03,
modality `intended`) in the dev gold since session 7, as the PLOVER records read them; files written before
(the frozen ones, never edited) code them CONCEDE or RETREAT `intended`. `read_gold(..., promised="agree")`
reads such a file under the new reading, so that it can be reported both ways.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from multipolar.coding.tables import OLD_PLOVER_NAMES, load_tables
from multipolar.errors import GoldFileError
from multipolar.evaluate.gold_file import PromisedReading, gold_lines
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
    style: str | None = None
    actors_file: Path | None = None
    voice: str | None = None
    """The actor the text speaks for ("we"), as in document gold."""
    title: str | None = None

    @property
    def is_document(self) -> bool:
        """Document gold: every expected event says whether it is core."""
        return bool(self.expected) and all("core" in e for e in self.expected)


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

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class CoreScore:
    """Document gold: core events found, and predicted events that match any expected event."""

    core_found: int = 0
    core_missed: int = 0
    predicted_right: int = 0
    predicted_wrong: int = 0

    @property
    def recall(self) -> float:
        total = self.core_found + self.core_missed
        return self.core_found / total if total else 0.0

    @property
    def precision(self) -> float:
        total = self.predicted_right + self.predicted_wrong
        return self.predicted_right / total if total else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"core_found": self.core_found, "core_missed": self.core_missed,
                "predicted_right": self.predicted_right, "predicted_wrong": self.predicted_wrong,
                "core_recall": round(self.recall, 4), "precision": round(self.precision, 4),
                "f1": round(self.f1, 4)}


def _scores() -> defaultdict[str, Score]:
    return defaultdict(Score)


@dataclass
class Report:
    """Scores overall, per record category, per PLOVER type and mode, per style, and the records that missed."""

    overall: Score = field(default_factory=Score)
    dyad: Score = field(default_factory=Score)
    """(source, target) whatever the type: the mechanics of finding who acts on whom."""
    cameo_root: Score = field(default_factory=Score)
    categories: defaultdict[str, Score] = field(default_factory=_scores)
    types: defaultdict[str, Score] = field(default_factory=_scores)
    """By PLOVER type: gold events of that type found or missed, predicted events of that type wrong."""
    modes: defaultdict[str, Score] = field(default_factory=_scores)
    """By "TYPE/mode": a hit needs the type matched and the same mode."""
    styles: defaultdict[str, Score] = field(default_factory=_scores)
    core: CoreScore = field(default_factory=CoreScore)
    modality: Score = field(default_factory=Score)
    """Matched events whose modality agrees with the gold's (tp) or not (fp), where the gold gives one."""
    misses: list[dict[str, Any]] = field(default_factory=list)
    records: int = 0
    documents: int = 0
    errors: int = 0

    def as_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = {
            "records": self.records, "errors": self.errors, "overall": self.overall.as_dict(),
            "dyad": self.dyad.as_dict(), "cameo_root": self.cameo_root.as_dict(),
            "categories": _table(self.categories), "types": _table(self.types), "modes": _table(self.modes),
            "styles": _table(self.styles),
            "modality_agreement": round(self.modality.precision, 4) if self.modality.tp + self.modality.fp else None,
        }
        if self.documents:
            result["documents"] = self.documents
            result["core"] = self.core.as_dict()
        result["misses"] = self.misses
        return result


def _table(scores: dict[str, Score]) -> dict[str, dict[str, float | int]]:
    return {k: v.as_dict() for k, v in sorted(scores.items())}


_CONCESSIONS = frozenset({"CONCEDE", "RETREAT"})


def promised_as_agree(expected: dict[str, Any]) -> dict[str, Any]:
    """A gold CONCEDE or RETREAT that is only promised (modality `intended`) read as AGREE, root 03: the
    lead's session-7 reading, so frozen files written before it can be scored under it without editing them."""
    if expected.get("modality") != "intended" or expected.get("plover") not in _CONCESSIONS:
        return expected
    code = str(expected.get("code") or "")
    return {**expected, "plover": "AGREE", "mode": None, "code": code if code.startswith("03") else "03"}


def read_gold(path: Path, promised: str = PromisedReading.as_written) -> list[GoldRecord]:
    """The records of a gold file; `promised="agree"` reads its promised concessions as AGREE."""
    if promised not in set(PromisedReading):
        raise GoldFileError(f"unknown reading of promised concessions: {promised}")
    records = []
    for number, line in gold_lines(path):
        try:
            raw = json.loads(line)
            records.append(GoldRecord(
                str(raw["id"]), str(raw.get("category") or "all"), _gold_date(raw.get("date")), str(raw["text"]),
                tuple(_reading(_normalised(e), promised) for e in raw["expected"]), raw.get("style") or None,
                _actors_file(path, raw.get("actors_file")), raw.get("voice") or None, raw.get("title") or None))
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
            raise GoldFileError(f"{path}: line {number} is not a gold record ({exc})") from exc
    return records


def _actors_file(gold: Path, name: Any) -> Path | None:
    """A record's fictional actors: a path relative to the repository root (or the working directory)."""
    if not name:
        return None
    for base in (Path.cwd(), *gold.resolve().parents):
        if (base / str(name)).is_file():
            return base / str(name)
    raise GoldFileError(f"{gold}: actors file {name} not found")


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


def _reading(expected: dict[str, Any], promised: str) -> dict[str, Any]:
    return promised_as_agree(expected) if promised == PromisedReading.agree else expected


def analysed(records: list[GoldRecord], settings: Settings = DEFAULT_SETTINGS
             ) -> Iterator[tuple[GoldRecord, list[Event] | None, dict[str, str]]]:
    """Each record with the events the pipeline codes for it (None when its analysis failed) and the kinds
    of the actors it can name: records that bring their own actors file run with that file added."""
    from multipolar.nlp.spacy_pipeline import shared_gazetteer

    groups: dict[Path | None, list[GoldRecord]] = defaultdict(list)
    for record in records:
        groups[record.actors_file].append(record)
    for actors_file, group in groups.items():
        run = settings if actors_file is None else settings.replace(
            actors_files=(*settings.actors_files, actors_file))
        gazetteer = shared_gazetteer(tuple(str(p) for p in run.actors_files))
        kinds = {code: info.kind for code, info in gazetteer.actors.items()}
        inputs = [{"id": r.id, "text": r.text, "date": r.date, "voice": r.voice, "title": r.title} for r in group]
        for record, result in zip(group, process(inputs, settings=run), strict=True):
            yield record, list(result.analysis.events) if result.analysis else None, kinds


def evaluate(records: Iterable[GoldRecord], settings: Settings = DEFAULT_SETTINGS) -> Report:
    records = list(records)
    report = Report(records=len(records))
    for record, events, kinds in analysed(records, settings):
        if events is None:
            report.errors += 1
        _score_record(report, record, events or [], kinds)
    return report


# ---- matching ------------------------------------------------------------------------------------


def _actor_matches(gold: str | None, code: str, finer: str | None, sector: str | None, kinds: dict[str, str]) -> bool:
    if gold is None:
        return True
    gold = gold.upper()
    candidates = {code.upper(), (finer or "").upper(), (code + (sector or "")).upper()}
    if gold in candidates or (sector and len(gold) > 6 and gold[:6] == (code + sector).upper()):
        return True
    if gold == "IGO" and kinds.get(code) in ("igo", "bloc"):
        return True
    return gold in _NON_STATE and kinds.get(code) in ("igo", "bloc", "organization", "person", "other")


_NON_STATE = frozenset({"IGO", "NGO", "IMG", "ISM"})


def _located(gold: dict[str, Any], event: Event, text: str) -> bool:
    """A gold event with evidence matches only an event read from the sentence that holds it."""
    evidence = " ".join(str(gold.get("evidence") or "").split())
    if not evidence:
        return True
    sentence = " ".join(event.evidence.text.split())
    if evidence in sentence:
        return True
    start = text.find(str(gold["evidence"]))
    return start >= 0 and start < event.evidence.end and event.evidence.start < start + len(str(gold["evidence"]))


def _event_matches(gold: dict[str, Any], event: Event, kinds: dict[str, str], text: str, typed: bool = True) -> bool:
    if bool(gold.get("negated")) != event.negated or not _located(gold, event, text):
        return False
    if typed and gold.get("plover") and gold["plover"] != event.plover:
        return False
    if typed and not gold.get("plover") and gold.get("code") and str(gold["code"])[:2] != event.cameo[:2]:
        return False
    return _actor_matches(gold.get("source"), event.source, event.source_actor, event.source_sector, kinds) and \
        _actor_matches(gold.get("target"), event.target, event.target_actor, event.target_sector, kinds)


def _pairing(record: GoldRecord, events: list[Event], kinds: dict[str, str],
             typed: bool = True) -> tuple[list[tuple[dict[str, Any], Event | None]], list[Event]]:
    """Each gold event with the predicted event it matched (one to one), and the events left over. Gold events
    with a named target pick first, so an open target ("any") does not take another's match."""
    unmatched = list(events)
    pairs: list[tuple[dict[str, Any], Event | None]] = []
    for gold in sorted(record.expected, key=lambda g: g.get("target") is None):
        hit = next((e for e in unmatched if _event_matches(gold, e, kinds, record.text, typed)), None)
        if hit is not None:
            unmatched.remove(hit)
        pairs.append((gold, hit))
    return pairs, unmatched


# ---- scoring -------------------------------------------------------------------------------------


def _score_record(report: Report, record: GoldRecord, events: list[Event], kinds: dict[str, str]) -> None:
    _score_dyads(report.dyad, record, events, kinds)
    pairs, unmatched = _pairing(record, events, kinds)
    spurious = [e for e in unmatched if not e.negated]
    score = Score(tp=sum(1 for _, hit in pairs if hit), fn=sum(1 for _, hit in pairs if not hit), fp=len(spurious))
    for target in (report.overall, report.categories[record.category], report.styles[record.style or "-"]):
        target.add(score)
    _score_types(report, pairs, spurious)
    _score_cameo(report.cameo_root, record, pairs, unmatched)
    for gold, hit in pairs:
        if hit is not None and gold.get("modality"):
            if gold["modality"] == hit.modality:
                report.modality.tp += 1
            else:
                report.modality.fp += 1
    if record.is_document:
        report.documents += 1
        _score_core(report.core, record, events, kinds)
    missed = [gold for gold, hit in pairs if hit is None]
    if missed or spurious:
        report.misses.append({
            "id": record.id, "category": record.category, "text": record.text,
            "missed": [{k: g.get(k) for k in ("source", "target", "plover", "mode", "code", "core", "evidence")
                        if k in g} for g in missed],
            "spurious": [{"source": e.source, "target": e.target, "plover": e.plover, "mode": e.mode,
                          "cameo": e.cameo, "verb": e.verb, "coder": e.coder, "sentence": e.sentence}
                         for e in spurious],
        })


def _score_types(report: Report, pairs: list[tuple[dict[str, Any], Event | None]], spurious: list[Event]) -> None:
    for gold, hit in pairs:
        kind = str(gold.get("plover") or "?")
        if hit is None:
            report.types[kind].fn += 1
        else:
            report.types[kind].tp += 1
        if gold.get("mode"):
            key = f"{kind}/{gold['mode']}"
            if hit is not None and hit.mode == gold["mode"]:
                report.modes[key].tp += 1
            else:
                report.modes[key].fn += 1
                if hit is not None and hit.mode:
                    report.modes[f"{hit.plover}/{hit.mode}"].fp += 1
    for event in spurious:
        report.types[event.plover].fp += 1
        if event.mode:
            report.modes[f"{event.plover}/{event.mode}"].fp += 1


def _score_cameo(score: Score, record: GoldRecord, pairs: list[tuple[dict[str, Any], Event | None]],
                 unmatched: list[Event]) -> None:
    if not any(g.get("code") for g in record.expected):
        return
    for gold, hit in pairs:
        if not gold.get("code"):
            continue
        if hit is None:
            score.fn += 1
        elif str(gold["code"])[:2] == hit.cameo[:2]:
            score.tp += 1
        else:
            score.fn += 1
            score.fp += 1
    score.fp += len(unmatched)


def _score_core(score: CoreScore, record: GoldRecord, events: list[Event], kinds: dict[str, str]) -> None:
    for gold in record.expected:
        if gold.get("core"):
            found = any(_event_matches(gold, e, kinds, record.text) for e in events)
            score.core_found += found
            score.core_missed += not found
    for event in events:
        right = any(_event_matches(g, event, kinds, record.text) for g in record.expected)
        if right:
            score.predicted_right += 1
        elif not event.negated:
            score.predicted_wrong += 1


def _score_dyads(score: Score, record: GoldRecord, events: list[Event], kinds: dict[str, str]) -> None:
    pairs, unmatched = _pairing(record, events, kinds, typed=False)
    score.tp += sum(1 for _, hit in pairs if hit)
    score.fn += sum(1 for _, hit in pairs if not hit)
    score.fp += sum(1 for e in unmatched if not e.negated)


def combined(reports: Iterable[Report]) -> Report:
    """The figures of several gold files together (misses are left with each file)."""
    total = Report()
    for report in reports:
        total.records += report.records
        total.documents += report.documents
        total.errors += report.errors
        for mine, theirs in ((total.overall, report.overall), (total.dyad, report.dyad),
                             (total.cameo_root, report.cameo_root), (total.modality, report.modality)):
            mine.add(theirs)
        for table, other in ((total.categories, report.categories), (total.types, report.types),
                             (total.modes, report.modes), (total.styles, report.styles)):
            for key, score in other.items():
                table[key].add(score)
        for name in ("core_found", "core_missed", "predicted_right", "predicted_wrong"):
            setattr(total.core, name, getattr(total.core, name) + getattr(report.core, name))
    return total
