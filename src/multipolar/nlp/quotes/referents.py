"""What pronouns and role nouns can point back to: the people, bodies and groups a document names.

Actor mentions, names the parser found, and subjects that name no actor ("Ghana's cocoa regulator", "a
port worker"), each with the words that describe it (its apposition, its office), for role nouns
("the minister" goes to a person described as a minister); and the holder of a title on the document's
date, for a role noun with no one named before ("the Secretary-General").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from multipolar.nlp.actors import agents as actors_agents
from multipolar.nlp.entities import entities_within
from multipolar.nlp.quotes.actors import (
    Described,
    describe_phrase,
    generic_titles,
    people_words,
    person_nouns,
)
from multipolar.nlp.quotes.find import speaker_country, word_set, word_table
from multipolar.nlp.quotes.owners import sectors_of_owners
from multipolar.nlp.quotes.transcript import home_countries
from multipolar.nlp.spans import ActorMention

if TYPE_CHECKING:
    from multipolar.nlp.actors.resolve import ActorResolver
    from multipolar.nlp.quotes.speakers import Attribution

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


@dataclass
class Referent:
    """Someone or something a later pronoun or role noun can point back to."""

    start: int
    end: int
    kind: str
    """person, body (an organisation, a state, a document) or group (a plural)."""
    described: Described
    subject: bool
    words: frozenset[str]
    gender: str | None = None
    target: Referent | None = None
    """For a resolved pronoun: the referent it stands for."""
    sector_found: str | None = None
    """The sector its own phrase gave, before what the document says elsewhere corrected it."""

    def __post_init__(self) -> None:
        self.sector_found = self.described.sector

    @property
    def resolved(self) -> Referent:
        return self.target or self


def office_holder(attribution: Attribution, token: Token) -> Referent | None:
    """"the Secretary-General", "the Vice President" with no one named before: who held that office on the
    document's date (an international title alone, else the office in the state the document is about)."""
    resolver = attribution.resolver
    if resolver is None:
        return None
    day = attribution.doc._.mp_date
    lo, hi = phrase(token, attribution.quoted)  # "the Vice President, who oversees ...": the title alone
    words = [t for t in token.doc[lo:hi] if t.dep_ != "det" and not t.is_punct and not t.is_space]
    title = re.sub(r"[^a-z]", "", "".join(t.text for t in words).lower())
    holders = {t.code for terms in resolver.gazetteer.terms.values() for t in terms
               if _international(resolver, t.country) and re.sub(r"[^a-z]", "", t.title.lower()) == title
               and t.covers(day)}
    code = holders.pop() if len(holders) == 1 else None
    if code is None:
        hit = resolver.gazetteer.agent_at([t.text for t in words], 0)
        if hit is None or hit[1] != len(words) or not hit[0].role:
            return None
        role = hit[0].role  # the first state, in `home_countries` order, that has the office on the day
        code = next((c for country in home_countries(attribution, token)
                     for c in [actors_agents.office_holder(resolver, country, role, day)] if c), None)
    if code is None:
        return None
    ref = resolver.ref(code, day)
    start, end = min(t.i for t in words), max(t.i for t in words) + 1
    described = Described(token.doc[start:end].text, ref, speaker_country(ref), ref.role, start, end, "person", True)
    return Referent(start, end, "person", described, True, frozenset())


def _international(resolver: ActorResolver, country: str | None) -> bool:
    """An office of no state: of no country, or of an organisation (the UN's Secretary-General)."""
    info = resolver.gazetteer.actors.get(country) if country else None
    return country is None or (info is not None and info.kind in ("igo", "bloc"))


def hold_offices(attribution: Attribution) -> None:
    """"Q The President said ... when he said": a bare title no one named before holds is the holder of that
    office on the date, for the pronouns that point back to it too."""
    doc = attribution.doc
    for referent in attribution.referents:
        if referent.kind != "person" or referent.target is not None or referent.described.actor is not None \
                or not bare_role(doc, referent.start, referent.end):
            continue
        title = words_of(doc[referent.start : referent.end].text)
        if any(r.start < referent.start and r.target is None and title <= r.words for r in attribution.referents
               if r is not referent):
            continue
        holder = office_holder(attribution, doc[referent.start : referent.end].root)
        if holder is not None:
            referent.described = holder.described


def phrase(token: Token, quoted: set[int]) -> tuple[int, int]:
    """The subject's phrase: its subtree, without relative clauses, quotations and what follows a dash."""
    keep = [t.i for t in token.subtree if t.i not in quoted]
    cut = [t for t in token.subtree if t.dep_ in ("relcl", "acl") and t.i > token.i]
    end = max(keep) + 1 if keep else token.i + 1
    if cut:
        end = min(end, *[min(x.i for x in c.subtree) for c in cut])
    start = min(keep) if keep else token.i
    while start < token.i and token.doc[start].is_punct:
        start += 1
    while end > start + 1 and (token.doc[end - 1].is_punct or token.doc[end - 1].dep_ == "case"):
        end -= 1
    return start, max(end, token.i + 1)


def words_of(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z]+", text.lower()) if w not in ("the", "a", "an", "of", "s"))


def gender_of(doc: Doc, described: Described) -> str | None:
    """"he" or "she" by the words of the description ("a widow", "the king"); a mixed one tells nothing."""
    if described.start is None or described.end is None:
        return None
    table = word_table("gender_words.tsv")
    span = doc[described.start : described.end]
    genders = {table.get(t.lower_.rstrip(".")) for t in span} - {None, ""}
    if not genders:
        genders = {g for g in (given_name_gender(w) for w in _given_names(span, described)) if g}
    return genders.pop() if len(genders) == 1 else None


def given_name_gender(word: str) -> str | None:
    """"Maria", "Ivan": the gender of almost everyone who bears the name (`data/quotes/given_names.tsv`)."""
    return word_table("given_names.tsv").get(word.lower())


def _given_names(span: Span, described: Described) -> list[str]:
    """The first word of each full name in the phrase, as the parser or the actor tables give it (a name
    of one word is a surname: "Prime Minister Meir")."""
    names = [e[0].text for e in entities_within(span.doc, span.start, span.end) if e.label_ == "PERSON" and len(e) > 1]
    actor = described.actor
    if not names and actor is not None and actor.kind == "person" and len(actor.name.split()) > 1:
        names = [actor.name.split()[0]]
    return names


def referents(attribution: Attribution, doc: Doc) -> list[Referent]:
    """People, bodies and groups named outside quotations, in order, for pronouns and role nouns."""
    found: list[Referent] = []
    covered: set[int] = set()
    for mention in attribution.mentions:
        if mention.start in attribution.quoted or mention.how == "voice":
            continue
        ref = mention.actors[0]
        start, end = _described_span(doc, mention.start, mention.end)
        described = describe_phrase(attribution, start, end, mention=mention)
        kind = "person" if ref.kind == "person" or _one_person(doc, mention) else \
            "group" if len(mention.actors) > 1 else "body"
        words = words_of(doc[start:end].text) | words_of(f"{ref.office or ''} {ref.name}".replace("_", " "))
        found.append(Referent(mention.start, mention.end, kind, described, _is_subject(doc[mention.end - 1]),
                              words, gender_of(doc, described)))
        covered.update(range(mention.start, mention.end))
    for ent in doc.ents:
        if ent.label_ != "PERSON" or ent.start in attribution.quoted or _is_place(ent.root) or \
                any(k in covered for k in range(ent.start, ent.end)):
            continue
        start, end = _described_span(doc, ent.start, ent.end)
        described = describe_phrase(attribution, start, end, person=ent)
        found.append(Referent(ent.start, ent.end, "person", described, _is_subject(ent.root),
                              words_of(doc[start:end].text), gender_of(doc, described)))
        covered.update(range(ent.start, ent.end))
    found.extend(_subject_phrases(attribution, doc, covered))
    found = [r for r in found if not _stage_direction(doc, r.start)]
    found.sort(key=lambda r: r.start)
    _link_appositions(doc, found, {m.start: m for m in attribution.mentions})
    _counterparts(doc, found)
    _link_roles(doc, found)
    _link_surnames(doc, found)
    _link_descriptions(attribution, found)
    sectors_of_owners(doc, found)
    _one_of_them(doc, found)
    return found


def _stage_direction(doc: Doc, start: int) -> bool:
    """"(Laughs.)", "(Applause.)": a transcript's note of what happened is no one to point back to."""
    if start == 0 or doc[start - 1].text != "(":
        return False
    close = next((t.i for t in doc[start : start + 5] if t.text == ")"), None)
    return close is not None and doc[close - 1].text == "."


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


def plural(token: Token) -> bool:
    return token.tag_ in ("NNS", "NNPS") or (token.pos_ == "NOUN" and token.lower_ != token.lemma_.lower()
                                             and token.lower_.endswith("s"))


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


def _one_person(doc: Doc, mention: ActorMention) -> bool:
    """"the United Nations envoy", "a law student": a singular word for a person heads a mention of the
    body they belong to, and "he" or "she" can point back to it."""
    last = doc[mention.start : mention.end].root  # "Commander of Iran": the commander
    office = mention.how == "knowledge_base" and mention.actors[0].kind == "organization"  # "President of the
    return (mention.how in ("agent", "generic") or office) and last.tag_ in ("NN", "NNP") and \
        last.lemma_.lower() in people_words()  # United States": an office, held by one person


def bare_role(doc: Doc, start: int, end: int) -> bool:
    """"the minister", "the Vice President": a definite title with no name, which points back to someone."""
    span = doc[start:end]
    words = [t for t in span if t.dep_ != "det" and not t.is_punct]
    definite = span[0].lower_ == "the" or (start > 0 and doc[start - 1].lower_ == "the")
    return definite and bool(words) and span.root.ent_type_ != "PERSON" and \
        all(t.lemma_.lower() in person_nouns() or t.lower_ in word_set("title_words.txt") for t in words)


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
        referent.target = next(earlier, None) or next(later, None)  # a headline's "Schumer", named in full below
        if referent.target is not None:
            referent.kind = "person"


def courtesy_gender(doc: Doc, start: int) -> str | None:
    """"Mrs. Trump", "Mr. Sands": the gender the courtesy title just before a surname gives."""
    if start == 0 or doc[start - 1].lower_.rstrip(".") not in COURTESY_TITLES:
        return None
    return word_table("gender_words.tsv").get(doc[start - 1].lower_.rstrip(".")) or None


COURTESY_TITLES = frozenset({"mr", "mrs", "ms", "miss", "madam", "madame", "mme"})


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


def _subject_phrases(attribution: Attribution, doc: Doc, covered: set[int]) -> list[Referent]:
    """Subjects that name no actor ("Ghana's cocoa regulator", "a port worker"), and objects that name a
    person ("remembered an old woman"), can still be pointed back to."""
    found = []
    for token in doc:
        one = token.lower_ == "one" and token.dep_ in SUBJECT_DEPS and any(c.lower_ == "of" for c in token.children)
        if (token.pos_ not in ("NOUN", "PROPN") and not one) or token.i in covered or token.i in attribution.quoted:
            continue  # "One of them, a 21-year-old student, said ...": someone a later "she" can mean
        if token.dep_ not in SUBJECT_DEPS and not (token.dep_ in ("dobj", "pobj", "attr") and _person_object(token)):
            continue
        start, end = phrase(token, attribution.quoted)
        if any(k in covered for k in range(start, end)) and not (
                token.dep_ in SUBJECT_DEPS and token.pos_ == "NOUN" and token.lemma_.lower() in people_words()):
            continue  # "Kenya's chief negotiator ... had written": a person, whatever the words around name
        described = describe_phrase(attribution, start, end)
        kind = described.kind if described.kind != "unknown" else ("group" if token.tag_ in ("NNS", "NNPS") else "body")
        found.append(Referent(start, end, kind, described, token.dep_ in SUBJECT_DEPS,
                              words_of(doc[start:end].text), gender_of(doc, described)))
    return found


def _person_object(token: Token) -> bool:
    """"remembered an old woman", "listen to the Deputy Commander of ...": a person named as an object."""
    if token.pos_ == "NOUN":
        return token.lemma_.lower() in person_nouns()
    return token.lower_ in people_words() and any(c.dep_ == "det" for c in token.children)


def _described_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A name with the apposition that describes it: "Ivan Kolev, the head of the gas grid operator"."""
    root = doc[start:end].root
    head = root.head if root.dep_ == "appos" else root
    if root.dep_ == "appos":
        head = _owner_of_phrase(head)
    named = _named_by(root)
    if named is not None:
        head = named  # "the great Somali poet known as Gaarriye": the poet's description is his
    tokens = [t.i for t in head.subtree]
    lo, hi = min([*tokens, start]), max([*tokens, end - 1]) + 1
    if hi - lo > 25:
        return start, end
    return lo, hi


def relative_head(pronoun: Token, head: Token) -> Token:
    """"Senator X of the opposition party, who called ...": "who" is a person, though the parser hangs
    the clause on the nearest noun; it goes to the person that noun's phrase belongs to."""
    if pronoun.lower_ not in ("who", "whom") or head.ent_type_ == "PERSON" or head.lemma_.lower() in people_words():
        return head
    node = head
    for _ in range(3):
        if node.dep_ != "pobj" or node.head.dep_ != "prep":
            break
        node = node.head.head
        if node.ent_type_ == "PERSON" or node.lemma_.lower() in people_words():
            return node
    return head


def _named_by(name: Token) -> Token | None:
    """The person noun a name is given to: "the poet known as X", "a man called X", "a woman named X"."""
    verb = name.head.head if name.dep_ == "pobj" and name.head.lower_ == "as" else name.head \
        if name.dep_ in ("oprd", "dobj", "attr") else None
    if verb is None or verb.dep_ != "acl" or verb.lemma_.lower() not in ("know", "call", "name", "nickname"):
        return None
    return verb.head if verb.head.lemma_.lower() in person_nouns() else None


def _owner_of_phrase(noun: Token) -> Token:
    """"A spokesman for the Rapid Support Forces, Youssef Ezzat": the parser hangs the name on the nearest
    noun; it describes the person noun that heads the phrase."""
    node = noun
    for _ in range(3):
        if node.dep_ != "pobj" or node.head.dep_ != "prep" or node.head.head.pos_ not in ("NOUN", "PROPN"):
            break
        node = node.head.head
    return node if node.lemma_.lower() in person_nouns() else noun


def _is_place(token: Token) -> bool:
    """"a shelter in Khan Younis": a name after "in" or "near" is a place, whatever the parser calls it."""
    return token.dep_ == "pobj" and token.head.lower_ in ("in", "at", "near", "outside", "from", "across", "to")


def _is_subject(token: Token) -> bool:
    node = token
    for _ in range(5):
        if node.dep_ in SUBJECT_DEPS:
            return True
        if node.dep_ == "appos" and node.head.dep_ == "pobj":
            node = _owner_of_phrase(node.head)  # "A spokesman for the group, X, said"
            if node.dep_ == "pobj":
                return False
            continue
        if node.dep_ not in ("appos", "compound", "conj") or node.head.i == node.i:
            return False
        node = node.head
    return False
