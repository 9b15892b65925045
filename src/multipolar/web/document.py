"""A document as the page shows it: its text cut into sentences with anchors (`#s12`), the sentences that
carry events, the quotations and the figures marked, and beside it the list of what was coded. Every
character of the text is escaped; the marks are ours."""

from __future__ import annotations

import html
import itertools
from collections import defaultdict
from typing import Any

from multipolar.present.briefing import url_of


def marked_text(document: dict[str, Any]) -> str:
    """The text as HTML: one `<span class="s" id="sN">` per sentence (with `event` when an event was coded
    from it, `uncounted` when all its events are negated or hypothetical), quotations and figures marked
    inside; text outside any sentence escaped as it is."""
    text: str = document["document"]["text"]
    sentences = sorted((s["start"], s["end"], s["index"]) for s in document.get("sentences", [])) or \
        _evidence_sentences(document)
    counted: dict[int, list[bool]] = defaultdict(list)
    for event in document.get("events", []):
        counted[event["sentence"]].append(not event["negated"] and event["modality"] in
                                          ("asserted", "reported", "intended"))
    marks = _marks(document, len(text))
    pieces, cursor = [], 0
    for start, end, index in sentences:
        if start < cursor or end <= start:
            continue
        pieces.append(_inline(text, cursor, start, marks))
        kinds = ["s"] + (["event"] if index in counted else []) + (
            ["uncounted"] if index in counted and not any(counted[index]) else [])
        pieces.append(f'<span class="{" ".join(kinds)}" id="s{index}">{_inline(text, start, end, marks)}</span>')
        cursor = end
    pieces.append(_inline(text, cursor, len(text), marks))
    return "".join(pieces)


def _evidence_sentences(document: dict[str, Any]) -> list[tuple[int, int, int]]:
    """The sentences a store written before schema 3 still knows: those its events, figures and quotes
    came from (their evidence spans), so every link to one finds its anchor."""
    found = {}
    for kind in ("events", "quantities", "quotes", "claims"):
        for item in document.get(kind, []):
            evidence = item.get("evidence") or {}
            if isinstance(evidence.get("start"), int) and evidence.get("end", 0) > evidence["start"]:
                found[item["sentence"]] = (evidence["start"], evidence["end"], item["sentence"])
    return sorted(found.values())


def _marks(document: dict[str, Any], length: int) -> list[tuple[int, int, str]]:
    found = []
    for quote in document.get("quotes", []):
        if 0 <= quote.get("start", 0) < quote.get("end", 0) <= length:
            found.append((quote["start"], quote["end"], "quote"))
    for figure in document.get("quantities", []):
        if 0 <= figure.get("start", 0) < figure.get("end", 0) <= length:
            found.append((figure["start"], figure["end"], "figure"))
    return sorted(found)


def _inline(text: str, start: int, end: int, marks: list[tuple[int, int, str]]) -> str:
    """text[start:end] escaped, with the parts inside quotations and figures wrapped in their mark."""
    cuts = sorted({start, end, *(p for a, b, _ in marks for p in (a, b) if start < p < end)})
    out = []
    for low, high in itertools.pairwise(cuts):
        kinds = sorted({kind for a, b, kind in marks if a <= low and high <= b})
        piece = html.escape(text[low:high])
        out.append(f'<span class="{" ".join(kinds)}">{piece}</span>' if kinds else piece)
    return "".join(out)


def coded(document: dict[str, Any]) -> dict[str, Any]:
    """What was coded, for the list beside the text: events (a symmetric pair once), figures, quotes,
    actors; each knows its sentence."""
    seen: dict[tuple[Any, ...], dict[str, Any]] = {}
    for event in document.get("events", []):
        key = (event["sentence"], event["plover"], event["cameo"], event["negated"], event["modality"],
               frozenset((event["source"], event["target"])))
        if key in seen:
            seen[key]["both"] = seen[key]["both"] or seen[key]["source"] != event["source"]
            continue
        seen[key] = {**event, "both": False}
    doc = document["document"]
    return {"events": list(seen.values()), "figures": document.get("quantities", []),
            "quotes": document.get("quotes", []), "actors": document.get("actors", []),
            "url": url_of(doc.get("source")), "title": doc.get("title"), "date": doc.get("date")}
