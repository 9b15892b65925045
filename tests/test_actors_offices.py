"""Who acts for whom in events: organs of an organisation, its officials in office, offices named alone, and
the knowledge base's entries that would shadow the curated tables (the lead's conventions of session 6)."""

from __future__ import annotations

import pytest

import multipolar
from multipolar.records import Analysis

from .test_actors import _actor_of, _analyse, _codes

pytestmark = pytest.mark.model


def _dyads(analysis: Analysis) -> set[tuple[str, str, str]]:
    return {(e.source, e.plover, e.target) for e in analysis.events}


def test_an_organ_of_the_eu_keeps_its_code_and_acts_as_the_eu() -> None:
    found = _analyse("The European Commission proposed new sanctions on Russia.", "2022-03-01")
    commission = next(a for a in found.actors if a.code == "EC")
    assert (commission.kind, commission.country) == ("igo", "EU")
    assert {e.source for e in found.events} == {"EU"}
    assert {e.source_actor for e in found.events} == {"EC"}
    parliament = _analyse("The European Parliament condemned Belarus.", "2021-06-01")
    assert {e.source for e in parliament.events} == {"EU"}
    council = _analyse("The UN Security Council condemned the attack on Kosovo.", "1999-05-01")
    assert {e.source for e in council.events} == {"UNSC"}  # the Security Council is its own actor


def test_an_organisation_s_official_acts_for_it_only_while_in_office() -> None:
    serving = _analyse("Kofi Annan urged Iraq to comply.", "2003-05-01")
    assert _actor_of(serving, "Kofi Annan")[:2] == ("UN", "GOV")
    assert {(e.source, e.source_actor) for e in serving.events} == {("UN", "kofi-annan")}
    retired = _analyse("Kofi Annan urged Syria to comply.", "2012-05-01")
    assert _actor_of(retired, "Kofi Annan")[0] is None
    minister = _analyse("Federica Mogherini met Sergei Lavrov.", "2014-05-01")
    envoy = _analyse("Federica Mogherini met Sergei Lavrov.", "2016-05-01")
    assert (_actor_of(minister, "Federica Mogherini")[0], _actor_of(envoy, "Federica Mogherini")[0]) == ("ITA", "EU")


def test_a_hyphenated_title_is_one_title_and_the_secretary_general_alone_is_the_un_s() -> None:
    titled = _analyse("U.N. Secretary-General Kofi Annan announced that he will withdraw inspectors from Iraq.",
                      "2003-05-01")
    assert _actor_of(titled, "U.N. Secretary-General Kofi Annan")[:2] == ("UN", "GOV")  # not a general (MIL)
    alone = _codes(_analyse("We thank the Secretary-General for his report.", "2019-05-01"))
    assert alone.get("Secretary-General") == "antonio-guterres", alone
    arab = _codes(_analyse("The secretary general of the Arab League visited Iraq.", "2019-05-01"))
    assert arab.get("secretary general of the Arab League") == "arl-secretary-general", arab
    lower = _codes(_analyse("A party secretary general visited the factory.", "2019-05-01"))
    assert "antonio-guterres" not in lower.values(), lower


def test_an_article_the_tagger_joins_to_a_curated_name_does_not_hide_it() -> None:
    found = multipolar.analyze("{The Security Council today agreed to extend the mandate in Lebanon.}",
                               date="2000-01-01")
    assert _codes(found).get("Security Council") == "UNSC"
    assert ("UNSC", "AGREE", "LBN") in _dyads(found)


def test_a_person_learned_from_the_text_has_an_accent_free_code() -> None:
    found = _codes(_analyse("As former Secretary-General Dag Hammarskjöld put it, we must say yes.", "2014-09-24"))
    assert found.get("Secretary-General Dag Hammarskjöld") == "dag-hammarskjold", found
