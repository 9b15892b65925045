"""The actor a document speaks for (its voice: "USA" for White House statements, a UN speech's state): its
"we", "our Government", "my country" and, in its own words, "the Administration", outside quotations,
where the first person is someone else's.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from multipolar.nlp.spans import ActorMention, ActorRef, quoted_char_ranges, text_of

_FIRST_PERSON = frozenset({"we", "us", "i", "my", "our"})
_OWN_BODIES = frozenset({"country", "government", "delegation", "nation", "state", "people", "administration"})
_OWN_GOVERNMENT = frozenset({"administration", "government"})
"""Bodies that "the" makes the voice's own in its own words ("the Administration will", "the Government
has"), unless a country or place is named with them ("the Government of Nepal", taken before)."""


def first_person(doc: Doc, mentions: list[ActorMention], voice: ActorRef) -> list[ActorMention]:
    """Mentions of the voice: "We call on ...", "my country", "our Government", "the Administration"."""
    taken = {k for m in mentions for k in range(m.start, m.end)}
    quoted = quoted_char_ranges(text_of(doc))
    found = []
    for token in doc:
        lower = token.lower_
        if token.i in taken or any(start <= token.idx < end for start, end in quoted):
            continue
        end = _own_government(doc, token)
        if end is None and lower in _FIRST_PERSON and token.pos_ in ("PRON", "DET"):
            end = token.i + 1
            if lower in ("my", "our") and token.head.i == token.i + 1 and token.head.lemma_.lower() in _OWN_BODIES:
                end = token.i + 2  # "my country", "our Government": the whole phrase
            elif lower in ("my", "our"):
                continue  # "our concern", "my pleasure": not an actor
        if end is not None and not any(k in taken for k in range(token.i, end)):
            found.append(ActorMention(token.i, end, (voice,), "voice"))
    return found


def _own_government(doc: Doc, token: Token) -> int | None:
    """"the Administration", "this Administration", "the Government" with nothing naming whose: the end of
    the phrase, else None."""
    if token.lower_ not in ("the", "this") or token.i + 1 >= len(doc):
        return None
    noun = doc[token.i + 1]
    if noun.lower_ not in _OWN_GOVERNMENT or not noun.text[:1].isupper():
        return None
    following = doc[token.i + 2].lower_ if token.i + 2 < len(doc) else ""
    if following in ("of", "in", "’s", "'s", "-"):
        return None
    return token.i + 2
