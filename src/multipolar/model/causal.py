"""The model's causal graph: stated claims merged into nodes and edges, for one document or a corpus.

Nodes are actors, event classes with their dyad ("SANCTION WST->RUS"), relations ("RELATION CHN<->RUS"),
dependences ("DEPENDENCE RUS->CHN") and states of affairs ("STATE opposition to the us-led order").
A `states` edge runs from a claim's cause to its effect, with its polarity and how many sentences say so;
an `involves` edge ties an actor to each node that names it. Claims of the same cause, effect and polarity
from any number of documents fold into one edge that keeps every source sentence.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from multipolar.records import Claim, ClaimSide, Record

NodeKind = Literal["actor", "event", "relation", "dependence", "state"]


@dataclass(frozen=True)
class ClaimSource(Record):
    """One sentence that states an edge."""

    doc_id: str
    sentence: int
    text: str
    claimant: str | None
    hedged: bool
    polarity: int


@dataclass(frozen=True)
class CausalNode(Record):
    id: str
    kind: NodeKind
    label: str
    actors: tuple[str, ...] = ()
    claims: int = 0
    """How many claims name this node as a cause or an effect."""
    series: str | None = None
    """The event series `multipolar test-claim` can build for this node, if any."""
    trend: tuple[ClaimSource, ...] = ()
    """Claims that state a change of this node with no cause ("Moscow has become more dependent on Beijing")."""


@dataclass(frozen=True)
class CausalEdge(Record):
    cause: str
    effect: str
    kind: Literal["states", "involves"]
    polarity: int
    """+1 strengthens, -1 weakens; 0 for `involves` edges."""
    count: int
    sources: tuple[ClaimSource, ...] = ()


@dataclass(frozen=True)
class CausalGraph(Record):
    nodes: tuple[CausalNode, ...]
    edges: tuple[CausalEdge, ...]

    def stated(self) -> list[CausalEdge]:
        return [e for e in self.edges if e.kind == "states"]

    def labels(self) -> dict[str, str]:
        """Node id -> the label to show."""
        return {n.id: n.label for n in self.nodes}


def claim_actors(claim: Claim) -> set[str]:
    """Every actor code a claim's cause or effect names."""
    return {a for side in (claim.cause, claim.effect) if side
            for a in (*side.actors, side.source, side.target) if a}


def side_node(side: ClaimSide) -> CausalNode:
    """The node a cause or an effect stands for; its id is also how users name it."""
    actors = tuple(side.actors) or tuple(a for a in (side.source, side.target) if a)
    if side.kind == "event" and side.plover:
        source, target = side.source or "*", side.target or "*"
        node_id = f"{side.plover} {source}->{target}"
        return CausalNode(node_id, "event", f"{side.plover} {source}→{target}", actors,
                          series=node_id if side.source else None)
    if side.kind == "relation" and len(actors) >= 2:
        a, b = sorted(actors[:2])
        return CausalNode(f"RELATION {a}<->{b}", "relation", f"{a}–{b} relation", (a, b),
                          series=f"GOLDSTEIN {a}<->{b}")
    if side.kind == "dependence" and len(actors) >= 2:
        a, b = actors[:2]
        return CausalNode(f"DEPENDENCE {a}->{b}", "dependence", f"{a} depends on {b}", (a, b),
                          series=f"GOLDSTEIN {a}<->{b}")
    words = " ".join(side.text.lower().split())
    return CausalNode(f"STATE {words}", "state", side.text.strip(), actors)


def causal_graph(claims: Iterable[tuple[str, Claim]]) -> CausalGraph:
    """Merge (document id, claim) pairs into one graph."""
    nodes: dict[str, CausalNode] = {}
    named: dict[str, int] = {}
    stated: dict[tuple[str, str, int], list[ClaimSource]] = {}
    trends: dict[str, list[ClaimSource]] = {}
    involves: dict[tuple[str, str], int] = {}
    for doc_id, claim in claims:
        source = ClaimSource(doc_id, claim.sentence, claim.evidence.text.strip(), claim.claimant, claim.hedged,
                             claim.polarity)
        sides = [side_node(claim.effect)] + ([side_node(claim.cause)] if claim.cause else [])
        for node in sides:
            nodes.setdefault(node.id, node)
            named[node.id] = named.get(node.id, 0) + 1
            for actor in node.actors:
                nodes.setdefault(actor, CausalNode(actor, "actor", actor, (actor,)))
                involves[(actor, node.id)] = involves.get((actor, node.id), 0) + 1
        if claim.cause is not None:
            stated.setdefault((sides[1].id, sides[0].id, claim.polarity), []).append(source)
        else:
            trends.setdefault(sides[0].id, []).append(source)
    edges = [CausalEdge(c, e, "states", p, len(found), tuple(found)) for (c, e, p), found in stated.items()]
    edges += [CausalEdge(a, n, "involves", 0, k) for (a, n), k in involves.items()]
    edges.sort(key=lambda e: (e.kind != "states", -e.count, e.cause, e.effect))
    ordered = sorted(nodes.values(), key=lambda n: (n.kind == "actor", -named.get(n.id, 0), n.id))
    return CausalGraph(tuple(dataclasses.replace(n, claims=named.get(n.id, 0), trend=tuple(trends.get(n.id, ())))
                             for n in ordered), tuple(edges))
