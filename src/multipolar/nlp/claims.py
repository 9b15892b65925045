"""Causal claims read from text: "Western sanctions have further deepened the alliance", "the alliance is
driven by their shared opposition to US dominance", "Moscow has become more dependent on Beijing".

A spaCy component (`multipolar_claims`). For a verb of effect (strengthen, deepen, weaken, drive, ...),
the cause is its subject (or the `by` agent of a passive) and the effect its object (or passive subject).
The effect is a relation between two actors (named in the phrase, or the pair the text is about); the
cause is an event class with its dyad when its head noun is an event noun ("sanctions" -> SANCTION from
"Western" -> WST), otherwise, or when the noun names a stance (`stance_nouns.txt`), a state of affairs with
the actors it names ("opposition to the US").
The words each rule looks for are data: `data/claims/`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from multipolar.coding.tables import CodingTables, load_tables
from multipolar.data_files import word_list, word_table
from multipolar.nlp.events.coder import noun_pattern
from multipolar.nlp.quotes.find import FoundQuote
from multipolar.nlp.spans import ActorMention
from multipolar.records import ClaimSide

EFFECT_VERBS = {verb: int(direction) for verb, direction in word_table("claims/effect_verbs.tsv").items()}
"""Verbs of effect: 1 makes the relation they govern stronger, -1 weaker (`data/claims/effect_verbs.tsv`)."""
RELATION_NOUNS = word_list("claims/relation_nouns.txt")
HEDGES = word_list("claims/hedges.txt")
STANCE_NOUNS = word_list("claims/stance_nouns.txt")


@dataclass(frozen=True)
class FoundClaim:
    cause: ClaimSide | None
    effect: ClaimSide
    polarity: int
    hedged: bool
    claimant: str | None
    trigger: int
    sentence: int


class ClaimFinder:
    """The `multipolar_claims` component."""

    def __init__(self, tables: CodingTables | None = None) -> None:
        self.tables = tables or load_tables()

    def __call__(self, doc: Doc) -> Doc:
        mentions: list[ActorMention] = doc._.mp_mentions or []
        by_token = {k: m for m in mentions for k in range(m.start, m.end)}
        pair = _salient_pair(mentions)
        quotes: list[FoundQuote] = doc._.mp_quotes or []
        sentence_of = {i: k for k, s in enumerate(doc.sents) for i in range(s.start, s.end)}
        found = []
        for token in doc:
            claim = self._effect_claim(token, by_token, pair) or self._dependence_claim(token, by_token)
            if claim is None:
                continue
            cause, effect, polarity = claim
            speaker = next((q.speaker_actor.code if q.speaker_actor else q.speaker for q in quotes
                            if q.start <= token.idx < q.end), None)
            found.append(FoundClaim(cause, effect, polarity, _hedged(token), speaker, token.i,
                                    sentence_of.get(token.i, 0)))
        doc._.mp_claims = found
        return doc

    def _effect_claim(self, verb: Token, by_token: dict[int, ActorMention],
                      pair: tuple[str, str] | None) -> tuple[ClaimSide | None, ClaimSide, int] | None:
        direction = EFFECT_VERBS.get(verb.lemma_.lower())
        if direction is None or verb.pos_ != "VERB":
            return None
        passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if passive:
            effect_head = passive[0]
            cause_heads = [o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
        else:
            effect_heads = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
            cause_heads = [c for c in verb.children if c.dep_ == "nsubj"]
            if not effect_heads:
                return None
            effect_head = effect_heads[0]
        effect = self._relation(effect_head, by_token, pair)
        if effect is None:
            return None
        if cause_heads and cause_heads[0].tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
            cause_heads = [verb.head]  # "a framework that further deepens their relationship"
        if _intended(verb) or (cause_heads and cause_heads[0].pos_ == "PRON"):
            return None  # "we will deepen our ties": the parties' plan, an event, not a claim about causes
        cause = self._cause(cause_heads[0], by_token, effect) if cause_heads else self._clause_cause(verb)
        if cause is not None and cause.kind != "event" and cause.actors and set(cause.actors) <= set(effect.actors):
            return None  # "the United States and Japan strengthened their ties": the parties acting
        negated = any(c.dep_ == "neg" for c in verb.children)
        return cause, effect, -direction if negated else direction

    def _clause_cause(self, verb: Token) -> ClaimSide | None:
        """"X sanctioned China ..., further strengthening relations": the governing clause's event is the cause."""
        if verb.dep_ not in ("advcl", "xcomp", "conj"):
            return None
        event = next((e for e in verb.doc._.mp_events or [] if e.trigger == verb.head.i), None)
        if event is None:
            return None
        clause = verb.doc[verb.head.left_edge.i : verb.left_edge.i]
        return ClaimSide("event", clause.text.strip(" ,"), event.plover, event.source.state_code,
                         event.target.state_code, (event.source.state_code, event.target.state_code))

    def _relation(self, head: Token, by_token: dict[int, ActorMention],
                  pair: tuple[str, str] | None) -> ClaimSide | None:
        phrase = _phrase(head)
        if not any(t.lemma_.lower() in RELATION_NOUNS for t in phrase):
            return None
        states = _states_in(phrase, by_token)
        if len(states) < 2 and pair is not None and _refers_back(phrase):
            states = list(pair)
        if len(states) < 2:
            return None
        a, b = sorted(states[:2])
        return ClaimSide("relation", phrase.text, actors=(a, b))

    def _cause(self, head: Token, by_token: dict[int, ActorMention], effect: ClaimSide) -> ClaimSide:
        phrase = _phrase(head)
        noun = head if head.pos_ in ("NOUN", "PROPN") else next((t for t in phrase if t.pos_ == "NOUN"), head)
        pattern = noun_pattern(self.tables, noun)
        modifiers = [c for c in noun.children if c.dep_ in ("amod", "compound", "poss")]
        sources = [by_token[c.i].actors[0].state_code for c in modifiers if c.i in by_token]
        actors = tuple(dict.fromkeys(_states_in(phrase, by_token)))
        if pattern is not None and pattern.plover and noun.lemma_.lower() not in STANCE_NOUNS:
            target = next((a for a in actors if a not in sources), None)
            return ClaimSide("event", phrase.text, pattern.plover, sources[0] if sources else None, target, actors)
        if noun.lemma_.lower() == "pressure":
            return ClaimSide("event", phrase.text, "COERCE", sources[0] if sources else None, None, actors)
        return ClaimSide("state", phrase.text, actors=actors)

    def _dependence_claim(self, token: Token, by_token: dict[int, ActorMention]
                          ) -> tuple[ClaimSide | None, ClaimSide, int] | None:
        """"Moscow has become much more dependent on Beijing": A depends on B, more so than before."""
        if token.lemma_.lower() not in ("dependent", "reliant") or token.dep_ not in ("acomp", "attr", "amod"):
            return None
        verb = token.head
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        objects = [o for p in token.children if p.dep_ == "prep" and p.lower_ in ("on", "upon")
                   for o in p.children if o.dep_ == "pobj"]
        if not subjects or not objects:
            return None
        a = _states_in(_phrase(subjects[0]), by_token)
        b = _states_in(_phrase(objects[0]), by_token)
        if not a or not b:
            return None
        phrase = token.doc[min(subjects[0].left_edge.i, token.i): objects[0].right_edge.i + 1]
        less = any(t.lower_ in ("less", "fewer") for t in token.children)
        return None, ClaimSide("dependence", phrase.text, source=a[0], target=b[0], actors=(a[0], b[0])), \
            -1 if less else 1


_INTENT = word_list("claims/intent_verbs.txt")
_GENERIC = word_list("claims/generic_qualifiers.txt")


def _refers_back(phrase: Span) -> bool:
    """"the alliance", "their relationship": a definite relation the text is about, which may stand for the
    document's leading pair; "international cooperation" or "a partnership" stands for no pair."""
    for token in phrase:
        if token.lemma_.lower() not in RELATION_NOUNS:
            continue
        if any(c.dep_ == "amod" and c.lower_ in _GENERIC for c in token.children):
            return False
        return any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "their", "this", "these", "its")
                   for c in token.children)
    return False


def _intended(verb: Token) -> bool:
    """A plan, promise, wish or call ("will strengthen", "committed to deepen", "we call on X to enhance",
    "must strengthen"): what someone wants to happen, not a claim about what causes what."""
    node = verb
    for _ in range(4):
        if any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll", "must", "should") for c in node.children):
            return True
        if node.dep_ not in ("xcomp", "advcl", "conj", "pcomp", "pobj", "prep") or node.head is node:
            return False
        node = node.head
        if node.lemma_.lower() in _INTENT:
            return True
    return False


def _phrase(head: Token) -> Span:
    return head.doc[head.left_edge.i : head.right_edge.i + 1]


def _states_in(phrase: Span, by_token: dict[int, ActorMention]) -> list[str]:
    seen: list[str] = []
    for token in phrase:
        mention = by_token.get(token.i)
        if mention is not None:
            for ref in mention.actors:
                if ref.state_code not in seen:
                    seen.append(ref.state_code)
    return seen


def _salient_pair(mentions: list[ActorMention]) -> tuple[str, str] | None:
    """The two states a text is mostly about, when two clearly lead ("the alliance" then means theirs)."""
    counts = Counter(ref.state_code for m in mentions for ref in m.actors if ref.kind in ("state", "person"))
    ranked = counts.most_common(3)
    if len(ranked) < 2 or (len(ranked) == 3 and ranked[2][1] * 2 > ranked[1][1]):
        return None
    return ranked[0][0], ranked[1][0]


def _hedged(verb: Token) -> bool:
    words = {t.lemma_.lower() for t in verb.sent}
    return bool(words & HEDGES) or bool(re.search(r"\bappears? to\b", verb.sent.text.lower()))
