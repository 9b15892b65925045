"""Who speaks in a transcript: the turn labels that open its paragraphs ("MS. JEAN-PIERRE:", "PRIME MINISTER
KISHIDA:", "Q"), read once per document.

Inside a turn, the speaker's "I" is the one the label names (not the document's voice), and an office the
turn names without a holder ("As the President said") is that office in the speaker's country. A label
names a person through actor resolution ("PRIME MINISTER KISHIDA") or through the surname of someone the
text names in full ("SECRETARY DANTES" after "Foreign Affairs Secretary Marisol Dantes"). A reporter's
turn ("Q") names no one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from multipolar.nlp.actors import agents as actors_agents
from multipolar.nlp.quotes.actors import Described, describe_phrase, document_country, government_country
from multipolar.nlp.quotes.find import speaker_country
from multipolar.nlp.spans import text_of

if TYPE_CHECKING:
    from multipolar.nlp.quotes.speakers import Attribution

_CAPS = "A-ZÀ-ÖØ-Þ"
_WORD = rf"[{_CAPS}][{_CAPS}.'’-]*"
_LABEL = re.compile(rf"(?m)^[ \t*]*(?:(Q)[:.]?[ \t]+|((?:{_WORD}[ \t]+){{0,5}}[{_CAPS}][{_CAPS}'’-]*[{_CAPS}])[ \t]*:)")
_NOT_LABELS = frozenset({"NOTE", "UPDATE", "EDITOR", "CORRECTION", "WARNING", "SOURCE", "SOURCES", "TRANSCRIPT"})


@dataclass(frozen=True)
class Turn:
    """One speaker's turn: its characters, and who its label names (None for a reporter or no one known)."""

    start: int
    end: int
    speaker: Described | None
    questioner: bool


def _labels(text: str) -> list[re.Match[str]]:
    return [m for m in _LABEL.finditer(text) if (m.group(1) or m.group(2).split()[-1]) not in _NOT_LABELS]


def label_ranges(text: str) -> list[tuple[int, int]]:
    """The characters of each turn label ("Q", "MS. BEDINGFIELD:"): a label is who speaks next, no one the
    words of a turn point back to."""
    return [(m.start(1) if m.group(1) else m.start(2), m.end()) for m in _labels(text)]


def transcript_turns(att: Attribution) -> list[Turn]:
    """The turns of a transcript, in order; none when the text has no labels (or only one that names no one)."""
    text = text_of(att.doc)
    labels = _labels(text)
    found: list[Turn] = []
    for index, match in enumerate(labels):
        end = labels[index + 1].start() if index + 1 < len(labels) else len(text)
        questioner = match.group(1) is not None
        speaker = None if questioner else _label_speaker(att, match.start(2), match.end(2))
        found.append(Turn(match.start(), end, speaker, questioner))
    if len(found) == 1 and found[0].speaker is None:
        return []
    return found


def turn_at(turns: list[Turn], char: int) -> Turn | None:
    return next((t for t in turns if t.start <= char < t.end), None)


def home_countries(att: Attribution, token: Token) -> list[str]:
    """The states an office named without its holder may belong to, first first: the transcript speaker's
    alone; else, in a transcript, the state it speaks for (a White House briefing's "the President" is the
    United States' however often it names the Kremlin); then the one whose government the document names most,
    then the document's, then the state the document speaks for though it never says "we" outside quotations
    (a speech's "the President" may be the one it answers)."""
    turn = turn_at(att.turns, token.idx)
    if turn is not None and turn.speaker is not None and turn.speaker.country:
        return [turn.speaker.country]
    briefing = att.voice_state if att.labels else None
    voice = att.doc._.mp_voice
    return list(dict.fromkeys(c for c in (briefing, government_country(att), document_country(att), voice) if c))


def _label_speaker(att: Attribution, start: int, end: int) -> Described | None:
    """The person a label names: an actor mention inside it, else the holder of the office it is, else the person
    named in full with its surname."""
    span = att.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    people = [m for m in att.mentions if span.start <= m.start and m.end <= span.end and m.actors[0].kind == "person"]
    if people:
        return describe_phrase(att, people[0].start, people[0].end, mention=people[0])
    office = _office_label(att, span)
    if office is not None:
        return office
    surname = span[-1].lower_
    named = [r for r in sorted(att.referents + att.set_aside, key=lambda r: r.start)
             if r.kind == "person" and r.target is None and not
             (span.start <= r.start < span.end) and r.end - r.start > 1 and
             (r.described.text or "").lower().split()[-1:] == [surname]]
    return named[0].described if named else None


def _office_label(att: Attribution, span: Span) -> Described | None:
    """"THE VICE PRESIDENT:": a label that is an office alone is its holder on the date, in the state whose
    government the document speaks for (else the one it speaks for or names most)."""
    resolver = att.resolver
    words = [t.text for t in span if t.lower_ != "the"]
    hit = att.gazetteer.agent_at([w.lower() for w in words], 0) if att.gazetteer is not None and words else None
    if resolver is None or hit is None or hit[1] != len(words) or not hit[0].role:
        return None
    day = att.doc._.mp_date
    for country in dict.fromkeys(c for c in (government_country(att), document_country(att)) if c):
        code = actors_agents.office_holder(resolver, country, hit[0].role, day)
        if code is not None:
            ref = resolver.ref(code, day)
            return Described(span.text, ref, speaker_country(ref), ref.role, span.start, span.end, "person", True)
    return None
