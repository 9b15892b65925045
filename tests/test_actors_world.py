"""Actors that reporting names in its own ways: cities in another spelling than GeoNames', forces led or backed
by a state, forces in a state, civilian chiefs of staff, Senate leaders, names without their middle initial,
popes, unionists and delegates (session 7)."""

from __future__ import annotations

import datetime as dt
import sys

import pytest

import multipolar
from multipolar.coding.kb import shipped
from multipolar.nlp.actors.places import _near_a_large_city, _one_edit_away
from multipolar.records import Article

from .conftest import ROOT
from .test_actors import _actor_of, _all_codes, _analyse, _codes


def _countries(text: str, date: str = "2024-05-01") -> dict[str, str | None]:
    return {m.text: a.country for a in _analyse(text, date).actors for m in a.mentions}


def test_spellings_one_edit_away_keep_the_first_letter_and_the_spaces() -> None:
    variants = set(_one_edit_away("khan younis"))
    assert "khan yunis" in variants and "khan younes" in variants
    assert not any(v[0] != "k" or "  " in v for v in variants)
    assert "mykolayiv" in set(_one_edit_away("mykolaiv"))


@pytest.mark.model
def test_the_quick_test_before_respelling_misses_no_large_city_one_edit_away() -> None:
    kb = shipped()
    for written in ("mykolaiv", "khan younis", "hargeisa", "kharkov", "mumbia"):  # each one edit from a large city
        assert _near_a_large_city(kb, written), written
        assert any(kb.lookup(v.split(" ")) for v in _one_edit_away(written)), written
    assert not _near_a_large_city(kb, "zorbulaxian")  # nothing near: the look-ups are spared


def test_a_large_city_in_the_spelling_news_uses_is_its_state_s() -> None:
    assert _countries("Drones hit Mykolaiv before dawn, the governor said.").get("Mykolaiv") == "UKR"
    assert _countries("Aid trucks reached Khan Younis on Sunday.").get("Khan Younis") == "PSE"
    found = _all_codes(_analyse("Officials in Hargeisa rejected the plan.", "2024-01-05"))
    assert found.get("Officials in Hargeisa") == {"som-gov"}, found


@pytest.mark.model
def test_a_surname_or_a_region_one_letter_from_a_town_is_no_town() -> None:
    found = _countries("Senator Paula Mworia spoke first. Mworia said the Americas must act together.")
    assert "Mworia" not in found or found["Mworia"] is None, found
    assert "Americas" not in found, found  # not Americus, a town of 16,000
    continents = _countries("Officials in Central America and Africa took bribes.")
    assert "CHL" not in continents.values(), continents  # "Africa" is not Arica


@pytest.mark.model
def test_forces_led_or_backed_by_a_state_are_that_state_s() -> None:
    backed = _all_codes(_analyse("Iranian-backed militias fired rockets at a base near the airport.", "2020-01-08"))
    assert backed.get("Iranian-backed militias") == {"irn-militia"}, backed
    led = _analyse("Saudi-led forces bombed a port on the Red Sea.", "2018-06-13")
    assert _actor_of(led, "Saudi-led forces")[:2] == ("SAU", "MIL")


@pytest.mark.model
def test_police_and_troops_in_a_state_are_its_own_but_not_its_forces_or_foreign_troops() -> None:
    police = _analyse("Police in Uganda detained 30 students after the march.", "2023-03-01")
    assert _actor_of(police, "Police in Uganda")[:2] == ("UGA", "COP")
    assert {(e.source, e.target) for e in police.events} == {("UGA", "UGA")}
    foreign = _all_codes(_analyse("Foreign troops in Chad clashed with rebels.", "2023-03-01"))
    assert not any(code.startswith("tcd-mil") for codes in foreign.values() for code in codes), foreign
    blue = _all_codes(_analyse("Peacekeepers in Chad and troops in Darfur were attacked.", "2023-03-01"))
    assert "Peacekeepers in Chad" not in blue and "troops in Darfur" not in blue, blue  # never theirs by "in"
    own = _all_codes(_analyse("Kenya moved its troops in Somalia to the border.", "2023-03-01"))
    assert not any(code.startswith("som-") for codes in own.values() for code in codes), own


@pytest.mark.model
def test_the_international_community_is_no_party_to_a_flow() -> None:
    found = _analyse("The international community pledged $3 billion to rebuild Haiti.", "2010-03-31")
    money = [q for q in found.quantities if q.kind == "money"]
    assert money and all("IGO" not in q.parties and q.from_ != "IGO" for q in money), money
    assert "IGO" in {a.code for a in found.actors}  # still an actor of the events


def test_a_civilian_chief_of_staff_is_government_and_a_military_one_military() -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    import kb_people

    assert kb_people.office_of("White House Chief of Staff")[0] == "GOV"
    assert kb_people.office_of("Chief of Staff to the Prime Minister")[0] == "GOV"
    assert kb_people.office_of("Chief of Staff of the Army")[0] == "MIL"
    klain = shipped().by_code("ron-klain")
    assert klain is not None and {t.sector for t in shipped().terms(shipped().codes["ron-klain"])} == {"GOV"}


@pytest.mark.model
def test_names_are_found_without_their_middle_initial_unless_two_people_share_it() -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    import kb_people

    people = [kb_people.Person("Q1", "Oskar T. Vell", "ARD"), kb_people.Person("Q2", "Mira B. Toll", "ARD"),
              kb_people.Person("Q3", "Mira K. Toll", "ARD"), kb_people.Person("Q4", "Ivo Sand", "ARD"),
              kb_people.Person("Q5", "Ivo P. Sand", "ARD")]
    assert kb_people._without_initials(people) == {"Q1": ["Oskar Vell"], "Q2": [], "Q3": [], "Q5": []}
    other = _codes(_analyse("Congressman James R. Jones voted against the bill.", "1985-05-01"))
    assert other.get("James R. Jones") != "james-l-jones", other  # his own initial is another
    assert [shipped().entry(n).code for n in shipped().lookup(["Franklin", "Roosevelt"])] == \
        ["franklin-d-roosevelt"]


@pytest.mark.model
def test_senate_leaders_are_legislators() -> None:
    found = _analyse("Senate Minority Leader Dana Whitcombe criticized the tariffs.", "2023-05-01")
    assert _actor_of(found, "Senate Minority Leader Dana Whitcombe")[1] == "LEG"
    assert "chn-senate" not in _codes(found).values()


@pytest.mark.model
def test_a_president_by_surname_in_the_voice_s_own_state_and_a_pope_in_the_holy_see() -> None:
    voiced = multipolar.analyze(Article(text="As President Truman said, we must stand with free peoples.",
                                        date=dt.date(2023, 5, 1), voice="USA"))
    assert _codes(voiced).get("President Truman") == "harry-s-truman"
    pope = _analyse("Pope Clement XV urged both sides to lay down their arms.", "2031-04-01")
    assert _actor_of(pope, "Pope Clement XV")[:2] == ("VAT", "REL")
    saint = _codes(_analyse("As Saint John Paul II wrote, peace is a duty.", "2019-09-25"))
    assert saint.get("Saint John Paul II") == "john-paul-ii", saint


@pytest.mark.model
def test_a_unionist_is_labour_and_a_delegate_government() -> None:
    union = _analyse("SEIU President Carla Montes said the deal protects workers.", "2023-05-01")
    assert _actor_of(union, "SEIU President Carla Montes")[:2] == ("USA", "LAB")
    delegate = _all_codes(_analyse("A Brazilian delegate told the conference that prices were too high.",
                                   "2023-05-01"))
    assert delegate.get("Brazilian delegate") == {"bra-delegate"}, delegate
    found = _analyse("A Brazilian delegate told the conference that prices were too high.", "2023-05-01")
    assert _actor_of(found, "Brazilian delegate")[1] == "GOV"


@pytest.mark.model
def test_an_acronym_the_document_defines_is_that_body_wherever_it_is_written() -> None:
    found = _all_codes(_analyse("The mission trains the Liberian National Police (LNP). Donors gave the LNP "
                                "new radios, and LNP officers patrolled the port.", "2019-05-01"))
    assert found.get("LNP") == {"lbr-police"}, found
    person = _all_codes(_analyse("Minister Ada Kole (AK) spoke. AK left.", "2019-05-01"))
    assert "AK" not in person, person  # a person's initials are no body


@pytest.mark.model
def test_a_government_named_by_its_leader_s_surname_is_that_state_s() -> None:
    voiced = multipolar.analyze(Article(text="The Obama Administration's deal eased the restrictions.",
                                        date=dt.date(2025, 7, 15), voice="USA"))
    assert _all_codes(voiced).get("Obama Administration") == {"usa-gov"}, _all_codes(voiced)
    assert "Obama" not in _all_codes(voiced)  # the town inside it is gone
    joint = _all_codes(_analyse("The Biden-Harris Administration pledged $10 million to ASEAN.", "2023-01-15"))
    assert not any(code.startswith("kna-") for codes in joint.values() for code in codes), joint
