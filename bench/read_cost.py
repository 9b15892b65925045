"""What one read of the web API costs: CPU and wall milliseconds per request for each read route, one
request at a time, with the store kept open as `serve` keeps it while reads come. A benchmark, not a test:
the load test (`bench/load.py`) says how reads behave when many come at once; this says which route is
heavy, and by how much a change made it lighter. Run it by hand, niced, on a quiet machine if you can.

    python bench/read_cost.py --db wh.duckdb [--repeat 30] [--route /api/dyads/USA/CHN ...]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROUTES = ("/api/events?limit=50", "/api/dyads/USA/CHN", "/api/dyads/USA/CHN?by=month",
          "/api/dyads?pair=USA-CHN&pair=USA-RUS", "/api/documents?limit=50", "/api/actors", "/api/blocs",
          "/api/graph", "/dyad/USA/CHN", "/events", "/documents", "/")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=30, help="Requests per route (after one to warm up).")
    parser.add_argument("--route", action="append", help="A route to measure (default: the usual reads).")
    args = parser.parse_args()
    from fastapi.testclient import TestClient

    from multipolar.web.app import create_app

    with TestClient(create_app(args.db), base_url="http://127.0.0.1") as client:
        print(f"{'route':42s} {'CPU ms':>8s} {'wall ms':>8s}  bytes")
        for route in args.route or ROUTES:
            answer = client.get(route)
            answer.raise_for_status()
            cpu, wall = [], []
            for _ in range(args.repeat):
                started, used = time.perf_counter(), time.process_time()
                client.get(route).raise_for_status()
                cpu.append(time.process_time() - used)
                wall.append(time.perf_counter() - started)
            print(f"{route:42s} {statistics.median(cpu) * 1000:8.1f} {statistics.median(wall) * 1000:8.1f}"
                  f"  {len(answer.content):,}", flush=True)
    print("pandas imported by the reads:", "yes" if "pandas" in sys.modules else "no")


if __name__ == "__main__":
    main()
