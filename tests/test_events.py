"""The event coder: `multipolar eval` on gold files with pinned floors, and the reference article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from multipolar.cli.app import app
from multipolar.evaluate.events import evaluate, read_gold
from multipolar.records import Analysis
from multipolar.settings import DEFAULT_SETTINGS

from .conftest import GOLD, SHARED

pytestmark = pytest.mark.model

# F1 floors for (source, target, PLOVER), pinned a little under today's scores: raise them as the coder
# improves; a drop below fails the build. Today's figures are in the README. Each floor holds with the
# learned coder on (the default) and with the rules alone (--no-learned-events), 2026-12-02 06:00 (session 8).
# The frozen test's floor holds under both readings of promised concessions (`--promised-concessions`).
FLOORS = {
    "own": 0.89,
    "own-rules": 0.95,  # rule-014 codes a host as source (CAMEO 043); the v2 manual makes the visitor the actor
    "plover-gsr": 0.64,
    "plover-dev": 0.72,       # tests/gold/events_plover-dev.jsonl (PLOVER v2, every type and mode)
    "plover-dev2": 0.83,      # tests/gold/events_plover-dev2.jsonl (written before tuning the weak types)
    "plover-dev3": 0.58,      # tests/gold/events_plover-dev3.jsonl (session 8; first reading 0.563)
    "plover-test": 0.57,      # its frozen test half: scored, never studied
    "documents-dev-core": 0.75,   # core recall of the real-document gold, dev half
    "documents-dev2-core": 0.95,  # tests/gold/documents-dev2.jsonl (8 more documents, written before tuning)
    "documents-test-core": 0.23,  # and of its frozen test half
    "petrarch-unit-dyad": 0.27,
}


def test_own_gold_floor() -> None:
    report = evaluate(read_gold(GOLD / "events.jsonl"))
    assert report.errors == 0
    assert report.overall.f1 >= FLOORS["own"], report.as_dict()["overall"]


def test_own_rule_cases_floor() -> None:
    report = evaluate(read_gold(GOLD / "events_rules.jsonl"))
    assert report.errors == 0
    assert report.overall.f1 >= FLOORS["own-rules"], report.as_dict()["overall"]


@pytest.mark.parametrize(("name", "floor", "promised"), [("events_plover-dev", "plover-dev", "as-written"),
                                                         ("events_plover-dev2", "plover-dev2", "as-written"),
                                                         ("events_plover-dev3", "plover-dev3", "as-written"),
                                                         ("events_plover-test", "plover-test", "as-written"),
                                                         ("events_plover-test", "plover-test", "agree")])
def test_plover_v2_gold_floor(name: str, floor: str, promised: str) -> None:
    report = evaluate(read_gold(GOLD / f"{name}.jsonl", promised))
    assert report.errors == 0
    assert report.overall.f1 >= FLOORS[floor], report.as_dict()["overall"]


@pytest.mark.parametrize(("name", "floor"), [("documents-dev", "documents-dev-core"),
                                             ("documents-dev2", "documents-dev2-core"),
                                             ("documents-test", "documents-test-core")])
def test_document_gold_core_recall_floor(name: str, floor: str) -> None:
    report = evaluate(read_gold(GOLD / f"{name}.jsonl"))
    assert report.errors == 0 and report.documents > 0
    assert report.core.recall >= FLOORS[floor], report.as_dict()["core"]


def test_plover_gold_standard_floor() -> None:
    path = SHARED / "gold" / "plover-gsr" / "records-dev.jsonl"
    if not path.exists():
        pytest.skip("../shared/gold is not beside the project")
    report = evaluate(read_gold(path))
    assert report.overall.f1 >= FLOORS["plover-gsr"], report.as_dict()["overall"]


def test_petrarch_unit_floor() -> None:
    folder = SHARED / "gold" / "petrarch-unit"
    if not folder.exists():
        pytest.skip("../shared/gold is not beside the project")
    settings = DEFAULT_SETTINGS.replace(actors_files=(folder / "PETR.Validate.actors.txt",
                                                      folder / "PETR.Validate.agents.txt"))
    report = evaluate(read_gold(folder / "records-dev.jsonl"), settings)
    # PETRARCH's expected codes are mostly WEIS-era: it tests the mechanics (who acts on whom), so the floor is
    # on (source, target); the typed score is reported by `multipolar eval`.
    assert report.dyad.f1 >= FLOORS["petrarch-unit-dyad"], report.as_dict()["dyad"]


def _triples(analysis: Analysis) -> set[tuple[str, str, str]]:
    return {(e.source, e.target, e.plover) for e in analysis.events}


def test_reference_article_interactions(seed_analysis: Analysis) -> None:
    found = _triples(seed_analysis)
    for expected in [
        ("CHN", "RUS", "CONSULT"),     # the 2019 state visit to Moscow
        ("RUS", "UKR", "ASSAULT"),     # the invasion
        ("RUS", "CHN", "SUPPORT"),     # the February 2022 agreement (signing is SUPPORT in PLOVER)
        ("USA", "RUS", "SANCTION"),    # 2014 sanctions
        ("CHN", "NATO", "ACCUSE"),     # China blamed NATO ...
        ("CHN", "WST", "ACCUSE"),      # ... and the West
        ("CHN", "RUS", "SUPPORT"),     # China has supported Russia
        ("RUS", "CHN", "COOPERATE"),   # joint military exercises, shared technology
        ("CHN", "RUS", "COOPERATE"),
        ("USA", "UKR", "AID"),         # US aid to Kyiv
    ]:
        assert expected in found, (expected, sorted(found))


def test_reference_article_event_details(seed_analysis: Analysis) -> None:
    events = seed_analysis.events
    visit = next(e for e in events if e.plover == "CONSULT" and e.source == "CHN")
    assert visit.date == "2019-06" and visit.mode == "visit"
    invasion = next(e for e in events if (e.source, e.target, e.plover) == ("RUS", "UKR", "ASSAULT"))
    assert invasion.date and invasion.date.startswith("2022")
    denied = [e for e in events if e.negated]
    assert any(e.plover == "SUPPORT" and e.source == "CHN" for e in denied)
    assert not any(e.source == "JPN" or e.target == "JPN" for e in events)
    text = seed_analysis.document.text
    for e in events:
        assert text[e.evidence.start : e.evidence.end] == e.evidence.text


def test_undated_events_of_a_year_only_record_take_the_year() -> None:
    from multipolar.pipeline import analyze

    record = {"id": "RUS_77_2022", "year": 2022,
              "text": "Washington and Brussels have imposed sanctions on Russia. "
                      "In June 2019 China signed an energy agreement with Russia."}
    result = analyze(record)
    assert result.document.date_precision == "year"
    dates = {(e.source, e.target, e.plover): e.date for e in result.events}
    assert dates[("USA", "RUS", "SANCTION")] == "2022"     # from the record's year, not "2022-01-01"
    assert ("EU", "RUS", "SANCTION") in dates              # Brussels stands for the EU, not Belgium
    assert "2019-06" in dates.values()                    # a date in the sentence still wins


def test_every_event_names_the_rule_or_model_that_coded_it(seed_analysis: Analysis) -> None:
    from multipolar.coding.tables import load_tables
    from multipolar.nlp.events.learned import load_models

    tables = load_tables()
    ids = {p.id for rows in (*tables.verbs.values(), *tables.nouns.values()) for p in rows}
    model = load_models().name  # the learned coder (on by default) names its weights
    for event in seed_analysis.events:
        if event.coder == model:
            continue
        kind, _, rule = event.coder.partition(":")
        assert kind == "rules", event
        assert all(part in ids or part.startswith("frame:") for part in rule.split("+")), event.coder
    invasion = next(e for e in seed_analysis.events if (e.source, e.target, e.plover) == ("RUS", "UKR", "ASSAULT"))
    assert invasion.coder == "rules:verb:invade"


def test_eval_reads_a_file_written_before_the_convention_under_both_readings(tmp_path: Path) -> None:
    # a gold file of the old reading: a promised release coded CONCEDE, intended
    record = {"id": "p1", "date": "2024-03-02", "text": "Iran said it would release the French citizens.",
              "expected": [{"source": "IRN", "target": "FRA", "plover": "CONCEDE", "code": "03",
                            "modality": "intended"}]}
    gold = tmp_path / "old.jsonl"
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    scores = {}
    for reading in ("as-written", "agree"):
        result = CliRunner().invoke(app, ["eval", str(gold), "--format", "json", "--promised-concessions", reading])
        assert result.exit_code == 0, result.stdout
        scores[reading] = json.loads(result.stdout)[str(gold)]["overall"]
    assert (scores["as-written"]["tp"], scores["as-written"]["fp"]) == (0, 1)
    assert (scores["agree"]["tp"], scores["agree"]["fp"]) == (1, 0)
