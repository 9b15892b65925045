"""Which currency a sum is in, read for its speaker: "pesos" of a Mexican speaker are MXN, of a Colombian COP;
"A$", "NZ$", "R$" name their dollar or real; the "$" of an Australian speaker is AUD for Australia's own
figures ("our $3.5-billion package") and USD for the world's ("$13.6 trillion" of the G-20).

Why apart from `amounts`: the number and its scale are in the figure's words, but an ambiguous currency name
is resolved by who speaks and whose figure it is, which only the reading of the clause knows. The names are
data: `data/currency/names.tsv`.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span

from multipolar.data_files import data_lines
from multipolar.nlp.figures.syntax import clause_tokens
from multipolar.nlp.first_person import first_person_words

_ANY = "*"
_US = re.compile(r"\bus\$|\busd\b|\bu\.s\. dollars?\b|\bus dollars?\b|\bunited states dollars?\b")
_FIRST_PERSON = first_person_words("owning")


@cache
def _names() -> dict[tuple[str, str], tuple[str, bool]]:
    """(who, name) -> (ISO code, only for the speaker's own figures)."""
    table = {}
    for line in data_lines("currency/names.tsv")[1:]:
        who, name, code, reading = [*line.split("\t"), ""][:4]
        table[(who, name)] = (code, reading.strip() == "own")
    return table


@cache
def _dollar_adjectives() -> frozenset[str]:
    """"Canadian", "Australian": adjectives that name a dollar ("$1.21 billion Canadian")."""
    return frozenset(name.removesuffix(" dollar") for _, name in _names() if name.endswith(" dollar"))


def currency_of(span: Span, unit: str | None, voice: str | None, parties: tuple[str, ...]) -> str | None:
    """The ISO code of a sum's currency: what its words name, for this speaker; else the unit read so far."""
    text = span.text.lower()
    doc = span.doc
    following = doc[span.end].lower_ if span.end < len(doc) else ""
    then = doc[span.end + 1] if span.end + 1 < len(doc) else None
    if following in _dollar_adjectives() and (then is None or then.pos_ not in ("NOUN", "PROPN", "ADJ")):
        return _names()[(_ANY, f"{following} dollar")][0]  # "$1.21 billion Canadian"
    if _US.search(text):
        return "USD"
    table = _names()
    for name in _named(text):
        for who in (voice or "", _ANY):
            entry = table.get((who, name))
            if entry is not None and (not entry[1] or _own(span, voice, parties)):
                return entry[0]
    return unit


def currency_word(word: str) -> str | None:
    """The code any speaker means by a currency word written after a number ("300 million pesos"): "" for a
    name whose code depends on the speaker, None for a word that is no currency."""
    word = word.lower()
    if not any(name == word for _, name in _names()):
        return None
    return _names().get((_ANY, word), ("", False))[0]


def _named(text: str) -> list[str]:
    """The currency names and symbols in a figure's words, the longest first ("cfa francs" before "francs",
    "nz$" before "$")."""
    found = [name for name in {name for _, name in _names()} if _mentions(text, name)]
    return sorted(found, key=lambda name: (-len(name), name))


def _mentions(text: str, name: str) -> bool:
    before = r"(?<![a-z])" if name[0].isalpha() else ""
    after = r"(?![a-z])" if name[-1].isalpha() else ""
    return re.search(before + re.escape(name) + after, text) is not None


def _own(span: Span, voice: str | None, parties: tuple[str, ...]) -> bool:
    """The figure is the speaker's state's own: its clause names that state alone, or speaks as "we"/"our"."""
    if voice is None or any(p != voice for p in parties):
        return False
    return voice in parties or any(t.lower_ in _FIRST_PERSON for t in clause_tokens(span))
