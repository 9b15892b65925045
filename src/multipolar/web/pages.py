"""The HTML pages of `serve`: the relation graph, events, documents, a document, a dyad, dyads side by
side, causal claims, the paste box and the API description. Each page has controls (a GET form, so every
view is a URL), a JSON twin and, for tables, a CSV twin. Plotly is loaded only by pages that draw a chart;
nothing comes from another site. Errors on pages are pages (JSON for API clients)."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import FastAPI, Form, Query, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, Response
from starlette.exceptions import HTTPException

from multipolar.corpus import queries
from multipolar.model.causal import svg as causal_svg
from multipolar.settings import Settings
from multipolar.web import views
from multipolar.web.analyses import AnalysisPool
from multipolar.web.api import (
    EVENT_COLUMNS,
    MinEvents,
    Quad,
    Search,
    dyad_data,
    dyad_periods_data,
    graph_data,
    parse_pairs,
)
from multipolar.web.app import (
    Code,
    CodePart,
    Day,
    IdPart,
    Offset,
    Period,
    Top,
    Word,
    analyse_posted,
    document_data,
    templates,
)
from multipolar.web.document import coded, marked_text
from multipolar.web.figures import bloc_colour, compare_figure, dyad_figure, graph_figure
from multipolar.web.views import MODALITIES, QUAD_NAMES, DocumentFilter, EventFilter, Modality

PageLimit = Annotated[int, Query(ge=1, le=500)]
_CHOICES_SECONDS = 60.0


def wants_html(request: Request) -> bool:
    """A browser asking for a page (not the API, not a client that asked for JSON)."""
    return not request.url.path.startswith(("/api/", "/openapi")) and "text/html" in request.headers.get("accept", "")


def error_page(status: int, message: str) -> HTMLResponse:
    page = templates.get_template("error.html").render(title=f"{status}: {message}", status=status, message=message,
                                                       twin=None)
    return HTMLResponse(page, status_code=status)


class DropEmptyParameters:
    """A form sends its empty controls (`?since=&actor=`): they mean "no filter", not a bad value, so they
    are removed from the query before it is validated."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        query = scope.get("query_string", b"") if scope["type"] == "http" else b""
        if query:
            kept = b"&".join(part for part in query.split(b"&") if part and not part.endswith(b"="))
            if kept != query:
                scope = {**scope, "query_string": kept}
        await self.app(scope, receive, send)


def add_page_support(app: FastAPI) -> None:
    """Empty controls dropped; errors on pages answered as pages (the API keeps its JSON)."""
    app.add_middleware(DropEmptyParameters)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if wants_html(request):
            return error_page(exc.status_code, str(exc.detail))
        return await http_exception_handler(request, exc)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if wants_html(request):
            reasons = "; ".join(f"{e['loc'][-1]}: {e['msg']}" for e in exc.errors())
            return error_page(422, f"a control has a value this page cannot use ({reasons})")
        return await request_validation_exception_handler(request, exc)


class Choices:
    """What the controls offer (actors, event types, the store's dates), read at most once a minute."""

    def __init__(self, db: Path) -> None:
        self.db, self.read_at = db, 0.0
        self.values: dict[str, Any] = {}

    def get(self) -> dict[str, Any]:
        if time.monotonic() - self.read_at > _CHOICES_SECONDS:
            first, last = views.store_span(self.db)
            self.values = {"actors": views.actor_choices(self.db), "types": views.event_types(self.db),
                           "first": first, "last": last, "quads": QUAD_NAMES, "modalities": MODALITIES}
            self.read_at = time.monotonic()
        return self.values


def _render(name: str, **context: Any) -> str:
    return templates.get_template(name).render(**context)


def _unknown_note(db: Path, codes: list[str]) -> str | None:
    """"No actor XYZ in this store; did you mean ...?" for codes no stored actor has."""
    return _note_on(db, queries.unknown_codes(db, codes))


def _note_on(db: Path, unknown: list[str]) -> str | None:
    notes = []
    for code in unknown:
        close = queries.actors_named(db, code, 3)
        hint = f"; did you mean {', '.join(f'{c} ({n})' for c, n in close)}?" if close else ""
        notes.append(f"No actor {code} in this store{hint}")
    return ". ".join(notes) or None


def add_pages(app: FastAPI, db: Path, settings: Settings, pool: AnalysisPool) -> None:
    """Every page, and plotly.js for those with a chart."""
    choices = Choices(db)
    _list_pages(app, db, choices)
    _dyad_pages(app, db, choices)
    _text_pages(app, db, settings, pool, choices)


def _list_pages(app: FastAPI, db: Path, choices: Choices) -> None:
    @app.get("/static/plotly.min.js", include_in_schema=False)
    def plotly_js() -> FileResponse:
        import plotly

        return FileResponse(Path(plotly.__file__).parent / "package_data" / "plotly.min.js",
                            media_type="application/javascript", headers={"Cache-Control": "max-age=86400"})

    @app.get("/", response_class=HTMLResponse)
    def page_graph(since: Day = None, until: Day = None, top: Top = 60, min_events: MinEvents = 2,
                   actor: Code = None) -> str:
        actor = actor and actor.upper()
        graph = graph_data(db, None, top, min_events, since, until, actor)
        names = {a["code"]: a["name"] for a in choices.get()["actors"]}
        nodes = [{**n, "name": names.get(n["id"])} for n in graph["nodes"]]
        shown = {n["id"] for n in nodes}
        blocs = [{"number": k + 1, "colour": bloc_colour(k), "members": b["members"],
                  "shown": [m for m in b["members"] if m in shown]} for k, b in enumerate(graph["blocs"]["blocs"])]
        query = views.query_string({"since": since, "until": until, "top": top if top != 60 else None,
                                    "min_events": min_events if min_events != 2 else None, "actor": actor})
        figure = json.dumps(graph_figure(nodes, graph["edges"]))
        return _render("graph.html", title="Relations", charts=True, figure=figure, edges=graph["edges"], blocs=blocs,
                       partition=graph["blocs"], since=since, until=until, top=top, min_events=min_events,
                       actor=actor, choices=choices.get(), note=_unknown_note(db, [actor or ""]),
                       twin="/api/graph" + (f"?{query}" if query else ""),
                       csv="/api/graph.csv" + (f"?{query}" if query else ""))

    @app.get("/events", response_class=HTMLResponse)
    def page_events(actor: Code = None, other: Code = None, type: Word = None, quad: Quad = None,
                    modality: Modality = "any", since: Day = None, until: Day = None, q: Search = None,
                    limit: PageLimit = 50, offset: Offset = 0) -> str:
        found = EventFilter(actor and actor.upper(), other and other.upper(), type and type.upper(), quad, modality,
                            since, until, q)
        rows, total = views.one_row_per_pair(views.events(db, found, limit, offset)), views.count_events(db, found)
        note = _unknown_note(db, [found.actor or "", found.other or ""])
        return _render("events.html", title="Events", filter=found, rows=rows, total=total, limit=limit,
                       offset=offset, choices=choices.get(), note=note,
                       twin=f"/api/events?{found.query(limit=limit, offset=offset or None)}",
                       csv=f"/api/events.csv?{found.query()}", page_query=found.query, columns=EVENT_COLUMNS)

    @app.get("/documents", response_class=HTMLResponse)
    def page_documents(q: Search = None, since: Day = None, until: Day = None, actor: Code = None,
                       limit: PageLimit = 50, offset: Offset = 0) -> str:
        found = DocumentFilter(q, since, until, actor and actor.upper())
        rows, total = views.documents(db, found, limit, offset), views.count_documents(db, found)
        return _render("documents.html", title="Documents", filter=found, rows=rows, total=total, limit=limit,
                       offset=offset, choices=choices.get(), note=_unknown_note(db, [found.actor or ""]),
                       twin=f"/api/documents?{found.query(limit=limit, offset=offset or None)}",
                       csv=f"/api/documents.csv?{found.query()}", page_query=found.query)



def _dyad_pages(app: FastAPI, db: Path, choices: Choices) -> None:
    @app.get("/dyad/{a}/{b}", response_class=HTMLResponse)
    def page_dyad(a: CodePart, b: CodePart, by: Period = "year", since: Day = None, until: Day = None) -> str:
        data = dyad_data(db, a.upper(), b.upper(), by, since, until)
        a, b = data["a"], data["b"]
        names = {c["code"]: c["name"] for c in choices.get()["actors"]}
        query = views.query_string({"by": by if by != "year" else None, "since": since, "until": until})
        return _render("dyad.html", title=f"{names.get(a, a)} – {names.get(b, b)}", charts=bool(data["series"]),
                       data=data, names=names, by=by, since=since, until=until, choices=choices.get(),
                       figure=json.dumps(dyad_figure(data["series"], a, b, by)),
                       note=_note_on(db, data["unknown"]),
                       events_query=EventFilter(a, b, since=since, until=until).query(),
                       twin=f"/api/dyads/{quote(a)}/{quote(b)}" + (f"?{query}" if query else ""),
                       csv=f"/api/dyads/{quote(a)}/{quote(b)}.csv" + (f"?{query}" if query else ""))

    @app.get("/dyads", response_class=HTMLResponse)
    def page_dyads(pair: Annotated[list[str] | None, Query(max_length=12)] = None, by: Period = "year",
                   since: Day = None, until: Day = None) -> str:
        pairs = parse_pairs(pair or []) or [(r.a, r.b) for r in queries.relations_in(db)[:3]]
        found = [dyad_periods_data(db, a, b, by, since, until) for a, b in pairs]
        series = [(d["a"], d["b"], d["series"]) for d in found]
        query = views.query_string({"by": by if by != "year" else None, "since": since, "until": until})
        pairs_query = "&".join(f"pair={quote(f'{a}-{b}')}" for a, b in pairs)
        return _render("dyads.html", title="Dyads side by side", charts=any(d["series"] for d in found), dyads=found,
                       by=by, since=since, until=until, choices=choices.get(), pairs=pairs,
                       figure=json.dumps(compare_figure(series, by)),
                       note=_note_on(db, list(dict.fromkeys(c for d in found for c in d["unknown"]))),
                       twin=f"/api/dyads?{pairs_query}" + (f"&{query}" if query else ""))


def _text_pages(app: FastAPI, db: Path, settings: Settings, pool: AnalysisPool, choices: Choices) -> None:
    @app.get("/document/{doc_id}", response_class=HTMLResponse)
    def page_document(doc_id: IdPart) -> str:
        result = document_data(db, doc_id)
        view = coded(result)
        return _render("document.html", title=view["title"] or f"Document {result['document']['id'][:12]}",
                       document=result["document"], view=view, marked=marked_text(result),
                       twin=f"/api/documents/{quote(doc_id)}")

    @app.get("/causal", response_class=HTMLResponse)
    def page_causal(actor: Code = None) -> str:
        graph = queries.causal(db, actor=actor)
        return _render("causal.html", title="Causal claims", graph=graph, drawing=causal_svg(graph), actor=actor,
                       labels=graph.labels(), choices=choices.get(),
                       twin="/api/causal" + (f"?actor={quote(actor)}" if actor else ""))

    @app.get("/analyze", response_class=HTMLResponse)
    def page_analyze_form() -> str:
        return _render("analyze.html", title="Analyse a text", result=None, twin="/docs#post-api-analyze")

    @app.post("/analyze", response_class=HTMLResponse)
    async def page_analyze(request: Request, text: Annotated[str, Form()],
                           date: Annotated[str, Form(max_length=40)] = "") -> Response:
        result = await analyse_posted(pool, settings, request, text[:settings.max_text_chars], date or None)
        if result is None:
            return Response(status_code=499)
        return HTMLResponse(_render("analyze.html", title="Analysis", result=result, view=coded(result),
                                    marked=marked_text(result), twin="/docs#post-api-analyze"))

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def page_docs() -> str:
        return _render("api.html", title="The JSON API", routes=api_routes(app.openapi()), twin="/openapi.json")


def api_routes(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The OpenAPI description as rows for the API page: path, method, summary, parameters."""
    found = []
    for path, methods in spec.get("paths", {}).items():
        if not path.startswith("/api/"):
            continue  # the pages: each links its JSON twin
        for method, operation in methods.items():
            parameters = [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                           "type": _schema_text(p.get("schema", {})), "description": p.get("description") or
                           p.get("schema", {}).get("description", "")} for p in operation.get("parameters", [])]
            summary = operation.get("summary", "")
            found.append({"path": path, "method": method.upper(), "anchor": f"{method}-{path}".replace("/", "-")
                          .replace("{", "").replace("}", "").replace(".", "-").strip("-").replace("--", "-"),
                          "summary": "" if summary.startswith("Api ") else summary,
                          "description": operation.get("description", ""),
                          "parameters": parameters, "body": "requestBody" in operation})
    return found


def _schema_text(schema: dict[str, Any]) -> str:
    """"integer, 1 to 500", "month | quarter | year", "date": a parameter's type for people."""
    options = schema.get("anyOf") or [schema]
    parts = []
    for option in options:
        if option.get("type") == "null":
            continue
        if "enum" in option:
            parts.append(" | ".join(str(v) for v in option["enum"]))
            continue
        text = option.get("format") or option.get("type") or "value"
        if option.get("type") == "array":
            text = f"list of {option.get('items', {}).get('type', 'value')}"
        low, high = option.get("minimum"), option.get("maximum")
        if low is not None or high is not None:
            text += f", {low if low is not None else '…'} to {high if high is not None else '…'}"
        if option.get("maxLength"):
            text += f", at most {option['maxLength']} characters"
        parts.append(text)
    default = schema.get("default")
    return " or ".join(parts) + (f" (default {default})" if default not in (None, "") else "")
