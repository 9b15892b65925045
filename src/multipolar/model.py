"""The system model of one document: relations between actors, blocs, the timeline, figure checks."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from itertools import combinations

from multipolar.records import Change, Check, Event, Quantity, Quote, Relation, TimelineEntry

COUNTED_MODALITIES = frozenset({"asserted", "reported", "intended"})


def counts(event: Event) -> bool:
    """Whether an event weighs on a relation: not denied, not merely imagined."""
    return not event.negated and event.modality in COUNTED_MODALITIES


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
        if quantity.period and quantity.kind in ("money", "percent"):
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
    """How much of a period's start to keep: a whole year reads "2022", a month "2022-06"."""
    if start.endswith("-01-01") and end.endswith("-12-31") and start[:4] == end[:4]:
        return 4
    if start[:7] == end[:7] and start.endswith("-01"):
        return 7
    return 7


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


def checks(quantities: tuple[Quantity, ...], today: dt.date | None = None) -> tuple[Check, ...]:
    """Implied changes between two values of one measure, compared with any rate the text states; parts
    larger than their whole; periods that had not happened by the document date; "gains" that may be totals."""
    found: list[Check] = []
    money = [(i, q) for i, q in enumerate(quantities) if q.kind == "money" and q.value > 0 and q.period]
    for (i, a), (j, b) in combinations(money, 2):
        if not _same_series(a, b) or _value_between(money, a, b):
            continue
        assert a.period is not None and b.period is not None
        earlier, later = ((i, a), (j, b)) if a.period.start < b.period.start else ((j, b), (i, a))
        (ei, e), (li, lq) = earlier, later
        implied = (lq.value / e.value - 1) * 100
        stated = _stated_rate(quantities, lq, li)
        ids = (ei, li)
        summary = (f"{lq.text} ({lq.period.start[:7] if lq.period else '?'}) vs {e.text} "
                   f"({e.period.start[:7] if e.period else '?'}) implies {implied:+.1f}%")
        if stated is None:
            found.append(Check("implied_change", "unverifiable",
                               f"{summary}; the text states no rate to compare it with", ids))
            continue
        rate, rate_index = stated
        close = abs(rate - implied) <= max(1.0, abs(implied) * 0.05)
        found.append(Check("implied_change", "consistent" if close else "inconsistent",
                           f"{summary}; the text states {rate:+.1f}%",
                           (*ids, *(() if rate_index is None else (rate_index,)))))
    found.extend(_part_of_whole(quantities))
    found.extend(_future_periods(quantities, today))
    found.extend(_gain_or_total(quantities))
    return tuple(found)


def _future_periods(quantities: tuple[Quantity, ...], today: dt.date | None) -> list[Check]:
    """A figure for a period that had not begun by the document date cannot be a measurement."""
    if today is None:
        return []
    return [
        Check("period_not_yet", "inconsistent",
              f"{q.text} is given for {q.period.start}…{q.period.end}, which begins after the document date "
              f"{today.isoformat()}", (i,))
        for i, q in enumerate(quantities)
        if q.period is not None and dt.date.fromisoformat(q.period.start) > today and q.kind in ("money", "percent")
    ]


def _gain_or_total(quantities: tuple[Quantity, ...]) -> list[Check]:
    """"a $93.8 billion gain ..., a growth of more than 40%": read as a gain, the rate implies a base and a
    total the reader can check against what is known; read as the total, it implies a much smaller gain."""
    found = []
    for i, q in enumerate(quantities):
        if q.kind != "money" or q.described_as not in ("gain", "increase", "rise", "growth", "jump") or not q.value:
            continue
        rate = next(((j, p) for j, p in enumerate(quantities) if p.kind == "percent" and p.sentence == q.sentence
                     and p.change is not None and p.change.direction == "up" and p.value > 0), None)
        if rate is None:
            continue
        j, percent = rate
        base_if_gain = q.value / (percent.value / 100)
        gain_if_total = q.value - q.value / (1 + percent.value / 100)
        found.append(Check(
            "gain_or_total", "unverifiable",
            f"{q.text} is called a {q.described_as}; with growth of {percent.text} that would put the earlier "
            f"period at {_money(base_if_gain)} and the total at {_money(base_if_gain + q.value)}. If {q.text} "
            f"is the total, the {q.described_as} is {_money(gain_if_total)}: check which the source meant",
            (i, j)))
    return found


def _money(value: float) -> str:
    return f"${value / 1e9:,.1f} billion" if value >= 1e9 else f"${value / 1e6:,.1f} million"


def _value_between(money: list[tuple[int, Quantity]], a: Quantity, b: Quantity) -> bool:
    """Only neighbouring periods are compared: a stated rate is a year-on-year or period-on-period change."""
    assert a.period is not None and b.period is not None
    low, high = sorted((a.period.start, b.period.start))
    return any(q.period is not None and low < q.period.start < high and _same_series(q, a) for _, q in money)


def _same_series(a: Quantity, b: Quantity) -> bool:
    if a.measure is None or a.measure != b.measure or a.unit != b.unit or a.period is None or b.period is None:
        return False
    if a.period.start == b.period.start:
        return False
    length_a = _days(a.period.start, a.period.end)
    length_b = _days(b.period.start, b.period.end)
    same_length = abs(length_a - length_b) <= 3
    same_flow = ((a.from_, a.to) == (b.from_, b.to) and set(a.items) == set(b.items)) or \
        abs(a.sentence - b.sentence) == 0
    return same_length and same_flow


def _days(start: str, end: str) -> int:
    return (dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days


def _stated_rate(
    quantities: tuple[Quantity, ...], later: Quantity, later_index: int
) -> tuple[float, int | None] | None:
    change: Change | None = later.change
    if change is not None and change.rate is not None:
        return change.rate, None
    for index, q in enumerate(quantities):
        if q.kind == "percent" and q.sentence == later.sentence and q.change and q.change.rate is not None:
            return q.change.rate, index
    return None


def _part_of_whole(quantities: tuple[Quantity, ...]) -> list[Check]:
    """Exports or imports of a pair larger than the pair's total trade over the same period."""
    found = []
    for i, part in enumerate(quantities):
        if part.kind != "money" or part.measure not in ("imports", "exports") or part.period is None:
            continue
        for j, whole in enumerate(quantities):
            if whole.kind != "money" or whole.measure != "bilateral_trade" or whole.period is None:
                continue
            if (whole.period.start, whole.period.end) != (part.period.start, part.period.end):
                continue
            if part.value > whole.value and whole.unit == part.unit:
                found.append(Check("part_exceeds_whole", "inconsistent",
                                   f"{part.measure} of {part.text} exceed bilateral trade of {whole.text} "
                                   f"over the same period", (i, j)))
    return found
