"""Figures, session 7 of issue 19: rules built from corpus documents no gold file uses. A promise's maker
gives what it promised (never the speaker who only calls for it), a company or private fund is a giver of its
own (not the text's state), and periods that run from the start of an event or cover the first months of a
year."""

from __future__ import annotations

import datetime as dt

import pytest

import multipolar
from multipolar.nlp.dates import normalise

from .test_figures_clause import flow
from .test_figures_families import figures


@pytest.mark.model
@pytest.mark.parametrize("text, giver", [
    # nobody named: the speaker asks for a commitment others made
    ("Above all, the commitment to mobilize $100 billion a year for climate action must be honoured.", None),
    ("My delegation calls for the fulfilment of the pledge to provide $50 billion to poor countries.", None),
    ("Rich nations must keep their promise to deliver $100 billion every year.", None),
    ("We remain far from the target of providing $60 billion a year for adaptation.", None),
    ("Industrial nations should honour their commitment to contributing $20 billion to the fund.", None),
    # the maker named as the possessor, or the speaker's own
    ("We welcome the Government of Norway's pledge to contribute $30 million to the fund.", "NOR"),
    ("We reaffirm our commitment to provide $4 billion in humanitarian assistance.", "KEN"),
    # "its" and "their" are the clause's subject's; "by" names the maker
    ("Sweden will deliver on its promise to raise its aid to $7 billion.", "SWE"),
    ("Donor nations must honour their pledge to provide $30 billion.", None),
    ("We commend the pledges by Qatar and Kuwait to contribute $3 million each.", "QAT"),
])
def test_a_promise_is_given_by_its_maker(text: str, giver: str | None) -> None:
    (figure,) = figures(text, voice="KEN")
    assert flow(figure) == ("aid", giver, None)


@pytest.mark.model
def test_a_promise_to_invest_is_an_investment_not_aid() -> None:
    (figure,) = figures("Last year Norway made a commitment to invest $3 billion in Kenyan wind farms.")
    assert figure.measure == "investment" and figure.from_ == "NOR"


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "-   Greenleaf Labs, a solar panel company, has committed $12 million to train new installers.",
    "-   Harbor Technologies will provide $8 million for apprenticeships.",
    "-   The fund's private partners committed a total of $900 million.",
    "Over the past decade, the Resilience Fund has provided more than $70 million in grants.",
])
def test_a_companys_money_is_not_the_voices(text: str) -> None:
    (figure,) = [f for f in figures(text, voice="USA") if f.kind == "money"]
    assert (figure.measure, figure.from_) == ("aid", None)


@pytest.mark.model
def test_a_flow_named_as_the_subject_is_still_the_voices() -> None:
    (figure,) = figures("These new funds bring total U.S. assistance to Jordan to $90 million.", voice="USA")
    assert flow(figure) == ("aid", "USA", "JOR")


@pytest.mark.model
def test_a_state_body_still_gives_for_its_state() -> None:
    (figure,) = figures("-   The Millennium Challenge Corporation will provide $150 million to Zambia.", voice="USA")
    assert flow(figure) == ("aid", "USA", "ZMB")


@pytest.mark.model
@pytest.mark.parametrize("text, period", [
    ("Since the start of the war in March 2021, Japan has provided $600 million to Ukraine.",
     ("2021-03-01", "2024-05-01")),
    ("Since the outbreak of the crisis in 2019, Canada has delivered $40 million in aid to Haiti.",
     ("2019-01-01", "2024-05-01")),
    # a start the sentence only names, with no "since": that year alone
    ("The start of the drought in 2019 cost farmers $40 million.", ("2019-01-01", "2019-12-31")),
])
def test_a_period_since_the_start_of_an_event_runs_to_the_document_date(text: str, period: tuple[str, str]) -> None:
    (figure,) = figures(text)
    assert figure.period is not None and (figure.period.start, figure.period.end) == period


@pytest.mark.parametrize("text, span", [
    ("the first seven months of this year", (dt.date(2024, 1, 1), dt.date(2024, 7, 31))),
    ("the first three months of 2022", (dt.date(2022, 1, 1), dt.date(2022, 3, 31))),
    ("the last two months of 2021", (dt.date(2021, 11, 1), dt.date(2021, 12, 31))),
])
def test_the_first_or_last_months_of_a_year(text: str, span: tuple[dt.date, dt.date]) -> None:
    value = normalise(text, dt.date(2024, 5, 1))
    assert value is not None and (value.start, value.end) == span


def test_months_of_what_is_no_year_are_not_placed() -> None:
    assert normalise("the first seven months of March 2022", dt.date(2024, 5, 1)) is None
    assert normalise("the first fifteen months of 2022", dt.date(2024, 5, 1)) is None


LIST = """The United States will provide $900 million in assistance to Malawi in 2023, as follows:

1.  $400 million to rebuild schools and clinics destroyed by the floods;
2.  $300 million to purchase seed, fertiliser and tools for farmers; and
3.  $200 million in loans to small businesses.

Separately, $2 million was raised by the church."""


@pytest.mark.model
def test_the_bare_sums_of_a_numbered_list_are_parts_of_the_flow_they_are_under() -> None:
    found = {f.text: f for f in figures(LIST, voice="USA") if f.kind == "money"}
    lead = found["$900 million"]
    assert flow(lead) == ("aid", "USA", "MWI")
    # what a sum pays for ("to purchase seed") is no import; a loan stays a loan, given by the same giver
    assert [flow(found[t]) for t in ("$400 million", "$300 million", "$200 million")] == [
        ("aid", "USA", "MWI"), ("aid", "USA", "MWI"), ("loan", "USA", "MWI")]
    assert all(found[t].period == lead.period for t in ("$400 million", "$300 million"))
    # the list ends with its items: the next paragraph is read on its own
    assert flow(found["$2 million"])[1:] == (None, None)


@pytest.mark.model
@pytest.mark.parametrize("text, period", [
    # the stretch of time the figure itself took, not a date it is compared with
    ("In the capital, unemployment has climbed by 2.9 per cent over the past two years.", ("2022-01-01", "2024-05-01")),
    ("Chile will spend an additional $75 million on rural schools over the next three years.",
     ("2024-05-01", "2027-05-01")),
    ("This year alone, our farmers have lost $90 million.", ("2024-01-01", "2024-12-31")),
])
def test_a_stretch_of_time_after_a_figure_is_its_period(text: str, period: tuple[str, str]) -> None:
    (figure,) = figures(text)
    assert figure.period is not None and (figure.period.start, figure.period.end) == period


@pytest.mark.model
def test_a_stretch_after_another_figure_is_not_this_ones() -> None:
    found = figures("Oil fell to $31 a barrel despite a 2 per cent drop in demand over the past year.")
    periods = {f.text: f.period for f in found}
    assert periods["$31"] is None and periods["2 per cent"] is not None


@pytest.mark.model
def test_what_is_given_for_the_years_ahead_of_a_speech_is_planned_not_measured() -> None:
    text = "Our adaptation plan calls for $90 million over the next five years."
    (result,) = multipolar.process([{"id": "s", "text": text, "year": 2019, "voice": "TUV"}],
                                   settings=multipolar.Settings(voice_field="voice"))
    assert result.analysis is not None
    (figure,) = result.analysis.quantities
    assert figure.period is not None and figure.period.start == "2020-01-01" and figure.projected
    assert not [c for c in result.analysis.checks if c.status == "inconsistent"]


BULLETS = """-   USAID will provide $40 million to Ghana for maternal health.
-   USAID has also committed $25 million in grants to clinics across the continent.
-   USAID will provide another $6 million for midwife training."""


@pytest.mark.model
def test_a_flow_spread_over_a_region_has_no_receiver_and_leaves_the_bullets_receiver() -> None:
    found = [flow(f) for f in figures(BULLETS, voice="USA") if f.kind == "money"]
    assert found == [("aid", "USA", "GHA"), ("aid", "USA", None), ("aid", "USA", "GHA")]


@pytest.mark.model
@pytest.mark.parametrize("text, measure", [
    ("The mission reviewed the $12 billion in pledges made by philanthropies and banks at the conference.", "aid"),
    # what business commits is investment (figures2, session 7), and still not the voice's
    ("The plan is backed by $4 billion in private sector commitments.", "investment"),
])
def test_a_flow_its_noun_says_others_give_is_not_the_voices(text: str, measure: str) -> None:
    (figure,) = figures(text, voice="USA")
    assert (figure.measure, figure.from_) == (measure, None)


@pytest.mark.model
def test_the_agent_of_a_flow_noun_that_is_a_state_still_gives() -> None:
    (figure,) = figures("The mission reviewed the $3 billion in pledges made by Norway.", voice="USA")
    assert flow(figure) == ("aid", "NOR", None)


@pytest.mark.model
def test_the_goods_own_from_names_where_an_import_comes_from() -> None:
    text = "Last year, Portugal imported about 60,000 barrels a day of diesel and jet fuel from Angola."
    (figure,) = [f for f in figures(text) if f.kind == "count"]
    assert flow(figure) == ("imports", "AGO", "PRT")


@pytest.mark.model
def test_exports_a_speech_names_no_one_for_are_the_speakers_own() -> None:
    text = "The downturn came from a steep fall in exports by 9 per cent against a small drop in imports by 3 per cent."
    found = {f.text: flow(f) for f in figures(text, voice="FJI")}
    # each flow keeps its own ends: the imports do not take the exports' exporter
    assert found == {"9 per cent": ("exports", "FJI", None), "3 per cent": ("imports", None, "FJI")}


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Global exports shrank by 4 per cent last year.",
    "Exports from the least developed countries fell by 6 per cent.",
])
def test_the_worlds_or_others_exports_are_not_the_speakers(text: str) -> None:
    (figure,) = figures(text, voice="FJI")
    assert flow(figure) == ("exports", None, None)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "-   The agency is lending $900 million to the project, unlocking up to $3 billion of private investment.",
    "-   The new rules have already spurred about $200 billion in fresh investment commitments.",
])
def test_what_an_act_unlocks_or_spurs_is_not_the_doers_money(text: str) -> None:
    found = [f for f in figures(text, voice="USA") if f.measure == "investment"]
    assert [flow(f) for f in found] == [("investment", None, None)]


@pytest.mark.model
def test_a_state_named_together_with_foreign_others_is_no_single_giver() -> None:
    (figure,) = figures("Brazil will receive $6 billion in investment from U.S. and foreign carmakers.", voice="USA")
    assert flow(figure) == ("investment", None, "BRA")


@pytest.mark.model
def test_a_figure_in_brackets_after_a_state_is_that_states_share() -> None:
    text = ("Leading donors, among them Norway ($410 million), the Netherlands (€260 million) and Australia "
            "($95 million Australian), raised their pledges.")
    assert [flow(f)[1] for f in figures(text)] == ["NOR", "NLD", "AUS"]


@pytest.mark.model
def test_a_change_of_imports_of_named_goods_runs_from_the_goods_state() -> None:
    (figure,) = figures("-   Korea will raise imports of Australian beef by 30%, under a new quota.")
    assert flow(figure) == ("imports", "AUS", "KOR")


@pytest.mark.model
def test_a_flow_inside_a_with_clause_on_the_flows_verb_is_part_of_it_but_a_valuation_is_not() -> None:
    text = ("-   Danish and Norwegian firms will invest at least $90 billion into Canada, with at least $30 billion "
            "worth of investment occurring in 2027.\n-   The two governments intend to invest $2 billion in mines, "
            "with resources estimated to be worth $40 billion.")
    found = {f.text: f for f in figures(text, voice="USA")}
    assert flow(found["at least $30 billion"]) == ("investment", "DNK", "CAN")
    assert flow(found["$40 billion"]) == (None, None, None)
