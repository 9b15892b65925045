"""A bounded load test of `multipolar serve` on loopback: requests/s and p95 latency for the read API and
for analysing posted text. A benchmark, not a test: run it by hand.

    python bench/load.py --db wh.duckdb [--reads 400] [--analyses 40]
"""

from __future__ import annotations

import argparse
import socket
import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import uvicorn

from multipolar.web import create_app

TEXT = ("Russia and China held talks in Beijing on Tuesday. The European Union imposed new sanctions on Russia, "
        "and the United States gave Ukraine $2 billion in military aid, officials said.")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def hammer(url: str, count: int, workers: int, post: bool = False) -> tuple[float, float, int]:
    """(requests/s, p95 seconds, failures) for `count` requests from `workers` threads."""
    timings: list[float] = []
    failures = 0
    lock = threading.Lock()

    def one(_: int) -> None:
        nonlocal failures
        with httpx.Client(timeout=60) as client:
            start = time.perf_counter()
            response = client.post(url, json={"text": TEXT, "date": "2024-01-10"}) if post else client.get(url)
            elapsed = time.perf_counter() - start
        with lock:
            timings.append(elapsed)
            failures += response.status_code >= 400

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(one, range(count)))
    total = time.perf_counter() - start
    return count / total, statistics.quantiles(timings, n=20)[18], failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--reads", type=int, default=400)
    parser.add_argument("--analyses", type=int, default=40)
    args = parser.parse_args()
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(args.db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    httpx.post(base + "/api/analyze", json={"text": TEXT}, timeout=120)  # load the model once
    try:
        for label, url, count, workers, post in (
            ("read  /api/events?limit=50", base + "/api/events?limit=50", args.reads, 8, False),
            ("read  /api/dyads/USA/CHN", base + "/api/dyads/USA/CHN", args.reads // 2, 8, False),
            ("write /api/analyze", base + "/api/analyze", args.analyses, 4, True),
        ):
            rate, p95, failures = hammer(url, count, workers, post)
            print(f"{label:30s} {count:4d} requests, {workers} clients: {rate:7.1f} req/s, p95 {p95 * 1000:7.1f} ms, "
                  f"{failures} failed")
    finally:
        server.should_exit = True
        thread.join(timeout=10)


if __name__ == "__main__":
    main()
