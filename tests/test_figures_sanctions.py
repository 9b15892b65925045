"""Counts of sanctioned persons, session 8 of issue 19: a count is of sanctions only when it counts what a
sanction is put on ("designated 26 officials", not "designated 31 communities"), "sanctions on 400
individuals" reads the verb's object, and the items of a list under a sanctions count are sanctions too."""

from __future__ import annotations

import pytest

import multipolar
from multipolar.records import Quantity

DATE = "2023-05-19"


def figures(text: str) -> list[Quantity]:
    return list(multipolar.analyze(text, date=DATE, settings=multipolar.Settings(voice="USA")).quantities)


@pytest.mark.model
@pytest.mark.parametrize("text, measure", [
    ("The Treasury designated 14 officials of the Freedonian navy for their role in the attacks.", "sanctions"),
    ("The Department has designated 22 towns across the country as Innovation Hubs.", None),
    ("Today we are imposing sanctions on more than 90 individuals tied to the regime.", "sanctions"),
    ("Farmers in the valley used new seeds to increase production and income on more than 6,000 acres of land.",
     None),
])
def test_a_count_is_of_sanctions_only_when_it_counts_what_they_are_put_on(text: str, measure: str | None) -> None:
    assert figures(text)[0].measure == measure


@pytest.mark.model
def test_the_items_of_a_list_under_a_sanctions_count_are_sanctions() -> None:
    found = figures("Today's measures include:\n\nFull blocking sanctions on more than 120 individuals and "
                    "entities, including the assembly and its members. This includes:\n\n"
                    "-   95 members of the national assembly.\n-   12 board members of a state lender.\n")
    assert [(q.text, q.measure, q.from_, q.to) for q in found] == [
        ("more than 120", "sanctions", None, None), ("95", "sanctions", None, None),
        ("12", "sanctions", None, None)]


@pytest.mark.model
def test_what_a_sentence_after_a_sanctions_count_includes_and_counted_sanctions_are_sanctions() -> None:
    found = figures("Today the United States is sanctioning the ruling council and over 80 individuals. This "
                    "includes the council and 61 of its members and more than 9 business magnates.")
    assert [(q.measure, q.unit) for q in found] == [
        ("sanctions", "person"), ("sanctions", "member"), ("sanctions", "magnate")]


@pytest.mark.model
def test_a_designation_with_no_word_of_sanctions_is_an_appointment() -> None:
    (named,) = figures("The President has designated 5 senior officials to lead the delegation to the summit.")
    assert named.measure is None


@pytest.mark.model
@pytest.mark.parametrize("text, measure, unit", [
    ("The State Department will impose visa restrictions on 36 officials of the Freedonian junta.", "sanctions",
     "official"),
    ("The accord lifts restrictions on 300 farm products.", None, "product"),
])
def test_restrictions_put_on_persons_are_sanctions(text: str, measure: str | None, unit: str) -> None:
    (found,) = figures(text)
    assert (found.measure, found.unit) == (measure, unit)


@pytest.mark.model
def test_a_count_of_a_compound_noun_after_of_counts_its_last_noun() -> None:
    (found,) = figures("Visas were denied to 28 of their family members.")
    assert found.unit == "member"
