"""Personal pronouns to the people they stand for, read once per document before speakers are looked for.

"he"/"she" go to a person described around them ("a student who gave only her first name"), to the author of
a thing a relative clause is about ("the poem by X in which he wrote"), else to the nearest compatible
person before them: their own sentence first, a subject over others. Each takes the document's
`Attribution`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from multipolar.nlp.quotes.actors import people_words
from multipolar.nlp.quotes.around import PRONOUN_GENDER
from multipolar.nlp.quotes.phrases import SUBJECT_DEPS, plural
from multipolar.nlp.quotes.referents import Referent

if TYPE_CHECKING:
    from multipolar.nlp.quotes.speakers import Attribution

MAX_SENTENCES_BACK = 4


def resolve_personal_pronouns(att: Attribution) -> dict[int, Referent]:
    """Each personal pronoun outside quotations that has an antecedent, by token index; each is also added
    to `att.referents`, so a later pronoun or role can point back through it."""
    found: dict[int, Referent] = {}
    for token in att.doc:
        gender = PRONOUN_GENDER.get(token.lower_)
        if gender is None or token.i in att.quoted or token.pos_ != "PRON":
            continue
        referent = describing(att, token) or author_of_clause(att, token, gender) or \
            clause_subject(att, token, gender) or antecedent(att, token, ("person",), gender)
        if referent is None:
            continue
        target = referent.resolved
        target.gender = target.gender or gender
        link = Referent(token.i, token.i + 1, "person", target.described, token.dep_ in SUBJECT_DEPS,
                        target.words, gender, target)
        found[token.i] = link
        att.referents.append(link)
        att.referents.sort(key=lambda r: r.start)
    return found


def describing(att: Attribution, token: Token) -> Referent | None:
    """"a student who gave only her first name, Nusrat": a pronoun inside a person's own description is
    that person."""
    if token.dep_ in SUBJECT_DEPS:  # "members of what he described": a subject there is someone else
        return None
    return next((r for r in att.referents if r.start < token.i < r.end - 1 and r.kind == "person"
                 and r.target is None and r.end - r.start > 3 and not plural(att.doc[r.start : r.end].root)), None)


def author_of_clause(att: Attribution, token: Token, gender: str) -> Referent | None:
    """"the poem by the American writer Ray Bradbury in which he wrote": a pronoun in a relative clause on
    a thing (a poem, a letter) is the person that thing is by, named before the clause."""
    node = token
    for _ in range(4):
        if node.dep_ == "relcl" or node.head.i == node.i:
            break
        node = node.head
    if node.dep_ != "relcl" or node.head.lemma_.lower() in people_words():
        return None
    lo, hi = node.head.left_edge.i, node.left_edge.i
    people = [r for r in att.referents if lo <= r.start and r.end <= hi and r.kind == "person"
              and r.target is None and r.resolved.gender in (None, gender)]
    return people[-1] if people else None


_CLAUSE_LINKS = frozenset({"advcl", "ccomp", "xcomp", "pcomp", "prep", "pobj", "conj"})


def clause_subject(att: Attribution, token: Token, gender: str) -> Referent | None:
    """"the President said ..., referring to what he described as ...", "X said that he would come": a subject
    pronoun in a clause that hangs from a person's verb is that person (the nearest such subject up the tree)."""
    if token.dep_ not in SUBJECT_DEPS:
        return None
    node = token.head
    for _ in range(8):
        if node.dep_ not in _CLAUSE_LINKS or node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ not in ("VERB", "AUX"):
            continue
        subject = next((s for c in node.children if c.dep_ in SUBJECT_DEPS and c.i != token.i
                        for s in [att.past_label(c)] if s is not None), None)
        if subject is None:
            continue
        person = next((r for r in att.referents if r.start <= subject.i < r.end and r.kind == "person"
                       and r.resolved.gender in (None, gender)), None)
        return person.resolved if person is not None else None
    return None


def antecedent(att: Attribution, token: Token, kinds: tuple[str, ...], gender: str | None) -> Referent | None:
    """The nearest compatible referent before `token`: its own sentence first, then earlier ones,
    a subject over others within a sentence."""
    here = att.sentence_of.get(token.i, 0)
    for k in range(here, max(-1, here - MAX_SENTENCES_BACK - 1), -1):
        sent = att.sentences[k]
        pool = [r for r in att.referents if sent.start <= r.start < sent.end and r.end <= token.i
                and r.kind in kinds and (gender is None or r.resolved.gender in (None, gender))
                and not (token.lower_ in ("his", "her", "its", "their") and r.start == token.i)
                and not (token.lower_ in ("it", "its") and plural(att.doc[r.end - 1]))  # "it" is no "people"
                and not (token.lower_ in ("they", "their") and r.kind == "body" and r.described.actor is None
                         and not plural(att.doc[r.end - 1]))]  # nor is "they" a thing ("Peace")
        if pool:
            subjects = [r for r in pool if r.subject]
            if k != here:  # an earlier sentence: its main clause's subject is the most salient
                main = [r for r in subjects if _main_subject(att.doc[r.start : r.end].root)]
                subjects = main or subjects
            return (subjects or pool)[-1 if k == here else 0]
    return None


def _main_subject(token: Token) -> bool:
    """"When America's first Moon landing was still years away, President Kennedy spoke": the subject of
    the sentence's own verb, not of a clause inside it (through the compounds and appositions of a name)."""
    node = token
    while node.dep_ in ("compound", "flat", "appos", "poss") and node.head.i != node.i:
        node = node.head
    return node.dep_ in SUBJECT_DEPS and node.head.dep_ == "ROOT"
