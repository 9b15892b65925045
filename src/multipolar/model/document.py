"""The system model of one document: relations between actors, blocs, the timeline (figure checks are in
`model.checks`)."""

from __future__ import annotations

from collections import defaultdict

from multipolar.records import Event, Quantity, Quote, Relation, TimelineEntry

COUNTED_MODALITIES = frozenset({"asserted", "reported", "intended"})


def counts(event: Event) -> bool:
    """Whether an event weighs on a relation: not denied, not merely imagined."""
    return not event.negated and event.modality in COUNTED_MODALITIES


def one_row_per_pair(events: tuple[Event, ...]) -> list[tuple[int, Event, bool]]:
    """Events for a table: (index, event, both), where a symmetric pair (one sentence coding A->B and B->A
    alike: "China and Russia signed ...") is its first event with `both` set, the second left out."""
    first: dict[tuple[object, ...], int] = {}
    both: dict[int, bool] = {}
    for index, event in enumerate(events):
        key = (event.sentence, event.plover, event.cameo, event.negated, event.modality,
               frozenset((event.source, event.target)))
        if key in first:
            kept = first[key]
            both[kept] = both[kept] or events[kept].source != event.source
            continue
        first[key], both[index] = index, False
    return [(index, events[index], both[index]) for index in first.values()]


def relations(events: tuple[Event, ...]) -> tuple[Relation, ...]:
    """Each unordered dyad's events, summed: cooperation and conflict as Goldstein mass, and the total."""
    totals: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0, 0.0, 0.0, 0.0])
    for event in events:
        if not counts(event) or event.source == event.target:
            continue
        a, b = sorted((event.source, event.target))
        row = totals[(a, b)]
        row[0] += 1
        if event.quad_class in (1, 2):
            row[1] += abs(event.goldstein)
        else:
            row[2] += abs(event.goldstein)
        row[3] += event.goldstein
    ranked = sorted(totals.items(), key=lambda item: (-item[1][0], -abs(item[1][3]), item[0]))
    return tuple(
        Relation(a, b, int(n), round(coop, 2), round(conflict, 2), round(total, 2))
        for (a, b), (n, coop, conflict, total) in ranked
    )


def blocs(found: tuple[Relation, ...]) -> tuple[tuple[str, ...], ...]:
    """Groups that side together: actors joined by net-cooperative ties, with no net-conflictual tie inside.

    A connected component of the graph of dyads with a positive Goldstein total; where a component holds
    a dyad with a negative total, the member of that dyad with fewer cooperative ties leaves it.
    """
    positive = {(r.a, r.b) for r in found if r.goldstein_total > 0}
    negative = {(r.a, r.b) for r in found if r.goldstein_total < 0}
    neighbours: dict[str, set[str]] = defaultdict(set)
    for a, b in positive:
        neighbours[a].add(b)
        neighbours[b].add(a)
    groups: list[set[str]] = []
    seen: set[str] = set()
    for start in sorted(neighbours):
        if start in seen:
            continue
        group, stack = set(), [start]
        while stack:
            node = stack.pop()
            if node in group:
                continue
            group.add(node)
            stack.extend(neighbours[node] - group)
        seen |= group
        for a, b in sorted(negative):
            if a in group and b in group:
                group.discard(min((a, b), key=lambda n: (len(neighbours[n] & group), n)))
        if len(group) >= 2:
            groups.append(group)
    return tuple(tuple(sorted(g)) for g in sorted(groups, key=lambda g: (-len(g), sorted(g))))


def timeline(events: tuple[Event, ...], quantities: tuple[Quantity, ...],
             quotes: tuple[Quote, ...] = ()) -> tuple[TimelineEntry, ...]:
    """Dated entries in order, each holding the events, figures and quotations of that date."""
    by_date: dict[str, tuple[list[int], list[int], list[int]]] = defaultdict(lambda: ([], [], []))
    for index, event in enumerate(events):
        if event.date:
            by_date[event.date][0].append(index)
    for index, quantity in enumerate(quantities):
        if quantity.period and quantity.period.start and quantity.kind in ("money", "percent"):
            by_date[quantity.period.start[: _precision(quantity.period.start, quantity.period.end)]][1].append(index)
    for index, quote in enumerate(quotes):
        if quote.date:
            by_date[quote.date][2].append(index)
    entries = []
    for date in sorted(by_date):
        event_ids, quantity_ids, quote_ids = by_date[date]
        label = _label(events, quantities, event_ids, quantity_ids)
        said = [f"{quotes[i].speaker or 'someone'} said “{quotes[i].text[:40]}…”" for i in quote_ids[:1]]
        entries.append(TimelineEntry(date, "; ".join(p for p in (label, *said) if p),
                                     tuple(event_ids), tuple(quantity_ids), tuple(quote_ids)))
    return tuple(entries)


def _precision(start: str, end: str) -> int:
    """How much of a period's start to keep: a whole year reads "2022", a single day "2022-06-05", any other
    span its first month ("2022-06")."""
    if start.endswith("-01-01") and end.endswith("-12-31") and start[:4] == end[:4]:
        return 4
    return 10 if start == end else 7


def _label(events: tuple[Event, ...], quantities: tuple[Quantity, ...], event_ids: list[int],
           quantity_ids: list[int]) -> str:
    parts = []
    for index in event_ids[:3]:
        e = events[index]
        parts.append(f"{e.source} {e.plover}{' (not)' if e.negated else ''} {e.target}")
    for index in quantity_ids[:2]:
        q = quantities[index]
        parts.append(f"{q.measure or q.kind}: {q.text}")
    more = len(event_ids) + len(quantity_ids) - len(parts)
    return "; ".join(parts) + (f"; +{more} more" if more > 0 else "")
