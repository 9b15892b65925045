"""Questions across a stored corpus: dyad time series, the strongest and fastest-changing dyads, blocs.

Each returns a pandas DataFrame (or plain data) built by one SQL query over the store; the CLI prints them.
Negated and hypothetical events do not count, as in the per-document model.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from multipolar import model, store
from multipolar.causal import CausalGraph, causal_graph
from multipolar.records import Relation

Period = Literal["month", "quarter", "year"]

_COUNTED = "NOT negated AND modality IN ('asserted', 'reported', 'intended') AND day IS NOT NULL"


def dyad_series(db: Path, a: str, b: str, *, by: Period = "year", since: str | None = None) -> Any:
    """Events between a and b (both directions) per period: counts by PLOVER type, Goldstein sum and mean,
    and the share of cooperative events."""
    if by not in ("month", "quarter", "year"):
        raise ValueError(f"--by must be month, quarter or year, not {by!r}")
    connection = store.connect(db, read_only=True)
    try:
        return connection.execute(
            f"""
            SELECT strftime(date_trunc('{by}', day), '%Y-%m-%d') AS period,
                   count(*) AS events,
                   count(*) FILTER (WHERE source = ?) AS from_a,
                   count(*) FILTER (WHERE source = ?) AS from_b,
                   round(sum(goldstein), 2) AS goldstein_sum,
                   round(avg(goldstein), 2) AS goldstein_mean,
                   round(avg(CASE WHEN quad_class <= 2 THEN 1.0 ELSE 0.0 END), 3) AS cooperation_share,
                   string_agg(DISTINCT plover, ',' ORDER BY plover) AS types
            FROM events
            WHERE {_COUNTED} AND ((source = ? AND target = ?) OR (source = ? AND target = ?))
              AND (? IS NULL OR day >= CAST(? AS DATE))
            GROUP BY 1 ORDER BY 1
            """,
            [a, b, a, b, b, a, since, since],
        ).df()
    finally:
        connection.close()


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


def relations_in(db: Path, year: int | None = None) -> tuple[Relation, ...]:
    connection = store.connect(db, read_only=True)
    try:
        rows = connection.execute(
            f"""
            SELECT least(source, target), greatest(source, target), count(*),
                   sum(CASE WHEN quad_class <= 2 THEN abs(goldstein) ELSE 0 END),
                   sum(CASE WHEN quad_class > 2 THEN abs(goldstein) ELSE 0 END), sum(goldstein)
            FROM events WHERE {_COUNTED} AND source <> target AND (? IS NULL OR year(day) = ?)
            GROUP BY 1, 2 ORDER BY 3 DESC
            """,
            [year, year],
        ).fetchall()
    finally:
        connection.close()
    return tuple(Relation(a, b, int(n), round(c, 2), round(k, 2), round(g, 2)) for a, b, n, c, k, g in rows)


def blocs(db: Path, *, year: int | None = None) -> tuple[tuple[str, ...], ...]:
    """Blocs over the corpus (or one year), by the same rule as for one document (see `model.blocs`)."""
    return model.blocs(relations_in(db, year))


def bloc_history(db: Path) -> dict[int, tuple[tuple[str, ...], ...]]:
    """Bloc membership year by year: who sided with whom in each year's events."""
    connection = store.connect(db, read_only=True)
    try:
        years = [row[0] for row in connection.execute(
            f"SELECT DISTINCT year(day) FROM events WHERE {_COUNTED} ORDER BY 1").fetchall()]
    finally:
        connection.close()
    return {year: blocs(db, year=year) for year in years}


def flows(db: Path, a: str | None = None, b: str | None = None, *, measure: str | None = None) -> Any:
    """Figures over time (money, with their USD value where known) between two actors, with their sources:
    each row is one stated figure, its period, direction, and the document and sentence it came from."""
    connection = store.connect(db, read_only=True)
    try:
        return connection.execute(
            """
            SELECT q.period_start, q.period_end, q.measure, q.from_actor, q.to_actor, q.text, q.value, q.unit,
                   q.usd, q.parties, coalesce(d.source, d.id) AS document, q.evidence
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
