"""Checks that a document's figures add up: implied changes against stated rates, parts against wholes,
periods against the document date, "gains" that may be totals.

Why the qualifiers matter: "more than $50 billion" after "$30 billion" implies a rise of more than 66%, which
no stated "up 60%" contradicts; a check that ignored "more than" would call sound reporting inconsistent.
Every comparison states the tolerance it allowed.
"""

from __future__ import annotations

import datetime as dt
import math
from itertools import combinations

from multipolar.records import Change, Check, Quantity

EXACT_TOLERANCE = (1.0, 0.05)
"""Two exact figures agree when the rates differ by at most 1 point or 5% of the implied rate."""
ABOUT_SHARE = 0.10
""""About", "nearly", "some" figures are taken to be within 10% of the number written."""


def checks(quantities: tuple[Quantity, ...], today: dt.date | None = None) -> tuple[Check, ...]:
    found = _implied_changes(quantities)
    found.extend(_part_of_whole(quantities))
    found.extend(_future_periods(quantities, today))
    found.extend(_gain_or_total(quantities))
    return tuple(found)


def period_label(start: object, end: object) -> str:
    """A period at the precision it has: "2022", "2021…2022", "2022-Q1", "2022-H1", "2022-03",
    "2023-01…2023-05", "2022-03-05", "by 2020", else "start…end". Takes ISO strings or dates (a store row's
    missing date is None, NaN or NaT) and is the one label the checks, the terminal and reports print."""
    first, last = _iso(start), _iso(end)
    if not first:
        return f"by {_alone(last)}" if last else ""
    if not last or last == first:
        return first
    if first[5:] == "01-01" and last[5:] == "12-31":
        return first[:4] if first[:4] == last[:4] else f"{first[:4]}…{last[:4]}"
    day_one, day_last = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    following = day_last + dt.timedelta(days=1)
    if day_one.day == 1 and following.day == 1:
        months = (following.year - day_one.year) * 12 + following.month - day_one.month
        if months == 1:
            return first[:7]
        if months == 3 and day_one.month % 3 == 1:
            return f"{day_one.year}-Q{day_one.month // 3 + 1}"
        if months == 6 and day_one.month in (1, 7):
            return f"{day_one.year}-H{1 if day_one.month == 1 else 2}"
        return f"{first[:7]}…{last[:7]}"
    return f"{first}…{last}"


def _alone(day: str) -> str:
    """The end of an open period at its precision: "by 2020" for 2020-12-31."""
    if day[5:] == "12-31":
        return day[:4]
    following = dt.date.fromisoformat(day) + dt.timedelta(days=1)
    return day[:7] if following.day == 1 else day


def _iso(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    isoformat = getattr(value, "isoformat", None)
    text = isoformat() if callable(isoformat) else str(value)
    return "" if text in ("NaT", "nan", "None") else str(text)[:10]


def bounds(q: Quantity) -> tuple[float, float] | None:
    """The range a figure allows: "more than 50" is (50, inf), "about 50" is (45, 55), "50" is (50, 50)."""
    if q.value is None:
        return None
    if q.qualifier == "more_than":
        return q.value, float("inf")
    if q.qualifier == "less_than":
        return 0.0, q.value
    if q.qualifier == "about":
        return q.value * (1 - ABOUT_SHARE), q.value * (1 + ABOUT_SHARE)
    return q.value, q.value


def _implied_changes(quantities: tuple[Quantity, ...]) -> list[Check]:
    found: list[Check] = []
    money = [(i, q) for i, q in enumerate(quantities)
             if q.kind == "money" and q.value and q.value > 0 and q.period and q.period.start]
    for (i, a), (j, b) in combinations(money, 2):
        if not _same_series(a, b) or _value_between(money, a, b):
            continue
        (ei, e), (li, lq) = sorted(((i, a), (j, b)), key=lambda item: str(item[1].period.start if item[1].period
                                                                             else ""))
        found.append(_implied_change(quantities, e, ei, lq, li))
    return found


def _implied_change(quantities: tuple[Quantity, ...], e: Quantity, ei: int, lq: Quantity, li: int) -> Check:
    low, high = _change_range(e, lq)
    implied = (lq.value / e.value - 1) * 100 if lq.value and e.value else 0.0
    shown = f"{implied:+.1f}%" if low == high else f"{implied:+.1f}% ({_range_text(low, high)} with the qualifiers)"
    summary = f"{lq.text} ({_label(lq)}) vs {e.text} ({_label(e)}) implies {shown}"
    stated = _stated_rate(quantities, lq, li)
    ids = (ei, li)
    if stated is None:
        return Check("implied_change", "unverifiable", f"{summary}; the text states no rate to compare it with", ids)
    rate, rate_index, rate_qualifier = stated
    points, share = EXACT_TOLERANCE
    slack = max(points, abs(implied) * share)
    rate_low, rate_high = _rate_range(rate, rate_qualifier)
    agrees = rate_low - slack <= high and low <= rate_high + slack
    qualified = "" if (e.qualifier, lq.qualifier, rate_qualifier) == ("exact", "exact", "exact") else \
        " and the figures' qualifiers"
    tolerance = f"within {slack:.1f} points{qualified}"
    return Check("implied_change", "consistent" if agrees else "inconsistent",
                 f"{summary}; the text states {_rate_text(rate, rate_qualifier)} ({tolerance})",
                 (*ids, *(() if rate_index is None else (rate_index,))))


def _change_range(earlier: Quantity, later: Quantity) -> tuple[float, float]:
    """The implied change in percent, as a range when either figure is qualified."""
    first, last = bounds(earlier), bounds(later)
    assert first is not None and last is not None
    low = (last[0] / first[1] - 1) * 100 if first[1] not in (0.0, float("inf")) else -100.0
    high = (last[1] / first[0] - 1) * 100 if first[0] else float("inf")
    return low, high


def _rate_range(rate: float, qualifier: str) -> tuple[float, float]:
    if qualifier == "more_than":
        return (rate, float("inf")) if rate >= 0 else (float("-inf"), rate)
    if qualifier == "less_than":
        return (0.0, rate) if rate >= 0 else (rate, 0.0)
    if qualifier == "about":
        return rate - abs(rate) * ABOUT_SHARE, rate + abs(rate) * ABOUT_SHARE
    return rate, rate


def _range_text(low: float, high: float) -> str:
    if high == float("inf"):
        return f"more than {low:+.1f}%"
    if low <= -100.0:
        return f"less than {high:+.1f}%"
    return f"{low:+.1f}% to {high:+.1f}%"


def _rate_text(rate: float, qualifier: str) -> str:
    words = {"more_than": "more than ", "less_than": "less than ", "about": "about "}
    return f"{words.get(qualifier, '')}{rate:+.1f}%"


def _label(q: Quantity) -> str:
    return period_label(q.period.start, q.period.end) if q.period else "?"


def _future_periods(quantities: tuple[Quantity, ...], today: dt.date | None) -> list[Check]:
    """A figure for a period that had not begun by the document date cannot be a measurement."""
    if today is None:
        return []
    return [
        Check("period_not_yet", "inconsistent",
              f"{q.text} is given for {_label(q)}, which begins after the document date {today.isoformat()}", (i,))
        for i, q in enumerate(quantities)
        if q.period is not None and q.period.start is not None and dt.date.fromisoformat(q.period.start) > today
        and q.kind in ("money", "percent") and q.measure not in _PLANNED and not q.projected
    ]


_PLANNED = frozenset({"aid", "loan", "loan_guarantee", "investment", "budget"})
"""Measures stated for the future as commitments ("$500 million over 2026-2028"), not as measurements."""


def _gain_or_total(quantities: tuple[Quantity, ...]) -> list[Check]:
    """"a $93.8 billion gain ..., a growth of more than 40%": read as a gain, the rate implies a base and a
    total the reader can check against what is known; read as the total, it implies a much smaller gain."""
    found = []
    for i, q in enumerate(quantities):
        if q.kind != "money" or q.described_as not in ("gain", "increase", "rise", "growth", "jump") or not q.value:
            continue
        rate = next(((j, p) for j, p in enumerate(quantities) if p.kind == "percent" and p.sentence == q.sentence
                     and p.change is not None and p.change.direction == "up" and p.value), None)
        if rate is None:
            continue
        j, percent = rate
        assert percent.value is not None
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
    low, high = sorted((_start(a), _start(b)))
    return any(q.period is not None and low < _start(q) < high and _same_series(q, a) for _, q in money)


def _start(q: Quantity) -> str:
    return q.period.start if q.period is not None and q.period.start is not None else ""


def _same_series(a: Quantity, b: Quantity) -> bool:
    if a.measure is None or a.measure != b.measure or a.unit != b.unit or not _start(a) or not _start(b):
        return False
    assert a.period is not None and b.period is not None
    if a.period.start == b.period.start:
        return False
    length_a = _days(_start(a), a.period.end)
    length_b = _days(_start(b), b.period.end)
    same_length = abs(length_a - length_b) <= 3
    same_flow = ((a.from_, a.to) == (b.from_, b.to) and set(a.items) == set(b.items)) or \
        abs(a.sentence - b.sentence) == 0
    return same_length and same_flow


def _days(start: str, end: str) -> int:
    return (dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days


def _stated_rate(quantities: tuple[Quantity, ...], later: Quantity, later_index: int
                 ) -> tuple[float, int | None, str] | None:
    """The rate of change the text states for the later figure, its index, and its qualifier."""
    change: Change | None = later.change
    if change is not None and change.rate is not None:
        stated = next((q for q in quantities if q.kind == "percent" and q.sentence == later.sentence and
                       q.value is not None and abs(q.value) == abs(change.rate)), None)
        return change.rate, None, stated.qualifier if stated is not None else "exact"
    for index, q in enumerate(quantities):
        if q.kind == "percent" and q.sentence == later.sentence and q.change and q.change.rate is not None:
            return q.change.rate, index, q.qualifier
    return None


def _part_of_whole(quantities: tuple[Quantity, ...]) -> list[Check]:
    """Exports or imports of a pair larger than the pair's total trade over the same period."""
    found = []
    for i, part in enumerate(quantities):
        if part.kind != "money" or part.measure not in ("imports", "exports") or part.period is None or \
                part.value is None:
            continue
        for j, whole in enumerate(quantities):
            if whole.kind != "money" or whole.measure != "bilateral_trade" or whole.period != part.period or \
                    whole.value is None:
                continue
            part_low = (bounds(part) or (0.0, 0.0))[0]
            whole_high = (bounds(whole) or (0.0, 0.0))[1]
            if part_low > whole_high and whole.unit == part.unit and set(part.parties) <= set(whole.parties):
                found.append(Check("part_exceeds_whole", "inconsistent",
                                   f"{part.measure} of {part.text} exceed bilateral trade of {whole.text} "
                                   f"over {_label(whole)}", (i, j)))
    return found
