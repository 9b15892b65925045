"""Testing a stated claim on stored events: two series, lagged correlation and Granger causality.

Series are written "PLOVER A->B" (events of that type from A to B), "PLOVER A<->B" (both directions),
"PLOVER A->*" (A to anyone) or "GOLDSTEIN A<->B" (the dyad's Goldstein sum: how the relation stands).
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from multipolar.coding.tables import PLOVER_TYPES
from multipolar.corpus import store
from multipolar.settings import DEFAULT_SETTINGS, Settings

SPEC = re.compile(r"^\s*(?P<kind>[A-Z]+)\s+(?P<a>[A-Za-z0-9*|-]+)\s*(?P<arrow><->|->)\s*(?P<b>[A-Za-z0-9*|-]+)\s*$")
WEST = ("WST", "NATO", "EU", "G7")
"""What "the West" counts as when a claim about it is tested: the bloc itself and these bodies with their
members on the claim's date (a documented choice, not a fact; spell out your own with A|B|C)."""
CAVEATS = ("Event counts count reports, not events: a busy news week looks like a busy diplomatic week.",
           "Coverage depends on the stored corpus; periods with few documents make noisy series.",
           "Granger causality is about prediction, not cause; a common driver can produce it.")


@dataclass
class ClaimTest:
    cause: str
    effect: str
    by: str
    periods: list[str] = field(default_factory=list)
    cause_values: list[float] = field(default_factory=list)
    effect_values: list[float] = field(default_factory=list)
    correlations: dict[int, float | None] = field(default_factory=dict)
    granger_p: dict[int, float | None] = field(default_factory=dict)
    note: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"cause": self.cause, "effect": self.effect, "by": self.by, "n": len(self.periods),
                "periods": self.periods, "cause_values": self.cause_values, "effect_values": self.effect_values,
                "lagged_correlation": self.correlations, "granger_p": self.granger_p, "note": self.note,
                "caveats": list(CAVEATS)}


def _where(spec: str) -> tuple[str, list[Any]]:
    found = SPEC.match(spec)
    if not found:
        raise ValueError(f"cannot read series {spec!r}: write it like 'SANCTION WST->RUS' or 'COOPERATE CHN<->RUS'")
    kind, both = found["kind"], found["arrow"] == "<->"
    a, b = (found[side].upper().split("|") for side in ("a", "b"))
    if kind != "GOLDSTEIN" and kind not in PLOVER_TYPES:
        raise ValueError(f"{kind} is neither a PLOVER type nor GOLDSTEIN")
    pair = "(list_contains(?, source) AND (list_contains(?, '*') OR list_contains(?, target)))"
    params: list[Any] = [a, b, b]
    if both:
        pair = f"({pair} OR (list_contains(?, source) AND (list_contains(?, '*') OR list_contains(?, target))))"
        params += [b, a, a]
    if kind == "GOLDSTEIN":
        return pair, params
    return f"plover = ? AND {pair}", [kind, *params]


def series(db: Path, spec: str, by: str = "month") -> dict[str, float]:
    """Period -> value: event count for a PLOVER spec, Goldstein sum for GOLDSTEIN.

    Periods run over the store's coverage, from its first to its last document date: an event dated
    outside it ("sanctioned China after Tiananmen in 1989") is history a text recalls, not a report of the
    period, and would stretch the series over centuries of empty periods."""
    if by not in ("month", "quarter", "year"):
        raise ValueError("--by must be month, quarter or year")
    where, params = _where(spec)
    value = "sum(goldstein)" if spec.strip().startswith("GOLDSTEIN") else "count(*)"
    connection = store.connect(db, read_only=True)
    try:
        span = _span(connection, "documents", "date", by) or _span(connection, "events", "day", by)
        rows = connection.execute(
            f"SELECT strftime(date_trunc('{by}', day), '%Y-%m-%d') AS period, {value} FROM events WHERE {where} "
            "AND NOT negated AND modality <> 'hypothetical' AND day IS NOT NULL GROUP BY 1 ORDER BY 1", params,
        ).fetchall()
    finally:
        connection.close()
    values = {period: float(v) for period, v in rows}
    return {p: values.get(p, 0.0) for p in _periods(span, by)} if span else values


def _span(connection: Any, table: str, column: str, by: str) -> tuple[str, str] | None:
    """The first and last period a table's dates fall in; None if it has no dates."""
    first, last = connection.execute(
        f"SELECT strftime(date_trunc('{by}', min({column})), '%Y-%m-%d'), "
        f"strftime(date_trunc('{by}', max({column})), '%Y-%m-%d') FROM {table}").fetchone()
    return (first, last) if first else None


def _periods(span: tuple[str, str], by: str) -> list[str]:
    import pandas as pd

    frequency = {"month": "MS", "quarter": "QS", "year": "YS"}[by]
    return [d.strftime("%Y-%m-%d") for d in pd.date_range(span[0], span[1], freq=frequency)]


def check_claim(db: Path, cause: str, effect: str, *, by: str = "month", lags: range = range(1, 7)) -> ClaimTest:
    """Does the cause series lead the effect series? Lagged correlations and Granger tests (statsmodels)."""
    import numpy as np

    x, y = series(db, cause, by), series(db, effect, by)
    periods = sorted(set(x) | set(y))
    result = ClaimTest(cause, effect, by, periods, [x.get(p, 0.0) for p in periods], [y.get(p, 0.0) for p in periods])
    xs, ys = np.array(result.cause_values), np.array(result.effect_values)
    for lag in lags:
        if len(xs) - lag < 3 or np.std(xs[:-lag]) == 0 or np.std(ys[lag:]) == 0:
            result.correlations[lag] = None
            continue
        result.correlations[lag] = round(float(np.corrcoef(xs[:-lag], ys[lag:])[0, 1]), 3)
    usable = [lag for lag in lags if len(xs) > 3 * lag + 3]
    if not usable or np.std(xs) == 0 or np.std(ys) == 0:
        result.note = f"{len(periods)} periods, too few or too flat for a Granger test"
        result.granger_p = {lag: None for lag in lags}
        return result
    from statsmodels.tsa.stattools import grangercausalitytests

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tests = grangercausalitytests(np.column_stack([ys, xs]), maxlag=max(usable))
    result.granger_p = {lag: (round(float(tests[lag][0]["ssr_ftest"][1]), 4) if lag in tests else None)
                        for lag in lags}
    return result


def claim_specs(claim: Any, day: dt.date | None = None,
                settings: Settings = DEFAULT_SETTINGS) -> tuple[str, str] | None:
    """The two series a document's claim names, or None if it names no event class and dyad to test.

    A cause by the West counts events by the bodies and states of `WEST` as of `day`."""
    cause, effect = claim.cause, claim.effect
    if cause is None or cause.kind != "event" or not cause.plover or not cause.source:
        return None
    if effect.kind not in ("relation", "dependence") or len(effect.actors) < 2:
        return None
    a, b = effect.actors[:2]
    target = cause.target or "*"
    source = "|".join(west_codes(day, settings)) if cause.source == "WST" else cause.source
    return f"{cause.plover} {source}->{target}", f"GOLDSTEIN {a}<->{b}"


def west_codes(day: dt.date | None, settings: Settings = DEFAULT_SETTINGS) -> list[str]:
    """"The West" on a date: NATO's, the EU's and the G7's members in the gazetteer the settings make."""
    from multipolar.nlp.spacy_pipeline import shared_gazetteer

    gazetteer = shared_gazetteer(tuple(str(p) for p in settings.actors_files), settings.knowledge_base)
    members = [m for body in WEST[1:] for m in gazetteer.members(body, day)]
    return list(dict.fromkeys([*WEST, *sorted(members)]))
