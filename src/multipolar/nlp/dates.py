"""Dates: every date expression normalised against the document date, and the document's timeline."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from spacy.attrs import ORTH
from spacy.tokens import Doc, Token

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
_MONTH = r"(january|february|march|april|may|june|july|august|september|october|november|december|" \
         r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?"
_NAMED_DAYS = {"victory day": (5, 9), "christmas": (12, 25), "new year's day": (1, 1)}
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "a couple of": 2, "couple of": 2, "a few": 3, "few": 3, "several": 3}


@dataclass(frozen=True)
class DateValue:
    """A normalised date: `value` as precise as the text ("2022", "2022-02", "2022-02-24"), and its span."""

    value: str
    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class FoundDate:
    """A date expression in the text (tokens [start, end)) and what it means."""

    start: int
    end: int
    text: str
    date: DateValue


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


_FISCAL = re.compile(r"(?:fiscal year|fy) ?(?:\(fy\) ?)?'?(\d{4}|\d{2})")
""""Fiscal Year 2022", "FY 2023", "FY2022", "FY22": a U.S. federal fiscal year."""


def fiscal_year(year: int) -> DateValue:
    """A U.S. fiscal year: October of the year before to September (FY 2023 is 2022-10-01 to 2023-09-30)."""
    return range_value(dt.date(year - 1, 10, 1), dt.date(year, 9, 30))


def year_value(year: int) -> DateValue:
    return DateValue(f"{year:04d}", dt.date(year, 1, 1), dt.date(year, 12, 31))


def month_value(year: int, month: int) -> DateValue:
    return DateValue(f"{year:04d}-{month:02d}", dt.date(year, month, 1), _month_end(year, month))


def day_value(day: dt.date) -> DateValue:
    return DateValue(day.isoformat(), day, day)


def range_value(start: dt.date, end: dt.date) -> DateValue:
    """A span of months: its value is the start month, as a reader would file it."""
    return DateValue(f"{start.year:04d}-{start.month:02d}", start, end)


def _safe_day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def normalise(text: str, today: dt.date | None, previous: DateValue | None = None,
              year_only: bool = False) -> DateValue | None:
    """What a date expression means, relative to the document date and the last date named before it.
    `year_only`: the document is dated only by its year (a UN speech), so `today` is that year's first day
    and "the past two years" are that year and the one before.

    Returns None for durations ("75 years"), frequencies ("daily") and what cannot be placed, dates
    outside the calendar of years 1-9999 included ("in 0000", "next year" in 9999).
    """
    t = re.sub(r"\s+", " ", text.lower().strip().strip(",.;"))
    t = re.sub(r"^(?:in |over )?(?:just|only) (?=the )", "", t)  # "in just the past week"
    if m := _YEAR_TO.fullmatch(re.sub(r"^(?:in |for |during )?the ", "", t)):
        year = int(m.group(2))
        return _year_to(year, MONTHS[m.group(1)]) if 1 < year <= 9999 else None
    if m := re.fullmatch(r"(?:by |in |since )?(?:the )?mid-? ?(\d{4})", t):
        year = int(m.group(1))
        return month_value(year, 6) if 1 <= year <= 9999 else None  # "mid-2021": June
    if t in ("last week", "previous week", "the previous week"):
        return None if year_only or today is None else _week_before(today)
    span = _span_of_two(t, today, previous)
    if span is not None:
        return span
    t = re.sub(r"^(?:in|on|during|since|by|from|until|through|after|before|of|the|at) ", "", t)
    t = re.sub(r"^the ", "", t)
    t = re.sub(r" alone$", "", t)  # "this year alone"
    if year_only and today is not None and t in ("this fiscal year", "current fiscal year"):
        return year_value(today.year)  # a speech does not say whose fiscal calendar: its year
    if m := _FISCAL.fullmatch(t):
        return fiscal_year(int(m.group(1)) + (2000 if len(m.group(1)) == 2 else 0))
    if re.fullmatch(r"end of (?:the|this) year", t) and today is not None and not year_only:
        return month_value(today.year, 12)
    if m := re.fullmatch(r"end of (\d{4})", t):
        return month_value(int(m.group(1)), 12)
    if m := _MONTHS_OF.fullmatch(t):
        return _months_of(m, normalise(m.group(3), today, previous, year_only))
    try:
        return _absolute(t) or (_stretch(t, today, year_only) if today else None) or \
            (_month_of_speech(t, today) if year_only else None) or _relative(t, today, previous)
    except (ValueError, OverflowError):
        return None


_MONTHS_OF = re.compile(r"(first|last) ([a-z]+|\d{1,2}) months of (.+)")
_YEAR_TO = re.compile(rf"(?:year|12 months|twelve months) (?:to|ending|ended) {_MONTH},? (\d{{4}})")


def _year_to(year: int, month: int) -> DateValue:
    """"The year to March 2019": the twelve months that end with that month (April 2018 to March 2019)."""
    start = dt.date(year, month + 1, 1) if month < 12 else dt.date(year, 1, 1)
    start = start.replace(year=start.year - 1) if month < 12 else start
    return range_value(start, _month_end(year, month))


def _months_of(found: re.Match[str], whole: DateValue | None) -> DateValue | None:
    """"The first seven months of this year", "the last three months of 2022": the months of a year counted
    from its start or back from its end."""
    words = found.group(2)
    count = _NUMBER_WORDS.get(words) or (int(words) if words.isdigit() else None)
    if whole is None or count is None or not 1 <= count <= 12 or \
            (whole.start.month, whole.end.month, whole.start.year) != (1, 12, whole.end.year):
        return None
    year = whole.start.year
    if found.group(1) == "first":
        return range_value(dt.date(year, 1, 1), _month_end(year, count))
    return range_value(dt.date(year, 13 - count, 1), _month_end(year, 12))


TWO_DATES = re.compile(r"^(?:between |from )?(?:the )?(.+?)(?: and | to | through | until |\s?[-–]\s?)(.+)$")


def _span_of_two(t: str, today: dt.date | None, previous: DateValue | None) -> DateValue | None:
    """"between 2010 and 2020", "from January to March 2023", "2019-2021": one span from the first date's
    start to the second's end, filed under the first (a first part without a year takes the second's)."""
    found = TWO_DATES.match(t)
    if found is None or re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", t):
        return None
    first, second = found.group(1), found.group(2)
    closing = normalise(second, today, previous) if not TWO_DATES.match(second) else None
    if closing is None:
        return None
    if not re.search(r"\d{4}", first) and re.search(r"\d{4}", second):
        first = f"{first} {closing.start.year}"
    opening = normalise(first, today, previous)
    if opening is None or opening.start > closing.end:
        return None
    return DateValue(opening.value, opening.start, closing.end)


def _absolute(t: str) -> DateValue | None:
    if m := re.fullmatch(r"(?:year )?(\d{4})", t):
        return year_value(int(m.group(1)))
    if m := re.fullmatch(rf"{_MONTH},? (?:of )?(\d{{4}})", t):
        return month_value(int(m.group(2)), MONTHS[m.group(1)])
    if m := re.fullmatch(rf"(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?{_MONTH},? (\d{{4}})", t):
        day = _safe_day(int(m.group(3)), MONTHS[m.group(2)], int(m.group(1)))
        return day_value(day) if day else None
    if m := re.fullmatch(rf"{_MONTH} (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})", t):
        day = _safe_day(int(m.group(3)), MONTHS[m.group(1)], int(m.group(2)))
        return day_value(day) if day else None
    day_range = rf"(\d{{1,2}})(?:st|nd|rd|th)? (?:to|-|–|and) (\d{{1,2}})(?:st|nd|rd|th)? {_MONTH},? (\d{{4}})"
    if m := re.fullmatch(day_range, t):
        opening = _safe_day(int(m.group(4)), MONTHS[m.group(3)], int(m.group(1)))
        closing = _safe_day(int(m.group(4)), MONTHS[m.group(3)], int(m.group(2)))
        return DateValue(opening.isoformat(), opening, closing) if opening and closing and opening <= closing else None
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t):
        day = _safe_day(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return day_value(day) if day else None
    if m := re.fullmatch(r"(first|second|1st|2nd) half of (?:the year )?(\d{4})", t):
        year, first_half = int(m.group(2)), m.group(1) in ("first", "1st")
        return range_value(dt.date(year, 1 if first_half else 7, 1), _month_end(year, 6 if first_half else 12))
    if m := re.fullmatch(r"(first|second|third|fourth|1st|2nd|3rd|4th) quarter of (\d{4})", t):
        q = ["first", "second", "third", "fourth"].index(m.group(1)) if m.group(1).isalpha() \
            else int(m.group(1)[0]) - 1
        year = int(m.group(2))
        return range_value(dt.date(year, 3 * q + 1, 1), _month_end(year, 3 * q + 3))
    if m := re.fullmatch(rf"{_MONTH} (?:to|through|until|-|–) {_MONTH},? (?:of )?(\d{{4}})", t):
        year = int(m.group(3))
        return range_value(dt.date(year, MONTHS[m.group(1)], 1), _month_end(year, MONTHS[m.group(2)]))
    if m := re.fullmatch(r"(\d{4}) ([a-z' ]+)", t):
        named = _NAMED_DAYS.get(m.group(2).strip())
        if named:
            return day_value(dt.date(int(m.group(1)), *named))
        if m.group(2).strip() in ("", "year"):
            return year_value(int(m.group(1)))
    return None


def _relative(t: str, today: dt.date | None, previous: DateValue | None) -> DateValue | None:
    if previous is not None:
        if re.fullmatch(r"(?:earlier|later) (?:that|this|the same) month|that month|same month", t):
            return month_value(previous.start.year, previous.start.month)
        if re.fullmatch(r"(?:earlier|later) (?:that|the same) year|that year|same year", t):
            return year_value(previous.start.year)
        if re.fullmatch(r"same (?:period|time) (?:a|one|the) (?:year|twelve months) (?:before|earlier|prior)|"
                        r"same period (?:of|in) the previous year|year before", t):
            return _shift_years(previous, -1)
    if today is None:
        return None
    if t in ("today", "this day"):
        return day_value(today)
    if t == "yesterday":
        return day_value(today - dt.timedelta(days=1))
    if t in ("this fiscal year", "current fiscal year"):
        return fiscal_year(today.year + (today.month >= 10))
    if t in ("last fiscal year", "previous fiscal year", "past fiscal year"):
        return fiscal_year(today.year + (today.month >= 10) - 1)
    if t in ("this year", "the current year"):
        return year_value(today.year)
    if t in ("last year", "past year", "previous year"):
        return year_value(today.year - 1)
    if t == "next year":
        return year_value(today.year + 1)
    if t in ("this month",):
        return month_value(today.year, today.month)
    if t in ("last month", "previous month"):
        last = today.replace(day=1) - dt.timedelta(days=1)
        return month_value(last.year, last.month)
    if m := re.fullmatch(_MONTH, t):
        month = MONTHS[m.group(1)]
        year = today.year if month <= today.month else today.year - 1
        return month_value(year, month)
    if m := re.fullmatch(rf"{_MONTH} (\d{{1,2}})(?:st|nd|rd|th)?|(\d{{1,2}})(?:st|nd|rd|th)? {_MONTH}", t):
        month = MONTHS[m.group(1) or m.group(4)]
        day = _safe_day(today.year, month, int(m.group(2) or m.group(3)))
        return day_value(day) if day else None
    weekdays = [d.lower() for d in calendar.day_name]
    if t in weekdays:
        back = (today.weekday() - weekdays.index(t)) % 7
        return day_value(today - dt.timedelta(days=back))
    return None


_STRETCH = re.compile(r"(?:over |in |during |within )?(?:the )?(?P<way>last|past|next|coming) "
                      r"(?:(?P<count>[a-z0-9 ]+?) )?(?P<unit>years?|decades?|months?|weeks?)")


def _stretch(t: str, today: dt.date, year_only: bool) -> DateValue | None:
    """"The past 20 years" (from 1 January twenty years back to the document date), "over the last decade",
    "the past year", "the next three years", "in the next six months". In a text dated only by its year the
    past N years end with that year and count it ("the past two years" of a 2010 speech are 2009-2010), the
    past year is that year, the next years start after it; its months cannot be placed."""
    found = _STRETCH.fullmatch(t)
    if found is None:
        return None
    if found.group("unit").startswith("week"):
        return _weeks(found, today, year_only)
    if found.group("count") is None and found.group("unit") in ("year", "month"):
        if found.group("way") == "past" and found.group("unit") == "year":
            # "over the past year": in a September speech that year, in a dated text the year before
            return year_value(today.year if year_only else today.year - 1)
        return None  # "last year", "next month": a calendar year or month (`_relative`)
    if found.group("count") is None and found.group("unit").endswith("s"):
        return None  # "the coming decades": no length to place
    words = (found.group("count") or "one").strip()
    count = _NUMBER_WORDS.get(words) or (int(words) if words.isdigit() else 1 if words in ("one", "a") else None)
    unit = found.group("unit").rstrip("s")
    if count is None or (unit == "month" and year_only):
        return None
    years = count * 10 if unit == "decade" else count
    if found.group("way") in ("next", "coming"):
        if unit == "month":
            end = _month_end(today.year + (today.month + count - 1) // 12, (today.month + count - 1) % 12 + 1)
            return DateValue(today.isoformat(), today, _safe_day(end.year, end.month, today.day) or end)
        if year_only:
            after = dt.date(today.year + 1, 1, 1)
            return DateValue(f"{after.year:04d}", after, dt.date(today.year + years, 12, 31))
        return DateValue(today.isoformat(), today, _safe_day(today.year + years, today.month, today.day) or today)
    if unit == "month":
        return None
    if year_only:
        first = today.year - years + (unit == "year")
        return DateValue(f"{first:04d}", dt.date(first, 1, 1), dt.date(today.year, 12, 31))
    return DateValue(f"{today.year - years:04d}", dt.date(today.year - years, 1, 1), today)


def _weeks(found: re.Match[str], today: dt.date, year_only: bool) -> DateValue | None:
    """"In the past two weeks" are the fourteen days to the document date, "the next two weeks" the fourteen
    after it; "last week" alone is the calendar week before (`_relative`); a speech has no weeks to count."""
    words = (found.group("count") or "one").strip()
    count = _NUMBER_WORDS.get(words) or (int(words) if words.isdigit() else 1 if words in ("one", "a") else None)
    if year_only or count is None or (found.group("count") is None and found.group("unit") == "weeks"):
        return None
    if found.group("way") in ("next", "coming"):
        return DateValue(today.isoformat(), today, today + dt.timedelta(days=7 * count))
    start = today - dt.timedelta(days=7 * count)
    return DateValue(start.isoformat(), start, today)


def _week_before(today: dt.date) -> DateValue:
    """"Last week": Monday to Sunday of the calendar week before the document's."""
    monday = today - dt.timedelta(days=today.weekday() + 7)
    return DateValue(monday.isoformat(), monday, monday + dt.timedelta(days=6))


def _shift_years(value: DateValue, years: int) -> DateValue:
    """The same span `years` later; 29 February becomes the 28th in a year without one."""
    start = _safe_day(value.start.year + years, value.start.month, value.start.day) or \
        _month_end(value.start.year + years, value.start.month)
    end = _safe_day(value.end.year + years, value.end.month, value.end.day) or \
        _month_end(value.end.year + years, value.end.month)
    precision = len(value.value)
    return DateValue(start.isoformat()[:precision], start, end)


def _month_of_speech(t: str, today: dt.date | None) -> DateValue | None:
    """A month named alone in a text dated only by its year is read as of the General Debate, in late
    September: "since February" is that year's February, "last November" the year before's."""
    found = re.fullmatch(rf"(?:last )?{_MONTH}", t)
    if found is None or today is None:
        return None
    month = MONTHS[found.group(1)]
    return month_value(today.year if month <= 9 and not t.startswith("last ") else today.year - 1, month)


def is_year_only(doc: Doc) -> bool:
    """The document is dated only by its year ("2009" for a UN speech): its date is that year's first day."""
    label = doc._.mp_date_label
    return isinstance(label, str) and len(label) == 4


class DateFinder:
    """The `multipolar_dates` component: DATE entities, normalised in reading order."""

    def __call__(self, doc: Doc) -> Doc:
        today: dt.date | None = doc._.mp_date
        year_only = is_year_only(doc)
        found: list[FoundDate] = []
        previous: DateValue | None = None
        for start, end in _date_spans(doc):
            text = doc[start:end].text
            value = normalise(text, today, previous, year_only)
            if value is None:
                continue
            before = doc[max(0, start - 5) : start].text.lower()
            if re.fullmatch(r"\d{4}", text) and re.search(r"(?:fiscal year|\bfy)\W*$", before):
                value = fiscal_year(int(text))  # "In Fiscal Year (FY) 2021", which spaCy cuts in two
            found.append(FoundDate(start, end, text, value))
            if not re.search(r"same period|year before", text.lower()):
                previous = value
        doc._.mp_dates = found
        return doc


_FISCAL_YEAR_WORD = re.compile(r"FY'?(?:\d{4}|\d{2})")
_YEAR_WORD = re.compile(r"(?:19|20)\d\d")


def _date_spans(doc: Doc) -> list[tuple[int, int]]:
    """The DATE entities and the fiscal years spaCy does not tag ("the FY2022 request"), in reading order.

    Each distinct word is tested once, read from one array of word ids, not from a `Token` for every
    token: two passes over every token of the document were most of the date finder's time."""
    spans = [(e.start, e.end) for e in doc.ents if e.label_ == "DATE"]
    taken = {k for start, end in spans for k in range(start, end)}
    strings = doc.vocab.strings
    orths = doc.to_array(ORTH).tolist() if len(doc) else []
    distinct = set(orths)
    fiscal = {orth for orth in distinct if _FISCAL_YEAR_WORD.fullmatch(strings[orth])}
    years = {orth for orth in distinct if _YEAR_WORD.fullmatch(strings[orth])}
    spans += [(i, i + 1) for i, orth in enumerate(orths) if orth in fiscal and i not in taken]
    spans += [(i, i + 1) for i, orth in enumerate(orths)
              if orth in years and i not in taken and after_fiscal_year(doc[i])]
    return sorted(spans)


def after_fiscal_year(token: Token) -> bool:
    """"2024" of "in fiscal year (FY) 2024 bilateral assistance", which spaCy may tag as a number: a year."""
    if not _YEAR_WORD.fullmatch(token.text):
        return False
    before = token.doc[max(0, token.i - 5) : token.i].text.lower()
    return re.search(r"(?:fiscal year|\bfy)\W*$", before) is not None


def date_in(found: list[FoundDate], start: int, end: int) -> FoundDate | None:
    """The first date expression inside tokens [start, end)."""
    return next((d for d in found if start <= d.start and d.end <= end), None)
