"""Appeals in nouns: "defying demands from Brazil", "ignored calls by France to let convoys in", "Beijing's
insistence that Manila remove the warship". The noun is a REQUEST by whoever it is from, made of whoever must do
what it asks (the subject of its "that" clause) or, where that is not named, of whoever answers it (the subject
of the verb that defies, ignores or rejects it; a demand accepted or met is the concession the rules code, not
also a request). Asked of no one named, it is left to the other rules."""

from __future__ import annotations

from spacy.tokens import Token

from multipolar.coding.tables import Pattern, word_list
from multipolar.nlp.events.arguments import ActorHit
from multipolar.nlp.events.coded import CodedEvent
from multipolar.nlp.events.frames import complement_code, infinitive
from multipolar.nlp.events.nouns import NounEvents

_APPEAL_NOUNS = word_list("appeal_nouns")
_DEMAND_NOUNS = word_list("demand_nouns")
"""Appeal nouns that demand (CAMEO 10x) rather than ask (02x)."""
_ANSWERING = word_list("appeal_answering_verbs")
"""Verbs whose subject is the one an appeal was made to: "defied", "ignored", "rejected"."""


class AppealNouns(NounEvents):
    """Requests named by a noun whose maker is named on it."""

    def _appeal_events(self, noun: Token) -> list[CodedEvent]:
        lemma = noun.lemma_.lower()
        if lemma not in _APPEAL_NOUNS or noun.pos_ != "NOUN":
            return []
        asked = _asked_for(noun)
        if lemma == "call" and not asked:
            return []  # "a call from the president" is as often a phone call
        sources = self._appeal_makers(noun)
        own = {ref.state_code for m, _ in sources for ref in m.actors}
        targets = [(m, t) for m, t in self._appeal_addressees(noun, asked)
                   if not {ref.state_code for ref in m.actors} <= own]
        if not sources or not targets:
            return []
        code = next((c for c in (complement_code(self.tables, a) for a in asked) if c is not None), None)
        entry = self.tables.frame_code("request", code, demand=lemma in _DEMAND_NOUNS)
        appeal = Pattern(lemma, frozenset(), ("none",), entry.code, entry.plover, entry.mode, f"noun:{lemma}/appeal")
        return self._pairs(noun, appeal, sources, targets, trigger=noun) or []

    def _appeal_makers(self, noun: Token) -> list[ActorHit]:
        """Who made the appeal: "demands from Brazil", "calls by France", "Beijing's insistence", "its demand"."""
        makers = [o for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
                  for o in c.children if o.dep_ == "pobj"]
        found = self.args.actors_of_all(makers)
        return found or [a for c in noun.children if c.dep_ in ("poss", "amod", "compound")
                         for a in self.args.actors_of(c, pronouns=True)]

    def _appeal_addressees(self, noun: Token, asked: list[Token]) -> list[ActorHit]:
        """Who must do what is asked ("that Manila remove"), else who was called on, else who answers it."""
        doers = [s for clause in asked if clause.pos_ in ("VERB", "AUX") and (_that_clause(clause) or _for_to(clause))
                 for s in clause.children if s.dep_ == "nsubj"]
        called_on = [o for c in noun.children if c.dep_ == "prep" and c.lower_ in ("on", "upon", "to")
                     for o in c.children if o.dep_ == "pobj"]
        # "the call by Poland for NATO to station more troops": who is to do the infinitive is asked
        called_on += [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "for"
                      for o in c.children if o.dep_ == "pobj" and _infinitive_after(noun, o)]
        found = self.args.actors_of_all(doers) or self.args.actors_of_all(called_on)
        if not found and noun.dep_ == "dobj" and noun.head.lemma_.lower() in _ANSWERING:
            found = self.args.source_actors(noun.head)[0]
        return found


def _infinitive_after(noun: Token, doer: Token) -> bool:
    """"for NATO to station": an infinitive on the noun, right after the one it is asked of."""
    return any(c.dep_ in ("acl", "advcl", "relcl") and infinitive(c) and c.left_edge.i == doer.right_edge.i + 1
               for c in (*noun.children, *doer.children))


def _for_to(verb: Token) -> bool:
    """"for the United States to end its embargo": an infinitive with its own subject, marked by "for"."""
    return infinitive(verb) and any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children)


def _that_clause(verb: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)


def _asked_for(noun: Token) -> list[Token]:
    """What the appeal asks for: its "that" clause (on the noun, or on the verb right after it: "reiterated its
    demand today that Israel ease ..."), its infinitive ("calls to let convoys in"), its "for" object."""
    clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX") and (
        _that_clause(c) or infinitive(c))]
    clauses += [c for c in noun.children if c.dep_ == "advcl" and _for_to(c)]  # "its call for the US to end"
    if not clauses and noun.dep_ == "dobj":
        # "ignored calls by France to let convoys in": the parse hangs the appeal's clause on the verb
        clauses = [c for c in noun.head.children if c.i > noun.i and (
            (c.dep_ == "ccomp" and _that_clause(c)) or (c.dep_ in ("advcl", "xcomp") and infinitive(c)
                                                         and c.left_edge.i == noun.right_edge.i + 1))]
    wanted = [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "for" for o in c.children
              if o.dep_ == "pobj"]
    return clauses + wanted
