"""Figures, session 14 of issue 19: whose goods a purchase is of. The state named on the goods ("of U.S. coal",
"U.S. wheat purchases") sells them, so a buyer the clause does not place buys the voice's exports; the worth of
what is bought ("valued at", "with a value of") is the purchase's; a buyer named only in a later clause, or by
default the voice, buys nothing. And whose money an investment is: an aid agency's outlay is aid, money it raises
from others or a finance corporation's stays investment. A change an infinitive is to make is an aim, no
measurement a future date could contradict."""

from __future__ import annotations

import pytest

from .test_figures_clause import flow
from .test_figures_families import figures


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    # the goods are named before the trade noun: the buyer is the state the sentence places the deal in
    ("As much as $500 million each year in U.S. LNG purchases under contracts with a power company in Ghana.",
     ("exports", "USA", "GHA")),
    # the figure's own goods; the buyer is a company we cannot place
    ("The shipping group agreed to buy about 2 million tons of U.S. coal.", ("exports", "USA", None)),
    # the worth of the goods of a purchase, with the value hung on the last of the goods
    ("Purchases of U.S. turbines, software, and medical equipment with a total value of $40 billion.",
     ("exports", "USA", None)),
])
def test_a_purchase_of_goods_named_as_the_voices_is_its_export(text: str, expected: tuple[str | None, ...]) -> None:
    assert flow(figures(text, voice="USA")[0]) == expected


@pytest.mark.model
def test_the_subject_that_buys_exports_receives_them() -> None:
    (figure,) = figures("Kenya will rebuild its grain reserves by purchasing $900 million of U.S. farm exports.",
                        voice="USA")
    assert flow(figure) == ("exports", "USA", "KEN")


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "A regional airline will purchase 20 new jets valued at $3 billion, supporting 4,000 jobs across the United "
    "States.",
    "Schools will purchase over 1,500 electric buses in 40 districts.",
])
def test_a_purchase_whose_buyer_is_named_nowhere_is_no_import_of_the_voice(text: str) -> None:
    assert flow(figures(text, voice="USA")[0]) == (None, None, None)


@pytest.mark.model
def test_a_capitalised_plural_opening_a_list_item_is_the_common_noun_it_is() -> None:
    # spaCy tags "Purchases" a proper noun and keeps its plural as the lemma
    found = figures("The agreement includes:\n\n-   Purchases of U.S. turbines, software, and medical equipment with "
                    "an estimated value of $40 billion.\n", voice="USA")
    assert flow(found[0]) == ("exports", "USA", None)


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("USAID invested $4 million to train midwives in rural clinics.", ("aid", "USA", None)),
    ("USAID, working with the Department of Agriculture, has invested more than $3 million to modernize Peru's "
     "seed laboratories.", ("aid", "USA", "PER")),
])
def test_what_an_aid_agency_invests_is_aid(text: str, expected: tuple[str | None, ...]) -> None:
    assert flow(figures(text, voice="USA")[0]) == expected


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "USAID mobilized $12 million in new investments for clean water in Peru.",
    "The U.S. International Development Finance Corporation will invest $50 million in a solar plant in Kenya.",
])
def test_money_an_aid_agency_raises_or_a_finance_corporation_invests_stays_investment(text: str) -> None:
    assert figures(text, voice="USA")[0].measure == "investment"


@pytest.mark.model
@pytest.mark.parametrize("text, projected", [
    ("A new program was launched in 2021 to increase the number of nurses in rural clinics by 40 percent by 2030.",
     True),
    ("The grants helped to increase the number of nurses in rural clinics by 40 percent.", False),
])
def test_the_change_an_infinitive_is_to_make_is_an_aim(text: str, projected: bool) -> None:
    (figure,) = figures(text, voice="USA")
    assert figure.projected is projected
