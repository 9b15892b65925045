"""Bad and hostile input: never a traceback, never a hang, never output that breaks the contract."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import multipolar
from multipolar.contract import problems, to_json
from multipolar.errors import InputError

from .conftest import ROOT

pytestmark = pytest.mark.model

WORDS = ["Russia", "China", "the United States", "Kyiv", "the Kremlin", "NATO", "Xi Jinping", "invaded", "signed",
         "an agreement", "with", "sanctions on", "imposed", "said", "“", "”", '"', "$81 billion", "40.7 %",
         "in June 2019", "last year", "not", "could", "will", ".", ",", ":", "\n\n", "the two countries",
         "Sea of Japan", "LNG", "Print Friendly, PDF & Email", "$1e308 trillion", "31 February 2022", "é", "\u200b",
         "<b>", "&amp;", "\x07", "🙂", "Sino-Russian", "US$5bn", "€200m"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), min_size=0, max_size=60), st.sampled_from([None, "2023-10-20", "1999-01-01"]))
def test_any_mix_of_pieces_gives_valid_output_or_a_clear_error(pieces: list[str], date: str | None) -> None:
    text = " ".join(pieces)
    try:
        analysis = multipolar.analyze(text, date=date)
    except InputError as exc:
        assert "\n" not in str(exc) and str(exc)
        return
    document = json.loads(to_json(analysis))
    assert problems(document) == []


@settings(max_examples=25, deadline=None)
@given(st.text(min_size=0, max_size=400))
def test_arbitrary_unicode_never_escapes_as_an_exception(text: str) -> None:
    try:
        analysis = multipolar.analyze(text)
    except InputError:
        return
    assert problems(json.loads(to_json(analysis))) == []


BAD_INPUTS: dict[str, bytes] = {
    "empty.txt": b"",
    "whitespace.txt": b"   \n\t \n",
    "binary.bin": bytes(range(256)) * 4,
    "truncated.jsonl.gz": gzip.compress(b'{"text": "Russia invaded Ukraine."}\n' * 50)[:40],
    "invalid.jsonl": b'{"text": "ok text about France and Spain signing a deal."}\n{broken\n',
    "mixed-encoding.txt": "Paris et Berlin ont signé un accord. ".encode() + "Fran\xe7ais à Genève".encode("latin-1"),
    "nested.html": b"<html><body>" + b"<div>" * 5000 + b"France and Spain signed a deal in Madrid." + b"</div>" * 5000,
    "control.txt": b"Russia\x00 invaded\x01 Ukraine\x02 in 2022.",
    "cyrillic.txt": "Россия и Китай подписали соглашение о сотрудничестве в Москве.".encode(),
    "absurd-date.json": json.dumps({"text": "France and Spain signed a deal in Madrid on Monday.",
                                    "date": "31/31/99999"}).encode(),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_cli_gives_one_line_or_a_result_never_a_traceback(name: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_bytes(BAD_INPUTS[name])
    done = subprocess.run([sys.executable, "-m", "multipolar", "analyze", str(path), "--format", "jsonl"],
                          capture_output=True, text=True, cwd=ROOT, timeout=180, check=False)
    assert "Traceback" not in done.stderr
    if done.returncode:
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    else:
        for line in done.stdout.splitlines():
            assert problems(json.loads(line)) == []


def test_ingest_records_every_bad_input_and_stores_the_rest(tmp_path: Path) -> None:
    import duckdb

    from multipolar.corpus.ingest import ingest

    folder = tmp_path / "bad"
    folder.mkdir()
    for name, content in BAD_INPUTS.items():
        (folder / name.replace(".bin", ".txt")).write_bytes(content)
    report = ingest([folder], tmp_path / "bad.duckdb", workers=1)
    assert report.read == report.stored + report.rejected + report.already_stored
    connection = duckdb.connect(str(tmp_path / "bad.duckdb"), read_only=True)
    reasons = [row[0] for row in connection.execute("SELECT reason FROM rejects").fetchall()]
    connection.close()
    assert len(reasons) == report.rejected and all(reasons)


def test_unwritable_database_is_a_clear_error(tmp_path: Path) -> None:
    """A database path that cannot be created (its folder is a file) gives one line, not a traceback."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "one.txt").write_text("France and Spain signed a defence agreement in Madrid on Monday.")
    not_a_folder = tmp_path / "plain-file"
    not_a_folder.write_text("x")
    done = subprocess.run([sys.executable, "-m", "multipolar", "ingest", str(folder), "--db",
                           str(not_a_folder / "x.duckdb"), "-q"], capture_output=True, text=True, cwd=ROOT,
                          timeout=120, check=False)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "cannot open database" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_a_50_mb_document_is_refused_quickly_with_the_reason(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    huge.write_text("France and Spain signed a trade agreement in Madrid on Monday. " * 800_000, encoding="utf-8")
    assert huge.stat().st_size > 50_000_000
    done = subprocess.run([sys.executable, "-m", "multipolar", "analyze", str(huge)], capture_output=True,
                          text=True, cwd=ROOT, timeout=120, check=False)
    assert done.returncode == 1 and "over the limit" in done.stderr and "Traceback" not in done.stderr


ONE_MB_SENTENCE = ("Russia and China signed an agreement with Iran and criticised the sanctions of the West " * 12_000)[
    :1_000_000]


def test_a_document_over_its_time_limit_is_skipped_and_the_rest_analysed() -> None:
    """One 1 MB "sentence" between two short documents: it is skipped with its reason within a bound of the
    limit plus one uninterruptible parser call; its neighbours are analysed as usual."""
    import time

    from multipolar.pipeline import process
    from multipolar.settings import Settings

    short = "France and Spain signed a trade agreement in Madrid on Monday."
    started = time.monotonic()
    results = list(process([short, ONE_MB_SENTENCE, short], settings=Settings(doc_timeout=2.0)))
    elapsed = time.monotonic() - started
    assert [r.error is None for r in results] == [True, False, True]
    assert "longer than the 2 s limit" in (results[1].error or "")
    assert elapsed < 60, elapsed


def test_a_time_limit_swallowed_once_fires_again() -> None:
    """A timeout raised where it is lost (a gc callback, a broad `except`) comes again a moment later."""
    import time

    from multipolar.errors import DocumentTimeout
    from multipolar.nlp.limits import time_limit

    swallowed = []
    started = time.monotonic()
    with pytest.raises(DocumentTimeout), time_limit(0.05):
        try:
            while time.monotonic() - started < 5:
                time.sleep(0.005)
        except DocumentTimeout:
            swallowed.append(time.monotonic() - started)
        while time.monotonic() - started < 5:
            time.sleep(0.005)
    assert len(swallowed) == 1 and time.monotonic() - started < 2


def test_the_time_limit_holds_in_a_thread_where_signals_cannot_be_used() -> None:
    """Web requests run in threads: the limit is checked between pipeline components there."""
    import threading

    from multipolar.errors import DocumentTimeout
    from multipolar.settings import Settings

    caught: list[BaseException] = []

    def work() -> None:
        try:
            multipolar.analyze(ONE_MB_SENTENCE[:300_000], settings=Settings(doc_timeout=0.5))
        except DocumentTimeout as exc:
            caught.append(exc)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(timeout=120)
    assert not thread.is_alive() and len(caught) == 1 and "0.5 s limit" in str(caught[0])


def test_a_run_without_sentence_punctuation_is_cut_into_bounded_sentences() -> None:
    from multipolar.nlp.spacy_pipeline import MAX_UNPUNCTUATED_TOKENS

    analysis = multipolar.analyze(ONE_MB_SENTENCE[:60_000])
    lengths = [s.end - s.start for s in analysis.sentences]
    assert len(lengths) > 10 and max(lengths) < MAX_UNPUNCTUATED_TOKENS * 12  # characters, not tokens
    assert any(e.source == "RUS" and e.target == "IRN" for e in analysis.events)


LEAD = "<html><body><p>France and Germany signed a trade agreement in Paris on Monday, officials said.</p>"


def test_a_page_of_a_million_tags_is_refused_before_extraction(tmp_path: Path) -> None:
    page = tmp_path / "tags.html"
    page.write_text(LEAD + "<b>word</b> " * 1_000_000 + "</body></html>", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "multipolar", "analyze", str(page)], capture_output=True,
                          text=True, cwd=ROOT, timeout=120, check=False)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "1,000,003 tags, over the limit of 100,000 (max_html_tags)" in done.stderr


@pytest.mark.parametrize("workers", [0, 1])
def test_page_extraction_runs_in_the_workers_under_the_time_limit(workers: int, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A page slow to extract (40,000 paragraphs) is skipped at the limit; the others are stored, and a second
    ingest does not extract again the pages it stored. With one worker (or more), no page is extracted in
    the ingest process itself: there extraction is made to fail, and every page still comes through."""
    from multipolar.corpus.ingest import ingest
    from multipolar.settings import Settings

    if workers:
        def in_the_ingest_process(*args: object, **kwargs: object) -> None:
            raise AssertionError("a page was extracted in the ingest process")

        monkeypatch.setattr("multipolar.ingest.read.article_from_html", in_the_ingest_process)

    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "slow.html").write_text(LEAD + "<p><b>x</b></p>" * 40_000 + "</body></html>", encoding="utf-8")
    (folder / "fine.html").write_text((ROOT / "tests" / "fixtures" / "page.html").read_text(encoding="utf-8"),
                                      encoding="utf-8")
    (folder / "records.jsonl").write_text(json.dumps({"id": "h", "html": LEAD + "</body></html>"}) + "\n",
                                          encoding="utf-8")
    settings = Settings(doc_timeout=2.0)
    report = ingest([folder], tmp_path / "pages.duckdb", workers=workers, settings=settings)
    assert (report.stored, report.rejected) == (2, 1)
    assert report.reasons == [f"{folder / 'slow.html'}: extracting the text of the page took longer than the 2 s "
                              "limit (doc_timeout); skipped"]
    again = ingest([folder], tmp_path / "pages.duckdb", workers=workers, settings=settings)
    assert (again.stored, again.already_stored, again.rejected) == (0, 2, 1)
