"""How referents point at each other: a title set beside a name, a counterpart, a bare role ("the ambassador"),
a surname, a description in the next sentence, "one of them"; each sets `Referent.target` or corrects a sector."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from multipolar.nlp.quotes.actors import generic_titles, people_words, person_nouns
from multipolar.nlp.quotes.find import word_set
from multipolar.nlp.quotes.gender import courtesy_gender, given_name_gender
from multipolar.nlp.quotes.owners import sectors_of_owners
from multipolar.nlp.quotes.phrases import SUBJECT_DEPS, bare_role, plural, words_of
from multipolar.nlp.spans import ActorMention

if TYPE_CHECKING:
    from multipolar.nlp.quotes.referents import Referent
    from multipolar.nlp.quotes.speakers import Attribution

def link_referents(attribution: Attribution, found: list[Referent]) -> None:
    """Point referents that describe someone named elsewhere at that one, in this order: appositions,
    counterparts, bare roles, surnames, descriptions; then the sectors owners and groups give."""
    doc = attribution.doc
    _link_appositions(doc, found, {m.start: m for m in attribution.mentions})
    _counterparts(doc, found)
    _link_roles(doc, found)
    _link_surnames(doc, found)
    _link_descriptions(attribution, found)
    sectors_of_owners(doc, found)
    _one_of_them(doc, found)


def _link_appositions(doc: Doc, found: list[Referent], mentions: dict[int, ActorMention]) -> None:
    """"Maria Petrova, Bulgaria's deputy energy minister": a title set beside a person's name is that person
    (the name, when one of the two is a bare office)."""
    for referent in found:  # "Ágnes Vadai, a lawmaker": a name the tables took for a body, with a person beside it
        actor = referent.described.actor
        if referent.kind == "body" and actor is not None and actor.origin == "document" and any(
                c.dep_ == "appos" and c.lemma_.lower() in people_words() for c in doc[referent.end - 1].children):
            referent.kind = "person"
    people = [r for r in found if r.kind == "person"]
    for referent in people:
        head = doc[referent.end - 1]
        partners = {head.head.i} if head.dep_ == "appos" else set()
        partners |= {c.i for c in head.children if c.dep_ == "appos"}
        other = next((p for p in people if p is not referent and p.target is None and
                      any(p.start <= k < p.end for k in partners)), None)
        if other is None:
            continue
        titles = [r for r in (referent, other) if _is_title_mention(r, mentions)]
        if len(titles) == 1:
            person = other if titles[0] is referent else referent
            titles[0].target = person
            _title_sector(doc, mentions[titles[0].start], titles[0], person)
        elif other.start < referent.start:
            referent.target = other
        else:
            other.target = referent


def _title_sector(doc: Doc, mention: ActorMention, title: Referent, person: Referent) -> None:
    """A person only the document knows takes the sector of the word for a person set beside their name
    ("a lawmaker for the Democratic Coalition" is `LEG`, not the coalition's `PTY`)."""
    actor = person.described.actor
    head = doc[title.end - 1]
    sector = mention.actors[0].role
    if actor is None or actor.origin != "document" or not sector or head.lemma_.lower() in generic_titles() or \
            head.lemma_.lower() not in people_words():
        return
    person.described = replace(person.described, sector=sector)


def _is_title_mention(referent: Referent, mentions: dict[int, ActorMention]) -> bool:
    mention = mentions.get(referent.start)
    return mention is not None and mention.how in ("agent", "generic")


def _counterparts(doc: Doc, found: list[Referent]) -> None:
    """"Ethiopia's foreign minister, Tadesse Wolde ... His Somali counterpart, Hodan Abdi Farah": a counterpart
    holds the same title, so "the minister" can mean them too."""
    for index, referent in enumerate(found):
        if referent.kind != "person" or "counterpart" not in referent.words:
            continue
        other = next((r.resolved for r in reversed(found[:index]) if r.kind == "person" and r.end <= referent.start
                      and r.resolved is not referent and r.resolved.described.named
                      and doc[r.end - 1].tag_ not in ("NNS", "NNPS") and "counterpart" not in r.resolved.words), None)
        if other is not None:
            titles = frozenset(w for w in other.words if w in person_nouns() or w in word_set("title_words.txt"))
            referent.words = referent.words | titles


def _link_roles(doc: Doc, found: list[Referent]) -> None:
    """A bare title ("the ambassador said") stands for the last one named before whose description holds
    it ("Ukraine's ambassador, Sergiy Kyslytsya") and who spoke, else the last one named, so a pronoun after
    it reaches that person too."""
    for index, referent in enumerate(found):
        if referent.target is not None or not bare_role(doc, referent.start, referent.end):
            continue
        head = words_of(doc[referent.start : referent.end].text)
        earlier = [r for r in reversed(found[:index]) if r.target is None and r.kind == referent.kind
                   and head <= r.words and (r.described.named or _introduced(doc, r, head))
                   and r.end <= referent.start]
        speaking = (r for r in earlier if _speaks(doc[r.start : r.end].root))
        referent.target = next(speaking, earlier[0] if earlier else None)  # the last one who spoke, if any


def _speaks(token: Token) -> bool:
    """"The President of the United States told us": the subject of a speech verb."""
    return token.dep_ in SUBJECT_DEPS and token.head.lemma_.lower() in word_set("speech_verbs.txt")


def _introduced(doc: Doc, referent: Referent, head: frozenset[str]) -> bool:
    """"She went to a judge ... The judge did nothing": "the X" after "a X" is that one."""
    return doc[referent.start].lower_ in ("a", "an") and words_of(doc[referent.start + 1 : referent.end].text) == head


def _link_surnames(doc: Doc, found: list[Referent]) -> None:
    """"Mwangi, 51, has spent two decades ...": a bare surname is the person named in full before."""
    for index, referent in enumerate(found):
        actor = referent.described.actor
        if referent.target is not None or referent.end - referent.start != 1 or not (
                referent.kind == "person" or (actor is not None and actor.kind == "other")):
            continue  # a surname the knowledge base took for a place ("Marin") is still the person
        surname = doc[referent.start].lower_
        gender = courtesy_gender(doc, referent.start) or referent.gender
        earlier = (r for r in reversed(found[:index]) if r.kind == "person" and r.target is None and
                   (gender is None or r.gender in (None, gender)) and
                   (r.described.text or "").lower().split()[-1:] == [surname] and len(r.described.text or "") > 1
                   and r.end - r.start > 1)
        later = (r for r in found[index + 1 :] if r.kind == "person" and r.target is None and r.end - r.start > 1
                 and (gender is None or r.gender in (None, gender))
                 and r.described.actor is not None
                 and (r.described.text or "").lower().split()[-1:] == [surname])
        referent.target = next(earlier, None) or next(later, None) or _given_name_of(doc, found[:index], referent)
        if referent.target is not None:  # a headline's "Schumer", named in full below
            referent.kind = "person"


def _given_name_of(doc: Doc, before: list[Referent], referent: Referent) -> Referent | None:
    """"the Director of the CIA, Bill Burns. ... As Bill says:": a given name alone (`given_names.tsv`) is the one
    person named in full before with it first (no one if two are)."""
    given = doc[referent.start].text
    if referent.kind != "person" or given_name_gender(given) is None:
        return None
    named = {(r.described.text or "").lower(): r for r in reversed(before) if r.kind == "person"
             and r.target is None and r.end - r.start > 1 and doc[r.start].text == given}
    return next(iter(named.values())) if len(named) == 1 else None


def _link_descriptions(attribution: Attribution, found: list[Referent]) -> None:
    """"When Rebecca Mwangi walked in, she carried one page. Kenya's chief negotiator had written three words
    on it": a description with no name, the subject of the sentence after the one that names a single
    person, in the same paragraph, is that person, and tells their sector when nothing else did."""
    doc = attribution.doc
    for referent in found:
        head = doc[referent.start : referent.end].root
        if referent.kind != "person" or referent.described.named or not referent.subject or \
                referent.target is not None or doc[referent.start].lower_ in ("a", "an") or \
                head.lemma_.lower() not in people_words():
            continue
        here = attribution.sentence_of.get(referent.start, 0)
        if here == 0 or "\n\n" in doc[attribution.sentences[here - 1].start : referent.start].text:
            continue
        before = attribution.sentences[here - 1]
        named = {id(r.resolved): r.resolved for r in found if before.start <= r.start < before.end
                 and r.kind == "person" and r.resolved.described.named}
        others = [r for r in found if attribution.sentences[here].start <= r.start < referent.start
                  and r.kind == "person"]
        if len(named) != 1 or others:
            continue
        person = next(iter(named.values()))
        referent.target = person
        if person.described.sector in (None, "CVL") and referent.described.sector:
            person.described = replace(person.described, sector=referent.described.sector,
                                       country=person.described.country or referent.described.country)


def _one_of_them(doc: Doc, found: list[Referent]) -> None:
    """"Western diplomats were sceptical. One of them said ...": one of a group named just before is of that
    group's sector and country, not a private person."""
    for index, referent in enumerate(found):
        words = [t.lower_ for t in doc[referent.start : min(referent.end, referent.start + 3)]]
        if words[:3] != ["one", "of", "them"] or referent.described.sector not in (None, "CVL"):
            continue
        group = next((r.resolved for r in reversed(found[:index]) if r.end <= referent.start
                      and (r.kind == "group" or plural(doc[r.end - 1]))
                      and referent.start - r.end < 40), None)
        if group is not None and group.described.sector:
            referent.described = replace(referent.described, sector=group.described.sector,
                                         country=referent.described.country or group.described.country)
