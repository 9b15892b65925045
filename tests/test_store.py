"""The corpus store and engine: a real DuckDB file, a real process pool, a real Dask cluster, real kills."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import duckdb
import pytest

from multipolar.corpus import export, store
from multipolar.corpus import queries as analysis
from multipolar.corpus.export import gdelt, parquet
from multipolar.corpus.ingest import ingest
from multipolar.settings import Settings

from .conftest import FIXTURES, ROOT

pytestmark = pytest.mark.model

STATES = ["France", "Germany", "Japan", "India", "Brazil", "Kenya", "Poland", "Chile", "Egypt", "Turkey",
          "Mexico", "Canada", "Norway", "Vietnam", "Nigeria", "Peru"]


def synthetic_corpus(folder: Path, count: int) -> Path:
    """`count` distinct short reports (our own template sentences), one JSONL file, plus two bad lines."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "reports.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            a, b = STATES[n % len(STATES)], STATES[(n * 7 + 3) % len(STATES)]
            if a == b:
                b = "Australia"
            text = (f"{a} signed a trade agreement with {b} on {n % 27 + 1} March {2015 + n % 8}. "
                    f"{a} also imposed sanctions on Russia, officials said in report number {n}.")
            out.write(json.dumps({"id": f"r{n}", "date": f"{2015 + n % 8}-03-28", "text": text}) + "\n")
        out.write("this is not json\n")
        out.write(json.dumps({"id": "empty", "text": "  "}) + "\n")
    return path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    synthetic_corpus(folder, 24)
    (folder / "page.html").write_text((FIXTURES / "page.html").read_text(encoding="utf-8"), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def inline_db(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("db") / "corpus.duckdb"
    report = ingest([corpus], db, workers=0)
    assert (report.stored, report.rejected) == (25, 2)
    return db


def snapshot(db: Path) -> dict[str, object]:
    connection = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "counts": store.counts(connection),
            "problems": store.consistency_problems(connection),
            "ids": sorted(r[0] for r in connection.execute("SELECT id FROM documents").fetchall()),
            "events": sorted(connection.execute("SELECT doc_id, idx, source, target, plover FROM events").fetchall()),
        }
    finally:
        connection.close()


def test_ingest_stores_each_document_once_with_its_rows(inline_db: Path, corpus: Path) -> None:
    first = snapshot(inline_db)
    assert first["problems"] == []
    counts = first["counts"]
    assert isinstance(counts, dict)
    assert counts["documents"] == 25 and counts["rejects"] == 2 and counts["events"] >= 48
    again = ingest([corpus], inline_db, workers=0)
    assert (again.stored, again.already_stored) == (0, 25)
    assert snapshot(inline_db) == first


def test_process_pool_gives_the_same_store(corpus: Path, inline_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "pool.duckdb"
    ingest([corpus], db, workers=2, batch_size=4)
    assert snapshot(db) == snapshot(inline_db)


def test_dask_cluster_gives_the_same_store(corpus: Path, inline_db: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("dask.distributed")
    # the scheduler's HTTP server on a free port: dashboard_address=None still takes 8787
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address="127.0.0.1:0") as cluster:
        db = tmp_path / "dask.duckdb"
        ingest([corpus], db, scheduler=cluster.scheduler_address, batch_size=4)
    assert snapshot(db) == snapshot(inline_db)


def committed_documents(db: Path, scratch: Path) -> int | None:
    """How many documents the store holds, read from a copy of it and its log: DuckDB lets no other process
    read a file while one writes it. None while there is nothing whole to read (a copy caught mid-write)."""
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir()
    try:
        for path in (db, db.with_name(db.name + ".wal")):
            if path.exists():
                shutil.copy(path, scratch / path.name)
        connection = duckdb.connect(str(scratch / db.name), read_only=True)
    except (OSError, duckdb.Error):
        return None
    try:
        row = connection.execute("SELECT count(*) FROM documents").fetchone()
        return int(row[0]) if row else None
    except duckdb.Error:
        return None
    finally:
        connection.close()


def test_killed_ingest_resumes_and_loses_nothing(tmp_path: Path, inline_db: Path) -> None:
    """Killed with SIGKILL three times, each once the store shows documents committed since the last start
    (whatever the machine's load), then run to the end; its worker never outlives it."""
    folder = synthetic_corpus(tmp_path / "big", 400).parent
    db = tmp_path / "killed.duckdb"
    command = [sys.executable, "-m", "multipolar", "ingest", str(folder), "--db", str(db), "--workers", "1",
               "--batch-size", "2", "-q"]
    psutil = pytest.importorskip("psutil")
    stored_after_kills = [0]
    for _ in range(3):
        child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 600
        workers = []
        while child.poll() is None and time.monotonic() < deadline:
            workers = psutil.Process(child.pid).children(recursive=True) or workers
            if (committed_documents(db, tmp_path / "copy") or 0) > stored_after_kills[-1]:
                break
            time.sleep(0.2)
        assert child.poll() is None, "the ingest ended before it could be killed"
        assert workers, "with --workers 1 the documents are analysed in a worker process"
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        _, alive = psutil.wait_procs(workers, timeout=15)
        assert not alive, f"workers outlived the killed ingest: {alive}"
        state = snapshot(db)
        assert state["problems"] == [], state["problems"]
        stored_after_kills.append(len(state["ids"]))  # type: ignore[arg-type]
    finished = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    assert finished.returncode == 0, finished.stderr
    final = snapshot(db)
    assert final["problems"] == [] and len(final["ids"]) == 400  # type: ignore[arg-type]
    clean = tmp_path / "clean.duckdb"
    ingest([folder], clean, workers=0)
    assert final["events"] == snapshot(clean)["events"]
    assert stored_after_kills == sorted(set(stored_after_kills)), stored_after_kills  # each run stored more
    assert stored_after_kills[-1] < 400, f"the kills should land mid-ingest: {stored_after_kills}"


def test_queries(inline_db: Path) -> None:
    series = analysis.dyad_series(inline_db, "FRA", "RUS", by="year")
    assert list(series.columns[:3]) == ["period", "events", "from_a"]
    assert series["events"].sum() >= 1 and set(series["types"]) == {"SANCTION"}
    top = analysis.top_dyads(inline_db, limit=5)
    assert len(top) == 5 and top["events"].is_monotonic_decreasing
    groups = analysis.blocs(inline_db)
    assert groups and all(len(g) >= 2 for g in groups)
    assert all("RUS" not in g for g in groups), "every state here sanctions Russia"


def test_exports(inline_db: Path, tmp_path: Path) -> None:
    tables = parquet.tables(inline_db, tmp_path / "parquet")
    connection = duckdb.connect()
    assert connection.execute(f"SELECT count(*) FROM '{(tmp_path / 'parquet' / 'documents.parquet').as_posix()}'"
                              ).fetchone() == (25,)
    assert sorted(t.stem for t in tables) == sorted(["documents", *store.ROW_TABLES, "rejects"])
    rows = export.export(inline_db, "gdelt", tmp_path / "events.tsv")
    lines = (tmp_path / "events.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == list(gdelt.COLUMNS) and len(lines) == rows + 1
    assert all(len(line.split("\t")) == len(gdelt.COLUMNS) for line in lines)
    export.export(inline_db, "plover", tmp_path / "events.jsonl")
    first = json.loads((tmp_path / "events.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert {"event", "actor", "recipient", "text"} <= set(first)
    edges = export.export(inline_db, "graphml", tmp_path / "graph.graphml")
    root = ET.parse(tmp_path / "graph.graphml").getroot()
    assert len(root.findall(".//{http://graphml.graphdrawing.org/xmlns}edge")) == edges > 0


def test_cli_queries_and_unreadable_database(inline_db: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from multipolar.cli.app import app

    runner = CliRunner()
    result = runner.invoke(app, ["dyad", "FRA", "RUS", "--db", str(inline_db), "--format", "csv"])
    assert result.exit_code == 0 and result.stdout.startswith("period,events")
    result = runner.invoke(app, ["blocs", "--db", str(inline_db)])
    assert result.exit_code == 0 and result.stdout.strip()
    broken = tmp_path / "broken.duckdb"
    broken.write_bytes(b"this is not a database" * 100)
    result = runner.invoke(app, ["top", "--db", str(broken)])
    assert result.exit_code == 1 and "cannot open database" in result.stderr


def test_flows_and_bloc_history(inline_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "flows.duckdb"
    records = tmp_path / "flows.jsonl"
    records.write_text("\n".join(json.dumps(r) for r in [
        {"id": "f1", "date": "2022-03-01", "text": "In 2021, China imported oil from Russia worth $52.1 billion."},
        {"id": "f2", "date": "2023-03-01", "text": "In 2022, China imported oil from Russia worth $81 billion."},
        {"id": "f3", "date": "2023-03-01", "text": "In 2022, Japan imported coal from Australia worth $40 billion."},
    ]) + "\n", encoding="utf-8")
    ingest([records], db, workers=1)
    frame = analysis.flows(db, "CHN", "RUS")
    assert list(frame["text"]) == ["$52.1 billion", "$81 billion"]
    assert set(frame["from_actor"]) == {"RUS"} and set(frame["to_actor"]) == {"CHN"}
    history = analysis.bloc_history(inline_db)
    assert sorted(history) == [*range(2015, 2023), 2024]  # the synthetic reports and the fixture page


def _limit_file_size(limit: int) -> None:
    """In the child: writes past `limit` bytes fail with EFBIG (SIGXFSZ ignored), as writes to a full disk do."""
    import resource

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


@pytest.mark.parametrize("full", ["file-size-limit", "tmpfs"])
def test_a_full_disk_stops_ingest_with_one_line_and_a_sound_database(full: str, tmp_path: Path) -> None:
    """Half-way through, writes start failing: ingest stops with one line, the database holds whole
    documents only, and once there is room again the same command finishes the job."""
    folder = synthetic_corpus(tmp_path / "big", 400).parent
    place = tmp_path / "disk"
    place.mkdir()
    if full == "tmpfs":
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(place)],
                                 capture_output=True, check=False)
        if mounted.returncode:
            pytest.skip("mounting a small tmpfs needs root with CAP_SYS_ADMIN; the file-size case still runs")
    db = place / "full.duckdb"

    def command(target: Path) -> list[str]:
        return [sys.executable, "-m", "multipolar", "ingest", str(folder), "--db", str(target), "--workers", "1", "-q"]

    try:
        failed = subprocess.run(command(db), cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
                                preexec_fn=(lambda: _limit_file_size(256_000)) if full != "tmpfs" else None)
        assert failed.returncode == 1, failed.stdout + failed.stderr
        assert "Traceback" not in failed.stderr and len(failed.stderr.strip().splitlines()) == 1
        assert "disk full" in failed.stderr
        partial = snapshot(db)
        assert partial["problems"] == [] and 0 < len(partial["ids"]) < 400  # type: ignore[arg-type]
        roomy = tmp_path / "roomy.duckdb"
        for name in ("full.duckdb", "full.duckdb.wal"):
            if (place / name).exists():
                (roomy.parent / name.replace("full", "roomy")).write_bytes((place / name).read_bytes())
    finally:
        if full == "tmpfs":
            subprocess.run(["umount", str(place)], check=False)
    finished = subprocess.run(command(roomy), cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert finished.returncode == 0, finished.stderr
    final = snapshot(roomy)
    assert final["problems"] == [] and len(final["ids"]) == 400  # type: ignore[arg-type]
    assert set(partial["ids"]) <= set(final["ids"])  # type: ignore[arg-type]


def test_gdelt_export_takes_sectors_from_the_events_and_the_url_from_the_record(tmp_path: Path) -> None:
    records = tmp_path / "sectors.jsonl"
    records.write_text(json.dumps({"id": "s1", "date": "2024-03-05", "source_url": "https://example.org/s1", "text": (
        "The Russian army attacked Ukraine on Monday. Foreign Minister Sergei Lavrov met Chinese Foreign "
        "Minister Wang Yi in Beijing.")}) + "\n", encoding="utf-8")
    db = tmp_path / "sectors.duckdb"
    ingest([records], db, workers=1)
    export.export(db, "gdelt", tmp_path / "events.tsv")
    rows = [dict(zip(gdelt.COLUMNS, line.split("\t"), strict=True))
            for line in (tmp_path / "events.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    assert {(r["Actor1Code"], r["PLOVER"], r["Actor2Code"]) for r in rows} >= {
        ("RUSMIL", "ASSAULT", "UKR"), ("RUSGOV", "CONSULT", "CHNGOV")}
    assert {r["SOURCEURL"] for r in rows} == {"https://example.org/s1"}


@pytest.mark.parametrize("read_only", [False, True])
def test_the_store_keeps_to_the_memory_and_threads_the_settings_give(tmp_path: Path, read_only: bool) -> None:
    db = tmp_path / "bounded.duckdb"
    store.connect(db).close()
    settings = Settings(store_memory_limit="64MB", store_threads=1)
    connection = store.connect(db, read_only=read_only, settings=settings)
    try:
        limit, threads = connection.execute(
            "SELECT current_setting('memory_limit'), current_setting('threads')").fetchone()  # type: ignore[misc]
    finally:
        connection.close()
    assert (limit, threads) == ("61.0 MiB", 1)  # DuckDB reports 64 MB in MiB
