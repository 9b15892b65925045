"""The store as Parquet: one file per table, into a folder."""

from __future__ import annotations

from pathlib import Path

from multipolar.corpus import store
from multipolar.corpus.export import ExportOptions


def write(db: Path, folder: Path, options: ExportOptions) -> int:
    """The number of tables written."""
    return len(tables(db, folder))


def tables(db: Path, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    connection = store.connect(db, read_only=True)
    written = []
    try:
        for table in ("documents", *store.ROW_TABLES, "rejects"):
            target = folder / f"{table}.parquet"
            connection.execute(f"COPY {table} TO '{target.as_posix()}' (FORMAT PARQUET)")
            written.append(target)
    finally:
        connection.close()
    return written
