"""The sector a generic title takes from the body it is held in: "The group's spokesman, X", "Its executive
secretary, X", "A spokesman for the wing, X" speak with the sector of the party, rebel group or company named
before, not with a government's (`generic_titles.txt`, `owner_words.txt`). A word for a kind of body ("the
group", "the movement", "the wing") points back to the last such body, whatever its name."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from multipolar.nlp.quotes.actors import Described, generic_titles
from multipolar.nlp.quotes.find import word_set

if TYPE_CHECKING:
    from multipolar.nlp.quotes.referents import Referent

OWNER_SECTORS = frozenset({"PTY", "REB", "UAF", "OPP", "CRM", "NGO", "BUS", "MED", "LAB"})
"""Sectors a body lends its spokesman or secretary (a ministry's portfolio, "agriculture", lends none)."""
KIND_NOUNS = frozenset({"group", "movement", "wing", "militia", "faction", "organisation", "organization",
                        "alliance", "coalition"})
"""Words for a kind of body, which name none in particular: "the group" is the last group named."""


def sectors_of_owners(doc: Doc, found: list[Referent]) -> None:
    """Give each person whose generic title is held in a body named before that body's sector."""
    for index, referent in enumerate(found):
        if referent.kind != "person" or referent.target is not None:
            continue
        title = _title_of(doc, doc[referent.end - 1])
        owner = _owner(title) if title is not None else None
        if title is None or owner is None:
            continue
        named_by = {owner.lemma_.lower()} if owner.lower_ not in ("its", "their") and \
            owner.lemma_.lower() not in KIND_NOUNS else set()
        body = next((r.resolved for r in reversed(found[:index]) if r.kind == "body" and r.end <= title.i
                     and named_by <= r.resolved.words and owns_sector(r.resolved.described)), None)
        if body is not None:
            referent.described = replace(referent.described, sector=body.described.sector,
                                         country=referent.described.country or body.described.country)


def _title_of(doc: Doc, name: Token) -> Token | None:
    """The generic title set beside a name ("The group's spokesman, X"; "Secretary-General" is "secretary")."""
    title = name.head if name.dep_ == "appos" else next((c for c in name.children if c.dep_ == "appos"), None)
    if title is not None and title.lower_ == "general" and title.i > 0 and doc[title.i - 1].lower_ == "secretary":
        title = doc[title.i - 1] if not any(c.dep_ == "poss" for c in title.children) else title
        return title
    if title is not None and title.dep_ == "pobj" and title.head.dep_ == "prep" and title.head.head.i != title.i:
        title = title.head.head  # "A spokesman for the wing, Abu Obeida": the parser hangs the name on the body
    return title if title is not None and title.lemma_.lower() in generic_titles() else None


def _owner(title: Token) -> Token | None:
    """Whose title: its possessor ("the group's", "its") or what it is "for" ("a spokesman for the wing")."""
    owners = word_set("owner_words.txt")
    for token in (title, title.head):
        for child in token.children:
            if child.dep_ == "poss" and child.lower_ in owners:
                return child
            if child.dep_ == "prep" and child.lower_ == "for" and token is title:
                body = next((c for c in child.children if c.dep_ == "pobj"), None)
                if body is not None and body.lemma_.lower() in KIND_NOUNS and \
                        any(c.lower_ == "the" for c in body.children):
                    return body
    return None


def owns_sector(body: Described) -> bool:
    """A party, group or company (named or only described: "The main opposition party"), not a state."""
    return body.sector in OWNER_SECTORS and (body.actor is None or body.actor.kind != "state")
