"""The first-person word list (`data/first_person.tsv`): every stage's selection is drawn from one list, and fast
mode parses every sentence that has one of its words."""

from __future__ import annotations

import pytest

from multipolar.errors import DataFileError
from multipolar.nlp.first_person import first_person_words
from multipolar.nlp.partial_parse import parse_words

_VARIANTS = ("mention", "subject", "speaker", "possessive", "owning")


@pytest.mark.parametrize("variant", _VARIANTS)
def test_each_variant_is_drawn_from_the_one_list(variant: str) -> None:
    words = first_person_words(variant)
    assert words and words <= first_person_words("all")


def test_fast_mode_parses_every_sentence_with_a_first_person_word() -> None:
    assert first_person_words("all") <= parse_words()


def test_the_variants_differ_where_their_uses_do() -> None:
    assert "me" in first_person_words("speaker") and "me" not in first_person_words("mention")  # "allow me to thank"
    assert first_person_words("possessive") == {"my", "our"}
    assert not first_person_words("subject") & first_person_words("possessive")


def test_an_unknown_variant_is_an_error() -> None:
    with pytest.raises(DataFileError):
        first_person_words("second")
