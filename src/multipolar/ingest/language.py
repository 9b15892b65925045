"""Is a short text English? Names and headlines are ("Great Britain", "Nikol Pashinyan"); a short French or
German sentence is not ("Le président a rencontré son homologue russe").

Why a check of its own: function-word ratios need twenty words or so to mean anything, and a bare name has
no function words at all. A short text is refused only on positive evidence of another language: its
articles used as such (before a common noun, not inside a name: "de la réunion", not "Charles de Gaulle" or
"El Salvador"), its function words, and its common words written with accents ("rencontré"). The words are
data: `data/language_markers.tsv`, `data/language_opening_articles.txt`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from multipolar.data_files import word_list

_ACCENTED = re.compile(r"[àâäáãåæçéèêëíìîïñóòôöõøœúùûüÿß]")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_OPENING_ARTICLES = word_list("language_opening_articles.txt")
"""German articles, which open a sentence before a capitalised noun ("Der Präsident ...")."""


@lru_cache(maxsize=1)
def _markers() -> dict[str, str]:
    text = resources.files("multipolar").joinpath("data/language_markers.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return {word: kind for word, kind in rows[1:]}


def looks_foreign(text: str) -> bool:
    """Whether a short text shows at least two marks of another language, and more of them than English
    function words."""
    words = _WORD.findall(text)
    kinds = [_mark_kind(words, index) for index in range(len(words))]
    marks, english = kinds.count("mark"), kinds.count("english")
    return marks >= 2 and marks > english


def _mark_kind(words: list[str], index: int) -> str:
    """"english", "mark" (of another language) or "" for the word at `index`."""
    markers = _markers()
    word = words[index]
    lower = word.lower()
    kind = markers.get(lower, "")
    following = words[index + 1] if index + 1 < len(words) else ""
    after_particle = index > 0 and markers.get(words[index - 1].lower()) == "particle"
    if kind in ("english", "function"):
        return "mark" if kind == "function" else kind
    if kind == "article" and not after_particle and (
            following[:1].islower() or (index == 0 and lower in _OPENING_ARTICLES and following[:1].isupper())):
        return "mark"
    if (word[:1].islower() and _ACCENTED.search(word)) or "ß" in word:
        return "mark"
    return ""
