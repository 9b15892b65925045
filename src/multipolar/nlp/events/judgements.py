"""Judgements spoken of a thing: "calling it interference", "a trial Berlin called a sham", "described the vote as
rigged". A verb of naming with a condemning complement accuses whoever did or is the thing named (PLOVER ACCUSE,
disapprove); a naming verb with any complement is never a phone call, and a kind one is no event of its own (the
praise is the verb it hangs on: "backed the plan, calling it credible")."""

from __future__ import annotations

from spacy.tokens import Token

from multipolar.coding.tables import word_list
from multipolar.nlp.events.tree import SUBJECT_DEPS
from multipolar.nlp.spans import ActorMention

NAMING_VERBS = word_list("naming_verbs")
"""Verbs that name what their object is: "call", "brand", "label", "describe ... as"."""
_CONDEMNING = word_list("condemning_words")
"""Complements that make the naming an accusation: "a sham", "interference", "an act of aggression", "regrettable"."""
_PHONE_VERBS = frozenset({"call"})
"""Naming verbs that are also a phone call: with a complement that condemns nothing they code no event at all."""
_APPEALS = frozenset({"for", "on", "upon"})
_NAMES = frozenset({"NOUN", "PROPN", "ADJ"})
_STAND_INS = frozenset({"it", "them", "this", "that", "these", "those"})
"""Objects that stand for what the governing verb acted on ("dismissed the request, calling it interference")."""


def named_complement(verb: Token) -> Token | None:
    """What the verb names its object as: the object predicate ("calling the vote a sham") or "as" phrase."""
    if verb.lemma_.lower() not in NAMING_VERBS or any(
            c.dep_ in ("prep", "prt") and c.lower_ in _APPEALS for c in verb.children):
        return None  # "called for an open dialogue", "called on Russia": an appeal, whatever the parse hangs on it
    for child in verb.children:
        if child.dep_ == "oprd" and child.pos_ in _NAMES:
            return child
        if child.dep_ == "prep" and child.lower_ == "as":
            return next((p for p in child.children if p.dep_ == "pobj" and p.pos_ in _NAMES), None)
        if child.dep_ == "dobj" and (predicate := _predicate_apposition(child)) is not None:
            return predicate
    return None


def _predicate_apposition(obj: Token) -> Token | None:
    """"calling Israel's conduct in Gaza a genocide": after a long object the parse makes the predicate an
    apposition of it; one with an indefinite article and no comma before it is the predicate ("called Macron, a
    close ally," is a phone call to an ally)."""
    for child in obj.children:
        if child.dep_ == "appos" and child.pos_ in _NAMES and child.i > obj.i and any(
                d.dep_ == "det" and d.lower_ in ("a", "an") for d in child.children):
            first = child.left_edge
            if first.i > 0 and obj.doc[first.i - 1].is_punct:
                return None
            return child
    return None


def judged_only(verb: Token, complement: Token) -> bool:
    """A naming whose event is the judgement alone: condemning, or a kind word after a verb that is also a call."""
    return condemning(complement) or verb.lemma_.lower() in _PHONE_VERBS


def condemning(complement: Token) -> bool:
    """Whether the complement's head, its modifiers or what it is "of" condemn ("an act of aggression")."""
    words = [complement, *(c for c in complement.children if c.dep_ in ("amod", "compound", "advmod"))]
    words += [p for prep in complement.children if prep.dep_ == "prep" and prep.lower_ == "of"
              for p in prep.children if p.dep_ == "pobj"]
    return any(w.lemma_.lower() in _CONDEMNING or w.lower_ in _CONDEMNING for w in words)


def judged_things(verb: Token, complement: Token) -> list[Token]:
    """Where the one judged is named, nearest first: the verb's object (for "it", what the governing verb acted
    on), the noun a relative clause hangs on ("a move the Kremlin called regrettable"), a "by" phrase in the
    complement ("a smear campaign by Seoul")."""
    things = [c for c in verb.children if c.dep_ == "dobj" and c.i != complement.i]
    if not things and (verb.dep_ == "relcl" or (verb.dep_ == "acl" and any(c.dep_ == "nsubj" for c in verb.children))):
        things = [verb.head]
    if any(t.lower_ in _STAND_INS for t in things) and verb.dep_ in ("advcl", "xcomp", "conj"):
        acted_on = [c for c in verb.head.children if c.dep_ in ("dobj", "nsubjpass")]
        # "police handed them over, the agency said, calling it a breach": "it" is the act reported, done by its subject
        acted_on += [s for clause in verb.head.children if clause.dep_ == "ccomp" and clause.i < verb.i
                     for s in clause.children if s.dep_ in ("nsubj", "agent")]
        things = acted_on + [p for o in acted_on for prep in o.children if prep.dep_ == "prep"
                             and prep.lower_ in ("by", "from", "of") for p in prep.children if p.dep_ == "pobj"]
    return things + [p for prep in complement.children if prep.dep_ == "prep" and prep.lower_ == "by"
                     for p in prep.children if p.dep_ == "pobj"]


def doer_phrases(verb: Token, objects: list[Token]) -> list[tuple[list[Token], list[Token]]]:
    """Who did each judged act that was done to someone ("criticised the sentencing of the writer by a Beijing
    court", "denounced Serbia's suppression of the unrest"): its `by` agent, else the possessive or adjective
    before it; the judgement is aimed at them, not at the one the act was done to."""
    found: list[tuple[list[Token], list[Token]]] = []
    for obj in (c for o in objects for c in (o, *o.conjuncts)):
        if not any(p.dep_ == "prep" and p.lower_ == "of" for p in obj.children):
            continue
        # (the parse often hangs the act's `by` phrase on the active verb that judges it)
        active = any(c.dep_ in SUBJECT_DEPS for c in verb.children)
        agents = [p for holder in (obj, verb) for prep in holder.children if prep.dep_ == "prep"
                  and prep.lower_ == "by" and (holder is obj or active) for p in prep.children if p.dep_ == "pobj"]
        found.append((agents, [c for c in obj.children if c.dep_ in ("poss", "amod", "compound") and c.i < obj.i]))
    return found


CONCERNS = word_list("concern_nouns")
"""Nouns of worry that accuse only the doer of what worries ("concerns about the PRC's practices")."""
_VOICING = word_list("concern_verbs")
"""Verbs that voice a concern ("raised", "expressed"); "took U.S. concerns into account" voices none."""


def worried_about(hits: list[tuple[ActorMention, Token]], noun: Token) -> list[tuple[ActorMention, Token]]:
    """The targets of a concern: whoever does the thing it is about (a possessive, adjective or compound: "the
    PRC's practices", "Chinese activities", "NATO expansion") or whom it is raised with, never an actor or place it
    is merely about or for ("shared concerns about the DPRK, Burma, and the Middle East", "the situation in Sudan",
    "concern for civilians in Lebanon")."""
    if noun.lemma_.lower() not in CONCERNS:
        return hits
    if noun.head.lemma_.lower() not in _VOICING:
        return []
    return [(mention, token) for mention, token in hits if not _topic(noun.doc[mention.start : mention.end].root)]


def _topic(token: Token) -> bool:
    while token.dep_ == "conj":
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ != "with"
