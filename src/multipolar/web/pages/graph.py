"""The front page: the relation graph of the store's dyads, coloured by bloc, with the blocs' method."""

from __future__ import annotations

import json

from fastapi import FastAPI
from fastapi.responses import HTMLResponse

from multipolar.web import views
from multipolar.web.api import kept_graph
from multipolar.web.figures import bloc_colour, graph_figure
from multipolar.web.pages.common import PageContext, unknown_note
from multipolar.web.params import Code, Day, MinEvents, Top
from multipolar.web.render import render


def add(app: FastAPI, context: PageContext) -> None:
    db, choices = context.db, context.choices

    @app.get("/", response_class=HTMLResponse)
    def page_graph(since: Day = None, until: Day = None, top: Top = 60, min_events: MinEvents = 2,
                   actor: Code = None) -> str:
        actor = actor and actor.upper()
        graph = kept_graph(context.cache, db, None, top, min_events, since, until, actor)
        names = choices.names()
        nodes = [{**n, "name": names.get(n["id"])} for n in graph["nodes"]]
        shown = {n["id"] for n in nodes}
        blocs = [{"number": k + 1, "colour": bloc_colour(k), "members": b["members"],
                  "shown": [m for m in b["members"] if m in shown]} for k, b in enumerate(graph["blocs"]["blocs"])]
        query = views.query_string({"since": since, "until": until, "top": top if top != 60 else None,
                                    "min_events": min_events if min_events != 2 else None, "actor": actor})
        figure = json.dumps(graph_figure(nodes, graph["edges"]))
        return render("graph.html", title="Relations", charts=True, figure=figure, edges=graph["edges"], blocs=blocs,
                      partition=graph["blocs"], since=since, until=until, top=top, min_events=min_events,
                      actor=actor, choices=choices.get(), note=unknown_note(db, [actor or ""]),
                      twin="/api/graph" + (f"?{query}" if query else ""),
                      csv="/api/graph.csv" + (f"?{query}" if query else ""))
