"""The corpus store: analyses in an embedded DuckDB file, each document in one transaction (or a batch of them).

Document ids are content hashes, so ingesting the same corpus twice adds nothing, and an interrupted
ingest resumes where it stopped: a document is either stored with all its rows or not at all.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import duckdb

from multipolar.corpus import migrations, schema
from multipolar.errors import StoreError
from multipolar.model.causal import claim_actors
from multipolar.records import Analysis, Claim
from multipolar.settings import DEFAULT_SETTINGS, Settings

SCHEMA_VERSION = schema.SCHEMA_VERSION
ROW_TABLES = tuple(t.name for t in schema.ROW_TABLES)
__all__ = [
    "ROW_TABLES",
    "SCHEMA_VERSION",
    "Rows",
    "StoreError",
    "connect",
    "consistency_problems",
    "counts",
    "ddl",
    "find_documents",
    "known_pages",
    "load_analysis",
    "read_analysis",
    "record_reject",
    "remember_page",
    "rows_of",
    "stored_claims",
    "stored_ids",
    "stored_schema",
    "write_analyses",
    "write_analysis",
]


def ddl() -> str:
    """CREATE TABLE statements for every table of the declared schema."""
    def create(name: str, columns: tuple[schema.Column, ...]) -> str:
        return f"CREATE TABLE IF NOT EXISTS {name} ({', '.join(f'{schema.quoted(c.name)} {c.sql}' for c in columns)});"

    tables = [create("documents", schema.document_columns())]
    tables += [create(t.name, t.columns) for t in schema.ROW_TABLES]
    return "\n".join([
        "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);", *tables,
        "CREATE TABLE IF NOT EXISTS rejects (key VARCHAR PRIMARY KEY, source VARCHAR, line INTEGER, "
        "reason VARCHAR, rejected_at TIMESTAMP);",
        "CREATE TABLE IF NOT EXISTS pages (key VARCHAR PRIMARY KEY, doc_id VARCHAR);"])


def connect(path: Path | str, *, read_only: bool = False,
            settings: Settings = DEFAULT_SETTINGS) -> duckdb.DuckDBPyConnection:
    """Open (and create, unless read-only) the store, within the settings' memory and threads; a file written by
    an older version is upgraded in place first, after a backup copy (`multipolar.corpus.migrations`). A clear
    error if the file cannot be used."""
    config: dict[str, str | bool | int | float | list[str]] = {"memory_limit": settings.store_memory_limit}
    if settings.store_threads:
        config["threads"] = settings.store_threads
    try:
        if read_only:
            return duckdb.connect(str(path), read_only=True, config=config)
        migrations.upgrade(Path(path))
        connection = duckdb.connect(str(path), config=config)
        connection.execute(ddl())
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


@dataclass(frozen=True)
class Rows:
    """A document's rows as the store takes them (its `documents` row, then each row table's rows in
    `schema.ROW_TABLES` order): an ingest worker builds them where it analysed the document, so the one writer
    only inserts them (building them was half its CPU: 1.5 ms of the 3 a document)."""

    doc_id: str
    document: list[Any]
    tables: tuple[list[list[Any]], ...]


def rows_of(analysis: Analysis | Rows) -> Rows:
    """The rows of an analysis (of rows, themselves)."""
    if isinstance(analysis, Rows):
        return analysis
    doc_id = analysis.document.id
    return Rows(doc_id, schema.document_row(analysis, SCHEMA_VERSION), tuple(
        [table.row(doc_id, i, r) for i, r in enumerate(getattr(analysis, table.name))] for table in schema.ROW_TABLES))


def write_analysis(connection: duckdb.DuckDBPyConnection, analysis: Analysis | Rows) -> bool:
    """Store one document and all its rows in one transaction; False if it was already there."""
    rows = rows_of(analysis)
    try:
        connection.execute("BEGIN TRANSACTION")
        if connection.execute("SELECT 1 FROM documents WHERE id = ?", [rows.doc_id]).fetchone():
            connection.execute("ROLLBACK")
            return False
        for table, records in zip(schema.ROW_TABLES, rows.tables, strict=True):
            for start in range(0, len(records), _ROWS_PER_INSERT):
                chunk = records[start : start + _ROWS_PER_INSERT]
                connection.execute(_insert(table.name, table.columns, len(chunk)), [v for row in chunk for v in row])
        connection.execute(_insert("documents", schema.document_columns()), rows.document)
        connection.execute("COMMIT")
    except duckdb.Error as exc:
        _roll_back(connection)
        raise StoreError(f"cannot store document {rows.doc_id[:12]} (is the disk full or read-only?): "
                         f"{' '.join(str(exc).split())}") from exc
    return True


def write_analyses(connection: duckdb.DuckDBPyConnection, analyses: Sequence[Analysis | Rows]) -> list[bool]:
    """Store several documents in one transaction, each table's rows in one statement (an ingest's single
    writer spends most of its time in DuckDB); for each document, False if it was already there. If the
    transaction fails, they are written one at a time (`write_analysis`, with rows of parameters), so a
    document that cannot be stored fails alone."""
    documents = [rows_of(a) for a in analyses]
    try:
        connection.execute("BEGIN TRANSACTION")
        stored = stored_ids(connection, (d.doc_id for d in documents))
        new: dict[str, Rows] = {}
        firsts: set[int] = set()
        for k, document in enumerate(documents):
            if document.doc_id not in stored and document.doc_id not in new:
                new[document.doc_id] = document
                firsts.add(k)
        for at, table in enumerate(schema.ROW_TABLES):
            _insert_rows(connection, table.name, table.columns, [row for d in new.values() for row in d.tables[at]])
        _insert_rows(connection, "documents", schema.document_columns(), [d.document for d in new.values()])
        connection.execute("COMMIT")
    except duckdb.Error:
        _roll_back(connection)
        return [write_analysis(connection, document) for document in documents]
    return [k in firsts for k in range(len(documents))]


def _insert_rows(connection: duckdb.DuckDBPyConnection, table: str, columns: tuple[schema.Column, ...],
                 rows: list[list[Any]]) -> None:
    """All `rows` in one statement that takes each column as one list: DuckDB's cost of a statement of many
    parameters is mostly binding and planning each of them: 198 White House analyses, 16 to a transaction,
    took 1.3-1.5 s of CPU as rows of parameters, 0.7 s as columns (the same rows, in the same order)."""
    if rows:
        connection.execute(_insert_columns(table, columns), [list(column) for column in zip(*rows, strict=True)])


@cache
def _insert_columns(table: str, columns: tuple[schema.Column, ...]) -> str:
    names = ", ".join(schema.quoted(c.name) for c in columns)
    lists = ", ".join(f"unnest(?::{c.sql.removesuffix(' PRIMARY KEY')}[])" for c in columns)
    return f"INSERT INTO {table} ({names}) SELECT {lists}"


_ROWS_PER_INSERT = 200
"""Rows written by one INSERT: one statement per table and document is many times faster than one per row."""


@cache
def _insert(table: str, columns: tuple[schema.Column, ...], rows: int = 1) -> str:
    names = ", ".join(schema.quoted(c.name) for c in columns)
    row = f"({', '.join('?' for _ in columns)})"
    return f"INSERT INTO {table} ({names}) VALUES {', '.join(row for _ in range(rows))}"


def _roll_back(connection: duckdb.DuckDBPyConnection) -> None:
    """Undo the open transaction; a failed COMMIT has already undone it, and DuckDB then says so."""
    with contextlib.suppress(duckdb.TransactionException):
        connection.execute("ROLLBACK")


def _select(columns: tuple[schema.Column, ...], have: set[str]) -> str:
    """The columns in declared order; one the file lacks reads as NULL."""
    return ", ".join(schema.quoted(c.name) if c.name in have else "NULL" for c in columns)


def find_documents(connection: duckdb.DuckDBPyConnection, key: str) -> list[str]:
    """Ids of the documents `key` names: its id, else those of that source id, else those whose id it begins
    (six characters at least)."""
    for where in ("id = ?", "source_id = ?", "starts_with(id, ?)" if len(key) >= 6 else None):
        if where is not None:
            ids = [row[0] for row in connection.execute(f"SELECT id FROM documents WHERE {where} ORDER BY id",
                                                        [key]).fetchall()]
            if ids:
                return ids
    return []


def read_analysis(connection: duckdb.DuckDBPyConnection, doc_id: str) -> Analysis | None:
    """The stored analysis of a document, as `analyze` gave it (`as_dict()` is the same contract JSON);
    None if there is no such document. A document stored by an older version has what that version kept."""
    have = schema.existing_columns(connection)
    columns = (*schema.DOCUMENT.field_columns, schema.BLOCS)
    found = connection.execute(f"SELECT {_select(columns, have['documents'])} FROM documents WHERE id = ?",
                               [doc_id]).fetchone()
    if found is None:
        return None
    parts: dict[str, Any] = {}
    for table in schema.ROW_TABLES:
        parts[table.name] = tuple(table.record_from(row) for row in _rows_of(connection, table, have, doc_id))
    blocs = schema.BLOCS.from_sql(found[-1]) if found[-1] is not None else ()
    return Analysis(document=schema.DOCUMENT.record_from(found[:-1]), blocs=blocs, **parts)


def stored_schema(connection: duckdb.DuckDBPyConnection, doc_id: str) -> int | None:
    """The store schema a document was written under (None in a file too old to say)."""
    if "stored_schema" not in schema.existing_columns(connection).get("documents", set()):
        return None
    found = connection.execute("SELECT stored_schema FROM documents WHERE id = ?", [doc_id]).fetchone()
    return int(found[0]) if found and found[0] is not None else None


def load_analysis(db: Path, doc_id: str) -> Analysis | None:
    """`read_analysis` on a store opened read-only for the call (the web app's document JSON twin)."""
    connection = connect(db, read_only=True)
    try:
        return read_analysis(connection, doc_id)
    finally:
        connection.close()


def _rows_of(connection: duckdb.DuckDBPyConnection, table: schema.Table, have: dict[str, set[str]],
             doc_id: str | None) -> list[tuple[Any, ...]]:
    """(doc_id, *field columns) of a table's rows (of one document, or all), in order."""
    if table.name not in have:
        return []  # a table an older version did not have, in a file opened read-only
    order = "doc_id, idx NULLS LAST, rowid" if "idx" in have[table.name] else "doc_id, rowid"
    return connection.execute(
        f"SELECT {_select(table.field_columns, have[table.name])}, doc_id FROM {table.name} "
        f"WHERE (? IS NULL OR doc_id = ?) ORDER BY {order}", [doc_id, doc_id]).fetchall()


def stored_claims(connection: duckdb.DuckDBPyConnection, *, actor: str | None = None,
                  doc_id: str | None = None) -> list[tuple[str, Claim]]:
    """(document id, claim) pairs, optionally those naming an actor or from one document."""
    table = schema.table("claims")
    found = [(row[-1], table.record_from(row[:-1])) for row in _rows_of(connection, table,
                                                                        schema.existing_columns(connection), doc_id)]
    if actor is None:
        return found
    return [(d, c) for d, c in found if actor in claim_actors(c)]


def known_pages(connection: duckdb.DuckDBPyConnection, keys: Iterable[str]) -> set[str]:
    """Which of these web pages (by `PageToExtract.key`) an earlier ingest extracted and stored."""
    wanted = list(keys)
    if not wanted:
        return set()
    rows = connection.execute("SELECT p.key FROM pages p JOIN documents d ON d.id = p.doc_id "
                              "WHERE p.key IN (SELECT unnest(?))", [wanted]).fetchall()
    return {row[0] for row in rows}


def remember_page(connection: duckdb.DuckDBPyConnection, key: str, doc_id: str) -> None:
    """Note the document a web page gave, so that ingesting it again need not extract it again."""
    try:
        connection.execute("INSERT OR REPLACE INTO pages VALUES (?, ?)", [key, doc_id])
    except duckdb.Error as exc:
        raise StoreError(f"cannot store document {doc_id[:12]} (is the disk full or read-only?): "
                         f"{' '.join(str(exc).split())}") from exc


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
    have = schema.existing_columns(connection)
    for table in ROW_TABLES:
        if table not in have:
            continue
        if f"n_{table}" in have["documents"]:
            wrong = connection.execute(
                f"SELECT d.id FROM documents d LEFT JOIN (SELECT doc_id, count(*) AS n FROM {table} GROUP BY doc_id) r "
                f"ON r.doc_id = d.id WHERE coalesce(r.n, 0) <> coalesce(d.n_{table}, 0)").fetchall()
            problems += [f"document {row[0][:12]}: {table} rows do not match" for row in wrong]
        orphans = connection.execute(
            f"SELECT count(*) FROM {table} WHERE doc_id NOT IN (SELECT id FROM documents)").fetchone()
        if orphans and orphans[0]:
            problems.append(f"{orphans[0]} {table} rows without a document")
    return problems
