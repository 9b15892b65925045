"""The word lists of the figure reader, kept as data (`data/figures/words.tsv`) so they can be read and
extended without touching the rules that use them."""

from __future__ import annotations

from multipolar.data_files import named_lists


def words(name: str) -> frozenset[str]:
    """The words of one list ("giving", "receiving", "goods_units"...); a list that is not there is a bug."""
    return named_lists("figures/words.tsv")[name]
