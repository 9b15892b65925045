"""Concerns voiced about another state's acts (readouts: "raised concerns about the PRC's practices"): ACCUSE
(disapprove) aimed at whoever does what worries, never at an actor or place the concern is merely about, and only
when a verb voices it. Hand-built Docs, no statistical model; the sentences are ours, in the manner of readouts."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

import multipolar.nlp.spacy_pipeline  # noqa: F401  (registers the Doc extensions)
from multipolar.nlp.events.coder import EventCoder
from multipolar.nlp.spans import ActorMention, ActorRef

VOCAB = spacy.blank("en").vocab
STATES = {"Japan": "JPN", "China": "CHN", "Iran": "IRN", "Chile": "CHL", "France": "FRA", "Chinese": "CHN"}


def _events(spec: str) -> list[tuple[str, str, str]]:
    """(source, target, PLOVER type) of each event the coder reads from the spec (`word/LEMMA/POS/dep/head`,
    head `-` for the root); the names of `STATES` are their states ("Chinese" as an adjective)."""
    tokens = [t.split("/") for t in spec.split()]
    words = [t[0] for t in tokens]
    doc = Doc(VOCAB, words=words, lemmas=[t[1] for t in tokens], pos=[t[2] for t in tokens],
              deps=[t[3] if t[4] != "-" else "ROOT" for t in tokens],
              heads=[i if t[4] == "-" else int(t[4]) for i, t in enumerate(tokens)])
    doc._.mp_mentions = [ActorMention(i, i + 1, (ActorRef(STATES[w], w, "state", STATES[w], None),),
                                      "adjective" if w.endswith("ese") else "name")
                         for i, w in enumerate(words) if w in STATES]
    doc._.mp_dates = []
    doc._.mp_date_label = "2024-08-28"
    return sorted((e.source.state_code, e.target.state_code, e.plover) for e in EventCoder()(doc)._.mp_events)


def test_a_concern_raised_about_a_states_practices_accuses_that_state() -> None:
    # "Japan raised concerns about China 's practices ."
    assert _events("Japan/Japan/PROPN/nsubj/1 raised/raise/VERB/ROOT/- concerns/concern/NOUN/dobj/1 "
                   "about/about/ADP/prep/2 China/China/PROPN/poss/6 's/'s/PART/case/4 practices/practice/NOUN/pobj/3 "
                   "././PUNCT/punct/1") == [("JPN", "CHN", "ACCUSE")]


def test_a_concern_over_activities_named_by_an_adjective_accuses_the_doer() -> None:
    # "France expressed concern over Chinese activities ."
    assert _events("France/France/PROPN/nsubj/1 expressed/express/VERB/ROOT/- concern/concern/NOUN/dobj/1 "
                   "over/over/ADP/prep/2 Chinese/Chinese/ADJ/amod/5 activities/activity/NOUN/pobj/3 "
                   "././PUNCT/punct/1") == [("FRA", "CHN", "ACCUSE")]


def test_a_concern_about_states_themselves_accuses_no_one() -> None:
    # "Japan shared concerns about Iran , Chile and France ." (what they discussed, not what anyone did)
    assert _events("Japan/Japan/PROPN/nsubj/1 shared/share/VERB/ROOT/- concerns/concern/NOUN/dobj/1 "
                   "about/about/ADP/prep/2 Iran/Iran/PROPN/pobj/3 ,/,/PUNCT/punct/4 Chile/Chile/PROPN/conj/4 "
                   "and/and/CCONJ/cc/6 France/France/PROPN/conj/6 ././PUNCT/punct/1") == []


def test_a_concern_about_a_situation_in_a_state_accuses_no_one() -> None:
    # "Japan expressed concern about the situation in Iran ."
    assert _events("Japan/Japan/PROPN/nsubj/1 expressed/express/VERB/ROOT/- concern/concern/NOUN/dobj/1 "
                   "about/about/ADP/prep/2 the/the/DET/det/5 situation/situation/NOUN/pobj/3 in/in/ADP/prep/5 "
                   "Iran/Iran/PROPN/pobj/6 ././PUNCT/punct/1") == []


def test_a_concern_for_someone_is_sympathy_not_an_accusation() -> None:
    # "Japan expressed concern for Chile ." ("expressed support for Chile" would be aimed at Chile)
    assert _events("Japan/Japan/PROPN/nsubj/1 expressed/express/VERB/ROOT/- concern/concern/NOUN/dobj/1 "
                   "for/for/ADP/prep/2 Chile/Chile/PROPN/pobj/3 ././PUNCT/punct/1") == []
    assert _events("Japan/Japan/PROPN/nsubj/1 expressed/express/VERB/ROOT/- support/support/NOUN/dobj/1 "
                   "for/for/ADP/prep/2 Chile/Chile/PROPN/pobj/3 ././PUNCT/punct/1") == [("JPN", "CHL", "SUPPORT")]


def test_a_concern_taken_into_account_is_voiced_by_no_one() -> None:
    # "Japan took concerns about China 's practices into account ."
    assert _events("Japan/Japan/PROPN/nsubj/1 took/take/VERB/ROOT/- concerns/concern/NOUN/dobj/1 "
                   "about/about/ADP/prep/2 China/China/PROPN/poss/6 's/'s/PART/case/4 practices/practice/NOUN/pobj/3 "
                   "into/into/ADP/prep/1 account/account/NOUN/pobj/7 ././PUNCT/punct/1") == []
