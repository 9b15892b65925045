"""The read side of the JSON API, each table route with a CSV twin (`/api/events.csv` takes the filters of
`/api/events`, with a larger limit), and a stored document's contract JSON. Parameters are validated by
the types of `web.params` (422 with the reason); the rows come from `corpus.listings` and
`corpus.queries`; CSV cells that a spreadsheet would run as a formula (=, +, -, @) are prefixed with '."""

from __future__ import annotations

import csv
import io
import json
import re
from functools import partial
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, HTTPException, Query
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response

from multipolar.corpus import listings, queries, store
from multipolar.corpus.listings import DocumentFilter, EventFilter, Modality
from multipolar.web import views
from multipolar.web.params import (
    Code,
    CodePart,
    CsvLimit,
    Day,
    IdPart,
    Limit,
    MinEvents,
    Offset,
    Pairs,
    Period,
    Quad,
    Search,
    Top,
    Word,
    Year,
)
from multipolar.web.read_cache import ReadCache

_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def csv_response(rows: list[dict[str, Any]], name: str, columns: tuple[str, ...] = ()) -> Response:
    """Rows as a CSV download: nested values as JSON, formula-looking text defused."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    header = list(rows[0]) if rows else list(columns)
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(row.get(k)) for k in header])
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{_safe_filename(name)}.csv"'})


def _safe_filename(name: str) -> str:
    """A download's name as it reaches a header: only letters, digits, dot, dash and underscore, so a code
    taken from the URL ('CH"N', CR/LF, non-ASCII) can neither end the quoted name nor add a header."""
    return re.sub(r"[^A-Za-z0-9._-]", "_", name)[:120] or "download"


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


EVENT_COLUMNS = ("doc_id", "idx", "date", "source", "target", "plover", "mode", "cameo", "goldstein", "quad_class",
                 "negated", "modality", "sentence", "evidence", "doc_title", "doc_date", "doc_url", "anchor")


def dyad_data(db: Path, a: str, b: str, by: str = "year", since: Any = None, until: Any = None) -> dict[str, Any]:
    """A dyad's periods (`dyad_periods_data`) and its events, figures and quotes with their sources."""
    events = views.one_row_per_pair(views.events(db, EventFilter(actor=a, other=b, since=since, until=until), 200, 0))
    return {**dyad_periods_data(db, a, b, by, since, until, known=bool(events)), "events": events,
            "figures": views.dyad_figures(db, a, b), "quotes": views.dyad_quotes(db, a, b)}


def dyad_json(cache: ReadCache, db: Path, a: str, b: str, by: str = "year", since: Any = None,
              until: Any = None) -> bytes:
    """`dyad_data` as the JSON the API sends, kept in `cache` while the store stays as it is."""
    return cache.get(("dyad", a, b, by, since, until),
                     lambda: json_bytes(dyad_data(db, a, b, by, since, until)), len)


def kept_periods(cache: ReadCache, db: Path, a: str, b: str, by: str = "year", since: Any = None,
                 until: Any = None) -> dict[str, Any]:
    """`dyad_periods_data`, kept in `cache` while the store stays as it is (the answer is shared: read it,
    never change it)."""
    return cache.get(("periods", a, b, by, since, until), lambda: dyad_periods_data(db, a, b, by, since, until),
                     _json_size)


def kept_graph(cache: ReadCache, db: Path, year: int | None, top: int, min_events: int = 2, since: Any = None,
               until: Any = None, actor: str | None = None) -> dict[str, Any]:
    """`graph_data`, kept in `cache` while the store stays as it is (shared: read it, never change it)."""
    return cache.get(("graph", year, top, min_events, since, until, actor),
                     lambda: graph_data(db, year, top, min_events, since, until, actor), _json_size)


def _json_size(value: Any) -> int:
    return len(json_bytes(value))


def json_bytes(value: Any) -> bytes:
    """`value` as the bytes FastAPI's own JSON response would send."""
    return json.dumps(jsonable_encoder(value), ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()


def dyad_periods_data(db: Path, a: str, b: str, by: str = "year", since: Any = None, until: Any = None, *,
                      known: bool = False) -> dict[str, Any]:
    """A dyad's periods (zero-filled, labelled at their precision, by quad class and direction, with the
    store's document volume) and the codes no stored actor or event carries (none when the dyad has
    events, which `known` says)."""
    periods = queries.dyad_periods(db, a, b, by=by, since=since, until=until)  # type: ignore[arg-type]
    known = known or bool(periods.coarser) or any(row["events"] for row in periods.rows)
    unknown = [] if known else queries.unknown_codes(db, [a, b])
    return {"a": a, "b": b, "by": by, "since": since, "until": until, "unknown": unknown,
            "coarser": periods.coarser, "series": list(periods.rows)}


def graph_data(db: Path, year: int | None, top: int, min_events: int = 2, since: Any = None, until: Any = None,
               actor: str | None = None) -> dict[str, Any]:
    """The `top` dyads by event count (those naming `actor`, if given), the actors they join, and the
    blocs (signed communities) of every dyad of the period, with the method."""
    relations = queries.relations_in(db, year, since=since, until=until)
    shown = sorted((r for r in relations if actor is None or actor in (r.a, r.b)),
                   key=lambda r: (-r.events, r.a, r.b))[:top]
    partition = queries.partition_of(relations, year=year, min_events=min_events, since=since, until=until)
    bloc_of = {code: k for k, group in enumerate(partition.groups()) for code in group}
    nodes = sorted({r.a for r in shown} | {r.b for r in shown})
    return {"nodes": [{"id": n, "bloc": bloc_of.get(n)} for n in nodes], "edges": [r.as_dict() for r in shown],
            "blocs": partition.as_dict()}


def parse_pairs(pairs: list[str]) -> list[tuple[str, str]]:
    found = []
    for pair in pairs:
        a, sep, b = pair.strip().upper().partition("-")
        if sep and a and b and (a, b) not in found:
            found.append((a, b))
    return found


def document_data(db: Path, doc_id: str) -> dict[str, Any]:
    """The document's contract JSON, exactly as `multipolar analyze --format json` gave it (404 if none)."""
    analysis = store.load_analysis(db, doc_id)
    if analysis is None:
        raise HTTPException(404, "no such document")
    return analysis.as_dict()


def add_api(app: FastAPI, db: Path, cache: ReadCache) -> None:
    """The read routes of the API, each table with its CSV twin; the dyad's answers kept in `cache`."""

    @app.get("/api/documents/{doc_id}")
    def api_document(doc_id: IdPart) -> JSONResponse:
        """The document's contract JSON, exactly as `multipolar analyze --format json` gave it."""
        return JSONResponse(document_data(db, doc_id))

    _event_routes(app, db)
    _table_routes(app, db)
    _dyad_routes(app, db, cache)


def _event_routes(app: FastAPI, db: Path) -> None:
    def event_filter(actor: str | None, type: str | None, quad: int | None, modality: Modality,
                     since: Any, until: Any, q: str | None, other: str | None = None) -> EventFilter:
        return EventFilter(actor=actor and actor.upper(), other=other and other.upper(), type=type and type.upper(),
                           quad=quad, modality=modality, since=since, until=until, q=q)

    @app.get("/api/events.csv", response_class=Response, summary="Events as CSV (the filters of /api/events)")
    def api_events_csv(actor: Code = None, other: Code = None, type: Word = None, quad: Quad = None,
                       modality: Modality = "any", since: Day = None, until: Day = None, q: Search = None,
                       limit: CsvLimit = 10_000, offset: Offset = 0) -> Response:
        found = event_filter(actor, type, quad, modality, since, until, q, other)
        return csv_response(views.events(db, found, limit, offset), "events", EVENT_COLUMNS)

    @app.get("/api/events")
    def api_events(actor: Code = None, other: Code = None, type: Word = None, quad: Quad = None,
                   modality: Modality = "any", since: Day = None, until: Day = None, q: Search = None,
                   limit: Limit = 50, offset: Offset = 0) -> list[dict[str, Any]]:
        """Events, newest first: `actor` on either side (with `other`: the dyad, both directions), PLOVER
        `type`, `quad` class, `modality` (any, counted, asserted, reported, hypothetical, intended, negated),
        dates, words of the evidence (`q`). Each row has its document's title, date, URL and sentence link."""
        return views.events(db, event_filter(actor, type, quad, modality, since, until, q, other), limit, offset)

    @app.get("/api/documents.csv", response_class=Response, summary="Documents as CSV")
    def api_documents_csv(q: Search = None, since: Day = None, until: Day = None, actor: Code = None,
                          limit: CsvLimit = 10_000, offset: Offset = 0) -> Response:
        found = DocumentFilter(q, since, until, actor and actor.upper())
        return csv_response(views.documents(db, found, limit, offset), "documents", ("id", "title", "date", "url"))

    @app.get("/api/documents")
    def api_documents(q: Search = None, since: Day = None, until: Day = None, actor: Code = None,
                      limit: Limit = 50, offset: Offset = 0) -> list[dict[str, Any]]:
        """Documents, newest first: words of the title or text (`q`), dates, an actor they name."""
        return views.documents(db, DocumentFilter(q, since, until, actor and actor.upper()), limit, offset)


def _table_routes(app: FastAPI, db: Path) -> None:
    actors = partial(listings.actors, db)

    @app.get("/api/actors.csv", response_class=Response, summary="Actors as CSV")
    def api_actors_csv(kind: Word = None, limit: CsvLimit = 10_000, offset: Offset = 0) -> Response:
        return csv_response(actors(kind, limit, offset), "actors", ("code", "name", "kind"))

    @app.get("/api/actors")
    def api_actors(kind: Word = None, limit: Annotated[int, Query(ge=1, le=1000)] = 100,
                   offset: Offset = 0) -> list[dict[str, Any]]:
        return actors(kind, limit, offset)

    def quantities(actor: str | None, measure: str | None, limit: int, offset: int) -> list[dict[str, Any]]:
        return [views.cited(r) for r in listings.quantities(db, actor, measure, limit, offset)]

    @app.get("/api/quantities.csv", response_class=Response, summary="Figures as CSV")
    def api_quantities_csv(actor: Code = None, measure: Word = None, limit: CsvLimit = 10_000,
                           offset: Offset = 0) -> Response:
        return csv_response(quantities(actor, measure, limit, offset), "quantities", ("doc_id", "idx", "text"))

    @app.get("/api/quantities")
    def api_quantities(actor: Code = None, measure: Word = None, limit: Limit = 50,
                       offset: Offset = 0) -> list[dict[str, Any]]:
        return quantities(actor, measure, limit, offset)

    def quotes(actor: str | None, limit: int, offset: int) -> list[dict[str, Any]]:
        return [views.cited(r) for r in listings.quotes(db, actor, limit, offset)]

    @app.get("/api/quotes.csv", response_class=Response, summary="Quotes as CSV")
    def api_quotes_csv(actor: Code = None, limit: CsvLimit = 10_000, offset: Offset = 0) -> Response:
        return csv_response(quotes(actor, limit, offset), "quotes", ("doc_id", "idx", "text", "speaker"))

    @app.get("/api/quotes")
    def api_quotes(actor: Code = None, limit: Limit = 50, offset: Offset = 0) -> list[dict[str, Any]]:
        return quotes(actor, limit, offset)


def _dyad_routes(app: FastAPI, db: Path, cache: ReadCache) -> None:
    @app.get("/api/dyads/{a}/{b}.csv", response_class=Response, summary="A dyad's periods as CSV")
    def api_dyad_csv(a: CodePart, b: CodePart, by: Period = "year", since: Day = None,
                     until: Day = None) -> Response:
        data = kept_periods(cache, db, a.upper(), b.upper(), by, since, until)
        return csv_response(data["series"], f"{data['a']}-{data['b']}-by-{by}", ("period", "label", "events"))

    @app.get("/api/dyads/{a}/{b}", response_model=dict[str, Any])
    def api_dyad(a: CodePart, b: CodePart, by: Period = "year", since: Day = None,
                 until: Day = None) -> Response:
        """How a relationship changed: periods by quad class, direction, Goldstein and document volume;
        events (the 200 newest), figures and quotes with their sources. `unknown` lists codes no stored
        actor has."""
        return Response(dyad_json(cache, db, a.upper(), b.upper(), by, since, until), media_type="application/json")

    @app.get("/api/dyads")
    def api_dyads(pair: Pairs, by: Period = "year", since: Day = None, until: Day = None) -> list[dict[str, Any]]:
        """Several dyads side by side (`pair=USA-CHN&pair=USA-RUS`): each one's periods."""
        return [{k: v for k, v in kept_periods(cache, db, a, b, by, since, until).items()
                 if k in ("a", "b", "by", "unknown", "series")} for a, b in parse_pairs(pair)]

    @app.get("/api/blocs.csv", response_class=Response, summary="Bloc membership as CSV")
    def api_blocs_csv(year: Year = None, min_events: MinEvents = 2) -> Response:
        partition = queries.bloc_partition(db, year=year, min_events=min_events)
        return csv_response([{"bloc": k + 1, "actor": code, "period": partition.period or "all"}
                             for k, group in enumerate(partition.groups()) for code in group], "blocs",
                            ("bloc", "actor", "period"))

    @app.get("/api/blocs")
    def api_blocs(year: Year = None, min_events: MinEvents = 2) -> list[list[str]]:
        """Blocs by signed community detection (the method is in /api/graph's `blocs`)."""
        return [list(group) for group in queries.blocs(db, year=year, min_events=min_events)]

    @app.get("/api/graph.csv", response_class=Response, summary="The relation graph's dyads as CSV")
    def api_graph_csv(year: Year = None, top: Top = 60, min_events: MinEvents = 2, since: Day = None,
                      until: Day = None, actor: Code = None) -> Response:
        found = kept_graph(cache, db, year, top, min_events, since, until, actor and actor.upper())
        return csv_response(found["edges"], "dyads", ("a", "b", "events"))

    @app.get("/api/graph")
    def api_graph(year: Year = None, top: Top = 60, min_events: MinEvents = 2, since: Day = None,
                  until: Day = None, actor: Code = None) -> dict[str, Any]:
        """The `top` dyads by event count (naming `actor`, if given), the actors they join, and the blocs
        with their method (computed over every dyad of the year or dates)."""
        return kept_graph(cache, db, year, top, min_events, since, until, actor and actor.upper())

    @app.get("/api/causal")
    def api_causal(actor: Code = None) -> dict[str, Any]:
        return queries.causal(db, actor=actor).as_dict()
