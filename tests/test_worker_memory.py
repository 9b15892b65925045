"""What keeps an ingest worker's memory flat: freed memory is handed back after each batch."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from multipolar.corpus.ingest import return_freed_memory


def _resident_mb() -> float:
    return int(Path("/proc/self/statm").read_text().split()[1]) * 4096 / 2**20


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim and /proc are Linux's")
def test_memory_freed_among_live_objects_goes_back_to_the_system() -> None:
    chunks = [bytes(2048) for _ in range(60_000)]  # some 120 MB from malloc (above Python's small-object sizes)
    kept = chunks[::64]  # one in 64 stays alive, so the freed memory lies scattered between live chunks
    del chunks
    before = _resident_mb()
    assert return_freed_memory()
    after = _resident_mb()
    assert len(kept) == 938
    assert before - after > 50, (before, after)
