"""Plain dependency-tree readings the argument rules share: conjuncts, a verb's objects and the lemmas an object
constraint meets, whose subject a subject-less verb borrows, and what says whose act an event noun is."""

from __future__ import annotations

from spacy.tokens import Token

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})


def noun_doers(noun: Token) -> list[Token]:
    """The tokens that say whose act an event noun is: its possessive, adjective or compound, its `by` phrase."""
    doers = [c for c in noun.children if c.dep_ in ("poss", "amod", "compound", "nmod")]
    doers += [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for o in c.children if o.dep_ == "pobj"]
    return doers


def object_controlled(verb: Token) -> bool:
    """A complement whose doer is the governing verb's object ("enabled Russia to ...")."""
    return verb.dep_ == "xcomp" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children) and \
        any(c.dep_ == "dobj" for c in verb.head.children)


def conjuncts(token: Token) -> list[Token]:
    return [token, *[t for t in token.conjuncts if t.i > token.i]]


def governing_verb(verb: Token) -> Token | None:
    """The word whose subject a subject-less verb shares ("X is about to restore", "X committed to collaborating")."""
    node = verb
    for _ in range(5):
        if node.dep_ not in ("conj", "xcomp", "advcl", "acomp", "pcomp", "pobj", "prep") or node.head is node:
            return None
        node = node.head
        if any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for c in node.children):
            return node
    return None


def objects_of(verb: Token) -> list[Token]:
    """The verb's objects; a noun the parse conjoins to a verb that has an object is a second object ("We offer
    our full support for and assistance with Poland's investigation": "assistance" hangs on "offer")."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd")]
    if any(c.dep_ == "dobj" for c in objects):
        objects += [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "NOUN"]
    return objects


def object_lemmas(objects: list[Token], verb: Token, adjuncts: bool = True) -> set[str]:
    """Lemmas an object constraint can meet: the object, its conjuncts, and "billions in aid"; with `adjuncts`,
    also the objects of the verb's own prepositions ("pulled out of the deal")."""
    lemmas: set[str] = set()
    for obj in objects:
        for word in conjuncts(obj):
            lemmas.add(word.lemma_.lower())
            for prep in (c for c in word.children if c.dep_ == "prep" and c.lower_ in ("in", "of")):
                lemmas.update(p.lemma_.lower() for p in prep.children if p.dep_ == "pobj")
            lemmas.update(c.lemma_.lower() for c in word.children if c.dep_ == "compound")
    # "stopped firing across the border": a gerund complement is what the verb acts on
    lemmas.update(c.lemma_.lower() for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VBG")
    for prep in (c for c in verb.children if adjuncts and c.dep_ == "prep" and c.lower_ in ("in", "of", "from", "on",
                                                                                          "to", "off", "as")):
        lemmas.update(p.lemma_.lower() for p in prep.children if p.dep_ == "pobj")  # "pulled out of the deal"
    return lemmas
