"""Figures in speech prose (issue 19, the UN General Debate): the speaker's state gives only what its clause
says it gives, receivers are subjects of receiving verbs, needs are no flows, and a date in a figure's own
clause is that figure's."""

from __future__ import annotations

import pytest

import multipolar
from multipolar.records import Quantity

DATE = "2010-09-24"


def only(text: str, voice: str | None = None) -> Quantity:
    settings = multipolar.Settings(voice=voice)
    (figure,) = multipolar.analyze(text, date=DATE, settings=settings).quantities
    return figure


@pytest.mark.model
@pytest.mark.parametrize("text, voice, source, target", [
    ("We will contribute $5 million to the World Food Programme.", "NOR", "NOR", "WFP"),
    # the speaker talks about others' money: it gives none of it
    ("Developed countries committed to mobilizing $100 billion a year for climate action.", "BLZ", None, None),
    ("We are still waiting for the $10 billion in funding that donors promised for adaptation.", "VCT", None, None),
    ("That failure has cost the poorest countries $6 billion in undelivered aid.", "BLZ", None, None),
    # receiving verbs: the subject receives, "from" names the giver
    ("Our country has received $300 million from Japan since 2005.", "KEN", "JPN", "KEN"),
    ("Kenya attracted $2 billion in foreign direct investment last year.", None, None, "KEN"),
    # "we appeal to our partners to provide": the partners give, not the speaker
    ("We appeal to our development partners to provide the remaining $250 million.", "KEN", None, None),
    # an agent after the figure's own participle gives
    ("The $20 billion pledged by the Group of Eight for food production must be disbursed.", "KEN", "G8", None),
])
def test_a_speaker_gives_only_what_its_clause_says_it_gives(
        text: str, voice: str | None, source: str | None, target: str | None) -> None:
    figure = only(text, voice)
    assert figure.measure in ("aid", "investment")
    assert (figure.from_, figure.to) == (source, target)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Our national adaptation plan calls for $160 million over the next five years.",
    "Africa needs additional financing of at least $250 billion by 2030.",
    "Last week we declared a national disaster requiring $500 million to rectify.",
])
def test_a_need_is_no_flow(text: str) -> None:
    figure = only(text, "GRD")
    assert (figure.measure, figure.from_, figure.to) == (None, None, None)


@pytest.mark.model
@pytest.mark.parametrize("text, measure", [
    ("The new rules save $2,100 per family of four.", None),  # a sum per person, not a price
    ("Workers lost nearly $3,000 in purchasing power.", None),  # no purchase
    ("Thousands of cattle have died in the drought.", None),  # animals are no casualties
    ("Thousands of civilians have died in the fighting.", "casualties"),
])
def test_what_a_figure_does_not_measure(text: str, measure: str | None) -> None:
    assert only(text).measure == measure


@pytest.mark.model
def test_a_date_in_a_figures_own_clause_is_that_figures() -> None:
    text = ("We are tired of waiting for the $10 billion that was to arrive this year and the $1.1 trillion "
            "promised by the G-20 in April 2009.")
    first, second = multipolar.analyze(text, date=DATE).quantities
    assert first.period is not None and (first.period.start, first.period.end) == ("2010-01-01", "2010-12-31")
    assert second.period is not None and (second.period.start, second.period.end) == ("2009-04-01", "2009-04-30")


@pytest.mark.model
def test_a_speaker_that_raises_its_own_contribution_gives_it() -> None:
    figure = only("Last year we tripled our contribution to €6 billion.", "DEU")
    assert (figure.measure, figure.from_) == ("aid", "DEU")


@pytest.mark.model
def test_a_persons_title_and_the_place_of_an_act_receive_nothing() -> None:
    text = ("We support British Prime Minister Gordon Brown's idea and urge that the $20 billion pledged by the "
            "Group of Eight at the summit held in Rome be disbursed.")
    figure = only(text, "KEN")
    assert (figure.from_, figure.to) == ("G8", None)


@pytest.mark.model
def test_what_a_list_under_a_flow_counts_is_part_of_that_flow() -> None:
    text = ("The United States today announced $800 million in security assistance to Ukraine.\n\n"
            "The new $800 million assistance package includes:\n\n-   800 anti-aircraft systems;\n"
            "-   2,000 anti-armor weapons.\n\nIn addition, 30 countries have helped.")
    quantities = multipolar.analyze(text, date=DATE, settings=multipolar.Settings(voice="USA")).quantities
    by_text = {q.text: q for q in quantities}
    assert (by_text["800"].measure, by_text["800"].from_, by_text["800"].to) == ("aid", "USA", "UKR")
    assert by_text["2,000"].measure == "aid"
    assert by_text["30"].measure is None, "the list ended before"
    assert quantities[0].period is None, "'today announced' dates the announcement, not the assistance"


@pytest.mark.model
def test_a_figure_a_clause_says_could_come_is_no_false_alarm() -> None:
    text = ("Investing $1.8 trillion globally between 2020 and 2030 could yield $7.1 trillion in net benefits.")
    analysis = multipolar.analyze(text, date="2019-09-27")
    benefits = analysis.quantities[1]
    assert benefits.period is None, "the years are the investing clause's"
    assert not [c for c in analysis.checks if c.status == "inconsistent"]
