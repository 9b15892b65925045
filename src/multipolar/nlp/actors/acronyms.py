"""Acronyms a document defines: "the Haitian National Police (HNP)" makes every later "HNP" that body. A
fact sheet names a body in full once and by its letters after; without this, "the HNP" it trains or funds
is no one."""

from __future__ import annotations

from spacy.tokens import Doc

from multipolar.nlp.actors.kb_names import acronyms_in_brackets
from multipolar.nlp.spans import ActorMention


def with_acronyms(doc: Doc, words: list[str], mentions: list[ActorMention]) -> list[ActorMention]:
    """Each acronym written in brackets right after a resolved body (not a person, not a bare state's
    name) stands for that body wherever nothing else resolved it."""
    defined = acronyms_in_brackets(doc)
    if not defined:
        return mentions
    by_end = {m.end: m for m in mentions}
    bodies = {}
    for acronym, brackets in defined.items():
        found = {by_end[b].actors for b in brackets if b in by_end and _a_body(by_end[b])}
        if len(found) == 1:
            bodies[acronym] = found.pop()
    if not bodies:
        return mentions
    covered = {k for m in mentions for k in range(m.start, m.end)}
    added = [ActorMention(k, k + 1, bodies[word], "acronym") for k, word in enumerate(words)
             if word in bodies and k not in covered]
    return mentions + added


def _a_body(mention: ActorMention) -> bool:
    """A body our tables or rules resolved, named in more than one word; not one only the document explains
    (its country is a guess the acronym should not spread)."""
    ref = mention.actors[0]
    return len(mention.actors) == 1 and ref.kind in ("organization", "igo") and ref.origin != "document" and \
        mention.end - mention.start > 1
