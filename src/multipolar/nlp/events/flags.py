"""What the text says about an event besides who did what: negated, modality, and its date."""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from multipolar.coding.tables import word_list
from multipolar.nlp.dates import FoundDate
from multipolar.nlp.events.arguments import OCCASIONS, SAY_VERBS
from multipolar.nlp.events.frames import complements, frame_words, governing_frame
from multipolar.nlp.first_person import first_person_words
from multipolar.nlp.spans import quoted_char_ranges, text_of

_HYPOTHETICAL = frozenset({"could", "might", "may", "would", "should", "can"})
_FUTURE = frozenset({"will", "shall", "'ll"})
_INTENT_VERBS = word_list("intent_verbs")
REQUEST_VERBS = word_list("request_verbs")
"""Verbs whose complement is an act asked of someone, not one that happened."""


def _reported_future(word: Token) -> bool:
    """"said it would": the future of a reported statement, not a condition ("would ... if")."""
    if word.dep_ != "ccomp" or word.head.lemma_.lower() not in SAY_VERBS | _ANNOUNCING:
        return False
    return not any(c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children)
                   for c in word.children)


_ANNOUNCING = word_list("announcing")
_PERFORMATIVE = word_list("performative_verbs")
"""Acts done by saying them: thanks, praise, condemnation, appeals."""
_PERFORMATIVE_FRAMES = word_list("performative_frames")
"""A speaker's courtesy that does the act it names: "I would like to thank", "I wish to congratulate", "allow me
to reiterate our call", "let me take this opportunity to welcome"."""
_FIRST_PERSON = first_person_words("speaker")
_POSSESSIVE = first_person_words("possessive")


def performative(word: Token) -> bool:
    """"I want to congratulate Germany", "My delegation would like to thank Japan": the speaker does it as they
    say it (asserted, not a wish or a promise). The frame's subject (or the "me" of "allow me to") is the
    speaker's own first person or a phrase of the document's voice."""
    if word.lemma_.lower() not in _PERFORMATIVE:
        return False
    node = word
    for _ in range(4):
        if node.dep_ == "acl" and node.head.lemma_.lower() in OCCASIONS and node.head.dep_ == "dobj":
            node = node.head  # "take this opportunity to welcome"
        elif node.dep_ not in ("xcomp", "advcl", "ccomp") or node.head is node:
            return False
        node = node.head
        if node.lemma_.lower() not in _PERFORMATIVE_FRAMES:
            continue
        speakers = [c for c in node.children if c.dep_ in ("nsubj", "dobj", "nsubjpass")]
        return any(s.lower_ in _FIRST_PERSON or _voice_phrase(s) for s in speakers)
    return False


def _voice_phrase(token: Token) -> bool:
    """"my country", "my delegation", "our Government": the speaker by the name of what it speaks for."""
    return any(c.dep_ == "poss" and c.lower_ in _POSSESSIVE for c in token.children)


class FlagReader:
    """Negation, modality and dates of the events in one document."""

    def __init__(self, doc: Doc, dates: list[FoundDate]) -> None:
        self.doc = doc
        self.dates = dates
        self.quoted = quoted_char_ranges(text_of(doc))

    def negated(self, word: Token) -> bool:
        frame = governing_frame(word)
        if frame is not None and frame.kind == "fail" and not self.negated(frame.word):
            return True  # "Iran fails to cooperate", "stopped short of recognising"
        chain = [word, *[c for c in word.children if c.dep_ in ("aux", "auxpass")]]
        return any(c.dep_ == "neg" for w in chain for c in w.children) or any(
            c.lower_ in ("never", "no") and c.dep_ in ("neg", "advmod", "det") for c in word.children
        )

    def modality(self, word: Token) -> str:
        start = word.idx
        if any(a <= start < b for a, b in self.quoted):
            return "reported"
        auxiliaries = {c.lower_ for c in word.children if c.dep_ in ("aux", "auxpass")}
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in word.children):
            return "hypothetical"
        if word.sent.text.rstrip().endswith("?"):
            return "hypothetical"  # "Has the US ever thought about ...?": asked, not stated
        if performative(word):
            return "asserted"  # "I would like to thank Japan": thanked in saying so
        frame = governing_frame(word)
        if frame is not None and frame.kind in ("commit", "consider"):
            # a promise stays a promise when reported ("Syria says it is willing to withdraw")
            outer = self.modality(frame.word)
            return "hypothetical" if outer == "hypothetical" or frame.kind == "consider" else "intended"
        if frame_words().get(word.lemma_.lower()) == "commit" and complements(word):
            return "intended"  # "agreed to ...", "offered to ...": the commitment itself
        if auxiliaries == {"would"} and _reported_future(word):
            return "intended"  # "Iran said it would release ...": what it announced it will do
        if auxiliaries & _HYPOTHETICAL:
            return "hypothetical"
        if auxiliaries & _FUTURE:
            return "intended"
        if word.dep_ in ("conj", "xcomp") and word.head.pos_ in ("VERB", "AUX") and not auxiliaries - {"to"}:
            inherited = self.modality(word.head)  # "will continue to impose sanctions and provide support"
            if inherited in ("intended", "hypothetical"):
                return inherited
        node = word
        fact = False
        for _ in range(4):
            if node.dep_ in ("ROOT",) or node.head is node:
                break
            # "threatened to suspend gas deliveries after Madrid backed Morocco's plan": what set the threat off
            # happened; it is no part of what is threatened or promised
            fact = fact or _past_clause(node)
            parent = node.head if node.head.pos_ in ("VERB", "AUX") else node.head.head
            lemma = parent.lemma_.lower()
            if node.dep_ in ("xcomp", "pcomp", "pobj", "ccomp", "advcl") or node.head.dep_ == "prep":
                if lemma in _INTENT_VERBS and not fact:
                    return "intended"
                if lemma in REQUEST_VERBS and node.dep_ in ("xcomp", "ccomp") and not fact:
                    return "hypothetical"  # "urged China to press Russia": asked for, not done
                if lemma in SAY_VERBS and node.dep_ == "ccomp":
                    return "reported"
            node = parent
        return "asserted"

    def date(self, word: Token, earlier_event_date: Callable[[Span, str], str | None]) -> str | None:
        """The date named nearest the event in its sentence; else the date of an event or date it is
        anchored to ("After the invasion, ..."); else the document's date."""
        sentence = word.sent
        inside = [d for d in self.dates if sentence.start <= d.start and d.end <= sentence.end]
        if inside:
            subtree = {t.i for t in word.subtree}
            near = [d for d in inside if d.start in subtree] or inside
            return near[0].date.value
        anchored = self._anchor_date(sentence, earlier_event_date)
        if anchored is not None:
            return anchored
        label: str | None = self.doc._.mp_date_label
        return label

    def _anchor_date(self, sentence: Span, earlier_event_date: Callable[[Span, str], str | None]) -> str | None:
        """"After the invasion, ..." / "Since then, ...": the date of the event or date named before.

        The event is dated from that point on: the anchor's date is the earliest it can have happened."""
        text = sentence.text.lower()
        found = re.search(r"\b(?:after|since|following) (?:the |their |its |his |her )?(\w+)", text)
        if found is None:
            return None
        word = found.group(1)
        if word == "then":
            earlier = [d for d in self.dates if d.end <= sentence.start]
            return earlier[-1].date.value if earlier else None
        return earlier_event_date(sentence, word[:4])


_PAST_MARKS = frozenset({"after", "because", "since", "as", "when", "while"})


def _past_clause(verb: Token) -> bool:
    """An adverbial clause with its own subject, in the past tense ("after Madrid backed the plan")."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBD" and any(
        c.dep_ == "mark" and c.lower_ in _PAST_MARKS for c in verb.children) and any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
