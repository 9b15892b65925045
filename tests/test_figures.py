"""Figures read from their own clause (issue 19): measure, direction, parties, per-unit prices, unstated
amounts, periods; and checks that honour qualifiers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import multipolar
from multipolar.model.checks import checks, period_label
from multipolar.records import Change, Period, Quantity, Span

DATE = "2024-05-01"


def figures(text: str, voice: str | None = None) -> list[Quantity]:
    settings = multipolar.Settings(voice=voice)
    return list(multipolar.analyze(text, date=DATE, settings=settings).quantities)


def only(text: str, voice: str | None = None) -> Quantity:
    (figure,) = figures(text, voice)
    return figure


@pytest.mark.model
@pytest.mark.parametrize("text, measure, source, target", [
    ("Saudi Arabia will invest $600 billion in the United States over the next four years.", "investment",
     "SAU", "USA"),
    ("Indonesia exported $28 billion worth of goods to the United States last year.", "exports", "IDN", "USA"),
    ("In 2022, China imported coal worth $81 billion from Russia.", "imports", "RUS", "CHN"),
    ("The World Bank approved a $1.2 billion loan to Egypt to support social protection.", "loan", "WB", "EGY"),
    ("China lent Sri Lanka $5 billion between 2010 and 2020.", "loan", "CHN", "LKA"),
    ("Japan's aid to Ukraine since 2022 amounts to more than $7 billion.", "aid", "JPN", "UKR"),
    ("Canada is contributing $50 million to the World Food Programme for Afghanistan.", "aid", "CAN", "WFP"),
    ("The European Union approved 5 billion euros for Ukraine's reconstruction.", "aid", "EU", "UKR"),
    ("The United States has given Ukraine billions in military aid since 2022.", "aid", "USA", "UKR"),
    # the flow named by the figure's own phrase gives its owner; an adjective there names what it is for
    ("Speaking in Lima, the Vice President announced $80 million in U.S. assistance for Peru.", "aid", "USA", "PER"),
    ("Britain will provide $40 million in Moldovan border security assistance.", "aid", "GBR", "MDA"),
])
def test_a_flow_goes_from_the_giver_to_the_receiver_its_clause_names(
        text: str, measure: str, source: str, target: str) -> None:
    figure = only(text)
    assert (figure.measure, figure.from_, figure.to) == (measure, source, target)
    assert figure.parties == tuple(sorted({source, target}))


@pytest.mark.model
@pytest.mark.parametrize("text, measure, parties", [
    ("The U.S. trade deficit in goods reached $1.2 trillion in 2024.", "deficit", ("USA",)),
    ("China now faces a 245% tariff on its electric vehicles.", "tariff_rate", ("CHN",)),
    ("Chinese goods account for 40% of U.S. imports of electronics.", "share", ("USA",)),
    ("Two-way trade between India and Russia reached $65 billion in 2023.", "bilateral_trade", ("IND", "RUS")),
    ("Guyana's economy grew by 62 percent in 2022, the fastest rate in the world.", "growth", ("GUY",)),
    ("The United Kingdom spends 0.7 percent of its gross national income on development.", "share", ("GBR",)),
])
def test_measures_that_are_not_flows_have_no_direction(text: str, measure: str, parties: tuple[str, ...]) -> None:
    figure = only(text)
    assert (figure.measure, figure.from_, figure.to, figure.parties) == (measure, None, None, parties)


@pytest.mark.model
def test_the_cause_of_a_flow_is_not_its_receiver() -> None:
    part = figures("Norway has given $2 billion to Ukraine, including $500 million this year in response to "
                   "Russia's war.")[1]
    assert (part.from_, part.to) == ("NOR", "UKR")  # "in response to Russia's war" names the cause


@pytest.mark.model
def test_a_receiver_the_clause_names_is_not_replaced_by_another_state_of_the_sentence() -> None:
    figure = figures("We will sign the accord reached in Nairobi, and we will contribute €3 million to the "
                     "Resilience Trust.", voice="IRL")[0]
    assert (figure.measure, figure.from_, figure.to) == ("aid", "IRL", None)


@pytest.mark.model
def test_the_parties_of_a_conflicts_name_receive_nothing() -> None:
    figure = figures("Chile will provide $12 million for families affected by the Armenia-Azerbaijan conflict.")[0]
    assert (figure.from_, figure.to) == ("CHL", None)


@pytest.mark.model
def test_givers_listed_with_their_shares_give_to_no_one_else_of_the_list() -> None:
    listed = figures("Donors to the fund, including Norway ($300 million), the European Union (€200 million) "
                     "and Canada ($150 million), raised their pledges.")
    assert [(f.from_, f.to) for f in listed] == [("NOR", None), ("EU", None), ("CAN", None)]


@pytest.mark.model
@pytest.mark.parametrize("text, measure", [
    ("Nearly three million people have been forced to flee Sudan since April.", "displaced"),
    ("The Treasury is sanctioning 250 individuals tied to the regime.", "sanctions"),
])
def test_a_count_takes_its_measure_from_the_verb_it_completes(text: str, measure: str) -> None:
    assert figures(text)[0].measure == measure


@pytest.mark.model
def test_a_source_named_by_according_to_is_no_party_of_the_flow() -> None:
    figure = only("Iran exported $50 billion of oil to China in 2023, according to US estimates.")
    assert (figure.from_, figure.to, figure.parties) == ("IRN", "CHN", ("CHN", "IRN"))


@pytest.mark.model
def test_parties_are_those_of_the_figures_own_clause() -> None:
    aid, cost = figures("The United States pledged $300 million to Ukraine, while Russia's war has cost "
                        "the economy of Ukraine $100 billion.")
    assert aid.parties == ("UKR", "USA")
    assert "USA" not in cost.parties


@pytest.mark.model
def test_a_document_that_speaks_for_a_state_gives_what_it_announces() -> None:
    figure = only("USAID will provide $125M to mitigate the impact of drought in Guatemala.", voice="USA")
    assert (figure.value, figure.measure, figure.from_, figure.to) == (125e6, "aid", "USA", "GTM")


@pytest.mark.model
def test_a_price_per_unit_is_a_price_not_a_flow() -> None:
    figure = only("Brent crude traded at $60 a barrel on Monday.")
    assert (figure.value, figure.unit, figure.measure, figure.per, figure.from_) == (60.0, "USD", "price", "barrel",
                                                                                    None)


@pytest.mark.model
@pytest.mark.parametrize("text, value, unit", [
    ("The European Union approved 5 billion euros for Ukraine's reconstruction.", 5e9, "EUR"),
    ("Beijing set aside 300 billion yuan for the program.", 300e9, "CNY"),
    ("India will spend 2 trillion rupees on roads.", 2e12, "INR"),
    ("This is on top of the more than half a billion dollars the United States has provided.", 5e8, "USD"),
])
def test_currencies_written_as_words(text: str, value: float, unit: str) -> None:
    figure = only(text)
    assert (figure.kind, figure.value, figure.unit) == ("money", value, unit)


@pytest.mark.model
def test_an_unstated_amount_is_null_never_zero() -> None:
    figure = only("The United States has given Ukraine billions in military aid since 2022.")
    assert (figure.value, figure.described_as, figure.usd) == (None, "billions", None)
    people = only("The war has displaced millions of people across the region.")
    assert (people.kind, people.value, people.unit) == ("count", None, "person")


@pytest.mark.model
@pytest.mark.parametrize("text, period", [
    ("Defence spending has risen sharply since 2020, reaching $90 billion.", ("2020-01-01", DATE)),
    ("The programme will provide $2 billion to Kenya through 2028.", (DATE, "2028-12-31")),
    ("Kenya will receive $2 billion by 2027.", (None, "2027-12-31")),
    ("China lent Sri Lanka $5 billion between 2010 and 2020.", ("2010-01-01", "2020-12-31")),
])
def test_periods_read_with_their_bounding_word(text: str, period: tuple[str | None, str]) -> None:
    figure = only(text)
    assert figure.period is not None and (figure.period.start, figure.period.end) == period


@pytest.mark.model
def test_a_date_recorded_for_one_figure_is_not_anothers() -> None:
    rate, _total, again, base = figures("Trade grew 29% to $190 billion, 29% more than the $147 billion "
                                       "recorded in 2021.")
    assert base.period == Period("2021-01-01", "2021-12-31")
    assert again.period is None and rate.period is None


@pytest.mark.model
@pytest.mark.parametrize("text", ["Officials in 4G networks met in 2022.", "Two new grants went to six hospitals."])
def test_what_is_no_figure(text: str) -> None:
    assert figures(text) == []


def money(value: float | None, start: str, end: str, *, qualifier: str = "exact", change: Change | None = None,
          sentence: int = 0) -> Quantity:
    return Quantity(kind="money", value=value, unit="USD", qualifier=qualifier, measure="exports",  # type: ignore[arg-type]
                    from_="CHN", to="RUS", parties=("CHN", "RUS"), items=(), period=Period(start, end), change=change,
                    sentence=sentence, evidence=Span(0, 1, "x"), text=f"${value}")


def percent(value: float, qualifier: str = "exact") -> Quantity:
    return Quantity(kind="percent", value=value, unit="percent", qualifier=qualifier, measure="exports",  # type: ignore[arg-type]
                    from_=None, to=None, parties=(), items=(), period=None, change=Change("up", None, value),
                    sentence=0, evidence=Span(0, 1, "x"), text=f"{value}%")


def test_a_lower_bound_is_not_contradicted_by_a_larger_implied_change() -> None:
    found = checks((money(30e9, "2021-01-01", "2021-12-31"), money(50e9, "2022-01-01", "2022-12-31"),
                    percent(50, "more_than")))
    (check,) = found
    assert check.status == "consistent" and "more than +50.0%" in check.message and "qualifiers" in check.message


def test_an_exact_rate_far_from_the_implied_change_is_inconsistent_and_says_its_tolerance() -> None:
    (check,) = checks((money(30e9, "2021-01-01", "2021-12-31"), money(48e9, "2022-01-01", "2022-12-31"),
                       percent(20)))
    assert check.status == "inconsistent" and "+60.0%" in check.message and "within 3.0 points" in check.message


def test_about_figures_widen_the_implied_change() -> None:
    (check,) = checks((money(30e9, "2021-01-01", "2021-12-31", qualifier="about"),
                       money(36e9, "2022-01-01", "2022-12-31"), percent(32)))
    assert check.status == "consistent"  # 36 against 27..33 is +9% to +33%: 32% fits, though 36/30 is +20%


def test_unstated_amounts_are_never_compared() -> None:
    assert checks((money(None, "2021-01-01", "2021-12-31"), money(50e9, "2022-01-01", "2022-12-31"))) == ()


@pytest.mark.parametrize("start, end, label", [
    ("2022-01-01", "2022-12-31", "2022"), ("2022-01-01", "2022-03-31", "2022-Q1"),
    ("2022-03-01", "2022-03-31", "2022-03"), ("2023-01-01", "2023-06-30", "2023-H1"),
    ("2023-01-01", "2023-05-31", "2023-01…2023-05"), ("2024-02-24", "2024-02-24", "2024-02-24"),
    (None, "2020-12-31", "by 2020"),
    ("2021-01-01", "2022-12-31", "2021…2022"),
])
def test_periods_are_printed_at_their_precision(start: str | None, end: str, label: str) -> None:
    assert period_label(start, end) == label


def test_check_messages_print_a_whole_year_as_the_year() -> None:
    (check,) = checks((money(30e9, "2021-01-01", "2021-12-31"), money(50e9, "2022-01-01", "2022-12-31")))
    assert "(2022)" in check.message and "(2021)" in check.message and "2022-01" not in check.message


@pytest.mark.model
@pytest.mark.parametrize("text, value, unit, kind", [
    ("Kenya increased its pledge by two-thirds this year.", 66.67, "percent", "percent"),
    ("One in five households in the region has solar panels.", 20.0, "percent", "percent"),
    ("Poverty fell to 9 per cent, the lowest on record.", 9.0, "percent", "percent"),
    ("An estimated two million people have fled the fighting.", 2e6, "person", "count"),
    ("Energy imports face a zero percent tariff.", 0.0, "percent", "percent"),
])
def test_figures_written_in_words(text: str, value: float, unit: str, kind: str) -> None:
    figure = only(text)
    assert (figure.value, figure.unit, figure.kind) == (value, unit, kind)


@pytest.mark.model
def test_a_range_is_two_bounds() -> None:
    low, high = figures("Emissions will fall by 26 to 28 per cent by 2030.")
    assert (low.value, low.qualifier, high.value, high.qualifier) == (26.0, "more_than", 28.0, "less_than")


@pytest.mark.model
def test_a_part_of_a_figure_takes_its_flow() -> None:
    whole, part = figures("The United States has provided $159 million in humanitarian assistance to Ukraine "
                          "since October 2020, including nearly $107 million in the past two weeks.")
    assert (part.measure, part.from_, part.to) == (whole.measure, whole.from_, whole.to) == ("aid", "USA", "UKR")


@pytest.mark.model
def test_donors_listed_with_their_figures_receive_nothing_from_each_other() -> None:
    japan, germany = figures("Core donors, including Japan ($1.08 billion) and Germany ($1.3 billion), increased "
                             "their pledges to the fund.")
    assert (japan.from_, germany.from_) == ("JPN", "DEU")
    assert japan.to != "DEU" and germany.to != "JPN"


@pytest.mark.model
def test_a_foreign_buyers_purchase_is_the_voices_export() -> None:
    figure = only("Australia agreed to purchase $1.2 billion in unmanned underwater vehicles.", voice="USA")
    assert (figure.measure, figure.from_, figure.to) == ("exports", "USA", "AUS")


@pytest.mark.model
def test_a_projection_is_no_measurement_of_the_future() -> None:
    result = multipolar.analyze("Our economy is projected to reach growth of 20 per cent in 2026.", date=DATE)
    (figure,) = result.quantities
    assert figure.projected and not any(c.kind == "period_not_yet" for c in result.checks)


@pytest.mark.model
def test_a_requested_sum_is_no_measurement_of_the_future() -> None:
    result = multipolar.analyze("Congress appropriated $3 billion to the fund this year and the President has "
                                "requested over $3.3 billion for 2031.", date=DATE)
    requested = next(q for q in result.quantities if q.value == 3.3e9)
    assert requested.projected and not any(c.kind == "period_not_yet" for c in result.checks)


def test_a_figures_gold_file_that_cannot_be_read_is_one_clear_error(tmp_path: Path) -> None:
    from multipolar.errors import GoldFileError
    from multipolar.evaluate.figures import read_figures_gold

    broken = tmp_path / "figures-dev.jsonl"
    broken.write_bytes(b"\xff\xfe\x00not utf-8")
    with pytest.raises(GoldFileError, match="cannot read gold file"):
        read_figures_gold(broken)


def test_a_un_record_speaks_for_the_code_before_its_session(tmp_path: Path) -> None:
    from multipolar.evaluate.figures import read_figures_gold

    gold = tmp_path / "figures-dev.jsonl"
    lines = [json.dumps({"id": f"g{k}", "corpus": "ungdc-2005-2024", "record": record, "text": "x", "year": 2020,
                         "expected": []}) for k, record in enumerate(("EU_75_2020", "KEN_64_2009"))]
    gold.write_text("\n\n".join(lines), encoding="utf-8")
    assert [r.voice for r in read_figures_gold(gold)] == ["EU", "KEN"]


@pytest.mark.model
def test_a_state_named_as_another_sums_giver_receives_none_of_the_sentences_flows() -> None:
    found = multipolar.analyze(
        "The package includes over $900 million in new support the United States is prepared to provide, on top "
        "of the $150 million announced in May and €300 million from Germany.", date="2022-04-01",
        settings=multipolar.Settings(voice="USA")).quantities
    assert [(q.from_, q.to) for q in found] == [("USA", None), ("USA", None), ("DEU", None)]


@pytest.mark.model
def test_a_part_named_with_including_keeps_the_wholes_giver_not_the_voice() -> None:
    found = multipolar.analyze(
        "Since March 2022, Norway has committed to provide Freedonia with assistance worth a total value of over "
        "$9 billion, including $2.5 billion support for 2024.", date="2024-07-11",
        settings=multipolar.Settings(voice="USA")).quantities
    assert [q.from_ for q in found] == ["NOR", "NOR"]
