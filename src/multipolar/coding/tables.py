"""The event-coding tables: CAMEO codes (Goldstein, QuadClass, PLOVER), verb and noun patterns.

They live in `multipolar/data/coding/*.tsv` (each names its sources); this module only reads them.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from multipolar.data_files import named_lists
from multipolar.errors import DataFileError

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
OLD_PLOVER_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str
    mode: str


@dataclass(frozen=True)
class Pattern:
    """A verb or noun that codes an event when its object/modifiers and target are found."""

    word: str
    required: frozenset[str]
    """Lemmas of which one must be the verb's object (or modify the noun); empty: none required."""
    targets: tuple[str, ...]
    """Where to find the target, in order: dobj, iobj, prep:on|against, none."""
    cameo: str
    plover: str
    mode: str
    id: str = ""
    """A stable name for the row ("verb:pledge/aid", "noun:invasion"): events say which rule coded them."""

    @property
    def is_light(self) -> bool:
        """A light verb ("conduct", "impose") is coded by its object noun."""
        return self.cameo == "@"


@dataclass(frozen=True)
class Sense:
    """"fight climate change": the object (or the sentence, `context`) shows another sense of the verb."""

    words: frozenset[str]
    becomes: tuple[str, str, str] | None
    """(CAMEO code, PLOVER type, mode) it codes instead, or None for no event."""
    context: bool
    subject: bool = False


@dataclass(frozen=True)
class CodingTables:
    cameo: dict[str, CameoCode]
    verbs: dict[str, tuple[Pattern, ...]]
    nouns: dict[str, tuple[Pattern, ...]]
    modes: dict[str, frozenset[str]]
    """The modes each PLOVER category has (`modes.tsv`)."""
    alone: frozenset[str] = frozenset()
    """Categories coded with no recipient when the text names none (`categories.tsv`)."""
    frame_codes: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    senses: dict[str, tuple[Sense, ...]] = field(default_factory=dict)
    domestic: frozenset[str] = frozenset()
    """Nouns for a state's own people and groups (`domestic_recipients.txt`)."""
    crowd: frozenset[str] = frozenset()
    """Nouns for a crowd (`@crowd` of `word_classes.tsv`): who protests where no state is named."""
    """Verb lemma -> the senses in which it is not the event its rows code (`senses.tsv`)."""
    """(frame kind, complement type or type/mode or *) -> (CAMEO code, mode) (`frame_codes.tsv`)."""

    def frame_code(self, kind: str, complement: CameoCode | None, demand: bool = False) -> CameoCode:
        """The code of a request, refusal or threat of `complement`: asking for a release is 0253 (REQUEST
        yield), threatening an attack 138 (THREATEN violence); a demand takes the parallel 10x code."""
        keys = [complement.code, complement.code[:3], f"{complement.plover}/{complement.mode}",
                complement.plover] if complement else []
        code, mode = next(self.frame_codes[(kind, k)] for k in [*keys, "*"] if (kind, k) in self.frame_codes)
        if demand and code.startswith("02"):
            code = "10" + code[2:]
        entry = self.code(code)
        plover = entry.plover
        return CameoCode(entry.code, entry.name, entry.goldstein, entry.quad_class, plover,
                         self.mode_of(plover, mode, entry.mode))

    def mode_of(self, plover: str, *candidates: str) -> str:
        """The first candidate that is a mode of `plover`, else none: AGREE has no "disarm" mode."""
        allowed = self.modes.get(plover, frozenset())
        return next((m for m in candidates if m in allowed), "")

    def code(self, code: str) -> CameoCode:
        """The CAMEO entry for `code`, or for its nearest parent when the table lacks it."""
        for size in (len(code), 3, 2):
            found = self.cameo.get(code[:size])
            if found is not None:
                return found
        raise KeyError(code)


def _read(name: str) -> list[dict[str, str]]:
    text = resources.files("multipolar").joinpath(f"data/coding/{name}").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    for number, row in enumerate(rows, start=2):
        if None in row or any(v is None for v in row.values()):
            raise DataFileError(f"{name}: row {number} has the wrong number of columns")
    return rows


def _word_classes() -> dict[str, str]:
    """`@troops` -> "troop|soldier|..." (`word_classes.tsv`)."""
    return {row["class"].strip(): row["words"].strip() for row in _read("word_classes.tsv")}


def _expanded(words: str, classes: dict[str, str], name: str) -> str:
    """A '|' list with its `@class` names replaced by their words (in place, first word first)."""
    parts: list[str] = []
    for word in (w.strip() for w in words.split("|")):
        if word.startswith("@") and word not in classes:
            raise DataFileError(f"{name}: no word class {word!r} in word_classes.tsv")
        parts.extend(classes[word].split("|") if word.startswith("@") else [word])
    return "|".join(dict.fromkeys(parts))


def _patterns(rows: list[dict[str, str]], key: str, required_key: str,
              classes: dict[str, str] | None = None) -> dict[str, tuple[Pattern, ...]]:
    grouped: dict[str, list[Pattern]] = defaultdict(list)
    ids: set[str] = set()
    for row in rows:
        required = _expanded(row[required_key].strip(), classes or {}, key)
        words = frozenset() if required in ("", "-") else frozenset(w.strip().lower() for w in required.split("|"))
        word = row[key].strip().lower()
        grouped[word].append(Pattern(
            id=_pattern_id(key, word, required, ids),
            word=word,
            required=words,
            targets=tuple(t.strip() for t in row["target"].split(",") if t.strip()) or ("none",),
            cameo=row["cameo"].strip(),
            plover=OLD_PLOVER_NAMES.get(row["plover"].strip(), row["plover"].strip()),
            mode=row["mode"].strip(),
        ))
    # patterns that ask for a particular object are tried first
    return {word: tuple(sorted(found, key=lambda p: not p.required)) for word, found in grouped.items()}


def _pattern_id(kind: str, word: str, required: str, taken: set[str]) -> str:
    """"verb:pledge" for a row that needs no object, "verb:pledge/aid" after the first required lemma;
    a repeat gets "#2": ids stay the same when other rows are added or moved."""
    base = f"{kind}:{word}" + (f"/{required.split('|')[0].strip().lower()}" if required not in ("", "-") else "")
    found, count = base, 1
    while found in taken:
        count += 1
        found = f"{base}#{count}"
    taken.add(found)
    return found


def _words(name: str) -> frozenset[str]:
    text = resources.files("multipolar").joinpath(f"data/coding/{name}").read_text(encoding="utf-8")
    return frozenset(ln.strip().lower() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


@lru_cache(maxsize=1)
def _word_lists() -> dict[str, frozenset[str]]:
    return {name: frozenset(w.lower() for w in words) for name, words in named_lists("coding/word_lists.tsv").items()}


def word_list(name: str) -> frozenset[str]:
    """A word list of the event coder's rules (`word_lists.tsv`): the lemmas one rule looks for."""
    lists = _word_lists()
    if name not in lists:
        raise DataFileError(f"word_lists.tsv: no list {name!r}")
    return lists[name]


@lru_cache(maxsize=1)
def load_tables() -> CodingTables:
    cameo = {}
    for row in _read("cameo.tsv"):
        code = row["code"].strip()
        cameo[code] = CameoCode(
            code=code, name=row["name"].strip(), goldstein=float(row["goldstein"]),
            quad_class=int(row["quad_class"]),
            plover=OLD_PLOVER_NAMES.get(row["plover"].strip(), row["plover"].strip()),
            mode=row["mode"].strip(),
        )
    modes: dict[str, set[str]] = defaultdict(set)
    for row in _read("modes.tsv"):
        modes[row["plover"].strip()].add(row["mode"].strip())
    alone = frozenset(r["plover"].strip() for r in _read("categories.tsv") if r["alone"].strip() == "yes")
    frame_codes = {(r["kind"].strip(), r["complement"].strip()): (r["cameo"].strip(), r["mode"].strip())
                   for r in _read("frame_codes.tsv")}
    classes = _word_classes()
    senses: dict[str, list[Sense]] = defaultdict(list)
    for row in _read("senses.tsv"):
        becomes = row["becomes"].strip()
        code, plover, mode = [*becomes.split(":"), "", ""][:3]
        words = _expanded(row["objects"], classes, "senses.tsv")
        senses[row["verb"].strip()].append(Sense(
            frozenset(w.strip() for w in words.split("|")), (code, plover, mode) if becomes != "-" else None,
            row["where"].strip() == "context", row["where"].strip() == "subject"))
    return CodingTables(cameo, _patterns(_read("verbs.tsv"), "verb", "object", classes),
                        _patterns(_read("nouns.tsv"), "noun", "modifier", classes),
                        {plover: frozenset(found) for plover, found in modes.items()}, alone, frame_codes,
                        {verb: tuple(found) for verb, found in senses.items()}, _words("domestic_recipients.txt"),
                        frozenset(classes["@crowd"].split("|")))
