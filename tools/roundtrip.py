"""The store's round trip on real documents, through the commands a user runs; by hand, not in CI:

    nice -n 10 .venv/bin/python tools/roundtrip.py --documents 200

Takes the corpus sample of `tests/test_roundtrip.py` (every 20th White House record, every 193rd UN
General Debate speech), prints it with `multipolar analyze --format jsonl --voice-field iso3`, stores it
with `multipolar ingest --voice-field iso3`, then asks `multipolar show SOURCE_ID --db` and the web app's
`/api/documents/ID` for each document and compares them with what `analyze` printed, key order included.
Prints one JSON line: documents, rows compared, mismatches.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpora"


def sample(count: int) -> list[dict[str, object]]:
    with gzip.open(SHARED / "ungdc-2005-2024" / "speeches.jsonl.gz", "rt", encoding="utf-8") as lines:
        speeches = [json.loads(line) for line in itertools.islice(lines, 0, None, 193)][: count // 10]
    with gzip.open(SHARED / "whitehouse-statements-2021-2026" / "documents.jsonl.gz", "rt", encoding="utf-8") as lines:
        statements = [json.loads(line) for line in itertools.islice(lines, 0, None, 20)][: count - len(speeches)]
    return statements + speeches


def multipolar(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "multipolar", *args], capture_output=True, text=True, check=False)
    if done.returncode:
        sys.exit(f"multipolar {' '.join(args)}: {done.stderr.strip()}")
    return done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=200)
    args = parser.parse_args()
    from fastapi.testclient import TestClient
    from typer.testing import CliRunner

    from multipolar.cli.app import app
    from multipolar.web.app import create_app

    with tempfile.TemporaryDirectory() as folder:
        records, db = Path(folder) / "sample.jsonl", Path(folder) / "sample.duckdb"
        records.write_text("".join(json.dumps(r) + "\n" for r in sample(args.documents)), encoding="utf-8")
        printed = [json.loads(line) for line in multipolar("analyze", str(records), "--format", "jsonl",
                                                           "--voice-field", "iso3").splitlines()]
        multipolar("ingest", str(records), "--db", str(db), "--voice-field", "iso3", "--workers", "2", "-q")
        runner, web = CliRunner(), TestClient(create_app(db), base_url="http://127.0.0.1")
        counts = {"records": len(printed), "analysed": 0, "compared": 0, "rows compared": 0, "same text as an "
                  "earlier record": 0, "show differs": 0, "web twin differs": 0}
        seen: set[str] = set()
        for document in printed:
            if "error" in document:
                continue
            counts["analysed"] += 1
            if document["document"]["id"] in seen:
                counts["same text as an earlier record"] += 1  # stored once, under the first record's source id
                continue
            seen.add(document["document"]["id"])
            shown = runner.invoke(app, ["show", document["document"]["source_id"], "--db", str(db)]).stdout
            if shown != json.dumps(document, ensure_ascii=False, indent=1) + "\n":
                counts["show differs"] += 1
            if web.get(f"/api/documents/{document['document']['id']}").json() != document:
                counts["web twin differs"] += 1
            counts["compared"] += 1
            counts["rows compared"] += 1 + sum(len(v) for v in document.values() if isinstance(v, list))
    sys.stdout.write(json.dumps(counts) + "\n")


if __name__ == "__main__":
    main()
