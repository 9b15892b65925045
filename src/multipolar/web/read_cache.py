"""Answers of the heavier reads kept while the store does not change, so a dyad that many people open
costs its queries once.

A dyad's answer takes five queries (its periods, the store's documents per period, up to 200 events, its
figures and its quotes): about 33 ms of CPU, most of it DuckDB planning each query, and one core serves
about twenty a second. An answer is kept under the store's version (`StoreKeeper.version`: while the
server's connection is open no other process can write the file), so an ingest makes every kept answer
stale at once; while the keeper holds no connection nothing is kept or served from here. The cache is
bounded by entries and bytes (least recently used go first); a key that is being computed is computed
once, the other requests for it wait for that answer.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import Future
from typing import Any, TypeVar

from multipolar.web.store_handle import StoreKeeper

T = TypeVar("T")
MAX_ENTRIES = 512
MAX_BYTES = 64 * 1024 * 1024


class ReadCache:
    """Computed answers by key, valid for one version of the store."""

    def __init__(self, keeper: StoreKeeper, max_entries: int = MAX_ENTRIES, max_bytes: int = MAX_BYTES) -> None:
        self.keeper, self.max_entries, self.max_bytes = keeper, max_entries, max_bytes
        self._entries: OrderedDict[Hashable, Future[Any]] = OrderedDict()
        self._sizes: dict[Hashable, int] = {}
        self._version: tuple[int, ...] | None = None
        self._bytes = 0
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: Hashable, make: Callable[[], T], size: Callable[[T], int] = lambda _: 1) -> T:
        """The answer kept for `key` under the store's current version, else `make()` (kept when it
        returns; an exception reaches every request waiting for it, and nothing is kept)."""
        version = self.keeper.version
        if version is None or self.max_entries <= 0:
            return make()
        with self._lock:
            if version != self._version:
                self._forget()
                self._version = version
            found = self._entries.get(key)
            ours: Future[Any] = Future()
            if found is not None:
                self._entries.move_to_end(key)
                self.hits += 1
            else:
                self._entries[key] = ours
                self.misses += 1
        if found is not None:
            return found.result()
        return self._make(key, ours, make, size, version)

    def _make(self, key: Hashable, future: Future[Any], make: Callable[[], T], size: Callable[[T], int],
              version: tuple[int, ...]) -> T:
        try:
            value = make()
        except BaseException as exc:
            with self._lock:
                if self._entries.get(key) is future:
                    del self._entries[key]
            future.set_exception(exc)
            raise
        future.set_result(value)
        with self._lock:
            if self._version == version and self._entries.get(key) is future:
                self._sizes[key] = size(value)
                self._bytes += self._sizes[key]
                self._evict()
        return value

    def _evict(self) -> None:
        """Drop the least recently used finished answers past the bounds (the lock is held)."""
        while len(self._entries) > self.max_entries or self._bytes > self.max_bytes:
            oldest = next((k for k, f in self._entries.items() if f.done()), None)
            if oldest is None:
                return
            del self._entries[oldest]
            self._bytes -= self._sizes.pop(oldest, 0)

    def _forget(self) -> None:
        self._entries.clear()
        self._sizes.clear()
        self._bytes = 0

    def clear(self) -> None:
        with self._lock:
            self._forget()
