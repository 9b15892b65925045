"""Who a verb's event is aimed at when the pattern's own slots name no one: the place a material act lands on,
the act a show of force answers, a state's own people for domestic acts, the crowd of a place; and what the pair
makes of the event (a state's ban on its own people is COERCE, talks in one side's city a visit)."""

from __future__ import annotations

import dataclasses

from spacy.tokens import Token

from multipolar.coding.tables import Pattern, word_list
from multipolar.nlp.events.arguments import ActorHit, helping_clauses, object_controlled
from multipolar.nlp.events.clauses import own_subject, unresolved_recipient
from multipolar.nlp.events.pairs import HOSTED, MEDIATED, VISITED
from multipolar.nlp.events.selection import MATERIAL
from multipolar.nlp.events.speech_acts import SpeechActs
from multipolar.nlp.events.tree import deployed_to_place
from multipolar.nlp.spans import ActorMention, ActorRef

_TOPIC_RECIPIENTS = frozenset({"PROTEST", "CONCEDE"})
"""Types whose unnamed recipient is no reason to drop the event: the state's own people, or the topic."""
_PROTEST_TOPICS = frozenset({"against", "over"})
"""Prepositions of what a protest is about."""
_DOMESTIC_TYPES = frozenset({"COERCE", "ASSAULT", "SANCTION", "RETREAT", "CONCEDE"})
_UNNAMED_ATTACKERS = word_list("unnamed_attackers")
"""Doers an attack names only by its weapon or as unknown people ("a roadside bomb", "gunmen")."""
_PLACE_NAMES = frozenset({"name", "region", "capital"})
"""How a state is named as a place (as `arguments.place_target` reads it): its name, a territory, its capital."""
_PLACE_NOUNS = frozenset({"city", "town", "village", "province", "region", "district", "capital", "state"})
_NEEDS_RECIPIENT = frozenset({"COOPERATE", "AID", "SANCTION"})
"""The v2 categories that require a recipient: with none where the pattern looks, any actor the verb's own
phrase names is taken."""

def _own_side(sources: list[ActorHit], targets: list[ActorHit]) -> bool:
    """Every target is of the sources' own state."""
    states = {ref.state_code for m, _ in sources for ref in m.actors}
    return bool(targets) and all({ref.state_code for ref in m.actors} <= states for m, _ in targets)


class RecipientReader(SpeechActs):
    """The recipients the verb half of the coder (`coder._DocReader`) finds beyond the pattern's slots."""

    def _crowd_at_place(self, verb: Token, patterns: tuple[Pattern, ...]) -> list[ActorHit]:
        """"Rioters set cars ablaze in several French cities", "Thousands marched in Nairobi": a crowd no state
        is named for is the people of the place it protests in."""
        if not any(not p.is_light and self._plover_of(p) == "PROTEST" for p in patterns):
            return []
        crowd = [t for t in self.args.subjects(verb)[0] if t.lemma_.lower() in self.tables.crowd]
        if not crowd:
            return []
        place = self.args.place_target(verb, [])
        if not place:
            return []
        state = place[0][0].actors[0].state_code
        span = self.doc[crowd[0].left_edge.i : crowd[0].i + 1]
        people = ActorRef(state, span.text, "population", state, None)
        return [(ActorMention(span.start, span.end, (people,), "domestic"), crowd[0])]

    def _attack_at_place(self, verb: Token, patterns: tuple[Pattern, ...]) -> list[ActorHit]:
        """"A roadside bomb near Kirkuk killed a U.S. soldier", "were killed by an improvised explosive device
        outside the Iraqi city of Basra": an attack whose doer is named only by its weapon, or as unknown gunmen, is
        coded, as the PLOVER records code it, from the state where it struck (not a missile or a drone: those come
        from across a border; not an explosion alone: it may be an accident)."""
        if not any(not p.is_light and self._plover_of(p) == "ASSAULT" for p in patterns):
            return []
        doers = self.args.subjects(verb)[0]
        if not doers or not all(d.lemma_.lower() in _UNNAMED_ATTACKERS or any(
                c.lemma_.lower() in _UNNAMED_ATTACKERS for c in d.children if c.dep_ in ("compound", "amod"))
                                for d in doers):
            return []
        state = self._struck_place(verb, doers)
        if state is None:
            return []
        span = self.doc[doers[0].left_edge.i : doers[0].i + 1]
        unnamed = ActorRef(state, span.text, "other", state, None)
        return [(ActorMention(span.start, span.end, (unnamed,), "place"), doers[0])]

    def _struck_place(self, verb: Token, doers: list[Token]) -> str | None:
        """The state of the first place named in the attack's phrase or its weapon's ("in Kabul", "outside the
        Iraqi city of Basra"), not in the words of who was struck ("three US servicemen")."""
        struck = {c.i for c in verb.children if c.dep_ in ("dobj", "nsubjpass")}
        for token in sorted((t for d in (verb, *doers) for t in d.subtree), key=lambda t: t.i):
            mention = self.args.mentions.get(token.i)
            if mention is None or token.i != mention.start or token.head.i in struck or token.dep_ not in (
                    "pobj", "poss", "compound", "amod"):
                continue
            ref = mention.actors[0]
            if (ref.kind == "state" and mention.how in _PLACE_NAMES) or ref.category in ("city", "region") or (
                    mention.how == "adjective" and token.head.lemma_.lower() in _PLACE_NOUNS):
                return ref.state_code
        return None

    def _verb_targets(self, verb: Token, pattern: Pattern, code_from: Pattern, objects: list[Token],
                      sources: list[ActorHit], passive_tokens: list[Token],
                      targets: list[ActorHit]) -> tuple[list[ActorHit], Pattern] | None:
        """Who a verb's event is aimed at where the pattern's own slots name no one (None: no event)."""
        single = len({ref.state_code for m, _ in sources for ref in m.actors}) == 1
        joint = pattern.is_light and self._plover_of(code_from) == "COOPERATE"
        if not targets:
            # "Turkish and Iraqi forces carried out a joint operation against Kurdish militants": partners
            # cooperate with each other (or "with" someone), never with the ones the operation is against
            specs = ("prep:with|alongside",) if joint else pattern.targets if pattern.is_light else code_from.targets
            targets = self.args.targets(verb, specs, objects)
        plover = self._plover_of(code_from)
        placed = False
        if not targets and not joint and (plover in MATERIAL or (code_from.mode == "withdraw" and plover == "RETREAT")):
            targets = self.args.place_target(verb, sources)  # "pulled back from their positions around Kyiv"
            placed = bool(targets)
        if not targets and plover == "MOBILIZE":
            targets = self.args.answered_actors(verb, sources)  # "scrambled jets after Russian bombers flew ..."
        if not targets and plover == "ACCUSE" and code_from.mode != "investigate":
            # "condemned the coup in Gabon": what is condemned happened there (an inquiry into crimes in a place
            # investigates no one named)
            targets = [a for o in objects for a in self.args.place_target(o, sources)][:1]
        if not targets and object_controlled(verb):
            return None  # "invited Argentina, Egypt and Iran to join": they would not join each other
        if self._plover_of(code_from) == "MOBILIZE" and helping_clauses(verb, objects) and not _own_side(
                sources, targets or self.args.purpose_actors(verb, objects, [])):
            # "Rwanda sent 2,000 soldiers to Mozambique to help fight an insurgency": troops sent to help are aid
            # (not "sent army units to Puno to help police": helping one's own is mobilizing)
            code_from = dataclasses.replace(code_from, cameo="074", plover="AID", mode="military", id="purpose:help")
        if self._plover_of(code_from) == "AID" and code_from.cameo == "072" and (placed or deployed_to_place(verb)):
            # "sent tanks to the border with Gaza", "sent 36 warplanes around Taiwan": arms sent to a place, not to
            # anyone who receives them, are the sender's own forces deployed (MOBILIZE)
            code_from = dataclasses.replace(code_from, cameo="150", plover="MOBILIZE", mode="weapons",
                                            id="place:deploy")
        if not targets and single and self._plover_of(code_from) in _NEEDS_RECIPIENT:
            targets = self.args.phrase_actors(verb, sources) or self.args.purpose_actors(verb, objects, sources)
            # "extradited a businessman ... to China"; "providing assistance to support the Haitian authorities"
        if not targets and self._plover_of(code_from) in _DOMESTIC_TYPES:
            targets = self._domestic_recipient(verb, code_from, objects, passive_tokens, sources)
            if targets and self._plover_of(code_from) == "SANCTION":
                # "barred Boris Nadezhdin from the election": restricting one's own people is COERCE (v2)
                code_from = dataclasses.replace(code_from, cameo="172", plover="COERCE", mode="restrict")
        if not targets and "none" in code_from.targets and self._alone_category(code_from):
            # a protest "against the war in Gaza" is about the war: what the pattern's slot found nothing in is its
            # topic (v2), and the crowd protests to its own state
            targets = self.args.phrase_actors(verb, sources, _PROTEST_TOPICS if plover == "PROTEST" else frozenset())
            if not targets and single and plover not in _TOPIC_RECIPIENTS and code_from.mode != "investigate" and (
                    unresolved_recipient(verb, code_from.targets) or not own_subject(verb)):
                return None  # "fought an insurgency": a recipient we cannot name is not no recipient (a protest's
                # "against the bill", an inquiry's "into the deaths" is what it is about; a pardon "to the former
                # prime minister" goes to one of the state's own)
        return targets, code_from

    def _retyped(self, verb: Token, pattern: Pattern, sources: list[ActorHit],
                 targets: list[ActorHit]) -> tuple[Pattern, list[ActorHit], list[ActorHit]]:
        """What the pair makes of the event: a state's ban on its own people is COERCE, not SANCTION ("the Taliban
        barred Afghan women from working"); talks held in one side's city are the other side's visit."""
        source_states = {ref.state_code for m, _ in sources for ref in m.actors if ref.kind != "igo"}
        target_states = {ref.state_code for m, _ in targets for ref in m.actors}
        plover = self._plover_of(pattern)
        if plover == "SANCTION" and targets and len(source_states) == 1 and target_states <= source_states:
            return dataclasses.replace(pattern, cameo="172", plover="COERCE", mode="restrict"), sources, targets
        if plover == "CONSULT" and targets and pattern.cameo not in (HOSTED, VISITED, MEDIATED, "041"):
            host = self.args.meeting_place(verb, source_states | target_states)
            if host is not None and host in target_states - source_states:
                return dataclasses.replace(pattern, cameo=VISITED, mode="visit"), sources, targets
            if host is not None and host in source_states - target_states:
                return dataclasses.replace(pattern, cameo=VISITED, mode="visit"), targets, sources
        return pattern, sources, targets

    def _threatened(self, verb: Token, sources: list[ActorHit], targets: list[ActorHit]) -> list[ActorHit]:
        """A threat is aimed at another, never at the threatener's own forces: "China warned that its military
        would not sit idly by if the US House speaker visited Taiwan" threatens the United States."""
        source_states = {ref.state_code for m, _ in sources for ref in m.actors}
        others = [(m, t) for m, t in targets if not {ref.state_code for ref in m.actors} <= source_states]
        return others or self.args.condition_actors(verb, sources)

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
        # what a state's forces seize or restrict is its own people's ("confiscated their property", "searched the
        # offices of two opposition groups"), unless the phrase names another state
        plover = self._plover_of(pattern)
        # (not arrests: "managed to arrest the decline"; not cutting power or water: aimed at whoever uses it)
        anyone = plover == "COERCE" and pattern.mode in ("seize", "restrict", "censor") and \
            not pattern.cameo.startswith("19")
        for slot in slots:
            if slot.lemma_.lower() in self.tables.domestic or slot.ent_type_ == "PERSON" or (
                    anyone and slot.dep_ in ("dobj", "nsubjpass") and slot.pos_ in ("NOUN", "PROPN")):
                state = next(iter(states))
                span = self.doc[slot.left_edge.i : slot.i + 1]
                people = ActorRef(state, span.text, "population", state, None)
                return [(ActorMention(span.start, span.end, (people,), "domestic"), slot)]
        return []
