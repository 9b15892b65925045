"""Shared helpers of the knowledge-base build (`tools/build_kb.py`): names, dates, countries, output rows.

Names are written token by token (spaCy's English tokenizer, the one the gazetteer uses), so loading the
knowledge base needs no tokenizer and matching is a dictionary look-up.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path

import yaml

Tokenize = Callable[[str], list[str]]

FIELD_JUNK = re.compile(r"[\t\n\r|;]+")


PHOENIX_CODES = {"USR": "SUN", "SUN": "SUN", "YUG": "YUG", "FRY": "YUG", "DDR": "DDR", "CSK": "CSK", "SCG": "SCG",
                 "KSV": "XKX"}
"""Phoenix's codes for former states (and Kosovo) -> ours (ISO 3166-3; XKX)."""


def phoenix_country(code: str, countries: set[str]) -> str:
    """The country of a Phoenix code's first three letters, or ""."""
    head = code[:3]
    return PHOENIX_CODES.get(head) or (head if head in countries else "")


def clean(value: str | None) -> str:
    """One line, no separators of our files (tab, |, ;), single spaces."""
    return re.sub(r"\s+", " ", FIELD_JUNK.sub(" ", value or "")).strip()


def folded(text: str) -> str:
    """Without accents ("Nausėda" -> "Nauseda", "Thaçi" -> "Thaci"): how English news often spells them."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return plain.replace("ı", "i").replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("Ø", "O") \
        .replace("đ", "d").replace("Đ", "D").replace("ß", "ss").replace("æ", "ae").replace("œ", "oe")


def is_latin(text: str) -> bool:
    return all(ch.isascii() or not ch.isalpha() or unicodedata.name(ch, "").startswith("LATIN") for ch in text)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", folded(text).lower()).strip("-")


def day(value: str | None) -> str:
    """A Wikidata date as we write it: YYYY-MM-DD, YYYY-MM or YYYY; decades ("2014s") and junk -> ""."""
    raw = (value or "").strip()
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", raw):
        return raw
    return ""


def aliases(names: Iterable[str], tokenize: Tokenize) -> list[str]:
    """Each name and its accent-free spelling, tokenized, without repeats, in a stable order."""
    found: list[str] = []
    for name in names:
        name = re.sub(r"^(?:the|The|THE) ", "", clean(name).replace("’", "'"))
        if not name or not is_latin(name):
            continue
        for variant in (name, folded(name)):
            tokens = " ".join(t for t in tokenize(variant) if t.strip())
            if tokens and tokens not in found:
                found.append(tokens)
    return found


class Territories:
    """rigour's territory files: codes, QIDs, alpha-3 codes, names, parents, successors."""

    def __init__(self, folder: Path) -> None:
        self.by_code: dict[str, dict[str, object]] = {}
        for path in sorted(folder.glob("*.yml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            self.by_code[path.stem] = data
        self.alpha3_by_qid: dict[str, str] = {}
        self.alpha3_by_alpha2: dict[str, str] = {}
        for code, data in self.by_code.items():
            alpha3 = str(data.get("alpha3") or "").upper()
            if not alpha3:
                continue
            for qid in [data.get("qid"), *(data.get("other_qids") or [])]:
                if qid:
                    self.alpha3_by_qid.setdefault(str(qid), alpha3)
            if len(code) == 2:
                self.alpha3_by_alpha2[code.upper()] = alpha3
        self.alpha3_by_alpha2.setdefault("XK", "XKX")

    def alpha3(self, code: str) -> str:
        data = self.by_code.get(code) or {}
        return str(data.get("alpha3") or "").upper()


def write_tsv(path: Path, header: list[str], columns: list[str], rows: Iterable[list[str]]) -> int:
    """Header comment lines, the column names, then the rows (already sorted by the caller)."""
    lines = [f"# {line}" for line in header]
    lines.append("\t".join(columns))
    count = 0
    for row in rows:
        assert len(row) == len(columns), (path.name, row)
        lines.append("\t".join(row))
        count += 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return count
