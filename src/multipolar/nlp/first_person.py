"""The first-person words, one list in `data/first_person.tsv` with a named selection for each use (an actor
mention, a clause's subject, a frame's speaker, possessives), so the stages that ask "is this the speaker?" agree."""

from __future__ import annotations

from multipolar.data_files import named_lists
from multipolar.errors import DataFileError


def first_person_words(variant: str) -> frozenset[str]:
    """The first-person words of one use (`mention`, `subject`, `speaker`, `possessive`, `owning`, `all`)."""
    lists = named_lists("first_person.tsv")
    if variant not in lists:
        raise DataFileError(f"first_person.tsv: no list {variant!r}")
    return lists[variant]
