"""Figures and their checks on the reference article (gold: tests/gold/seed_quantities.jsonl) and the sample."""

from __future__ import annotations

import json
from typing import Any

import pytest

import multipolar
from multipolar.records import Analysis, Quantity

from .conftest import GOLD

pytestmark = pytest.mark.model

SEED_GOLD = [json.loads(line) for line in (GOLD / "seed_quantities.jsonl").read_text().splitlines() if line]


def _mismatches(found: Quantity, expected: dict[str, Any]) -> list[str]:
    wrong = []
    for key in ("kind", "measure", "from", "to", "qualifier"):
        if key in expected and found.as_dict()[key] != expected[key]:
            wrong.append(f"{key}: {found.as_dict()[key]} != {expected[key]}")
    if "value" in expected and found.value != pytest.approx(expected["value"]):
        wrong.append(f"value {found.value} != {expected['value']}")
    if "period" in expected:
        period = [found.period.start, found.period.end] if found.period else None
        if period != expected["period"]:
            wrong.append(f"period {period} != {expected['period']}")
    if "change" in expected and (found.change is None or found.change.direction != expected["change"]):
        wrong.append(f"change {found.change} != {expected['change']}")
    if "items" in expected and set(found.items) != set(expected["items"]):
        wrong.append(f"items {found.items} != {expected['items']}")
    return wrong


@pytest.mark.parametrize("expected", SEED_GOLD, ids=lambda e: e["text"])
def test_reference_article_figures(seed_analysis: Analysis, expected: dict[str, Any]) -> None:
    found = next((q for q in seed_analysis.quantities if q.text == expected["text"]), None)
    assert found is not None, f"{expected['text']} not found"
    assert _mismatches(found, expected) == []
    text = seed_analysis.document.text
    assert text[found.start : found.end] == found.text


def test_reference_article_implied_growth_check(seed_analysis: Analysis) -> None:
    check = next(c for c in seed_analysis.checks if c.kind == "implied_change")
    assert "$81 billion" in check.message and "$52.1 billion" in check.message and "+55.5%" in check.message


def test_sample_briefing_figures_are_consistent() -> None:
    from multipolar.cli.common import _sample_records

    article = next(_sample_records(None)).article
    assert article is not None
    checks = multipolar.analyze(article).checks
    assert {c.status for c in checks} == {"consistent"}
    assert any("+29.3%" in c.message for c in checks)


def test_reference_article_gain_that_may_be_the_total(seed_analysis: Analysis) -> None:
    check = next(c for c in seed_analysis.checks if c.kind == "gain_or_total")
    assert "$93.8 billion" in check.message and check.status == "unverifiable"


def test_other_currencies_are_converted_to_dollars_when_a_rate_is_shipped() -> None:
    from multipolar.coding.currency import to_usd

    assert to_usd(5e9, "USD", 2022) == (5e9, "stated in USD")
    assert to_usd(5e9, "XXX", 2022) == (None, None)
    usd, basis = to_usd(1e9, "EUR", 2022)
    assert usd is not None and 1.0e9 < usd < 1.1e9 and basis is not None and "2022" in basis
    yuan, _ = to_usd(1.2e12, "CNY", 2022)
    assert yuan is not None and 1.7e11 < yuan < 1.9e11
    assert to_usd(1e9, "RUB", 2024) == (None, None), "no shipped rate: no guess"
