"""`multipolar serve` under hostile requests: a real uvicorn on 127.0.0.1, started and stopped here, spoken
to over real sockets (raw bytes where a client library would refuse to send what an attacker sends)."""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from multipolar.settings import Settings
from multipolar.web.app import create_app
from multipolar.web.guard import allowed_hosts, host_name, is_loopback
from multipolar.web.server import running

from .test_store import synthetic_corpus

LIMITS = Settings(header_timeout=1.0, keep_alive_timeout=1, max_body_bytes=400_000, max_text_chars=100_000,
                  analysis_workers=1, analysis_queue=1, doc_timeout=2.0)
SHORT = "Russia invaded Ukraine in February 2022, officials said."


@pytest.fixture(scope="module")
def store_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small store; ingesting needs the model, so the tests that use it are `model` tests."""
    from multipolar.corpus.ingest import ingest

    folder = tmp_path_factory.mktemp("securitycorpus")
    synthetic_corpus(folder, 6)
    db = folder / "security.duckdb"
    ingest([folder], db, workers=1)
    return db


@pytest.fixture(scope="module")
def empty_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with no documents: enough for everything that does not read rows."""
    from multipolar.corpus import store

    db = tmp_path_factory.mktemp("emptystore") / "empty.duckdb"
    store.connect(db).close()
    return db


@pytest.fixture(scope="module")
def server(empty_db: Path) -> Iterator[str]:
    with running(create_app(empty_db, LIMITS), LIMITS) as base:
        yield base


def _port(base: str) -> int:
    return int(base.rsplit(":", 1)[1])


def _exchange(base: str, data: bytes, timeout: float = 10.0) -> bytes:
    """Send raw bytes, read until the server closes (or `timeout`)."""
    with socket.create_connection(("127.0.0.1", _port(base)), timeout=timeout) as connection:
        connection.sendall(data)
        received = b""
        try:
            while chunk := connection.recv(65536):
                received += chunk
        except (TimeoutError, ConnectionResetError):
            pass
    return received


def _one_response(connection: socket.socket) -> bytes:
    """One whole response (headers and Content-Length bytes of body) from a kept-alive connection."""
    received = b""
    while b"\r\n\r\n" not in received:
        received += connection.recv(4096)
    head, _, body = received.partition(b"\r\n\r\n")
    lines = head.lower().split(b"\r\n")
    length = next(int(line.split(b":")[1]) for line in lines if line.startswith(b"content-length"))
    while len(body) < length:
        body += connection.recv(4096)
    return head + b"\r\n\r\n" + body


def _status(response: bytes) -> int:
    return int(response.split(b" ", 2)[1]) if response.startswith(b"HTTP/1.1 ") else 0


def _get(base: str, path: str, host: bytes = b"127.0.0.1", extra: bytes = b"") -> bytes:
    return _exchange(base, b"GET " + path.encode() + b" HTTP/1.1\r\nHost: " + host + b"\r\n" + extra +
                     b"Connection: close\r\n\r\n")


# ---- Host allow-list (DNS rebinding) -------------------------------------------------------------------

def test_host_names_and_addresses() -> None:
    assert host_name("LocalHost:8000") == "localhost" and host_name("[::1]:8000") == "::1"
    assert host_name("::1") == "::1" and host_name("example.org.") == "example.org"
    assert allowed_hosts("0.0.0.0") == {"localhost", "127.0.0.1", "::1"}
    assert "box.example" in allowed_hosts("box.example") and "a.example" in allowed_hosts("::", ["A.example"])
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost") and is_loopback("127.8.0.1")
    assert not is_loopback("0.0.0.0") and not is_loopback("::") and not is_loopback("box.example")


@pytest.mark.parametrize("host", [b"127.0.0.1", b"localhost", b"LOCALHOST:8000", b"[::1]:8000", b"127.0.0.1:1"])
def test_own_names_are_served(server: str, host: bytes) -> None:
    assert _status(_get(server, "/api/events", host)) == 200


@pytest.mark.parametrize("host", [b"evil.example", b"evil.example:8000", b"127.0.0.1.evil.example",
                                  b"localhost.evil.example", b"", b"[::2]", b"127.0.0.2"])
def test_other_hosts_get_400(server: str, host: bytes) -> None:
    response = _get(server, "/api/events", host)
    assert _status(response) == 400 and b"Host" in response


def test_two_host_headers_get_400(server: str) -> None:
    assert _status(_get(server, "/api/events", extra=b"Host: evil.example\r\n")) == 400


def test_allowed_hosts_are_added(empty_db: Path) -> None:
    limits = LIMITS.replace(allowed_hosts=("multipolar.example",))
    with running(create_app(empty_db, limits), limits) as base:
        assert _status(_get(base, "/api/events", b"multipolar.example:8000")) == 200
        assert _status(_get(base, "/api/events", b"evil.example")) == 400


def test_oversized_headers_get_400(server: str) -> None:
    """h11 refuses a header block that keeps growing (a megabyte here) instead of buffering it."""
    with socket.create_connection(("127.0.0.1", _port(server)), timeout=10) as connection:
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            connection.sendall(b"GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + b"a" * 1_000_000 +
                               b"\r\n\r\n")
        answer = connection.recv(200)
    assert _status(answer) == 400


# ---- bodies --------------------------------------------------------------------------------------------

def test_a_declared_oversized_body_gets_413_unread(server: str) -> None:
    response = _exchange(server, b"POST /api/analyze HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json"
                         b"\r\nContent-Length: 300000000\r\n\r\n{")
    assert _status(response) == 413


def test_a_chunked_body_is_counted_as_it_arrives(server: str) -> None:
    """No Content-Length: the server counts the chunks, answers 413 past the limit and stops reading."""
    with socket.create_connection(("127.0.0.1", _port(server)), timeout=10) as connection:
        connection.sendall(b"POST /api/analyze HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                           b"Transfer-Encoding: chunked\r\n\r\n")
        chunk = b"%x\r\n%s\r\n" % (65536, b"x" * 65536)
        sent, answer = 0, b""
        connection.settimeout(0.05)
        while sent < 300_000_000 and not answer:
            try:
                connection.sendall(chunk)
                sent += 65536
                answer = connection.recv(4096)
            except TimeoutError:
                continue
            except (BrokenPipeError, ConnectionResetError):
                break
        connection.settimeout(5)
        answer = answer or connection.recv(4096)
    assert _status(answer) == 413
    assert sent < 20_000_000, f"{sent} bytes went in before the server said no (limit 400,000)"


def test_a_body_too_slow_gets_408(server: str) -> None:
    started = time.monotonic()
    response = _exchange(server, b"POST /api/analyze HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json"
                         b"\r\nContent-Length: 100\r\n\r\n{\"text\": ")
    assert _status(response) == 408 and time.monotonic() - started < 5


# ---- Authorization -------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def guarded(empty_db: Path) -> Iterator[str]:
    with running(create_app(empty_db, LIMITS, token="s3cret"), LIMITS) as base:
        yield base


def _post_with(base: str, authorization: bytes | None) -> bytes:
    header = b"Authorization: " + authorization + b"\r\n" if authorization is not None else b""
    return _exchange(base, b"POST /api/analyze HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" +
                     header + b"Content-Length: 2\r\nConnection: close\r\n\r\n{}")


@pytest.mark.parametrize("authorization", [None, b"", b"Bearer", b"Bearer ", b"Bearer wrong", b"Basic czNjcmV0",
                                           "Bearer s3crét".encode(), "Bearer s3cret\u00e9".encode("latin-1"),
                                           b"Bearer \xff\xfe\x00", "Bearer 秘密".encode(), b"s3cret",
                                           b"Bearer s3cret s3cret"])
def test_bad_authorization_is_401_never_500(guarded: str, authorization: bytes | None) -> None:
    response = _post_with(guarded, authorization)
    assert _status(response) in (400, 401), response[:200]
    if authorization is None or b"\x00" not in authorization:
        assert _status(response) == 401


def test_the_right_token_passes(guarded: str) -> None:
    assert _status(_post_with(guarded, b"Bearer s3cret")) == 422, "past the guard: `{}` has no text"
    assert _status(_post_with(guarded, b"bearer s3cret")) == 422
    assert _status(_get(guarded, "/api/events")) == 200, "reads need no token"


def test_beyond_loopback_writes_need_a_token(empty_db: Path) -> None:
    """An app built for 0.0.0.0 (served here on 127.0.0.1 only) refuses analyses until it has a token."""
    open_app = create_app(empty_db, LIMITS, host="0.0.0.0")
    with running(open_app, LIMITS) as base:
        response = _post_with(base, None)
        assert _status(response) == 401 and b"MULTIPOLAR_API_TOKEN" in response
        assert _status(_get(base, "/api/events")) == 200
    with running(create_app(empty_db, LIMITS, host="0.0.0.0", token="s3cret"), LIMITS) as base:
        assert _status(_post_with(base, None)) == 401
        assert _status(_post_with(base, b"Bearer s3cret")) == 422


# ---- slow and idle connections -------------------------------------------------------------------------

def test_idle_half_sent_headers_do_not_shut_others_out(server: str) -> None:
    """70 connections that send half their headers and wait: others are still served, and those are cut
    off after `header_timeout` with 408."""
    idle = []
    try:
        for _ in range(70):
            connection = socket.create_connection(("127.0.0.1", _port(server)), timeout=5)
            connection.sendall(b"GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
            idle.append(connection)
        assert httpx.get(server + "/api/events", timeout=5).status_code == 200, "served beside them, not 503"
        time.sleep(LIMITS.header_timeout + 0.5)
        answers = [connection.recv(200) for connection in idle]
        assert all(_status(answer) == 408 for answer in answers)
    finally:
        for connection in idle:
            connection.close()


def test_dribbled_headers_are_cut_off_at_the_deadline(server: str) -> None:
    """A byte every 0.2 s: the deadline counts from the first byte, so dribbling does not extend it."""
    request = b"GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 100
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", _port(server)), timeout=5) as connection:
        answer = b""
        for byte in request:
            try:
                connection.sendall(bytes([byte]))
            except (BrokenPipeError, ConnectionResetError):
                break
            connection.settimeout(0.2)
            try:
                answer = connection.recv(200)
            except TimeoutError:
                continue
            break
    assert _status(answer) == 408 and time.monotonic() - started < LIMITS.header_timeout + 2


def test_idle_keep_alive_connections_are_closed(server: str) -> None:
    with socket.create_connection(("127.0.0.1", _port(server)), timeout=5) as connection:
        connection.sendall(b"GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        assert _status(_one_response(connection)) == 200
        started = time.monotonic()
        assert connection.recv(4096) == b"", "closed by the server"
        assert time.monotonic() - started < LIMITS.keep_alive_timeout + 1.5


# ---- query parameters (issue 16, item 6) ---------------------------------------------------------------

BAD_QUERIES = [
    ("/api/events?since=bad", "since"), ("/api/events?until=2024-13-01", "until"),
    ("/api/events?since=2024-02-30", "since"), ("/api/events?offset=9223372036854775808", "offset"),
    ("/api/events?offset=-1", "offset"), ("/api/events?limit=0", "limit"), ("/api/events?limit=1e3", "limit"),
    ("/api/events?limit=501", "limit"), ("/api/events?actor=" + "A" * 65, "actor"),
    ("/api/documents?offset=99999999999999999999999", "offset"), ("/api/documents?q=" + "x" * 201, "q"),
    ("/api/actors?limit=abc", "limit"), ("/api/quantities?offset=9223372036854775808", "offset"),
    ("/api/quotes?limit=-5", "limit"), ("/api/dyads/CHN/RUS?by=week", "by"), ("/api/blocs?year=99999", "year"),
    ("/api/blocs?year=0", "year"), ("/api/graph?top=0", "top"), ("/api/graph?year=x", "year"),
    ("/?top=100000", "top"), ("/dyad/CHN/RUS?by=decade", "by"), ("/api/causal?actor=" + "x" * 100, "actor"),
    ("/api/dyads/" + "A" * 100 + "/RUS", "a"), ("/api/documents/" + "f" * 200, "doc_id"),
]


@pytest.mark.parametrize(("path", "name"), BAD_QUERIES)
def test_bad_query_parameters_get_422_with_the_reason(server: str, path: str, name: str) -> None:
    response = httpx.get(server + path, timeout=10)
    assert response.status_code == 422, response.text[:300]
    assert name in [error["loc"][-1] for error in response.json()["detail"]]


BAD_BODIES = [b'{"text": "Russia invaded Ukraine.", "date": {"a": 1}}', b'{"text": 5}', b'{"date": "2024-01-01"}',
              b'{"text": "Russia invaded Ukraine.", "date": "not a date at all"}', b"[1, 2]", b"{", b'"text"',
              b'{"text": "' + b"x" * (LIMITS.max_text_chars + 10_000) + b'"}', b"[" * 50_000 + b"]" * 50_000,
              b'{"text": "Russia invaded Ukraine.", "date": "' + b"9" * 100 + b'"}']


@pytest.mark.parametrize("body", BAD_BODIES, ids=range(len(BAD_BODIES)))
def test_bad_analysis_bodies_get_4xx_never_500(server: str, body: bytes) -> None:
    response = httpx.post(server + "/api/analyze", content=body, headers={"Content-Type": "application/json"},
                          timeout=30)
    assert response.status_code in (400, 422), response.text[:300]
    assert response.json()["detail"]


ENDPOINTS = ["/api/events", "/api/documents", "/api/actors", "/api/quantities", "/api/quotes", "/api/blocs",
             "/api/graph", "/api/causal", "/api/dyads/CHN/RUS", "/api/dyads", "/api/events.csv", "/api/graph.csv",
             "/api/dyads/CHN/RUS.csv", "/", "/events", "/documents", "/dyads", "/dyad/CHN/RUS", "/causal"]
NAMES = ["since", "until", "offset", "limit", "actor", "other", "type", "quad", "modality", "q", "kind", "measure",
         "year", "top", "by", "min_events", "pair"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(ENDPOINTS), name=st.sampled_from(NAMES),
       value=st.one_of(st.text(max_size=30), st.integers().map(str), st.floats().map(str)))
def test_any_query_value_is_answered_never_500(server: str, path: str, name: str, value: str) -> None:
    response = httpx.get(server + path, params={name: value}, timeout=30)
    assert response.status_code in (200, 404, 422), (path, name, value, response.text[:200])


# ---- error bodies --------------------------------------------------------------------------------------

def test_error_bodies_show_no_paths_pids_or_tracebacks(tmp_path: Path) -> None:
    """A file that is not a store, and a store held by another process: 503 / 500 with a plain reason."""
    import subprocess
    import sys

    not_a_store = tmp_path / "secret-folder" / "not-a-store.duckdb"
    not_a_store.parent.mkdir()
    not_a_store.write_bytes(b"this is not a database" * 100)
    with running(create_app(not_a_store, LIMITS), LIMITS) as base:
        bodies = [httpx.get(base + path, timeout=10) for path in ("/api/events", "/", "/api/graph")]
    held = tmp_path / "held.duckdb"
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('ready', flush=True); time.sleep(60)", str(held)], stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with running(create_app(held, LIMITS), LIMITS) as base:
            bodies.append(httpx.get(base + "/api/events", timeout=10))
    finally:
        holder.kill()
        holder.wait(timeout=10)
    for response in bodies:
        assert response.status_code in (500, 503)
        text = response.text
        for leak in ("secret-folder", str(tmp_path), "PID", "Traceback", sys.executable, "File \""):
            assert leak not in text, text
        assert response.json()["detail"]


# ---- analyses: a queue, a hard time limit, stopped when the client leaves ------------------------------

@pytest.fixture(scope="module")
def analysing(store_db: Path) -> Iterator[tuple[str, object]]:
    """A server with one analysis worker, a queue of one, and a 2 s limit; the worker is started first."""
    app = create_app(store_db, LIMITS)
    with running(app, LIMITS) as base:
        assert httpx.post(base + "/api/analyze", json={"text": SHORT}, timeout=120).status_code == 200
        yield base, app.state.analyses


def _analysis_processes() -> set[int | None]:
    return {p.pid for p in multiprocessing.active_children() if p.name == "multipolar-analysis" and p.is_alive()}


def _long_text(seed_text: str) -> str:
    """A text at the length limit: about twice the time limit's worth of analysis on a quiet machine (50,000
    characters took 2.5 s there, under the 3 s limit these tests had)."""
    return (seed_text * 40)[:LIMITS.max_text_chars]


@pytest.mark.model
def test_analyses_are_served_and_validated(analysing: tuple[str, object]) -> None:
    base, _ = analysing
    result = httpx.post(base + "/api/analyze", json={"text": SHORT, "date": "2022-03-01"}, timeout=60).json()
    assert result["schema"] == "multipolar.analysis/1" and result["events"][0]["plover"] == "ASSAULT"
    too_long = httpx.post(base + "/api/analyze", json={"text": "x" * (LIMITS.max_text_chars + 1)}, timeout=60)
    assert too_long.status_code == 422 and "at most" in too_long.json()["detail"]
    page = httpx.post(base + "/analyze", data={"text": SHORT, "date": "2022-03-01"}, timeout=60)
    assert page.status_code == 200 and "ASSAULT" in page.text


@pytest.mark.model
def test_a_long_analysis_stops_at_the_time_limit_and_the_queue_is_bounded(
        analysing: tuple[str, object], seed_text: str) -> None:
    base, pool = analysing
    results: dict[int, tuple[int, float]] = {}

    def post(k: int) -> None:
        started = time.monotonic()
        response = httpx.post(base + "/api/analyze", json={"text": _long_text(seed_text)}, timeout=120)
        results[k] = (response.status_code, time.monotonic() - started)

    threads = [threading.Thread(target=post, args=(k,)) for k in range(3)]
    for thread in threads:
        thread.start()
        time.sleep(0.3)
    for thread in threads:
        thread.join(timeout=120)
    statuses = sorted(status for status, _ in results.values())
    assert statuses == [422, 422, 503], results
    first = min((elapsed for status, elapsed in results.values() if status == 422))
    assert first < LIMITS.doc_timeout + 2.0, f"the first long text took {first:.1f} s (limit {LIMITS.doc_timeout})"
    rejected = next(elapsed for status, elapsed in results.values() if status == 503)
    assert rejected < 3.0, "a full queue answers at once"
    assert httpx.post(base + "/api/analyze", json={"text": SHORT}, timeout=120).status_code == 200
    assert pool.running == 0  # type: ignore[attr-defined]


@pytest.mark.model
def test_an_analysis_stops_when_its_client_leaves(analysing: tuple[str, object], seed_text: str) -> None:
    base, pool = analysing
    before = pool.stopped  # type: ignore[attr-defined]
    workers = _analysis_processes()
    body = json.dumps({"text": _long_text(seed_text)}).encode()
    with socket.create_connection(("127.0.0.1", _port(base)), timeout=5) as connection:
        connection.sendall(b"POST /api/analyze HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                           b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        until_taken = time.monotonic() + 10  # the body must be read and a worker taken first: slow on a busy machine
        while not pool.running and time.monotonic() < until_taken:  # type: ignore[attr-defined]
            time.sleep(0.05)
        assert pool.running == 1  # type: ignore[attr-defined]
    deadline = time.monotonic() + 2
    while pool.running and time.monotonic() < deadline:  # type: ignore[attr-defined]
        time.sleep(0.05)
    assert pool.running == 0 and pool.stopped == before + 1  # type: ignore[attr-defined]
    # other servers of this module may hold workers of their own: only a worker gone says this one was killed
    assert workers - _analysis_processes(), "the worker that ran it was killed (a fresh one replaces it)"
    assert httpx.post(base + "/api/analyze", json={"text": SHORT}, timeout=120).status_code == 200


def test_the_queue_is_bounded_shortest_first_and_frees_places_of_leavers() -> None:
    """The scheduler alone (no worker processes): one slot, two places in the queue."""
    import asyncio

    from multipolar.web.analyses import AnalysisBusy, WorkerSlots

    slots = WorkerSlots(1, 2, long_chars=1_000_000)
    order: list[int] = []

    async def wait_then_run(length: int) -> None:
        await slots.acquire(length)
        order.append(length)
        slots.release(length)

    async def scenario() -> None:
        await slots.acquire(10)  # the only slot is taken
        waiting = [asyncio.ensure_future(wait_then_run(n)) for n in (50_000, 100)]
        await asyncio.sleep(0)
        with pytest.raises(AnalysisBusy):
            await slots.acquire(5)
        waiting[0].cancel()  # the long text's client leaves: its place is free again
        await asyncio.sleep(0)
        waiting.append(asyncio.ensure_future(wait_then_run(20_000)))
        await asyncio.sleep(0)
        slots.release(10)
        await asyncio.gather(*waiting[1:])

    asyncio.run(scenario())
    assert order == [100, 20_000] and slots.free == 1 and slots.waiting == 0


def test_long_texts_leave_one_worker_to_short_ones() -> None:
    import asyncio

    from multipolar.web.analyses import WorkerSlots

    slots = WorkerSlots(2, 8, long_chars=20_000)

    async def scenario() -> list[str]:
        await slots.acquire(150_000)  # one long text runs
        second_long = asyncio.ensure_future(slots.acquire(150_000))
        await asyncio.sleep(0)
        assert not second_long.done() and slots.free == 1, "the last slot is kept for short texts"
        await asyncio.wait_for(slots.acquire(500), 1)  # a short one gets it at once
        events = ["short ran"]
        slots.release(500)
        await asyncio.sleep(0)
        assert not second_long.done(), "still only one long text at a time"
        slots.release(150_000)
        await asyncio.wait_for(second_long, 1)
        events.append("second long ran")
        return events

    assert asyncio.run(scenario()) == ["short ran", "second long ran"]
    assert slots.long_held == 1 and slots.free == 1


@pytest.mark.parametrize("code", ['CH"N', "A\r\nX-Evil: 1", "中"])
def test_a_download_name_from_the_url_cannot_break_its_header(empty_db: Path, code: str) -> None:
    with TestClient(create_app(empty_db), base_url="http://127.0.0.1") as client:
        response = client.get(f"/api/dyads/{quote(code, safe='')}/RUS.csv")
    assert response.status_code == 200
    assert "x-evil" not in response.headers
    disposition = response.headers["content-disposition"]
    assert re.fullmatch(r'attachment; filename="[A-Za-z0-9._-]+\.csv"', disposition), disposition
