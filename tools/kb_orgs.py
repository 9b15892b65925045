"""Organisations for the knowledge base: Party Facts parties, UCDP armed groups (names, ids and countries only),
universities (Hipo's list), and Phoenix's international and non-state armed actors.

Each becomes a row `id, code, name, kind, country, sector, start, end, weight, names, source`; `weight` (a
party's best vote share, a university 0) breaks ties between organisations of the same name.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

from kb_common import Territories, Tokenize, aliases, clean, phoenix_country, slug

Row = list[str]


def _row(id_: str, name: str, kind: str, country: str, sector: str, names: list[str], tokenize: Tokenize,
         source: str, start: str = "", end: str = "", weight: str = "") -> Row | None:
    written = aliases([name, *names], tokenize)
    if not written:
        return None
    code = f"{country.lower() or kind}-{slug(name)}"[:60].strip("-")
    return [id_, code, clean(name), kind, country, sector, start, end, weight, "|".join(written), source]


def _acronym(value: str) -> str:
    """A short name kept only when it is an acronym (written in capitals), which is matched case-sensitively."""
    value = clean(value)
    letters = [c for c in value if c.isalpha()]
    return value if 2 <= len(letters) <= 8 and all(c.isupper() for c in letters) and " " not in value else ""


def parties(folder: Path, countries: set[str], tokenize: Tokenize) -> list[Row]:
    wikidata: dict[str, str] = {}
    for row in csv.DictReader((folder / "wikidata.csv").open(encoding="utf-8")):
        wikidata.setdefault(row["partyfacts_id"].strip(), row["wikidata_id"].strip())
    rows = []
    for row in csv.DictReader((folder / "partyfacts-core-parties.csv").open(encoding="utf-8")):
        country = row["country"].strip()
        if row["technical"].strip() or country not in countries:
            continue
        english = [n.strip() for n in clean(row["name_english"]).split("/") if n.strip()]
        name = english[-1] if english else clean(row["name"])  # a party renamed: its latest name last
        names = [*(n.strip() for n in clean(row["name"]).split("/")), *english[:-1]]
        names += [_acronym(n) for n in row["name_short"].split("/")]
        names += [n.strip() for n in clean(row["name_other"]).split("/") if ":" not in n]
        pid = row["partyfacts_id"].strip()
        qid = wikidata.get(pid, "")
        built = _row(f"partyfacts:{pid}" + (f" {qid}" if qid else ""), name, "organization", country, "PTY",
                     [n for n in names if n], tokenize, "partyfacts", row["year_first"].strip(),
                     row["year_last"].strip(), row["share"].strip())
        if built:
            rows.append(built)
    return rows


_UCDP_SECTOR = {"1": "REB", "2": "UAF", "3": "UAF"}


def ucdp(path: Path, country_names: dict[str, str], tokenize: Tokenize) -> list[Row]:
    """UCDP actors other than governments: names and ids with the country of their first location."""
    rows = []
    for row in csv.DictReader(path.open(encoding="utf-8-sig")):
        sector = _UCDP_SECTOR.get(row["Org"].strip())
        if sector is None:
            continue
        location = clean(row["Location"]).split(",")[0].strip().lower()
        country = country_names.get(location, "")
        name = next((n for n in (clean(row["NameOrigFullEng"]), clean(row["NameData"])) if n and n != "n/a"), "")
        if re.search(r"\b(cartel|gang|mafia)\b", name, re.IGNORECASE):
            sector = "CRM"
        names = [clean(row["NameData"]), clean(row["NameOrig"]), clean(row["NewNameFullEng"])]
        names = [n if len(n) > 8 or " " in n else _acronym(n) for n in names]
        built = _row(f"ucdp:{row['ActorId'].strip()}", name, "organization", country, sector,
                     [n for n in names if n and "n/a" not in n], tokenize, "ucdp")
        if built:
            rows.append(built)
    return rows


def universities(path: Path, territories: Territories, tokenize: Tokenize) -> list[Row]:
    """Universities with their name turned about ("University of Oxford" / "Oxford University") and, when
    the web domain spells it, the one-word short name ("Harvard")."""
    rows = []
    seen: set[tuple[str, str]] = set()
    for item in json.loads(path.read_text(encoding="utf-8")):
        country = territories.alpha3_by_alpha2.get(str(item.get("alpha_two_code") or "").upper(), "")
        name = clean(str(item.get("name") or ""))
        if not country or not name or (name.lower(), country) in seen:
            continue
        seen.add((name.lower(), country))
        names = []
        found = re.fullmatch(r"(?:The )?University of ([A-Z][\w.' -]+)", name)
        if found:
            names.append(f"{found.group(1)} University")
        found = re.fullmatch(r"([A-Z][\w.'-]+) University", name)
        if found:
            names.append(f"University of {found.group(1)}")
            domains = [str(d).lower() for d in item.get("domains") or []]
            word = found.group(1)
            if " " not in word and any(d.split(".")[0] == word.lower() for d in domains):
                names.append(word)
        built = _row(f"university:{slug(name)}:{country.lower()}", name, "organization", country, "EDU", names,
                     tokenize, "universities")
        if built:
            rows.append(built)
    return rows


_PHOENIX_ORGANISATION = {"IGOUNO": "UN"}
"""Phoenix codes of the UN's own officials and organs ("Kofi Annan", "Un Envoy", "MONUC"): they act as the UN in
events (the lead's convention of session 6), so the UN is their country. The EU's code (IGOEUREEC) is not here:
it also holds national ministers who chaired the Council, and the EU's organs are curated."""


def _curated(name: str, curated: dict[str, bool]) -> bool:
    """A curated actor's name ("The Security Council"), or a title before a curated person's name
    ("Secretary-general Ban Ki-moon")."""
    words = re.sub(r"^the\s+", "", clean(name).lower()).split()
    return " ".join(words) in curated or any(curated.get(" ".join(words[k:])) for k in range(1, len(words) - 1))


def phoenix_organizations(folder: Path, countries: set[str], tokenize: Tokenize,
                          curated: dict[str, bool] | None = None) -> list[Row]:
    """Phoenix's international file (IGOs, NGOs, companies) and its non-state armed groups (START's names).
    An international entry named as a curated actor is left to the curated tables; `curated` maps those names
    (lower case, without a leading "the") to whether they name a person."""
    rows = []
    for filename, default_sector in (("Phoenix.International.actors.txt", "NGO"),
                                     ("Phoenix.MilNonState.actors.txt", "REB")):
        for names, code in _phoenix_entries(folder / filename):
            if curated and filename.startswith("Phoenix.International") and _curated(names[0], curated):
                continue
            country = _PHOENIX_ORGANISATION.get(code) or phoenix_country(code, countries)
            if not country and code[:3] in ("MNC", "NGO"):
                country = phoenix_country(code[3:6], countries)  # a company of one state: MNCGBR
            kind = "igo" if code.startswith("IGO") else "organization"
            sector = {"IGO": "", "NGO": "NGO", "MNC": "BUS"}.get(code[:3]) if code[:3] in ("IGO", "NGO", "MNC") \
                else code[3:6]
            if not country and code[:3] not in ("IGO", "NGO", "MNC", "IMG", "NGM"):
                continue
            if kind == "organization" and not sector:
                sector = default_sector
            built = _row(f"phoenix:{code}:{slug(names[0])}", names[0], kind, country, sector, names[1:], tokenize,
                         "phoenix")
            if built:
                rows.append(built)
    return rows


def _phoenix_entries(path: Path) -> list[tuple[list[str], str]]:
    entries: list[tuple[list[str], str]] = []
    names: list[str] = []
    code = ""
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.startswith(("\t", " ")) and line.strip().startswith("["):
            code = code or line.strip()[1:].split("]", 1)[0].split()[0] if line.strip()[1:].split() else code
            continue
        if line.startswith("+"):
            names.append(_title(line[1:]))
            continue
        if names and code:
            entries.append((names, code))
        names, code = [], ""
        head, _, rest = line.partition("[")
        names.append(_title(head))
        code = rest.split("]", 1)[0].split()[0] if rest.split() else ""
    if names and code:
        entries.append((names, code))
    return [(n, c) for n, c in entries if re.fullmatch(r"[A-Z]{3}[A-Z0-9]*", c)]


def _title(raw: str) -> str:
    words = re.sub(r"\(.*?\)", " ", raw).strip().rstrip("_").replace("_", " ").split()
    if len(words) == 1 and len(words[0]) <= 6:
        return words[0]  # an acronym: kept in capitals
    small = {"of", "the", "and", "for", "in", "de", "al", "la", "du", "des"}
    return " ".join(w.lower() if w.lower() in small and i else w.capitalize() for i, w in enumerate(words))
