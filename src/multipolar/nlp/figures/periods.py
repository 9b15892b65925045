"""Times a figure is given for that spaCy does not tag as dates: a U.S. administration ("during the Biden
Administration", "since the beginning of the Biden-Harris Administration").

Why apart from `nlp.dates`: an event is dated by the day it happens, a figure by the stretch it covers, and
an administration is a stretch (the president's term, to the document date while it runs). The terms are
the gazetteer's (`data/gazetteer/people_leaders.tsv`), not a second list.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from multipolar.data_files import data_lines
from multipolar.nlp.dates import DateValue, FoundDate, is_year_only
from multipolar.nlp.figures.words import words


@dataclass(frozen=True)
class Term:
    """One president's term of office: from its first day to its last (None while it runs)."""

    names: frozenset[str]
    start: dt.date
    end: dt.date | None


@cache
def presidents() -> tuple[Term, ...]:
    """The U.S. presidents' terms, by the names the gazetteer knows them by (lower case)."""
    lines = data_lines("gazetteer/people_leaders.tsv")
    header = lines[0].split("\t")
    terms = []
    for line in lines[1:]:
        row = dict(zip(header, line.split("\t"), strict=False))
        if row.get("country") != "USA" or row.get("role") != "president":
            continue
        names = frozenset(n.strip().lower() for n in row.get("names", "").split("|") if n.strip())
        end = row.get("end", "").strip()
        terms.append(Term(names, dt.date.fromisoformat(row["start"]), dt.date.fromisoformat(end) if end else None))
    return tuple(terms)


def administration_dates(doc: Doc, taken: list[FoundDate]) -> list[FoundDate]:
    """"The Biden Administration", "the Biden-Harris Administration", "the Trump administration" as the
    term of that president the document date falls in (else the last one before it), ending on the
    document date while it runs; not the administration as a doer ("since the Biden Administration restored
    funding" dates the restoring), nor where another date already covers the words."""
    today: dt.date | None = doc._.mp_date
    covered = {k for d in taken for k in range(d.start, d.end)}
    found = []
    for token in doc:
        if token.lower_ != "administration" or token.i in covered or token.dep_ in ("nsubj", "nsubjpass"):
            continue
        first = _first_name(token)
        term = _term(first.text.lower(), today) if first is not None else None
        if first is None or term is None:
            continue
        end = term.end if term.end is not None and (today is None or term.end <= today) else today or term.start
        start = first.i - (first.i > 0 and first.nbor(-1).lower_ == "the")
        found.append(FoundDate(start, token.i + 1, doc[start : token.i + 1].text,
                               DateValue(term.start.isoformat(), term.start, max(end, term.start))))
    return found


def _first_name(token: Token) -> Token | None:
    """The first surname of the names before "Administration" ("Biden" of "Biden-Harris Administration")."""
    names: list[Token] = []
    at = token.i - 1
    while at >= 0 and (token.doc[at].pos_ == "PROPN" or (token.doc[at].text in ("-", "–") and names)):
        names.insert(0, token.doc[at])
        at -= 1
    names = [t for t in names if t.pos_ == "PROPN"]
    return names[0] if names else None


def _term(name: str, today: dt.date | None) -> Term | None:
    terms = [t for t in presidents() if name in t.names]
    if today is not None:
        running = [t for t in terms if t.start <= today and (t.end is None or today < t.end)]
        earlier = [t for t in terms if t.start <= today]
        terms = running or earlier
    return max(terms, key=lambda t: t.start) if terms else None


def so_far_dates(doc: Doc, taken: list[FoundDate]) -> list[FoundDate]:
    """"To date", "so far", "thus far" (the words in `words.tsv` list `so_far`) as a stretch that ends on the
    document date and whose start the text leaves open ("So far, member states have reported freezing over
    $30 billion"). Not in a text dated only by its year, which has no day to end on, nor where a date follows
    ("so far this year" is that year, read by `_bounded`)."""
    today: dt.date | None = doc._.mp_date
    if today is None or is_year_only(doc):
        return []
    covered = {k for d in taken for k in range(d.start, d.end)}
    openers = words("so_far")
    found = []
    for token in doc[:-1]:
        pair = f"{token.lower_} {token.nbor().lower_}"
        if pair not in openers or token.i in covered or token.i + 1 in covered or token.i + 2 in covered:
            continue
        found.append(FoundDate(token.i, token.i + 2, doc[token.i : token.i + 2].text,
                               DateValue(today.isoformat(), today, today)))
    return found


def is_so_far(found: FoundDate) -> bool:
    """A date `so_far_dates` made: the end is the document date, the start is left open."""
    return " ".join(found.text.lower().split()) in words("so_far")
