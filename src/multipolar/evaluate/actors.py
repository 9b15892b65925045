"""`multipolar eval` on actor gold: our format (`tests/gold/actors*.jsonl`) and NGEC's cases format.

Each text is analysed as `multipolar analyze` would analyse it (its date, default settings, the user's actor
files). NGEC case protocol: a case with a country passes only when an actor of the analysis has that country
(IGO: any international organisation), and with a sector only when that same actor has that role (no country:
any actor with that role); `not_country` must be absent; sector JNK means no actor at all. `country` scores
the cases with a country; `country_sector` the cases with a country or a sector, both required.
Our format: a record passes when every expected mention resolves to its code, country and role, no `absent`
code appears and every `unresolved` mention stays unresolved.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from multipolar.errors import GoldFileError, InputError
from multipolar.evaluate.gold_file import gold_lines
from multipolar.pipeline import process
from multipolar.records import Actor, Analysis
from multipolar.settings import DEFAULT_SETTINGS, Settings

IGO_CODES = frozenset({"IGO", "UNO", "EUR"})
"""NGEC codes an international body IGO, the UN UNO and the EU EUR: any organisation of ours matches."""
NO_SECTOR = frozenset({"", "????", "UNK"})


@dataclass
class Tally:
    passed: int = 0
    total: int = 0

    @property
    def share(self) -> float:
        return self.passed / self.total if self.total else 0.0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.passed += ok

    def as_dict(self) -> dict[str, Any]:
        return {"passed": self.passed, "total": self.total, "share": round(self.share, 4)}


@dataclass
class ActorReport:
    """Scores of one actor gold file, and what missed."""

    format: str
    records: int = 0
    errors: int = 0
    country: Tally = field(default_factory=Tally)
    country_sector: Tally = field(default_factory=Tally)
    passed: Tally = field(default_factory=Tally)
    categories: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    misses: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"format": self.format, "records": self.records, "errors": self.errors,
                "country": self.country.as_dict(), "country_sector": self.country_sector.as_dict(),
                "passed": self.passed.as_dict(),
                "categories": {k: v.as_dict() for k, v in sorted(self.categories.items())}, "misses": self.misses}


def read_records(path: Path) -> list[dict[str, Any]]:
    records = []
    for number, line in gold_lines(path):
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldFileError(f"{path}: line {number} is not JSON ({exc.msg})") from exc
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise GoldFileError(f"{path}: line {number} is not a gold record (no text)")
        records.append(record)
    return records


def gold_format(records: list[dict[str, Any]]) -> str | None:
    """"ngec", "actors" (ours), or None for event gold."""
    if not records:
        return None
    first = records[0]
    if "expected" not in first and ("country" in first or "sector" in first):
        return "ngec"
    expected = first.get("expected")
    if isinstance(expected, list) and any(isinstance(e, dict) and "text" in e and "code" in e for e in expected):
        return "actors"
    if isinstance(expected, list) and not expected and ("absent" in first or "unresolved" in first):
        return "actors"
    return None


def _date(value: Any) -> str | None:
    raw = str(value or "").strip()
    if not raw or raw.lower() == "today":
        return None
    from multipolar.ingest.read import parse_date

    try:
        day = parse_date(raw)
    except InputError:
        return None
    return day.isoformat() if day else None


def _actors_file(name: str, gold: Path | None) -> Path:
    """A record's `actors_file`: relative to the working folder (the repository root), else to the gold file."""
    path = Path(name)
    if path.exists() or gold is None or not (gold.parent / path).exists():
        return path
    return gold.parent / path


def _analyses(records: list[dict[str, Any]], settings: Settings, gold: Path | None) -> list[Analysis | None]:
    """Each record analysed alone, as `multipolar analyze TEXT --date D --actors FILE` would."""
    by_file: dict[str | None, list[int]] = defaultdict(list)
    for k, record in enumerate(records):
        by_file[record.get("actors_file")].append(k)
    found: list[Analysis | None] = [None] * len(records)
    for actors_file, indexes in by_file.items():
        extra = (_actors_file(actors_file, gold),) if actors_file else ()
        here = settings.replace(actors_files=(*settings.actors_files, *extra))
        inputs = [{"id": str(k), "text": records[k]["text"], "date": _date(records[k].get("date"))} for k in indexes]
        for k, result in zip(indexes, process(inputs, settings=here), strict=True):
            found[k] = result.analysis
    return found


def evaluate_actor_gold(records: list[dict[str, Any]], kind: str, settings: Settings = DEFAULT_SETTINGS,
                        gold: Path | None = None) -> ActorReport:
    report = ActorReport(kind, records=len(records))
    for record, analysis in zip(records, _analyses(records, settings, gold), strict=True):
        if analysis is None:
            report.errors += 1
        if kind == "ngec":
            _score_case(report, record, list(analysis.actors) if analysis else [])
        else:
            _score_record(report, record, analysis)
    return report


# ---- NGEC cases -------------------------------------------------------------------------------------


def _organisations() -> frozenset[str]:
    from multipolar.nlp.spacy_pipeline import shared_gazetteer

    return frozenset(code for code, info in shared_gazetteer().actors.items() if info.kind in ("igo", "bloc"))


def _has_country(actor: Actor, country: str) -> bool:
    """An IGO case is met by an organisation, or by a person or body of one ("president of the European
    Council")."""
    if country in IGO_CODES:
        return actor.kind in ("igo", "bloc") or actor.code.split("-")[0].upper() in ("EU", "UN") or \
            (actor.country or "") in _organisations()
    return (actor.country or actor.code) == country


def case_passes(case: dict[str, Any], actors: list[Actor]) -> tuple[bool | None, bool | None]:
    """(country ok, country and sector ok); None where the case asks nothing of that kind."""
    country, sector = str(case.get("country") or ""), str(case.get("sector") or "")
    if sector == "JNK":
        return None, not actors
    wanted = [a for a in actors if _has_country(a, country)] if country else list(actors)
    country_ok = bool(wanted) if country else None
    if case.get("not_country"):
        clean = not any((a.country or a.code) == case["not_country"] for a in actors)
        country_ok = clean if country_ok is None else country_ok and clean
        wanted = wanted if clean else []
    if sector in NO_SECTOR:
        return country_ok, country_ok
    return country_ok, any(a.role == sector for a in wanted)


def _score_case(report: ActorReport, case: dict[str, Any], actors: list[Actor]) -> None:
    country_ok, both_ok = case_passes(case, actors)
    if country_ok is not None:
        report.country.add(country_ok)
    if both_ok is not None:
        report.country_sector.add(both_ok)
        report.passed.add(both_ok)
    if country_ok is False or both_ok is False:
        report.misses.append({"id": case.get("id"), "text": case["text"], "date": case.get("date"),
                              "wanted": [case.get("country"), case.get("sector")],
                              "got": [[a.code, a.country, a.role] for a in actors]})


# ---- our format ---------------------------------------------------------------------------------------


def _bare(text: str) -> str:
    text = text.strip()
    return text[4:] if text.lower().startswith("the ") else text


def mention_hits(actors: Iterable[Actor], text: str) -> list[Actor]:
    """Actors with a mention that is, contains or lies inside `text`."""
    want = _bare(text)
    found = []
    for actor in actors:
        for mention in actor.mentions:
            got = _bare(mention.text)
            if got == want or want in got or (got in want and len(got) > 2):
                found.append(actor)
                break
    return found


def _slug(text: str) -> str:
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def _fits(expected: dict[str, Any], actor: Actor) -> bool:
    return (not expected.get("country") or actor.country == expected["country"]) and \
        (not expected.get("role") or actor.role == expected["role"])


def record_problems(record: dict[str, Any], analysis: Analysis | None) -> list[str]:
    """What is wrong with the analysis of one record of our format (empty: it passes). An expected actor
    with a code must be found by that code (a person also by the slug of its name); one without a code (a
    body, a generic actor, a person the document introduces) by its country and role."""
    if analysis is None:
        return ["not analysed"]
    problems = []
    for expected in record.get("expected") or []:
        hits = mention_hits(analysis.actors, expected["text"])
        got = [(a.code, a.country, a.role) for a in hits]
        code = expected.get("code")
        if code is None:
            if not any(_fits(expected, a) for a in hits):
                problems.append(f"{expected['text']!r}: wanted {expected.get('country')}/{expected.get('role')}, "
                                f"got {got}")
            continue
        code = str(code)
        exact = [a for a in hits if a.code == code or (a.kind == "person" and _slug(a.name) == code)]
        # "Chinese" inside "Chinese companies" resolves to CHN through the body chn-business
        if not exact and not any(a.code.startswith(code.lower() + "-") for a in hits):
            problems.append(f"{expected['text']!r}: wanted {code}, got {got}")
            continue
        if exact and not any(_fits(expected, a) for a in exact):
            problems.append(f"{expected['text']!r}: wanted {code} {expected.get('country')}/{expected.get('role')}, "
                            f"got {got}")
    codes = {a.code for a in analysis.actors} | {a.country for a in analysis.actors if a.country} | \
        {_slug(a.name) for a in analysis.actors if a.kind == "person"}
    problems += [f"false actor {code}" for code in record.get("absent") or [] if code in codes]
    for text in record.get("unresolved") or []:
        hits = mention_hits(analysis.actors, text)
        if hits:
            problems.append(f"{text!r} should stay unresolved, got {[a.code for a in hits]}")
    return problems


def _score_record(report: ActorReport, record: dict[str, Any], analysis: Analysis | None) -> None:
    problems = record_problems(record, analysis)
    report.passed.add(not problems)
    report.categories[str(record.get("category") or "all")].add(not problems)
    actors = list(analysis.actors) if analysis else []
    for expected in record.get("expected") or []:
        hits = mention_hits(actors, expected["text"])
        if expected.get("country"):
            report.country.add(any(a.country == expected["country"] for a in hits))
        report.country_sector.add(any(_fits(expected, a) for a in hits))
    if problems:
        report.misses.append({"id": record.get("id"), "category": record.get("category"), "text": record["text"],
                              "problems": problems})
