"""Frozen records passed between stages; each turns into contract JSON with `as_dict()`."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA = "multipolar.analysis/1"

Modality = Literal["asserted", "reported", "hypothetical", "intended"]
Qualifier = Literal["exact", "more_than", "less_than", "about"]
CheckStatus = Literal["consistent", "inconsistent", "unverifiable"]
DatePrecision = Literal["day", "month", "year"]
QuoteKind = Literal["full", "partial", "scare", "unquoted"]


def _plain(value: Any) -> Any:
    if isinstance(value, Record):
        return value.as_dict()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


class Record:
    """Mixin: a dataclass whose fields map one to one onto contract keys (a trailing `_` is dropped)."""

    def as_dict(self) -> dict[str, Any]:
        assert dataclasses.is_dataclass(self)
        return {f.name.rstrip("_"): _plain(getattr(self, f.name)) for f in dataclasses.fields(self)}


@dataclass(frozen=True)
class Span(Record):
    """A stretch of the document text: `text == document.text[start:end]`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Article(Record):
    """One input document, as read and cleaned by `ingest`; its text is what every offset indexes."""

    text: str
    title: str | None = None
    date: dt.date | None = None
    source: str | None = None
    source_id: str | None = None
    date_precision: DatePrecision = "day"
    voice: str | None = None
    """The actor the text speaks for, whose first person ("we", "my country") it is: a UN speech's state."""
    notes: tuple[str, ...] = ()
    """What reading the input noticed without refusing it ("mixed encodings: 3 of 40 lines read as cp1252")."""

    @property
    def id(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def date_label(self) -> str | None:
        """The date as precise as it is known: a record that gives only its year is dated "2005", not 1 January."""
        if self.date is None:
            return None
        return self.date.isoformat()[: {"day": 10, "month": 7, "year": 4}[self.date_precision]]

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source_id": self.source_id,
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision if self.date else None,
            "voice": self.voice,
            "source": self.source,
            "text": self.text,
            "notes": list(self.notes),
        }


@dataclass(frozen=True)
class Sentence(Record):
    index: int
    start: int
    end: int


@dataclass(frozen=True)
class Period(Record):
    start: str | None
    """None when the text gives only the end: a figure "by 2020", an actor whose beginning is not known."""
    end: str
    """An actor's existence may lack its end (null in its JSON)."""


@dataclass(frozen=True)
class Actor(Record):
    """A resolved actor with every mention of it in the document."""

    code: str
    name: str
    kind: str
    country: str | None
    role: str | None
    mentions: tuple[Span, ...] = ()
    origin: str | None = None
    """Where the resolution came from: gazetteer (our curated tables), knowledge_base (open data, see NOTICE),
    document (learned from the text: a title, apposition or possessive), user_file, rule (a country or place
    word with a sector word); an extension of the contract, like the fields below."""
    origin_id: str | None = None
    """Its id there: a Wikidata QID, "partyfacts:1474", "ucdp:559", "geonames:703448", a user file's path."""
    office: str | None = None
    """The office held on the document's date ("prime_minister", "former_president")."""
    title: str | None = None
    """That office as titled ("Minister of Foreign Affairs", "former Prime Minister")."""
    category: str | None = None
    """Finer than `kind`: party, armed group, university, city, region, historical state, de facto state..."""
    existed: Period | None = None
    """When a historical state or an organisation existed, where known (start or end may be null)."""
    successors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Event(Record):
    """Who did what to whom, coded in PLOVER and CAMEO, with the sentence it was read from."""

    source: str
    target: str
    source_actor: str | None
    target_actor: str | None
    source_text: str
    target_text: str
    plover: str
    cameo: str
    goldstein: float
    quad_class: int
    mode: str | None
    date: str | None
    negated: bool
    modality: Modality
    confidence: float
    sentence: int
    evidence: Span
    verb: str = ""
    """The word that triggered the event (an extension of the contract: helps a reader check it)."""
    source_sector: str | None = None
    """The acting actor's sector (GOV, MIL, ...) on the event's date; an extension of the contract."""
    target_sector: str | None = None
    coder: str = "rules"
    """What coded the event: "rules:<rule id>" ("rules:verb:pledge/aid"), or a learned model's name and version
    (an extension of the contract)."""




@dataclass(frozen=True)
class Change(Record):
    direction: Literal["up", "down"]
    relative_to: str | None
    rate: float | None = None
    """The stated rate of change in percent, if the text gives one (an extension of the contract)."""


@dataclass(frozen=True)
class Quantity(Record):
    """A figure stated in the text, with what it measures, between whom, and when."""

    kind: Literal["money", "percent", "count", "other"]
    value: float | None
    """None for an amount the text does not state ("billions of dollars"): see `described_as`."""
    unit: str | None
    qualifier: Qualifier
    measure: str | None
    from_: str | None
    to: str | None
    parties: tuple[str, ...]
    items: tuple[str, ...]
    period: Period | None
    change: Change | None
    sentence: int
    evidence: Span
    text: str = ""
    """The figure as written ("$81 billion"); an extension of the contract."""
    start: int = 0
    end: int = 0
    described_as: str | None = None
    """"gain" for "a $93.8 billion gain": what the wording says the figure is (an extension of the contract)."""
    usd: float | None = None
    """The value in US dollars: stated, or converted at the year's average rate (see `usd_basis`)."""
    usd_basis: str | None = None
    per: str | None = None
    """The unit a figure is counted per: "barrel" for "$60 a barrel" (a price), "year" for "$2 billion a year"."""
    projected: bool = False
    """A figure the text gives for the future (a target, a projection, a pledge), not a measurement."""
    period_open_end: bool = False
    """The period runs on past `period.end`: the text gives no end ("since 2004" in a speech dated only by its
    year), and `period.end` is the last day the document vouches for (the end of its year)."""


@dataclass(frozen=True)
class Quote(Record):
    text: str
    speaker: str | None
    speaker_actor: str | None
    direct: bool
    sentence: int
    evidence: Span
    start: int = 0
    """`text == document.text[start:end]` (an extension of the contract)."""
    end: int = 0
    date: str | None = None
    """When it was said, as precise as the text allows (an extension of the contract)."""
    speaker_country: str | None = None
    """The speaker's country on the date (an extension of the contract): their state, none for a UN official."""
    speaker_sector: str | None = None
    """The speaker's sector on the date ("GOV", "MIL", "NGO"...; an extension of the contract)."""
    kind: QuoteKind = "full"
    """full (a sentence or more), partial (a fragment in the writer's sentence), scare (a term set in marks
    and ascribed to someone), unquoted (speech after "said:" without marks); an extension of the contract."""


@dataclass(frozen=True)
class TimelineEntry(Record):
    date: str
    label: str
    events: tuple[int, ...] = ()
    quantities: tuple[int, ...] = ()
    quotes: tuple[int, ...] = ()
    """Quotations said on that date (an extension of the contract)."""


@dataclass(frozen=True)
class Relation(Record):
    a: str
    b: str
    events: int
    cooperation: float
    conflict: float
    goldstein_total: float


@dataclass(frozen=True)
class Check(Record):
    kind: str
    status: CheckStatus
    message: str
    quantities: tuple[int, ...] = ()


@dataclass(frozen=True)
class ClaimSide(Record):
    """A cause or an effect: an event class with its dyad ("SANCTION WST->RUS"), a relation between two
    actors, a dependence of one on another, or a state of affairs ("opposition to the US")."""

    kind: Literal["event", "relation", "dependence", "state"]
    text: str
    plover: str | None = None
    source: str | None = None
    target: str | None = None
    actors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Claim(Record):
    """A stated causal or dependence claim, with who claims it and the sentence it came from."""

    cause: ClaimSide | None
    effect: ClaimSide
    polarity: int
    """+1: the cause strengthens the effect (or the dependence grows); -1: it weakens it."""
    hedged: bool
    claimant: str | None
    """None: the author; otherwise the quoted speaker's actor code or name."""
    trigger: str
    sentence: int
    evidence: Span


@dataclass(frozen=True)
class Analysis(Record):
    """Everything multipolar read from one document: the contract's top level."""

    document: Article
    sentences: tuple[Sentence, ...] = ()
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    relations: tuple[Relation, ...] = ()
    blocs: tuple[tuple[str, ...], ...] = ()
    checks: tuple[Check, ...] = ()
    unresolved: tuple[Span, ...] = field(default=())
    """Mentions that look like actors but could not be resolved (an extension of the contract)."""
    claims: tuple[Claim, ...] = ()
    """Causal and dependence claims the text makes (an extension of the contract)."""

    def as_dict(self) -> dict[str, Any]:
        return {"schema": SCHEMA, **super().as_dict()}
