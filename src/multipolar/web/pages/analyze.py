"""The paste box: a text analysed on the spot by the server's workers, shown as a document page is."""

from __future__ import annotations

from typing import Annotated

from fastapi import FastAPI, Form, Request
from fastapi.responses import HTMLResponse, Response

from multipolar.web.document import coded, marked_text
from multipolar.web.pages.common import PageContext
from multipolar.web.posted import analyse_posted
from multipolar.web.render import render


def add(app: FastAPI, context: PageContext) -> None:
    settings, pool = context.settings, context.pool

    @app.get("/analyze", response_class=HTMLResponse)
    def page_analyze_form() -> str:
        return render("analyze.html", title="Analyse a text", result=None, twin="/docs#post-api-analyze")

    @app.post("/analyze", response_class=HTMLResponse)
    async def page_analyze(request: Request, text: Annotated[str, Form()],
                           date: Annotated[str, Form(max_length=40)] = "") -> Response:
        result = await analyse_posted(pool, settings, request, text[:settings.max_text_chars], date or None)
        if result is None:
            return Response(status_code=499)
        return HTMLResponse(render("analyze.html", title="Analysis", result=result, view=coded(result),
                                   marked=marked_text(result), twin="/docs#post-api-analyze"))
