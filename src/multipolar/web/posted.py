"""Texts posted to be analysed: checked, queued on the worker processes of `web.analyses`, and stopped
when the client goes away. Busy, invalid and failed analyses become HTTP errors whose bodies carry no
paths or tracebacks (those go to the log)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable
from typing import Any, TypeVar

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse, Response

from multipolar.errors import InputError
from multipolar.settings import Settings
from multipolar.web.analyses import AnalysisBusy, AnalysisFailed, AnalysisPool
from multipolar.web.params import AnalyzeRequest

T = TypeVar("T")


def add_analysis_api(app: FastAPI, settings: Settings, pool: AnalysisPool) -> None:
    @app.post("/api/analyze")
    async def api_analyze(payload: AnalyzeRequest, request: Request) -> Response:
        result = await analyse_posted(pool, settings, request, payload.text, payload.date)
        return JSONResponse(result) if result is not None else Response(status_code=499)


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
