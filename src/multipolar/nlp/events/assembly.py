"""What the verb and noun readers share: the document's readers, and turning (pattern, sources, targets)
into dated `CodedEvent`s."""

from __future__ import annotations

import dataclasses
import itertools

from spacy.tokens import Doc, Span, Token

from multipolar.coding.tables import CodingTables, Pattern
from multipolar.nlp.events.arguments import ActorHit, ArgumentReader
from multipolar.nlp.events.coded import CodedEvent
from multipolar.nlp.events.flags import FlagReader
from multipolar.nlp.events.future import future_reading
from multipolar.nlp.events.pairs import HOSTED, MEDIATED, VISITED, actor_pairs, alone_pairs, distinct, reciprocal
from multipolar.nlp.events.selection import later, without_repeated_headline, without_restated_meetings

_THIRD_PARTY = "044"


class EventAssembler:
    """Per-document state for the coder: who is where (`ArgumentReader`), flags and dates (`FlagReader`)."""

    def __init__(self, doc: Doc, tables: CodingTables) -> None:
        self.doc = doc
        self.tables = tables
        self.args = ArgumentReader(doc)
        self.flags = FlagReader(doc, doc._.mp_dates or [])
        self.sentence_of = {}
        for index, sent in enumerate(doc.sents):
            for k in range(sent.start, sent.end):
                self.sentence_of[k] = index
        self.used_nouns: set[int] = set()

    def _plover_of(self, pattern: Pattern) -> str:
        return pattern.plover or self.tables.code(pattern.cameo if pattern.cameo != "@" else "0").plover

    def _alone_category(self, pattern: Pattern) -> bool:
        return self._plover_of(pattern) in self.tables.alone

    def _pairs(self, word: Token, pattern: Pattern, sources: list[ActorHit], targets: list[ActorHit],
               trigger: Token, coder: str = "", alone_ok: bool = True, alone_any: bool = False
               ) -> list[CodedEvent] | None:
        negated, modality = self.flags.negated(word), self.flags.modality(word)
        entry = self.tables.code(pattern.cameo if pattern.cameo != "@" else "0")
        plover = pattern.plover or entry.plover
        mode = self.tables.mode_of(plover, pattern.mode, entry.mode)
        if not plover:
            return None  # a bare statement (CAMEO 01x) has no PLOVER category: not an interaction
        promised = plover
        plover, mode, entry, negated, modality = future_reading(self.tables, word, plover, mode, entry, negated,
                                                                modality)
        promised = "" if promised == plover else promised
        if entry.code == HOSTED and not promised:
            # the v2 manual: "the visitor will always be coded as the actor and the host will be the recipient"
            # (an invitation or a promise to host is the host's own AGREE)
            sources, targets, entry = targets, sources, self.tables.code(VISITED)
        pairs = actor_pairs(pattern, sources, targets, trigger)
        # a promise keeps the recipient rule of what it promises: "agreed to resign" is AGREE with none
        alone = alone_ok and not pairs and not targets and "none" in pattern.targets and \
            (alone_any or (promised or plover) in self.tables.alone)
        if alone:
            pairs = alone_pairs(sources, trigger)
        if not pairs:
            return None
        if not promised and reciprocal(plover, entry.code, targets, trigger):
            # a promise binds the one who makes it: "Putin offered to negotiate with Armenia" is Russia's AGREE only
            pairs += [(t, s, c - 0.1) for s, t, c in pairs if (t, s) not in {(a, b) for a, b, _ in pairs}]
        coded = [
            CodedEvent(
                source=s, target=t, source_span=(sm.start, sm.end),
                target_span=(trigger.i, trigger.i) if alone else (tm.start, tm.end),
                trigger=trigger.i, pattern=pattern, cameo=entry.code, plover=plover, mode=mode, negated=negated,
                modality=modality, date=None, sentence=self.sentence_of.get(trigger.i, 0), confidence=confidence,
                coder=f"rules:{coder or pattern.id}", recipient=not alone,
            )
            for (s, sm), (t, tm), confidence in pairs
        ]
        if entry.code == MEDIATED:
            # the manual: the parties to mediated talks consult each other, at a third party's
            third = self.tables.code(_THIRD_PARTY)
            coded += [dataclasses.replace(e, source=t, target=u, source_span=(tm.start, tm.end),
                                          target_span=(um.start, um.end), cameo=third.code, mode=third.mode,
                                          confidence=0.6)
                      for e in coded[:1] for (t, tm), (u, um) in itertools.permutations(
                          [(ref, m) for m, _ in targets for ref in m.actors], 2) if distinct(t, u)]
        return coded

    def _dated(self, events: list[CodedEvent]) -> list[CodedEvent]:
        """Dates are read last, in document order (sorted here, whatever order the events come in), so that
        "After the invasion, ..." takes the date of the latest invasion of an earlier sentence."""
        ordered = sorted(events, key=lambda e: (e.sentence, e.trigger, e.source_span, e.target_span, e.plover,
                                                e.cameo, e.source.code, e.target.code))
        dated: list[CodedEvent] = []

        def earlier_event_date(sentence: Span, stem: str) -> str | None:
            for event in reversed(dated):  # only events of earlier sentences are read: they are all dated by now
                trigger = self.doc[event.trigger]
                if trigger.i < sentence.start and trigger.lemma_.lower()[:4] == stem and event.date and \
                        event.date != self.doc._.mp_date_label:
                    return event.date
            return None

        label: str | None = self.doc._.mp_date_label
        for event in ordered:
            date = self.flags.date(self.doc[event.trigger], earlier_event_date)
            if event.modality == "intended" and event.plover in ("AGREE", "CONCEDE") and later(date, label):
                date = label  # "pledged to cut coal use by 2035": the pledge is made now, not in 2035
            dated.append(dataclasses.replace(event, date=date))
        return without_restated_meetings(without_repeated_headline(dated, self.doc), self.doc)
