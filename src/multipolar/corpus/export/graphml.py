"""Every GraphML file multipolar writes, through one writer: the relation graph of a store (actors and the
dyads between them) and the causal graph (claims' causes, effects and actors)."""

from __future__ import annotations

import xml.sax.saxutils as xml
from collections.abc import Iterable, Mapping
from pathlib import Path

from multipolar.corpus.export import ExportOptions
from multipolar.corpus.queries import causal, relations_in
from multipolar.model.causal import CausalGraph

Key = tuple[str, str, str, str]
"""A GraphML attribute: its id, what it is for (node or edge), its name and its type."""
Data = Mapping[str, object]


def document(graph_id: str, directed: bool, keys: Iterable[Key], nodes: Iterable[tuple[str, Data]],
             edges: Iterable[tuple[str, str, Data]]) -> str:
    """A GraphML document; every id and value is escaped."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">']
    lines += [f'<key id="{key}" for="{kind}" attr.name="{name}" attr.type="{type_}"/>'
              for key, kind, name, type_ in keys]
    lines.append(f'<graph id="{graph_id}" edgedefault="{"directed" if directed else "undirected"}">')
    for node, data in nodes:
        lines.append(f"<node id={xml.quoteattr(node)}{_data(data, 'node')}")
    for source, target, data in edges:
        lines.append(f"<edge source={xml.quoteattr(source)} target={xml.quoteattr(target)}{_data(data, 'edge')}")
    lines += ["</graph>", "</graphml>"]
    return "\n".join(lines) + "\n"


def _data(data: Data, element: str) -> str:
    if not data:
        return "/>"
    return ">" + "".join(f'<data key="{key}">{xml.escape(str(value))}</data>' for key, value in data.items()) + \
        f"</{element}>"


RELATION_KEYS: tuple[Key, ...] = (
    ("events", "edge", "events", "int"), ("cooperation", "edge", "cooperation", "double"),
    ("conflict", "edge", "conflict", "double"), ("goldstein", "edge", "goldstein_total", "double"))


def write_relations(db: Path, target: Path, options: ExportOptions) -> int:
    """The relation graph: actors as nodes, dyads as edges with event count and Goldstein sums; the number
    of edges."""
    relations = relations_in(db, options.year)
    nodes = sorted({r.a for r in relations} | {r.b for r in relations})
    edges = [(r.a, r.b, {"events": r.events, "cooperation": r.cooperation, "conflict": r.conflict,
                         "goldstein": r.goldstein_total}) for r in relations]
    target.write_text(document("relations", False, RELATION_KEYS, [(n, {}) for n in nodes], edges),
                      encoding="utf-8")
    return len(relations)


CAUSAL_KEYS: tuple[Key, ...] = (
    ("kind", "node", "kind", "string"), ("label", "node", "label", "string"), ("claims", "node", "claims", "int"),
    ("series", "node", "series", "string"), ("ekind", "edge", "kind", "string"),
    ("polarity", "edge", "polarity", "int"), ("count", "edge", "count", "int"),
    ("evidence", "edge", "evidence", "string"))


def write_causal(db: Path, target: Path, options: ExportOptions) -> int:
    """The causal graph of every stored claim; the number of `states` edges."""
    return write_causal_graph(causal(db), target)


def write_causal_graph(graph: CausalGraph, target: Path) -> int:
    """The whole graph (both edge kinds); the number of `states` edges."""
    nodes = [(n.id, {"kind": n.kind, "label": n.label, "claims": n.claims, "series": n.series or ""})
             for n in graph.nodes]
    edges = [(e.cause, e.effect, {"ekind": e.kind, "polarity": e.polarity, "count": e.count,
                                  "evidence": " | ".join(s.text for s in e.sources[:5])}) for e in graph.edges]
    target.write_text(document("causal", True, CAUSAL_KEYS, nodes, edges), encoding="utf-8")
    return len(graph.stated())
