"""What every page shares: the store, settings and caches it reads (`PageContext`), the choices its
controls offer, notes on codes the store does not know, empty controls dropped and errors shown as pages."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from multipolar.corpus import listings, queries
from multipolar.settings import Settings
from multipolar.web.analyses import AnalysisPool
from multipolar.web.read_cache import ReadCache
from multipolar.web.render import error_page, wants_html
from multipolar.web.views import MODALITIES, QUAD_NAMES

_CHOICES_SECONDS = 60.0


class Choices:
    """What the controls offer (actors, event types, the store's dates), read at most once a minute."""

    def __init__(self, db: Path) -> None:
        self.db, self.read_at = db, 0.0
        self.values: dict[str, Any] = {}

    def get(self) -> dict[str, Any]:
        if time.monotonic() - self.read_at > _CHOICES_SECONDS:
            first, last = listings.store_span(self.db)
            self.values = {"actors": listings.actor_choices(self.db), "types": listings.event_types(self.db),
                           "first": first, "last": last, "quads": QUAD_NAMES, "modalities": MODALITIES}
            self.read_at = time.monotonic()
        return self.values

    def names(self) -> dict[str, str]:
        """Actor names by code, for titles and labels."""
        return {a["code"]: a["name"] for a in self.get()["actors"]}


@dataclass(frozen=True)
class PageContext:
    """What the pages read: the store, the settings, the analysis workers, the kept answers."""

    db: Path
    settings: Settings
    pool: AnalysisPool
    cache: ReadCache
    choices: Choices = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "choices", Choices(self.db))


def unknown_note(db: Path, codes: list[str]) -> str | None:
    """"No actor XYZ in this store; did you mean ...?" for codes no stored actor has."""
    return note_on(db, queries.unknown_codes(db, codes))


def note_on(db: Path, unknown: list[str]) -> str | None:
    notes = []
    for code in unknown:
        close = queries.actors_named(db, code, 3)
        hint = f"; did you mean {', '.join(f'{c} ({n})' for c, n in close)}?" if close else ""
        notes.append(f"No actor {code} in this store{hint}")
    return ". ".join(notes) or None


class DropEmptyParameters:
    """A form sends its empty controls (`?since=&actor=`): they mean "no filter", not a bad value, so they
    are removed from the query before it is validated."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        query = scope.get("query_string", b"") if scope["type"] == "http" else b""
        if query:
            kept = b"&".join(part for part in query.split(b"&") if part and not part.endswith(b"="))
            if kept != query:
                scope = {**scope, "query_string": kept}
        await self.app(scope, receive, send)


def add_page_support(app: FastAPI) -> None:
    """Empty controls dropped; errors on pages answered as pages (the API keeps its JSON)."""
    app.add_middleware(DropEmptyParameters)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if wants_html(request):
            return error_page(exc.status_code, str(exc.detail))
        return await http_exception_handler(request, exc)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if wants_html(request):
            reasons = "; ".join(f"{e['loc'][-1]}: {e['msg']}" for e in exc.errors())
            return error_page(422, f"a control has a value this page cannot use ({reasons})")
        return await request_validation_exception_handler(request, exc)
