"""People in dated offices for the knowledge base: Wikidata office-holdings (every-politician-scrapers),
Wikidata heads of state and government (world-leaders-2021), and the Phoenix country dictionary's people.

Each position label is read into a sector (GOV, MIL, LEG, JUD, SPY, COP, PTY, ELI) and, for the offices the
resolver asks about ("the Armenian prime minister"), a role. People the hand-curated gazetteer already holds
are left to it.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from kb_common import Territories, Tokenize, aliases, clean, day, folded, phoenix_country

csv.field_size_limit(10_000_000)

# (pattern over the lower-cased position label, sector, role); first match wins. Roles are those of
# the gazetteer's agents.tsv, plus a few more offices news names by title.
_MINISTER = r"^(minister|secretary)( of state)? (of|for) (the )?"
_CHAMBERS = (r"senate|national assembly|parliament|house|chamber|riigikogu|knesset|duma|state duma|federation "
             r"council|bundestag|majlis|people's majlis|legislative|national council|sejm|storting|riksdag|"
             r"folketing|althing|eduskunta|saeima|seimas|congress|assembly|grand national|verkhovna")
_OFFICES: tuple[tuple[str, str, str], ...] = (
    (r"^vice[- ]president( of (the )?(united states|republic|[a-z]+))?$", "GOV", "vice_president"),
    (r"^(deputy|vice|first deputy|assistant|associate|under|parliamentary)\b.*\bminister of (foreign|external)",
     "GOV", ""),
    (_MINISTER + r"(foreign|external) (affairs|relations)|^foreign (minister|secretary)$|^secretary of state$"
     r"|^united states secretary of state$|^minister of foreign affairs and", "GOV", "foreign_minister"),
    (r"^(deputy|vice|first deputy|assistant|under|parliamentary)\b", "GOV", ""),
    (_MINISTER + r"(national )?defen[cs]e|^defen[cs]e minister$|^minister of the armed forces$", "GOV",
     "defence_minister"),
    (_MINISTER + r"(interior|internal affairs|home affairs)$", "GOV", "interior_minister"),
    (_MINISTER + r"finance$|^(chancellor of the exchequer|treasurer)$", "GOV", "finance_minister"),
    (_MINISTER + r"justice$", "GOV", "justice_minister"),
    (r"\b(chief justice|justice of|judge|court|ombudsman)\b", "JUD", ""),
    (r"\b(attorney[- ]general|prosecutor|solicitor[- ]general|advocate general)\b", "JUD", ""),
    (r"\b(speaker|president|chairman|chairperson|chair) of the (" + _CHAMBERS + ")", "LEG", "speaker"),
    (r"^(speaker|president of the riigikogu|president of the saeima)", "LEG", "speaker"),
    (r"\b(leader of the opposition)\b", "LEG", ""),
    (r"\b(intelligence|security service|state security|fsb|cia|mossad|counterintelligence)\b", "SPY", ""),
    (r"\b(police|gendarmerie|inspector general of police)\b", "COP", ""),
    # a civilian chief of staff ("White House Chief of Staff", "Chief of Staff to the President") runs an office
    (r"^(?=.*\bchief of staff\b)(?=.*\b(white house|downing street|kremlin|president|presidential|presidency|"
     r"vice-president|prime minister|executive office|cabinet|chancellery)\b)", "GOV", ""),
    (r"\b(chief of (the )?(general |defen[cs]e )?staff|chief of defen[cs]e|commander|chief of the (army|navy|air)|"
     r"chairman of the joint chiefs|joint chiefs|army|navy|air force|armed forces|military)\b", "MIL", ""),
    (r"\bparty\b", "PTY", ""),
    (r"^first (lady|gentleman)$|^spouse", "ELI", ""),
    (r"^(president|president of the republic|president of [a-z' ]+|state president)$", "GOV", "president"),
    (r"^vice[- ]president", "GOV", "vice_president"),
    (r"^(prime minister|premier|prime minister of [a-z' ]+|chairman of the council of ministers|"
     r"chairman of the government)$", "GOV", "prime_minister"),
    (r"^(federal )?chancellor$", "GOV", "chancellor"),
    (r"^(king|queen|emir|sultan|monarch|grand duke|prince|emperor|amir)\b", "GOV", "monarch"),
    (r"^supreme leader", "GOV", "supreme_leader"),
    (r"^(ambassador|permanent representative|high commissioner) (to|of)\b", "GOV", "ambassador"),
    (r"\bspokes(person|man|woman)\b|press secretary", "GOV", "spokesperson"),
    (r"\bcentral bank|national bank|reserve bank|governor of the bank\b", "GOV", "central_bank_governor"),
    (r"^(governor|chief minister|premier|first minister|mayor)\b", "GOV", "governor"),
)
_COMPILED = tuple((re.compile(p), s, r) for p, s, r in _OFFICES)

_SUBNATIONAL = re.compile(r"^(premier|governor|chief minister|first minister|mayor)\b")
_TITLE_WORDS = frozenset({
    "president", "minister", "chancellor", "general", "gen.", "king", "queen", "prime", "premier", "secretary",
    "ambassador", "sheikh", "prince", "emir", "sultan", "dr.", "mr.", "mrs.", "chairman", "leader", "foreign",
    "defense", "defence", "vice", "deputy", "colonel", "col.", "lt.", "major", "commander", "admiral", "marshal",
    "chief", "senator", "governor", "mayor", "speaker", "judge"})


def office_of(title: str) -> tuple[str, str]:
    """(sector, role) of a position label: "Minister of Foreign Affairs" -> ("GOV", "foreign_minister")."""
    label = title.lower().strip()
    for pattern, sector, role in _COMPILED:
        if pattern.search(label):
            return sector, role
    return "GOV", ""


@dataclass
class Person:
    """One person of the knowledge base, with every office found for them."""

    id: str
    name: str
    country: str
    names: list[str] = field(default_factory=list)
    terms: set[tuple[str, str, str, str, str]] = field(default_factory=set)
    """(start, end, sector, role, title)."""
    source: str = "wikidata"


def _term(title: str, start: str, end: str) -> tuple[str, str, str, str, str]:
    sector, role = office_of(title)
    return (start, end, sector, role, clean(title))


def read_officeholders(folder: Path, de_facto: dict[str, str]) -> dict[str, Person]:
    """Every office-holding of every jurisdiction with a country code, deduplicated by person, office, start.
    The authorities of a de facto state (`de_facto`: rigour territory -> the state it is recognised as part
    of) take that state's code, as in the CAMEO and Phoenix dictionaries."""
    manifest = list(csv.DictReader((folder / "MANIFEST.tsv").open(encoding="utf-8"), delimiter="\t"))
    people: dict[str, Person] = {}
    for entry in sorted(manifest, key=lambda e: e["repo"]):
        country = entry["country"].strip()
        territory = re.search(r"rigour territory (\w+)", entry["country_from"])
        if not country and territory:
            country = de_facto.get(territory.group(1), "")
        if not country:
            continue
        directory = folder / entry["repo"].split("/", 1)[1] if entry["repo"].startswith("every-politician-scrapers/") \
            else folder / entry["repo"].replace("/", "__")
        path = directory / "holders21.csv"
        if not path.exists():
            continue
        for row in csv.DictReader(path.open(encoding="utf-8")):
            qid = (row.get("personID") or "").strip()
            name = clean(row.get("person"))
            if not qid or not name or re.fullmatch(r"Q\d+", name):
                continue
            person = people.setdefault(qid, Person(qid, name, country))
            if person.country != country:
                continue  # an ambassador listed by another state's repository keeps the first country seen
            person.terms.add(_term(row.get("position") or "", day(row.get("start")), day(row.get("end"))))
    return people


def read_world_leaders(path: Path, territories: Territories, people: dict[str, Person]) -> None:
    """Heads of state and government, October 2022: years only, so only what the office-holdings lack."""
    for row in csv.DictReader(path.open(encoding="utf-8")):
        country = territories.alpha3_by_qid.get(row["countryid"].strip(), "")
        qid, name = row["officeholder"].strip(), clean(row["officeholderLabel"])
        if not country or not qid or not name or re.fullmatch(r"Q\d+", name):
            continue
        title = re.sub(r"\s+of\s+.*$", "", clean(row["positionLabel"]))
        person = people.setdefault(qid, Person(qid, name, country, source="wikidata-world-leaders"))
        sector, role = office_of(title)
        if any(t[3] == role and t[0][:4] == row["start_year"].strip() for t in person.terms):
            continue
        person.terms.add((row["start_year"].strip(), row["end_year"].strip(), sector, role, title))


# ---- Phoenix people --------------------------------------------------------------------------------

_PHOENIX_HORIZON = "2015-12-31"
"""The Phoenix country dictionary was frozen around 2014-2015: an open-ended role there ends here."""


def _phoenix_day(raw: str) -> str:
    digits = raw.strip()
    if len(digits) == 6 and digits.isdigit():
        year = int(digits[:2])
        century = 1900 if year > 30 else 2000
        return f"{century + year}-{digits[2:4]}-{digits[4:]}"
    if len(digits) == 8 and digits.isdigit():
        return f"{digits[:4]}-{digits[4:6]}-{digits[6:]}"
    return ""


def _phoenix_name(raw: str) -> str:
    words = raw.strip().rstrip("_").replace("_", " ").strip()
    return " ".join(w if "." in w and len(w) <= 3 else w.capitalize() if w.isupper() else w for w in words.split())


_BODY_WORDS = frozenset({
    "department", "agency", "administration", "ministry", "office", "court", "corporation", "council", "commission",
    "committee", "bureau", "service", "army", "forces", "force", "government", "party", "union", "university",
    "congress", "senate", "house", "navy", "police", "bank", "institute", "association", "organization",
    "organisation", "embassy", "military", "command", "republic", "kingdom", "headquarters", "secretary",
    "president", "states", "state", "d.c.", "politburo", "corps"})
"""Words of an entry of Phoenix's country dictionary that is a body, an office or a state, not a person
("Department Of State", "President Of The United States", "Washington D.c.", "Soviet Union")."""


def is_body(name: str) -> bool:
    return bool(set(name.lower().split()) & _BODY_WORDS)


def read_phoenix_people(path: Path, countries: set[str], bodies: dict[str, Person] | None = None
                        ) -> dict[str, Person]:
    """People of Phoenix.Countries.actors.txt with their dated CAMEO codes ("DEUGOV 051122-"); entries that
    are bodies, offices or states (`is_body`: "Department Of State", "Washington D.c.") are not people: they
    go to `bodies`, for `body_rows`."""
    people: dict[str, Person] = {}
    names: list[str] = []
    codes: list[tuple[str, str, str]] = []

    def flush() -> None:
        if not codes:
            return  # names with no codes yet: the dictionary's next entry carries them ("EX-SOVIET_PRESIDENT_...")
        if names and not any(c[0] == "" for c in codes):
            _add_phoenix_person(bodies if bodies is not None and is_body(_phoenix_name(names[0])) else people,
                                names, codes, countries)
        names.clear()
        codes.clear()

    coded_entry = False  # the "+" synonyms after a state's own entry ("HAITI_ [HTI]", "+HAITIAN_") are its own
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.startswith(("\t", " ")) and line.strip().startswith("["):
            inner = line.strip()[1:].split("]", 1)[0].split()
            if inner:
                codes.append(_phoenix_code(inner))
            continue
        if line.startswith("+"):
            if not coded_entry:
                names.append(line[1:])
            continue
        flush()
        coded_entry = "[" in line
        if coded_entry:  # a state's own entry ("NIGERIA_ [NGA]") or a coded synonym: not a person
            names.clear()
            codes.clear()
            continue
        names.append(line)
    flush()
    return people


def _phoenix_code(inner: list[str]) -> tuple[str, str, str]:
    code, rest = inner[0], " ".join(inner[1:])
    start = end = ""
    if rest.startswith("<"):
        end = _phoenix_day(rest[1:])
    elif rest.startswith(">"):
        start, end = _phoenix_day(rest[1:]), _PHOENIX_HORIZON
    elif "-" in rest:
        left, right = rest.split("-", 1)
        start, end = _phoenix_day(left), _phoenix_day(right) or _PHOENIX_HORIZON
    return code, start, end


def _add_phoenix_person(people: dict[str, Person], names: list[str], codes: list[tuple[str, str, str]],
                        countries: set[str]) -> None:
    countries_seen = [phoenix_country(c, countries) for c, _, _ in codes if phoenix_country(c, countries)]
    if not countries_seen:
        return
    country = max(set(countries_seen), key=lambda c: (countries_seen.count(c), c))
    primary = _phoenix_name(names[0])
    if len(primary.split()) < 2:
        return
    key = f"phoenix:{folded(primary).lower().replace(' ', '_')}:{country}"
    person = people.setdefault(key, Person(key, primary, country, source="phoenix"))
    for alias in names[1:]:
        name = _phoenix_name(alias)
        words = name.lower().split()
        if len(words) >= 2 and not set(words) & _TITLE_WORDS and name not in person.names:
            person.names.append(name)
    for code, start, end in codes:
        if phoenix_country(code, countries) != country:
            continue
        sector = code[3:6] or "ELI"
        if not start and not end:
            person.terms.add(("", "", sector, "", "default"))
        elif start or end:
            person.terms.add((start, end, sector, "", f"Phoenix {code}"))


def without_state_names(people: dict[str, Person], country_names: dict[str, str]) -> dict[str, Person]:
    """Phoenix people named by a state's name ("Central African", whose aliases are the Central African
    Republic's names and Bokassa's) are left out; a state's name among a person's aliases is dropped."""
    kept = {}
    for key, person in people.items():
        if person.name.lower() in country_names:
            continue
        person.names = [n for n in person.names if n.lower() not in country_names]
        kept[key] = person
    return kept


def body_rows(bodies: dict[str, Person], country_names: dict[str, str], tokenize: Tokenize) -> list[list[str]]:
    """Organisation rows for the bodies and offices of Phoenix's country dictionary, with the sector most of
    their codes give; an entry that lists a state's own names ("Washington D.c." is every name of the United
    States and of its states) or is a state is left out."""
    from kb_orgs import _row

    rows = []
    for body in sorted(bodies.values(), key=lambda b: b.id):
        if any(name.lower() in country_names for name in [body.name, *body.names]):
            continue
        sectors = sorted(t[2] for t in body.terms)
        sector = max(sorted(set(sectors)), key=sectors.count) if sectors else "GOV"
        built = _row(body.id, body.name, "organization", body.country, sector, body.names, tokenize, "phoenix")
        if built:
            rows.append(built)
    return rows


# ---- merging and writing ---------------------------------------------------------------------------


def curated_people(folder: Path) -> dict[tuple[str, str], str]:
    """(folded lower-case name, country) -> slug for every name of the hand-curated people_*.tsv."""
    found: dict[tuple[str, str], str] = {}
    for path in sorted(folder.glob("people_*.tsv")):
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            for name in [row["name"], *row["names"].split("|")]:
                if len(name.split()) >= 2:
                    found[(folded(name).lower(), row["country"].strip())] = row["slug"]
    return found


def merged(wikidata: dict[str, Person], phoenix: dict[str, Person],
           curated: dict[tuple[str, str], str]) -> tuple[list[Person], dict[str, str]]:
    """Wikidata people, then Phoenix people Wikidata lacks (Phoenix adds only its closed, dated roles to a
    Wikidata person); people the curated files hold are left out, their QIDs kept for provenance."""
    by_name: dict[tuple[str, str], Person] = {}
    curated_ids: dict[str, str] = {}
    kept: list[Person] = []
    for person in sorted(wikidata.values(), key=lambda p: int(p.id[1:])):
        key = (folded(person.name).lower(), person.country)
        if key in curated:
            curated_ids.setdefault(curated[key], person.id)
            continue
        by_name.setdefault((_same_name(person.name), person.country), person)
        kept.append(person)
    for person in sorted(phoenix.values(), key=lambda p: p.id):
        if any((folded(name).lower(), person.country) in curated for name in [person.name, *person.names]):
            continue  # "Hojatolislam Sayyed Ali Khamenei", alias "Ayatollah Khamenei": the curated Ali Khamenei
        twin = by_name.get((_same_name(person.name), person.country))
        if twin is None:
            kept.append(person)
            continue
        twin.terms.update(t for t in person.terms if t[0] and t[1] and t[1] != _PHOENIX_HORIZON)
        twin.names.extend(n for n in [person.name, *person.names] if n not in twin.names and n != twin.name)
    return kept, curated_ids


def _same_name(name: str) -> str:
    """A name as Phoenix and Wikidata both write it: no accents, hyphens as spaces ("Sassou-Nguesso")."""
    return " ".join(folded(name).lower().replace("-", " ").split())


def person_rows(people: list[Person], tokenize: Tokenize, taken: set[str]) -> list[list[str]]:
    """One row per person; a code several people would share (or a curated code) gets the QID added."""
    rows = []
    codes: defaultdict[str, int] = defaultdict(int)
    for code in taken:
        codes[code] += 1
    for person in people:
        codes[_code(person.name)] += 1
    shortened = _without_initials(people)
    for person in sorted(people, key=lambda p: (p.country, folded(p.name).lower(), p.id)):
        code = _code(person.name)
        if codes[code] > 1:
            code = f"{code}-{person.id.split(':')[-1].lower() if person.id.startswith('Q') else person.country.lower()}"
            if codes[code] > 1 or not code:
                continue
        terms = sorted(person.terms)
        written = ";".join(",".join(t) for t in terms if not _subnational_duplicate(t))
        names = aliases([person.name, *person.names, *shortened.get(person.id, ())], tokenize)
        if not names or not written:
            continue
        rows.append([person.id, code, clean(person.name), person.country, "|".join(names), written, person.source])
    return rows


_CHAMBER = re.compile(r"^(?:speaker|president|chairman|chairperson|chair) of (?:the )?(.+)$", re.IGNORECASE)


def legislatures(people: list[Person], tokenize: Tokenize) -> list[list[str]]:
    """Chambers named by their speakers' offices ("President of the Riigikogu" -> the Riigikogu, EST, LEG), in
    the organisations' row format. A name several states use ("National Assembly") is a homonym there."""
    found: set[tuple[str, str]] = set()
    for person in people:
        for term in person.terms:
            matched = _CHAMBER.match(term[4]) if term[3] == "speaker" else None
            if matched and len(matched.group(1)) > 3:
                found.add((matched.group(1), person.country))
    rows = []
    for name, country in sorted(found):
        written = aliases([name], tokenize)
        if written:
            from kb_common import slug

            rows.append([f"wikidata-office:{country}:{slug(name)}", f"{country.lower()}-{slug(name)}", name,
                         "organization", country, "LEG", "", "", "0", "|".join(written), "wikidata-offices"])
    return rows


_INITIAL = re.compile(r"^[A-Z]\.?$")


def _without_initials(people: list[Person]) -> dict[str, list[str]]:
    """Person id -> names written without their middle initials ("Harry S. Truman" as "Harry Truman",
    "Franklin D. Roosevelt" as "Franklin Roosevelt"), as news and speeches often write them; a shortened
    name that two people would share, or that is another person's own name, is left out ("George Bush")."""
    own: dict[str, set[str]] = defaultdict(set)
    short: dict[str, set[str]] = defaultdict(set)
    found: dict[str, list[str]] = defaultdict(list)
    for person in people:
        for name in [person.name, *person.names]:
            own[_same_name(name)].add(person.id)
            words = name.split()
            if len(words) >= 3 and any(_INITIAL.match(w) for w in words[1:-1]):
                bare = " ".join([words[0], *(w for w in words[1:-1] if not _INITIAL.match(w)), words[-1]])
                short[_same_name(bare)].add(person.id)
                found[person.id].append(bare)
    return {pid: [n for n in names if short[_same_name(n)] == {pid} and own.get(_same_name(n), {pid}) == {pid}]
            for pid, names in found.items()}


def _code(name: str) -> str:
    from kb_common import slug

    return slug(name)


def _subnational_duplicate(term: tuple[str, str, str, str, str]) -> bool:
    return bool(_SUBNATIONAL.match(term[4].lower())) and term[3] == "prime_minister"
