"""Names the document explains, generic actors, and surnames.

A person or group no table holds takes the country and sector the text gives it: a title ("Armenian Prime
Minister X", "General X"), an apposition ("X, a spokesman for the Kenyan police"; "the governor's
spokesman, X"), a possessive ("Germany's X"), a descriptor ("the rebel FDLR force", "FDLR rebels"). It keeps
them for all its mentions in the document, marked `origin: document`. A title before a known person says
what the document makes of them ("Senator Marco Rubio" is LEG). Generic actors ("protesters", "the police")
are actors with their sector and the one country their sentence (or else the document) names. A surname
alone is a person only after the full name appeared; no country is ever guessed from a name.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from multipolar.nlp.actors.agents import POSSESSIVE, QUALIFIER_FILLERS
from multipolar.nlp.actors.kb_names import SHORT_TEXT
from multipolar.nlp.spans import ActorMention, ActorRef

if TYPE_CHECKING:
    from multipolar.nlp.actors.resolve import ActorResolver

_CLAUSE_END = frozenset({",", ".", ";", ":", "—", "–", "(", ")", "\"", "“", "”", "!", "?"})
_APPOSITION_STARTS = frozenset({"a", "an", "the", "who", "its", "his", "her", "their", "now", "then", "also"})
_GROUP_SECTORS = frozenset({"REB", "UAF", "MIL", "CRM", "OPP", "PTY", "NGO", "LAB", "MED", "BUS", "EDU", "REL", "COP"})
_MAX_APPOSITION = 12
_NOT_ALONE = frozenset({"counterpart", "jet", "warplane", "warship", "fighter jet", "airline"})
_NOT_ALONE_TERMS = frozenset({"business", "regime", "presidency", "assembly"})
"""Words that name a sector only with a country ("Turkish jets", "the Syrian regime"): alone they are mostly
things ("unfinished business", "a sanctions regime", "the presidency of the session"), not actors."""
_PERSON_NOUNS = frozenset({"officer", "official", "agent", "spokesman", "spokeswoman", "spokesperson", "member",
                           "chief", "head", "leader", "commander", "staff", "source", "representative", "figure"})
"""A sector word before one of these still names the sector ("an intelligence agency officer")."""


@cache
def titles() -> dict[tuple[str, ...], str]:
    text = resources.files("multipolar").joinpath("data/gazetteer/titles.tsv").read_text(encoding="utf-8")
    rows = [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")][1:]
    return {tuple(re.findall(r"[\w.-]+", title.lower().replace(" .", "."))): sector for title, sector in rows}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def with_explained(resolver: ActorResolver, doc: Doc, words: list[str], mentions: list[ActorMention],
                   day: dt.date | None) -> list[ActorMention]:
    learned: dict[str, ActorRef] = {}
    result = _titled(resolver, doc, words, mentions, learned)
    result = _titled_untagged(resolver, doc, words, result)
    result = _appositions(resolver, doc, words, result, learned)
    result = _possessed(doc, result, learned)
    result = _described_groups(resolver, doc, words, result, learned)
    result = _repeats(doc, result, learned)
    result = _surnames(doc, result)
    return _generic(resolver, doc, words, result)


def _learned(name: str, country: str | None, sector: str | None, kind: str = "person",
             office: str | None = None, title: str | None = None) -> ActorRef:

    code = _slug(name) or "unnamed"
    return ActorRef(code, name, kind, country, sector, office, origin="document", title=title)


def _entity_at(doc: Doc, start: int, labels: tuple[str, ...] = ("PERSON",)) -> Span | None:
    return next((e for e in doc.ents if e.start == start and e.label_ in labels), None)


def _covered(mentions: list[ActorMention]) -> dict[int, ActorMention]:
    return {k: m for m in mentions for k in range(m.start, m.end)}


# ---- titles ---------------------------------------------------------------------------------------


def _title_before(words: list[str], at: int) -> tuple[int, str] | None:
    """(start, sector) of a title ending just before `at` ("Lt. Gen.", "Deputy Secretary")."""
    table = titles()
    first = max(0, at - 4)
    lower = [w.lower() for w in words[first:at]]  # the four words before `at`, not the whole document's
    for size in range(4, 0, -1):
        start = at - size
        if start < 0:
            continue
        window = lower[start - first :]
        if any(not re.fullmatch(r"[\w.-]+", w) for w in window):
            continue  # "minister, X": an apposition, not a title
        key = tuple(w for w in window if w != ".")
        joined = tuple(re.findall(r"[\w.-]+", " ".join(window).replace(" .", ".")))
        sector = table.get(key) or table.get(joined)
        if sector:
            return start, sector
    return None


def _titled(resolver: ActorResolver, doc: Doc, words: list[str], mentions: list[ActorMention],
            learned: dict[str, ActorRef]) -> list[ActorMention]:

    result = list(mentions)
    covered = _covered(result)
    for ent in [e for e in doc.ents if e.label_ == "PERSON"]:
        known = covered.get(ent.start)
        if known is not None and (known.start < ent.start or known.actors[0].kind != "person"):
            continue
        found = _title_before(words, ent.start)
        if found is None:  # "King Abdullah" tagged PERSON as a whole: the title is inside the entity
            inner = next(((k, hit) for k in range(1, min(4, len(ent))) if (hit := _title_before(words, ent.start + k))
                          and hit[0] == ent.start), None)
            if inner is None:
                continue
            found, ent = inner[1], doc[ent.start + inner[0] : ent.end]
        title_start, sector = found
        before = covered.get(title_start - 1)
        qualifier = _qualifier_ending(doc, words, title_start, result)
        if before is not None and before.how.endswith("agent") and before.end == ent.start:
            qualifier = before
        start = qualifier.start if qualifier is not None else title_start
        country = qualifier.actors[0].state_code if qualifier is not None else None
        title = " ".join(words[title_start : ent.start])
        holder = None if known is not None or len(ent) > 1 else _holder_by_title(resolver, doc, words, title_start,
                                                                               ent, result, country)
        if known is not None:
            person = known.actors[0]
            serving = sector == "REL" and bool(person.office) and not str(person.office).startswith("former")
            # "Ayatollah Khamenei": a cleric's rank does not unmake the office he holds on the date
            ref = person if person.role == sector or serving else person.with_role(sector, person.office, title)
            end = known.end
        elif holder is not None:
            ref, end = holder, ent.end
        else:
            ref = _learned(ent.text, country, sector, title=title)
            learned[ent.text] = ref
            end = ent.end
        drop = {id(m) for m in result if start <= m.start < end}
        result = [m for m in result if id(m) not in drop] + [ActorMention(start, end, (ref,), "title+person")]
        covered = _covered(result)
    return result


def _titled_untagged(resolver: ActorResolver, doc: Doc, words: list[str], mentions: list[ActorMention]
                     ) -> list[ActorMention]:
    """"President Ruto" where the tagger sees no person: the one holder of that office on the date with that
    name, and nothing learned from a word the tagger does not call a name."""

    result = list(mentions)
    covered = _covered(result)
    for token in doc:
        if token.pos_ != "PROPN" or token.ent_type_ or token.i in covered or not token.text[:1].isupper() or \
                (token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN"):
            continue
        found = _title_before(words, token.i)
        if found is None or found[0] in covered:
            continue
        holder = _holder_by_title(resolver, doc, words, found[0], doc[token.i : token.i + 1], result, None)
        if holder is not None:
            result.append(ActorMention(found[0], token.i + 1, (holder,), "title+person"))
            covered = _covered(result)
    return result


_PORTFOLIO = 3
"""Words of a portfolio or a service between a country and a title ("Sri Lankan Fisheries Minister",
"Kenyan police spokesman")."""


def _holder_by_title(resolver: ActorResolver, doc: Doc, words: list[str], title_start: int, ent: Span,
                     mentions: list[ActorMention], country: str | None) -> ActorRef | None:
    """"President Aliyev", "King Abdullah": the one holder of that office on the date with that name (the
    document's countries decide between several)."""
    hit = resolver.gazetteer.agent_at(words, title_start)
    if hit is None or not hit[0].role or title_start + hit[1] != ent.start:
        return None
    roles = ("monarch",) if hit[0].role == "monarch" else (hit[0].role,)
    found = resolver.holders_named(roles, ent.text, doc._.mp_date) or \
        resolver.holders_named(roles, ent.text, doc._.mp_date, former=True)
    if country is not None:
        found = [r for r in found if r.country == country]
    if len(found) > 1:
        named = {m.actors[0].state_code for m in mentions}
        found = [r for r in found if r.country in named]
    return found[0] if len(found) == 1 else None


def _qualifier_ending(doc: Doc, words: list[str], at: int, mentions: list[ActorMention]) -> ActorMention | None:
    """A state, place or organisation named just before `at` ("Armenian", "Taiwan's", "Kenya's top", "Sri
    Lankan Fisheries")."""
    k = at
    skipped = 0
    while k > 0 and (words[k - 1].lower() in QUALIFIER_FILLERS or words[k - 1] in POSSESSIVE or
                     (skipped < _PORTFOLIO and doc[k - 1].pos_ in ("NOUN", "PROPN", "ADJ") and
                      not any(m.end == k for m in mentions))):
        skipped += words[k - 1].lower() not in QUALIFIER_FILLERS and words[k - 1] not in POSSESSIVE
        k -= 1
    found = next((m for m in mentions if m.end == k), None)
    if found is None or found.actors[0].kind not in ("state", "other", "igo", "bloc", "organization"):
        return None
    return found


# ---- appositions and possessives ------------------------------------------------------------------


def _clause(doc: Doc, start: int) -> tuple[int, int]:
    end = start
    sentence_end = doc[start].sent.end if start < len(doc) else len(doc)
    while end < sentence_end and end - start < _MAX_APPOSITION and doc[end].text not in _CLAUSE_END:
        end += 1
    return start, end


def _describing(mentions: list[ActorMention], start: int, end: int) -> ActorRef | None:
    """The actor with a country (or a sector) that a phrase names: "a spokesman for the Kenyan police"."""
    inside = [m for m in mentions if start <= m.start and m.end <= end]
    for mention in inside:
        ref = mention.actors[0]
        if ref.kind in ("organization", "person") and (ref.country or ref.role):
            return ref
    return inside[0].actors[0] if inside and inside[0].actors[0].kind == "state" else None


def _appositions(resolver: ActorResolver, doc: Doc, words: list[str], mentions: list[ActorMention],
                 learned: dict[str, ActorRef]) -> list[ActorMention]:

    result = list(mentions)
    covered = _covered(result)
    for ent in [e for e in doc.ents if e.label_ in ("PERSON", "ORG")]:
        if any(k in covered for k in range(ent.start, ent.end)) or ent.text in learned:
            continue
        ref = None
        after = ent.end + 1
        if after < len(doc) and doc[ent.end].text == "," and (doc[after].lower_ in _APPOSITION_STARTS or
                                                              after in covered):
            start, end = _clause(doc, ent.end + 1)
            ref = _describing(result, start, end)
        elif ent.start >= 2 and doc[ent.start - 1].text == "," and ent.end <= doc[ent.start].sent.end:
            before = covered.get(ent.start - 2)
            if before is not None and before.how.endswith("agent") and \
                    before.actors[0].kind in ("person", "organization"):
                ref = before.actors[0]
                if ref.kind == "person" and ref.origin != "rule" and ent.label_ == "PERSON":
                    # "Jordan's foreign minister, Ayman Safadi": the holder the title resolved to
                    result.append(ActorMention(ent.start, ent.end, (ref,), "apposition"))
                    learned[ent.text] = ref
                    covered = _covered(result)
                    continue
            elif ent.label_ == "PERSON":
                ref = _sector_word_before(resolver, words, ent.start - 1)  # "the governor's spokesman, X"
        if ref is None:
            continue
        kind = "person" if ent.label_ == "PERSON" else "organization"
        country = ref.country if ref.kind != "state" else ref.code
        sector = ref.role if ref.kind != "state" else None
        actor = _learned(ent.text, country, sector, kind, title=ref.name if ref.kind != "state" else None)
        learned[ent.text] = actor
        result.append(ActorMention(ent.start, ent.end, (actor,), "apposition"))
        covered = _covered(result)
    return result


def _sector_word_before(resolver: ActorResolver, words: list[str], comma: int) -> ActorRef | None:
    """A sector or office word ending just before `comma`, as an actor with no country."""

    for start in range(max(0, comma - 3), comma):
        hit = resolver.gazetteer.agent_at(words, start)
        if hit is not None and start + hit[1] == comma:
            agent = hit[0]
            return ActorRef(agent.slug, agent.term, "person", None, agent.sector, agent.role, origin="rule")
    return None


def _possessed(doc: Doc, mentions: list[ActorMention], learned: dict[str, ActorRef]) -> list[ActorMention]:
    """"Germany's X": a person no table holds, named with a state's possessive, is of that state."""

    result = list(mentions)
    covered = _covered(result)
    for ent in [e for e in doc.ents if e.label_ == "PERSON"]:
        if any(k in covered for k in range(ent.start, ent.end)) or ent.start < 2:
            continue
        if doc[ent.start - 1].text not in POSSESSIVE:
            continue
        owner = covered.get(ent.start - 2)
        if owner is None or owner.actors[0].kind != "state":
            continue
        actor = _learned(ent.text, owner.actors[0].code, None)
        learned.setdefault(ent.text, actor)
        result.append(ActorMention(ent.start, ent.end, (learned[ent.text],), "possessive"))
        covered = _covered(result)
    return result


def _described_groups(resolver: ActorResolver, doc: Doc, words: list[str], mentions: list[ActorMention],
                      learned: dict[str, ActorRef]) -> list[ActorMention]:
    """"the rebel FDLR force", "FDLR rebels": a group no table holds, with an agent word beside its name."""

    result = list(mentions)
    covered = _covered(result)
    for ent in [e for e in doc.ents if e.label_ in ("ORG", "NORP")]:
        if any(k in covered for k in range(ent.start, ent.end)):
            continue
        agent, end = None, ent.end
        if ent.start > 0:
            hit = resolver.gazetteer.agent_at(words, ent.start - 1)
            agent = hit[0] if hit and hit[1] == 1 else None
        if (agent is None or agent.sector not in _GROUP_SECTORS) and ent.end < len(words):
            hit = resolver.gazetteer.agent_at(words, ent.end)
            agent, end = (hit[0], ent.end + hit[1]) if hit else (None, ent.end)
        if agent is None or agent.sector not in _GROUP_SECTORS:
            continue
        if any(k in covered for k in range(ent.end, end)):
            end = ent.end
        country = _one_country(doc, result, ent.start)
        actor = learned.setdefault(ent.text, _learned(ent.text, country, agent.sector, "organization"))
        result.append(ActorMention(ent.start, end, (actor,), "descriptor"))  # "the IG Metall union": one actor
        covered = _covered(result)
    return result


# ---- repeats, surnames, generic actors ------------------------------------------------------------


def _repeats(doc: Doc, mentions: list[ActorMention], learned: dict[str, ActorRef]) -> list[ActorMention]:

    if not learned:
        return mentions
    result = list(mentions)
    covered = _covered(result)
    for ent in doc.ents:
        if ent.text in learned and not any(k in covered for k in range(ent.start, ent.end)):
            result.append(ActorMention(ent.start, ent.end, (learned[ent.text],), "document"))
    return result


def _surnames(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """"Vashadze said": the surname of a person named in full earlier in the document (if only one)."""

    people: dict[str, list[tuple[int, ActorRef]]] = {}
    for mention in mentions:
        ref = mention.actors[0]
        span = doc[mention.start : mention.end]
        names = [t for t in span if t.pos_ == "PROPN" or t.ent_type_ == "PERSON"]
        if ref.kind != "person" or len(names) < 2:
            continue
        people.setdefault(names[-1].text, []).append((mention.end, ref))
    if not people:
        return mentions
    result = list(mentions)
    covered = _covered(result)
    for token in doc:
        known = people.get(token.text)
        if known is None or token.i in covered or not (token.pos_ == "PROPN" or token.ent_type_ == "PERSON"):
            continue
        before = [ref for end, ref in known if end <= token.i]
        if before and len({ref.code for ref in before}) == 1:
            result.append(ActorMention(token.i, token.i + 1, (before[0],), "surname"))
    return result


_PLACE_HOWS = frozenset({"capital", "knowledge_base", "place+agent"})
_IN_PLACE = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "throughout"})
_PEOPLES = frozenset({"CVL", "OPP", "LAB", "EDU", "MED", "HLH", "AGR", "BUS", "REL"})
"""Sectors whose generic actors are of the state where they are ("residents blocked roads across Panama");
troops, police or officials in a state are often another's ("troops in Ukraine"), and refugees and migrants
mostly are ("refugees from Bhutan in camps in Nepal")."""
"""Words before a capital that make it where something happens ("talks in Beijing"), not the government it
also names ("she asked Beijing to pay"): only the first says whose the sentence's generic actors are."""


_CROWDS = frozenset({"people", "civilian", "men", "women", "children", "refugee", "migrant", "asylum seeker",
                     "displaced", "displaced people"})
"""People, civilians, women, refugees: only their own sentence says whose, never the rest of the document (a UN
speech's "people suffering from hunger" are not the speaker's state's)."""
_ANYONES = frozenset({"foreign", "other", "member", "all", "many", "several", "some", "world", "global",
                      "international", "various", "artificial", "every", "most", "different", "such", "young"})
_ANYWHERE = ("of the world", "around the world", "across the world", "of all", "of different", "everywhere")


def _nobody_in_particular(doc: Doc, words: list[str], start: int, end: int) -> bool:
    """"foreign governments", "all parties", "the leaders of the world", "self-government", "artificial
    intelligence": a sector word that names no one state's actors."""
    if start > 0 and (words[start - 1].lower() in _ANYONES or words[start - 1] in ("-", "–")):
        return True
    following = " ".join(w.lower() for w in words[end : end + 3])
    return following.startswith(_ANYWHERE)


def _plural_reference(words: list[str], start: int, end: int) -> bool:
    """"the two leaders", "the leaders of both countries": two states' actors, resolved as a pair."""
    from multipolar.nlp.actors.plural import PLURAL_WORDS

    if start > 0 and words[start - 1].lower() in PLURAL_WORDS:
        return True
    return end + 1 < len(words) and words[end].lower() == "of" and words[end + 1].lower() in ("both", "the") and \
        " ".join(w.lower() for w in words[end + 1 : end + 3]) in ("both countries", "both nations", "the two")


def _one_country(doc: Doc, mentions: list[ActorMention], at: int, sentence_only: bool = False,
                 sector: str | None = None) -> str | None:
    """The country where it happens: the one the sentence's places (cities, capitals after "in") name, else
    the one its actors name, else the same two looks at the document; None when several or none ("Tbilisi
    police fired at demonstrators after a Russian lawmaker spoke": Georgian demonstrators). `sentence_only`:
    never the document's."""
    sentence = doc[at].sent
    for low, high in ((sentence.start, sentence.end), (0, len(doc))):
        inside = [m for m in mentions if low <= m.start < high and m.actors[0].kind != "igo" and
                  m.actors[0].state_code.isupper() and len(m.actors[0].state_code) == 3]
        places = {m.actors[0].state_code for m in inside if m.how in _PLACE_HOWS and
                  (m.actors[0].kind in ("state", "other") or m.how == "place+agent") and
                  (m.how != "capital" or _after_in(doc, m))}
        if sector in _PEOPLES and low == sentence.start:
            places |= {m.actors[0].state_code for m in inside if m.how == "name" and _after_in(doc, m)}
        if len(places) == 1:
            return places.pop()
        found = {m.actors[0].state_code for m in inside}
        if len(found) == 1:
            return found.pop()
        if found or sentence_only:
            return None
    return None


def _after_in(doc: Doc, mention: ActorMention) -> bool:
    return mention.start > 0 and doc[mention.start - 1].lower_ in _IN_PLACE


def _names_a_person_after(doc: Doc, mentions: list[ActorMention], end: int) -> bool:
    """The phrase goes on to name its person in apposition: "the spokeswoman (for ...), Hua Chunying,"."""
    _, stop = _clause(doc, end) if end < len(doc) else (end, end)
    if stop + 1 >= len(doc) or doc[stop].text != ",":
        return False
    following = next((m for m in mentions if m.start == stop + 1), None)
    return (following is not None and following.actors[0].kind == "person") or \
        _entity_at(doc, stop + 1) is not None


def _owner_country(words: list[str], mentions: list[ActorMention], end: int) -> str | None:
    """"a spokesman for the Chinese foreign ministry": the country of the body the word belongs to."""
    if end >= len(words) or words[end].lower() not in ("for", "of", "at"):
        return None
    k = end + 1 + (end + 1 < len(words) and words[end + 1].lower() == "the")
    owner = next((m for m in mentions if m.start == k), None)
    return owner.actors[0].country if owner is not None and owner.actors[0].kind == "organization" else None


def _states_from(words: list[str], mentions: list[ActorMention], end: int) -> list[str]:
    """"envoys from Saudi Arabia and Iran", "troops from Chad": the states a sector word comes from."""
    if end >= len(words) or words[end].lower() != "from":
        return []
    by_start = {m.start: m for m in mentions}
    found: list[str] = []
    k = end + 1
    while True:
        k += k < len(words) and words[k].lower() == "the"
        mention = by_start.get(k)
        if mention is None or mention.actors[0].kind != "state" or len(mention.actors) != 1:
            return found
        found.append(mention.actors[0].state_code)
        k = mention.end
        if k < len(words) and words[k] == ",":
            k += 1
        if k < len(words) and words[k].lower() in ("and", "or"):
            k += 1
        elif k >= len(words) or words[k - 1] != ",":
            return found


def _generic(resolver: ActorResolver, doc: Doc, words: list[str], mentions: list[ActorMention]) -> list[ActorMention]:
    """Sector words standing alone ("protesters", "the police", "officials"): actors with that sector and the
    country the sentence or document gives."""

    result = list(mentions)
    covered = _covered(result)
    i = 0
    while i < len(words):
        hit = None if i in covered else resolver.gazetteer.agent_at(words, i)
        if hit is None:
            i += 1
            continue
        agent, size = hit
        last = doc[i + size - 1]
        compound = last.dep_ == "compound" and last.head.lemma_.lower() not in _PERSON_NOUNS
        alone_not = agent.slug in _NOT_ALONE or agent.term in _NOT_ALONE or agent.term in _NOT_ALONE_TERMS
        if alone_not or last.pos_ not in ("NOUN", "PROPN") or compound or \
                (words[i][:1].isupper() and not doc[i].is_sent_start and agent.sector != "COP"):
            i += size
            continue
        if _names_a_person_after(doc, result, i + size):
            i += size  # "the spokeswoman for the ministry, Hua Chunying, said": the person is the actor
            continue
        if _nobody_in_particular(doc, words, i, i + size) or _plural_reference(words, i, i + size):
            i += size
            continue
        origins = _states_from(words, result, i + size)
        if len(origins) > 1:  # "envoys from Saudi Arabia and Iran": each state's
            refs = tuple(ActorRef(f"{c.lower()}-{agent.slug}", f"{resolver.name_of(c)} {agent.term}",
                                  "person" if agent.role else "organization", c, agent.sector, agent.role,
                                  origin="rule", category="generic") for c in origins)
            result.append(ActorMention(i, i + size, refs, "generic"))
            i += size
            continue
        country = origins[0] if origins else _owner_country(words, result, i + size)
        if country is None:
            country = _one_country(doc, result, i, sentence_only=agent.term in _CROWDS, sector=agent.sector)
        if country is None and len(doc) > SHORT_TEXT:
            i += size  # "a senior diplomat said": nothing says whose; only a bare phrase stands for a sector
            continue
        code = f"{country.lower()}-{agent.slug}" if country else agent.slug
        name = f"{resolver.name_of(country)} {agent.term}" if country else agent.term
        kind = "person" if agent.role else "organization"
        ref = ActorRef(code, name, kind, country, agent.sector, agent.role, origin="rule", category="generic")
        result.append(ActorMention(i, i + size, (ref,), "generic"))
        i += size
    return result

