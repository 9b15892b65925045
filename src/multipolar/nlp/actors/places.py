"""Places written in another spelling than the knowledge base's: "Mykolaiv" for GeoNames' "Mykolayiv",
"Khan Younis" for "Khan Yunis", "Hargeisa" for "Hargeysa". News spells a city as its readers know it, and
GeoNames keeps only one romanisation for most cities; one letter apart is the usual difference.

Only a name the tagger sees as an entity that nothing else resolved is looked at, only places of the
knowledge base one edit away (a letter added, dropped, changed or two swapped, never the first letter),
and only when all of them are in one state and the one meant is a large city. The small model often tags
such a city as a person or an organisation ("struck Mykolaiv" as PERSON): then not after a title ("Mr.")
nor as the surname of a person named in full.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Iterator
from functools import lru_cache
from typing import Protocol

from spacy.tokens import Doc

from multipolar.coding.kb import KnowledgeBase
from multipolar.data_files import word_list
from multipolar.nlp.actors.kb_names import HONORIFICS, KbMatcher
from multipolar.nlp.spans import ActorMention, ActorRef

_LABELS = frozenset({"GPE", "LOC"})
_OTHER_LABELS = frozenset({"PERSON", "ORG", "FAC"})
"""Tags the small model gives such a city. Not NORP: a people's or a language's name ("Catalan separatists")
is one edit from many towns (Catalão, in Brazil) and a respelling of none."""
_LARGE_CITY = 100_000
"""A name is taken for a city one edit away only if the city has this many people: news writes large
cities in several spellings, and small towns one edit from a common name are many."""
_SHORTEST = 6
"""Letters a name needs before one edit may be guessed: shorter names have too many neighbours."""
_LETTERS = string.ascii_lowercase
_NOT_PLACES = frozenset(w.lower() for w in word_list("gazetteer/not_actors.txt"))
"""Continents, seas and other names that are no actor (`not_actors.txt`), and so no town's spelling."""


class _Resolver(Protocol):
    kb: KbMatcher | None

    def kb_ref(self, number: int, day: dt.date | None) -> ActorRef: ...


def respelt_places(resolver: _Resolver, doc: Doc, words: list[str], mentions: list[ActorMention],
                   day: dt.date | None) -> list[ActorMention]:
    """Mentions of places the text spells one letter away from the knowledge base's one spelling."""
    if resolver.kb is None:
        return []
    covered = {k for m in mentions for k in range(m.start, m.end)}
    named = {t.lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    found = []
    for ent in doc.ents:
        if ent.label_ not in _LABELS | _OTHER_LABELS or len(ent) > 3 or \
                any(k in covered for k in range(ent.start, ent.end)):
            continue
        tokens = words[ent.start : ent.end]
        if ent.label_ not in _LABELS and ((ent.start > 0 and words[ent.start - 1] in HONORIFICS) or
                                          (len(ent) == 1 and ent.label_ == "PERSON" and ent[0].lower_ in named)):
            continue  # "Mr. Parris"; "Mworia added" after "Daniel Mworia": a person's surname
        number = _one_place(resolver.kb, tokens)
        if number is not None:
            found.append(ActorMention(ent.start, ent.end, (resolver.kb_ref(number, day),), "knowledge_base"))
    return found


def _one_place(kb: KbMatcher, tokens: list[str]) -> int | None:
    """The knowledge-base place one edit from these words, when every such place is in one state and the
    chosen one is a large city (a town of 16,000, "Americus", is no spelling of "the Americas")."""
    written = " ".join(tokens)
    if sum(ch.isalpha() for ch in written) < _SHORTEST or not all(t[:1].isupper() for t in tokens) or \
            not all(t.isalpha() for t in tokens) or kb.kb.lookup(tokens):
        return None
    if (len(tokens) == 1 and written.lower() in kb.kb.common_words) or written.lower() in _NOT_PLACES:
        return None  # "Africa" is not Arica
    if not _near_a_large_city(kb.kb, written.lower()):
        return None  # the usual case: the chosen place could not be a large city, so spare the look-ups
    places = {n for variant in _one_edit_away(written.lower()) for n in kb.kb.lookup(variant.split(" "))
              if kb.kb.kind(n) == "place"}
    if not places or len({kb.kb.entry(n).country for n in places}) != 1:
        return None
    chosen = kb.choose(sorted(places), None, set())
    if chosen is None or kb.kb.entry(chosen).weight < _LARGE_CITY:
        return None
    return chosen


def _near_a_large_city(kb: KnowledgeBase, written: str) -> bool:
    """Some large city's name may be one edit from `written`: two spellings one edit apart (after their first
    letter) share a spelling with one letter dropped, so this never says no wrongly, and it asks one set."""
    dropped = _large_city_spellings(kb)
    return written in dropped or any(written[:i] + written[i + 1:] in dropped for i in range(1, len(written)))


@lru_cache(maxsize=2)
def _large_city_spellings(kb: KnowledgeBase) -> frozenset[str]:
    """The names of large cities, each also with any one letter after the first dropped."""
    names = kb.place_names(_LARGE_CITY)
    return frozenset(names | {name[:i] + name[i + 1:] for name in names for i in range(1, len(name))})


def _one_edit_away(text: str) -> Iterator[str]:
    """Every spelling one edit from `text` that keeps its first letter and its spaces."""
    seen = {text}
    for i in range(1, len(text) + 1):
        candidates = []
        if i < len(text) and text[i] != " ":
            candidates.append(text[:i] + text[i + 1:])
            candidates += [text[:i] + ch + text[i + 1:] for ch in _LETTERS]
            if i + 1 < len(text) and text[i + 1] != " ":
                candidates.append(text[:i] + text[i + 1] + text[i] + text[i + 2:])
        candidates += [text[:i] + ch + text[i:] for ch in _LETTERS]
        for candidate in candidates:
            if candidate not in seen and "  " not in candidate and not candidate.endswith(" "):
                seen.add(candidate)
                yield candidate
