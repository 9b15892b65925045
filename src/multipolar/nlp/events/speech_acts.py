"""What a speaker does by saying it, in the shapes no verb row reaches: thanks said with an adjective ("We are
grateful to Japan"), an appeal made with a noun ("our call for the lifting of the embargo"), and the document's
own condemnations and rejections of acts whose doer it does not name (a UN speech's "we condemn the use of
chemical weapons"). The verbs of thanks, praise and appeal themselves are in the tables."""

from __future__ import annotations

import dataclasses

from spacy.tokens import Token

from multipolar.coding.tables import Pattern, word_list
from multipolar.nlp.events.appeals import AppealNouns
from multipolar.nlp.events.arguments import OCCASIONS, ActorHit
from multipolar.nlp.events.coded import CodedEvent
from multipolar.nlp.events.frames import complement_code, noun_pattern
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
_WELCOMING = frozenset({"welcome"})
"""Verbs by which a speaker backs what no actor it names did ("my country welcomes the holding of a conference"):
SUPPORT with no recipient, as the document gold reads a speech's own welcome, though SUPPORT is otherwise coded
only between two actors."""


_MANNERS = frozenset({"COOPERATE", "CONSULT"})
"""Kinds of event noun an "in ... with" phrase makes the manner of an act ("in close coordination with Japan")."""
_DEMANDING = frozenset({"must", "should"})
"""Modals that make a voice's sentence about another actor a demand of it ("the Council must act")."""


class SpeechActs(AppealNouns):
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
        if modal is None or not voice or not self._voices_own_clause(verb) or _asks(verb, modal) or \
                any(c.dep_ in ("nsubjpass", "csubj") for c in verb.children) or \
                any(start <= verb.idx < end for start, end in self._quoted()):
            return []
        own = {ref.state_code for ref in voice}
        # the subject itself, not what its phrase names ("the composition of the Security Council should reflect")
        heads = [w for c in verb.children if c.dep_ == "nsubj" for w in (c, *c.conjuncts)]
        subjects = [(m, t) for m, t in self.args.source_actors(verb)[0] if any(m.start <= w.i < m.end for w in heads)]
        targets = [(m, t) for m, t in subjects if not {ref.state_code for ref in m.actors} <= own]
        if not targets or len(targets) < len(subjects):  # "we must work together with India": a resolve
            return []
        asked = complement_code(self.tables, verb)
        entry = self.tables.frame_code("request", asked)
        demand = Pattern(modal.lower_, frozenset(), ("nsubj",), entry.code, entry.plover, entry.mode,
                         "frame:voice-demand")
        speaker = ActorMention(modal.i, modal.i + 1, voice, "voice")
        return self._pairs(modal, demand, [(speaker, modal)], targets, trigger=verb) or []

    def _manner_events(self, noun: Token) -> list[CodedEvent]:
        """"This is something we do in close partnership with Colombia", "Working in close cooperation with the
        UAE, the United States will ...": whoever does what the phrase describes cooperates (or consults) with
        whom the noun names; an opening gerund's doer is its clause's subject. What they do is coded on its own."""
        verb = _manner_verb(noun)
        pattern = noun_pattern(self.tables, noun) if verb is not None else None
        if verb is None or pattern is None or self._plover_of(pattern) not in _MANNERS:
            return []
        sources, _ = self.args.source_actors(verb)
        if not sources and verb.dep_ == "advcl" and verb.tag_ == "VBG":
            sources, _ = self.args.source_actors(verb.head)
        targets = self.args.targets(noun, pattern.targets, [])
        if not sources or not targets:
            return []
        return self._pairs(noun, pattern, sources, targets, trigger=noun) or []

    @staticmethod
    def _voices_own_clause(verb: Token) -> bool:
        """The clause is the text's own statement: a main clause or one joined to it (once: "must not only prevent
        ... but must also end" is one demand); not a reported, conditional or relative clause (what the voice says
        it believes is `_obligation_events`' demand)."""
        node = verb
        while node.dep_ == "conj":
            node = node.head
            if any(c.dep_ == "aux" and c.lower_ in _DEMANDING for c in node.children):
                return False
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
        """"We condemn the use of chemical weapons", "Brazil condemns these acts", "we call for the peaceful
        settlement of disputes": the document's own condemnation, rejection or appeal where no named actor did or
        is asked to do it is its event with no recipient (the document gold's `target: null`); the same words in
        anyone else's mouth need a recipient. (A joint statement's "we" is left alone: its signatories do not
        condemn one another.)"""
        if not sources or not all(self._voices(m) for m, _ in sources) or \
                len({ref.state_code for m, _ in sources for ref in m.actors}) != 1:
            return []
        appeal = self._appeal_for(verb) if self._subject_is_actor(verb) else set()
        if appeal:
            patterns, lemmas = self.tables.verbs.get(f"{verb.lemma_.lower()} for", ()), appeal
        # "I welcome the selection of the theme": the speaker's courtesy; the state welcomes as "we" or by name
        welcome = verb.lemma_.lower() in _WELCOMING and not _subordinate(verb) and not any(
            o.dep_ == "dobj" and o.lemma_.lower() in OCCASIONS for o in verb.children) and not any(
            t.lower_ == "i" for _, t in sources)
        kinds = _JUDGEMENTS | ({"REQUEST"} if appeal else set()) | ({"SUPPORT"} if welcome else set())
        for pattern in patterns:
            if not pattern.is_light and self._plover_of(pattern) in kinds and (
                    not pattern.required or lemmas & pattern.required):
                alone = dataclasses.replace(pattern, targets=("none",))
                return self._pairs(verb, alone, sources, [], trigger=verb, coder=f"{pattern.id}+voice",
                                   alone_any=welcome) or []
        return []

    def _voices(self, mention: ActorMention) -> bool:
        """The document's own voice: its "we", or in a speech of one state that state's own name ("Brazil
        condemns ...": a speaker names its country as often as it says "we")."""
        if mention.how == "voice":
            return True
        own = {ref.code for ref in self.voice_refs()}
        return mention.how == "name" and bool(own) and all(ref.kind == "state" and ref.code in own
                                                           for ref in mention.actors)

    def _subject_is_actor(self, verb: Token) -> bool:
        """The verb's subject is an actor itself ("we call for"), not a thing of one ("our strategy calls for")."""
        return any(c.dep_ == "nsubj" and c.i in self.args.mentions for c in verb.children)

    @staticmethod
    def _appeal_for(verb: Token) -> set[str]:
        """"We call for the peaceful resolution of disputes": the words of what the voice calls for (an appeal,
        not a telephone call), else nothing."""
        if verb.lemma_.lower() != "call" or any(c.dep_ == "dobj" for c in verb.children):
            return set()
        return {w.lemma_.lower() for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "for"
                for o in prep.children if o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME")
                for w in (o, *o.conjuncts)}

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


def _manner_verb(noun: Token) -> Token | None:
    """The verb an "in partnership with" phrase describes ("we do this in close partnership with Colombia"), else
    None."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ != "in" or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ in ("poss", "det") and c.lower_ not in ("a", "an") for c in noun.children):
        return None  # "in our partnership with", "in the cooperation with": a thing, which `NounEvents` reads
    return prep.head


def _subordinate(verb: Token) -> bool:
    """A clause of time, condition or concession, or one describing a thing ("As we welcome the treaty, we must
    ..."): not what the speaker does by saying it."""
    node = verb
    while node.dep_ == "conj":
        node = node.head
    if node.dep_ == "advcl" and any(c.lower_ == "why" for c in node.children):
        return False  # "That is why my country welcomes ...": the speaker's own act, given its reason
    return node.dep_ in ("advcl", "relcl", "acl", "xcomp", "pcomp") or any(
        c.dep_ == "mark" for c in node.children)


def _asks(verb: Token, modal: Token) -> bool:
    """A question ("from whom should the Government seek justice?"): the modal before its subject, or a question
    mark ending the sentence."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return (subject is not None and modal.i < subject.i) or verb.sent[-1].text == "?" or (
        len(verb.sent) > 1 and verb.sent[-2].text == "?")


def call_for(noun: Token) -> bool:
    """"our call for the lifting of the embargo", "its call for the United States to end ...": an appeal, not a
    phone call (whatever verb carries it)."""
    return noun.lemma_.lower() == "call" and noun.pos_ == "NOUN" and any(
        (c.dep_ == "prep" and c.lower_ == "for") or (c.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ == "for" for m in c.children)) for c in noun.children)
