"""The API's own page: every /api route with its parameters, types and limits, read from the OpenAPI
description (nothing is loaded from another site)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.responses import HTMLResponse

from multipolar.web.pages.common import PageContext
from multipolar.web.render import render


def add(app: FastAPI, context: PageContext) -> None:
    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def page_docs() -> str:
        return render("api.html", title="The JSON API", routes=api_routes(app.openapi()), twin="/openapi.json")


def api_routes(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The OpenAPI description as rows for the API page: path, method, summary, parameters."""
    found = []
    for path, methods in spec.get("paths", {}).items():
        if not path.startswith("/api/"):
            continue  # the pages: each links its JSON twin
        for method, operation in methods.items():
            parameters = [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                           "type": _schema_text(p.get("schema", {})), "description": p.get("description") or
                           p.get("schema", {}).get("description", "")} for p in operation.get("parameters", [])]
            summary = operation.get("summary", "")
            found.append({"path": path, "method": method.upper(), "anchor": f"{method}-{path}".replace("/", "-")
                          .replace("{", "").replace("}", "").replace(".", "-").strip("-").replace("--", "-"),
                          "summary": "" if summary.startswith("Api ") else summary,
                          "description": operation.get("description", ""),
                          "parameters": parameters, "body": "requestBody" in operation})
    return found


def _schema_text(schema: dict[str, Any]) -> str:
    """"integer, 1 to 500", "month | quarter | year", "date": a parameter's type for people."""
    options = schema.get("anyOf") or [schema]
    parts = []
    for option in options:
        if option.get("type") == "null":
            continue
        if "enum" in option:
            parts.append(" | ".join(str(v) for v in option["enum"]))
            continue
        text = option.get("format") or option.get("type") or "value"
        if option.get("type") == "array":
            text = f"list of {option.get('items', {}).get('type', 'value')}"
        low, high = option.get("minimum"), option.get("maximum")
        if low is not None or high is not None:
            text += f", {low if low is not None else '…'} to {high if high is not None else '…'}"
        if option.get("maxLength"):
            text += f", at most {option['maxLength']} characters"
        parts.append(text)
    default = schema.get("default")
    return " or ".join(parts) + (f" (default {default})" if default not in (None, "") else "")
