"""The store's schema is derived from the records, and a store written by an older version is upgraded in
place (inside a transaction, after a backup copy) without losing a row. No statistical model needed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import typing
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import duckdb
import pytest

from multipolar.corpus import migrations, schema, store
from multipolar.errors import StoreError
from multipolar.records import Actor, Analysis, Period, Record, Span

from .conftest import FIXTURES


def test_every_tuple_of_records_in_the_analysis_has_its_table() -> None:
    hints = typing.get_type_hints(Analysis)
    lists = {name for name, hint in hints.items() if typing.get_origin(hint) is tuple
             and isinstance(typing.get_args(hint)[0], type) and issubclass(typing.get_args(hint)[0], Record)}
    assert lists == {t.name for t in schema.ROW_TABLES}


def test_every_field_of_every_record_has_its_columns() -> None:
    events = {c.name for c in schema.table("events").columns}
    assert {"verb", "source_sector", "target_sector", "coder", "evidence_start", "evidence_end", "evidence"} <= events
    quantities = {c.name for c in schema.table("quantities").columns}
    assert {"change_direction", "change_relative_to", "change_rate", "described_as", "start", "end",
            "evidence_start", "usd_basis", "from_actor", "to_actor"} <= quantities
    assert {"start", "end", "evidence_start", "date"} <= {c.name for c in schema.table("quotes").columns}
    documents = {c.name for c in schema.document_columns()}
    assert {"voice", "date_precision", "title", "source", "source_id", "blocs"} <= documents


def _contract() -> dict[str, typing.Any]:
    text = resources.files("multipolar").joinpath("data/schema/analysis.schema.json").read_text(encoding="utf-8")
    return typing.cast(dict[str, typing.Any], json.loads(text)["$defs"]["analysis"]["properties"])


def _missing(properties: dict[str, typing.Any], fields: tuple[schema.FieldMap, ...], where: str) -> list[str]:
    """Contract properties (and those of objects nested in them) that no stored field holds."""
    by_name = {f.name.rstrip("_"): f for f in fields}
    missing = []
    for name, spec in properties.items():
        field = by_name.get(name)
        if field is None:
            missing.append(f"{where}.{name}")
        elif field.nested and "properties" in spec:  # spread over columns: each part needs its own
            missing += _missing(spec["properties"], field.nested, f"{where}.{name}")
    return missing


def test_every_field_of_the_contract_has_a_place_in_the_store() -> None:
    """Read from the contract's JSON Schema, not from the records: a field added to the contract (the actors'
    origin, office, title, category, existed, successors...) and not to the store fails here."""
    contract = _contract()
    document = {name: spec for name, spec in contract["document"]["properties"].items() if name != "id"}
    missing = _missing(document, schema.DOCUMENT.fields, "document")  # the id is computed: its own column
    for table in schema.ROW_TABLES:
        items = contract.get(table.name, {}).get("items", {})
        missing += _missing(items.get("properties", {}), table.fields, table.name)
    assert missing == []
    assert {"id", "blocs"} <= {c.name for c in schema.document_columns()}
    assert {"origin", "origin_id", "office", "title", "category", "existed_start", "existed_end",
            "successors"} <= {c.name for c in schema.table("actors").columns}


def test_an_actor_with_every_provenance_field_round_trips_through_duckdb() -> None:
    table = schema.table("actors")
    actors = [Actor("RUSGOV", "Sergei Lavrov", "person", "RUS", "GOV", (Span(0, 6, "Lavrov"),), "knowledge_base",
                    "Q178566", "foreign_minister", "Minister of Foreign Affairs", "politician",
                    Period("2004-03-09", None), ("Q1", "Q2")),  # type: ignore[arg-type]
              Actor("SUN", "Soviet Union", "state", None, None, (), "gazetteer", "Q15180", None, None,
                    "historical state", Period(None, "1991-12-26"), ("RUS",)),  # type: ignore[arg-type]
              Actor("FRA", "France", "state", "FRA", None)]
    connection = duckdb.connect()
    connection.execute(f"CREATE TABLE actors ({', '.join(f'{schema.quoted(c.name)} {c.sql}' for c in table.columns)})")
    insert = f"INSERT INTO actors VALUES ({', '.join('?' for _ in table.columns)})"
    for i, actor in enumerate(actors):
        connection.execute(insert, table.row("d", i, actor))
    names = ", ".join(schema.quoted(c.name) for c in table.field_columns)
    back = [table.record_from(row) for row in connection.execute(f"SELECT {names} FROM actors ORDER BY idx").fetchall()]
    assert back == actors
    assert [a.as_dict() for a in back] == [a.as_dict() for a in actors]


@dataclass(frozen=True)
class Sample(Record):
    """A record with a field of every kind the schema knows."""

    name: str
    count: int
    share: float | None
    flag: bool
    when: dt.date | None
    span: Span
    period: Period | None
    tags: tuple[str, ...]
    spans: tuple[Span, ...] = ()
    added_later: str = "default"


def test_a_record_of_every_field_kind_round_trips_through_duckdb() -> None:
    """What adding a field costs: nothing but the field. Its column is derived, written and read back."""
    table = schema.Table("samples", Sample)
    assert [c.name for c in table.columns] == [
        "doc_id", "idx", "name", "count", "share", "flag", "when", "span_start", "span_end", "span",
        "period_start", "period_end", "tags", "spans", "added_later"]
    records = [Sample("a", 1, 0.5, True, dt.date(2024, 2, 29), Span(0, 3, "abc"), Period("2023-01-01", "2023-12-31"),
                      ("x", "y"), (Span(1, 2, "b"),), "set"),
               Sample("b", -2, None, False, None, Span(4, 4, ""), None, ())]
    connection = duckdb.connect()
    connection.execute(f"CREATE TABLE samples ({', '.join(f'{schema.quoted(c.name)} {c.sql}' for c in table.columns)})")
    for i, record in enumerate(records):
        connection.execute(f"INSERT INTO samples VALUES ({', '.join('?' for _ in table.columns)})",
                           table.row("doc", i, record))
    names = ", ".join(schema.quoted(c.name) for c in table.field_columns)
    stored = connection.execute(f"SELECT {names} FROM samples ORDER BY idx").fetchall()
    back = [table.record_from(row) for row in stored]
    assert back == records
    connection.execute("UPDATE samples SET added_later = NULL")  # a row written before the field existed
    old = table.record_from(connection.execute(f"SELECT {names} FROM samples ORDER BY idx").fetchone() or ())
    assert old == dataclasses.replace(records[0], added_later="default")


def old_store(tmp_path: Path, version: int) -> Path:
    """A fresh file holding exactly what the version of that schema wrote (see tests/fixtures/store-schemas.md)."""
    path = tmp_path / f"schema{version}.duckdb"
    connection = duckdb.connect(str(path))
    connection.execute(f"IMPORT DATABASE '{(FIXTURES / f'store-schema{version}').as_posix()}'")
    connection.close()
    return path


def rows(path: Path, table: str, columns: list[str]) -> list[tuple[object, ...]]:
    connection = duckdb.connect(str(path), read_only=True)
    try:
        names = ", ".join(schema.quoted(c) for c in columns)
        return sorted(connection.execute(f"SELECT {names} FROM {table}").fetchall(), key=repr)
    finally:
        connection.close()


@pytest.mark.parametrize("version", [1, 2])
def test_an_older_store_is_upgraded_in_place_after_a_backup_and_keeps_every_row(version: int,
                                                                               tmp_path: Path) -> None:
    path = old_store(tmp_path, version)
    before = duckdb.connect(str(path), read_only=True)
    old_columns = schema.existing_columns(before)
    assert migrations.file_version(before) == version
    before.close()
    old_rows = {t: rows(path, t, sorted(cols)) for t, cols in old_columns.items() if t != "meta"}
    original = path.read_bytes()

    connection = store.connect(path)
    assert migrations.file_version(connection) == store.SCHEMA_VERSION
    assert store.consistency_problems(connection) == []
    assert not migrations.missing_parts(connection)
    ids = [row[0] for row in connection.execute("SELECT id FROM documents ORDER BY id").fetchall()]
    assert {store.stored_schema(connection, i) for i in ids} == {version}
    analysis = store.read_analysis(connection, ids[0])
    connection.close()

    backup = path.with_name(f"{path.name}.schema{version}.bak")
    assert backup.read_bytes() == original
    for table, columns in old_columns.items():
        if table != "meta":
            assert rows(path, table, sorted(columns)) == old_rows[table], f"{table} changed"
    assert analysis is not None and analysis.document.id == ids[0] and analysis.events
    assert analysis.sentences == ()  # not kept before schema 3
    store.connect(path).close()
    assert backup.read_bytes() == original, "an up-to-date store is not upgraded (nor backed up) again"


def test_a_failed_upgrade_leaves_the_file_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = old_store(tmp_path, 2)
    statements = migrations.Missing.statements
    monkeypatch.setattr(migrations.Missing, "statements",
                        lambda self: [*statements(self), "ALTER TABLE no_such_table ADD COLUMN x INTEGER"])
    with pytest.raises(StoreError, match="the file is unchanged, a copy is at"):
        store.connect(path)
    connection = duckdb.connect(str(path), read_only=True)
    assert migrations.file_version(connection) == 2
    assert "verb" not in schema.existing_columns(connection)["events"]
    connection.close()


def test_a_store_of_a_newer_version_is_refused_for_writing(tmp_path: Path) -> None:
    path = tmp_path / "newer.duckdb"
    store.connect(path).close()
    connection = duckdb.connect(str(path))
    connection.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    connection.close()
    with pytest.raises(StoreError, match="newer multipolar"):
        store.connect(path)


def test_an_older_store_opened_read_only_is_read_as_it_is(tmp_path: Path) -> None:
    path = old_store(tmp_path, 1)
    connection = store.connect(path, read_only=True)
    ids = [row[0] for row in connection.execute("SELECT id FROM documents").fetchall()]
    found = [store.read_analysis(connection, i) for i in ids]
    assert all(a is not None and a.document.text for a in found)
    assert store.stored_claims(connection) == [] and store.stored_schema(connection, ids[0]) is None
    connection.close()
    assert not path.with_name(f"{path.name}.schema1.bak").exists(), "reading changes nothing"


def test_upgrade_and_show_from_the_command_line(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from multipolar.cli.app import app

    runner = CliRunner()
    path = old_store(tmp_path, 2)
    done = runner.invoke(app, ["upgrade", "--db", str(path)])
    said = " ".join(done.stderr.split())  # the terminal wraps long lines
    assert done.exit_code == 0 and "upgraded" in said and "from store schema 2 to 3" in said
    again = runner.invoke(app, ["upgrade", "--db", str(path)])
    assert again.exit_code == 0 and "is up to date" in " ".join(again.stderr.split())
    shown = runner.invoke(app, ["show", "fx-2", "--db", str(path)])
    assert shown.exit_code == 0 and "stored by store schema 2" in " ".join(shown.stderr.split())
    assert json.loads(shown.stdout)["document"]["source_id"] == "fx-2"
