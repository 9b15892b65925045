"""What the web pages and their JSON and CSV twins show of the store's rows (`corpus.listings`): every row
carrying its document's original URL and its sentence's anchor on the document page; symmetric pairs of
events as one row; filters as URL queries, so every view is a link."""

from __future__ import annotations

import datetime as dt
from dataclasses import fields
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from multipolar.corpus import listings
from multipolar.corpus.listings import MODALITIES, DocumentFilter, EventFilter, Modality
from multipolar.present.briefing import url_of

__all__ = ["MODALITIES", "QUAD_NAMES", "DocumentFilter", "EventFilter", "Modality", "cited", "documents",
           "dyad_figures", "dyad_quotes", "events", "filter_query", "one_row_per_pair", "query_string"]
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def query_string(values: dict[str, Any]) -> str:
    return urlencode([(k, v.isoformat() if isinstance(v, dt.date) else v) for k, v in values.items()
                      if v not in (None, "", "any")])


def filter_query(found: EventFilter | DocumentFilter, **extra: Any) -> str:
    """A filter as a URL query, defaults left out; `extra` adds or overrides parameters."""
    return query_string({f.name: getattr(found, f.name) for f in fields(found)} | extra)


def cited(row: dict[str, Any]) -> dict[str, Any]:
    """A row with its document's original URL and the link to its sentence on the document page."""
    doc_id, sentence = row.get("doc_id"), row.get("sentence")
    anchor = f"/document/{quote(str(doc_id))}" + (f"#s{sentence}" if sentence is not None else "")
    return {**row, "doc_url": url_of(row.get("doc_source")), "anchor": anchor if doc_id else None}


def events(db: Path, found: EventFilter, limit: int, offset: int) -> list[dict[str, Any]]:
    return [cited(r) for r in listings.events(db, found, limit, offset)]


def one_row_per_pair(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events for a table: a symmetric pair (one sentence coding A->B and B->A alike, next to each other)
    as one row with `both`."""
    shown: list[dict[str, Any]] = []
    for row in found:
        last = shown[-1] if shown else None
        if last is not None and all(last[k] == row[k] for k in ("doc_id", "sentence", "plover", "cameo", "negated",
                                                                  "modality")) \
                and (last["source"], last["target"]) == (row["target"], row["source"]) and not last["both"]:
            last["both"] = True
            continue
        shown.append({**row, "both": False})
    return shown


def documents(db: Path, found: DocumentFilter, limit: int, offset: int) -> list[dict[str, Any]]:
    return [{**r, "url": url_of(r["source"])} for r in listings.documents(db, found, limit, offset)]


def dyad_figures(db: Path, a: str, b: str, limit: int = 50) -> list[dict[str, Any]]:
    """Money and other figures naming both actors, each with its document and sentence."""
    return [cited(r) for r in listings.dyad_figures(db, a, b, limit)]


def dyad_quotes(db: Path, a: str, b: str, limit: int = 30) -> list[dict[str, Any]]:
    """Quotations by either side in documents that report events between them."""
    return [cited(r) for r in listings.dyad_quotes(db, a, b, limit)]
