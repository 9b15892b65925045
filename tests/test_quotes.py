"""Quotations and their speakers."""

from __future__ import annotations

import pytest

import multipolar
from multipolar.quotes import quoted_char_ranges
from multipolar.records import Analysis


def spans(text: str) -> list[str]:
    return [text[a:b] for a, b in quoted_char_ranges(text)]


def test_curly_and_straight_quotes() -> None:
    assert spans('He said “we will win” and "they will lose".') == ["we will win", "they will lose"]


def test_quote_left_open_runs_to_the_end_of_its_paragraph() -> None:
    assert spans("She said: “We will not yield. Never.\n\nNext paragraph.") == ["We will not yield. Never."]


def test_quote_running_over_a_paragraph_break_closes_in_the_next() -> None:
    text = "The paper says “The first part.\n\nThe second part”. After."
    assert spans(text) == ["The first part.\n\nThe second part"]


def test_a_second_opener_inside_a_quote_does_not_start_a_new_one() -> None:
    text = "He explained: “We saw it coming. “It was an imposed choice”. Then he left."
    assert spans(text) == ["We saw it coming. “It was an imposed choice"]


@pytest.mark.model
def test_speakers_in_the_same_and_the_next_sentence() -> None:
    analysis = multipolar.analyze(
        "“We will defend our sovereignty,” Ukrainian President Volodymyr Zelensky said on Monday. "
        "“Our partnership has no limits”. This is how Vladimir Putin described ties with Beijing.",
        date="2023-03-01")
    by_text = {q.text: q for q in analysis.quotes}
    assert by_text["We will defend our sovereignty,"].speaker_actor == "volodymyr-zelensky"
    assert by_text["Our partnership has no limits"].speaker_actor == "vladimir-putin"


@pytest.mark.model
def test_unquoted_speech_after_said_colon() -> None:
    analysis = multipolar.analyze(
        "The spokeswoman for the Chinese Ministry of Foreign Affairs, Hua Chunying, said: Has the US ever "
        "thought about what it is doing to the region?", date="2022-03-01")
    quote = analysis.quotes[0]
    assert quote.direct is False
    assert quote.text.startswith("Has the US ever thought")
    assert quote.speaker_actor == "hua-chunying"


@pytest.mark.model
def test_reference_article_quotes(seed_analysis: Analysis) -> None:
    speakers = {q.speaker_actor for q in seed_analysis.quotes}
    assert {"xi-jinping", "vladimir-putin", "hua-chunying"} <= speakers
    paper = next(q for q in seed_analysis.quotes if q.text.startswith("Since becoming"))
    assert paper.speaker_actor == "chn-mfa"
    for quote in seed_analysis.quotes:
        text = seed_analysis.document.text
        assert text[quote.start : quote.end] == quote.text
