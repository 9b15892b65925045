"""What a speaker does by saying it, in the shapes no verb row reaches: thanks said with an adjective ("We are
grateful to Japan"), an appeal made with a noun ("our call for the lifting of the embargo"), and the document's
own condemnations and rejections of acts whose doer it does not name (a UN speech's "we condemn the use of
chemical weapons"). The verbs of thanks, praise and appeal themselves are in the tables."""

from __future__ import annotations

import dataclasses

from spacy.tokens import Token

from multipolar.coding.tables import Pattern, word_list
from multipolar.nlp.events.arguments import ActorHit
from multipolar.nlp.events.coded import CodedEvent
from multipolar.nlp.events.frames import complement_code
from multipolar.nlp.events.nouns import NounEvents
from multipolar.nlp.events.slots import aid_kind
from multipolar.nlp.spans import ActorMention, ActorRef, quoted_char_ranges, text_of

GRATEFUL = word_list("grateful_adjectives")
"""Adjectives of thanks: "we are grateful to X" praises X as "we thank X" does (PLOVER SUPPORT, CAMEO 051)."""
_DONORS = word_list("donor_nouns")
"""Nouns that say their subject gives: "we are the largest donor of humanitarian assistance in Afghanistan"."""
_COPULAS = frozenset({"be", "remain", "become"})
"""Verbs that join a speaker to an adjective or noun of thanks or giving ("we remain grateful")."""


_JUDGEMENTS = frozenset({"ACCUSE", "REJECT"})
"""What a speaker does to an act it names without its doer: condemns it, rejects it."""


_DEMANDING = frozenset({"must", "should"})
"""Modals that make a voice's sentence about another actor a demand of it ("the Council must act")."""


class SpeechActs(NounEvents):
    """The speech acts the verb half of the coder cannot read from a verb of its own."""

    def voice_refs(self) -> tuple[ActorRef, ...]:
        """The one state the document's "we" speaks for (its voice mentions), else nothing: a joint statement's
        "we" is several, and a text without a "we" of its own has no voice to read."""
        cached = getattr(self, "_voice_cache", None)
        if cached is None:
            voiced = {ref.state_code: m.actors for m in self.doc._.mp_mentions or () if m.how == "voice"
                      for ref in m.actors}
            cached = next(iter(voiced.values())) if len(voiced) == 1 else ()
            self._voice_cache: tuple[ActorRef, ...] = cached
        return cached

    def _voice_demand_events(self, verb: Token) -> list[CodedEvent]:
        """"The international community must act decisively", "Pyongyang must cease its provocations": a text of
        one voice saying in its own words what another actor must or should do demands it of that actor (REQUEST,
        with the mode of what is demanded). What someone the text reports says is theirs (`_obligation_events`),
        "we must" is the voice's own resolve, and what must be done by no one named is no one's."""
        modal = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ in _DEMANDING), None)
        voice = self.voice_refs()
        if modal is None or not voice or not self._voices_own_clause(verb) or \
                any(c.dep_ in ("nsubjpass", "csubj") for c in verb.children) or \
                any(start <= verb.idx < end for start, end in self._quoted()):
            return []
        own = {ref.state_code for ref in voice}
        subjects = self.args.source_actors(verb)[0]
        targets = [(m, t) for m, t in subjects if not {ref.state_code for ref in m.actors} <= own]
        if not targets or len(targets) < len(subjects):  # "we must work together with India": a resolve
            return []
        asked = complement_code(self.tables, verb)
        entry = self.tables.frame_code("request", asked)
        demand = Pattern(modal.lower_, frozenset(), ("nsubj",), entry.code, entry.plover, entry.mode,
                         "frame:voice-demand")
        speaker = ActorMention(modal.i, modal.i + 1, voice, "voice")
        return self._pairs(modal, demand, [(speaker, modal)], targets, trigger=verb) or []

    @staticmethod
    def _voices_own_clause(verb: Token) -> bool:
        """The clause is the text's own statement: a main clause or one joined to it; not a reported, conditional
        or relative clause (what the voice says it believes is `_obligation_events`' demand)."""
        node = verb
        while node.dep_ == "conj":
            node = node.head
        return node.dep_ == "ROOT"

    def _quoted(self) -> list[tuple[int, int]]:
        cached = getattr(self, "_quoted_cache", None)
        if cached is None:
            cached = quoted_char_ranges(text_of(self.doc))
            self._quoted_cache: list[tuple[int, int]] = cached
        return cached

    def _gratitude_events(self, adjective: Token) -> list[CodedEvent]:
        """"We are also grateful to the United Nations and France (for their support)": the subject praises
        whoever it is grateful to; what they are thanked for is their own act (`NounEvents`)."""
        thanked = self.args.actors_of_all([o for prep in adjective.children if prep.dep_ == "prep"
                                           and prep.lower_ == "to" for o in prep.children if o.dep_ == "pobj"])
        sources, _ = self.args.source_actors(adjective.head)
        if not thanked or not sources:
            return []
        thanks = Pattern(adjective.lemma_.lower(), frozenset(), ("none",), "051", "SUPPORT", "", "adjective:grateful")
        return self._pairs(adjective, thanks, sources, thanked, trigger=adjective) or []

    def _voice_judgement(self, verb: Token, patterns: tuple[Pattern, ...], lemmas: set[str],
                         sources: list[ActorHit]) -> list[CodedEvent]:
        """"We condemn the use of chemical weapons", "we categorically reject that plan": the document's own
        condemnation or rejection of what no named actor did is its event with no recipient (the document gold's
        `target: null`); the same words in anyone else's mouth need a recipient. (A joint statement's "we" is
        left alone: its signatories do not condemn one another.)"""
        if not sources or any(m.how != "voice" for m, _ in sources) or \
                len({ref.state_code for m, _ in sources for ref in m.actors}) != 1:
            return []
        for pattern in patterns:
            if not pattern.is_light and self._plover_of(pattern) in _JUDGEMENTS and (
                    not pattern.required or lemmas & pattern.required):
                alone = dataclasses.replace(pattern, targets=("none",))
                return self._pairs(verb, alone, sources, [], trigger=verb, coder=f"{pattern.id}+voice") or []
        return []

    def _donor_events(self, verb: Token) -> list[CodedEvent]:
        """"We are proud to be the largest single donor of humanitarian assistance in Afghanistan", "Norway is the
        largest donor to the Palestinian Authority": the subject gives aid (of the kind its "of" names) to whoever
        it is given to or in; with no one named, nothing (AID needs a recipient)."""
        if verb.lemma_.lower() not in _COPULAS:
            return []
        donors = [c for c in verb.children if c.dep_ == "attr" and c.lemma_.lower() in _DONORS]
        given = [o for d in donors for prep in d.children if prep.dep_ == "prep" and prep.lower_ == "of"
                 for o in prep.children if o.dep_ == "pobj"]
        slots = [o for h in [*donors, *given] for prep in h.children if prep.dep_ == "prep"
                 and prep.lower_ in ("to", "in", "for") for o in prep.children if o.dep_ == "pobj"]
        sources, _ = self.args.source_actors(verb)
        targets = self.args.actors_of_all(slots)
        if not donors or not sources or not targets:
            return []
        code, mode = aid_kind(given) or ("070", "")
        donor = Pattern(donors[0].lemma_.lower(), frozenset(), ("none",), code, "AID", mode, "noun:donor/aid")
        return self._pairs(donors[0], donor, sources, targets, trigger=donors[0]) or []

    def _call_events(self, noun: Token) -> list[CodedEvent]:
        """"We reiterate our call for the total lifting of the arms embargo", "Kenya's call on Japan for
        talks": a request by whoever the call is of, with the mode of what it asks for, to whoever it is on
        (else to the actors the demand names, else to no one named)."""
        if not call_for(noun):
            return []
        preps = {c.lower_: [o for o in c.children if o.dep_ == "pobj"] for c in noun.children if c.dep_ == "prep"}
        demanded = preps.get("for", [])
        sources = [a for c in noun.children if c.dep_ == "poss" for a in self.args.actors_of(c, pronouns=True)]
        if not demanded or not sources:
            return []
        asked = next((c for c in (complement_code(self.tables, d) for d in demanded) if c is not None), None)
        entry = self.tables.frame_code("request", asked)
        own = {ref.state_code for m, _ in sources for ref in m.actors}
        targets = self.args.actors_of_all(preps.get("on", [])) or [
            (m, t) for d in demanded for t in d.subtree if (m := self.args.mentions.get(t.i)) is not None
            and t.i == m.start and not {ref.state_code for ref in m.actors} <= own]
        call = Pattern("call", frozenset(), ("prep:on", "none"), entry.code, entry.plover, entry.mode,
                       "noun:call/request")
        return self._pairs(noun, call, sources, targets, trigger=noun) or []


def call_for(noun: Token) -> bool:
    """"our call for the lifting of the embargo": an appeal, not a phone call (whatever verb carries it)."""
    return noun.lemma_.lower() == "call" and noun.pos_ == "NOUN" and any(
        c.dep_ == "prep" and c.lower_ == "for" for c in noun.children)
