"""Blocs at corpus scale: a signed community detection over the relation graph.

Grouping actors by net-cooperative ties alone makes one giant bloc around whoever the corpus is about (a
White House store ties 40 actors to the United States). Here a dyad's net Goldstein total is a signed tie
(net cooperation positive, net conflict negative) and a partition is scored by signed modularity (Gómez,
Jensen and Arenas, "Analysis of community structure in networks of correlated data", Phys. Rev. E 80,
016114, 2009): cooperation inside groups beyond what the actors' overall cooperation would put there by
chance, minus conflict inside groups beyond chance. Comparing with chance is what keeps a hub from
swallowing everyone: an actor that cooperates with everybody is expected to cooperate with each of them.

The score is maximised greedily, Louvain-style (local moves, then groups merged into single nodes, again
until nothing improves), visiting actors in code order; a tie keeps an actor where it is, else sends it to
the lower-numbered group, so the same relations always give the same blocs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from multipolar.records import Record, Relation

METHOD = ("signed modularity (Gómez, Jensen & Arenas 2009) over net Goldstein ties: net cooperation "
          "positive, net conflict negative; maximised by Louvain-style local moves, deterministic")
MIN_EVENTS = 2
"""Counted events a dyad needs to be a tie: one report is too little to place an actor in a bloc."""
_EPSILON = 1e-9
_MAX_SWEEPS = 100


@dataclass(frozen=True)
class Bloc(Record):
    """Actors that side together: their cooperation inside the group and any conflict that remains."""

    members: tuple[str, ...]
    cooperation: float
    conflict: float


@dataclass(frozen=True)
class BlocPartition(Record):
    """The blocs of one period (None: the whole corpus), with the method and how well it fits."""

    period: str | None
    method: str
    blocs: tuple[Bloc, ...]
    modularity: float
    actors: int
    min_events: int = MIN_EVENTS

    def groups(self) -> tuple[tuple[str, ...], ...]:
        return tuple(bloc.members for bloc in self.blocs)


class _SignedGraph:
    """A symmetric weighted graph split into positive and negative parts; self-loops hold merged groups."""

    def __init__(self, nodes: list[str], positive: dict[tuple[str, str], float],
                 negative: dict[tuple[str, str], float]) -> None:
        self.nodes = nodes
        self.links: dict[str, dict[str, tuple[float, float]]] = {n: {} for n in nodes}
        for (a, b), weight in positive.items():
            self._add(a, b, weight, 0.0)
        for (a, b), weight in negative.items():
            self._add(a, b, 0.0, weight)
        self.strength = {n: (sum(p for p, _ in self.links[n].values()) + self.links[n].get(n, (0.0, 0.0))[0],
                             sum(q for _, q in self.links[n].values()) + self.links[n].get(n, (0.0, 0.0))[1])
                         for n in nodes}
        self.total_positive = sum(p for p, _ in self.strength.values())
        self.total_negative = sum(q for _, q in self.strength.values())

    def _add(self, a: str, b: str, positive: float, negative: float) -> None:
        old_ab = self.links[a].get(b, (0.0, 0.0))
        self.links[a][b] = (old_ab[0] + positive, old_ab[1] + negative)
        if a != b:
            old_ba = self.links[b].get(a, (0.0, 0.0))
            self.links[b][a] = (old_ba[0] + positive, old_ba[1] + negative)

    def gain(self, node: str, to_group: tuple[float, float], group_strength: tuple[float, float]) -> float:
        """How much signed modularity `node` adds by joining a group (up to a constant factor): its ties into
        the group less what chance would give, for cooperation, minus the same for conflict."""
        into_positive, into_negative = to_group
        own_positive, own_negative = self.strength[node]
        score = into_positive - into_negative
        if self.total_positive:
            score -= own_positive * group_strength[0] / self.total_positive
        if self.total_negative:
            score += own_negative * group_strength[1] / self.total_negative
        return score


def _local_moves(graph: _SignedGraph, order: list[str]) -> dict[str, int]:
    """Each node to the group that gains most, visited in `order`, until a full sweep moves nobody."""
    group = {node: k for k, node in enumerate(graph.nodes)}
    strength = {k: graph.strength[n] for n, k in group.items()}
    size = dict.fromkeys(strength, 1)
    for _ in range(_MAX_SWEEPS):
        moved = False
        for node in order:
            current, own = group[node], graph.strength[node]
            strength[current] = (strength[current][0] - own[0], strength[current][1] - own[1])
            size[current] -= 1
            ties: dict[int, tuple[float, float]] = defaultdict(lambda: (0.0, 0.0))
            for other, (positive, negative) in graph.links[node].items():
                if other != node:
                    found = ties[group[other]]
                    ties[group[other]] = (found[0] + positive, found[1] + negative)
            # a shared opponent draws actors together even without a tie between them
            rivals = {k for k, n in size.items() if n and strength[k][1] > 0} if own[1] > 0 else set()
            best, best_gain = current, graph.gain(node, ties[current], strength[current])
            for candidate in sorted({*ties, *rivals} - {current}):
                score = graph.gain(node, ties[candidate], strength[candidate])
                if score > best_gain + _EPSILON:
                    best, best_gain = candidate, score
            if best_gain < -_EPSILON:  # better alone than anywhere: an empty group of its own
                best = min(k for k, n in size.items() if n == 0)
            group[node] = best
            strength[best] = (strength[best][0] + own[0], strength[best][1] + own[1])
            size[best] += 1
            moved = moved or best != current
        if not moved:
            break
    return _renumbered(group, graph.nodes)


def _renumbered(group: dict[str, int], order: list[str]) -> dict[str, int]:
    """Groups numbered by their first member in node order, so the result never depends on labels used."""
    labels: dict[int, int] = {}
    for node in order:
        labels.setdefault(group[node], len(labels))
    return {node: labels[group[node]] for node in order}


def _merged(graph: _SignedGraph, group: dict[str, int]) -> _SignedGraph:
    """One node per group, its inner ties kept as a self-loop, so the next level moves whole groups."""
    name = {k: min(n for n in graph.nodes if group[n] == k) for k in set(group.values())}
    positive: dict[tuple[str, str], float] = defaultdict(float)
    negative: dict[tuple[str, str], float] = defaultdict(float)
    for a in graph.nodes:
        for b, (p, q) in graph.links[a].items():
            if a > b:
                continue
            pair = tuple(sorted((name[group[a]], name[group[b]])))
            positive[pair] += p  # type: ignore[index]
            negative[pair] += q  # type: ignore[index]
    return _SignedGraph(sorted(name.values()), {k: v for k, v in positive.items() if v},
                        {k: v for k, v in negative.items() if v})


def _heaviest_first(graph: _SignedGraph) -> list[str]:
    return sorted(graph.nodes, key=lambda n: (-sum(graph.strength[n]), n))


def _by_code(graph: _SignedGraph) -> list[str]:
    return list(graph.nodes)


def _louvain(positive: dict[tuple[str, str], float], negative: dict[tuple[str, str], float],
             order: Callable[[_SignedGraph], list[str]]) -> list[set[str]]:
    nodes = sorted({n for pair in (*positive, *negative) for n in pair})
    graph = _SignedGraph(nodes, positive, negative)
    members: dict[str, set[str]] = {n: {n} for n in nodes}
    while graph.nodes:
        group = _local_moves(graph, order(graph))
        if len(set(group.values())) == len(graph.nodes):
            break
        merged = _merged(graph, group)
        grouped: dict[int, set[str]] = defaultdict(set)
        for node, k in group.items():
            grouped[k] |= members[node]
        members = {min(found): found for found in grouped.values()}
        graph = merged
    return sorted(members.values(), key=lambda g: (-len(g), sorted(g)))


def communities(ties: dict[tuple[str, str], float]) -> list[set[str]]:
    """Groups of a signed graph given as {(a, b): weight} (positive: cooperation, negative: conflict).

    Greedy moves find a local optimum that depends on the order actors are visited in, so two fixed orders
    are tried (heaviest ties first, then code order) and the partition with the higher modularity kept."""
    positive = {_pair(k): w for k, w in ties.items() if w > 0 and k[0] != k[1]}
    negative = {_pair(k): -w for k, w in ties.items() if w < 0 and k[0] != k[1]}
    found = [_louvain(positive, negative, order) for order in (_heaviest_first, _by_code)]
    return max(found, key=lambda groups: modularity(ties, groups))


def _pair(key: tuple[str, str]) -> tuple[str, str]:
    a, b = sorted(key)
    return a, b


def modularity(ties: dict[tuple[str, str], float], groups: Iterable[Iterable[str]]) -> float:
    """Signed modularity of a partition, in [-1, 1]: 0 for one group holding everyone."""
    positive = {tuple(sorted(k)): w for k, w in ties.items() if w > 0 and k[0] != k[1]}
    negative = {tuple(sorted(k)): -w for k, w in ties.items() if w < 0 and k[0] != k[1]}
    nodes = sorted({n for pair in (*positive, *negative) for n in pair})
    graph = _SignedGraph(nodes, positive, negative)  # type: ignore[arg-type]
    label = {n: k for k, g in enumerate(groups) for n in g}
    if not graph.total_positive + graph.total_negative:
        return 0.0
    score = 0.0
    for a in nodes:
        for b in nodes:
            if label.get(a, ("alone", a)) != label.get(b, ("alone", b)):
                continue
            p, q = graph.links[a].get(b, (0.0, 0.0))
            if graph.total_positive:
                score += p - graph.strength[a][0] * graph.strength[b][0] / graph.total_positive
            if graph.total_negative:
                score -= q - graph.strength[a][1] * graph.strength[b][1] / graph.total_negative
    return round(score / (graph.total_positive + graph.total_negative), 4)


def signed_blocs(relations: Iterable[Relation], period: str | None = None, *,
                 min_events: int = MIN_EVENTS) -> BlocPartition:
    """The blocs of a set of relations (dyads with at least `min_events` events): groups of two or more
    actors, largest first."""
    ties = {(r.a, r.b): r.goldstein_total for r in relations
            if r.goldstein_total and r.a != r.b and r.events >= min_events}
    groups = communities(ties)
    blocs = []
    for group in groups:
        if len(group) < 2:
            continue
        inside = [w for (a, b), w in ties.items() if a in group and b in group]
        blocs.append(Bloc(tuple(sorted(group)), round(sum(w for w in inside if w > 0), 2),
                          round(-sum(w for w in inside if w < 0), 2)))
    actors = len({n for pair in ties for n in pair})
    method = f"{METHOD}; a tie needs {min_events} or more counted events" if min_events > 1 else METHOD
    return BlocPartition(period, method, tuple(blocs), modularity(ties, groups), actors, min_events)
