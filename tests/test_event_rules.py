"""The event coder's rule families, one test each, on hand-built spaCy Docs (no statistical model).

Each Doc is written as `word/LEMMA/POS/dep/head` tokens (head: the index of the head token, or `-` for the
root); actor mentions are given by token index. A rule change that breaks a family fails here by name.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import spacy
from spacy.tokens import Doc, Span

import multipolar.nlp.spacy_pipeline  # noqa: F401  (registers the Doc extensions)
from multipolar.nlp.dates import DateValue, FoundDate
from multipolar.nlp.events.coder import CodedEvent, EventCoder
from multipolar.nlp.spans import ActorMention, ActorRef

VOCAB = spacy.blank("en").vocab
STATES = {"Japan": "JPN", "Indonesia": "IDN", "Iran": "IRN", "France": "FRA", "French": "FRA", "China": "CHN",
          "Russia": "RUS", "Hungary": "HUN", "Peru": "PER", "Peruvian": "PER", "Turkey": "TUR", "Sweden": "SWE",
          "Korea": "KOR", "Kenya": "KEN", "Kenyan": "KEN", "Australia": "AUS", "Zealand": "NZL", "Brazil": "BRA",
          "Cuba": "CUB",
          "Lula": "BRA", "Xi": "CHN", "Egypt": "EGY", "Syria": "SYR", "Pakistan": "PAK"}
PEOPLE = {"Lula": ("lula", "BRA"), "Xi": ("xi-jinping", "CHN")}
BODIES = {"government": ("ken-gov", "KEN", "GOV"), "students": ("ken-students", "KEN", "EDU")}


def _doc(spec: str, date: str = "2023-05-01") -> Doc:
    """A parsed Doc from the spec (word/lemma/pos/dep/head[/tag]), with actor mentions for the words in STATES and
    PEOPLE, four-digit years as dates, and the event coder run on it."""
    tokens = [t.split("/") for t in spec.split()]
    words = [t[0] for t in tokens]
    heads = [i if t[4] == "-" else int(t[4]) for i, t in enumerate(tokens)]
    doc = Doc(VOCAB, words=words, lemmas=[t[1] for t in tokens], pos=[t[2] for t in tokens],
              deps=[t[3] if t[4] != "-" else "ROOT" for t in tokens], heads=heads,
              tags=[t[5] if len(t) > 5 else "PRP$" if t[1] in ("its", "their") else (
                  "VBG" if t[0].endswith("ing") and t[2] == "VERB" else "") for t in tokens])
    mentions = []
    for i, word in enumerate(words):
        if word in PEOPLE:
            code, country = PEOPLE[word]
            ref = ActorRef(code, word, "person", country, "GOV")
        elif word in BODIES:
            code, country, role = BODIES[word]
            ref = ActorRef(code, word, "organization", country, role)
        elif word in STATES:
            ref = ActorRef(STATES[word], word, "state", STATES[word], None)
        else:
            continue
        mentions.append(ActorMention(i, i + 1, (ref,), "name" if tokens[i][2] == "PROPN" else "adjective"))
    doc._.mp_mentions = mentions
    doc._.mp_dates = [FoundDate(i, i + 1, w, DateValue(w, dt.date(int(w), 1, 1), dt.date(int(w), 12, 31)))
                      for i, w in enumerate(words) if w.isdigit() and len(w) == 4]
    doc._.mp_date_label = date
    return EventCoder()(doc)


def _events(spec: str) -> list[tuple[str, str, str, str, str, bool]]:
    found: list[CodedEvent] = _doc(spec)._.mp_events
    return [(e.source.state_code, e.target.state_code if e.recipient else "-", e.plover, e.mode, e.modality,
             e.negated) for e in found]


def test_verb_pattern_with_object_and_preposition() -> None:
    # "Japan provided loans to Indonesia."
    events = _events("Japan/Japan/PROPN/nsubj/1 provided/provide/VERB/ROOT/- loans/loan/NOUN/dobj/1 "
                     "to/to/ADP/prep/1 Indonesia/Indonesia/PROPN/pobj/3 ././PUNCT/punct/1")
    assert events == [("JPN", "IDN", "AID", "economic", "asserted", False)]


def test_commitment_frame_makes_promised_cooperation_agree() -> None:
    # "Japan agreed to provide loans to Indonesia."
    events = _events("Japan/Japan/PROPN/nsubj/1 agreed/agree/VERB/ROOT/- to/to/PART/aux/3 "
                     "provide/provide/VERB/xcomp/1 loans/loan/NOUN/dobj/3 to/to/ADP/prep/3 "
                     "Indonesia/Indonesia/PROPN/pobj/5 ././PUNCT/punct/1")
    assert events == [("JPN", "IDN", "AGREE", "", "intended", False)]


def test_readiness_adjective_is_a_commitment() -> None:
    # "Turkey is ready to mediate between Russia and Sweden."
    events = _events("Turkey/Turkey/PROPN/nsubj/1 is/be/AUX/ROOT/- ready/ready/ADJ/acomp/1 to/to/PART/aux/4 "
                     "mediate/mediate/VERB/xcomp/2 between/between/ADP/prep/4 Russia/Russia/PROPN/pobj/5 "
                     "and/and/CCONJ/cc/6 Sweden/Sweden/PROPN/conj/6 ././PUNCT/punct/1")
    assert ("TUR", "RUS", "AGREE", "", "intended", False) in events
    assert ("TUR", "SWE", "AGREE", "", "intended", False) in events


def test_promised_release_is_agree() -> None:
    # "Iran said it would release the French citizens."  (a promised concession is AGREE, 035x: the team's
    # session-7 convention, as the PLOVER records read it)
    events = _events("Iran/Iran/PROPN/nsubj/1 said/say/VERB/ROOT/- it/it/PRON/nsubj/4 would/would/AUX/aux/4 "
                     "release/release/VERB/ccomp/1 the/the/DET/det/7 French/french/ADJ/amod/7 "
                     "citizens/citizen/NOUN/dobj/4 ././PUNCT/punct/1")
    assert events == [("IRN", "FRA", "AGREE", "", "intended", False)]


def test_opening_a_border_is_the_act_and_being_open_to_talks_a_promise() -> None:
    # "Kenya opened its border to Peru."  /  "Kenya is open to talks with Peru."
    opened = _events("Kenya/Kenya/PROPN/nsubj/1 opened/open/VERB/ROOT/- its/its/PRON/poss/3 "
                     "border/border/NOUN/dobj/1 to/to/ADP/prep/1 Peru/Peru/PROPN/pobj/4 ././PUNCT/punct/1")
    open_to = _events("Kenya/Kenya/PROPN/nsubj/1 is/be/AUX/ROOT/- open/open/ADJ/acomp/1 to/to/ADP/prep/2 "
                      "talks/talk/NOUN/pobj/3 with/with/ADP/prep/4 Peru/Peru/PROPN/pobj/5 ././PUNCT/punct/1")
    assert opened == [("KEN", "PER", "CONCEDE", "", "asserted", False)]
    assert open_to == [("KEN", "PER", "AGREE", "", "intended", False)]


def test_an_announced_harmful_act_is_a_threat_and_a_continued_one_is_not() -> None:
    # "Japan said it would impose sanctions on Iran."  /  "Japan will continue to impose sanctions on Iran."
    announced = _events("Japan/Japan/PROPN/nsubj/1 said/say/VERB/ROOT/- it/it/PRON/nsubj/4 would/would/AUX/aux/4 "
                        "impose/impose/VERB/ccomp/1 sanctions/sanction/NOUN/dobj/4 on/on/ADP/prep/4 "
                        "Iran/Iran/PROPN/pobj/6 ././PUNCT/punct/1")
    continued = _events("Japan/Japan/PROPN/nsubj/2 will/will/AUX/aux/2 continue/continue/VERB/ROOT/- to/to/PART/aux/4 "
                        "impose/impose/VERB/xcomp/2 sanctions/sanction/NOUN/dobj/4 on/on/ADP/prep/4 "
                        "Iran/Iran/PROPN/pobj/6 ././PUNCT/punct/2")
    assert [(e[0], e[1], e[2], e[4]) for e in announced] == [("JPN", "IRN", "THREATEN", "asserted")]
    assert [(e[0], e[1], e[2], e[4]) for e in continued] == [("JPN", "IRN", "SANCTION", "intended")]


def test_co_mediators_do_not_consult_each_other() -> None:
    # "Kenya and Egypt brokered a truce."  (they mediate together; the parties are not named)
    events = _events("Kenya/Kenya/PROPN/nsubj/3 and/and/CCONJ/cc/0 Egypt/Egypt/PROPN/conj/0 "
                     "brokered/broker/VERB/ROOT/- a/a/DET/det/5 truce/truce/NOUN/dobj/3 ././PUNCT/punct/3")
    assert [e for e in events if e[2] == "CONSULT"] == []


def test_request_frame_takes_its_mode_from_what_is_asked() -> None:
    # "France urged Iran to release the prisoners."  The release itself is not coded.
    events = _events("France/France/PROPN/nsubj/1 urged/urge/VERB/ROOT/- Iran/Iran/PROPN/dobj/1 to/to/PART/aux/4 "
                     "release/release/VERB/xcomp/1 the/the/DET/det/6 prisoners/prisoner/NOUN/dobj/4 "
                     "././PUNCT/punct/1")
    assert events == [("FRA", "IRN", "REQUEST", "yield", "asserted", False)]


def test_refusal_frame_is_reject() -> None:
    # "Hungary refused to join the sanctions against Russia."
    events = _events("Hungary/Hungary/PROPN/nsubj/1 refused/refuse/VERB/ROOT/- to/to/PART/aux/3 "
                     "join/join/VERB/xcomp/1 the/the/DET/det/5 sanctions/sanction/NOUN/dobj/3 "
                     "against/against/ADP/prep/5 Russia/Russia/PROPN/pobj/6 ././PUNCT/punct/1")
    assert events == [("HUN", "RUS", "REJECT", "", "asserted", False)]


def test_threat_frame_takes_its_mode_from_what_is_threatened() -> None:
    # "China threatened to attack Korea."
    events = _events("China/China/PROPN/nsubj/1 threatened/threaten/VERB/ROOT/- to/to/PART/aux/3 "
                     "attack/attack/VERB/xcomp/1 Korea/Korea/PROPN/dobj/3 ././PUNCT/punct/1")
    assert events == [("CHN", "KOR", "THREATEN", "violence", "asserted", False)]


def test_failure_frame_negates() -> None:
    # "Iran fails to cooperate with France."
    events = _events("Iran/Iran/PROPN/nsubj/1 fails/fail/VERB/ROOT/- to/to/PART/aux/3 "
                     "cooperate/cooperate/VERB/xcomp/1 with/with/ADP/prep/3 France/France/PROPN/pobj/4 "
                     "././PUNCT/punct/1")
    assert ("IRN", "FRA", "COOPERATE", "", "asserted", True) in events


def test_will_not_is_a_refusal() -> None:
    # "Syria will not accept refugees from Pakistan."
    events = _events("Syria/Syria/PROPN/nsubj/3 will/will/AUX/aux/3 not/not/PART/neg/3 accept/accept/VERB/ROOT/- "
                     "refugees/refugee/NOUN/dobj/3 from/from/ADP/prep/3 Pakistan/Pakistan/PROPN/pobj/5 "
                     "././PUNCT/punct/3")
    assert events == [("SYR", "PAK", "REJECT", "assist", "asserted", False)]  # refusing aid: 122


def test_an_act_with_no_recipient_is_coded_alone() -> None:
    # "The Peruvian minister resigned."
    events = _events("The/the/DET/det/2 Peruvian/peruvian/ADJ/amod/2 minister/minister/NOUN/nsubj/3 "
                     "resigned/resign/VERB/ROOT/- ././PUNCT/punct/3")
    assert events == [("PER", "-", "RETREAT", "resign", "asserted", False)]


def test_no_recipient_is_not_coded_when_the_recipient_is_named_but_unknown() -> None:
    # "Kenya fought an insurgency."  (a recipient we cannot resolve is not no recipient)
    assert _events("Kenya/Kenya/PROPN/nsubj/1 fought/fight/VERB/ROOT/- an/an/DET/det/3 "
                   "insurgency/insurgency/NOUN/dobj/1 ././PUNCT/punct/1") == []


def test_no_recipient_takes_an_actor_named_in_the_phrase() -> None:
    # "Turkey dropped its objections to Sweden's membership."
    events = _events("Turkey/Turkey/PROPN/nsubj/1 dropped/drop/VERB/ROOT/- its/its/PRON/poss/3 "
                     "objections/objection/NOUN/dobj/1 to/to/ADP/prep/3 Sweden/Sweden/PROPN/poss/7 "
                     "'s/'s/PART/case/5 membership/membership/NOUN/pobj/4 ././PUNCT/punct/1")
    assert events == [("TUR", "SWE", "CONCEDE", "", "asserted", False)]


def test_visitor_is_the_source_of_a_hosted_visit() -> None:
    # "Xi hosted Lula."  (v2: the visitor is the actor, the host the recipient)
    events = _events("Xi/Xi/PROPN/nsubj/1 hosted/host/VERB/ROOT/- Lula/Lula/PROPN/dobj/1 ././PUNCT/punct/1")
    assert events == [("BRA", "CHN", "CONSULT", "visit", "asserted", False)]


def test_eased_restrictions_are_a_concession() -> None:
    # "Australia eased sanctions on Iran."
    events = _events("Australia/Australia/PROPN/nsubj/1 eased/ease/VERB/ROOT/- sanctions/sanction/NOUN/dobj/1 "
                     "on/on/ADP/prep/2 Iran/Iran/PROPN/pobj/3 ././PUNCT/punct/1")
    assert events == [("AUS", "IRN", "CONCEDE", "", "asserted", False)]


def test_infinitive_of_an_event_noun_takes_the_noun_s_doer() -> None:
    # "the work by Japan to deliver aid to Indonesia continues."
    events = _events("the/the/DET/det/1 work/work/NOUN/nsubj/9 by/by/ADP/prep/1 Japan/Japan/PROPN/pobj/2 "
                     "to/to/PART/aux/5 deliver/deliver/VERB/acl/1 aid/aid/NOUN/dobj/5 to/to/ADP/prep/5 "
                     "Indonesia/Indonesia/PROPN/pobj/7 continues/continue/VERB/ROOT/- ././PUNCT/punct/9")
    assert events == [("JPN", "IDN", "AID", "", "asserted", False)]


def test_participle_of_a_signed_order_takes_the_signer() -> None:
    # "Brazil signed an order imposing sanctions on Cuba."
    events = _events("Brazil/Brazil/PROPN/nsubj/1 signed/sign/VERB/ROOT/- an/an/DET/det/3 order/order/NOUN/dobj/1 "
                     "imposing/impose/VERB/acl/3 sanctions/sanction/NOUN/dobj/4 on/on/ADP/prep/4 "
                     "Cuba/Cuba/PROPN/pobj/6 ././PUNCT/punct/1")
    assert ("BRA", "CUB", "SANCTION", "discontinue", "asserted", False) in events


def test_a_possessive_pronoun_stands_for_the_subject() -> None:
    # "Pakistan denounced Iran's strikes on its territory."
    events = _events("Pakistan/Pakistan/PROPN/nsubj/1 denounced/denounce/VERB/ROOT/- Iran/Iran/PROPN/poss/4 "
                     "'s/'s/PART/case/2 strikes/strike/NOUN/dobj/1 on/on/ADP/prep/4 its/its/PRON/poss/7 "
                     "territory/territory/NOUN/pobj/5 ././PUNCT/punct/1")
    assert ("PAK", "IRN", "ACCUSE", "disapprove", "asserted", False) in events
    assert ("IRN", "PAK", "ASSAULT", "", "asserted", False) in events


def test_future_of_a_governing_verb_reaches_its_conjuncts() -> None:
    # "Kenya will continue to impose sanctions on Iran and provide aid to Peru."
    events = _events("Kenya/Kenya/PROPN/nsubj/2 will/will/AUX/aux/2 continue/continue/VERB/ROOT/- to/to/PART/aux/4 "
                     "impose/impose/VERB/xcomp/2 sanctions/sanction/NOUN/dobj/4 on/on/ADP/prep/4 "
                     "Iran/Iran/PROPN/pobj/6 and/and/CCONJ/cc/4 provide/provide/VERB/conj/4 aid/aid/NOUN/dobj/9 "
                     "to/to/ADP/prep/9 Peru/Peru/PROPN/pobj/11 ././PUNCT/punct/2")
    assert ("KEN", "PER", "AGREE", "", "intended", False) in events


def test_another_sense_of_the_verb_is_not_the_event() -> None:
    # "Australia fought climate change with Kenya."  (a shared problem: cooperation, not ASSAULT)
    events = _events("Australia/Australia/PROPN/nsubj/1 fought/fight/VERB/ROOT/- climate/climate/NOUN/compound/3 "
                     "change/change/NOUN/dobj/1 with/with/ADP/prep/1 Kenya/Kenya/PROPN/pobj/4 ././PUNCT/punct/1")
    assert ("AUS", "KEN", "COOPERATE", "", "asserted", False) in events  # and KEN>AUS: cooperating "with"
    assert all(event[2] != "ASSAULT" for event in events)


def test_habits_and_states_are_not_events() -> None:
    # "Kenya usually criticises Iran."
    assert _events("Kenya/Kenya/PROPN/nsubj/2 usually/usually/ADV/advmod/2 criticises/criticise/VERB/ROOT/- "
                   "Iran/Iran/PROPN/dobj/2 ././PUNCT/punct/2") == []


def test_the_condition_of_a_threat_is_not_coded() -> None:
    # "China warned that it would strike Korea if Japan attacked Peru."
    events = _events("China/China/PROPN/nsubj/1 warned/warn/VERB/ROOT/- that/that/SCONJ/mark/5 it/it/PRON/nsubj/5 "
                     "would/would/AUX/aux/5 strike/strike/VERB/ccomp/1 Korea/Korea/PROPN/dobj/5 if/if/SCONJ/mark/9 "
                     "Japan/Japan/PROPN/nsubj/9 attacked/attack/VERB/advcl/5 Peru/Peru/PROPN/dobj/9 ././PUNCT/punct/1")
    assert ("CHN", "KOR", "THREATEN", "violence", "asserted", False) in events
    assert not any(source == "JPN" for source, *_ in events)


def test_what_an_accusation_alleges_is_not_coded() -> None:
    # "Kenya criticised Iran for supporting Peru."
    events = _events("Kenya/Kenya/PROPN/nsubj/1 criticised/criticise/VERB/ROOT/- Iran/Iran/PROPN/dobj/1 "
                     "for/for/ADP/prep/1 supporting/support/VERB/pcomp/3 Peru/Peru/PROPN/dobj/4 ././PUNCT/punct/1")
    assert events == [("KEN", "IRN", "ACCUSE", "disapprove", "asserted", False)]


def test_talks_with_a_partner_go_both_ways() -> None:
    # "Japan talked with Indonesia."  (PLOVER: every participant of a consultation is an actor)
    events = _events("Japan/Japan/PROPN/nsubj/1 talked/talk/VERB/ROOT/- with/with/ADP/prep/1 "
                     "Indonesia/Indonesia/PROPN/pobj/2 ././PUNCT/punct/1")
    assert sorted(events) == [("IDN", "JPN", "CONSULT", "", "asserted", False),
                              ("JPN", "IDN", "CONSULT", "", "asserted", False)]


def test_coordinated_acts_are_two_events_and_share_a_recipient() -> None:
    # "Kenya called up reservists and massed troops near Peru."
    events = _events("Kenya/Kenya/PROPN/nsubj/1 called/call/VERB/ROOT/- up/up/ADP/prt/1 "
                     "reservists/reservist/NOUN/dobj/1 and/and/CCONJ/cc/1 massed/mass/VERB/conj/1 "
                     "troops/troop/NOUN/dobj/5 near/near/ADP/prep/5 "
                     "Peru/Peru/PROPN/pobj/7 ././PUNCT/punct/1")
    assert events == [("KEN", "PER", "MOBILIZE", "troops", "asserted", False)] * 2


def test_a_mistagged_verb_is_still_a_verb() -> None:
    # "China will lower tariffs on Australia."  (the tagger reads "lower" as an adjective)
    events = _events("China/China/PROPN/nsubj/2 will/will/AUX/aux/2 lower/low/ADJ/ROOT/- tariffs/tariff/NOUN/dobj/2 "
                     "on/on/ADP/prep/3 Australia/Australia/PROPN/pobj/4 ././PUNCT/punct/2")
    assert events == [("CHN", "AUS", "AGREE", "", "intended", False)]


def test_a_state_acting_on_its_own_people_is_domestic() -> None:
    # "Kenyan police arrested journalists."
    events = _events("Kenyan/kenyan/ADJ/amod/1 police/police/NOUN/nsubj/2 arrested/arrest/VERB/ROOT/- "
                     "journalists/journalist/NOUN/dobj/2 ././PUNCT/punct/2")
    assert events == [("KEN", "KEN", "COERCE", "arrest", "asserted", False)]


def test_an_attack_named_only_by_its_weapon_is_coded_from_the_place_it_struck() -> None:
    # "A bomb in Peru killed Kenyan soldiers."  /  "A missile in Peru killed Kenyan soldiers."  (a missile may
    # come from across a border: no doer)
    bombed = _events("A/a/DET/det/1 bomb/bomb/NOUN/nsubj/4 in/in/ADP/prep/1 Peru/Peru/PROPN/pobj/2 "
                     "killed/kill/VERB/ROOT/- Kenyan/kenyan/ADJ/amod/6 soldiers/soldier/NOUN/dobj/4 ././PUNCT/punct/4")
    struck = _events("A/a/DET/det/1 missile/missile/NOUN/nsubj/4 in/in/ADP/prep/1 Peru/Peru/PROPN/pobj/2 "
                     "killed/kill/VERB/ROOT/- Kenyan/kenyan/ADJ/amod/6 soldiers/soldier/NOUN/dobj/4 ././PUNCT/punct/4")
    assert [(source, target, plover) for source, target, plover, *_ in bombed] == [("PER", "KEN", "ASSAULT")]
    assert struck == []


def test_an_offer_is_made_to_whoever_turns_it_down() -> None:
    # "Kenya turned down an offer by France to mediate."  (as a refused request was made to the refuser)
    events = _events("Kenya/Kenya/PROPN/nsubj/1 turned/turn/VERB/ROOT/- down/down/ADP/prt/1 an/an/DET/det/4 "
                     "offer/offer/NOUN/dobj/1 by/by/ADP/prep/4 France/France/PROPN/pobj/5 to/to/PART/aux/8 "
                     "mediate/mediate/VERB/acl/4 ././PUNCT/punct/1")
    assert ("FRA", "KEN", "AGREE", "", "intended", False) in events


def test_a_commitment_is_dated_when_it_is_made() -> None:
    # "Japan pledged to provide aid to Indonesia by 2035."  (the pledge is an AGREE of the document's date)
    doc = _doc("Japan/Japan/PROPN/nsubj/1 pledged/pledge/VERB/ROOT/- to/to/PART/aux/3 provide/provide/VERB/xcomp/1 "
               "aid/aid/NOUN/dobj/3 to/to/ADP/prep/3 Indonesia/Indonesia/PROPN/pobj/5 by/by/ADP/prep/3 "
               "2035/2035/NUM/pobj/7 ././PUNCT/punct/1")
    assert [(e.plover, e.date) for e in doc._.mp_events] == [("AGREE", "2023-05-01")]


def test_a_headline_repeated_in_the_body_is_one_event() -> None:
    from multipolar.nlp.events.selection import is_headline

    doc = Doc(VOCAB, words=["Japan", "aids", "Peru", "\n", "Japan", "gave", "aid", "to", "Peru", "."],
              sent_starts=[True, False, False, False, True, False, False, False, False, False])
    first, second = list(doc.sents)
    assert is_headline(first) and not is_headline(second)


def test_a_nationality_on_a_group_stands_for_its_people_not_its_government() -> None:
    # "Kenyan workers struck against the government."  (domestic: KEN people -> KEN government)
    events = _events("Kenyan/kenyan/ADJ/amod/1 workers/worker/NOUN/nsubj/2 struck/strike/VERB/ROOT/- "
                     "against/against/ADP/prep/2 the/the/DET/det/5 government/government/NOUN/pobj/3 ././PUNCT/punct/2")
    assert events == [("KEN", "KEN", "PROTEST", "strike", "asserted", False)]


def test_a_threat_is_aimed_at_the_one_whose_act_would_set_it_off() -> None:
    # "Russia threatened a response if Japan attacked."  (not Russia on itself)
    events = _events("Russia/Russia/PROPN/nsubj/1 threatened/threaten/VERB/ROOT/- a/a/DET/det/3 "
                     "response/response/NOUN/dobj/1 if/if/SCONJ/mark/6 Japan/Japan/PROPN/nsubj/6 "
                     "attacked/attack/VERB/advcl/1 ././PUNCT/punct/1")
    assert [(s, t, p) for s, t, p, *_ in events] == [("RUS", "JPN", "THREATEN")]


def test_a_threat_is_never_aimed_at_the_threatener_s_own_forces() -> None:
    # "China warned that its army would act if Japan attacked."
    events = _events("China/China/PROPN/nsubj/1 warned/warn/VERB/ROOT/- that/that/SCONJ/mark/6 its/its/PRON/poss/4 "
                     "army/army/NOUN/nsubj/6 would/would/AUX/aux/6 act/act/VERB/ccomp/1 if/if/SCONJ/mark/9 "
                     "Japan/Japan/PROPN/nsubj/9 attacked/attack/VERB/advcl/6 ././PUNCT/punct/1", )
    assert [(s, t, p) for s, t, p, *_ in events] == [("CHN", "JPN", "THREATEN")]


def test_a_rejected_statement_is_aimed_at_its_maker() -> None:
    # "Pakistan rejects the allegations made by Iran."  /  "Kenya rejects the statement by the Peruvian side."
    events = _events("Pakistan/Pakistan/PROPN/nsubj/1 rejects/reject/VERB/ROOT/- the/the/DET/det/3 "
                     "allegations/allegation/NOUN/dobj/1 made/make/VERB/acl/3 by/by/ADP/agent/4 "
                     "Iran/Iran/PROPN/pobj/5 ././PUNCT/punct/1")
    assert [(s, t, p) for s, t, p, *_ in events] == [("PAK", "IRN", "REJECT")]
    events = _events("Kenya/Kenya/PROPN/nsubj/1 rejects/reject/VERB/ROOT/- the/the/DET/det/3 "
                     "statement/statement/NOUN/dobj/1 by/by/ADP/prep/1 the/the/DET/det/7 Peruvian/peruvian/ADJ/amod/7 "
                     "side/side/NOUN/pobj/4 ././PUNCT/punct/1")
    assert [(s, t, p) for s, t, p, *_ in events] == [("KEN", "PER", "REJECT")]


def test_a_refused_request_was_still_made() -> None:
    # "Brazil turned down a Peruvian request."  (Peru asked Brazil; Brazil refused)
    events = _events("Brazil/Brazil/PROPN/nsubj/1 turned/turn/VERB/ROOT/- down/down/ADP/prt/1 a/a/DET/det/5 "
                     "Peruvian/peruvian/ADJ/amod/5 request/request/NOUN/dobj/1 ././PUNCT/punct/1")
    assert sorted((s, t, p) for s, t, p, *_ in events) == [("BRA", "PER", "REJECT"), ("PER", "BRA", "REQUEST")]


def test_of_names_the_doer_when_the_event_noun_lands_elsewhere() -> None:
    # "Turkey condemned the incursion of French troops into Syria."
    events = _events("Turkey/Turkey/PROPN/nsubj/1 condemned/condemn/VERB/ROOT/- the/the/DET/det/3 "
                     "incursion/incursion/NOUN/dobj/1 of/of/ADP/prep/3 French/french/ADJ/amod/6 "
                     "troops/troop/NOUN/pobj/4 into/into/ADP/prep/3 Syria/Syria/PROPN/pobj/7 ././PUNCT/punct/1")
    assert ("FRA", "SYR", "ASSAULT", "", "asserted", False) in events


def test_declining_to_comment_is_not_a_refusal() -> None:
    # "Kenya declined to comment."  /  "Kenya declined to meet Peru."
    assert _events("Kenya/Kenya/PROPN/nsubj/1 declined/decline/VERB/ROOT/- to/to/PART/aux/3 "
                   "comment/comment/VERB/xcomp/1 ././PUNCT/punct/1") == []
    events = _events("Kenya/Kenya/PROPN/nsubj/1 declined/decline/VERB/ROOT/- to/to/PART/aux/3 "
                     "meet/meet/VERB/xcomp/1 Peru/Peru/PROPN/dobj/3 ././PUNCT/punct/1")
    assert events == [("KEN", "PER", "REJECT", "meet", "asserted", False)]


def test_states_acting_jointly_cooperate() -> None:
    # "Kenyan and French police jointly dismantled a ring."
    events = _events("Kenyan/kenyan/ADJ/amod/3 and/and/CCONJ/cc/0 French/french/ADJ/conj/0 "
                     "police/police/NOUN/nsubj/5 jointly/jointly/ADV/advmod/5 dismantled/dismantle/VERB/ROOT/- "
                     "a/a/DET/det/7 ring/ring/NOUN/dobj/5 ././PUNCT/punct/5")
    assert sorted((s, t, p) for s, t, p, *_ in events) == [("FRA", "KEN", "COOPERATE"), ("KEN", "FRA", "COOPERATE")]


def test_a_request_noun_is_made_to_whoever_deals_with_it() -> None:
    # "Pakistan studied Egypt's request."  /  "Kenya acted at the request of France."
    events = _events("Pakistan/Pakistan/PROPN/nsubj/1 studied/study/VERB/ROOT/- Egypt/Egypt/PROPN/poss/4 "
                     "'s/'s/PART/case/2 request/request/NOUN/dobj/1 ././PUNCT/punct/1")
    assert [(s, t, p) for s, t, p, *_ in events] == [("EGY", "PAK", "REQUEST")]
    events = _events("Kenya/Kenya/PROPN/nsubj/1 acted/act/VERB/ROOT/- at/at/ADP/prep/1 the/the/DET/det/4 "
                     "request/request/NOUN/pobj/2 of/of/ADP/prep/4 France/France/PROPN/pobj/5 ././PUNCT/punct/1")
    assert [(s, t, p) for s, t, p, *_ in events] == [("FRA", "KEN", "REQUEST")]


def test_a_noun_mistagged_as_a_verb_is_still_an_event_noun() -> None:
    # "Japan took part in joint drills with Korea."  ("drills" tagged as a verb)
    events = _events("Japan/Japan/PROPN/nsubj/1 took/take/VERB/ROOT/- part/part/NOUN/dobj/1 in/in/ADP/prep/1 "
                     "joint/joint/ADJ/amod/5 drills/drill/VERB/pobj/3 with/with/ADP/prep/5 Korea/Korea/PROPN/pobj/6 "
                     "././PUNCT/punct/1")
    assert ("JPN", "KOR", "COOPERATE", "", "asserted", False) in events


def test_whoever_is_thanked_for_an_act_did_it() -> None:
    # "Kenya thanked Japan for the aid."  /  "Kenya is grateful to France, Peru and Japan for the aid."
    events = _events("Kenya/Kenya/PROPN/nsubj/1 thanked/thank/VERB/ROOT/- Japan/Japan/PROPN/dobj/1 for/for/ADP/prep/1 "
                     "the/the/DET/det/5 aid/aid/NOUN/pobj/3 ././PUNCT/punct/1")
    assert sorted((s, t, p) for s, t, p, *_ in events) == [("JPN", "KEN", "AID"), ("KEN", "JPN", "SUPPORT")]
    events = _events("Kenya/Kenya/PROPN/nsubj/1 is/be/AUX/ROOT/- grateful/grateful/ADJ/acomp/1 to/to/ADP/prep/2 "
                     "France/France/PROPN/pobj/3 ,/,/PUNCT/punct/4 Peru/Peru/PROPN/appos/4 and/and/CCONJ/cc/6 "
                     "Japan/Japan/PROPN/conj/6 for/for/ADP/prep/2 the/the/DET/det/11 aid/aid/NOUN/pobj/9 "
                     "././PUNCT/punct/1")
    assert sorted((s, t, p) for s, t, p, *_ in events) == [("FRA", "KEN", "AID"), ("JPN", "KEN", "AID"),
                                                           ("KEN", "FRA", "SUPPORT"), ("KEN", "JPN", "SUPPORT"),
                                                           ("KEN", "PER", "SUPPORT"), ("PER", "KEN", "AID")]


def test_partners_in_a_joint_operation_cooperate_with_each_other() -> None:
    # "Kenyan and French forces carried out a joint operation against Syria."  (the operation's enemy is not a
    # partner)
    events = _events("Kenyan/kenyan/ADJ/amod/3 and/and/CCONJ/cc/0 French/french/ADJ/conj/0 forces/force/NOUN/nsubj/4 "
                     "carried/carry/VERB/ROOT/- out/out/ADP/prt/4 a/a/DET/det/8 joint/joint/ADJ/amod/8 "
                     "operation/operation/NOUN/dobj/4 against/against/ADP/prep/8 Syria/Syria/PROPN/pobj/9 "
                     "././PUNCT/punct/4")
    pairs = sorted((s, t, p) for s, t, p, *_ in events)
    assert ("FRA", "KEN", "COOPERATE") in pairs and ("KEN", "FRA", "COOPERATE") in pairs
    assert not any(t == "SYR" and p == "COOPERATE" for _, t, p in pairs)


def test_aid_goes_to_whoever_its_purpose_names() -> None:
    # "Japan is providing assistance to help Kenya."
    events = _events("Japan/Japan/PROPN/nsubj/2 is/be/AUX/aux/2 providing/provide/VERB/ROOT/- "
                     "assistance/assistance/NOUN/dobj/2 to/to/PART/aux/5 help/help/VERB/advcl/2 "
                     "Kenya/Kenya/PROPN/dobj/5 ././PUNCT/punct/2")
    assert ("JPN", "KEN", "AID", "", "asserted", False) in events


def test_a_day_is_no_recipient() -> None:
    # "Kenya imposed a curfew on Wednesday."  (a curfew with no one named: coded with no recipient)
    doc = _doc("Kenya/Kenya/PROPN/nsubj/1 imposed/impose/VERB/ROOT/- a/a/DET/det/3 curfew/curfew/NOUN/dobj/1 "
               "on/on/ADP/prep/1 Wednesday/Wednesday/PROPN/pobj/4 ././PUNCT/punct/1")
    doc.ents = [Span(doc, 5, 6, label="DATE")]
    found = EventCoder()(doc)._.mp_events
    assert [(e.source.state_code, e.recipient, e.plover, e.mode) for e in found] == [("KEN", False, "COERCE", "curfew")]


def test_a_phrasal_verb_takes_its_preposition_s_object() -> None:
    # "Kenyan workers walked off the job."
    events = _events("Kenyan/kenyan/ADJ/amod/1 workers/worker/NOUN/nsubj/2 walked/walk/VERB/ROOT/- off/off/ADP/prep/2 "
                     "the/the/DET/det/5 job/job/NOUN/pobj/3 ././PUNCT/punct/2")
    assert events == [("KEN", "-", "PROTEST", "strike", "asserted", False)]


def test_a_protest_noun_by_a_state_s_people_against_its_government() -> None:
    # "The marches by students against the government grew."  (the parse hangs "against" on the students)
    events = _events("The/the/DET/det/1 marches/march/NOUN/nsubj/7 by/by/ADP/prep/1 students/student/NOUN/pobj/2 "
                     "against/against/ADP/prep/3 the/the/DET/det/6 government/government/NOUN/pobj/4 "
                     "grew/grow/VERB/ROOT/- ././PUNCT/punct/7")
    assert events == [("KEN", "KEN", "PROTEST", "demo", "asserted", False)]


def test_a_participle_s_agent_does_the_event_noun() -> None:
    # "Kenya welcomed the pledge made by Japan to Egypt."  /  "Cuba lives under sanctions imposed by France."
    events = _events("Kenya/Kenya/PROPN/nsubj/1 welcomed/welcome/VERB/ROOT/- the/the/DET/det/3 "
                     "pledge/pledge/NOUN/dobj/1 made/make/VERB/acl/3 by/by/ADP/agent/4 Japan/Japan/PROPN/pobj/5 "
                     "to/to/ADP/prep/4 Egypt/Egypt/PROPN/pobj/7 ././PUNCT/punct/1")
    assert ("JPN", "EGY", "AGREE", "", "asserted", False) in events
    events = _events("Cuba/Cuba/PROPN/nsubj/1 lives/live/VERB/ROOT/- under/under/ADP/prep/1 "
                     "sanctions/sanction/NOUN/pobj/2 imposed/impose/VERB/acl/3 by/by/ADP/agent/4 "
                     "France/France/PROPN/pobj/5 ././PUNCT/punct/1")
    assert [(s, t, p) for s, t, p, *_ in events] == [("FRA", "CUB", "SANCTION")]


def test_each_other_is_the_coordinated_subjects() -> None:
    # "Kenya and Peru blamed each other."
    events = _events("Kenya/Kenya/PROPN/nsubj/3 and/and/CCONJ/cc/0 Peru/Peru/PROPN/conj/0 blamed/blame/VERB/ROOT/- "
                     "each/each/DET/det/5 other/other/ADJ/dobj/3 ././PUNCT/punct/3")
    assert sorted((s, t, p) for s, t, p, *_ in events) == [("KEN", "PER", "ACCUSE"), ("PER", "KEN", "ACCUSE")]


def test_troops_sent_to_help_are_aid() -> None:
    # "Kenya sent troops to help Peru."  /  "Kenya sent troops to Peru."
    events = _events("Kenya/Kenya/PROPN/nsubj/1 sent/send/VERB/ROOT/- troops/troop/NOUN/dobj/1 to/to/PART/aux/4 "
                     "help/help/VERB/advcl/1 Peru/Peru/PROPN/dobj/4 ././PUNCT/punct/1")
    assert [(s, t, p, m) for s, t, p, m, *_ in events] == [("KEN", "PER", "AID", "military")]
    events = _events("Kenya/Kenya/PROPN/nsubj/1 sent/send/VERB/ROOT/- troops/troop/NOUN/dobj/1 to/to/ADP/prep/1 "
                     "Peru/Peru/PROPN/pobj/3 ././PUNCT/punct/1")
    assert [(s, t, p) for s, t, p, *_ in events] == [("KEN", "PER", "MOBILIZE")]


def test_a_request_responded_to_was_made_to_the_responder() -> None:
    # "In response to a request from Peru, Kenya sent doctors."
    events = _events("In/in/ADP/prep/9 response/response/NOUN/pobj/0 to/to/ADP/prep/1 a/a/DET/det/4 "
                     "request/request/NOUN/pobj/2 from/from/ADP/prep/4 Peru/Peru/PROPN/pobj/5 ,/,/PUNCT/punct/9 "
                     "Kenya/Kenya/PROPN/nsubj/9 sent/send/VERB/ROOT/- doctors/doctor/NOUN/dobj/9 ././PUNCT/punct/9")
    assert ("PER", "KEN", "REQUEST", "", "asserted", False) in events


def test_a_protest_noun_with_its_doer_needs_no_recipient() -> None:
    # "A hunger strike by Kenyan workers began."  /  "The French withdrawal began."  (a retreat noun needs one)
    events = _events("A/a/DET/det/2 hunger/hunger/NOUN/compound/2 strike/strike/NOUN/nsubj/6 by/by/ADP/prep/2 "
                     "Kenyan/kenyan/ADJ/amod/5 workers/worker/NOUN/pobj/3 began/begin/VERB/ROOT/- ././PUNCT/punct/6")
    assert events == [("KEN", "-", "PROTEST", "hunger", "asserted", False)]
    assert _events("The/the/DET/det/2 French/french/ADJ/amod/2 withdrawal/withdrawal/NOUN/nsubj/3 "
                   "began/begin/VERB/ROOT/- ././PUNCT/punct/3") == []


def test_dates_do_not_depend_on_the_order_the_events_come_in() -> None:
    # "China invaded Japan in 2022. After the invasion, France sanctioned China."
    from multipolar.coding.tables import load_tables
    from multipolar.nlp.events.coder import _DocReader

    doc = _doc("China/China/PROPN/nsubj/1 invaded/invade/VERB/ROOT/- Japan/Japan/PROPN/dobj/1 in/in/ADP/prep/1 "
               "2022/2022/NUM/pobj/3 ././PUNCT/punct/1 After/after/ADP/prep/11 the/the/DET/det/8 "
               "invasion/invasion/NOUN/pobj/6 ,/,/PUNCT/punct/11 France/France/PROPN/nsubj/11 "
               "sanctioned/sanction/VERB/ROOT/- China/China/PROPN/dobj/11 ././PUNCT/punct/11")
    coded = [(e.plover, e.date) for e in doc._.mp_events]
    assert coded == [("ASSAULT", "2022"), ("SANCTION", "2022")]
    reader = _DocReader(doc, load_tables())
    undated = [dataclasses.replace(e, date=None) for e in doc._.mp_events]
    assert reader._dated(undated[::-1]) == reader._dated(undated) == doc._.mp_events


def test_word_classes_give_every_deploying_verb_the_same_ships() -> None:
    # "Japan deployed corvettes near Korea." ("corvette" is only in the @weapons class)
    events = _events("Japan/Japan/PROPN/nsubj/1 deployed/deploy/VERB/ROOT/- corvettes/corvette/NOUN/dobj/1 "
                     "near/near/ADP/prep/1 Korea/Korea/PROPN/pobj/3 ././PUNCT/punct/1")
    assert events == [("JPN", "KOR", "MOBILIZE", "weapons", "asserted", False)]


def test_forces_moved_by_no_one_named_move_for_their_state() -> None:
    # "Kenyan police were deployed."
    events = _events("Kenyan/Kenyan/ADJ/amod/1 police/police/NOUN/nsubjpass/3 were/be/AUX/auxpass/3 "
                     "deployed/deploy/VERB/ROOT/- ././PUNCT/punct/3")
    assert events == [("KEN", "-", "MOBILIZE", "police", "asserted", False)]


def test_a_protests_demand_is_not_coded_apart_from_it() -> None:
    # "Kenyan students marched against the government, demanding reforms."
    events = _events("Kenyan/Kenyan/ADJ/amod/1 students/student/NOUN/nsubj/2 marched/march/VERB/ROOT/- "
                     "against/against/ADP/prep/2 the/the/DET/det/5 government/government/NOUN/pobj/3 ,/,/PUNCT/punct/2 "
                     "demanding/demand/VERB/advcl/2 reforms/reform/NOUN/dobj/7 ././PUNCT/punct/2")
    assert [e[2] for e in events] == ["PROTEST"]


def test_a_states_ban_on_its_own_people_is_coerce() -> None:
    # "Kenya barred Kenyan women from the vote."
    events = _events("Kenya/Kenya/PROPN/nsubj/1 barred/bar/VERB/ROOT/- Kenyan/Kenyan/ADJ/amod/3 "
                     "women/woman/NOUN/dobj/1 "
                     "from/from/ADP/prep/1 the/the/DET/det/6 vote/vote/NOUN/pobj/4 ././PUNCT/punct/1")
    assert [(e[0], e[1], e[2]) for e in events] == [("KEN", "KEN", "COERCE")]


def test_an_event_nouns_of_object_can_name_its_kind() -> None:
    # "Japan's sale of weapons to Indonesia continued."
    events = _events("Japan/Japan/PROPN/poss/2 's/'s/PART/case/0 sale/sale/NOUN/nsubj/7 of/of/ADP/prep/2 "
                     "weapons/weapon/NOUN/pobj/3 to/to/ADP/prep/2 Indonesia/Indonesia/PROPN/pobj/5 "
                     "continued/continue/VERB/ROOT/- ././PUNCT/punct/7")
    assert [(e[0], e[1], e[2]) for e in events] == [("JPN", "IDN", "AID")]


def test_what_a_demand_is_about_is_not_coded_at_any_depth() -> None:
    # "Peru demanded that Japan match France's support for Indonesia."  (France's support is inside the demand)
    events = _events("Peru/Peru/PROPN/nsubj/1 demanded/demand/VERB/ROOT/- that/that/SCONJ/mark/4 "
                     "Japan/Japan/PROPN/nsubj/4 match/match/VERB/ccomp/1 France/France/PROPN/poss/7 "
                     "'s/'s/PART/case/5 support/support/NOUN/dobj/4 for/for/ADP/prep/7 "
                     "Indonesia/Indonesia/PROPN/pobj/8 ././PUNCT/punct/1")
    assert [(e[0], e[1], e[2]) for e in events] == [("PER", "JPN", "REQUEST")]


def test_what_someone_must_do_is_asked_not_done() -> None:
    # "Kenya said Egypt must release the prisoners."
    events = _events("Kenya/Kenya/PROPN/nsubj/1 said/say/VERB/ROOT/- Egypt/Egypt/PROPN/nsubj/4 must/must/AUX/aux/4 "
                     "release/release/VERB/ccomp/1 the/the/DET/det/6 prisoners/prisoner/NOUN/dobj/4 ././PUNCT/punct/1")
    assert [(e[0], e[1], e[2]) for e in events] == [("KEN", "EGY", "REQUEST")]


def test_what_an_effort_is_for_is_not_coded() -> None:
    # "Japan welcomed French efforts to send troops to Syria."
    events = _events("Japan/Japan/PROPN/nsubj/1 welcomed/welcome/VERB/ROOT/- French/French/ADJ/amod/3 "
                     "efforts/effort/NOUN/dobj/1 to/to/PART/aux/5 send/send/VERB/acl/3 troops/troop/NOUN/dobj/5 "
                     "to/to/ADP/prep/5 Syria/Syria/PROPN/pobj/7 ././PUNCT/punct/1")
    assert "MOBILIZE" not in [e[2] for e in events]


def test_a_promise_binds_only_the_one_who_makes_it() -> None:
    # "Russia offered to negotiate with Turkey."  (talks held would go both ways; the offer is Russia's)
    events = _events("Russia/Russia/PROPN/nsubj/1 offered/offer/VERB/ROOT/- to/to/PART/aux/3 "
                     "negotiate/negotiate/VERB/xcomp/1 with/with/ADP/prep/3 Turkey/Turkey/PROPN/pobj/4 "
                     "././PUNCT/punct/1")
    assert events == [("RUS", "TUR", "AGREE", "", "intended", False)]


def test_a_vowed_conflictual_act_is_a_threat() -> None:
    # "Iran vowed to impose sanctions on France."
    events = _events("Iran/Iran/PROPN/nsubj/1 vowed/vow/VERB/ROOT/- to/to/PART/aux/3 impose/impose/VERB/xcomp/1 "
                     "sanctions/sanction/NOUN/dobj/3 on/on/ADP/prep/3 France/France/PROPN/pobj/5 ././PUNCT/punct/1")
    assert [(e[0], e[1], e[2]) for e in events] == [("IRN", "FRA", "THREATEN")]


def test_troops_arriving_are_deployed_not_visiting() -> None:
    # "Kenyan peacekeepers arrived in Syria." / "French troops arrived in Syria."
    peacekeepers = _events("Kenyan/Kenyan/ADJ/amod/1 peacekeepers/peacekeeper/NOUN/nsubj/2 "
                           "arrived/arrive/VERB/ROOT/- in/in/ADP/prep/2 Syria/Syria/PROPN/pobj/3 ././PUNCT/punct/2")
    troops = _events("French/French/ADJ/amod/1 troops/troop/NOUN/nsubj/2 arrived/arrive/VERB/ROOT/- "
                     "in/in/ADP/prep/2 Syria/Syria/PROPN/pobj/3 ././PUNCT/punct/2")
    assert [(e[0], e[1], e[2]) for e in peacekeepers] == [("KEN", "SYR", "AID")]
    assert [(e[0], e[1], e[2], e[3]) for e in troops] == [("FRA", "SYR", "MOBILIZE", "troops")]


def test_a_complaint_is_aimed_at_what_it_is_about_not_at_its_addressee() -> None:
    # "Kenya complained to Egypt about Syria."
    events = _events("Kenya/Kenya/PROPN/nsubj/1 complained/complain/VERB/ROOT/- to/to/ADP/prep/1 "
                     "Egypt/Egypt/PROPN/pobj/2 about/about/ADP/prep/1 Syria/Syria/PROPN/pobj/4 ././PUNCT/punct/1")
    assert [(e[0], e[1], e[2]) for e in events] == [("KEN", "SYR", "ACCUSE")]


def test_a_demanded_withdrawal_is_asked_of_the_forces_owner() -> None:
    # "Kenya demanded the withdrawal of French troops from Syria."
    events = _events("Kenya/Kenya/PROPN/nsubj/1 demanded/demand/VERB/ROOT/- the/the/DET/det/3 "
                     "withdrawal/withdrawal/NOUN/dobj/1 of/of/ADP/prep/3 French/French/ADJ/amod/6 "
                     "troops/troop/NOUN/pobj/4 from/from/ADP/prep/3 Syria/Syria/PROPN/pobj/7 ././PUNCT/punct/1")
    assert [(e[0], e[1], e[2]) for e in events] == [("KEN", "FRA", "REQUEST")]


def test_a_container_noun_carries_the_event_it_holds() -> None:
    # "Japan and China engaged in rounds of negotiations."
    events = _events("Japan/Japan/PROPN/nsubj/3 and/and/CCONJ/cc/0 China/China/PROPN/conj/0 "
                     "engaged/engage/VERB/ROOT/- in/in/ADP/prep/3 rounds/round/NOUN/pobj/4 of/of/ADP/prep/5 "
                     "negotiations/negotiation/NOUN/pobj/6 ././PUNCT/punct/3")
    assert sorted((e[0], e[1], e[2]) for e in events) == [("CHN", "JPN", "CONSULT"), ("JPN", "CHN", "CONSULT")]


def test_a_goal_does_not_carry_the_event_it_is_about() -> None:
    # "Japan pursued the goals of disarmament with China."
    events = _events("Japan/Japan/PROPN/nsubj/1 pursued/pursue/VERB/ROOT/- the/the/DET/det/3 goals/goal/NOUN/dobj/1 "
                     "of/of/ADP/prep/3 disarmament/disarmament/NOUN/pobj/4 with/with/ADP/prep/1 "
                     "China/China/PROPN/pobj/6 ././PUNCT/punct/1")
    assert events == []


def test_suspended_tariffs_are_a_concession() -> None:
    # "Japan continued the suspension of tariffs on China."  (the recipient hangs on the tariffs)
    events = _events("Japan/Japan/PROPN/nsubj/1 continued/continue/VERB/ROOT/- the/the/DET/det/3 "
                     "suspension/suspension/NOUN/dobj/1 of/of/ADP/prep/3 tariffs/tariff/NOUN/pobj/4 on/on/ADP/prep/5 "
                     "China/China/PROPN/pobj/6 ././PUNCT/punct/1")
    assert [(e[0], e[1], e[2]) for e in events] == [("JPN", "CHN", "CONCEDE")]


def test_actors_acting_on_a_thing_do_not_act_on_each_other() -> None:
    # "France and Japan welcomed the decision."
    events = _events("France/France/PROPN/nsubj/3 and/and/CCONJ/cc/0 Japan/Japan/PROPN/conj/0 "
                     "welcomed/welcome/VERB/ROOT/- the/the/DET/det/5 decision/decision/NOUN/dobj/3 ././PUNCT/punct/3")
    assert events == []


def test_an_event_noun_deeper_inside_a_promise_has_not_happened() -> None:
    # "Turkey is ready to host talks between Russia and Sweden."
    events = _events("Turkey/Turkey/PROPN/nsubj/1 is/be/AUX/ROOT/- ready/ready/ADJ/acomp/1 to/to/PART/aux/4 "
                     "host/host/VERB/xcomp/2 talks/talk/NOUN/dobj/4 between/between/ADP/prep/5 "
                     "Russia/Russia/PROPN/pobj/6 and/and/CCONJ/cc/7 Sweden/Sweden/PROPN/conj/7 ././PUNCT/punct/1")
    assert {(e[0], e[2]) for e in events} == {("TUR", "AGREE")}


def test_what_an_agreement_is_signed_for_is_its_content() -> None:
    # "Japan and China signed an agreement to increase trade."
    events = _events("Japan/Japan/PROPN/nsubj/3 and/and/CCONJ/cc/0 China/China/PROPN/conj/0 "
                     "signed/sign/VERB/ROOT/- an/an/DET/det/5 agreement/agreement/NOUN/dobj/3 to/to/PART/aux/7 "
                     "increase/increase/VERB/advcl/3 trade/trade/NOUN/dobj/7 ././PUNCT/punct/3")
    assert {e[2] for e in events} == {"SUPPORT"}


def test_a_relative_pronoun_stands_for_the_noun_the_clause_hangs_on() -> None:
    # "Japan condemned the attacks that China carried out on Korea."
    events = _events("Japan/Japan/PROPN/nsubj/1 condemned/condemn/VERB/ROOT/- the/the/DET/det/3 "
                     "attacks/attack/NOUN/dobj/1 that/that/PRON/dobj/6 China/China/PROPN/nsubj/6 "
                     "perpetrated/perpetrate/VERB/relcl/3 on/on/ADP/prep/6 Korea/Korea/PROPN/pobj/7 ././PUNCT/punct/1")
    assert ("CHN", "KOR", "ASSAULT") in [(e[0], e[1], e[2]) for e in events]


def test_a_state_backing_its_own_people_is_not_an_event() -> None:
    # "Kenya supported Kenyan farmers." / "France supported Kenyan farmers."
    own = _events("Kenya/Kenya/PROPN/nsubj/1 supported/support/VERB/ROOT/- Kenyan/Kenyan/ADJ/amod/3 "
                  "farmers/farmer/NOUN/dobj/1 ././PUNCT/punct/1")
    other = _events("France/France/PROPN/nsubj/1 supported/support/VERB/ROOT/- Kenyan/Kenyan/ADJ/amod/3 "
                    "farmers/farmer/NOUN/dobj/1 ././PUNCT/punct/1")
    assert own == []
    assert [(e[0], e[1], e[2]) for e in other] == [("FRA", "KEN", "SUPPORT")]


def test_designating_a_state_as_a_sponsor_of_terrorism_is_a_sanction() -> None:
    # "Japan designated Cuba as a sponsor of terrorism."
    events = _events("Japan/Japan/PROPN/nsubj/1 designated/designate/VERB/ROOT/- Cuba/Cuba/PROPN/dobj/1 "
                     "as/as/ADP/prep/1 a/a/DET/det/5 sponsor/sponsor/NOUN/pobj/3 of/of/ADP/prep/5 "
                     "terrorism/terrorism/NOUN/pobj/6 ././PUNCT/punct/1")
    assert [(e[0], e[1], e[2]) for e in events] == [("JPN", "CUB", "SANCTION")]


def test_the_recipient_can_be_named_in_the_objects_own_clause() -> None:
    # "Japan lifted the tariffs it imposed on China."
    events = _events("Japan/Japan/PROPN/nsubj/1 lifted/lift/VERB/ROOT/- the/the/DET/det/3 tariffs/tariff/NOUN/dobj/1 "
                     "it/it/PRON/nsubj/5 imposed/impose/VERB/relcl/3 on/on/ADP/prep/5 China/China/PROPN/pobj/6 "
                     "././PUNCT/punct/1")
    assert ("JPN", "CHN", "CONCEDE") in [(e[0], e[1], e[2]) for e in events]


def test_accepting_demands_is_a_concession() -> None:
    # "Kenya accepted demands from Egypt."
    events = _events("Kenya/Kenya/PROPN/nsubj/1 accepted/accept/VERB/ROOT/- demands/demand/NOUN/dobj/1 "
                     "from/from/ADP/prep/2 Egypt/Egypt/PROPN/pobj/3 ././PUNCT/punct/1")
    assert [(e[0], e[1], e[2]) for e in events] == [("KEN", "EGY", "CONCEDE")]


def test_a_request_answered_in_the_next_sentence_was_made_to_its_actor() -> None:
    # "In response to a request from Kenya: Japan sent experts."  (a fact sheet's heading and its measure)
    events = _events("In/in/ADP/ROOT/- response/response/NOUN/pobj/0 to/to/ADP/prep/1 a/a/DET/det/4 "
                     "request/request/NOUN/pobj/2 from/from/ADP/prep/4 Kenya/Kenya/PROPN/pobj/5 :/:/PUNCT/punct/0 "
                     "Japan/Japan/PROPN/nsubj/9 sent/send/VERB/ROOT/- experts/expert/NOUN/dobj/9 ././PUNCT/punct/9")
    assert ("KEN", "JPN", "REQUEST") in [(e[0], e[1], e[2]) for e in events]


def test_aid_goes_to_whoever_its_purpose_works_with() -> None:
    # "Japan sent experts to work with Kenyan counterparts."
    events = _events("Japan/Japan/PROPN/nsubj/1 sent/send/VERB/ROOT/- experts/expert/NOUN/dobj/1 to/to/PART/aux/4 "
                     "work/work/VERB/advcl/1 with/with/ADP/prep/4 Kenyan/Kenyan/ADJ/amod/7 "
                     "counterparts/counterpart/NOUN/pobj/5 ././PUNCT/punct/1")
    assert [(e[0], e[1], e[2]) for e in events] == [("JPN", "KEN", "AID")]


def test_welcoming_an_agreement_supports_its_parties() -> None:
    # "Japan welcomed the agreement between Egypt and Syria."
    events = _events("Japan/Japan/PROPN/nsubj/1 welcomed/welcome/VERB/ROOT/- the/the/DET/det/3 "
                     "agreement/agreement/NOUN/dobj/1 between/between/ADP/prep/3 Egypt/Egypt/PROPN/pobj/4 "
                     "and/and/CCONJ/cc/5 Syria/Syria/PROPN/conj/5 ././PUNCT/punct/1")
    assert {("JPN", "EGY", "SUPPORT"), ("JPN", "SYR", "SUPPORT")} <= {(e[0], e[1], e[2]) for e in events}


def test_where_targeted_entities_are_based_names_their_state() -> None:
    # "Japan sanctioned entities based in Iran and Syria."
    events = _events("Japan/Japan/PROPN/nsubj/1 sanctioned/sanction/VERB/ROOT/- entities/entity/NOUN/dobj/1 "
                     "based/base/VERB/acl/2 in/in/ADP/prep/3 Iran/Iran/PROPN/pobj/4 and/and/CCONJ/cc/5 "
                     "Syria/Syria/PROPN/conj/5 ././PUNCT/punct/1")
    assert sorted((e[0], e[1], e[2]) for e in events) == [("JPN", "IRN", "SANCTION"), ("JPN", "SYR", "SANCTION")]


def test_the_kind_of_aid_comes_from_the_aid_noun_not_the_sum() -> None:
    # "Japan provided $5 million in humanitarian assistance to Kenya."
    events = _events("Japan/Japan/PROPN/nsubj/1 provided/provide/VERB/ROOT/- $/$/SYM/quantmod/4 5/5/NUM/compound/4 "
                     "million/million/NUM/dobj/1 in/in/ADP/prep/4 humanitarian/humanitarian/ADJ/amod/7 "
                     "assistance/assistance/NOUN/pobj/5 to/to/ADP/prep/1 Kenya/Kenya/PROPN/pobj/8 ././PUNCT/punct/1")
    assert events == [("JPN", "KEN", "AID", "humanitarian", "asserted", False)]


def test_holding_a_state_accountable_is_a_warning() -> None:
    # "Japan will hold China accountable."
    events = _events("Japan/Japan/PROPN/nsubj/2 will/will/AUX/aux/2 hold/hold/VERB/ROOT/- China/China/PROPN/nsubj/4 "
                     "accountable/accountable/ADJ/ccomp/2 ././PUNCT/punct/2")
    assert [(e[0], e[1], e[2]) for e in events] == [("JPN", "CHN", "THREATEN")]


def test_severe_costs_threatened_on_a_condition_are_a_threat() -> None:
    # "Japan will impose severe costs on China if it invades Korea."
    events = _events("Japan/Japan/PROPN/nsubj/2 will/will/AUX/aux/2 impose/impose/VERB/ROOT/- severe/severe/ADJ/amod/4 "
                     "costs/cost/NOUN/dobj/2 on/on/ADP/prep/2 China/China/PROPN/pobj/5 if/if/SCONJ/mark/9 "
                     "it/it/PRON/nsubj/9 invades/invade/VERB/advcl/2 Korea/Korea/PROPN/dobj/9 ././PUNCT/punct/2")
    assert [(e[0], e[1], e[2], e[3]) for e in events] == [("JPN", "CHN", "THREATEN", "restrict")]


def test_looking_forward_to_a_meeting_is_a_promise_by_the_one_who_says_it() -> None:
    # "Japan looks forward to meeting with Kenya." / "Japan looks forward to hosting Kenya."
    meeting = _events("Japan/Japan/PROPN/nsubj/1 looks/look/VERB/ROOT/- forward/forward/ADV/advmod/1 to/to/ADP/prep/1 "
                      "meeting/meet/VERB/pcomp/3 with/with/ADP/prep/4 Kenya/Kenya/PROPN/pobj/5 ././PUNCT/punct/1")
    hosting = _events("Japan/Japan/PROPN/nsubj/1 looks/look/VERB/ROOT/- forward/forward/ADV/advmod/1 to/to/ADP/prep/1 "
                      "hosting/host/VERB/pcomp/3 Kenya/Kenya/PROPN/dobj/4 ././PUNCT/punct/1")
    assert [(e[0], e[1], e[2]) for e in meeting] == [("JPN", "KEN", "AGREE")]
    assert [(e[0], e[1], e[2]) for e in hosting] == [("JPN", "KEN", "AGREE")]


def test_a_crowd_shunning_a_state_s_goods_is_a_boycott_and_a_state_shunning_talks_a_rejection() -> None:
    # "Kenyan tourists shunned Peruvian resorts."  /  "Kenya shunned Peru."
    crowd = _events("Kenyan/kenyan/ADJ/amod/1 tourists/tourist/NOUN/nsubj/2 shunned/shun/VERB/ROOT/- "
                    "Peruvian/peruvian/ADJ/amod/4 resorts/resort/NOUN/dobj/2 ././PUNCT/punct/2")
    state = _events("Kenya/Kenya/PROPN/nsubj/1 shunned/shun/VERB/ROOT/- Peru/Peru/PROPN/dobj/1 ././PUNCT/punct/1")
    assert [(s, t, p, m) for s, t, p, m, *_ in crowd] == [("KEN", "PER", "PROTEST", "boycott")]
    assert [(s, t, p) for s, t, p, *_ in state] == [("KEN", "PER", "REJECT")]


def test_a_crowd_s_blockade_of_a_road_is_a_protest_and_a_state_s_blockade_coercion() -> None:
    # "Kenyan protesters blockaded the highway."  /  "Kenya blockaded Peru."
    crowd = _events("Kenyan/kenyan/ADJ/amod/1 protesters/protester/NOUN/nsubj/2 blockaded/blockade/VERB/ROOT/- "
                    "the/the/DET/det/4 highway/highway/NOUN/dobj/2 ././PUNCT/punct/2")
    state = _events("Kenya/Kenya/PROPN/nsubj/1 blockaded/blockade/VERB/ROOT/- Peru/Peru/PROPN/dobj/1 "
                    "././PUNCT/punct/1")
    assert [(s, p, m) for s, _, p, m, *_ in crowd] == [("KEN", "PROTEST", "obstruct")]
    assert [(s, t, p) for s, t, p, *_ in state] == [("KEN", "PER", "COERCE")]


def test_a_pardon_of_a_state_s_own_prisoners_is_a_domestic_concession() -> None:
    # "Kenya pardoned 500 prisoners."
    events = _events("Kenya/Kenya/PROPN/nsubj/1 pardoned/pardon/VERB/ROOT/- 500/500/NUM/nummod/3 "
                     "prisoners/prisoner/NOUN/dobj/1 ././PUNCT/punct/1")
    assert [(s, t, p) for s, t, p, *_ in events] == [("KEN", "KEN", "CONCEDE")]


def test_removing_an_objection_yields_to_whoever_it_stood_against() -> None:
    # "Turkey removed its objection to Sweden."
    events = _events("Turkey/Turkey/PROPN/nsubj/1 removed/remove/VERB/ROOT/- its/its/PRON/poss/3 "
                     "objection/objection/NOUN/dobj/1 to/to/ADP/prep/3 Sweden/Sweden/PROPN/pobj/4 ././PUNCT/punct/1")
    assert [(s, t, p) for s, t, p, *_ in events] == [("TUR", "SWE", "CONCEDE")]


def test_outlawing_a_movement_is_coercion_of_the_state_s_own_people() -> None:
    # "Kenya outlawed the movement."
    events = _events("Kenya/Kenya/PROPN/nsubj/1 outlawed/outlaw/VERB/ROOT/- the/the/DET/det/3 "
                     "movement/movement/NOUN/dobj/1 ././PUNCT/punct/1")
    assert [(s, t, p, m) for s, t, p, m, *_ in events] == [("KEN", "KEN", "COERCE", "restrict")]


def test_releasing_detained_officials_frees_captives() -> None:
    # "Iran released the French officials."  ("official" is in the @captives class)
    events = _events("Iran/Iran/PROPN/nsubj/1 released/release/VERB/ROOT/- the/the/DET/det/4 "
                     "French/french/ADJ/amod/4 officials/official/NOUN/dobj/1 ././PUNCT/punct/1")
    assert [(s, t, p, m) for s, t, p, m, *_ in events] == [("IRN", "FRA", "RETREAT", "release")]


def test_easing_a_curfew_or_state_of_emergency_is_a_concession() -> None:
    # "Peru relaxed the state of emergency."  /  "Peru shortened the curfew."
    relaxed = _events("Peru/Peru/PROPN/nsubj/1 relaxed/relax/VERB/ROOT/- the/the/DET/det/3 state/state/NOUN/dobj/1 "
                      "of/of/ADP/prep/3 emergency/emergency/NOUN/pobj/4 ././PUNCT/punct/1")
    shortened = _events("Peru/Peru/PROPN/nsubj/1 shortened/shorten/VERB/ROOT/- the/the/DET/det/3 "
                        "curfew/curfew/NOUN/dobj/1 ././PUNCT/punct/1")
    assert [(s, p) for s, _, p, *_ in relaxed] == [("PER", "CONCEDE")]
    assert [(s, p) for s, _, p, *_ in shortened] == [("PER", "CONCEDE")]


def test_suspending_a_broadcaster_is_censorship_and_suspending_exports_a_sanction() -> None:
    # "Kenya suspended the broadcasts."  /  "Kenya suspended exports to Peru."
    broadcasts = _events("Kenya/Kenya/PROPN/nsubj/1 suspended/suspend/VERB/ROOT/- the/the/DET/det/3 "
                         "broadcasts/broadcast/NOUN/dobj/1 ././PUNCT/punct/1")
    exports = _events("Kenya/Kenya/PROPN/nsubj/1 suspended/suspend/VERB/ROOT/- exports/export/NOUN/dobj/1 "
                      "to/to/ADP/prep/1 Peru/Peru/PROPN/pobj/3 ././PUNCT/punct/1")
    assert [(s, p, m) for s, _, p, m, *_ in broadcasts] == [("KEN", "COERCE", "censor")]
    assert [(s, t, p) for s, t, p, *_ in exports] == [("KEN", "PER", "SANCTION")]


def test_evicting_foreigners_is_coercion() -> None:
    # "Kenya evicted French journalists."
    events = _events("Kenya/Kenya/PROPN/nsubj/1 evicted/evict/VERB/ROOT/- French/french/ADJ/amod/3 "
                     "journalists/journalist/NOUN/dobj/1 ././PUNCT/punct/1")
    assert [(s, t, p, m) for s, t, p, m, *_ in events] == [("KEN", "FRA", "COERCE", "deport")]


def test_a_crowd_toppling_a_statue_is_symbolic_damage() -> None:
    # "Kenyan students pulled down a statue."
    events = _events("Kenyan/kenyan/ADJ/amod/1 students/student/NOUN/nsubj/2 pulled/pull/VERB/ROOT/- "
                     "down/down/ADP/prt/2 a/a/DET/det/5 statue/statue/NOUN/dobj/2 ././PUNCT/punct/2")
    assert [(s, p, m) for s, _, p, m, *_ in events] == [("KEN", "PROTEST", "vandalize")]


def test_naming_a_thing_with_a_condemning_word_accuses_whoever_did_it() -> None:
    # "Kenya called Peru's decision regrettable."  /  "Kenya called the talks productive."  /  "Kenya called Peru."
    judged = _events("Kenya/Kenya/PROPN/nsubj/1 called/call/VERB/ROOT/- Peru/Peru/PROPN/poss/4 's/'s/PART/case/2 "
                     "decision/decision/NOUN/dobj/1 regrettable/regrettable/ADJ/oprd/1 ././PUNCT/punct/1")
    kind = _events("Kenya/Kenya/PROPN/nsubj/1 called/call/VERB/ROOT/- the/the/DET/det/3 talks/talk/NOUN/dobj/1 "
                   "productive/productive/ADJ/oprd/1 ././PUNCT/punct/1")
    phoned = _events("Kenya/Kenya/PROPN/nsubj/1 called/call/VERB/ROOT/- Peru/Peru/PROPN/dobj/1 ././PUNCT/punct/1")
    assert judged == [("KEN", "PER", "ACCUSE", "disapprove", "asserted", False)]
    assert kind == []  # a kind word is no event of its own, and no phone call
    assert ("KEN", "PER", "CONSULT", "phone", "asserted", False) in phoned


def test_a_word_that_condemns_only_in_some_frames_makes_no_judgement() -> None:
    # "Kenya described Peru's reforms as a tool for growth."  /  "... as a sham."
    praised = _events("Kenya/Kenya/PROPN/nsubj/1 described/describe/VERB/ROOT/- Peru/Peru/PROPN/poss/4 "
                      "'s/'s/PART/case/2 reforms/reform/NOUN/dobj/1 as/as/ADP/prep/1 a/a/DET/det/7 "
                      "tool/tool/NOUN/pobj/5 for/for/ADP/prep/7 growth/growth/NOUN/pobj/8 ././PUNCT/punct/1")
    condemned = _events("Kenya/Kenya/PROPN/nsubj/1 described/describe/VERB/ROOT/- Peru/Peru/PROPN/poss/4 "
                        "'s/'s/PART/case/2 reforms/reform/NOUN/dobj/1 as/as/ADP/prep/1 a/a/DET/det/7 "
                        "sham/sham/NOUN/pobj/5 ././PUNCT/punct/1")
    assert not [e for e in praised if e[2] == "ACCUSE"], praised
    assert ("KEN", "PER", "ACCUSE", "disapprove", "asserted", False) in condemned


def test_it_in_a_judgement_stands_for_what_the_governing_verb_acted_on() -> None:
    # "Kenya rejected the request from Peru, calling it interference."
    events = _events("Kenya/Kenya/PROPN/nsubj/1 rejected/reject/VERB/ROOT/- the/the/DET/det/3 "
                     "request/request/NOUN/dobj/1 from/from/ADP/prep/3 Peru/Peru/PROPN/pobj/4 ,/,/PUNCT/punct/1 "
                     "calling/call/VERB/advcl/1 it/it/PRON/dobj/7 interference/interference/NOUN/oprd/7 "
                     "././PUNCT/punct/1")
    assert ("KEN", "PER", "ACCUSE", "disapprove", "asserted", False) in events
    assert not [e for e in events if e[2] == "CONSULT"]


def test_a_predicate_the_parse_makes_an_apposition_still_judges() -> None:
    # "Kenya called Peru's conduct in Cuba a genocide."  /  "Kenya called Peru, a close ally."
    judged = _events("Kenya/Kenya/PROPN/nsubj/1 called/call/VERB/ROOT/- Peru/Peru/PROPN/poss/4 's/'s/PART/case/2 "
                     "conduct/conduct/NOUN/dobj/1 in/in/ADP/prep/4 Cuba/Cuba/PROPN/pobj/5 a/a/DET/det/8 "
                     "genocide/genocide/NOUN/appos/4 ././PUNCT/punct/1")
    phoned = _events("Kenya/Kenya/PROPN/nsubj/1 called/call/VERB/ROOT/- Peru/Peru/PROPN/dobj/1 ,/,/PUNCT/punct/2 "
                     "a/a/DET/det/6 close/close/ADJ/amod/6 ally/ally/NOUN/appos/2 ,/,/PUNCT/punct/2 ././PUNCT/punct/1")
    assert judged == [("KEN", "PER", "ACCUSE", "disapprove", "asserted", False)]
    assert ("KEN", "PER", "CONSULT", "phone", "asserted", False) in phoned
    assert not [e for e in phoned if e[2] == "ACCUSE"]


def test_it_in_a_judgement_after_said_stands_for_the_act_reported() -> None:
    # "Kenyan police deported the Peruvian activists, Japan said, calling it a breach of the law."
    events = _events("Kenyan/kenyan/ADJ/amod/1 police/police/NOUN/nsubj/2 deported/deport/VERB/ccomp/8 "
                     "the/the/DET/det/5 Peruvian/peruvian/ADJ/amod/5 activists/activist/NOUN/dobj/2 ,/,/PUNCT/punct/8 "
                     "Japan/Japan/PROPN/nsubj/8 said/say/VERB/ROOT/- ,/,/PUNCT/punct/8 calling/call/VERB/advcl/8 "
                     "it/it/PRON/dobj/10 a/a/DET/det/13 breach/breach/NOUN/oprd/10 of/of/ADP/prep/13 "
                     "the/the/DET/det/16 law/law/NOUN/pobj/14 ././PUNCT/punct/8")
    assert ("JPN", "KEN", "ACCUSE", "disapprove", "asserted", False) in events


def test_a_judged_act_done_to_someone_is_aimed_at_its_doer() -> None:
    # "Australia criticised the sentencing of the Peruvian writer by a Kenyan court."  /  "... of the Peruvian writer."
    by_court = _events("Australia/Australia/PROPN/nsubj/1 criticised/criticise/VERB/ROOT/- the/the/DET/det/3 "
                       "sentencing/sentencing/NOUN/dobj/1 of/of/ADP/prep/3 the/the/DET/det/7 "
                       "Peruvian/peruvian/ADJ/amod/7 writer/writer/NOUN/pobj/4 by/by/ADP/prep/1 a/a/DET/det/11 "
                       "Kenyan/kenyan/ADJ/amod/11 court/court/NOUN/pobj/8 ././PUNCT/punct/1")
    no_doer = _events("Australia/Australia/PROPN/nsubj/1 criticised/criticise/VERB/ROOT/- the/the/DET/det/3 "
                      "sentencing/sentencing/NOUN/dobj/1 of/of/ADP/prep/3 the/the/DET/det/7 "
                      "Peruvian/peruvian/ADJ/amod/7 writer/writer/NOUN/pobj/4 ././PUNCT/punct/1")
    assert [(s, t, p) for s, t, p, *_ in by_court] == [("AUS", "KEN", "ACCUSE")]
    assert [(s, t, p) for s, t, p, *_ in no_doer] == [("AUS", "PER", "ACCUSE")]


def test_an_actor_inside_what_a_protest_is_about_is_not_its_target() -> None:
    # "Kenyan students protested against the war in Peru."  /  "Kenyan students protested outside the Peruvian embassy."
    topic = _events("Kenyan/kenyan/ADJ/amod/1 students/student/NOUN/nsubj/2 protested/protest/VERB/ROOT/- "
                    "against/against/ADP/prep/2 the/the/DET/det/5 war/war/NOUN/pobj/3 in/in/ADP/prep/5 "
                    "Peru/Peru/PROPN/pobj/6 ././PUNCT/punct/2")
    place = _events("Kenyan/kenyan/ADJ/amod/1 students/student/NOUN/nsubj/2 protested/protest/VERB/ROOT/- "
                    "outside/outside/ADP/prep/2 the/the/DET/det/6 Peruvian/peruvian/ADJ/amod/6 "
                    "embassy/embassy/NOUN/pobj/3 ././PUNCT/punct/2")
    assert [(s, t, p) for s, t, p, *_ in topic if p == "PROTEST"] == [("KEN", "-", "PROTEST")]
    assert [(s, t, p) for s, t, p, *_ in place if p == "PROTEST"] == [("KEN", "PER", "PROTEST")]


def test_arms_sent_to_a_border_are_deployed_not_given() -> None:
    # "Kenya sent tanks to the border with Peru."  /  "Kenya sent tanks to Peru."
    border = _events("Kenya/Kenya/PROPN/nsubj/1 sent/send/VERB/ROOT/- tanks/tank/NOUN/dobj/1 to/to/ADP/prep/1 "
                     "the/the/DET/det/5 border/border/NOUN/pobj/3 with/with/ADP/prep/5 Peru/Peru/PROPN/pobj/6 "
                     "././PUNCT/punct/1")
    given = _events("Kenya/Kenya/PROPN/nsubj/1 sent/send/VERB/ROOT/- tanks/tank/NOUN/dobj/1 to/to/ADP/prep/1 "
                    "Peru/Peru/PROPN/pobj/3 ././PUNCT/punct/1")
    assert [(s, t, p, m) for s, t, p, m, *_ in border] == [("KEN", "PER", "MOBILIZE", "weapons")]
    assert [(s, t, p) for s, t, p, *_ in given] == [("KEN", "PER", "AID")]


def test_troops_sent_to_help_ones_own_are_mobilized_not_aid() -> None:
    # "Kenya sent soldiers to Kenyan villages to help the police."  /  "... to Peruvian villages to help the police."
    def sent(adjective: str) -> list[tuple[str, str, str, str, str, bool]]:
        return _events(f"Kenya/Kenya/PROPN/nsubj/1 sent/send/VERB/ROOT/- soldiers/soldier/NOUN/dobj/1 to/to/ADP/prep/1 "
                       f"{adjective}/{adjective.lower()}/ADJ/amod/5 villages/village/NOUN/pobj/3 to/to/PART/aux/7 "
                       "help/help/VERB/advcl/1 the/the/DET/det/9 police/police/NOUN/dobj/7 ././PUNCT/punct/1")
    assert ("KEN", "KEN", "MOBILIZE") in [(s, t, p) for s, t, p, *_ in sent("Kenyan")]
    assert ("KEN", "PER", "AID") in [(s, t, p) for s, t, p, *_ in sent("Peruvian")]


def test_an_appeal_noun_whose_clause_the_parse_hangs_elsewhere_is_still_a_request() -> None:
    # "Kenya ignored calls by Peru and Japan to hold talks."  /  "Kenya reiterated its call for Peru to end the ban."
    ignored = _events("Kenya/Kenya/PROPN/nsubj/1 ignored/ignore/VERB/ROOT/- calls/call/NOUN/dobj/1 by/by/ADP/prep/2 "
                      "Peru/Peru/PROPN/pobj/3 and/and/CCONJ/cc/4 Japan/Japan/PROPN/conj/4 to/to/PART/aux/8 "
                      "hold/hold/VERB/advcl/1 talks/talk/NOUN/dobj/8 ././PUNCT/punct/1")
    for_to = _events("Kenya/Kenya/PROPN/nsubj/1 reiterated/reiterate/VERB/ROOT/- its/its/PRON/poss/3 "
                     "call/call/NOUN/dobj/1 for/for/SCONJ/mark/7 Peru/Peru/PROPN/nsubj/7 to/to/PART/aux/7 "
                     "end/end/VERB/advcl/3 the/the/DET/det/9 embargo/embargo/NOUN/dobj/7 ././PUNCT/punct/1")
    assert {(s, t, p) for s, t, p, *_ in ignored if p != "REJECT"} == {("PER", "KEN", "REQUEST"),
                                                                       ("JPN", "KEN", "REQUEST")}, ignored
    assert [(s, t, p) for s, t, p, *_ in for_to] == [("KEN", "PER", "REQUEST")], for_to


def test_a_truce_in_effect_is_observed_by_both_sides_and_a_declared_one_is_a_concession() -> None:
    # "The ceasefire between Kenya and Peru took hold."  /  "Kenya and Peru began a ceasefire."  /  "Kenya declared a
    # ceasefire."
    held = _events("The/the/DET/det/1 ceasefire/ceasefire/NOUN/nsubj/6 between/between/ADP/prep/1 "
                   "Kenya/Kenya/PROPN/pobj/2 and/and/CCONJ/cc/3 Peru/Peru/PROPN/conj/3 took/take/VERB/ROOT/- "
                   "hold/hold/NOUN/dobj/6 ././PUNCT/punct/6")
    began = _events("Kenya/Kenya/PROPN/nsubj/3 and/and/CCONJ/cc/0 Peru/Peru/PROPN/conj/0 began/begin/VERB/ROOT/- "
                    "a/a/DET/det/5 ceasefire/ceasefire/NOUN/dobj/3 ././PUNCT/punct/3")
    declared = _events("Kenya/Kenya/PROPN/nsubj/1 declared/declare/VERB/ROOT/- a/a/DET/det/3 "
                       "ceasefire/ceasefire/NOUN/dobj/1 ././PUNCT/punct/1")
    assert sorted((s, t, p, m) for s, t, p, m, *_ in held) == [("KEN", "PER", "RETREAT", "ceasefire"),
                                                                ("PER", "KEN", "RETREAT", "ceasefire")]
    assert sorted((s, t, p) for s, t, p, *_ in began) == [("KEN", "PER", "RETREAT"), ("PER", "KEN", "RETREAT")]
    assert [p for _, _, p, *_ in declared] == ["CONCEDE"]


def test_an_investigation_into_what_names_no_one_is_coded_with_no_recipient() -> None:
    # "Kenya opened an inquiry into the deaths."  /  "Kenya's inquiry into the deaths in Peru ended."
    opened = _events("Kenya/Kenya/PROPN/nsubj/1 opened/open/VERB/ROOT/- an/an/DET/det/3 inquiry/inquiry/NOUN/dobj/1 "
                     "into/into/ADP/prep/3 the/the/DET/det/6 deaths/death/NOUN/pobj/4 ././PUNCT/punct/1")
    noun = _events("Kenya/Kenya/PROPN/poss/2 's/'s/PART/case/0 inquiry/inquiry/NOUN/nsubj/8 into/into/ADP/prep/2 "
                   "the/the/DET/det/5 deaths/death/NOUN/pobj/3 in/in/ADP/prep/5 Peru/Peru/PROPN/pobj/6 "
                   "ended/end/VERB/ROOT/- ././PUNCT/punct/8")
    assert [(s, t, p, m) for s, t, p, m, *_ in opened] == [("KEN", "-", "ACCUSE", "investigate")]
    assert [(s, t, p, m) for s, t, p, m, *_ in noun] == [("KEN", "-", "ACCUSE", "investigate")]


def test_what_set_off_a_threat_happened_and_is_not_threatened() -> None:
    # "Kenya threatened to suspend talks after Peru backed Japan."
    events = _events("Kenya/Kenya/PROPN/nsubj/1 threatened/threaten/VERB/ROOT/- to/to/PART/aux/3 "
                     "suspend/suspend/VERB/xcomp/1 talks/talk/NOUN/dobj/3 after/after/SCONJ/mark/7 "
                     "Peru/Peru/PROPN/nsubj/7 backed/back/VERB/advcl/3/VBD Japan/Japan/PROPN/dobj/7 ././PUNCT/punct/1")
    assert ("PER", "JPN", "SUPPORT", "", "asserted", False) in events, events


def test_lifting_a_restriction_with_no_one_named_is_a_concession_with_no_recipient() -> None:
    # "Kenya scrapped its quarantine requirement."  /  "Kenya lifted its veto."
    scrapped = _events("Kenya/Kenya/PROPN/nsubj/1 scrapped/scrap/VERB/ROOT/- its/its/PRON/poss/4 "
                       "quarantine/quarantine/NOUN/compound/4 requirement/requirement/NOUN/dobj/1 ././PUNCT/punct/1")
    lifted = _events("Kenya/Kenya/PROPN/nsubj/1 lifted/lift/VERB/ROOT/- its/its/PRON/poss/3 veto/veto/NOUN/dobj/1 "
                     "././PUNCT/punct/1")
    assert scrapped == [("KEN", "-", "CONCEDE", "", "asserted", False)]
    assert lifted == [("KEN", "-", "CONCEDE", "", "asserted", False)]


def test_withdrawing_a_ban_or_a_bill_is_a_concession_not_a_retreat() -> None:
    # "Kenya withdrew the ban on the students."  /  "Kenya withdrew the bill."
    ban = _events("Kenya/Kenya/PROPN/nsubj/1 withdrew/withdraw/VERB/ROOT/- the/the/DET/det/3 ban/ban/NOUN/dobj/1 "
                  "on/on/ADP/prep/3 the/the/DET/det/6 students/students/NOUN/pobj/4 ././PUNCT/punct/1")
    bill = _events("Kenya/Kenya/PROPN/nsubj/1 withdrew/withdraw/VERB/ROOT/- the/the/DET/det/3 bill/bill/NOUN/dobj/1 "
                   "././PUNCT/punct/1")
    assert [(s, t, p) for s, t, p, *_ in ban] == [("KEN", "KEN", "CONCEDE")]
    assert [(s, p) for s, _, p, *_ in bill] == [("KEN", "CONCEDE")]


def test_commuting_sentences_is_a_domestic_concession() -> None:
    # "Kenya commuted the sentences of 38 prisoners."
    events = _events("Kenya/Kenya/PROPN/nsubj/1 commuted/commute/VERB/ROOT/- the/the/DET/det/3 "
                     "sentences/sentence/NOUN/dobj/1 of/of/ADP/prep/3 38/38/NUM/nummod/6 "
                     "prisoners/prisoner/NOUN/pobj/4 ././PUNCT/punct/1")
    assert [(s, p) for s, _, p, *_ in events] == [("KEN", "CONCEDE")]


def test_calling_or_joining_a_strike_is_the_strike() -> None:
    # "Kenyan unions called a general strike."  /  "Kenyan nurses joined the walkout."
    called = _events("Kenyan/kenyan/ADJ/amod/1 unions/union/NOUN/nsubj/2 called/call/VERB/ROOT/- a/a/DET/det/5 "
                     "general/general/ADJ/amod/5 strike/strike/NOUN/dobj/2 ././PUNCT/punct/2")
    joined = _events("Kenyan/kenyan/ADJ/amod/1 nurses/nurse/NOUN/nsubj/2 joined/join/VERB/ROOT/- the/the/DET/det/4 "
                     "walkout/walkout/NOUN/dobj/2 ././PUNCT/punct/2")
    assert [(s, p, m) for s, _, p, m, *_ in called] == [("KEN", "PROTEST", "strike")]
    assert [(s, p, m) for s, _, p, m, *_ in joined] == [("KEN", "PROTEST", "strike")]
