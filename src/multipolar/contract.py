"""The analysis contract (schema "multipolar.analysis/1"): its JSON Schema and a validator."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from multipolar.records import SCHEMA, Analysis


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    text = resources.files("multipolar").joinpath("data/schema/analysis.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def problems(document: dict[str, Any]) -> list[str]:
    """Every way `document` breaks the contract: schema errors and offsets that do not index the text."""
    import jsonschema

    part = "error" if "error" in document else "analysis"
    validator = jsonschema.Draft202012Validator({"$defs": schema()["$defs"], "$ref": f"#/$defs/{part}"})
    found = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(document)]
    if "error" in document or found:
        return found
    text = document["document"]["text"]
    for path, span in _spans(document):
        if text[span["start"] : span["end"]] != span["text"]:
            found.append(f"{path}: offsets {span['start']}:{span['end']} do not give {span['text']!r}")
    for index, quote in enumerate(document["quotes"]):
        if "start" in quote and text[quote["start"] : quote["end"]] != quote["text"]:
            found.append(f"quotes/{index}: offsets do not give the quote text")
    return found


def _spans(document: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    spans = []
    for i, actor in enumerate(document["actors"]):
        spans += [(f"actors/{i}/mentions/{k}", m) for k, m in enumerate(actor["mentions"])]
    for key in ("events", "quantities", "quotes", "claims"):
        spans += [(f"{key}/{i}/evidence", item["evidence"]) for i, item in enumerate(document.get(key, []))]
    return spans


def error_line(message: str, line: int, source_id: str | None) -> dict[str, Any]:
    """The JSONL line for a record that could not be analysed."""
    return {"schema": SCHEMA, "error": " ".join(message.split()), "line": line, "document": {"source_id": source_id}}


def to_json(analysis: Analysis, *, indent: int | None = None) -> str:
    return json.dumps(analysis.as_dict(), ensure_ascii=False, indent=indent, allow_nan=False)
