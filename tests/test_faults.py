"""Fault isolation: whatever one document raises is that document's recorded error; the batch goes on.

Two kinds of bad document: crafted inputs that used to raise inside the pipeline (each cause is fixed,
and each case stays here), and a component that raises on purpose, run on every executor."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from multipolar.contract import problems
from multipolar.corpus.ingest import ingest
from multipolar.pipeline import process
from multipolar.settings import Settings

from .conftest import ROOT
from .faulty_component import FAULT_MARKER, KILL_MARKER, SPEC, STALL_MARKER, InjectedFault

pytestmark = pytest.mark.model

GOOD = "{a} signed a trade agreement with {b} in {city} on Monday, officials said in report number {n}."
PAIRS = [("France", "Germany", "Paris"), ("Japan", "India", "Tokyo"), ("Brazil", "Chile", "Brasilia"),
         ("Kenya", "Egypt", "Nairobi"), ("Poland", "Norway", "Warsaw"), ("Canada", "Mexico", "Ottawa")]


def good_record(n: int) -> str:
    a, b, city = PAIRS[n % len(PAIRS)]
    return json.dumps({"id": f"good-{n}", "date": "2024-03-05", "text": GOOD.format(a=a, b=b, city=city, n=n)})


SENTENCE = "France signed a trade agreement with Germany in Paris."
CRAFTED: dict[str, tuple[str, str | None]] = {
    # name: (the JSONL line, None if it is now analysed, else what its recorded reason says)
    "29 February, then 'the year before'": (json.dumps({"id": "feb29", "date": "2024-03-05", "text": (
        "On February 29, 2024, France signed a trade agreement with Germany. The year before, France imposed "
        "sanctions on Russia.")}), None),
    "year 0 in the text": (json.dumps({"id": "text0", "date": "2024-03-05", "text": f"In 0000, {SENTENCE}"}), None),
    "year 10000 from 'next year'": (json.dumps({"id": "text10000", "date": "9999-12-31", "text": (
        "France will sign a trade agreement with Germany next year, officials said.")}), None),
    "a record dated year 0": (json.dumps({"id": "date0", "date": "0000", "text": SENTENCE}), "is not a date"),
    "a record dated 10000": (json.dumps({"id": "date10000", "date": "10000-01-01", "text": SENTENCE}),
                             "is not a date"),
    "a record of year 0": (json.dumps({"id": "year0", "year": 0, "text": SENTENCE}), "is not a year"),
    "a record of year 10000": (json.dumps({"id": "year10000", "year": 10000, "text": SENTENCE}), "is not a year"),
    "for ² years": (json.dumps({"id": "superscript", "text": (
        "France has imposed sanctions on Russia for ² years, officials said on Monday.")}), None),
    "up 1e309%": (json.dumps({"id": "inf-rate", "date": "2024-03-05", "text": (
        "France's exports to Germany reached $5 billion in 2023, up 1e309% from 2022.")}), None),
    "a lone surrogate in text, title and id": (
        '{"id": "surrogate-\\ud800", "title": "Trade \\udfff", "text": "France signed a trade agreement with '
        'Germany \\ud800 in Paris."}', None),
    '"year": 1e400': ('{"id": "year-inf", "year": 1e400, "text": "' + SENTENCE + '"}', "year inf is not a year"),
    "a record nested 100,000 arrays deep": ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
}


@pytest.fixture(scope="module")
def crafted_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Each crafted record between two good ones."""
    path = tmp_path_factory.mktemp("crafted") / "crafted.jsonl"
    lines = [good_record(0)]
    for n, (line, _) in enumerate(CRAFTED.values(), start=1):
        lines += [line, good_record(n)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_every_crafted_case_is_stored_or_rejected_with_its_reason_and_the_rest_stored(
        crafted_file: Path, tmp_path: Path) -> None:
    db = tmp_path / "crafted.duckdb"
    report = ingest([crafted_file], db, workers=1)
    connection = duckdb.connect(str(db), read_only=True)
    stored = {row[0] for row in connection.execute("SELECT source_id FROM documents").fetchall()}
    rejects = dict(connection.execute("SELECT line, reason FROM rejects").fetchall())
    connection.close()
    assert {f"good-{n}" for n in range(len(CRAFTED) + 1)} <= stored
    for number, (name, (_, reason)) in enumerate(CRAFTED.items()):
        line = 2 + 2 * number
        if reason is None:
            assert line not in rejects, f"{name}: {rejects.get(line)}"
        else:
            assert reason in rejects.get(line, ""), f"{name}: {rejects.get(line)}"
    assert report.read == report.stored + report.rejected and report.rejected == len(rejects)
    assert not [r for r in rejects.values() if "Error:" in r], "a crafted case still meets a bug"
    assert any(s.startswith("surrogate-") for s in stored)


def test_analyze_jsonl_gives_one_valid_line_per_crafted_record(crafted_file: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "multipolar", "analyze", str(crafted_file), "--format", "jsonl"],
                          capture_output=True, text=True, cwd=ROOT, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(lines) == 1 + 2 * len(CRAFTED)
    assert all(problems(line) == [] for line in lines)
    errors = {line["line"]: line["error"] for line in lines if "error" in line}
    assert len(errors) == sum(1 for _, reason in CRAFTED.values() if reason)


FAULTY = Settings(components=(SPEC,))


def faulty_corpus(folder: Path, count: int = 9, marker: str = FAULT_MARKER) -> Path:
    """`count` good records; the middle one mentions the marker the faulty component acts on."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "faulty.jsonl"
    lines = [good_record(n) for n in range(count)]
    lines[count // 2] = json.dumps({"id": "bad", "text": f"{marker} signed a trade agreement with France."})
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_component_that_raises_costs_only_its_document_in_process() -> None:
    texts = [GOOD.format(a=a, b=b, city=c, n=n) for n, (a, b, c) in enumerate(PAIRS)]
    texts.insert(3, f"{FAULT_MARKER} signed a trade agreement with France on Monday.")
    results = list(process(texts, settings=FAULTY.replace(batch_size=4)))
    assert [r.index for r in results] == list(range(len(texts)))
    assert [r.analysis is None for r in results] == [n == 3 for n in range(len(texts))]
    assert (results[3].error or "").startswith("InjectedFault: injected fault")
    assert "Traceback" in (results[3].detail or "") and "faulty_component.py" in (results[3].detail or "")
    with pytest.raises(InjectedFault):
        list(process(texts, settings=FAULTY, on_error="raise"))


@pytest.mark.parametrize("executor", ["inline", "process pool", "dask"])
def test_a_component_that_raises_costs_only_its_document_on_every_executor(executor: str, tmp_path: Path) -> None:
    corpus = faulty_corpus(tmp_path / "corpus")
    db = tmp_path / "faulty.duckdb"
    if executor == "dask":
        distributed = pytest.importorskip("dask.distributed")
        # the scheduler's HTTP server on a free port: dashboard_address=None still takes 8787
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                      dashboard_address="127.0.0.1:0") as cluster:
            report = ingest([corpus], db, settings=FAULTY, scheduler=cluster.scheduler_address, batch_size=4)
    else:
        report = ingest([corpus], db, settings=FAULTY, workers=0 if executor == "inline" else 2, batch_size=4)
    assert (report.stored, report.rejected) == (8, 1)
    connection = duckdb.connect(str(db), read_only=True)
    stored = {row[0] for row in connection.execute("SELECT source_id FROM documents").fetchall()}
    reasons = connection.execute("SELECT line, reason FROM rejects").fetchall()
    connection.close()
    assert stored == {f"good-{n}" for n in range(9) if n != 4}
    assert len(reasons) == 1 and reasons[0][0] == 5 and reasons[0][1].startswith("InjectedFault: injected fault")


def _faulty_settings_file(folder: Path, batch_size: int = 16) -> Path:
    path = folder / "settings.yaml"
    path.write_text(f"components: ['{SPEC}']\nbatch_size: {batch_size}\n", encoding="utf-8")
    return path


def test_analyze_jsonl_records_the_bug_and_logs_its_traceback_with_verbose(tmp_path: Path) -> None:
    corpus = faulty_corpus(tmp_path / "corpus")
    done = subprocess.run([sys.executable, "-m", "multipolar", "analyze", str(corpus), "--format", "jsonl",
                           "--settings", str(_faulty_settings_file(tmp_path)), "--verbose"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=300, check=False,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(lines) == 9 and ["error" in line for line in lines] == [n == 4 for n in range(9)]
    assert lines[4]["error"].startswith("InjectedFault: injected fault") and lines[4]["line"] == 5
    log = (tmp_path / "multipolar.log").read_text(encoding="utf-8")
    assert "line 5: InjectedFault" in log and "Traceback (most recent call last)" in log


def test_analyze_jsonl_writes_each_line_as_it_goes(tmp_path: Path) -> None:
    """The first record's line arrives while the second (which stalls for a minute) is still being read."""
    records = tmp_path / "two.jsonl"
    records.write_text(good_record(0) + "\n" + json.dumps({"text": f"{STALL_MARKER} met France on Monday."}) + "\n",
                       encoding="utf-8")
    child = subprocess.Popen([sys.executable, "-m", "multipolar", "analyze", str(records), "--format", "jsonl",
                              "--settings", str(_faulty_settings_file(tmp_path, batch_size=1))],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=tmp_path,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        assert child.stdout is not None
        first = json.loads(child.stdout.readline())
        assert child.poll() is None, "the process should still be working on the second record"
        assert first["document"]["source_id"] == "good-0" and problems(first) == []
    finally:
        child.kill()
        child.wait(timeout=30)


def test_a_worker_that_dies_costs_only_its_document(tmp_path: Path) -> None:
    """The component kills its own process on one document: the pool is replaced, the batches it lost are
    analysed again one document at a time, and only the one that kills its worker again is lost."""
    from multipolar.corpus.workers import WORKER_DIED

    corpus = faulty_corpus(tmp_path / "corpus", marker=KILL_MARKER)
    report = ingest([corpus], tmp_path / "killed.duckdb", settings=FAULTY, workers=2, batch_size=2)
    assert (report.stored, report.rejected) == (8, 1) and report.reasons == [WORKER_DIED]


def test_a_killed_ingest_leaves_no_worker_behind(tmp_path: Path) -> None:
    psutil = pytest.importorskip("psutil")
    import signal
    import time

    from .test_store import synthetic_corpus

    folder = synthetic_corpus(tmp_path / "big", 400).parent
    child = subprocess.Popen([sys.executable, "-m", "multipolar", "ingest", str(folder), "--db",
                              str(tmp_path / "k.duckdb"), "--workers", "2", "-q"], cwd=ROOT,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    parent = psutil.Process(child.pid)

    def at_work() -> list[object]:
        """The processes the ingest started that have loaded the pipeline."""
        found = []
        for worker in parent.children(recursive=True):
            with contextlib.suppress(psutil.Error):
                if worker.memory_info().rss > 150e6:
                    found.append(worker)
        return found

    deadline = time.monotonic() + 600  # loading the pipeline takes minutes on a busy machine
    while len(at_work()) < 2 and time.monotonic() < deadline:
        time.sleep(0.5)
    assert at_work(), "the pool should have workers at work"
    workers = parent.children(recursive=True)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    _, alive = psutil.wait_procs(workers, timeout=15)
    assert alive == [], f"workers left behind: {alive}"
