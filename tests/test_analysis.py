"""Corpus queries on a store written row by row (no model): dyad series, blocs by period."""

from __future__ import annotations

from pathlib import Path

import pytest

from multipolar.corpus import queries as analysis

from .handmade_store import Row, write_store


def stored_events(db: Path, rows: list[tuple[str, str, str, float, int]], *, documents: tuple[str, ...] = (),
                  negated: tuple[int, ...] = ()) -> Path:
    return write_store(db, [Row(*row, negated=k in negated) for k, row in enumerate(rows)], documents=documents)


def test_dyad_series_is_zero_filled_labelled_and_split_by_direction(tmp_path: Path) -> None:
    db = stored_events(tmp_path / "s.duckdb", [
        ("USA", "CHN", "2022-10-05", 4.0, 1), ("CHN", "USA", "2022-10-20", -2.0, 3),
        ("USA", "CHN", "2023-04-02", -10.0, 4), ("USA", "CHN", "2023", 3.0, 1),
        ("USA", "CHN", "2023-02-01", 6.0, 2),
    ], documents=("2022-11-15", "2022-11-16"), negated=(4,))
    frame = analysis.dyad_series(db, "USA", "CHN", by="month")
    assert list(frame["label"]) == ["2022-10", "2022-11", "2022-12", "2023-01", "2023-02", "2023-03", "2023-04"]
    assert list(frame["events"]) == [2, 0, 0, 0, 0, 0, 1], "the negated event is not counted"
    october = frame.iloc[0]
    assert (october.from_a, october.from_b, october.goldstein_a_to_b, october.goldstein_b_to_a) == (1, 1, 4.0, -2.0)
    assert (october.verbal_cooperation, october.verbal_conflict, october.goldstein_mean) == (1, 1, 1.0)
    assert frame.iloc[1].store_documents == 2 and frame.iloc[1].goldstein_sum == 0
    assert frame.iloc[6].material_conflict == 1
    assert frame.attrs["coarser"] == 1, "the event dated only '2023' is not put in January"
    yearly = analysis.dyad_series(db, "USA", "CHN", by="year")
    assert list(yearly["label"]) == ["2022", "2023"] and list(yearly["events"]) == [2, 2]
    quarters = analysis.dyad_series(db, "CHN", "USA", by="quarter", since="2022-01-01", until="2022-12-31")
    assert list(quarters["label"]) == ["2022 Q1", "2022 Q2", "2022 Q3", "2022 Q4"]
    assert list(quarters["from_a"]) == [0, 0, 0, 1]
    assert analysis.dyad_series(db, "USA", "FRA").empty
    with pytest.raises(ValueError):
        analysis.dyad_series(db, "USA", "CHN", by="week")  # type: ignore[arg-type]


def test_blocs_per_year_come_from_signed_communities(tmp_path: Path) -> None:
    rows = []
    for a, b in (("USA", "GBR"), ("USA", "FRA"), ("GBR", "FRA"), ("RUS", "CHN"), ("RUS", "IRN"), ("CHN", "IRN")):
        rows += [(a, b, f"{year}-03-0{day}", 5.0, 1) for year in (2023, 2024) for day in (1, 2)]
    rows += [("USA", "RUS", "2023-05-01", -9.0, 4), ("USA", "RUS", "2023-05-02", -9.0, 4),
             ("FRA", "IRN", "2023-05-01", -6.0, 4), ("FRA", "IRN", "2023-05-02", -6.0, 4),
             ("USA", "IRN", "2024-06-01", 2.0, 1), ("USA", "IRN", "2024-06-02", 2.0, 1),
             ("GBR", "IRN", "2024-06-01", -8.0, 4)]
    said_in_2024 = [Row("GBR", "IRN", "2024-06-02", -8.0, 4, doc="plan"), Row("USA", "GBR", "2050", 3.0, 1,
                                                                             doc="plan")]
    db = write_store(tmp_path / "b.duckdb", [Row(*row) for row in rows] + said_in_2024)
    partitions = analysis.bloc_partitions(db)
    assert [p.period for p in partitions] == ["2023", "2024"]
    for partition in partitions:
        assert partition.groups() == (("CHN", "IRN", "RUS"), ("FRA", "GBR", "USA")), partition.period
        assert "signed modularity" in partition.method and partition.modularity > 0
    assert analysis.bloc_history(db) == {2023: partitions[0].groups(), 2024: partitions[1].groups()}
    assert analysis.event_years(db) == (2023, 2024), "2050 is no year of the store's documents"
    assert analysis.blocs(db, year=2019) == ()
