"""Datelines: "NEW DELHI, 7 May 2025 -", "WASHINGTON, June 6, 2024 --", "Brussels, 1 February 2024.".

Why: press releases and wire copy carry their date only there, so a plain-text file would go in undated and
drop out of every time series; and left in place, the place and date become part of the first sentence.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
_MONTH = r"(?P<{}>(?i:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r"))\.?"
_PLACE_WORD = r"[A-Z][\w'’.-]*"
_PLACE = rf"(?P<place>{_PLACE_WORD}(?:[ -]{_PLACE_WORD}){{0,3}}(?:,\s*{_PLACE_WORD}(?:[ .]{_PLACE_WORD}){{0,2}})?)"
_DATE = (
    rf"(?:(?P<d1>\d{{1,2}})\s+{_MONTH.format('m1')},?\s+(?P<y1>\d{{4}})"       # 7 May 2025
    rf"|{_MONTH.format('m2')}\s+(?P<d2>\d{{1,2}})(?:,\s*(?P<y2>\d{{4}}))?"      # June 6, 2024 / March 3
    r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2}))"                              # 2024-06-06
)
_AGENCY = r"(?:\((?i:Reuters|AP|AFP|Xinhua|TASS|dpa|ANI|PTI|IANS|Bloomberg|UPI|Anadolu|Yonhap|Kyodo)\)|/[^/\n]{2,30}/)"
_PLAUSIBLE_YEARS = (1800, 2200)
_END = r"\s*(?:[-–—]{1,2}|:|\.)\s+"
_DATELINE = re.compile(
    rf"\A\s*{_PLACE}\s*(?:(?:,|\s[-–—])\s*(?:{_DATE})\s*(?:{_AGENCY})?|{_AGENCY}){_END}"
)


@dataclass(frozen=True)
class Dateline:
    """A dateline found at the start of a text: where it ends, its place, and its date when it has a year."""

    end: int
    place: str
    date: dt.date | None


def find_dateline(text: str) -> Dateline | None:
    """The dateline that opens `text`, if any; a written day that does not exist is no dateline."""
    found = _DATELINE.match(text[:300])
    if found is None or not found.group("place")[:1].isupper():
        return None
    parts = found.groupdict()
    day: dt.date | None = None
    for d, m, y in (("d1", "m1", "y1"), ("d2", "m2", "y2"), ("d3", "m3", "y3")):
        if parts.get(m) is None:
            continue
        month = int(parts[m]) if parts[m].isdigit() else _MONTHS[parts[m].lower()]
        if parts.get(y) is None:
            break  # "GENEVA, March 3 (Reuters) -": a dateline, but no year to date the document by
        try:
            day = dt.date(int(parts[y]), month, int(parts[d]))
        except ValueError:
            return None
        if not _PLAUSIBLE_YEARS[0] <= day.year <= _PLAUSIBLE_YEARS[1]:
            return None
    return Dateline(found.end(), found.group("place"), day)


_HEADLINE = re.compile(r"\A[^\n]{1,200}\n\s*\n")
"""A first paragraph of one short line (a headline), after which a dateline may open the story."""


def without_dateline(text: str) -> tuple[str, dt.date | None]:
    """The text with its opening dateline removed (at the very start, or after a headline), and the
    dateline's date (None when it has none)."""
    for opening in (0, _headline_end(text)):
        if opening is None:
            continue
        dateline = find_dateline(text[opening:])
        if dateline is not None:
            return text[:opening] + text[opening + dateline.end:], dateline.date
    return text, None


def _headline_end(text: str) -> int | None:
    found = _HEADLINE.match(text)
    if found is None or re.search(r"[.!?]\s*$", found.group(0).strip()):
        return None
    return found.end()
