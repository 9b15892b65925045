"""The currency of a sum read for its speaker (nlp/figures/currency.py, data/currency/names.tsv, session 7 of
issue 19): national names ("pesos", "shillings"), prefixed dollars ("NZ$"), symbols ("₦"), and the "$" of a
speaker whose state has its own floating dollar, which is that dollar only for the state's own figures."""

from __future__ import annotations

import pytest

import multipolar


def unit(text: str, voice: str, year: int = 2019) -> str | None:
    record = {"id": "t", "text": text, "date": None, "year": year}
    (found,) = next(iter(multipolar.process([record], settings=multipolar.Settings(voice=voice)))).analysis.quantities
    return found.unit


@pytest.mark.model
@pytest.mark.parametrize("text, voice, expected", [
    ("Our Government has set aside 5 billion pesos for the farmers of the south.", "MEX", "MXN"),
    ("Our Government has set aside 5 billion pesos for the farmers of the south.", "COL", "COP"),
    ("Kenya will spend 20 billion shillings on rural roads.", "KEN", "KES"),
    ("Our budget for health has reached ₦2 trillion.", "NGA", "NGN"),
    ("We will invest A$40 million in clean energy across the Pacific.", "FJI", "AUD"),
    ("Japan pledged ¥50 billion to the fund.", "JPN", "JPY"),
    ("China pledged ¥50 billion to the fund.", "CHN", "CNY"),
])
def test_a_currency_name_is_read_for_its_speaker(text: str, voice: str, expected: str) -> None:
    assert unit(text, voice) == expected


@pytest.mark.model
def test_a_floating_dollar_states_own_figures_are_in_its_dollar_and_the_worlds_in_us_dollars() -> None:
    assert unit("Our $1.5-billion national water plan is now under way.", "NZL") == "NZD"
    assert unit("In 2018, $4 billion was invested in wind farms in New Zealand.", "NZL") == "NZD"
    assert unit("The G-20 provided $1 trillion to the international financial institutions.", "NZL") == "USD"
    # a dollar pegged to the US dollar: its speakers' "$" stays USD
    assert unit("Our $300 million national recovery plan is under way.", "BHS") == "USD"


@pytest.mark.model
def test_a_dollar_named_after_the_sum_is_that_states() -> None:
    record = {"id": "t", "text": "Canada pledged $1.5 billion Canadian to the fund.", "date": "2022-09-21"}
    (found,) = next(iter(multipolar.process([record], settings=multipolar.Settings(voice="USA")))).analysis.quantities
    assert found.unit == "CAD"


@pytest.mark.model
def test_a_states_adjective_before_a_noun_after_the_sum_names_no_currency() -> None:
    record = {"id": "t", "text": "The deal brings $2 billion Canadian investment to Ohio.", "date": "2022-09-21"}
    (found,) = next(iter(multipolar.process([record], settings=multipolar.Settings(voice="USA")))).analysis.quantities
    assert found.unit == "USD"
