"""What a figure's own clause says about it: what it measures, from whom to whom, between which parties.

Why the clause and not the sentence: official prose packs several figures, and several actors, into one
sentence ("$500 million in new funding for energy assistance and $324 million ... towards emergency needs in
Ukraine"); reading a measure or a party anywhere in the sentence gives the wrong one. The words nearest the
figure in the parse decide: its own phrase, then the noun it modifies, then its verb, then its clause.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from multipolar.nlp.spans import ActorMention

FLOWS = frozenset({"aid", "loan", "loan_guarantee", "investment", "exports", "imports"})
"""Measures of something that moves from one actor to another; only these have a direction."""
_RECEIVER_IS_SUBJECT = frozenset({"imports"})
_GOODS_UNITS = frozenset({"barrel", "ton", "tonne", "bushel", "cubic", "metre", "meter", "dose", "vaccine"})
_LEMMA_FIXES = {"dos": "dose", "basis": "base"}
"""spaCy's lemmatizer quirks for counted nouns ("doses" -> "dos")."""
"""Counted nouns that measure goods, whose counts can flow like money ("700,000 barrels of oil from Russia")."""
_ANNOUNCED = frozenset({"aid", "loan", "loan_guarantee"})
"""Flows a document's own voice gives when the clause names no giver ("USAID will provide $125M"); an
investment or a trade figure names its own ends or has none."""
"""For these the clause's subject receives the flow ("China imported $81 billion of gas from Russia")."""

_PERIOD_UNITS = frozenset({"year", "month", "week", "day", "annum", "quarter"})
"""A figure per one of these is a rate ("$2 billion a year"); per anything else it is a price."""
_MODIFIER_DEPS = frozenset({"nummod", "compound", "nmod", "amod", "appos", "quantmod", "npadvmod", "poss"})
_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "xcomp", "csubj", "parataxis"})
_RECIPIENT_PREPS = frozenset({"to", "for", "towards", "toward", "in", "into"})
_NOT_PARTIES = frozenset({"according"})
_NAME_ENTITIES = frozenset({"ORG", "PERSON", "FAC", "WORK_OF_ART", "LAW", "EVENT", "PRODUCT"})
_COMPARING = frozenset({"compare", "compared"})
"""Verbs that set a figure beside another ("$81 billion, compared to $52.1 billion in 2021"): the figure
belongs to the clause they hang on."""
_CHANGES = frozenset({"growth"})
"""Measures that say a figure is a change: the measure of what changed, when the clause names it, wins
("a growth of more than 40% in bilateral trade")."""


@dataclass(frozen=True)
class FigureReading:
    """What the clause says: the measure, the flow's ends, the parties, a per-unit basis, a counted noun."""

    measure: str | None
    source: str | None
    target: str | None
    parties: tuple[str, ...]
    per: str | None
    counted: str | None


@lru_cache(maxsize=1)
def measure_cues() -> dict[str, tuple[str, frozenset[str]]]:
    """cue -> (measure, kinds it applies to), from `data/figures/measures.tsv`."""
    text = resources.files("multipolar").joinpath("data/figures/measures.tsv").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return {row["cue"]: (row["measure"], frozenset(row["kinds"].split("|")))
            for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)}


class FigureReader:
    """Reads figures of one document; knows its actor mentions and the actor it speaks for."""

    def __init__(self, doc: Doc, mentions: Iterable[ActorMention], voice: str | None) -> None:
        self.doc = doc
        self.by_token: dict[int, ActorMention] = {k: m for m in mentions if _placed(m)
                                                  for k in range(m.start, m.end)}
        self.voice = voice
        self.last_flow: tuple[str | None, str | None] | None = None
        """The last flow read in the document: (giver, receiver)."""

    def read(self, span: Span, kind: str) -> FigureReading:
        per = _per_unit(span)
        counted = _counted_noun(span) if kind == "count" else None
        measure = self.measure(span, kind, per)
        source = target = None
        if measure in FLOWS:
            source, target = self.direction(span, measure)
        if measure == "imports" and self._bought_from_voice(span, source, target):
            measure, source, target = "exports", self.voice, target  # "Australia agreed to purchase $1.2 billion"
        return FigureReading(measure, source, target, self.parties(span, measure, source, target), per, counted)

    # ---- measure --------------------------------------------------------------------------------------

    def measure(self, span: Span, kind: str, per: str | None) -> str | None:
        if kind == "money" and per is not None and per not in _PERIOD_UNITS:
            return "price"  # "$60 a barrel", "$799 per pair"
        if kind == "percent" and _share_of(span):
            return "share"
        cues = measure_cues()
        if kind == "count" and _counted_noun(span) in _GOODS_UNITS:
            kind = "money"  # "700,000 barrels per day of crude oil ... from Russia": goods that move
        first: str | None = None
        for token in context(span, near_only=kind == "count"):
            for cue in _cue_keys(token):
                found = cues.get(cue)
                if found is None or not (kind in found[1] or "*" in found[1]):
                    continue
                if first is None and found[0] not in _CHANGES:
                    return found[0]
                if first is None:
                    first = found[0]
                elif found[0] not in _CHANGES and found[0] != "gdp":
                    return found[0]
        return first

    # ---- direction ------------------------------------------------------------------------------------

    def direction(self, span: Span, measure: str) -> tuple[str | None, str | None]:
        """(from, to) of a flow: its giver and receiver, read from the figure's clause."""
        verb = governing_verb(span.root)
        subject = self._subject_state(verb) if verb is not None else None
        owner = self._owner_of_flow(span)
        origin = self._state_after(span, verb, ("from",))
        destination = self._recipient(span, verb, exclude={c for c in (subject, owner, origin) if c})
        if measure in _RECEIVER_IS_SUBJECT:
            receiver = destination if subject is None and owner is None else (owner or subject)
            return origin, receiver or (self.voice if origin != self.voice else None)
        giver = origin or owner or subject or (self.voice if measure in _ANNOUNCED else None)
        if destination == giver:
            destination = None
        if span.root.dep_ == "appos" and span.root.head.i in self.by_token:
            return giver, destination  # "donors, including Japan ($1.08 billion)": a giver named with its share
        if destination is None and giver is not None and not _names_receiver(span, verb):
            destination = self.recipient_in_sentence(span, {giver})
        if destination is None and giver is not None and self.last_flow is not None and \
                self.last_flow[0] == giver and self.last_flow[1] is not None:
            destination = self.last_flow[1]  # a fact sheet's bullets: the same donor, the same recipient
        self.last_flow = (giver, destination)
        return giver, destination

    def _bought_from_voice(self, span: Span, seller: str | None, buyer: str | None) -> bool:
        """A foreign buyer's purchase in a text that speaks for a state is that state's sale: its exports."""
        verb = governing_verb(span.root)
        buying = verb is not None and any(v.lemma_.lower() in ("purchase", "buy") for v in verb_chain(verb))
        return buying and self.voice is not None and buyer not in (None, self.voice) and seller in (None, self.voice)

    def _subject_state(self, verb: Token) -> str | None:
        for node in verb_chain(verb):
            for child in node.children:
                if child.dep_ in ("nsubj", "nsubjpass") or child.dep_ == "agent":
                    heads = [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "agent" else [child]
                    for head in heads:
                        state = self._state_in(head, shallow=True)
                        if state is not None:
                            return state
                if child.dep_ in ("nsubj", "nsubjpass"):
                    return None  # a subject that is no actor ("this includes"): not the one further up
        return None

    def _owner_of_flow(self, span: Span) -> str | None:
        """"Japan's aid", "Chinese investment", "U.S. assistance", "donors, including Japan ($1.08 billion)":
        the one whose flow it is."""
        if span.root.dep_ == "appos" and span.root.head.i in self.by_token:
            return self.by_token[span.root.head.i].actors[0].state_code
        named = _named_flow(span)
        for noun in [span.root, *_flow_nouns(span), *named]:
            # "$300 million in Ukrainian security assistance": an adjective there names what it is for
            deps = ("poss",) if noun.i == span.root.i else ("poss", "compound") if noun in named else \
                ("poss", "amod", "compound", "nmod")
            for child in noun.children:
                if noun in named and child.i in self.by_token and not _names_a_giver(self.by_token[child.i]):
                    continue  # "in U.S. assistance" is the donor's; "in Moldovan border security assistance" not
                if child.dep_ in deps and child.i not in range(span.start, span.end):
                    state = self._state_in(child, shallow=True)
                    if state is not None:
                        return state
        return None

    def _state_after(self, span: Span, verb: Token | None, preps: tuple[str, ...]) -> str | None:
        for holder in _holders(span, verb):
            for prep in holder.children:
                if prep.dep_ in ("prep", "dative") and prep.lower_ in preps:
                    for obj in prep.children:
                        state = self._state_in(obj) if obj.dep_ == "pobj" else None
                        if state is not None:
                            return state
        return None

    def _recipient(self, span: Span, verb: Token | None, exclude: set[str]) -> str | None:
        """"to Ukraine", "for the people of Guatemala", "gave Kyiv $X", "in Ukraine"; then the purpose clause
        ("to support the people of Ukraine")."""
        for holder in _holders(span, verb):
            for child in holder.children:
                candidates: list[Token] = []
                if child.dep_ in ("prep", "dative") and child.lower_ in _RECIPIENT_PREPS:
                    candidates = [c for c in child.children if c.dep_ == "pobj"]
                elif child.dep_ == "dative" or (child.dep_ == "dobj" and holder is verb and
                                                span.root.head.lower_ == "with"):
                    candidates = [child]
                # "in Ukraine", "into the United States"; not "in response to Russia's invasion"
                shallow = child.lower_ in ("in", "into")
                for candidate in candidates:
                    state = self._state_in(candidate, shallow=shallow)
                    if state is not None and state not in exclude:
                        return state
        for node in verb_chain(verb) if verb is not None else ():
            for clause in (c for c in node.children if c.dep_ in ("advcl", "xcomp", "relcl", "acl")
                           and c.i > span.root.i):
                found = self._first_state(clause.subtree, exclude)
                if found is not None:
                    return found
        return None

    def recipient_in_sentence(self, span: Span, exclude: set[str]) -> str | None:
        """A flow whose clause names no receiver goes to the state its sentence is about ("relief for the
        millions of people in El Salvador ... Harris announced an additional $310 million")."""
        return self._first_state(span.sent, exclude)

    def _first_state(self, tokens: Iterable[Token], exclude: set[str]) -> str | None:
        """The first state named that could receive: not an aggressor ("Russia's war against ..."), not a
        source ("according to"), not one excluded."""
        for token in tokens:
            mention = self.by_token.get(token.i)
            if mention is None or token.i != mention.start or mention.actors[0].state_code in exclude:
                continue
            root = next((t for t in self.doc[mention.start:mention.end] if not mention.start <= t.head.i < mention.end
                         or t.head.i == t.i), token)
            if _aggressor(self.doc[mention.end - 1]) or _in_source_phrase(token) or _in_setting(token) or \
                    _acting(token) or self._named_with_figure(root):
                continue
            inner = self._named_inside(token) if mention.how == "generic" else None
            return inner or mention.actors[0].state_code
        return None

    def _named_inside(self, token: Token) -> str | None:
        """"people affected by the war in Ukraine": a generic word's own phrase names its state."""
        for node in token.subtree:
            found = self.by_token.get(node.i)
            if found is not None and found.how != "generic" and node.i != token.i and \
                    not _aggressor(self.doc[found.end - 1]):
                return found.actors[0].state_code
        return None

    def _named_with_figure(self, token: Token) -> bool:
        """"Japan ($1.08 billion), Germany (€1.3 billion)": each named with its own figure, a giver."""
        return any(c.dep_ == "appos" and any(g.like_num for g in c.subtree) for c in token.children)

    def _state_in(self, token: Token, shallow: bool = False) -> str | None:
        """The state a noun phrase names: itself, or what qualifies it ("the people of Ukraine")."""
        nodes = [token] if shallow else sorted(_phrase(token), key=lambda t: t.i)
        for node in nodes:
            mention = self.by_token.get(node.i)
            if mention is not None and not (not shallow and _aggressor(self.doc[mention.end - 1])):
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
        for scope in (_own_phrase(span), _clause(span)):
            found = {self.by_token[t.i].actors[0].state_code for t in scope if t.i in self.by_token}
            if found:
                return tuple(sorted(found))
        return ()


# ---- the parse around a figure ------------------------------------------------------------------------


def context(span: Span, near_only: bool = False) -> Iterator[Token]:
    """Tokens that can say what a figure measures, nearest first: its own phrase ("$5 billion in aid"), the
    noun it modifies ("a 25% tariff"), its verb ("imported"), then the rest of its clause. A count takes its
    measure only from the first three ("sanctioning 400 individuals", not "30 countries ... have announced
    sanctions")."""
    seen: set[int] = set(range(span.start, span.end))

    def fresh(tokens: Iterable[Token]) -> Iterator[Token]:
        for token in tokens:
            if token.i not in seen:
                seen.add(token.i)
                yield token

    yield from fresh(_own_phrase(span))
    yield from fresh(_flow_nouns(span))
    verb = governing_verb(span.root)
    if verb is not None:
        yield from fresh([verb])
        if near_only:
            # "two million people have been forced to flee": the verb it completes says what happened to them
            yield from fresh(c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB")
            return
        yield from fresh(c for c in verb.children if c.dep_ in ("dobj", "attr"))
        yield from fresh(c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))
        yield from fresh(sorted(_clause(span), key=lambda t: abs(t.i - span.root.i)))
        if verb.dep_ == "relcl":
            # "bilateral trade ..., which is a growth of more than 40%": what the relative pronoun stands for
            yield from fresh([verb.head, *[c for c in verb.head.children if c.dep_ in ("amod", "compound")]])
        for node in list(verb_chain(verb))[1:]:
            # "Defence spending has risen ..., reaching $90 billion": the subject of the clause it completes
            yield from fresh(c for c in node.children if c.dep_ in ("nsubj", "nsubjpass"))


def _own_phrase(span: Span) -> list[Token]:
    """The figure's own modifiers: "in humanitarian assistance", "of gas", "for energy assistance"."""
    found: list[Token] = []
    for child in span.root.children:
        if child.i in range(span.start, span.end):
            continue
        if child.dep_ == "prep" and child.lower_ in ("in", "of", "for", "on", "worth"):
            for obj in (c for c in child.children if c.dep_ == "pobj"):
                found.extend(_phrase(obj))
        elif child.dep_ in ("compound", "amod", "nmod"):
            found.extend(_phrase(child))
    return found


def _names_receiver(span: Span, verb: Token | None) -> bool:
    """"contribute €2 million to the Adaptation Fund": the clause names its receiver, even one that is no
    actor we know, so no other state of the sentence is."""
    return any(child.dep_ in ("prep", "dative") and child.lower_ == "to" and
               any(c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN") for c in child.children)
               for holder in _holders(span, verb) for child in holder.children)


def _placed(mention: ActorMention) -> bool:
    """A state or body, or a person or group whose country is known: only those are ends of a flow (a person
    the text names without saying whose they are, "Representative Boebert's district", is none)."""
    actor = mention.actors[0]
    return actor.kind not in ("person", "organization", "other") or actor.country is not None


def _names_a_giver(mention: ActorMention) -> bool:
    """A state's name or its government ("U.S. assistance", "U.S. government support"), not a body the flow
    is for ("Moldovan border security assistance")."""
    return mention.how == "name" or (mention.how == "agent" and mention.actors[0].role == "GOV")


def _named_flow(span: Span) -> list[Token]:
    """The flow a figure is an amount of: "$310 million in U.S. assistance", "$2 billion of Chinese loans"."""
    return [obj for child in span.root.children if child.dep_ == "prep" and child.lower_ in ("in", "of")
            for obj in child.children if obj.dep_ == "pobj" and obj.pos_ == "NOUN"]


def _flow_nouns(span: Span) -> list[Token]:
    """The noun(s) a figure modifies: "a $500 million aid package", "a contribution of $100 million",
    "new contributions totaling $316 million", "the deficit was $1 trillion"."""
    found: list[Token] = []
    node = span.root
    for _ in range(3):
        head = node.head
        if head.i == node.i:
            break
        if node.dep_ in _MODIFIER_DEPS and head.pos_ in ("NOUN", "PROPN"):
            found.extend([head, *[c for c in head.children if c.dep_ in ("compound", "amod")]])
            node = head
        elif node.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("NOUN", "PROPN"):
            noun = head.head
            found.extend([noun, *[c for c in noun.children if c.dep_ in ("compound", "amod")]])
            node = noun
        elif node.dep_ in ("dobj", "pobj", "attr") and head.dep_ == "acl" and head.head.pos_ == "NOUN":
            found.append(head.head)  # "contributions totaling $316 million"
            node = head.head
        elif (node.dep_ in ("attr", "acomp", "pobj") and head.lemma_ == "be") or \
                (node.dep_ == "pobj" and head.dep_ == "prep" and head.head.lemma_ == "be"):
            copula = head if head.lemma_ == "be" else head.head
            found.extend(c for s in copula.children if s.dep_ == "nsubj" for c in [s, *s.children]
                         if c.dep_ in ("nsubj", "compound", "amod"))
            break
        else:
            break
    return found


def governing_verb(token: Token) -> Token | None:
    """The verb whose clause a figure belongs to; for "the $500 million the United States has provided",
    the relative clause on the figure's own noun."""
    for noun in (token, token.head if token.dep_ in ("nummod", "compound", "quantmod") else token):
        own = next((c for c in noun.children if c.dep_ == "relcl" and c.pos_ in ("VERB", "AUX")
                    and c.i > token.i), None)
        if own is not None:
            return own
    node = token
    for _ in range(8):
        if node.pos_ in ("VERB", "AUX") and node.i != token.i and node.lemma_.lower() not in _COMPARING and \
                node.dep_ != "prep":  # "donors, including Japan ($1.08 billion), increased": not "including"
            return node
        if node.head.i == node.i:
            return node if node.pos_ in ("VERB", "AUX") else None
        node = node.head
    return None


def verb_chain(verb: Token) -> Iterator[Token]:
    """The verb and the verbs it depends on as a complement ("plans to provide", "announced that X will
    provide"), whose subjects may be its own."""
    node = verb
    for _ in range(4):
        yield node
        if node.dep_ == "pcomp" and node.head.dep_ == "prep":
            node = node.head  # "committed to investing": through the preposition to the verb it completes
        if node.dep_ not in ("xcomp", "conj", "ccomp", "advcl", "prep") or node.head.i == node.i:
            return
        node = node.head


def _holders(span: Span, verb: Token | None) -> list[Token]:
    """Tokens whose prepositions can name a flow's ends: the figure, the noun it modifies, its verb, the
    verb's object."""
    holders = [span.root, *[t for t in _flow_nouns(span) if t.pos_ in ("NOUN", "PROPN")]]
    holders += [t for t in _own_phrase(span) if t.pos_ == "NOUN"]
    if verb is not None:
        holders.append(verb)
        holders.extend(c for c in verb.children if c.dep_ == "dobj" and c.i not in range(span.start, span.end))
    return holders


def _phrase(token: Token) -> list[Token]:
    """A noun phrase without the clauses inside it."""
    found = [token]
    for child in token.children:
        if child.dep_ not in _CLAUSE_DEPS and child.dep_ != "punct":
            found.extend(_phrase(child))
    return found


def _clause(span: Span) -> list[Token]:
    """The tokens of the figure's clause: its verb's subtree without nested clauses that do not hold the
    figure, and without "according to" sources."""
    verb = governing_verb(span.root)
    if verb is None:
        return list(span.sent)
    inside = set(range(span.start, span.end))
    result: list[Token] = []

    def walk(node: Token) -> None:
        result.append(node)
        for child in node.children:
            nested = child.dep_ in _CLAUSE_DEPS and not inside & {t.i for t in child.subtree}
            if nested or child.lower_ in _NOT_PARTIES:
                continue
            walk(child)

    walk(verb)
    return result


def _cue_keys(token: Token) -> Iterator[str]:
    """The token's two-word phrases first ("trade deficit", "bilateral trade"), then its lemma."""
    if _in_acting_name(token):
        return  # "the Export-Import Bank is issuing ...": the doer's name, not what its figure measures
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ in ("compound", "amod") and child.i < token.i:
            yield f"{child.lemma_.lower()} {lemma}"
        elif child.dep_ == "prt":
            yield f"{lemma} {child.lower_}"
    if token.i > 0 and token.nbor(-1).is_alpha:
        yield f"{token.nbor(-1).lemma_.lower()} {lemma}"
    yield lemma


_CONFLICT_NOUNS = frozenset({"war", "invasion", "aggression", "attack", "strike", "bombardment", "occupation",
                             "offensive", "assault", "blockade", "campaign", "missile", "drone", "conflict"})


def _aggressor(token: Token) -> bool:
    """"Russia's brutal war", "the Kremlin's attacks", "attacks by Russia": the side doing the harm."""
    if token.dep_ == "case" and token.i > 0:
        token = token.doc[token.i - 1]  # the mention "Russia's" ends on its "'s"
    for _ in range(3):  # "the Israel-Hamas conflict": up the names that make the conflict's
        if token.dep_ in ("compound", "amod") and token.head.pos_ == "PROPN":
            token = token.head
    if token.dep_ in ("poss", "compound", "amod") and token.head.lemma_.lower() in _CONFLICT_NOUNS:
        return True
    return token.dep_ == "pobj" and token.head.lower_ == "by" and token.head.head.lemma_.lower() in _CONFLICT_NOUNS


def _acting(token: Token) -> bool:
    """The subject of a verb, or coordinated with one: a doer, not a receiver."""
    node = token
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    return node.dep_ in ("nsubj", "nsubjpass")


def _in_setting(token: Token) -> bool:
    """"During her trip to Warsaw, Poland, ...": where or when something was announced, not who receives."""
    return any(t.dep_ == "prep" and t.lower_ in ("during", "at", "while", "ahead", "on") and t.head.pos_ in
               ("VERB", "AUX") for t in token.ancestors)


def _in_source_phrase(token: Token) -> bool:
    """Inside "according to X": a source of the figure, never a party of it."""
    return any(t.lower_ == "according" for t in token.ancestors)


def _in_acting_name(token: Token) -> bool:
    """Inside the name of the clause's doer: "The Export-Import Bank", "Australia's superannuation funds"."""
    if token.ent_type_ not in _NAME_ENTITIES:
        return False
    entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    if entity is None:
        return False
    root = entity.root
    return root.dep_ in ("nsubj", "nsubjpass") or (root.dep_ == "pobj" and root.head.dep_ == "agent")


def _share_of(span: Span) -> bool:
    """"67% of Canada's GDP", "40% of U.S. imports": a share of a whole, unless the figure is the rate of
    a measure noun ("a 25% tariff", "tariffs of 25% on")."""
    doc = span.doc
    following = next((t for t in doc[span.end : span.end + 3] if not t.is_space), None)
    follows_of = following is not None and following.lower_ == "of"
    rate_of_noun = span.root.dep_ in ("compound", "nmod", "amod") and span.root.head.pos_ == "NOUN"
    return follows_of and not rate_of_noun


def _per_unit(span: Span) -> str | None:
    """"$60 a barrel", "$35 per barrel", "$2 billion a year": the unit a figure is counted per."""
    doc = span.doc
    at = span.end
    if at + 1 < len(doc) and doc[at].lower_ in ("a", "an", "per", "each") and doc[at + 1].pos_ == "NOUN":
        return doc[at + 1].lemma_.lower()
    if span[-1].lower_ in ("annually", "yearly"):
        return "year"
    return None


def _counted_noun(span: Span) -> str | None:
    """"11,000 people" counts persons; "120,000 registered cases" counts cases."""
    doc = span.doc
    if span.end < len(doc) and span.root.head.pos_ == "NOUN" and span.root.dep_ in ("nummod", "quantmod"):
        noun = span.root.head
    elif span.end + 1 < len(doc) and doc[span.end].lower_ == "of" and doc[span.end + 1].pos_ == "NOUN":
        noun = doc[span.end + 1]
    elif span.end < len(doc) and doc[span.end].pos_ == "NOUN":
        noun = doc[span.end]
    else:
        return None
    lemma = _LEMMA_FIXES.get(noun.lemma_.lower(), noun.lemma_.lower())
    return "person" if lemma in ("people", "person", "civilian", "individual") else lemma


