"""The event coder: a spaCy component that reads who did what to whom from the dependency parse.

For each verb with a pattern (see `coding.tables`), it finds the acting actors (subjects; the `by`
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

from spacy.tokens import Doc, Span, Token

from multipolar.coding.tables import CodingTables, Pattern, load_tables
from multipolar.nlp.events.arguments import (
    SAY_VERBS,
    ActorHit,
    ArgumentReader,
    conjuncts,
    helping_clauses,
    object_controlled,
    object_lemmas,
    objects_of,
)
from multipolar.nlp.events.clauses import (
    RECIPROCAL_PRONOUNS,
    clause_verb,
    condition_of_threat,
    each_other,
    habitual,
    is_condition,
    mistagged_noun,
    mistagged_verb,
    own_subject,
    unresolved_recipient,
)
from multipolar.nlp.events.coded import CodedEvent
from multipolar.nlp.events.flags import FlagReader
from multipolar.nlp.events.frames import complement_code, complements, frame_words, governing_frame, noun_pattern
from multipolar.nlp.events.future import future_reading
from multipolar.nlp.events.pairs import HOSTED, MEDIATED, VISITED, actor_pairs, alone_pairs, distinct, reciprocal
from multipolar.nlp.events.selection import GENERIC, MATERIAL, deduplicated, later, without_repeated_headline
from multipolar.nlp.spans import ActorMention, ActorRef

_RECEIVER_VERBS = frozenset({"face", "receive", "suffer", "endure", "get", "accept", "welcome"})
_ABSORBED = frozenset({"request", "refuse", "threaten"})
"""Frames whose complement is not coded on its own: it is what the request, refusal or threat is about."""
_STATIVE_NOUNS = frozenset({"alliance", "partnership", "cooperation", "collaboration", "friendship",
                            "relationship", "relation", "tie", "rivalry", "dependence", "support"})
"""Nouns that name a standing relation, not an act: they code only as a light verb's object ("formed an
alliance", "provided support"), never on their own ("the Russia-China alliance is driven by ...")."""
_ACTS_WITH_A_RECIPIENT = frozenset({"support"})
"""Stative nouns that do name an act when a recipient follows: "China's support for Russia's defence
industry" is China supporting Russia; "public support" is not an event."""
_OBLIGATION_AUX = frozenset({"must", "should"})
_THIRD_PARTY = "044"
_ALONE_NOUNS = frozenset({"PROTEST"})
_DOMESTIC_TYPES = frozenset({"COERCE", "ASSAULT", "SANCTION", "RETREAT"})
_NEEDS_RECIPIENT = frozenset({"COOPERATE", "AID", "SANCTION"})
"""The v2 categories that require a recipient: with none where the pattern looks, any actor the verb's own
phrase names is taken."""




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
            if (token.pos_ in ("VERB", "AUX") and token.dep_ != "aux") or mistagged_verb(token):
                found.extend(self._verb_events(token) or self._obligation_events(token) or self._joint_events(token))
            elif token.pos_ == "ADJ" and token.dep_ == "acomp" and frame_words().get(token.lemma_.lower()) == "commit":
                found.extend(self._readiness_events(token))
        for token in self.doc:
            if (token.pos_ in ("NOUN", "PROPN") or mistagged_noun(token)) and token.i not in self.used_nouns:
                found.extend(self._noun_events(token))
        return self._dated(deduplicated(found, self.doc))

    # ---- verbs ----------------------------------------------------------------------------------

    def _verb_events(self, verb: Token) -> list[CodedEvent]:
        frame = governing_frame(verb)
        if frame is not None and frame.kind in _ABSORBED | {"allege"} and (
                frame.word.pos_ in ("NOUN", "PROPN") or self.args.source_actors(frame.word)[0]):
            return []  # "urged China to release ...", "a request to send": what is asked for is the request's content
        if condition_of_threat(verb):
            return []  # "warned that its army would enter Kosovo if Serbs there were attacked": the condition
        return self._coded_verb(verb)

    def _coded_verb(self, verb: Token) -> list[CodedEvent]:
        if habitual(verb):
            return []
        patterns = self._verb_patterns(verb)
        sense = self._sense(verb)
        if sense is not None:
            patterns = sense  # a sense can also give a verb without rows its event ("rioters burned cars")
        if not patterns:
            return []
        sources, passive_tokens = self.args.source_actors(verb)
        if not sources:
            return []
        objects = objects_of(verb)
        lemmas = object_lemmas(objects or passive_tokens, verb)  # "was received by": what is received
        if each_other(verb):
            # "Armenia and Azerbaijan ... accusing each other of shelling": the subjects act on one another
            patterns = tuple(dataclasses.replace(p, targets=("none",)) for p in patterns)
            objects = [o for o in objects if o.lower_ not in RECIPROCAL_PRONOUNS]
        for pattern in patterns:
            if pattern.required and not lemmas & pattern.required:
                continue
            coded = self._code_verb(verb, pattern, objects, sources, passive_tokens)
            if coded is not None:
                return coded
        return []

    def _readiness_events(self, adjective: Token) -> list[CodedEvent]:
        """"Turkey is ready to mediate", "Russia is open to talks with Kyiv": AGREE, towards the actors the
        complement names (the complement's own event, if it has one, is coded as intended on its own)."""
        governed = complements(adjective)
        sources, _ = self.args.source_actors(adjective.head)
        if not governed or not sources:
            return []
        targets = [a for g in governed for a in self._complement_actors(g, sources)]
        ready = Pattern(adjective.lemma_.lower(), frozenset(), ("none",), "030", "AGREE", "", "frame:commit")
        return self._pairs(adjective, ready, sources, targets, trigger=adjective) or []

    def _sense(self, verb: Token) -> tuple[Pattern, ...] | None:
        """Another sense of the verb, from its object or the sentence ("fight climate change", "Japan beat Syria
        5-0 in a World Cup qualifier"): no patterns at all, or the one it codes instead."""
        senses = self.tables.senses.get(verb.lemma_.lower(), ())
        if not senses:
            return None
        objects = {w.lemma_.lower() for o in objects_of(verb) for w in (o, *o.conjuncts, *o.children)}
        context = {t.lemma_.lower() for t in verb.sent}
        subjects = {t.lemma_.lower() for t in self.args.subjects(verb)[0]}
        for sense in senses:
            if sense.words & (context if sense.context else subjects if sense.subject else objects):
                if sense.becomes is None:
                    return ()
                code, plover, mode = sense.becomes
                targets: tuple[str, ...] = ("dobj",) if plover in ("ACCUSE", "SANCTION") else (
                    "prep:with|alongside|among", "none")
                if sense.subject:
                    targets = ("dobj", "prep:from|against", "none")
                return (Pattern(verb.lemma_.lower(), frozenset(), targets, code, plover, mode,
                                f"sense:{verb.lemma_.lower()}/{plover.lower()}"),)
        return None

    def _joint_events(self, verb: Token) -> list[CodedEvent]:
        """"Ghanaian and Togolese police jointly dismantled a kidnapping ring": states acting jointly cooperate
        (PLOVER COOPERATE), whatever the act is when it codes nothing of its own."""
        if not any(c.dep_ == "advmod" and c.lower_ == "jointly" for c in verb.children):
            return []
        sources, _ = self.args.source_actors(verb)
        if len({ref.state_code for m, _ in sources for ref in m.actors}) < 2:
            return []
        joint = Pattern(verb.lemma_.lower(), frozenset(), ("none",), "060", "COOPERATE", "", "frame:jointly")
        return self._pairs(verb, joint, sources, [], trigger=verb) or []

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
        lemma = verb.lemma_.lower() if verb.pos_ in ("VERB", "AUX") else verb.lower_
        particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
        for particle in particles:
            found = self.tables.verbs.get(f"{lemma} {particle}")
            if found:
                return found
        for prep in (c for c in verb.children if c.dep_ == "prep"):
            found = self.tables.verbs.get(f"{lemma} {prep.lower_}")
            objects = [obj for obj in prep.children if obj.dep_ == "pobj"]
            if found and any(self.args.actors_of(obj) or any(obj.lemma_.lower() in row.required for row in found)
                             for obj in objects):
                return found  # "pulled out of Syria", "walked off the job"
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
        single = len({ref.state_code for m, _ in sources for ref in m.actors}) == 1
        joint = pattern.is_light and self._plover_of(code_from) == "COOPERATE"
        if not targets:
            # "Turkish and Iraqi forces carried out a joint operation against Kurdish militants": partners
            # cooperate with each other (or "with" someone), never with the ones the operation is against
            specs = ("prep:with|alongside",) if joint else pattern.targets if pattern.is_light else code_from.targets
            targets = self.args.targets(verb, specs, objects)
        if not targets and not joint and (code_from.plover or self.tables.code(code_from.cameo).plover) in MATERIAL:
            targets = self.args.place_target(verb, sources)
        if not targets and object_controlled(verb):
            return None  # "invited Argentina, Egypt and Iran to join": they would not join each other
        if self._plover_of(code_from) == "MOBILIZE" and helping_clauses(verb, objects):
            # "Rwanda sent 2,000 soldiers to Mozambique to help fight an insurgency": troops sent to help are aid
            code_from = dataclasses.replace(code_from, cameo="074", plover="AID", mode="military", id="purpose:help")
        if not targets and single and self._plover_of(code_from) in _NEEDS_RECIPIENT:
            targets = self.args.phrase_actors(verb, sources) or self.args.purpose_actors(verb, objects, sources)
            # "extradited a businessman ... to China"; "providing assistance to support the Haitian authorities"
        if not targets and self._plover_of(code_from) in _DOMESTIC_TYPES:
            targets = self._domestic_recipient(verb, code_from, objects, passive_tokens, sources)
            if targets and self._plover_of(code_from) == "SANCTION":
                # "barred Boris Nadezhdin from the election": restricting one's own people is COERCE (v2)
                code_from = dataclasses.replace(code_from, cameo="172", plover="COERCE", mode="restrict")
        if not targets and "none" in code_from.targets and self._alone_category(code_from):
            targets = self.args.phrase_actors(verb, sources)
            if not targets and single and (unresolved_recipient(verb, code_from.targets) or not own_subject(verb)):
                return None  # "fought an insurgency": a recipient we cannot name is not no recipient
        coder = f"{pattern.id}+{code_from.id}" if code_from is not pattern else pattern.id
        kind = frame_words().get(verb.lemma_.lower())
        if kind is not None and not pattern.is_light:
            code_from, targets, coder = self._framed(verb, kind, code_from, sources, targets, coder)
        if self._plover_of(code_from) == "THREATEN":
            targets = self._threatened(verb, sources, targets)
        return self._pairs(verb, code_from, sources, targets, trigger=verb, coder=coder)

    def _threatened(self, verb: Token, sources: list[ActorHit], targets: list[ActorHit]) -> list[ActorHit]:
        """A threat is aimed at another, never at the threatener's own forces: "China warned that its military
        would not sit idly by if the US House speaker visited Taiwan" threatens the United States."""
        source_states = {ref.state_code for m, _ in sources for ref in m.actors}
        others = [(m, t) for m, t in targets if not {ref.state_code for ref in m.actors} <= source_states]
        return others or self.args.condition_actors(verb, sources)

    def _pronoun_doer(self, noun: Token) -> list[ActorHit]:
        """"Hamas fighters committed rape during their assault": "their" is the subject of the verb the
        event noun hangs on."""
        pronoun = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
        governor = noun.head.head if noun.dep_ == "pobj" else noun.head
        if pronoun is None or governor.pos_ not in ("VERB", "AUX"):
            return []
        return self.args.source_actors(governor)[0]

    def _domestic_recipient(self, verb: Token, pattern: Pattern, objects: list[Token], passive_tokens: list[Token],
                            sources: list[ActorHit]) -> list[ActorHit]:
        """"Ethiopian security forces arrested 48 journalists": people no state is named for, acted on by a
        state's forces, are its own (PLOVER codes domestic events state to same state)."""
        slots = passive_tokens or [o for o in objects if o.dep_ == "dobj"]
        slots += [o for spec in pattern.targets if spec.startswith("prep:") for prep in verb.children
                  if prep.dep_ == "prep" and prep.lower_ in spec[5:].split("|")
                  for o in prep.children if o.dep_ == "pobj"]
        states = {ref.state_code for m, _ in sources for ref in m.actors if ref.kind != "igo"}
        if len(states) != 1 or self.args.phrase_actors(verb, sources):
            return []
        for slot in slots:
            if slot.lemma_.lower() in self.tables.domestic or slot.ent_type_ == "PERSON":
                state = next(iter(states))
                span = self.doc[slot.left_edge.i : slot.i + 1]
                people = ActorRef(state, span.text, "population", state, None)
                return [(ActorMention(span.start, span.end, (people,), "domestic"), slot)]
        return []

    def _plover_of(self, pattern: Pattern) -> str:
        return pattern.plover or self.tables.code(pattern.cameo if pattern.cameo != "@" else "0").plover

    def _alone_category(self, pattern: Pattern) -> bool:
        return self._plover_of(pattern) in self.tables.alone

    def _framed(self, verb: Token, kind: str, pattern: Pattern, sources: list[ActorHit], targets: list[ActorHit],
                coder: str) -> tuple[Pattern, list[ActorHit], str]:
        """A frame verb's own event, made specific by what it governs: "urged China to release the
        activists" is REQUEST yield (0253); "refused to lift the curfew" REJECT yield; "threatened to strike"
        THREATEN violence. With no target of its own it takes the actors the complement acts on or names."""
        governed = complements(verb)
        if not governed:
            return pattern, targets, coder
        code = next((c for c in (complement_code(self.tables, g) for g in governed) if c is not None), None)
        if kind in _ABSORBED and pattern.cameo in GENERIC:
            demand = pattern.cameo.startswith("10")
            entry = self.tables.frame_code(kind, code, demand)
            pattern = dataclasses.replace(pattern, cameo=entry.code, plover=entry.plover, mode=entry.mode)
            coder = f"{coder}+frame:{kind}"
        if not targets and (kind in _ABSORBED or pattern.cameo in GENERIC):
            targets = [a for g in governed for a in self._complement_actors(g, sources)]
            if "none" not in pattern.targets:
                pattern = dataclasses.replace(pattern, targets=(*pattern.targets, "none"))
        return pattern, targets, coder

    def _complement_actors(self, word: Token, sources: list[ActorHit]) -> list[ActorHit]:
        """Who a complement would act on, else who would do it, else the actors it names (not in a clause of
        its own): "to release the French citizens" -> France; "that Belarus withdraw" -> Belarus; "the
        withdrawal of Serbian forces" -> Serbia; "to stop talks if the United States ..." -> the United States."""
        source_states = {ref.state_code for m, _ in sources for ref in m.actors}
        events = self._coded_verb(word) if word.pos_ in ("VERB", "AUX") else []
        candidates = [[m for e in events for m in self._mentions_at(e.target_span)],
                      [m for e in events for m in self._mentions_at(e.source_span)]]
        own = {t.i for c in word.children if c.dep_ in ("ccomp", "relcl", "parataxis", "nsubj", "nsubjpass", "acl")
               or (c.dep_ == "advcl" and not is_condition(c)) for t in c.subtree}
        candidates.append([m for t in word.subtree if t.i not in own and (m := self.args.mentions.get(t.i)) is not None
                           and t.i == m.start])
        for mentions in candidates:
            found = [(m, self.doc[m.start]) for m in mentions
                     if not {ref.state_code for ref in m.actors} <= source_states]
            if found:
                return found
        return []

    def _mentions_at(self, span: tuple[int, int]) -> list[ActorMention]:
        mention = self.args.mentions.get(span[0])
        return [mention] if mention is not None and span[1] > span[0] else []

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
        thanked = self.args.thanked_for(noun)
        if lemma in _STATIVE_NOUNS and not thanked and not (lemma in _ACTS_WITH_A_RECIPIENT and any(
                c.dep_ == "prep" and c.lower_ in ("for", "to") for c in noun.children)):
            return []
        pattern = noun_pattern(self.tables, noun)
        frame = governing_frame(noun)
        refused_request = frame is not None and frame.kind == "refuse" and pattern is not None and \
            self._plover_of(pattern) == "REQUEST"
        if pattern is None or (frame is not None and frame.kind in _ABSORBED | {"undo"} and not refused_request):
            return []  # "called for the release of", "lifted its sanctions": asked for, or undone
        sources = self.args.actors_of_all(
            [c for c in noun.children if c.dep_ in ("amod", "poss", "compound", "nmod")]
            + [obj for c in noun.children if c.dep_ == "prep" and c.lower_ in ("from", "by")
               for obj in c.children if obj.dep_ == "pobj"]
            # "the sanctions imposed by the United States", "the commitment made by the European Union"
            + [obj for c in noun.children if c.dep_ == "acl" for agent in c.children if agent.dep_ == "agent"
               for obj in agent.children if obj.dep_ == "pobj"])
        if not sources and not any(spec.startswith("prep:") and "of" in spec[5:].split("|")
                                   for spec in pattern.targets):
            # "the intrusion of China Coast Guard vessels into Japan's waters": where "of" does not name the
            # one acted upon, it names the doer
            sources = self.args.actors_of_all([obj for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                                               for obj in c.children if obj.dep_ == "pobj"])
        named_doer = bool(sources)
        if thanked and not self.args.actors_of_all([c for c in noun.children if c.dep_ == "poss"]):
            sources = thanked  # "grateful to France for the support provided to our army": France gave it
        if not sources and self._plover_of(pattern) in MATERIAL | {"RETREAT"}:
            sources = self._pronoun_doer(noun)  # "their assault", "its withdrawal": acts, not treaties
        targets = self.args.targets(noun, pattern.targets, []) or [
            a for clause in noun.children if clause.dep_ == "acl" and any(c.dep_ == "agent" for c in clause.children)
            for a in self.args.targets(clause, pattern.targets, [])]  # "the pledge made by Japan to Egypt"
        if not targets and any("against" in spec for spec in pattern.targets):
            # "the weekly marches by Serbian students against the government": the parse hangs "against" on
            # the doers
            targets = self.args.actors_of_all([o for t in noun.subtree if t.dep_ == "prep" and t.lower_ == "against"
                                               and t.head.i != noun.i for o in t.children if o.dep_ == "pobj"])
        if not targets and self._plover_of(pattern) == "REQUEST":
            targets = self._asked(noun)
        if not targets and thanked:
            targets = self.args.thanker(noun)
        if not targets and sources and self._plover_of(pattern) in MATERIAL:
            targets = self.args.place_target(noun, sources)  # "drone strikes on towns in north-east Syria"
        if not targets and sources and noun.dep_ == "dobj" and noun.head.lemma_.lower() in _RECEIVER_VERBS:
            # "Russia is facing sanctions from the West": the one who faces them is the target
            targets, _ = self.args.source_actors(noun.head)
        if not targets and sources and noun.dep_ == "pobj" and noun.head.lower_ == "under":
            # "Zimbabwe has lived (for decades) under sanctions imposed by the United States": the one living
            # under them
            targets, _ = self.args.source_actors(clause_verb(noun.head))
        governor = noun.head.head
        if governor.lemma_.lower() == "part" and governor.dep_ == "dobj":
            governor = governor.head  # "took part in joint drills"
        if not sources and noun.dep_ == "pobj" and governor.pos_ in ("VERB", "AUX") and (
                (noun.head.lower_ in ("during", "on", "in") and lemma in ("visit", "trip", "tour"))
                or (noun.head.lower_ in ("in", "into") and noun.head.dep_ == "prep")):
            # "X described ... during a state visit to Moscow", "we have stood together in firm opposition to
            # Russia's war": the one doing it is the subject of the verb
            sources, _ = self.args.source_actors(governor)
        target_codes = {ref.state_code for m, _ in targets for ref in m.actors}
        domestic = all(ref.kind != "state" for m, _ in [*sources, *targets] for ref in m.actors)
        sources = [(m, t) for m, t in sources  # a state's own bodies and people can act on each other
                   if not {ref.state_code for ref in m.actors} <= target_codes or not targets or domestic]
        if not sources:
            return []
        # "a hunger strike by opposition politicians", "the students' march": a protest whose doer the noun names
        # is an event even with no recipient; other nouns need one ("India's pullback" is often a comparison)
        alone = named_doer and self._plover_of(pattern) in _ALONE_NOUNS
        return self._pairs(noun, pattern, sources, targets, trigger=noun, alone_ok=alone) or []

    def _asked(self, noun: Token) -> list[ActorHit]:
        """Who a request noun with no recipient of its own was made to: whoever deals with it ("Brazil turned
        down a German request", "Pakistan would study Afghanistan's request", "Kyiv's request was approved by the
        White House"), or acts on it ("housed them at the request of the United States")."""
        if noun.dep_ in ("dobj", "nsubjpass"):
            return self.args.source_actors(noun.head)[0]
        if noun.dep_ == "pobj" and (noun.head.lower_ == "at" or (
                noun.head.lower_ == "to" and noun.head.head.lemma_.lower() in ("response", "answer", "reply"))):
            # "housed them at the request of the United States", "In response to a request from Haiti, DHS is
            # sending experts"
            return self.args.source_actors(clause_verb(noun.head))[0]
        return []

    # ---- assembling events ------------------------------------------------------------------------

    def _pairs(self, word: Token, pattern: Pattern, sources: list[ActorHit], targets: list[ActorHit],
               trigger: Token, coder: str = "", alone_ok: bool = True) -> list[CodedEvent] | None:
        negated, modality = self.flags.negated(word), self.flags.modality(word)
        entry = self.tables.code(pattern.cameo if pattern.cameo != "@" else "0")
        plover = pattern.plover or entry.plover
        mode = self.tables.mode_of(plover, pattern.mode, entry.mode)
        if not plover:
            return None  # a bare statement (CAMEO 01x) has no PLOVER category: not an interaction
        plover, mode, entry, negated, modality = future_reading(self.tables, word, plover, mode, entry, negated,
                                                                modality)
        if entry.code == HOSTED:
            # the v2 manual: "the visitor will always be coded as the actor and the host will be the recipient"
            sources, targets, entry = targets, sources, self.tables.code(VISITED)
        pairs = actor_pairs(pattern, sources, targets, trigger)
        alone = alone_ok and not pairs and not targets and "none" in pattern.targets and plover in self.tables.alone
        if alone:
            pairs = alone_pairs(sources, trigger)
        if not pairs:
            return None
        if reciprocal(plover, entry.code, targets, trigger):
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

        label: str | None = self.doc._.mp_date_label
        for event in events:
            date = self.flags.date(self.doc[event.trigger], earlier_event_date)
            if event.modality == "intended" and event.plover in ("AGREE", "CONCEDE") and later(date, label):
                date = label  # "pledged to cut coal use by 2035": the pledge is made now, not in 2035
            dated.append(dataclasses.replace(event, date=date))
        return without_repeated_headline(dated, self.doc)


def coded_pairs(doc: Doc) -> set[tuple[int, str, str]]:
    """(sentence, source state code, target state code) of every event already on the doc, either way round:
    a component that proposes events after the rules leaves these pairs alone."""
    pairs: set[tuple[int, str, str]] = set()
    for event in doc._.mp_events or []:
        pairs.add((event.sentence, event.source.state_code, event.target.state_code))
        pairs.add((event.sentence, event.target.state_code, event.source.state_code))
    return pairs
