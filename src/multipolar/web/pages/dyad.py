"""A dyad's page: how the relationship changed, period by period, and its events, figures and quotes."""

from __future__ import annotations

import json
from urllib.parse import quote

from fastapi import FastAPI
from fastapi.responses import HTMLResponse

from multipolar.corpus.listings import EventFilter
from multipolar.web import views
from multipolar.web.api import dyad_json
from multipolar.web.figures import dyad_figure
from multipolar.web.pages.common import PageContext, note_on
from multipolar.web.params import CodePart, Day, Period
from multipolar.web.render import render


def add(app: FastAPI, context: PageContext) -> None:
    db, choices = context.db, context.choices

    @app.get("/dyad/{a}/{b}", response_class=HTMLResponse)
    def page_dyad(a: CodePart, b: CodePart, by: Period = "year", since: Day = None, until: Day = None) -> str:
        data = json.loads(dyad_json(context.cache, db, a.upper(), b.upper(), by, since, until))
        a, b = data["a"], data["b"]
        names = choices.names()
        query = views.query_string({"by": by if by != "year" else None, "since": since, "until": until})
        return render("dyad.html", title=f"{names.get(a, a)} – {names.get(b, b)}", charts=bool(data["series"]),
                      data=data, names=names, by=by, since=since, until=until, choices=choices.get(),
                      figure=json.dumps(dyad_figure(data["series"], a, b, by)),
                      note=note_on(db, data["unknown"]),
                      events_query=views.filter_query(EventFilter(a, b, since=since, until=until)),
                      twin=f"/api/dyads/{quote(a)}/{quote(b)}" + (f"?{query}" if query else ""),
                      csv=f"/api/dyads/{quote(a)}/{quote(b)}.csv" + (f"?{query}" if query else ""))
