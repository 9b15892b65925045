"""Figures read from their clause, session 5 of issue 19: the goods' state is where a trade flow starts,
the first-named of several givers gives, the speaker gives what "we" give but not what a past passive
reports, a figure added to another takes its flow, and per-unit and range readings; plus the dev gold floors."""

from __future__ import annotations

from pathlib import Path

import pytest

import multipolar
from multipolar.evaluate.figures import evaluate_figures, read_figures_gold
from multipolar.records import Quantity

DATE = "2025-10-20"
GOLD = Path(__file__).parent / "gold"


def figures(text: str, voice: str | None = None) -> list[Quantity]:
    return list(multipolar.analyze(text, date=DATE, settings=multipolar.Settings(voice=voice)).quantities)


def flow(figure: Quantity) -> tuple[str | None, str | None, str | None]:
    return figure.measure, figure.from_, figure.to


@pytest.mark.model
@pytest.mark.parametrize("text, voice, expected", [
    # the state named on the goods is where they come from; the trade noun's own state is the trader
    ("Canadian imports of U.S. motor vehicles decreased by $5.6 billion.", None, ("imports", "USA", "CAN")),
    # "buy more products and purchase ...": spaCy hangs the second verb on the noun; the buyer is still India
    ("India intends to buy more American products and purchase over $500 billion of U.S. energy.", "USA",
     ("exports", "USA", "IND")),
])
def test_the_state_named_on_the_goods_is_where_a_trade_flow_starts(
        text: str, voice: str | None, expected: tuple[str, str, str]) -> None:
    (figure,) = figures(text, voice)
    assert flow(figure) == expected


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("Swiss and Liechtenstein companies will invest $200 billion into the United States.",
     ("investment", "CHE", "USA")),
    ("Japan and the United States will invest $550 billion in American industries.", ("investment", "JPN", "USA")),
    # the others named with the giver are no receivers of it, unless the clause names them so
    ("The U.S. and Australian governments intend to invest more than $3 billion together in critical mineral "
     "projects.", ("investment", "USA", None)),
])
def test_of_several_givers_named_together_the_first_gives(text: str, expected: tuple[str, str, str | None]) -> None:
    (figure,) = figures(text, voice="USA")
    assert flow(figure) == expected


@pytest.mark.model
def test_a_participle_hung_on_an_infinitive_shares_the_outer_verbs_subject() -> None:
    # spaCy hangs "announcing" on "to address": the partners are asked to address, the President announces
    (figure,) = figures("The President is bringing together key partners to address this crisis and announcing "
                        "$331 million for humanitarian assistance.", voice="USA")
    assert flow(figure) == ("aid", "USA", None)


@pytest.mark.model
def test_an_announcement_of_a_sum_is_the_announcers_gift() -> None:
    (figure,) = figures("This new announcement of $2.9 billion in food security assistance will save lives.",
                        voice="USA")
    assert flow(figure) == ("aid", "USA", None)


@pytest.mark.model
def test_a_bloc_the_giver_leads_receives_nothing() -> None:
    # the G7 is a club of states: it is led, it receives nothing of what its member provides
    (figure,) = figures("The United States will lead the G7 in a global vaccination campaign, providing $500 "
                        "million in assistance for the world.", voice="USA")
    assert flow(figure) == ("aid", "USA", None)


@pytest.mark.model
def test_the_speaker_gives_any_flow_we_give() -> None:
    (figure,) = figures("We have invested $40 million in new schools in Haiti.", voice="CAN")
    assert flow(figure) == ("investment", "CAN", "HTI")


@pytest.mark.model
def test_a_past_passive_without_its_giver_does_not_make_the_speaker_the_giver() -> None:
    (figure,) = figures("Over $10 billion was pledged for Haiti at the donors conference.", voice="VCT")
    assert flow(figure) == ("aid", None, "HTI")
    (announced,) = figures("$125 million will be provided to Haiti for reconstruction.", voice="USA")
    assert flow(announced) == ("aid", "USA", "HTI")


@pytest.mark.model
def test_a_figure_added_to_another_takes_its_flow() -> None:
    first, more = figures("Since February, Australia has contributed $1 billion to the U.S. Government to expand "
                          "its submarine base, with another $1 billion by the end of the year.")
    assert flow(first) == flow(more) == ("aid", "AUS", "USA")
    whole, food, health = figures("We have provided $150 billion in development assistance. It includes $20 "
                                  "billion for food security and over $50 billion for global health.", voice="USA")
    assert flow(food) == flow(health) == flow(whole) == ("aid", "USA", None)


@pytest.mark.model
def test_a_share_is_not_the_measure_of_the_sum_it_is_given_as() -> None:
    share, debt = figures("Our external public debt stands at 70 per cent of our gross domestic product, or $2.3 "
                          "billion.", voice="BLZ")
    assert (share.measure, debt.measure, debt.from_, debt.to) == ("share", None, None, None)


@pytest.mark.model
@pytest.mark.parametrize("text, voice, expected", [
    ("Income from oil leases stood at barely $300 million.", "BOL", ("revenue", None, None)),
    # a container noun ("commitment", "package") holds the flow the noun before it names
    ("Saudi Arabia's $600 billion investment commitment will create jobs across America.", "USA",
     ("investment", "SAU", "USA")),
    # an unnamed seller of a sale is the state the text speaks for
    ("The agreement includes a $142 billion arms sale to Saudi Arabia.", "USA", ("exports", "USA", "SAU")),
    # an unstated amount whose money noun comes a few words on
    ("President Trump has secured trillions in private and foreign investment.", "USA", ("investment", None, "USA")),
    ("The United States is delivering supplies worth more than $100 million to India.", "USA",
     ("aid", "USA", "IND")),
])
def test_measures_named_by_their_nouns_and_verbs(text: str, voice: str, expected: tuple[str, ...]) -> None:
    (figure,) = figures(text, voice)
    assert flow(figure) == expected


@pytest.mark.model
def test_the_low_end_of_a_range_is_in_the_high_ends_scale() -> None:
    low, high = figures("The earthquake has been estimated to cost $8 to $14 billion.")
    assert (low.value, low.qualifier, high.value, high.qualifier) == (8e9, "more_than", 14e9, "less_than")


@pytest.mark.model
def test_sums_for_every_unit_are_prices_per_that_unit_but_a_ratios_terms_are_not() -> None:
    market, ours = figures("For every kilogram of our produce worth $15 on the market, we get only $1.")
    assert (market.measure, market.per, ours.measure, ours.per) == ("price", "kilogram", "price", "kilogram")
    assert all(f.measure != "price" for f in figures("The fund gives $1 for every $2 raised by the cities."))


@pytest.mark.model
def test_a_list_under_a_giving_verb_counts_what_is_given_but_not_people_or_others_doings() -> None:
    text = ("The United States is delivering supplies worth more than $100 million to India.\n\n"
            "The United States is providing:\n\n"
            "-   Oxygen Support:  An initial delivery of 1,100 cylinders will remain in India.\n"
            "-   Oxygen Generation Units: Multiple large-scale units to support up to 20 patients each.\n"
            "-   Personal Protective Equipment: 15 million N95 masks to protect health care personnel.\n"
            "-   Vaccine Supplies:  This will allow India to make over 20 million doses of vaccine.\n")
    money, cylinders, patients, masks, doses = figures(text, voice="USA")
    assert flow(money) == flow(cylinders) == flow(masks) == ("aid", "USA", "IND")
    assert (patients.measure, patients.from_, doses.from_) == (None, None, None)


@pytest.mark.model
def test_a_number_that_opens_a_list_item_is_no_figure() -> None:
    found = figures("The request prioritizes:\n\n1.  $1 billion to ensure the air force can fly;\n"
                    "2.  $700 million to fund the payment of salaries.", voice="USA")
    assert [(f.text, f.value) for f in found] == [("$1 billion", 1e9), ("$700 million", 7e8)]


@pytest.mark.model
def test_what_a_sum_pays_for_is_no_trade() -> None:
    (figure,) = figures("The request prioritizes $1 billion to purchase and deliver key supplies for the army.",
                        voice="USA")
    assert figure.measure != "imports"


@pytest.mark.model
@pytest.mark.parametrize("text, value", [
    ("Australia's $2-billion reef plan is based on the best available science.", 2e9),
    ("We decided to establish a $20-billion fund for agricultural development.", 2e10),
])
def test_a_hyphened_scale_is_the_figures_scale_not_a_range(text: str, value: float) -> None:
    (figure,) = figures(text)
    assert figure.value == value


@pytest.mark.model
def test_the_low_end_of_a_percent_range_is_a_percent() -> None:
    low, high = figures("Emissions will fall by 26 to 28 per cent.")
    assert (low.kind, low.unit, high.kind) == ("percent", "percent", "percent")


@pytest.mark.model
def test_a_count_its_subject_amounts_to_takes_the_subjects_measure() -> None:
    (toll,) = figures("The death toll has been put at some 220,000.")
    assert toll.measure == "casualties"
    (reached,) = figures("U.S. COVID-19 assistance has reached more than 9.7 million Indians.")
    assert reached.measure is None
    (oil,) = figures("Our oil production will reach 1.2 million barrels per day.", voice="GUY")
    assert oil.measure == "production"
    (earned,) = figures("Our oil exports will generate more than $1 billion this year.", voice="GUY")
    assert (earned.measure, earned.from_) == ("exports", "GUY")


@pytest.mark.model
def test_a_place_inside_what_is_invested_in_is_the_host() -> None:
    (figure,) = figures("In 2018, $13.2 billion were invested in clean energy technologies in Australia.")
    assert (figure.measure, figure.from_, figure.to) == ("investment", None, "AUS")


@pytest.mark.model
def test_the_speakers_own_exports_and_the_flow_a_sum_completes() -> None:
    (figure,) = figures("Our exports to China reached $5 billion last year.", voice="SRB")
    assert flow(figure) == ("exports", "SRB", "CHN")


@pytest.mark.model
@pytest.mark.parametrize("text, measure", [
    ("GDP per capita increased by 7.4 per cent compared to the 2021 figure.", "growth"),
    ("Our external public debt stands at 70 per cent of our gross domestic product.", "share"),
    ("Over 30 countries representing well over half the world's economy have announced sanctions.", "share"),
])
def test_a_percentage_of_the_economy_is_its_growth_unless_a_share(text: str, measure: str) -> None:
    percent = next(f for f in figures(text) if f.kind == "percent")
    assert percent.measure == measure


@pytest.mark.model
def test_a_count_inside_what_another_counts_takes_its_measure() -> None:
    whole, part = figures("The United States is sanctioning over 400 individuals and entities comprised of "
                          "Russian elites, the Duma and more than 300 of its members, and defense companies.")
    assert (whole.measure, part.measure) == ("sanctions", "sanctions")


@pytest.mark.model
def test_a_quantity_that_holds_its_noun_is_a_count_but_a_temperature_is_none() -> None:
    assert [(f.value, f.unit) for f in figures("The earthquake moved the city 3 metres to the west.")] == [
        (3.0, "metre")]
    assert figures("The goal is to keep warming to 1.5 degrees Celsius within reach.") == []


@pytest.mark.model
@pytest.mark.parametrize("text, qualifiers", [
    ("The economy is forecast to contract as much as 15 percent or more in 2022.", ["more_than"]),
    ("Poverty levels have decreased by as much as 9 per cent.", ["less_than"]),
    ("Only four countries receive more than a 3 per cent royalty.", ["more_than"]),
    ("Total recovery costs could exceed $15 billion.", ["more_than"]),
    ("The cumulative tariff rate will be no higher than 15%.", ["less_than"]),
    ("That builds on the estimated $10 billion invested in 2017.", ["about"]),
    # "from ... to ...": two levels, not the bounds of a range; "between" and a bare "to" are a range
    ("The United States will lower the tariff on India from 25% to 18%.", ["exact", "exact"]),
    ("It costs between $2,000 and $8,000.", ["more_than", "less_than"]),
])
def test_qualifiers_read_around_the_figure(text: str, qualifiers: list[str]) -> None:
    assert [f.qualifier for f in figures(text)] == qualifiers


@pytest.mark.model
def test_levels_from_one_sum_to_another_take_the_measure_named_before() -> None:
    found = figures("Income from oil leases stood at barely $300 million. We went from $300 million in 2005 to $5.6 "
                    "billion in 2014.", voice="BOL")
    assert [f.measure for f in found] == ["revenue", "revenue", "revenue"]


FLOORS = {
    # gold file: (found, measure, direction, period) at or above these (dev sets only; the frozen test is
    # only scored, never a floor)
    "figures-dev.jsonl": (0.95, 0.87, 0.93, 0.86),
    "figures-dev2.jsonl": (0.98, 0.85, 0.70, 0.82),
    "figures-dev3.jsonl": (0.97, 0.90, 0.78, 0.90),
    # written by another engineer without running the system; first reading at 9760763: .986 / .708 / .348 / .722
    "figures-dev4.jsonl": (0.98, 0.76, 0.56, 0.72),
}


@pytest.mark.model
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_the_dev_gold_scores_stay_above_their_floors(name: str) -> None:
    report = evaluate_figures(read_figures_gold(GOLD / name))
    scores = (report.found.share, report.measure.share, report.direction.share, report.period.share)
    assert report.errors == 0 and report.inconsistent_checks == 0
    assert all(score >= floor for score, floor in zip(scores, FLOORS[name], strict=True)), scores


@pytest.mark.model
@pytest.mark.parametrize("text, voice, expected", [
    ("The United States has provided $40 million to directly help Afghanistan respond to the COVID-19 outbreak.",
     "USA", ("aid", "USA", "AFG")),
    ("Canada also intends to provide $3.5 million to help Fiji and Samoa reduce methane emissions.", "CAN",
     ("aid", "CAN", "FJI")),
])
def test_the_one_a_sum_helps_do_something_receives_it(text: str, voice: str, expected: tuple[str, str, str]) -> None:
    # spaCy makes the helped state the subject of the verb after "help"; it is no doer of the flow
    (figure,) = figures(text, voice)
    assert flow(figure) == expected


def test_the_subject_after_a_helping_verb_is_helped_not_acting() -> None:
    import spacy
    from spacy.tokens import Doc

    from multipolar.nlp.figures.roles import is_acting

    # "to help Valdoria respond" and "Valdoria will respond"
    words = ["to", "help", "Valdoria", "respond", "Valdoria", "will", "respond"]
    doc = Doc(spacy.blank("en").vocab, words=words, lemmas=["to", "help", "Valdoria", "respond", "Valdoria", "will",
                                                            "respond"],
              deps=["aux", "ROOT", "nsubj", "ccomp", "nsubj", "aux", "ROOT"], heads=[1, 1, 3, 1, 6, 6, 6],
              sent_starts=[True, False, False, False, True, False, False])
    assert not is_acting(doc[2])
    assert is_acting(doc[4])
