"""The actors a document speaks for (its voice: "USA" for White House statements, a UN speech's state; every
signatory of a joint statement, read by `signatories`): its "we", "our Government", "my country", "our foreign
ministers" and, in its own words, "the Administration", outside quotations, where the first person is someone else's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc, Token

from multipolar.coding.tables import word_list
from multipolar.nlp.addresses import addresses_chair
from multipolar.nlp.first_person import first_person_words
from multipolar.nlp.spans import ActorMention, ActorRef, quoted_char_ranges, text_of

AgentAt = Callable[[list[str], int], Any]
"""The gazetteer's `agent_at`: a sector word ("army", "ministers") starting at a position, or None."""

_FIRST_PERSON = first_person_words("mention")
_POSSESSIVE = first_person_words("possessive")
_OWN_BODIES = frozenset({"country", "government", "delegation", "nation", "state", "people", "administration"})
_OWN_GOVERNMENT = frozenset({"administration", "government"})
"""Bodies that "the" makes the voice's own in its own words ("the Administration will", "the Government
has"), unless a country or place is named with them ("the Government of Nepal", taken before)."""
_VOICE_ACTS = word_list("voice_act_nouns")
"""Appeals a speaker names as "our" ("our call for the lifting of the embargo"): "our" is the voice making them.
(Not "our support", "our solidarity": in a joint statement the learned coder would pair its signatories.)"""
_OWN_OFFICES = frozenset({"President", "Vice"})
"""Offices that "the" makes the voice's own ("the President", "the Vice President")."""
_BEFORE_AGENT = 2
"""Words that may stand between "our" and a sector word ("our national army", "our foreign and defense
ministers")."""
def first_person(doc: Doc, mentions: list[ActorMention], voices: tuple[ActorRef, ...],
                 agent_at: AgentAt | None = None) -> list[ActorMention]:
    """The mentions with the voice's own: "We call on ...", "my country", "our Government", "our national
    army" (the voice's army, not a generic army of the sentence's country), "the Administration"."""

    generic = {k: m for m in mentions if m.how == "generic" for k in range(m.start, m.end)}
    taken = {k for m in mentions if m.how != "generic" for k in range(m.start, m.end)}
    quoted = quoted_char_ranges(text_of(doc))
    words = [t.text for t in doc] if agent_at is not None else []
    found = []
    for token in doc:
        lower = token.lower_
        if token.i in taken or token.i in generic or any(start <= token.idx < end for start, end in quoted):
            continue
        end = _own_government(doc, token)
        actors = voices
        if end is None and lower in _FIRST_PERSON and token.pos_ in ("PRON", "DET"):
            end = token.i + 1
            if lower in _POSSESSIVE and token.head.i == token.i + 1 and token.head.lemma_.lower() in _OWN_BODIES:
                end = token.i + 2  # "my country", "our Government": the whole phrase
            elif lower in _POSSESSIVE:
                own = _own_agent(words, token.i + 1, voices, agent_at) if agent_at is not None else None
                if own is None and token.dep_ == "poss" and token.head.lemma_.lower() in _VOICE_ACTS:
                    own = token.i + 1, voices  # "our call for the lifting of the embargo": the voice's own act
                if own is None:
                    continue  # "our concern", "my pleasure": not an actor
                end, actors = own
        if end is not None and not any(k in taken for k in range(token.i, end)):
            found.append(ActorMention(token.i, end, actors, "voice"))
            taken.update(range(token.i, end))
    replaced = {id(generic[k]) for m in found for k in range(m.start, m.end) if k in generic}
    return [m for m in mentions if id(m) not in replaced] + found


def _own_agent(words: list[str], at: int, voices: tuple[ActorRef, ...], agent_at: AgentAt
               ) -> tuple[int, tuple[ActorRef, ...]] | None:
    """"our national army", "our foreign and defense ministers": the voice's body or officials (the end of
    the phrase and one actor per voice), else None."""

    for k in range(at, min(len(words), at + _BEFORE_AGENT + 1)):
        hit = agent_at(words, k)
        if hit is None:
            if not words[k].isalpha() or not words[k].islower():
                return None  # "our Alliance", "our 2035 goal": no sector word of ours follows
            continue
        agent, size = hit
        if agent.slug == "counterpart":
            return None  # "our counterparts" are someone else's
        kind = "person" if agent.role else "organization"
        actors = tuple(ActorRef(f"{v.state_code.lower()}-{agent.slug}", f"{v.name} {agent.term}", kind, v.state_code,
                                agent.sector, None, origin="rule") for v in voices)
        return k + size, actors
    return None


def own_offices(doc: Doc, mentions: list[ActorMention], voices: tuple[ActorRef, ...], agent_at: AgentAt,
                holder: Callable[[str, str], ActorRef | None]) -> list[ActorMention]:
    """"The President condemned ...", "the Vice President welcomed ...": in a text of one voice (a readout, a
    statement) its own head of state or deputy, the holder on the day where `holder` knows one; not when
    something names whose ("the President of the General Assembly"), in quotations, or in a speech that
    addresses a chair ("Mr. President"). Kept apart from the document's mentions (`doc._.mp_offices`): the
    event coder reads them, the quotation attributor has its own reading of role nouns."""
    text = text_of(doc)
    if len(voices) != 1 or voices[0].kind != "state" or addresses_chair(text):
        return []  # an organisation's "the President" is no head of state
    taken = {k for m in mentions for k in range(m.start, m.end)}
    quoted = quoted_char_ranges(text)
    words = [t.text for t in doc]
    found = []
    for token in doc:
        if token.lower_ != "the" or token.i + 1 >= len(doc) or doc[token.i + 1].text not in _OWN_OFFICES or \
                token.i + 1 in taken or any(start <= token.idx < end for start, end in quoted):
            continue
        hit = agent_at(words, token.i + 1)
        end = token.i + 1 + hit[1] if hit is not None else 0
        if hit is None or not hit[0].role or (end < len(doc) and doc[end].lower_ in ("of", "-", "–", "’s", "'s")):
            continue
        agent, voice = hit[0], voices[0]
        office = ActorRef(f"{voice.state_code.lower()}-{agent.slug}", f"{voice.name} {agent.term}", "person",
                          voice.state_code, agent.sector, agent.role, origin="rule")
        found.append(ActorMention(token.i, end, (holder(voice.state_code, agent.role) or office,), "agent"))
    return found


def _own_government(doc: Doc, token: Token) -> int | None:
    """"the Administration", "this Administration", "the Government" with nothing naming whose: the end of
    the phrase, else None."""
    if token.lower_ not in ("the", "this") or token.i + 1 >= len(doc):
        return None
    noun = doc[token.i + 1]
    if noun.lower_ not in _OWN_GOVERNMENT or not noun.text[:1].isupper():
        return None
    following = doc[token.i + 2].lower_ if token.i + 2 < len(doc) else ""
    if following in ("of", "in", "’s", "'s", "-"):
        return None
    return token.i + 2
