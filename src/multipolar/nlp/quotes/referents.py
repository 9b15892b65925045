"""What pronouns and role nouns can point back to: the people, bodies and groups a document names.

Actor mentions, names the parser found, and subjects that name no actor ("Ghana's cocoa regulator", "a
port worker"), each with the words that describe it (its apposition, its office), for role nouns
("the minister" goes to a person described as a minister); and the holder of a title on the document's
date, for a role noun with no one named before ("the Secretary-General", `offices`). How they point at
each other is `links`; the grammar of their phrases `phrases`; their gender `gender`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from multipolar.nlp.quotes.actors import Described, describe_phrase, people_words, person_nouns
from multipolar.nlp.quotes.find import word_set, word_table
from multipolar.nlp.quotes.gender import gender_of
from multipolar.nlp.quotes.links import link_referents
from multipolar.nlp.quotes.phrases import SUBJECT_DEPS, described_span, is_place, is_subject, phrase, words_of
from multipolar.nlp.spans import ActorMention, text_of

if TYPE_CHECKING:
    from multipolar.nlp.quotes.speakers import Attribution

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
    sector_found: str | None = None
    """The sector its own phrase gave, before what the document says elsewhere corrected it."""

    def __post_init__(self) -> None:
        self.sector_found = self.described.sector

    @property
    def resolved(self) -> Referent:
        return self.target or self


def referents(attribution: Attribution, doc: Doc) -> list[Referent]:
    """People, bodies and groups named outside quotations, in order, for pronouns and role nouns."""
    found: list[Referent] = []
    covered: set[int] = set()
    for mention in attribution.mentions:
        if mention.start in attribution.quoted or mention.how == "voice":
            continue
        ref = mention.actors[0]
        start, end = described_span(doc, mention.start, mention.end)
        described = describe_phrase(attribution, start, end, mention=mention)
        kind = "person" if ref.kind == "person" or _one_person(doc, mention) else \
            "group" if len(mention.actors) > 1 else "body"
        words = words_of(doc[start:end].text) | words_of(f"{ref.office or ''} {ref.name}".replace("_", " "))
        found.append(Referent(mention.start, mention.end, kind, described, is_subject(doc[mention.end - 1]),
                              words, gender_of(doc, described)))
        covered.update(range(mention.start, mention.end))
    for ent in doc.ents:
        if ent.label_ != "PERSON" or ent.start in attribution.quoted or is_place(ent.root) or \
                any(k in covered for k in range(ent.start, ent.end)):
            continue
        start, end = described_span(doc, ent.start, ent.end)
        described = describe_phrase(attribution, start, end, person=ent)
        found.append(Referent(ent.start, ent.end, "person", described, is_subject(ent.root),
                              words_of(doc[start:end].text), gender_of(doc, described)))
        covered.update(range(ent.start, ent.end))
    found.extend(_subject_phrases(attribution, doc, covered))
    found = [r for r in found if not _stage_direction(doc, r.start) and not (
        r.end - r.start == 1 and doc[r.start].lower_ in word_set("interjections.txt"))]  # "Hmm, let me see"
    aside = {id(r) for r in found
             if attribution.in_label(doc[r.start]) or _addressed(attribution, r.start, r.end)}
    attribution.set_aside = [r for r in found if id(r) in aside]
    found = [r for r in found if id(r) not in aside]
    found.sort(key=lambda r: r.start)
    link_referents(attribution, found)
    return found


_SET_OFF = frozenset({",", ".", "?", "!", "—", "–", "-", "--"})


def _addressed(attribution: Attribution, start: int, end: int) -> bool:
    """"Thanks, Kate.", "Kate, do you ...?", "What do you say, Kate?", a reporter's "Kate —": a name spoken to
    is the one "you" means, never the "he" or "she" of the words around it. Set off at its sentence's edge,
    and beside only words of greeting (a name alone counts in a transcript only: elsewhere it may sign)."""
    doc, labels = attribution.doc, attribution.labels
    sent = doc[start].sent
    before = [t for t in doc[sent.start : start] if not t.is_space and not attribution.in_label(t)]
    after = [t for t in doc[end : sent.end] if not t.is_space]
    if (before and before[-1].text not in _SET_OFF) or (after and after[0].text not in _SET_OFF):
        return False
    if _asked_by_reporter(doc, start, labels) and end - start == 1 and before and after and \
            before[-1].text == "," and after[0].text == ",":
        return True  # "Q    The President, Kate, has called ...": the one a reporter asks
    said_before = [t.lower_ for t in before if t.is_alpha]
    said_after = [t.lower_ for t in after if t.is_alpha]
    if not said_before and not said_after:
        return bool(labels) and bool(after)
    if all(w in word_set("spoken_to_words.txt") for w in said_before + said_after):
        return True
    if not said_after and before and after and before[-1].text == "," and (
            after[-1].text == "?" or any(t.lower_ in ("you", "your") for t in before)):
        return True  # "What do you make of it, Kate?", "I'll check on that for you, Hans."
    return not said_before and bool(after) and after[0].text == "," and \
        any(t.lower_ in ("you", "your") for t in after[:6])  # "Kate, do you ...", "Kate, you said"


def _asked_by_reporter(doc: Doc, start: int, labels: list[tuple[int, int]]) -> bool:
    """In a reporter's turn: the last label before is "Q"."""
    at = doc[start].idx
    last = max((label for label in labels if label[0] <= at), default=None)
    text = text_of(doc)
    return last is not None and text[last[0] : last[0] + 1] == "Q" and not text[last[0] + 1 : last[0] + 2].isalpha()


def _stage_direction(doc: Doc, start: int) -> bool:
    """"(Laughs.)", "(Applause.)": a transcript's note of what happened is no one to point back to."""
    if start == 0 or doc[start - 1].text != "(":
        return False
    close = next((t.i for t in doc[start : start + 5] if t.text == ")"), None)
    return close is not None and doc[close - 1].text == "."


def _one_person(doc: Doc, mention: ActorMention) -> bool:
    """"the United Nations envoy", "a law student": a singular word for a person heads a mention of the
    body they belong to, and "he" or "she" can point back to it."""
    last = doc[mention.start : mention.end].root  # "Commander of Iran": the commander
    office = mention.how == "knowledge_base" and mention.actors[0].kind == "organization"  # "President of the
    return (mention.how in ("agent", "generic") or office) and last.tag_ in ("NN", "NNP") and \
        last.lemma_.lower() in people_words()  # United States": an office, held by one person


def _subject_phrases(attribution: Attribution, doc: Doc, covered: set[int]) -> list[Referent]:
    """Subjects that name no actor ("Ghana's cocoa regulator", "a port worker"), and objects and owners that
    name a person ("remembered an old woman", "the President's comments"), can still be pointed back to."""
    found = []
    for token in doc:
        one = token.lower_ == "one" and token.dep_ in SUBJECT_DEPS and any(c.lower_ == "of" for c in token.children)
        if (token.pos_ not in ("NOUN", "PROPN") and not one) or token.i in covered or token.i in attribution.quoted:
            continue  # "One of them, a 21-year-old student, said ...": someone a later "she" can mean
        label_subject = token.dep_ == "appos" and attribution.in_label(token.head) and \
            next(c for c in token.head.children if c.dep_ == "appos").i == token.i  # "Q — the President said"
        named = token.dep_ in ("dobj", "pobj", "attr", "poss") and _person_object(token)
        if token.dep_ not in SUBJECT_DEPS and not named and not _stray_apposition(token) and not label_subject:
            continue
        start, end = phrase(token, attribution.quoted)
        if any(k in covered for k in range(start, end)) and not (
                token.dep_ in SUBJECT_DEPS and token.pos_ == "NOUN" and token.lemma_.lower() in people_words()):
            continue  # "Kenya's chief negotiator ... had written": a person, whatever the words around name
        described = describe_phrase(attribution, start, end)
        kind = described.kind if described.kind != "unknown" else ("group" if token.tag_ in ("NNS", "NNPS") else "body")
        subject = token.dep_ in SUBJECT_DEPS or label_subject or (token.dep_ == "appos" and _subject_left_out(doc, end))
        found.append(Referent(start, end, kind, described, subject, words_of(doc[start:end].text),
                              gender_of(doc, described)))
    return found


def _subject_left_out(doc: Doc, end: int) -> bool:
    """"a female student asked ...", the student hung on the noun before it: the verb right after the phrase,
    which has no subject of its own, is the person's."""
    verb = doc[end] if end < len(doc) else None
    return verb is not None and verb.pos_ == "VERB" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def _stray_apposition(token: Token) -> bool:
    """"At the time of our call, a young student who was with us asked ...": a person the parser set beside a
    thing (as the apposition of "call") is no description of it, but someone of their own."""
    head = token.head
    return token.dep_ == "appos" and token.pos_ == "NOUN" and _person_object(token) and \
        head.pos_ in ("NOUN", "PROPN") and head.ent_type_ != "PERSON" and head.lemma_.lower() not in person_nouns()


def _person_object(token: Token) -> bool:
    """"remembered an old woman", "listen to the Deputy Commander of ...": a person named as an object."""
    if token.pos_ == "NOUN" and token.lemma_.lower() in person_nouns():
        return True
    if token.lower_ in word_table("honorifics.tsv"):  # "by His Majesty the King"
        return any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in token.children)
    if token.pos_ == "NOUN":
        return False
    return token.lower_ in people_words() and any(c.dep_ == "det" for c in token.children)
