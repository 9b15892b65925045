"""Throughput and memory of `multipolar ingest` on the White House corpus: 1 vs 2 workers, and as the
corpus grows (memory must stay flat). A benchmark, not a test: run it by hand.

    python bench/ingest.py [--sizes 100 400] [--corpus PATH]
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
DEFAULT_CORPUS = SHARED / "corpora/whitehouse-statements-2021-2026/documents.jsonl.gz"


def run(corpus: Path, workers: int, folder: Path) -> tuple[float, float]:
    """Seconds and peak memory (MB, the largest process) of one ingest into a new database."""
    db = folder / f"bench-{workers}-{time.monotonic_ns()}.duckdb"
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "multipolar", "ingest", str(corpus), "--db", str(db), "--workers",
                    str(workers), "-q"], check=True, capture_output=True)
    seconds = time.perf_counter() - start
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    return seconds, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 400])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for size in args.sizes:
            subset = folder / f"docs-{size}.jsonl"
            with gzip.open(args.corpus, "rt", encoding="utf-8") as lines:
                subset.write_text("".join(itertools.islice(lines, size)), encoding="utf-8")
            timings = {workers: run(subset, workers, folder) for workers in (1, 2)}
            (one, peak_one), (two, peak_two) = timings[1], timings[2]
            print(f"{size:5d} docs: 1 worker {size / one:6.1f} docs/s (peak {peak_one:,.0f} MB); "
                  f"2 workers {size / two:6.1f} docs/s (peak {peak_two:,.0f} MB); speed-up {one / two:.2f}x")


if __name__ == "__main__":
    main()
