"""The knowledge base: people in dated offices, parties, armed groups, universities, places, historical and
de facto states, built from open data by `tools/build_kb.py` into `multipolar/data/kb/` (see NOTICE).

Names are stored token by token, so a name is found with one dictionary look-up per candidate length and
loading needs no tokenizer. Rows stay as tuples of strings until a mention asks for them; a person's terms
are read on first use.
"""

from __future__ import annotations

import datetime as dt
import gc
import itertools
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

KB_FOLDER = "data/kb"


@dataclass(frozen=True)
class KbTerm:
    """One office a person held: dates, sector, role (for "the Armenian prime minister") and title."""

    start: dt.date | None
    end: dt.date | None
    sector: str
    role: str
    title: str

    def covers(self, day: dt.date | None) -> bool:
        if not self.start and not self.end:
            return False
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class KbEntry:
    """One actor or place of the knowledge base."""

    id: str
    code: str
    name: str
    kind: str
    """person, organization, igo, place, state."""
    country: str | None
    sector: str | None
    category: str
    """What it is, finer than `kind`: office holder, party, armed group, university, city, region, ..."""
    source: str
    start: dt.date | None = None
    end: dt.date | None = None
    weight: float = 0.0
    """Tie-breaker between namesakes: a party's vote share, a city's population."""
    successors: tuple[str, ...] = ()
    part_of: str | None = None


@dataclass(frozen=True)
class NameHit:
    """Entries that the words from some position name, and how many words that takes."""

    size: int
    entries: tuple[int, ...]


class KnowledgeBase:
    """Every name of the shipped knowledge base, and the rows they point to."""

    def __init__(self) -> None:
        self._rows: list[str] = []
        self._spans: list[tuple[int, str]] = []
        """(first row number, kind) of each file's rows, in order."""
        self._firsts: list[int] = []
        """The first row numbers of `_spans`, for bisection."""
        self._index: dict[str, int | tuple[int, ...]] = {}
        self._cased: dict[tuple[str, int], str] = {}
        self._lengths: dict[str, int] = {}
        """First word -> bit mask of the lengths (in words) of the names it starts."""
        self._codes: dict[str, int] | None = None
        self._surnames: dict[str, tuple[int, ...]] | None = None
        self.curated_ids: dict[str, str] = {}
        self.common_words: frozenset[str] = frozenset()
        """One-word names that are English words ("development"): names only where the text shows it."""

    # ---- loading ----------------------------------------------------------------------------------

    def load(self) -> KnowledgeBase:
        """Read every shipped file (the collector paused: these are many small objects and no cycles)."""
        paused = gc.isenabled()
        gc.disable()
        try:
            self._load_all()
        finally:
            if paused:
                gc.enable()
        return self

    def _load_all(self) -> None:
        folder = resources.files("multipolar").joinpath(KB_FOLDER)
        for filename, kind, names_at in (("people.tsv", "person", 4), ("organizations.tsv", "organization", 9),
                                         ("places.tsv", "place", 5), ("states.tsv", "state", 8)):
            entry = folder.joinpath(filename)
            if entry.is_file():
                self._load_rows(entry.read_text(encoding="utf-8"), kind, names_at)
        common = folder.joinpath("common_words.tsv")
        if common.is_file():
            self.common_words = frozenset(_lines(common.read_text(encoding="utf-8")))
        ids = folder.joinpath("curated_ids.tsv")
        if ids.is_file():
            for line in _lines(ids.read_text(encoding="utf-8")):
                slug, qid = line.split("\t")
                self.curated_ids[slug] = qid

    def _load_rows(self, text: str, kind: str, names_at: int) -> None:
        index, lengths, cased, rows = self._index, self._lengths, self._cased, self._rows
        self._spans.append((len(rows), kind))
        for line in _lines(text):
            number = len(rows)
            rows.append(line)
            cells = line.split("\t", names_at + 2)
            names = cells[names_at] if kind != "state" else f"{cells[names_at]}|{cells[names_at + 1]}"
            for name in names.split("|"):
                if not name:
                    continue
                key = name.lower()
                known = index.get(key)
                if known is None:
                    index[key] = number
                elif known != number and not (isinstance(known, tuple) and number in known):
                    index[key] = (*known, number) if isinstance(known, tuple) else (known, number)
                space = key.find(" ")
                first = key if space < 0 else key[:space]
                lengths[first] = lengths.get(first, 0) | (1 << (key.count(" ") + 1))
                if name != key and any(len(w) > 1 and w.isupper() for w in name.split(" ")):
                    cased[(key, number)] = name

    # ---- queries ----------------------------------------------------------------------------------

    def names_at(self, words: list[str], at: int, folded: list[str] | None = None) -> Iterator[NameHit]:
        """Names that start at `at`, longest first (acronyms only as written: "PRI", not "pri")."""
        lower = folded or [w.lower() for w in words[at : at + 12]]
        offset = 0 if folded else at
        mask = self._lengths.get(lower[at - offset])
        if not mask:
            return
        for size in range(min(mask.bit_length() - 1, len(words) - at), 0, -1):
            if not mask >> size & 1:
                continue
            key = " ".join(lower[at - offset : at - offset + size])
            found = self._index.get(key)
            if found is None:
                continue
            numbers = found if isinstance(found, tuple) else (found,)
            written = " ".join(words[at : at + size])
            kept = tuple(n for n in numbers if self._cased.get((key, n), written) == written)
            if kept:
                yield NameHit(size, kept)

    def is_acronym(self, words: list[str], at: int, size: int, number: int) -> bool:
        """The name at `at` is one the entry writes in capitals ("PRI", "ANC")."""
        return (" ".join(words[at : at + size]).lower(), number) in self._cased

    def lookup(self, words: list[str]) -> tuple[int, ...]:
        """Entries that exactly these words name."""
        hit = next((h for h in self.names_at(words, 0) if h.size == len(words)), None)
        return hit.entries if hit else ()

    def kind(self, number: int) -> str:
        if len(self._firsts) != len(self._spans):
            self._firsts = [first for first, _ in self._spans]
        at = bisect_right(self._firsts, number) - 1
        if at < 0:
            raise ValueError(f"no row {number} in the knowledge base")
        return self._spans[at][1]

    def entry(self, number: int) -> KbEntry:
        return _entry(self.kind(number), tuple(self._rows[number].split("\t")))

    @property
    def codes(self) -> dict[str, int]:
        """Actor code -> row number, made on first use (few documents need it)."""
        if self._codes is None:
            self._codes = {}
            for number in range(len(self._rows)):
                cells = self._rows[number].split("\t", 2)
                self._codes.setdefault(cells[0] if self.kind(number) == "state" else cells[1], number)
        return self._codes

    def by_code(self, code: str) -> KbEntry | None:
        number = self.codes.get(code)
        return None if number is None else self.entry(number)

    def people_surnamed(self, surname: str) -> tuple[int, ...]:
        """The people whose name ends in `surname` (lower case, accents aside): "rabuka" -> Sitiveni Rabuka;
        the index is made on first use (a title before a surname the tables do not hold)."""
        if self._surnames is None:
            found: dict[str, list[int]] = {}
            for number, line in enumerate(self._rows):
                if self.kind(number) == "person":
                    name = line.split("\t", 3)[2]
                    found.setdefault(folded(name.rsplit(" ", 1)[-1]).lower(), []).append(number)
            self._surnames = {key: tuple(numbers) for key, numbers in found.items()}
        return self._surnames.get(folded(surname).lower(), ())

    def place_names(self, min_population: float) -> frozenset[str]:
        """The names (lower case) of every place of at least this population."""
        spans = [*self._spans, (len(self._rows), "")]
        names: set[str] = set()
        for (start, kind), (end, _) in itertools.pairwise(spans):
            if kind != "place":
                continue
            for number in range(start, end):
                cells = self._rows[number].split("\t", 6)
                if float(cells[4] or 0) >= min_population:
                    names.update(name.lower() for name in cells[5].split("|") if name)
        return frozenset(names)

    def terms(self, number: int) -> tuple[KbTerm, ...]:
        if self.kind(number) != "person":
            return ()
        return _terms(self._rows[number].split("\t")[5])

    def holders(self) -> dict[tuple[str, str], list[int]]:
        """(country, role) -> the people who held that office at some time ("ARM", "prime_minister")."""
        found: dict[tuple[str, str], list[int]] = {}
        for number, line in enumerate(self._rows):
            if self.kind(number) != "person":
                continue
            cells = line.split("\t")
            for part in cells[5].split(";"):
                role = ([*part.split(",", 4), "", "", "", ""])[3]
                if role:
                    bucket = found.setdefault((cells[3], role), [])
                    if number not in bucket:
                        bucket.append(number)
        return found

    def __len__(self) -> int:
        return len(self._rows)

    @property
    def name_count(self) -> int:
        return len(self._index)


def folded(text: str) -> str:
    """Without accents ("Moïse" -> "Moise")."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _lines(text: str) -> Iterator[str]:
    """The data lines of a TSV file: no comments, no header."""
    lines = (line for line in text.split("\n") if line and not line.startswith("#"))
    next(lines, None)
    return lines


def _day(raw: str, end: bool = False) -> dt.date | None:
    if not raw:
        return None
    try:
        if len(raw) == 10:
            return dt.date.fromisoformat(raw)
        if len(raw) == 7:
            year, month = int(raw[:4]), int(raw[5:])
            if end:
                following = dt.date(year + month // 12, month % 12 + 1, 1)
                return following - dt.timedelta(days=1)
            return dt.date(year, month, 1)
        if len(raw) == 4:
            return dt.date(int(raw), 12, 31) if end else dt.date(int(raw), 1, 1)
    except ValueError:
        return None
    return None


@lru_cache(maxsize=4096)
def _terms(raw: str) -> tuple[KbTerm, ...]:
    found = []
    for part in raw.split(";"):
        start, end, sector, role, title = ([*part.split(",", 4), "", "", "", "", ""])[:5]
        found.append(KbTerm(_day(start), _day(end, end=True), sector or "GOV", role, title))
    return tuple(found)


_CATEGORY = {"partyfacts": "party", "ucdp": "armed group", "universities": "university"}


def _entry(kind: str, cells: tuple[str, ...]) -> KbEntry:
    if kind == "person":
        return KbEntry(cells[0], cells[1], cells[2], "person", cells[3] or None, None, "office holder", cells[6])
    if kind == "organization":
        source = cells[10]
        category = _CATEGORY.get(source) or ("armed group" if cells[5] == "REB" else "organization")
        return KbEntry(cells[0], cells[1], cells[2], cells[3], cells[4] or None, cells[5] or None, category, source,
                       _day(cells[6]), _day(cells[7], end=True), float(cells[8] or 0))
    if kind == "place":
        return KbEntry(cells[0], f"{cells[2].lower()}-{cells[0].split(':', 1)[-1].lower()}", cells[1], "place",
                       cells[2], None, cells[3], cells[6], weight=float(cells[4] or 0))
    successors = tuple(s for s in cells[7].split("|") if s)
    category = {"historical": "historical state", "historical_igo": "historical organisation",
                "de_facto": "de facto state"}.get(cells[3], cells[3])
    kind, country = {"historical_igo": ("igo", None), "de_facto": ("other", cells[6])}.get(cells[3],
                                                                                        ("state", cells[0]))
    return KbEntry(cells[0], cells[0], cells[2], kind, country, None, category, cells[10], _day(cells[4]),
                   _day(cells[5], end=True), successors=successors, part_of=cells[6] or None)


@lru_cache(maxsize=1)
def shipped() -> KnowledgeBase:
    """The shipped knowledge base, loaded once per process."""
    return KnowledgeBase().load()
