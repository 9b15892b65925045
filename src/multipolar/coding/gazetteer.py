"""The actor gazetteer: states, organisations, people and bodies, with names and dated roles.

Built from the hand-curated TSV files shipped in `multipolar/data/gazetteer/` (each names its sources), the
knowledge base's historical and de facto states (`multipolar.coding.kb`), then user files in our YAML format or
PETRARCH's dictionary format (`gazetteer_user`); `gazetteer_build` puts the three together. Later files
override earlier ones. The rest of the knowledge base (people, organisations, places) is consulted by the
resolver only where these tables know nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from multipolar.errors import DataFileError

Tokenize = Callable[[str], list[str]]

STATE_KINDS = frozenset({"member", "observer", "partial", "territory", "state", "historical"})


@dataclass(frozen=True)
class ActorInfo:
    """What the gazetteer knows of one actor, independent of any date."""

    code: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    origin: str = "gazetteer"
    """Where the actor comes from: gazetteer (our curated tables), knowledge_base, or user_file."""
    origin_id: str | None = None
    """Its id there: a Wikidata QID, the user file's path."""
    category: str | None = None
    """Finer than `kind`: historical state, de facto state, ..."""
    start: dt.date | None = None
    """When it came into being (historical and de facto states), if known."""
    end: dt.date | None = None
    successors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Term:
    """One holder of one office for a span of time ("xi-jinping is CHN president from 2013-03-14")."""

    code: str
    country: str | None
    role: str
    title: str
    sector: str
    start: dt.date | None
    end: dt.date | None

    def covers(self, day: dt.date | None) -> bool:
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Agent:
    """A generic word for a sector or office ("army" -> MIL; "foreign minister" -> GOV, foreign_minister)."""

    term: str
    sector: str
    role: str | None
    slug: str


@dataclass(frozen=True)
class NamePattern:
    """A token sequence that names an actor; `how` says in what way (name, adjective, capital...)."""

    tokens: tuple[str, ...]
    code: str
    how: str
    case_sensitive: tuple[bool, ...]
    prefix_last: bool = False
    start: dt.date | None = None
    end: dt.date | None = None

    def matches(self, words: list[str], at: int) -> bool:
        if at + len(self.tokens) > len(words):
            return False
        last = len(self.tokens) - 1
        for i, (want, exact) in enumerate(zip(self.tokens, self.case_sensitive, strict=True)):
            got = words[at + i]
            if exact:
                if got != want:
                    return False
                continue
            folded = got.lower()
            if i == last and self.prefix_last:
                if not folded.startswith(want.lower()):
                    return False
            elif folded != want.lower():
                return False
        return True

    def valid_on(self, day: dt.date | None) -> bool:
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass
class Gazetteer:
    """Lookup tables built once per set of files; read-only after `build`."""

    actors: dict[str, ActorInfo] = field(default_factory=dict)
    terms: dict[str, list[Term]] = field(default_factory=lambda: defaultdict(list))
    memberships: dict[str, list[tuple[str, dt.date | None, dt.date | None]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    agents: dict[tuple[str, ...], Agent] = field(default_factory=dict)
    _patterns: dict[str, list[NamePattern]] = field(default_factory=lambda: defaultdict(list))
    _tokenize: Tokenize = field(default=lambda text: text.split())
    _holders: dict[tuple[str | None, str], list[Term]] = field(default_factory=lambda: defaultdict(list))
    state_homonyms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """A name two states share ("congo"), lower case: the states, the one reporting means most often first."""
    kb: Any = None
    """The knowledge base (`multipolar.coding.kb.KnowledgeBase`), or None when built without it."""
    kb_agents: dict[tuple[str, ...], Agent] = field(default_factory=dict)
    """Phoenix's agent nouns ("farmer", "buddhist"): they name a sector only beside a country or place."""
    _first_words: dict[int, tuple[int, frozenset[str]]] = field(default_factory=dict, repr=False, compare=False)
    """The first words of each agent table's terms, by the table's id (with its size when they were read)."""
    _agent_starts: dict[bool, tuple[tuple[int, int], frozenset[str]]] = field(default_factory=dict, repr=False,
                                                                              compare=False)
    """The first words `agent_at` looks for, unqualified and qualified (with the tables' sizes when read)."""
    _has_stems: bool = field(default=False, repr=False, compare=False)
    """Whether any name is kept by its stem (`prefix_last`); the built-in tables have none."""

    # ---- building -------------------------------------------------------------------------------

    def add_actor(self, info: ActorInfo) -> None:
        self.actors[info.code] = info

    def add_name(
        self, name: str, code: str, how: str, *, prefix_last: bool = False,
        start: dt.date | None = None, end: dt.date | None = None,
    ) -> None:
        name = name.strip().replace("’", "'")
        if not name:
            return
        tokens = tuple(t for t in self._tokenize(name) if t.strip())
        if not tokens:
            return
        exact = tuple(_is_acronym(t) for t in tokens)
        pattern = NamePattern(tokens, code, how, exact, prefix_last, start, end)
        self._has_stems = self._has_stems or (prefix_last and len(tokens) == 1)
        bucket = self._patterns[_bucket_key(tokens[0], prefix_last and len(tokens) == 1)]
        if pattern not in bucket:
            bucket.append(pattern)
            bucket.sort(key=lambda p: -len(p.tokens))

    def add_term(self, term: Term) -> None:
        self.terms[term.code].append(term)
        self._holders[(term.country, term.role)].append(term)

    # ---- queries --------------------------------------------------------------------------------

    def patterns_at(self, words: list[str], at: int) -> list[NamePattern]:
        """Every pattern that matches the words from position `at`, longest first."""
        word = words[at]
        found = [p for p in self._patterns.get(word.lower(), ()) if p.matches(words, at)]
        for size in range(min(len(word), 12), 2, -1) if self._has_stems else ():
            found.extend(p for p in self._patterns.get("~" + word[:size].lower(), ()) if p.matches(words, at))
        return sorted(found, key=lambda p: (-len(p.tokens), _HOW_RANK.get(p.how, 2)))

    def agent_at(self, words: list[str], at: int, qualified: bool = False) -> tuple[Agent, int] | None:
        """The longest agent term starting at `at` (a plural `s` on its last word is allowed); `qualified`:
        also the knowledge base's agent nouns, for a word beside a country or place."""
        tables = (self.agents, self.kb_agents) if qualified else (self.agents,)
        first = words[at].lower() if at < len(words) else ""
        starts = self._starts_of(qualified)
        if first not in starts and not (first.endswith("s") and _singular(first) in starts):
            return None  # no term begins with this word: most words, and the reason this is quick
        for size in range(min(5, len(words) - at), 0, -1):
            key = tuple(w.lower() for w in words[at : at + size])
            for table in tables:
                agent = table.get(key)
                if agent is None and key[-1].endswith("s"):
                    agent = table.get((*key[:-1], _singular(key[-1])))
                if agent is not None:
                    return agent, size
        return None

    def _starts_of(self, qualified: bool) -> frozenset[str]:
        """The first words of the agent tables `agent_at` reads (`qualified`: the knowledge base's too)."""
        sizes = (len(self.agents), len(self.kb_agents) if qualified else -1)
        kept = self._agent_starts.get(qualified)
        if kept is None or kept[0] != sizes:
            tables = (self.agents, self.kb_agents) if qualified else (self.agents,)
            kept = self._agent_starts[qualified] = (sizes, frozenset().union(*map(self._starts, tables)))
        return kept[1]

    def _starts(self, table: dict[tuple[str, ...], Agent]) -> frozenset[str]:
        kept = self._first_words.get(id(table))
        if kept is None or kept[0] != len(table):
            kept = self._first_words[id(table)] = (len(table), frozenset(key[0] for key in table if key))
        return kept[1]

    def role_of(self, code: str, day: dt.date | None) -> Term | None:
        """The office `code` holds on `day` (the latest one if several), None if none."""
        held = [t for t in self.terms.get(code, ()) if t.covers(day)]
        return max(held, key=lambda t: t.start or dt.date.min) if held else None

    def holder(self, country: str, roles: Iterable[str], day: dt.date | None) -> str | None:
        """Who held one of `roles` for `country` on `day`: a person code, or None if unknown/ambiguous."""
        found = {t.code for role in set(roles) for t in self._holders.get((country, role), ()) if t.covers(day)}
        return found.pop() if len(found) == 1 else None

    def members(self, org: str, day: dt.date | None) -> list[str]:
        return [
            member
            for member, start, end in self.memberships.get(org, ())
            if day is None or ((start is None or start <= day) and (end is None or day <= end))
        ]

    def code_of(self, name: str, day: dt.date | None = None) -> str | None:
        """An actor code as given ("BRA", "bra"), or a name that means exactly one actor ("Brazil", "the
        Kremlin"); None if it means none or several."""
        for code in (name, name.upper()):
            if code in self.actors:
                return code
        found = {info.code for info in self.lookup(name, day)}
        return found.pop() if len(found) == 1 else None

    def lookup(self, name: str, day: dt.date | None = None) -> list[ActorInfo]:
        """Actors that the whole of `name` can mean (case as written, an optional leading "the")."""
        words = [t for t in self._tokenize(name.strip().replace("’", "'")) if t.strip()]
        if words and words[0].lower() == "the":
            words = words[1:]
        hits = [p for p in self.patterns_at(words, 0) if len(p.tokens) == len(words)] if words else []
        return [self.actors[p.code] for p in hits if p.valid_on(day) and p.code in self.actors]


_HOW_RANK = {"person": 0, "body": 0, "name": 1}
"""Between names of equal length, a named body ("the Kremlin" as rus-kremlin) beats a metonym of the state."""


def _is_acronym(token: str) -> bool:
    """"NATO", and a short name with a capital inside ("LeT", "MoD"): matched only as written ("Let us" is
    no armed group)."""
    letters = [c for c in token if c.isalpha()]
    if not 2 <= len(letters) <= 6:
        return False
    return all(c.isupper() for c in letters) or (letters[0].isupper() and any(c.isupper() for c in letters[2:])
                                                and any(c.islower() for c in letters))


def _bucket_key(first: str, stem: bool) -> str:
    return ("~" if stem else "") + first.lower()


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1]


def _split(cell: str | None) -> list[str]:
    return [part.strip() for part in (cell or "").split("|") if part.strip()]


def parse_day(value: Any) -> dt.date | None:
    """YYYY-MM-DD, YYYY-MM (first day) or YYYY (first day); empty -> None."""
    if value is None or str(value).strip() == "":
        return None
    if isinstance(value, dt.date):
        return value
    raw = str(value).strip()
    for pattern, fmt in ((r"\d{4}-\d{2}-\d{2}", "%Y-%m-%d"), (r"\d{4}-\d{2}", "%Y-%m"), (r"\d{4}", "%Y")):
        if re.fullmatch(pattern, raw):
            return dt.datetime.strptime(raw, fmt).date()
    raise ValueError(f"not a date: {raw!r}")


def _end_day(value: Any) -> dt.date | None:
    """Like `parse_day`, but a month or a year stands for its last day."""
    day = parse_day(value)
    if day is None:
        return None
    raw = str(value).strip()
    if re.fullmatch(r"\d{4}", raw):
        return dt.date(day.year, 12, 31)
    if re.fullmatch(r"\d{4}-\d{2}", raw):
        following = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return day


def _rows(text: str, name: str) -> Iterator[dict[str, str]]:
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    for number, row in enumerate(reader, start=2):
        if None in row or any(v is None for v in row.values()):
            raise DataFileError(f"{name}: row {number} has the wrong number of columns")
        yield row


# ---- loaders for the shipped TSV files ------------------------------------------------------------


def load_countries(gaz: Gazetteer, text: str, name: str) -> None:
    for row in _rows(text, name):
        code = row["code"].strip()
        gaz.add_actor(ActorInfo(code, row["name"].strip(), "state", country=code))
        for alias in [row["name"], *_split(row["names"])]:
            gaz.add_name(alias, code, "name")
        for adjective in _split(row["adjectives"]):
            gaz.add_name(adjective, code, "adjective")
        for capital in _split(row["capitals"]):
            gaz.add_name(capital, code, "capital")
        for metonym in _split(row["metonyms"]):
            gaz.add_name(metonym, code, "metonym")


def load_organizations(gaz: Gazetteer, text: str, name: str) -> None:
    for row in _rows(text, name):
        code = row["code"].strip()
        # an organ that acts for its organisation in events (the European Commission for the EU) keeps its own
        # code and names the organisation as its country
        part_of = (row.get("part_of") or "").strip() or None
        category = (row.get("category") or "").strip() or None
        gaz.add_actor(ActorInfo(code, row["name"].strip(), row["kind"].strip() or "igo", country=part_of,
                                category=category))
        for alias in [row["name"], *_split(row["names"])]:
            gaz.add_name(alias, code, "name")
        for adjective in _split(row.get("adjectives")):
            gaz.add_name(adjective, code, "adjective")


def load_regions(gaz: Gazetteer, text: str, name: str) -> None:
    """Territories and regions that stand for their state ("Gaza", "eastern Congo") and their demonyms."""
    for row in _rows(text, name):
        code = row["state"].strip()
        for region in _split(row["names"]):
            gaz.add_name(region, code, "region")
        for demonym in _split(row["demonyms"]):
            gaz.add_name(demonym, code, "adjective")


def load_state_homonyms(gaz: Gazetteer, text: str, name: str) -> None:
    """Names two states share ("Congo"): a name of the first, which the resolver may change to the other."""
    for row in _rows(text, name):
        states = tuple(_split(row["states"]))
        if not states or row["how"].strip() not in ("name", "adjective"):
            raise DataFileError(f"{name}: {row['name']!r} needs states and a how of name or adjective")
        gaz.state_homonyms[row["name"].strip().lower()] = states
        gaz.add_name(row["name"], states[0], row["how"].strip())


def load_memberships(gaz: Gazetteer, text: str, name: str) -> None:
    for row in _rows(text, name):
        try:
            span = (row["member"].strip(), parse_day(row["start"]), _end_day(row["end"]))
        except ValueError as exc:
            raise DataFileError(f"{name}: {exc}") from exc
        gaz.memberships[row["org"].strip()].append(span)


def load_bodies(gaz: Gazetteer, text: str, name: str) -> None:
    for row in _rows(text, name):
        code = row["code"].strip()
        country = row["country"].strip() or None
        gaz.add_actor(ActorInfo(code, row["name"].strip(), "organization", country, row["sector"].strip()))
        for alias in [row["name"], *_split(row["names"])]:
            gaz.add_name(alias, code, "body")


def load_agents(gaz: Gazetteer, text: str, name: str) -> None:
    for row in _rows(text, name):
        term = row["term"].strip().lower()
        agent = Agent(term, row["sector"].strip(), row["role"].strip() or None, row["slug"].strip())
        gaz.agents[tuple(t for t in gaz._tokenize(term) if t.strip())] = agent


def load_people(gaz: Gazetteer, text: str, name: str) -> None:
    for row in _rows(text, name):
        code = row["slug"].strip()
        country = row["country"].strip() or None
        try:
            start, end = parse_day(row["start"]), _end_day(row["end"])
        except ValueError as exc:
            raise DataFileError(f"{name}: {code}: {exc}") from exc
        sector = row["sector"].strip() or "GOV"
        gaz.add_actor(ActorInfo(code, row["name"].strip(), "person", country, sector))
        gaz.add_term(Term(code, country, row["role"].strip(), row["title"].strip(), sector, start, end))
        for alias in [row["name"], *_split(row["names"])]:
            gaz.add_name(alias, code, "person")


_SHIPPED = (
    ("countries.tsv", load_countries),
    ("regions.tsv", load_regions),
    ("state_homonyms.tsv", load_state_homonyms),
    ("organizations.tsv", load_organizations),
    ("memberships.tsv", load_memberships),
    ("bodies.tsv", load_bodies),
    ("agents.tsv", load_agents),
)


def load_kb_states(gaz: Gazetteer) -> None:
    """Historical states and organisations (the Soviet Union, the European Community) and de facto states
    (Abkhazia), with their dates and successors, from the knowledge base's states.tsv."""
    folder = resources.files("multipolar").joinpath("data/kb")
    entry = folder.joinpath("states.tsv")
    if not entry.is_file():
        return
    for row in _rows(entry.read_text(encoding="utf-8"), "states.tsv"):
        code, kind = row["code"], row["kind"]
        category = {"historical": "historical state", "historical_igo": "historical organisation",
                    "de_facto": "de facto state"}.get(kind, kind)
        # a de facto state is coded as the state it is recognised as part of (kind other, like a region)
        actor_kind, country = {"historical_igo": ("igo", None), "de_facto": ("other", row["part_of"])}.get(
            kind, (kind, code))
        info = ActorInfo(code, row["name"], actor_kind, country, None, "knowledge_base", row["qid"] or None,
                         category, parse_day(row["start"]), _end_day(row["end"]), tuple(_split(row["successors"])))
        gaz.add_actor(info)
        for name in _split(row["names"]):
            gaz.add_name(name.replace(" - ", "-"), code, "name")
        for name in _split(row["adjectives"]):
            gaz.add_name(name, code, "adjective")


def load_kb_agents(gaz: Gazetteer) -> None:
    entry = resources.files("multipolar").joinpath("data/kb/agents.tsv")
    if not entry.is_file():
        return
    for row in _rows(entry.read_text(encoding="utf-8"), "agents.tsv"):
        key = tuple(row["term"].split(" "))
        if key not in gaz.agents:
            gaz.kb_agents[key] = Agent(row["term"], row["sector"], None, "-".join(key).replace(".", ""))


def load_shipped(gaz: Gazetteer) -> None:
    folder = resources.files("multipolar").joinpath("data/gazetteer")
    for filename, loader in _SHIPPED:
        entry = folder.joinpath(filename)
        if entry.is_file():
            loader(gaz, entry.read_text(encoding="utf-8"), filename)
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.startswith("people") and entry.name.endswith(".tsv"):
            load_people(gaz, entry.read_text(encoding="utf-8"), entry.name)
