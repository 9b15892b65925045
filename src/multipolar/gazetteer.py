"""The actor gazetteer: states, organisations, people and bodies, with names and dated roles.

Built from the TSV files shipped in `multipolar/data/gazetteer/` (each names its sources), then from
user files in our YAML format or PETRARCH's dictionary format. Later files override earlier ones.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from multipolar.errors import DataFileError

Tokenize = Callable[[str], list[str]]

STATE_KINDS = frozenset({"member", "observer", "partial", "territory", "state"})


@dataclass(frozen=True)
class ActorInfo:
    """What the gazetteer knows of one actor, independent of any date."""

    code: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None


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
        bucket = self._patterns[_bucket_key(tokens[0], prefix_last and len(tokens) == 1)]
        if pattern not in bucket:
            bucket.append(pattern)
            bucket.sort(key=lambda p: -len(p.tokens))

    def add_term(self, term: Term) -> None:
        self.terms[term.code].append(term)

    # ---- queries --------------------------------------------------------------------------------

    def patterns_at(self, words: list[str], at: int) -> list[NamePattern]:
        """Every pattern that matches the words from position `at`, longest first."""
        word = words[at]
        found = [p for p in self._patterns.get(word.lower(), ()) if p.matches(words, at)]
        for size in range(min(len(word), 12), 2, -1):
            found.extend(p for p in self._patterns.get("~" + word[:size].lower(), ()) if p.matches(words, at))
        return sorted(found, key=lambda p: (-len(p.tokens), _HOW_RANK.get(p.how, 2)))

    def agent_at(self, words: list[str], at: int) -> tuple[Agent, int] | None:
        """The longest agent term starting at `at` (a plural `s` on its last word is allowed)."""
        for size in range(min(5, len(words) - at), 0, -1):
            key = tuple(w.lower() for w in words[at : at + size])
            agent = self.agents.get(key)
            if agent is None and key[-1].endswith("s"):
                agent = self.agents.get((*key[:-1], _singular(key[-1])))
            if agent is not None:
                return agent, size
        return None

    def role_of(self, code: str, day: dt.date | None) -> Term | None:
        """The office `code` holds on `day` (the latest one if several), None if none."""
        held = [t for t in self.terms.get(code, ()) if t.covers(day)]
        return max(held, key=lambda t: t.start or dt.date.min) if held else None

    def holder(self, country: str, roles: Iterable[str], day: dt.date | None) -> str | None:
        """Who held one of `roles` for `country` on `day`: a person code, or None if unknown/ambiguous."""
        wanted = set(roles)
        found = {
            t.code
            for terms in self.terms.values()
            for t in terms
            if t.country == country and t.role in wanted and t.covers(day)
        }
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
    letters = [c for c in token if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and len(letters) <= 6


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
        gaz.add_actor(ActorInfo(code, row["name"].strip(), row["kind"].strip() or "igo"))
        for alias in [row["name"], *_split(row["names"])]:
            gaz.add_name(alias, code, "name")
        for adjective in _split(row.get("adjectives")):
            gaz.add_name(adjective, code, "adjective")


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
    ("organizations.tsv", load_organizations),
    ("memberships.tsv", load_memberships),
    ("bodies.tsv", load_bodies),
    ("agents.tsv", load_agents),
)


def load_shipped(gaz: Gazetteer) -> None:
    folder = resources.files("multipolar").joinpath("data/gazetteer")
    for filename, loader in _SHIPPED:
        entry = folder.joinpath(filename)
        if entry.is_file():
            loader(gaz, entry.read_text(encoding="utf-8"), filename)
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.startswith("people") and entry.name.endswith(".tsv"):
            load_people(gaz, entry.read_text(encoding="utf-8"), entry.name)


# ---- user files ------------------------------------------------------------------------------------


def load_user_file(gaz: Gazetteer, path: Path) -> None:
    """A user's actors: our YAML format, or PETRARCH actor/agent dictionaries (sniffed)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"cannot read actors file {path}: {exc}") from exc
    if path.suffix in (".yaml", ".yml") or text.lstrip().startswith(("version:", "actors:")):
        load_yaml_actors(gaz, text, str(path))
    elif re.search(r"\[~[A-Z]{3}", text):
        load_petrarch_agents(gaz, text)
    else:
        load_petrarch_actors(gaz, text, str(path))


def load_yaml_actors(gaz: Gazetteer, text: str, name: str) -> None:
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise DataFileError(f"{name}: invalid YAML ({exc})") from exc
    items = data.get("actors") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise DataFileError(f"{name}: expected a top-level `actors:` list")
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict) or not item.get("code") or not item.get("name"):
            raise DataFileError(f"{name}: actor {number} needs at least `code` and `name`")
        _add_yaml_actor(gaz, item, name)


def _add_yaml_actor(gaz: Gazetteer, item: dict[str, Any], name: str) -> None:
    code, kind = str(item["code"]), str(item.get("kind") or "state")
    country = item.get("country") or (code if kind == "state" else None)
    sector = item.get("sector") or ("GOV" if kind == "person" else None)
    gaz.add_actor(ActorInfo(code, str(item["name"]), kind, country, sector))
    how = {"person": "person", "organization": "body"}.get(kind, "name")
    for alias in [item["name"], *(item.get("names") or [])]:
        gaz.add_name(str(alias), code, how)
    for key in ("adjectives", "capitals", "metonyms"):
        for alias in item.get(key) or []:
            gaz.add_name(str(alias), code, key.rstrip("s"))
    if item.get("role"):
        try:
            start, end = parse_day(item.get("start")), _end_day(item.get("end"))
        except ValueError as exc:
            raise DataFileError(f"{name}: {code}: {exc}") from exc
        gaz.add_term(Term(code, country, str(item["role"]), str(item.get("title") or ""), sector or "GOV",
                          start, end))
    for member in item.get("members") or []:
        gaz.memberships[code].append((str(member), None, None))


_PETRARCH_CODE = re.compile(r"\[([^\]]*)\]")


def load_petrarch_actors(gaz: Gazetteer, text: str, name: str) -> None:
    """PETRARCH actor dictionaries: `NAME [CODE]`, `+SYNONYM`, dated `[CODE <YYMMDD]` blocks."""
    names: list[str] = []
    codes: list[tuple[str, dt.date | None, dt.date | None]] = []

    def flush() -> None:
        if names and codes:
            _add_petrarch_entry(gaz, names, codes)
        names.clear()
        codes.clear()

    for raw in text.splitlines():
        line = re.sub(r"<!--.*?-->", "", raw.split("#", 1)[0]).rstrip()
        if not line.strip() or line.strip().startswith(("<!--", "-->")):
            continue
        if line.startswith((" ", "\t")) and line.strip().startswith("["):
            codes.extend(_petrarch_codes(line))
            continue
        if line.startswith("+"):
            names.append(line[1:].strip())
            continue
        flush()
        head = _PETRARCH_CODE.split(line, maxsplit=1)[0].strip()
        names.append(head)
        codes.extend(_petrarch_codes(line))
    flush()


def _petrarch_codes(line: str) -> list[tuple[str, dt.date | None, dt.date | None]]:
    found = []
    for inner in _PETRARCH_CODE.findall(line):
        parts = inner.split()
        if not parts:
            continue
        code, rest = parts[0], " ".join(parts[1:])
        start = end = None
        if rest.startswith("<"):
            end = _petrarch_day(rest[1:])
        elif rest.startswith(">"):
            start = _petrarch_day(rest[1:])
        elif "-" in rest:
            left, right = rest.split("-", 1)
            start, end = _petrarch_day(left), _petrarch_day(right)
        found.append((code, start, end))
    return found


def _petrarch_day(raw: str) -> dt.date | None:
    digits = raw.strip()
    try:
        if len(digits) == 6:
            year = int(digits[:2])
            return dt.date(1900 + year if year > 30 else 2000 + year, int(digits[2:4]), int(digits[4:]))
        if len(digits) == 8:
            return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return None
    return None


def _add_petrarch_entry(gaz: Gazetteer, names: list[str], codes: list[tuple[str, Any, Any]]) -> None:
    for code, start, end in codes:
        if not re.fullmatch(r"[A-Za-z]{3}[A-Za-z0-9]*", code):
            continue
        country = code[:3].upper()
        sector = code[3:6].upper() or None
        if country not in gaz.actors:
            gaz.add_actor(ActorInfo(country, names[0].replace("_", " ").strip().title(), "state", country))
        full = code.upper()
        if full != country and full not in gaz.actors:
            gaz.add_actor(ActorInfo(full, names[0].replace("_", " ").strip().title(), "organization",
                                    country, sector))
        for alias in names:
            exact = alias.endswith("_")
            words = alias.rstrip("_").replace("_", " ").strip()
            if words:
                gaz.add_name(_petrarch_case(words), full, "petrarch", prefix_last=not exact, start=start, end=end)


def _petrarch_case(words: str) -> str:
    """PETRARCH writes every name in capitals: keep short ones and dotted ones as acronyms ("UAE", "U.N.")."""
    letters = [c for c in words if c.isalpha()]
    if "." in words or (" " not in words and len(letters) <= 4):
        return words
    return words.title()


def load_petrarch_agents(gaz: Gazetteer, text: str) -> None:
    """PETRARCH agent dictionaries: `TERM [~XXX]` lines (macros and plural blocks are ignored)."""
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        found = re.match(r"([A-Z][A-Z_ .'-]*?)\s*(?:\{[^}]*\})?\s*\[~([A-Z]{3})", line)
        if not found or "!" in found.group(1):
            continue
        term = found.group(1).replace("_", " ").strip().lower()
        key = tuple(t for t in gaz._tokenize(term) if t.strip())
        if key and key not in gaz.agents:
            gaz.agents[key] = Agent(term, found.group(2), None, found.group(2).lower())


def build(tokenize: Tokenize, user_files: Iterable[Path] = ()) -> Gazetteer:
    gaz = Gazetteer(_tokenize=tokenize)
    load_shipped(gaz)
    for path in user_files:
        load_user_file(gaz, path)
    return gaz
