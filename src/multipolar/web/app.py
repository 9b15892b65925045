"""`multipolar serve`: a JSON API and pages over a store (FastAPI, extra `multipolar[web]`).

Every page has a JSON twin under /api (`api`, with CSV twins of the tables; the pages are `pages`).
Pages work offline: plotly.js is served from the plotly package, the API description from our own page.
Article text is always escaped (Jinja autoescape); every query is parameterised, and every query
parameter is checked (422 with the reason). Requests pass `guard` first (Host, token, body size);
posted texts are analysed in `analyses`' worker processes. Error bodies never carry paths, process
ids or tracebacks: those go to the log (`multipolar.web.app`).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import AsyncIterator, Awaitable
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

import duckdb
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathPart
from fastapi.responses import JSONResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape
from pydantic import BaseModel, Field, StrictStr

from multipolar.corpus import store
from multipolar.errors import InputError
from multipolar.settings import DEFAULT_SETTINGS, Settings
from multipolar.web.analyses import AnalysisBusy, AnalysisFailed, AnalysisPool
from multipolar.web.guard import Guard, allowed_hosts, is_loopback
from multipolar.web.store_handle import StoreKeeper

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


def create_app(db: Path, settings: Settings = DEFAULT_SETTINGS, *, token: str | None = None,
               host: str = "127.0.0.1") -> FastAPI:
    """The app for one store, served on `host`. The store is opened read-only per request (and kept open
    between close requests, `store_handle`), so several servers can read one file and an ingest can take it
    once reads pause for a second; while an ingest writes (DuckDB allows one writing process and no
    readers beside it), requests get 503.

    Writes (analysing posted text) need `Authorization: Bearer TOKEN` when a token is set, and are refused
    without one when `host` is not loopback. Limits come from `settings` (`max_body_bytes`,
    `max_text_chars`, `analysis_workers`, `analysis_queue`, `doc_timeout`, `allowed_hosts`). No CORS
    headers are sent: other sites' pages cannot call the API from a browser.
    """
    pool, keeper = AnalysisPool(settings), StoreKeeper(db)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        keeper.close()
        pool.close()

    app = FastAPI(title="multipolar", version="1", lifespan=lifespan, dependencies=[Depends(keeper.during_request)],
                  description="Actors, events, figures and quotes read from news, each with the sentence it came from.",
                  docs_url=None, redoc_url=None)
    app.state.analyses, app.state.store_keeper = pool, keeper
    app.add_middleware(Guard, hosts=allowed_hosts(host, settings.allowed_hosts), token=token,
                       writes_need_token=not is_loopback(host), max_body=settings.max_body_bytes,
                       body_timeout=settings.header_timeout)
    from multipolar.web.api import add_api
    from multipolar.web.pages import add_page_support, add_pages

    _add_error_handlers(app)
    add_page_support(app)
    _add_api(app, db, settings, pool)
    add_api(app, db)
    add_pages(app, db, settings, pool)
    return app


async def analyse_posted(pool: AnalysisPool, settings: Settings, request: Request, text: str,
                         date: str | None) -> dict[str, Any] | None:
    """The contract dict of a posted text, or None when the client left before it was done (the
    analysis is then stopped). Busy, invalid and failed analyses become HTTP errors."""
    if len(text) > settings.max_text_chars:
        raise HTTPException(422, f"`text` must be at most {settings.max_text_chars} characters")
    if date:
        from multipolar.ingest.read import parse_date

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
    from multipolar.web.pages import error_page, wants_html

    @app.exception_handler(store.StoreError)
    def store_error(request: Request, exc: store.StoreError) -> Response:
        log.warning("store unavailable for %s: %s", request.url.path, exc)
        detail = "the store cannot be read just now (an ingest may be writing it); try again shortly"
        if wants_html(request):
            return error_page(503, detail)
        return JSONResponse({"detail": detail}, status_code=503, headers={"Retry-After": "5"})

    @app.exception_handler(Exception)
    def internal_error(request: Request, exc: Exception) -> Response:
        log.error("error on %s %s", request.method, request.url.path, exc_info=exc)
        detail = "internal error; the server's log has the reason"
        if wants_html(request):
            return error_page(500, detail)
        return JSONResponse({"detail": detail}, status_code=500)


def _add_api(app: FastAPI, db: Path, settings: Settings, pool: AnalysisPool) -> None:
    def query(sql: str, params: list[Any]) -> list[dict[str, Any]]:
        return read(db, sql, params)

    @app.post("/api/analyze")
    async def api_analyze(payload: AnalyzeRequest, request: Request) -> Response:
        result = await analyse_posted(pool, settings, request, payload.text, payload.date)
        return JSONResponse(result) if result is not None else Response(status_code=499)

    @app.get("/api/documents/{doc_id}")
    def api_document(doc_id: IdPart) -> JSONResponse:
        """The document's contract JSON, exactly as `multipolar analyze --format json` gave it."""
        return JSONResponse(document_data(db, doc_id))


def document_data(db: Path, doc_id: str) -> dict[str, Any]:
    """The document's contract JSON, exactly as `multipolar analyze --format json` gave it (404 if none)."""
    analysis = store.load_analysis(db, doc_id)
    if analysis is None:
        raise HTTPException(404, "no such document")
    return analysis.as_dict()
