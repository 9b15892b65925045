"""HTML left inside text fields, and invisible characters, removed before analysis.

Why: text fields of scraped corpora carry inline markup (`<u>`, `<span style="text-decoration:
underline">`, `<sup>1</sup>`, table cells) that would otherwise reach sentences, quotes and pages; and
bidirectional or zero-width controls around a sentence split its words so that its events are not seen.
Only tags of HTML's own vocabulary are removed, so "x < y" and "<ticker>" stay as written.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _tag_kinds() -> dict[str, str]:
    """Tag name -> inline, cell, block or dropped, from `data/markup_tags.tsv`."""
    text = resources.files("multipolar").joinpath("data/markup_tags.tsv").read_text(encoding="utf-8")
    rows = [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return {tag: kind for tag, kind in rows[1:]}


@lru_cache(maxsize=1)
def _dropped() -> re.Pattern[str]:
    names = "|".join(tag for tag, kind in _tag_kinds().items() if kind == "dropped")
    return re.compile(rf"<({names})\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b(?:\s[^<>]*)?/?>")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^\s<>]+)>")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")
_INVISIBLE = re.compile("[\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u061c\u00ad]")
"""Zero-width spaces and joiners between words, bidirectional marks, embeddings, overrides and isolates,
word joiners, the byte-order mark inside text, and soft hyphens. (U+200D, the joiner inside emoji and
Indic words, is kept.)"""


def strip_markup(text: str) -> str:
    """Text without HTML tags: inline tags vanish, cells are spaced, blocks become line breaks.

    Entities are decoded only where the text also carried tags (a text that only mentions "&amp;" keeps it)."""
    if "<" not in text:
        return text
    stripped = _AUTOLINK.sub(r"\1", _dropped().sub("", text))
    found = False

    def replace(match: re.Match[str]) -> str:
        nonlocal found
        kind = _tag_kinds().get(match.group(1).lower())
        if kind is None or kind == "dropped":
            return match.group(0)
        found = True
        if kind == "cell":
            return " " if match.group(0).startswith("</") else ""
        return "" if kind == "inline" else "\n"

    stripped = _TAG.sub(replace, stripped)
    if found and _ENTITY.search(stripped):
        stripped = html.unescape(stripped)
    return stripped


def strip_invisible(text: str) -> str:
    """Text without bidirectional and zero-width controls (a no-break space becomes a space)."""
    return _INVISIBLE.sub("", text).replace("\u00a0", " ")
