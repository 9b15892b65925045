"""A round-up's label before a colon ("Rep. X (D-TX-20): “...”"), read with the statistical model."""

from __future__ import annotations

import pytest

import multipolar

pytestmark = pytest.mark.model


def test_a_title_abbreviation_in_a_round_up_label_ends_no_sentence() -> None:
    text = ("<u>Members of Congress</u>\n\nRep. Dana Ortiz (D-NM-03): “Families in our state will feel this "
            "change within weeks.” [Tweet, 4/2/23]\n\nFmr. Rep. Kyle Marsh (R-UT): “The plan deserves a fair "
            "hearing from both parties.” [Statement, 4/2/23]")
    quotes = multipolar.analyze(text, date="2023-04-02").quotes
    assert [(q.speaker, q.speaker_country, q.speaker_sector) for q in quotes] == [
        ("Rep. Dana Ortiz", "USA", "LEG"), ("Rep. Kyle Marsh", "USA", "ELI")]
