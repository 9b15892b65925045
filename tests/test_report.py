"""Briefings and reports on a hand-written store (no model): titles, summaries, citations, charts, PDF pages."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from multipolar.cli.app import app
from multipolar.present import report
from multipolar.present.charts import horizontal_bars, nice_ticks, stacked_columns

from .handmade_store import Row, write_store

DAY = dt.date(2026, 3, 4)
SIGNED = "China and the United States signed a cooperation agreement in Geneva."


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rows = [Row("USA", "CHN", "2022-03-02", 3.0, 1, "CONSULT"),
            Row("USA", "CHN", "2023-06-01", 6.0, 2, "COOPERATE", sentence=SIGNED, doc="pair"),
            Row("CHN", "USA", "2023-06-01", 6.0, 2, "COOPERATE", sentence=SIGNED, doc="pair"),
            Row("USA", "CHN", "2024-05-01", -10.0, 4, "SANCTION", modality="reported"),
            Row("USA", "CHN", "2024-07-01", -10.0, 4, "SANCTION", negated=True),
            Row("RUS", "UKR", "2024-02-24", -10.0, 4, "ASSAULT"), Row("USA", "UKR", "2024-03-01", 7.0, 2, "AID")]
    figures = ({"text": "$52.1 billion", "value": 52.1e9, "measure": "bilateral_trade", "parties": ["CHN", "USA"],
                "start": "2023-01-01", "end": "2023-12-31", "date": "2024-01-10"},
               {"text": "$60 billion", "value": 60e9, "measure": "bilateral_trade", "parties": ["CHN", "USA"],
                "start": "2023-01-01", "end": "2023-12-31", "date": "2024-02-10"})
    return write_store(tmp_path_factory.mktemp("report") / "r.duckdb", rows, figures=figures)


def text_of(page: str) -> str:
    return " ".join(re.sub(r"<style>.*?</style>|<[^>]+>", " ", page, flags=re.S).split())


def test_corpus_briefing_covers_cites_and_summarises(db: Path) -> None:
    page = report.corpus_report(db, produced=DAY)
    assert "<title>Briefing: 8 documents, March 2022 to July 2024</title>" in page and str(db) not in page
    words = text_of(page)
    assert "produced 4 March 2026" in words and "Summary" in words
    assert "The most reported relation is China–United States" in words
    for section in ("Coverage", "Top dyads and how they moved", "Blocs", "Notable events", "Figures", "Checks",
                    "Sources"):
        assert section in words
    assert "signed modularity" in words
    assert "https://example.org/report/" in page and 'href="#ref-1"' in page
    assert "disagree bilateral_trade CHN, USA 2023-01-01 – 2023-12-31: $52.1 billion / $60 billion" in words
    assert "1 negated" in words
    notable = page[page.index('id="notable"'):page.index("</table>", page.index('id="notable"'))]
    assert "ASSAULT" in notable and "SANCTION" in notable and "AID" in notable


def test_dyad_report_has_directions_charts_and_one_row_per_symmetric_event(db: Path) -> None:
    page = report.dyad_report(db, "USA", "CHN", produced=DAY)
    words = text_of(page)
    assert "United States and China: how the relationship changed, 2022–2024" in words
    assert words.count(SIGNED) == 1 and ("USA ↔ CHN" in words or "CHN ↔ USA" in words)
    assert "reported" in words and "not" in words, "modality and negation flags"
    assert 'aria-label="events"' in page and ">year</text>" in page and "verbal cooperation" in page
    assert "Goldstein sum" in page
    events = page[page.index('id="events"'):]
    assert re.search(r'href="#ref-\d+">\[\d+, s\. 0\]', events), "each event cites its document and sentence"


def test_charts_have_axes_values_and_whole_labels() -> None:
    bars = horizontal_bars(["United Arab Emirates–BRICS", "BRICS–Ethiopia"], [3.5, -2.0], x_title="Goldstein")
    assert ">United Arab Emirates–BRICS</text>" in bars and ">BRICS–Ethiopia</text>" in bars
    assert ">+3.5</text>" in bars and ">-2.0</text>" in bars and ">Goldstein</text>" in bars
    stacked = stacked_columns(["2022", "2023"], {"a": [1.0, 2.0], "b": [0.0, 3.0]}, y_title="events",
                              x_title="year", integer=True)
    assert ">5</text>" in stacked and ">events</text>" in stacked and ">year</text>" in stacked
    assert nice_ticks(0, 3.8, integer=True) == [0, 1, 2, 3, 4]
    assert nice_ticks(-20, 97.9) == [-50, 0, 50, 100]
    assert "&lt;script&gt;" in horizontal_bars(["<script>"], [1.0], x_title="x")


def test_report_command_without_dyad_renders_the_store_not_the_sample(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "briefing.html"
    result = CliRunner().invoke(app, ["report", "--db", str(db), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert "Briefing: 8 documents" in page and "sample briefing" not in page
    result = CliRunner().invoke(app, ["report", "--db", str(db), "--dyad", "USA", "XYZ"])
    assert result.exit_code == 1 and "no actor XYZ" in result.stderr


@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs Chromium")
def test_printed_briefing_has_page_numbers(db: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    pdf = report.to_pdf(report.corpus_report(db, produced=DAY), tmp_path / "briefing.pdf")
    pages = PdfReader(pdf).pages
    assert all(f"page {n} of {len(pages)}" in page.extract_text() for n, page in enumerate(pages, start=1))
