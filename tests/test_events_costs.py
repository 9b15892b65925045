"""Costs imposed on a state (statements and readouts: "we will continue to impose costs on Russia for its aggression")
are SANCTION, with or without an adjective ("severe costs"). Hand-built Docs, no statistical model; the sentences
are ours, in the manner of readouts."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

import multipolar.nlp.spacy_pipeline  # noqa: F401  (registers the Doc extensions)
from multipolar.nlp.events.coder import EventCoder
from multipolar.nlp.spans import ActorMention, ActorRef

VOCAB = spacy.blank("en").vocab
STATES = {"Japan": "JPN", "Iran": "IRN", "Chile": "CHL"}


def _events(spec: str) -> list[tuple[str, str, str, str]]:
    """(source, target, PLOVER type, modality) of each event the coder reads from the spec
    (`word/LEMMA/POS/dep/head`, head `-` for the root)."""
    tokens = [t.split("/") for t in spec.split()]
    words = [t[0] for t in tokens]
    doc = Doc(VOCAB, words=words, lemmas=[t[1] for t in tokens], pos=[t[2] for t in tokens],
              deps=[t[3] if t[4] != "-" else "ROOT" for t in tokens],
              heads=[i if t[4] == "-" else int(t[4]) for i, t in enumerate(tokens)])
    doc._.mp_mentions = [ActorMention(i, i + 1, (ActorRef(STATES[w], w, "state", STATES[w], None),), "name")
                         for i, w in enumerate(words) if w in STATES]
    doc._.mp_dates = []
    doc._.mp_date_label = "2022-11-13"
    return sorted((e.source.state_code, e.target.state_code, e.plover, e.modality)
                  for e in EventCoder()(doc)._.mp_events)


def test_costs_imposed_on_a_state_are_a_sanction() -> None:
    # "Japan imposed costs on Iran ."
    assert _events("Japan/Japan/PROPN/nsubj/1 imposed/impose/VERB/ROOT/- costs/cost/NOUN/dobj/1 on/on/ADP/prep/1 "
                   "Iran/Iran/PROPN/pobj/3 ././PUNCT/punct/1") == [("JPN", "IRN", "SANCTION", "asserted")]


def test_costs_with_no_one_imposing_them_are_no_event() -> None:
    # "The tariffs impose costs on Chile ."
    assert _events("The/the/DET/det/1 tariffs/tariff/NOUN/nsubj/2 impose/impose/VERB/ROOT/- costs/cost/NOUN/dobj/2 "
                   "on/on/ADP/prep/2 Chile/Chile/PROPN/pobj/4 ././PUNCT/punct/2") == []
