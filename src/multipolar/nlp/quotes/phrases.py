"""The grammar of a phrase that names someone: how far it runs, the words it is known by, whether it is a
subject, a place or a bare title, and the noun a name describes (for `referents` and the speaker search)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from multipolar.nlp.quotes.actors import own_subtree, people_words, person_nouns
from multipolar.nlp.quotes.find import word_set, word_table

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})

def phrase(token: Token, quoted: set[int]) -> tuple[int, int]:
    """The subject's phrase: its subtree, without relative clauses, quotations and what follows a dash."""
    keep = [t.i for t in token.subtree if t.i not in quoted]
    cut = [t for t in token.subtree if t.dep_ in ("relcl", "acl") and t.i > token.i]
    end = max(keep) + 1 if keep else token.i + 1
    if cut:
        end = min(end, *[min(x.i for x in c.subtree) for c in cut])
    start = min(keep) if keep else token.i
    while start < token.i and token.doc[start].is_punct:
        start += 1
    while end > start + 1 and (token.doc[end - 1].is_punct or token.doc[end - 1].dep_ == "case"):
        end -= 1
    return start, max(end, token.i + 1)


def words_of(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z]+", text.lower()) if w not in ("the", "a", "an", "of", "s"))


def plural(token: Token) -> bool:
    return token.tag_ in ("NNS", "NNPS") or (token.pos_ == "NOUN" and token.lower_ != token.lemma_.lower()
                                             and token.lower_.endswith("s"))


def bare_role(doc: Doc, start: int, end: int) -> bool:
    """"the minister", "the Vice President", "His Majesty the King": a definite title with no name, which
    points back to someone ("His Majesty" alone, when the honorific names an office of its own)."""
    span = doc[start:end]
    words = title_words(doc, start, end)
    honour = honorific(doc, start)
    if honour is not None and not words:
        return word_table("honorifics.tsv").get(doc[honour].lower_) not in (None, "none")
    definite = span[0].lower_ == "the" or (start > 0 and doc[start - 1].lower_ == "the") or honour is not None
    return definite and bool(words) and (span.root.ent_type_ != "PERSON" or honour is not None) and \
        all(t.lemma_.lower() in person_nouns() or t.lower_ in word_set("title_words.txt") for t in words)


def honorific(doc: Doc, start: int) -> int | None:
    """"His Majesty", "Her Excellency": where the honorific of a possessive and an honorific that stand for a
    person is, for a phrase that starts with either."""
    at = start + 1 if doc[start].lower_ in ("his", "her") else start
    if at >= len(doc) or at == 0 or doc[at].lower_ not in word_table("honorifics.tsv") or \
            doc[at - 1].lower_ not in ("his", "her"):
        return None
    return at


def title_words(doc: Doc, start: int, end: int) -> list[Token]:
    """The words of a title phrase, without articles, punctuation and an honorific before it ("His Majesty
    the King": King)."""
    honour = honorific(doc, start)
    lo = honour + 1 if honour is not None else start
    return [t for t in doc[lo:end] if t.dep_ != "det" and not t.is_punct and not t.is_space]


def described_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A name with the apposition that describes it: "Ivan Kolev, the head of the gas grid operator"."""
    root = doc[start:end].root
    head = root.head if root.dep_ == "appos" else root
    if root.dep_ == "appos":
        head = owner_of_phrase(head)
    named = named_by(root)
    if named is not None:
        head = named  # "the great Somali poet known as Gaarriye": the poet's description is his
    tokens = own_subtree(head)
    lo, hi = min([*tokens, start]), max([*tokens, end - 1]) + 1
    if hi - lo > 25:
        return start, end
    return lo, hi


def relative_head(pronoun: Token, head: Token) -> Token:
    """"Senator X of the opposition party, who called ...": "who" is a person, though the parser hangs
    the clause on the nearest noun; it goes to the person that noun's phrase belongs to."""
    if pronoun.lower_ not in ("who", "whom") or head.ent_type_ == "PERSON" or head.lemma_.lower() in people_words():
        return head
    node = head
    for _ in range(3):
        if node.dep_ != "pobj" or node.head.dep_ != "prep":
            break
        node = node.head.head
        if node.ent_type_ == "PERSON" or node.lemma_.lower() in people_words():
            return node
    return head


def named_by(name: Token) -> Token | None:
    """The person noun a name is given to: "the poet known as X", "a man called X", "a woman named X"."""
    verb = name.head.head if name.dep_ == "pobj" and name.head.lower_ == "as" else name.head \
        if name.dep_ in ("oprd", "dobj", "attr") else None
    if verb is None or verb.dep_ != "acl" or verb.lemma_.lower() not in ("know", "call", "name", "nickname"):
        return None
    return verb.head if verb.head.lemma_.lower() in person_nouns() else None


def owner_of_phrase(noun: Token) -> Token:
    """"A spokesman for the Rapid Support Forces, Youssef Ezzat": the parser hangs the name on the nearest
    noun; it describes the person noun that heads the phrase."""
    node = noun
    for _ in range(3):
        if node.dep_ != "pobj" or node.head.dep_ != "prep" or node.head.head.pos_ not in ("NOUN", "PROPN"):
            break
        node = node.head.head
    return node if node.lemma_.lower() in person_nouns() else noun


def is_place(token: Token) -> bool:
    """"a shelter in Khan Younis": a name after "in" or "near" is a place, whatever the parser calls it."""
    return token.dep_ == "pobj" and token.head.lower_ in ("in", "at", "near", "outside", "from", "across", "to")


def is_subject(token: Token) -> bool:
    node = token
    for _ in range(5):
        if node.dep_ in SUBJECT_DEPS:
            return True
        if node.dep_ == "appos" and node.head.dep_ == "pobj":
            node = owner_of_phrase(node.head)  # "A spokesman for the group, X, said"
            if node.dep_ == "pobj":
                return False
            continue
        if node.dep_ not in ("appos", "compound", "conj") or node.head.i == node.i:
            return False
        node = node.head
    return False
