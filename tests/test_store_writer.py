"""The ingest writer's column-wise batches store every value, type and row order as rows of parameters do."""

from __future__ import annotations

from pathlib import Path

import duckdb

from multipolar.corpus import schema, store

from .handmade_store import Row, write_store

_TABLES = ("documents", *store.ROW_TABLES)


def _contents(db: Path) -> dict[str, tuple[list[tuple[str, str]], list[tuple[object, ...]]]]:
    """Each table's column types and rows (in stored order; the time of ingest left out)."""
    connection = duckdb.connect(str(db), read_only=True)
    try:
        found = {}
        for table in _TABLES:
            described = [(str(r[0]), str(r[1])) for r in connection.execute(f"DESCRIBE {table}").fetchall()]
            names = ", ".join(schema.quoted(name) for name, _ in described if name != "ingested_at")
            found[table] = (described, connection.execute(f"SELECT {names} FROM {table} ORDER BY rowid").fetchall())
        return found
    finally:
        connection.close()


def test_batches_store_exactly_what_rows_of_parameters_store(tmp_path: Path) -> None:
    rows = [Row("USA", "CHN", "2023-04-05", -2.5, 3, "COERCE", negated=True, quote="We will respond."),
            Row("RUS", "UKR", "2022", 1.0, 1, modality="hypothetical", doc="pair"),
            Row("UKR", "RUS", "2022-02", 7.0, 2, doc="pair")]
    figures = ({"text": "$2.5 billion", "value": 2.5e9, "measure": "aid", "from": "USA", "to": "UKR",
                "parties": ("USA", "UKR"), "start": "2023-01-01", "end": "2023-12-31"},
               {"text": "$40 million", "value": 4e7})
    one_by_one = write_store(tmp_path / "one.duckdb", rows, documents=("2021-06-01",), figures=figures)
    reader = store.connect(one_by_one, read_only=True)
    try:
        ids = [row[0] for row in reader.execute("SELECT id FROM documents ORDER BY rowid").fetchall()]
        analyses = [store.read_analysis(reader, doc_id) for doc_id in ids]
    finally:
        reader.close()
    batched = store.connect(tmp_path / "batched.duckdb")
    try:
        assert store.write_analyses(batched, [a for a in analyses if a is not None]) == [True] * len(ids)
    finally:
        batched.close()
    before, after = _contents(one_by_one), _contents(tmp_path / "batched.duckdb")
    assert sum(len(rows) for _, rows in before.values()) > 20
    assert after == before
