"""Pages from templates (Jinja, every value escaped), and errors as pages for browsers."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape

templates = Environment(loader=PackageLoader("multipolar", "data/templates"),
                        autoescape=select_autoescape(["html"]))


def render(name: str, **context: Any) -> str:
    return templates.get_template(name).render(**context)


def wants_html(request: Request) -> bool:
    """A browser asking for a page (not the API, not a client that asked for JSON)."""
    return not request.url.path.startswith(("/api/", "/openapi")) and "text/html" in request.headers.get("accept", "")


def error_page(status: int, message: str) -> HTMLResponse:
    return HTMLResponse(render("error.html", title=f"{status}: {message}", status=status, message=message, twin=None),
                        status_code=status)
