"""The periods of figures (issue 19, session 5): stretches counted back or forward from the document date,
documents dated only by their year (UN speeches), ends the text leaves open, U.S. fiscal years."""

from __future__ import annotations

import datetime as dt

import pytest

import multipolar
from multipolar.nlp.dates import DateValue, normalise
from multipolar.records import Quantity

DAY = dt.date(2021, 4, 28)
SPEECH_YEAR = dt.date(2010, 1, 1)
"""A UN speech is dated only by its year: its date is that year's first day."""


def span(value: DateValue | None) -> tuple[str, str] | None:
    return (value.start.isoformat(), value.end.isoformat()) if value else None


@pytest.mark.parametrize("text, dated, year_only", [
    ("over the last 20 years", ("2001-01-01", "2021-04-28"), ("1991-01-01", "2010-12-31")),
    ("the past two years", ("2019-01-01", "2021-04-28"), ("2009-01-01", "2010-12-31")),
    ("over the last decade", ("2011-01-01", "2021-04-28"), ("2000-01-01", "2010-12-31")),
    ("the next three years", ("2021-04-28", "2024-04-28"), ("2011-01-01", "2013-12-31")),
    ("in the next six months", ("2021-04-28", "2021-10-28"), None),
    ("over the past year", ("2020-01-01", "2020-12-31"), ("2010-01-01", "2010-12-31")),
    ("last year", ("2020-01-01", "2020-12-31"), ("2009-01-01", "2009-12-31")),
])
def test_stretches_from_the_document_date(text: str, dated: tuple[str, str], year_only: tuple[str, str] | None) -> None:
    assert span(normalise(text, DAY)) == dated
    assert span(normalise(text, SPEECH_YEAR, year_only=True)) == year_only


def test_a_month_named_alone_in_a_speech_is_read_as_of_its_september() -> None:
    assert span(normalise("February", SPEECH_YEAR, year_only=True)) == ("2010-02-01", "2010-02-28")
    assert span(normalise("November", SPEECH_YEAR, year_only=True)) == ("2009-11-01", "2009-11-30")


@pytest.mark.parametrize("text, expected", [
    ("FY2022", ("2021-10-01", "2022-09-30")),
    ("Fiscal Year 2023", ("2022-10-01", "2023-09-30")),
    ("this fiscal year", ("2020-10-01", "2021-09-30")),
    ("last fiscal year", ("2019-10-01", "2020-09-30")),
    ("the end of the year", ("2021-12-01", "2021-12-31")),
])
def test_fiscal_years_and_the_end_of_a_year(text: str, expected: tuple[str, str]) -> None:
    assert span(normalise(text, DAY)) == expected


def figure(text: str, date: str | None = None, year: int | None = None, voice: str | None = None) -> Quantity:
    record = {"id": "t", "text": text, "date": date, "year": year}
    settings = multipolar.Settings(voice=voice)
    (found,) = next(iter(multipolar.process([record], settings=settings))).analysis.quantities
    return found


@pytest.mark.model
def test_since_in_a_speech_dated_only_by_its_year_leaves_the_end_open() -> None:
    found = figure("More than 200 Cuban doctors have worked in our hospitals since 2004.", year=2010)
    assert found.period is not None and found.period.start == "2004-01-01" and found.period_open_end
    dated = figure("More than 200 Cuban doctors have worked in our hospitals since 2004.", date="2010-09-24")
    assert dated.period is not None and dated.period.end == "2010-09-24" and not dated.period_open_end


@pytest.mark.model
def test_so_far_this_year_starts_the_year_and_runs_on() -> None:
    found = figure("We have provided $11 billion in climate finance so far this year.", year=2024, voice="USA")
    assert found.period is not None and found.period.start == "2024-01-01" and found.period_open_end


@pytest.mark.model
def test_the_requests_fiscal_year_and_the_end_of_the_year_date_their_figures() -> None:
    request = figure("The FY2022 request to Congress for $3.3 billion prioritizes training.", date="2021-07-23")
    assert request.period is not None and (request.period.start, request.period.end) == ("2021-10-01", "2022-09-30")
    more = figure("Australia will give another $1 billion by the end of the year.", date="2025-10-20")
    assert more.period is not None and (more.period.start, more.period.end) == (None, "2025-12-31")


@pytest.mark.model
def test_the_day_a_measure_is_signed_is_not_its_figures_period() -> None:
    found = figure("Today, the President signed a proclamation to impose additional 50% tariffs on Canada.",
                   date="2026-07-20", voice="USA")
    assert found.period is None
    today = figure("Today, the United States is sanctioning over 400 individuals and entities.", date="2022-03-24",
                   voice="USA")
    assert today.period is None


@pytest.mark.parametrize("text", ["the year to March 0000", "the year to March 0001", "mid-0000", "by mid-0000"])
def test_a_year_to_or_mid_year_outside_the_calendar_is_no_date(text: str) -> None:
    assert normalise(text, dt.date(2024, 5, 1)) is None
    assert normalise(text.replace("000", "202"), dt.date(2024, 5, 1)) is not None  # the same words with a real year


@pytest.mark.model
def test_to_date_and_so_far_end_on_the_document_date_with_an_open_start() -> None:
    found = figure("To date, the United States has mobilized $30 billion for these projects.", date="2023-05-21",
                   voice="USA")
    assert found.period is not None and (found.period.start, found.period.end) == (None, "2023-05-21")
    far = figure("So far, member states have reported freezing over $30 billion in assets.", date="2022-04-28")
    assert far.period is not None and (far.period.start, far.period.end) == (None, "2022-04-28")
    speech = figure("So far, we have collected $100 billion in new investment contracts.", year=2021)
    assert speech.period is None  # a speech dated only by its year has no day to end on
    people = figure("To date, two million people have been forced to flee Ukraine.", date="2022-03-10")
    assert people.period is None


@pytest.mark.model
def test_the_year_of_fiscal_year_fy_is_a_fiscal_year_and_no_figure() -> None:
    found = figure("The Administration intends to provide more than $505 million in fiscal year (FY) 2024 bilateral "
                   "assistance.", date="2023-03-30", voice="USA")  # one figure: "2024" is no count
    assert found.period is not None and (found.period.start, found.period.end) == ("2023-10-01", "2024-09-30")


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    # "mid-2022" is one date whose hyphen joins no second: "since" still runs from it to the document date
    ("Since mid-2022, the United States has provided $500 million to Haiti.", ("2022-06-01", "2023-03-30")),
    # a range the text spans itself keeps both its ends
    ("From January to May 2023, the United States provided $500 million to Haiti.", ("2023-01-01", "2023-05-31")),
])
def test_since_a_mid_year_runs_to_the_document_date(text: str, expected: tuple[str, str]) -> None:
    found = figure(text, date="2023-03-30", voice="USA")
    assert found.period is not None and (found.period.start, found.period.end) == expected
