"""Throughput of `multipolar.process` against bare spaCy on the same texts, measured side by side.

    python bench/throughput.py [--corpus PATH] [--docs 200] [--rounds 3] [--[no-]learned] [--fast]
                               [--knowledge-base-rounds N] [--learned-rounds N]

Each round times bare spaCy (`nlp.pipe`, every component of the model) and then the whole pipeline (the
knowledge base on; the learned event coder as the default settings say, or as `--learned`/`--no-learned` say;
fast mode too with `--fast`) on the same
texts, alternating which goes first, and prints the words/s of each and their ratio; then the median ratio
of the rounds. Seconds are CPU seconds of this process, so other jobs on a shared machine slow both sides
alike instead of whichever runs while they do (wall seconds are printed too). With
`--knowledge-base-rounds N` it also times the pipeline with and without the actor knowledge base (setting
`knowledge_base`), alternating N times, and prints the best of each; `--learned-rounds N` does the same for
the learned event coder (setting `learned_events`). Issue #22's figures are the median lines; `--docs 200
--rounds 3 --fast` takes about 7 minutes on a quiet 2-core machine. A benchmark, not a test: run it by hand.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import resource
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import spacy

import multipolar
from multipolar.nlp.spacy_pipeline import load_pipeline
from multipolar.settings import DEFAULT_SETTINGS, Settings

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
DEFAULT_CORPUS = SHARED / "corpora/whitehouse-statements-2021-2026/documents.jsonl.gz"


def read(corpus: Path, count: int) -> list[dict[str, Any]]:
    opener = gzip.open if corpus.suffix == ".gz" else open
    with opener(corpus, "rt", encoding="utf-8") as lines:
        records = [json.loads(line) for line in itertools.islice(lines, count)]
    return [{"id": r.get("id"), "text": r["text"], "date": r.get("date") or (f"{r['year']}-09-25" if "year" in r
                                                                              else None)} for r in records]


def timed(job: Callable[[], object]) -> tuple[float, float]:
    """CPU and wall seconds of one run of `job`."""
    cpu, wall = time.process_time(), time.perf_counter()
    job()
    return time.process_time() - cpu, time.perf_counter() - wall


def ours(records: list[dict[str, Any]], settings: Settings, kept: list[Any] | None = None) -> Callable[[], object]:
    """A run of the pipeline over `records` (its results put in `kept`, if given)."""
    def run() -> None:
        results = list(multipolar.process(records, settings=settings))
        if kept is not None:
            kept[:] = results
    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3, help="Side-by-side rounds; the median ratio is the figure.")
    parser.add_argument("--learned", action=argparse.BooleanOptionalAction, default=DEFAULT_SETTINGS.learned_events,
                        help="Run the learned event coder in the pipeline (the default settings' choice unless given).")
    parser.add_argument("--fast", action="store_true", help="Time fast mode (setting `fast`) in each round too.")
    parser.add_argument("--learned-rounds", type=int, default=0)
    parser.add_argument("--knowledge-base-rounds", type=int, default=0)
    args = parser.parse_args()
    records = read(args.corpus, args.docs)
    words = sum(len(r["text"].split()) for r in records)
    texts = [r["text"] for r in records]
    bare = spacy.load(DEFAULT_SETTINGS.spacy_model)
    full = DEFAULT_SETTINGS.replace(learned_events=args.learned)
    results: list[Any] = []
    sides: dict[str, Callable[[], object]] = {
        "bare spaCy": lambda: list(bare.pipe(texts, batch_size=DEFAULT_SETTINGS.batch_size)),
        "multipolar": ours(records, full, results)}
    if args.fast:
        sides["fast mode"] = ours(records, DEFAULT_SETTINGS.replace(fast=True))
        load_pipeline(DEFAULT_SETTINGS.replace(fast=True))
    load_pipeline(full)  # load once, outside the timing, as a server or `ingest` would
    list(multipolar.process(records[:1], settings=full))  # and read its tables, as a first document would
    learned = "on" if full.learned_events else "off"
    print(f"corpus: {args.corpus.name}, {len(records)} documents, {words:,} words (one core); pipeline: knowledge "
          f"base {'on' if full.knowledge_base else 'off'}, learned event coder {learned}")
    ratios: dict[str, list[float]] = {name: [] for name in sides if name != "bare spaCy"}
    for round_ in range(args.rounds):
        order = list(sides) if round_ % 2 == 0 else list(reversed(sides))
        seconds = {name: timed(sides[name]) for name in order}
        cpu_bare = seconds["bare spaCy"][0]
        line = [f"round {round_ + 1}:"]
        for name in sides:
            cpu, wall = seconds[name]
            line.append(f"{name} {words / cpu:,.0f} words/s ({wall:.0f} s wall)")
            if name != "bare spaCy":
                ratios[name].append(cpu_bare / cpu)
                line.append(f"= {100 * cpu_bare / cpu:.0f}%")
        print(" ".join(line), flush=True)
    events = sum(len(r.analysis.events) for r in results if r.analysis)
    errors = sum(1 for r in results if r.error)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{events} events, {errors} skipped; peak RSS {peak_mb:,.0f} MB")
    targets = {"multipolar": 90, "fast mode": 100}
    for name, values in ratios.items():
        print(f"{name} / bare spaCy words/s: {', '.join(f'{100 * v:.0f}%' for v in values)}; median "
              f"**{100 * statistics.median(values):.0f}%** ({1 / statistics.median(values):.2f}x its time; "
              f"target >= {targets[name]}%)")
    if args.knowledge_base_rounds:
        compare(records, words, args.knowledge_base_rounds, "the knowledge base", "knowledge_base")
    if args.learned_rounds:
        compare(records, words, args.learned_rounds, "the learned event coder", "learned_events")


def compare(records: list[dict[str, Any]], words: int, rounds: int, what: str, setting: str) -> None:
    """The pipeline with and without one component, side by side (alternating, best of `rounds`)."""
    best: dict[bool, float] = {}
    for _ in range(rounds):
        for on in (False, True):
            settings = DEFAULT_SETTINGS.replace(**{setting: on})
            load_pipeline(settings)
            cpu, _ = timed(ours(records, settings))
            best[on] = min(best.get(on, float("inf")), cpu)
    print(f"without {what}: {words / best[False]:9,.0f} words/s; with it: {words / best[True]:9,.0f} words/s "
          f"({100 * (best[False] / best[True] - 1):+.1f}% words/s; best of {rounds})")


if __name__ == "__main__":
    main()
