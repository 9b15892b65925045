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
import unicodedata
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from multipolar.nlp.actors.agents import POSSESSIVE, QUALIFIER_FILLERS
from multipolar.nlp.actors.clauses import CLAUSE_END, after_stance, clause, covered_tokens
from multipolar.nlp.actors.generic import generic_actors, one_country
from multipolar.nlp.actors.party_tags import with_party_tags
from multipolar.nlp.actors.spelling import slug
from multipolar.nlp.actors.titles import mistagged_person, own_office, title_before, title_country
from multipolar.nlp.spans import ActorMention, ActorRef

if TYPE_CHECKING:
    from multipolar.nlp.actors.resolve import ActorResolver

_APPOSITION_STARTS = frozenset({"a", "an", "the", "who", "its", "his", "her", "their", "now", "then", "also"})
_GROUP_SECTORS = frozenset({"REB", "UAF", "MIL", "CRM", "OPP", "PTY", "NGO", "LAB", "MED", "BUS", "EDU", "REL", "COP"})


def with_explained(resolver: ActorResolver, doc: Doc, words: list[str], mentions: list[ActorMention],
                   day: dt.date | None) -> list[ActorMention]:
    learned: dict[str, ActorRef] = {}
    result = _titled(resolver, doc, words, mentions, learned)
    result = _titled_untagged(resolver, doc, words, result)
    result = with_party_tags(doc, result, learned)
    result = _appositions(resolver, doc, words, result, learned)
    result = _possessed(doc, result, learned)
    result = _by_calling(resolver, doc, words, result, learned)
    result = _described_groups(resolver, doc, words, result, learned)
    result = _repeats(doc, result, learned)
    result = _surnames(doc, result)
    return generic_actors(resolver, doc, words, result)


def _learned(name: str, country: str | None, sector: str | None, kind: str = "person",
             office: str | None = None, title: str | None = None) -> ActorRef:

    code = slug(name) or "unnamed"
    return ActorRef(code, name, kind, country, sector, office, origin="document", title=title)


# ---- titles ---------------------------------------------------------------------------------------


def _titled(resolver: ActorResolver, doc: Doc, words: list[str], mentions: list[ActorMention],
            learned: dict[str, ActorRef]) -> list[ActorMention]:

    result = list(mentions)
    covered = covered_tokens(result)
    for ent in [e for e in doc.ents if e.label_ == "PERSON" or mistagged_person(words, e, covered)]:
        known = covered.get(ent.start) or _person_after_title(words, ent, covered)
        if known is not None and (known.start < ent.start or known.actors[0].kind != "person"):
            continue
        found = title_before(words, ent.start)
        if found is None:  # "King Abdullah" tagged PERSON as a whole: the title is inside the entity
            inner = next(((k, hit) for k in range(1, min(4, len(ent))) if (hit := title_before(words, ent.start + k))
                          and hit[0] == ent.start), None)
            if inner is None:
                continue
            found, ent = inner[1], doc[ent.start + inner[0] : ent.end]
        title_start, sector = found
        before = covered.get(title_start - 1)
        qualifier = _qualifier_ending(doc, words, title_start, result)
        if before is not None and before.how.endswith("agent") and before.end == ent.start:
            qualifier = before
        sector = _sector_of_body(qualifier, sector)
        start = qualifier.start if qualifier is not None else title_start
        country = qualifier.actors[0].state_code if qualifier is not None else None
        title = " ".join(words[title_start : ent.start])
        if known is not None and _other_state_after(words, covered, ent.end, known.actors[0]):
            known = None  # "King Hassan of Morocco" is no Palestinian Hassan the document's countries chose
        holder = None if known is not None else _holder_by_title(resolver, doc, words, title_start, ent, result,
                                                                 country or _state_after(words, covered, ent.end))
        if known is not None:
            person = known.actors[0]
            serving = sector == "REL" and bool(person.office) and not str(person.office).startswith("former")
            # "Ayatollah Khamenei": a cleric's rank does not unmake the office he holds on the date
            ref = person if person.role == sector or serving else person.with_role(sector, person.office, title)
            end = known.end
        elif holder is not None:
            ref, end = holder, ent.end
        elif (earlier := _titled_before(ent, learned)) is not None:
            ref, end = earlier, ent.end
        else:
            placed = country or _state_after(words, covered, ent.end) or title_country(title)
            ref = _learned(ent.text, placed or _own_official(resolver, doc, title), sector, title=title)
            learned[ent.text] = ref
            end = ent.end
        drop = {id(m) for m in result if start <= m.start < end}
        result = [m for m in result if id(m) not in drop] + [ActorMention(start, end, (ref,), "title+person")]
        covered = covered_tokens(result)
    return result


def _person_after_title(words: list[str], ent: Span, covered: dict[int, ActorMention]) -> ActorMention | None:
    """"President Sheikh Mohammed bin Zayed", tagged one name: the known person the entity ends on, when the
    words of the entity before them are a title ("Sheikh")."""
    for k in range(ent.start + 1, min(ent.start + 4, ent.end)):
        inner = covered.get(k)
        if inner is not None and inner.start == k and inner.end == ent.end and inner.actors[0].kind == "person":
            found = title_before(words, k)
            return inner if found is not None and found[0] == ent.start else None
    return None


def _titled_before(ent: Span, learned: dict[str, ActorRef]) -> ActorRef | None:
    """"Deputy Secretary Campbell" after "Deputy Secretary of State Kurt Campbell": a surname under a title is the
    one person named in full with a title before (no one if two share it)."""
    if len(ent) != 1:
        return None
    found = {ref.code: ref for name, ref in learned.items() if len(name.split()) > 1 and ref.kind == "person"
             and name.split()[-1] == ent.text}
    return next(iter(found.values())) if len(found) == 1 else None


def _own_official(resolver: ActorResolver, doc: Doc, title: str) -> str | None:
    """The state a document speaks for (its voice), for a person under a title its own officials carry and that
    nothing else places (`titles.own_office`)."""
    if not doc._.mp_voice or not own_office(title):
        return None
    return resolver.gazetteer.code_of(doc._.mp_voice, doc._.mp_date)


def _office_of_body(resolver: ActorResolver, doc: Doc, words: list[str], at: int,
                    mentions: list[ActorMention]) -> ActorRef | None:
    """An apposition that is an office of a body ("president of the CGT union", "spokeswoman for Amnesty
    International"): the body, when its sector is not a government's (a unionist is LAB, not GOV)."""
    hit = resolver.gazetteer.agent_at(words, at)
    if hit is None or (not hit[0].role and hit[0].sector != "GOV") or at + hit[1] >= len(words) or \
            words[at + hit[1]].lower() not in ("of", "for", "at"):
        return None
    start, end = clause(doc, at + hit[1] + 1)
    body = _describing(mentions, start, end)
    return body if body is not None and body.kind == "organization" and body.role in _BODY_SECTORS else None


_BODY_SECTORS = frozenset({"LAB", "NGO", "BUS", "MED", "HLH", "REL"})
"""Sectors of bodies whose president or spokesperson holds no government office: a union's is a unionist.
Not universities: "Ohio Governor X" names a state of the Union that is also a university's name."""


def _sector_of_body(qualifier: ActorMention | None, sector: str) -> str:
    """"AFL-CIO spokesperson X", "Teachers' union president X": a government title (GOV) held in a union,
    a company or a charity gives that body's sector."""
    if qualifier is None or sector != "GOV":
        return sector
    body = qualifier.actors[0]
    return body.role if body.kind == "organization" and body.role in _BODY_SECTORS else sector


def _state_after(words: list[str], covered: dict[int, ActorMention], end: int) -> str | None:
    """"President Abdel-Fattah El-Sisi of Egypt", "Judge X of the Supreme Court of Chile": the state (or the
    state of the body) named by "of" right after the person."""
    if end >= len(words) or words[end].lower() != "of":
        return None
    owner = covered.get(end + 1 + (end + 1 < len(words) and words[end + 1].lower() == "the"))
    if owner is None or owner.actors[0].kind == "person":
        return None
    ref = owner.actors[0]
    return ref.code if ref.kind == "state" else ref.country


def _other_state_after(words: list[str], covered: dict[int, ActorMention], end: int, person: ActorRef) -> bool:
    state = _state_after(words, covered, end)
    return person.kind == "person" and state is not None and state != person.state_code


def _titled_untagged(resolver: ActorResolver, doc: Doc, words: list[str], mentions: list[ActorMention]
                     ) -> list[ActorMention]:
    """"President Ruto" where the tagger sees no person: the one holder of that office on the date with that
    name, and nothing learned from a word the tagger does not call a name."""

    result = list(mentions)
    covered = covered_tokens(result)
    for token in doc:
        if token.pos_ != "PROPN" or token.ent_type_ or token.i in covered or not token.text[:1].isupper() or \
                (token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN"):
            continue
        found = title_before(words, token.i)
        if found is None or found[0] in covered:
            continue
        holder = _holder_by_title(resolver, doc, words, found[0], doc[token.i : token.i + 1], result, None)
        if holder is not None:
            result.append(ActorMention(found[0], token.i + 1, (holder,), "title+person"))
            covered = covered_tokens(result)
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
    day = doc._.mp_date
    if len(ent) > 1:  # "King Maha Vajiralongkorn": a holder every word of whose name is written here
        written = {_folded_word(t.text) for t in ent}
        found = list({r.code: r for t in ent for r in resolver.holders_named(roles, t.text, day)
                      if {_folded_word(w) for w in r.name.split()} <= written}.values())
    else:
        found = resolver.holders_named(roles, ent.text, day) or resolver.holders_named(roles, ent.text, day,
                                                                                      former=True)
    if country is not None:
        found = [r for r in found if r.country == country]
    named = {m.actors[0].state_code for m in mentions}
    if len(found) > 1:
        found = [r for r in found if r.country in named]
    if not found and len(ent) == 1:
        # the one namesake who held such an office in a state the document names, or in its own (its voice:
        # "President Truman" in a White House text); with no state at all, no guess ("Prime Minister Rabuka")
        voice = resolver.gazetteer.code_of(doc._.mp_voice, day) if doc._.mp_voice else None
        states = {country} if country else named | ({voice} if voice else set())
        namesake = resolver.namesake(ent.text, hit[0].sector, states, day)
        return None if namesake is None else namesake.with_role(hit[0].sector, hit[0].role, " ".join(
            words[title_start:ent.start]))
    return found[0] if len(found) == 1 else None


def _folded_word(word: str) -> str:
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode("ascii").lower()


def _qualifier_ending(doc: Doc, words: list[str], at: int, mentions: list[ActorMention]) -> ActorMention | None:
    """A state, place or organisation named just before `at` ("Armenian", "Taiwan's", "Kenya's top", "Sri
    Lankan Fisheries")."""
    k = at
    skipped = 0
    while k > 0 and (words[k - 1].lower() in QUALIFIER_FILLERS or words[k - 1] in POSSESSIVE or
                     (skipped < _PORTFOLIO and doc[k - 1].pos_ in ("NOUN", "PROPN", "ADJ") and
                      words[k - 1] not in CLAUSE_END and not any(m.end == k for m in mentions))):
        skipped += words[k - 1].lower() not in QUALIFIER_FILLERS and words[k - 1] not in POSSESSIVE
        k -= 1
    found = next((m for m in mentions if m.end == k), None)
    if found is None or found.actors[0].kind not in ("state", "other", "igo", "bloc", "organization"):
        return None
    return found


# ---- appositions and possessives ------------------------------------------------------------------


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
    covered = covered_tokens(result)
    for ent in [e for e in doc.ents if e.label_ in ("PERSON", "ORG")]:
        if any(k in covered for k in range(ent.start, ent.end)) or ent.text in learned:
            continue
        ref = None
        after = ent.end + 1
        if after < len(doc) and doc[ent.end].text == "," and (doc[after].lower_ in _APPOSITION_STARTS or
                                                              after in covered):
            start, end = clause(doc, ent.end + 1)
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
                    covered = covered_tokens(result)
                    continue
            elif ent.label_ == "PERSON":
                ref = _sector_word_before(resolver, words, ent.start - 1, covered)  # "the governor's spokesman, X"
        if ref is None and after < len(doc) and doc[ent.end].text == "," and ent.label_ == "PERSON":
            ref = _office_of_body(resolver, doc, words, after, result)  # "X, president of the CGT union,"
        if ref is None:
            continue
        kind = "person" if ent.label_ == "PERSON" else "organization"
        country = ref.country if ref.kind != "state" else ref.code
        sector = ref.role if ref.kind != "state" else None
        actor = _learned(ent.text, country, sector, kind, title=ref.name if ref.kind != "state" else None)
        learned[ent.text] = actor
        result.append(ActorMention(ent.start, ent.end, (actor,), "apposition"))
        covered = covered_tokens(result)
    return result


def _sector_word_before(resolver: ActorResolver, words: list[str], comma: int,
                        covered: dict[int, ActorMention]) -> ActorRef | None:
    """A sector or office word ending just before `comma`, as an actor of the state whose possessive or
    adjective comes before its portfolio ("Vietnam's trade minister, X", "the Vietnamese trade minister, X"),
    else of no country."""

    for start in range(max(0, comma - 3), comma):
        hit = resolver.gazetteer.agent_at(words, start)
        if hit is not None and start + hit[1] == comma:
            agent = hit[0]
            return ActorRef(agent.slug, agent.term, "person", _state_before(words, covered, start), agent.sector,
                            agent.role, origin="rule")
    return None


def _state_before(words: list[str], covered: dict[int, ActorMention], start: int) -> str | None:
    k = start - 1
    while k >= 0 and start - k <= _PORTFOLIO and words[k].isalpha() and words[k].islower():
        k -= 1  # "trade", "defence": the portfolio
    if k >= 1 and words[k] in POSSESSIVE:
        k -= 1
    owner = covered.get(k)
    if owner is None or owner.end != k + 1 or owner.actors[0].kind != "state" or len(owner.actors) != 1:
        return None
    return owner.actors[0].code


def _possessed(doc: Doc, mentions: list[ActorMention], learned: dict[str, ActorRef]) -> list[ActorMention]:
    """"Germany's X": a person no table holds, named with a state's possessive, is of that state."""

    result = list(mentions)
    covered = covered_tokens(result)
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
        covered = covered_tokens(result)
    return result


_CALLING_WORDS = 2
"""Lower-case words of a calling between a nationality and a name ("the Nigerian novelist", "human rights
activist")."""


def _by_calling(resolver: ActorResolver, doc: Doc, words: list[str], mentions: list[ActorMention],
                learned: dict[str, ActorRef]) -> list[ActorMention]:
    """"the Nigerian novelist Chinua Achebe", "the Mexican poet X": a person no table holds, named after a
    nationality and a calling, is of that state; a calling that is no sector word makes a civilian (CVL)."""

    result = list(mentions)
    covered = covered_tokens(result)
    for ent in [e for e in doc.ents if e.label_ == "PERSON"]:
        if any(k in covered for k in range(ent.start, ent.end)) or ent.text in learned:
            continue
        k = ent.start
        while k > 0 and ent.start - k < _CALLING_WORDS and words[k - 1].isalpha() and words[k - 1].islower() and \
                doc[k - 1].pos_ == "NOUN":
            k -= 1
        owner = covered.get(k - 1)
        agent = covered.get(ent.start - 1)
        if agent is not None and agent.how == "agent" and agent.end == ent.start and len(agent.actors) == 1 and \
                agent.actors[0].country and agent.actors[0].role not in ("GOV", "MIL", "MED", None):
            # "the Kenyan activist Boniface Mwangi": the person the group word names, not the group
            actor = _learned(ent.text, agent.actors[0].country, agent.actors[0].role)
            learned[ent.text] = actor
            result = [m for m in result if m is not agent] + [ActorMention(agent.start, ent.end, (actor,), "calling")]
            covered = covered_tokens(result)
            continue
        if k == ent.start or owner is None or owner.how != "adjective" or owner.end != k or \
                owner.actors[0].kind != "state" or len(owner.actors) != 1:
            continue
        hit = resolver.gazetteer.agent_at(words, k)
        sector = hit[0].sector if hit is not None and k + hit[1] == ent.start else "CVL"
        actor = _learned(ent.text, owner.actors[0].code, sector, title=" ".join(words[k:ent.start]))
        learned[ent.text] = actor
        result.append(ActorMention(ent.start, ent.end, (actor,), "calling"))
        covered = covered_tokens(result)
    return result


def _described_groups(resolver: ActorResolver, doc: Doc, words: list[str], mentions: list[ActorMention],
                      learned: dict[str, ActorRef]) -> list[ActorMention]:
    """"the rebel FDLR force", "FDLR rebels": a group no table holds, with an agent word beside its name."""

    result = list(mentions)
    covered = covered_tokens(result)
    for ent in [e for e in doc.ents if e.label_ in ("ORG", "NORP")]:
        if any(k in covered for k in range(ent.start, ent.end)) or \
                any(after_stance(words, k) for k in range(ent.start, min(ent.end, ent.start + 3))):
            continue  # "pro-Palestinian activists": a cause, not a group's name
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
        country = one_country(doc, result, ent.start)
        actor = learned.setdefault(ent.text, _learned(ent.text, country, agent.sector, "organization"))
        result.append(ActorMention(ent.start, end, (actor,), "descriptor"))  # "the IG Metall union": one actor
        covered = covered_tokens(result)
    return result


# ---- repeats, surnames, generic actors ------------------------------------------------------------


def _repeats(doc: Doc, mentions: list[ActorMention], learned: dict[str, ActorRef]) -> list[ActorMention]:

    if not learned:
        return mentions
    result = list(mentions)
    covered = covered_tokens(result)
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
    covered = covered_tokens(result)
    for token in doc:
        known = people.get(token.text)
        if known is None or token.i in covered or not (token.pos_ == "PROPN" or token.ent_type_ == "PERSON"):
            continue
        before = [ref for end, ref in known if end <= token.i]
        if before and len({ref.code for ref in before}) == 1:
            result.append(ActorMention(token.i, token.i + 1, (before[0],), "surname"))
    return result
