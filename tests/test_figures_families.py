"""Figures read from their clause, session 6 of issue 19, rules built from flows in corpus documents no gold
file uses: the agent of a passive gives, a state in the figure's own currency is no party, what a sum is spent
against receives nothing of it, and a length of time is no figure."""

from __future__ import annotations

import pytest

import multipolar
from multipolar.records import Quantity

from .test_figures_clause import flow

DATE = "2024-05-01"


def figures(text: str, voice: str | None = None) -> list[Quantity]:
    return list(multipolar.analyze(text, date=DATE, settings=multipolar.Settings(voice=voice)).quantities)


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


@pytest.mark.model
@pytest.mark.parametrize("text, measure", [
    # financing is credit: a lender's or an export agency's loan
    ("The bank approved an initial $900 million in financing for two solar projects in Angola.", "loan"),
    # grant or climate financing is aid
    ("The United States has disbursed $13 billion in grant financing for budget support for Ukraine.", "aid"),
    ("Ireland will provide €100 million for international climate financing.", "aid"),
])
def test_financing_is_a_loan_unless_a_grant_or_climate_financing(text: str, measure: str) -> None:
    (figure,) = figures(text, voice="USA")
    assert figure.measure == measure


@pytest.mark.model
def test_a_participle_on_the_object_does_not_take_the_verbs_giver() -> None:
    # the subject of the verb invests; the agent of "directed by" only steers what is invested
    (figure,) = figures("Japan will invest $550 billion directed by the United States to rebuild American "
                        "industries.", voice="USA")
    assert flow(figure) == ("investment", "JPN", "USA")


@pytest.mark.model
def test_a_participle_with_its_agent_gives_a_figure_that_is_no_object() -> None:
    (figure,) = figures("Over $20 billion pledged by Japan will go to Kenya.")
    assert figure.from_ == "JPN"


@pytest.mark.model
def test_a_finite_verb_joined_to_an_infinitive_shares_the_outer_subject() -> None:
    # "are providing" is no part of "to take": Haiti is asked to take, the speaker provides
    (figure,) = figures("We are encouraging Haiti to take a holistic approach and are providing $5 million to "
                        "strengthen the police.", voice="USA")
    assert figure.from_ == "USA"


def test_a_dash_opens_a_list_item_only_with_a_space_after_it() -> None:
    import spacy
    from spacy.tokens import Doc

    from multipolar.nlp.figures.lists import in_list_item

    def first_sentence(words: list[str]) -> bool:
        doc = Doc(spacy.blank("en").vocab, words=words, sent_starts=[True] + [False] * (len(words) - 1))
        return in_list_item(next(iter(doc.sents)))

    assert first_sentence(["-", "$", "1", "billion", "to", "Chile", "."])
    assert first_sentence(["•", "$", "1", "billion", "to", "Chile", "."])
    assert not first_sentence(["-3", "per", "cent", "growth", "in", "exports", "."])
