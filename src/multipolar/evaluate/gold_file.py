"""Reading a gold file: the part every kind of gold shares (its lines, numbered, blanks skipped)."""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path

from multipolar.errors import GoldFileError


class PromisedReading(StrEnum):
    """How event gold's promised concessions are read: as the file codes them, or as AGREE (the session-7
    reading). Here, not in `evaluate.events`, so that the CLI can name it without importing the pipeline."""

    as_written = "as-written"
    agree = "agree"


def gold_lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, line) of each non-blank line; a file that cannot be read is one clear error."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFileError(f"cannot read gold file {path}: {exc}") from exc
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield number, line
