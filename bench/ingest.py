"""Throughput and memory of `multipolar ingest` on the White House corpus: 1 against 2 workers, and peak
memory as the corpus grows (it must stay flat). A benchmark, not a test: run it by hand.

    python bench/ingest.py [--sizes 1000 7272] [--compare-at 1000] [--rounds 3] [--keep DIR] [--corpus PATH]
                           [--fast]

Each run is a fresh `multipolar ingest` into a new database, in its own small process, so that its peak
memory (the largest of the ingest process and its workers) and its CPU seconds are its own, not the
session's; the CPU seconds and peak memory of the ingest process (reading, storing) and of its workers
(analysing) are printed apart, since the one writer's share is what keeps 2 workers from twice the speed of one. At
`--compare-at`, 1 and 2 workers run `--rounds` times, alternating which goes first. Issue #22's figures are
the last lines: the median of the rounds' 2-against-1 ratios (target >= 1.9x) and the peak memory of the
largest size against the smallest, on 2 workers (flat: within 10%). On a quiet 2-core machine
`--sizes 1000 7272 --compare-at 1000 --rounds 1` takes about 20 minutes (1,000 documents: some 4 minutes
on 1 worker, 3 on 2; the whole corpus some 13 minutes on 2); each further round adds some 7.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
DEFAULT_CORPUS = SHARED / "corpora/whitehouse-statements-2021-2026/documents.jsonl.gz"
_MEASURED = """
import resource, sys
from multipolar.cli.app import main
sys.argv = ["multipolar", *sys.argv[1:]]
try:
    main()
except SystemExit as end:
    if end.code:
        raise
me, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(me.ru_utime + me.ru_stime, workers.ru_utime + workers.ru_stime, me.ru_maxrss, workers.ru_maxrss)
"""
"""The ingest command in this process (not a child), so that its own CPU and its workers' come apart."""


@dataclass(frozen=True)
class Run:
    seconds: float
    parent_cpu: float
    workers_cpu: float
    parent_mb: float
    workers_mb: float
    """The largest worker's peak."""

    @property
    def peak_mb(self) -> float:
        return max(self.parent_mb, self.workers_mb)


def run(corpus: Path, workers: int, db: Path, fast: bool = False, keep: bool = False) -> Run:
    """One ingest into a new database: wall seconds, CPU seconds of the ingest process and of its workers,
    peak memory (MB) of the ingest process and of its largest worker."""
    start = time.perf_counter()
    command = ["ingest", str(corpus), "--db", str(db), "--workers", str(workers), "-q", *(["--fast"] if fast else [])]
    done = subprocess.run([sys.executable, "-c", _MEASURED, *command], check=True, capture_output=True, text=True)
    parent, children, parent_kb, workers_kb = (float(v) for v in done.stdout.split()[-4:])
    if not keep:
        db.unlink(missing_ok=True)
    return Run(time.perf_counter() - start, parent, children, parent_kb / 1024, workers_kb / 1024)


def words_in(corpus: Path) -> int:
    with corpus.open(encoding="utf-8") as lines:
        return sum(len(json.loads(line)["text"].split()) for line in lines)


def show(count: int, words: int, workers: int, done: Run) -> None:
    print(f"{count:>6} {words:>10,} {workers:>7} {count / done.seconds:>7.1f} {words / done.seconds:>8,.0f} "
          f"{done.peak_mb:>8,.0f} {done.parent_mb:>9,.0f} {done.workers_mb:>10,.0f} {done.parent_cpu:>10,.1f} "
          f"{done.workers_cpu:>11,.1f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 400])
    parser.add_argument("--compare-at", type=int, default=None,
                        help="The size at which 1 and 2 workers are compared (default: the first).")
    parser.add_argument("--rounds", type=int, default=3, help="Rounds of 1 against 2 workers; the median ratio.")
    parser.add_argument("--keep", type=Path, default=None, help="Keep the databases in this folder.")
    parser.add_argument("--fast", action="store_true", help="Ingest in fast mode (`--fast`).")
    args = parser.parse_args()
    compare_at = args.compare_at or args.sizes[0]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
        print(f"{'docs':>6} {'words':>10} {'workers':>7} {'docs/s':>7} {'words/s':>8} {'peak MB':>8} "
              f"{'ingest MB':>9} {'workers MB':>10} {'ingest CPU':>10} {'workers CPU':>11}")
        peaks: dict[int, float] = {}
        for size in args.sizes:
            subset = folder / f"docs-{size}.jsonl"
            with gzip.open(args.corpus, "rt", encoding="utf-8") as lines:
                subset.write_text("".join(itertools.islice(lines, size)), encoding="utf-8")
            count = sum(1 for _ in subset.open(encoding="utf-8"))
            peaks[count] = measure(subset, count, args.rounds if size == compare_at else 0, args, args.keep or folder)
        if len(peaks) > 1:
            (small, low), (large, high) = min(peaks.items()), max(peaks.items())
            print(f"peak memory on 2 workers, {large:,} documents against {small:,}: {high:,.0f} against "
                  f"{low:,.0f} MB, **{100 * (high / low - 1):+.1f}%** (flat: within 10%)", flush=True)


def measure(subset: Path, count: int, rounds: int, args: argparse.Namespace, folder: Path) -> float:
    """Ingest `subset` on 2 workers (with `rounds`, that many rounds of 1 against 2, alternating which goes
    first, and their median ratio); the peak memory on 2 workers."""
    words = words_in(subset)
    ratios: list[float] = []
    peak = 0.0
    for round_ in range(max(rounds, 1)):
        order = ((1, 2) if round_ % 2 == 0 else (2, 1)) if rounds else (2,)
        seconds: dict[int, float] = {}
        for workers in order:
            done = run(subset, workers, folder / f"wh-{count}-{workers}w-{round_ + 1}.duckdb", args.fast,
                       keep=args.keep is not None)
            seconds[workers] = done.seconds
            peak = max(peak, done.peak_mb) if workers == 2 else peak
            show(count, words, workers, done)
        if len(seconds) == 2:
            ratios.append(seconds[1] / seconds[2])
            print(f"{'':>6} round {round_ + 1}: 2 workers against 1: {ratios[-1]:.2f}x", flush=True)
    if ratios:
        print(f"{'':>6} 2 workers against 1 on {count:,} documents: {', '.join(f'{r:.2f}x' for r in ratios)}; "
              f"median **{statistics.median(ratios):.2f}x** (target >= 1.9x)", flush=True)
    return peak


if __name__ == "__main__":
    main()
