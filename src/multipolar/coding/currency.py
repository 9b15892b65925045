"""Money in other currencies, normalised to US dollars with a shipped table of annual average rates."""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _rates() -> dict[tuple[str, int], float]:
    entry = resources.files("multipolar").joinpath("data/currency/usd_rates.tsv")
    if not entry.is_file():
        return {}
    lines = [ln for ln in entry.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    return {(row["currency"], int(row["year"])): float(row["per_usd"])
            for row in csv.DictReader(lines, delimiter="\t")}


def to_usd(value: float, unit: str | None, year: int | None) -> tuple[float | None, str | None]:
    """(value in USD, how it was converted); (None, None) when no rate is known for that currency and year."""
    if unit == "USD":
        return value, "stated in USD"
    if unit is None or year is None or value == 0:
        return None, None
    rate = _rates().get((unit, year))
    if rate is None:
        return None, None
    return value / rate, f"{unit} {year} annual average, {rate:g} per USD (data/currency/usd_rates.tsv)"
