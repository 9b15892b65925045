"""People the document names as officials of an international organisation act for it: "U.N. mediator Diego
Cordovez", "Kenzo Oshima, the United Nations Emergency Relief Coordinator". The lead's convention is that UN
officials in office act as `UN` whatever their nationality; the knowledge base knows such people by their own
state's offices (Cordovez was Ecuador's foreign minister), so without this they would act for that state.

An ambassador, permanent representative or delegate to an organisation acts for the state that sent them
("UN Ambassador Linda Thomas-Greenfield" is the United States'), so those words make no official of it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection
from functools import cache

from spacy.tokens import Doc

from multipolar.data_files import word_list
from multipolar.nlp.spans import ActorMention, ActorRef

_MOST_WORDS = 4
"""Words an office may take between the organisation and the person ("Emergency Relief Coordinator")."""
_MOST_AFTER = 7
"""Words an apposition's office may take after the organisation ("High Commissioner for Human Rights")."""
_CONNECTORS = frozenset({"for", "of", "on", "to", "in"})
_FORMER = frozenset({"former", "ex", "late", "then"})
_ENVOYS_OF_STATES = frozenset({"ambassador", "ambassadors", "delegate", "delegates", "delegation", "permanent",
                               "mission", "member", "members", "state", "states"})
"""Words of an office held for a state at an organisation, not in it."""


@cache
def _office_words() -> frozenset[str]:
    return frozenset(w.lower() for w in word_list("gazetteer/igo_offices.txt"))


def igo_officials(doc: Doc, mentions: list[ActorMention], organisations: Collection[str]) -> list[ActorMention]:
    """Mentions of people named with an office of an international organisation (one of `organisations`,
    codes of kind igo), as acting for it."""
    bodies = [m for m in mentions if _is_body(m, organisations)]
    by_end = {m.end: m for m in bodies}
    by_start = {m.start: m for m in bodies}
    result = []
    for mention in mentions:
        ref = mention.actors[0]
        if len(mention.actors) == 1 and ref.kind == "person":
            found = _office_before(doc, mention, by_end) or _office_after(doc, mention, by_start)
            if found is not None and ref.country != found[0].state_code:
                role = ref.role if ref.role not in (None, "ELI") else "GOV"  # a former president serving the UN
                ref = dataclasses.replace(ref, country=found[0].state_code, role=role, office=None, title=found[1])
                mention = ActorMention(mention.start, mention.end, (ref,), mention.how)
        result.append(mention)
    return result


def _is_body(mention: ActorMention, organisations: Collection[str]) -> bool:
    """An organisation ("the United Nations") or one of its offices the agent words made ("UN special envoy")."""
    ref = mention.actors[0]
    if len(mention.actors) != 1 or ref.category == "collective":
        return False
    return ref.state_code in organisations and ref.kind in ("igo", "organization")


def _office_before(doc: Doc, person: ActorMention, bodies: dict[int, ActorMention]
                   ) -> tuple[ActorRef, str] | None:
    """"U.N. mediator Diego Cordovez": an organisation, then the words of an office, then the person."""
    for size in range(_MOST_WORDS + 1):
        body = bodies.get(person.start - size)
        if body is not None and body.start > 0 and doc[body.start - 1].lower_ in _FORMER:
            return None  # "former UN Secretary-General Ban Ki-moon" no longer acts for it
        if body is not None:  # no words between: the organisation's name is an office ("UN human rights chief")
            office = _office(doc, body.end, person.start) if size else _office(doc, body.start, body.end)
            return (body.actors[0], office) if office else None
    return None


def _office_after(doc: Doc, person: ActorMention, bodies: dict[int, ActorMention]
                  ) -> tuple[ActorRef, str] | None:
    """"Kenzo Oshima, the United Nations Emergency Relief Coordinator, said": an apposition that is an
    organisation's office (the organisation, then the words of the office, then the apposition's end)."""
    at = person.end
    if at >= len(doc) or doc[at].text != ",":
        return None
    at += 1 + (at + 1 < len(doc) and doc[at + 1].lower_ == "the")
    body = bodies.get(at)
    if body is None:
        return None
    end = body.end
    while (end < len(doc) and end - body.end < _MOST_AFTER and not doc[end].is_punct) or \
            (end < len(doc) and doc[end].text == "-"):
        end += 1
    if end < len(doc) and doc[end].text not in (",", ".", ";", ":") and not doc[end].is_sent_start:
        return None
    office = _office(doc, body.end, end) or (_office(doc, body.start, body.end) if end == body.end else None)
    return (body.actors[0], office) if office else None


def _office(doc: Doc, start: int, end: int) -> str | None:
    """The words `start:end` when they name an office ("mediator", "Emergency Relief Coordinator",
    "Secretary-General"), not one held for a state ("Permanent Representative")."""
    if end <= start or any(not (t.is_alpha or t.text == "-") for t in doc[start:end]):
        return None
    text = doc[start:end].text
    if any(w in _ENVOYS_OF_STATES for w in text.lower().replace("-", " ").split()):
        return None
    words = text.split()
    head = next((k for k, w in enumerate(words) if w in _CONNECTORS), len(words))  # "Commissioner for Refugees"
    return text if head > 0 and words[head - 1].lower() in _office_words() else None
