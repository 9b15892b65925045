"""The documents page: a filtered, paged list of the stored documents."""

from __future__ import annotations

from functools import partial

from fastapi import FastAPI
from fastapi.responses import HTMLResponse

from multipolar.corpus import listings
from multipolar.corpus.listings import DocumentFilter
from multipolar.web import views
from multipolar.web.pages.common import PageContext, unknown_note
from multipolar.web.params import Code, Day, Limit, Offset, Search
from multipolar.web.render import render


def add(app: FastAPI, context: PageContext) -> None:
    db, choices = context.db, context.choices

    @app.get("/documents", response_class=HTMLResponse)
    def page_documents(q: Search = None, since: Day = None, until: Day = None, actor: Code = None,
                       limit: Limit = 50, offset: Offset = 0) -> str:
        found = DocumentFilter(q, since, until, actor and actor.upper())
        rows, total = views.documents(db, found, limit, offset), listings.count_documents(db, found)
        return render("documents.html", title="Documents", filter=found, rows=rows, total=total, limit=limit,
                      offset=offset, choices=choices.get(), note=unknown_note(db, [found.actor or ""]),
                      twin=f"/api/documents?{views.filter_query(found, limit=limit, offset=offset or None)}",
                      csv=f"/api/documents.csv?{views.filter_query(found)}",
                      page_query=partial(views.filter_query, found))
