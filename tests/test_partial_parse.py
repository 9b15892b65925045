"""Fast mode's partial parse: which sentences are parsed, and how their annotations come back."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

import multipolar
from multipolar.nlp.partial_parse import chosen_runs, copy_back, parse_words, runs_doc
from multipolar.settings import Settings

VOCAB = spacy.blank("en").vocab
WORDS = ["Kenya", "protested", ".", "It", "rained", ".", "We", "agreed", ".", "Talks", "end", "."]
STARTS = [True, False, False, True, False, False, True, False, False, True, False, False]


def _doc(ents: list[tuple[int, int, str]]) -> Doc:
    doc = Doc(VOCAB, words=WORDS, sent_starts=STARTS)
    doc.ents = [Span(doc, start, end, label) for start, end, label in ents]
    return doc


@pytest.mark.parametrize(("ents", "words", "runs"), [
    ([(0, 1, "GPE")], frozenset(), [(0, 3)]),
    ([(0, 1, "GPE")], frozenset({"we"}), [(0, 3), (6, 9)]),
    ([(0, 1, "GPE"), (9, 10, "ORG")], frozenset({"we"}), [(0, 3), (6, 12)]),
    ([(4, 5, "DATE")], frozenset({"we"}), [(3, 9)]),
    ([], frozenset(), []),
])
def test_runs_are_the_sentences_with_an_entity_or_a_first_person_word(
        ents: list[tuple[int, int, str]], words: frozenset[str], runs: list[tuple[int, int]]) -> None:
    assert chosen_runs(_doc(ents), words) == runs


def test_the_words_worth_parsing_are_those_of_the_voice_and_plural_references() -> None:
    assert {"we", "our", "i", "my", "both"} <= parse_words() and "they" not in parse_words()


def test_the_runs_make_one_document_whose_runs_begin_sentences() -> None:
    doc = _doc([])
    runs = runs_doc(doc, [(0, 3), (6, 12)])
    assert [t.text for t in runs] == WORDS[0:3] + WORDS[6:12]
    assert [t.i for t in runs if t.is_sent_start] == [0, 3]


def test_parsed_runs_are_copied_back_and_the_other_sentences_keep_their_cut() -> None:
    doc = _doc([(0, 1, "GPE")])
    parsed = Doc(VOCAB, words=WORDS[0:3] + WORDS[6:9], heads=[1, 1, 1, 4, 4, 4],
                 deps=["nsubj", "ROOT", "punct", "nsubj", "ROOT", "punct"], tags=["NNP", "VBD", ".", "PRP", "VBD", "."],
                 lemmas=["Kenya", "protest", ".", "we", "agree", "."])
    copy_back(doc, [(0, 3), (6, 9)], parsed)
    assert [(t.dep_, t.head.i) for t in doc[0:3]] == [("nsubj", 1), ("ROOT", 1), ("punct", 1)]
    assert [(t.dep_, t.head.i, t.lemma_, t.tag_) for t in doc[6:9]] == [
        ("nsubj", 7, "we", "PRP"), ("ROOT", 7, "agree", "VBD"), ("punct", 7, ".", ".")]
    assert [t.dep_ for t in doc[3:6]] == ["", "", ""] and all(t.head.i == t.i for t in doc[3:6])
    assert [(s.start, s.end) for s in doc.sents] == [(0, 3), (3, 6), (6, 9), (9, 12)]
    assert doc.ents[0].text == "Kenya"


@pytest.mark.model
def test_fast_mode_parses_the_sentences_that_name_something_and_codes_them_as_the_whole_pipeline() -> None:
    text = ("The weather was mild and the roads were quiet. "
            "China imposed sanctions on three Lithuanian officials on Friday.")
    fast, whole = (multipolar.analyze(text, date="2021-12-03", settings=Settings(fast=on)) for on in (True, False))
    assert [(e.source, e.target, e.plover) for e in fast.events] == \
        [(e.source, e.target, e.plover) for e in whole.events] != []
    assert [(s.start, s.end) for s in fast.sentences] == [(s.start, s.end) for s in whole.sentences]
    from multipolar.nlp.spacy_pipeline import load_pipeline

    doc = load_pipeline(Settings(fast=True))(text)
    assert [t.dep_ for t in doc[:10]] == [""] * 10 and doc[11].dep_ == "ROOT"


def _seen_by_parts(doc: Doc) -> list[list[str]]:
    from multipolar.nlp.partial_parse import PartialParser

    seen: list[list[str]] = []

    def part(sub: Doc) -> Doc:
        seen.append([t.text for t in sub])
        return sub

    list(PartialParser([("record", part)], frozenset({"we"})).pipe([doc]))
    return seen


def test_only_the_runs_go_through_the_model_and_a_document_without_any_goes_whole() -> None:
    assert _seen_by_parts(_doc([(9, 10, "ORG")])) == [WORDS[6:12]]
    assert _seen_by_parts(Doc(VOCAB, words=WORDS[3:6], sent_starts=STARTS[3:6])) == [WORDS[3:6]]


def test_a_name_the_entity_recogniser_missed_makes_its_sentence_worth_parsing() -> None:
    def name_at(words: list[str], at: int) -> bool:
        return words[at] == "Talks"

    assert chosen_runs(_doc([]), frozenset(), name_at) == []  # "Talks" begins its sentence: any word may
    words = ["Both", "Talks", "end", ".", "It", "rained", "."]
    doc = Doc(VOCAB, words=words, sent_starts=[True, False, False, False, True, False, False])
    assert chosen_runs(doc, frozenset(), name_at) == [(0, 4)]
