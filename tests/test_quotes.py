"""Quotations and their speakers."""

from __future__ import annotations

import json
from typing import Any

import pytest

import multipolar
from multipolar.evaluate.quotes import (
    QuoteGold,
    QuoteReport,
    _carried_over,
    evaluate_quotes,
    is_quote_gold,
    read_quote_gold,
    score_record,
    speaker_right,
)
from multipolar.nlp.spans import quoted_char_ranges
from multipolar.records import Analysis, Quote, Span

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


# ---- `multipolar eval` on quote gold ---------------------------------------------------------------


def _found(text: str, start: int, speaker: str | None, actor: str | None = None, country: str | None = None,
           sector: str | None = None) -> Quote:
    return Quote(text, speaker, actor, True, 0, Span(0, 1, "x"), start, start + len(text),
                 speaker_country=country, speaker_sector=sector)


def test_quote_gold_is_told_from_event_gold() -> None:
    assert is_quote_gold(GOLD / "quotes-dev.jsonl") and is_quote_gold(GOLD / "quotes.jsonl")
    assert is_quote_gold(GOLD / "quotes-dev2.jsonl") and is_quote_gold(GOLD / "quotes-dev4.jsonl")
    assert is_quote_gold(GOLD / "quotes-dev5.jsonl")
    assert not is_quote_gold(GOLD / "events.jsonl")


def test_speaker_rules_of_the_quote_gold() -> None:
    gold = {"text": "x", "speaker": "Grace Wambui", "speaker_actor": None, "speaker_country": "KEN",
            "speaker_sector": "GOV"}
    assert speaker_right(gold, _found("x", 0, "Wambui", None, "KEN", "GOV"))
    assert not speaker_right(gold, _found("x", 0, "Wambui", None, "KEN", "BUS"))
    person = {**gold, "speaker_actor": "xi-jinping", "speaker_country": "CHN"}
    assert speaker_right(person, _found("x", 0, "Xi", "xi-jinping"))
    assert not speaker_right(person, _found("x", 0, "Li", "li-qiang", "CHN", "PTY"))
    assert speaker_right(person, _found("x", 0, "Xi", "jinping-xi", "CHN", "GOV"))
    assert not speaker_right(person, _found("x", 0, "Xi", "jinping-xi", "CHN", "GOV"), strict=True)
    group = {"text": "x", "speaker": "hundreds of AI developers", "speaker_actor": None,
             "speaker_country": None, "speaker_sector": None}
    assert speaker_right(group, _found("x", 0, "the developers"))
    assert not speaker_right({**group, "speaker": None}, _found("x", 0, "the developers"))


def test_quotes_match_by_overlap_one_to_one() -> None:
    text = "“We will open the lanes in stages,” he said, “and only then.” A title: “Beyond the Coups”."
    record = QuoteGold("r", "2023-01-01", text, (
        {"text": "We will open the lanes in stages,", "start": 1, "end": 34, "speaker": "Dawit",
         "speaker_actor": None, "speaker_country": "ETH", "speaker_sector": "GOV"},
        {"text": "and only then.", "start": 45, "end": 59, "speaker": "Dawit", "speaker_actor": None,
         "speaker_country": "ETH", "speaker_sector": "GOV"}), ("Beyond the Coups",))
    report = QuoteReport()
    one_piece = _found(text[1:59], 1, "he", None, "ETH", "GOV")
    score_record(report, record, [one_piece, _found("Beyond the Coups", 71, None)])
    assert (report.quotes.tp, report.quotes.fp, report.quotes.fn) == (1, 1, 1)
    assert (report.with_speaker.tp, report.titles_reported, report.actor_right) == (1, 1, 1)


def test_gold_offsets_follow_a_speech_whose_lines_ingest_joined() -> None:
    text = "Intro words here. He said “To \nthe people of Lebanon”, and left."
    analysed = text.replace(" \n", " ")
    gold = {"text": "To \nthe people of Lebanon", "start": 27, "end": 52, "speaker": "He", "speaker_actor": None,
            "speaker_country": "USA", "speaker_sector": "GOV"}
    assert text[27:52] == gold["text"]
    record = QuoteGold("r", "2023-01-01", text, (gold,))
    report = QuoteReport()
    score_record(report, record, [_found("To the people of Lebanon", 26, "he", None, "USA", "GOV")], analysed)
    assert (report.quotes.tp, report.with_speaker.tp) == (1, 1)
    moved = _carried_over(gold, text, analysed)
    assert analysed[moved["start"] : moved["end"]] == "To the people of Lebanon"
    reworded = _carried_over(gold, text, "Intro. He said “To the people of Lebanon”.")
    assert (reworded["start"], reworded["end"]) == (16, 40)


# Measured 2026-12-01 (session 6, main f45c18a and the title rule after it); the test split is frozen: scored,
# never tuned on. dev6 was written in session 6 before the system ran on it (first reading .964 / .432).
QUOTE_FLOORS = {"quotes-dev.jsonl": (0.99, 0.90, 0.87), "quotes-dev2.jsonl": (0.99, 0.85, 0.83),
                "quotes-dev3.jsonl": (0.99, 0.87, 0.88), "quotes-dev4.jsonl": (0.97, 0.77, 0.77),
                "quotes-dev5.jsonl": (0.99, 0.73, 0.76), "quotes-dev6.jsonl": (0.99, 0.59, 0.57),
                "quotes-test.jsonl": (0.98, 0.62, 0.59)}


TITLES_STILL_REPORTED = {"quotes-dev4.jsonl": 3}
"""dev4's "The Magnificent Seven." (after "Westerns,"), "Unforgiven" and the initiative "WAVE"."""


@pytest.mark.model
@pytest.mark.parametrize("name", sorted(QUOTE_FLOORS))
def test_quote_gold_floors(name: str) -> None:
    report = evaluate_quotes(read_quote_gold(GOLD / name))
    quote_f1, speaker_f1, actor = QUOTE_FLOORS[name]
    assert report.errors == 0
    assert report.quotes.f1 >= quote_f1, report.quotes.as_dict()
    assert report.with_speaker.f1 >= speaker_f1, report.with_speaker.as_dict()
    assert report.actor_accuracy >= actor, (report.actor_right, report.actor_scored)
    assert report.titles_reported <= TITLES_STILL_REPORTED.get(name, 0)


def test_an_excerpt_of_a_corpus_ingested_with_a_voice_is_read_with_it(tmp_path: Any) -> None:
    """A White House excerpt's "I" and "we" are the speaker's, as when the corpus is ingested with `--voice USA`;
    a speech's own `speaker_of_document` comes first, and other corpora give none."""
    def record(source: dict[str, Any]) -> str:
        return json.dumps({"id": "x", "date": "2024-05-08", "text": "I said, “Go.”", "source": source,
                           "expected": [{"text": "Go.", "speaker": "I", "speaker_actor": None}]})
    path = tmp_path / "quotes-voice.jsonl"
    path.write_text("\n".join([record({"corpus": "whitehouse-statements-2021-2026", "record": "r"}),
                               record({"corpus": "ungdc-2005-2024", "speaker_of_document": "KEN"}),
                               record({"corpus": "elsewhere"})]) + "\n", encoding="utf-8")
    assert [r.voice for r in read_quote_gold(path)] == ["USA", "KEN", None]
