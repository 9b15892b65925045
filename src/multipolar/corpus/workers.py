"""Where `ingest` analyses its batches: a local process pool (of one worker too), a Dask cluster, or
inline (`workers=0`: in the ingest process itself, for debugging and for tests of the library).

Both pools are `concurrent.futures.Executor`s, so one code path serves them. What a pool cannot do by
itself is kept here: a pool worker ends with the ingest that started it (even one killed by SIGKILL),
and a worker that dies mid-batch (killed, out of memory, a crash in compiled code) costs only the
document it died on: the pool is replaced, and the documents of the batches it lost are analysed again
one at a time in a separate process, so the one that kills its worker again is found and recorded.
With one worker too the documents (and the extraction of web pages) are analysed outside the process that
writes the store, so a page that hangs lxml or a crash in compiled code cannot take the ingest with it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from multipolar.errors import InputError
from multipolar.settings import DEFAULT_SETTINGS, Settings

Outcome = tuple[Any, str | None, str | None]
"""What a worker sends back for one document: the analysis, or the error and its traceback (for a bug)."""
Batch = Callable[[list[Any], Settings], list[Outcome]]

WORKER_DIED = "the worker process died while analysing this document (killed, out of memory, or a crash); skipped"


def end_with_parent(parent: int) -> None:
    """In a pool worker: end when the process that started it (`parent`) ends, even by SIGKILL, which
    leaves a worker no other way to learn it (Linux kills it at once; elsewhere a thread watches)."""
    import ctypes
    import signal
    import sys
    import threading
    import time

    if os.getppid() != parent:  # it ended while this worker was starting
        os._exit(1)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        if os.getppid() != parent:  # the parent ended before the call above took effect
            os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="end-with-parent", daemon=True).start()


def _pool(workers: int, settings: Settings) -> ProcessPoolExecutor:
    """Workers are replaced after `settings.worker_batches` batches: spaCy's vocabulary keeps every new
    word it meets, so a worker that lives for a whole corpus grows with it."""
    return ProcessPoolExecutor(max_workers=workers, max_tasks_per_child=settings.worker_batches or None,
                               initializer=end_with_parent, initargs=(os.getpid(),))


class Engine:
    """Runs batches (`run` returns a future, or the outcomes when inline) and collects their outcomes."""

    def __init__(self, batch: Batch, workers: int | None, scheduler: str | None,
                 settings: Settings = DEFAULT_SETTINGS) -> None:
        self.batch, self.settings = batch, settings
        self.workers = workers if workers is not None else (os.cpu_count() or 1)
        self.executor: Executor | None = None
        self._close: Callable[[], None] = lambda: None
        self.generation = 0
        if scheduler:
            try:
                from dask.distributed import Client
            except ImportError as exc:  # pragma: no cover - depends on the optional extra
                raise InputError("--scheduler needs Dask: pip install 'multipolar[dask]'") from exc
            client = Client(scheduler)
            self.executor, self._close = client.get_executor(), client.close
        elif self.workers >= 1:
            self._new_pool()

    @property
    def inline(self) -> bool:
        return self.executor is None

    def _new_pool(self) -> None:
        pool = _pool(self.workers, self.settings)
        self.executor, self._close = pool, lambda: pool.shutdown(cancel_futures=True)
        self.generation += 1

    def run(self, work: list[Any]) -> tuple[int, Future[list[Outcome]] | list[Outcome]]:
        """(the pool generation it went to, its future), or the outcomes themselves when inline."""
        if self.executor is None:
            return self.generation, self.batch(work, self.settings)
        try:
            return self.generation, self.executor.submit(self.batch, work, self.settings)
        except BrokenProcessPool:
            self._replace(self.generation)
            assert self.executor is not None
            return self.generation, self.executor.submit(self.batch, work, self.settings)

    def outcomes(self, generation: int, pending: Future[list[Outcome]] | list[Outcome],
                 work: list[Any]) -> list[Outcome]:
        if isinstance(pending, list):
            return pending
        try:
            return pending.result()
        except Exception as exc:  # its worker died, or the cluster gave up on the task
            if isinstance(exc, BrokenProcessPool):
                self._replace(generation)
            return self._one_at_a_time(work)

    def _replace(self, generation: int) -> None:
        """A new pool for the one that broke (once: the other batches it lost say the same)."""
        if generation == self.generation and isinstance(self.executor, ProcessPoolExecutor):
            self._close()
            self._new_pool()

    def _one_at_a_time(self, work: list[Any]) -> list[Outcome]:
        """Each document alone in a one-worker pool: only one that kills its worker again is lost."""
        outcomes: list[Outcome] = []
        pool: ProcessPoolExecutor | None = None
        for item in work:
            pool = pool or _pool(1, self.settings)
            try:
                outcomes += pool.submit(self.batch, [item], self.settings).result()
            except BrokenProcessPool:
                outcomes.append((None, WORKER_DIED, None))
                pool.shutdown(cancel_futures=True)
                pool = None
        if pool is not None:
            pool.shutdown()
        return outcomes

    def close(self) -> None:
        self._close()
