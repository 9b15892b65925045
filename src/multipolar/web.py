"""`multipolar serve`: a JSON API and pages over a store (FastAPI, extra `multipolar[web]`).

Every page has a JSON twin under /api. Pages work offline: plotly.js is served from the plotly package.
Article text is always escaped (Jinja autoescape); every query is parameterised, and every query
parameter is checked (422 with the reason). Requests pass `web_guard` first (Host, token, body size);
posted texts are analysed in `web_analyses`' worker processes. Error bodies never carry paths, process
ids or tracebacks: those go to the log (`multipolar.web`).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import html
import json
import logging
import math
from collections.abc import AsyncIterator, Awaitable
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar
from urllib.parse import quote as url_quote

import duckdb
from fastapi import FastAPI, Form, HTTPException, Query, Request
from fastapi import Path as PathPart
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape
from pydantic import BaseModel, Field, StrictStr

from multipolar import analysis as queries
from multipolar import store
from multipolar.causal import svg as causal_svg
from multipolar.errors import InputError
from multipolar.settings import DEFAULT_SETTINGS, Settings
from multipolar.web_analyses import AnalysisBusy, AnalysisFailed, AnalysisPool
from multipolar.web_guard import Guard, allowed_hosts, is_loopback

PLOVER_QUAD = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2, "RETREAT": 2}
MAX_OFFSET = 1_000_000_000
log = logging.getLogger("multipolar.web")
T = TypeVar("T")

Code = Annotated[str | None, Query(max_length=64, description="An actor code (CHN, vladimir-putin)")]
Word = Annotated[str | None, Query(max_length=64)]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
Year = Annotated[int | None, Query(ge=1, le=9999)]
Top = Annotated[int, Query(ge=1, le=5000)]
Day = Annotated[dt.date | None, Query(description="YYYY-MM-DD")]
Period = Literal["month", "quarter", "year"]
CodePart = Annotated[str, PathPart(max_length=64)]
IdPart = Annotated[str, PathPart(max_length=128)]


class AnalyzeRequest(BaseModel):
    """A text to analyse, and its date when the text does not say."""

    text: StrictStr
    date: StrictStr | None = Field(None, max_length=40)


templates = Environment(loader=PackageLoader("multipolar", "data/templates"),
                        autoescape=select_autoescape(["html"]))


def _rows(connection: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = connection.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [{k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in zip(names, row, strict=True)}
            for row in cursor.fetchall()]


def read(db: Path, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    """Rows of a parameterised query as dicts; the store is opened read-only for each query."""
    connection = store.connect(db, read_only=True)
    try:
        return _rows(connection, sql, params)
    finally:
        connection.close()


def dyad_data(db: Path, a: str, b: str, by: str = "year") -> dict[str, Any]:
    """A dyad's series, events with evidence, figures and quotes: the dyad page, its JSON twin, the report."""
    frame = queries.dyad_series(db, a, b, by=by)  # type: ignore[arg-type]
    events = read(db, "SELECT * FROM events WHERE ((source = ? AND target = ?) OR (source = ? AND target = ?))"
                  " ORDER BY day NULLS LAST, doc_id, idx LIMIT 200", [a, b, b, a])
    figures = read(db, "SELECT * FROM quantities WHERE contains(parties, ?) AND contains(parties, ?) LIMIT 100",
                   [f'"{a}"', f'"{b}"'])
    quotes = read(db, "SELECT q.* FROM quotes q WHERE q.doc_id IN (SELECT doc_id FROM events WHERE"
                  " (source = ? AND target = ?) OR (source = ? AND target = ?)) LIMIT 50", [a, b, b, a])
    return {"a": a, "b": b, "by": by, "series": json.loads(frame.to_json(orient="records")), "events": events,
            "figures": figures, "quotes": quotes}


def create_app(db: Path, settings: Settings = DEFAULT_SETTINGS, *, token: str | None = None,
               host: str = "127.0.0.1") -> FastAPI:
    """The app for one store, served on `host`. The store is opened read-only per request, so several
    servers can read one file and an ingest can take it between requests; while an ingest writes (DuckDB
    allows one writing process and no readers beside it), requests get 503.

    Writes (analysing posted text) need `Authorization: Bearer TOKEN` when a token is set, and are refused
    without one when `host` is not loopback. Limits come from `settings` (`max_body_bytes`,
    `max_text_chars`, `analysis_workers`, `analysis_queue`, `doc_timeout`, `allowed_hosts`). No CORS
    headers are sent: other sites' pages cannot call the API from a browser.
    """
    pool = AnalysisPool(settings)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()

    app = FastAPI(title="multipolar", version="1", lifespan=lifespan, description="Actors, events, figures "
                  "and quotes read from news, each with the sentence it came from.")
    app.state.analyses = pool
    app.add_middleware(Guard, hosts=allowed_hosts(host, settings.allowed_hosts), token=token,
                       writes_need_token=not is_loopback(host), max_body=settings.max_body_bytes,
                       body_timeout=settings.header_timeout)
    _add_error_handlers(app)
    _add_api(app, db, settings, pool)
    _add_pages(app, db, settings, pool)
    return app


async def analyse_posted(pool: AnalysisPool, settings: Settings, request: Request, text: str,
                         date: str | None) -> dict[str, Any] | None:
    """The contract dict of a posted text, or None when the client left before it was done (the
    analysis is then stopped). Busy, invalid and failed analyses become HTTP errors."""
    if len(text) > settings.max_text_chars:
        raise HTTPException(422, f"`text` must be at most {settings.max_text_chars} characters")
    if date:
        from multipolar.ingest import parse_date

        try:
            parse_date(date, "date")
        except InputError as exc:
            raise HTTPException(422, str(exc)) from exc
    try:
        return await _unless_client_leaves(request, pool.analyze(text, date or None))
    except AnalysisBusy:
        raise HTTPException(503, "every analysis worker is busy and the queue is full; try again shortly",
                            headers={"Retry-After": "5"}) from None
    except InputError as exc:
        raise HTTPException(422, str(exc)) from exc
    except AnalysisFailed:
        raise HTTPException(500, "the analysis failed; the server's log has the reason") from None


async def _unless_client_leaves(request: Request, work: Awaitable[T]) -> T | None:
    """Await `work`, cancelling it if the client disconnects first."""
    job = asyncio.ensure_future(work)
    gone = asyncio.ensure_future(_disconnected(request))
    try:
        await asyncio.wait({job, gone}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        gone.cancel()
        if not job.done():
            job.cancel()
            with contextlib.suppress(BaseException):
                await job
    return None if job.cancelled() else job.result()


async def _disconnected(request: Request) -> None:
    while (await request.receive())["type"] != "http.disconnect":
        continue


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(store.StoreError)
    def store_error(request: Request, exc: store.StoreError) -> JSONResponse:
        log.warning("store unavailable for %s: %s", request.url.path, exc)
        return JSONResponse({"detail": "the store cannot be read just now (an ingest may be writing it); "
                             "try again shortly"}, status_code=503, headers={"Retry-After": "5"})

    @app.exception_handler(Exception)
    def internal_error(request: Request, exc: Exception) -> JSONResponse:
        log.error("error on %s %s", request.method, request.url.path, exc_info=exc)
        return JSONResponse({"detail": "internal error; the server's log has the reason"}, status_code=500)


def _add_api(app: FastAPI, db: Path, settings: Settings, pool: AnalysisPool) -> None:
    def query(sql: str, params: list[Any]) -> list[dict[str, Any]]:
        return read(db, sql, params)

    @app.post("/api/analyze")
    async def api_analyze(payload: AnalyzeRequest, request: Request) -> Response:
        result = await analyse_posted(pool, settings, request, payload.text, payload.date)
        return JSONResponse(result) if result is not None else Response(status_code=499)

    @app.get("/api/documents")
    def api_documents(q: Annotated[str | None, Query(max_length=200)] = None,
                      limit: Annotated[int, Query(ge=1, le=500)] = 50, offset: Offset = 0) -> list[dict[str, Any]]:
        return query("SELECT id, source_id, title, date, source, n_events, n_quantities, n_quotes FROM documents "
                     "WHERE (? IS NULL OR contains(lower(coalesce(title, '') || ' ' || text), lower(?))) "
                     "ORDER BY date DESC NULLS LAST, id LIMIT ? OFFSET ?", [q, q, limit, offset])

    @app.get("/api/documents/{doc_id}")
    def api_document(doc_id: IdPart) -> JSONResponse:
        """The document's contract JSON, exactly as `multipolar analyze --format json` gave it."""
        return JSONResponse(document_data(db, doc_id))

    @app.get("/api/actors")
    def api_actors(kind: Word = None, limit: Annotated[int, Query(ge=1, le=1000)] = 100,
                   offset: Offset = 0) -> list[dict[str, Any]]:
        return query("SELECT code, any_value(name) AS name, any_value(kind) AS kind, any_value(country) AS country,"
                     " count(DISTINCT doc_id) AS documents, sum(mentions) AS mentions FROM actors"
                     " WHERE (? IS NULL OR kind = ?) GROUP BY code ORDER BY mentions DESC, code LIMIT ? OFFSET ?",
                     [kind, kind, limit, offset])

    @app.get("/api/events")
    def api_events(actor: Code = None, type: Word = None, since: Day = None, until: Day = None,
                   limit: Annotated[int, Query(ge=1, le=500)] = 50, offset: Offset = 0) -> list[dict[str, Any]]:
        return query("SELECT * FROM events WHERE (? IS NULL OR source = ? OR target = ?) AND (? IS NULL OR plover = ?)"
                     " AND (? IS NULL OR day >= ?) AND (? IS NULL OR day <= ?)"
                     " ORDER BY day DESC NULLS LAST, doc_id, idx LIMIT ? OFFSET ?",
                     [actor, actor, actor, type, type, since, since, until, until, limit, offset])

    @app.get("/api/quantities")
    def api_quantities(actor: Code = None, measure: Word = None, limit: Annotated[int, Query(ge=1, le=500)] = 50,
                       offset: Offset = 0) -> list[dict[str, Any]]:
        return query("SELECT * FROM quantities WHERE (? IS NULL OR contains(parties, ?)) AND (? IS NULL OR measure = ?)"
                     " ORDER BY period_start NULLS LAST LIMIT ? OFFSET ?",
                     [actor, f'"{actor}"', measure, measure, limit, offset])

    @app.get("/api/quotes")
    def api_quotes(actor: Code = None, limit: Annotated[int, Query(ge=1, le=500)] = 50,
                   offset: Offset = 0) -> list[dict[str, Any]]:
        return query("SELECT * FROM quotes WHERE (? IS NULL OR speaker_actor = ?) ORDER BY doc_id, idx"
                     " LIMIT ? OFFSET ?", [actor, actor, limit, offset])

    @app.get("/api/dyads/{a}/{b}")
    def api_dyad(a: CodePart, b: CodePart, by: Period = "year") -> dict[str, Any]:
        return dyad_data(db, a, b, by)

    @app.get("/api/blocs")
    def api_blocs(year: Year = None) -> list[list[str]]:
        return [list(group) for group in queries.blocs(db, year=year)]

    @app.get("/api/graph")
    def api_graph(year: Year = None, top: Top = 60) -> dict[str, Any]:
        """The `top` dyads by event count, and the actors they join: a readable graph at corpus scale."""
        return graph_data(db, year, top)

    @app.get("/api/causal")
    def api_causal(actor: Code = None) -> dict[str, Any]:
        return queries.causal(db, actor=actor).as_dict()


def document_data(db: Path, doc_id: str) -> dict[str, Any]:
    """The document's contract JSON, exactly as `multipolar analyze --format json` gave it (404 if none)."""
    analysis = store.load_analysis(db, doc_id)
    if analysis is None:
        raise HTTPException(404, "no such document")
    return analysis.as_dict()


def _page_document(result: dict[str, Any]) -> dict[str, Any]:
    """A document page's view of a contract JSON: the document's fields with its events, figures, quotes."""
    events = [{**e, "evidence_start": e["evidence"]["start"], "evidence_end": e["evidence"]["end"]}
              for e in result["events"]]
    return {**result["document"], "events": events, "quantities": result["quantities"], "quotes": result["quotes"],
            "actors": result["actors"]}


def graph_data(db: Path, year: int | None, top: int) -> dict[str, Any]:
    relations = sorted(queries.relations_in(db, year), key=lambda r: (-r.events, r.a, r.b))[:top]
    groups = queries.blocs(db, year=year)
    bloc_of = {code: k for k, group in enumerate(groups) for code in group}
    nodes = sorted({r.a for r in relations} | {r.b for r in relations})
    return {"nodes": [{"id": n, "bloc": bloc_of.get(n)} for n in nodes], "edges": [r.as_dict() for r in relations]}


def _add_pages(app: FastAPI, db: Path, settings: Settings, pool: AnalysisPool) -> None:
    @app.get("/static/plotly.min.js", include_in_schema=False)
    def plotly_js() -> FileResponse:
        import plotly

        return FileResponse(Path(plotly.__file__).parent / "package_data" / "plotly.min.js",
                            media_type="application/javascript")

    @app.get("/", response_class=HTMLResponse)
    def page_graph(year: Year = None, top: Top = 60) -> str:
        graph = graph_data(db, year, top)
        by_bloc: dict[int, list[str]] = {}
        for node in graph["nodes"]:
            if node["bloc"] is not None:
                by_bloc.setdefault(node["bloc"], []).append(node["id"])
        blocs = [by_bloc[k] for k in sorted(by_bloc)]
        query = "&".join(p for p in (f"year={year}" if year else "", f"top={top}" if top != 60 else "") if p)
        return templates.get_template("graph.html").render(
            title="Relations", figure=json.dumps(_graph_figure(graph)), edges=graph["edges"],
            blocs=[group for group in blocs if len(group) > 1], year=year, top=top,
            twin="/api/graph" + (f"?{query}" if query else ""))

    @app.get("/dyad/{a}/{b}", response_class=HTMLResponse)
    def page_dyad(a: CodePart, b: CodePart, by: Period = "year") -> str:
        data = dyad_data(db, a, b, by)
        return templates.get_template("dyad.html").render(
            title=f"{a} – {b}", data=data, figure=json.dumps(_series_figure(data)),
            highlight=_highlight_event, twin=f"/api/dyads/{url_quote(a)}/{url_quote(b)}?by={by}")

    @app.get("/document/{doc_id}", response_class=HTMLResponse)
    def page_document(doc_id: IdPart) -> str:
        document = _page_document(document_data(db, doc_id))
        return templates.get_template("document.html").render(
            title=document["title"] or document["id"][:12], document=document,
            marked=_marked_text(document), twin=f"/api/documents/{url_quote(doc_id)}")

    @app.get("/causal", response_class=HTMLResponse)
    def page_causal(actor: Code = None) -> str:
        graph = queries.causal(db, actor=actor)
        return templates.get_template("causal.html").render(
            title="Causal claims", graph=graph, drawing=causal_svg(graph), actor=actor,
            labels=graph.labels(),
            twin="/api/causal" + (f"?actor={url_quote(actor)}" if actor else ""))

    @app.get("/analyze", response_class=HTMLResponse)
    def page_analyze_form() -> str:
        return templates.get_template("analyze.html").render(title="Analyse a text", result=None,
                                                             twin="/docs#/default/api_analyze_api_analyze_post")

    @app.post("/analyze", response_class=HTMLResponse)
    async def page_analyze(request: Request, text: Annotated[str, Form()],
                           date: Annotated[str, Form(max_length=40)] = "") -> Response:
        result = await analyse_posted(pool, settings, request, text[:settings.max_text_chars], date or None)
        if result is None:
            return Response(status_code=499)
        return HTMLResponse(templates.get_template("analyze.html").render(
            title="Analysis", result=result, marked=_marked_text(_page_document(result)), twin="/api/analyze"))


def _graph_figure(graph: dict[str, Any]) -> dict[str, Any]:
    """Actors on a circle, grouped by bloc; edges green for net cooperation, red for net conflict."""
    nodes = sorted(graph["nodes"], key=lambda n: (n["bloc"] is None, n["bloc"] or 0, n["id"]))
    place = {n["id"]: (math.cos(2 * math.pi * k / max(len(nodes), 1)), math.sin(2 * math.pi * k / max(len(nodes), 1)))
             for k, n in enumerate(nodes)}
    traces = []
    for edge in graph["edges"]:
        (x0, y0), (x1, y1) = place[edge["a"]], place[edge["b"]]
        colour = "#2e7d32" if edge["goldstein_total"] >= 0 else "#c62828"
        traces.append({"type": "scatter", "mode": "lines", "x": [x0, x1], "y": [y0, y1], "hoverinfo": "text",
                       "text": f"{edge['a']}–{edge['b']}: {edge['events']} events, Goldstein {edge['goldstein_total']}",
                       "line": {"color": colour, "width": 1 + min(edge["events"], 12) / 2}, "showlegend": False})
    traces.append({"type": "scatter", "mode": "markers+text", "x": [place[n["id"]][0] for n in nodes],
                   "y": [place[n["id"]][1] for n in nodes], "text": [n["id"] for n in nodes],
                   "textposition": "top center", "showlegend": False,
                   "marker": {"size": 14, "color": [n["bloc"] if n["bloc"] is not None else -1 for n in nodes],
                              "colorscale": "Viridis"}})
    return {"data": traces, "layout": {"xaxis": {"visible": False}, "yaxis": {"visible": False}, "height": 560,
                                       "margin": {"l": 10, "r": 10, "t": 10, "b": 10}}}


def _series_figure(data: dict[str, Any]) -> dict[str, Any]:
    periods = [row["period"] for row in data["series"]]
    return {"data": [
        {"type": "bar", "name": "events", "x": periods, "y": [r["events"] for r in data["series"]], "yaxis": "y2",
         "opacity": 0.4},
        {"type": "scatter", "name": "Goldstein sum", "x": periods, "y": [r["goldstein_sum"] for r in data["series"]]},
    ], "layout": {"height": 320, "yaxis": {"title": "Goldstein"}, "xaxis": {"type": "category"},
                  "yaxis2": {"overlaying": "y", "side": "right", "title": "events"},
                  "margin": {"l": 50, "r": 50, "t": 10, "b": 40}}}


def _highlight_event(event: dict[str, Any]) -> str:
    """The evidence sentence with the source, target and verb marked; everything else escaped."""
    text = event["evidence"]
    marks = sorted({w for w in (event["source_text"], event["target_text"]) if w and w in text}, key=len, reverse=True)
    out = html.escape(text)
    for word in marks:
        out = out.replace(html.escape(word), f"<mark>{html.escape(word)}</mark>")
    return out


def _marked_text(document: dict[str, Any]) -> str:
    """The document text with figures, quotes and event sentences marked, escaped everywhere else."""
    text: str = document["text"]
    spans: list[tuple[int, int, str]] = []
    for quote in document.get("quotes", []):
        start, end = quote.get("start"), quote.get("end")
        if isinstance(start, int) and isinstance(end, int) and end > start:
            spans.append((start, end, "quote"))
    for event in document.get("events", []):
        start, end = event.get("evidence_start"), event.get("evidence_end")
        if isinstance(start, int) and isinstance(end, int):
            spans.append((start, end, "event"))
    spans.sort()
    pieces, cursor = [], 0
    for start, end, kind in spans:
        if start < cursor:
            continue
        pieces.append(html.escape(text[cursor:start]))
        pieces.append(f'<span class="{kind}">{html.escape(text[start:end])}</span>')
        cursor = end
    pieces.append(html.escape(text[cursor:]))
    return "".join(pieces)

