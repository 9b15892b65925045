"""Load time and memory of the actor knowledge base (`multipolar.coding.kb`), each run in a fresh process.

    python bench/kb_load.py [--runs 3]

Prints, per run, the seconds (wall clock and CPU: the CPU figure holds on a busy machine) to load the
shipped knowledge base and the resident memory it adds (the package and spaCy are imported first, outside
the measure), then the files' sizes and the entry and name counts. A benchmark, not a test: run it by
hand, on a quiet machine. Budget (issue 14): 2 s, 150 MB.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

KB = Path(__file__).resolve().parent.parent / "src" / "multipolar" / "data" / "kb"

_ONE_RUN = """
import json, time
def rss():
    return int(open("/proc/self/statm").read().split()[1]) * 4096 / 2**20
import multipolar.kb as kb
before = rss()
start, cpu = time.perf_counter(), time.process_time()
loaded = kb.KnowledgeBase().load()
seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
print(json.dumps({"seconds": seconds, "cpu": cpu, "extra_mb": rss() - before, "entries": len(loaded),
                  "names": loaded.name_count}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    runs = [json.loads(subprocess.run([sys.executable, "-c", _ONE_RUN], capture_output=True, text=True,
                                      check=True).stdout) for _ in range(args.runs)]
    for number, run in enumerate(runs, start=1):
        print(f"run {number}: load {run['seconds']:.2f} s ({run['cpu']:.2f} s of CPU), "
              f"+{run['extra_mb']:.0f} MB resident")
    best = min(runs, key=lambda r: r["seconds"])
    size = sum(p.stat().st_size for p in KB.glob("*.tsv"))
    print(f"best: {best['seconds']:.2f} s ({best['cpu']:.2f} s CPU), +{best['extra_mb']:.0f} MB; "
          f"{best['entries']:,} entries, "
          f"{best['names']:,} distinct names; {size / 2**20:.1f} MB in {len(list(KB.glob('*.tsv')))} files")


if __name__ == "__main__":
    main()
