"""Figures read from their clause, session 6 of issue 19, rules built from flows in corpus documents no gold
file uses: the agent of a passive gives, a state in the figure's own currency is no party, what a sum is spent
against receives nothing of it, and a length of time is no figure."""

from __future__ import annotations

import pytest

import multipolar
from multipolar.records import Quantity

DATE = "2024-05-01"


def figures(text: str, voice: str | None = None) -> list[Quantity]:
    return list(multipolar.analyze(text, date=DATE, settings=multipolar.Settings(voice=voice)).quantities)


def flow(figure: Quantity) -> tuple[str | None, str | None, str | None]:
    return figure.measure, figure.from_, figure.to


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("$300 million in assistance was provided by Germany.", ("aid", "DEU", None)),
    ("The assistance provided by Japan amounts to more than $8 billion.", ("aid", "JPN", None)),
])
def test_the_agent_of_a_passive_gives(text: str, expected: tuple[str, str, None]) -> None:
    (figure,) = figures(text)
    assert flow(figure) == expected


@pytest.mark.model
def test_a_state_named_in_the_figures_currency_is_no_receiver() -> None:
    (figure,) = figures("For the IDA21 replenishment, we will contribute with 479 million US dollars.", voice="DNK")
    assert flow(figure) == ("aid", "DNK", None)


@pytest.mark.model
@pytest.mark.parametrize("text, receiver", [
    ("The United States will provide $10 million to counter Russian disinformation.", None),
    # where a sum is spent, even under a verb of opposing, still receives it
    ("The United States will provide $10 million to fight hunger in Somalia.", "SOM"),
])
def test_what_a_sum_is_spent_against_receives_nothing(text: str, receiver: str | None) -> None:
    (figure,) = figures(text, voice="USA")
    assert flow(figure) == ("aid", "USA", receiver)


@pytest.mark.model
@pytest.mark.parametrize("text, figure_text", [
    ("The tariffs will take effect 30 days after signing, on top of $5 billion in duties.", "$5 billion"),
    ("The plan draws on 40 years of analysis and $2 billion in funding.", "$2 billion"),
])
def test_a_length_of_time_is_no_figure(text: str, figure_text: str) -> None:
    assert [f.text for f in figures(text)] == [figure_text]
