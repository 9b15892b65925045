"""Upgrading a store written by an older version: in place, in one transaction, after a backup copy.

What an upgrade does follows from the declared schema (`multipolar.corpus.schema`): tables the file lacks
are created, columns it lacks are added (NULL in the rows written before: an older version did not keep
them), and each new row count `n_<table>` is counted from the rows. Documents keep the schema version
they were stored under (`documents.stored_schema`), so a reader can tell what an old document lacks.
If anything fails the transaction is rolled back and the file is as it was; the copy stays beside it
(`<file>.schema<N>.bak`) either way.
"""

from __future__ import annotations

import contextlib
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb

from multipolar.corpus import schema
from multipolar.errors import StoreError


@dataclass(frozen=True)
class Upgrade:
    """What `upgrade` did to a file."""

    path: Path
    from_version: int
    to_version: int
    backup: Path
    statements: int


def file_version(connection: duckdb.DuckDBPyConnection) -> int | None:
    """The schema version a store was written under; None for a new, empty file."""
    tables = {row[0] for row in connection.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
    if "documents" not in tables:
        return None
    if "meta" not in tables:
        return 1
    found = connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(found[0]) if found else 1


@dataclass(frozen=True)
class Missing:
    """What a file lacks of the declared schema: whole tables, and columns of the tables it has."""

    tables: tuple[tuple[str, tuple[schema.Column, ...]], ...]
    columns: tuple[tuple[str, schema.Column], ...]

    def __bool__(self) -> bool:
        return bool(self.tables or self.columns)

    def statements(self) -> list[str]:
        created = [f"CREATE TABLE {name} ({', '.join(f'{schema.quoted(c.name)} {c.sql}' for c in columns)})"
                   for name, columns in self.tables]
        return created + [f"ALTER TABLE {name} ADD COLUMN {schema.quoted(c.name)} {c.sql.removesuffix(' PRIMARY KEY')}"
                          for name, c in self.columns]


def missing_parts(connection: duckdb.DuckDBPyConnection) -> Missing:
    have = schema.existing_columns(connection)
    declared = {"documents": schema.document_columns(), **{t.name: t.columns for t in schema.ROW_TABLES}}
    return Missing(tuple((name, columns) for name, columns in declared.items() if name not in have),
                   tuple((name, c) for name, columns in declared.items() if name in have
                         for c in columns if c.name not in have[name]))


def upgrade(path: Path) -> Upgrade | None:
    """Bring the store at `path` up to the current schema; None if it is new or already current."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    with contextlib.closing(duckdb.connect(str(path), read_only=True)) as peek:
        version = file_version(peek)
        missing = missing_parts(peek) if version is not None else Missing((), ())
    if version is None or (version == schema.SCHEMA_VERSION and not missing):
        return None
    if version > schema.SCHEMA_VERSION:
        raise StoreError(f"{path} was written by a newer multipolar (store schema {version}); this one knows "
                         f"schema {schema.SCHEMA_VERSION}: upgrade multipolar to write to it")
    backup = _backup(path, version)
    connection = duckdb.connect(str(path))
    try:
        connection.execute("BEGIN TRANSACTION")
        for statement in missing.statements():
            connection.execute(statement)
        _fill_new_columns(connection, [c.name for table, c in missing.columns if table == "documents"], version)
        connection.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(schema.SCHEMA_VERSION)])
        connection.execute("COMMIT")
    except duckdb.Error as exc:
        with contextlib.suppress(duckdb.Error):
            connection.execute("ROLLBACK")
        raise StoreError(f"cannot upgrade {path} from store schema {version}: {' '.join(str(exc).split())}; "
                         f"the file is unchanged, a copy is at {backup}") from exc
    finally:
        connection.close()
    return Upgrade(path, version, schema.SCHEMA_VERSION, backup, len(missing.statements()))


def _backup(path: Path, version: int) -> Path:
    """A copy of the file (and its write-ahead log) as it is, before anything changes."""
    backup = path.with_name(f"{path.name}.schema{version}.bak")
    shutil.copy2(path, backup)
    wal = path.with_name(path.name + ".wal")
    if wal.exists():
        shutil.copy2(wal, backup.with_name(backup.name + ".wal"))
    return backup


def _fill_new_columns(connection: duckdb.DuckDBPyConnection, added: list[str], version: int) -> None:
    """Documents written before say so; a new row count is counted (a table new to the file counts 0)."""
    if "stored_schema" in added:
        connection.execute("UPDATE documents SET stored_schema = ?", [version])
    for column in added:
        if column.startswith("n_"):
            table = column.removeprefix("n_")
            connection.execute(f"UPDATE documents SET {column} = (SELECT count(*) FROM {table} "
                               f"WHERE {table}.doc_id = documents.id)")
