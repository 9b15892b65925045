"""Actor resolution: a spaCy component that finds and resolves every actor mention, as of the doc's date.

Rules, in order: gazetteer names (longest match first); a country word plus an agent word ("the
Russian army", "Russia's foreign minister") as a body or, for an office, its holder on the date;
"his Russian counterpart"; plural references to the last pair of states ("the two countries").
Place names ("Sea of Japan") and combining forms without a partner ("Indo-Pacific") are not actors.
What looks like an actor but cannot be resolved is kept in `doc._.mp_unresolved`, never guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from spacy.tokens import Doc, Span

from multipolar.gazetteer import STATE_KINDS, ActorInfo, Agent, Gazetteer, NamePattern

ACTOR_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_QUALIFIER_FILLERS = frozenset({"top", "new", "former", "then", "current", "chief", "senior", "acting",
                                "deputy", "first", "own", "then-", "incoming", "outgoing"})
_PLURAL_REFERENCE = re.compile(
    r"^(?:the two|both|these two|both the)\s+(?:countries|states|nations|sides|governments|powers|capitals|"
    r"neighbou?rs|leaders|partners)$|^(?:the )?leaders of (?:both|the two) (?:countries|states|nations)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ActorRef:
    """An actor as resolved on the document's date."""

    code: str
    name: str
    kind: str
    country: str | None
    role: str | None
    office: str | None = None

    @property
    def state_code(self) -> str:
        """The state or organisation the actor acts for: "xi-jinping" -> "CHN"."""
        if self.kind in ("person", "organization") and self.country:
            return self.country
        return self.code


@dataclass(frozen=True)
class ActorMention:
    """Tokens [start, end) that refer to one or more actors."""

    start: int
    end: int
    actors: tuple[ActorRef, ...]
    how: str


@cache
def _word_list(name: str) -> frozenset[str]:
    text = resources.files("multipolar").joinpath(f"data/gazetteer/{name}").read_text(encoding="utf-8")
    return frozenset(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


def _geography() -> frozenset[str]:
    return _word_list("geography.txt")


_FIRST_PERSON = frozenset({"we", "us", "i", "my", "our"})
_OWN_BODIES = frozenset({"country", "government", "delegation", "nation", "state", "people", "administration"})


@lru_cache(maxsize=1)
def _not_actors() -> frozenset[str]:
    return frozenset(w.lower() for w in _word_list("not_actors.txt"))


class ActorResolver:
    """The `multipolar_actors` component."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        day: dt.date | None = doc._.mp_date
        words = [t.text.replace("’", "'") for t in doc]
        mentions = self._name_mentions(doc, words, day)
        mentions = self._with_agents(doc, words, mentions, day)
        mentions = self._with_plural_references(doc, mentions)
        voice = self.gazetteer.code_of(doc._.mp_voice, day) if doc._.mp_voice else None
        if voice is not None:
            mentions += self._first_person(doc, mentions, self.ref(voice, day))
        doc._.mp_mentions = sorted(mentions, key=lambda m: m.start)
        doc._.mp_unresolved = self._unresolved(doc, doc._.mp_mentions)
        return doc

    # ---- gazetteer names ------------------------------------------------------------------------

    def _name_mentions(self, doc: Doc, words: list[str], day: dt.date | None) -> list[ActorMention]:
        found: list[ActorMention] = []
        i = 0
        while i < len(words):
            pattern = self._best_pattern(doc, words, i, day)
            if pattern is None:
                i += 1
                continue
            end = i + len(pattern.tokens)
            ref = self.ref(pattern.code, day)
            if pattern.how in ("capital", "metonym") and ref.kind == "state":
                ref = ActorRef(ref.code, ref.name, ref.kind, ref.country, "GOV")
            found.append(ActorMention(i, end, (ref,), pattern.how))
            i = end
        return found

    def _best_pattern(self, doc: Doc, words: list[str], i: int, day: dt.date | None) -> NamePattern | None:
        capitalised = words[i][:1].isupper() or words[i][:1].isdigit()
        for pattern in self.gazetteer.patterns_at(words, i):
            if pattern.code not in self.gazetteer.actors or not pattern.valid_on(day):
                continue
            if not capitalised and not pattern.tokens[0][:1].islower():
                continue
            end = i + len(pattern.tokens)
            if self._is_place(words, i, end) or self._inside_other_name(doc, i, end, pattern) or \
                    self._tail_of_longer_name(doc, words, i, pattern):
                continue
            if pattern.how == "adjective" and not self._combines(words, i, end):
                continue
            if pattern.how == "person" and len(pattern.tokens) == 1 and self._followed_by_other_name(doc, words, end):
                continue  # "Boris Yeltsin" is not Boris Johnson: a short name followed by another name
            return pattern
        return None

    def _followed_by_other_name(self, doc: Doc, words: list[str], end: int) -> bool:
        return end < len(words) and words[end][:1].isupper() and doc[end].pos_ == "PROPN" and \
            not self.gazetteer.patterns_at(words, end)

    def _combines(self, words: list[str], start: int, end: int) -> bool:
        """A combining form ("Sino", "Indo") stands for a state only joined to another one ("Sino-Russian")."""
        hyphen = end < len(words) and words[end] == "-"
        if not hyphen:
            return not words[end - 1].endswith("o")
        return (end + 1 < len(words) and bool(self.gazetteer.patterns_at(words, end + 1))) or \
            not words[end - 1].endswith("o")

    def _is_place(self, words: list[str], start: int, end: int) -> bool:
        geography = _geography()
        if end < len(words) and words[end].lower() in geography:
            return True
        if start >= 2 and words[start - 1].lower() == "of" and words[start - 2].lower() in geography:
            return True
        name = " ".join(words[start:end]).lower()
        if start >= 2 and words[start - 1] == "," and words[start - 2][:1].isupper() and \
                " ".join(words[start:end]) in _word_list("homonyms.txt") and \
                not self.gazetteer.patterns_at(words, start - 2):
            return True
        with_next = f"{name} {words[end].lower()}" if end < len(words) else name
        with_previous = f"{words[start - 1].lower()} {name}" if start > 0 else name
        hyphenated = f"{name}-{words[end + 1].lower()}" if end + 1 < len(words) and words[end] == "-" else name
        return bool({name, with_next, with_previous, hyphenated} & _not_actors())

    def _tail_of_longer_name(self, doc: Doc, words: list[str], start: int, pattern: NamePattern) -> bool:
        """"Security Council" inside "National Security Council" is not the UN's."""
        info = self.gazetteer.actors[pattern.code]
        if info.kind in STATE_KINDS or info.kind == "person" or start == 0:
            return False
        previous = doc[start - 1]
        return previous.text[:1].isupper() and not previous.is_sent_start and previous.ent_iob_ in ("B", "I") \
            and doc[start].ent_iob_ == "I" and not self.gazetteer.patterns_at(words, start - 1) \
            and self.gazetteer.agent_at(words, start - 1) is None

    @staticmethod
    def _inside_other_name(doc: Doc, start: int, end: int, pattern: NamePattern) -> bool:
        """A country name inside a longer person's name ("Michael Jordan") is not the country."""
        if pattern.how in ("person", "petrarch") or doc[start].ent_type_ != "PERSON":
            return False
        span = next((e for e in doc.ents if e.start <= start < e.end), None)
        return span is not None and (span.end - span.start) > (end - start)

    # ---- country word + agent word --------------------------------------------------------------

    def _with_agents(
        self, doc: Doc, words: list[str], mentions: list[ActorMention], day: dt.date | None
    ) -> list[ActorMention]:
        by_end = {m.end: m for m in mentions}
        # "Chile's Defense Department": a body of another state after a state's name is that state's body
        mentions = [m for m in mentions if not self._foreign_body(words, m, by_end)]
        by_start = {m.start: m for m in mentions}
        by_end = {m.end: m for m in mentions}
        taken = {k for m in mentions for k in range(m.start, m.end)}
        result = list(mentions)
        i = 0
        while i < len(words):
            hit = None if i in taken else self.gazetteer.agent_at(words, i)
            if hit is None:
                i += 1
                continue
            agent, size = hit
            end = i + size
            qualifier = self._qualifier_before(words, i, by_end)
            if qualifier is None and not (end < len(words) and words[end].lower() == "in" and
                                          agent.sector in ("MIL", "GOV", "COP", "SPY")):
                # "troops in Ukraine" are not Ukraine's troops; "trade unions in Denmark" are Denmark's
                qualifier = self._qualifier_after(words, end, by_start)
            if qualifier is None:
                i = end
                continue
            country = qualifier.actors[0]
            if country.kind not in (*STATE_KINDS, "igo", "bloc"):
                i = end
                continue
            follower = by_start.get(end)
            start, stop = min(qualifier.start, i), max(qualifier.end, end)
            if follower is not None and follower.actors[0].kind == "person" and agent.role:
                merged = ActorMention(start, follower.end, follower.actors, "title+person")
                result = [m for m in result if m not in (qualifier, follower)] + [merged]
                i = follower.end
                continue
            unknown_name = end < len(doc) and doc[end].ent_type_ == "PERSON"
            actor = self._agent_actor(words, i, agent, country.code, day, result, unknown_name)
            if actor is None:
                i = end
                continue
            result = [m for m in result if m is not qualifier] + [ActorMention(start, stop, (actor,), "agent")]
            taken.update(range(start, stop))
            i = stop
        return result

    def _foreign_body(self, words: list[str], mention: ActorMention, by_end: dict[int, ActorMention]) -> bool:
        ref = mention.actors[0]
        if ref.kind != "organization" or self.gazetteer.agent_at(words, mention.start) is None:
            return False
        qualifier = self._qualifier_before(words, mention.start, by_end)
        return qualifier is not None and qualifier.actors[0].state_code != ref.country

    @staticmethod
    def _qualifier_before(words: list[str], at: int, by_end: dict[int, ActorMention]) -> ActorMention | None:
        k = at
        while k > 0 and (words[k - 1].lower() in _QUALIFIER_FILLERS or words[k - 1] in _POSSESSIVE):
            k -= 1
        return by_end.get(k)

    @staticmethod
    def _qualifier_after(words: list[str], end: int, by_start: dict[int, ActorMention]) -> ActorMention | None:
        """"the president of China", "trade unions in Denmark"."""
        if end < len(words) and words[end].lower() in ("of", "for", "in"):
            k = end + 1
            if k < len(words) and words[k].lower() == "the":
                k += 1
            return by_start.get(k)
        return None

    def _agent_actor(
        self, words: list[str], at: int, agent: Agent, country: str, day: dt.date | None,
        earlier: list[ActorMention], names_someone_else: bool = False,
    ) -> ActorRef | None:
        """The body or office holder a country word plus agent word names. A title followed by a name we
        do not know ("Russian President Boris Yeltsin" in a text without a date) is not today's holder."""
        if agent.slug == "counterpart":
            return self._counterpart(at, country, day, earlier)
        if agent.role and not names_someone_else:
            holder = self._office_holder(country, agent.role, day)
            if holder is not None:
                return self.ref(holder, day)
        code = f"{country.lower()}-{agent.slug}"
        kind = "person" if agent.role else "organization"
        known = self.gazetteer.actors.get(code)
        name = known.name if known else f"{self._name(country)} {agent.term}"
        return ActorRef(code, name, kind, country, agent.sector, agent.role)

    def _counterpart(
        self, at: int, country: str, day: dt.date | None, earlier: list[ActorMention]
    ) -> ActorRef | None:
        """"his Russian counterpart": the holder, in that country, of the office of the last person named."""
        people = [m for m in earlier if m.end <= at and m.actors[0].kind == "person"]
        if not people:
            return None
        office = self.gazetteer.role_of(people[-1].actors[0].code, day)
        if office is None:
            return None
        holder = self._office_holder(country, office.role, day)
        return self.ref(holder, day) if holder else None

    def _office_holder(self, country: str, role: str, day: dt.date | None) -> str | None:
        """Who held an office on the day; "the leader" is the one who governs (see parliamentary.txt)."""
        if role != "leader":
            return self.gazetteer.holder(country, (role,), day)
        governs = ("prime_minister", "chancellor") if country in _word_list("parliamentary.txt") else \
            ("president",)
        for roles in (("supreme_leader",), governs, ("president", "prime_minister", "chancellor", "monarch")):
            holder = self.gazetteer.holder(country, roles, day)
            if holder is not None:
                return holder
        return None

    # ---- "the two countries" ----------------------------------------------------------------------

    def _with_plural_references(self, doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
        result = list(mentions)
        taken = {k for m in mentions for k in range(m.start, m.end)}
        for chunk in _plural_candidates(doc):
            if any(k in taken for k in range(chunk.start, chunk.end)):
                continue
            pair = _last_pair(result, chunk.start, doc)
            if pair is not None:
                states = tuple(self.ref(ref.state_code, doc._.mp_date) if ref.state_code in self.gazetteer.actors
                               else ref for ref in pair)
                result.append(ActorMention(chunk.start, chunk.end, states, "coreference"))
        return result

    # ---- the document's own voice ------------------------------------------------------------------

    def _first_person(self, doc: Doc, mentions: list[ActorMention], voice: ActorRef) -> list[ActorMention]:
        """"We call on ...", "my country", "our Government": the actor a document speaks for (a UN speech
        is its state's), outside quotations, where the first person is someone else's."""
        from multipolar.quotes import quoted_char_ranges

        taken = {k for m in mentions for k in range(m.start, m.end)}
        quoted = quoted_char_ranges(doc.text)
        found = []
        for token in doc:
            lower = token.lower_
            if token.i in taken or lower not in _FIRST_PERSON or token.pos_ not in ("PRON", "DET"):
                continue
            if any(start <= token.idx < end for start, end in quoted):
                continue
            end = token.i + 1
            if lower in ("my", "our") and token.head.i == token.i + 1 and token.head.lemma_.lower() in _OWN_BODIES:
                end = token.i + 2  # "my country", "our Government": the whole phrase
            elif lower in ("my", "our"):
                continue  # "our concern", "my pleasure": not an actor
            found.append(ActorMention(token.i, end, (voice,), "voice"))
        return found

    # ---- what stays unresolved --------------------------------------------------------------------

    def _unresolved(self, doc: Doc, mentions: list[ActorMention]) -> list[Span]:
        covered = {k for m in mentions for k in range(m.start, m.end)}
        skip = _not_actors()
        spans = [
            ent for ent in doc.ents
            if ent.label_ in ACTOR_LABELS and not any(k in covered for k in range(ent.start, ent.end))
            and ent.text.lower().removeprefix("the ") not in skip
        ]
        for chunk in _plural_candidates(doc):
            if not any(k in covered for k in range(chunk.start, chunk.end)):
                spans.append(chunk)
        return sorted(spans, key=lambda s: s.start)

    # ---- helpers ----------------------------------------------------------------------------------

    def ref(self, code: str, day: dt.date | None) -> ActorRef:
        info: ActorInfo = self.gazetteer.actors[code]
        kind = "state" if info.kind in STATE_KINDS else info.kind
        office = self.gazetteer.role_of(code, day) if kind == "person" else None
        role = office.sector if office else info.sector
        return ActorRef(code, info.name, kind, info.country, role, office.role if office else None)

    def _name(self, code: str) -> str:
        info = self.gazetteer.actors.get(code)
        return info.name if info else code


def _plural_candidates(doc: Doc) -> list[Span]:
    found = []
    for chunk in doc.noun_chunks:
        text = chunk.text
        if _PLURAL_REFERENCE.match(text):
            found.append(chunk)
            continue
        extended = doc[chunk.start : min(len(doc), chunk.end + 3)]
        if _PLURAL_REFERENCE.match(extended.text):
            found.append(extended)
    return found


def _last_pair(mentions: list[ActorMention], before: int, doc: Doc) -> tuple[ActorRef, ...] | None:
    """The most recent two states named together ("Russia and China", "Sino-Russian"), within 3 sentences."""
    sentence_starts = [s.start for s in doc.sents]
    current = max((k for k, s in enumerate(sentence_starts) if s <= before), default=0)
    window_start = sentence_starts[max(0, current - 3)]
    named_things = [e for e in doc.ents if e.label_ in ("FAC", "EVENT", "WORK_OF_ART", "LAW")]
    states = [
        m for m in mentions
        if window_start <= m.start and m.end <= before and m.actors[0].state_code.isupper()
        and len(m.actors) == 1 and not any(e.start <= m.start < e.end for e in named_things)
    ]
    for right in range(len(states) - 1, 0, -1):
        a, b = states[right - 1], states[right]
        gap = doc[a.end : b.start].text.strip().lower()
        codes = {a.actors[0].state_code, b.actors[0].state_code}
        if len(codes) == 2 and gap in ("and", "-", "–", "&", ",", "or", "and the", "nor"):
            return (a.actors[0], b.actors[0])
    return _dominant_pair(states)


def _dominant_pair(states: list[ActorMention]) -> tuple[ActorRef, ...] | None:
    """Failing a coordinated pair: the two states named most in the window, if no third comes close."""
    counts: dict[str, int] = {}
    first: dict[str, ActorRef] = {}
    for mention in states:
        code = mention.actors[0].state_code
        counts[code] = counts.get(code, 0) + 1
        first.setdefault(code, mention.actors[0])
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if len(ranked) < 2 or ranked[1][1] < 2 or (len(ranked) > 2 and ranked[2][1] >= ranked[1][1]):
        return None
    return (first[ranked[0][0]], first[ranked[1][0]])
