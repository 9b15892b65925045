"""The model's causal graph: stated claims merged into nodes and edges, for one document or a corpus.

Nodes are actors, event classes with their dyad ("SANCTION WST->RUS"), relations ("RELATION CHN<->RUS"),
dependences ("DEPENDENCE RUS->CHN") and states of affairs ("STATE opposition to the us-led order").
A `states` edge runs from a claim's cause to its effect, with its polarity and how many sentences say so;
an `involves` edge ties an actor to each node that names it. Claims of the same cause, effect and polarity
from any number of documents fold into one edge that keeps every source sentence.
"""

from __future__ import annotations

import dataclasses
import html
import xml.sax.saxutils as xml
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
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


def write_graphml(graph: CausalGraph, target: Path) -> int:
    """GraphML of the whole graph (both edge kinds); returns the number of `states` edges."""
    keys = [("kind", "node", "string"), ("label", "node", "string"), ("claims", "node", "int"),
            ("series", "node", "string"), ("ekind", "edge", "string"), ("polarity", "edge", "int"),
            ("count", "edge", "int"), ("evidence", "edge", "string")]
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">']
    lines += [f'<key id="{k}" for="{f}" attr.name="{"kind" if k == "ekind" else k}" attr.type="{t}"/>'
              for k, f, t in keys]
    lines.append('<graph id="causal" edgedefault="directed">')
    for node in graph.nodes:
        lines.append(f'<node id={xml.quoteattr(node.id)}><data key="kind">{node.kind}</data>'
                     f'<data key="label">{xml.escape(node.label)}</data><data key="claims">{node.claims}</data>'
                     f'<data key="series">{xml.escape(node.series or "")}</data></node>')
    for edge in graph.edges:
        evidence = " | ".join(s.text for s in edge.sources[:5])
        lines.append(f'<edge source={xml.quoteattr(edge.cause)} target={xml.quoteattr(edge.effect)}>'
                     f'<data key="ekind">{edge.kind}</data><data key="polarity">{edge.polarity}</data>'
                     f'<data key="count">{edge.count}</data><data key="evidence">{xml.escape(evidence)}</data></edge>')
    lines += ["</graph>", "</graphml>"]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(graph.stated())


def svg(graph: CausalGraph, *, width: int = 720, limit: int = 14) -> str:
    """Causes on the left, effects on the right, one arrow per stated edge: green strengthens, red weakens,
    thicker when more sentences say so. Plain SVG, so it prints and needs no script."""
    edges = graph.stated()[:limit]
    if not edges:
        return ""
    labels = graph.labels()
    causes = list(dict.fromkeys(e.cause for e in edges))
    effects = list(dict.fromkeys(e.effect for e in edges))
    row, top = 34, 24
    height = top + row * max(len(causes), len(effects)) + 10
    left_x, right_x = 200, width - 200

    def y(k: int) -> float:
        return top + row * k + row / 2

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
             f'class="causal-graph" font-family="sans-serif" font-size="11">',
             '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" '
             'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>',
             f'<text x="{left_x}" y="14" text-anchor="end" font-weight="bold">cause</text>',
             f'<text x="{right_x}" y="14" font-weight="bold">effect</text>']
    for edge in edges:
        y0, y1 = y(causes.index(edge.cause)), y(effects.index(edge.effect))
        colour = "#2e7d32" if edge.polarity > 0 else "#c62828"
        stroke = 1 + min(edge.count, 8) * 0.6
        sign = "+" if edge.polarity > 0 else "−"
        parts.append(f'<line x1="{left_x + 6}" y1="{y0:.0f}" x2="{right_x - 8}" y2="{y1:.0f}" stroke="{colour}" '
                     f'stroke-width="{stroke:.1f}" marker-end="url(#arrow)"><title>{html.escape(sign)} '
                     f'stated {edge.count}×</title></line>')
        mid_x, mid_y = (left_x + right_x) / 2, (y0 + y1) / 2 - 3
        parts.append(f'<text x="{mid_x:.0f}" y="{mid_y:.0f}" text-anchor="middle" fill="{colour}">{sign}'
                     f'{edge.count if edge.count > 1 else ""}</text>')
    for k, node in enumerate(causes):
        parts.append(f'<text x="{left_x}" y="{y(k) + 4:.0f}" text-anchor="end">'
                     f'{html.escape(_short(labels[node]))}</text>')
    for k, node in enumerate(effects):
        parts.append(f'<text x="{right_x}" y="{y(k) + 4:.0f}">{html.escape(_short(labels[node]))}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _short(label: str, limit: int = 32) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"

