"""Quotations and their speakers: a spaCy component.

Direct quotations in straight or curly marks (a quote left open closes at the end of its paragraph, or
runs on into the next one when that paragraph closes it); unquoted speech after "said:"; speakers
from a speech verb's subject in the same sentence, "according to X", or the sentence before or after.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from multipolar.actors import ActorMention, ActorRef

OPENERS = "“„«"
CLOSERS = "”»"
SPEECH_VERBS = frozenset({
    "say", "tell", "state", "describe", "explain", "add", "note", "write", "declare", "stress",
    "emphasize", "emphasise", "warn", "insist", "argue", "claim", "call", "ask", "announce", "remark",
    "reply", "respond", "answer", "comment", "observe", "assert", "recall", "remind", "affirm", "urge",
})
_MAX_QUOTE_CHARS = 2500
_SPEAKER_PRIORITY = {"person": 0, "organization": 1, "igo": 2, "bloc": 2, "state": 3}


@dataclass(frozen=True)
class FoundQuote:
    """A quotation: its characters [start, end) (without marks) and who said it."""

    start: int
    end: int
    text: str
    speaker: str | None
    speaker_actor: ActorRef | None
    direct: bool
    sentence: int


def quoted_char_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks, tolerating marks left open or closed alone."""
    ranges: list[tuple[int, int]] = []
    opened: int | None = None
    straight_open: int | None = None
    for match in re.finditer(r"[“”„«»\"]|\n\s*\n", text):
        mark, at = match.group(), match.start()
        if mark.strip() == "":
            if opened is not None and not _closes_later(text, at):
                ranges.append((opened, at))
                opened = None
            straight_open = None
            continue
        if mark == '"':
            if straight_open is None:
                straight_open = at + 1
            else:
                ranges.append((straight_open, at))
                straight_open = None
        elif mark in OPENERS:
            if opened is None:
                opened = at + 1
        elif opened is not None:
            ranges.append((opened, at))
            opened = None
        else:
            paragraph_start = text.rfind("\n", 0, at) + 1
            if at - paragraph_start > 20 and not any(a <= at <= b for a, b in ranges):
                ranges.append((paragraph_start, at))
    if opened is not None:
        ranges.append((opened, len(text)))
    return [(a, b) for a, b in ranges if b > a and b - a <= _MAX_QUOTE_CHARS]


def _closes_later(text: str, at: int) -> bool:
    """An open curly quote runs on past a paragraph break when the next paragraph closes it first."""
    following = text[at : at + _MAX_QUOTE_CHARS]
    close, reopen = following.find("”"), following.find("“")
    next_break = following.find("\n\n", 2)
    if close < 0:
        return False
    return (reopen < 0 or close < reopen) and (next_break < 0 or close < next_break)


def _is_title(text: str) -> bool:
    """"Third Belt and Road Forum": a name in quotation marks, not something said."""
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    if not words or (re.search(r"[.!?]\W*$", text.strip()) and len(words) > 3):
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return len(words) >= 2 and capitalised / len(words) >= 0.6


class QuoteFinder:
    """The `multipolar_quotes` component."""

    def __call__(self, doc: Doc) -> Doc:
        mentions = doc._.mp_mentions or []
        sentences = list(doc.sents)
        found: list[FoundQuote] = []
        for start, end in quoted_char_ranges(doc.text):
            raw = doc.text[start:end]
            text = raw.strip()
            if len(text.split()) < 2 or _is_title(text):
                continue
            offset = start + (len(raw) - len(raw.lstrip()))
            index = _sentence_index(sentences, offset)
            speaker, actor = self._speaker(doc, sentences, index, offset, offset + len(text), mentions)
            found.append(FoundQuote(offset, offset + len(text), text, speaker, actor, True, index))
        found.extend(self._unquoted(doc, sentences, mentions, found))
        doc._.mp_quotes = sorted(found, key=lambda q: q.start)
        return doc

    def _speaker(
        self, doc: Doc, sentences: list[Span], index: int, start: int, end: int, mentions: list[ActorMention]
    ) -> tuple[str | None, ActorRef | None]:
        order = [index, index + 1, index - 1]
        last = _sentence_index(sentences, max(start, end - 1))
        if last != index:
            order.insert(1, last)
        for k in order:
            if not 0 <= k < len(sentences):
                continue
            outside = [t for t in sentences[k] if not start <= t.idx < end]
            for token in sorted(outside, key=lambda t: min(abs(t.idx - start), abs(t.idx - end))):
                speaker = self._speaker_of(token, mentions)
                if speaker is not None:
                    return speaker
        return None, None

    def _speaker_of(self, token: Token, mentions: list[ActorMention]) -> tuple[str, ActorRef | None] | None:
        if token.lower_ == "according" and token.nbor(1).lower_ == "to":
            objects = [c for c in token.nbor(1).children if c.dep_ == "pobj"]
            return _named(objects[0], mentions) if objects else None
        if token.lemma_.lower() not in SPEECH_VERBS or token.pos_ not in ("VERB", "AUX"):
            return None
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects and token.dep_ == "conj":
            subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
        if not subjects or subjects[0].lower_ in ("it", "this", "that", "which", "they", "we", "i", "you"):
            return None
        if subjects[0].lower_ in ("he", "she"):
            return _last_person(subjects[0], mentions)
        return _named(subjects[0], mentions)

    def _unquoted(
        self, doc: Doc, sentences: list[Span], mentions: list[ActorMention], quoted: list[FoundQuote]
    ) -> list[FoundQuote]:
        """Reported speech without marks: "X said: ..." up to the end of the paragraph."""
        found = []
        for match in re.finditer(r"\b(?:said|says|stated|states|added|wrote|declared|asked):\s+(?=[^“\"\s])",
                                 doc.text):
            start = match.end()
            stop = doc.text.find("\n", start)
            stop = len(doc.text) if stop < 0 else stop
            text = doc.text[start:stop].rstrip()
            if len(text.split()) < 3 or any(q.start <= start < q.end for q in quoted):
                continue
            index = _sentence_index(sentences, match.start())
            verb = next((t for t in sentences[index] if t.idx == match.start()), None)
            named = self._speaker_of(verb, mentions) if verb is not None else None
            speaker, actor = named if named else (None, None)
            found.append(FoundQuote(start, start + len(text), text, speaker, actor, False, index))
        return found


def _last_person(pronoun: Token, mentions: list[ActorMention]) -> tuple[str, ActorRef | None] | None:
    """"he said": the last person named within the two sentences before the pronoun."""
    doc = pronoun.doc
    floor = doc[max(0, pronoun.sent.start - 1)].sent.start
    people = [m for m in mentions if floor <= m.start < pronoun.i and m.actors[0].kind == "person"]
    if not people:
        return None
    last = people[-1]
    return doc[last.start : last.end].text, last.actors[0]


def _named(token: Token, mentions: list[ActorMention]) -> tuple[str, ActorRef | None]:
    """The speaker a subject names: the most specific actor in its phrase (a person over a state)."""
    subtree = [t.i for t in token.subtree]
    lo, hi = min(subtree), max(subtree) + 1
    inside = [m for m in mentions if lo <= m.start and m.end <= hi]
    if inside:
        best = min(inside, key=lambda m: (_SPEAKER_PRIORITY.get(m.actors[0].kind, 4), m.start))
        doc = token.doc
        if best.actors[0].kind == "person":
            return doc[best.start : best.end].text, best.actors[0]
        chunk = next((c for c in doc.noun_chunks if c.start <= token.i < c.end), None)
        label = chunk.text if chunk is not None else token.text
        return label, best.actors[0]
    chunk = next((c for c in token.doc.noun_chunks if c.start <= token.i < c.end), None)
    return (chunk.text if chunk is not None else token.text), None


def _sentence_index(sentences: list[Span], char: int) -> int:
    for index, sent in enumerate(sentences):
        if sent.start_char <= char < sent.end_char:
            return index
    return max(0, len(sentences) - 1)
