"""Which of the events found are kept: one per act (duplicates, commitments restated by their complement,
a headline repeated in the body), and no-recipient events that a partner act completes."""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc, Span, Token

from multipolar.coding.tables import word_list
from multipolar.nlp.events.coded import CodedEvent
from multipolar.nlp.events.frames import governing_frame
from multipolar.nlp.spans import text_of

GENERIC = frozenset({"020", "100", "120", "130", "030"})
"""Codes of a frame verb's catch-all row, made specific by its complement ("urged X to release" 0253)."""
MATERIAL = frozenset({"ASSAULT", "MOBILIZE", "COERCE", "AID", "SANCTION"})
"""Material acts whose target may be the state where they happen."""

def later(date: str | None, label: str | None) -> bool:
    """A date after the document's ("2035" against "2023-05-01"), compared as precisely as both allow."""
    if not date or not label:
        return False
    size = min(len(date), len(label))
    return date[:size] > label[:size]


def without_repeated_headline(events: list[CodedEvent], doc: Doc) -> list[CodedEvent]:
    """A headline repeated in the body is one event, not two: the headline's event goes when the body has
    the same two actors, since the body says more about it (often in another tense: "agree" / "agreed to")."""
    sentences = list(doc.sents)
    if len(sentences) < 2 or not is_headline(sentences[0]):
        return events
    body = {frozenset((e.source.state_code, e.target.state_code)) for e in events if e.sentence > 0}
    return [e for e in events if e.sentence > 0 or frozenset((e.source.state_code, e.target.state_code)) not in body]


def is_headline(sentence: Span) -> bool:
    """A first line without a full stop, ended by a line break ("Colombia, ELN agree six-month ceasefire")."""
    text = sentence.text
    return "\n" in text[-3:] + text_of(sentence.doc)[sentence.end_char : sentence.end_char + 2] and \
        not text.rstrip().endswith((".", "!", "?", ":"))


def deduplicated(events: list[CodedEvent], doc: Doc) -> list[CodedEvent]:
    """One event per (source, target, type), sentence and coordinated verb ("called up reservists and massed
    troops" are two acts; "agreed to provide loans" one): a specific code before a catch-all (the loan, 0331,
    not 030), then the first trigger's, the most confident. An event with no recipient takes the recipient of
    the same source's act of that type in a coordinated verb, or goes when the sentence has one anyway."""
    best: dict[tuple[str, str, str, int, int], CodedEvent] = {}
    for event in sorted(events, key=lambda e: (e.sentence, e.cameo in GENERIC, e.trigger, -e.confidence,
                                               e.source_span, e.target_span)):
        key = (event.source.state_code, event.target.state_code, event.plover, event.sentence, branch(doc, event))
        best.setdefault(key, event)
    kept: list[CodedEvent] = []
    wrapped = {frame.word.i for e in best.values() if (frame := governing_frame(doc[e.trigger])) is not None}
    for event in best.values():
        if event.cameo == "030" and event.trigger in wrapped:
            continue  # "pledged to cut its coal trade": the complement's own event is the commitment
        partners = [o for o in best.values() if o.recipient and o.sentence == event.sentence and
                    o.source.state_code == event.source.state_code and o.plover == event.plover]
        if event.recipient or not partners:
            kept.append(event)
        elif event.plover in MATERIAL and (shared := next(
                (o for o in partners if branch(doc, o) != branch(doc, event)), None)) is not None:
            kept.append(dataclasses.replace(event, target=shared.target, target_span=shared.target_span,
                                            recipient=True))
    return sorted(kept, key=lambda e: (e.sentence, e.trigger, e.source_span, e.target_span))


def branch(doc: Doc, event: CodedEvent) -> int:
    """The coordinated verb an event belongs to (-1: the main one)."""
    token = doc[event.trigger]
    return token.i if token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX") else -1


_PROTEST_TOPICS = frozenset({"REQUEST"})
_TOPIC_CLAUSES = frozenset({"advcl", "xcomp", "acl", "relcl", "ccomp"})


def without_protest_topics(events: list[CodedEvent], doc: Doc) -> list[CodedEvent]:
    """The v2 manual: the topic of a protest, "which will typically be a REQUEST", is not coded apart from it:
    "marched through Dhaka, demanding an end to quotas". A demand in a clause of the protest, by the same
    protesters, goes (an accusation stays: "rallied outside the embassy, accusing Moscow's peacekeepers ...")."""
    topics: dict[int, set[str]] = {}
    for event in (e for e in events if e.plover == "PROTEST"):
        for clause in (c for c in doc[event.trigger].children if c.dep_ in _TOPIC_CLAUSES):
            for token in clause.subtree:
                topics.setdefault(token.i, set()).add(event.source.state_code)
    return [e for e in events if not (e.plover in _PROTEST_TOPICS and e.source.state_code in topics.get(e.trigger, ()))]


_RESTATING = word_list("restating_talk")
"""Trigger lemmas of what a meeting went over ("discussed", "reviewed", "exchanged views", "spoke about")."""
_NEW_MEETING = word_list("new_meeting_words")
"""Words that make a retold meeting another one ("spoke again", "another call", "talked later")."""
_SAME_DAY = word_list("same_day_words")
"""Dates that are the readout's own day ("In today's call"): they tell the same meeting."""


def _told_as_new(doc: Doc, event: CodedEvent) -> bool:
    """The trigger gives its meeting a time of its own ("On Friday, the two leaders talked again", "held another
    call"): a word or a date hung on the trigger itself or on a word hung on it (not "discussed the 2030 plan")."""
    trigger = doc[event.trigger]

    def on_trigger(token: Token) -> bool:
        return token.head.i == trigger.i or (token.head.head.i == trigger.i and token.head.dep_ in ("prep", "dobj"))
    return any(t.lower_ in _NEW_MEETING and on_trigger(t) for t in trigger.sent) or any(
        e.label_ in ("DATE", "TIME") and e.text.lower() not in _SAME_DAY and on_trigger(e.root)
        for e in trigger.sent.ents)


def without_restated_meetings(events: list[CodedEvent], doc: Doc) -> list[CodedEvent]:
    """A readout tells one meeting in many sentences: "met today with ... The two leaders discussed ... They also
    reviewed ...". A consultation of a pair that already consulted in an earlier sentence, told with a word of
    what was talked over, is that meeting again, not another one (a new meeting, "met again in March", "On Friday
    they talked again", stays)."""
    met: set[frozenset[str]] = set()
    kept: list[CodedEvent] = []
    for event in events:
        pair = frozenset((event.source.state_code, event.target.state_code))
        if event.plover == "CONSULT" and not event.negated:
            restated = event.modality == "asserted" and doc[event.trigger].lemma_.lower() in _RESTATING
            if pair in met and restated and not _told_as_new(doc, event) and any(
                    e.sentence < event.sentence for e in kept if e.plover == "CONSULT"
                    and frozenset((e.source.state_code, e.target.state_code)) == pair):
                continue
            met.add(pair)
        kept.append(event)
    return kept
