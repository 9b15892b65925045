"""Actor resolution: a spaCy component that finds and resolves every actor mention, as of the doc's date.

Rules, in order: gazetteer names (longest match first, `names`), then knowledge-base names where the gazetteer has
none as long (`kb_names`); a country or place word plus an agent word ("the Russian army", "Russia's
foreign minister", "Delhi police") as a body or, for an office, its holder on the date (`agents`);
names the document explains ("Armenian Prime Minister X", "X, a spokesman for the Kenyan police"),
generic actors ("protesters", "the police") and surnames of people named in full before
(`explained`); plural references to the last pair of states ("the two countries").
Place names ("Sea of Japan") and combining forms without a partner ("Indo-Pacific") are not actors.
What looks like an actor but cannot be resolved is kept in `doc._.mp_unresolved`, never guessed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from spacy.tokens import Doc, Span

from multipolar.coding.gazetteer import STATE_KINDS, ActorInfo, Gazetteer
from multipolar.nlp.actors import acronyms as actors_acronyms
from multipolar.nlp.actors import agents as actors_agents
from multipolar.nlp.actors import explained as actors_explained
from multipolar.nlp.actors import initials as actors_initials
from multipolar.nlp.actors import places as actors_places
from multipolar.nlp.actors import plural as actors_plural
from multipolar.nlp.actors import signatories as actors_signatories
from multipolar.nlp.actors import voice as actors_voice
from multipolar.nlp.actors.clauses import after_stance
from multipolar.nlp.actors.igo_officials import igo_officials
from multipolar.nlp.actors.kb_names import SHORT_TEXT, KbMatcher, Standing, standing_on
from multipolar.nlp.actors.local_governments import with_local_governments
from multipolar.nlp.actors.names import GazetteerNames, not_actors
from multipolar.nlp.actors.spelling import folded
from multipolar.nlp.spans import ActorMention, ActorRef, text_of

__all__ = ["ACTOR_LABELS", "ActorMention", "ActorRef", "ActorResolver"]
"""`ActorMention` and `ActorRef` live in `nlp/spans.py` (the components' contract); importing them from here
still works."""

ACTOR_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON"})


def _countries(mentions: list[ActorMention]) -> set[str]:
    return {ref.state_code for m in mentions for ref in m.actors}


class ActorResolver:
    """The `multipolar_actors` component."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.kb = KbMatcher(gazetteer.kb, gazetteer.agent_at) if gazetteer.kb is not None else None
        self._kb_holders: dict[tuple[str, str], list[int]] | None = None
        self._holder_words: tuple[dict[str, list[tuple[str, Any]]], dict[str, list[tuple[str, int]]]] | None = None
        self.names = GazetteerNames(gazetteer, self.ref)
        self._organisations = frozenset(c for c, a in gazetteer.actors.items() if a.kind == "igo" and c != "IGO")

    def __call__(self, doc: Doc) -> Doc:
        day: dt.date | None = doc._.mp_date
        words = [_word(t.text) for t in doc]
        mentions = self.names.mentions(doc, words, day)
        mentions += self.names.misspelt_states(doc, words, mentions, day)
        mentions = self._kb_names_twice(doc, words, mentions, day)
        mentions += actors_places.respelt_places(self, doc, words, mentions, day)
        mentions = self.names.shared_state_names(words, mentions, day)
        mentions += actors_initials.initialled_people(self, words, mentions, day)
        mentions = actors_agents.with_agents(self, doc, words, mentions, day)
        mentions = igo_officials(doc, mentions, self._organisations)
        mentions = with_local_governments(doc, mentions)
        mentions = actors_explained.with_explained(self, doc, words, mentions, day)
        mentions = actors_acronyms.with_acronyms(doc, words, mentions)
        voices = self._voices(doc, day)
        mentions = actors_plural.with_plural_references(self, doc, mentions, voices)
        if voices:
            mentions = actors_voice.first_person(doc, mentions, voices, self.gazetteer.agent_at)
        doc._.mp_offices = actors_voice.own_offices(
            doc, mentions, voices, self.gazetteer.agent_at,
            lambda state, role: self.ref(h, day) if (h := actors_agents.office_holder(self, state, role, day))
            else None)
        places = [m for m in mentions if _where_something_happened(doc, m)]
        doc._.mp_mentions = sorted((m for m in mentions if m not in places), key=lambda m: m.start)
        doc._.mp_places = places
        doc._.mp_unresolved = self._unresolved(doc, [*doc._.mp_mentions, *places])
        return doc

    # ---- knowledge-base names --------------------------------------------------------------------

    def _kb_names_twice(self, doc: Doc, words: list[str], mentions: list[ActorMention],
                        day: dt.date | None) -> list[ActorMention]:
        """Knowledge-base names, then again for the homonyms the first pass's places decide. What a pass finds
        depends on the mentions' countries alone, so with the same countries the second finds what the first did."""
        first = self._with_kb_names(doc, words, mentions, day)
        if _countries(first) == _countries(mentions):
            return first
        return self._with_kb_names(doc, words, first, day)

    def _with_kb_names(self, doc: Doc, words: list[str], mentions: list[ActorMention],
                       day: dt.date | None) -> list[ActorMention]:
        """Knowledge-base names where the gazetteer has none as long; a homonym is decided by the countries
        the gazetteer found in the document."""
        if self.kb is None:
            return mentions
        countries = _countries(mentions)
        lower = [w.lower() for w in words]
        by_start = {m.start: m for m in mentions}
        covered = {k: m for m in mentions for k in range(m.start, m.end)}
        result = list(mentions)
        i = 0
        while i < len(words):
            known = covered.get(i)
            if known is not None and known.start != i:
                i = known.end
                continue
            hit = self.kb.hit_at(doc, words, lower, i, day, countries)
            if hit is not None and (self.names.is_place(doc, words, i, i + hit[0]) or
                                    self.names.water_named(words, i, i + hit[0]) or
                                    self.names.heads_longer_name(doc, words, i, i + hit[0]) or
                                    (hit[0] == 1 and self.gazetteer.agent_at(words, i) is not None) or
                                    after_stance(words, i)):
                hit = None  # "the Tsugaru Strait" is geography, not the town; "Police" the police, not the town
            if hit is None or (known is not None and hit[0] <= known.end - known.start):
                i = known.end if known is not None else i + 1
                continue
            size, number = hit
            inside = [m for m in result if i <= m.start < i + size]
            if any(m.end > i + size for m in inside):
                i += 1
                continue
            result = [m for m in result if m not in inside]
            result.append(ActorMention(i, i + size, (self.kb_ref(number, day),), "knowledge_base"))
            by_start.pop(i, None)
            i += size
        return result

    def kb_ref(self, number: int, day: dt.date | None) -> ActorRef:
        assert self.kb is not None
        entry = self.kb.kb.entry(number)
        common = {"origin": "knowledge_base", "origin_id": entry.id, "category": entry.category,
                  "start": entry.start, "end": entry.end, "successors": entry.successors}
        if entry.kind == "person":
            standing = self.kb.standing(number, day)
            return ActorRef(entry.code, entry.name, "person", entry.country, standing.sector, standing.role,
                            title=standing.title, **common)  # type: ignore[arg-type]
        if entry.kind == "place":
            return ActorRef(entry.code, entry.name, "other", entry.country, "CVL", **common)  # type: ignore[arg-type]
        return ActorRef(entry.code, entry.name, entry.kind, entry.country, entry.sector,
                        **common)  # type: ignore[arg-type]

    def kb_holder(self, country: str, roles: tuple[str, ...], day: dt.date | None) -> str | None:
        """The knowledge base's holder of an office the curated tables do not cover for that country."""
        if self.kb is None or any((country, role) in self.gazetteer._holders for role in roles):
            return None
        if self._kb_holders is None:
            self._kb_holders = self.kb.kb.holders()
        found = {n for role in roles for n in self._kb_holders.get((country, role), ())
                 if any(t.role == role and t.covers(day) for t in self.kb.kb.terms(n))}
        if len(found) != 1:
            return None
        return self.kb.kb.entry(found.pop()).code

    def holders_named(self, roles: tuple[str, ...], name: str, day: dt.date | None,
                      former: bool = False) -> list[ActorRef]:
        """Holders of an office on `day` whose name has the word `name` ("President Aliyev" in 2001 is
        Heydar Aliyev; "King Abdullah" in Amman in 2019 is Abdullah II, in Riyadh in 2010 the Saudi king);
        `former`: holders whose term had ended by `day` ("the assassination of President Moise")."""
        found: dict[str, ActorRef] = {}
        name = folded(name)

        def held(term: Any) -> bool:
            if former:
                return day is not None and term.end is not None and term.end < day
            return bool(term.covers(day))

        tables, kb = self._holders_by_name_word()
        for role, term in tables.get(name, ()):
            if role in roles and held(term):
                found.setdefault(term.code, self.ref(term.code, day))
        if self.kb is None:
            return list(found.values())
        for role, number in kb.get(name, ()):
            if role in roles and any(t.role == role and held(t) for t in self.kb.kb.terms(number)):
                found.setdefault(self.kb.kb.entry(number).code, self.kb_ref(number, day))
        return list(found.values())

    def _holders_by_name_word(self) -> tuple[dict[str, list[tuple[str, Any]]], dict[str, list[tuple[str, int]]]]:
        """Office holders of the tables (their terms) and of the knowledge base (their rows) under each word of
        their names, in the tables' order: `holders_named` asks for one word, not every holder."""
        if self._holder_words is None:
            tables: dict[str, list[tuple[str, Any]]] = {}
            for (_, role), terms in self.gazetteer._holders.items():
                for term in terms:
                    info = self.gazetteer.actors.get(term.code)
                    for word in dict.fromkeys(folded(info.name).split()) if info is not None else ():
                        tables.setdefault(word, []).append((role, term))
            kb: dict[str, list[tuple[str, int]]] = {}
            if self.kb is not None:
                if self._kb_holders is None:
                    self._kb_holders = self.kb.kb.holders()
                for (_, role), numbers in self._kb_holders.items():
                    for number in numbers:
                        for word in dict.fromkeys(folded(self.kb.kb.entry(number).name).split()):
                            kb.setdefault(word, []).append((role, number))
            self._holder_words = (tables, kb)
        return self._holder_words

    def namesake(self, surname: str, sector: str, countries: set[str], day: dt.date | None) -> ActorRef | None:
        """"Prime Minister Rabuka" when the tables hold no such prime minister on the date: the one person of
        the knowledge base with that surname who held an office of that sector in a state the document
        names (Sitiveni Rabuka, Fiji's prime minister in the 1990s); else None."""
        if self.kb is None:
            return None
        found = [n for n in self.kb.kb.people_surnamed(surname) if self.kb.kb.entry(n).country in countries
                 and any(t.sector == sector for t in self.kb.kb.terms(n))]
        return self.kb_ref(found[0], day) if len(found) == 1 else None

    # ---- what stays unresolved --------------------------------------------------------------------

    def _unresolved(self, doc: Doc, mentions: list[ActorMention]) -> list[Span]:
        covered = {k for m in mentions for k in range(m.start, m.end)}
        skip = not_actors()
        spans = [
            ent for ent in doc.ents
            if ent.label_ in ACTOR_LABELS and not any(k in covered for k in range(ent.start, ent.end))
            and ent.text.lower().removeprefix("the ") not in skip
        ]
        for chunk in actors_plural.plural_candidates(doc):
            if not any(k in covered for k in range(chunk.start, chunk.end)):
                spans.append(chunk)
        return sorted(spans, key=lambda s: s.start)

    # ---- helpers ----------------------------------------------------------------------------------

    def _voices(self, doc: Doc, day: dt.date | None) -> tuple[ActorRef, ...]:
        """Who the document's "we" is: the voice given with it and, in a joint statement, every signatory
        ("Joint Statement of the United States and Japan"), or the body that speaks ("G7 Leaders' Statement")."""
        voice = self.gazetteer.code_of(doc._.mp_voice, day) if doc._.mp_voice else None
        codes = actors_signatories.signatories(self.gazetteer, doc._.mp_title, voice, day, text_of(doc))
        return tuple(self.ref(code, day) for code in codes)

    def ref(self, code: str, day: dt.date | None) -> ActorRef:
        """A gazetteer actor (or a knowledge-base one by its code) as it stands on `day`."""
        info: ActorInfo | None = self.gazetteer.actors.get(code)
        if info is None and self.kb is not None:
            number = self.kb.kb.codes.get(code)
            if number is not None:
                return self.kb_ref(number, day)
        assert info is not None, code
        kind = "state" if info.kind in STATE_KINDS else info.kind
        standing = Standing(info.sector, None, None)
        country = info.country
        if kind == "person":
            terms = self.gazetteer.terms.get(code, ())
            standing = standing_on(terms, day) if terms else standing
            if standing.sector is None:  # no dated office, or only later ones: the curated standing sector
                standing = Standing(info.sector, terms[0].role if terms and not terms[0].start else None, None)
            country = self._person_country(code, info, day)
        return ActorRef(code, info.name, kind, country, standing.sector, standing.role, info.origin,
                        info.origin_id, standing.title, info.category, info.start, info.end, info.successors)

    def _person_country(self, code: str, info: ActorInfo, day: dt.date | None) -> str | None:
        """The state (or organisation) of the office held on `day` (Federica Mogherini: ITA in 2014, EU from
        2014-11); an organisation only while in office (Kofi Annan acts as the UN as Secretary-General, not after)."""
        held = self.gazetteer.role_of(code, day)
        if held is not None and held.country:
            return held.country
        organisation = self.gazetteer.actors.get(info.country or "")
        if day is not None and organisation is not None and organisation.kind in ("igo", "bloc") and \
                self.gazetteer.terms.get(code):
            return None
        return info.country

    def name_of(self, code: str) -> str:
        info = self.gazetteer.actors.get(code)
        return info.name if info else code


_LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "through", "throughout",
                       "within", "into", "from", "to", "between", "towards", "toward", "via", "off", "along"})


def _where_something_happened(doc: Doc, mention: ActorMention) -> bool:
    """A city or region named after a locative preposition ("exercises near Alexandria") says where, not who:
    it is no actor (its country still serves "protesters in Lagos", resolved before)."""
    ref = mention.actors[0]
    return mention.how == "knowledge_base" and ref.kind == "other" and mention.start > 0 and \
        doc[mention.start - 1].lower_ in _LOCATIVE and len(doc) > SHORT_TEXT


def _word(text: str) -> str:
    """A token as the tables write it: straight apostrophes, and a possessive the tokenizer left on its word
    ("Faso’s" after a curly apostrophe) taken off, so the name before it still matches."""
    text = text.replace("’", "'").replace("ʻ", "'")  # "Nukuʻalofa" with the ʻokina is Nuku'alofa
    if len(text) > 3 and text.endswith("'s") and text[0].isupper():
        return text[:-2]
    return text
