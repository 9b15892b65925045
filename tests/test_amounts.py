"""Parsing the number and unit of a figure: no model needed."""

from __future__ import annotations

import pytest

from multipolar.nlp.figures.amounts import parse_amount


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("$81 billion", 81e9, "USD"), ("$52.1 billion", 52.1e9, "USD"), ("US$5bn", 5e9, "USD"),
        ("€200m", 200e6, "EUR"), ("£1.5 trillion", 1.5e12, "GBP"), ("1.2 trillion yuan", 1.2e12, "CNY"),
        ("40.7 %", 40.7, "percent"), ("75.6%", 75.6, "percent"), ("12 percent", 12, "percent"),
        ("$42.96 billion", 42.96e9, "USD"), ("1,250 million roubles", 1.25e9, "RUB"),
        ("six", 6, None), ("many", None, None),
    ],
)
def test_parse_amount(text: str, value: float | None, unit: str | None) -> None:
    parsed = parse_amount(text)
    if value is None:
        assert parsed is None
        return
    assert parsed is not None
    assert parsed[0] == pytest.approx(value)
    assert parsed[1] == unit
