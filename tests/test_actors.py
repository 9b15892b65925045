"""Actor resolution against gold: our own sentences (tests/gold/actors.jsonl) and NGEC's cases (dev half)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

import multipolar
from multipolar.records import Analysis
from multipolar.settings import DEFAULT_SETTINGS, Settings

from .conftest import GOLD, SHARED

pytestmark = pytest.mark.model

# Floors: raise them when the resolver improves; a drop fails the build.
OWN_GOLD_FLOOR = 0.45  # actors.jsonl grew from 70 to 235 cases (issue #14 categories); 0.455 measured on main then
NGEC_FLOOR = 0.52


def _bare(text: str) -> str:
    text = text.strip()
    return text[4:] if text.lower().startswith("the ") else text


@lru_cache(maxsize=4)
def _settings(actors_file: str | None) -> Settings:
    files = (GOLD / actors_file,) if actors_file else ()
    return DEFAULT_SETTINGS.replace(actors_files=files, min_words=1, min_english_ratio=0.0)


def _analyse(text: str, date: str | None, actors_file: str | None = None) -> Analysis:
    return multipolar.analyze(text, date=date, settings=_settings(actors_file))


def _mention_codes(analysis: Analysis, text: str) -> list[tuple[str, str | None, str | None]]:
    """Codes of actors with a mention that is, contains or lies inside `text`."""
    want = _bare(text)
    found = []
    for actor in analysis.actors:
        for mention in actor.mentions:
            got = _bare(mention.text)
            if got == want or (want in got) or (got in want and len(got) > 2):
                found.append((actor.code, actor.country, actor.role))
    return found


def _same(expected: dict[str, Any], key: str, got: str | None) -> bool:
    return not expected.get(key) or got == expected[key]


def check_record(record: dict[str, Any]) -> list[str]:
    """What is wrong with the analysis of one gold record (empty: it passes)."""
    analysis = _analyse(record["text"], record.get("date"), record.get("actors_file"))
    problems = []
    for expected in record["expected"]:
        hits = _mention_codes(analysis, expected["text"])
        if expected["code"] is None:  # no code an annotator can know: scored on country and sector (README)
            if not any(_same(expected, "country", cty) and _same(expected, "role", role) for _, cty, role in hits):
                problems.append(f"{expected['text']!r}: wanted {expected['country']}/{expected['role']}, got {hits}")
            continue
        # "Chinese" inside "Chinese companies" resolves to CHN through the body chn-business
        matching = [h for h in hits if h[0] == expected["code"] or h[0].startswith(expected["code"].lower() + "-")]
        if not matching:
            problems.append(f"{expected['text']!r}: wanted {expected['code']}, got {hits}")
            continue
        code, country, role = matching[0]
        if code != expected["code"]:
            continue
        if expected.get("country") and country != expected["country"]:
            problems.append(f"{expected['text']!r}: country {country} != {expected['country']}")
        if expected.get("role") and role != expected["role"]:
            problems.append(f"{expected['text']!r}: role {role} != {expected['role']}")
    codes = {a.code for a in analysis.actors} | {a.country for a in analysis.actors if a.country}
    problems += [f"false actor {code}" for code in record.get("absent", []) if code in codes]
    for text in record.get("unresolved", []):
        hits = _mention_codes(analysis, text)
        if hits:
            problems.append(f"{text!r} should stay unresolved, got {hits}")
    return problems


def _load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_own_gold_meets_its_floor() -> None:
    records = _load(GOLD / "actors.jsonl")
    failures = {r["id"]: p for r in records if (p := check_record(r))}
    passed = 1 - len(failures) / len(records)
    assert passed >= OWN_GOLD_FLOOR, f"{passed:.3f} < {OWN_GOLD_FLOOR}: {json.dumps(failures, indent=1)}"


@pytest.mark.parametrize("record", [r for r in _load(GOLD / "actors.jsonl") if r["category"] in
                                    ("metonyms", "fictional", "false_actors")], ids=lambda r: r["id"])
def test_every_metonym_fictional_and_false_actor_case(record: dict[str, Any]) -> None:
    assert check_record(record) == []


NGEC_IGO_CODES = {"IGO", "UNO", "EUR"}
"""NGEC codes an international body IGO, the UN UNO and the EU EUR: any organisation of ours matches."""
NGEC_NO_SECTOR = {"", "????", "UNK"}


def ngec_case_passes(case: dict[str, Any]) -> bool:
    date = case.get("date")
    date = None if not date or str(date).lower() == "today" else str(date)
    analysis = _analyse(case["text"], date)
    countries = {a.country or a.code for a in analysis.actors}
    kinds = {a.kind for a in analysis.actors}
    country, sector = case.get("country") or "", case.get("sector") or ""
    if sector == "JNK":
        return not analysis.actors
    if country in NGEC_IGO_CODES:
        ok = bool(kinds & {"igo", "bloc"}) or any(a.code.split("-")[0].upper() in ("EU", "UN") for a in
                                                  analysis.actors)
    else:
        ok = not country or country in countries
    if sector not in NGEC_NO_SECTOR:
        ok = ok and any(a.role == sector for a in analysis.actors)
    if case.get("not_country"):
        ok = ok and case["not_country"] not in countries
    return ok


def test_ngec_actor_cases_meet_their_floor() -> None:
    path = SHARED / "gold" / "ngec-actors" / "cases-dev.jsonl"
    if not path.exists():
        pytest.skip("../shared/gold is not beside the project")
    cases = _load(path)
    failed = [c["id"] for c in cases if not ngec_case_passes(c)]
    passed = 1 - len(failed) / len(cases)
    assert passed >= NGEC_FLOOR, f"{passed:.3f} < {NGEC_FLOOR}; failed: {failed}"


def test_reference_article_actors(seed_analysis: Analysis) -> None:
    by_code = {a.code: a for a in seed_analysis.actors}
    for code in ("CHN", "RUS", "USA", "UKR", "NATO", "WST", "BRICS", "SCO", "UN", "IGO", "ARG", "EGY", "ETH",
                 "IRN", "SAU", "ARE", "xi-jinping", "vladimir-putin", "hua-chunying"):
        assert code in by_code, code
    mentions = {m.text: a.code for a in seed_analysis.actors for m in a.mentions}
    assert mentions["Beijing"] == "CHN" and mentions["Moscow"] == "RUS" and mentions["Washington"] == "USA"
    assert mentions["Kyiv"] == "UKR" and mentions["Kremlin"] in ("RUS", "rus-kremlin")
    assert "JPN" not in by_code, "the Sea of Japan is a place, not Japan"
    assert not any("LNG" in m.text for a in seed_analysis.actors for m in a.mentions)


def test_titles_resolve_through_the_document_date() -> None:
    for date, code in (("2022-03-01", "joe-biden"), ("2025-06-01", "donald-trump"), ("2016-06-01", "barack-obama")):
        analysis = _analyse("The US president spoke about trade.", date)
        assert code in {a.code for a in analysis.actors}, (date, [a.code for a in analysis.actors])


def test_counterpart_follows_the_named_leader() -> None:
    analysis = _analyse("Xi Jinping called his Russian counterpart on Tuesday.", "2023-05-02")
    assert "vladimir-putin" in {a.code for a in analysis.actors}


def test_petrarch_dictionaries_load_as_user_files() -> None:
    folder = SHARED / "gold" / "petrarch-unit"
    if not folder.exists():
        pytest.skip("../shared/gold is not beside the project")
    settings = DEFAULT_SETTINGS.replace(actors_files=(folder / "PETR.Validate.actors.txt",
                                                      folder / "PETR.Validate.agents.txt"))
    analysis = multipolar.analyze("Arnor is about to restore full diplomatic ties with Gondor.", date="1995-01-01",
                                  settings=settings)
    assert {"ARN", "GON"} <= {a.code for a in analysis.actors}


def test_the_first_person_of_a_document_resolves_to_its_voice() -> None:
    import multipolar

    text = ("My country condemns the blockade of Cuba. We call on the United States to lift it. "
            "“We will never accept this,” Fidel Castro said. It is my pleasure to be here.")
    spoken = multipolar.analyze({"text": text, "speaker": "Mexico", "year": 2019},
                                settings=multipolar.Settings(voice_field="speaker"))
    assert spoken.document.voice == "Mexico"
    assert {(e.source, e.target, e.plover) for e in spoken.events} >= {("MEX", "CUB", "ACCUSE"),
                                                                       ("MEX", "USA", "REQUEST")}
    mentions = [m.text for a in spoken.actors if a.code == "MEX" for m in a.mentions]
    assert mentions == ["My country", "We"]   # not the quoted "We", not "my pleasure"
    unspoken = multipolar.analyze(text, date="2019-05-01")
    assert not any(e.source == "MEX" for e in unspoken.events)
