"""Date normalisation against the document date: no model needed."""

from __future__ import annotations

import datetime as dt

import pytest

from multipolar.nlp.dates import month_value, normalise, year_value

TODAY = dt.date(2023, 10, 20)


@pytest.mark.parametrize(
    "text, value, start, end",
    [
        ("in June 2019", "2019-06", "2019-06-01", "2019-06-30"),
        ("February 2022", "2022-02", "2022-02-01", "2022-02-28"),
        ("24 February 2022", "2022-02-24", "2022-02-24", "2022-02-24"),
        ("February 24, 2022", "2022-02-24", "2022-02-24", "2022-02-24"),
        ("in 2024", "2024", "2024-01-01", "2024-12-31"),
        ("the year 2020", "2020", "2020-01-01", "2020-12-31"),
        ("the first half of 2023", "2023-01", "2023-01-01", "2023-06-30"),
        ("the second quarter of 2021", "2021-04", "2021-04-01", "2021-06-30"),
        ("January to May of 2023", "2023-01", "2023-01-01", "2023-05-31"),
        ("2022 Victory Day", "2022-05-09", "2022-05-09", "2022-05-09"),
        ("last year", "2022", "2022-01-01", "2022-12-31"),
        ("last month", "2023-09", "2023-09-01", "2023-09-30"),
        ("yesterday", "2023-10-19", "2023-10-19", "2023-10-19"),
        ("Tuesday", "2023-10-17", "2023-10-17", "2023-10-17"),
        ("the last couple of years", "2021", "2021-01-01", "2023-10-20"),
        ("June", "2023-06", "2023-06-01", "2023-06-30"),
        ("November", "2022-11", "2022-11-01", "2022-11-30"),
    ],
)
def test_normalise(text: str, value: str, start: str, end: str) -> None:
    found = normalise(text, TODAY)
    assert found is not None
    assert (found.value, found.start.isoformat(), found.end.isoformat()) == (value, start, end)


def test_relative_to_the_previous_date() -> None:
    february = month_value(2022, 2)
    assert normalise("earlier that month", TODAY, february) == february
    assert normalise("that year", TODAY, february) == year_value(2022)
    half = normalise("the first half of 2023", TODAY)
    year_before = normalise("the same period a year before", TODAY, half)
    assert year_before is not None
    assert (year_before.start, year_before.end) == (dt.date(2022, 1, 1), dt.date(2022, 6, 30))


@pytest.mark.parametrize("text", ["75 years", "daily", "31 February 2022", "the coming decades"])
def test_what_cannot_be_placed_is_none(text: str) -> None:
    assert normalise(text, TODAY) is None


def test_relative_dates_need_a_document_date() -> None:
    assert normalise("last year", None) is None
    assert normalise("2019", None) == year_value(2019)


@pytest.mark.model
def test_reference_article_timeline_order(seed_analysis) -> None:  # type: ignore[no-untyped-def]
    entries = seed_analysis.timeline
    dates = [e.date for e in entries]
    assert dates == sorted(dates)

    def first(predicate) -> str:  # type: ignore[no-untyped-def]
        return next(e.date for e in entries if any(predicate(seed_analysis.events[i]) for i in e.events))

    sanctions_1989 = first(lambda e: e.plover == "SANCTION" and e.target == "CHN")
    sanctions_2014 = first(lambda e: e.plover == "SANCTION" and e.source == "USA")
    visit = first(lambda e: e.plover == "CONSULT" and e.date == "2019-06")
    invasion = first(lambda e: e.plover == "ASSAULT" and e.source == "RUS")
    brics = first(lambda e: e.target == "BRICS")
    trade = next(e.date for e in entries if e.quantities and e.date.startswith("2023"))
    # "will join BRICS in 2024" is a commitment (AGREE), dated when it is made: the document's date (issue 15)
    assert (sanctions_1989, sanctions_2014, visit, invasion, brics) == ("1989", "2014", "2019-06", "2022-02",
                                                                         "2023-10-20")
    assert sanctions_1989 < sanctions_2014 < visit < invasion < trade < brics
    # Putin's Victory Day speech, not the "no limits" of the agreement he and Xi signed in February 2022
    speech = next(q for q in seed_analysis.quotes if q.speaker_actor == "vladimir-putin" and "We saw" in q.text)
    assert speech.date == "2022-05-09"
    agreed = next(q for q in seed_analysis.quotes if q.text.startswith("no limits"))
    assert agreed.date == "2022-02"


@pytest.mark.model
def test_events_after_a_named_event_take_its_date() -> None:
    import multipolar

    analysis = multipolar.analyze(
        "In March 2014 Russia annexed Crimea and invaded eastern Ukraine. After the invasion, the European Union "
        "imposed sanctions on Russia. Since then, Japan has criticised Moscow.", date="2016-01-01")
    dated = {(e.source, e.plover, e.target): e.date for e in analysis.events}
    assert dated[("EU", "SANCTION", "RUS")] == "2014-03"
    assert dated[("JPN", "ACCUSE", "RUS")] == "2014-03"
