"""A store written row by row, without the model: for tests of queries, terminal tables, pages and reports.

Each event gets its own document (titled, dated, with an original URL) whose text is the event's sentence."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from multipolar import store

INGESTED = dt.datetime(2025, 1, 1)


@dataclass(frozen=True)
class Row:
    source: str
    target: str
    date: str
    goldstein: float
    quad: int
    plover: str = "COOPERATE"
    negated: bool = False
    modality: str = "asserted"
    sentence: str = ""
    doc: str | None = None
    """Rows with the same `doc` share one document (a symmetric pair from one sentence); else one each."""


def write_store(db: Path, rows: list[Row], *, documents: tuple[str, ...] = (),
                figures: tuple[dict[str, object], ...] = ()) -> Path:
    """Events (one document each), extra dated documents without events, and money figures (each in the
    document of the event with the same index, or in a document of its own past the last event)."""
    connection = store.connect(db)
    try:
        written: dict[str, int] = {}
        for k, row in enumerate(rows):
            doc_id = f"d{row.doc or k}"
            text = row.sentence or f"{row.source} and {row.target} met in report {k}."
            if doc_id not in written:
                _document(connection, doc_id, f"Report {k}: {row.source} and {row.target}", store._day(row.date),
                          f"https://example.org/report/{k}", text, events=0)
            written[doc_id] = written.get(doc_id, -1) + 1
            connection.execute(
                "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '06', ?, ?, NULL, ?, ?, ?, ?, 0.8, 0, 0, ?, ?)",
                [doc_id, written[doc_id], row.source, row.target, row.source, row.target, row.source, row.target,
                 row.plover, row.goldstein, row.quad, row.date, store._day(row.date), row.negated, row.modality,
                 len(text), text])
            connection.execute("UPDATE documents SET n_events = n_events + 1 WHERE id = ?", [doc_id])
            _actors(connection, doc_id, {row.source, row.target})
        for k, date in enumerate(documents):
            _document(connection, f"x{k}", None, dt.date.fromisoformat(date), None, "An undated note.", events=0)
        for k, figure in enumerate(figures):
            doc_id = f"f{k}"
            evidence = str(figure.get("evidence", f"{figure['text']} was stated."))
            _document(connection, doc_id, f"Figures {k}", dt.date.fromisoformat(str(figure.get("date", "2023-01-01"))),
                      f"https://example.org/figures/{k}", evidence, events=0)
            connection.execute(
                "INSERT INTO quantities VALUES (?, 0, 'money', ?, 'USD', ?, 'exact', ?, ?, ?, ?, '[]', ?, ?, ?, 0, ?)",
                [doc_id, figure["value"], figure["value"], figure.get("measure"), figure.get("from"),
                 figure.get("to"), json.dumps(figure.get("parties", [])), figure.get("start"), figure.get("end"),
                 figure["text"], evidence])
            connection.execute("UPDATE documents SET n_quantities = 1 WHERE id = ?", [doc_id])
            _actors(connection, doc_id, {str(p) for p in figure.get("parties", [])})  # type: ignore[attr-defined]
    finally:
        connection.close()
    return db


def _document(connection: object, doc_id: str, title: str | None, date: dt.date | None, url: str | None,
              text: str, *, events: int) -> None:
    connection.execute(  # type: ignore[attr-defined]
        "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, 0, ?, 0, 0, ?)",
        [doc_id, doc_id, title, date, url, text, events, INGESTED])


NAMES = {"USA": "United States", "CHN": "China", "RUS": "Russia", "GBR": "United Kingdom", "FRA": "France",
         "IRN": "Iran", "UKR": "Ukraine", "DEU": "Germany"}


def _actors(connection: object, doc_id: str, codes: set[str]) -> None:
    known = {row[0] for row in connection.execute(  # type: ignore[attr-defined]
        "SELECT code FROM actors WHERE doc_id = ?", [doc_id]).fetchall()}
    codes = codes - known
    for code in sorted(codes):
        connection.execute("INSERT INTO actors VALUES (?, ?, ?, 'state', ?, NULL, 1)",  # type: ignore[attr-defined]
                           [doc_id, code, NAMES.get(code, code), code])
    connection.execute("UPDATE documents SET n_actors = n_actors + ? WHERE id = ?",  # type: ignore[attr-defined]
                       [len(codes), doc_id])
