"""The HTML pages of `serve`, one module each: the relation graph (`graph`), events, documents, a
document, a dyad, dyads side by side, causal claims, the paste box (`analyze`) and the API description
(`api_docs`). Each page has controls (a GET form, so every view is a URL), a JSON twin and, for tables, a
CSV twin. Plotly is loaded only by pages that draw a chart, from the plotly package: nothing comes from
another site. Errors on pages are pages (JSON for API clients: `common.add_page_support`).

A new page is a module here with `add(app, context)`, listed in `PAGES`."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse

from multipolar.settings import Settings
from multipolar.web.analyses import AnalysisPool
from multipolar.web.pages import analyze, api_docs, causal, document, documents, dyad, dyads, events, graph
from multipolar.web.pages.common import PageContext, add_page_support
from multipolar.web.read_cache import ReadCache

PAGES = (graph, events, documents, dyad, dyads, document, causal, analyze, api_docs)
__all__ = ["PAGES", "add_page_support", "add_pages"]


def add_pages(app: FastAPI, db: Path, settings: Settings, pool: AnalysisPool, cache: ReadCache) -> None:
    """Every page, and plotly.js for those with a chart."""
    context = PageContext(db, settings, pool, cache)

    @app.get("/static/plotly.min.js", include_in_schema=False)
    def plotly_js() -> FileResponse:
        import plotly

        return FileResponse(Path(plotly.__file__).parent / "package_data" / "plotly.min.js",
                            media_type="application/javascript", headers={"Cache-Control": "max-age=86400"})

    for page in PAGES:
        page.add(app, context)
