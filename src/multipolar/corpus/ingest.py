"""Corpus ingest: files and folders of documents -> analyses in the store, in parallel.

The same code path runs on local processes or on a Dask cluster (`multipolar.corpus.workers`). Documents are
streamed in batches with a bounded number in flight, so memory stays flat as the corpus grows; the
single writer stores each batch in one transaction (each document alone if that fails).
"""

from __future__ import annotations

import contextlib
import ctypes
import datetime as dt
import logging
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from multipolar.corpus import store
from multipolar.corpus.workers import Engine, Outcome
from multipolar.errors import InputError, failure
from multipolar.ingest.read import PageToExtract, read_document
from multipolar.records import Article
from multipolar.settings import DEFAULT_SETTINGS, Settings

log = logging.getLogger("multipolar")
T = TypeVar("T")


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
    """One input document: where it came from, and the article (or the page to extract it from) or why
    there is none."""

    source: str
    line: int
    article: Article | None
    error: str | None
    page: PageToExtract | None = None

    @property
    def work(self) -> Article | PageToExtract:
        """What a worker gets for it."""
        work = self.article or self.page
        assert work is not None, "only items with an article or a page are sent to workers"
        return work


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


def iter_items(paths: Iterable[Path], settings: Settings = DEFAULT_SETTINGS, date: dt.date | None = None
               ) -> Iterator[Item]:
    """Every document in the inputs, bad ones included with their reason; streamed, file by file. `date`
    dates the documents whose input (record, dateline, page) gives none."""
    for path in iter_files(paths):
        try:
            for record in read_document(str(path), date=date, settings=settings, defer_html=True):
                yield Item(str(path), record.line, record.article, record.error, record.page)
        except Exception as exc:  # the file as a whole: unreadable, or a bug met on it
            reason, detail = failure(exc)
            if detail:
                log.error("%s: %s\n%s", path, reason, detail)
            yield Item(str(path), 0, None, reason if isinstance(exc, InputError) else f"{path}: {reason}")


def analyze_batch(inputs: list[Article | PageToExtract], settings: Settings) -> list[Outcome]:
    """Run in a worker: web pages are extracted here (under the document time limit), then everything is
    analysed by the pipeline, which is loaded once per process and reused for every batch (imported here, so
    that the ingest process itself, which only reads and stores, never loads spaCy)."""
    from multipolar.pipeline import process

    articles: list[Article] = []
    outcomes: list[Outcome | None] = []
    for work in inputs:
        try:
            articles.append(work.article(settings) if isinstance(work, PageToExtract) else work)
            outcomes.append(None)
        except Exception as exc:
            outcomes.append((None, *failure(exc)))
    analysed = iter([_rows(r.analysis, r.error, r.detail) for r in process(articles, settings=settings,
                                                                           on_error="record")])
    done = [outcome if outcome is not None else next(analysed) for outcome in outcomes]
    return_freed_memory()
    return done


def _rows(analysis: Any, error: str | None, detail: str | None) -> Outcome:
    """A document's outcome with its store rows in place of the analysis, built here in the worker."""
    if analysis is None:
        return analysis, error, detail
    try:
        return store.rows_of(analysis), None, None
    except Exception as exc:
        return (None, *failure(exc))


def return_freed_memory() -> bool:
    """Hand the memory a batch freed back to the system (glibc's `malloc_trim`; False where there is none).

    glibc keeps freed memory for reuse, and what is scattered among live objects it never returns, so a worker's
    resident memory crept up batch by batch (337 -> 480 MB over 1,000 White House documents in one process)
    and every batch's working memory came on top of it; trimmed after each batch it stays at 270-290 MB."""
    with contextlib.suppress(OSError, AttributeError):
        return bool(ctypes.CDLL("libc.so.6").malloc_trim(0) >= 0)
    return False


def ingest(
    paths: Iterable[Path], db: Path, *, settings: Settings = DEFAULT_SETTINGS, workers: int | None = None,
    scheduler: str | None = None, batch_size: int = 16, progress: Progress | None = None,
    date: dt.date | None = None, write_size: int = 64,
) -> IngestReport:
    """Analyse and store every new document; skip what is stored; record what cannot be analysed. The analyses
    of about `write_size` documents (whole worker batches) are stored in one transaction."""
    connection = store.connect(db, settings=settings)
    engine = Engine(analyze_batch, workers, scheduler, settings)
    report = IngestReport()
    in_flight: deque[tuple[list[Item], list[Article | PageToExtract], int, Any]] = deque()
    limit = 2 * max(1, workers or os.cpu_count() or 1)
    writes = _Writes(connection, report, progress, max(write_size, batch_size))
    try:
        batches = _new_batches(connection, iter_items(paths, settings, date), report, batch_size)
        for batch in small_tail(batches, hold=max(1, engine.workers), size=max(1, batch_size // 4)):
            work = [i.work for i in batch]
            in_flight.append((batch, work, *engine.run(work)))
            while len(in_flight) >= limit or (engine.inline and in_flight):
                batch, work, generation, pending = in_flight.popleft()
                writes.add(batch, engine.outcomes(generation, pending, work))
        while in_flight:
            batch, work, generation, pending = in_flight.popleft()
            writes.add(batch, engine.outcomes(generation, pending, work))
        writes.flush()
    finally:
        engine.close()
        connection.close()
    return report


def _new_batches(connection: store.duckdb.DuckDBPyConnection, items: Iterator[Item], report: IngestReport,
                 batch_size: int) -> Iterator[list[Item]]:
    """Batches of documents not yet stored; bad inputs are recorded as rejects on the way."""
    batch: list[Item] = []
    seen: set[str] = set()
    for item in items:
        report.read += 1
        if item.page is not None:
            batch.append(item)  # its id is known once a worker has extracted its text
        elif item.article is None:
            report.rejected += 1
            report.reasons.append(item.error or "unknown")
            store.record_reject(connection, item.source, item.line, item.error or "unknown")
            continue
        elif item.article.id in seen:
            report.already_stored += 1
            continue
        else:
            seen.add(item.article.id)
            batch.append(item)
        if len(batch) >= batch_size:
            yield _unstored(connection, batch, report)
            batch = []
    if batch:
        yield _unstored(connection, batch, report)


def small_tail(batches: Iterator[list[T]], hold: int, size: int) -> Iterator[list[T]]:
    """The batches, the last `hold` of them cut into batches of `size`: a worker that finishes early at the
    end of a corpus waits for the others' last batch, so the last batches are made short (a batch of 16 White
    House documents is 2-4 s of a worker's CPU; of 4, under 1 s)."""
    held: deque[list[T]] = deque()
    for batch in batches:
        held.append(batch)
        if len(held) > hold:
            yield held.popleft()
    rest = [item for batch in held for item in batch]
    for start in range(0, len(rest), size):
        yield rest[start : start + size]


def _unstored(connection: store.duckdb.DuckDBPyConnection, batch: list[Item], report: IngestReport) -> list[Item]:
    """The batch without what is stored: articles by id, pages by what an earlier ingest extracted from them."""
    stored = store.stored_ids(connection, (i.article.id for i in batch if i.article))
    pages = store.known_pages(connection, (i.page.key for i in batch if i.page))
    new = [i for i in batch if (i.article and i.article.id not in stored) or (i.page and i.page.key not in pages)]
    report.already_stored += len(batch) - len(new)
    return new


class _Writes:
    """The analysed batches waiting to be stored, stored together once they hold `size` documents: DuckDB's CPU
    is mostly per statement (one per table and transaction), so the one writer's cost a document fell from
    2.9 ms at 16 documents a transaction to 1.5 ms at 64 (288 White House analyses, CPU seconds)."""

    def __init__(self, connection: store.duckdb.DuckDBPyConnection, report: IngestReport,
                 progress: Progress | None, size: int) -> None:
        self.connection, self.report, self.progress, self.size = connection, report, progress, size
        self.items: list[Item] = []
        self.outcomes: list[Outcome] = []

    def add(self, batch: list[Item], outcomes: list[Outcome]) -> None:
        self.items += batch
        self.outcomes += outcomes
        if len(self.items) >= self.size:
            self.flush()

    def flush(self) -> None:
        if self.items:
            _store_batch(self.connection, self.items, self.outcomes, self.report, self.progress)
        self.items, self.outcomes = [], []


def _store_batch(connection: store.duckdb.DuckDBPyConnection, batch: list[Item], outcomes: list[Outcome],
                 report: IngestReport, progress: Progress | None) -> None:
    """Worker batches: their analyses in one transaction (the writer's time is mostly DuckDB's per statement:
    some 7 ms of CPU a document one by one, 3 ms sixteen at a time), then their rejects."""
    analyses = [analysis for analysis, _, _ in outcomes if analysis is not None]
    written = iter(store.write_analyses(connection, analyses) if analyses else [])
    for item, (analysis, error, detail) in zip(batch, outcomes, strict=True):
        if analysis is None:
            report.rejected += 1
            report.reasons.append(error or "unknown")
            if detail:
                log.error("%s line %d: %s\n%s", item.source, item.line, error, detail)
            store.record_reject(connection, item.source, item.line, error or "unknown")
        else:
            if next(written):
                report.stored += 1
            else:
                report.already_stored += 1
            if item.page is not None:
                store.remember_page(connection, item.page.key, store.rows_of(analysis).doc_id)
        if progress is not None:
            progress(report.stored + report.rejected + report.already_stored, report.stored)
