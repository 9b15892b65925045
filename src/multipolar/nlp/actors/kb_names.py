"""Names of the knowledge base in a document: people in dated offices, parties, armed groups, universities,
places (whose country an actor takes: "Delhi police").

A knowledge-base name counts only where the text writes it as a name (capitalised, a proper noun or inside
an entity), and only when the hand-curated gazetteer has no name as long at that place. A name several
entries share (a homonym) is decided by the countries the document names, then by the office held on the
date, then by clear prominence (a party's votes, a city's population); otherwise it stays unresolved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from spacy.tokens import Doc

from multipolar.coding.kb import KbEntry, KnowledgeBase
from multipolar.nlp.entities import entity_at

_NAME_LABELS = frozenset({"GPE", "LOC", "ORG", "NORP", "PERSON", "FAC"})
_CONNECTORS = frozenset({"of", "the", "and", "for", "de", "la", "al", "el", "du", "des", "van", "von", "y", "in",
                         "on", "-", "'s", "'", "&", ".", "da", "do", "di", "del", "der", "le", "bin", "ibn", "at"})
_PROMINENCE = 5.0
"""A namesake this many times more prominent than the next (votes, population) is the one meant."""
_TOP_OFFICES = ("president", "prime_minister", "monarch", "chancellor", "supreme_leader")


class Office(Protocol):
    """A dated office (the gazetteer's `Term` and the knowledge base's `KbTerm` both are)."""

    @property
    def start(self) -> dt.date | None: ...
    @property
    def end(self) -> dt.date | None: ...
    @property
    def sector(self) -> str: ...
    @property
    def role(self) -> str: ...
    @property
    def title(self) -> str: ...

    def covers(self, day: dt.date | None) -> bool: ...


@dataclass(frozen=True)
class Standing:
    """What a person is on a day: the office held, a former holder (ELI), or nothing known."""

    sector: str | None
    role: str | None
    title: str | None


def standing_on(terms: Sequence[Office], day: dt.date | None) -> Standing:
    """The office held on `day` (top offices first, then the latest begun); a holder of offices that all
    ended before it is a former holder (CAMEO's ELI: elites, former officials). Without a date nobody is
    called former: a person is what their latest known office made them."""
    dated = [t for t in terms if t.start or t.end]
    held = [t for t in dated if t.covers(day)]
    if not held and day is None and dated:
        latest = max(t.end or dt.date.min for t in dated)
        held = [t for t in dated if t.end == latest]
    if held:
        best = max(held, key=lambda t: (t.role in _TOP_OFFICES, bool(t.role), t.start or dt.date.min))
        return Standing(best.sector, best.role or None, best.title or None)
    ended = [t for t in dated if t.end is not None and (day is None or t.end < day)]
    later = [t for t in dated if day is not None and t.start is not None and t.start > day]
    if ended and not later:
        last = max(ended, key=lambda t: (t.end or dt.date.min, t.role in _TOP_OFFICES))
        return Standing("ELI", f"former_{last.role}" if last.role else "former", f"former {last.title}".strip())
    standing = [t for t in terms if not t.start and not t.end]
    if standing:
        return Standing(standing[0].sector, None, None)
    return Standing(None, None, None)


def looks_like_name(doc: Doc, start: int, end: int, kind: str) -> bool:
    """Written as a name: capitalised words (and connectors), at least one a proper noun or in an entity,
    or the text is a bare name ("Riigikogu"); a one-word name at a sentence's start must be a proper noun
    or an entity; a place is never a person's name."""
    first = doc[start]
    if not (first.text[:1].isupper() or first.text[:1].isdigit()):
        return False
    named = len(doc) <= SHORT_TEXT
    for token in doc[start:end]:
        lower = token.lower_
        if token.is_alpha and not token.text[:1].isupper() and lower not in _CONNECTORS:
            return False
        if token.pos_ == "PROPN" or token.ent_type_ in _NAME_LABELS:
            named = True
        if kind == "place" and token.ent_type_ == "PERSON" and person_span_longer(doc, start, end):
            return False
    if not named:
        return False
    if end - start == 1 and len(doc) > SHORT_TEXT and \
            ((first.is_sent_start and not first.ent_type_ and first.pos_ != "PROPN") or len(first.text) < 3):
        return False
    return kind == "person" or doc[start].ent_type_ != "PERSON" or not person_span_longer(doc, start, end)


SHORT_TEXT = 6
"""A text of this many tokens or fewer is a bare name or phrase ("Riigikogu", "Rakhine rebels"): its
capitalised words are names whatever the tagger makes of them."""


def person_span_longer(doc: Doc, start: int, end: int) -> bool:
    """Inside a person's name longer than [start, end) ("Michael Jordan"); a possessive at the entity's
    end does not count ("Burkina Faso's" tagged PERSON)."""
    span = entity_at(doc, start)
    if span is None or span.label_ != "PERSON":
        return False
    stop = span.end
    while stop > span.start and doc[stop - 1].text in ("'s", "’s", "'", "’"):
        stop -= 1
    return stop - span.start > end - start or span.start < start


AgentAt = Callable[[list[str], int], Any]
"""The gazetteer's `agent_at`: a sector word ("party", "rebels") starting at a position, or None."""
_JOINING = frozenset({"of", "for", "and", "&", "-", "–", "on", "de"})
HONORIFICS = frozenset({"Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr", "Governor", "Senator", "President",
                         "Minister", "Judge", "Mayor", "Sir", "Lady", "Lord", "General"})


class KbMatcher:
    """Finds knowledge-base names in a document and picks the entry meant."""

    def __init__(self, kb: KnowledgeBase, agent_at: AgentAt | None = None) -> None:
        self.kb = kb
        self.agent_at = agent_at

    def hit_at(self, doc: Doc, words: list[str], lower: list[str], at: int, day: dt.date | None,
               countries: set[str]) -> tuple[int, int] | None:
        """(size, entry number) of the longest name at `at` that the text writes as a name and that can be
        decided; None if there is none."""
        if lower[at] in ("the", "a", "an"):
            return None  # names are matched without their article, as the gazetteer's are
        for hit in self.kb.names_at(words, at, lower):
            kinds = {self.kb.entry(n).kind for n in hit.entries}
            kind = "place" if kinds == {"place"} else "person" if "person" in kinds else "organization"
            if not looks_like_name(doc, at, at + hit.size, kind):
                continue
            chosen = self.choose(hit.entries, day, countries)
            if chosen is None or self.ordinary_words(doc, words, at, hit.size, chosen, countries):
                return None
            return hit.size, chosen
        return None

    def ordinary_words(self, doc: Doc, words: list[str], at: int, size: int, number: int,
                       countries: set[str]) -> bool:
        """Capitalisation alone does not make a name of: a heading in capitals ("CLEAN ENERGY"); an English
        word ("Development", "Justice", "Summit") without a sector word beside it ("the Justice party"), or,
        for a place, without the tagger seeing a place in that word alone; a people's name ("Arab") taken for
        an organisation's; an acronym of a state's party or
        group ("CDC", "FAR") in a document that names other states but not that one, without a sector word
        beside it, or that spells the acronym out as something else ("the Millennium Challenge Corporation (MCC)")."""
        if len(doc) <= SHORT_TEXT:
            return False  # a bare name or phrase: its capitalised words are names
        written = [w for w in words[at : at + size] if w.isalpha() and len(w) > 1]
        acronym = self.kb.is_acronym(words, at, size, number)
        if written and not acronym and all(w.isupper() for w in written):
            return True
        entry = self.kb.entry(number)
        if acronym and entry.country and entry.kind != "igo":
            if _spelt_out_otherwise(doc, words, at, self.kb, number):
                return True
            return bool(countries) and entry.country not in countries and \
                not self._beside_agent(words, at, size, entry.sector)
        if size == 1 and entry.kind == "organization" and at > 0 and doc[at].ent_iob_ == "I" and \
                doc[at - 1].is_alpha and doc[at - 1].text[:1].isupper() and not doc[at - 1].is_sent_start:
            return True  # "the Democratic Centre party": the tail of a longer name we do not hold, not "Centre"
        if size != 1 or self._beside_agent(words, at, size, entry.sector if entry.kind != "place" else None):
            return False
        if entry.kind != "person" and (doc[at].ent_type_ == "PERSON" or (at > 0 and words[at - 1] in HONORIFICS)):
            return True  # "Mr. Parker", "Governor Murphy", "McMaster said": a person, not the town or university
        if entry.kind != "place" and doc[at].ent_type_ == "NORP":
            return True  # "the Arab-Israeli conflict", "the Rohingya Muslim community": a people, not a party
        if words[at].lower() not in self.kb.common_words:
            return False
        if entry.kind != "place":
            return True
        # "the Mission", "Young Leaders": a town named by an English word only where the text places something
        return not _alone_entity(doc, at, ("GPE", "LOC")) or at == 0 or words[at - 1].lower() not in _LOCATIVE

    def _beside_agent(self, words: list[str], at: int, size: int, sector: str | None = None) -> bool:
        """A sector word just after the name ("Justice party", "FDLR rebels") or just before it ("rebel FDLR"),
        of the entry's own sector where it has one ("Muslim men" do not make the Muslim party)."""
        if self.agent_at is None:
            return False
        after = self.agent_at(words, at + size) if at + size < len(words) and words[at + size].islower() else None
        before = self.agent_at(words, at - 1) if at > 0 and words[at - 1].islower() else None
        hits = [after[0]] if after is not None else []
        hits += [before[0]] if before is not None and before[1] == 1 else []
        # lower case: "Police Force", "Open Government" are longer names
        return any(sector is None or _same_sector(hit.sector, sector) for hit in hits)

    def choose(self, numbers: Iterable[int], day: dt.date | None, countries: set[str]) -> int | None:
        entries = [(n, self.kb.entry(n)) for n in numbers]
        if not entries:
            return None
        decided = _one_country(entries)
        if decided is not None:
            return decided
        named = [(n, e) for n, e in entries if e.country in countries]
        if named:
            decided = _one_country(named)
            if decided is not None:
                return decided
            entries = named
        serving = [(n, e) for n, e in entries if e.kind == "person" and
                   standing_on(self.kb.terms(n), day).sector not in (None, "ELI")]
        if len(serving) == 1:
            return serving[0][0]
        ranked = sorted(entries, key=lambda item: -item[1].weight)
        if ranked[0][1].weight > 0 and ranked[0][1].weight >= _PROMINENCE * ranked[1][1].weight:
            return ranked[0][0]
        return None

    def standing(self, number: int, day: dt.date | None) -> Standing:
        return standing_on(self.kb.terms(number), day)


_ARMED = frozenset({"REB", "UAF", "MIL", "INS", "SEP"})
_LOCATIVE = frozenset({"in", "at", "near", "from", "to", "outside", "around", "of"})


def _same_sector(agent: str, entry: str) -> bool:
    """A sector word that fits an entry's sector: the same, or both armed ("FDLR rebels" for a UCDP group)."""
    return agent == entry or (agent in _ARMED and entry in _ARMED) or {agent, entry} <= {"PTY", "OPP"}


def _one_country(entries: list[tuple[int, KbEntry]]) -> int | None:
    """When every candidate is of one country: the most prominent, preferring people and organisations
    (their sector) to places of the same name, but places to a university named after one ("Ohio")."""
    if len({e.country for _, e in entries}) != 1:
        return None
    return max(entries, key=lambda item: (item[1].kind != "place" and item[1].category != "university",
                                          item[1].weight, -item[0]))[0]


def _alone_entity(doc: Doc, at: int, labels: tuple[str, ...]) -> bool:
    """The tagger sees an entity of one of `labels` in this word alone ("Troy", not "Royal Police Force")."""
    token = doc[at]
    if token.ent_type_ not in labels:
        return False
    span = entity_at(doc, at)
    if span is None:
        return False
    inside = [t for t in span if t.lower_ != "the" and t.text not in ("'s", "’s")]
    return len(inside) == 1 and not _joined(doc, at)


def _joined(doc: Doc, at: int) -> bool:
    """Part of a longer capitalised name: a capitalised word (or one joined by "of", "-") on either side."""
    def capitalised(k: int) -> bool:
        return 0 <= k < len(doc) and doc[k].is_alpha and doc[k].text[:1].isupper() and not doc[k].is_sent_start

    before = capitalised(at - 1) or (at >= 2 and doc[at - 1].lower_ in _JOINING and capitalised(at - 2))
    after = capitalised(at + 1) or (doc[at + 1].lower_ in _JOINING and capitalised(at + 2)
                                    if at + 1 < len(doc) else False)
    return before or after


def _spelt_out_otherwise(doc: Doc, words: list[str], at: int, kb: KnowledgeBase, number: int) -> bool:
    """The document writes this acronym in brackets after a name that is not this entry's."""
    opening = acronyms_in_brackets(doc).get(words[at])
    if not opening:
        return False
    for bracket in opening:
        start = bracket
        while start > 0 and (doc[start - 1].text[:1].isupper() or doc[start - 1].lower_ in _JOINING) and \
                bracket - start < 12:
            start -= 1
        lower = [w.lower() for w in words]
        for k in range(start, bracket):
            if any(k + h.size <= bracket and number in h.entries for h in kb.names_at(words, k, lower)):
                return False
    return True


def acronyms_in_brackets(doc: Doc) -> dict[str, list[int]]:
    """Acronym -> where each "( ACRONYM )" after a capitalised word opens its bracket (once per document)."""
    if "mp_acronyms" not in doc.user_data:
        doc.user_data["mp_acronyms"] = _acronym_definitions(doc)
    found: dict[str, list[int]] = doc.user_data["mp_acronyms"]
    return found


def _acronym_definitions(doc: Doc) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for token in doc[2:-1]:
        if token.text.isupper() and len(token.text) > 1 and doc[token.i - 1].text == "(" and \
                doc[token.i + 1].text == ")" and doc[token.i - 2].text[:1].isupper():
            found.setdefault(token.text, []).append(token.i - 1)
    return found
