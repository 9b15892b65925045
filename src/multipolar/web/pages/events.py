"""The events page: a filtered, paged table of events, each with its sentence and document."""

from __future__ import annotations

from functools import partial

from fastapi import FastAPI
from fastapi.responses import HTMLResponse

from multipolar.corpus import listings
from multipolar.corpus.listings import EventFilter, Modality
from multipolar.web import views
from multipolar.web.api import EVENT_COLUMNS
from multipolar.web.pages.common import PageContext, unknown_note
from multipolar.web.params import Code, Day, Limit, Offset, Quad, Search, Word
from multipolar.web.render import render


def add(app: FastAPI, context: PageContext) -> None:
    db, choices = context.db, context.choices

    @app.get("/events", response_class=HTMLResponse)
    def page_events(actor: Code = None, other: Code = None, type: Word = None, quad: Quad = None,
                    modality: Modality = "any", since: Day = None, until: Day = None, q: Search = None,
                    limit: Limit = 50, offset: Offset = 0) -> str:
        found = EventFilter(actor and actor.upper(), other and other.upper(), type and type.upper(), quad, modality,
                            since, until, q)
        rows = views.one_row_per_pair(views.events(db, found, limit, offset))
        total = listings.count_events(db, found)
        note = unknown_note(db, [found.actor or "", found.other or ""])
        return render("events.html", title="Events", filter=found, rows=rows, total=total, limit=limit,
                      offset=offset, choices=choices.get(), note=note,
                      twin=f"/api/events?{views.filter_query(found, limit=limit, offset=offset or None)}",
                      csv=f"/api/events.csv?{views.filter_query(found)}", page_query=partial(views.filter_query, found),
                      columns=EVENT_COLUMNS)
