"""Nothing lost between analysis and store: `show` prints exactly what `analyze --format json` printed,
and the web app's document JSON twin is the same, on the reference article and on 200 corpus documents."""

from __future__ import annotations

import gzip
import itertools
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from multipolar.cli.app import app
from multipolar.contract import to_json
from multipolar.corpus import store
from multipolar.corpus.ingest import ingest
from multipolar.pipeline import process
from multipolar.settings import Settings

from .conftest import FIXTURES, SHARED

pytestmark = pytest.mark.model
runner = CliRunner()


def cli(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_show_prints_exactly_what_analyze_printed_for_the_reference_article(tmp_path: Path) -> None:
    article = SHARED / "seed" / "article.txt"
    if not article.exists():
        pytest.skip("../shared/seed/article.txt is not beside the project")
    printed = cli("analyze", str(article), "--format", "json")
    db = tmp_path / "seed.duckdb"
    ingest([article], db, workers=1)
    doc_id = json.loads(printed)["document"]["id"]
    assert cli("show", doc_id, "--db", str(db)) == printed
    assert cli("show", doc_id[:8], "--db", str(db)) == printed
    fastapi = pytest.importorskip("fastapi.testclient")
    from multipolar.web.app import create_app

    with fastapi.TestClient(create_app(db), base_url="http://127.0.0.1") as client:
        twin = client.get(f"/api/documents/{doc_id}")
    assert twin.status_code == 200 and twin.json() == json.loads(printed)


def test_show_finds_a_record_by_its_source_id_and_says_when_it_is_missing(tmp_path: Path) -> None:
    records = FIXTURES / "store-schema-records.jsonl"
    printed = cli("analyze", str(records), "--format", "jsonl").splitlines()
    db = tmp_path / "records.duckdb"
    assert cli("ingest", str(records), "--db", str(db), "-q") == ""
    for line in printed:
        source_id = json.loads(line)["document"]["source_id"]
        assert json.loads(cli("show", source_id, "--db", str(db))) == json.loads(line)
    missing = runner.invoke(app, ["show", "no-such-document", "--db", str(db)])
    assert missing.exit_code == 1 and "no document 'no-such-document'" in missing.stderr


def corpus_sample(count: int) -> list[dict[str, object]]:
    """Every 20th White House record, and every 193rd UN General Debate speech (spoken for its state)."""
    wh = SHARED / "corpora" / "whitehouse-statements-2021-2026" / "documents.jsonl.gz"
    un = SHARED / "corpora" / "ungdc-2005-2024" / "speeches.jsonl.gz"
    if not (wh.exists() and un.exists()):
        pytest.skip("the shared corpora are not beside the project")
    with gzip.open(un, "rt", encoding="utf-8") as lines:
        speeches = [json.loads(line) for line in itertools.islice(lines, 0, None, 193)][:count // 10]
    with gzip.open(wh, "rt", encoding="utf-8") as lines:
        statements = [json.loads(line) for line in itertools.islice(lines, 0, None, 20)][: count - len(speeches)]
    return statements + speeches


def test_200_corpus_documents_come_back_from_the_store_as_they_were_analysed(tmp_path: Path) -> None:
    """The analyses `analyze --format jsonl` prints, written as `ingest` writes them and read back as `show`
    and the web twin read them: the same JSON, character for character, for every document."""
    settings = Settings(voice_field="iso3")
    records = corpus_sample(200)
    connection = store.connect(tmp_path / "corpus.duckdb")
    analysed, compared, rows = 0, 0, 0
    for result in process(records, settings=settings):
        if result.analysis is None:
            continue
        analysed += 1
        if not store.write_analysis(connection, result.analysis):
            continue  # the same text twice in the corpus: stored once
        back = store.read_analysis(connection, result.analysis.document.id)
        assert back is not None and to_json(back) == to_json(result.analysis), result.analysis.document.source_id
        compared += 1
        rows += sum(len(getattr(back, t)) for t in store.ROW_TABLES)
    assert store.consistency_problems(connection) == []
    connection.close()
    print(f"round trip: {analysed} analysed, {compared} compared, {rows} rows")  # docs/robustness.md's figures (-s)
    assert len(records) == 200 and analysed >= 195 and compared >= 190 and rows > 10_000
