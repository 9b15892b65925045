#!/usr/bin/env python3
"""Build `src/multipolar/data/quotes/given_names.tsv`: first names whose bearer is almost always of one
gender, so that "she said" is not given to the man named just before.

Usage:
    python tools/build_given_names.py [KB_SOURCES_DIR] [--check]

The names come from the office holders of `KB_SOURCES_DIR/officeholders/*/holders21.csv` (Wikidata
statements, CC0; see that directory's README), whose `gender` column says male or female. A name is kept
when at least three holders bear it, 95% of them one gender, and it is rarely a surname (it ends fewer
than a fifth as many names as it opens): "Chen" and "Kim" open names as family names and are left out.
The output is sorted, so building twice gives the same file; `--check` fails if the file on disk differs.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "multipolar" / "data" / "quotes" / "given_names.tsv"
MIN_BEARERS = 3
MIN_SHARE = 0.95
MAX_SURNAME_SHARE = 0.2
HEADER = """# Given names and the gender of almost everyone who bears them (m or f), for "he" and "she" (a name
# not listed tells nothing). Built by tools/build_given_names.py from the office holders in
# ../shared/kb-sources/officeholders (Wikidata statements, CC0): a name kept has at least 3 bearers, 95% of
# one gender, and is seldom a surname. Do not edit by hand: rebuild.
name\tgender
"""


def _words(person: str) -> list[str]:
    return [w.strip(".,") for w in person.split()]


def _is_name_word(word: str) -> bool:
    return len(word) >= 3 and word[0].isupper() and word.isalpha()


def count_names(sources: Path) -> tuple[dict[str, Counter[str]], Counter[str]]:
    """Per first name, its bearers by gender; per word, how often it ends a name."""
    firsts: dict[str, Counter[str]] = defaultdict(Counter)
    lasts: Counter[str] = Counter()
    for path in sorted(sources.glob("officeholders/*/holders21.csv")):
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                words = _words(row.get("person") or "")
                if len(words) < 2:
                    continue
                lasts[words[-1].lower()] += 1
                gender = {"male": "m", "female": "f"}.get(row.get("gender") or "")
                if gender and _is_name_word(words[0]):
                    firsts[words[0].lower()][gender] += 1
    return firsts, lasts


def given_names(firsts: dict[str, Counter[str]], lasts: Counter[str]) -> dict[str, str]:
    kept = {}
    for name, genders in firsts.items():
        bearers = sum(genders.values())
        gender, most = genders.most_common(1)[0]
        if bearers >= MIN_BEARERS and most / bearers >= MIN_SHARE and lasts[name] < MAX_SURNAME_SHARE * bearers:
            kept[name] = gender
    return kept


def render(names: dict[str, str]) -> str:
    return HEADER + "".join(f"{name}\t{names[name]}\n" for name in sorted(names))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="?", type=Path, default=ROOT.parent / "shared" / "kb-sources")
    parser.add_argument("--check", action="store_true", help="fail if the shipped file differs")
    args = parser.parse_args(argv)
    text = render(given_names(*count_names(args.sources)))
    if args.check:
        same = OUT.read_text(encoding="utf-8") == text
        print("given_names.tsv is up to date" if same else "given_names.tsv differs: rebuild it")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
