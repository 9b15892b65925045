"""`multipolar serve`: a JSON API and pages over a store (FastAPI, extra `multipolar[web]`).

Every page has a JSON twin under /api. Pages work offline: plotly.js is served from the plotly package.
Article text is always escaped (Jinja autoescape); every query is parameterised.
"""

from __future__ import annotations

import datetime as dt
import hmac
import html
import json
import math
import threading
from pathlib import Path
from typing import Any
from urllib.parse import quote as url_quote

import duckdb
from fastapi import FastAPI, Form, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from jinja2 import Environment, PackageLoader, select_autoescape

from multipolar import analysis as queries
from multipolar import store
from multipolar.causal import svg as causal_svg
from multipolar.errors import InputError
from multipolar.pipeline import analyze
from multipolar.settings import DEFAULT_SETTINGS, Settings

MAX_TEXT_CHARS = 200_000
MAX_BODY_BYTES = 1_000_000
ANALYSIS_WAIT_SECONDS = 10.0
PLOVER_QUAD = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2, "RETREAT": 2}

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
               max_body: int = MAX_BODY_BYTES, concurrent_analyses: int = 2) -> FastAPI:
    """The app for one store. The store is opened read-only per request, so several servers can
    read one file and an ingest can take it between requests; while an ingest writes (DuckDB allows one
    writing process and no readers beside it), requests get 503 with the reason.

    Writes (analysing posted text) need `Authorization: Bearer TOKEN` when a token is set; bodies over
    `max_body` bytes are refused; at most `concurrent_analyses` analyses run at once, others wait briefly
    and then get 503. No CORS headers are sent: other sites' pages cannot call the API from a browser.
    """
    app = FastAPI(title="multipolar", version="1", description="Actors, events, figures and quotes read "
                  "from news, each with the sentence it came from.")
    analyses = threading.BoundedSemaphore(concurrent_analyses)

    @app.middleware("http")
    async def limit_body(request: Request, call_next: Any) -> Any:
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > max_body):
            return JSONResponse({"detail": f"request body over {max_body} bytes"}, status_code=413)
        if request.method == "POST" and token is not None and \
                not hmac.compare_digest(request.headers.get("authorization", ""), f"Bearer {token}"):
            return JSONResponse({"detail": "this server needs an API token for writes"}, status_code=401)
        return await call_next(request)

    def query(sql: str, params: list[Any]) -> list[dict[str, Any]]:
        return read(db, sql, params)

    # ---- JSON API ----------------------------------------------------------------------------------

    @app.post("/api/analyze")
    def api_analyze(payload: dict[str, Any]) -> JSONResponse:
        text = payload.get("text")
        if not isinstance(text, str) or len(text) > MAX_TEXT_CHARS:
            raise HTTPException(422, f"`text` must be a string of at most {MAX_TEXT_CHARS} characters")
        if not analyses.acquire(timeout=ANALYSIS_WAIT_SECONDS):
            raise HTTPException(503, "too many analyses running; try again shortly")
        try:
            result = analyze(text, date=payload.get("date"), settings=settings)
        except InputError as exc:
            raise HTTPException(422, str(exc)) from exc
        finally:
            analyses.release()
        return JSONResponse(result.as_dict())

    @app.get("/api/documents")
    def api_documents(q: str | None = None, limit: int = Query(50, ge=1, le=500),
                      offset: int = Query(0, ge=0)) -> list[dict[str, Any]]:
        return query("SELECT id, source_id, title, date, source, n_events, n_quantities, n_quotes FROM documents "
                    "WHERE (? IS NULL OR contains(lower(coalesce(title, '') || ' ' || text), lower(?))) "
                    "ORDER BY date DESC NULLS LAST, id LIMIT ? OFFSET ?", [q, q, limit, offset])

    @app.get("/api/documents/{doc_id}")
    def api_document(doc_id: str) -> JSONResponse:
        """The document's contract JSON, exactly as `multipolar analyze --format json` gave it."""
        analysis = store.load_analysis(db, doc_id)
        if analysis is None:
            raise HTTPException(404, "no such document")
        return JSONResponse(analysis.as_dict())

    @app.get("/api/actors")
    def api_actors(kind: str | None = None, limit: int = Query(100, ge=1, le=1000),
                   offset: int = Query(0, ge=0)) -> list[dict[str, Any]]:
        return query("SELECT code, any_value(name) AS name, any_value(kind) AS kind, any_value(country) AS country,"
                    " count(DISTINCT doc_id) AS documents, sum(mentions) AS mentions FROM actors"
                    " WHERE (? IS NULL OR kind = ?) GROUP BY code ORDER BY mentions DESC, code LIMIT ? OFFSET ?",
                    [kind, kind, limit, offset])

    @app.get("/api/events")
    def api_events(actor: str | None = None, type: str | None = None, since: str | None = None,
                   until: str | None = None, limit: int = Query(50, ge=1, le=500),
                   offset: int = Query(0, ge=0)) -> list[dict[str, Any]]:
        return query("SELECT * FROM events WHERE (? IS NULL OR source = ? OR target = ?) AND (? IS NULL OR plover = ?)"
                    " AND (? IS NULL OR day >= CAST(? AS DATE)) AND (? IS NULL OR day <= CAST(? AS DATE))"
                    " ORDER BY day DESC NULLS LAST, doc_id, idx LIMIT ? OFFSET ?",
                    [actor, actor, actor, type, type, since, since, until, until, limit, offset])

    @app.get("/api/quantities")
    def api_quantities(actor: str | None = None, measure: str | None = None, limit: int = Query(50, ge=1, le=500),
                       offset: int = Query(0, ge=0)) -> list[dict[str, Any]]:
        return query("SELECT * FROM quantities WHERE (? IS NULL OR contains(parties, ?)) AND (? IS NULL OR measure = ?)"
                    " ORDER BY period_start NULLS LAST LIMIT ? OFFSET ?",
                    [actor, f'"{actor}"', measure, measure, limit, offset])

    @app.get("/api/quotes")
    def api_quotes(actor: str | None = None, limit: int = Query(50, ge=1, le=500),
                   offset: int = Query(0, ge=0)) -> list[dict[str, Any]]:
        return query("SELECT * FROM quotes WHERE (? IS NULL OR speaker_actor = ?) ORDER BY doc_id, idx"
                     " LIMIT ? OFFSET ?", [actor, actor, limit, offset])

    @app.get("/api/dyads/{a}/{b}")
    def api_dyad(a: str, b: str, by: str = "year") -> dict[str, Any]:
        if by not in ("month", "quarter", "year"):
            raise HTTPException(422, "by must be month, quarter or year")
        return dyad_data(db, a, b, by)

    @app.get("/api/blocs")
    def api_blocs(year: int | None = None) -> list[list[str]]:
        return [list(group) for group in queries.blocs(db, year=year)]

    @app.get("/api/graph")
    def api_graph(year: int | None = None, top: int = Query(60, ge=1, le=5000)) -> dict[str, Any]:
        """The `top` dyads by event count, and the actors they join: a readable graph at corpus scale."""
        relations = sorted(queries.relations_in(db, year), key=lambda r: (-r.events, r.a, r.b))[:top]
        groups = queries.blocs(db, year=year)
        bloc_of = {code: k for k, group in enumerate(groups) for code in group}
        nodes = sorted({r.a for r in relations} | {r.b for r in relations})
        return {"nodes": [{"id": n, "bloc": bloc_of.get(n)} for n in nodes],
                "edges": [r.as_dict() for r in relations]}

    @app.get("/api/causal")
    def api_causal(actor: str | None = None) -> dict[str, Any]:
        return queries.causal(db, actor=actor).as_dict()

    # ---- pages ---------------------------------------------------------------------------------------

    @app.get("/static/plotly.min.js", include_in_schema=False)
    def plotly_js() -> FileResponse:
        import plotly

        return FileResponse(Path(plotly.__file__).parent / "package_data" / "plotly.min.js",
                            media_type="application/javascript")

    @app.get("/", response_class=HTMLResponse)
    def page_graph(year: int | None = None, top: int = Query(60, ge=1, le=5000)) -> str:
        graph = api_graph(year, top)
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
    def page_dyad(a: str, b: str, by: str = "year") -> str:
        data = api_dyad(a, b, by)
        return templates.get_template("dyad.html").render(
            title=f"{a} – {b}", data=data, figure=json.dumps(_series_figure(data)),
            highlight=_highlight_event, twin=f"/api/dyads/{a}/{b}?by={by}")

    @app.get("/document/{doc_id}", response_class=HTMLResponse)
    def page_document(doc_id: str) -> str:
        document = _page_document(json.loads(bytes(api_document(doc_id).body)))
        return templates.get_template("document.html").render(
            title=document["title"] or document["id"][:12], document=document,
            marked=_marked_text(document), twin=f"/api/documents/{doc_id}")

    @app.get("/causal", response_class=HTMLResponse)
    def page_causal(actor: str | None = None) -> str:
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
    def page_analyze(text: str = Form(...), date: str = Form("")) -> str:
        payload = api_analyze({"text": text[:MAX_TEXT_CHARS], "date": date or None})
        result = json.loads(bytes(payload.body))
        return templates.get_template("analyze.html").render(
            title="Analysis", result=result, marked=_marked_text(_page_document(result)), twin="/api/analyze")

    @app.exception_handler(store.StoreError)
    def store_error(request: Request, exc: store.StoreError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=503)

    return app


def _page_document(result: dict[str, Any]) -> dict[str, Any]:
    """A document page's view of a contract JSON: the document's fields with its events, figures, quotes."""
    events = [{**e, "evidence_start": e["evidence"]["start"], "evidence_end": e["evidence"]["end"]}
              for e in result["events"]]
    return {**result["document"], "events": events, "quantities": result["quantities"], "quotes": result["quotes"],
            "actors": result["actors"]}


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

