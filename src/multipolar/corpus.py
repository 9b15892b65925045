"""Corpus ingest: files and folders of documents -> analyses in the store, in parallel.

The same code path runs on local processes (`concurrent.futures.ProcessPoolExecutor`) or on a Dask
cluster (`Client(address).get_executor()`): both are `concurrent.futures.Executor`s. Documents are
streamed in batches with a bounded number in flight, so memory stays flat as the corpus grows; the
single writer stores each document in its own transaction.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from multipolar import store
from multipolar.errors import InputError, failure
from multipolar.ingest import read_document
from multipolar.pipeline import process
from multipolar.records import Analysis, Article
from multipolar.settings import DEFAULT_SETTINGS, Settings

log = logging.getLogger("multipolar")

Outcome = tuple[Analysis | None, str | None, str | None]
"""What a worker sends back for one document: the analysis, or the error and its traceback (for a bug)."""

DOCUMENT_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".json", ".jsonl", ".gz")

Progress = Callable[[int, int], None]
"""Called with (documents handled so far, documents stored so far)."""


@dataclass
class IngestReport:
    read: int = 0
    stored: int = 0
    already_stored: int = 0
    rejected: int = 0
    reasons: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Item:
    """One input document: where it came from, and the article or why there is none."""

    source: str
    line: int
    article: Article | None
    error: str | None


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Every document file under the given files and folders, in a stable order."""
    for path in paths:
        if path.is_dir():
            yield from (p for p in sorted(path.rglob("*")) if p.is_file() and p.name.endswith(DOCUMENT_SUFFIXES))
        else:
            yield path


def estimate_total(paths: Iterable[Path]) -> int:
    """How many documents the inputs hold (lines of JSONL files, one per other file), for the progress bar."""
    import gzip

    total = 0
    for path in iter_files(paths):
        name = path.name.removesuffix(".gz")
        if name.endswith(".jsonl"):
            opener = gzip.open if path.name.endswith(".gz") else open
            try:
                with opener(path, "rb") as lines:
                    total += sum(1 for line in lines if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total


def iter_items(paths: Iterable[Path], settings: Settings = DEFAULT_SETTINGS) -> Iterator[Item]:
    """Every document in the inputs, bad ones included with their reason; streamed, file by file."""
    for path in iter_files(paths):
        try:
            for record in read_document(str(path), settings=settings):
                yield Item(str(path), record.line, record.article, record.error)
        except Exception as exc:  # the file as a whole: unreadable, or a bug met on it
            reason, detail = failure(exc)
            if detail:
                log.error("%s: %s\n%s", path, reason, detail)
            yield Item(str(path), 0, None, reason if isinstance(exc, InputError) else f"{path}: {reason}")


def analyze_batch(articles: list[Article], settings: Settings) -> list[Outcome]:
    """Run in a worker: the pipeline is loaded once per process and reused for every batch."""
    return [(r.analysis, r.error, r.detail) for r in process(articles, settings=settings, on_error="record")]


def make_executor(workers: int | None, scheduler: str | None, settings: Settings = DEFAULT_SETTINGS,
                  ) -> tuple[Executor | None, Callable[[], None]]:
    """A process pool (default: one per core), a Dask cluster's executor, or None to run inline.

    Pool workers are replaced after `settings.worker_batches` batches: spaCy's vocabulary keeps every new
    word it meets, so a worker that lives for a whole corpus grows with it."""
    if scheduler:
        try:
            from dask.distributed import Client
        except ImportError as exc:  # pragma: no cover - depends on the optional extra
            raise InputError("--scheduler needs Dask: pip install 'multipolar[dask]'") from exc
        client = Client(scheduler)
        return client.get_executor(), client.close
    count = workers if workers is not None else (os.cpu_count() or 1)
    if count <= 1:
        return None, lambda: None
    pool = ProcessPoolExecutor(max_workers=count, max_tasks_per_child=settings.worker_batches or None)
    return pool, lambda: pool.shutdown(cancel_futures=True)


def ingest(
    paths: Iterable[Path], db: Path, *, settings: Settings = DEFAULT_SETTINGS, workers: int | None = None,
    scheduler: str | None = None, batch_size: int = 16, progress: Progress | None = None,
) -> IngestReport:
    """Analyse and store every new document; skip what is stored; record what cannot be analysed."""
    connection = store.connect(db)
    executor, close = make_executor(workers, scheduler, settings)
    report = IngestReport()
    in_flight: deque[tuple[list[Item], Future[list[Outcome]] | None, list[Outcome] | None]] = deque()
    limit = 2 * max(1, workers or os.cpu_count() or 1)
    try:
        for batch in _new_batches(connection, iter_items(paths, settings), report, batch_size):
            if executor is None:
                in_flight.append((batch, None, analyze_batch([i.article for i in batch if i.article], settings)))
            else:
                in_flight.append((batch, executor.submit(analyze_batch, [i.article for i in batch if i.article],
                                                         settings), None))
            while len(in_flight) >= limit or (executor is None and in_flight):
                _store_batch(connection, in_flight.popleft(), report, progress)
        while in_flight:
            _store_batch(connection, in_flight.popleft(), report, progress)
    finally:
        close()
        connection.close()
    return report


def _new_batches(connection: store.duckdb.DuckDBPyConnection, items: Iterator[Item], report: IngestReport,
                 batch_size: int) -> Iterator[list[Item]]:
    """Batches of documents not yet stored; bad inputs are recorded as rejects on the way."""
    batch: list[Item] = []
    seen: set[str] = set()
    for item in items:
        report.read += 1
        if item.article is None:
            report.rejected += 1
            report.reasons.append(item.error or "unknown")
            store.record_reject(connection, item.source, item.line, item.error or "unknown")
            continue
        if item.article.id in seen:
            report.already_stored += 1
            continue
        seen.add(item.article.id)
        batch.append(item)
        if len(batch) >= batch_size:
            yield _unstored(connection, batch, report)
            batch = []
    if batch:
        yield _unstored(connection, batch, report)


def _unstored(connection: store.duckdb.DuckDBPyConnection, batch: list[Item], report: IngestReport) -> list[Item]:
    stored = store.stored_ids(connection, (i.article.id for i in batch if i.article))
    report.already_stored += sum(1 for i in batch if i.article and i.article.id in stored)
    return [i for i in batch if i.article and i.article.id not in stored]


def _store_batch(connection: store.duckdb.DuckDBPyConnection,
                 entry: tuple[list[Item], Future[list[Outcome]] | None, list[Outcome] | None],
                 report: IngestReport, progress: Progress | None) -> None:
    batch, future, done = entry
    results = done if done is not None else future.result() if future is not None else []
    for item, (analysis, error, detail) in zip(batch, results, strict=True):
        if analysis is None:
            report.rejected += 1
            report.reasons.append(error or "unknown")
            if detail:
                log.error("%s line %d: %s\n%s", item.source, item.line, error, detail)
            store.record_reject(connection, item.source, item.line, error or "unknown")
        elif store.write_analysis(connection, analysis):
            report.stored += 1
        else:
            report.already_stored += 1
        if progress is not None:
            progress(report.stored + report.rejected + report.already_stored, report.stored)
