"""Forms of address to a meeting's chair ("Mr. President", "Madam President", "Excellencies,"), from one data
file (`data/chair_addresses.tsv`), so the voice reader and the quotation attributor read a chair the same way."""

from __future__ import annotations

import re
from functools import cache

from multipolar.data_files import word_table


@cache
def _words(kind: str) -> str:
    """The words of one kind as a regular-expression alternation, longest first."""
    words = sorted((w for w, k in word_table("chair_addresses.tsv").items() if k == kind), key=lambda w: -len(w))
    return "|".join(re.escape(w) for w in words)


@cache
def _chair() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_words('courtesy')})\.? President\b")


@cache
def _vocative() -> re.Pattern[str]:
    return re.compile(rf"(?:(?:{_words('courtesy')})\.?|{_words('salutation')})(?: [A-Z][\w-]*){{0,3}},")


def addresses_chair(text: str) -> bool:
    """A text that says "Mr. President" somewhere speaks to a chair (a UN speech), whose "the President" is the
    chair's."""
    return _chair().search(text) is not None


def only_addresses_chair(line: str) -> bool:
    """"Mr President,", "Excellencies,": a line that does nothing but address the chair or the room."""
    return _vocative().fullmatch(line) is not None
