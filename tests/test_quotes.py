"""Quotations and their speakers."""

from __future__ import annotations

import json
from typing import Any

import pytest

import multipolar
from multipolar.quotes import quoted_char_ranges
from multipolar.records import Analysis

from .conftest import GOLD


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


QUOTE_GOLD = [json.loads(line) for line in (GOLD / "quotes.jsonl").read_text(encoding="utf-8").splitlines() if line]
QUOTE_FLOOR = 0.9


def _quote_hits(record: dict[str, Any]) -> tuple[int, int, int]:
    """(found with the right speaker, expected, found in all) for one gold record."""
    analysis = multipolar.analyze(record["text"], date=record["date"])
    got = {(q.text.strip(" ,."), q.speaker_actor, q.direct) for q in analysis.quotes}
    want = {(e["text"].strip(" ,."), e["speaker_actor"], e["direct"]) for e in record["expected"]}
    return len(got & want), len(want), len(got)


@pytest.mark.model
def test_quote_gold_floor() -> None:
    hits = [_quote_hits(r) for r in QUOTE_GOLD]
    correct, expected, found = (sum(h[i] for h in hits) for i in range(3))
    precision, recall = correct / max(found, 1), correct / max(expected, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    assert f1 >= QUOTE_FLOOR, (precision, recall, [r["id"] for r, h in zip(QUOTE_GOLD, hits, strict=True)
                                                   if h[0] != h[1] or h[2] != h[1]])
