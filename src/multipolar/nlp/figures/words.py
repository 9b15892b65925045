"""The word lists of the figure reader, kept as data (`data/figures/words.tsv`) so they can be read and
extended without touching the rules that use them."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _table() -> dict[str, frozenset[str]]:
    text = resources.files("multipolar").joinpath("data/figures/words.tsv").read_text(encoding="utf-8")
    found: dict[str, set[str]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            name, word = line.split("\t")
            found.setdefault(name, set()).add(word.strip())
    return {name: frozenset(words) for name, words in found.items()}


def words(name: str) -> frozenset[str]:
    """The words of one list ("giving", "receiving", "goods_units"...); a list that is not there is a bug."""
    return _table()[name]
