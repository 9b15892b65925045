"""Speaker rules of session 8 (referents, pronouns, role nouns), one test each, on hand-built Docs written like
those of `test_quote_rules.py` (whose helpers they share); and the chair addresses the voice reader shares."""

from __future__ import annotations

import pytest

from multipolar.nlp.addresses import addresses_chair, only_addresses_chair

from .test_quote_rules import _doc, _spans, _speakers, _voiced_quotes


@pytest.mark.parametrize(("line", "expected"), [
    ("Mr President,", True), ("Mr. President,", True), ("Madam Chair,", True), ("Excellencies,", True),
    ("Dear colleagues,", False), ("Dear Colleagues,", True), ("Mr President, we agree.", False),
    ("He said,", False),
])
def test_a_line_that_only_addresses_the_chair(line: str, expected: bool) -> None:
    assert only_addresses_chair(line) is expected


def test_a_speech_that_says_mr_president_addresses_a_chair() -> None:
    assert addresses_chair("Thank you, Madam President. Our country stands ready.")
    assert addresses_chair("Mister President, I speak for my country.")
    assert not addresses_chair("The President said he would travel. Mr. Smith agreed.")


def test_a_quotation_after_a_stage_note_goes_on_in_the_voice_before_it() -> None:
    # Okafor told him, “We rebuild.” (Laughter.) “Together.”
    speakers = _speakers(
        "Okafor/Okafor/PROPN/nsubj/1/PERSON told/tell/VERB/ROOT/- him/he/PRON/dobj/1 ,/,/PUNCT/punct/1 "
        "“/“/PUNCT/punct/6 We/we/PRON/nsubj/6 rebuild/rebuild/VERB/ccomp/1 ././PUNCT/punct/6 ”/”/PUNCT/punct/6 "
        "(/(/PUNCT/punct/10 Laughter/laughter/NOUN/ROOT/- ././PUNCT/punct/10 )/)/PUNCT/punct/10 "
        "“/“/PUNCT/punct/14 Together/together/ADV/ROOT/- ././PUNCT/punct/14 ”/”/PUNCT/punct/14")
    assert [(text, speaker) for text, speaker, *_ in speakers] == [("We rebuild.", "Okafor"), ("Together.", "Okafor")]


def test_she_can_mean_a_person_the_parser_set_beside_a_thing() -> None:
    # During the call, a female student asked the engineer: “Is it old?” she said.
    speakers = _speakers(
        "During/during/ADP/prep/7 the/the/DET/det/2 call/call/NOUN/pobj/0 ,/,/PUNCT/punct/2 a/a/DET/det/6 "
        "female/female/ADJ/amod/6 student/student/NOUN/appos/2 asked/ask/VERB/ccomp/18 the/the/DET/det/9 "
        "engineer/engineer/NOUN/dobj/7 :/:/PUNCT/punct/7 “/“/PUNCT/punct/12 Is/be/AUX/ccomp/7 it/it/PRON/nsubj/12 "
        "old/old/ADJ/acomp/12 ?/?/PUNCT/punct/12 ”/”/PUNCT/punct/12 she/she/PRON/nsubj/18 said/say/VERB/ROOT/- "
        "././PUNCT/punct/18")
    assert [(text, speaker, sector) for text, speaker, _, sector, _ in speakers] == \
        [("Is it old?", "a female student", "EDU")]


_WORDS_OF_POET = (
    "We/we/PRON/nsubj/1 recall/recall/VERB/ROOT/- the/the/DET/det/3 words/word/NOUN/dobj/1 of/of/ADP/prep/3 "
    "our/our/PRON/poss/6 poet/poet/NOUN/pobj/4 ,/,/PUNCT/punct/6 Ana/Ana/PROPN/compound/9/PERSON "
    "Reyes/Reyes/PROPN/appos/6/PERSON :/:/PUNCT/punct/1 ¶ “/“/PUNCT/punct/15 The/the/DET/det/14 "
    "sea/sea/NOUN/nsubj/15 remembers/remember/VERB/ROOT/- ././PUNCT/punct/15 ”/”/PUNCT/punct/15")


def test_the_words_of_someone_before_a_colon_are_theirs_in_the_next_paragraph() -> None:
    quotes = _voiced_quotes(_doc(_WORDS_OF_POET), "KEN", "Kenya")
    assert [(q.text, q.speaker, q.speaker_country) for q in quotes] == \
        [("The sea remembers.", "Ana Reyes", "KEN")]


def test_a_person_quoted_by_title_and_name_speaks_the_quotation_after_the_colon() -> None:
    # She quoted the Kenyan poet Amina Odhiambo: ¶ “Rain comes.”
    speakers = _speakers(
        "She/she/PRON/nsubj/1 quoted/quote/VERB/ROOT/- the/the/DET/det/4 Kenyan/Kenyan/ADJ/amod/4 "
        "poet/poet/NOUN/dobj/1 Amina/Amina/PROPN/compound/6/PERSON Odhiambo/Odhiambo/PROPN/appos/4/PERSON "
        ":/:/PUNCT/punct/1 ¶ “/“/PUNCT/punct/11 Rain/rain/NOUN/nsubj/11 comes/come/VERB/ROOT/- "
        "././PUNCT/punct/11 ”/”/PUNCT/punct/11")
    assert [(text, speaker, country) for text, speaker, country, *_ in speakers] == \
        [("Rain comes.", "Amina Odhiambo", "KEN")]


def test_a_quotation_weighed_as_a_word_is_no_ones() -> None:
    # The minister sounded tired — “anger” may not be the right word.
    speakers = _speakers(
        "The/the/DET/det/1 minister/minister/NOUN/nsubj/2 sounded/sound/VERB/ROOT/- tired/tired/ADJ/acomp/2 "
        "—/—/PUNCT/punct/2 “/“/PUNCT/punct/6 anger/anger/NOUN/nsubj/10 ”/”/PUNCT/punct/6 may/may/AUX/aux/10 "
        "not/not/PART/neg/10 be/be/AUX/parataxis/2 the/the/DET/det/13 right/right/ADJ/amod/13 "
        "word/word/NOUN/attr/10 ././PUNCT/punct/2")
    assert [(text, speaker) for text, speaker, *_ in speakers] == [("anger", None)]


def test_his_majesty_the_king_is_someone_he_can_mean_and_holds_the_office_of_the_voice() -> None:
    # That was stressed by His Majesty the King when he said: “We wait.”
    doc = _doc(
        "That/that/PRON/nsubjpass/2 was/be/AUX/auxpass/2 stressed/stress/VERB/ROOT/- by/by/ADP/agent/2 "
        "His/his/PRON/poss/5 Majesty/Majesty/PROPN/pobj/3 the/the/DET/det/7 King/King/PROPN/appos/5 "
        "when/when/SCONJ/advmod/10 he/he/PRON/nsubj/10 said/say/VERB/advcl/2 :/:/PUNCT/punct/10 "
        "“/“/PUNCT/punct/14 We/we/PRON/nsubj/14 wait/wait/VERB/ccomp/10 ././PUNCT/punct/14 ”/”/PUNCT/punct/14",
        date="2022-09-25")
    quotes = _voiced_quotes(doc, "SAU", "Saudi Arabia")
    assert [(q.text, q.speaker_actor and q.speaker_actor.code, q.speaker_country, q.speaker_sector)
            for q in quotes] == [("We wait.", "salman-bin-abdulaziz", "SAU", "GOV")]


def test_a_fragment_between_and_and_a_capitalised_word_is_no_nickname() -> None:
    assert _spans("They asked for one thing. But “less talk.” Then they left.") == [("less talk.", "scare")]
    assert _spans("Amara “Lion” Diallo left early.") == []  # a nickname still is one
    assert _spans("Will “The Hammer” Okafor left early.") == []  # a name that is also an English word


def test_a_nations_adjective_before_a_person_noun_places_a_named_person_but_not_a_teacher_of_its_language() -> None:
    # Describing his youth, the Welsh poet Dylan Price said: “The hills raised me.”
    poet = _speakers(
        "Describing/describe/VERB/advcl/9 his/his/PRON/poss/2 youth/youth/NOUN/dobj/0 ,/,/PUNCT/punct/9 "
        "the/the/DET/det/6 Welsh/welsh/ADJ/amod/6 poet/poet/NOUN/nsubj/9 Dylan/Dylan/PROPN/compound/8/PERSON "
        "Price/Price/PROPN/appos/6/PERSON said/say/VERB/ROOT/- :/:/PUNCT/punct/9 “/“/PUNCT/punct/14 "
        "The/the/DET/det/13 hills/hill/NOUN/nsubj/14 raised/raise/VERB/ccomp/9 me/I/PRON/dobj/14 "
        "././PUNCT/punct/14 ”/”/PUNCT/punct/14")
    assert [(speaker, country) for _, speaker, country, *_ in poet] == [("Dylan Price", "GBR")]
    # Her English teacher Mary Cole said: “Work hard.”
    teacher = _speakers(
        "Her/her/PRON/poss/2 English/english/ADJ/amod/2 teacher/teacher/NOUN/nsubj/5 "
        "Mary/Mary/PROPN/compound/4/PERSON Cole/Cole/PROPN/appos/2/PERSON said/say/VERB/ROOT/- :/:/PUNCT/punct/5 "
        "“/“/PUNCT/punct/8 Work/work/VERB/ccomp/5 hard/hard/ADV/advmod/8 ././PUNCT/punct/8 ”/”/PUNCT/punct/8")
    assert [country for _, _, country, *_ in teacher] == [None]
