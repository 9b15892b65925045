"""What kind of clause a verb is in, for the event coder: a condition, a habit, a refusal announced
("will not"), a verb the tagger misread; and whether its recipient slot is filled or its subject its own."""

from __future__ import annotations

from spacy.tokens import Token

from multipolar.coding.tables import word_list
from multipolar.nlp.events.frames import WISHED, frame_words, governing_frame

_PLACES = frozenset({"in", "at", "near", "across", "around", "along", "over", "inside", "outside", "throughout",
                     "within"})
"""Prepositions of place: "imposed a curfew in two districts" names where, not whom."""
_TIMES = frozenset({"DATE", "TIME"})


_HABIT_ADVERBS = word_list("habit_adverbs")


_TRADE_VERBS = word_list("trade_verbs")


def mistagged_verb(token: Token) -> bool:
    """"will each lower tariffs": a word the tagger took for an adjective or noun that has a subject and a
    direct object is a verb."""
    return token.pos_ in ("ADJ", "NOUN") and token.dep_ in ("ROOT", "conj", "ccomp", "xcomp", "advcl") and \
        any(c.dep_ == "dobj" for c in token.children) and any(c.dep_ in ("nsubj", "aux") for c in token.children)


def is_condition(clause: Token) -> bool:
    return any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in clause.children)


def condition_of_threat(verb: Token) -> bool:
    """An "if"/"unless" clause of a threat or warning is its condition, not an event of its own."""
    node = verb
    for _ in range(3):
        if node.dep_ == "advcl" and is_condition(node):
            governor = node.head
            frame = governing_frame(governor)
            kinds = {frame_words().get(governor.lemma_.lower()), frame.kind if frame else None}
            return bool(kinds & {"threaten"})
        if node.head is node:
            return False
        node = node.head
    return False


def habitual(verb: Token) -> bool:
    """States of affairs and habits are not events: "Kazakhstan and Uzbekistan usually coordinate their
    positions", "Tanzania buys more from China than from any other country" (trade in the simple present)."""
    if any(c.dep_ == "advmod" and c.lower_ in _HABIT_ADVERBS for c in verb.children):
        return True
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.lemma_.lower() in _TRADE_VERBS and verb.tag_ in ("VBZ", "VBP") and not auxiliaries


def unresolved_recipient(verb: Token, specs: tuple[str, ...]) -> bool:
    """A recipient slot of the pattern holds a noun phrase that is no actor ("fought an insurgency")."""
    for spec in specs:
        if spec == "dobj" and any(c.dep_ == "dobj" for c in verb.children):
            return True
        if spec.startswith("prep:") and any(c.dep_ == "prep" and c.lower_ in set(spec[5:].split("|")) - _PLACES and any(
                o.dep_ == "pobj" and o.ent_type_ not in _TIMES for o in c.children) for c in verb.children):
            return True  # "imposed a curfew ... on Wednesday": a day is no recipient
    return False


def own_subject(verb: Token) -> bool:
    """The verb names its actor, or shares it with a verb it completes ("agreed to resign", "X and resigned")."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "agent", "csubj") for c in verb.children) or \
        verb.dep_ in ("xcomp", "conj", "relcl", "ccomp", "acl")


def conditional(word: Token) -> bool:
    """"will withdraw ... unless", "would bear the consequences if": the act hangs on a condition."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless", "until") for m in c.children)
               for c in word.children) or any(t.lower_ == "unless" for t in word.subtree)


def will_not(word: Token) -> bool:
    """"will not accept", "won't attend": a refusal announced, not an act that did not happen."""
    auxiliaries = {c.lower_ for c in word.children if c.dep_ == "aux"}
    return bool(auxiliaries & {"will", "wo", "shall"}) and not auxiliaries & {"could", "might", "would"}


def clause_verb(word: Token) -> Token:
    """The verb a preposition's phrase belongs to, through the phrases it hangs on ("lived for decades under")."""
    node = word.head
    for _ in range(3):
        if node.pos_ in ("VERB", "AUX") or node.head is node:
            break
        node = node.head
    return node


RECIPROCAL_PRONOUNS = frozenset({"other", "another", "one"})


def each_other(verb: Token) -> bool:
    """The verb's object is "each other" or "one another"."""
    return any(c.dep_ in ("dobj", "pobj") and " ".join(t.lower_ for t in c.subtree) in ("each other", "one another")
               for c in (*verb.children, *(o for p in verb.children if p.dep_ == "prep" for o in p.children)))


def mistagged_noun(token: Token) -> bool:
    """"took part in joint air combat drills": the tagger's verb is the object of a preposition with a
    modifier of its own, a noun."""
    return token.pos_ == "VERB" and token.dep_ == "pobj" and token.tag_ != "VBG" and any(
        c.dep_ in ("det", "compound", "amod") for c in token.children)


_OBLIGATION_AUX = frozenset({"must", "should", "ought"})


def wished_for(word: Token, kinds: frozenset[str] = WISHED) -> bool:
    """The word is part of what someone asks for, refuses, threatens or strives for, at any depth ("demanded an
    admission that Soviet forces murdered ...", "demanded that the US match the EU's support", "Western efforts to
    end the fighting"), or of what someone must do ("saying he must resign"): not an act that happened. A relative
    clause describes a thing and states a fact ("urged China to free activists who were arrested"), as does a
    clause of time or cause. `kinds`: the
    frames that count ("refused to join Western sanctions": the sanctions are a fact, the joining is refused)."""
    node = word
    for _ in range(8):
        if node.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ in _OBLIGATION_AUX for c in node.children):
            return True
        frame = governing_frame(node) if node is not word else None
        if frame is not None and frame.kind in kinds:
            return True
        if node.dep_ in ("relcl", "ROOT") or node.head is node or (
                node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ not in ("if", "unless", "until")
                                             for c in node.children)):
            return False  # "threatened to review the treaty after Madrid endorsed ...": what set it off happened
        if node.dep_ == "ccomp" and any(c.dep_ == "dobj" and frame_words().get(c.lemma_.lower()) == "request"
                                        for c in node.head.children):
            return True  # "reiterated its demand that Israel ease restrictions": the clause is the demand's
        node = node.head
    return False
