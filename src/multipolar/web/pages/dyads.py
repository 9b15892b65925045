"""Dyads side by side: several relationships over the same periods (the three busiest by default)."""

from __future__ import annotations

import json
from typing import Annotated
from urllib.parse import quote

from fastapi import FastAPI, Query
from fastapi.responses import HTMLResponse

from multipolar.corpus import queries
from multipolar.web import views
from multipolar.web.api import kept_periods, parse_pairs
from multipolar.web.figures import compare_figure
from multipolar.web.pages.common import PageContext, note_on
from multipolar.web.params import Day, Period
from multipolar.web.render import render


def add(app: FastAPI, context: PageContext) -> None:
    db, choices = context.db, context.choices

    @app.get("/dyads", response_class=HTMLResponse)
    def page_dyads(pair: Annotated[list[str] | None, Query(max_length=12)] = None, by: Period = "year",
                   since: Day = None, until: Day = None) -> str:
        pairs = parse_pairs(pair or []) or [(r.a, r.b) for r in queries.relations_in(db)[:3]]
        found = [kept_periods(context.cache, db, a, b, by, since, until) for a, b in pairs]
        series = [(d["a"], d["b"], d["series"]) for d in found]
        query = views.query_string({"by": by if by != "year" else None, "since": since, "until": until})
        pairs_query = "&".join(f"pair={quote(f'{a}-{b}')}" for a, b in pairs)
        return render("dyads.html", title="Dyads side by side", charts=any(d["series"] for d in found), dyads=found,
                      by=by, since=since, until=until, choices=choices.get(), pairs=pairs,
                      figure=json.dumps(compare_figure(series, by)),
                      note=note_on(db, list(dict.fromkeys(c for d in found for c in d["unknown"]))),
                      twin=f"/api/dyads?{pairs_query}" + (f"&{query}" if query else ""))
