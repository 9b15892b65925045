"""The command line, in process (typer's runner) and as a real subprocess for exit codes and stderr."""

from __future__ import annotations

import http.server
import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from multipolar.cli.app import app
from multipolar.contract import problems

from .conftest import FIXTURES, ROOT

pytestmark = pytest.mark.model
runner = CliRunner()
MULTIPOLAR = [sys.executable, "-m", "multipolar"]


def run(*args: str, stdin: str | None = None) -> tuple[int, str]:
    result = runner.invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout


def test_no_argument_analyses_the_bundled_sample() -> None:
    code, out = run("analyze")
    assert code == 0
    for heading in ("Actors", "Strongest relations", "Events", "Flows and figures", "Quotes", "Timeline", "Checks"):
        assert heading in out
    assert "CHN" in out and "RUS" in out


def test_json_of_a_text_file_meets_the_contract(tmp_path: Path) -> None:
    source = tmp_path / "note.txt"
    source.write_text("Russia invaded Ukraine on 24 February 2022. The European Union imposed sanctions on "
                      "Russia the next day.\n\nShare this article\n", encoding="utf-8")
    code, out = run("analyze", str(source), "--format", "json", "--date", "2022-03-01")
    assert code == 0
    document = json.loads(out)
    assert problems(document) == []
    assert "Share this article" not in document["document"]["text"]
    assert document["document"]["date"] == "2022-03-01"
    assert ("RUS", "UKR", "ASSAULT") in {(e["source"], e["target"], e["plover"]) for e in document["events"]}


def test_html_page_and_output_file(tmp_path: Path) -> None:
    out_file = tmp_path / "out.json"
    code, _ = run("analyze", str(FIXTURES / "page.html"), "--format", "json", "-o", str(out_file))
    assert code == 0
    document = json.loads(out_file.read_text(encoding="utf-8"))
    assert problems(document) == []
    assert "Print Friendly" not in document["document"]["text"]
    assert {"JPN", "AUS"} <= {a["code"] for a in document["actors"]}


def test_stdin() -> None:
    code, out = run("analyze", "-", "--format", "json", stdin="China and Russia held joint naval drills in the "
                    "Sea of Japan in July, the defence ministry in Beijing said.")
    assert code == 0
    document = json.loads(out)
    assert problems(document) == []
    assert "JPN" not in {a["code"] for a in document["actors"]}


def test_jsonl_keeps_one_line_per_record_in_order() -> None:
    code, out = run("analyze", str(FIXTURES / "records.jsonl"), "--format", "jsonl")
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == 4
    assert [line["document"]["source_id"] for line in lines] == ["a1", "a2", None, "a4"]
    assert "error" in lines[1] and lines[1]["line"] == 2
    assert "error" in lines[2] and lines[2]["line"] == 3
    for line in lines:
        assert problems(line) == []
    assert lines[0]["document"]["date"] == "2019-06-05"


def test_json_of_many_records_asks_for_jsonl() -> None:
    result = runner.invoke(app, ["analyze", str(FIXTURES / "records.jsonl"), "--format", "json"])
    assert result.exit_code == 1
    assert "jsonl" in result.stderr


@pytest.fixture()
def local_page() -> Iterator[str]:
    """A real HTTP server on 127.0.0.1 serving the fixture page; stopped by the test."""
    handler = lambda *a: http.server.SimpleHTTPRequestHandler(*a, directory=str(FIXTURES))  # noqa: E731
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


def test_url(local_page: str) -> None:
    code, out = run("analyze", f"{local_page}/page.html", "--format", "json")
    assert code == 0
    assert "reciprocal access agreement" in json.loads(out)["document"]["text"]
    result = runner.invoke(app, ["analyze", f"{local_page}/missing.html"])
    assert result.exit_code == 1 and "404" in result.stderr


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        ("Der Bundestag hat am Donnerstag mit großer Mehrheit ein neues Gesetz beschlossen, das die Rechte "
         "der Mieter stärkt und die Preise für Wohnungen in den Städten begrenzen soll.".encode(), "English"),
        (b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article text"),
    ],
)
def test_bad_input_is_one_line_on_stderr(tmp_path: Path, content: bytes, message: str) -> None:
    bad = tmp_path / ("bad.html" if content.startswith(b"<html") else "bad.txt")
    bad.write_bytes(content)
    process = subprocess.run([*MULTIPOLAR, "analyze", str(bad)], capture_output=True, text=True, cwd=ROOT,
                             timeout=120, check=False)
    assert process.returncode == 1
    assert process.stdout == ""
    assert len(process.stderr.strip().splitlines()) == 1, process.stderr
    assert message in process.stderr and "Traceback" not in process.stderr


def test_missing_file_and_bad_date() -> None:
    result = runner.invoke(app, ["analyze", "no/such/file.txt"])
    assert result.exit_code == 1 and "no such file" in result.stderr
    result = runner.invoke(app, ["analyze", str(FIXTURES / "page.html"), "--date", "2022-02-30"])
    assert result.exit_code != 0


def test_latin1_file_is_decoded(tmp_path: Path) -> None:
    source = tmp_path / "latin1.txt"
    source.write_bytes("Le président français a rencontré son homologue allemand à Paris. France and Germany "
                       "signed a defence agreement in Paris on Monday, officials said.".encode("latin-1"))
    code, out = run("analyze", str(source), "--format", "json")
    assert code == 0
    assert "président" in json.loads(out)["document"]["text"]


def test_figures_and_timeline_commands() -> None:
    code, out = run("figures", "--format", "csv")
    assert code == 0 and out.splitlines()[0].startswith("index,text,kind,value")
    code, out = run("timeline")
    assert code == 0 and "2022" in out


def test_actors_lookup_and_list() -> None:
    code, out = run("actors", "lookup", "the Kremlin")
    assert code == 0 and "RUS" in out
    code, out = run("actors", "lookup", "Chinese President", "--date", "2010-01-01")
    assert code == 0 and "hu-jintao" in out
    code, out = run("actors", "list", "--kind", "igo")
    assert code == 0 and "\nNATO\t" in out and "\nCHN\t" not in out
