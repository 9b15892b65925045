"""Rows for browsing a store: filtered, paged events, documents, actors, figures and quotes, each row with
its document's title, date and source. The web's tables and their CSV twins read these; the questions
across the corpus (periods, dyads, blocs) are in `corpus.queries`.

Every value reaches DuckDB as a parameter; only the fixed fragments written here are put into SQL text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from multipolar.corpus import store

Modality = Literal["any", "counted", "asserted", "reported", "hypothetical", "intended", "negated"]
MODALITIES: tuple[Modality, ...] = ("any", "counted", "asserted", "reported", "hypothetical", "intended", "negated")
_COUNTED = "NOT e.negated AND e.modality IN ('asserted', 'reported', 'intended')"
CITED = "d.title AS doc_title, d.date AS doc_date, d.source AS doc_source"


def rows(db: Path, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    """A parameterised query's rows as dicts, dates as ISO text; the store opened read-only."""
    connection = store.connect(db, read_only=True)
    try:
        cursor = connection.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [{k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in zip(names, row, strict=True)}
                for row in cursor.fetchall()]
    finally:
        connection.close()


@dataclass(frozen=True)
class EventFilter:
    """The controls of an events table: who (one actor, or a dyad with `other`), what, how sure, when."""

    actor: str | None = None
    other: str | None = None
    type: str | None = None
    quad: int | None = None
    modality: Modality = "any"
    since: dt.date | None = None
    until: dt.date | None = None
    q: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        """SQL conditions on `events e` and their parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.actor and self.other:
            clauses.append("((e.source = ? AND e.target = ?) OR (e.source = ? AND e.target = ?))")
            params += [self.actor, self.other, self.other, self.actor]
        elif self.actor:
            clauses.append("(e.source = ? OR e.target = ?)")
            params += [self.actor, self.actor]
        for column, value in (("e.plover", self.type), ("e.quad_class", self.quad)):
            if value is not None:
                clauses.append(f"{column} = ?")
                params.append(value)
        if self.modality == "counted":
            clauses.append(_COUNTED)
        elif self.modality == "negated":
            clauses.append("e.negated")
        elif self.modality != "any":
            clauses.append("e.modality = ?")
            params.append(self.modality)
        bounds: tuple[tuple[str, Any], ...] = (("e.day >= ?", self.since), ("e.day <= ?", self.until),
                                               ("contains(lower(e.evidence), lower(?))", self.q))
        for condition, bound in bounds:
            if bound:
                clauses.append(condition)
                params.append(bound)
        return " AND ".join(clauses) or "TRUE", params


def events(db: Path, found: EventFilter, limit: int, offset: int) -> list[dict[str, Any]]:
    """Events, newest first, with their document."""
    where, params = found.where()
    return rows(db, f"""
        SELECT e.doc_id, e.idx, e.date, e.source, e.target, e.plover, e.mode, e.cameo, e.goldstein, e.quad_class,
               e.negated, e.modality, e.sentence, e.evidence, e.source_text, e.target_text, {CITED}
        FROM events e JOIN documents d ON d.id = e.doc_id WHERE {where}
        ORDER BY e.day DESC NULLS LAST, e.doc_id, e.idx LIMIT ? OFFSET ?""", [*params, limit, offset])


def count_events(db: Path, found: EventFilter) -> int:
    where, params = found.where()
    return int(rows(db, f"SELECT count(*) AS n FROM events e WHERE {where}", params)[0]["n"])


@dataclass(frozen=True)
class DocumentFilter:
    """The controls of the documents list: words, dates and an actor the document names."""

    q: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    actor: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        return ("(? IS NULL OR contains(lower(coalesce(d.title, '') || ' ' || d.text), lower(?)))"
                " AND (? IS NULL OR d.date >= ?) AND (? IS NULL OR d.date <= ?)"
                " AND (? IS NULL OR EXISTS (SELECT 1 FROM actors a WHERE a.doc_id = d.id AND a.code = ?))",
                [self.q, self.q, self.since, self.since, self.until, self.until, self.actor, self.actor])


def documents(db: Path, found: DocumentFilter, limit: int, offset: int) -> list[dict[str, Any]]:
    """Documents, newest first."""
    where, params = found.where()
    return rows(db, f"""
        SELECT d.id, d.source_id, d.title, d.date, d.source, d.n_events, d.n_quantities, d.n_quotes FROM documents d
        WHERE {where} ORDER BY d.date DESC NULLS LAST, d.id LIMIT ? OFFSET ?""", [*params, limit, offset])


def count_documents(db: Path, found: DocumentFilter) -> int:
    where, params = found.where()
    return int(rows(db, f"SELECT count(*) AS n FROM documents d WHERE {where}", params)[0]["n"])


def actors(db: Path, kind: str | None, limit: int, offset: int) -> list[dict[str, Any]]:
    """Stored actors (of one kind, if given), most mentioned first, with how many documents name them."""
    return rows(db, "SELECT code, any_value(name) AS name, any_value(kind) AS kind, any_value(country) AS country,"
                    " count(DISTINCT doc_id) AS documents, sum(mentions) AS mentions FROM actors"
                    " WHERE (? IS NULL OR kind = ?) GROUP BY code ORDER BY mentions DESC, code LIMIT ? OFFSET ?",
                [kind, kind, limit, offset])


def quantities(db: Path, actor: str | None, measure: str | None, limit: int, offset: int) -> list[dict[str, Any]]:
    """Figures naming `actor` (a party) and of `measure`, if given, by period, with their document."""
    return rows(db, f"SELECT q.*, {CITED} FROM quantities q"
                    " JOIN documents d ON d.id = q.doc_id WHERE (? IS NULL OR contains(q.parties, ?))"
                    " AND (? IS NULL OR q.measure = ?)"
                    " ORDER BY q.period_start NULLS LAST, q.doc_id, q.idx LIMIT ? OFFSET ?",
                [actor, f'"{actor}"', measure, measure, limit, offset])


def quotes(db: Path, actor: str | None, limit: int, offset: int) -> list[dict[str, Any]]:
    """Quotations (by `actor`, if given), with their document."""
    return rows(db, f"SELECT q.*, {CITED} FROM quotes q"
                    " JOIN documents d ON d.id = q.doc_id WHERE (? IS NULL OR q.speaker_actor = ?)"
                    " ORDER BY q.doc_id, q.idx LIMIT ? OFFSET ?", [actor, actor, limit, offset])


def dyad_figures(db: Path, a: str, b: str, limit: int = 50) -> list[dict[str, Any]]:
    """Money and other figures naming both actors, each with its document and sentence."""
    return rows(db, f"""
        SELECT q.doc_id, q.idx, q.text, q.kind, q.measure, q.from_actor, q.to_actor, q.parties, q.usd,
               q.period_start, q.period_end, q.sentence, q.evidence, {CITED}
        FROM quantities q JOIN documents d ON d.id = q.doc_id
        WHERE contains(q.parties, ?) AND contains(q.parties, ?)
        ORDER BY q.period_start NULLS LAST, d.date, q.doc_id, q.idx LIMIT ?""", [f'"{a}"', f'"{b}"', limit])


def dyad_quotes(db: Path, a: str, b: str, limit: int = 20) -> list[dict[str, Any]]:
    """Quotations by either side (the actor, or a person or body of that country) in documents that report
    events between a and b."""
    return rows(db, f"""
        SELECT q.doc_id, q.idx, q.text, q.speaker, q.speaker_actor, q.direct, q.date, q.sentence, {CITED}
        FROM quotes q JOIN documents d ON d.id = q.doc_id
        LEFT JOIN actors ac ON ac.doc_id = q.doc_id AND ac.code = q.speaker_actor
        WHERE q.doc_id IN (SELECT doc_id FROM events WHERE (source = ? AND target = ?) OR (source = ? AND target = ?))
          AND (q.speaker_actor IN (?, ?) OR ac.country IN (?, ?))
        ORDER BY d.date DESC NULLS LAST, q.doc_id, q.idx LIMIT ?""", [a, b, b, a, a, b, a, b, limit])


def actor_choices(db: Path, limit: int = 400) -> list[dict[str, Any]]:
    """The actors to pick from (most mentioned first): code, name, how many documents name them."""
    return rows(db, "SELECT code, mode(name) AS name, count(DISTINCT doc_id) AS documents FROM actors GROUP BY code"
                    " ORDER BY sum(mentions) DESC, code LIMIT ?", [limit])


def event_types(db: Path) -> list[str]:
    return [r["plover"] for r in rows(db, "SELECT DISTINCT plover FROM events ORDER BY plover", [])]


def store_span(db: Path) -> tuple[str | None, str | None]:
    """The first and last document dates: the range the date inputs offer."""
    found = rows(db, "SELECT min(date) AS first, max(date) AS last FROM documents", [])[0]
    return found["first"], found["last"]
