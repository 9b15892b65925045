"""Local governments named as bodies: "the City of Edina", "Hennepin County", "the Town of Hempstead". A city
alone is a place (its state's, `CVL`); written as a city, town or county, its name is the local government,
which speaks and acts as one (`GOV`), in the state of the place it names, else in the one country of the
document, else in the state it names most; a county in its place's state only when the document names none
("Hidalgo County" is in Texas, not in Mexico's Hidalgo).
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from multipolar.data_files import named_lists
from multipolar.nlp.actors.clauses import covered_tokens
from multipolar.nlp.actors.generic import one_country
from multipolar.nlp.actors.party_tags import TAGGED_STATE, us_states
from multipolar.nlp.actors.spelling import slug
from multipolar.nlp.spans import ActorMention, ActorRef

_LONGEST_NAME = 3
_WHERE = frozenset({"in", "at", "near", "across", "throughout", "around", "outside", "inside", "within"})


def _words(kind: str) -> frozenset[str]:
    return named_lists("gazetteer/local_governments.tsv")[kind]


def _capitalised(doc: Doc, start: int, end: int) -> bool:
    """Words of a proper name ("Salt Lake"), not a heading's verbs or articles ("The", "Represents")."""
    return end > start and all(t.text[:1].isupper() and t.is_alpha and t.pos_ == "PROPN" for t in doc[start:end])


def _named_spans(doc: Doc) -> list[tuple[int, int, int, int]]:
    """(start, end, name start, name end) of each local government's name: "City of Edina", "Hennepin County"."""
    found = []
    for token in doc:
        if not token.text[:1].isupper():
            continue
        word = token.lower_
        if word in _words("of") and token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "of":
            end = token.i + 2
            while end < len(doc) and end - token.i - 2 < _LONGEST_NAME and _capitalised(doc, end, end + 1):
                end += 1
            if end > token.i + 2:
                found.append((token.i, end, token.i + 2, end))
        elif word in _words("after") and token.i > 0:
            start = token.i
            while start > 0 and token.i - start < _LONGEST_NAME and _capitalised(doc, start - 1, start) and \
                    doc[start - 1].lower_ not in _words("of"):
                start -= 1
            if start < token.i:
                found.append((start, token.i + 1, start, token.i))
    return found


def _place_state(mentions: list[ActorMention], start: int, end: int) -> str | None:
    """The state of the place a city's or a town's name names ("the City of Edina")."""
    inside = [m for m in mentions if start <= m.start and m.end <= end and len(m.actors) == 1]
    return next((m.actors[0].state_code for m in inside if m.actors[0].kind in ("state", "other")), None)


def _state_after(doc: Doc, end: int) -> tuple[str | None, int]:
    """"Cobb County (GA)", "City of Edina, MN": a state of the United States written after the name places it
    there (the bracket is part of the name, no acronym of it); the name's end, with the bracket."""
    if end + 1 < len(doc) and doc[end].text in ("(", ",") and doc[end + 1].text in us_states():
        closed = doc[end].text == "(" and end + 2 < len(doc) and doc[end + 2].text == ")"
        return TAGGED_STATE, end + 3 if closed else end
    return None, end


def _most_named(mentions: list[ActorMention]) -> str | None:
    """The state the document names most, ahead of any other (a White House round-up's United States)."""
    counts = Counter(m.actors[0].code for m in mentions if len(m.actors) == 1 and m.actors[0].kind == "state")
    ranked = counts.most_common(2)
    return ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None


def with_local_governments(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """Each local government's name as one actor (`GOV`) over the place mentions inside it."""
    result = list(mentions)
    spans = _named_spans(doc)
    named = {k for start, end, _, _ in spans for k in range(start, end)}
    others = [m for m in mentions if m.start not in named]  # "the Hidalgo County program" places no county
    for start, end, name_start, name_end in spans:
        covered = covered_tokens(result)
        if any(k in covered and covered[k].actors[0].kind not in ("other", "state") for k in range(start, end)) \
                or (start > 0 and doc[start - 1].lower_ in _WHERE):
            continue  # a body or person the tables know; "in Orange County" is where, not who
        county = name_end < end  # most counties are named after people, not after the places they hold
        inner = _place_state(result, name_start, name_end)
        country = (None if county else inner) or one_country(doc, others, start) or _most_named(others) or inner
        state, end = _state_after(doc, end)
        country = state or country
        text = doc[start:end].text
        ref = ActorRef(slug(f"{country or 'xx'} {text}"), text, "organization", country, "GOV",
                       origin="rule", category="local government")
        result = [m for m in result if not (start <= m.start < end)] + [ActorMention(start, end, (ref,), "local")]
    return result
