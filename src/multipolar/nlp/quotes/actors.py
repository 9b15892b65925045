"""A speaker's phrase as a speaker: the text to show, its actor, country and sector.

The actor comes from actor resolution (`doc._.mp_mentions`): the person a phrase names, else the body or
state ("a report by the International Crisis Group" speaks for the Group). A phrase that names no actor
("a port worker", "Rania Haddad, a pharmacist from Zarqa") keeps no actor but still gets a sector from its
words (the gazetteer's agent words, then `data/quotes/speaker_nouns.tsv`) and a country from a state it
names, else the one state its sentence, then its paragraph, names, else the state the document names
most.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from multipolar.nlp.quotes.find import speaker_country, word_list, word_set, word_table
from multipolar.nlp.quotes.places import speaker_country_from_text, state_of
from multipolar.nlp.spans import ActorMention, ActorRef

if TYPE_CHECKING:
    from multipolar.nlp.quotes.speakers import Attribution

_PRIORITY = {"person": 0, "organization": 1, "other": 1, "igo": 2, "bloc": 2, "state": 3}


@dataclass(frozen=True)
class Described:
    """A speaker as the text describes them."""

    text: str | None
    actor: ActorRef | None = None
    country: str | None = None
    sector: str | None = None
    start: int | None = None
    end: int | None = None
    kind: str = "unknown"
    """person, body, group, or unknown."""
    named: bool = False
    """True when the phrase names someone (a person or an actor), False for a bare description."""


def speaker_noun_sectors() -> dict[str, str]:
    return word_table("speaker_nouns.tsv")


@cache
def person_nouns() -> frozenset[str]:
    return frozenset(word_list("person_nouns.txt")) | frozenset(speaker_noun_sectors()) | \
        frozenset(private_nouns())


@cache
def private_nouns() -> frozenset[str]:
    """Words for a private person ("a widow", "a lady in her fifties"): a civilian, unless more is said."""
    rows = [line.split("\t") for line in word_list("gender_words.tsv")[1:]]
    return frozenset(row[0] for row in rows if len(row) >= 3 and row[2] == "private")


@cache
def people_words() -> frozenset[str]:
    """Words for a person, not a body: "negotiator", "pharmacist" (not "commission", "regulator", "shop")."""
    bodies = organisation_words() | word_set("body_nouns.txt")
    return frozenset(w for w in person_nouns() if w not in bodies and w not in word_list("document_nouns.txt"))


@cache
def organisation_words() -> frozenset[str]:
    return frozenset(word_list("organisation_words.txt"))


@cache
def generic_titles() -> frozenset[str]:
    return frozenset(word_list("generic_titles.txt"))


@cache
def document_nouns() -> frozenset[str]:
    return frozenset(word_list("document_nouns.txt"))


def describe_phrase(attribution: Attribution, start: int, end: int, mention: ActorMention | None = None,
                    person: Span | None = None, label: bool = False) -> Described:
    """The speaker that the tokens [start, end) name or describe."""
    doc = attribution.doc
    if label:
        return _label(attribution, start, end)
    inside = [m for m in attribution.mentions if start <= m.start and m.end <= end and m.how != "voice"]
    lo, hi = _description(attribution, start, end)
    around = [m for m in attribution.mentions if lo <= m.start and m.end <= hi and m.how != "voice"]
    root = doc[start:end].root
    if root.lemma_.lower() in document_nouns():  # "a paper published by China's Ministry of Foreign Affairs"
        clauses = {t.i for c in root.children if c.dep_ == "relcl" for t in c.subtree}
        inside = [m for m in around if m.start not in clauses]
    best = mention or min(inside, key=lambda m: (_PRIORITY.get(m.actors[0].kind, 4), m.start), default=None)
    if mention is None and person is None and len(inside) > 1 and _coordinated(doc, start, end, inside):
        return _group(doc, start, end, inside)
    states = attribution.state_tokens
    names = person or next((e for e in attribution.people if start <= e.start and e.end <= end
                            and e.start not in states), None) or _appositive_name(doc, start, end)
    if mention is None and person is None and best is not None and _named_after_person(doc, root, best):
        # "the Biden campaign", "Putin's government": a body named after a person speaks, in their country
        return Described(doc[start:end].text, None, speaker_country(best.actors[0]), _sector(attribution, lo, hi),
                         start, end, "body", True)
    if mention is not None and mention.actors[0].kind == "person":
        titled = _titled_name(attribution, mention, start, end)
        if titled is not None:
            return titled
        return _completed(attribution, _of_mention(doc, mention, "person"), lo, hi, around)
    if best is not None and best.actors[0].kind == "person" and (
            names is None or (best.start < names.end and names.start < best.end) or best.actors[0].office is None):
        described = _completed(attribution, _of_mention(doc, best, "person"), lo, hi, around)
        if best.how in ("agent", "generic") and doc[best.end - 1].lemma_.lower() in generic_titles():
            # "a Pentagon spokesman": a generic title speaks with the sector of the body it speaks for
            sector = _sector(attribution, lo, hi)
            described = replace(described, sector=sector or described.sector)
        return described
    if names is not None:
        title = best if best is not None and best.actors[0].kind == "person" else None
        body = _body_of_shared_title(attribution, names, lo, hi)
        if body is not None:  # "Stewart D. McLaurin, President of the White House Historical Association"
            country = _person_country(attribution, lo, hi, around) or document_country(attribution)
            return Described(names.text, None, country, body, names.start, names.end, "person", True)
        country = speaker_country(title.actors[0]) if title else _person_country(attribution, lo, hi, around)
        sector = title.actors[0].role if title else _sector(attribution, lo, hi)
        return Described(names.text, None, country, sector or _private(doc, lo, hi), names.start, names.end,
                         "person", True)
    return _described_otherwise(attribution, start, end, (lo, hi), around, best)


def _named_after_person(doc: Doc, root: Token, best: ActorMention) -> bool:
    """The phrase's head is a body's noun that a person's name modifies ("the Biden campaign")."""
    name = doc[best.end - 1]
    return best.actors[0].kind == "person" and not best.start <= root.i < best.end and root.pos_ == "NOUN" \
        and name.head.i == root.i and name.dep_ in ("compound", "poss") and root.lemma_.lower() not in \
        people_words() | document_nouns()


def _described_otherwise(attribution: Attribution, start: int, end: int, description: tuple[int, int],
                         around: list[ActorMention], best: ActorMention | None) -> Described:
    """A phrase that names no person: the body or group it names, the author of a document it names, a
    proper name the tables do not hold, or a bare description ("a port worker")."""
    doc = attribution.doc
    lo, hi = description
    phrase = doc[start:end]
    head = phrase.root
    is_document = head.lemma_.lower() in document_nouns()
    if best is not None and (best.start <= head.i < best.end or is_document):
        described = _of_mention(doc, best, "group" if len(best.actors) > 1 else "body")
        side = _side_taken(attribution, doc[best.start : best.end].root)
        if side is not None:  # "The main opposition party": the opposition's, whatever a party's sector
            described = replace(described, sector=side)
        if described.sector is None and best.actors[0].origin == "document":
            # "Meron Gebre, a researcher at ...": a name the document explains speaks with its description's sector
            described = replace(described, sector=_sector(attribution, lo, hi))
        if is_document:
            sector = described.sector or ("GOV" if best.actors[0].kind == "state" else None)
            return Described(phrase.text, described.actor, described.country, sector or
                             _sector(attribution, lo, hi), start, end, "body", True)
        return described
    if is_document and head.dep_ in ("dobj", "pobj") and attribution.author_of(head) is not None:
        return attribution.author_of(head)  # type: ignore[return-value]
    country = speaker_country_from_text(attribution, lo, hi, around)
    sector = _sector(attribution, lo, hi) or (best.actors[0].role if best is not None else None)
    name = _name_of(head)
    if name is not None:
        kind = "body" if is_document else _name_kind(head)  # "the Charter" is a text, not a private person
        return Described(name.text, None, country, sector or (_private(doc, lo, hi) if kind == "person" else None),
                         name.start, name.end, kind, True)
    kind = "person" if head.lemma_.lower() in person_nouns() and not _body_part(head) else \
        "group" if head.tag_ in ("NNS", "NNPS") else "body"
    return Described(phrase.text, None, country, sector or (_private(doc, lo, hi) if kind == "person" else None),
                     start, end, kind, False)


_SIDES = frozenset({"OPP", "REB"})
"""Sectors a modifier gives a body over its own: "the opposition party", "the rebel army"."""


def _side_taken(attribution: Attribution, head: Token) -> str | None:
    gazetteer = attribution.gazetteer
    if gazetteer is None:
        return None
    for child in head.children:
        if child.dep_ in ("amod", "compound", "nmod") and child.i < head.i:
            hit = gazetteer.agent_at([child.text], 0)
            if hit is not None and hit[0].sector in _SIDES:
                return hit[0].sector
    return None


def _body_part(head: Token) -> bool:
    """"as I turned my head": a head that heads nothing ("of X") and is someone's own is no person."""
    return head.lemma_.lower() == "head" and not any(c.dep_ in ("prep", "compound", "amod") for c in head.children) \
        and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children)


def _titled_name(attribution: Attribution, mention: ActorMention, start: int, end: int) -> Described | None:
    """"Paraguay's president, Santiago Peña": an office named with its holder's name beside it speaks by
    that name, with the office's country and sector."""
    if mention.how not in ("agent", "generic"):
        return None
    name = _appositive_name(attribution.doc, start, end)
    if name is None or (name.start < mention.end - 1 and mention.start < name.end):
        return None
    ref = mention.actors[0]
    return Described(name.text, ref, speaker_country(ref), ref.role, name.start, name.end, "person", True)


def _appositive_name(doc: Doc, start: int, end: int) -> Span | None:
    """"Paraguay's president, Santiago Peña": a proper name set beside a title, which the parser did not
    label a person."""
    for token in doc[start:end]:
        if token.dep_ == "appos" and start <= token.head.i < end and token.head.lemma_.lower() in person_nouns():
            name = _name_of(token)
            if name is not None and len(name) >= 2 and name.start >= start:
                return name
    return None


def _private(doc: Doc, lo: int, hi: int) -> str | None:
    """A person described by nothing but a name or a kinship ("Samira Abu Khalil", "one of them") is a
    civilian; one with a title we cannot place ("the head of ...") stays open."""
    words = {t.lemma_.lower() for t in doc[lo:hi]}
    return None if words & (generic_titles() | person_nouns() - speaker_noun_sectors().keys() - private_nouns()) \
        else "CVL"


def _name_of(head: Token) -> Span | None:
    """A proper name the parser did not label a person ("Svetlana", "Nikol Pashinyan")."""
    if head.pos_ != "PROPN" or head.ent_type_ in ("GPE", "LOC", "FAC", "NORP", "DATE", "TIME"):
        return None
    parts = [c.i for c in head.children if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN" and c.i < head.i]
    start = min(parts, default=head.i)
    if any(not t.text[:1].isupper() for t in head.doc[start : head.i + 1]):
        return None
    return head.doc[start : head.i + 1]


def _name_kind(head: Token) -> str:
    """A name is a person's when the parser says so or an apposition calls it a person ("Svetlana, a
    teacher"), or when it has no word of an organisation."""
    if head.ent_type_ == "PERSON":
        return "person"
    if any(c.dep_ == "appos" and c.lemma_.lower() in person_nouns() for c in head.children):
        return "person"
    words = {t.lower_ for t in head.subtree}
    return "body" if words & organisation_words() or (head.ent_type_ == "ORG" and head.tag_ != "NNP") else "person"


def _coordinated(doc: Doc, start: int, end: int, inside: list[ActorMention]) -> bool:
    """"Putin and Xi": two actors joined by "and", with nothing else at the head of the phrase."""
    root = doc[start:end].root
    joined = {t.i for t in root.conjuncts} | {root.i}
    return len(joined) > 1 and all(any(m.start <= i < m.end for m in inside) for i in joined)


def _group(doc: Doc, start: int, end: int, inside: list[ActorMention]) -> Described:
    countries = {speaker_country(m.actors[0]) for m in inside}
    sectors = {m.actors[0].role for m in inside}
    return Described(doc[start:end].text, None, countries.pop() if len(countries) == 1 else None,
                     sectors.pop() if len(sectors) == 1 else None, start, end, "group", True)


def _description(attribution: Attribution, start: int, end: int) -> tuple[int, int]:
    """The phrase with what describes it, relative clauses included ("Kwame Asare, who heads a farmers'
    association"), when that stays short."""
    doc = attribution.doc
    tokens = [i for i in own_subtree(doc[start:end].root) if i not in attribution.quoted]
    lo, hi = min([*tokens, start]), max([*tokens, end - 1]) + 1
    before = doc[lo - 1] if lo > 0 else None
    if before is not None and before.pos_ == "NOUN" and doc[lo].pos_ == "PROPN" and \
            before.lemma_.lower() in people_words() and before.i not in attribution.quoted:
        lo = min(t.i for t in before.subtree)  # "as our famous diplomat Genaro Estrada once said", split by the parser
    return (lo, hi) if hi - lo <= 30 else (start, end)


def own_subtree(token: Token) -> list[int]:
    """The indexes of a token's subtree without the conjuncts hung on it: in "Adviser X and Envoy Y said" the
    title "Envoy" describes Y, not X."""
    joined = {t.i for c in token.children if c.dep_ in ("conj", "cc") for t in c.subtree}
    return [t.i for t in token.subtree if t.i not in joined]


def _completed(attribution: Attribution, described: Described, lo: int, hi: int,
               around: list[ActorMention]) -> Described:
    """A person the document introduces keeps the country and sector its description gives, where actor
    resolution left them open ("Ayşe Demir, a coordinator with the Turkish disaster agency")."""
    ref = described.actor
    if ref is not None and described.sector == "ELI":
        # no office on the date, but the text says what they do now ("X, a researcher at ...")
        words = {t.lower_ for t in attribution.doc[lo:hi]}
        current = None if words & {"former", "ex", "ex-", "retired", "then", "late"} else _sector(attribution, lo, hi)
        return replace(described, sector=current) if current else described
    if ref is not None and ref.origin == "document" and _former(attribution.doc, lo, hi):
        return replace(described, sector="ELI")
    if ref is not None and ref.origin != "document" and described.sector is None:
        return replace(described, sector=_sector(attribution, lo, hi))  # the tables know the person, not the job
    if ref is None or ref.origin != "document" or (described.country and described.sector):
        return described
    others = [m for m in around if m.actors[0] is not ref]
    return replace(described, country=described.country or _person_country(attribution, lo, hi, others),
                   sector=described.sector or _sector(attribution, lo, hi) or _private(attribution.doc, lo, hi))


def _former(doc: Doc, lo: int, hi: int) -> bool:
    """"Mark Hollis, a former Canadian ambassador": the first title that describes the person is one they
    no longer hold (a former holder is `ELI`)."""
    title = next((t for t in doc[lo:hi] if t.pos_ == "NOUN" and t.lemma_.lower() in people_words()), None)
    return title is not None and any(c.lower_ in ("former", "retired", "ex") for c in title.children)


def _of_mention(doc: Doc, mention: ActorMention, kind: str) -> Described:
    ref = mention.actors[0]
    start = mention.start
    civil = None
    if start >= 2 and doc[start].lower_ == "general" and doc[start - 1].text in ("-", "‐") and \
            doc[start - 2].lower_ in word_table("civil_generals.tsv"):
        # "Secretary-General António Guterres": the parser splits the office, so that he looks military
        start, civil = start - 2, word_table("civil_generals.tsv")[doc[start - 2].lower_]
    text = doc[start : mention.end].text.strip(",;:.–—-()[] ")
    if len(mention.actors) > 1:
        countries = {speaker_country(r) for r in mention.actors}
        return Described(text, None, countries.pop() if len(countries) == 1 else None, None,
                         mention.start, mention.end, "group", True)
    role = civil if civil and ref.role == "MIL" else ref.role
    return Described(text, ref, speaker_country(ref), role, start, mention.end, kind, True)


def _label(attribution: Attribution, start: int, end: int) -> Described:
    """"Alabama Governor Kay Ivey", "Janessa Goldbeck, CEO, Vet Voice Foundation": the name before the
    first comma or bracket speaks; the rest describes. A name with an organisation's word is a body."""
    doc = attribution.doc
    inside = [m for m in attribution.mentions if start <= m.start and m.end <= end and m.how != "voice"]
    parts = _label_parts(doc, start, end)
    people = [m for lo, hi in parts for m in inside if m.actors[0].kind == "person" and lo <= m.start < hi]
    if people:
        described = _completed(attribution, _of_mention(doc, people[0], "person"), start, end, inside)
        return _of_label_body(attribution, described, people[0], parts)
    named = [(lo, hi) for lo, hi in parts if any(t.ent_type_ == "PERSON" for t in doc[lo:hi])]
    name_start, name_end = (named or parts)[0]
    name = doc[name_start:name_end]
    states = [m for m in inside if m.actors[0].kind == "state"]
    country = speaker_country_from_text(attribution, start, end, states) if states else \
        document_country(attribution) or speaker_country_from_text(attribution, start, end, inside)
    sector = _sector(attribution, start, end) or next((m.actors[0].role for m in inside if m.actors[0].role), None)
    covering = next((m for m in inside if m.start <= name_end - 1 < m.end and m.actors[0].kind != "state"), None)
    if covering is not None or {t.lower_ for t in name} & organisation_words():
        actor = covering.actors[0] if covering is not None else None
        return Described(name.text.strip("* "), actor, speaker_country(actor) if actor else country,
                         (actor.role if actor else None) or sector, name_start, name_end, "body", True)
    sector = sector or _private(doc, start, end)  # "our reggae icon, Bob Marley:": a private person
    return Described(name.text.strip("* "), None, country, sector, name_start, name_end, "person", True)


def _of_label_body(attribution: Attribution, described: Described, person: ActorMention,
                   parts: list[tuple[int, int]]) -> Described:
    """"President Scott Paul, Alliance for American Manufacturing": a person the document introduces by a
    title that states and other bodies alike give speaks with the sector of the body the label names, and
    for the document's country when nothing places them."""
    if described.actor is None or described.actor.origin != "document":
        return described
    doc = attribution.doc
    country = described.country or document_country(attribution)
    titles = {t.lower_ for t in doc[person.start : person.end]} & shared_titles()
    bodies = [_head_sector(attribution, lo, hi) or _sector(attribution, lo, hi) for lo, hi in parts
              if not lo <= person.start < hi]
    sector = next((s for s in bodies if s), None) if titles else None
    return replace(described, country=country, sector=sector or described.sector)


def _body_of_shared_title(attribution: Attribution, name: Span, lo: int, hi: int) -> str | None:
    """The sector of the body named right after a title that states and other bodies share ("X, President of
    the White House Historical Association": `NGO`): the body's head word first, read from the right, so that
    "the White House" inside its name does not make it the government."""
    doc = attribution.doc
    title = next((t for t in doc[lo:hi] if t.lower_ in shared_titles() and not name.start <= t.i < name.end), None)
    if title is None:
        return None
    return _head_sector(attribution, title.i + 1, hi)


def _head_sector(attribution: Attribution, lo: int, hi: int) -> str | None:
    """The sector of a body's name read from the right, up to a relative clause or a verb: "the International
    Association of Machinists and Aerospace Workers" is the workers' (`LAB`)."""
    doc = attribution.doc
    stretch = []
    for token in doc[lo:hi]:
        if token.lower_ in ("which", "who", "that", "whose") or token.pos_ in ("VERB", "AUX"):
            break
        stretch.append(token)
    nouns = speaker_noun_sectors()
    gazetteer = attribution.gazetteer
    for token in reversed(stretch):
        hit = gazetteer.agent_at(attribution.words, token.i) if gazetteer is not None else None
        sector = (hit[0].sector if hit and hit[1] == 1 else None) or nouns.get(token.lemma_.lower()) or \
            nouns.get(token.lower_)
        if sector is not None and token.lemma_.lower() not in people_words():
            return sector
    return None


@cache
def shared_titles() -> frozenset[str]:
    return frozenset(word_list("shared_titles.txt"))


def _label_parts(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """A label's parts between commas and brackets: "Speaker of the House", "California Congresswoman X"."""
    parts, lo = [], start
    for token in doc[start:end]:
        if token.text in (",", "(", ")", "–", "—", "|"):
            if token.i > lo:
                parts.append((lo, token.i))
            lo = token.i + 1
    if end > lo:
        parts.append((lo, end))
    return parts or [(start, end)]


def _sector(attribution: Attribution, start: int, end: int) -> str | None:
    """The sector the phrase's words give: a word for the person ("lawmaker", "pharmacist") over a body
    they speak for ("police", "the foreign ministry", the Pentagon), over a generic title ("spokesman")."""
    doc = attribution.doc
    words = attribution.words[:end]
    nouns = speaker_noun_sectors()
    person: list[str] = []
    body: list[str] = []
    generic: list[str] = []
    names = {k for e in attribution.people if e.start < end and start < e.end
             for k in range(e.start + 1 if e.start + 1 < e.end else e.start, e.end)}
    i = start
    while i < end:
        if i in names:
            i += 1
            continue
        hit = attribution.gazetteer.agent_at(words, i) if attribution.gazetteer is not None else None
        lemma = doc[i].lemma_.lower()
        size = hit[1] if hit else 1
        sector = hit[0].sector if hit else nouns.get(lemma) or nouns.get(doc[i].lower_)
        if sector and not (hit is None and _qualifies_next_title(attribution, i, end)):
            last = doc[i + size - 1].lemma_.lower()
            table = generic if last in generic_titles() else person if last in people_words() else body
            table.append(sector)
        i += size
    body += [m.actors[0].role for m in attribution.mentions if start <= m.start and m.end <= end
             and m.actors[0].kind in ("organization", "other") and m.actors[0].role]
    for table in (person, body, generic):
        if table:
            return table[-1] if table is person else table[0]
    return None


def _qualifies_next_title(attribution: Attribution, i: int, end: int) -> bool:
    """"Deputy National Security Advisor", "Deputy Secretary": a title word right before another title that gives
    a sector qualifies it; the title after it says what the person is (a deputy is `LEG` only on its own)."""
    doc, after = attribution.doc, i + 1
    if after >= end or doc[i].lemma_.lower() not in people_words():
        return False
    gazetteer = attribution.gazetteer
    nouns = speaker_noun_sectors()
    return (gazetteer is not None and gazetteer.agent_at(attribution.words, after) is not None) or \
        (doc[after].lemma_.lower() in people_words() and doc[after].lemma_.lower() in nouns)


def _person_country(attribution: Attribution, start: int, end: int, inside: list[ActorMention]) -> str | None:
    """A person's country; in a speech (a document with a voice) people quoted are placed only by what
    their own phrase says ("the French poet Louis Aragon"), never by the speech around them."""
    if attribution.doc._.mp_voice:
        return speaker_country_from_text(attribution, start, end, inside, phrase_only=True)
    return speaker_country_from_text(attribution, start, end, inside)


def document_country(attribution: Attribution) -> str | None:
    """The state a document speaks for (its voice) or names most, ahead of any other."""
    voice = next((m.actors[0] for m in attribution.mentions if m.how == "voice"), None)
    if voice is not None and voice.kind == "state":
        return voice.code
    counts = Counter(m.actors[0].code for m in attribution.mentions
                     if len(m.actors) == 1 and m.actors[0].kind == "state" and m.start not in attribution.quoted)
    ranked = counts.most_common(2)
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


def government_country(attribution: Attribution) -> str | None:
    """The state whose government the document's people and bodies speak for most ("the White House",
    "Secretary Blinken"), ahead of any other; states named as such do not count."""
    counts = Counter(c for m in attribution.mentions if m.how != "voice" and m.start not in attribution.quoted
                     and len(m.actors) == 1 and m.actors[0].kind != "state" and m.actors[0].role == "GOV"
                     for c in [state_of(m)] if c)
    ranked = counts.most_common(2)
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None
