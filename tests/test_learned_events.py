"""The learned event coder: the component on hand-built Docs with a tiny model, the model file format, the
determinism of training, and (marked) the shipped weights on a real parse."""

from __future__ import annotations

import importlib.util
import json
import sys

import numpy as np
import pytest
import spacy
from spacy.tokens import Doc

import multipolar.nlp.spacy_pipeline  # noqa: F401  (registers the Doc extensions)
from multipolar.coding.tables import PLOVER_TYPES, Pattern
from multipolar.nlp.events.coder import CodedEvent
from multipolar.nlp.events.learned import (
    LearnedEventCoder,
    PairCoder,
    PairModel,
    load_models,
    pair_features,
    parse_path,
)
from multipolar.nlp.spans import ActorMention, ActorRef
from multipolar.settings import DEFAULT_SETTINGS

from .conftest import ROOT

FRA = ActorRef("FRA", "France", "state", "FRA", None)
MLI = ActorRef("MLI", "Mali", "state", "MLI", None)
VOCAB = spacy.blank("en").vocab


def _doc(words: list[str], heads: list[int], deps: list[str], pos: list[str], lemmas: list[str],
         mentions: list[ActorMention]) -> Doc:
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    doc._.mp_mentions = mentions
    doc._.mp_dates = []
    doc._.mp_events = []
    doc._.mp_date_label = "2024-03-01"
    return doc


def _send_doc(aux: str | None = None) -> Doc:
    """"France sent (will send) troops to Mali ." with France and Mali resolved."""
    words = ["France", *([aux] if aux else []), "send" if aux else "sent", "troops", "to", "Mali", "."]
    shift = 1 if aux else 0
    verb = 1 + shift
    heads = [verb, *([verb] if aux else []), verb, verb, verb, 3 + shift, verb]
    deps = ["nsubj", *(["aux"] if aux else []), "ROOT", "dobj", "prep", "pobj", "punct"]
    pos = ["PROPN", *(["AUX"] if aux else []), "VERB", "NOUN", "ADP", "PROPN", "PUNCT"]
    lemmas = ["France", *([aux] if aux else []), "send", "troop", "to", "Mali", "."]
    mentions = [ActorMention(0, 1, (FRA,), "name"), ActorMention(4 + shift, 5 + shift, (MLI,), "name")]
    return _doc(words, heads, deps, pos, lemmas, mentions)


def _tiny_model(label: str = "AID") -> PairCoder:
    """The subject of "send" acts on the other actor (an AID event); anything else is no event."""
    detect_labels = ("NONE", "EVENT")
    detector = PairModel("tiny-v0", detect_labels, {"s_dep=nsubj": 0, "s_dep=pobj": 1},
                         np.array([[0.0, 4.0], [4.0, 0.0]], dtype=np.float32), np.zeros(2, dtype=np.float32))
    weights = np.zeros((1, len(PLOVER_TYPES)), dtype=np.float32)
    weights[0, PLOVER_TYPES.index(label)] = 6.0
    typer = PairModel("tiny-v0", PLOVER_TYPES, {"top=send": 0}, weights,
                      np.zeros(len(PLOVER_TYPES), dtype=np.float32))
    return PairCoder(detector, typer)


def test_parse_path_runs_up_to_the_common_head_and_down() -> None:
    doc = _send_doc()
    assert [t.text for t in parse_path(doc[0], doc[4]) or ()] == ["France", "sent", "to", "Mali"]
    assert [t.text for t in parse_path(doc[4], doc[0]) or ()] == ["Mali", "to", "sent", "France"]
    two_roots = _doc(["France", "pledged", ".", "Mali", "wept"], [1, 1, 1, 4, 4],
                     ["nsubj", "ROOT", "punct", "nsubj", "ROOT"], ["PROPN", "VERB", "PUNCT", "PROPN", "VERB"],
                     ["France", "pledge", ".", "Mali", "weep"], [])
    assert parse_path(two_roots[0], two_roots[3]) is None


def test_features_read_the_path_and_how_each_side_attaches() -> None:
    doc = _send_doc()
    coder = LearnedEventCoder(_tiny_model(), threshold=0.5)
    from multipolar.nlp.events.learned import candidates

    found = list(candidates(doc, next(iter(doc.sents)), 0, doc._.mp_mentions))
    # Mali hangs on "sent" through "to": a recipient, never offered as the one who acts
    assert {(c.source_ref.code, c.target_ref.code) for c in found} == {("FRA", "MLI")}
    forward = next(c for c in found if c.source_ref is FRA)
    features = pair_features(doc, forward)
    assert {"top=send", "s_dep=nsubj", "t_dep=pobj", "path=nsubj^ prep:to_ pobj_", "w=troop"} <= set(features)
    assert coder.predict(doc, forward)[0] == "AID"


def test_proposes_an_event_for_an_uncoded_pair_with_the_model_as_coder() -> None:
    doc = LearnedEventCoder(_tiny_model(), threshold=0.5)(_send_doc())
    events = doc._.mp_events
    assert [(e.source.code, e.target.code, e.plover, e.coder) for e in events] == [("FRA", "MLI", "AID", "tiny-v0")]
    event = events[0]
    assert (event.cameo, event.modality, event.negated, event.date) == ("070", "asserted", False, "2024-03-01")
    assert doc[event.trigger].text == "sent"
    assert 0 < event.confidence <= 0.8


def test_a_promise_reads_as_the_rules_read_it() -> None:
    """"France will send troops": the rules' modality (intended), and PLOVER's future rule (AID -> AGREE)."""
    events = LearnedEventCoder(_tiny_model(), threshold=0.5)(_send_doc("will"))._.mp_events
    assert [(e.plover, e.modality) for e in events] == [("AGREE", "intended")]


def test_pairs_the_rules_coded_are_left_alone() -> None:
    doc = _send_doc()
    rule = CodedEvent(FRA, MLI, (0, 1), (4, 5), 1, Pattern("send", frozenset(), ("dobj",), "070", "AID", ""),
                      "070", "AID", "", False, "asserted", None, 0, 0.8)
    doc._.mp_events = [rule]
    assert LearnedEventCoder(_tiny_model(), threshold=0.5)(doc)._.mp_events == [rule]


def test_a_sentence_whose_pairs_are_all_coded_is_not_looked_at() -> None:
    """Speed: no features are read, no model is asked, where the rules left no pair open."""
    doc = _send_doc()
    doc._.mp_events = [CodedEvent(FRA, MLI, (0, 1), (4, 5), 3, Pattern("troop", frozenset(), ("dobj",), "070",
                                  "AID", ""), "070", "AID", "", False, "asserted", None, 0, 0.8)]
    asked: list[object] = []

    class Spy(LearnedEventCoder):
        def predict(self, doc, candidate):  # type: ignore[no-untyped-def]
            asked.append(candidate)
            return super().predict(doc, candidate)

    assert Spy(_tiny_model(), threshold=0.5)(doc)._.mp_events == doc._.mp_events
    assert asked == []
    doc._.mp_events = []
    assert [e.coder for e in Spy(_tiny_model(), threshold=0.5)(doc)._.mp_events] == ["tiny-v0"]
    assert len(asked) == 1


def _free_doc(aux: str | None) -> Doc:
    """"Mali freed (must free) French hostages ." with Mali and France resolved."""
    shift = 1 if aux else 0
    words = ["Mali", *([aux] if aux else []), "free" if aux else "freed", "French", "hostages", "."]
    verb = 1 + shift
    heads = [verb, *([verb] if aux else []), verb, 3 + shift, verb, verb]
    deps = ["nsubj", *(["aux"] if aux else []), "ROOT", "amod", "dobj", "punct"]
    pos = ["PROPN", *(["AUX"] if aux else []), "VERB", "ADJ", "NOUN", "PUNCT"]
    lemmas = ["Mali", *([aux] if aux else []), "free", "french", "hostage", "."]
    mentions = [ActorMention(0, 1, (MLI,), "name"), ActorMention(2 + shift, 3 + shift, (FRA,), "adjective")]
    return _doc(words, heads, deps, pos, lemmas, mentions)


def test_an_act_that_is_only_demanded_is_not_offered() -> None:
    """"Mali must free French hostages" has not happened: the rules code the demand, never what it asks."""
    from multipolar.nlp.events.learned import candidates

    def pairs(doc: Doc) -> set[tuple[str, str]]:
        found = candidates(doc, next(iter(doc.sents)), 0, doc._.mp_mentions)
        return {(c.source_ref.code, c.target_ref.code) for c in found}

    assert pairs(_free_doc(None)) == {("MLI", "FRA")}
    assert pairs(_free_doc("must")) == set()


def test_a_pair_joined_by_no_word_of_the_codebook_is_not_offered() -> None:
    """"France saw troops to Mali" hangs on a word no rule table knows; "the United States and Japan" on a
    word of a name: the model is never asked about either (it still learns from them)."""
    asked: list[object] = []

    class Spy(LearnedEventCoder):
        def predict(self, doc, candidate):  # type: ignore[no-untyped-def]
            asked.append((candidate.source_ref.code, candidate.target_ref.code))
            return super().predict(doc, candidate)

    def offered(doc: Doc) -> list[object]:
        asked.clear()
        Spy(_tiny_model(), threshold=0.5)(doc)
        return list(asked)

    sent = _send_doc()
    assert offered(sent) == [("FRA", "MLI")]
    saw = _doc([t.text for t in sent], [t.head.i for t in sent], [t.dep_ for t in sent], [t.pos_ for t in sent],
               ["France", "see", "troop", "to", "Mali", "."], sent._.mp_mentions)
    assert offered(saw) == []
    usa = ActorRef("USA", "United States", "state", "USA", None)
    jpn = ActorRef("JPN", "Japan", "state", "JPN", None)
    joint = _doc(["The", "United", "States", "and", "Japan", "send", "troops", "."], [2, 2, 5, 2, 2, 5, 5, 5],
                 ["det", "compound", "nsubj", "cc", "conj", "ROOT", "dobj", "punct"],
                 ["DET", "PROPN", "PROPN", "CCONJ", "PROPN", "VERB", "NOUN", "PUNCT"],
                 ["the", "United", "States", "and", "Japan", "send", "troop", "."],
                 [ActorMention(0, 3, (usa,), "name"), ActorMention(4, 5, (jpn,), "name")])
    assert offered(joint) == []


def test_two_recipients_of_the_rules_events_are_no_pair() -> None:
    """"France sent troops to Mali and Niger": the rules code France's act to each; Mali does nothing to Niger."""
    from multipolar.nlp.events.learned import Candidate, RuleGaps

    niger = ActorRef("NER", "Niger", "state", "NER", None)
    doc = _doc(["France", "sent", "troops", "to", "Mali", "and", "Niger", "."], [1, 1, 1, 1, 3, 4, 4, 1],
               ["nsubj", "ROOT", "dobj", "prep", "pobj", "cc", "conj", "punct"],
               ["PROPN", "VERB", "NOUN", "ADP", "PROPN", "CCONJ", "PROPN", "PUNCT"],
               ["France", "send", "troop", "to", "Mali", "and", "Niger", "."], [])
    mali, niger_at, france = ActorMention(4, 5, (MLI,), "name"), ActorMention(6, 7, (niger,), "name"), \
        ActorMention(0, 1, (FRA,), "name")
    pattern = Pattern("troop", frozenset(), ("dobj",), "070", "AID", "")
    doc._.mp_events = [CodedEvent(FRA, target, (0, 1), span, 2, pattern, "070", "AID", "", False, "asserted", None,
                                  0, 0.8) for target, span in ((MLI, (4, 5)), (niger, (6, 7)))]
    gaps = RuleGaps(doc)
    assert not gaps.open(Candidate(mali, niger_at, MLI, niger, 0, (doc[4], doc[3], doc[1], doc[3], doc[6])))
    assert not gaps.open(Candidate(france, niger_at, FRA, niger, 0, (doc[0], doc[1], doc[3], doc[6])))  # linked
    doc._.mp_events = doc._.mp_events[:1]
    assert RuleGaps(doc).open(Candidate(mali, niger_at, MLI, niger, 0, (doc[4], doc[3], doc[1], doc[3], doc[6])))


def test_features_say_what_the_rules_coded_around_the_pair() -> None:
    """A second target of an event the rules coded once: the model sees that the source already acts there."""
    from multipolar.nlp.events.learned import candidates

    doc = _send_doc()
    forward = next(c for c in candidates(doc, next(iter(doc.sents)), 0, doc._.mp_mentions) if c.source_ref is FRA)
    assert "rules=none" in pair_features(doc, forward)
    niger = ActorRef("NER", "Niger", "state", "NER", None)
    doc._.mp_events = [CodedEvent(FRA, niger, (0, 1), (0, 1), 1, Pattern("send", frozenset(), ("dobj",), "070",
                                  "AID", ""), "070", "AID", "", False, "asserted", None, 0, 0.8)]
    features = set(pair_features(doc, forward))
    assert {"rule_s=src", "rule_on_path", "rule_same_source|t_in=prep:to_"} <= features
    assert "rules=none" not in features and not any(f.startswith("rule_t=") for f in features)


def test_nothing_below_the_threshold_or_with_one_actor() -> None:
    assert LearnedEventCoder(_tiny_model(), threshold=0.999)(_send_doc())._.mp_events == []
    doc = _send_doc()
    doc._.mp_mentions = doc._.mp_mentions[:1]
    assert LearnedEventCoder(_tiny_model(), threshold=0.5)(doc)._.mp_events == []


def test_the_same_state_twice_is_no_pair() -> None:
    doc = _send_doc()
    doc._.mp_mentions = [ActorMention(0, 1, (FRA,), "name"), ActorMention(4, 5, (FRA,), "capital")]
    assert LearnedEventCoder(_tiny_model(), threshold=0.5)(doc)._.mp_events == []


def test_model_file_round_trip_gives_the_same_bytes() -> None:
    model = _tiny_model().typer
    data = model.dump(("trained on our own sentences",))
    again = PairModel.parse(data, "test")
    assert again.dump(("trained on our own sentences",)) == data
    assert again.name == "tiny-v0"
    assert set(again.rows) == set(model.rows)
    for feature, row in model.rows.items():
        np.testing.assert_allclose(again.weights[again.rows[feature]], model.weights[row])


def test_a_broken_model_file_is_a_clear_error() -> None:
    from multipolar.errors import DataFileError

    with pytest.raises(DataFileError, match="is not a pair model"):
        PairModel.parse(b"not gzip", "broken.tsv.gz")


def _train_tool():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("train_events", ROOT / "tools" / "train_events.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_events"] = module
    spec.loader.exec_module(module)
    return module


def test_training_is_deterministic() -> None:
    tool = _train_tool()
    examples = [tool.Example(("bias", f"w={word}", f"s_dep={dep}"), label, 1.0, origin)
                for word, label in (("attack", "ASSAULT"), ("meet", "CONSULT"), ("donate", "AID"), ("the", "NONE"))
                for dep in ("nsubj", "poss", "pobj") for origin in ("written", "ngec")] * 3
    first, second = tool.fit_coder(examples), tool.fit_coder(examples)
    assert [m.dump() for m in first] == [m.dump() for m in second]
    coder = PairCoder(*first)
    assert coder.predict(["bias", "w=attack", "s_dep=nsubj"])[0] == "ASSAULT"
    assert coder.predict(["bias", "w=the", "s_dep=nsubj"])[1] < 0.5


def test_the_weights_depend_on_the_set_of_examples_not_their_order() -> None:
    """A rebuild after a knowledge-base change sees the same sentences in another order and a few pairs
    changed: the fit must not turn that into a different model (a shuffled mini-batch fit did)."""
    tool = _train_tool()
    examples = [tool.Example(("bias", f"w={word}", f"s_dep={dep}", f"t_dep={other}"), label, weight, origin)
                for word, label in (("attack", "ASSAULT"), ("meet", "CONSULT"), ("donate", "AID"), ("the", "NONE"))
                for dep in ("nsubj", "poss") for other in ("dobj", "pobj")
                for origin, weight in (("written", 1.0), ("ngec", 0.5))] * 2
    forward = [m.dump() for m in tool.fit_coder(examples)]
    assert [m.dump() for m in tool.fit_coder(examples[::-1])] == forward
    one_more = PairCoder(*tool.fit_coder([*examples, tool.Example(("bias", "w=meet", "s_dep=poss", "t_dep=dobj"),
                                                                   "NONE", 1.0, "written")]))
    before = PairCoder(*tool.fit_coder(examples)).predict(["bias", "w=donate", "s_dep=nsubj", "t_dep=pobj"])
    after = one_more.predict(["bias", "w=donate", "s_dep=nsubj", "t_dep=pobj"])
    assert before[0] == after[0] == "AID"
    assert abs(before[1] - after[1]) < 0.05


def test_a_promised_act_teaches_the_detector_not_the_type_model() -> None:
    """"France will send troops to Mali" labelled AGREE: the type model should learn "send" as the act (the
    component makes it AGREE from the modality), so the example is marked and left out of the type model."""
    from multipolar.nlp.events.learned import candidates

    tool = _train_tool()

    def pair(doc: Doc):  # type: ignore[no-untyped-def]
        return next(iter(candidates(doc, next(iter(doc.sents)), 0, doc._.mp_mentions)))

    promised, done = _send_doc("will"), _send_doc()
    assert tool.promised_act(promised, pair(promised), "AGREE")
    assert not tool.promised_act(promised, pair(promised), "AID")
    assert not tool.promised_act(done, pair(done), "AGREE")
    examples = [tool.Example(("bias", "top=send"), "AGREE", 1.0, "written", promise=True),
                tool.Example(("bias", "top=send"), "AID", 1.0, "written"),
                tool.Example(("bias", "top=see"), "NONE", 1.0, "written")] * 4
    detector, typer = tool.fit_coder(examples)
    assert PairCoder(detector, typer).predict(["bias", "top=send"])[0] == "AID"


def test_labelled_rows_are_read_with_both_directions_and_unsure_pairs(tmp_path) -> None:  # type: ignore[no-untyped-def]
    tool = _train_tool()
    path = tmp_path / "rows.tsv"
    path.write_text("style\tdate\ttext\tevents\n"
                    "wire\t2024-01-02\tIndia and China held talks.\tIND<>CHN CONSULT\n"
                    "speech@URY\t\tWe urge Russia to withdraw.\tURY>RUS REQUEST; RUS>UKR ?\n", encoding="utf-8")
    first, second = tool.read_labelled(path, "written")
    assert first.events == (("IND", "CHN", "CONSULT"), ("CHN", "IND", "CONSULT"))
    assert (second.voice, second.events[1]) == ("URY", ("RUS", "UKR", None))


def test_every_gold_file_is_refused_dev_and_test_alike(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A gold file added later (a new dev set) is refused without naming it: its sentences, and every
    sentence of a corpus record a gold file draws on."""
    tool = _train_tool()
    gold = tmp_path / "gold"
    gold.mkdir()
    sentence = "Kenya and Ethiopia agreed on Tuesday to reopen the Moyale border crossing."
    (gold / "quotes-dev9.jsonl").write_text(json.dumps({"text": sentence}) + "\n\n", encoding="utf-8")
    (gold / "figures-dev9.jsonl").write_text(json.dumps({"record": "fact-sheets/x", "text": "$5"}) + "\n",
                                             encoding="utf-8")
    texts, records = tool.held_out_texts(gold)
    assert records == {"fact-sheets/x"}

    def row(text: str, record: str | None = None):  # type: ignore[no-untyped-def]
        return tool.Labelled("r:1", "corpus", tool.DEFAULT_DATE, text, (), None, record)

    with pytest.raises(SystemExit, match="gold record"):
        tool.refuse_held_out([row(sentence)], texts, records)
    with pytest.raises(SystemExit, match="gold record"):
        tool.refuse_held_out([row("Another sentence of the same fact sheet.", "wh:fact-sheets/x")], texts, records)
    tool.refuse_held_out([row("Kenya and Ethiopia held talks in Nairobi on Tuesday.", "wh:other")], texts, records)


@pytest.mark.model
def test_the_learned_coder_runs_only_when_asked_and_never_in_fast_mode() -> None:
    from multipolar.nlp.spacy_pipeline import load_pipeline

    on = DEFAULT_SETTINGS.replace(learned_events=True)
    assert "multipolar_learned_events" in load_pipeline(on).pipe_names
    assert "multipolar_learned_events" not in load_pipeline(on.replace(fast=True)).pipe_names
    assert "multipolar_learned_events" not in load_pipeline(on.replace(learned_events=False)).pipe_names


def test_a_story_is_read_to_its_second_paragraph() -> None:
    tool = _train_tool()
    assert tool.story_opening("One. Two.\n\nThree.\n\nFour.") == "One. Two.\n\nThree."
    assert tool.story_opening("Only one paragraph.") == "Only one paragraph."


def test_the_component_is_added_after_the_rules_only_when_asked() -> None:
    from multipolar.nlp.spacy_pipeline import add_components

    plain = add_components(spacy.blank("en"))
    assert "multipolar_learned_events" not in plain.pipe_names
    learned = add_components(spacy.blank("en"), learned_threshold=0.6)
    names = learned.pipe_names
    assert names.index("multipolar_learned_events") == names.index("multipolar_events") + 1
    assert learned.get_pipe("multipolar_learned_events").threshold == 0.6


@pytest.mark.model
def test_the_shipped_weights_propose_an_event_the_rules_miss() -> None:
    import multipolar

    model = load_models()
    assert model.name.startswith("event-pairs-")
    assert (model.detector.labels, model.typer.labels) == (("NONE", "EVENT"), PLOVER_TYPES)
    text = "Estonia has provided Ukraine with howitzers worth 40 million euros."
    rules = multipolar.analyze(text, date="2024-05-01", settings=DEFAULT_SETTINGS.replace(learned_events=False))
    learned = multipolar.analyze(text, date="2024-05-01", settings=DEFAULT_SETTINGS.replace(learned_events=True))
    assert not [e for e in rules.events if (e.source, e.target) == ("EST", "UKR")]
    proposed = {(e.source, e.target, e.plover) for e in learned.events if e.coder == model.name}
    assert ("EST", "UKR", "AID") in proposed


def test_only_the_training_half_of_the_plover_dev_sets_is_trained_on(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Half of each PLOVER dev set (by a hash of the record id) is training data, the other half is held back
    to score on: its sentences stay refused, as does every other gold file."""
    tool = _train_tool()
    gold = tmp_path / "gold"
    gold.mkdir()
    rows = [{"id": f"pl-{k}", "category": "CONSULT", "date": "2024-03-0" + str(1 + k % 9),
             "text": f"Kenya and Ethiopia held talks number {k} on their shared border in Nairobi.",
             "expected": [{"source": "KEN", "target": "ETH", "plover": "CONSULT"},
                          {"source": "KEN", "target": None, "plover": "CONSULT"}]} for k in range(40)]
    for name in tool.GOLD_TRAINED:
        (gold / name).write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    trained = tool.gold_training_records(gold)
    taken = {r.id.partition(":")[2] for r in trained}
    assert 8 <= len(taken) <= 32 and taken == {r["id"] for r in rows if tool.training_half(r["id"])}
    assert all(r.events == (("KEN", "ETH", "CONSULT"),) for r in trained)  # no recipient: no pair example
    texts, _ = tool.held_out_texts(gold, gold_halves=True)
    held_back = [r["text"] for r in rows if r["id"] not in taken]
    assert sorted(set(texts)) == sorted(held_back)
    every, _ = tool.held_out_texts(gold)  # without --gold-halves every sentence of every gold file is refused
    assert sorted(set(every)) == sorted(r["text"] for r in rows)
    with pytest.raises(SystemExit, match="gold record"):
        tool.refuse_held_out([tool.Labelled("r:1", "gold", tool.DEFAULT_DATE, held_back[0], ())], texts, set())
    tool.refuse_held_out(trained, texts, set())


@pytest.mark.skipif(not (ROOT.parent / "shared" / "train" / "ngec-synthetic").is_dir(),
                    reason="../shared/train/ngec-synthetic is not beside the project")
def test_the_shipped_weights_are_what_the_rules_and_data_give_today() -> None:
    """The type model's features read the event rules' word lists, so a rule change without a rebuild leaves
    stale weights that every other test still passes with (session 11 found one): rebuild in memory, compare."""
    import subprocess

    done = subprocess.run([sys.executable, str(ROOT / "tools" / "train_events.py"), "--check"],
                          capture_output=True, text=True, timeout=1800, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "the shipped weights match a rebuild" in done.stderr
