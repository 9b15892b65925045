"""The contract between multipolar's spaCy components: the `doc._.mp_*` extensions each one fills and
the others read, the actor types they hold (`ActorRef`, `ActorMention`: every component reads them), and
helpers every component may use. A component imports this, never the pipeline or another component's
internals."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc


@dataclass(frozen=True)
class ActorRef:
    """An actor as resolved on the document's date, and where that resolution came from."""

    code: str
    name: str
    kind: str
    country: str | None
    role: str | None
    office: str | None = None
    """The office held on the date ("prime_minister"; "former_prime_minister" for a former holder)."""
    origin: str = "gazetteer"
    """gazetteer (our curated tables), knowledge_base, document (learned from the text), user_file, rule."""
    origin_id: str | None = None
    """The id where it came from: a Wikidata QID, a Party Facts or UCDP id, a GeoNames id, a user file."""
    title: str | None = None
    """The office as titled on the date ("Minister of Foreign Affairs", "former President")."""
    category: str | None = None
    """Finer than `kind`: party, armed group, university, city, region, historical state, de facto state."""
    start: dt.date | None = None
    """When it came into being (historical states, parties), if known."""
    end: dt.date | None = None
    successors: tuple[str, ...] = ()

    @property
    def state_code(self) -> str:
        """The state or organisation the actor acts for: "xi-jinping" -> "CHN"; a city -> its state; an organ
        of an organisation -> the organisation (the European Commission -> "EU")."""
        if self.kind in ("person", "organization", "other", "igo") and self.country:
            return self.country
        return self.code

    def with_role(self, role: str | None, office: str | None = None, title: str | None = None) -> ActorRef:
        return dataclasses.replace(self, role=role, office=office, title=title)


@dataclass(frozen=True)
class ActorMention:
    """Tokens [start, end) that refer to one or more actors."""

    start: int
    end: int
    actors: tuple[ActorRef, ...]
    how: str


DOC_EXTENSIONS: dict[str, Any] = {
    "mp_date": None,         # the document date (datetime.date) that dates and offices resolve against
    "mp_voice": None,        # the actor the document speaks for (its "we"), as given with the input
    "mp_title": None,        # the document's title, as given with the input ("Joint Statement of ...")
    "mp_date_label": None,   # the document date as precise as it is known: "2022-09-20", or "2022"
    "mp_mentions": None,     # list[ActorMention]
    "mp_unresolved": None,   # list[Span]
    "mp_places": None,       # list[ActorMention]: cities and regions named as where something happened
    "mp_offices": None,      # list[ActorMention]: "the President" of a one-voice text (readouts), for events only
    "mp_events": None,       # list[CodedEvent]
    "mp_quantities": None,   # list[FoundQuantity]
    "mp_quotes": None,       # list[FoundQuote]
    "mp_dates": None,        # list[FoundDate]
    "mp_claims": None,       # list[FoundClaim]
}

for _name, _default in DOC_EXTENSIONS.items():
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


_TEXT_KEY = "multipolar.text"


def text_of(doc: Doc) -> str:
    """`doc.text`, joined once: spaCy joins every token anew on each read, which made components that
    read it per quotation or per mention quadratic in the document's length."""
    cached = doc.user_data.get(_TEXT_KEY)
    if isinstance(cached, str) and len(doc) and len(cached) == doc[-1].idx + len(doc[-1].text_with_ws):
        return cached
    text = doc.text
    doc.user_data[_TEXT_KEY] = text
    return text


# ---- quotation marks (every component skips or reads what is quoted) ------------------------------

_OPENERS = "“„«"
_MAX_QUOTE_CHARS = 2500


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
        elif mark in _OPENERS:
            if opened is not None and _opens_line(text, at):
                ranges.append((opened, text.rfind("\n", opened, at)))  # a piece of a quote over paragraphs
                opened = None
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


def _opens_line(text: str, at: int) -> bool:
    line_start = text.rfind("\n", 0, at) + 1
    return line_start > 0 and not text[line_start:at].strip(" \t*")


def _closes_later(text: str, at: int) -> bool:
    """An open curly quote runs on past a paragraph break when the next paragraph closes it first."""
    following = text[at : at + _MAX_QUOTE_CHARS]
    close, reopen = following.find("”"), following.find("“")
    next_break = following.find("\n\n", 2)
    if close < 0:
        return False
    return (reopen < 0 or close < reopen) and (next_break < 0 or close < next_break)
