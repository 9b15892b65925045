"""Causal claims read from text, and testing a claim on stored events."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from multipolar.corpus import store
from multipolar.corpus.dynamics import check_claim, claim_specs
from multipolar.records import Analysis

pytestmark = pytest.mark.model


def test_reference_article_claims(seed_analysis: Analysis) -> None:
    claims = seed_analysis.claims
    by_trigger = {c.trigger: c for c in claims}
    sanctions = by_trigger["deepened"]
    assert sanctions.cause is not None and (sanctions.cause.plover, sanctions.cause.source) == ("SANCTION", "WST")
    assert sanctions.effect.actors == ("CHN", "RUS") and sanctions.polarity == 1
    pressure = by_trigger["strengthened"]
    assert pressure.cause is not None and pressure.cause.source == "WST" and pressure.effect.kind == "relation"
    driven = by_trigger["driven"]
    assert driven.cause is not None and driven.cause.kind == "state" and "USA" in driven.cause.actors
    dependence = by_trigger["dependent"]
    assert (dependence.effect.kind, dependence.effect.source, dependence.effect.target) == ("dependence", "RUS", "CHN")
    cause, effect = claim_specs(sanctions, dt.date(2023, 10, 20))  # type: ignore[misc]
    assert effect == "GOLDSTEIN CHN<->RUS" and cause.startswith("SANCTION WST|NATO|EU|G7|") and cause.endswith("->*")
    west = cause.split()[1].split("->")[0].split("|")
    assert {"USA", "GBR", "DEU", "JPN", "CAN", "POL"} <= set(west) and "RUS" not in west and "FIN" in west
    text = seed_analysis.document.text
    assert all(text[c.evidence.start : c.evidence.end] == c.evidence.text for c in claims)


def test_claims_weaken_and_quote() -> None:
    import multipolar

    analysis = multipolar.analyze("“The new tariffs have weakened ties between Canada and the United States,” "
                                  "Justin Trudeau said.", date="2019-01-10")
    claim = next(c for c in analysis.claims)
    assert claim.polarity == -1 and claim.effect.actors == ("CAN", "USA")
    assert claim.claimant == "justin-trudeau"


def _synthetic_store(path: Path, months: int = 72) -> None:
    """Sanctions on Russia that lead Chinese-Russian cooperation by one month, plus noise."""
    rng = random.Random(7)
    connection = store.connect(path)
    sanctions = [rng.randint(0, 6) for _ in range(months)]
    rows = []
    for month in range(months):
        day = dt.date(2015 + month // 12, month % 12 + 1, 15)
        rows += [["d", len(rows), "WST", "RUS", None, None, "", "", "SANCTION", "163", -8.0, 4, None,
                  day.isoformat(), day, False, "asserted", 0.8, 0, 0, 0, ""] for _ in range(sanctions[month])]
        follow = (sanctions[month - 1] if month else 0) + rng.randint(0, 1)
        rows += [["d", len(rows), "CHN", "RUS", None, None, "", "", "COOPERATE", "06", 6.0, 2, None,
                  day.isoformat(), day, False, "asserted", 0.8, 0, 0, 0, ""] for _ in range(follow)]
    columns = ("doc_id, idx, source, target, source_actor, target_actor, source_text, target_text, plover, cameo, "
               "goldstein, quad_class, mode, date, day, negated, modality, confidence, sentence, evidence_start, "
               "evidence_end, evidence")
    connection.executemany(f"INSERT INTO events ({columns}) VALUES (" + ", ".join("?" * 22) + ")", rows)
    connection.close()


def test_check_claim_finds_a_leading_series_and_not_the_reverse(tmp_path: Path) -> None:
    db = tmp_path / "dyn.duckdb"
    _synthetic_store(db)
    forward = check_claim(db, "SANCTION WST->RUS", "GOLDSTEIN CHN<->RUS", by="month", lags=range(1, 4))
    assert len(forward.periods) == 72
    assert forward.correlations[1] is not None and forward.correlations[1] > 0.8
    assert forward.granger_p[1] is not None and forward.granger_p[1] < 0.001
    backward = check_claim(db, "COOPERATE CHN<->RUS", "SANCTION WST->RUS", by="month", lags=range(1, 4))
    assert backward.granger_p[1] is not None and backward.granger_p[1] > 0.01
    with pytest.raises(ValueError, match="cannot read series"):
        check_claim(db, "sanctions by the west", "GOLDSTEIN CHN<->RUS")


CLAIM_DOCS = [
    {"id": "a", "date": "2023-03-01", "text": "Western sanctions have deepened the alliance between Russia and China."},
    {"id": "b", "date": "2023-09-01", "text": "Analysts say Western sanctions have further strengthened the "
                                              "partnership between Moscow and Beijing."},
    {"id": "c", "date": "2024-01-10", "text": "The war in Ukraine has weakened relations between Russia and Germany. "
                                              "Moscow has become much more dependent on Beijing."},
    {"id": "d", "date": "2023-06-01", "text": "In 1989 the United States imposed sanctions on China. In May 2023 "
                                              "the United States imposed sanctions on Iran."},
]


def test_causal_graph_merges_claims_across_documents(tmp_path: Path) -> None:
    import json
    import subprocess
    import sys
    import xml.etree.ElementTree as ET

    from multipolar.corpus import queries
    from multipolar.corpus.ingest import ingest

    from .conftest import ROOT

    corpus = tmp_path / "claims.jsonl"
    corpus.write_text("".join(json.dumps(d) + "\n" for d in CLAIM_DOCS), encoding="utf-8")
    db = tmp_path / "claims.duckdb"
    ingest([corpus], db, workers=1)
    graph = queries.causal(db)
    edges = {(e.cause, e.effect, e.polarity): e for e in graph.stated()}
    sanctions = edges[("SANCTION WST->*", "RELATION CHN<->RUS", 1)]
    assert sanctions.count == 2 and len({s.doc_id for s in sanctions.sources}) == 2
    assert ("ASSAULT *->UKR", "RELATION DEU<->RUS", -1) in edges
    dependence = next(n for n in graph.nodes if n.id == "DEPENDENCE RUS->CHN")
    assert [s.polarity for s in dependence.trend] == [1] and dependence.series == "GOLDSTEIN RUS<->CHN"
    assert {"CHN", "RUS", "WST", "DEU", "UKR"} <= {n.id for n in graph.nodes if n.kind == "actor"}
    assert {e.effect for e in graph.stated()} == {"RELATION CHN<->RUS", "RELATION DEU<->RUS"}
    assert {e.effect for e in queries.causal(db, actor="DEU").stated()} == {"RELATION DEU<->RUS"}

    from multipolar.corpus.dynamics import series

    # series run over the store's coverage (2023-2024): the 1989 sanctions are recalled history, not counted
    assert series(db, "SANCTION USA->*", "year") == {"2023-01-01": 1.0, "2024-01-01": 0.0}

    printed = subprocess.run([sys.executable, "-m", "multipolar", "causal", "--db", str(db), "-f", "json"],
                             capture_output=True, text=True, cwd=ROOT, timeout=120, check=True)
    assert json.loads(printed.stdout) == json.loads(json.dumps(graph.as_dict()))
    out = tmp_path / "causal.graphml"
    subprocess.run([sys.executable, "-m", "multipolar", "export", "--db", str(db), "-f", "causal", "-o", str(out)],
                   capture_output=True, text=True, cwd=ROOT, timeout=120, check=True)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.parse(out).getroot()
    assert root.find("g:graph", ns).get("edgedefault") == "directed"  # type: ignore[union-attr]
    assert len(root.findall(".//g:node", ns)) == len(graph.nodes)
    assert len(root.findall(".//g:edge", ns)) == len(graph.edges)


def test_reports_draw_the_causal_graph(seed_analysis: Analysis) -> None:
    from multipolar.present.report import document_report

    page = document_report(seed_analysis)
    assert 'class="causal-graph"' in page and "Causal claims" in page
    assert "Western sanctions have further deepened the alliance." in page


@pytest.mark.parametrize("text", [
    "We will reinforce mutually beneficial cooperation with Kenya and Ghana.",
    "The United States and Japan will strengthen their people-to-people ties.",
    "Both sides plan to work together to deepen cooperation between Indonesia and Brazil.",
    "France and Germany strengthened their partnership last year.",
    "We call on the international community to enhance cooperation with Yemen.",
    "We need to strengthen international and regional water cooperation with Tajikistan and Uzbekistan.",
])
def test_plans_and_the_parties_own_acts_are_not_causal_claims(text: str) -> None:
    import multipolar

    claims = multipolar.analyze(text, date="2024-05-01").claims
    assert not [c for c in claims if c.cause is not None], claims


def test_generic_cooperation_is_no_pair_of_the_document() -> None:
    """"the alliance" may mean the pair a text is about; "international cooperation" never does."""
    import multipolar

    text = ("Russia and China held talks in Moscow. China and Russia signed an energy deal. "
            "The war in Ukraine is seriously undermining international cooperation. "
            "Western sanctions have deepened the alliance.")
    effects = {c.effect.actors for c in multipolar.analyze(text, date="2024-05-01").claims}
    assert effects == {("CHN", "RUS")}
