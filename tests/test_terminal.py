"""Terminal output for people: sized to $COLUMNS, compact at 80, empty results that say why."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from multipolar.cli.app import app
from multipolar.model.checks import period_label
from multipolar.present.terminal import clip, money, number

from .handmade_store import Row, write_store

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rows = [Row("USA", "CHN", "2021-03-02", 3.0, 1, "CONSULT"), Row("CHN", "USA", "2021-09-10", -5.0, 3, "ACCUSE"),
            Row("USA", "CHN", "2023-05-01", -7.0, 4, "SANCTION"), Row("USA", "GBR", "2022-01-01", 4.0, 1),
            Row("USA", "FRA", "2022-02-01", 4.0, 1), Row("GBR", "FRA", "2022-03-01", 4.0, 1),
            Row("USA", "IRN", "2022-04-01", 1.0, 1, negated=True), Row("USA", "IRN", "2022-05-01", 2.0, 1,
                                                                       modality="hypothetical")]
    figures = ({"text": "$52.1 billion", "value": 52.1e9, "measure": "imports", "from": "RUS", "to": "CHN",
                "parties": ["CHN", "RUS"], "start": "2021-01-01", "end": "2021-12-31",
                "evidence": "In 2021, China imported oil, gas and coal worth $52.1 billion from Russia, a record "
                            "that officials in both capitals described at length in their statements."},
               {"text": "$81 billion", "value": 81e9, "measure": "bilateral_trade", "parties": ["CHN", "RUS"],
                "start": "2023-01-01", "end": "2023-06-30"})
    return write_store(tmp_path_factory.mktemp("terminal") / "t.duckdb", rows, figures=figures)


def run(*args: str, columns: int = 80) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"COLUMNS": str(columns)})
    return result.exit_code, result.stdout, result.stderr


def widest(text: str) -> int:
    return max((len(line) for line in text.splitlines()), default=0)


def test_helpers_write_numbers_periods_and_cuts_for_people() -> None:
    assert clip("the quick brown fox jumps over the lazy dog", 20) == "the quick brown fox…"
    assert clip("short", 20) == "short" and len(clip("x" * 50, 10)) == 10
    assert number(float("nan")) == "" and number(None) == "" and number(3) == "3" and number(-2.456) == "-2.5"
    assert number(1.0, signed=True) == "+1.0" and money(52.1e9) == "52.1bn" and money(float("nan")) == ""
    assert period_label("2021-01-01", "2021-12-31") == "2021"
    assert period_label("2023-01-01", "2023-05-31") == "2023-01…2023-05"
    assert period_label("2023-04-01", "2023-06-30") == "2023-Q2"
    assert period_label("2024-02-01", "2024-02-29") == "2024-02"
    assert period_label("2023-01-05", "2023-01-20") == "2023-01-05…2023-01-20" and period_label(None, None) == ""


@pytest.mark.parametrize("columns", [80, 200])
def test_dyad_fits_the_terminal_and_reads(db: Path, columns: int) -> None:
    code, out, err = run("dyad", "usa", "chn", "--db", str(db), columns=columns)
    assert code == 0 and widest(out) <= columns
    assert "USA→CHN" in out and "CHN→USA" in out and "2022" in out, "periods without events are shown"
    assert "nan" not in out and "2021-01-01" not in out
    assert ("types" in out) is (columns > 120), "the compact layout drops the list of types"
    assert "Goldstein" in err


def test_flows_are_formatted_not_a_raw_frame(db: Path) -> None:
    code, out, _ = run("flows", "CHN", "RUS", "--db", str(db), columns=160)
    assert code == 0 and widest(out) <= 160
    assert "52.1bn" in out and "RUS→CHN" in out and "CHN/RUS" in out and "2023-H1" in out
    assert "nan" not in out and "00:00:00" not in out and "…" in out, "the long sentence is cut with an ellipsis"
    code, out, _ = run("flows", "CHN", "RUS", "--db", str(db), columns=80)
    assert code == 0 and widest(out) <= 80 and "52.1bn" in out
    code, out, _ = run("flows", "CHN", "RUS", "--db", str(db), "--format", "csv")
    assert out.startswith("period_start,period_end,measure")


def test_empty_results_say_why(db: Path) -> None:
    code, out, err = run("dyad", "USA", "IRN", "--db", str(db))
    assert code == 0 and out == "" and "negated, hypothetical or undated" in err
    code, out, err = run("dyad", "USA", "CHN", "--db", str(db), "--since", "2024-01-01")
    assert code == 0 and out == "" and "since 2024-01-01" in err
    code, out, err = run("dyad", "USA", "XYZ", "--db", str(db))
    assert code == 1 and "no actor XYZ" in err
    code, out, err = run("blocs", "--db", str(db), "--year", "2019")
    assert code == 0 and out == "" and "2021–2023" in err
    code, out, err = run("blocs", "--db", str(db), "--year", "2022")
    assert code == 0 and out == "" and "no two side together" in err, "single events are no ties"
    code, out, err = run("blocs", "--db", str(db), "--year", "2022", "--min-events", "1")
    assert code == 0 and out.split() == ["FRA", "GBR", "USA"] and "signed modularity" in err
    code, out, err = run("flows", "USA", "GBR", "--db", str(db))
    assert code == 0 and out == "" and "no money figures between USA and GBR" in err


def test_top_and_blocs_json(db: Path) -> None:
    code, out, _ = run("top", "--db", str(db))
    assert code == 0 and "CHN–USA" in out and "nan" not in out and widest(out) <= 80
    code, out, _ = run("blocs", "--db", str(db), "--over-time", "--format", "json", "--min-events", "1")
    import json

    partitions = json.loads(out)
    assert [p["period"] for p in partitions] == ["2021", "2022", "2023"]
    assert partitions[1]["blocs"][0]["members"] == ["FRA", "GBR", "USA"]


@pytest.mark.model
def test_the_analysis_summary_fits_80_columns() -> None:
    code, out, _ = run("analyze", columns=80)
    assert code == 0 and widest(out) <= 80
    assert "evidence (sentence)" in out and "CAMEO" not in out, "the compact events table"
    code, out, _ = run("analyze", columns=160)
    assert code == 0 and "CAMEO" in out and widest(out) <= 160
