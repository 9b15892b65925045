"""Fuzz the reading, analysis and storing of texts and JSONL records with hypothesis; by hand, not in CI:

    nice -n 10 .venv/bin/python tools/fuzz.py --examples 100000 --seed 1

Half the examples are texts (names, verbs, figures, dates, markup and odd characters, or arbitrary
Unicode with lone surrogates), half are JSONL lines (records whose fields hold any JSON value, NaN and
infinite numbers, web pages, deep nesting, or broken JSON). Each goes the way `analyze --format jsonl`
and `ingest` take it: read, analyse, check the JSON against the contract, and (one in ten) store it and
read it back. Counted as a failure: an exception that escapes, a document that meets a bug (an error that
comes with a traceback), JSON that breaks the contract, a document that comes back from the store
different. A JSON line of counts goes to stdout every 2,000 examples and at the end; the first 20 failures
go to stderr as they are found, and the exit code is 1 if there was any. Stopped early (`timeout`, which
sends SIGTERM), it writes its counts before it ends: a bounded run says how far it got. Runs with
different `--seed`s draw different examples and can share the machine's cores. `--draw direct` draws
with hypothesis's generator alone, without its search engine: far less work per example (see
`drawn_directly`), the same strategies, repeats skipped; what the engine adds (steering away from what it
has tried) is lost, so the engine stays the default.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import os
import random
import signal
import sys
import time
import traceback
from collections.abc import Iterator
from typing import Any

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st
from hypothesis.control import BuildContext
from hypothesis.errors import StopTest, UnsatisfiedAssumption
from hypothesis.internal.conjecture.data import ConjectureData

from multipolar.contract import error_line, problems, to_json
from multipolar.corpus import store
from multipolar.errors import InputError
from multipolar.ingest.read import iter_records
from multipolar.pipeline import process
from multipolar.settings import DEFAULT_SETTINGS

PIECES = ["Russia", "China", "the United States", "Kyiv", "the Kremlin", "NATO", "Xi Jinping", "invaded", "signed",
          "an agreement", "with", "sanctions on", "imposed", "said", "“", "”", '"', "$81 billion", "40.7 %",
          "in June 2019", "last year", "next year", "The year before,", "not", "could", "will", ".", ",", ":", "\n\n",
          "the two countries", "On February 29, 2024,", "29 February", "In 0000,", "in 10000", "in 9999",
          "for ² years", "for ٣ years", "up 1e309%", "$1e400 billion", "1e309", "down 99999999999999999999%",
          "31 February 2022", "2024-02-30", "first half of 0000", "the same period a year earlier", "é", "\u200b",
          "\u202e", "<b>", "&amp;", "\x07", "🙂", "\ud800", "\udfff", "Sino-Russian", "US$5bn", "€200m", "½", "Ⅻ",
          "١٢٣"]
ANY_CHARACTER = st.characters(codec=None, categories=None)
TEXTS = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=50).map(" ".join),
    st.text(alphabet=ANY_CHARACTER, max_size=300),
    st.tuples(st.lists(st.sampled_from(PIECES), max_size=20).map(" ".join),
              st.text(alphabet=ANY_CHARACTER, max_size=60)).map(" ".join),
)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(alphabet=ANY_CHARACTER, max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6)
DATES = st.sampled_from(["2024-02-29", "0000-01-01", "0000", "10000-01-01", "9999-12-31", "0001-01-01", "1e400",
                         "2023-13-45", "20240229", "99999999", "yesterday", "February 29, 2023", "2024-02-29T25:61:00",
                         "-1", ""]) | st.text(max_size=12) | st.integers() | st.floats()
YEARS = st.sampled_from([0, 1, 9999, 10000, -5, "2022", "0", "1e400", 2022.5, True]) | st.integers() | st.floats()
PAGES = st.lists(st.sampled_from(["<p>", "</p>", "<b>", "</b>", "<div>", "<article>", "<script>alert(1)</script>",
                                  "<!--", "-->", "&amp;", "&#xD800;", "<title>T</title>", "<meta name='date' "
                                  "content='0000-00-00'>", *PIECES]), max_size=60).map(
    lambda parts: "<html><body>" + " ".join(parts) + "</body></html>")
RECORDS = st.fixed_dictionaries({}, optional={
    "id": JSON_VALUES, "text": TEXTS | JSON_VALUES, "html": PAGES | JSON_VALUES, "title": JSON_VALUES,
    "date": DATES | JSON_VALUES, "year": YEARS | JSON_VALUES, "url": JSON_VALUES, "source_url": JSON_VALUES,
    "iso3": st.sampled_from(["USA", "CHN", "XXX", ""]) | JSON_VALUES})
LINES = st.one_of(
    RECORDS.map(lambda record: json.dumps(record, ensure_ascii=True)),  # NaN, Infinity; \\ud800 escapes
    st.tuples(RECORDS, st.sampled_from([1, 50, 5_000, 100_000])).map(
        lambda pair: "[" * pair[1] + json.dumps(pair[0]) + "]" * pair[1]),
    st.text(alphabet=ANY_CHARACTER, max_size=200).filter(lambda line: "\n" not in line and line.strip()),
)


class Fuzz:
    """Counts what happened to each example, and keeps the first failures."""

    def __init__(self) -> None:
        self.counts: collections.Counter[str] = collections.Counter()
        self.failures: list[str] = []
        self.connection = store.connect(":memory:")
        self.rows_compared = 0
        self.pending: list[tuple[Any, list[Any], list[Any], list[int]]] = []
        self.started = time.monotonic()

    def fail(self, what: str, example: Any) -> None:
        self.counts["failures"] += 1
        if len(self.failures) < 20:
            self.failures.append(f"{what}: {example!r:.300}")
            sys.stderr.write(self.failures[-1] + "\n")  # at once: a run stopped by its bound keeps what it found
            sys.stderr.flush()

    def check_articles(self, articles: list[Any], examples: list[Any], lines: list[int]) -> None:
        """Analyse the articles together (as a batch of `analyze --format jsonl` is) and check each."""
        for result, example, line in zip(process(articles, settings=DEFAULT_SETTINGS), examples, lines, strict=True):
            if result.analysis is None:
                self.counts["refused"] += 1
                if result.detail:
                    self.fail(f"bug met: {result.error}", example)
                elif problems(error_line(result.error or "", line, result.source_id)):
                    self.fail("error line breaks the contract", example)
                continue
            self.counts["analysed"] += 1
            document = json.loads(to_json(result.analysis))
            found = problems(document)
            if found:
                self.fail(f"contract: {found[:3]}", example)
            if self.counts["analysed"] % 10 == 0 and store.write_analysis(self.connection, result.analysis):
                back = store.read_analysis(self.connection, result.analysis.document.id)
                self.counts["stored and read back"] += 1
                if back is None or to_json(back) != to_json(result.analysis):
                    self.fail("store round trip differs", example)
                else:
                    self.rows_compared += sum(len(getattr(back, t)) for t in store.ROW_TABLES) + 1

    def text(self, text: str) -> None:
        self.counts["texts"] += 1
        self.pending.append((text, [text], [text], [1]))
        self.flush_when_full()

    def line(self, line: str) -> None:
        self.counts["records"] += 1
        try:
            read = list(iter_records(line, name="fuzz", date=None, settings=DEFAULT_SETTINGS))
        except InputError as exc:  # a whole input that cannot be read (a JSON array nested too deeply)
            self.counts["refused"] += 1
            if "\n" in str(exc):
                self.fail("reason of more than one line", line)
            return
        except Exception:
            self.fail(f"escaped while reading: {traceback.format_exc(limit=-3)}", line)
            return
        for record in read:
            if record.article is None:
                self.counts["refused"] += 1
                if not record.error or "Error:" in record.error:
                    self.fail(f"bug met while reading: {record.error}", line)
        kept = [r for r in read if r.article is not None]
        self.pending.append((line, [r.article for r in kept], [line] * len(kept), [r.line for r in kept]))
        self.flush_when_full()

    def flush_when_full(self, size: int = 32) -> None:
        if len(self.pending) >= size:
            self.flush()

    def flush(self) -> None:
        batch, self.pending = self.pending, []
        done = self.counts["texts"] + self.counts["records"]
        if done // 2000 != (done - len(batch)) // 2000:  # a line now and then: a long run shows its progress
            self.report()
        try:
            self.check_articles([a for _, articles, _, _ in batch for a in articles],
                                [e for _, _, examples, _ in batch for e in examples],
                                [n for _, _, _, lines in batch for n in lines])
        except Exception:
            self.fail(f"escaped: {traceback.format_exc(limit=-3)}", [example for example, _, _, _ in batch])


    def report(self) -> None:
        summary = {"examples": self.counts["texts"] + self.counts["records"], **self.counts,
                   "rows compared": self.rows_compared, "seconds": round(time.monotonic() - self.started),
                   "cpu seconds": round(time.process_time())}
        sys.stdout.write(json.dumps(summary) + "\n")
        sys.stdout.flush()


def drawn_directly(strategy: st.SearchStrategy[Any], count: int, seed_value: int) -> Iterator[Any]:
    """`count` distinct examples drawn by hypothesis's own generator, without its search engine (which
    keeps a tree of what it has tried, to steer away from it, and mutates examples: on this machine seven
    times the work of drawing a text, twice that of a JSONL line). Repeats are skipped, not counted."""
    random_source, seen = random.Random(seed_value), set()
    while len(seen) < count:
        data = ConjectureData(random=random_source, max_choices=8 * 1024)
        try:
            with BuildContext(data, wrapped_test=drawn_directly):
                value = data.draw(strategy)
        except (StopTest, UnsatisfiedAssumption):  # too large, or filtered out: draw again
            continue
        key = hashlib.sha256(repr(value).encode("utf-8", "surrogatepass")).digest()
        if key not in seen:
            seen.add(key)
            yield value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=100_000, help="texts plus records, in all")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", choices=["texts", "records"],
                        help="one half of the run (the same examples as in a whole run of that seed)")
    parser.add_argument("--draw", choices=["engine", "direct"], default="engine",
                        help="engine: hypothesis's search (as in tests); direct: its generator alone, faster")
    args = parser.parse_args()
    fuzz = Fuzz()

    def stop(signum: int, frame: Any) -> None:
        fuzz.report()
        sys.stderr.flush()
        os._exit(1 if fuzz.failures else 2)  # hypothesis would take an exception for a failure to shrink

    signal.signal(signal.SIGTERM, stop)
    options = settings(max_examples=args.examples // 2, database=None, deadline=None, phases=[Phase.generate],
                       suppress_health_check=list(HealthCheck))
    for half, strategy, check in (("texts", TEXTS, fuzz.text), ("records", LINES, fuzz.line)):
        if args.only in (None, half) and args.draw == "direct":
            for example in drawn_directly(strategy, args.examples // 2, args.seed):
                check(example)
        elif args.only in (None, half):
            seed(args.seed)(options(given(strategy)(check)))()
    fuzz.flush()
    fuzz.report()
    sys.exit(1 if fuzz.failures else 0)


if __name__ == "__main__":
    main()
