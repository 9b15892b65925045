"""Exports of the store, one module per format, found by name in `FORMATS` (the `export` command offers
what is there). To add a format: a module here with `write(db, target, options) -> int`, and one line in
`FORMATS`. A format's module is imported only when it is used, so listing them costs nothing.

    parquet   one Parquet file per table, into a folder    (parquet.py)
    gdelt     GDELT-2.0-style events, tab-separated         (gdelt.py, with the column mapping)
    plover    PLOVER-style event records, JSON lines        (plover.py)
    graphml   the relation graph as GraphML                 (graphml.py: every GraphML file is written there)
    causal    the causal graph as GraphML                   (graphml.py)
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ExportOptions:
    """What an export may be asked besides the store and the target."""

    year: int | None = None
    """Only this year's events (the relation graph); formats that cannot narrow by year ignore it."""


@dataclass(frozen=True)
class ExportFormat:
    """One export: what it writes (for `--help`), what its count counts, and where its writer is."""

    help: str
    counts: str
    module: str
    """The module of this package that writes it."""
    writer: str = "write"

    def write(self, db: Path, target: Path, options: ExportOptions) -> int:
        module = importlib.import_module(f"{__name__}.{self.module}")
        return int(getattr(module, self.writer)(db, target, options))


FORMATS: dict[str, ExportFormat] = {
    "parquet": ExportFormat("a folder of Parquet files, one per table", "tables", "parquet"),
    "gdelt": ExportFormat("GDELT-style events (TSV)", "rows", "gdelt"),
    "plover": ExportFormat("PLOVER-style event records (JSON lines)", "rows", "plover"),
    "graphml": ExportFormat("the relation graph (GraphML; --year: one year's)", "rows", "graphml", "write_relations"),
    "causal": ExportFormat("the causal graph (GraphML)", "rows", "graphml", "write_causal"),
}


def export(db: Path, name: str, target: Path, options: ExportOptions | None = None) -> int:
    """Write the store `db` in the format `name` to `target`: the number of tables or rows written."""
    return FORMATS[name].write(db, target, options or ExportOptions())
