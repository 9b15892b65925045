"""Questions across a stored corpus: dyad time series, the strongest and fastest-changing dyads, blocs.

Each returns a pandas DataFrame (or plain data) built by one SQL query over the store; the CLI prints them.
Negated and hypothetical events do not count, as in the per-document model.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from multipolar.corpus import store
from multipolar.model.blocs import MIN_EVENTS, BlocPartition, signed_blocs
from multipolar.model.causal import CausalGraph, causal_graph
from multipolar.records import Record, Relation

Period = Literal["month", "quarter", "year"]

_COUNTED = "NOT negated AND modality IN ('asserted', 'reported', 'intended') AND day IS NOT NULL"


_STEP = {"month": "1 month", "quarter": "3 months", "year": "1 year"}
_DATE_LENGTH = {"month": 7, "quarter": 7, "year": 4}
QUAD_CLASSES = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict", 4: "material_conflict"}


def period_label(start: str, by: Period) -> str:
    """A period named at its precision: "2021", "2021 Q3", "2021-07" (never "2021-01-01" for a year)."""
    if by == "year":
        return start[:4]
    if by == "quarter":
        return f"{start[:4]} Q{(int(start[5:7]) - 1) // 3 + 1}"
    return start[:7]


def dyad_series(db: Path, a: str, b: str, *, by: Period = "year", since: str | None = None,
                until: str | None = None) -> Any:
    """How a relationship changed: events between a and b per period, every period from the first to the
    last (or from `since` to `until`) even when nothing happened, by quad class, in each direction, with
    the Goldstein sum and mean, and how many stored documents the period has (the scale of coverage).

    An event dated more coarsely than the period (only "2022" in monthly periods) is left out rather than
    put in January; `frame.attrs["coarser"]` says how many were."""
    if by not in _STEP:
        raise ValueError(f"--by must be month, quarter or year, not {by!r}")
    quads = ",\n".join(f"count(d.day) FILTER (WHERE d.quad_class = {k}) AS {name}" for k, name in QUAD_CLASSES.items())
    dyad = f"""SELECT day, source, goldstein, quad_class, plover, doc_id, length(date) AS precision FROM events
               WHERE {_COUNTED} AND ((source = ? AND target = ?) OR (source = ? AND target = ?))
                 AND (? IS NULL OR day >= CAST(? AS DATE)) AND (? IS NULL OR day <= CAST(? AS DATE))"""
    connection = store.connect(db, read_only=True)
    try:
        params = [a, b, b, a, since, since, until, until]
        frame = connection.execute(
            f"""
            WITH dyad AS ({dyad}),
            binned AS (SELECT * FROM dyad WHERE precision >= {_DATE_LENGTH[by]}),
            bounds AS (SELECT CAST(date_trunc('{by}', coalesce(CAST(? AS DATE), min(day))) AS DATE) AS lo,
                              CAST(date_trunc('{by}', coalesce(CAST(? AS DATE), max(day))) AS DATE) AS hi FROM binned),
            periods AS (SELECT CAST(unnest(generate_series(lo, hi, INTERVAL '{_STEP[by]}')) AS DATE) AS p
                        FROM bounds WHERE lo IS NOT NULL AND hi IS NOT NULL AND lo <= hi),
            volume AS (SELECT CAST(date_trunc('{by}', date) AS DATE) AS p, count(*) AS n FROM documents
                       WHERE date IS NOT NULL GROUP BY 1)
            SELECT strftime(periods.p, '%Y-%m-%d') AS period,
                   count(d.day) AS events,
                   count(d.day) FILTER (WHERE d.source = ?) AS from_a,
                   count(d.day) FILTER (WHERE d.source = ?) AS from_b,
                   round(coalesce(sum(d.goldstein), 0), 2) AS goldstein_sum,
                   round(avg(d.goldstein), 2) AS goldstein_mean,
                   round(coalesce(sum(d.goldstein) FILTER (WHERE d.source = ?), 0), 2) AS goldstein_a_to_b,
                   round(coalesce(sum(d.goldstein) FILTER (WHERE d.source = ?), 0), 2) AS goldstein_b_to_a,
                   round(avg(CASE WHEN d.quad_class <= 2 THEN 1.0 ELSE 0.0 END), 3) AS cooperation_share,
                   {quads},
                   count(DISTINCT d.doc_id) AS documents,
                   coalesce(any_value(volume.n), 0) AS store_documents,
                   coalesce(string_agg(DISTINCT d.plover, ',' ORDER BY d.plover), '') AS types
            FROM periods
            LEFT JOIN binned d ON CAST(date_trunc('{by}', d.day) AS DATE) = periods.p
            LEFT JOIN volume ON volume.p = periods.p
            GROUP BY periods.p ORDER BY periods.p
            """,
            [*params, since, until, a, b, a, b],
        ).df()
        coarser = connection.execute(f"SELECT count(*) FROM ({dyad}) WHERE precision < {_DATE_LENGTH[by]}",
                                     params).fetchone()
    finally:
        connection.close()
    frame["label"] = [period_label(p, by) for p in frame["period"]]
    frame.attrs["coarser"] = int(coarser[0]) if coarser else 0
    return frame


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
    period = str(year) if year is not None else (f"{since or '…'} – {until or '…'}" if since or until else None)
    return signed_blocs(relations_in(db, year, since=since, until=until), period, min_events=min_events)


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
