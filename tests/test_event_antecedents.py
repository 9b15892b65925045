"""What a noun or pronoun in an event's slot stands for: a noun summing up the clause beside it ("a move X
condemned") and an object pronoun of a participle or conjoined verb ("..., accusing them of spying")."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

import multipolar
from multipolar.nlp.events.tree import object_antecedent, summarised_act

_VOCAB = spacy.blank("en").vocab


def _doc(words: list[str], heads: list[int], deps: list[str], tags: list[str], pos: list[str]) -> Doc:
    return Doc(_VOCAB, words=words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=[w.lower() for w in words])


def test_a_noun_set_after_a_clause_sums_up_its_act() -> None:
    doc = _doc(["Chile", "closed", "the", "port", ",", "a", "move", "Peru", "condemned"],
               [1, 1, 3, 1, 1, 6, 1, 8, 6],
               ["nsubj", "ROOT", "det", "dobj", "punct", "det", "npadvmod", "nsubj", "relcl"],
               ["NNP", "VBD", "DT", "NN", ",", "DT", "NN", "NNP", "VBD"],
               ["PROPN", "VERB", "DET", "NOUN", "PUNCT", "DET", "NOUN", "PROPN", "VERB"])
    assert summarised_act(doc[6])
    assert not summarised_act(doc[3])  # the port is a thing acted on, not an act


def test_an_object_pronoun_of_a_participle_stands_for_the_object_before() -> None:
    doc = _doc(["Chile", "expelled", "two", "envoys", ",", "accusing", "them", "of", "spying"],
               [1, 1, 3, 1, 1, 1, 5, 5, 7],
               ["nsubj", "ROOT", "nummod", "dobj", "punct", "advcl", "dobj", "prep", "pcomp"],
               ["NNP", "VBD", "CD", "NNS", ",", "VBG", "PRP", "IN", "VBG"],
               ["PROPN", "VERB", "NUM", "NOUN", "PUNCT", "VERB", "PRON", "ADP", "VERB"])
    found = object_antecedent(doc[6])
    assert found is not None and found.i == 3


def test_a_pronoun_of_another_number_has_no_antecedent_there() -> None:
    doc = _doc(["Chile", "expelled", "the", "envoy", ",", "accusing", "them", "of", "spying"],
               [1, 1, 3, 1, 1, 1, 5, 5, 7],
               ["nsubj", "ROOT", "det", "dobj", "punct", "advcl", "dobj", "prep", "pcomp"],
               ["NNP", "VBD", "DT", "NN", ",", "VBG", "PRP", "IN", "VBG"],
               ["PROPN", "VERB", "DET", "NOUN", "PUNCT", "VERB", "PRON", "ADP", "VERB"])
    assert object_antecedent(doc[6]) is None


def _triples(text: str) -> set[tuple[str, str, str]]:
    return {(e.source, e.target, e.plover) for e in multipolar.analyze(text, date="2024-03-01").events}


@pytest.mark.model
@pytest.mark.parametrize(("text", "triple"), [
    ("Armenia recalled its ambassador from Baku on Monday, a move Azerbaijan called regrettable.",
     ("AZE", "ARM", "ACCUSE")),
    ("Kenya suspended flights to Somalia on Friday, a move Mogadishu condemned.", ("SOM", "KEN", "ACCUSE")),
    ("Hungary blocked the aid package for Ukraine on Thursday, a step welcomed by Moscow.", ("RUS", "HUN", "SUPPORT")),
])
def test_judging_a_summed_up_move_is_aimed_at_whoever_made_it(text: str, triple: tuple[str, str, str]) -> None:
    assert triple in _triples(text)


@pytest.mark.model
def test_a_judged_move_is_not_aimed_at_the_judge_itself() -> None:
    found = _triples("Kenya suspended flights to Somalia on Friday, a move Mogadishu condemned.")
    assert ("SOM", "SOM", "ACCUSE") not in found


@pytest.mark.model
@pytest.mark.parametrize(("text", "triple"), [
    ("Estonia expelled two Russian diplomats on Tuesday, accusing them of espionage.", ("EST", "RUS", "ACCUSE")),
    ("Russia expelled two Estonian diplomats and accused them of spying.", ("RUS", "EST", "ACCUSE")),
    ("The junta threatened to shut the French embassy in Niamey, accusing it of meddling.", ("NER", "FRA", "ACCUSE")),
])
def test_an_object_pronoun_is_the_object_acted_on_before(text: str, triple: tuple[str, str, str]) -> None:
    assert triple in _triples(text)
