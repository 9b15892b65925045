"""JSONL files are read a line at a time, with the same records as when read whole: no model needed."""

from __future__ import annotations

import codecs
import gzip
import json
import tracemalloc
from pathlib import Path

import pytest

from multipolar.ingest.lines import streamed_lines
from multipolar.ingest.read import iter_records, read_document
from multipolar.settings import DEFAULT_SETTINGS

ENGLISH = "Russia and China signed an agreement on energy cooperation in Beijing on Monday, officials said."
LINES = [
    json.dumps({"id": "a", "text": ENGLISH, "date": "2024-03-01"}),
    "",
    json.dumps({"id": "b", "text": "Zürich hosted “talks” between Peru and Chile on the border, the ministers said."},
               ensure_ascii=False),
    "{not json",
    json.dumps({"id": "c", "html": f"<html><body><p>{ENGLISH}</p></body></html>"}) + "\r",
    json.dumps({"id": "d", "title": "no text"}),
]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(gzip.compress(data) if path.name.endswith(".gz") else data)
    return path


@pytest.mark.parametrize("name", ["records.jsonl", "records.jsonl.gz"])
def test_streamed_records_are_those_of_the_whole_file(tmp_path: Path, name: str) -> None:
    text = "\n".join(LINES) + "\n"
    path = _write(tmp_path / name, text.encode("utf-8"))
    assert streamed_lines(str(path)) is not None
    for defer in (False, True):
        whole = list(iter_records(text, name=str(path), date=None, settings=DEFAULT_SETTINGS, defer_html=defer))
        assert list(read_document(str(path), defer_html=defer)) == whole
    assert [r.line for r in whole] == [1, 3, 4, 5, 6]


@pytest.mark.parametrize("data", [
    codecs.BOM_UTF8 + b'{"text": "x"}\n',
    "\n".join(LINES).encode("utf-16"),
    b'{"text": "Z\xfcrich"}\n{"text": "Z\xc3\xbcrich"}\n',  # mixed encodings: the note is the whole file's
    b'  [{"text": "one"}, {"text": "two"}]',
    b"\n \n",
])
def test_what_is_not_plain_utf8_jsonl_is_read_whole(tmp_path: Path, data: bytes) -> None:
    assert streamed_lines(str(_write(tmp_path / "odd.jsonl", data))) is None


def test_other_sources_are_read_whole(tmp_path: Path) -> None:
    assert streamed_lines("-") is None
    assert streamed_lines("https://example.org/records.jsonl") is None
    assert streamed_lines(str(_write(tmp_path / "records.json", b'{"text": "x"}\n'))) is None
    assert streamed_lines(str(tmp_path / "absent.jsonl")) is None
    damaged = tmp_path / "damaged.jsonl.gz"
    damaged.write_bytes(gzip.compress(b'{"text": "x"}\n' * 100)[:-12])
    assert streamed_lines(str(damaged)) is None


def test_reading_a_corpus_never_holds_it_whole(tmp_path: Path) -> None:
    record = {"text": " ".join([ENGLISH] * 60)}  # some 6 kB a record, 3 MB in all
    path = _write(tmp_path / "corpus.jsonl.gz", "".join(json.dumps(record) + "\n" for _ in range(500)).encode())
    tracemalloc.start()
    try:
        count = sum(1 for _ in read_document(str(path)))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert count == 500
    assert peak < 1_000_000
