"""`multipolar eval`'s scoring, on hand-made events (no model needed): types, modes, core recall, evidence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from multipolar.errors import GoldFileError
from multipolar.evaluate.events import GoldRecord, Report, _score_record, combined, promised_as_agree, read_gold
from multipolar.records import Event, Span

TEXT = "Russia shelled Kharkiv. Kyiv condemned Russia. Russia shelled Kharkiv again."
SENTENCES = [(0, 23), (24, 46), (47, 76)]


def _event(source: str, target: str, plover: str, sentence: int, mode: str | None = None,
           negated: bool = False, modality: str = "asserted") -> Event:
    start, end = SENTENCES[sentence]
    return Event(source=source, target=target, source_actor=None, target_actor=None, source_text=source,
                 target_text=target, plover=plover, cameo="190", goldstein=-10.0, quad_class=4, mode=mode,
                 date=None, negated=negated, modality=modality,  # type: ignore[arg-type]
                 confidence=0.8, sentence=sentence, evidence=Span(start, end, TEXT[start:end]))


def _record(*expected: dict[str, object], category: str = "basic") -> GoldRecord:
    return GoldRecord("r1", category, "2023-01-01", TEXT, tuple(dict(e) for e in expected))


def _scored(record: GoldRecord, events: list[Event]) -> Report:
    report = Report(records=1)
    _score_record(report, record, events, {})
    return report


def test_types_and_modes_are_scored_separately() -> None:
    record = _record({"source": "RUS", "target": "UKR", "plover": "ASSAULT", "mode": "heavy-weapons"},
                     {"source": "UKR", "target": "RUS", "plover": "ACCUSE", "mode": "disapprove"})
    report = _scored(record, [_event("RUS", "UKR", "ASSAULT", 0, mode="aerial"),
                              _event("UKR", "RUS", "REJECT", 1)])
    assert (report.types["ASSAULT"].tp, report.types["ACCUSE"].fn, report.types["REJECT"].fp) == (1, 1, 1)
    assert report.modes["ASSAULT/heavy-weapons"].fn == 1 and report.modes["ASSAULT/aerial"].fp == 1
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (1, 1, 1)
    assert report.misses[0]["missed"][0]["plover"] == "ACCUSE"


def test_a_named_target_is_matched_before_an_open_one() -> None:
    record = _record({"source": "RUS", "target": None, "plover": "ASSAULT"},
                     {"source": "RUS", "target": "UKR", "plover": "ASSAULT"})
    report = _scored(record, [_event("RUS", "UKR", "ASSAULT", 0), _event("RUS", "POL", "ASSAULT", 2)])
    assert (report.overall.tp, report.overall.fn, report.overall.fp) == (2, 0, 0)


def test_negated_events_match_only_negated_gold_and_do_not_count_against_precision() -> None:
    report = _scored(_record({"source": "RUS", "target": "UKR", "plover": "ASSAULT"}),
                     [_event("RUS", "UKR", "ASSAULT", 0, negated=True)])
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (0, 0, 1)


def test_document_gold_scores_core_recall_and_precision_over_every_expected_event() -> None:
    record = _record(
        {"source": "RUS", "target": "UKR", "plover": "ASSAULT", "core": True, "evidence": "Russia shelled Kharkiv."},
        {"source": "UKR", "target": "RUS", "plover": "ACCUSE", "core": False, "evidence": "Kyiv condemned Russia"},
        {"source": "RUS", "target": "UKR", "plover": "ASSAULT", "core": True, "evidence": "Kharkiv again"},
    )
    assert record.is_document
    events = [_event("RUS", "UKR", "ASSAULT", 0), _event("UKR", "RUS", "ACCUSE", 1),
              _event("UKR", "RUS", "SANCTION", 1)]
    report = _scored(record, events)
    core = report.core
    assert (core.core_found, core.core_missed) == (1, 1)   # the second shelling was not read from sentence 2
    assert (core.predicted_right, core.predicted_wrong) == (2, 1)
    assert report.documents == 1 and core.recall == 0.5 and round(core.precision, 3) == 0.667


def test_evidence_ties_a_gold_event_to_its_sentence() -> None:
    record = _record({"source": "RUS", "target": "UKR", "plover": "ASSAULT", "evidence": "Kharkiv again"})
    assert _scored(record, [_event("RUS", "UKR", "ASSAULT", 0)]).overall.tp == 0
    assert _scored(record, [_event("RUS", "UKR", "ASSAULT", 2)]).overall.tp == 1


def test_modality_agreement_is_counted_on_matched_events() -> None:
    record = _record({"source": "RUS", "target": "UKR", "plover": "ASSAULT", "modality": "hypothetical"})
    report = _scored(record, [_event("RUS", "UKR", "ASSAULT", 0)])
    assert (report.modality.tp, report.modality.fp) == (0, 1)


def test_combined_adds_files_up() -> None:
    one = _scored(_record({"source": "RUS", "target": "UKR", "plover": "ASSAULT"}),
                  [_event("RUS", "UKR", "ASSAULT", 0)])
    two = _scored(_record({"source": "UKR", "target": "RUS", "plover": "ACCUSE"}, category="nominal"), [])
    total = combined([one, two])
    assert (total.overall.tp, total.overall.fn, total.records) == (1, 1, 2)
    assert set(total.categories) == {"basic"} | {"nominal"} and total.types["ACCUSE"].fn == 1


def test_read_gold_takes_style_and_actors_file(tmp_path: Path) -> None:
    (tmp_path / "actors.yaml").write_text("states: []\n", encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    record = {"id": "a", "text": "x", "expected": [], "style": "readout", "actors_file": "actors.yaml"}
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [read] = read_gold(gold)
    assert read.style == "readout" and read.actors_file == tmp_path / "actors.yaml"
    gold.write_text(json.dumps({**record, "actors_file": "missing.yaml"}) + "\n", encoding="utf-8")
    with pytest.raises(GoldFileError, match=r"missing\.yaml"):
        read_gold(gold)


def test_promised_concessions_can_be_read_as_agree(tmp_path: Path) -> None:
    promised = {"source": "IRN", "target": "FRA", "plover": "RETREAT", "code": "08", "mode": "release",
                "modality": "intended"}
    done = {**promised, "modality": "asserted"}
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "a", "text": "x", "expected": [promised, done]}) + "\n", encoding="utf-8")
    [as_written] = read_gold(gold)
    [as_agree] = read_gold(gold, promised="agree")
    assert [e["plover"] for e in as_written.expected] == ["RETREAT", "RETREAT"]
    assert [(e["plover"], e["code"], e["mode"]) for e in as_agree.expected] == [("AGREE", "03", None),
                                                                                ("RETREAT", "08", "release")]
    assert promised_as_agree({**promised, "plover": "CONCEDE", "code": "085"})["code"] == "03"
    assert promised_as_agree({**promised, "plover": "AGREE", "code": "0353"}) == {**promised, "plover": "AGREE",
                                                                                 "code": "0353"}
    with pytest.raises(GoldFileError, match="promised"):
        read_gold(gold, promised="concede")


@pytest.mark.model
def test_misses_print_square_brackets_of_the_text_as_written(tmp_path: Path) -> None:
    # rich reads "[...]" as markup: a miss's text must reach the terminal as it is in the gold file
    from typer.testing import CliRunner

    from multipolar.cli.app import app

    record = {"id": "m[1]", "date": "2024-03-02", "text": "The envoy [of Chile] met [bold]officials[/bold] in Lima.",
              "expected": [{"source": "CHL", "target": "PER", "plover": "PROTEST", "code": "14"}]}
    gold = tmp_path / "brackets.jsonl"
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(gold), "--misses", "5"])
    assert result.exit_code == 0, result.stdout
    flat = " ".join(result.stdout.split())
    assert "m[1]" in flat
    assert "[of Chile] met [bold]officials[/bold]" in flat
