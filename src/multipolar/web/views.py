"""What the web pages and their JSON and CSV twins show: filtered events, documents, actors to pick from,
a dyad's periods, with every row carrying its document's title, date, original URL and sentence anchor.

All queries are parameterised; the filters arrive already validated (`pages` declares them)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote, urlencode

from multipolar.present.briefing import rows, url_of

Modality = Literal["any", "counted", "asserted", "reported", "hypothetical", "intended", "negated"]
MODALITIES: tuple[Modality, ...] = ("any", "counted", "asserted", "reported", "hypothetical", "intended", "negated")
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
_COUNTED = "NOT e.negated AND e.modality IN ('asserted', 'reported', 'intended')"
_CITED = "d.title AS doc_title, d.date AS doc_date, d.source AS doc_source"


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
        if self.since:
            clauses.append("e.day >= ?")
            params.append(self.since)
        if self.until:
            clauses.append("e.day <= ?")
            params.append(self.until)
        if self.q:
            clauses.append("contains(lower(e.evidence), lower(?))")
            params.append(self.q)
        return " AND ".join(clauses) or "TRUE", params

    def query(self, **extra: Any) -> str:
        """The filter as a URL query, defaults left out; `extra` adds or overrides parameters."""
        return query_string({f.name: getattr(self, f.name) for f in fields(self)} | extra)


def query_string(values: dict[str, Any]) -> str:
    return urlencode([(k, v.isoformat() if isinstance(v, dt.date) else v) for k, v in values.items()
                      if v not in (None, "", "any")])


def cited(row: dict[str, Any]) -> dict[str, Any]:
    """A row with its document's original URL and the link to its sentence on the document page."""
    doc_id, sentence = row.get("doc_id"), row.get("sentence")
    anchor = f"/document/{quote(str(doc_id))}" + (f"#s{sentence}" if sentence is not None else "")
    return {**row, "doc_url": url_of(row.get("doc_source")), "anchor": anchor if doc_id else None}


def events(db: Path, found: EventFilter, limit: int, offset: int) -> list[dict[str, Any]]:
    where, params = found.where()
    return [cited(r) for r in rows(db, f"""
        SELECT e.doc_id, e.idx, e.date, e.source, e.target, e.plover, e.mode, e.cameo, e.goldstein, e.quad_class,
               e.negated, e.modality, e.sentence, e.evidence, e.source_text, e.target_text, {_CITED}
        FROM events e JOIN documents d ON d.id = e.doc_id WHERE {where}
        ORDER BY e.day DESC NULLS LAST, e.doc_id, e.idx LIMIT ? OFFSET ?""", [*params, limit, offset])]


def one_row_per_pair(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events for a table: a symmetric pair (one sentence coding A->B and B->A alike, next to each other)
    as one row with `both`."""
    shown: list[dict[str, Any]] = []
    for row in found:
        last = shown[-1] if shown else None
        if last is not None and all(last[k] == row[k] for k in ("doc_id", "sentence", "plover", "cameo", "negated",
                                                                  "modality")) \
                and (last["source"], last["target"]) == (row["target"], row["source"]) and not last["both"]:
            last["both"] = True
            continue
        shown.append({**row, "both": False})
    return shown


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

    def query(self, **extra: Any) -> str:
        return query_string({f.name: getattr(self, f.name) for f in fields(self)} | extra)


def documents(db: Path, found: DocumentFilter, limit: int, offset: int) -> list[dict[str, Any]]:
    where, params = found.where()
    return [{**r, "url": url_of(r["source"])} for r in rows(db, f"""
        SELECT d.id, d.source_id, d.title, d.date, d.source, d.n_events, d.n_quantities, d.n_quotes FROM documents d
        WHERE {where} ORDER BY d.date DESC NULLS LAST, d.id LIMIT ? OFFSET ?""", [*params, limit, offset])]


def count_documents(db: Path, found: DocumentFilter) -> int:
    where, params = found.where()
    return int(rows(db, f"SELECT count(*) AS n FROM documents d WHERE {where}", params)[0]["n"])


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


def dyad_figures(db: Path, a: str, b: str, limit: int = 50) -> list[dict[str, Any]]:
    """Money and other figures naming both actors, each with its document and sentence."""
    return [cited(r) for r in rows(db, f"""
        SELECT q.doc_id, q.idx, q.text, q.kind, q.measure, q.from_actor, q.to_actor, q.parties, q.usd,
               q.period_start, q.period_end, q.sentence, q.evidence, {_CITED}
        FROM quantities q JOIN documents d ON d.id = q.doc_id
        WHERE contains(q.parties, ?) AND contains(q.parties, ?)
        ORDER BY q.period_start NULLS LAST, d.date, q.doc_id, q.idx LIMIT ?""", [f'"{a}"', f'"{b}"', limit])]


def dyad_quotes(db: Path, a: str, b: str, limit: int = 30) -> list[dict[str, Any]]:
    from multipolar.present.briefing import dyad_quotes as quotes

    return [cited(r) for r in quotes(db, a, b, limit)]
