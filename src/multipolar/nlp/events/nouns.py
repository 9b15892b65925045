"""Events in nouns: "the Russian invasion of Ukraine", "Western sanctions on Russia", "a hunger strike by
opposition politicians", "at the request of the United States"."""

from __future__ import annotations

from spacy.tokens import Token

from multipolar.coding.tables import Pattern, word_list
from multipolar.nlp.events.arguments import ActorHit, between_phrases
from multipolar.nlp.events.assembly import EventAssembler
from multipolar.nlp.events.clauses import clause_verb, wished_for
from multipolar.nlp.events.coded import CodedEvent
from multipolar.nlp.events.frames import governing_frame, noun_pattern
from multipolar.nlp.events.selection import MATERIAL

ABSORBED = frozenset({"request", "refuse", "threaten"})
"""Frames whose complement is not coded on its own: it is what the request, refusal or threat is about."""
_ASKED_OR_AIMED = frozenset({"request", "aim"})
"""Frames inside whose complement an event noun is not a fact ("demanded that the US match the EU's support")."""
_PROMISED = frozenset({"commit"})
"""An event noun deeper inside a promise has not happened ("ready to host a meeting between Israelis and the
PLO"); the promise's own object is the promise's ("agreed to a ceasefire")."""
_RECEIVER_VERBS = word_list("receiver_verbs")
_STATIVE_NOUNS = word_list("stative_nouns")
"""Nouns that name a standing relation, not an act: they code only as a light verb's object ("formed an
alliance", "provided support"), never on their own ("the Russia-China alliance is driven by ...")."""
_ACTS_WITH_A_RECIPIENT = word_list("acts_with_a_recipient")
"""Stative nouns that do name an act when a recipient follows: "China's support for Russia's defence
industry" is China supporting Russia; "public support" is not an event."""
_OFFER_ANSWERS = word_list("offer_answering_verbs")
"""Verbs whose subject is the one an offer was made to: "turned down an offer by the African Union to mediate"."""
_ALONE_NOUNS = frozenset({"PROTEST"})
_MEETING_PREPS = frozenset({"for", "during", "after", "following"})
"""A meeting noun in these phrases was held by the doer of the verb they hang on ("flew to Washington for talks")."""
_WITNESS_VERBS = word_list("witness_verbs")
_LANDING_VERBS = word_list("landing_verbs")
"""Participles whose agent saw or judged the act, not did it: "the buildup of Rwandan troops, documented by UN
experts"."""


class NounEvents(EventAssembler):
    """The noun half of the coder (the verb half, `coder._DocReader`, builds on it)."""

    def _noun_events(self, noun: Token) -> list[CodedEvent]:
        if noun.ent_type_ in ("DATE", "TIME"):
            return []  # "the programme that began in March 2003": a month, not a march
        lemma = noun.lemma_.lower()
        thanked = self.args.thanked_for(noun)
        if lemma in _STATIVE_NOUNS and not thanked and not (lemma in _ACTS_WITH_A_RECIPIENT and any(
                c.dep_ == "prep" and c.lower_ in ("for", "to") for c in noun.children)):
            return []
        pattern = noun_pattern(self.tables, noun)
        frame = governing_frame(noun)
        refused_request = frame is not None and frame.kind == "refuse" and pattern is not None and (
            self._plover_of(pattern) == "REQUEST" or (lemma == "offer" and bool(_answerer(noun))))
        if pattern is None or (frame is not None and frame.kind in ABSORBED | {"undo", "aim"} and not refused_request):
            return []  # "called for the release of", "lifted its sanctions": asked for, or undone
        if wished_for(noun, _ASKED_OR_AIMED) or wished_for(noun, _PROMISED):
            return []  # "demanded that the United States match the EU's support for ...": inside the demand
        sources = self._noun_doers(noun, pattern)
        named_doer = bool(sources)
        if thanked and not self.args.actors_of_all([c for c in noun.children if c.dep_ == "poss"]):
            sources = thanked  # "grateful to France for the support provided to our army": France gave it
        if not sources and self._plover_of(pattern) in MATERIAL | {"RETREAT"}:
            sources = self._pronoun_doer(noun)  # "their assault", "its withdrawal": acts, not treaties
        targets = self._noun_recipients(noun, pattern, sources, thanked)
        if not sources:
            sources = self._governing_doer(noun, pattern)
        if not sources and not targets:
            sources, targets = self._between(noun)  # "the talks between Beijing and Washington"
        target_codes = {ref.state_code for m, _ in targets for ref in m.actors}
        domestic = all(ref.kind != "state" for m, _ in [*sources, *targets] for ref in m.actors)
        sources = [(m, t) for m, t in sources  # a state's own bodies and people can act on each other
                   if not {ref.state_code for ref in m.actors} <= target_codes or not targets or domestic]
        if not sources:
            return []
        # "a hunger strike by opposition politicians", "the students' march": a protest whose doer the noun names
        # is an event even with no recipient; other nouns need one ("India's pullback" is often a comparison)
        # "Ukraine's withdrawal from Avdiivka": a withdrawal from a named place is one, whoever held it
        withdrawal = self._plover_of(pattern) == "RETREAT" and any(c.dep_ == "prep" and c.lower_ == "from"
                                                                 for c in noun.children)
        # "the Dutch Safety Board's inquiry into the downing of MH17": an investigation need not be into anyone (v2)
        alone = named_doer and (self._plover_of(pattern) in _ALONE_NOUNS or withdrawal or (
            pattern.mode == "investigate" and _reported(noun)))
        return self._pairs(noun, pattern, sources, targets, trigger=noun, alone_ok=alone) or []

    def _noun_doers(self, noun: Token, pattern: Pattern) -> list[ActorHit]:
        """Who the event noun names as doing it: "the Russian invasion", "Russia's", "by the United States"."""
        sources = self.args.actors_of_all(
            [c for c in noun.children if c.dep_ in ("amod", "poss", "compound", "nmod")]
            + [obj for c in noun.children if c.dep_ == "prep" and c.lower_ in ("from", "by")
               for obj in c.children if obj.dep_ == "pobj"]
            # "the arrest of Imran Khan by Pakistani rangers": the parse often hangs "by" on the "of" object
            + [obj for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
               for by in o.children if by.dep_ == "prep" and by.lower_ == "by"
               for obj in by.children if obj.dep_ == "pobj"]
            # "the sanctions imposed by the United States", "the commitment made by the European Union"
            + [obj for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() not in _WITNESS_VERBS
               for agent in c.children if agent.dep_ == "agent" for obj in agent.children if obj.dep_ == "pobj"])
        if not sources and not any(spec.startswith("prep:") and "of" in spec[5:].split("|")
                                   for spec in pattern.targets):
            # "the intrusion of China Coast Guard vessels into Japan's waters": where "of" does not name the
            # one acted upon, it names the doer
            sources = self.args.actors_of_all([obj for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                                               for obj in c.children if obj.dep_ == "pobj"])
        return sources

    def _noun_recipients(self, noun: Token, pattern: Pattern, sources: list[ActorHit],
                         thanked: list[ActorHit]) -> list[ActorHit]:
        """Who the event noun acts on: its own phrase, else who receives, faces or lives under it."""
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
        if not targets and noun.lemma_.lower() == "offer" and _answerer(noun) is not None:
            # "Sudan's army chief turned down an offer by the African Union to mediate": an offer was made to
            # whoever answers it, as a request was (`_asked`)
            targets = self.args.source_actors(noun.head)[0]
        if not targets and self._plover_of(pattern) == "CONSULT":
            targets = self._partner_of_governor(noun)
        if not targets and thanked:
            targets = self.args.thanker(noun)
        if not targets and sources and self._plover_of(pattern) in MATERIAL:
            targets = self.args.place_target(noun, sources)  # "drone strikes on towns in north-east Syria"
            if not targets and noun.dep_ == "nsubj" and noun.head.lemma_.lower() in _LANDING_VERBS:
                # "A drone attack by Ukraine hit an airbase deep inside Russia": where the act landed
                targets = self.args.place_target(noun.head, sources) or self.args.actors_of_all(
                    [o for o in noun.head.children if o.dep_ == "dobj"])
        if not targets and sources and noun.dep_ == "dobj" and noun.head.lemma_.lower() in _RECEIVER_VERBS:
            # "Russia is facing sanctions from the West": the one who faces them is the target
            targets, _ = self.args.source_actors(noun.head)
        if not targets and sources and noun.dep_ == "pobj" and noun.head.lower_ == "under":
            # "Zimbabwe has lived (for decades) under sanctions imposed by the United States": the one living
            # under them
            targets, _ = self.args.source_actors(clause_verb(noun.head))
        return targets

    def _partner_of_governor(self, noun: Token) -> list[ActorHit]:
        """"issued a joint statement with China after successful negotiations": talks the sentence's act came
        out of were held with the partner of that act."""
        governor = noun.head.head
        if noun.dep_ != "pobj" or noun.head.lower_ not in _MEETING_PREPS or governor.pos_ not in ("VERB", "AUX"):
            return []
        holders = [governor, *(o for o in governor.children if o.dep_ == "dobj")]
        return [a for h in holders for prep in h.children if prep.dep_ == "prep" and prep.lower_ == "with"
                for o in prep.children if o.dep_ == "pobj" for a in self.args.actors_of(o)]

    def _governing_doer(self, noun: Token, pattern: Pattern) -> list[ActorHit]:
        """"X described ... during a state visit to Moscow", "we have stood together in firm opposition to
        Russia's war", "Modi flew to Washington for talks with Biden": the one doing it is the subject of the
        verb."""
        governor = noun.head.head
        if governor.lemma_.lower() == "part" and governor.dep_ == "dobj":
            governor = governor.head  # "took part in joint drills"
        meeting = self._plover_of(pattern) == "CONSULT" and noun.head.lower_ in _MEETING_PREPS
        if noun.dep_ == "pobj" and governor.pos_ in ("VERB", "AUX") and (
                (noun.head.lower_ in ("during", "on", "in") and noun.lemma_.lower() in ("visit", "trip", "tour"))
                or (noun.head.lower_ in ("in", "into") and noun.head.dep_ == "prep") or meeting):
            return self.args.source_actors(governor)[0]
        return []

    def _between(self, noun: Token) -> tuple[list[ActorHit], list[ActorHit]]:
        """"the talks between Beijing and Washington", "the conversation between Xi and Biden": the first party
        acts, the others are acted on (a meeting gives the reverse too)."""
        parties = self.args.actors_of_all([o for prep in between_phrases([noun]) for o in prep.children
                                           if o.dep_ == "pobj"])
        first = {ref.state_code for ref in parties[0][0].actors} if parties else set()
        others = [(m, t) for m, t in parties[1:] if not {ref.state_code for ref in m.actors} <= first]
        return (parties[:1], others) if others else ([], [])

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
            verb: Token | None = clause_verb(noun.head)
            if verb is not None and verb.pos_ not in ("VERB", "AUX"):
                verb = _next_root(noun)  # a fact sheet's "In response to a request from Haiti:" before its measure
            return self.args.source_actors(verb)[0] if verb is not None else []
        return []

    def _pronoun_doer(self, noun: Token) -> list[ActorHit]:
        """"Hamas fighters committed rape during their assault": "their" is the subject of the verb the
        event noun hangs on."""
        pronoun = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
        governor = noun.head.head if noun.dep_ == "pobj" else noun.head
        if pronoun is None or governor.pos_ not in ("VERB", "AUX"):
            return []
        return self.args.source_actors(governor)[0]


def _answerer(noun: Token) -> Token | None:
    """The verb that accepts, rejects or weighs the noun as its object ("turned down an offer", "would consider
    Algeria's offer", "the offer was rejected")."""
    verb = noun.head
    if noun.dep_ not in ("dobj", "nsubjpass") or verb.pos_ not in ("VERB", "AUX"):
        return None
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    lemma = verb.lemma_.lower()
    return verb if lemma in _OFFER_ANSWERS or f"{lemma} {particle}" in _OFFER_ANSWERS else None


def _next_root(word: Token) -> Token | None:
    """The verb of the sentence after a heading that ends with a colon and has no verb of its own."""
    sentence = word.sent
    if sentence[-1].lower_ != ":" and not (len(sentence) > 1 and sentence[-2].lower_ == ":"):
        return None
    if sentence.end >= len(word.doc):
        return None
    root = word.doc[sentence.end].sent.root
    return root if root.pos_ in ("VERB", "AUX") else None


def _reported(noun: Token) -> bool:
    """An investigation told of as happening: into something, or an argument of a clause ("launched an inquiry",
    "the probe found"), not one named in passing ("assistance with Chile's investigation")."""
    return noun.head.pos_ in ("VERB", "AUX") or any(
        c.dep_ == "prep" and c.lower_ in ("into", "of") for c in noun.children)
