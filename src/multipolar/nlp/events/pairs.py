"""Who is paired with whom in an event: every source with every target, coordinated sources with each
other when the act is mutual, each source alone when the text names no recipient, and both directions of
a consultation."""

from __future__ import annotations

import itertools

from spacy.tokens import Token

from multipolar.coding.tables import Pattern
from multipolar.nlp.events.arguments import ActorHit
from multipolar.nlp.events.frames import TRUCE_CODE
from multipolar.nlp.spans import ActorMention, ActorRef

HOSTED, VISITED, MEDIATED = "043", "042", "045"
_RECIPROCAL = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AGREE"})
_COOPERATIVE = _RECIPROCAL
"""The types of act that parties named together can do to each other with no recipient named."""
_MUTUAL = frozenset({"CONSULT", "COOPERATE"})
"""The acts done with one another by nature: the signatories of a statement meet or work together."""
_PHONE_CALL = "041"

Pair = tuple[tuple[ActorRef, ActorMention], tuple[ActorRef, ActorMention], float]


def actor_pairs(pattern: Pattern, sources: list[ActorHit], targets: list[ActorHit], trigger: Token) -> list[Pair]:
    """Every source with every target; coordinated sources with no target act on each other when the
    event can be mutual; never an actor on itself."""
    source_refs = [(ref, m) for m, _ in sources for ref in m.actors]
    target_refs = [(ref, m) for m, _ in targets for ref in m.actors]
    pairs: list[Pair] = []
    if target_refs:
        pairs = [(s, t, 0.8) for s in source_refs for t in target_refs]
    elif len({r.state_code for r, _ in source_refs}) >= 2 and allows_symmetry(pattern, trigger) and \
            (not _one_voice_of_many(sources) or _among_signatories(pattern)):
        pairs = [(s, t, 0.7) for s, t in itertools.permutations(source_refs, 2)]
    return [(s, t, c) for s, t, c in pairs if distinct(s[0], t[0], people(s[1]), people(t[1]))
            and not _voice_on_itself(s[1], t[1])]


def _one_voice_of_many(sources: list[ActorHit]) -> bool:
    """The "we" of a multilateral statement: its signatories speak together ("we call on all countries")."""
    return len({id(m) for m, _ in sources}) == 1 and sources[0][0].how == "voice" and len(sources[0][0].actors) > 2


def _among_signatories(pattern: Pattern) -> bool:
    """What the signatories of a multilateral statement do to each other: meet and work together ("we met in Rome",
    "our commitment to consult", "we are partnering to counter ..."); a "call" in their mouth is an appeal they
    make together ("we reiterate our call on Hamas"), not a call to one another."""
    return pattern.plover in _MUTUAL and pattern.cameo != _PHONE_CALL


def _voice_on_itself(source: ActorMention, target: ActorMention) -> bool:
    """"We urge all countries to create the systems we need": the document's "we" twice is one party."""
    return source is not target and source.how == target.how == "voice"


def reciprocal(plover: str, code: str, targets: list[ActorHit], trigger: Token) -> bool:
    """PLOVER makes every participant an actor: "A met B", "A spoke with B", "A signed a deal with B",
    "A established ties with B" give B->A too; a visit (one side travels) and mediation do not."""
    truce = plover == "RETREAT" and code == TRUCE_CODE  # a truce in effect between A and B is observed by both
    if (plover not in _RECIPROCAL and not truce) or code in (HOSTED, VISITED, MEDIATED) or not targets:
        return False
    if plover == "CONSULT":
        return True
    if plover == "SUPPORT" and code != "057":
        return False  # signing is mutual; one state restoring ties or praising another is not
    own = {trigger.i, *(c.i for c in trigger.children if c.dep_ in ("dobj", "attr") or (
        c.dep_ == "acl" and c.tag_ == "VBN"))}  # "the agreement reached between A and B"
    return any(prep.lower_ in ("with", "between") and prep.head.i in own
               for _, t in targets for prep in (t.head, t.head.head) if prep.dep_ == "prep")


def alone_pairs(sources: list[ActorHit], trigger: Token) -> list[Pair]:
    """One event with no recipient for each acting state or organisation ("Serbia and Croatia mobilised")."""
    seen: dict[str, Pair] = {}
    for mention, _ in sources:
        for ref in mention.actors:
            seen.setdefault(ref.state_code, ((ref, mention), (ref, mention), 0.6))
    return list(seen.values())


def distinct(source: ActorRef, target: ActorRef, source_people: bool = False, target_people: bool = False) -> bool:
    """Two sides of an event: different states, or within one state two different actors of different
    sectors ("Sudan's army" and "the RSF", "Argentine truckers" and "the government"), as PLOVER codes
    domestic events state to same state; never a government acting on itself ("Trump" and "the White House")."""
    if source.state_code != target.state_code or "population" in (source.kind, target.kind):
        return True
    sectors = (_sector(source, source_people), _sector(target, target_people))
    return (source.code != target.code or source_people != target_people) and sectors[0] != sectors[1]


def people(mention: ActorMention) -> bool:
    """"Argentine truckers", "Armenian students": a nationality on a group of people stands for them, not for
    their government."""
    return mention.how == "adjective" and mention.actors[0].kind == "state"


def _sector(actor: ActorRef, is_people: bool = False) -> str | None:
    """A state itself speaks for its government."""
    if is_people:
        return "PEOPLE"
    return "GOV" if actor.kind == "state" else actor.role


def allows_symmetry(pattern: Pattern, trigger: Token) -> bool:
    """Coordinated actors with no target act on each other: "Russia and China held talks". A noun names a
    mutual event only when the event is cooperative ("the Xi-Putin meeting", not "the Russia-Ukraine war")."""
    if pattern.cameo == MEDIATED:
        return False  # "a truce brokered by Qatar and Egypt": co-mediators act together, not on each other
    cooperative = pattern.plover in _COOPERATIVE
    if trigger.pos_ in ("NOUN", "PROPN"):
        return cooperative
    return cooperative or "none" in pattern.targets or "prep:with" in " ".join(pattern.targets)
