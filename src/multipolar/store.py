"""The corpus store: analyses in an embedded DuckDB file, one transaction per document.

Document ids are content hashes, so ingesting the same corpus twice adds nothing, and an interrupted
ingest resumes where it stopped: a document is either stored with all its rows or not at all.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

import duckdb

from multipolar.causal import claim_actors, side_node
from multipolar.errors import MultipolarError
from multipolar.records import Analysis, Claim, ClaimSide, Span

SCHEMA_VERSION = 2
"""2 added the claims table; documents stored under 1 have no claim rows (re-ingest into a new file for them)."""

_TABLES = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS documents (
    id VARCHAR PRIMARY KEY, source_id VARCHAR, title VARCHAR, date DATE, source VARCHAR, text VARCHAR,
    n_actors INTEGER, n_events INTEGER, n_quantities INTEGER, n_quotes INTEGER, ingested_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS actors (
    doc_id VARCHAR, code VARCHAR, name VARCHAR, kind VARCHAR, country VARCHAR, role VARCHAR, mentions INTEGER);
CREATE TABLE IF NOT EXISTS events (
    doc_id VARCHAR, idx INTEGER, source VARCHAR, target VARCHAR, source_actor VARCHAR, target_actor VARCHAR,
    source_text VARCHAR, target_text VARCHAR, plover VARCHAR, cameo VARCHAR, goldstein DOUBLE,
    quad_class INTEGER, mode VARCHAR, date VARCHAR, day DATE, negated BOOLEAN, modality VARCHAR,
    confidence DOUBLE, sentence INTEGER, evidence_start INTEGER, evidence_end INTEGER, evidence VARCHAR);
CREATE TABLE IF NOT EXISTS quantities (
    doc_id VARCHAR, idx INTEGER, kind VARCHAR, value DOUBLE, unit VARCHAR, usd DOUBLE, qualifier VARCHAR,
    measure VARCHAR, from_actor VARCHAR, to_actor VARCHAR, parties VARCHAR, items VARCHAR,
    period_start DATE, period_end DATE, text VARCHAR, sentence INTEGER, evidence VARCHAR);
CREATE TABLE IF NOT EXISTS quotes (
    doc_id VARCHAR, idx INTEGER, text VARCHAR, speaker VARCHAR, speaker_actor VARCHAR, direct BOOLEAN,
    date VARCHAR, sentence INTEGER, evidence VARCHAR);
CREATE TABLE IF NOT EXISTS claims (
    doc_id VARCHAR, idx INTEGER, cause_node VARCHAR, effect_node VARCHAR, polarity INTEGER, hedged BOOLEAN,
    claimant VARCHAR, trigger VARCHAR, cause JSON, effect JSON, sentence INTEGER, evidence_start INTEGER,
    evidence_end INTEGER, evidence VARCHAR);
CREATE TABLE IF NOT EXISTS rejects (
    key VARCHAR PRIMARY KEY, source VARCHAR, line INTEGER, reason VARCHAR, rejected_at TIMESTAMP);
"""

ROW_TABLES = ("actors", "events", "quantities", "quotes", "claims")


class StoreError(MultipolarError):
    """The database file cannot be opened or written."""


def connect(path: Path | str, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (and create, unless read-only) the store; a clear error if the file cannot be used."""
    try:
        connection = duckdb.connect(str(path), read_only=read_only)
        if not read_only:
            connection.execute(_TABLES)
            connection.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
    except (duckdb.Error, OSError) as exc:
        raise StoreError(f"cannot open database {path}: {' '.join(str(exc).split())}") from exc
    return connection


def stored_ids(connection: duckdb.DuckDBPyConnection, ids: Iterable[str]) -> set[str]:
    wanted = list(ids)
    if not wanted:
        return set()
    rows = connection.execute("SELECT id FROM documents WHERE id IN (SELECT unnest(?))", [wanted]).fetchall()
    return {row[0] for row in rows}


def _day(value: str | None) -> dt.date | None:
    if not value:
        return None
    parts = value.split("-")
    try:
        return dt.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except ValueError:
        return None


def write_analysis(connection: duckdb.DuckDBPyConnection, analysis: Analysis) -> bool:
    """Store one document and all its rows in one transaction; False if it was already there."""
    doc = analysis.document
    try:
        connection.execute("BEGIN TRANSACTION")
        if connection.execute("SELECT 1 FROM documents WHERE id = ?", [doc.id]).fetchone():
            connection.execute("ROLLBACK")
            return False
        _insert_rows(connection, analysis)
        connection.execute(
            "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [doc.id, doc.source_id, doc.title, doc.date, doc.source, doc.text, len(analysis.actors),
             len(analysis.events), len(analysis.quantities), len(analysis.quotes), dt.datetime.now()],
        )
        connection.execute("COMMIT")
    except duckdb.Error as exc:
        _roll_back(connection)
        raise StoreError(f"cannot store document {doc.id[:12]} (is the disk full or read-only?): "
                         f"{' '.join(str(exc).split())}") from exc
    return True


def _roll_back(connection: duckdb.DuckDBPyConnection) -> None:
    """Undo the open transaction; a failed COMMIT has already undone it, and DuckDB then says so."""
    with contextlib.suppress(duckdb.TransactionException):
        connection.execute("ROLLBACK")


def _insert_rows(connection: duckdb.DuckDBPyConnection, analysis: Analysis) -> None:
    doc_id = analysis.document.id
    if analysis.actors:
        connection.executemany("INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?, ?)", [
            [doc_id, a.code, a.name, a.kind, a.country, a.role, len(a.mentions)] for a in analysis.actors])
    if analysis.events:
        connection.executemany(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
                [doc_id, i, e.source, e.target, e.source_actor, e.target_actor, e.source_text, e.target_text,
                 e.plover, e.cameo, e.goldstein, e.quad_class, e.mode, e.date, _day(e.date), e.negated, e.modality,
                 e.confidence, e.sentence, e.evidence.start, e.evidence.end, e.evidence.text]
                for i, e in enumerate(analysis.events)])
    if analysis.quantities:
        connection.executemany(
            "INSERT INTO quantities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
                [doc_id, i, q.kind, q.value, q.unit, q.usd, q.qualifier, q.measure, q.from_, q.to,
                 json.dumps(list(q.parties)), json.dumps(list(q.items)),
                 q.period.start if q.period else None, q.period.end if q.period else None, q.text, q.sentence,
                 q.evidence.text]
                for i, q in enumerate(analysis.quantities)])
    if analysis.quotes:
        connection.executemany("INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [
            [doc_id, i, q.text, q.speaker, q.speaker_actor, q.direct, q.date, q.sentence, q.evidence.text]
            for i, q in enumerate(analysis.quotes)])
    if analysis.claims:
        connection.executemany("INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
            [doc_id, i, side_node(c.cause).id if c.cause else None, side_node(c.effect).id, c.polarity, c.hedged,
             c.claimant, c.trigger, json.dumps(c.cause.as_dict()) if c.cause else None, json.dumps(c.effect.as_dict()),
             c.sentence, c.evidence.start, c.evidence.end, c.evidence.text]
            for i, c in enumerate(analysis.claims)])


def stored_claims(connection: duckdb.DuckDBPyConnection, *, actor: str | None = None,
                  doc_id: str | None = None) -> list[tuple[str, Claim]]:
    """(document id, claim) pairs, optionally those naming an actor or from one document."""
    if not connection.execute("SELECT 1 FROM information_schema.tables WHERE table_name = 'claims'").fetchone():
        return []  # a store written before schema 2, opened read-only
    rows = connection.execute(
        "SELECT doc_id, cause, effect, polarity, hedged, claimant, trigger, sentence, evidence_start, evidence_end, "
        "evidence FROM claims WHERE (? IS NULL OR doc_id = ?) ORDER BY doc_id, idx", [doc_id, doc_id]).fetchall()
    found = [(row[0], Claim(_side(row[1]) if row[1] else None, _side(row[2]), row[3], row[4], row[5], row[6], row[7],
                            Span(row[8], row[9], row[10]))) for row in rows]
    if actor is None:
        return found
    return [(d, c) for d, c in found if actor in claim_actors(c)]


def _side(raw: str) -> ClaimSide:
    data = json.loads(raw)
    return ClaimSide(data["kind"], data["text"], data.get("plover"), data.get("source"), data.get("target"),
                     tuple(data.get("actors") or ()))



def record_reject(connection: duckdb.DuckDBPyConnection, source: str, line: int, reason: str) -> None:
    """Remember a document that could not be analysed, and why (once per source and line)."""
    key = hashlib.sha256(f"{source}\0{line}".encode()).hexdigest()
    try:
        connection.execute("INSERT OR REPLACE INTO rejects VALUES (?, ?, ?, ?, ?)",
                           [key, source, line, " ".join(reason.split()), dt.datetime.now()])
    except duckdb.Error as exc:
        raise StoreError(f"cannot record a rejected document (is the disk full or read-only?): "
                         f"{' '.join(str(exc).split())}") from exc


def counts(connection: duckdb.DuckDBPyConnection) -> dict[str, int]:
    tables = ("documents", *ROW_TABLES, "rejects")
    return {t: int(connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables}  # type: ignore[index]


def consistency_problems(connection: duckdb.DuckDBPyConnection) -> list[str]:
    """Documents whose stored rows do not match their counts, rows without a document, duplicates."""
    problems = []
    duplicated = connection.execute("SELECT id FROM documents GROUP BY id HAVING count(*) > 1").fetchall()
    problems += [f"document {row[0][:12]} stored twice" for row in duplicated]
    for table, column in (("actors", "n_actors"), ("events", "n_events"), ("quantities", "n_quantities"),
                          ("quotes", "n_quotes")):
        wrong = connection.execute(
            f"SELECT d.id FROM documents d LEFT JOIN (SELECT doc_id, count(*) AS n FROM {table} GROUP BY doc_id) r "
            f"ON r.doc_id = d.id WHERE coalesce(r.n, 0) <> d.{column}").fetchall()
        problems += [f"document {row[0][:12]}: {table} rows do not match" for row in wrong]
        orphans = connection.execute(
            f"SELECT count(*) FROM {table} WHERE doc_id NOT IN (SELECT id FROM documents)").fetchone()
        if orphans and orphans[0]:
            problems.append(f"{orphans[0]} {table} rows without a document")
    return problems

