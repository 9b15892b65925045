"""The pipeline's own plumbing: paragraph boundaries before the parser, and a shared pipeline that is let go
once its vocabulary has grown (so a long stream keeps its memory flat) without changing what it finds."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

import multipolar
from multipolar.nlp import spacy_pipeline
from multipolar.nlp.spacy_pipeline import MAX_UNPUNCTUATED_TOKENS, paragraph_boundaries
from multipolar.settings import Settings


def _starts(words: list[str]) -> list[int]:
    doc = paragraph_boundaries(Doc(spacy.blank("en").vocab, words=words, spaces=[False] * len(words)))
    return [t.i for t in doc if t.is_sent_start and t.i > 0]


def test_a_blank_line_starts_a_sentence_and_a_space_does_not() -> None:
    assert _starts(["Heading", "\n\n", "Text", "goes", " ", "on", ".", "More"]) == [2]
    assert _starts(["One"]) == [] and _starts([]) == []


def test_a_long_run_without_a_full_stop_is_cut_and_a_full_stop_resets_the_count() -> None:
    run = ["word"] * (MAX_UNPUNCTUATED_TOKENS + 5)
    assert _starts(run) == [MAX_UNPUNCTUATED_TOKENS]
    assert _starts(["word"] * 300 + ["."] + ["word"] * 300) == []
    assert _starts(["word"] * 300 + ["!", "?"] + ["word"] * 398 + ["x"] * 5) == [300 + 2 + MAX_UNPUNCTUATED_TOKENS]


TEXTS = ["France and Germany signed a trade agreement in Paris on Monday.",
         "Kenya's foreign minister condemned the attack on the embassy in Nairobi, officials said.",
         "China imposed sanctions on three Lithuanian officials on Friday."]


@pytest.mark.model
def test_a_grown_pipeline_is_let_go_and_loaded_afresh_with_the_same_results(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings(batch_size=1)
    kept = [r.analysis for r in multipolar.process(TEXTS, settings=settings)]
    first = spacy_pipeline.load_pipeline(settings)
    assert not spacy_pipeline.release_if_grown(settings, limit=len(first.vocab))
    monkeypatch.setattr(spacy_pipeline, "VOCABULARY_LIMIT", 10)  # every batch outgrows it
    previous, fresh = first, 0
    for k, result in enumerate(multipolar.process(TEXTS, settings=settings)):
        assert result.analysis == kept[k]
        current = spacy_pipeline.load_pipeline(settings)  # the one that read this batch
        fresh += current is not previous
        previous = current
    assert fresh == len(TEXTS) - 1  # a fresh one for every batch after the first
    del first, previous, current
    assert all(e.source == "CHN" for e in kept[2].events if e.target == "LTU") and kept[2].events
