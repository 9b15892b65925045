"""What pronouns and role nouns can point back to: the people, bodies and groups a document names.

Actor mentions, names the parser found, and subjects that name no actor ("Ghana's cocoa regulator", "a
port worker"), each with the words that describe it (its apposition, its office), for role nouns
("the minister" goes to a person described as a minister); and the holder of a title on the document's
date, for a role noun with no one named before ("the Secretary-General").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from multipolar import actors_agents
from multipolar.quote_actors import Described, describe_phrase, document_country, person_nouns
from multipolar.quotes import speaker_country

if TYPE_CHECKING:
    from multipolar.quote_speakers import Attribution

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


@dataclass
class Referent:
    """Someone or something a later pronoun or role noun can point back to."""

    start: int
    end: int
    kind: str
    """person, body (an organisation, a state, a document) or group (a plural)."""
    described: Described
    subject: bool
    words: frozenset[str]
    gender: str | None = None
    target: Referent | None = None
    """For a resolved pronoun: the referent it stands for."""

    @property
    def resolved(self) -> Referent:
        return self.target or self


def office_holder(attribution: Attribution, token: Token) -> Referent | None:
    """"the Secretary-General", "the Vice President" with no one named before: who held that office on the
    document's date (an international title alone, else the office in the state the document is about)."""
    resolver = attribution.resolver
    if resolver is None:
        return None
    day = attribution.doc._.mp_date
    words = [t for t in token.subtree if t.dep_ != "det" and not t.is_punct and not t.is_space]
    title = re.sub(r"[^a-z]", "", "".join(t.text for t in words).lower())
    holders = {t.code for terms in resolver.gazetteer.terms.values() for t in terms
               if t.country is None and re.sub(r"[^a-z]", "", t.title.lower()) == title and t.covers(day)}
    code = holders.pop() if len(holders) == 1 else None
    if code is None:
        hit = resolver.gazetteer.agent_at([t.text for t in words], 0)
        country = document_country(attribution)
        if hit is None or hit[1] != len(words) or not hit[0].role or country is None:
            return None
        code = actors_agents.office_holder(resolver, country, hit[0].role, day)
    if code is None:
        return None
    ref = resolver.ref(code, day)
    start, end = min(t.i for t in words), max(t.i for t in words) + 1
    described = Described(token.doc[start:end].text, ref, speaker_country(ref), ref.role, start, end, "person", True)
    return Referent(start, end, "person", described, True, frozenset())


def phrase(token: Token, quoted: set[int]) -> tuple[int, int]:
    """The subject's phrase: its subtree, without relative clauses, quotations and what follows a dash."""
    keep = [t.i for t in token.subtree if t.i not in quoted]
    cut = [t for t in token.subtree if t.dep_ in ("relcl", "acl") and t.i > token.i]
    end = max(keep) + 1 if keep else token.i + 1
    if cut:
        end = min(end, *[min(x.i for x in c.subtree) for c in cut])
    start = min(keep) if keep else token.i
    while end > start + 1 and (token.doc[end - 1].is_punct or token.doc[end - 1].dep_ == "case"):
        end -= 1
    return start, max(end, token.i + 1)


def words_of(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z]+", text.lower()) if w not in ("the", "a", "an", "of", "s"))


def gender_of(doc: Doc, described: Described) -> str | None:
    if described.start is None or described.end is None:
        return None
    words = {t.lower_.rstrip(".") for t in doc[described.start : described.end]}
    if words & {"spokeswoman", "chairwoman", "congresswoman", "ms", "mrs", "madam", "queen", "woman", "mother"}:
        return "f"
    if words & {"spokesman", "chairman", "congressman", "mr", "king", "emir", "sultan", "man", "father"}:
        return "m"
    return None


def referents(attribution: Attribution, doc: Doc) -> list[Referent]:
    """People, bodies and groups named outside quotations, in order, for pronouns and role nouns."""
    found: list[Referent] = []
    covered: set[int] = set()
    for mention in attribution.mentions:
        if mention.start in attribution.quoted or mention.how == "voice":
            continue
        ref = mention.actors[0]
        start, end = _described_span(doc, mention.start, mention.end)
        described = describe_phrase(attribution, start, end, mention=mention)
        kind = "person" if ref.kind == "person" else "group" if len(mention.actors) > 1 else "body"
        words = words_of(doc[start:end].text) | words_of(f"{ref.office or ''} {ref.name}".replace("_", " "))
        found.append(Referent(mention.start, mention.end, kind, described, _is_subject(doc[mention.end - 1]),
                              words, gender_of(doc, described)))
        covered.update(range(mention.start, mention.end))
    for ent in doc.ents:
        if ent.label_ != "PERSON" or ent.start in attribution.quoted or _is_place(ent.root) or \
                any(k in covered for k in range(ent.start, ent.end)):
            continue
        start, end = _described_span(doc, ent.start, ent.end)
        described = describe_phrase(attribution, start, end, person=ent)
        found.append(Referent(ent.start, ent.end, "person", described, _is_subject(ent.root),
                              words_of(doc[start:end].text), gender_of(doc, described)))
        covered.update(range(ent.start, ent.end))
    found.extend(_subject_phrases(attribution, doc, covered))
    return sorted(found, key=lambda r: r.start)


def _subject_phrases(attribution: Attribution, doc: Doc, covered: set[int]) -> list[Referent]:
    """Subjects that name no actor ("Ghana's cocoa regulator", "a port worker"), and objects that name a
    person ("remembered an old woman"), can still be pointed back to."""
    found = []
    for token in doc:
        if token.pos_ not in ("NOUN", "PROPN") or token.i in covered or token.i in attribution.quoted:
            continue
        if token.dep_ not in SUBJECT_DEPS and not (token.dep_ in ("dobj", "pobj") and token.pos_ == "NOUN"
                                                   and token.lemma_.lower() in person_nouns()):
            continue
        start, end = phrase(token, attribution.quoted)
        if any(k in covered for k in range(start, end)):
            continue
        described = describe_phrase(attribution, start, end)
        kind = described.kind if described.kind != "unknown" else ("group" if token.tag_ in ("NNS", "NNPS") else "body")
        found.append(Referent(start, end, kind, described, token.dep_ in SUBJECT_DEPS,
                              words_of(doc[start:end].text), gender_of(doc, described)))
    return found


def _described_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A name with the apposition that describes it: "Ivan Kolev, the head of the gas grid operator"."""
    root = doc[start:end].root
    head = root.head if root.dep_ == "appos" else root
    tokens = [t.i for t in head.subtree]
    lo, hi = min([*tokens, start]), max([*tokens, end - 1]) + 1
    if hi - lo > 25:
        return start, end
    return lo, hi


def _is_place(token: Token) -> bool:
    """"a shelter in Khan Younis": a name after "in" or "near" is a place, whatever the parser calls it."""
    return token.dep_ == "pobj" and token.head.lower_ in ("in", "at", "near", "outside", "from", "across", "to")


def _is_subject(token: Token) -> bool:
    node = token
    for _ in range(3):
        if node.dep_ in SUBJECT_DEPS:
            return True
        if node.dep_ not in ("appos", "compound", "conj") or node.head.i == node.i:
            return False
        node = node.head
    return False
