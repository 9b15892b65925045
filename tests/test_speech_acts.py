"""A document's own voice doing things by saying them (UN speeches, statements): thanks with an adjective,
appeals to addressees we cannot name, courtesies that do what they name. Hand-built Docs, no statistical model (two
end-to-end tests marked `model` aside); the sentences are ours, written in the manner of UN General Debate speeches."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

import multipolar.nlp.spacy_pipeline  # noqa: F401  (registers the Doc extensions)
from multipolar.nlp.events.coder import EventCoder
from multipolar.nlp.spans import ActorMention, ActorRef

VOCAB = spacy.blank("en").vocab
STATES = {"Japan": "JPN", "France": "FRA", "Iran": "IRN", "Chile": "CHL", "Pakistan": "PAK"}
VOICE = ActorRef("PAK", "Pakistan", "state", "PAK", None)
FIRST_PERSON = frozenset({"We", "I", "we"})


def _events(spec: str, voiced: tuple[str, ...] = ()) -> list[tuple[str, str, str, str]]:
    """(source, target or "-", PLOVER type, modality) of each event the coder reads from the spec
    (`word/LEMMA/POS/dep/head[/TAG]`, head `-` for the root); "We"/"I" (and the `voiced` words) are the voice, Pakistan;
    weekdays are dates."""
    tokens = [t.split("/") for t in spec.split()]
    words = [t[0] for t in tokens]
    doc = Doc(VOCAB, words=words, lemmas=[t[1] for t in tokens], pos=[t[2] for t in tokens],
              deps=[t[3] if t[4] != "-" else "ROOT" for t in tokens],
              heads=[i if t[4] == "-" else int(t[4]) for i, t in enumerate(tokens)],
              ents=["B-DATE" if w.endswith("day") else "O" for w in words],
              tags=[t[5] if len(t) > 5 else "" for t in tokens])
    mentions = []
    for i, word in enumerate(words):
        if word in FIRST_PERSON or word in voiced:
            mentions.append(ActorMention(i, i + 1, (VOICE,), "voice"))
        elif word in STATES:
            mentions.append(ActorMention(i, i + 1, (ActorRef(STATES[word], word, "state", STATES[word], None),),
                                         "name"))
    doc._.mp_mentions = mentions
    doc._.mp_dates = []
    doc._.mp_date_label = "2019-09-24"
    return sorted((e.source.state_code, e.target.state_code if e.recipient else "-", e.plover, e.modality)
                  for e in EventCoder()(doc)._.mp_events)


def test_grateful_to_praises_whoever_is_thanked_and_they_gave_what_they_are_thanked_for() -> None:
    # "We are grateful to Japan and France for the assistance." (the parse hangs "for" on the copula)
    events = _events("We/we/PRON/nsubj/1 are/be/AUX/ROOT/- grateful/grateful/ADJ/acomp/1 to/to/ADP/prep/2 "
                     "Japan/Japan/PROPN/pobj/3 and/and/CCONJ/cc/4 France/France/PROPN/conj/4 for/for/ADP/prep/1 "
                     "the/the/DET/det/9 assistance/assistance/NOUN/pobj/7 ././PUNCT/punct/1")
    assert events == [("FRA", "PAK", "AID", "asserted"), ("JPN", "PAK", "AID", "asserted"),
                      ("PAK", "FRA", "SUPPORT", "asserted"), ("PAK", "JPN", "SUPPORT", "asserted")]


def test_grateful_for_an_occasion_thanks_no_one() -> None:
    # "I am grateful for this opportunity."
    assert _events("I/I/PRON/nsubj/1 am/be/AUX/ROOT/- grateful/grateful/ADJ/acomp/1 for/for/ADP/prep/2 "
                   "this/this/DET/det/5 opportunity/opportunity/NOUN/pobj/3 ././PUNCT/punct/1") == []


def test_call_on_an_unnamed_addressee_is_a_request_with_no_recipient() -> None:
    # "I call on all parties to exercise restraint."
    events = _events("I/I/PRON/nsubj/1 call/call/VERB/ROOT/- on/on/ADP/prep/1 all/all/DET/det/4 "
                     "parties/party/NOUN/pobj/2 to/to/PART/aux/6 exercise/exercise/VERB/xcomp/1 "
                     "restraint/restraint/NOUN/dobj/6 ././PUNCT/punct/1")
    assert [(s, p) for s, _, p, _ in events] == [("PAK", "REQUEST")]
    assert all(t in ("-", "PAK") for _, t, _, _ in events)  # no one else is named


def test_call_upon_a_state_is_a_request_not_a_phone_call() -> None:
    # "We call upon Iran to release the detained sailors."
    events = _events("We/we/PRON/nsubj/1 call/call/VERB/ROOT/- upon/upon/SCONJ/prep/1 Iran/Iran/PROPN/pobj/2 "
                     "to/to/PART/aux/5 release/release/VERB/xcomp/1 the/the/DET/det/8 detained/detain/VERB/amod/8 "
                     "sailors/sailor/NOUN/dobj/5 ././PUNCT/punct/1")
    assert [(s, t, p) for s, t, p, _ in events] == [("PAK", "IRN", "REQUEST")]


def test_a_call_on_a_weekday_is_still_a_call() -> None:
    # "Japan called France on Tuesday to discuss the crisis."
    events = _events("Japan/Japan/PROPN/nsubj/1 called/call/VERB/ROOT/- France/France/PROPN/dobj/1 on/on/ADP/prep/1 "
                     "Tuesday/Tuesday/PROPN/pobj/3 to/to/PART/aux/6 discuss/discuss/VERB/advcl/1 "
                     "the/the/DET/det/8 crisis/crisis/NOUN/dobj/6 ././PUNCT/punct/1")
    assert ("JPN", "FRA", "CONSULT", "asserted") in events
    assert all(p != "REQUEST" for _, _, p, _ in events)


def test_a_courtesy_in_the_first_person_does_what_it_names() -> None:
    # "I would like to congratulate Chile on its election." : praise given now, not a promise (AGREE)
    events = _events("I/I/PRON/nsubj/2 would/would/AUX/aux/2 like/like/VERB/ROOT/- to/to/PART/aux/4 "
                     "congratulate/congratulate/VERB/xcomp/2 Chile/Chile/PROPN/dobj/4 on/on/ADP/prep/4 "
                     "its/its/PRON/poss/8 election/election/NOUN/pobj/6 ././PUNCT/punct/2")
    assert events == [("PAK", "CHL", "SUPPORT", "asserted")]


def test_taking_an_opportunity_to_thank_is_thanking() -> None:
    # "I take this opportunity to thank Japan."
    events = _events("I/I/PRON/nsubj/1 take/take/VERB/ROOT/- this/this/DET/det/3 opportunity/opportunity/NOUN/dobj/1 "
                     "to/to/PART/aux/5 thank/thank/VERB/acl/3 Japan/Japan/PROPN/dobj/5 ././PUNCT/punct/1")
    assert events == [("PAK", "JPN", "SUPPORT", "asserted")]


def test_a_wish_to_help_is_still_a_promise() -> None:
    # "We want to support Chile."  /  "France wants to condemn Iran." (not the speaker's courtesy)
    assert _events("We/we/PRON/nsubj/1 want/want/VERB/ROOT/- to/to/PART/aux/3 support/support/VERB/xcomp/1 "
                   "Chile/Chile/PROPN/dobj/3 ././PUNCT/punct/1") == [("PAK", "CHL", "AGREE", "intended")]
    assert _events("France/France/PROPN/nsubj/1 wants/want/VERB/ROOT/- to/to/PART/aux/3 "
                   "condemn/condemn/VERB/xcomp/1 Iran/Iran/PROPN/dobj/3 ././PUNCT/punct/1") == [
        ("FRA", "IRN", "ACCUSE", "intended")]


def test_our_call_for_is_the_voices_request() -> None:
    # "We reiterate our call for the release of the sailors held by Iran." : "our" is the voice doing it
    events = _events("We/we/PRON/nsubj/1 reiterate/reiterate/VERB/ROOT/- our/our/PRON/poss/3 call/call/NOUN/dobj/1 "
                     "for/for/ADP/prep/3 the/the/DET/det/6 release/release/NOUN/pobj/4 of/of/ADP/prep/6 "
                     "the/the/DET/det/9 sailors/sailor/NOUN/pobj/7 held/hold/VERB/acl/9 by/by/ADP/agent/10 "
                     "Iran/Iran/PROPN/pobj/11 ././PUNCT/punct/1", voiced=("our",))
    assert [(s, t, p) for s, t, p, _ in events] == [("PAK", "IRN", "REQUEST")]


@pytest.mark.model
def test_the_voice_owns_the_acts_it_calls_ours_but_not_its_feelings() -> None:
    import multipolar

    text = "We reiterate our call for the release of the sailors held by Iran. It is our concern."
    analysis = multipolar.analyze({"text": text, "speaker": "Mexico", "year": 2019},
                                  settings=multipolar.Settings(voice_field="speaker"))
    assert [m.text for a in analysis.actors if a.code == "MEX" for m in a.mentions] == ["We", "our"]
    assert ("MEX", "IRN", "REQUEST") in {(e.source, e.target, e.plover) for e in analysis.events}


def test_welcoming_an_agreement_reached_between_two_states_supports_both_and_they_agreed() -> None:
    # "We welcome the agreement reached between Japan and Chile."
    events = _events("We/we/PRON/nsubj/1 welcome/welcome/VERB/ROOT/- the/the/DET/det/3 agreement/agreement/NOUN/dobj/1 "
                     "reached/reach/VERB/acl/3/VBN between/between/ADP/prep/4 Japan/Japan/PROPN/pobj/5 "
                     "and/and/CCONJ/cc/6 Chile/Chile/PROPN/conj/6 ././PUNCT/punct/1")
    assert [(s, t, p) for s, t, p, _ in events] == [("CHL", "JPN", "SUPPORT"), ("JPN", "CHL", "SUPPORT"),
                                                    ("PAK", "CHL", "SUPPORT"), ("PAK", "JPN", "SUPPORT")]


def test_the_voice_condemning_what_no_one_named_did_has_no_recipient() -> None:
    # "We condemn the use of landmines."  /  "France condemned the use of landmines." (no recipient: no event)
    events = _events("We/we/PRON/nsubj/1 condemn/condemn/VERB/ROOT/- the/the/DET/det/3 use/use/NOUN/dobj/1 "
                     "of/of/ADP/prep/3 landmines/landmine/NOUN/pobj/4 ././PUNCT/punct/1")
    assert [(s, p) for s, _, p, _ in events] == [("PAK", "ACCUSE")]
    assert _events("France/France/PROPN/nsubj/1 condemned/condemn/VERB/ROOT/- the/the/DET/det/3 use/use/NOUN/dobj/1 "
                   "of/of/ADP/prep/3 landmines/landmine/NOUN/pobj/4 ././PUNCT/punct/1") == []


def test_a_joint_statements_we_condemning_no_one_named_is_not_an_event_between_its_signatories() -> None:
    mentions = [ActorMention(0, 1, (VOICE, ActorRef("JPN", "Japan", "state", "JPN", None)), "voice")]
    doc = Doc(VOCAB, words=["We", "condemn", "the", "use", "of", "landmines", "."],
              lemmas=["we", "condemn", "the", "use", "of", "landmine", "."],
              pos=["PRON", "VERB", "DET", "NOUN", "ADP", "NOUN", "PUNCT"],
              deps=["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"], heads=[1, 1, 3, 1, 3, 4, 1])
    doc._.mp_mentions, doc._.mp_dates, doc._.mp_date_label = mentions, [], "2019-09-24"
    assert EventCoder()(doc)._.mp_events == []


def _three_voices(words: list[str], lemmas: list[str], pos: list[str], deps: list[str], heads: list[int],
                  tags: list[str]) -> list[tuple[str, str, str]]:
    """(source, target, PLOVER type) of the events of a sentence whose "We" is three signatories."""
    signatories = (VOICE, *(ActorRef(code, name, "state", code, None) for code, name in (("JPN", "Japan"),
                                                                                         ("FRA", "France"))))
    doc = Doc(VOCAB, words=words, lemmas=lemmas, pos=pos, deps=deps, heads=heads, tags=tags)
    doc._.mp_mentions = [ActorMention(0, 1, signatories, "voice")]
    doc._.mp_dates, doc._.mp_date_label = [], "2024-05-02"
    return sorted((e.source.state_code, e.target.state_code, e.pattern.plover) for e in EventCoder()(doc)._.mp_events)


def test_the_signatories_of_a_multilateral_statement_meet_each_other_but_do_not_appeal_to_each_other() -> None:
    met = _three_voices(["We", "met", "in", "Lima", "today", "."], ["we", "meet", "in", "Lima", "today", "."],
                        ["PRON", "VERB", "ADP", "PROPN", "NOUN", "PUNCT"], ["nsubj", "ROOT", "prep", "pobj", "npadvmod",
                        "punct"], [1, 1, 1, 2, 1, 1], ["PRP", "VBD", "IN", "NNP", "NN", "."])
    assert met == sorted((a, b, "CONSULT") for a in ("PAK", "JPN", "FRA") for b in ("PAK", "JPN", "FRA") if a != b)
    urged = _three_voices(["We", "urged", "restraint", "."], ["we", "urge", "restraint", "."],
                          ["PRON", "VERB", "NOUN", "PUNCT"], ["nsubj", "ROOT", "dobj", "punct"], [1, 1, 1, 1],
                          ["PRP", "VBD", "NN", "."])
    assert not any(target in ("PAK", "JPN", "FRA") and source != target for source, target, _ in urged)


@pytest.mark.model
def test_a_readouts_president_is_the_voices_head_of_state() -> None:
    import multipolar

    settings = multipolar.Settings(voice_field="speaker")
    text = ("The President welcomed the release of the detained journalists by Chile. The President of Chile thanked "
            "him. “The President is wrong,” a senator said.")
    analysis = multipolar.analyze({"text": text, "speaker": "United States", "date": "2023-05-10"}, settings=settings)
    welcomed = [e for e in analysis.events if e.plover == "SUPPORT" and e.target == "CHL"]
    assert [(e.source, e.source_actor, e.source_text) for e in welcomed] == [("USA", "joe-biden", "The President")]
    assert not any(e.source_text == "The President" and e.target == "USA" for e in analysis.events)
    speech = multipolar.analyze({"text": "Mr. President, the President thanked Japan for its support.",
                                 "speaker": "Norway", "date": "2019-09-24"}, settings=settings)
    assert not any(e.source == "NOR" and e.target == "JPN" for e in speech.events)  # the chair's, not Norway's
    union = multipolar.analyze({"text": "The President condemned the attack by Chile.", "speaker": "African Union",
                                "date": "2023-05-10"}, settings=settings)
    assert not any(e.source_text == "The President" for e in union.events)  # an organisation has no head of state


def test_an_offer_of_support_with_a_states_work_is_a_promise_to_that_state() -> None:
    # "We offer our support for and assistance with Chile's investigation." (the parse hangs "assistance" on
    # "offer" as a conjunct: a noun conjoined to a verb is its second object)
    events = _events("We/we/PRON/nsubj/1 offer/offer/VERB/ROOT/- our/our/PRON/poss/3 support/support/NOUN/dobj/1 "
                     "for/for/ADP/prep/1 and/and/CCONJ/cc/1 assistance/assistance/NOUN/conj/1 with/with/ADP/prep/6 "
                     "Chile/Chile/PROPN/poss/10 's/'s/PART/case/8 investigation/investigation/NOUN/pobj/7 "
                     "././PUNCT/punct/1")
    assert [(s, t, p) for s, t, p, _ in events] == [("PAK", "CHL", "AGREE")]


def test_standing_in_opposition_to_a_states_war_condemns_it() -> None:
    # "We have stood together in firm opposition to Iran's war against Chile."
    events = _events("We/we/PRON/nsubj/2 have/have/AUX/aux/2 stood/stand/VERB/ROOT/- together/together/ADV/advmod/2 "
                     "in/in/ADP/prep/2 firm/firm/ADJ/amod/6 opposition/opposition/NOUN/pobj/4 to/to/ADP/prep/6 "
                     "Iran/Iran/PROPN/poss/10 's/'s/PART/case/8 war/war/NOUN/pobj/7 against/against/ADP/prep/10 "
                     "Chile/Chile/PROPN/pobj/11 ././PUNCT/punct/2")
    assert ("PAK", "IRN", "ACCUSE") in [(s, t, p) for s, t, p, _ in events]


def test_the_largest_donor_of_aid_in_a_state_gives_it_aid() -> None:
    # "We are the largest donor of humanitarian assistance in Chile."  /  "We are a major donor to mine action."
    events = _events("We/we/PRON/nsubj/1 are/be/AUX/ROOT/- the/the/DET/det/4 largest/large/ADJ/amod/4 "
                     "donor/donor/NOUN/attr/1 of/of/ADP/prep/4 humanitarian/humanitarian/ADJ/amod/7 "
                     "assistance/assistance/NOUN/pobj/5 in/in/ADP/prep/4 Chile/Chile/PROPN/pobj/8 ././PUNCT/punct/1")
    assert [(s, t, p) for s, t, p, _ in events] == [("PAK", "CHL", "AID")]
    assert _events("We/we/PRON/nsubj/1 are/be/AUX/ROOT/- a/a/DET/det/4 major/major/ADJ/amod/4 donor/donor/NOUN/attr/1 "
                   "to/to/ADP/prep/4 mine/mine/NOUN/compound/7 action/action/NOUN/pobj/5 ././PUNCT/punct/1") == []


def test_what_the_voice_says_another_actor_must_do_is_its_demand() -> None:
    # "We thank Chile. Iran must free the sailors."  /  "We thank Chile. We must work with France."
    demand = _events("We/we/PRON/nsubj/1 thank/thank/VERB/ROOT/- Chile/Chile/PROPN/dobj/1 ././PUNCT/punct/1 "
                     "Iran/Iran/PROPN/nsubj/6 must/must/AUX/aux/6 free/free/VERB/ROOT/- the/the/DET/det/8 "
                     "sailors/sailor/NOUN/dobj/6 ././PUNCT/punct/6")
    assert ("PAK", "IRN", "REQUEST") in [(s, t, p) for s, t, p, _ in demand]
    resolve = _events("We/we/PRON/nsubj/1 thank/thank/VERB/ROOT/- Chile/Chile/PROPN/dobj/1 ././PUNCT/punct/1 "
                      "We/we/PRON/nsubj/6 must/must/AUX/aux/6 work/work/VERB/ROOT/- with/with/ADP/prep/6 "
                      "France/France/PROPN/pobj/7 ././PUNCT/punct/6")
    assert not [e for e in resolve if e[2] == "REQUEST"]


def test_a_text_without_a_voice_of_its_own_demands_nothing() -> None:
    # "Iran must free the sailors." (a news report's sentence: no "we", no one demanding)
    assert _events("Iran/Iran/PROPN/nsubj/2 must/must/AUX/aux/2 free/free/VERB/ROOT/- the/the/DET/det/4 "
                   "sailors/sailor/NOUN/dobj/2 ././PUNCT/punct/2") == []


def test_a_speech_naming_its_own_state_condemns_as_its_we_does() -> None:
    # "We thank Chile. Pakistan condemns these tests."  /  "We thank Chile. France condemns these tests."
    spec = ("We/we/PRON/nsubj/1 thank/thank/VERB/ROOT/- Chile/Chile/PROPN/dobj/1 ././PUNCT/punct/1 "
            "{0}/{0}/PROPN/nsubj/5 condemns/condemn/VERB/ROOT/- these/this/DET/det/7 tests/test/NOUN/dobj/5 "
            "././PUNCT/punct/5")
    assert ("PAK", "-", "ACCUSE") in [(s, t, p) for s, t, p, _ in _events(spec.format("Pakistan"))]
    assert not [e for e in _events(spec.format("France")) if e[2] == "ACCUSE"]


def test_the_voice_calling_for_what_no_one_named_is_asked_to_do_appeals_to_no_one() -> None:
    # "We call for the peaceful settlement of disputes."  /  "We called Chile for talks." (a telephone call)
    events = _events("We/we/PRON/nsubj/1 call/call/VERB/ROOT/- for/for/ADP/prep/1 the/the/DET/det/5 "
                     "peaceful/peaceful/ADJ/amod/5 settlement/settlement/NOUN/pobj/2 of/of/ADP/prep/5 "
                     "disputes/dispute/NOUN/pobj/6 ././PUNCT/punct/1")
    assert [(s, t, p) for s, t, p, _ in events] == [("PAK", "-", "REQUEST")]
    phoned = _events("We/we/PRON/nsubj/1 called/call/VERB/ROOT/- Chile/Chile/PROPN/dobj/1 for/for/ADP/prep/1 "
                     "talks/talk/NOUN/pobj/3 ././PUNCT/punct/1")
    assert not [e for e in phoned if e[2] == "REQUEST" and e[1] == "-"]


def test_acting_in_partnership_with_a_state_cooperates_with_it() -> None:
    # "We act in close partnership with Chile."  /  "We act in the partnership with Chile." (a thing, not a manner)
    spec = ("We/we/PRON/nsubj/1 act/act/VERB/ROOT/- in/in/ADP/prep/1 {0}/{1}/{2}/{3}/4 "
            "partnership/partnership/NOUN/pobj/2 with/with/ADP/prep/4 Chile/Chile/PROPN/pobj/5 ././PUNCT/punct/1")
    events = [(s, t, p) for s, t, p, _ in _events(spec.format("close", "close", "ADJ", "amod"))]
    assert ("PAK", "CHL", "COOPERATE") in events
    assert _events(spec.format("the", "the", "DET", "det")) == []


def test_the_voice_welcoming_what_no_one_named_did_backs_it_with_no_recipient() -> None:
    # "We welcome the establishment of the panel."  /  "We welcome the opportunity."  /  "As we welcome the panel,
    # we thank Chile." (a clause of time: what it thanks is the act)
    assert [(s, t, p) for s, t, p, _ in _events(
        "We/we/PRON/nsubj/1 welcome/welcome/VERB/ROOT/- the/the/DET/det/3 establishment/establishment/NOUN/dobj/1 "
        "of/of/ADP/prep/3 the/the/DET/det/6 panel/panel/NOUN/pobj/4 ././PUNCT/punct/1")] == [("PAK", "-", "SUPPORT")]
    assert _events("We/we/PRON/nsubj/1 welcome/welcome/VERB/ROOT/- the/the/DET/det/3 "
                   "opportunity/opportunity/NOUN/dobj/1 ././PUNCT/punct/1") == []
    assert _events("I/I/PRON/nsubj/1 welcome/welcome/VERB/ROOT/- the/the/DET/det/3 "
                   "establishment/establishment/NOUN/dobj/1 of/of/ADP/prep/3 the/the/DET/det/6 "
                   "panel/panel/NOUN/pobj/4 ././PUNCT/punct/1") == []
    timed = _events("As/as/SCONJ/mark/2 we/we/PRON/nsubj/2 welcome/welcome/VERB/advcl/6 the/the/DET/det/4 "
                    "panel/panel/NOUN/dobj/2 ,/,/PUNCT/punct/6 we/we/PRON/nsubj/6 thank/thank/VERB/ROOT/- "
                    "Chile/Chile/PROPN/dobj/6 ././PUNCT/punct/6")
    assert not [e for e in timed if e[1] == "-"]
