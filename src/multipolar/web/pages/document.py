"""A document's page: its text with every coded span marked, and what was read from it."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import FastAPI
from fastapi.responses import HTMLResponse

from multipolar.web.api import document_data
from multipolar.web.document import coded, marked_text
from multipolar.web.pages.common import PageContext
from multipolar.web.params import IdPart
from multipolar.web.render import render


def add(app: FastAPI, context: PageContext) -> None:
    @app.get("/document/{doc_id}", response_class=HTMLResponse)
    def page_document(doc_id: IdPart) -> str:
        result = document_data(context.db, doc_id)
        view = coded(result)
        return render("document.html", title=view["title"] or f"Document {result['document']['id'][:12]}",
                      document=result["document"], view=view, marked=marked_text(result),
                      twin=f"/api/documents/{quote(doc_id)}")
