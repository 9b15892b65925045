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
