"""International bodies and their people, waters and adjectives that are no state (session 8): officials named
with an office of an organisation act for it, the UN's missions act as UN (its funds and programmes keep their
codes), "the Red Sea" is a sea, "Siberian" and "Catalan" are no respelt state or town ("Columbian" stays a respelt
"Colombian"), and "King X of Y" is Y's."""

from __future__ import annotations

import pytest

from .test_actors import _analyse


def _by_text(text: str, date: str | None = "2019-06-20") -> dict[str, tuple[str, str | None]]:
    """Mention text -> (actor code, country)."""
    return {m.text: (a.code, a.country) for a in _analyse(text, date).actors for m in a.mentions}


@pytest.mark.model
def test_a_known_person_named_with_an_office_of_the_un_acts_for_the_un() -> None:
    before = _by_text("UN human rights chief Michelle Bachelet toured a prison outside Caracas on Friday.")
    assert before.get("Michelle Bachelet") == ("michelle-bachelet", "UN"), before
    after = _by_text("Michelle Bachelet, the United Nations High Commissioner for Human Rights, toured a prison.")
    assert after.get("Michelle Bachelet") == ("michelle-bachelet", "UN"), after


@pytest.mark.model
def test_an_envoy_of_a_state_to_the_un_or_a_former_official_does_not_act_for_it() -> None:
    envoy = _by_text("UN Ambassador Linda Thomas-Greenfield told reporters the vote would be close.", "2022-03-01")
    assert [c for t, (_, c) in envoy.items() if "Thomas-Greenfield" in t] == ["USA"], envoy
    former = _by_text("Former UN human rights chief Michelle Bachelet toured a prison outside Caracas.", "2023-05-02")
    assert all(c != "UN" for t, (_, c) in former.items() if "Bachelet" in t), former


@pytest.mark.model
def test_the_un_s_missions_act_as_the_un_and_its_funds_programmes_and_agencies_keep_their_codes() -> None:
    found = _by_text("MINUSMA, UNAMA and the World Food Programme asked the World Health Organization for help.")
    assert found.get("MINUSMA") == ("MINUSMA", "UN"), found
    assert found.get("UNAMA") == ("UNAMA", "UN"), found
    assert found.get("World Food Programme") == ("WFP", None), found  # a fund receives and gives as itself
    assert found.get("World Health Organization") == ("WHO", None), found


@pytest.mark.model
def test_a_sea_named_like_a_region_is_no_one_s() -> None:
    sea = _by_text("Houthi forces attacked a tanker in the Red Sea.")
    assert "SDN" not in {c for _, c in sea.values()}, sea  # neither the sea nor the forces are Sudan's
    state = _by_text("Officials of the Red Sea State met aid workers in Port Sudan.")
    assert any(c == "SDN" for t, (_, c) in state.items() if "Red Sea" in t), state


@pytest.mark.model
def test_a_region_s_adjective_and_a_people_s_name_are_no_respelt_state_or_town() -> None:
    siberian = _by_text("The two presidents met in a small Siberian city on Saturday.")
    assert "LBR" not in {c for _, c in siberian.values()}, siberian
    catalan = _by_text("Thousands of Catalan separatists rallied outside the regional parliament in Barcelona.")
    assert "BRA" not in {c for _, c in catalan.values()}, catalan
    town = _by_text("Columbian troops crossed the border near Cucuta and were met by Venezuelan guards.")
    assert town.get("Columbian troops", ("", ""))[1] == "COL", town  # a town's name (Columbia) makes no adjective


@pytest.mark.model
def test_a_titled_name_followed_by_of_a_state_is_that_state_s() -> None:
    found = _by_text("King Hassan of Morocco received envoys of the Palestine Liberation Organization in Rabat.",
                     None)
    assert [c for t, (_, c) in found.items() if "Hassan" in t] == ["MAR"], found
