"""What a figure measures (aid, exports, a budget, casualties ...), read from the words nearest it in the parse.

Why apart from the reading of a flow's ends (`reading`): the measure is the figure's own words (its phrase,
the noun it modifies, its verb, its clause) looked up in `data/figures/measures.tsv`; who gives and who
receives is the clause's actors. A measure decides whether there is a direction to read at all.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources

from spacy.tokens import Span, Token

from multipolar.nlp.figures.syntax import (
    clause_tokens,
    common_lemma,
    context,
    counted_noun,
    cue_keys,
    governing_verb,
)
from multipolar.nlp.figures.words import words

FLOWS = frozenset({"aid", "loan", "loan_guarantee", "investment", "exports", "imports"})
"""Measures of something that moves from one actor to another; only these have a direction."""
TRADE = frozenset({"imports", "exports"})
_OF_PEOPLE = frozenset({"casualties", "displaced"})
_CHANGES = frozenset({"growth"})
"""Measures that say a figure is a change: the measure of what changed, when the clause names it, wins
("a growth of more than 40% in bilateral trade")."""


@lru_cache(maxsize=1)
def measure_cues() -> dict[str, tuple[str, frozenset[str]]]:
    """cue -> (measure, kinds it applies to), from `data/figures/measures.tsv`."""
    text = resources.files("multipolar").joinpath("data/figures/measures.tsv").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return {row["cue"]: (row["measure"], frozenset(row["kinds"].split("|")))
            for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)}


def figure_measure(span: Span, kind: str, per: str | None) -> str | None:
    """The measure of a figure of this kind ("money", "percent", "count") with this per-unit basis."""
    found = _measure(span, kind, per)
    if kind == "count" and found in (None, "aid") and counted_noun(span) in words("in_kind_aid") and \
            _being_made(span):
        return "production"  # "India to make over 20 million doses", "a boost in production by one billion doses"
    if found == "aid" and kind == "money" and _spent_at_home(span):
        return "budget"  # "$250 million will be mobilized from our own resources": a state's own spending
    if found == "aid" and kind == "money" and _privately_committed(span):
        return "investment"  # "$8 billion in private sector commitments": companies invest, they give no aid
    if found == "investment" and kind == "money" and _invested_in_public_goods(span):
        return "aid"  # "has invested $3.5 billion in supporting public health in ASEAN": assistance
    # "GDP per capita increased by 7.4 per cent": a percentage of the economy that is no share is its growth
    if kind == "percent" and found == "gdp":  # not "half the world's economy", a share in words
        return "share" if span.label_ == "FRACTION" else "growth"
    return found


def _measure(span: Span, kind: str, per: str | None) -> str | None:
    if kind == "money" and per is not None and per not in words("period_units") and per not in words("per_person"):
        return "price"  # "$60 a barrel", "$799 per pair"; not "$2,100 per family of four"
    if kind == "percent" and (is_share_of(span) or re.match(r"one in\b", span.text.lower())):
        return "share"  # "40% of U.S. imports"; "one in five households" is a part of all households
    if is_need(span):
        return None  # "Africa needs at least $252 billion", "a disaster requiring $500 million": no flow yet
    cues = measure_cues()
    counted = counted_noun(span) if kind == "count" else None
    near_only = kind == "count"  # goods too: "releasing 90 million barrels from the Strategic Petroleum Reserve"
    if counted in words("goods_units") or (counted is not None and _handed_over(span, counted)):
        kind = "money"  # "700,000 barrels per day of crude oil ... from Russia", "provided 200 ventilators"
    first: str | None = None
    for token in (*_adjacent_phrase(span), *context(span, near_only=near_only)):
        for cue in cue_keys(token):
            found = cues.get(cue)
            if found is None or not (kind in found[1] or "*" in found[1]):
                continue
            if found[0] == "-":
                return first  # "purchasing power": the phrase is no measure of ours
            if found[0] in _OF_PEOPLE and counted in words("not_people"):
                continue  # "tens of thousands of livestock animals have died": no casualties
            if found[0] == "sanctions" and kind == "count" and counted not in words("sanctionable") and \
                    cues.get(counted or "", ("",))[0] != "sanctions":
                continue  # "designated 31 communities as Tech Hubs": no one is sanctioned; "1,200 sanctions" are
            if found[0] == "sanctions" and token.lemma_.lower() in ("designate", "designation") and not any(
                    t.lower_ in words("designation_context") for t in span.sent):
                continue  # "designated 5 senior officials to lead the delegation": an appointment
            if kind == "money" and found[0] not in FLOWS and in_purpose_phrase(token, span):
                continue  # "$20 billion pledged ... for enhanced food production": what it is for
            if kind == "money" and found[0] in TRADE and buys_with(token, span):
                continue  # "$1 billion to purchase key supplies": what the money buys, not a trade
            if first is None and found[0] not in _CHANGES:
                return found[0]
            if first is None:
                first = found[0]
            elif found[0] not in _CHANGES and found[0] != "gdp":
                return found[0]
    return first


def given_abroad(sent: Span, names_another_actor: bool) -> bool:
    """A sentence about in-kind goods given abroad: it names another actor than the voice or words of giving
    abroad ("donate", "countries", "COVAX"), and none of a state's own distribution at home ("states, Tribes,
    and territories", "administered", "seized at U.S. borders")."""
    found = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
    return not found & words("home_distribution") and (names_another_actor or bool(found & words("given_abroad")))


def _being_made(span: Span) -> bool:
    """The words above a count, up to its verb, say it is made ("make", "production", "capacity of"): what a
    plant can produce, not what a donor gives."""
    verb = governing_verb(span.root)
    node = span.root
    for _ in range(8):
        near = [node, *(g for c in node.children if c.dep_ == "prep" and c.i not in range(span.start, span.end)
                        for g in c.children if g.dep_ == "pobj")]
        if verb is not None and node.i == verb.i:  # "support a boost in production by one billion doses"
            near += [g for c in node.children if c.dep_ == "dobj" and c.i not in range(span.start, span.end)
                     for g in _with_objects(c)]
        if any(t.lemma_.lower() in words("making_goods") and not _made_available(t) for t in near):
            return True
        if node.head.i == node.i or (verb is not None and node.i == verb.i):
            return False
        node = node.head
    return False


def _made_available(token: Token) -> bool:
    """"make 110 million doses available to the AU": a verb of handing over, not of manufacture."""
    return token.lemma_.lower() == "make" and any(c.lower_ == "available" for c in token.subtree)


def _with_objects(noun: Token) -> list[Token]:
    """A noun and the objects of its own phrases ("a boost in production": boost, production)."""
    return [noun, *(g for c in noun.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj")]


def _handed_over(span: Span, counted: str) -> bool:
    """Things a giving or trading verb has as its object ("Provided 200 ventilators", "agreed to purchase 50
    aircraft"): goods that move like money; not people, jobs or places ("supports 1,600 jobs")."""
    noun = span.root.head
    if noun.dep_ != "dobj" or counted in words("per_person") or counted in words("not_handed"):
        return False
    return noun.head.lemma_.lower() in words("giving") | words("trading")


def _spent_at_home(span: Span) -> bool:
    """The clause says the money is the spender's own, spent at home: "from our own resources", "at the centre
    of our domestic efforts is our $3.5-billion package" (not "gross domestic product")."""
    verb = governing_verb(span.root)
    for token in clause_tokens(span):
        head = token.head.lemma_.lower()
        if _conjoined(token, verb):
            continue  # "..., of which $25 million will come from our own resources": another verb's sum
        if token.lower_ == "domestic" and token.dep_ == "amod" and head not in ("product", "violence"):
            return True
        if token.lower_ == "own" and head in words("own_money"):
            return True
    return _for_our_own(span, verb)


def _for_our_own(span: Span, verb: Token | None) -> bool:
    """"We have allocated $20 million to support our farmers": the speaker's own people or things are what
    the money is for, and no other state, people or body is named in the clause."""
    tokens = [t for t in verb.subtree if not _conjoined(t, verb)] if verb is not None else []
    if verb is None or verb.lemma_.lower() in ("contribute", "donate", "pledge", "grant", "give") or \
            any(t.ent_type_ in ("GPE", "NORP", "ORG", "LOC") for t in tokens):
        return False  # what is contributed or given goes to others
    if any(p.lower_ == "to" and p.dep_ == "prep" and not any(c.lower_ in ("our", "my") for o in p.children
                                                                for c in o.children) for p in verb.children):
        return False  # "to the Fund": a receiver that is not ours
    cues = measure_cues()
    return any(t.lower_ in ("our", "my") and t.dep_ == "poss" and t.head.lemma_.lower() not in words("others")
               and t.head.lemma_.lower() not in cues and t.head.i > span.root.i for t in tokens)


def _conjoined(token: Token, verb: Token | None) -> bool:
    """The token is in a clause joined to the figure's verb by "and", not in one of its own phrases."""
    for node in token.ancestors:
        if verb is not None and node.i == verb.i:
            return False
        if node.pos_ in ("VERB", "AUX") and node.dep_ == "conj":
            return True
    return False


def _privately_committed(span: Span) -> bool:
    """A pledge or commitment its own words make private ("private sector commitments", "commitments made by
    business leaders")."""
    for noun in (t for t in context(span) if t.lemma_.lower() in words("pledges")):
        makers = [c for c in noun.children if c.dep_ in ("compound", "amod", "poss")]
        makers += [g for c in noun.children if c.dep_ == "acl" for a in c.children if a.dep_ == "agent"
                   for g in a.subtree]
        return any(m.lemma_.lower() in words("private") | words("business") for m in makers)  # the nearest only
    return False


def _invested_in_public_goods(span: Span) -> bool:
    """Money a state or a fund "invests" in health, food security or the development goals abroad is aid,
    not an investment: no one holds a stake in what it buys."""
    verbs = [t for t in (governing_verb(span.root), *clause_tokens(span)) if t is not None and
             t.lemma_.lower() == "invest" and t.pos_ == "VERB"]
    return any(_names_one_of(w, words("public_goods")) for verb in verbs for w in verb.subtree
               if w.i not in range(span.start, span.end))


def _names_one_of(token: Token, lemmas: frozenset[str]) -> bool:
    """The token's lemma is one of these; for a proper noun in the plural, its singular ("the Sustainable
    Development Goals": spaCy keeps "Goals" as its own lemma)."""
    lemma = token.lemma_.lower()
    return lemma in lemmas or (token.pos_ == "PROPN" and lemma.endswith("s") and lemma[:-1] in lemmas)


def _adjacent_phrase(span: Span) -> list[Token]:
    """"raising billions in revenue", "mobilized billions more in private-sector investment": an "in" phrase
    right after the figure (or after its date, "$600 billion by 2027 in global infrastructure investments")
    that the parser hung on the verb still says what the figure is."""
    doc = span.doc
    at = span.end + (span.end < len(doc) and doc[span.end].lower_ == "more")
    if at < len(doc) and doc[at].lower_ in ("by", "over", "through") and doc[at].dep_ == "prep":
        at = max(t.i for t in doc[at].subtree) + 1  # "to mobilize $600 billion by 2027 in ... investments"
    if at >= len(doc) or doc[at].lower_ != "in" or doc[at].head.i == span.root.i or doc[at].head.pos_ != "VERB":
        return []
    return [t for c in doc[at].children if c.dep_ == "pobj" for t in (c, *c.children) if t.dep_ != "det"]


def is_need(span: Span) -> bool:
    """A sum something needs or calls for ("Africa needs $600 billion a year", "a disaster requiring $500
    million", "the plan calls for an additional $240 million", "the trillions needed"): a need, no flow."""
    root = span.root
    if any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in words("needing") for c in root.children):
        return True
    verb = governing_verb(root)
    if verb is None:
        return False
    if verb.lemma_.lower() in words("needing"):
        return True
    return verb.lemma_.lower() == "call" and any(
        a.dep_ == "prep" and a.lower_ == "for" and a.head.i == verb.i for a in root.ancestors)


def buys_with(token: Token, span: Span) -> bool:
    """"$1 billion to purchase and deliver key supplies": an infinitive on a sum says what the sum pays for;
    "80,000 tons ... to be imported" (a passive) says what happens to what is counted."""
    on_sum = token.head.i in range(span.start, span.end) and token.dep_ in ("acl", "relcl")
    # "prioritizes $1 billion to purchase ...": the infinitive hangs on the verb whose object the sum is
    on_verb = token.dep_ in ("xcomp", "advcl") and token.i > span.root.i and span.root.head.i == token.head.i \
        and span.root.dep_ == "dobj"
    if token.pos_ != "VERB" or not (on_sum or on_verb):
        return False
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) and \
        not any(c.dep_ == "auxpass" for c in token.children)


def in_purpose_phrase(token: Token, span: Span) -> bool:
    """Inside a "for ..." phrase: what a sum is for ("pledged for enhanced food production"), not what it is."""
    for node in token.ancestors:
        if node.i == span.root.i or node.pos_ in ("VERB", "AUX"):
            return False
        if node.dep_ == "prep" and node.lower_ == "for":
            return True
    return False


def is_share_of(span: Span) -> bool:
    """"67% of Canada's GDP", "40% of U.S. imports": a share of a whole, unless the figure is the rate of
    a measure noun ("a 25% tariff", "tariffs of 25% on")."""
    doc = span.doc
    following = next((t for t in doc[span.end : span.end + 3] if not t.is_space), None)
    follows_of = following is not None and following.lower_ == "of"
    rate_of_noun = span.root.dep_ in ("compound", "nmod", "amod") and span.root.head.pos_ == "NOUN"
    return follows_of and not rate_of_noun


def is_trade_noun(noun: Token) -> bool:
    """"Exports", "imports", "purchases": a trade noun, whose own naming words name the trader, not the goods."""
    cue = measure_cues().get(common_lemma(noun))
    return cue is not None and cue[0] in TRADE


def names_flow(noun: Token) -> bool:
    """"These new funds", "the first new grant", "our commitment": the subject is the flow, not a giver."""
    found = measure_cues().get(noun.lemma_.lower())
    return found is not None and found[0] in FLOWS and noun.lemma_.lower() not in words("givers")
