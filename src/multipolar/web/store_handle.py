"""Keeping the store open while `serve` is answering reads, and letting go of it between bursts.

Each request opens its own read-only connection (connections are not shared between threads). Opening
the file anew reads its catalogue every time; while one connection stays open, DuckDB hands later ones the
same database instance, which makes a read about five times cheaper. The keeper holds that connection
while requests come and closes it once none has run for `IDLE_SECONDS`, so an `ingest` (which needs the
file to itself) can still take it between bursts of reads, as it could before.

While the keeper's connection is open no other process can write the file (DuckDB locks it), so the
file's identity, size and modification time taken then (`version`) name what every read of the request
sees: `web.read_cache` keys its answers by it.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb

from multipolar.corpus import store

IDLE_SECONDS = 1.0


class StoreKeeper:
    """One read-only connection kept open while reads are running or recent."""

    def __init__(self, db: Path, idle: float = IDLE_SECONDS) -> None:
        self.db, self.idle = db, idle
        self._connection: duckdb.DuckDBPyConnection | None = None
        self._active = 0
        self._last = 0.0
        self._lock = threading.Lock()
        self._version: tuple[int, ...] | None = None

    def during_request(self) -> Iterator[None]:
        """A FastAPI dependency (run in the request's thread): the store stays open for the request."""
        with self._lock:
            self._active += 1
            if self._connection is None:
                with contextlib.suppress(store.StoreError):  # the request's own read says why, as a 503
                    self._connection = store.connect(self.db, read_only=True)
                    self._version = file_version(self.db)
                    threading.Thread(target=self._close_when_idle, daemon=True, name="multipolar-store").start()
        try:
            yield
        finally:
            with self._lock:
                self._active -= 1
                self._last = time.monotonic()

    @property
    def is_open(self) -> bool:
        return self._connection is not None

    @property
    def version(self) -> tuple[int, ...] | None:
        """What the open store holds, as its file's identity, size and modification time (and its
        write-ahead log's); None while the keeper holds no connection (nothing then stops a writer)."""
        with self._lock:
            return self._version if self._connection is not None else None

    def _close_when_idle(self) -> None:
        """The keeper's watch, one thread while the connection is open."""
        while True:
            time.sleep(self.idle / 2)
            with self._lock:
                if self._connection is None:
                    return
                if self._active == 0 and time.monotonic() - self._last >= self.idle:
                    self._connection.close()
                    self._connection = self._version = None
                    return

    def close(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = self._version = None


def file_version(db: Path) -> tuple[int, ...] | None:
    """The store file's device, inode, size and modification time, and its write-ahead log's size and
    modification time (zeros when it has none): any write changes one of them. None if it cannot be read."""
    try:
        found = db.stat()
    except OSError:
        return None
    try:
        wal = Path(f"{db}.wal").stat()
        log = (wal.st_size, wal.st_mtime_ns)
    except OSError:
        log = (0, 0)
    return (found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns, *log)
