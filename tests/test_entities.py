"""The document's entities read once: the same answers as spaCy's `span.ents` for every span."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from multipolar.nlp.entities import entities_starting, entities_within, entity_at

VOCAB = spacy.blank("en").vocab
WORDS = ["President", "Ruto", "of", "Kenya", "met", "Ursula", "von", "der", "Leyen", "in", "Nairobi", "."]


def _doc() -> Doc:
    doc = Doc(VOCAB, words=WORDS)
    doc.ents = [Span(doc, 1, 2, "PERSON", kb_id="ruto"), Span(doc, 3, 4, "GPE"), Span(doc, 5, 9, "PERSON"),
                Span(doc, 10, 11, "GPE")]
    return doc


def _key(spans: list[Span]) -> list[tuple[int, int, str, str]]:
    return [(s.start, s.end, s.label_, s.kb_id_) for s in spans]


def test_entities_within_any_span_are_spacy_s_span_ents() -> None:
    doc = _doc()
    for start in range(len(doc) + 1):
        for end in range(start, len(doc) + 1):
            assert _key(entities_within(doc, start, end)) == _key(list(doc[start:end].ents)), (start, end)


def test_entities_beginning_in_a_range_are_those_a_scan_of_doc_ents_finds() -> None:
    doc = _doc()
    for labels in (None, ("PERSON",), ("GPE", "PERSON"), ("MONEY",)):
        for start in range(-1, len(doc) + 2):
            for end in range(start - 1, len(doc) + 2):
                scan = [e for e in doc.ents if start <= e.start < end and (labels is None or e.label_ in labels)]
                assert _key(entities_starting(doc, start, end, labels)) == _key(scan), (start, end, labels)


def test_the_entity_a_token_is_part_of() -> None:
    doc = _doc()
    assert [(e.start, e.end) if (e := entity_at(doc, i)) else None for i in range(len(doc))] == [
        None, (1, 2), None, (3, 4), None, (5, 9), (5, 9), (5, 9), (5, 9), None, (10, 11), None]


def test_a_document_of_other_tokens_reads_its_own_entities() -> None:
    doc = _doc()
    entities_within(doc, 0, len(doc))
    other = Doc(VOCAB, words=["Kenya", "and", "Uganda"], user_data=dict(doc.user_data))
    other.ents = [Span(other, 2, 3, "GPE")]
    assert _key(entities_within(other, 0, 3)) == [(2, 3, "GPE", "")]
