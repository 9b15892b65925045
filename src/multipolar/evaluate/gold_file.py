"""Reading a gold file: the part every kind of gold shares (its lines, numbered, blanks skipped)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from multipolar.errors import GoldFileError


def gold_lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, line) of each non-blank line; a file that cannot be read is one clear error."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFileError(f"cannot read gold file {path}: {exc}") from exc
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield number, line
