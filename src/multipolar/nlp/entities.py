"""The document's named entities, read once per document.

spaCy builds every entity of a document anew on each read of `doc.ents`, and `span.ents` reads them all for
each span: a lookup per quotation, per speaker phrase or per mention was quadratic in the document's length
(a third of the quotation finder's time on the UN speeches). Here the entities' token bounds are kept in the
document's `user_data` (plain numbers, so the document holds no reference to itself) and the few spans asked
for are built from them. The entity recogniser sets the entities before our components run; none of ours
changes them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import NamedTuple

from spacy.tokens import Doc, Span

_KEY = "multipolar.entities"


class _Bounds(NamedTuple):
    tokens: int
    starts: list[int]
    ends: list[int]
    labels: list[int]
    kb_ids: list[int]
    ids: list[int]


def _bounds(doc: Doc) -> _Bounds:
    cached = doc.user_data.get(_KEY)
    if isinstance(cached, _Bounds) and cached.tokens == len(doc):
        return cached
    ents = doc.ents
    bounds = _Bounds(len(doc), [e.start for e in ents], [e.end for e in ents], [e.label for e in ents],
                     [e.kb_id for e in ents], [e.id for e in ents])
    doc.user_data[_KEY] = bounds
    return bounds


def _entity(doc: Doc, bounds: _Bounds, k: int) -> Span:
    return Span(doc, bounds.starts[k], bounds.ends[k], label=bounds.labels[k], kb_id=bounds.kb_ids[k],
                span_id=bounds.ids[k])


def entities_within(doc: Doc, start: int, end: int) -> list[Span]:
    """`doc[start:end].ents`: the entities wholly inside those tokens (from the first that begins there, up to
    one that runs past the end)."""
    bounds = _bounds(doc)
    found = []
    for k in range(bisect_left(bounds.starts, start), len(bounds.starts)):
        if bounds.ends[k] > end:
            break
        found.append(_entity(doc, bounds, k))
    return found


def entities_starting(doc: Doc, start: int, end: int, labels: tuple[str, ...] | None = None) -> list[Span]:
    """The entities that begin in [start, end) (wherever they end), in order; only those of `labels`, if given."""
    bounds = _bounds(doc)
    strings = doc.vocab.strings
    wanted = None if labels is None else {strings[label] for label in labels if label in strings}
    return [_entity(doc, bounds, k)
            for k in range(bisect_left(bounds.starts, start), bisect_left(bounds.starts, max(start, end)))
            if wanted is None or bounds.labels[k] in wanted]


def entity_at(doc: Doc, i: int) -> Span | None:
    """The entity that token `i` is part of, if any."""
    bounds = _bounds(doc)
    k = bisect_right(bounds.starts, i) - 1
    return _entity(doc, bounds, k) if k >= 0 and i < bounds.ends[k] else None
