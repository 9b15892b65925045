"""A bounded load test of `multipolar serve` on loopback: requests/s, p50 and p95 latency and failures for
the read API and for analysing posted text, first on a quiet server, then while hostile clients attack it
(connections holding half-sent headers, long texts to analyse, bad parameters, foreign Host headers,
oversized chunked bodies), and ends with issue #17's verdict for each read: p95 within 500 ms and every
request 200. A benchmark, not a test: run it by hand, niced, on a quiet machine if you can.

    python bench/load.py --db wh.duckdb [--reads 400] [--analyses 40] [--idle 70] [--long 6] [--bad 2]
    python bench/load.py --url http://127.0.0.1:8000 ...   # a server already running (another version)
"""

from __future__ import annotations

import argparse
import contextlib
import json
import socket
import statistics
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import httpx

TEXT = ("Russia and China held talks in Beijing on Tuesday. The European Union imposed new sanctions on Russia, "
        "and the United States gave Ukraine $2 billion in military aid, officials said.")
SEED = Path(__file__).resolve().parent.parent.parent / "shared" / "seed" / "article.txt"
BAD_PATHS = ("/api/events?since=bad", "/api/events?offset=9223372036854775808", "/api/blocs?year=99999",
             "/api/dyads/USA/CHN?by=week", "/api/documents?limit=0", "/api/graph?top=-1")


@dataclass
class Tally:
    """Latencies and status codes of one kind of request."""

    timings: list[float] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, elapsed: float, status: int) -> None:
        with self.lock:
            self.timings.append(elapsed)
            self.statuses[status] += 1

    def line(self, label: str, seconds: float, clients: int) -> str:
        if not self.timings:
            return f"{label:34s} no requests"
        cut = statistics.quantiles(self.timings, n=20) if len(self.timings) > 1 else self.timings * 19
        codes = ", ".join(f"{code}: {n}" for code, n in sorted(self.statuses.items()))
        return (f"{label:34s} {len(self.timings):5d} req, {clients:2d} clients: {len(self.timings) / seconds:6.1f} "
                f"req/s, p50 {statistics.median(self.timings) * 1000:7.1f} ms, p95 {cut[18] * 1000:7.1f} ms "
                f"[{codes}]")


def hammer(send: Callable[[httpx.Client], httpx.Response], count: int, workers: int, tally: Tally) -> float:
    """`count` requests from `workers` threads, each with its own keep-alive client; seconds taken."""
    def worker(share: int) -> None:
        with httpx.Client(timeout=60) as client:
            for _ in range(share):
                start = time.perf_counter()
                try:
                    status = send(client).status_code
                except httpx.HTTPError:
                    status = 0
                tally.add(time.perf_counter() - start, status)

    shares = [count // workers + (k < count % workers) for k in range(workers)]
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(worker, shares))
    return time.perf_counter() - start


def _address(base: str) -> tuple[str, int]:
    host, _, port = base.removeprefix("http://").partition(":")
    return host, int(port)


class Attack:
    """Hostile clients running in threads until `stop()`; what they got back is counted per kind."""

    def __init__(self, base: str, idle: int, long_texts: int, bad: int, long_text: str) -> None:
        self.base, self.stopping = base, threading.Event()
        self.tallies = {kind: Tally() for kind in ("idle", "long", "bad")}
        self.threads = [threading.Thread(target=self._hold_idle, daemon=True) for _ in range(idle)]
        self.threads += [threading.Thread(target=self._post_long, args=(long_text,), daemon=True)
                         for _ in range(long_texts)]
        self.threads += [threading.Thread(target=self._send_bad, daemon=True) for _ in range(bad)]

    def start(self) -> None:
        for thread in self.threads:
            thread.start()

    def stop(self) -> None:
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=15)

    def _hold_idle(self) -> None:
        """Half a request's headers, then silence; open a new one whenever the server cuts it off."""
        while not self.stopping.is_set():
            start = time.perf_counter()
            try:
                with socket.create_connection(_address(self.base), timeout=1) as connection:
                    connection.sendall(b"GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
                    answer = b""
                    while not self.stopping.is_set() and not answer:
                        with contextlib.suppress(TimeoutError):
                            answer = connection.recv(64) or b"HTTP/1.1 000 closed"
            except OSError:
                answer = b"HTTP/1.1 000 refused"
            if answer:
                self.tallies["idle"].add(time.perf_counter() - start, int(answer.split(b" ")[1] or 0))

    def _post_long(self, text: str) -> None:
        """Post a long text, wait for the answer, post it again; on stop, hang up (the server stops it)."""
        body = json.dumps({"text": text}).encode()
        request = (b"POST /api/analyze HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                   b"Connection: close\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))
        while not self.stopping.is_set():
            start = time.perf_counter()
            answer = b""
            try:
                with socket.create_connection(_address(self.base), timeout=1) as connection:
                    connection.sendall(request)
                    while not self.stopping.is_set() and not answer:
                        with contextlib.suppress(TimeoutError):
                            answer = connection.recv(64) or b"HTTP/1.1 000 closed"
            except OSError:
                answer = b"HTTP/1.1 000 refused"
            if answer:
                status = int(answer.split(b" ")[1] or 0)
                self.tallies["long"].add(time.perf_counter() - start, status)
                if status == 503:
                    self.stopping.wait(0.5)

    def _send_bad(self) -> None:
        with httpx.Client(timeout=30) as client:
            for k in range(10**9):
                if self.stopping.is_set():
                    return
                start = time.perf_counter()
                try:
                    status = self._one_bad(client, k).status_code
                except httpx.HTTPError:
                    status = 0
                self.tallies["bad"].add(time.perf_counter() - start, status)

    def _one_bad(self, client: httpx.Client, k: int) -> httpx.Response:
        if k % 8 == 6:
            return client.get(self.base + "/api/events", headers={"Host": "rebound.example"})
        if k % 8 == 7:
            chunks: Iterator[bytes] = (b"x" * 65536 for _ in range(40))  # 2.6 MB, chunked, no Content-Length
            return client.post(self.base + "/api/analyze", content=chunks, headers={"Content-Type": "application/json"})
        return client.get(self.base + BAD_PATHS[k % 6])


class PeakMemory:
    """The largest resident memory seen, every half second, of this process plus its analysis workers
    (the server runs in this process unless --url is given; the figure then includes the clients)."""

    def __init__(self) -> None:
        self.peak_mb, self.stopping = 0.0, threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        import multiprocessing

        while not self.stopping.wait(0.5):
            pids = [None, *(p.pid for p in multiprocessing.active_children())]
            self.peak_mb = max(self.peak_mb, sum(_rss_mb(pid) for pid in pids))

    def __enter__(self) -> PeakMemory:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        self.thread.join()


def _rss_mb(pid: int | None) -> float:
    try:
        status = Path(f"/proc/{pid or 'self'}/status").read_text()
    except OSError:
        return 0.0
    return next((int(line.split()[1]) / 1024 for line in status.splitlines() if line.startswith("VmRSS:")), 0.0)


@contextlib.contextmanager
def target(args: argparse.Namespace) -> Iterator[str]:
    """The server under test: the one at --url, or this version's app served as `serve` runs it."""
    if args.url:
        yield args.url.rstrip("/")
        return
    from multipolar.settings import Settings
    from multipolar.web.app import create_app
    from multipolar.web.server import running

    settings = Settings.from_file(args.settings) if args.settings else Settings()
    with running(create_app(args.db, settings), settings) as base:
        yield base


def measure(base: str, args: argparse.Namespace, label: str) -> dict[str, Tally]:
    """Each kind of legitimate request in turn; their tallies by name."""
    print(f"-- {label}")
    tallies = {}
    for name, send, count, workers in (
        ("read  /api/events?limit=50", lambda c: c.get(base + "/api/events?limit=50"), args.reads, 8),
        ("read  /api/dyads/USA/CHN", lambda c: c.get(base + "/api/dyads/USA/CHN"), args.reads // 2, 8),
        ("write /api/analyze (short)", lambda c: c.post(base + "/api/analyze", json={"text": TEXT}, timeout=300),
         args.analyses, 4),
    ):
        tally = tallies[name] = Tally()
        seconds = hammer(send, count, workers, tally)
        print(tally.line(name, seconds, workers), flush=True)
    return tallies


def verdict(phases: dict[str, dict[str, Tally]], target_ms: float = 500.0) -> list[str]:
    """Issue #17's target for each read in each phase: p95 within `target_ms` and every request 200."""
    lines = []
    for phase, tallies in phases.items():
        for name, tally in tallies.items():
            if not name.startswith("read") or not tally.timings:
                continue
            p95 = (statistics.quantiles(tally.timings, n=20)[18] if len(tally.timings) > 1 else tally.timings[0]) * 1000
            failed = sum(n for code, n in tally.statuses.items() if code != 200)
            held = "met" if p95 <= target_ms and not failed else "NOT met"
            lines.append(f"target (p95 <= {target_ms:.0f} ms, 0 failed) {held}: {name.split()[-1]} {phase}, "
                         f"p95 {p95:.0f} ms, {failed} failed")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--url", help="Load a server already running instead of starting one.")
    parser.add_argument("--settings", type=Path, help="A settings file for the server started here.")
    parser.add_argument("--reads", type=int, default=400)
    parser.add_argument("--analyses", type=int, default=40)
    parser.add_argument("--idle", type=int, default=70, help="Connections holding half-sent headers.")
    parser.add_argument("--long", type=int, default=6, help="Clients posting long texts, one after another.")
    parser.add_argument("--bad", type=int, default=2, help="Clients sending bad parameters, hosts and bodies.")
    args = parser.parse_args()
    if not args.url and not args.db:
        parser.error("--db or --url")
    long_text = ((SEED.read_text(encoding="utf-8") if SEED.exists() else TEXT) * 40)[:150_000]
    with target(args) as base, PeakMemory() as memory:
        httpx.post(base + "/api/analyze", json={"text": TEXT}, timeout=300)  # the model loads once
        phases = {"quiet": measure(base, args, "quiet")}
        attack = Attack(base, args.idle, args.long, args.bad, long_text)
        attack.start()
        started = time.perf_counter()
        time.sleep(3)  # let the idle connections and long texts take their places
        try:
            phases["under attack"] = measure(base, args, f"under attack: {args.idle} idle connections, {args.long} "
                                                         f"long-text clients, {args.bad} bad-request clients")
        finally:
            attack.stop()
        seconds = time.perf_counter() - started
        for kind, clients in (("idle", args.idle), ("long", args.long), ("bad", args.bad)):
            print(attack.tallies[kind].line(f"hostile {kind}", seconds, clients))
        print("\n".join(verdict(phases)))
        if not args.url:
            print(f"peak memory, server and its analysis workers: {memory.peak_mb:,.0f} MB")


if __name__ == "__main__":
    main()
