"""The web app (real FastAPI app, real uvicorn server, real headless Chromium), the PDF report, the email."""

from __future__ import annotations

import json
import shutil
import socket
from collections.abc import Iterator
from email import message_from_bytes, policy
from email.message import Message
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from multipolar.corpus.ingest import ingest
from multipolar.settings import Settings
from multipolar.web.app import create_app

from .test_store import synthetic_corpus

pytestmark = pytest.mark.model

HOSTILE = "Germany imposed sanctions on Iran in 2012, officials said: \"<script>alert('owned')\" & 3 < 5."
"""Closed tags are removed from text fields at ingest; an unclosed one stays, and must be shown escaped."""
CLAIM = "Western sanctions have deepened the alliance between Russia and China, France said in March 2023."


@pytest.fixture(scope="module")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("webcorpus")
    synthetic_corpus(folder, 12)
    (folder / "hostile.jsonl").write_text(json.dumps({"id": "x", "date": "2012-02-01", "text": HOSTILE,
                                                                  "title": "<script>alert('title')</script>"}) + "\n")
    (folder / "claims.jsonl").write_text(json.dumps({"id": "c", "date": "2023-03-01", "text": CLAIM}) + "\n")
    db = folder / "web.duckdb"
    ingest([folder], db, workers=1)
    return db


@pytest.fixture(scope="module")
def client(web_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(web_db), base_url="http://127.0.0.1") as test_client:
        yield test_client


def test_api_lists_filters_and_paginates(client: TestClient) -> None:
    documents = client.get("/api/documents", params={"limit": 5}).json()
    assert len(documents) == 5
    more = client.get("/api/documents", params={"limit": 5, "offset": 5}).json()
    assert not {d["id"] for d in documents} & {d["id"] for d in more}
    events = client.get("/api/events", params={"actor": "IRN", "type": "SANCTION"}).json()
    assert events and all("IRN" in (e["source"], e["target"]) and e["plover"] == "SANCTION" for e in events)
    assert client.get("/api/events", params={"since": "2030-01-01"}).json() == []
    actors = client.get("/api/actors", params={"kind": "state"}).json()
    assert actors and all(a["kind"] == "state" for a in actors)
    series = client.get("/api/dyads/FRA/RUS").json()
    assert series["series"] and series["events"]
    assert isinstance(client.get("/api/blocs").json(), list)
    assert client.get("/api/graph").json()["edges"]
    assert client.get("/api/quantities").status_code == 200 and client.get("/api/quotes").status_code == 200


def test_api_analyze_and_its_limits(client: TestClient) -> None:
    result = client.post("/api/analyze", json={"text": "Russia invaded Ukraine in February 2022.",
                                              "date": "2022-03-01"}).json()
    assert result["schema"] == "multipolar.analysis/1" and result["events"][0]["plover"] == "ASSAULT"
    assert client.post("/api/analyze", json={"text": "x" * 300_000}).status_code == 422
    assert client.post("/api/analyze", json={"text": ""}).status_code == 422
    assert client.get("/openapi.json").json()["info"]["title"] == "multipolar"


def test_queries_are_parameterised_and_pages_escaped(client: TestClient) -> None:
    injected = client.get("/api/documents", params={"q": "'; DROP TABLE documents; --"})
    assert injected.status_code == 200 and injected.json() == []
    assert len(client.get("/api/documents", params={"limit": 100}).json()) == 14
    hostile = next(d for d in client.get("/api/documents", params={"q": "alert"}).json())
    page = client.get(f"/document/{hostile['id']}").text
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
    assert client.get("/document/nope").status_code == 404


def test_pages_have_json_twins_and_no_cdn(client: TestClient) -> None:
    for path in ("/", "/dyad/FRA/RUS", "/analyze", "/causal", "/causal?actor=chn"):
        page = client.get(path)
        assert page.status_code == 200 and 'id="twin"' in page.text
        assert "cdn" not in page.text.lower() and "https://" not in page.text
    assert client.get("/static/plotly.min.js").headers["content-type"].startswith("application/javascript")
    posted = client.post("/analyze", data={"text": "France imposed sanctions on Iran in 2012.", "date": "2013-01-01"})
    assert posted.status_code == 200 and "SANCTION" in posted.text and 'class="s event"' in posted.text


def test_causal_graph_api_and_page(client: TestClient) -> None:
    graph = client.get("/api/causal").json()
    stated = [e for e in graph["edges"] if e["kind"] == "states"]
    assert [(e["cause"], e["effect"], e["polarity"]) for e in stated] == [
        ("SANCTION WST->*", "RELATION CHN<->RUS", 1)]
    assert client.get("/api/causal", params={"actor": "IRN"}).json()["edges"] == []
    page = client.get("/causal").text
    assert 'class="causal-graph"' in page and "CHN–RUS relation" in page and "claim-source" in page


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server(web_db: Path) -> Iterator[str]:
    """A real uvicorn server on 127.0.0.1, stopped at the end of the module."""
    from multipolar.web.server import running

    with running(create_app(web_db)) as base:
        yield base


def test_browser_clicks_graph_dyad_document(server: str, tmp_path: Path) -> None:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1200,1400",
                 f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"),
                              options=options)
    try:
        driver.get(server + "/")
        assert driver.find_elements(By.CSS_SELECTOR, "#graph .main-svg"), "plotly drew the graph offline"
        driver.save_screenshot(str(tmp_path / "graph.png"))
        driver.find_element(By.CSS_SELECTOR, "a.dyad-link").click()
        assert "/dyad/" in driver.current_url and driver.find_elements(By.CSS_SELECTOR, "#series .main-svg")
        driver.save_screenshot(str(tmp_path / "dyad.png"))
        driver.find_element(By.CSS_SELECTOR, "a.doc-link").click()
        assert "/document/" in driver.current_url
        assert driver.find_elements(By.CSS_SELECTOR, "#text span.event")
        driver.save_screenshot(str(tmp_path / "document.png"))
        driver.get(server + "/causal")
        assert driver.find_elements(By.CSS_SELECTOR, "#drawing svg.causal-graph line")
        driver.save_screenshot(str(tmp_path / "causal.png"))
        driver.find_element(By.CSS_SELECTOR, "a.claim-source").click()
        assert "/document/" in driver.current_url and "Western sanctions" in driver.page_source
    finally:
        driver.quit()
    assert all((tmp_path / f"{name}.png").stat().st_size > 5000 for name in ("graph", "dyad", "document", "causal"))


def test_pdf_report_reads_back(web_db: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    from multipolar.present.report import dyad_report, to_pdf

    pdf = to_pdf(dyad_report(web_db, "FRA", "RUS"), tmp_path / "report.pdf")
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "FRA" in text and "RUS" in text and "SANCTION" in text


def test_email_reaches_a_real_smtp_server(web_db: Path, tmp_path: Path) -> None:
    from aiosmtpd.controller import Controller

    from multipolar.present.mail import SmtpServer, report_message, send
    from multipolar.present.report import dyad_report, to_pdf

    received: list[Message] = []

    class Keep:
        async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
            received.append(message_from_bytes(envelope.content, policy=policy.default))  # type: ignore[attr-defined]
            return "250 OK"

    port = _free_port()
    controller = Controller(Keep(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        page = dyad_report(web_db, "FRA", "RUS")
        pdf = to_pdf(page, tmp_path / "report.pdf")
        message = report_message(page, pdf, to="analyst@example.org", sender="multipolar@localhost",
                                 subject="FRA–RUS")
        send(message, SmtpServer("127.0.0.1", port))
    finally:
        controller.stop()
    assert len(received) == 1
    message = received[0]
    assert message["To"] == "analyst@example.org" and message["Subject"] == "FRA–RUS"
    types = [part.get_content_type() for part in message.walk()]
    assert "text/html" in types and "application/pdf" in types and "text/plain" in types


def test_limits_token_cors_and_traversal(web_db: Path) -> None:
    with TestClient(create_app(web_db, Settings(max_body_bytes=10_000), token="s3cret"),
                    base_url="http://127.0.0.1") as guarded:
        body = {"text": "Russia invaded Ukraine in 2022."}
        assert guarded.post("/api/analyze", json=body).status_code == 401
        assert guarded.post("/api/analyze", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert guarded.post("/api/analyze", json=body, headers={"Authorization": "Bearer s3cret"}).status_code == 200
        assert guarded.get("/api/documents").status_code == 200, "reads need no token"
        big = {"text": "word " * 5000}
        assert guarded.post("/api/analyze", json=big, headers={"Authorization": "Bearer s3cret"}).status_code == 413
        response = guarded.get("/api/documents", headers={"Origin": "https://elsewhere.example"})
        assert "access-control-allow-origin" not in response.headers
        for path in ("/static/../pyproject.toml", "/static/%2e%2e/pyproject.toml", "/document/..%2F..%2Fetc%2Fpasswd"):
            assert guarded.get(path).status_code == 404


def test_reads_while_an_ingest_holds_the_file_get_503_then_recover(client: TestClient, web_db: Path) -> None:
    """DuckDB lets one process write and none read beside it: the server lets go of the file once reads
    pause for a second, says so while another process holds it, then serves again."""
    import subprocess
    import sys
    import time

    assert client.get("/api/documents").status_code == 200
    keeper = client.app.state.store_keeper  # type: ignore[attr-defined]
    assert keeper.is_open
    deadline = time.monotonic() + 5
    while keeper.is_open and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not keeper.is_open
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('ready', flush=True); time.sleep(60)", str(web_db)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        busy = client.get("/api/documents")
        assert busy.status_code == 503 and "cannot be read just now" in busy.json()["detail"]
        assert str(web_db) not in busy.text and "PID" not in busy.text
    finally:
        holder.kill()
        holder.wait(timeout=10)
    assert client.get("/api/documents").status_code == 200
