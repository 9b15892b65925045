"""What a figure's own clause says about it: what it measures, from whom to whom, between which parties.

Why the clause and not the sentence: official prose packs several figures, and several actors, into one
sentence ("$500 million in new funding for energy assistance and $324 million ... towards emergency needs in
Ukraine"); reading a measure or a party anywhere in the sentence gives the wrong one. The words nearest the
figure in the parse decide: its own phrase, then the noun it modifies, then its verb, then its clause.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from multipolar.nlp.figures.goods import traded_goods
from multipolar.nlp.figures.investors import invested_by_aid_agency
from multipolar.nlp.figures.makers import (
    a_sale,
    buying,
    gives_another_sum,
    giving,
    is_first_person,
    is_private,
    names_a_giver,
    placed,
    promise_maker,
    promise_noun,
)
from multipolar.nlp.figures.measure import (
    FLOWS,
    TRADE,
    figure_measure,
    given_abroad,
    names_flow,
)
from multipolar.nlp.figures.roles import (
    in_opposed_clause,
    in_setting,
    in_source_phrase,
    in_title,
    is_acting,
    is_aggressor,
    is_place_of_act,
)
from multipolar.nlp.figures.syntax import (
    clause_tokens,
    controller,
    counted_noun,
    first_person_subject,
    flow_nouns,
    governing_verb,
    holders,
    named_flow,
    names_receiver,
    names_region,
    noun_phrase,
    own_phrase,
    per_unit,
    receiving,
    reported_passive,
    subject_token,
    verb_chain,
    with_others,
)
from multipolar.nlp.figures.words import words
from multipolar.nlp.spans import ActorMention

_RECEIVER_IS_SUBJECT = frozenset({"imports"})
"""For these the clause's subject receives the flow ("China imported $81 billion of gas from Russia")."""
_ANNOUNCED = frozenset({"aid", "loan", "loan_guarantee"})
"""Flows a document's own voice gives when the clause names no giver ("USAID will provide $125M"); an
investment or a trade figure names its own ends or has none."""

_NAMING_DEPS = ("compound", "amod", "poss", "nmod")
"""How a noun names the state it is of: "U.S. exports", "Canadian imports", "Japan's aid"."""
_RECIPIENT_PREPS = frozenset({"to", "for", "towards", "toward", "in", "into"})


@dataclass(frozen=True)
class FigureReading:
    """What the clause says: the measure, the flow's ends, the parties, a per-unit basis, a counted noun."""

    measure: str | None
    source: str | None
    target: str | None
    parties: tuple[str, ...]
    per: str | None
    counted: str | None


class FigureReader:
    """Reads figures of one document; knows its actor mentions and the actor it speaks for."""

    def __init__(self, doc: Doc, mentions: Iterable[ActorMention], voice: str | None) -> None:
        self.doc = doc
        self.by_token: dict[int, ActorMention] = {k: m for m in mentions if placed(m)
                                                  for k in range(m.start, m.end)}
        self.voice = voice
        self.last_flow: tuple[str | None, str | None] | None = None
        """The last flow read in the document: (giver, receiver)."""

    def read(self, span: Span, kind: str) -> FigureReading:
        per = per_unit(span)
        counted = counted_noun(span) if kind == "count" else None
        measure = figure_measure(span, kind, per)
        if measure is None and counted in words("in_kind_aid") and given_abroad(span.sent, any(
                m.actors[0].state_code not in (None, self.voice) for t in span.sent if (m := self.by_token.get(t.i)))):
            measure = "aid"  # "the 80 million vaccine doses previously announced ... to support COVAX": donated
        if measure == "investment" and kind == "money" and invested_by_aid_agency(span, self.by_token):
            measure = "aid"  # "USAID invested over $243 million in programming ...": a donor's outlay
        source = target = None
        if measure in FLOWS:
            source, target = self.direction(span, measure)
        if measure == "imports" and source is None and target is None and buying(span):
            measure = None  # "the Postal Service will purchase 45,000 vehicles": a purchase between no states
        if measure == "imports" and self._bought_from_voice(span, source, target):
            measure, source, target = "exports", self.voice, target  # "Australia agreed to purchase $1.2 billion"
        if measure == "imports" and source is not None and source == self.voice and target is None and buying(span):
            # "$3.4 billion in U.S. LNG purchases ... with Petronas in Malaysia": the voice's goods, to the state named
            measure, source, target = "exports", source, self.recipient_in_sentence(span, {source})
        if measure == "exports" and source is None and target != self.voice and \
                (a_sale(span) if target is not None else self._only_voice_named(span)):
            # "a $142 billion arms sale to Saudi Arabia", "a larger fall in exports by 13 per cent" in a text
            # that speaks for a state: its own
            source = self.voice
        return FigureReading(measure, source, target, self.parties(span, measure, source, target), per, counted)

    # ---- direction ------------------------------------------------------------------------------------

    def direction(self, span: Span, measure: str) -> tuple[str | None, str | None]:
        """(from, to) of a flow: its giver and receiver, read from the figure's clause."""
        verb = governing_verb(span.root)
        promised, subjects = self._flow_subjects(verb) if verb is not None else (False, [])
        subject = subjects[0] if subjects else None
        owner = self._owner_of_flow(span)
        origin = self._state_after(span, verb, ("from",))
        if measure in TRADE:
            # "700,000 barrels a day of crude oil and refined products from Russia": the goods' own "from"
            origin = origin or next((self._state_in(g) for t in noun_phrase(span.root) if t.lower_ == "from"
                                     and t.dep_ == "prep" for g in t.children if g.dep_ == "pobj"), None)
            goods = self._goods_origin(span, verb)
            origin, owner = origin or goods, None if owner == goods else owner
        # the others of "The U.S. and Australian governments" receive only what the clause itself gives them
        destination = self._recipient(span, verb, exclude={c for c in (subject, owner, origin) if c})
        if measure in _RECEIVER_IS_SUBJECT:
            if subject is None and owner is None and buying(span):
                # "Korean Air will purchase ..., supporting jobs across the United States": no buyer in a clause,
                # nor the voice, which its own text names as the subject of what it buys
                destination = self._recipient(span, verb, {c for c in (origin, self.voice) if c}, clauses=False)
            receiver = destination if subject is None and owner is None else (owner or subject)
            if receiver is None and ((verb is not None and self._named_other_doer(verb)) or
                                     (origin is None and buying(span))):
                return origin, None  # "Korean Air will purchase ... aircraft": a buyer we cannot place, not the voice
            return origin, receiver or (self.voice if origin != self.voice else None)
        if verb is not None and receiving(verb):
            # "Serbia attracted €2.32 billion in foreign direct investment", "we have received $300 million
            # from Japan": the subject receives, "from" names the giver
            receiver = subject or (self.voice if first_person_subject(verb) else None)
            giver = origin or (owner if owner != receiver else None)
            return giver, receiver
        if verb is not None and subject is not None and first_person_subject(verb) and \
                not self._voice_may_give(span, verb):
            subject = None  # "we are still waiting for the $10 billion": the speaker is no giver of it
        if verb is not None and verb.lemma_.lower() in words("catalysing") and span.root.head.i == verb.i:
            subject = None  # "unlocking up to $5 billion of total investment": others invest what it unlocks
        others = promised or self._given_by_others(span) or (verb is not None and verb.lemma_.lower() in
                                                             words("catalysing"))
        giver = origin or owner or subject or (None if others else self._voice_as_giver(span, verb, measure))
        if measure == "exports" and destination is None and subject not in (None, giver) and buying(span):
            destination = subject  # "the EU will ... by purchasing $750 billion of U.S. energy exports": the buyer
        if destination == giver:
            destination = None
        if (span.root.dep_ == "appos" and span.root.head.i in self.by_token) or self._named_before_bracket(span):
            return giver, destination  # "donors, including Japan ($1.08 billion)": a giver named with its share
        if destination is None and giver is not None and not names_receiver(span, verb):
            destination = self.recipient_in_sentence(span, {giver, *subjects})
        if destination is None and names_region(span, verb):
            return giver, None  # "across Africa": spread over a region, and no new receiver for the bullets after
        if destination is None and giver is not None and self.last_flow is not None and \
                self.last_flow[0] == giver and self.last_flow[1] is not None:
            destination = self.last_flow[1]  # a fact sheet's bullets: the same donor, the same recipient
        self.last_flow = (giver, destination)
        return giver, destination

    def _flow_subjects(self, verb: Token) -> tuple[bool, list[str]]:
        """Whether the figure is promised, and who does what its clause says: the verb's subjects, those of
        the clause a participle hangs on, or a promise's maker."""
        subjects = self.subject_states(verb)
        outer = governing_verb(verb.head) if verb.dep_ == "acl" and not subjects else None
        doer = subject_token(outer) if outer is not None else None
        if doer is not None and doer.i in self.by_token and names_a_giver(self.by_token[doer.i]) and \
                verb.head.head.i == doer.head.i:
            subjects = self.subject_states(doer.head)  # "Japan will make purchases of U.S. energy totaling $7 billion"
        promised, makers = self._promised_by(verb)
        return promised, makers if promised else subjects  # "the commitment to mobilize $100 billion": no one named

    def _promised_by(self, verb: Token) -> tuple[bool, list[str]]:
        """Whether the figure is the content of a promise ("the commitment to mobilize $100 billion"), and
        the state that made it: "our pledge to" the voice's, "Qatar's pledge to" Qatar's, else none."""
        noun = promise_noun(verb)
        if noun is None:
            return False, []
        maker = promise_maker(noun)
        if maker is None:
            return True, []
        if is_first_person(maker):
            return True, [self.voice] if self.voice else []
        if maker.lower_ in ("its", "their"):
            # "Canada will deliver on its promise to double assistance": the subject of the clause it is in
            outer = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
            return True, self.subject_states(outer) if outer is not None else []
        return True, self._named_together(maker)

    def announced_flow(self, sent: Span) -> tuple[str, str | None] | None:
        """(giver, receiver) of a sentence whose verb gives and names no sum ("The United States is
        providing:"): its subject or the speaker, and the receiver of that giver's last flow."""
        verb = sent.root
        if verb.pos_ not in ("VERB", "AUX") or not giving(verb):
            return None
        subjects = self.subject_states(verb)
        giver = subjects[0] if subjects else self.voice if first_person_subject(verb) else None
        if giver is None:
            return None
        receiver = self.last_flow[1] if self.last_flow is not None and self.last_flow[0] == giver else None
        return giver, receiver

    def _only_voice_named(self, span: Span) -> bool:
        """The figure's sentence names no state but the voice's, nor where its flow comes from."""
        named = {m.actors[0].state_code for t in span.sent if (m := self.by_token.get(t.i)) is not None}
        origin = any(t.lower_ == "from" and t.dep_ == "prep" and t.head.pos_ == "NOUN" for t in span.sent)
        world = any(t.lemma_.lower() in words("world_wide") and t.dep_ in ("amod", "compound") and
                    t.head.lemma_.lower() in ("export", "import") for t in span.sent)
        return named <= {self.voice} and not origin and not world

    def _voice_as_giver(self, span: Span, verb: Token | None, measure: str) -> str | None:
        """The document's own state, when its clause gives with no other doer: an aid or a loan it announces
        ("USAID will provide $125M"), any flow "we" give ("our administration has invested $150 billion");
        never a sum a past passive reports without its giver ("over $10 billion was pledged for Haiti")."""
        if verb is None:
            return self.voice if measure in _ANNOUNCED else None
        subject = subject_token(verb)
        agentless = subject is None or subject.i in range(span.start, span.end)
        if not self._voice_may_give(span, verb) or (agentless and reported_passive(verb)):
            return None
        if measure in _ANNOUNCED or (first_person_subject(verb) and giving(verb)):
            return self.voice
        return None

    def _goods_origin(self, span: Span, verb: Token | None) -> str | None:
        """"Canadian imports of U.S. motor vehicles", "purchase over $500 billion of U.S. energy": the state
        named on the goods is where they come from (the trade noun's own state is the trader's)."""
        for item in traded_goods(span, verb, self.by_token):
            for child in item.children:
                state = self._state_in(child, shallow=True) if child.dep_ in _NAMING_DEPS else None
                if state is not None:
                    return state
        return None

    def _voice_may_give(self, span: Span, verb: Token) -> bool:
        """The document's own state gives what its clause announces ("USAID will provide $125M", "we will
        contribute $5 million"), unless the clause says someone else acts: a subject that is a common noun
        ("developed countries committed to mobilizing $100 billion", "international cooperation, which has
        raised €16 billion"), or "we" doing something other than giving ("we are tired of waiting for the $10
        billion")."""
        subject = subject_token(verb)
        outer = governing_verb(verb.head) if subject is None and verb.dep_ == "acl" else None
        if outer is not None and outer.i != verb.i and outer.dep_ != "acl":
            # "announce new contributions totaling $316 million": the verb of the noun "totaling" is on
            return self._voice_may_give(span, outer)
        if subject is None or subject.i in range(span.start, span.end):
            return giving(verb)  # "$125M will be provided to ...", not "$381.6 billion has been forgone"
        if first_person_subject(verb):
            # "we will contribute", "our commitment includes", "we tripled our contribution to €6 billion"
            return giving(verb) or names_flow(subject) or any(
                c.dep_ == "dobj" and names_flow(c) for node in verb_chain(verb) for c in node.children)
        if subject.lower_ in ("which", "that", "who") and subject.head.dep_ == "relcl":
            subject = subject.head.head  # the relative pronoun stands for the noun the clause is on
        if subject.i not in self.by_token and is_private(subject):
            return False  # "Lumen Technologies will invest", "the Global Fund's private sector partners"
        if subject.pos_ != "NOUN" or subject.i in self.by_token or names_flow(subject):
            return True  # "USAID will provide", "this includes", "the first new grant, for $2.21 million"
        if subject.lemma_.lower() in words("announcements") and any(t.i == span.root.i for t in subject.subtree):
            return True  # "This new announcement of $2.9 billion will save lives": the announcer gives
        return any(c.dep_ in ("poss", "compound", "nmod") and c.pos_ == "PROPN" for c in subject.children)

    def _named_other_doer(self, verb: Token) -> bool:
        """The clause's subject is a name (a company, "Korean Air") that is no actor we can place: someone
        other than the text's own state does what the verb says."""
        subject = subject_token(verb)
        return subject is not None and subject.pos_ == "PROPN" and subject.i not in self.by_token and \
            not is_first_person(subject)

    def _bought_from_voice(self, span: Span, seller: str | None, buyer: str | None) -> bool:
        """A foreign buyer's purchase in a text that speaks for a state is that state's sale: its exports."""
        return buying(span) and self.voice is not None and buyer not in (None, self.voice) and \
            seller in (None, self.voice)

    def subject_states(self, verb: Token) -> list[str]:
        """The states the clause's subject names, first-named first: "The U.S. and Australian governments
        intend to invest" gives from the first and to neither; "we appeal to Japan to provide": Japan."""
        for node in verb_chain(verb):
            asked = controller(node)
            if asked is not None:
                # "we appeal to Japan to provide": Japan gives; "to our partners": none we can name
                mention = self.by_token.get(asked.i)
                return [mention.actors[0].state_code] if mention is not None and mention.how != "voice" else []
            # "$300 million was provided by Germany": the agent of a passive before its subject
            for child in sorted(node.children, key=lambda c: c.dep_ != "agent"):
                if child.dep_ in ("nsubj", "nsubjpass") or child.dep_ == "agent":
                    heads = [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "agent" else [child]
                    for head in heads:
                        states = self._named_together(head)
                        if states:
                            return states
                if child.dep_ in ("nsubj", "nsubjpass"):
                    return []  # a subject that is no actor ("this includes"): not the one further up
        return []

    def _named_together(self, head: Token) -> list[str]:
        """The states of a noun and the names it is built of ("Swiss and Liechtenstein companies"), in
        reading order; else what qualifies it ("the Government of Japan")."""
        tokens = [head]
        for token in tokens:
            tokens.extend(c for c in token.children if c.dep_ in (*_NAMING_DEPS, "conj"))
        states = [self.by_token[t.i].actors[0].state_code for t in sorted(tokens, key=lambda t: t.i)
                  if t.i in self.by_token]
        if not states:
            found = self._state_in(head, shallow=True)
            states = [found] if found else []
        return list(dict.fromkeys(states))

    def _owner_of_flow(self, span: Span) -> str | None:
        """"Japan's aid", "Chinese investment", "U.S. assistance", "donors, including Japan ($1.08 billion)":
        the one whose flow it is."""
        bracketed = self._named_before_bracket(span)
        if bracketed is not None:
            return bracketed  # "..., and Canada ($1.21 billion Canadian)", whatever the parse hangs it on
        if span.root.dep_ == "appos" and span.root.head.i in self.by_token:
            return self.by_token[span.root.head.i].actors[0].state_code
        named = named_flow(span)
        for noun in [span.root, *flow_nouns(span), *named]:
            # "$300 million in Ukrainian security assistance": an adjective there names what it is for
            deps = ("poss",) if noun.i == span.root.i else ("poss", "compound") if noun in named else \
                ("poss", "amod", "compound", "nmod")
            for child in noun.children:
                if noun in named and child.i in self.by_token and not names_a_giver(self.by_token[child.i]):
                    continue  # "in U.S. assistance" is the donor's; "in Moldovan border security assistance" not
                if child.dep_ in deps and child.i not in range(span.start, span.end):
                    state = self._state_in(child, shallow=True)
                    if state is None and child.dep_ == "poss" and child.lower_ in ("our", "my") and \
                            noun.lemma_.lower() in ("export", "import"):
                        state = self.voice  # "our exports to China reached $5 billion": the speaker's
                    if state is not None:
                        return state
            given_by = self._agent_of(noun) if noun.i != span.root.i else None
            if given_by is not None:
                return given_by
        return None

    def _given_by_others(self, span: Span) -> bool:
        """"$15 billion in commitments made by business leaders", "$8 billion in private sector commitments":
        the flow's noun names doers that are no state, so the text's own state gives none of it."""
        for noun in [*flow_nouns(span), *named_flow(span)]:
            if any(c.dep_ in ("amod", "compound") and c.lemma_.lower() == "private" for c in noun.subtree):
                return True
            for participle in (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"):
                if any(c.dep_ == "agent" for c in participle.children) and self._agent_of(noun) is None:
                    return True
        return False

    def _named_before_bracket(self, span: Span) -> str | None:
        """"Japan ($1.08 billion)": a figure in brackets right after a state's name is that state's."""
        doc = self.doc
        before = span.start - 1
        while before > 0 and (doc[before].is_space or doc[before].lower_ in ("nearly", "about", "over", "some")):
            before -= 1
        after = next((t for t in doc[span.end : span.end + 3] if not t.is_alpha), None)  # "$1.21 billion Canadian)"
        if before < 1 or doc[before].text != "(" or after is None or after.text != ")":
            return None
        mention = self.by_token.get(before - 1)
        return mention.actors[0].state_code if mention is not None and mention.end == before else None

    def _agent_of(self, noun: Token) -> str | None:
        """"The assistance provided by Japan amounts to $8 billion": the agent of the participle on the flow
        noun is its giver."""
        for participle in (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"):
            for agent in (c for c in participle.children if c.dep_ == "agent"):
                state = next((self._state_in(g, shallow=True) for g in agent.children if g.dep_ == "pobj"), None)
                if state is not None:
                    return state
        return None

    def _state_after(self, span: Span, verb: Token | None, preps: tuple[str, ...]) -> str | None:
        for holder in holders(span, verb):
            for prep in holder.children:
                if prep.dep_ in ("prep", "dative") and prep.lower_ in preps:
                    for obj in prep.children:
                        state = self._state_in(obj) if obj.dep_ == "pobj" else None
                        if state is not None and not with_others(obj):
                            return state
        return None

    def _recipient(self, span: Span, verb: Token | None, exclude: set[str], clauses: bool = True) -> str | None:
        """"to Ukraine", "for the people of Guatemala", "gave Kyiv $X", "in Ukraine"; then (`clauses`) the
        purpose clause ("to support the people of Ukraine")."""
        for holder in holders(span, verb):
            for child in holder.children:
                candidates: list[Token] = []
                if child.dep_ in ("prep", "dative") and child.lower_ in _RECIPIENT_PREPS:
                    candidates = [c for c in child.children if c.dep_ == "pobj"]
                    # "invested in clean energy technologies in Australia": where what it is in is
                    candidates += [g for c in candidates for p in c.children if p.dep_ == "prep" and
                                   p.lower_ == "in" for g in p.children if g.dep_ == "pobj"]
                elif child.dep_ == "dative" or (child.dep_ == "dobj" and holder is verb and
                                                span.root.head.lower_ == "with"):
                    candidates = [child]
                # "in Ukraine", "into the United States"; not "in response to Russia's invasion"
                shallow = child.lower_ in ("in", "into")
                for candidate in candidates:
                    state = self._state_in(candidate, shallow=shallow)
                    if state is not None and state not in exclude:
                        return state
        for node in verb_chain(verb) if verb is not None and clauses else ():
            for clause in (c for c in node.children if c.dep_ in ("advcl", "xcomp", "relcl", "acl")
                           and c.i > span.root.i):
                found = self._first_state(clause.subtree, exclude)
                if found is not None:
                    return found
        return None

    def recipient_in_sentence(self, span: Span, exclude: set[str]) -> str | None:
        """A flow whose clause names no receiver goes to the state its sentence is about ("relief for the
        millions of people in El Salvador ... Harris announced an additional $310 million"); never a state
        named in the figure itself ("479 million US dollars": its currency)."""
        return self._first_state((t for t in span.sent if not span.start <= t.i < span.end), exclude)

    def _first_state(self, tokens: Iterable[Token], exclude: set[str]) -> str | None:
        """The first state named that could receive: not an aggressor ("Russia's war against ..."), not a
        source ("according to"), not a bloc such as the G7 (its members give, it receives nothing), not one
        excluded."""
        for token in tokens:
            mention = self.by_token.get(token.i)
            if mention is None or token.i != mention.start or mention.actors[0].state_code in exclude:
                continue
            root = next((t for t in self.doc[mention.start:mention.end] if not mention.start <= t.head.i < mention.end
                         or t.head.i == t.i), token)
            if is_aggressor(self.doc[mention.end - 1]) or in_source_phrase(token) or in_opposed_clause(token) or \
                    in_setting(token) or gives_another_sum(root) or \
                    is_acting(token) or self._named_with_figure(root) or in_title(root) or \
                    (mention.how == "capital" and is_place_of_act(root)) or \
                    mention.actors[0].kind in ("person", "bloc"):
                continue  # nor a person ("British Prime Minister Gordon Brown's proposal"), nor a club of states
                # with no funds of its own ("will lead the G7+ in a vaccination campaign, providing 500 million")
            inner = self._named_inside(token) if mention.how == "generic" else None
            return inner or mention.actors[0].state_code
        return None

    def _named_inside(self, token: Token) -> str | None:
        """"people affected by the war in Ukraine": a generic word's own phrase names its state."""
        for node in token.subtree:
            found = self.by_token.get(node.i)
            if found is not None and found.how != "generic" and node.i != token.i and \
                    not is_aggressor(self.doc[found.end - 1]):
                return found.actors[0].state_code
        return None

    def _named_with_figure(self, token: Token) -> bool:
        """"Japan ($1.08 billion), Germany (€1.3 billion)": each named with its own figure, a giver."""
        return any(c.dep_ == "appos" and any(g.like_num for g in c.subtree) for c in token.children)

    def _state_in(self, token: Token, shallow: bool = False) -> str | None:
        """The state a noun phrase names: itself, or what qualifies it ("the people of Ukraine")."""
        nodes = [token] if shallow else sorted(noun_phrase(token), key=lambda t: t.i)
        for node in nodes:
            mention = self.by_token.get(node.i)
            if mention is not None and not (not shallow and is_aggressor(self.doc[mention.end - 1])):
                return mention.actors[0].state_code
        if shallow:
            for child in sorted(token.children, key=lambda c: c.i):
                of = child.dep_ == "prep" and child.lower_ == "of"
                if child.dep_ in ("poss", "compound", "amod", "appos") or of:
                    found = self._state_in(next((g for g in child.children if g.dep_ == "pobj"), child) if of
                                           else child)
                    if found is not None:
                        return found
        return None

    # ---- parties --------------------------------------------------------------------------------------

    def parties(self, span: Span, measure: str | None, source: str | None, target: str | None) -> tuple[str, ...]:
        """Flows: their two ends. Other figures: the actors of the figure's own phrase, else of its clause
        (never one named only as a source of the figure, "according to X")."""
        if measure in FLOWS and (source or target):
            return tuple(sorted({c for c in (source, target) if c}))
        for scope in (own_phrase(span), clause_tokens(span)):
            found = {self.by_token[t.i].actors[0].state_code for t in scope if t.i in self.by_token}
            if found:
                return tuple(sorted(found))
        return ()
