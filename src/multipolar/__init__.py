"""multipolar: read reporting on international relations, build an evidence-linked model of the system.

    >>> import multipolar
    >>> result = multipolar.analyze("Russia invaded Ukraine in February 2022.", date="2022-03-01")
    >>> [(e.source, e.plover, e.target) for e in result.events]
    [('RUS', 'ASSAULT', 'UKR')]
"""

import logging
from typing import TYPE_CHECKING, Any

from multipolar.errors import DataFileError, GoldFileError, InputError, MultipolarError
from multipolar.records import (
    SCHEMA,
    Actor,
    Analysis,
    Article,
    Check,
    Event,
    Quantity,
    Quote,
    Relation,
    Span,
    TimelineEntry,
)
from multipolar.settings import Settings

if TYPE_CHECKING:
    from multipolar.pipeline import Result, analyze, process

__version__ = "0.1.0"

logging.getLogger("multipolar").addHandler(logging.NullHandler())  # a library logs only where it is told to

__all__ = [
    "SCHEMA",
    "Actor",
    "Analysis",
    "Article",
    "Check",
    "DataFileError",
    "Event",
    "GoldFileError",
    "InputError",
    "MultipolarError",
    "Quantity",
    "Quote",
    "Relation",
    "Result",
    "Settings",
    "Span",
    "TimelineEntry",
    "__version__",
    "analyze",
    "process",
]


def __getattr__(name: str) -> Any:
    """The pipeline (and spaCy with it) loads on first use: a process that only stores or serves needs neither."""
    if name in ("Result", "analyze", "process"):
        from multipolar import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'multipolar' has no attribute {name!r}")
