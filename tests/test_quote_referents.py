"""Speaker rules of session 8 (referents, pronouns, role nouns), one test each, on hand-built Docs written like
those of `test_quote_rules.py` (whose helpers they share); and the chair addresses the voice reader shares."""

from __future__ import annotations

import pytest

from multipolar.nlp.addresses import addresses_chair, only_addresses_chair


@pytest.mark.parametrize(("line", "expected"), [
    ("Mr President,", True), ("Mr. President,", True), ("Madam Chair,", True), ("Excellencies,", True),
    ("Dear colleagues,", False), ("Dear Colleagues,", True), ("Mr President, we agree.", False),
    ("He said,", False),
])
def test_a_line_that_only_addresses_the_chair(line: str, expected: bool) -> None:
    assert only_addresses_chair(line) is expected


def test_a_speech_that_says_mr_president_addresses_a_chair() -> None:
    assert addresses_chair("Thank you, Madam President. Our country stands ready.")
    assert addresses_chair("Mister President, I speak for my country.")
    assert not addresses_chair("The President said he would travel. Mr. Smith agreed.")
