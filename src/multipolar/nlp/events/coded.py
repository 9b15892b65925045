"""The event as the coder finds it, before `pipeline` turns it into an `Event` record."""

from __future__ import annotations

from dataclasses import dataclass

from multipolar.coding.tables import Pattern
from multipolar.nlp.spans import ActorRef


@dataclass(frozen=True)
class CodedEvent:
    """An event as the component found it: token positions, before it becomes an `Event` record."""

    source: ActorRef
    target: ActorRef
    source_span: tuple[int, int]
    target_span: tuple[int, int]
    trigger: int
    pattern: Pattern
    cameo: str
    plover: str
    mode: str
    negated: bool
    modality: str
    date: str | None
    sentence: int
    confidence: float
    coder: str = "rules"
    """Which rule or model coded it: "rules:verb:pledge/aid", "rules:verb:impose+noun:sanction",
    "rules:noun:invasion", "rules:frame:obligation"; or the learned model (name and version, e.g.
    "event-pairs-v1") that proposed or re-typed the event."""
    recipient: bool = True
    """False for an event with no recipient ("the prime minister resigned"): its target is the source."""
