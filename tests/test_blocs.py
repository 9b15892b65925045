"""Signed blocs on small hand-made graphs: no model, no store."""

from __future__ import annotations

import itertools

import pytest

from multipolar.model.blocs import METHOD, communities, modularity, signed_blocs
from multipolar.records import Relation


def ties_of(*edges: tuple[str, str, float]) -> dict[tuple[str, str], float]:
    return {(a, b): w for a, b, w in edges}


def relations(ties: dict[tuple[str, str], float], events: int = 2) -> list[Relation]:
    return [Relation(a, b, events, max(w, 0), max(-w, 0), w) for (a, b), w in ties.items()]


def clique(members: str, weight: float) -> list[tuple[str, str, float]]:
    return [(a, b, weight) for a, b in itertools.combinations(members, 2)]


TWO_CAMPS = ties_of(*clique("ABC", 5.0), *clique("XYZ", 5.0), ("A", "X", -6.0), ("B", "Y", -4.0), ("C", "Z", -3.0))


def test_two_camps_at_odds_are_two_blocs() -> None:
    assert communities(TWO_CAMPS) == [{"A", "B", "C"}, {"X", "Y", "Z"}]
    partition = signed_blocs(relations(TWO_CAMPS))
    assert partition.groups() == (("A", "B", "C"), ("X", "Y", "Z"))
    assert partition.blocs[0].cooperation == 15.0 and partition.blocs[0].conflict == 0.0
    assert partition.method.startswith(METHOD) and partition.actors == 6
    assert partition.modularity > modularity(TWO_CAMPS, [set("ABCXYZ")]) == 0.0


def test_a_hub_that_cooperates_with_everyone_does_not_make_one_bloc() -> None:
    """The giant-bloc failure: one actor tied to two groups that fight each other."""
    ties = ties_of(*clique("ABC", 4.0), *clique("XYZ", 4.0), *[("H", n, 2.0) for n in "ABCXYZ"],
                   ("A", "X", -5.0), ("B", "Z", -5.0))
    groups = communities(ties)
    assert {"A", "B", "C"} <= next(g for g in groups if "A" in g)
    assert not {"A", "X"} <= next(g for g in groups if "A" in g)
    assert len(groups) == 2


def test_a_rival_with_a_little_cooperation_stays_out_of_the_bloc() -> None:
    """Talks with the hub (net positive) do not put an adversary of the hub's partners in its bloc."""
    ties = ties_of(*clique("UFGJ", 6.0), ("U", "I", 1.5), ("F", "I", -4.0), ("G", "I", -3.0), ("J", "I", -2.0),
                   ("I", "R", 3.0))
    groups = communities(ties)
    us = next(g for g in groups if "U" in g)
    assert us == {"U", "F", "G", "J"} and {"I", "R"} in groups


def test_a_single_report_is_no_tie() -> None:
    ties = ties_of(*clique("UFG", 6.0), ("U", "I", 6.0))
    found = [r if r.b != "I" else Relation("I", "U", 1, 6.0, 0.0, 6.0) for r in relations(ties)]
    assert signed_blocs(found).groups() == (("F", "G", "U"),)
    assert "2 or more counted events" in signed_blocs(found).method
    assert "I" in {code for group in signed_blocs(found, min_events=1).groups() for code in group}


def test_conflict_alone_splits_and_disconnected_groups_stay_apart() -> None:
    assert communities(ties_of(("A", "B", -3.0))) == [{"A"}, {"B"}]
    apart = ties_of(("A", "B", 2.0), ("C", "D", 2.0))
    assert communities(apart) == [{"A", "B"}, {"C", "D"}]
    assert signed_blocs(relations(ties_of(("A", "B", -3.0)))).blocs == ()
    assert signed_blocs([]).blocs == () and signed_blocs([]).modularity == 0.0


@pytest.mark.parametrize("seed", range(5))
def test_the_same_ties_in_any_order_give_the_same_blocs(seed: int) -> None:
    import random

    edges = [*TWO_CAMPS.items(), (("C", "Q"), 1.0), (("Q", "Z"), 1.0)]
    shuffler = random.Random(seed)
    shuffler.shuffle(edges)
    flipped = {((b, a) if shuffler.random() < 0.5 else (a, b)): w for (a, b), w in edges}
    assert communities(flipped) == communities(dict(sorted(edges)))


def test_modularity_is_the_signed_score_of_gomez_jensen_arenas() -> None:
    """Two nodes, one positive tie: both together score 1/2, apart -1/2 (by hand from the formula)."""
    one = ties_of(("A", "B", 1.0))
    assert modularity(one, [{"A", "B"}]) == 0.0
    assert modularity(one, [{"A"}, {"B"}]) == -0.5
    enemies = ties_of(("A", "B", -1.0))
    assert modularity(enemies, [{"A"}, {"B"}]) == 0.5
