"""`multipolar serve`: a JSON API and pages over a store (FastAPI, extra `multipolar[web]`).

Every page has a JSON twin under /api (`web.api`, with CSV twins of the tables; the pages are
`web.pages`, one module each). Pages work offline: plotly.js is served from the plotly package, the API
description from our own page. Article text is always escaped (Jinja autoescape, `web.render`); SQL lives
in `corpus.listings` and `corpus.queries`, every query parameterised, and every query parameter is checked
(`web.params`: 422 with the reason). Requests pass `web.guard` first (Host, token, body size); posted
texts are analysed in `web.analyses`' worker processes (`web.posted`). Error bodies never carry paths,
process ids or tracebacks: those go to the log (`multipolar.web`).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from pathlib import Path

from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse, Response

from multipolar.corpus import store
from multipolar.settings import DEFAULT_SETTINGS, Settings
from multipolar.web.analyses import AnalysisPool
from multipolar.web.api import add_api
from multipolar.web.guard import Guard, allowed_hosts, is_loopback
from multipolar.web.pages import add_page_support, add_pages
from multipolar.web.posted import add_analysis_api
from multipolar.web.read_cache import ReadCache
from multipolar.web.render import error_page, wants_html
from multipolar.web.store_handle import StoreKeeper

log = logging.getLogger("multipolar.web")


def create_app(db: Path, settings: Settings = DEFAULT_SETTINGS, *, token: str | None = None,
               host: str = "127.0.0.1") -> FastAPI:
    """The app for one store, served on `host`. The store is opened read-only per request (and kept open
    between close requests, `web.store_handle`), so several servers can read one file and an ingest can
    take it once reads pause for a second; while an ingest writes (DuckDB allows one writing process and
    no readers beside it), requests get 503. The heavier answers are kept while the store stays as it is
    (`web.read_cache`).

    Writes (analysing posted text) need `Authorization: Bearer TOKEN` when a token is set, and are refused
    without one when `host` is not loopback. Limits come from `settings` (`max_body_bytes`,
    `max_text_chars`, `analysis_workers`, `analysis_queue`, `doc_timeout`, `allowed_hosts`). No CORS
    headers are sent: other sites' pages cannot call the API from a browser.
    """
    pool, keeper = AnalysisPool(settings), StoreKeeper(db)
    cache = ReadCache(keeper)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        keeper.close()
        pool.close()

    app = FastAPI(title="multipolar", version="1", lifespan=lifespan, dependencies=[Depends(keeper.during_request)],
                  description="Actors, events, figures and quotes read from news, each with the sentence it came from.",
                  docs_url=None, redoc_url=None)
    app.state.analyses, app.state.store_keeper, app.state.read_cache = pool, keeper, cache
    app.add_middleware(Guard, hosts=allowed_hosts(host, settings.allowed_hosts), token=token,
                       writes_need_token=not is_loopback(host), max_body=settings.max_body_bytes,
                       body_timeout=settings.header_timeout)
    _add_error_handlers(app)
    add_page_support(app)
    add_analysis_api(app, settings, pool)
    add_api(app, db, cache)
    add_pages(app, db, settings, pool, cache)
    return app


def _add_error_handlers(app: FastAPI) -> None:
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
