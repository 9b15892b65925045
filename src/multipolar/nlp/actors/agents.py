"""Sector and office words next to a country or place: "the Russian army", "Russia's foreign minister" (its
holder on the date), "Delhi police", "protesters in Lagos", "his Russian counterpart".

A place (a city, a region) gives its country but never an office holder ("the Shanghai mayor" is not
China's president); "deputy", "former", "vice" before an office name someone other than its holder.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from multipolar.coding.gazetteer import STATE_KINDS, Agent
from multipolar.data_files import word_table
from multipolar.nlp.spans import ActorMention, ActorRef

if TYPE_CHECKING:
    from multipolar.nlp.actors.resolve import ActorResolver

POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
QUALIFIER_FILLERS = frozenset({"top", "new", "former", "then", "current", "chief", "senior", "acting", "deputy",
                               "first", "own", "then-", "incoming", "outgoing", "vice", "assistant", "ex", "ex-",
                               "ruling", "local", "state", "provincial", "regional", "national", "federal"})
NOT_THE_HOLDER = frozenset({"former", "deputy", "vice", "assistant", "ex", "ex-", "then", "then-", "outgoing",
                            "incoming", "provincial", "regional", "local", "state"})
"""Words between a country and an office that make it someone other than the office's holder on the date."""
_FOREIGN_PRESENCE = frozenset({"MIL", "GOV", "COP", "SPY"})
QUALIFIER_KINDS = frozenset({*STATE_KINDS, "igo", "bloc", "other"})


@cache
def _word_list(name: str) -> frozenset[str]:
    text = resources.files("multipolar").joinpath(f"data/gazetteer/{name}").read_text(encoding="utf-8")
    return frozenset(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


def with_agents(resolver: ActorResolver, doc: Doc, words: list[str], mentions: list[ActorMention],
                day: dt.date | None) -> list[ActorMention]:

    by_end = {m.end: m for m in mentions}
    # "Chile's Defense Department": a body of another state after a state's name is that state's body
    mentions = [m for m in mentions if not _foreign_body(resolver, words, m, by_end)]
    by_start = {m.start: m for m in mentions}
    by_end = {m.end: m for m in mentions}
    taken = {k for m in mentions for k in range(m.start, m.end)}
    result = list(mentions)
    i = 0
    while i < len(words):
        # a filler ("deputy", "state") is no sector word of its own here, whatever Phoenix's agents say
        hit = None if i in taken else resolver.gazetteer.agent_at(words, i, qualified=words[i].lower() not in
                                                                  QUALIFIER_FILLERS)
        if hit is None:
            i += 1
            continue
        agent, size = hit
        end = i + size
        if agent.role and size == 1 and doc[i].pos_ == "ADJ" and doc[i].dep_ == "amod":
            i = end  # "India's premier airlift": an adjective, not the office
            continue
        qualifier = _leader_of(resolver, doc, words, i, agent, by_end) or qualifier_before(words, i, by_end)
        if qualifier is None:
            qualifier = _qualifier_after(words, end, by_start, agent, _bare(doc, i, end))
        if qualifier is None:
            qualifier = _organisation_of_office(resolver, words, i, end, day)
        if qualifier is None or qualifier.actors[0].kind not in QUALIFIER_KINDS or \
                (qualifier.actors[0].kind == "other" and not qualifier.actors[0].country):
            i = end
            continue
        country = qualifier.actors[0]
        follower = by_start.get(end)
        start, stop = min(qualifier.start, i), max(qualifier.end, end)
        if follower is not None and follower.actors[0].kind == "person" and agent.role:
            person = follower.actors[0]
            if person.role != agent.sector:  # the document's title says what they are ("Foreign Minister X")
                person = person.with_role(agent.sector, agent.role, " ".join(words[i:end]))
            merged = ActorMention(start, follower.end, (person,), "title+person")
            result = [m for m in result if m not in (qualifier, follower)] + [merged]
            i = follower.end
            continue
        someone_else = (end < len(doc) and doc[end].ent_type_ == "PERSON") or country.kind == "other" or \
            any(w.lower() in NOT_THE_HOLDER for w in words[min(qualifier.end, i):i])
        actor = _agent_actor(resolver, words, i, agent, country, day, result, someone_else)
        if actor is None:
            i = end
            continue
        how = "place+agent" if qualifier.how in ("capital", "knowledge_base") else "agent"  # "Delhi police"
        result = [m for m in result if m is not qualifier and not _place_within(m, start, stop)] + \
            [ActorMention(start, stop, (actor,), how)]
        result = _distributed(resolver, words, qualifier, agent, day, result, by_end)
        taken.update(range(start, stop))
        i = stop
    return result


def _place_within(mention: ActorMention, start: int, stop: int) -> bool:
    """A town inside the body's words ("Obama" of "the Obama Administration"), which the body replaces."""
    return start <= mention.start and mention.end <= stop and mention.actors[0].kind == "other"


_LEADERS = ("president", "prime_minister", "chancellor")
_LED_BODIES = frozenset({"administration", "government", "cabinet"})


def _leader_of(resolver: ActorResolver, doc: Doc, words: list[str], at: int, agent: Agent,
               by_end: dict[int, ActorMention]) -> ActorMention | None:
    """"the Obama Administration", "the Reagan government": a government named by the surname of whoever
    leads or led it is that state's (not Obama, the Japanese town), when one state had such a leader and the
    document names that state or speaks for it ("the Biden-Harris Administration" is not Timothy Harris's)."""
    if agent.term not in _LED_BODIES or at == 0 or not words[at - 1][:1].isupper() or not words[at - 1].isalpha() \
            or (at >= 2 and words[at - 2] in ("-", "–")):
        return None
    day = doc._.mp_date
    before = by_end.get(at)
    if before is not None and (before.start != at - 1 or before.actors[0].kind != "other"):
        return None  # a state's or a person's own mention ("the Biden administration") already says whose
    name = words[at - 1].lower()
    states = {ref.country for former in (False, True) for ref in resolver.holders_named(_LEADERS, words[at - 1], day,
                                                                                        former=former)
              if ref.name.split()[-1].lower() == name}  # his surname, not a word of another's name
    named = {m.actors[0].state_code for m in by_end.values()}
    if doc._.mp_voice:
        named.add(resolver.gazetteer.code_of(doc._.mp_voice, day) or "")
    if len(states) != 1 or not states <= named:
        return None
    return ActorMention(at - 1, at, (resolver.ref(states.pop() or "", day),), "name")


def _organisation_of_office(resolver: ActorResolver, words: list[str], start: int, end: int,
                            day: dt.date | None) -> ActorMention | None:
    """"The Secretary-General" named alone and capitalised is the UN's (unqualified_offices.tsv): the
    organisation as the office's qualifier, covering no words of the text."""
    term = " ".join(words[start:end]).lower().replace(" - ", "-")
    organisation = word_table("gazetteer/unqualified_offices.tsv").get(term)
    if organisation is None or not words[start][:1].isupper() or organisation not in resolver.gazetteer.actors:
        return None
    return ActorMention(start, start, (resolver.ref(organisation, day),), "name")


def _distributed(resolver: ActorResolver, words: list[str], qualifier: ActorMention, agent: Agent,
                 day: dt.date | None, result: list[ActorMention], by_end: dict[int, ActorMention]
                 ) -> list[ActorMention]:
    """"Armenian and Azerbaijani troops": the agent word serves both adjectives."""

    k = qualifier.start
    if agent.role or k < 2 or words[k - 1].lower() not in ("and", "or", ","):
        return result
    other = by_end.get(k - 1)
    if other is None or other.how != "adjective" or other not in result:
        return result
    actor = _agent_actor(resolver, words, other.start, agent, other.actors[0], day, result, True)
    if actor is None:
        return result
    return [m for m in result if m is not other] + [ActorMention(other.start, other.end, (actor,), "agent")]


def _foreign_body(resolver: ActorResolver, words: list[str], mention: ActorMention,
                  by_end: dict[int, ActorMention]) -> bool:
    ref = mention.actors[0]
    if ref.kind != "organization" or resolver.gazetteer.agent_at(words, mention.start) is None:
        return False
    qualifier = qualifier_before(words, mention.start, by_end)
    return qualifier is not None and qualifier.actors[0].state_code != ref.country


def qualifier_before(words: list[str], at: int, by_end: dict[int, ActorMention]) -> ActorMention | None:
    k = at
    while k > 0 and (words[k - 1].lower() in QUALIFIER_FILLERS or words[k - 1] in POSSESSIVE):
        k -= 1
    if k >= 3 and words[k - 1].lower() in _SPONSORED and words[k - 2] in ("-", "–"):
        k -= 2  # "Saudi-led forces", "Iranian-backed militias": the forces of whoever leads or backs them
    return by_end.get(k)


_SPONSORED = frozenset({"led", "backed", "sponsored", "supported", "funded", "armed", "trained", "allied"})
"""Participles of "X-led forces": the body acts for X."""


def _qualifier_after(words: list[str], end: int, by_start: dict[int, ActorMention], agent: Agent,
                     bare: bool = False) -> ActorMention | None:
    """"the president of China", "trade unions in Denmark", "protesters in Lagos"; "security forces in
    Guinea", "police in Kenya", "troops in Mali" with nothing before them are that state's (its own forces
    are who the report means; "French troops in Mali" name theirs before); but officials or "its forces"
    in a state are not its own (a state after "in" qualifies no governing body; a city does)."""
    if end >= len(words) or words[end].lower() not in ("of", "for", "in"):
        return None
    k = end + 1
    if k < len(words) and words[k].lower() == "the":
        k += 1
    found = by_start.get(k)
    if found is not None and words[end].lower() == "in" and agent.sector in _FOREIGN_PRESENCE and \
            found.actors[0].kind != "other" and not (bare and agent.sector in _OWN_FORCES and not agent.role and
                                                     found.actors[0].kind == "state" and found.how == "name" and
                                                     agent.slug not in _FOREIGN_BY_NATURE):
        return None
    return found


_OWN_FORCES = frozenset({"MIL", "COP"})
_FOREIGN_BY_NATURE = frozenset({"peacekeepers", "peacekeeper"})
"""Forces that are never the state's they serve in; nor are troops in a region ("in Darfur", regions.tsv)."""


def _bare(doc: Doc, start: int, end: int) -> bool:
    """Nothing but an article before the sector word's phrase: no possessive, number or other adjective
    ("its forces", "500 troops", "foreign troops" may be anyone's)."""
    head = doc[end - 1]
    return not any(child.i < start and child.dep_ != "det" for child in head.children) and \
        not any(child.i < start and child.lower_ not in ("the",) for child in head.children if child.dep_ == "det")


def _agent_actor(resolver: ActorResolver, words: list[str], at: int, agent: Agent, country: ActorRef,
                 day: dt.date | None, earlier: list[ActorMention], someone_else: bool = False) -> ActorRef | None:
    """The body or office holder a country word plus agent word names. A title followed by a name we do not
    know ("Russian President Boris Yeltsin" in a text without a date) is not today's holder."""

    state = country.state_code
    if agent.slug == "counterpart":  # "Indian counterparts": several bodies, no one office holder
        return None if words[at].lower().endswith("s") else _counterpart(resolver, at, state, day, earlier)
    if agent.role and not someone_else:
        holder = office_holder(resolver, state, agent.role, day)
        if holder is not None:
            return resolver.ref(holder, day)
    code = f"{state.lower()}-{agent.slug}"
    kind = "person" if agent.role else "organization"
    known = resolver.gazetteer.actors.get(code)
    where = country.name if country.kind == "other" else resolver.name_of(state)
    name = known.name if known else f"{where} {agent.term}"
    return ActorRef(code, name, kind, state, agent.sector, agent.role, origin="rule")


def _counterpart(resolver: ActorResolver, at: int, country: str, day: dt.date | None,
                 earlier: list[ActorMention]) -> ActorRef | None:
    """"his Russian counterpart": the holder, in that country, of the office of the last person named."""
    people = [m for m in earlier if m.end <= at and m.actors[0].kind == "person"]
    if not people:
        return None
    office = people[-1].actors[0].office
    if not office or office.startswith("former"):
        return None
    holder = office_holder(resolver, country, office, day)
    return resolver.ref(holder, day) if holder else None


def office_holder(resolver: ActorResolver, country: str, role: str, day: dt.date | None) -> str | None:
    """Who held an office on the day; "the leader" is the one who governs (see parliamentary.txt)."""
    gazetteer = resolver.gazetteer
    if role != "leader":
        return gazetteer.holder(country, (role,), day) or resolver.kb_holder(country, (role,), day)
    governs = ("prime_minister", "chancellor") if country in _word_list("parliamentary.txt") else ("president",)
    for roles in (("supreme_leader",), governs, ("president", "prime_minister", "chancellor", "monarch")):
        holder = gazetteer.holder(country, roles, day)
        if holder is not None:
            return holder
    return None
