"""Throughput and memory of `multipolar ingest` on the White House corpus: 1 against 2 workers, and peak
memory as the corpus grows (it must stay flat). A benchmark, not a test: run it by hand.

    python bench/ingest.py [--sizes 1000 4000 7272] [--compare-at 1000] [--keep DIR] [--corpus PATH] [--fast]

Each run is a fresh `multipolar ingest` into a new database, wrapped in its own small process so that
its peak memory (the largest of the ingest process and its workers) is its own, not the session's.
Issue #22's figures are the last lines: 2 workers against 1 at `--compare-at` (target >= 1.9x) and the
peak memory of the largest size against the smallest (flat: within 10%). On a quiet 2-core machine
`--sizes 1000 7272 --compare-at 1000` takes about 20 minutes (1,000 documents: some 2 minutes on 1 worker,
1 on 2; the whole corpus some 13 minutes on 2).
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
DEFAULT_CORPUS = SHARED / "corpora/whitehouse-statements-2021-2026/documents.jsonl.gz"
_PEAK_OF_CHILD = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, capture_output=True); "
                  "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def run(corpus: Path, workers: int, db: Path, fast: bool = False) -> tuple[float, float]:
    """Seconds and peak memory (MB, the largest process) of one ingest into a new database."""
    start = time.perf_counter()
    command = [sys.executable, "-m", "multipolar", "ingest", str(corpus), "--db", str(db), "--workers", str(workers),
               "-q", *(["--fast"] if fast else [])]
    done = subprocess.run([sys.executable, "-c", _PEAK_OF_CHILD, *command], check=True, capture_output=True, text=True)
    return time.perf_counter() - start, int(done.stdout.split()[-1]) / 1024


def words_in(corpus: Path) -> int:
    import json

    with corpus.open(encoding="utf-8") as lines:
        return sum(len(json.loads(line)["text"].split()) for line in lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 400])
    parser.add_argument("--compare-at", type=int, default=None,
                        help="The size at which 1 and 2 workers are compared (default: the first).")
    parser.add_argument("--keep", type=Path, default=None, help="Keep the databases in this folder.")
    parser.add_argument("--fast", action="store_true", help="Ingest in fast mode (`--fast`).")
    args = parser.parse_args()
    compare_at = args.compare_at or args.sizes[0]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        keep = args.keep or folder
        keep.mkdir(parents=True, exist_ok=True)
        print(f"{'docs':>6} {'words':>10} {'workers':>7} {'docs/s':>7} {'words/s':>8} {'peak MB':>8}")
        peaks: dict[int, float] = {}
        for size in args.sizes:
            subset = folder / f"docs-{size}.jsonl"
            with gzip.open(args.corpus, "rt", encoding="utf-8") as lines:
                subset.write_text("".join(itertools.islice(lines, size)), encoding="utf-8")
            count = sum(1 for _ in subset.open(encoding="utf-8"))
            words = words_in(subset)
            seconds: dict[int, float] = {}
            for workers in ((1, 2) if size == compare_at else (2,)):
                seconds[workers], peak = run(subset, workers, keep / f"wh-{count}-{workers}w.duckdb", args.fast)
                if workers == 2:
                    peaks[count] = peak
                print(f"{count:>6} {words:>10,} {workers:>7} {count / seconds[workers]:>7.1f} "
                      f"{words / seconds[workers]:>8,.0f} {peak:>8,.0f}", flush=True)
            if len(seconds) == 2:
                print(f"{'':>6} 2 workers against 1: **{seconds[1] / seconds[2]:.2f}x** (target >= 1.9x)", flush=True)
        if len(peaks) > 1:
            (small, low), (large, high) = min(peaks.items()), max(peaks.items())
            print(f"peak memory on 2 workers, {large:,} documents against {small:,}: {high:,.0f} against "
                  f"{low:,.0f} MB, **{100 * (high / low - 1):+.1f}%** (flat: within 10%)", flush=True)


if __name__ == "__main__":
    main()
