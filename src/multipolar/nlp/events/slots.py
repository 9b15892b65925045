"""What fills a verb's slots, for the event coder: the noun a relative pronoun stands for, what a container
noun holds, the words of a subject's phrase; and when coordinated actors do not act on each other, an
infinitive is an agreement's content, or a target is the actor's own people."""

from __future__ import annotations

from spacy.tokens import Token

from multipolar.coding.tables import Pattern, word_list
from multipolar.nlp.events.arguments import ActorHit
from multipolar.nlp.events.pairs import people

_NOT_CONTAINERS = word_list("not_containers")
_AGREEMENTS = word_list("agreements")
_AID_NOUNS = frozenset({"aid", "assistance", "support", "help", "relief", "package"})
_AID_KINDS = (("072", "military", word_list("aid_military")), ("073", "humanitarian", word_list("aid_humanitarian")),
              ("071", "economic", word_list("aid_economic")))


def others(sources: list[ActorHit], targets: list[ActorHit]) -> list[ActorHit]:
    """Targets other than a state's own people and sectors ("American workers", "our farmers")."""
    states = {ref.state_code for m, _ in sources for ref in m.actors if ref.kind == "state"}
    return [(m, t) for m, t in targets if not ((people(m) or m.how == "agent") and
                                               {ref.state_code for ref in m.actors} <= states)]


_RELATIVE_PRONOUNS = frozenset({"that", "which", "whom"})


def relative_objects(verb: Token, objects: list[Token]) -> list[Token]:
    """"the missile attacks that Russia perpetrated": in a relative clause the relative pronoun stands for the
    noun the clause hangs on."""
    if verb.dep_ != "relcl" and not (verb.dep_ == "acl" and any(c.dep_ == "nsubj" for c in verb.children)):
        return objects  # (an "acl" with a subject of its own is a relative clause the parse mislabelled)
    if not objects and not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _RELATIVE_PRONOUNS | {"who"}
                               for c in verb.children) and any(c.dep_ == "nsubj" for c in verb.children):
        return [verb.head]  # "the tariffs it imposed on China": the pronoun left out
    return [verb.head if o.lower_ in _RELATIVE_PRONOUNS else o for o in objects]


def not_mutual(verb: Token, pattern: Pattern, sources: list[ActorHit], slot: list[Token]) -> bool:
    """"France and Germany welcomed the decision", "expected to be joined by Italian and German vessels": actors
    whose act lands on a thing the verb names do not act on each other."""
    states = {ref.state_code for m, _ in sources for ref in m.actors}
    return len(states) >= 2 and "dobj" in pattern.targets and not pattern.is_light and any(
        t.pos_ in ("NOUN", "PROPN") for t in slot)


def agreed_content(verb: Token) -> bool:
    """"signed an agreement to increase trade": what an agreement is for is its content, not a further act."""
    if verb.dep_ != "advcl" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False  # ("an agreement by Mongolia to export coal": the noun's own infinitive is what it promises)
    holder = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
    return holder is not None and holder.lemma_.lower() in _AGREEMENTS


def held(word: Token) -> list[Token]:
    """What a container noun holds: "$1bn in aid", "a package of sanctions", "rounds of negotiations"; not
    what a goal or a need is about ("pursue the goals of disarmament")."""
    if word.lemma_.lower() in _NOT_CONTAINERS:
        return []
    return [p for prep in word.children if prep.dep_ == "prep" and prep.lower_ in ("in", "of")
            for p in prep.children if p.dep_ == "pobj"]


def phrase_heads(noun: Token) -> list[Token]:
    """A subject noun, the nouns compounded on it and its "of" object: "deployment", "troops", "peacekeeping"."""
    found = [noun, *(c for c in noun.children if c.dep_ == "compound")]
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (o for o in prep.children if o.dep_ == "pobj"):
            found += [obj, *(c for c in obj.children if c.dep_ in ("compound", "amod"))]
    return found


def aid_kind(objects: list[Token]) -> tuple[str, str] | None:
    """The CAMEO code and mode an aid noun's qualifier names: "security assistance" (072 military),
    "humanitarian aid" (073), "development assistance" (071), also after a sum ("$500 million in ...")."""
    nouns = [n for o in objects for n in (o, *held(o)) if n.lemma_.lower() in _AID_NOUNS]
    words = {c.lemma_.lower() for n in nouns for c in n.children if c.dep_ in ("amod", "compound")}
    return next(((code, mode) for code, mode, kind in _AID_KINDS if words & kind), None)
