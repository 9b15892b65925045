"""Figures, session 13 of issue 19: what a purchase is, and what a state invests in. The worth of what is bought
("aircraft valued at $36.2 billion", "which is worth over $8 billion") belongs to the purchase, so a foreign buyer's
purchase is the voice's export; a purchase between no states (an agency or a company buying at home) is no trade
at all; a state's investment in the development goals is aid."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from multipolar.nlp.figures.syntax import governing_verb, valued_noun

from .test_figures_clause import flow
from .test_figures_families import figures

VOCAB = spacy.blank("en").vocab


def _doc(spec: str) -> Doc:
    """word/lemma/pos/dep/head (head an index, "-" for the root)."""
    tokens = [t.split("/") for t in spec.split()]
    return Doc(VOCAB, words=[t[0] for t in tokens], lemmas=[t[1] for t in tokens], pos=[t[2] for t in tokens],
               deps=[t[3] for t in tokens], heads=[i if t[4] == "-" else int(t[4]) for i, t in enumerate(tokens)])


@pytest.mark.parametrize("spec, figure, noun", [
    # "Valdoria will purchase aircraft valued at $8 billion"
    ("Valdoria/Valdoria/PROPN/nsubj/2 will/will/AUX/aux/2 purchase/purchase/VERB/ROOT/- "
     "aircraft/aircraft/NOUN/dobj/2 valued/value/VERB/acl/3 at/at/ADP/prep/4 8/8/NUM/compound/7 "
     "billion/billion/NUM/pobj/5", 7, 3),
    # "... purchase aircraft which is worth $8 billion"
    ("Valdoria/Valdoria/PROPN/nsubj/2 will/will/AUX/aux/2 purchase/purchase/VERB/ROOT/- "
     "aircraft/aircraft/NOUN/dobj/2 which/which/PRON/nsubj/5 is/be/AUX/relcl/3 worth/worth/ADJ/acomp/5 "
     "8/8/NUM/compound/8 billion/billion/NUM/npadvmod/6", 8, 3),
])
def test_a_figure_stating_what_a_bought_noun_is_worth_belongs_to_the_purchase(spec: str, figure: int,
                                                                              noun: int) -> None:
    doc = _doc(spec)
    found = valued_noun(doc[figure])
    assert found is not None and found.i == noun
    verb = governing_verb(doc[figure])
    assert verb is not None and verb.lemma_ == "purchase"


def test_a_figure_that_is_what_is_bought_values_no_noun() -> None:
    # "Valdoria will purchase $8 billion of gas": the sum is the purchase's object, not a worth
    doc = _doc("Valdoria/Valdoria/PROPN/nsubj/2 will/will/AUX/aux/2 purchase/purchase/VERB/ROOT/- "
               "8/8/NUM/compound/4 billion/billion/NUM/dobj/2 of/of/ADP/prep/4 gas/gas/NOUN/pobj/5")
    assert valued_noun(doc[4]) is None
    verb = governing_verb(doc[4])
    assert verb is not None and verb.i == 2


@pytest.mark.model
def test_a_foreign_buyers_purchase_valued_in_a_relative_clause_is_the_voices_export() -> None:
    found = figures("Vietnam Airlines has agreed to purchase 50 aircraft from Boeing which is worth over $8 billion.",
                    voice="USA")
    assert [flow(f) for f in found] == [("exports", "USA", "VNM"), ("exports", "USA", "VNM")]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Over the next five years, the Postal Service will purchase 45,000 electric vehicles.",
    "The President has directed Fannie Mae and Freddie Mac to purchase $200 billion in mortgage-backed securities.",
])
def test_a_purchase_between_no_states_is_no_trade(text: str) -> None:
    (figure,) = figures(text, voice="USA")
    assert flow(figure) == (None, None, None)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Our administration has invested over $150 billion to make progress on the Sustainable Development Goals.",
    "We have invested $2 billion to reach the Millennium Development Goals.",
])
def test_a_state_investing_in_the_development_goals_gives_aid_though_the_goals_are_a_plural_name(text: str) -> None:
    # spaCy keeps "Goals" as the lemma of the proper noun: its singular is what the public-goods list holds
    (figure,) = figures(text, voice="USA")
    assert flow(figure) == ("aid", "USA", None)


@pytest.mark.model
def test_the_doer_of_the_verb_whose_object_a_sum_totals_is_its_buyer() -> None:
    # "totaling" hangs on "purchases", the object of "make": Japan buys, the goods are American
    (figure,) = figures("Japan will make stable and long-term incremental purchases of U.S. energy, including "
                        "liquified natural gas, totaling $7 billion per year.", voice="USA")
    assert flow(figure) == ("exports", "USA", "JPN")


@pytest.mark.model
def test_a_subject_that_names_no_state_lends_no_doer_to_the_sum_its_object_totals() -> None:
    (figure,) = figures("Since 2021, companies have announced investments totaling more than $200 billion in domestic "
                        "manufacturing.", voice="USA")
    assert figure.from_ is None
