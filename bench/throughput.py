"""Throughput of `multipolar.process` against bare spaCy on the same texts, measured side by side.

    python bench/throughput.py [--corpus ../shared/corpora/whitehouse-statements-2021-2026/documents.jsonl.gz]
                               [--docs 200] [--knowledge-base-rounds N] [--learned-rounds N]

Prints documents/s and words/s for each, and the ratio. With `--knowledge-base-rounds N` it also times the
pipeline with and without the actor knowledge base (setting `knowledge_base`), alternating N times on the
same texts, and prints the best of each: the words/s the knowledge base costs; `--learned-rounds N` does the
same for the learned event coder (setting `learned_events`). A benchmark, not a test: run it by hand.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import resource
import time
from pathlib import Path

import spacy

import multipolar
from multipolar.nlp import load_pipeline
from multipolar.settings import DEFAULT_SETTINGS

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
DEFAULT_CORPUS = SHARED / "corpora/whitehouse-statements-2021-2026/documents.jsonl.gz"


def read(corpus: Path, count: int) -> list[dict[str, str]]:
    with gzip.open(corpus, "rt", encoding="utf-8") as lines:
        return [json.loads(line) for line in itertools.islice(lines, count)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--learned-rounds", type=int, default=0)
    parser.add_argument("--knowledge-base-rounds", type=int, default=0)
    args = parser.parse_args()
    settings = DEFAULT_SETTINGS
    records = read(args.corpus, args.docs)
    words = sum(len(r["text"].split()) for r in records)

    bare = spacy.load(DEFAULT_SETTINGS.spacy_model)
    load_pipeline(settings)  # load once, outside the timing, as a server or `ingest` would
    start = time.perf_counter()
    for _ in bare.pipe((r["text"] for r in records), batch_size=DEFAULT_SETTINGS.batch_size):
        pass
    bare_seconds = time.perf_counter() - start

    start = time.perf_counter()
    results = list(multipolar.process(({"id": r["id"], "text": r["text"], "date": r["date"]} for r in records),
                                      settings=settings))
    ours_seconds = time.perf_counter() - start
    events = sum(len(r.analysis.events) for r in results if r.analysis)
    errors = sum(1 for r in results if r.error)

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus: {args.corpus.name}, {len(records)} documents, {words:,} words (one core)")
    print(f"bare spaCy ({DEFAULT_SETTINGS.spacy_model}): {len(records) / bare_seconds:7.1f} docs/s "
          f"{words / bare_seconds:9,.0f} words/s")
    print(f"multipolar.process:           {len(records) / ours_seconds:7.1f} docs/s "
          f"{words / ours_seconds:9,.0f} words/s  ({events} events, {errors} skipped)")
    print(f"ratio multipolar / bare spaCy time: {ours_seconds / bare_seconds:.2f}x;  peak RSS {peak_mb:,.0f} MB")
    if args.knowledge_base_rounds:
        compare_knowledge_base(records, words, args.knowledge_base_rounds)
    if args.learned_rounds:
        compare_learned(records, words, args.learned_rounds)


def compare_knowledge_base(records: list[dict[str, str]], words: int, rounds: int) -> None:
    """The pipeline with and without the knowledge base, side by side (alternating, best of `rounds`)."""
    inputs = [{"id": r["id"], "text": r["text"], "date": r["date"]} for r in records]
    best: dict[bool, float] = {}
    for _ in range(rounds):
        for on in (False, True):
            settings = DEFAULT_SETTINGS.replace(knowledge_base=on)
            load_pipeline(settings)
            start = time.perf_counter()
            list(multipolar.process(inputs, settings=settings))
            best[on] = min(best.get(on, float("inf")), time.perf_counter() - start)
    print(f"without the knowledge base: {words / best[False]:9,.0f} words/s; with it: {words / best[True]:9,.0f} "
          f"words/s ({100 * (best[False] / best[True] - 1):+.1f}% words/s; best of {rounds})")


def compare_learned(records: list[dict[str, str]], words: int, rounds: int) -> None:
    """The pipeline with and without the learned event coder, side by side (alternating, best of `rounds`)."""
    inputs = [{"id": r["id"], "text": r["text"], "date": r["date"]} for r in records]
    best: dict[bool, float] = {}
    proposed = 0
    for _ in range(rounds):
        for on in (False, True):
            settings = DEFAULT_SETTINGS.replace(learned_events=on)
            load_pipeline(settings)
            start = time.perf_counter()
            results = list(multipolar.process(inputs, settings=settings))
            best[on] = min(best.get(on, float("inf")), time.perf_counter() - start)
            if on:
                proposed = sum(1 for r in results if r.analysis for e in r.analysis.events
                               if not e.coder.startswith("rules"))
    print(f"without the learned event coder: {words / best[False]:9,.0f} words/s; with it: "
          f"{words / best[True]:9,.0f} words/s ({100 * (best[False] / best[True] - 1):+.1f}% words/s; "
          f"{proposed} events proposed; best of {rounds})")


if __name__ == "__main__":
    main()
