"""Plural references to two states: "the two countries", "both nations", "the two leaders", "both parties".

They stand for the two signatories of a joint statement; "the two leaders" and "the two presidents" for the two
states whose people the text names most; else for the last two states named together ("Russia and China",
"Sino-Russian") within three sentences; else for the two states a document names most, when no third comes close.
One mention holds both, so an event coded on it is the dyad's.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

import numpy
from spacy.attrs import LOWER
from spacy.tokens import Doc, Span

from multipolar.nlp.spans import ActorMention, ActorRef

if TYPE_CHECKING:
    from multipolar.nlp.actors.resolve import ActorResolver

PLURAL_REFERENCE = re.compile(
    r"^(?:the two|both|these two|both the)\s+(?:countries|states|nations|sides|governments|powers|capitals|"
    r"neighbou?rs|leaders|partners|parties|presidents|delegations)$"
    r"|^(?:the )?leaders of (?:both|the two) (?:countries|states|nations)$",
    re.IGNORECASE,
)
_OPENERS = frozenset({"the", "both", "these", "leaders"})
"""The words `PLURAL_REFERENCE` can begin with."""
PLURAL_WORDS = frozenset({"two", "both"})
"""Words before a sector word that make it a plural reference ("the two leaders"), not a generic actor."""
_WINDOW = 3
"""Sentences back that a pair named together is looked for."""


def with_plural_references(resolver: ActorResolver, doc: Doc, mentions: list[ActorMention],
                           voices: tuple[ActorRef, ...]) -> list[ActorMention]:

    result = list(mentions)
    taken = {k for m in mentions for k in range(m.start, m.end)}
    for chunk in plural_candidates(doc):
        if any(k in taken for k in range(chunk.start, chunk.end)):
            continue
        pair = voices if len(voices) == 2 else _pair_meant(chunk, result, doc)
        if pair is not None:
            states = tuple(resolver.ref(ref.state_code, doc._.mp_date) if ref.state_code in resolver.gazetteer.actors
                           else ref for ref in pair)
            result.append(ActorMention(chunk.start, chunk.end, states, "coreference"))
    return result


_KEY_WORDS = ("two", "both")
"""Every `PLURAL_REFERENCE` holds one of these words."""


def _sentences_to_read(doc: Doc) -> list[Span]:
    """The sentences a candidate can lie in: one holding a token at most 3 before "two" or "both" (a chunk is
    read with up to 3 tokens after it). Reading only these spares building every noun chunk of the document."""
    if not len(doc):
        return []
    lower = doc.to_array(LOWER)
    at = numpy.flatnonzero(numpy.isin(lower, [doc.vocab.strings.add(w) for w in _KEY_WORDS])).tolist()
    if not at:
        return []
    sentences = list(doc.sents)
    starts = [s.start for s in sentences]
    wanted = {bisect_right(starts, k) - 1 for p in at for k in range(max(0, p - 3), p + 1)}
    return [sentences[k] for k in sorted(wanted)]


def plural_candidates(doc: Doc) -> list[Span]:
    found = []
    chunks_in = doc.noun_chunks_iterator  # type: ignore[attr-defined]  # (`span.noun_chunks` reads the doc's)
    chunks = [Span(doc, start, end, label=label) for sentence in _sentences_to_read(doc)
              for start, end, label in chunks_in(sentence)]
    for chunk in chunks:
        if doc[chunk.start].lower_ not in _OPENERS:
            continue  # the pattern's first word: most chunks are not worth reading
        if PLURAL_REFERENCE.match(chunk.text):
            found.append(chunk)
            continue
        extended = doc[chunk.start : min(len(doc), chunk.end + 3)]
        if PLURAL_REFERENCE.match(extended.text):
            found.append(extended)
    return found


def _pair_meant(chunk: Span, mentions: list[ActorMention], doc: Doc) -> tuple[ActorRef, ...] | None:
    """ "The two leaders" and "the two presidents" are people: the two whose states the text's people name most
    (a readout's "President Biden spoke with President Lula ... on Venezuela": Biden and Lula, not Brazil and
    Venezuela); failing that, and for every other plural, the states `_last_pair` finds."""
    if chunk[-1].lower_ in _PEOPLE_WORDS:
        people = [m for m in mentions if m.end <= chunk.start and len(m.actors) == 1
                  and m.actors[0].kind == "person" and (m.actors[0].country or "").isupper()]
        if (pair := _dominant_pair(people)) is not None:
            return pair
    return _last_pair(mentions, chunk.start, doc)


_PEOPLE_WORDS = frozenset({"leaders", "presidents"})
"""The plural references that stand for two people rather than two states."""


def _last_pair(mentions: list[ActorMention], before: int, doc: Doc) -> tuple[ActorRef, ...] | None:
    """The most recent two states named together ("Russia and China", "Sino-Russian"), within 3 sentences;
    failing that, the two states the window names most, then the two the document names most."""
    sentence_starts = [s.start for s in doc.sents]
    current = max((k for k, s in enumerate(sentence_starts) if s <= before), default=0)
    window_start = sentence_starts[max(0, current - _WINDOW)]
    named_things = [e for e in doc.ents if e.label_ in ("FAC", "EVENT", "WORK_OF_ART", "LAW")]
    states = [
        m for m in mentions
        if m.end <= before and m.actors[0].state_code.isupper()
        and len(m.actors) == 1 and not any(e.start <= m.start < e.end for e in named_things)
    ]
    near = [m for m in states if window_start <= m.start]
    for right in range(len(near) - 1, 0, -1):
        a, b = near[right - 1], near[right]
        gap = doc[a.end : b.start].text.strip().lower()
        codes = {a.actors[0].state_code, b.actors[0].state_code}
        if len(codes) == 2 and gap in ("and", "-", "–", "&", ",", "or", "and the", "nor"):
            return (a.actors[0], b.actors[0])
    return _dominant_pair(near) or _dominant_pair(states)


def _dominant_pair(states: list[ActorMention]) -> tuple[ActorRef, ...] | None:
    """The two states named most, if no third comes close; the only two named, however often ("Xi Jinping held
    talks with his Russian counterpart, and the two countries ...")."""
    counts: dict[str, int] = {}
    first: dict[str, ActorRef] = {}
    for mention in states:
        code = mention.actors[0].state_code
        counts[code] = counts.get(code, 0) + 1
        first.setdefault(code, mention.actors[0])
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if len(ranked) < 2 or (len(ranked) > 2 and (ranked[1][1] < 2 or ranked[2][1] >= ranked[1][1])):
        return None
    return (first[ranked[0][0]], first[ranked[1][0]])
