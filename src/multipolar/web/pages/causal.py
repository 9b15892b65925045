"""The causal claims page: what the store's documents say causes what, drawn as a graph."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import FastAPI
from fastapi.responses import HTMLResponse

from multipolar.corpus import queries
from multipolar.present.charts import causal_chart as causal_svg
from multipolar.web.pages.common import PageContext
from multipolar.web.params import Code
from multipolar.web.render import render


def add(app: FastAPI, context: PageContext) -> None:
    @app.get("/causal", response_class=HTMLResponse)
    def page_causal(actor: Code = None) -> str:
        graph = queries.causal(context.db, actor=actor)
        return render("causal.html", title="Causal claims", graph=graph, drawing=causal_svg(graph), actor=actor,
                      labels=graph.labels(), choices=context.choices.get(),
                      twin="/api/causal" + (f"?actor={quote(actor)}" if actor else ""))
