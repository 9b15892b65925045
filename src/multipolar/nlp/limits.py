"""A time limit per document, so one pathological input cannot hold a worker or a request for ever.

In the main thread of a process (the CLI, `ingest` workers) a POSIX interval timer interrupts the work when the
time is up, and again every quarter second after: a signal that lands where Python cannot raise (a garbage-
collector callback, a `__del__`) or in code that swallows exceptions is not lost. Elsewhere (web request threads,
Dask's threaded workers) signals cannot be used, so the pipeline checks the deadline between its components:
the bound is then the limit plus one component's time on that document.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

from multipolar.errors import DocumentTimeout

REPEAT_SECONDS = 0.25


def _can_use_timer() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float, what: str = "the document") -> Iterator[None]:
    """Raise `DocumentTimeout` inside the block after `seconds` (0 or less: no limit)."""
    if seconds <= 0 or not _can_use_timer():
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise _timeout(seconds, what)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds, REPEAT_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _timeout(seconds: float, what: str = "the document") -> DocumentTimeout:
    return DocumentTimeout(f"{what} took longer than the {seconds:g} s limit (doc_timeout); skipped")


def deadline_check(seconds: float, what: str = "the document") -> Callable[[], None]:
    """A check to call between steps of the work, for where the timer cannot interrupt it: it raises
    `DocumentTimeout` once `seconds` have passed (0 or less: never)."""
    deadline = time.monotonic() + seconds if seconds > 0 else float("inf")

    def check() -> None:
        if time.monotonic() > deadline:
            raise _timeout(seconds, what)
    return check
