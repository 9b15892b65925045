"""Titles written before a person's name (`data/gazetteer/titles.tsv`: "General", "Senator", "lawmaker"): the
sector each gives, the state a title alone places its holder in, and where a title ends before a name."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span

from multipolar.data_files import data_lines, word_list
from multipolar.nlp.spans import ActorMention


@cache
def _title_rows() -> list[tuple[tuple[str, ...], str, str]]:
    rows = [[*ln.split("\t"), ""][:3] for ln in data_lines("gazetteer/titles.tsv")][1:]  # after the header row
    return [(tuple(re.findall(r"[\w.-]+", title.lower().replace(" .", "."))), sector, country)
            for title, sector, country in rows]


@cache
def titles() -> dict[tuple[str, ...], str]:
    return {key: sector for key, sector, _ in _title_rows()}


@cache
def _title_countries() -> dict[tuple[str, ...], str]:
    """Titles only one state gives ("Pope": the Holy See's)."""
    return {key: country for key, _, country in _title_rows() if country}


def title_country(title: str) -> str | None:
    return _title_countries().get(tuple(re.findall(r"[\w.-]+", title.lower())))


def own_office(title: str) -> bool:
    """A title a government's own documents write bare for its own officials (`data/gazetteer/own_office_titles.txt`:
    "Deputy Secretary of State X", "Senator X" in a White House text)."""
    return " ".join(re.findall(r"[\w.-]+", title.lower())) in word_list("gazetteer/own_office_titles.txt")


def title_before(words: list[str], at: int) -> tuple[int, str] | None:
    """(start, sector) of a title ending just before `at` ("Lt. Gen.", "Deputy Secretary")."""
    table = titles()
    first = max(0, at - 4)
    lower = [w.lower() for w in words[first:at]]  # the four words before `at`, not the whole document's
    for size in range(4, 0, -1):
        start = at - size
        if start < 0:
            continue
        window = lower[start - first :]
        if window[0] in (".", "-") or any(not re.fullmatch(r"[\w.-]+", w) for w in window) or \
                (start > 0 and words[start - 1].endswith("-")):
            continue  # "minister, X": an apposition, not a title; "Egypt. Judge X": a title starts no sentence's end;
            # "Secretary-General X": "General" ends a hyphenated title, it is not one
        key = tuple(w for w in window if w != ".")
        written = " ".join(window).replace(" .", ".").replace(" - ", "-").replace("- ", "-")
        joined = tuple(re.findall(r"[\w.-]+", written))
        sector = table.get(key) or table.get(joined)
        if sector:
            return start, sector
    return None


_MISTAGGED_LABELS = frozenset({"ORG", "NORP", "GPE"})
_LONGEST_MISTAGGED = 3
"""Words of a name the tagger took for a body after a person's title ("Jordanian lawmaker Hadeel Masarweh")."""


def mistagged_person(words: list[str], ent: Span, covered: dict[int, ActorMention]) -> bool:
    """A name of two or three capitalised words that the tagger calls a body or a nationality but that a
    person's title (from `titles.tsv`) directly precedes and no table knows: a person ("lawmaker X Y",
    "spokesman X Y"). Not a name with an organisation's word ("Senator X Foundation") or a known body."""
    if ent.label_ not in _MISTAGGED_LABELS or not 2 <= len(ent) <= _LONGEST_MISTAGGED or \
            any(k in covered for k in range(ent.start, ent.end)):
        return False
    if any(not (t.text[:1].isupper() and t.text[1:].islower() and t.is_alpha) for t in ent) or \
            any(t.lower_ in person_name_stoppers() for t in ent):
        return False
    return title_before(words, ent.start) is not None


@cache
def person_name_stoppers() -> frozenset[str]:
    """Words that make a capitalised phrase a body's name, not a person's (lower case)."""
    return word_list("quotes/organisation_words.txt") | word_list("gazetteer/not_person_name_words.txt")
