"""The lines of a JSONL file read one at a time, so a corpus is never held whole.

Read whole, the 7,272 White House records (12 MB of gzip) held some 465 MB in the reading process: the
decompressed bytes, their text, its lines and every parsed record at once. A file is streamed only when it is
plain UTF-8 JSONL, which a first pass checks without keeping anything (no byte-order mark, no UTF-16/32, no
zero byte, no JSON array, every byte valid UTF-8): then every line is read exactly as the whole-file reader
reads it. Anything else (mixed encodings, whose guessed code page and note depend on the whole file; a
damaged gzip, whose error the whole-file reader gives) goes the whole-file way.
"""

from __future__ import annotations

import codecs
import gzip
import re
from collections.abc import Iterator
from io import BufferedIOBase
from pathlib import Path

from multipolar.ingest.encodings import SAMPLE_BYTES, wide_encoding

_CHUNK = 1 << 16
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
_LEADING_SPACE = b" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"
"""The ASCII characters `str.strip` takes away: what may come before a JSON array's "[" ."""


def streamed_lines(source: str) -> Iterator[tuple[int, str]] | None:
    """(line number, text) of each line of `source`, lazily; None when it must be read whole."""
    if source == "-" or re.match(r"https?://", source) or not source.lower().removesuffix(".gz").endswith(".jsonl"):
        return None
    path = Path(source)
    try:
        if not _plain_utf8_lines(path):
            return None
    except (OSError, EOFError):  # unreadable or damaged: the whole-file reader says which
        return None
    return _lines(path)


def _open(path: Path) -> BufferedIOBase:
    return gzip.open(path, "rb") if path.name.endswith(".gz") else path.open("rb")


def _plain_utf8_lines(path: Path) -> bool:
    """True when the file is UTF-8 JSONL that the whole-file reader would decode as UTF-8 and split in lines."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    first = b""
    with _open(path) as data:
        head = data.read(SAMPLE_BYTES)
        if head.startswith(_BOMS) or b"\x00" in head or wide_encoding(head) is not None:
            return False
        chunk = head
        while chunk:
            if not first:
                first = chunk.lstrip(_LEADING_SPACE)[:1]
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                return False
            chunk = data.read(_CHUNK)
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return bool(first) and first != b"[" and first < b"\x80"


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    with _open(path) as data:
        for number, line in enumerate(data, start=1):
            yield number, line.decode("utf-8").removesuffix("\n")
