"""The event coder: a spaCy component that reads who did what to whom from the dependency parse.

For each verb with a pattern (see `coding_tables`), it finds the acting actors (subjects; the `by`
agent of a passive; the noun a relative clause hangs on), the target (object, dative or a preposition,
as the pattern says), then negation, modality and date. Light verbs ("conduct", "impose") take their
code from their object noun; event nouns ("the Russian invasion of Ukraine") code on their own.
Coordinated actors give one event per pair; coordinated subjects with no target give a symmetric pair.

Components that add events after this one (a learned coder) append `CodedEvent`s to `doc._.mp_events`
with `coder` set to the model's name and version (and a `Pattern` whose `id` is that name); to propose
events only where the rules found none, they skip the pairs in `coded_pairs(doc)`.
"""

from __future__ import annotations

import dataclasses
import itertools
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from multipolar.actors import ActorMention, ActorRef
from multipolar.coding_tables import CodingTables, Pattern, load_tables
from multipolar.event_arguments import (
    SAY_VERBS,
    ActorHit,
    ArgumentReader,
    conjuncts,
    object_controlled,
    object_lemmas,
    objects_of,
)
from multipolar.event_flags import FlagReader

_RECEIVER_VERBS = frozenset({"face", "receive", "suffer", "endure", "get", "accept", "welcome"})
_THREAT_CODES = {"SANCTION": "1312", "COERCE": "137", "ASSAULT": "138", "MOBILIZE": "138", "REJECT": "131"}
"""The CAMEO threat code for each conflictual PLOVER type that can be threatened."""
_STATIVE_NOUNS = frozenset({"alliance", "partnership", "cooperation", "collaboration", "friendship",
                            "relationship", "relation", "tie", "rivalry", "dependence", "support"})
"""Nouns that name a standing relation, not an act: they code only as a light verb's object ("formed an
alliance", "provided support"), never on their own ("the Russia-China alliance is driven by ...")."""
_ACTS_WITH_A_RECIPIENT = frozenset({"support"})
"""Stative nouns that do name an act when a recipient follows: "China's support for Russia's defence
industry" is China supporting Russia; "public support" is not an event."""
_MATERIAL = frozenset({"ASSAULT", "MOBILIZE", "COERCE", "AID", "SANCTION"})
"""Material acts whose target may be the state where they happen."""
_OBLIGATION_AUX = frozenset({"must", "should"})
_PROMISED_COOPERATION = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})


@dataclass(frozen=True)
class CodedEvent:
    """An event as the component found it: token positions, before it becomes an `Event` record."""

    source: ActorRef
    target: ActorRef
    source_span: tuple[int, int]
    target_span: tuple[int, int]
    trigger: int
    pattern: Pattern
    cameo: str
    plover: str
    mode: str
    negated: bool
    modality: str
    date: str | None
    sentence: int
    confidence: float
    coder: str = "rules"
    """Which rule or model coded it: "rules:verb:pledge/aid", "rules:verb:impose+noun:sanction",
    "rules:noun:invasion", "rules:frame:obligation"; or the learned model (name and version, e.g.
    "event-pairs-v1") that proposed or re-typed the event."""


class EventCoder:
    """The `multipolar_events` component."""

    def __init__(self, tables: CodingTables | None = None) -> None:
        self.tables = tables or load_tables()

    def __call__(self, doc: Doc) -> Doc:
        reader = _DocReader(doc, self.tables)
        doc._.mp_events = reader.events()
        return doc


class _DocReader:
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

    def events(self) -> list[CodedEvent]:
        found: list[CodedEvent] = []
        for token in self.doc:
            if token.pos_ in ("VERB", "AUX") and token.dep_ != "aux":
                found.extend(self._verb_events(token) or self._obligation_events(token))
        for token in self.doc:
            if token.pos_ in ("NOUN", "PROPN") and token.i not in self.used_nouns:
                found.extend(self._noun_events(token))
        return self._dated(_deduplicated(found))

    # ---- verbs ----------------------------------------------------------------------------------

    def _verb_events(self, verb: Token) -> list[CodedEvent]:
        patterns = self._verb_patterns(verb)
        if not patterns:
            return []
        sources, passive_tokens = self.args.source_actors(verb)
        if not sources:
            return []
        objects = objects_of(verb)
        for pattern in patterns:
            if pattern.required and not object_lemmas(objects, verb) & pattern.required:
                continue
            coded = self._code_verb(verb, pattern, objects, sources, passive_tokens)
            if coded is not None:
                return coded
        return []

    def _obligation_events(self, verb: Token) -> list[CodedEvent]:
        """"Britain said that Libya must hand over the suspects": the speaker demands it of Libya (REQUEST)."""
        if verb.lemma_.lower() not in SAY_VERBS | {"declare", "announce", "reiterate", "insist", "conclude"}:
            return []
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            if not {c.lower_ for c in clause.children if c.dep_ == "aux"} & _OBLIGATION_AUX:
                continue
            sources, _ = self.args.source_actors(verb)
            targets = self.args.actors_of_all([t for t in clause.children if t.dep_ == "nsubj"])
            if sources and targets:
                demand = Pattern(verb.lemma_.lower(), frozenset(), ("dobj",), "100", "REQUEST", "", "frame:obligation")
                return self._pairs(verb, demand, sources, targets, trigger=verb) or []
        return []

    def _verb_patterns(self, verb: Token) -> tuple[Pattern, ...]:
        lemma = verb.lemma_.lower()
        particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
        for particle in particles:
            found = self.tables.verbs.get(f"{lemma} {particle}")
            if found:
                return found
        for prep in (c for c in verb.children if c.dep_ == "prep"):
            found = self.tables.verbs.get(f"{lemma} {prep.lower_}")
            if found and any(self.args.actors_of(obj) for obj in prep.children if obj.dep_ == "pobj"):
                return found
        return self.tables.verbs.get(lemma, ())

    def _code_verb(self, verb: Token, pattern: Pattern, objects: list[Token], sources: list[ActorHit],
                   passive_tokens: list[Token]) -> list[CodedEvent] | None:
        code_from = pattern
        noun: Token | None = None
        if pattern.is_light:
            light = self._light_object(verb, objects)
            if light is None:
                return None
            noun, code_from = light
            self.used_nouns.add(noun.i)
        targets = self.args.actors_of_all(passive_tokens)
        if not targets and noun is not None:
            targets = self.args.targets(noun, code_from.targets, [])
        if not targets:
            targets = self.args.targets(verb, pattern.targets if pattern.is_light else code_from.targets, objects)
        if not targets and (code_from.plover or self.tables.code(code_from.cameo).plover) in _MATERIAL:
            targets = self.args.place_target(verb, sources)
        if not targets and object_controlled(verb):
            return None  # "invited Argentina, Egypt and Iran to join": they would not join each other
        coder = f"{pattern.id}+{code_from.id}" if code_from is not pattern else pattern.id
        return self._pairs(verb, code_from, sources, targets, trigger=verb, coder=coder)

    def _light_object(self, verb: Token, objects: list[Token]) -> tuple[Token, Pattern] | None:
        """The event noun a light verb carries: its object, "$1bn in aid", "a package of sanctions",
        or "provided Ukraine with aid"."""
        candidates: list[Token] = []
        for obj in objects:
            for word in conjuncts(obj):
                candidates.append(word)
                candidates += [p for prep in word.children if prep.dep_ == "prep" and prep.lower_ in ("in", "of")
                               for p in prep.children if p.dep_ == "pobj"]
        candidates += [p for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in ("with", "in")
                       for p in prep.children if p.dep_ == "pobj"]
        for candidate in candidates:
            pattern = noun_pattern(self.tables, candidate)
            if pattern is not None:
                return candidate, pattern
        return None

    # ---- nouns ----------------------------------------------------------------------------------

    def _noun_events(self, noun: Token) -> list[CodedEvent]:
        lemma = noun.lemma_.lower()
        if lemma in _STATIVE_NOUNS and not (lemma in _ACTS_WITH_A_RECIPIENT and any(
                c.dep_ == "prep" and c.lower_ in ("for", "to") for c in noun.children)):
            return []
        pattern = noun_pattern(self.tables, noun)
        if pattern is None:
            return []
        sources = self.args.actors_of_all(
            [c for c in noun.children if c.dep_ in ("amod", "poss", "compound", "nmod")]
            + [obj for c in noun.children if c.dep_ == "prep" and c.lower_ in ("from", "by")
               for obj in c.children if obj.dep_ == "pobj"])
        targets = self.args.targets(noun, pattern.targets, [])
        if not targets and sources and noun.dep_ == "dobj" and noun.head.lemma_.lower() in _RECEIVER_VERBS:
            # "Russia is facing sanctions from the West": the one who faces them is the target
            targets, _ = self.args.source_actors(noun.head)
        if not sources and noun.dep_ == "pobj" and noun.head.lower_ in ("during", "on", "in") and \
                lemma in ("visit", "trip", "tour") and noun.head.head.pos_ in ("VERB", "AUX"):
            # "X described ... during a state visit to Moscow": the visitor is the subject of the verb
            sources, _ = self.args.source_actors(noun.head.head)
        target_codes = {ref.state_code for m, _ in targets for ref in m.actors}
        sources = [(m, t) for m, t in sources
                   if not {ref.state_code for ref in m.actors} <= target_codes or not targets]
        if not sources:
            return []
        return self._pairs(noun, pattern, sources, targets, trigger=noun) or []

    # ---- assembling events ------------------------------------------------------------------------

    def _pairs(self, word: Token, pattern: Pattern, sources: list[ActorHit], targets: list[ActorHit],
               trigger: Token, coder: str = "") -> list[CodedEvent] | None:
        pairs = _actor_pairs(pattern, sources, targets, trigger)
        if not pairs:
            return None
        negated, modality = self.flags.negated(word), self.flags.modality(word)
        entry = self.tables.code(pattern.cameo if pattern.cameo != "@" else "0")
        plover = pattern.plover or entry.plover
        if not plover:
            return None  # a bare statement (CAMEO 01x) has no PLOVER category: not an interaction
        if modality == "intended" and plover in _PROMISED_COOPERATION:
            plover = "AGREE"  # PLOVER: cooperation or a concession promised for the future is AGREE
        elif ((modality == "intended" and not negated) or _governed_by(word, "threaten")) and plover in _THREAT_CODES:
            # PLOVER: a conflictual act announced or threatened for the future is THREATEN
            entry = self.tables.code(_THREAT_CODES[plover])
            plover, modality = "THREATEN", "asserted"
        return [
            CodedEvent(
                source=s, target=t, source_span=(sm.start, sm.end), target_span=(tm.start, tm.end),
                trigger=trigger.i, pattern=pattern, cameo=entry.code, plover=plover,
                mode=self.tables.mode_of(plover, pattern.mode, entry.mode), negated=negated,
                modality=modality, date=None, sentence=self.sentence_of.get(trigger.i, 0), confidence=confidence,
                coder=f"rules:{coder or pattern.id}",
            )
            for (s, sm), (t, tm), confidence in pairs
        ]

    def _dated(self, events: list[CodedEvent]) -> list[CodedEvent]:
        """Dates are read last, in document order, so that "After the invasion, ..." can take the date of
        an invasion coded earlier whichever way the tokens were visited."""
        dated: list[CodedEvent] = []

        def earlier_event_date(sentence: Span, stem: str) -> str | None:
            for event in reversed(dated):
                trigger = self.doc[event.trigger]
                if trigger.i < sentence.start and trigger.lemma_.lower()[:4] == stem and event.date and \
                        event.date != self.doc._.mp_date_label:
                    return event.date
            return None

        for event in events:
            date = self.flags.date(self.doc[event.trigger], earlier_event_date)
            dated.append(dataclasses.replace(event, date=date))
        return dated


def coded_pairs(doc: Doc) -> set[tuple[int, str, str]]:
    """(sentence, source state code, target state code) of every event already on the doc, either way round:
    a component that proposes events after the rules leaves these pairs alone."""
    pairs: set[tuple[int, str, str]] = set()
    for event in doc._.mp_events or []:
        pairs.add((event.sentence, event.source.state_code, event.target.state_code))
        pairs.add((event.sentence, event.target.state_code, event.source.state_code))
    return pairs


def noun_pattern(tables: CodingTables, noun: Token) -> Pattern | None:
    """The first row for this event noun whose required modifier is there ("trade war" before "war")."""
    modifiers = {c.lemma_.lower() for c in noun.children if c.dep_ in ("amod", "compound", "nmod")}
    modifiers |= {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound")}
    for pattern in tables.nouns.get(noun.lemma_.lower(), ()):
        if not pattern.required or pattern.required & modifiers:
            return pattern
    return None


Pair = tuple[tuple[ActorRef, ActorMention], tuple[ActorRef, ActorMention], float]


def _actor_pairs(pattern: Pattern, sources: list[ActorHit], targets: list[ActorHit], trigger: Token) -> list[Pair]:
    """Every source with every target; coordinated sources with no target act on each other when the
    event can be mutual; never an actor on itself."""
    source_refs = [(ref, m) for m, _ in sources for ref in m.actors]
    target_refs = [(ref, m) for m, _ in targets for ref in m.actors]
    pairs: list[Pair] = []
    if target_refs:
        pairs = [(s, t, 0.8) for s in source_refs for t in target_refs]
    elif len({r.state_code for r, _ in source_refs}) >= 2 and _allows_symmetry(pattern, trigger):
        pairs = [(s, t, 0.7) for s, t in itertools.permutations(source_refs, 2)]
    return [(s, t, c) for s, t, c in pairs if _distinct(s[0], t[0])]


def _distinct(source: ActorRef, target: ActorRef) -> bool:
    """Two sides of an event: different states, or within one state two actors of different sectors
    ("Turkish police" and "Turkish students"), as PLOVER codes domestic events; never a government
    acting on itself ("Trump" and "the White House")."""
    if source.state_code != target.state_code:
        return True
    roles = (source.role, target.role)
    return source.code != target.code and "organization" in (source.kind, target.kind) and \
        None not in roles and source.role != target.role


def _governed_by(word: Token, lemma: str) -> bool:
    """"Iran threatened to cut off electricity": the verb is the complement of `lemma`."""
    return word.dep_ == "xcomp" and word.head.lemma_.lower() == lemma


def _allows_symmetry(pattern: Pattern, trigger: Token) -> bool:
    """Coordinated actors with no target act on each other: "Russia and China held talks". A noun names a
    mutual event only when the event is cooperative ("the Xi-Putin meeting", not "the Russia-Ukraine war")."""
    cooperative = pattern.plover in ("AGREE", "CONSULT", "COOPERATE", "SUPPORT")
    if trigger.pos_ in ("NOUN", "PROPN"):
        return cooperative
    return cooperative or "none" in pattern.targets or "prep:with" in " ".join(pattern.targets)


def _deduplicated(events: list[CodedEvent]) -> list[CodedEvent]:
    """One event per (source, target, type) and sentence: the first trigger's, the most confident."""
    best: dict[tuple[str, str, str, int], CodedEvent] = {}
    for event in sorted(events, key=lambda e: (e.sentence, e.trigger, -e.confidence, e.source_span, e.target_span)):
        key = (event.source.state_code, event.target.state_code, event.plover, event.sentence)
        best.setdefault(key, event)
    return sorted(best.values(), key=lambda e: (e.sentence, e.trigger, e.source_span, e.target_span))
