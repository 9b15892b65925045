"""The store's schema, declared once and derived from the records, so nothing the analysis finds is lost.

Every tuple of records in `Analysis` is a table (`events`, `sentences`, ...) with `doc_id` and `idx`
(its position) and one column per record field; the document and its `blocs` are a row of `documents`.
A field becomes columns by its type:

    str, Literal, int, float, bool, date    one column (VARCHAR, INTEGER, DOUBLE, BOOLEAN, DATE)
    Span                                    three: `<name>_start`, `<name>_end`, `<name>` (its text)
    another record (Period, Change)         its own fields, prefixed `<name>_`; all NULL means None
    a tuple, or a record named in `json`    one VARCHAR column holding its JSON

A few names are kept as earlier versions wrote them (`rename`), a few columns are added for queries
(`derived`: an event's `day` as a DATE). Adding a field to a record adds its column: `store.connect`
adds what an older file lacks (see `multipolar.corpus.migrations`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types
import typing
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import duckdb

from multipolar.model.causal import side_node
from multipolar.records import (
    Actor,
    Analysis,
    Article,
    Check,
    Claim,
    Event,
    Quantity,
    Quote,
    Record,
    Relation,
    Sentence,
    Span,
    TimelineEntry,
)

SCHEMA_VERSION = 3
"""1: documents, actors, events, quantities, quotes. 2 added the claims table. 3 keeps every field of the
contract: sentences, actor mentions, timeline, relations, blocs, checks and unresolved mentions, events'
verb, sectors and coder, figures' change and offsets, quotes' offsets, the document's voice and date
precision. A file of an older version is upgraded in place when opened for writing (`multipolar.corpus.migrations`)."""


@dataclass(frozen=True)
class Column:
    """One column of a table: its name, DuckDB type, and how a field's value goes in and comes out."""

    name: str
    sql: str
    to_sql: Callable[[Any], Any] = lambda value: value
    from_sql: Callable[[Any], Any] = lambda value: value


@dataclass(frozen=True)
class FieldMap:
    """A record field and the columns it is stored in; `nested` when it is a record spread over columns."""

    name: str
    hint: Any
    columns: tuple[Column, ...]
    nested: tuple[FieldMap, ...] = ()
    optional: bool = False

    def values(self, value: Any) -> list[Any]:
        if self.nested:
            return [v for part in self.nested for v in part.values(None if value is None else getattr(value,
                                                                                                  part.name))]
        return [self.columns[0].to_sql(value)]

    def value(self, row: Sequence[Any], default: Any) -> Any:
        """The field's value from its columns' values (`row`, in column order)."""
        if not self.nested:
            raw = row[0]
            return default if raw is None else self.columns[0].from_sql(raw)
        if all(v is None for v in row):
            return None if self.optional else default
        kwargs, at = {}, 0
        for part in self.nested:
            width = len(part.columns_flat())
            kwargs[part.name] = part.value(row[at : at + width], None)
            at += width
        return _base(self.hint)(**kwargs)

    def columns_flat(self) -> tuple[Column, ...]:
        return tuple(c for part in self.nested for c in part.columns_flat()) if self.nested else self.columns


@dataclass(frozen=True, eq=False)
class Table:
    """A table of one record type: `doc_id`, `idx`, the record's fields, and derived columns."""

    name: str
    record: type[Record]
    rename: dict[str, str] = field(default_factory=dict)
    json: frozenset[str] = frozenset()
    dates: frozenset[str] = frozenset()
    derived: tuple[tuple[Column, Callable[[Any], Any]], ...] = ()

    @property
    def fields(self) -> tuple[FieldMap, ...]:
        return _fields(self)

    @property
    def field_columns(self) -> tuple[Column, ...]:
        """The columns the record's fields are stored in, in order."""
        return tuple(c for f in self.fields for c in f.columns_flat())

    @property
    def columns(self) -> tuple[Column, ...]:
        keys = (Column("doc_id", "VARCHAR"), Column("idx", "INTEGER"))
        return keys + self.field_columns + tuple(c for c, _ in self.derived)

    def row(self, doc_id: str, idx: int, record: Any) -> list[Any]:
        return [doc_id, idx, *(v for f in self.fields for v in f.values(getattr(record, f.name))),
                *(compute(record) for _, compute in self.derived)]

    def record_from(self, row: Sequence[Any]) -> Any:
        """The record from the values of its `field_columns`."""
        defaults = {f.name: f.default for f in dataclasses.fields(self.record)}  # type: ignore[arg-type]
        kwargs, at = {}, 0
        for part in self.fields:
            width = len(part.columns_flat())
            default = defaults[part.name]
            kwargs[part.name] = part.value(row[at : at + width], None if default is dataclasses.MISSING else default)
            at += width
        return self.record(**kwargs)


def _base(hint: Any) -> Any:
    """`X` of `X | None`."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return next(a for a in typing.get_args(hint) if a is not type(None))
    return hint


def _is_optional(hint: Any) -> bool:
    return typing.get_origin(hint) in (typing.Union, types.UnionType) and type(None) in typing.get_args(hint)


_SCALARS = {str: "VARCHAR", int: "INTEGER", float: "DOUBLE", bool: "BOOLEAN"}


def _scalar_sql(hint: Any) -> str:
    if typing.get_origin(hint) is typing.Literal:
        return "INTEGER" if all(isinstance(a, int) for a in typing.get_args(hint)) else "VARCHAR"
    if hint is dt.date:
        return "DATE"
    return _SCALARS[hint]


@cache
def _fields(table: Table) -> tuple[FieldMap, ...]:
    hints = typing.get_type_hints(table.record)
    return tuple(_field_map(f.name, hints[f.name], table, table.rename.get(f.name, f.name),
                            as_json=f.name in table.json)
                 for f in dataclasses.fields(table.record))  # type: ignore[arg-type]


def json_column(name: str, hint: Any) -> Column:
    """A column holding a value as its JSON (the contract's form of it)."""
    def to_sql(value: Any) -> str | None:
        return None if value is None else json.dumps(_plain(value), ensure_ascii=False)

    def from_sql(raw: str) -> Any:
        return from_plain(hint, json.loads(raw))

    return Column(name, "VARCHAR", to_sql, from_sql)


def _field_map(name: str, hint: Any, table: Table, column: str, *, as_json: bool = False) -> FieldMap:
    base, optional = _base(hint), _is_optional(hint)
    if as_json or typing.get_origin(base) is tuple:
        return FieldMap(name, hint, (json_column(column, hint),))
    if isinstance(base, type) and issubclass(base, Record):
        hints = typing.get_type_hints(base)
        names = {"text": column, "start": f"{column}_start", "end": f"{column}_end"} if base is Span else {}
        parts = tuple(_field_map(f.name, hints[f.name], table, names.get(f.name, f"{column}_{f.name}"))
                      for f in dataclasses.fields(base))  # type: ignore[arg-type]
        return FieldMap(name, hint, (), parts, optional)
    if column in table.dates:
        return FieldMap(name, hint, (Column(column, "DATE", lambda v: None if v is None else dt.date.fromisoformat(v),
                                            lambda raw: raw.isoformat()),))
    return FieldMap(name, hint, (Column(column, _scalar_sql(base), from_sql=_coerce(base)),))


def _coerce(base: Any) -> Callable[[Any], Any]:
    """DuckDB gives back what it was given, except that a float column may hold a whole number."""
    return float if base is float else (lambda value: value)


def _plain(value: Any) -> Any:
    if isinstance(value, Record):
        return value.as_dict()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def from_plain(hint: Any, value: Any) -> Any:
    """The inverse of `as_dict()`: a record (or tuple of them, or a plain value) from its JSON form."""
    if value is None:
        return None
    base = _base(hint)
    if typing.get_origin(base) is tuple:
        inner = typing.get_args(base)[0]
        return tuple(from_plain(inner, v) for v in value)
    if isinstance(base, type) and issubclass(base, Record):
        hints = typing.get_type_hints(base)
        kwargs = {f.name: from_plain(hints[f.name], value[f.name.rstrip("_")])
                  for f in dataclasses.fields(base) if f.name.rstrip("_") in value}  # type: ignore[arg-type]
        return base(**kwargs)
    if base is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def _day(value: str | None) -> dt.date | None:
    """An event's date as a DATE for time series: "2022-02" counts from 1 February."""
    if not value:
        return None
    parts = value.split("-")
    try:
        return dt.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except ValueError:
        return None


ROW_TABLES: tuple[Table, ...] = (
    Table("sentences", Sentence),
    Table("actors", Actor, rename={"mentions": "mention_spans"},
          derived=((Column("mentions", "INTEGER"), lambda actor: len(actor.mentions)),)),
    Table("events", Event, derived=((Column("day", "DATE"), lambda event: _day(event.date)),)),
    Table("quantities", Quantity, rename={"from_": "from_actor", "to": "to_actor"},
          dates=frozenset({"period_start", "period_end"})),
    Table("quotes", Quote),
    Table("timeline", TimelineEntry),
    Table("relations", Relation),
    Table("checks", Check),
    Table("unresolved", Span),
    Table("claims", Claim, json=frozenset({"cause", "effect"}), derived=(
        (Column("cause_node", "VARCHAR"), lambda claim: side_node(claim.cause).id if claim.cause else None),
        (Column("effect_node", "VARCHAR"), lambda claim: side_node(claim.effect).id))),
)
"""One table per tuple of records in `Analysis`, named as the field is."""

DOCUMENT = Table("documents", Article)
"""The document's own fields; `documents` adds its id, blocs, row counts and bookkeeping (below)."""


BLOCS = json_column("blocs", tuple[tuple[str, ...], ...])


def document_columns() -> tuple[Column, ...]:
    """The columns of `documents`: id, the article's fields, blocs, a row count per table, bookkeeping."""
    return (Column("id", "VARCHAR PRIMARY KEY"), *DOCUMENT.field_columns, BLOCS,
            *(Column(f"n_{t.name}", "INTEGER") for t in ROW_TABLES),
            Column("ingested_at", "TIMESTAMP"), Column("stored_schema", "INTEGER"))


def document_row(analysis: Analysis, schema_version: int) -> list[Any]:
    doc = analysis.document
    return [doc.id, *(v for f in DOCUMENT.fields for v in f.values(getattr(doc, f.name))), BLOCS.to_sql(analysis.blocs),
            *(len(getattr(analysis, t.name)) for t in ROW_TABLES), dt.datetime.now(), schema_version]


def table(name: str) -> Table:
    return next(t for t in ROW_TABLES if t.name == name)


def quoted(name: str) -> str:
    """A column name as SQL: some are keywords ("end", "index")."""
    return '"' + name.replace('"', '""') + '"'


def existing_columns(connection: duckdb.DuckDBPyConnection) -> dict[str, set[str]]:
    """The columns each table of a file has (a file of an older version, opened read-only, has fewer)."""
    found: dict[str, set[str]] = {}
    for table, column in connection.execute(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'main'").fetchall():
        found.setdefault(table, set()).add(column)
    return found
