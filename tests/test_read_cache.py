"""The web's kept answers (`multipolar.web.read_cache`): bounded, computed once, and never older than the
store they were read from."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from multipolar.web.read_cache import ReadCache
from multipolar.web.store_handle import StoreKeeper, file_version


class FixedVersion(StoreKeeper):
    """A keeper whose store version the test sets (None: no connection held)."""

    def __init__(self, version: tuple[int, ...] | None = (1,)) -> None:
        super().__init__(Path("unused.duckdb"))
        self.fixed = version

    @property
    def version(self) -> tuple[int, ...] | None:
        return self.fixed


def test_an_answer_is_kept_per_key_and_version() -> None:
    keeper, calls = FixedVersion(), []
    cache = ReadCache(keeper)

    def make(value: str) -> str:
        calls.append(value)
        return value

    assert [cache.get("a", lambda: make("one")), cache.get("a", lambda: make("two"))] == ["one", "one"]
    assert cache.get("b", lambda: make("three")) == "three" and calls == ["one", "three"]
    keeper.fixed = (2,)
    assert cache.get("a", lambda: make("four")) == "four", "a new store version makes every kept answer stale"
    keeper.fixed = None
    assert [cache.get("a", lambda: make("five")), cache.get("a", lambda: make("six"))] == ["five", "six"]
    assert (cache.hits, cache.misses) == (1, 3)


def test_the_cache_is_bounded_by_entries_and_bytes() -> None:
    cache = ReadCache(FixedVersion(), max_entries=3, max_bytes=10)
    for key in "abc":
        cache.get(key, lambda: b"xx", len)
    cache.get("a", lambda: b"new", len)  # a is now the most recently used
    cache.get("d", lambda: b"xx", len)
    assert cache.get("b", lambda: b"again", len) == b"again", "the least recently used went first"
    assert cache.get("a", lambda: b"new again", len) == b"xx"
    cache.get("big", lambda: b"x" * 9, len)
    assert cache.get("a", lambda: b"gone", len) == b"gone", "past the byte bound the oldest answers go"


def test_a_failed_answer_is_not_kept_and_concurrent_misses_compute_once() -> None:
    cache = ReadCache(FixedVersion())
    with pytest.raises(ValueError, match="store busy"):
        cache.get("a", lambda: (_ for _ in ()).throw(ValueError("store busy")))
    assert cache.get("a", lambda: "read") == "read"
    started, calls, answers = threading.Event(), [], []

    def slow() -> str:
        calls.append(1)
        started.set()
        time.sleep(0.3)
        return "slow"

    threads = [threading.Thread(target=lambda: answers.append(cache.get("b", slow))) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert answers == ["slow"] * 6 and calls == [1]


def test_the_store_version_changes_with_a_write(tmp_path: Path) -> None:
    import duckdb

    db = tmp_path / "v.duckdb"
    with duckdb.connect(str(db)) as connection:
        connection.execute("CREATE TABLE t (x INTEGER)")
    before = file_version(db)
    time.sleep(0.02)
    with duckdb.connect(str(db)) as connection:
        connection.execute("INSERT INTO t VALUES (1)")
    assert before is not None and file_version(db) not in (None, before)
    assert file_version(tmp_path / "missing.duckdb") is None


@pytest.mark.model
def test_a_kept_dyad_answer_follows_an_ingest(tmp_path: Path) -> None:
    """The dyad route's answer is read once while the store stays as it is, and read anew after an
    ingest has written to it."""
    from multipolar.corpus.ingest import ingest
    from multipolar.web.app import create_app

    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text(json.dumps({"id": "f1", "date": "2021-05-01", "text": "France imposed sanctions on Russia "
                                 "on 3 May 2021, officials said."}) + "\n")
    second.write_text(json.dumps({"id": "f2", "date": "2022-06-01", "text": "France signed a trade agreement "
                                  "with Russia on 2 June 2022."}) + "\n")
    db = tmp_path / "store.duckdb"
    ingest([first], db, workers=0)
    app = create_app(db)
    with TestClient(app, base_url="http://127.0.0.1") as client:
        before = client.get("/api/dyads/FRA/RUS")
        assert before.status_code == 200 and client.get("/api/dyads/fra/rus").content == before.content
        assert app.state.read_cache.hits == 1
        page = client.get("/dyad/FRA/RUS")
        assert page.status_code == 200 and app.state.read_cache.hits == 2, "the page reads the kept answer"
        graph, pairs = client.get("/api/graph").json(), client.get("/api/dyads?pair=FRA-RUS").json()
        assert client.get("/api/graph").json() == graph and app.state.read_cache.hits == 3
        app.state.store_keeper.close()
        ingest([second], db, workers=0)
        after = client.get("/api/dyads/FRA/RUS").json()
        graph_after, pairs_after = client.get("/api/graph").json(), client.get("/api/dyads?pair=FRA-RUS").json()
    assert len(after["events"]) > len(before.json()["events"])
    assert [row["period"][:4] for row in after["series"]] == ["2021", "2022"]
    assert [row["period"][:4] for row in pairs_after[0]["series"]] == ["2021", "2022"] != \
        [row["period"][:4] for row in pairs[0]["series"]]
    assert sum(e["events"] for e in graph_after["edges"]) > sum(e["events"] for e in graph["edges"])
