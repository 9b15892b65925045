"""Legislators of the United States named with a party tag ("Rep. X (D-TX-20)"): the tag places them."""

from __future__ import annotations

import pytest

from .test_actors import _actor_of, _analyse, _codes

pytestmark = pytest.mark.model


def test_a_party_tag_after_a_name_makes_a_united_states_legislator() -> None:
    found = _analyse("Rep. Dana Ortiz (D-NM-03) and Lena Fisk (R-Ohio) wrote to the Secretary of Energy. "
                     "Fmr. Rep. Kyle Marsh (R-UT) agreed with them.", "2023-04-02")
    assert _actor_of(found, "Rep. Dana Ortiz")[:2] == ("USA", "LEG")  # the title alone gave no country
    assert _actor_of(found, "Lena Fisk")[:2] == ("USA", "LEG")  # no title at all
    assert _actor_of(found, "Rep. Kyle Marsh")[:2] == ("USA", "ELI")  # a former member
    assert "Ohio" not in _codes(found)  # the tag's state is no actor of its own


def test_a_title_keeps_its_own_sector_beside_a_party_tag() -> None:
    found = _analyse("Governor Mara Lindqvist (D-MN) signed the bill.", "2023-04-02")
    assert _actor_of(found, "Governor Mara Lindqvist")[:2] == ("USA", "GOV")
