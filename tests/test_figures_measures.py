"""What figures measure, session 7 of issue 19 (nlp/figures/measure.py, data/figures/measures.tsv): sums that
are no flow (costs, damage, debt, portfolios), joint ventures, harvests, a state's own spending as a budget,
goods handed over counted as a flow, and amounts without a number that are money."""

from __future__ import annotations

import pytest

import multipolar
from multipolar.records import Quantity

DATE = "2024-03-12"


def figures(text: str, voice: str | None = "USA") -> list[Quantity]:
    return list(multipolar.analyze(text, date=DATE, settings=multipolar.Settings(voice=voice)).quantities)


@pytest.mark.model
@pytest.mark.parametrize("text, measure", [
    ("The cyclone caused an estimated $3 billion in damage to the reconstruction of the port.", None),
    ("Reconstruction costs in the north could exceed $7 billion.", None),
    ("Our external debt stands at $4.1 billion.", None),
    ("The agency now holds a total portfolio in Asia of more than $9 billion.", None),
    ("$2 billion in new joint ventures were announced at the forum.", "investment"),
    ("Our maize harvest fell by 12 per cent.", "production"),
    ("The ministry approved $40 million in assistance, of which $25 million will come from our own resources.",
     "aid"),
    ("The Government will mobilize $25 million from our own resources.", "budget"),
    ("Kenya's $1-billion National Water Plan is under way.", "budget"),
    ("Japan's $500 million aid plan for the region was welcomed.", "aid"),
])
def test_what_a_sum_or_rate_measures(text: str, measure: str | None) -> None:
    assert figures(text, voice="KEN")[0].measure == measure


@pytest.mark.model
def test_goods_a_giving_verb_hands_over_are_in_kind_aid_but_jobs_are_not() -> None:
    (generators,) = figures("The United States delivered 300 generators to hospitals in Moldova.")
    assert (generators.measure, generators.unit) == ("aid", "generator")
    (jobs,) = figures("The new plant will support 2,000 jobs in Ohio.")
    assert jobs.measure is None


@pytest.mark.model
@pytest.mark.parametrize("text, measure", [
    ("We are still waiting for the billions pledged at the Paris conference for adaptation.", "aid"),
    ("Acting now would save trillions of dollars.", None),
    ("We have mobilized billions more in private-sector investment.", None),
])
def test_an_amount_without_a_number_named_as_money_is_money(text: str, measure: str | None) -> None:
    (found,) = figures(text, voice="KEN")
    assert (found.kind, found.value, found.unit) == ("money", None, "USD")
    if measure is not None:
        assert found.measure == measure


@pytest.mark.model
@pytest.mark.parametrize("text, measure", [
    ("The United States has invested more than $2 billion in supporting maternal health in the Sahel.", "aid"),
    ("The Fund has invested $900 million to fight malaria in East Africa.", "aid"),
    ("American firms have invested $2 billion in clean energy plants in Chile.", "investment"),
    ("The summit drew $6 billion in private sector commitments for the region.", "investment"),
    ("The summit drew $6 billion in commitments made by business leaders.", "investment"),
    ("The summit drew $6 billion in new commitments from donor governments.", "aid"),
])
def test_what_is_invested_in_public_goods_is_aid_and_what_business_commits_is_investment(
        text: str, measure: str) -> None:
    assert figures(text)[0].measure == measure


@pytest.mark.model
def test_one_in_so_many_is_a_share_whatever_else_the_sentence_measures() -> None:
    found = figures("Kenya now has the highest investment in geothermal power in Africa, and one in four Kenyan "
                    "homes has solar lamps.", voice="KEN")
    assert [(f.text, f.measure) for f in found if f.kind == "percent"] == [("one in four", "share")]


@pytest.mark.model
def test_an_in_phrase_right_after_the_figure_says_what_it_is_even_on_the_verb() -> None:
    (found,) = figures("In addition to raising billions in revenue, the new levy will protect our farmers.")
    assert (found.unit, found.measure) == ("USD", "revenue")


@pytest.mark.model
@pytest.mark.parametrize("text, measure", [
    ("We have allocated $20 million to support our farmers after the drought.", "budget"),
    ("We have set aside $30 million for our schools.", "budget"),
    # given to others, or to a body that is not ours: aid
    ("We will provide $10 million to the Fund to protect our oceans.", "aid"),
    ("We will contribute $5 million to help our brothers and sisters.", "aid"),
    ("We have allocated $20 million to support farmers in Haiti.", "aid"),
])
def test_what_a_state_spends_on_its_own_people_is_its_budget(text: str, measure: str) -> None:
    assert figures(text, voice="JAM")[0].measure == measure


@pytest.mark.model
def test_a_figure_a_verb_brings_its_object_to_is_what_that_object_amounts_to() -> None:
    _, total = figures("The United States is donating 2 million more doses to Freedonia, bringing our total "
                           "donation to Freedonia to 7 million doses.")
    assert (total.measure, total.from_) == ("aid", "USA")
    (assistance,) = figures("This package brings total U.S. security assistance to Freedonia to $4 billion.")
    assert (assistance.measure, assistance.from_) == ("aid", "USA")
    (tariff,) = figures("The proclamation raises the tariff on imported copper to 35%.")
    assert tariff.measure == "tariff_rate"


@pytest.mark.model
def test_a_word_of_a_givers_name_says_nothing_of_what_it_gives() -> None:
    (capital,) = figures("The provinces were awarded $9 million from the Regional Investment Fund to repair "
                         "rural roads.")
    assert capital.measure != "investment"


@pytest.mark.model
def test_how_much_of_a_plants_capacity_is_used_is_a_level_of_production() -> None:
    (used,) = figures("Capacity utilization at the copper smelters fell to 68.2% last year.")
    assert used.measure == "production"


@pytest.mark.model
def test_an_in_phrase_after_the_figures_date_still_says_what_it_is() -> None:
    (goal,) = figures("With like-minded donors, we intend to mobilize $75 billion by 2029 in climate adaptation "
                      "investments.")
    assert goal.measure == "investment"


@pytest.mark.model
def test_vaccine_doses_are_in_kind_aid_abroad_unless_made_or_handed_out_at_home() -> None:
    announced, made, boosted, home = figures(
        "The 80 million vaccine doses previously announced by the President will go to countries in need. "
        "Freedonia will make over 20 million doses of vaccine. "
        "This will support a boost in production by at least one billion doses by the end of 2022. "
        "Weekly vaccine supply to states, Tribes and territories will rise to 11 million doses.")
    assert (announced.measure, made.measure, boosted.measure, home.measure) == \
        ("aid", "production", "production", None)
