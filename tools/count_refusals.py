#!/usr/bin/env python3
"""Count the texts that reading refuses (empty, not English, ...) on the shared corpora and gold sets.

    python tools/count_refusals.py [FILE.jsonl[.gz] ...]

Every corpus and gold set we have is English, so every refusal counted here is a false one, except blank
records. Default: the two corpora, ../shared/gold/*/*.jsonl and tests/gold/*.jsonl.
"""

from __future__ import annotations

import gzip
import json
import sys
from collections import Counter
from pathlib import Path

from multipolar.errors import InputError
from multipolar.ingest.read import article_from_record
from multipolar.settings import DEFAULT_SETTINGS

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _records(path: Path):
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def main(argv: list[str]) -> int:
    paths = [Path(p) for p in argv] or [*sorted((SHARED / "corpora").glob("*/*.jsonl.gz")),
                                        *sorted((SHARED / "gold").glob("*/*.jsonl")),
                                        *sorted((ROOT / "tests" / "gold").glob("*.jsonl"))]
    for path in paths:
        reasons: Counter[str] = Counter()
        total = 0
        for record in _records(path):
            total += 1
            record = {k: v for k, v in record.items() if k in ("text", "html", "title")} | {"date": None}
            try:
                article_from_record(record, name="record", date=None, settings=DEFAULT_SETTINGS)
            except InputError as exc:
                reasons[str(exc).split(": ", 1)[-1][:60]] += 1
        refused = sum(reasons.values())
        details = "".join(f"\n   {n} {r}" for r, n in reasons.most_common())
        print(f"{path.name}: {total} texts, {refused} refused{details}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
