"""Appeals named by a noun: a REQUEST by whoever made it, of whoever must do what it asks or answers it."""

from __future__ import annotations

import pytest

import multipolar

pytestmark = pytest.mark.model


def _triples(text: str) -> set[tuple[str, str, str]]:
    return {(e.source, e.target, e.plover) for e in multipolar.analyze(text, date="2024-03-01").events}


@pytest.mark.parametrize(("text", "triple"), [
    ("Serbia defied demands from Germany and France to recognise the vote.", ("DEU", "SRB", "REQUEST")),
    ("Ghana rebuffed a request from Togo to extradite the former minister.", ("TGO", "GHA", "REQUEST")),
    ("Ankara's insistence that Stockholm extradite the activists delayed the vote.", ("TUR", "SWE", "REQUEST")),
    ("The European Commission repeated its demand on Friday that Hungary restore the independence of its courts.",
     ("EU", "HUN", "REQUEST")),
])
def test_an_appeal_noun_is_a_request_of_whoever_must_answer_it(text: str, triple: tuple[str, str, str]) -> None:
    assert triple in _triples(text)


def test_demand_for_goods_is_no_request() -> None:
    found = _triples("Japan saw strong demand from China for its scallops last year.")
    assert not any(plover == "REQUEST" for _, _, plover in found), found


def test_a_call_from_a_leader_with_nothing_asked_is_no_request() -> None:
    found = _triples("Kenya ignored a call from Uganda on Tuesday.")
    assert ("UGA", "KEN", "REQUEST") not in found
