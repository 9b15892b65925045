"""Periods of figures, session 7 of issue 19: weeks counted back from the document date, the year to a month,
a U.S. administration as a stretch, "over the next three years" as a span and not a base of comparison, a
year inside a law's name, and a date after a nearer figure."""

from __future__ import annotations

import datetime as dt

import pytest

import multipolar
from multipolar.nlp.dates import DateValue, normalise
from multipolar.records import Quantity

DAY = dt.date(2023, 5, 17)
"""A Wednesday."""


def span(value: DateValue | None) -> tuple[str, str] | None:
    return (value.start.isoformat(), value.end.isoformat()) if value else None


@pytest.mark.parametrize("text, expected", [
    ("in the past two weeks", ("2023-05-03", "2023-05-17")),
    ("in just the past week", ("2023-05-10", "2023-05-17")),
    ("the next three weeks", ("2023-05-17", "2023-06-07")),
    ("last week", ("2023-05-08", "2023-05-14")),
    ("the coming weeks", None),
    ("in the year to September 2022", ("2021-10-01", "2022-09-30")),
    ("the twelve months ending December 2022", ("2022-01-01", "2022-12-31")),
    ("mid-2021", ("2021-06-01", "2021-06-30")),
    ("2019-2021", ("2019-01-01", "2021-12-31")),
])
def test_weeks_and_the_year_to_a_month(text: str, expected: tuple[str, str] | None) -> None:
    assert span(normalise(text, DAY)) == expected


def test_a_speech_has_no_weeks_and_its_fiscal_year_is_its_year() -> None:
    speech = dt.date(2016, 1, 1)
    assert normalise("the past two weeks", speech, year_only=True) is None
    assert normalise("last week", speech, year_only=True) is None
    assert span(normalise("the current fiscal year", speech, year_only=True)) == ("2016-01-01", "2016-12-31")


Read = list[tuple[str, tuple[str | None, str] | None]]


def periods(text: str, date: str | None = None, year: int | None = None) -> Read:
    record = {"id": "t", "text": text, "date": date, "year": year}
    settings = multipolar.Settings(voice="USA")
    found: list[Quantity] = list(next(iter(multipolar.process([record], settings=settings))).analysis.quantities)
    return [(q.text, (q.period.start, q.period.end) if q.period else None) for q in found]


@pytest.mark.model
def test_an_administration_is_the_presidents_term_to_the_document_date() -> None:
    assert periods("Our aid to Moldova during the Biden Administration now totals more than $440 million.",
                   date="2023-05-17") == [("more than $440 million", ("2021-01-20", "2023-05-17"))]
    assert periods("The United States has provided $75 million to Chad since the beginning of the Biden-Harris "
                   "Administration.", date="2023-05-17") == [("$75 million", ("2021-01-20", "2023-05-17"))]


@pytest.mark.model
def test_an_administration_that_acts_dates_nothing() -> None:
    assert periods("We have given $90 million to Jordan since the Biden Administration restored the program.",
                   date="2023-05-17") == [("$90 million", None)]


@pytest.mark.model
def test_over_the_next_years_is_the_figures_span_not_a_base_of_comparison() -> None:
    assert periods("The United States will provide $40 million to Peru over the next three years.",
                   date="2023-05-17") == [("$40 million", ("2023-05-17", "2026-05-17"))]
    assert periods("Unemployment in our capital has fallen by 2.5 per cent over the past year.", year=2015) == \
        [("2.5 per cent", ("2015-01-01", "2015-12-31"))]


@pytest.mark.model
def test_a_year_in_the_name_of_a_law_is_no_period() -> None:
    assert periods("Under Section 201 of the Trade Act of 1974, the President imposed 30% duties on solar cells.",
                   date="2018-01-22") == [("30%", None)]


@pytest.mark.model
def test_a_date_after_a_nearer_figure_is_that_figures() -> None:
    found = periods("The President announced $300 million for Haiti, bringing our support to a total of $1.1 billion "
                    "since the start of the Biden Administration.", date="2023-05-17")
    assert found == [("$300 million", None), ("$1.1 billion", ("2021-01-20", "2023-05-17"))]


@pytest.mark.model
def test_a_figure_for_the_next_years_is_a_plan_and_no_check_calls_it_inconsistent() -> None:
    text = "Our country will need about $40 billion over the next five years to build its ports."
    analysis = multipolar.analyze(text, date="2023-05-17")
    (figure,) = analysis.quantities
    assert figure.projected and figure.period is not None and figure.period.start == "2023-05-17"
    assert all(check.status != "inconsistent" for check in analysis.checks)
