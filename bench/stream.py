"""`multipolar analyze FILE --format jsonl` on many short records: does it stream, and does memory stay flat?

    python bench/stream.py [--records 200000] [--corpus PATH] [--every 5] [--max-minutes 30]

Writes a JSONL of `--records` short records (the sentences of the White House corpus, one a record, in
order), runs `analyze` on it in its own process, and samples that process's memory (RSS) and the lines it
has written every `--every` seconds: output that grows from the first minutes is streamed, and memory that
stays level from the first tenth of the records to the last is flat. Issue #22's figure is the last line:
RSS at 10% of the records against the end (flat: within 10%). `--max-minutes` bounds the run: the analysis
is stopped then and the figure is that of the records written so far. 200,000 records (some 4.9 M words)
take 15 to 25 minutes on a quiet 2-core machine (835 s when issue #22 was filed). A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
DEFAULT_CORPUS = SHARED / "corpora/whitehouse-statements-2021-2026/documents.jsonl.gz"


def short_records(corpus: Path, count: int) -> Iterator[str]:
    """`count` JSON lines of one sentence each (sentences of 8 to 60 words), in corpus order."""
    made = 0
    with gzip.open(corpus, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            for k, sentence in enumerate(re.split(r"(?<=[.!?])\s+", record["text"])):
                if 8 <= len(sentence.split()) <= 60:
                    yield json.dumps({"id": f"{record['id']}#{k}", "text": sentence, "date": record["date"]})
                    made += 1
                    if made == count:
                        return


def rss_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    found = re.search(r"VmRSS:\s+(\d+) kB", status)
    return int(found.group(1)) / 1024 if found else 0.0


def lines_in(path: Path) -> int:
    with path.open("rb") as output:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: output.read(1 << 20), b""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=200_000)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--every", type=float, default=5.0, help="Seconds between samples.")
    parser.add_argument("--max-minutes", type=float, default=30.0, help="Stop the analysis after this long.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source, output = Path(tmp) / "records.jsonl", Path(tmp) / "out.jsonl"
        with source.open("w", encoding="utf-8") as out:
            for line in short_records(args.corpus, args.records):
                out.write(line + "\n")
        total = lines_in(source)
        words = sum(len(json.loads(line)["text"].split()) for line in source.open(encoding="utf-8"))
        print(f"{total:,} records, {words:,} words", flush=True)
        start = time.perf_counter()
        job = subprocess.Popen([sys.executable, "-m", "multipolar", "analyze", str(source), "--format", "jsonl",
                                "-o", str(output)])
        try:
            samples = watch(job, output, total, args.every, start, 60 * args.max_minutes)
        finally:
            if job.poll() is None:  # interrupted: never leave the analysis running
                job.kill()
                job.wait()
        report(job, output, total, words, samples, start)


def watch(job: subprocess.Popen[bytes], output: Path, total: int, every: float, start: float,
          limit: float) -> list[tuple[float, int, float]]:
    """(seconds, lines written, RSS MB) every `every` seconds until the job ends (or `limit` seconds have
    passed: the job is stopped); a line at each mark."""
    samples: list[tuple[float, int, float]] = []
    marks = iter((0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0))
    mark = next(marks)
    while job.poll() is None:
        time.sleep(every)
        if time.perf_counter() - start > limit:
            print(f"stopped after {limit / 60:g} minutes (--max-minutes)", flush=True)
            job.kill()
            job.wait()
            break
        try:
            memory = rss_mb(job.pid)
        except OSError:
            break
        if not memory:  # it has ended (a zombie has no memory to report)
            break
        done = lines_in(output) if output.exists() else 0
        samples.append((time.perf_counter() - start, done, memory))
        while done >= mark * total:
            print(f"{time.perf_counter() - start:7.0f} s {done:>9,} lines written ({100 * mark:3.0f}%) "
                  f"RSS {memory:6,.0f} MB; peak so far {max(s[2] for s in samples):6,.0f} MB", flush=True)
            mark = next(marks, 2.0)
    return samples


def report(job: subprocess.Popen[bytes], output: Path, total: int, words: int,
           samples: list[tuple[float, int, float]], start: float) -> None:
    seconds = time.perf_counter() - start
    first = next((s for s in samples if s[1] > 0), None)
    written = lines_in(output)
    speed = f"{words * written / total / seconds:,.0f} words/s" if total else "no records"
    print(f"exit {job.returncode}: {written:,} lines in {seconds:.0f} s (about {speed}); "
          f"first line after {first[0] if first else float('nan'):.0f} s; peak RSS "
          f"{max((s[2] for s in samples), default=0):,.0f} MB")
    tenth = [s for s in samples if s[1] >= 0.1 * total]
    if len(tenth) > 1:
        at_tenth, last = tenth[0], tenth[-1]
        print(f"RSS at 10% of the records ({at_tenth[1]:,} lines) {at_tenth[2]:,.0f} MB; at {last[1]:,} lines "
              f"{last[2]:,.0f} MB: **{100 * (last[2] / at_tenth[2] - 1):+.1f}%** (flat: within 10%); highest "
              f"after 10% {max(s[2] for s in tenth):,.0f} MB")


if __name__ == "__main__":
    main()
