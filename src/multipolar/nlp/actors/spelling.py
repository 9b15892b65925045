"""Spelling helpers of actor resolution: names compared without accents, and misspellings by one edit."""

from __future__ import annotations

import re
import unicodedata


def folded(text: str) -> str:
    """Without accents: "President Moise" names Jovenel Moïse."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def slug(text: str) -> str:
    """A learned actor's code, accent-free ("Dag Hammarskjöld" -> dag-hammarskjold), as gold files write it."""
    return re.sub(r"[^a-z0-9]+", "-", folded(text).lower()).strip("-")


def one_edit(a: str, b: str) -> bool:
    """a and b differ by one letter added, dropped, changed, or two neighbours swapped (not equal)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                                  and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    return short[i:] == long_[i + 1:]
