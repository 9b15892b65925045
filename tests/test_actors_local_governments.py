"""Local governments named as bodies ("the City of Edina", "Hennepin County"): a government, not a place."""

from __future__ import annotations

import pytest

from .test_actors import _actor_of, _analyse

pytestmark = pytest.mark.model


def test_a_city_or_county_named_as_a_body_is_its_local_government() -> None:
    found = _analyse("The City of Brindlemoor opened a clinic with federal funds, and Renfield County hired "
                     "nurses. Residents of the United States welcomed both.", "2022-03-11")
    assert _actor_of(found, "City of Brindlemoor")[:2] == ("USA", "GOV")
    assert _actor_of(found, "Renfield County")[:2] == ("USA", "GOV")


def test_a_county_named_after_a_region_is_not_in_that_regions_state() -> None:
    found = _analyse("Hidalgo County expanded its testing sites, the United States said.", "2022-03-11")
    assert _actor_of(found, "Hidalgo County")[:2] == ("USA", "GOV")  # not Mexico's state of Hidalgo


def test_a_county_after_in_is_where_not_who() -> None:
    found = _analyse("Officials in Renfield County said the United States would help.", "2022-03-11")
    assert not any(m.text == "Renfield County" and a.role == "GOV" for a in found.actors for m in a.mentions)
