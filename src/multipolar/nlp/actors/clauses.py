"""Small readings of the token sequence that several actor rules share: which tokens the mentions cover,
the entity starting at a token, the clause a phrase runs to, a stance ("pro-Palestinian")."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from multipolar.nlp.entities import entity_at as _entity_containing
from multipolar.nlp.spans import ActorMention

CLAUSE_END = frozenset({",", ".", ";", ":", "—", "–", "(", ")", "\"", "“", "”", "!", "?"})
MAX_APPOSITION = 12


def entity_at(doc: Doc, start: int, labels: tuple[str, ...] = ("PERSON",)) -> Span | None:
    entity = _entity_containing(doc, start)
    return entity if entity is not None and entity.start == start and entity.label_ in labels else None


def covered_tokens(mentions: list[ActorMention]) -> dict[int, ActorMention]:
    return {k: m for m in mentions for k in range(m.start, m.end)}


def clause(doc: Doc, start: int) -> tuple[int, int]:
    end = start
    sentence_end = doc[start].sent.end if start < len(doc) else len(doc)
    while end < sentence_end and end - start < MAX_APPOSITION and doc[end].text not in CLAUSE_END:
        end += 1
    return start, end


def after_stance(words: list[str], at: int) -> bool:
    """The word at `at` follows "pro-" or "anti-": "pro-Palestinian demonstrators", "anti-Syria" name a cause,
    not a people or a state."""
    return at >= 2 and words[at - 1] in ("-", "–") and words[at - 2].lower() in ("pro", "anti")
