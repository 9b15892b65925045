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

from spacy.tokens import Doc, Token

from multipolar.coding.tables import CodingTables, Pattern, load_tables, word_list
from multipolar.nlp.events.arguments import (
    SAY_VERBS,
    ActorHit,
    conjuncts,
    object_lemmas,
    objects_of,
)
from multipolar.nlp.events.clauses import (
    RECIPROCAL_PRONOUNS,
    condition_of_threat,
    each_other,
    habitual,
    is_condition,
    mistagged_noun,
    mistagged_verb,
    wished_for,
)
from multipolar.nlp.events.coded import CodedEvent
from multipolar.nlp.events.frames import complement_code, complements, frame_words, governing_frame, noun_pattern
from multipolar.nlp.events.judgements import (
    CONCERNS,
    condemning,
    judged_only,
    judged_things,
    named_complement,
    worried_about,
)
from multipolar.nlp.events.nouns import ABSORBED
from multipolar.nlp.events.recipients import RecipientReader
from multipolar.nlp.events.selection import GENERIC, deduplicated, without_protest_topics
from multipolar.nlp.events.slots import (
    agreed_content,
    aid_kind,
    held,
    not_mutual,
    others,
    phrase_heads,
    relative_objects,
)
from multipolar.nlp.events.speech_acts import GRATEFUL, call_for
from multipolar.nlp.spans import ActorMention

__all__ = ["CodedEvent", "EventCoder", "coded_pairs", "noun_pattern"]

_OBLIGATION_AUX = frozenset({"must", "should"})
_ACCOUNTABLE = frozenset({"accountable", "responsible"})
_PARTICLES = word_list("particles")
_WHEN = frozenset({"DATE", "TIME"})


class EventCoder:
    """The `multipolar_events` component."""

    def __init__(self, tables: CodingTables | None = None) -> None:
        self.tables = tables or load_tables()

    def __call__(self, doc: Doc) -> Doc:
        reader = _DocReader(doc, self.tables)
        doc._.mp_events = reader.events()
        return doc


class _DocReader(RecipientReader):
    """The coder's reading of one document: verbs here, their recipients beyond the pattern's slots in
    `RecipientReader`, nouns in `NounEvents`, adjectives of thanks in `SpeechActs`, assembly in `EventAssembler`."""

    def events(self) -> list[CodedEvent]:
        found: list[CodedEvent] = []
        for token in self.doc:
            if (token.pos_ in ("VERB", "AUX") and token.dep_ != "aux") or mistagged_verb(token):
                found.extend(self._verb_events(token) or self._obligation_events(token) or self._joint_events(token)
                             or self._accountable_events(token) or self._donor_events(token)
                             or self._voice_demand_events(token))
            elif token.pos_ == "ADJ" and token.dep_ == "acomp" and frame_words().get(token.lemma_.lower()) == "commit":
                found.extend(self._readiness_events(token))
            elif token.pos_ == "ADJ" and token.dep_ == "acomp" and token.lemma_.lower() in GRATEFUL:
                found.extend(self._gratitude_events(token))
        for token in self.doc:
            if (token.pos_ in ("NOUN", "PROPN") or mistagged_noun(token)) and token.i not in self.used_nouns:
                found.extend(self._appeal_events(token) or self._noun_events(token) or self._call_events(token)
                             or self._manner_events(token))
        return self._dated(without_protest_topics(deduplicated(found, self.doc), self.doc))

    # ---- verbs ----------------------------------------------------------------------------------

    def _verb_events(self, verb: Token) -> list[CodedEvent]:
        frame = governing_frame(verb)
        if frame is not None and frame.kind in ABSORBED | {"allege"} and (
                frame.word.pos_ in ("NOUN", "PROPN") or self.args.source_actors(frame.word)[0]):
            return []  # "urged China to release ...", "a request to send": what is asked for is the request's content
        if frame is not None and _asked_for(frame.word):
            return []  # "urged the United States to stop arming Taiwan": inside what is asked for, at any depth
        if (frame is not None and frame.kind == "aim") or wished_for(verb) or agreed_content(verb):
            return []  # "efforts to end the fighting", "demanded an admission that ... murdered", "he must resign"
        if condition_of_threat(verb):
            return []  # "warned that its army would enter Kosovo if Serbs there were attacked": the condition
        return self._coded_verb(verb)

    def _coded_verb(self, verb: Token) -> list[CodedEvent]:
        if habitual(verb):
            return []
        complement = named_complement(verb)
        if complement is not None and judged_only(verb, complement):
            return self._judgement_events(verb, complement)
        patterns = self._verb_patterns(verb)
        sense = self._sense(verb)
        if sense is not None:
            patterns = sense  # a sense can also give a verb without rows its event ("rioters burned cars")
        if not patterns:
            return []
        sources, passive_tokens = self.args.source_actors(verb)
        objects = relative_objects(verb, objects_of(verb))
        lemmas = object_lemmas(objects or passive_tokens, verb)  # "was received by": what is received
        if not sources and passive_tokens and any(self._moves_own_forces(p) for p in patterns
                                                  if not p.required or p.required & lemmas):
            # "Kenyan police were deployed across Nairobi": forces moved by no one named move for their state
            sources, passive_tokens = self.args.actors_of_all(passive_tokens), []
        if not sources:
            sources = self._crowd_at_place(verb, patterns) or self._attack_at_place(verb, patterns)
        if not sources:
            return []
        if each_other(verb):
            # "Armenia and Azerbaijan ... accusing each other of shelling": the subjects act on one another
            patterns = tuple(dataclasses.replace(p, targets=("none",)) for p in patterns)
            objects = [o for o in objects if o.lower_ not in RECIPROCAL_PRONOUNS]
        # a row asking for the object's own words first: "handed over four hostages ... in Gaza City" is a release,
        # though "city" (a row for handing over territory) is named in the verb's phrase
        own = object_lemmas(objects or passive_tokens, verb, adjuncts=False)
        patterns = tuple(sorted(patterns, key=lambda p: not (p.required & own)))
        light_tried = False
        for pattern in patterns:
            if (pattern.required and not lemmas & pattern.required) or (light_tried and pattern.is_light):
                continue
            coded = self._code_verb(verb, pattern, objects, sources, passive_tokens)
            if coded is not None:
                return coded
            # "expressed concern for the hostages": the noun's own row says where its target is; the verb's
            # catch-all light row ("expressed support for") would read the same noun with the wrong slots
            light_tried = pattern.is_light and bool(pattern.required & own)
        return self._voice_judgement(verb, patterns, lemmas, sources)

    def _moves_own_forces(self, pattern: Pattern) -> bool:
        """Rows whose object is the actor's own forces (MOBILIZE, a withdrawal of troops)."""
        return not pattern.is_light and (self._plover_of(pattern) == "MOBILIZE" or pattern.mode == "withdraw")

    def _judgement_events(self, verb: Token, complement: Token) -> list[CodedEvent]:
        """"Mexico's president declined to attend, calling him a far-right ideologue": ACCUSE (disapprove) aimed at
        the one judged, or at whoever did the thing judged ("calling Israel's conduct a genocide")."""
        if not condemning(complement):
            return []
        sources, _ = self.args.source_actors(verb)
        source_states = {ref.state_code for m, _ in sources for ref in m.actors}
        targets: list[ActorHit] = []
        for thing in judged_things(verb, complement):
            targets = [(m, t) for m, t in self.args.actors_of(thing)
                       if not {ref.state_code for ref in m.actors} <= source_states]
            if targets:
                break
        judged = Pattern(verb.lemma_.lower(), frozenset(), ("dobj",), "111", "ACCUSE", "disapprove", "frame:judged")
        return self._pairs(verb, judged, sources, targets, trigger=verb) or [] if sources and targets else []

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
        subject_tokens = self.args.subjects(verb)[0]
        # "the first deployment of NATO peacekeeping troops have arrived": the words of the subject's phrase count
        subjects = {w.lemma_.lower() for t in subject_tokens for w in phrase_heads(t)}
        if any(t.pos_ in ("NOUN", "PROPN") and (m := self.args.mentions.get(t.i)) is not None and m.how == "adjective"
               for t in subject_tokens):
            subjects.add("people")  # "Angry Malians burned tyres": a people named by its demonym
        for sense in senses:
            if sense.words & (context if sense.context else subjects if sense.subject else objects):
                if sense.becomes is None:
                    return ()
                code, plover, mode = sense.becomes
                targets: tuple[str, ...] = ("dobj",) if plover in ("ACCUSE", "SANCTION") else (
                    "prep:with|alongside|among", "none")
                if sense.subject:  # "peacekeepers arrived in Bosnia": where they arrive
                    targets = ("dobj", "prep:from|against", "none") if objects else (
                        "prep:from|against|in|at|to", "none")
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

    def _accountable_events(self, verb: Token) -> list[CodedEvent]:
        """"We will hold Russia accountable", "readiness to hold Syria accountable for the attacks": a warning of
        consequences to come, THREATEN (mode null), aimed at whoever is to be held to account."""
        if verb.lemma_.lower() != "hold" or wished_for(verb):
            return []
        held = [c for c in verb.children if c.dep_ in ("ccomp", "oprd", "acomp", "xcomp") and c.lower_ in _ACCOUNTABLE]
        targets = self.args.actors_of_all([s for c in held for s in c.children if s.dep_ in ("nsubj", "dobj")] +
                                          [o for o in verb.children if o.dep_ == "dobj"]) if held else []
        sources, _ = self.args.source_actors(verb)
        if not targets or not sources:
            return []
        warning = Pattern("hold", frozenset(), ("dobj",), "130", "THREATEN", "", "frame:accountable")
        return self._pairs(verb, warning, sources, targets, trigger=verb) or []

    def _verb_patterns(self, verb: Token) -> tuple[Pattern, ...]:
        lemma = verb.lemma_.lower() if verb.pos_ in ("VERB", "AUX") else verb.lower_
        # "stepped down", "pulled back from": the parse often makes the particle an adverb
        particles = [c.lower_ for c in verb.children
                     if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ in _PARTICLES)]
        for particle in particles:
            found = self.tables.verbs.get(f"{lemma} {particle}")
            if found:
                return found
        for prep in (c for c in verb.children if c.dep_ == "prep"):
            found = self.tables.verbs.get(f"{lemma} {prep.lower_}")
            objects = [obj for obj in prep.children if obj.dep_ == "pobj"]
            if found and objects and (lemma not in self.tables.verbs or any(
                    self.args.actors_of(obj) or any(obj.lemma_.lower() in row.required for row in found)
                    for obj in objects) or _appeal(verb, prep)):
                return found  # "pulled out of Syria", "walked off the job", "cordoned off the area"
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
            # "the suspension of heightened tariffs on China": the recipient can hang on what the noun is of
            targets = self.args.targets(noun, code_from.targets, held(noun))
        found = self._verb_targets(verb, pattern, code_from, objects, sources, passive_tokens, targets)
        if found is None:
            return None
        targets, code_from = found
        if noun is not None and noun.lemma_.lower() in CONCERNS:
            targets = worried_about(targets, noun)
            if not targets:
                return None
        coder = f"{pattern.id}+{code_from.id}" if code_from is not pattern else pattern.id
        if self._plover_of(code_from) == "AID" and (kind_of_aid := aid_kind(objects)) is not None:
            # "$1 billion in new security assistance": the kind the aid noun names, not the money's
            code_from = dataclasses.replace(code_from, cameo=kind_of_aid[0], plover="AID", mode=kind_of_aid[1])
        kind = frame_words().get(verb.lemma_.lower())
        if kind is not None and not pattern.is_light:
            code_from, targets, coder = self._framed(verb, kind, code_from, sources, targets, coder)
        if self._plover_of(code_from) == "THREATEN":
            targets = self._threatened(verb, sources, targets)
        code_from, sources, targets = self._retyped(verb, code_from, sources, targets)
        if self._plover_of(code_from) == "SUPPORT" and targets:
            targets = others(sources, targets)
            if not targets:
                return None  # "to support American workers": a government backing its own people is policy
        if not targets and not_mutual(verb, code_from, sources, objects or passive_tokens):
            # each acts alone where the category allows it ("the rebels and their allies freed the crew")
            alone = [self._pairs(verb, code_from, [hit], [], trigger=verb, coder=coder) or [] for hit in sources]
            return [e for events in alone for e in events] or None
        return self._pairs(verb, code_from, sources, targets, trigger=verb, coder=coder)

    def _framed(self, verb: Token, kind: str, pattern: Pattern, sources: list[ActorHit], targets: list[ActorHit],
                coder: str) -> tuple[Pattern, list[ActorHit], str]:
        """A frame verb's own event, made specific by what it governs: "urged China to release the
        activists" is REQUEST yield (0253); "refused to lift the curfew" REJECT yield; "threatened to strike"
        THREATEN violence. With no target of its own it takes the actors the complement acts on or names."""
        governed = complements(verb)
        if not governed:
            return pattern, targets, coder
        code = next((c for c in (complement_code(self.tables, g) for g in governed) if c is not None), None)
        if kind in ABSORBED and pattern.cameo in GENERIC:
            demand = pattern.cameo.startswith("10")
            entry = self.tables.frame_code(kind, code, demand)
            pattern = dataclasses.replace(pattern, cameo=entry.code, plover=entry.plover, mode=entry.mode)
            coder = f"{coder}+frame:{kind}"
        if not targets and (kind in ABSORBED or pattern.cameo in GENERIC):
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
        # "refused to respond to a demand from the US President to adhere to deals reached with Israel": a clause on
        # a noun deeper inside is that noun's own story (not "the sanctions imposed by the US": its agent is named)
        own |= {t.i for c in word.subtree if c.i != word.i and c.head.pos_ in ("NOUN", "PROPN") and (
            c.dep_ == "relcl" or (c.dep_ == "acl" and not any(a.dep_ == "agent" for a in c.children)))
            for t in c.subtree}
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
                candidates += [word, *held(word)]
        for phrase in (p for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in ("with", "in")
                       for p in prep.children if p.dep_ == "pobj"):
            candidates += [phrase, *held(phrase)]  # "engaged in multiple rounds of negotiations"
        for candidate in candidates:
            if candidate.ent_type_ in _WHEN or call_for(candidate):
                continue  # "began in March 2003": a month, not a march; "renewed its call for talks": an appeal
            pattern = noun_pattern(self.tables, candidate)
            if pattern is not None:
                return candidate, pattern
        return None

def _appeal(verb: Token, prep: Token) -> bool:
    """"I call on all forces to invest in diplomacy": a request to someone we cannot name, not a phone call ("called
    his counterpart on Tuesday to coordinate" is one)."""
    if any(c.dep_ == "dobj" and c.pos_ in ("PROPN", "PRON") for c in verb.children) or any(
            o.ent_type_ in _WHEN for o in prep.children):
        return False
    clauses = [*verb.children, *(t for o in prep.children for t in o.subtree)]
    return frame_words().get(f"{verb.lemma_.lower()} {prep.lower_}") == "request" and any(
        c.dep_ in ("xcomp", "advcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in clauses)


def _asked_for(word: Token) -> bool:
    """A frame word that is itself inside a request, refusal or threat ("urged X to [stop] arming")."""
    for _ in range(3):
        frame = governing_frame(word)
        if frame is None:
            return False
        if frame.kind in ABSORBED and word.pos_ in ("VERB", "AUX"):
            return True
        word = frame.word
    return False


def coded_pairs(doc: Doc) -> set[tuple[int, str, str]]:
    """(sentence, source state code, target state code) of every event already on the doc, either way round:
    a component that proposes events after the rules leaves these pairs alone."""
    pairs: set[tuple[int, str, str]] = set()
    for event in doc._.mp_events or []:
        pairs.add((event.sentence, event.source.state_code, event.target.state_code))
        pairs.add((event.sentence, event.target.state_code, event.source.state_code))
    return pairs
