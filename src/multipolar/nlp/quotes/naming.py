"""From the token that names a speaker to the speaker: a pronoun to its antecedent, "I" and "we" to the
transcript turn or the document's voice, a title, surname or description to the person it stands for, a role
noun ("the minister") to the last holder named or the holder of the office, "the statement" to whoever issued
it. Each takes the document's `Attribution`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from multipolar.nlp.quotes.actors import Described, describe_phrase, document_nouns
from multipolar.nlp.quotes.around import PRONOUN_GENDER
from multipolar.nlp.quotes.find import word_set
from multipolar.nlp.quotes.gender import courtesy_gender, gender_of
from multipolar.nlp.quotes.offices import office_holder, own_holder
from multipolar.nlp.quotes.phrases import bare_role, honorific, phrase, words_of
from multipolar.nlp.quotes.pronouns import antecedent
from multipolar.nlp.quotes.referents import Referent
from multipolar.nlp.quotes.transcript import turn_at

if TYPE_CHECKING:
    from multipolar.nlp.quotes.speakers import Attribution


def speaker_of(att: Attribution, token: Token) -> Described:
    """The speaker a subject token names."""
    lower = token.lower_
    if lower in PRONOUN_GENDER:
        referent = att.pronoun_referents.get(token.i)
        return referent.resolved.described if referent else Described(None)
    if lower in ("it", "they", "its", "their"):
        kinds = ("body",) if lower in ("it", "its") else ("group", "body")
        referent = antecedent(att, token, kinds, None)
        if referent is None and lower == "it":
            document = _document_before(att, token)  # "As it says right here in the memo, ... it says"
            return speaker_of(att, document) if document is not None else Described(None)
        return referent.resolved.described if referent else Described(None)
    if lower in ("i", "we", "me", "us"):
        turn = turn_at(att.turns, token.idx)
        if turn is not None and turn.speaker is not None:  # "PRIME MINISTER KISHIDA: ... I say “literally.”"
            if lower in ("i", "me"):
                return turn.speaker
            if turn.speaker.country:  # "we say, “Welcome”": the speaker's state
                return Described(token.text, None, turn.speaker.country, turn.speaker.sector, token.i,
                                 token.i + 1, "group", False)
        return voice(att, person=lower in ("i", "me"))
    whole = _whole_document(att, token)
    if whole is not None:
        return speaker_of(att, whole)
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if owner is not None and token.lemma_.lower() in document_nouns():
        written = speaker_of(att, owner)  # "Her latest paper argues ...": hers
        if written.text is not None and written.kind == "person":
            return written
    start, end = phrase(token, att.quoted)
    bare = bare_role_of(att, token, start, end)  # "The President": whose, is found by the role below
    linked = next((r for r in att.referents if r.kind == "person" and (
        (r.start <= token.i < r.end and (r.target is not None or r.described.sector != r.sector_found)) or
        ((r.start, r.end) == (start, end) and r.described.actor is None and r.described.named and not bare))),
        None)
    if linked is not None:
        first = named_before(att, linked.resolved)
        return (first or linked).resolved.described  # a title, surname or description that stands for someone named
    described = describe_phrase(att, start, end)
    if described.actor is None and token.lemma_.lower() in document_nouns() and \
            any(c.lower_ == "the" for c in token.children):
        issued = issued_before(att, token)
        if issued is not None:
            return issued
    if not described.named or bare:
        referent = by_role(att, token, start)
        if referent is not None:
            return referent.described
    if described.named and sum(1 for t in att.doc[start:end] if not t.is_punct) <= 3:
        referent = by_surname(att, token, start)
        if referent is not None:
            return referent.described
    own = next((r for r in att.referents if r.start <= token.i < r.end and r.kind == "person"), None)
    first = named_before(att, own) if own is not None and described.actor is None else None
    return first.resolved.described if first is not None else described


def _document_before(att: Attribution, token: Token) -> Token | None:
    """The last document named ("the memo", "the report") in the sentence of "it", or the one before."""
    here = att.sentence_of.get(token.i, 0)
    floor = att.sentences[max(0, here - 1)].start
    return next((t for t in reversed(att.doc[floor : token.i]) if t.pos_ == "NOUN" and t.i not in att.quoted
                 and t.lemma_.lower() in document_nouns()), None)


def _whole_document(att: Attribution, token: Token) -> Token | None:
    """"The Book of Psalms says all of this in one verse. Chapter 29 reads, “...”": a part of a document
    with no "of" object speaks for the last document named as such in the three sentences before."""
    if token.lemma_.lower() not in word_set("part_nouns.txt") or \
            any((c.dep_ == "prep" and c.lower_ == "of") or c.lower_ in ("a", "an") for c in token.children):
        return None  # "a paragraph asking ministers to ...": a part not named before is no pointer back
    here = att.sentence_of.get(token.i, 0)
    floor = att.sentences[max(0, here - 3)].start
    for earlier in reversed(att.doc[floor : token.i]):
        lemma = earlier.lemma_.lower()
        if lemma in document_nouns() and lemma not in word_set("part_nouns.txt") and earlier.i not in att.quoted \
                and earlier.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
            return earlier
    return None


def bare_role_of(att: Attribution, token: Token, start: int, end: int) -> bool:
    """"the minister", "the Vice President": a title with no name, which points back to someone."""
    return (any(t.lower_ == "the" for t in token.children) or honorific(att.doc, start) is not None) and \
        bare_role(att.doc, start, end)


def issued_before(att: Attribution, token: Token) -> Described | None:
    """"The ministry issued a statement. “...,” the statement said": whoever issued it."""
    lemma = token.lemma_.lower()
    for earlier in reversed(att.doc[max(0, token.i - 150) : token.i]):
        if earlier.lemma_.lower() == lemma and earlier.dep_ in ("dobj", "pobj") and earlier.i not in att.quoted:
            author = author_of(att, earlier)
            if author is not None and author.text is not None:
                return author
    return None


def author_of(att: Attribution, document: Token) -> Described | None:
    """"A student held up a sign that read “...”": who holds, issues or posts the document."""
    verb = document.head if document.dep_ == "dobj" else document.head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = att.subject_of(verb)
    if subject is None or subject.i == document.i:
        return None
    return speaker_of(att, subject)


def voice(att: Attribution, person: bool = False) -> Described:
    """The document's voice; its "I" is the one who speaks for a state, an official (`GOV`)."""
    voice = next((m.actors[0] for m in att.mentions if m.how == "voice"), None)
    if voice is None:
        return Described(None)
    sector = "GOV" if person and voice.kind in ("state", "igo") else voice.role
    return Described(voice.name, voice, voice.code if voice.kind == "state" else voice.country, sector)


def by_role(att: Attribution, token: Token, start: int) -> Referent | None:
    """"the minister", "the official": the last person or body whose description holds that noun (in a
    transcript, of the state it speaks for, when one was so named); else
    the holder of the office on the date; else, in a lede, the person the next sentences name with it."""
    if token.pos_ not in ("NOUN", "PROPN") or not (
            any(c.lower_ == "the" for c in token.children) or honorific(att.doc, start) is not None):
        return None
    head = words_of(token.text)
    holding = [r for r in reversed(att.referents) if r.start < start and r.target is None and head <= r.words]
    own = [r for r in holding if att.labels and r.described.country == att.voice_state]
    holding = own or holding  # a briefing that speaks for a state: its own holder first, not a visitor's
    if holding:  # the last one who has spoken, else the last one named ("The President also said")
        last = next((r for r in holding if r.described.start in att.spoken), holding[0])
        return own_holder(att, last, token) or last
    holder = office_holder(att, token)
    if holder is not None:
        return holder
    title = words_of(" ".join(t.text for t in token.subtree if t.i >= start and t.i <= token.i))
    limit = att.sentences[min(len(att.sentences) - 1, att.sentence_of.get(token.i, 0) + 5)].end
    return next((r for r in att.referents if start < r.start < limit and r.target is None and
                 r.kind == "person" and title <= r.words and r.described.actor is not None and
                 r.described.actor.origin != "document"), None)


def named_before(att: Attribution, referent: Referent) -> Referent | None:
    """"Principal Deputy National Security Advisor Jon Finer ... said Jon Finer": a person named again in full,
    with no title or actor of their own, is the one named so first, whose description says who they are."""
    described = referent.described
    if referent.kind != "person" or referent.target is not None or described.actor is not None:
        return None
    name = att.doc[referent.start : referent.end].text
    return next((r for r in att.referents if r.start < referent.start and r.kind == "person" and r.target is None
                 and att.doc[r.start : r.end].text == name and r.described.sector not in (None, "CVL")), None)


def by_surname(att: Attribution, token: Token, start: int) -> Referent | None:
    """"Sandoval said", "Vice President Harris remarked": the person named in full before."""
    surname = token.text.lower()
    gender = courtesy_gender(att.doc, token.i)  # "Mrs. Trump" is not Donald Trump
    found = []
    for referent in reversed(att.referents):
        name = (referent.described.text or "").lower().split()
        if referent.start < start and referent.kind == "person" and referent.target is None and \
                len(name) > 1 and name[-1] == surname and (gender is None or referent.gender in (None, gender)):
            found.append(referent)
    known = [r for r in found if r.described.actor is not None and r.described.actor.origin != "document"]
    return next(iter(known or found), None)


def remember(att: Attribution, speaker: Described) -> None:
    """A speaker found through a phrase ("a port worker") can be pointed back to later; one found through a
    round-up's label ("President Brian Bryant, International Association of Machinists": `LAB`) is pointed
    back to as the label describes them ("added Bryant")."""
    same = next((r for r in att.referents if r.start == speaker.start), None)
    if same is not None and same.kind == speaker.kind == "person" and same.target is None and \
            same.described.actor is speaker.actor and speaker.sector and speaker.sector != same.described.sector:
        same.described = speaker
    if speaker.start is None or same is not None:
        return
    assert speaker.end is not None
    referent = Referent(speaker.start, speaker.end, speaker.kind, speaker, True,
                        words_of(att.doc[speaker.start : speaker.end].text), gender_of(att.doc, speaker))
    att.referents.append(referent)
    att.referents.sort(key=lambda r: r.start)
