"""Questions across a stored corpus: dyad time series, the strongest and fastest-changing dyads, blocs.

Each returns a pandas DataFrame (or plain data) built by one SQL query over the store; the CLI prints them.
Negated and hypothetical events do not count, as in the per-document model.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from multipolar.corpus import store
from multipolar.model.blocs import MIN_EVENTS, BlocPartition, signed_blocs
from multipolar.model.causal import CausalGraph, causal_graph
from multipolar.records import Record, Relation

Period = Literal["month", "quarter", "year"]

_COUNTED = "NOT negated AND modality IN ('asserted', 'reported', 'intended') AND day IS NOT NULL"
_MONTHS = {"month": 1, "quarter": 3, "year": 12}
_DATE_LENGTH = {"month": 7, "quarter": 7, "year": 4}
QUAD_CLASSES = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict", 4: "material_conflict"}


def period_label(start: str, by: Period) -> str:
    """A period named at its precision: "2021", "2021 Q3", "2021-07" (never "2021-01-01" for a year)."""
    if by == "year":
        return start[:4]
    if by == "quarter":
        return f"{start[:4]} Q{(int(start[5:7]) - 1) // 3 + 1}"
    return start[:7]


@dataclass(frozen=True)
class DyadPeriods:
    """A dyad's periods as plain rows (the columns of `SERIES_COLUMNS`), and how many of its events are
    dated more coarsely than a period (left out of them)."""

    rows: tuple[dict[str, Any], ...]
    coarser: int


SERIES_COLUMNS = ("period", "events", "from_a", "from_b", "goldstein_sum", "goldstein_mean", "goldstein_a_to_b",
                  "goldstein_b_to_a", "cooperation_share", *QUAD_CLASSES.values(), "documents", "store_documents",
                  "types", "label")
_FLOAT_COLUMNS = ("goldstein_sum", "goldstein_mean", "goldstein_a_to_b", "goldstein_b_to_a", "cooperation_share")
_TEXT_COLUMNS = ("period", "types", "label")


def dyad_periods(db: Path, a: str, b: str, *, by: Period = "year", since: str | dt.date | None = None,
                 until: str | dt.date | None = None) -> DyadPeriods:
    """How a relationship changed: events between a and b per period, every period from the first to the
    last (or from `since` to `until`) even when nothing happened, by quad class, in each direction, with
    the Goldstein sum and mean, and how many stored documents the period has (the scale of coverage).

    The dyad's events are summed by period here and the empty periods between them filled. An event dated
    more coarsely than the period (only "2022" in monthly periods) is left out rather than put in
    January, and counted in `coarser`."""
    if by not in _MONTHS:
        raise ValueError(f"--by must be month, quarter or year, not {by!r}")
    first, last = _as_date(since, "since"), _as_date(until, "until")
    found, volume, coarser = _dyad_aggregates(db, a, b, by, first, last)
    lo = _period_start(first, by) if first else min(found, default=None)
    hi = _period_start(last, by) if last else max(found, default=None)
    rows = []
    for start in _period_starts(lo, hi, by):
        values = {**(found.get(start) or _empty_period()), "period": start.isoformat(),
                  "store_documents": volume.get(start, 0), "label": period_label(start.isoformat(), by)}
        rows.append({column: values[column] for column in SERIES_COLUMNS})
    return DyadPeriods(tuple(rows), coarser)


def dyad_series(db: Path, a: str, b: str, *, by: Period = "year", since: str | dt.date | None = None,
                until: str | dt.date | None = None) -> Any:
    """`dyad_periods` as a pandas DataFrame (for the CLI and reports); `frame.attrs["coarser"]` says how many
    events were dated more coarsely than a period."""
    import pandas as pd

    periods = dyad_periods(db, a, b, by=by, since=since, until=until)
    frame = pd.DataFrame(list(periods.rows), columns=list(SERIES_COLUMNS))
    kinds = {column: "float64" if column in _FLOAT_COLUMNS else "str" if column in _TEXT_COLUMNS else "int64"
             for column in SERIES_COLUMNS}
    frame = frame.astype(kinds)
    frame.attrs["coarser"] = periods.coarser
    return frame


def _dyad_aggregates(db: Path, a: str, b: str, by: Period, since: dt.date | None,
                     until: dt.date | None) -> tuple[dict[dt.date, dict[str, Any]], dict[dt.date, int], int]:
    """The dyad's counted events summed per period (at that period's precision or finer), the store's
    documents per period, and how many of the dyad's events are dated more coarsely than a period.

    Two plain queries and sums here: DuckDB's grouped, distinct and ordered aggregates cost a read more
    CPU than the rows of one dyad do."""
    connection = store.connect(db, read_only=True)
    try:
        events = connection.execute(
            f"""SELECT CASE WHEN length(date) >= {_DATE_LENGTH[by]} THEN CAST(date_trunc('{by}', day) AS DATE) END,
                       source, goldstein, quad_class, plover, doc_id FROM events
                WHERE {_COUNTED} AND ((source = ? AND target = ?) OR (source = ? AND target = ?))
                  AND (? IS NULL OR day >= ?) AND (? IS NULL OR day <= ?)""",
            [a, b, b, a, since, since, until, until]).fetchall()
        volume = {p: int(n) for p, n in connection.execute(
            f"SELECT CAST(date_trunc('{by}', date) AS DATE), count(*) FROM documents WHERE date IS NOT NULL"
            " GROUP BY 1").fetchall()}
    finally:
        connection.close()
    periods: dict[dt.date, list[tuple[Any, ...]]] = {}
    for event in events:
        if event[0] is not None:
            periods.setdefault(event[0], []).append(event)
    coarser = len(events) - sum(len(rows) for rows in periods.values())
    return {p: _period_figures(rows, a, b) for p, rows in periods.items()}, volume, coarser


def _period_figures(events: list[tuple[Any, ...]], a: str, b: str) -> dict[str, Any]:
    """One period's figures from its events (period, source, goldstein, quad_class, plover, doc_id). The
    mean's sum is exact (decimal), so a tie (164.8 / 64 = 2.575) rounds up whatever the row order."""
    scores = [(source, score) for _, source, score, *_ in events if score is not None]
    quads = [quad for *_, quad, _, _ in events]
    figures = {"events": len(events), "from_a": sum(1 for e in events if e[1] == a),
               "from_b": sum(1 for e in events if e[1] == b),
               "goldstein_sum": _rounded(sum(score for _, score in scores), 2),
               "goldstein_mean": _rounded(float(sum(Decimal(repr(score)) for _, score in scores)) / len(scores), 2)
               if scores else None,
               "goldstein_a_to_b": _rounded(sum(score for source, score in scores if source == a), 2),
               "goldstein_b_to_a": _rounded(sum(score for source, score in scores if source == b), 2),
               "cooperation_share": _rounded(sum(1 for q in quads if q is not None and q <= 2) / len(events), 3)}
    figures |= {name: quads.count(k) for k, name in QUAD_CLASSES.items()}
    return figures | {"documents": len({e[5] for e in events}),
                      "types": ",".join(sorted({e[4] for e in events if e[4] is not None}))}


def _rounded(value: float, digits: int) -> float:
    """Half away from zero, as SQL's round() (Python's round() goes to even)."""
    scaled = float(value) * 10.0**digits
    whole = math.floor(abs(scaled))
    if abs(scaled) - whole >= 0.5:
        whole += 1
    return math.copysign(whole, scaled) / 10.0**digits


def _empty_period() -> dict[str, Any]:
    """The figures of a period without any of the dyad's events (as the aggregate query gives them)."""
    return {"events": 0, "from_a": 0, "from_b": 0, "goldstein_sum": 0.0, "goldstein_mean": None,
            "goldstein_a_to_b": 0.0, "goldstein_b_to_a": 0.0, "cooperation_share": 0.0,
            **dict.fromkeys(QUAD_CLASSES.values(), 0), "documents": 0, "types": ""}


def _as_date(value: str | dt.date | None, name: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"--{name} must be a date (YYYY-MM-DD), not {value!r}") from None


def _period_start(day: dt.date, by: Period) -> dt.date:
    months = _MONTHS[by]
    return dt.date(day.year, (day.month - 1) // months * months + 1, 1)


def _period_starts(lo: dt.date | None, hi: dt.date | None, by: Period) -> Iterator[dt.date]:
    """Every period's first day from lo to hi, both included (none when either is missing)."""
    if lo is None or hi is None:
        return
    month = lo.year * 12 + lo.month - 1
    while (start := dt.date(month // 12, month % 12 + 1, 1)) <= hi:
        yield start
        month += _MONTHS[by]


def top_dyads(db: Path, *, limit: int = 20) -> Any:
    """The dyads with most events, with their Goldstein total and the change between their last two years."""
    connection = store.connect(db, read_only=True)
    try:
        return connection.execute(
            f"""
            WITH pairs AS (
                SELECT least(source, target) AS a, greatest(source, target) AS b, year(day) AS y, goldstein
                FROM events WHERE {_COUNTED} AND source <> target),
            yearly AS (SELECT a, b, y, sum(goldstein) AS g FROM pairs GROUP BY ALL),
            change AS (
                SELECT a, b, g - lag(g) OVER (PARTITION BY a, b ORDER BY y) AS delta,
                       row_number() OVER (PARTITION BY a, b ORDER BY y DESC) AS rank
                FROM yearly)
            SELECT p.a, p.b, count(*) AS events, round(sum(p.goldstein), 2) AS goldstein_total,
                   round(coalesce(max(c.delta), 0), 2) AS last_year_change
            FROM pairs p LEFT JOIN change c ON c.a = p.a AND c.b = p.b AND c.rank = 1
            GROUP BY p.a, p.b ORDER BY events DESC, abs(goldstein_total) DESC LIMIT ?
            """,
            [limit],
        ).df()
    finally:
        connection.close()


def relations_in(db: Path, year: int | None = None, *, since: str | dt.date | None = None,
                 until: str | dt.date | None = None) -> tuple[Relation, ...]:
    """Each dyad's counted events in the store (or one year, or between two dates), summed."""
    connection = store.connect(db, read_only=True)
    try:
        rows = connection.execute(
            f"""
            SELECT least(source, target), greatest(source, target), count(*),
                   sum(CASE WHEN quad_class <= 2 THEN abs(goldstein) ELSE 0 END),
                   sum(CASE WHEN quad_class > 2 THEN abs(goldstein) ELSE 0 END), sum(goldstein)
            FROM events WHERE {_COUNTED} AND source <> target AND (? IS NULL OR year(day) = ?)
              AND (? IS NULL OR day >= CAST(? AS DATE)) AND (? IS NULL OR day <= CAST(? AS DATE))
            GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2
            """,
            [year, year, since, since, until, until],
        ).fetchall()
    finally:
        connection.close()
    return tuple(Relation(a, b, int(n), round(c, 2), round(k, 2), round(g, 2)) for a, b, n, c, k, g in rows)


def bloc_partition(db: Path, *, year: int | None = None, min_events: int = MIN_EVENTS,
                   since: str | dt.date | None = None, until: str | dt.date | None = None) -> BlocPartition:
    """The blocs of the corpus (or one year, or between two dates) by signed community detection
    (`multipolar.model.blocs`), with the method and its modularity."""
    return partition_of(relations_in(db, year, since=since, until=until), year=year, min_events=min_events,
                        since=since, until=until)


def partition_of(relations: tuple[Relation, ...], *, year: int | None = None, min_events: int = MIN_EVENTS,
                 since: str | dt.date | None = None, until: str | dt.date | None = None) -> BlocPartition:
    """`bloc_partition` of relations already read (`relations_in` with the same period)."""
    period = str(year) if year is not None else (f"{since or '…'} – {until or '…'}" if since or until else None)
    return signed_blocs(relations, period, min_events=min_events)


def blocs(db: Path, *, year: int | None = None, min_events: int = MIN_EVENTS) -> tuple[tuple[str, ...], ...]:
    """Groups of actors that side together across the corpus (or one year): see `bloc_partition`."""
    return bloc_partition(db, year=year, min_events=min_events).groups()


def event_years(db: Path) -> tuple[int, ...]:
    """The years the store has counted events in, within the years of its documents (an event dated "by
    2050" or by a misread number is not a period of the corpus)."""
    connection = store.connect(db, read_only=True)
    try:
        return tuple(row[0] for row in connection.execute(
            f"SELECT DISTINCT year(day) FROM events WHERE {_COUNTED} AND year(day) BETWEEN"
            " (SELECT min(year(date)) FROM documents) AND (SELECT max(year(date)) FROM documents) ORDER BY 1"
        ).fetchall())
    finally:
        connection.close()


def bloc_partitions(db: Path, *, min_events: int = MIN_EVENTS) -> list[BlocPartition]:
    """The blocs of each year with counted events: who sided with whom, period by period."""
    return [bloc_partition(db, year=year, min_events=min_events) for year in event_years(db)]


def bloc_history(db: Path) -> dict[int, tuple[tuple[str, ...], ...]]:
    """Bloc membership year by year: who sided with whom in each year's events."""
    return {int(p.period or 0): p.groups() for p in bloc_partitions(db)}


def flows(db: Path, a: str | None = None, b: str | None = None, *, measure: str | None = None) -> Any:
    """Figures over time (money, with their USD value where known) between two actors, with their sources:
    each row is one stated figure, its period, direction, and the document and sentence it came from."""
    connection = store.connect(db, read_only=True)
    try:
        return connection.execute(
            """
            SELECT q.period_start, q.period_end, q.measure, q.from_actor, q.to_actor, q.text, q.value, q.unit,
                   q.usd, q.parties, coalesce(d.source, d.id) AS document, q.evidence, d.title, d.date AS doc_date,
                   q.doc_id, q.sentence
            FROM quantities q JOIN documents d ON d.id = q.doc_id
            WHERE q.kind = 'money' AND q.value > 0
              AND (? IS NULL OR q.measure = ?)
              AND (? IS NULL OR list_contains(CAST(q.parties AS VARCHAR[]), ?))
              AND (? IS NULL OR list_contains(CAST(q.parties AS VARCHAR[]), ?))
            ORDER BY q.period_start NULLS LAST, q.measure
            """,
            [measure, measure, a, a, b, b],
        ).df()
    finally:
        connection.close()


def causal(db: Path, *, actor: str | None = None) -> CausalGraph:
    """The causal graph of every claim in the store (or those naming `actor`, a code in any case), merged
    across documents."""
    connection = store.connect(db, read_only=True)
    try:
        return causal_graph(store.stored_claims(connection, actor=actor.upper() if actor else None))
    finally:
        connection.close()


@dataclass(frozen=True)
class Coverage(Record):
    """What a store holds: documents and their dates, events and how many of them count."""

    documents: int
    first: str | None
    last: str | None
    events: int
    counted: int


def coverage(db: Path) -> Coverage:
    connection = store.connect(db, read_only=True)
    try:
        documents, first, last = connection.execute("SELECT count(*), min(date), max(date) FROM documents").fetchone()  # type: ignore[misc]
        events, counted = connection.execute(
            f"SELECT count(*), count(*) FILTER (WHERE {_COUNTED}) FROM events").fetchone()  # type: ignore[misc]
    finally:
        connection.close()
    return Coverage(int(documents), first and first.isoformat(), last and last.isoformat(), int(events), int(counted))


def unknown_codes(db: Path, codes: Iterable[str]) -> list[str]:
    """The codes no stored actor or event carries (a typo, or a name instead of a code)."""
    wanted = [c for c in codes if c]
    if not wanted:
        return []
    connection = store.connect(db, read_only=True)
    try:
        known = {row[0] for row in connection.execute(
            "SELECT code FROM actors WHERE code IN (SELECT unnest(?)) UNION "
            "SELECT source FROM events WHERE source IN (SELECT unnest(?)) UNION "
            "SELECT target FROM events WHERE target IN (SELECT unnest(?))", [wanted, wanted, wanted]).fetchall()}
    finally:
        connection.close()
    return [c for c in wanted if c not in known]


def actors_named(db: Path, text: str, limit: int = 5) -> list[tuple[str, str]]:
    """(code, name) of stored actors whose code or name contains `text`, most mentioned first: what an
    unknown code may have meant ("China" for CHN)."""
    connection = store.connect(db, read_only=True)
    try:
        return [(code, name) for code, name, _ in connection.execute(
            "SELECT code, any_value(name), sum(mentions) AS n FROM actors WHERE contains(lower(code), lower(?))"
            " OR contains(lower(name), lower(?)) GROUP BY code ORDER BY n DESC, code LIMIT ?",
            [text, text, limit]).fetchall()]
    finally:
        connection.close()


def dyad_counts(db: Path, a: str, b: str) -> tuple[int, int]:
    """Events between a and b in either direction: all of them, and those that count (not negated,
    asserted, reported or intended, and dated)."""
    connection = store.connect(db, read_only=True)
    try:
        found = connection.execute(
            f"SELECT count(*), count(*) FILTER (WHERE {_COUNTED}) FROM events"
            " WHERE (source = ? AND target = ?) OR (source = ? AND target = ?)", [a, b, b, a]).fetchone()
    finally:
        connection.close()
    return (int(found[0]), int(found[1])) if found else (0, 0)
