"""A store of hand-made analyses, written by `store.write_analysis` without the model: for tests of queries,
terminal tables, pages and reports.

Each event gets its own document (titled, dated, with an original URL) whose text is the event's sentence,
unless rows share a `doc`."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from multipolar.corpus import store
from multipolar.records import Actor, Analysis, Article, Event, Period, Quantity, Quote, Sentence, Span

NAMES = {"USA": "United States", "CHN": "China", "RUS": "Russia", "GBR": "United Kingdom", "FRA": "France",
         "IRN": "Iran", "UKR": "Ukraine", "DEU": "Germany"}


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
    quote: str = ""
    """A quotation by the source actor in the same document."""


def _day(date: str) -> dt.date:
    parts = [int(p) for p in date.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def _event(row: Row, text: str) -> Event:
    return Event(row.source, row.target, row.source, row.target, row.source, row.target, row.plover, "06",
                 row.goldstein, row.quad, None, row.date, row.negated, row.modality,  # type: ignore[arg-type]
                 0.8, 0, Span(0, len(text), text))


def _actors(codes: set[str], text: str) -> tuple[Actor, ...]:
    return tuple(Actor(code, NAMES.get(code, code), "state", code, None, (Span(0, min(3, len(text)), text[:3]),))
                 for code in sorted(codes))


def write_store(db: Path, rows: list[Row], *, documents: tuple[str, ...] = (),
                figures: tuple[dict[str, Any], ...] = ()) -> Path:
    """Events (one document each unless they share `doc`), extra dated documents without events, and money
    figures (each in a document of its own)."""
    grouped: dict[str, list[tuple[int, Row]]] = defaultdict(list)
    for k, row in enumerate(rows):
        grouped[row.doc or str(k)].append((k, row))
    analyses = []
    for members in grouped.values():
        k, first = members[0]
        text = first.sentence or f"{first.source} and {first.target} met in report {k}."
        said = [r.quote for _, r in members if r.quote]
        if said:
            text += "".join(f" “{q}”, {NAMES.get(first.source, first.source)} said." for q in said)
        quotes = tuple(Quote(q, NAMES.get(first.source), first.source, True, 0, Span(0, len(text), text),
                             text.index(q), text.index(q) + len(q)) for q in said)
        article = Article(text, f"Report {k}: {first.source} and {first.target}", _day(first.date),
                          f"https://example.org/report/{k}")
        analyses.append(Analysis(article, (Sentence(0, 0, len(text)),),
                                 _actors({c for _, r in members for c in (r.source, r.target)}, text),
                                 tuple(_event(r, text) for _, r in members), quotes=quotes))
    for k, date in enumerate(documents):
        analyses.append(Analysis(Article(f"An undated note, number {k}.", None, dt.date.fromisoformat(date))))
    for k, figure in enumerate(figures):
        evidence = str(figure.get("evidence", f"{figure['text']} was stated in figures {k}."))
        start, end = figure.get("start"), figure.get("end")
        written = str(figure["text"])
        at = max(evidence.find(written), 0)
        quantity = Quantity("money", float(figure["value"]), "USD", "exact", figure.get("measure"), figure.get("from"),
                            figure.get("to"), tuple(figure.get("parties", ())), (),
                            Period(str(start), str(end)) if start else None, None, 0,
                            Span(0, len(evidence), evidence), written, at, at + len(written),
                            usd=float(figure["value"]))
        article = Article(evidence, f"Figures {k}", dt.date.fromisoformat(str(figure.get("date", "2023-01-01"))),
                          f"https://example.org/figures/{k}")
        analyses.append(Analysis(article, (Sentence(0, 0, len(evidence)),),
                                 _actors(set(figure.get("parties", ())), evidence), quantities=(quantity,)))
    connection = store.connect(db)
    try:
        for analysis in analyses:
            store.write_analysis(connection, analysis)
    finally:
        connection.close()
    return db
