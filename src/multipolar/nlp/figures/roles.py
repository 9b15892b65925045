"""The roles the words near a figure play in its sentence: an aggressor, a doer, one helped, a setting, a
title, a place of an act, what a sum is spent against, a source.

Why apart from `syntax`: these decide only who can be no receiver of a flow (`reading._first_state`), from
the parse alone; the rest of `syntax` finds the figure's phrase, verb and clause.
"""

from __future__ import annotations

from spacy.tokens import Token

from multipolar.nlp.figures.words import words


def is_aggressor(token: Token) -> bool:
    """"Russia's brutal war", "the Kremlin's attacks", "attacks by Russia": the side doing the harm."""
    if token.dep_ == "case" and token.i > 0:
        token = token.doc[token.i - 1]  # the mention "Russia's" ends on its "'s"
    for _ in range(3):  # "the Israel-Hamas conflict": up the names that make the conflict's
        if token.dep_ in ("compound", "amod") and token.head.pos_ == "PROPN":
            token = token.head
    conflict = words("conflict_nouns")
    if token.dep_ in ("poss", "compound", "amod") and token.head.lemma_.lower() in conflict:
        return True
    return token.dep_ == "pobj" and token.head.lower_ == "by" and token.head.head.lemma_.lower() in conflict


def is_acting(token: Token) -> bool:
    """The subject of a verb, or coordinated with one: a doer, not a receiver; but not the one a sum helps
    do something ("$40 million to directly help Afghanistan respond to the outbreak": spaCy makes Afghanistan
    the subject of "respond", yet it is who the money helps)."""
    node = token
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    return node.dep_ in ("nsubj", "nsubjpass") and not _helped(node)


def _helped(subject: Token) -> bool:
    """The subject of a clause a helping verb takes ("help Afghanistan respond", "enable Ukraine to defend")."""
    clause = subject.head
    return clause.dep_ in ("ccomp", "xcomp") and clause.head.lemma_.lower() in words("helping")


def in_setting(token: Token) -> bool:
    """"During her trip to Warsaw, Poland, ...": where or when something was announced, not who receives."""
    return any(t.dep_ == "prep" and t.lower_ in ("during", "at", "while", "ahead", "on") and t.head.pos_ in
               ("VERB", "AUX") for t in token.ancestors)


def in_title(token: Token) -> bool:
    """"British Prime Minister Gordon Brown's proposal": a word of a person's title, not a receiver."""
    node = token
    for _ in range(4):
        if node.dep_ not in ("compound", "amod", "nmod") or node.head.i == node.i:
            return False
        node = node.head
        if node.ent_type_ == "PERSON":
            return True
    return False


def is_place_of_act(token: Token) -> bool:
    """"The goal set in Paris", "the summit held in Rome": where something was done, not who receives."""
    return token.dep_ == "pobj" and token.head.lower_ in ("in", "at") and token.head.head.pos_ in ("VERB", "AUX")


def in_opposed_clause(token: Token) -> bool:
    """"To counter Russian disinformation", "to combat PRC coercive financing": what a sum is spent
    against, whose state receives nothing of it; not where it is spent ("to fight hunger in Somalia")."""
    node = token
    while node.dep_ in ("compound", "amod", "poss", "nmod", "case") and node.head.i != node.i:
        node = node.head
    return node.dep_ == "dobj" and node.head.pos_ == "VERB" and node.head.lemma_.lower() in words("opposing")


def in_source_phrase(token: Token) -> bool:
    """Inside "according to X": a source of the figure, never a party of it."""
    return any(t.lower_ == "according" for t in token.ancestors)
