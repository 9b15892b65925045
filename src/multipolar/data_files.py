"""The package's own data files (`src/multipolar/data/`), read one way: `#` starts a comment line, blank
lines are skipped, and each file is read once. Word lists and small tables live there, named with their
source in their header, so a rule's words change without touching its code."""

from __future__ import annotations

from functools import cache
from importlib import resources

from multipolar.errors import DataFileError


@cache
def data_lines(name: str) -> tuple[str, ...]:
    """The lines of `data/<name>` that are neither blank nor comments, stripped."""
    try:
        text = resources.files("multipolar").joinpath(f"data/{name}").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"cannot read the data file {name}: {exc}") from exc
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))


@cache
def word_list(name: str) -> frozenset[str]:
    """A word list: one entry a line (a word or a phrase)."""
    return frozenset(data_lines(name))


@cache
def word_table(name: str) -> dict[str, str]:
    """A two-column table, tab-separated: each word with its value."""
    table = {}
    for number, line in enumerate(data_lines(name), start=1):
        word, tab, value = line.partition("\t")
        if not tab or not value.strip():
            raise DataFileError(f"{name}: entry {number} ({line!r}) needs a word, a tab and a value")
        table[word.strip()] = value.strip()
    return table


@cache
def named_lists(name: str) -> dict[str, frozenset[str]]:
    """Several word lists in one file: each line a list's name, a tab and its words ('|' between them); a list
    may take several lines, and a header line `list<TAB>words` is skipped."""
    found: dict[str, set[str]] = {}
    for number, line in enumerate(data_lines(name), start=1):
        list_name, tab, words = line.partition("\t")
        if (list_name.strip(), words.strip()) == ("list", "words"):
            continue
        if not tab or not words.strip():
            raise DataFileError(f"{name}: entry {number} ({line!r}) needs a list name, a tab and words")
        found.setdefault(list_name.strip(), set()).update(w.strip() for w in words.split("|") if w.strip())
    return {list_name: frozenset(words) for list_name, words in found.items()}
