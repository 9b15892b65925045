"""Analysing posted texts for `serve`: in worker processes, behind a queue of bounded length.

Why processes and not the request threads: a thread cannot be stopped inside the parser, so a long text
ran past `doc_timeout`, and one whose client had gone ran on, holding its slot; a process is killed at the
deadline or when the client leaves, and a fresh one takes its place. The CPU-heavy work also leaves the
server's interpreter and runs at a lower priority (`WORKER_NICENESS`), so reads stay fast meanwhile.
A worker loads the pipeline once, before its first text (that time does not count against the limit),
and is replaced after `ANALYSES_PER_WORKER` texts, because spaCy's vocabulary keeps every new word.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import logging
import multiprocessing
import os
import signal
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from multipolar.errors import DocumentTimeout, InputError
from multipolar.settings import Settings

WORKER_NICENESS = 10
ANALYSES_PER_WORKER = 200
WARM_UP_TEXT = "Russia and China held talks in Beijing on Tuesday, officials said."
log = logging.getLogger("multipolar.web")


class AnalysisBusy(Exception):
    """Every worker is busy and the queue is full: the caller should come back later."""


class AnalysisFailed(Exception):
    """The worker failed or died on this text; the reason is in the log, not for the client."""


def serve_analyses(connection: Connection, settings: Settings) -> None:
    """A worker process: load the pipeline, say so, then analyse each (text, date) it is sent."""
    os.nice(WORKER_NICENESS)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the server, which stops its workers
    from multipolar.pipeline import analyze

    try:
        analyze(WARM_UP_TEXT, settings=settings)
    except Exception as exc:  # reported to the server, which logs it
        connection.send(("failed", f"the analysis worker cannot start: {type(exc).__name__}: {exc}"))
        return
    connection.send(("ready", ""))
    while True:
        try:
            text, date = connection.recv()
        except (EOFError, OSError):  # the server has gone
            return
        connection.send(_analysis(analyze, text, date, settings))


def _analysis(analyze: Any, text: str, date: str | None, settings: Settings) -> tuple[str, Any]:
    try:
        return "ok", analyze(text, date=date, settings=settings).as_dict()
    except InputError as exc:
        return "invalid", str(exc)
    except Exception as exc:  # any fault in the pipeline is this text's, not the worker's end
        return "failed", f"{type(exc).__name__}: {exc}"


@dataclass(eq=False)
class _Worker:
    process: BaseProcess
    connection: Connection
    done: int = 0
    pending: Future[Any] | None = None

    def stop(self) -> None:
        """Kill the process; its end of the pipe closes, which ends a thread waiting on ours."""
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=2)
        if self.pending is None or self.pending.done():
            self.connection.close()
        else:
            self.pending.add_done_callback(lambda _: self.connection.close())


def _exchange(connection: Connection, job: tuple[str, str | None] | None) -> tuple[str, Any]:
    if job is not None:
        connection.send(job)
    answer: tuple[str, Any] = connection.recv()
    return answer


class WorkerSlots:
    """Who may use a worker next: the shortest text waiting. Long texts (over `long_chars`) hold at most
    all the slots but one, so a short text never waits for long ones (with two workers or more)."""

    def __init__(self, total: int, queue_length: int, long_chars: int) -> None:
        self.free, self.queue_length, self.long_chars = total, queue_length, long_chars
        self.long_cap = max(total - 1, 1)
        self.long_held = 0
        self.waiting = 0
        self._queue: list[tuple[int, int, asyncio.Future[None]]] = []
        self._arrivals = itertools.count()

    async def acquire(self, length: int) -> None:
        """Take a slot now, or wait for one; `AnalysisBusy` when the queue is full."""
        if self.free > 0 and self._may_run(length) and not self._runnable_waiter():
            self._take(length)
            return
        if self.waiting >= self.queue_length:
            raise AnalysisBusy
        granted: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._queue, (length, next(self._arrivals), granted))
        self.waiting += 1
        try:
            await granted
        except asyncio.CancelledError:
            if granted.done() and not granted.cancelled():
                self.release(length)  # the slot came as the client left: hand it on
            raise
        finally:
            self.waiting -= 1

    def release(self, length: int) -> None:
        self.free += 1
        self.long_held -= length > self.long_chars
        while self.free > 0 and self._runnable_waiter():
            waiting_length, _, granted = heapq.heappop(self._queue)
            self._take(waiting_length)
            granted.set_result(None)

    def _may_run(self, length: int) -> bool:
        return length <= self.long_chars or self.long_held < self.long_cap

    def _runnable_waiter(self) -> bool:
        """Whether the first text in the queue (the shortest still waiting) may take a free slot."""
        while self._queue and self._queue[0][2].done():
            heapq.heappop(self._queue)  # its client left
        return bool(self._queue) and self._may_run(self._queue[0][0])

    def _take(self, length: int) -> None:
        self.free -= 1
        self.long_held += length > self.long_chars


class AnalysisPool:
    """At most `analysis_workers` analyses at once and `analysis_queue` waiting (see `WorkerSlots`); each
    within `doc_timeout`."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.running = 0
        self.stopped = 0
        """Analyses stopped before their end: past the time limit, or their client gone."""
        self._idle: list[_Worker] = []
        self._starting: list[asyncio.Task[_Worker]] = []
        self._busy: set[_Worker] = set()
        self.slots = WorkerSlots(settings.analysis_workers, settings.analysis_queue, settings.long_text_chars)
        # a thread per text being analysed and per worker starting in the place of a retired one
        self._threads = ThreadPoolExecutor(max_workers=2 * settings.analysis_workers + 1,
                                           thread_name_prefix="multipolar-analysis")

    async def analyze(self, text: str, date: str | None) -> dict[str, Any]:
        """The contract dict of `text`; `InputError` for a text that cannot be analysed (or in time),
        `AnalysisBusy` when the queue is full, `AnalysisFailed` when the worker broke. Cancelling the
        call (the client went away) stops the worker at once."""
        await self.slots.acquire(len(text))
        try:
            return await self._in_a_worker(text, date)
        finally:
            self.slots.release(len(text))

    async def _in_a_worker(self, text: str, date: str | None) -> dict[str, Any]:
        worker = await self._take()
        self.running += 1
        self._busy.add(worker)
        limit = self.settings.doc_timeout
        try:
            kind, value = await asyncio.wait_for(self._call(worker, (text, date)), limit if limit > 0 else None)
        except BaseException as exc:
            self.stopped += not isinstance(exc, (EOFError, OSError))
            self._retire(worker)
            if isinstance(exc, TimeoutError):
                raise DocumentTimeout(f"the text took longer than the {limit:g} s limit (doc_timeout)") from None
            if isinstance(exc, (EOFError, OSError)):
                log.error("an analysis worker died: %r", exc)
                raise AnalysisFailed from exc
            raise
        finally:
            self.running -= 1
        self._busy.discard(worker)
        worker.done += 1
        if worker.done >= ANALYSES_PER_WORKER:
            self._retire(worker)
        else:
            self._idle.append(worker)
        return _outcome(kind, value)

    async def _take(self) -> _Worker:
        """An idle worker, the one being started to replace a retired one, or a new one."""
        if self._idle:
            return self._idle.pop()
        return await (self._starting.pop() if self._starting else asyncio.ensure_future(self._start_worker()))

    async def _start_worker(self) -> _Worker:
        context = multiprocessing.get_context("spawn")  # never fork a process that runs threads
        ours, theirs = context.Pipe()
        process = context.Process(target=serve_analyses, args=(theirs, self.settings), daemon=True,
                                  name="multipolar-analysis")
        process.start()
        theirs.close()
        worker = _Worker(process, ours)
        try:
            kind, value = await self._call(worker, None)
        except BaseException:
            worker.stop()
            raise
        if kind != "ready":
            worker.stop()
            log.error("%s", value)
            raise AnalysisFailed(value)
        return worker

    def _call(self, worker: _Worker, job: tuple[str, str | None] | None) -> asyncio.Future[tuple[str, Any]]:
        worker.pending = self._threads.submit(_exchange, worker.connection, job)
        return asyncio.wrap_future(worker.pending)

    def _retire(self, worker: _Worker) -> None:
        """Stop a worker and start its replacement now, so the next text need not wait for it to load."""
        self._busy.discard(worker)
        worker.stop()
        self._starting.append(asyncio.ensure_future(self._start_worker()))

    def close(self) -> None:
        """Stop every worker (the server is shutting down)."""
        for task in self._starting:
            task.cancel()
        for worker in [*self._idle, *self._busy]:
            worker.stop()
        self._starting.clear()
        self._idle.clear()
        self._busy.clear()
        self._threads.shutdown(wait=False, cancel_futures=True)


def _outcome(kind: str, value: Any) -> dict[str, Any]:
    if kind == "ok":
        result: dict[str, Any] = value
        return result
    if kind == "invalid":
        raise InputError(value)
    log.error("an analysis failed: %s", value)
    raise AnalysisFailed(value)
