"""Who gives when a figure's clause has no state for a doer: the maker of a promise a sum is the content of,
and private givers (companies, funds) whose money is not the text's own state's.

Why apart: both decide that the document's voice does not give, which the reader would otherwise assume
for an announced flow ("the commitment to mobilize $100 billion" in a speech that only calls for it kept;
"Switch Bioworks, a fertilizer company, has committed $10 million" in a fact sheet).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from multipolar.nlp.figures.measure import FLOWS, measure_cues
from multipolar.nlp.figures.syntax import (
    common_lemma,
    flow_nouns,
    governing_verb,
    named_flow,
    subject_token,
    verb_chain,
)
from multipolar.nlp.figures.words import words
from multipolar.nlp.first_person import first_person_words
from multipolar.nlp.spans import ActorMention

_FIRST_PERSON = first_person_words("mention")


def promise_noun(verb: Token) -> Token | None:
    """"The commitment to mobilize $100 billion", "their pledge to provide", "the goal of providing $100
    billion", "their commitment to contributing": the promise noun the verb says the content of."""
    infinitive = verb.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    head = verb.head
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in ("of", "to"):
        infinitive, head = True, head.head  # "the goal of providing", "commitment to contributing"
    if infinitive and head.pos_ == "NOUN" and head.lemma_.lower() in words("promises"):
        return head
    return None


def promise_maker(noun: Token) -> Token | None:
    """Who made the promise: its possessor ("our commitment", "Qatar's pledge"), the agent of its participle
    ("the pledge made by Japan"), or the subject of a verb of making it ("we made a commitment to",
    "Monroe Capital is announcing a commitment to"); None when the text names no one ("the commitment to
    mobilize $100 billion must be fulfilled")."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ == "by":  # "the pledges by India and China to contribute"
            return next((g for g in child.children if g.dep_ == "pobj"), None)
        if child.dep_ == "acl" and child.tag_ == "VBN":
            agent = next((g for a in child.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"),
                         None)
            if agent is not None:
                return agent
    verb = noun.head
    if noun.dep_ == "dobj" and verb.lemma_.lower() in words("making"):
        return subject_token(verb)
    return None


def is_first_person(token: Token) -> bool:
    """"We", "our" or "my": the speaker."""
    return token.lower_ in _FIRST_PERSON


def is_private(subject: Token) -> bool:
    """A company or private fund named as the doer: "Lumen Technologies", "Switch Bioworks, a living
    fertilizer company", "the Global Fund's private sector partners"."""
    if subject.lemma_.lower() in words("givers"):
        return True
    if subject.pos_ != "PROPN":
        return False  # "these new funds bring the total to": the flow itself, not a private giver
    name = [subject, *(c for c in subject.children if c.dep_ in ("compound", "flat", "appos"))]
    return any(t.lemma_.lower() in words("private") or t.lower_.strip(".") in words("private") for t in name)


def placed(mention: ActorMention) -> bool:
    """A state or body, or a person or group whose country is known: only those are ends of a flow (a person
    the text names without saying whose they are, "Representative Boebert's district", is none), never "the
    international community" (category `collective`: everyone at once)."""
    actor = mention.actors[0]
    return actor.category != "collective" and (actor.kind not in ("person", "organization", "other") or
                                               actor.country is not None)


def names_a_giver(mention: ActorMention) -> bool:
    """A state's name or its government ("U.S. assistance", "U.S. government support"), not a body the flow
    is for ("Moldovan border security assistance")."""
    return mention.how == "name" or (mention.how == "agent" and mention.actors[0].role == "GOV")


def giving(verb: Token) -> bool:
    """"We will contribute", "we have allocated": a verb of giving; not "we are tired of waiting for the $10
    billion", "we decided to establish a $20-billion fund", "we support the call for a $500 billion stimulus"."""
    return any(node.lemma_.lower() in words("giving") for node in verb_chain(verb))


def a_sale(span: Span) -> bool:
    """The figure is a sale ("a $142 billion arms sale", "sold $5 billion of ..."), whose seller, unnamed, is
    the state the text speaks for; not "exports ... from other countries"."""
    verb = governing_verb(span.root)
    nouns = [*flow_nouns(span), *named_flow(span)]
    return any(t.lemma_.lower() in ("sale", "sell") for t in [*nouns, *([verb] if verb is not None else [])])


def buying(span: Span) -> bool:
    """The figure is what is bought: its verb is one of buying ("will purchase", "agreed to buy"), or the noun it
    totals or is an amount of ("purchases of U.S. energy ... totaling $7 billion", "$3 billion in U.S. LNG
    purchases"); not "imported"."""
    verb = governing_verb(span.root)
    nouns = [*flow_nouns(span), *named_flow(span)]
    return (verb is not None and any(v.lemma_.lower() in ("purchase", "buy") for v in verb_chain(verb))) or \
        any(common_lemma(n) in ("purchase", "buy") and n.pos_ in ("NOUN", "PROPN") for n in nouns)


def gives_another_sum(token: Token) -> bool:
    """Named as the giver of a sum or a flow of the sentence ("... and €550 million from the EU", "a
    commitment from Etihad Airways") or as the subject of a verb of giving: no receiver of the sentence's
    other figures."""
    node = token
    while node.dep_ in ("compound", "amod", "det", "flat") and node.head.i != node.i:
        node = node.head
    if node.dep_ == "nsubj" and _gives_below(node.head):
        return True  # "... the United States is prepared to provide ..., and €550 million from the EU"
    prep = node.head
    if node.dep_ != "pobj" or prep.lower_ != "from" or prep.dep_ != "prep":
        return False
    holder = prep.head
    if holder.like_num or holder.ent_type_ == "MONEY":
        return True
    lemma = holder.lemma_.lower()
    cue = measure_cues().get(lemma)
    return holder.pos_ == "NOUN" and (lemma in words("pledges") or (cue is not None and cue[0] in FLOWS))


def _gives_below(verb: Token) -> bool:
    """The verb or a complement it governs is one of giving ("is prepared to provide", "will contribute")."""
    nodes = [verb]
    for node in nodes:
        if node.lemma_.lower() in words("giving") and node.pos_ == "VERB":
            return True
        nodes.extend(c for c in node.children if c.dep_ in ("xcomp", "acomp"))
    return False
