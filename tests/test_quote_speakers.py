"""Speaker rule families added in session 7, one test each, on hand-built Docs written like those of
`test_quote_rules.py` (whose helpers they share)."""

from __future__ import annotations

from spacy.tokens import Doc

from multipolar.nlp.actors.resolve import ActorResolver
from multipolar.nlp.quotes.component import QuoteFinder
from multipolar.nlp.spacy_pipeline import shared_gazetteer
from multipolar.nlp.spans import ActorMention, ActorRef

from .test_quote_rules import _doc, _speakers

ANNAN = ActorRef("kofi-annan", "Kofi Annan", "person", None, "GOV", "secretary_general")
TRUMP = ActorRef("donald-trump", "Donald Trump", "person", "USA", "GOV", "president")


def test_an_office_holder_of_no_state_named_is_of_the_voice_given_though_it_never_says_we() -> None:
    # (a White House statement, no "we" in it) President Truman said, “Go.”
    doc = _doc("President/President/PROPN/compound/1 Truman/Truman/PROPN/nsubj/2/PERSON said/say/VERB/ROOT/- "
               ",/,/PUNCT/punct/2 “/“/PUNCT/punct/5 Go/go/VERB/ccomp/2 ././PUNCT/punct/5 ”/”/PUNCT/punct/5")
    finder = QuoteFinder(ActorResolver(shared_gazetteer(())))
    assert [(q.speaker_country, q.speaker_sector) for q in finder(doc)._.mp_quotes] == [(None, "GOV")]
    doc._.mp_voice = "USA"
    assert [(q.speaker, q.speaker_country, q.speaker_sector) for q in finder(doc)._.mp_quotes] == \
        [("Truman", "USA", "GOV")]


def test_as_a_proverb_says_after_the_quotation_is_the_proverbs() -> None:
    # “Patience wins”, as an old proverb says. (the parser hangs "as" on the quotation's verb)
    speakers = _speakers(
        "“/“/PUNCT/punct/2 Patience/patience/NOUN/nsubj/2 wins/win/VERB/ccomp/9 ”/”/PUNCT/punct/2 ,/,/PUNCT/punct/2 "
        "as/as/ADP/prep/2 an/an/DET/det/8 old/old/ADJ/amod/8 proverb/proverb/NOUN/pobj/5 says/say/VERB/ROOT/- "
        "././PUNCT/punct/9")
    assert [s[1] for s in speakers] == ["an old proverb"]


def test_in_the_expression_of_someone_names_the_speaker() -> None:
    # We need, in the expression of Kwame Osei, “a steady hand”.
    speakers = _speakers(
        "We/we/PRON/nsubj/1 need/need/VERB/ROOT/- ,/,/PUNCT/punct/1 in/in/ADP/prep/1 the/the/DET/det/5 "
        "expression/expression/NOUN/pobj/3 of/of/ADP/prep/5 Kwame/Kwame/PROPN/compound/8/PERSON "
        "Osei/Osei/PROPN/pobj/6/PERSON ,/,/PUNCT/punct/1 “/“/PUNCT/punct/13 a/a/DET/det/13 steady/steady/ADJ/amod/13 "
        "hand/hand/NOUN/dobj/1 ”/”/PUNCT/punct/13 ././PUNCT/punct/1")
    assert [s[1] for s in speakers] == ["Kwame Osei"]


def test_a_founding_text_speaks_for_the_words_it_sets_out() -> None:
    # The preamble sets out “a common home” for all.
    speakers = _speakers(
        "The/the/DET/det/1 preamble/preamble/NOUN/nsubj/2 sets/set/VERB/ROOT/- out/out/ADP/prt/2 “/“/PUNCT/punct/7 "
        "a/a/DET/det/7 common/common/ADJ/amod/7 home/home/NOUN/dobj/2 ”/”/PUNCT/punct/7 for/for/ADP/prep/2 "
        "all/all/PRON/pobj/9 ././PUNCT/punct/2")
    assert [s[1] for s in speakers] == ["The preamble"]


def test_a_part_of_a_document_speaks_for_the_document_named_before() -> None:
    # The Book of Songs speaks of rivers. Chapter 9 reads, “The water knows the way.”
    speakers = _speakers(
        "The/the/DET/det/1 Book/book/PROPN/nsubj/4 of/of/ADP/prep/1 Songs/Songs/PROPN/pobj/2 speaks/speak/VERB/ROOT/- "
        "of/of/ADP/prep/4 rivers/river/NOUN/pobj/5 ././PUNCT/punct/4 Chapter/chapter/PROPN/nsubj/10 9/9/NUM/nummod/8 "
        "reads/read/VERB/ROOT/- ,/,/PUNCT/punct/10 “/“/PUNCT/punct/15 The/the/DET/det/14 water/water/NOUN/nsubj/15 "
        "knows/know/VERB/ccomp/10 the/the/DET/det/17 way/way/NOUN/dobj/15 ././PUNCT/punct/15 ”/”/PUNCT/punct/15")
    assert len(speakers) == 1 and "Book" in (speakers[0][1] or "")


def test_an_alderman_is_a_government_official_of_the_voices_state() -> None:
    # (White House remarks) Alderman Kowalczyk walked in. She said, “Come in.”
    doc = _doc("Alderman/Alderman/PROPN/compound/1 Kowalczyk/Kowalczyk/PROPN/nsubj/2/PERSON walked/walk/VERB/ROOT/- "
               "in/in/ADV/advmod/2 ././PUNCT/punct/2 She/she/PRON/nsubj/6 said/say/VERB/ROOT/- ,/,/PUNCT/punct/6 "
               "“/“/PUNCT/punct/9 Come/come/VERB/ccomp/6 in/in/ADV/advmod/9 ././PUNCT/punct/9 ”/”/PUNCT/punct/9")
    doc._.mp_voice = "USA"
    quotes = QuoteFinder(ActorResolver(shared_gazetteer(())))(doc)._.mp_quotes
    assert [(q.speaker, q.speaker_country, q.speaker_sector) for q in quotes] == [("Kowalczyk", "USA", "GOV")]


def test_a_stage_direction_in_a_transcript_is_no_one_a_pronoun_points_to() -> None:
    # Maria Lopez spoke first. (Laughs.) She said, “We stay.”  (the recogniser took "Laughs" for a name)
    speakers = _speakers(
        "Maria/Maria/PROPN/compound/1/PERSON Lopez/Lopez/PROPN/nsubj/2/PERSON spoke/speak/VERB/ROOT/- "
        "first/first/ADV/advmod/2 ././PUNCT/punct/2 (/(/PUNCT/punct/6 Laughs/Laughs/PROPN/ROOT/-/PERSON "
        "././PUNCT/punct/6 )/)/PUNCT/punct/6 She/she/PRON/nsubj/10 said/say/VERB/ROOT/- ,/,/PUNCT/punct/10 "
        "“/“/PUNCT/punct/14 We/we/PRON/nsubj/14 stay/stay/VERB/ccomp/10 ././PUNCT/punct/14 ”/”/PUNCT/punct/14")
    assert [s[1] for s in speakers] == ["Maria Lopez"]


def test_a_title_and_name_the_parser_cut_from_their_body_still_speak() -> None:
    # “We stay,” Ministry of Water Secretary Amina Odhiambo said.  (two subjects of "said")
    speakers = _speakers(
        "“/“/PUNCT/punct/2 We/we/PRON/nsubj/2 stay/stay/VERB/ccomp/11 ,/,/PUNCT/punct/11 ”/”/PUNCT/punct/11 "
        "Ministry/Ministry/PROPN/nsubj/11 of/of/ADP/prep/5 Water/Water/PROPN/pobj/6 "
        "Secretary/Secretary/PROPN/compound/10 Amina/Amina/PROPN/compound/10/PERSON "
        "Odhiambo/Odhiambo/PROPN/nsubj/11/PERSON said/say/VERB/ROOT/- ././PUNCT/punct/11")
    assert len(speakers) == 1 and "Odhiambo" in (speakers[0][1] or "")


def test_a_quotation_opening_on_a_verb_is_the_words_of_its_subject() -> None:
    # The party has “rejected every offer” so far.
    speakers = _speakers(
        "The/the/DET/det/1 party/party/NOUN/nsubj/4 has/have/AUX/aux/4 “/“/PUNCT/punct/4 rejected/reject/VERB/ROOT/- "
        "every/every/DET/det/6 offer/offer/NOUN/dobj/4 ”/”/PUNCT/punct/4 so/so/ADV/advmod/9 far/far/ADV/advmod/4 "
        "././PUNCT/punct/4")
    assert [s[2:4] for s in speakers] == [("KEN", "PTY")]


def test_a_former_secretary_general_holds_no_office_in_the_state_a_speech_speaks_for() -> None:
    # (a Belgian speech) We agree. Secretary-General Annan said, “Act now.”
    doc = _doc("We/we/PRON/nsubj/1 agree/agree/VERB/ROOT/- ././PUNCT/punct/1 "
               "Secretary-General/Secretary-General/PROPN/compound/4 Annan/Annan/PROPN/nsubj/5/PERSON "
               "said/say/VERB/ROOT/- ,/,/PUNCT/punct/5 “/“/PUNCT/punct/8 Act/act/VERB/ccomp/5 now/now/ADV/advmod/8 "
               "././PUNCT/punct/8 ”/”/PUNCT/punct/8", date="2015-09-28")
    doc._.mp_voice = "BEL"
    doc._.mp_mentions = [ActorMention(0, 1, (ActorRef("BEL", "Belgium", "state", "BEL", None),), "voice"),
                         ActorMention(3, 5, (ANNAN,), "title+person")]
    quotes = QuoteFinder(ActorResolver(shared_gazetteer(())))(doc)._.mp_quotes
    assert [(q.speaker_actor.code if q.speaker_actor else None, q.speaker_country, q.speaker_sector)
            for q in quotes] == [("kofi-annan", None, "GOV")]


def test_a_courtesy_title_of_the_other_gender_is_someone_else_of_that_surname() -> None:
    # President Donald Trump spoke. Mrs. Trump said, “Be brave.” She added, “Take risks.”
    doc = _doc("President/President/PROPN/compound/2 Donald/Donald/PROPN/compound/2/PERSON "
               "Trump/Trump/PROPN/nsubj/3/PERSON spoke/speak/VERB/ROOT/- ././PUNCT/punct/3 "
               "Mrs./Mrs./PROPN/compound/6 Trump/Trump/PROPN/nsubj/7/PERSON said/say/VERB/ROOT/- ,/,/PUNCT/punct/7 "
               "“/“/PUNCT/punct/10 Be/be/AUX/ccomp/7 brave/brave/ADJ/acomp/10 ././PUNCT/punct/10 ”/”/PUNCT/punct/10 "
               "She/she/PRON/nsubj/15 added/add/VERB/ROOT/- ,/,/PUNCT/punct/15 “/“/PUNCT/punct/18 "
               "Take/take/VERB/ccomp/15 risks/risk/NOUN/dobj/18 ././PUNCT/punct/18 ”/”/PUNCT/punct/18")
    doc._.mp_mentions = [ActorMention(0, 3, (TRUMP,), "title+person"), ActorMention(6, 7, (TRUMP,), "name")]
    quotes = QuoteFinder(ActorResolver(shared_gazetteer(())))(doc)._.mp_quotes
    assert [(q.speaker, q.speaker_actor) for q in quotes] == [("Trump", None), ("Trump", None)]


def test_whoever_ends_their_clause_with_the_colon_speaks_though_the_colon_hangs_on_the_quotation() -> None:
    # Amina Odhiambo challenged a crowd of students: “Each of you has a task.”  (":" hung on "has")
    doc = _doc(
        "Amina/Amina/PROPN/compound/1/PERSON Odhiambo/Odhiambo/PROPN/nsubj/2/PERSON challenged/challenge/VERB/ROOT/- "
        "a/a/DET/det/4 crowd/crowd/NOUN/dobj/2 of/of/ADP/prep/4 students/student/NOUN/pobj/5 :/:/PUNCT/punct/12 "
        "“/“/PUNCT/punct/12 Each/each/PRON/nsubj/12 of/of/ADP/prep/9 you/you/PRON/pobj/10 has/have/VERB/ROOT/- "
        "a/a/DET/det/14 task/task/NOUN/dobj/12 ././PUNCT/punct/12 ”/”/PUNCT/punct/12")
    doc[2].tag_ = "VBD"  # a verb: no round-up label
    quotes = QuoteFinder(ActorResolver(shared_gazetteer(())))(doc)._.mp_quotes
    assert [q.speaker for q in quotes] == ["Amina Odhiambo"]


def test_the_words_someone_quotes_are_the_quoted_ones_past_a_transcript_note() -> None:
    # She closed by quoting the words of a village elder. (In English.) “Rivers remember.”
    speakers = _speakers(
        "She/she/PRON/nsubj/1 closed/close/VERB/ROOT/- by/by/ADP/prep/1 quoting/quote/VERB/pcomp/2 "
        "the/the/DET/det/5 words/word/NOUN/dobj/3 of/of/ADP/prep/5 a/a/DET/det/9 village/village/NOUN/compound/9 "
        "elder/elder/NOUN/pobj/6 ././PUNCT/punct/1 (/(/PUNCT/punct/12 In/in/ADP/ROOT/- English/English/PROPN/pobj/12 "
        "././PUNCT/punct/12 )/)/PUNCT/punct/12 “/“/PUNCT/punct/18 Rivers/river/NOUN/nsubj/18 "
        "remember/remember/VERB/ROOT/- ././PUNCT/punct/18 ”/”/PUNCT/punct/18")
    assert [s[1] for s in speakers] == ["a village elder"]


def test_words_in_marks_nothing_attributes_in_a_turn_are_its_speakers_but_not_a_term_only_named() -> None:
    # PRIME MINISTER KISHIDA: So “soft power” fails. ¶ And “more rain.”
    speakers = _speakers(
        "PRIME/prime/PROPN/compound/1 MINISTER/minister/PROPN/compound/2 KISHIDA/Kishida/PROPN/npadvmod/9 "
        ":/:/PUNCT/punct/9 So/so/ADV/advmod/9 “/“/PUNCT/punct/7 soft/soft/ADJ/amod/7 power/power/NOUN/nsubj/9 "
        "”/”/PUNCT/punct/7 fails/fail/VERB/ROOT/- ././PUNCT/punct/9 ¶ And/and/CCONJ/cc/15 “/“/PUNCT/punct/15 "
        "more/more/ADJ/amod/15 rain/rain/NOUN/ROOT/- ././PUNCT/punct/15 ”/”/PUNCT/punct/15")
    assert [(s[0], s[1]) for s in speakers] == [("soft power", None), ("more rain.", "KISHIDA")]


def test_a_round_up_label_before_a_threads_first_post_is_the_speaker() -> None:
    # Senator Sam Doe: (1/3) “This is big news.”  ("1/3" written "1|3": the spec splits on "/")
    doc = _doc(
        "Senator/Senator/PROPN/compound/2 Sam/Sam/PROPN/compound/2/PERSON Doe/Doe/PROPN/ROOT/-/PERSON "
        ":/:/PUNCT/punct/2 (/(/PUNCT/punct/2 1|3/1|3/NUM/appos/2 )/)/PUNCT/punct/2 “/“/PUNCT/punct/9 "
        "This/this/PRON/nsubj/9 is/be/AUX/ROOT/- big/big/ADJ/amod/11 news/news/NOUN/attr/9 ././PUNCT/punct/9 "
        "”/”/PUNCT/punct/9")
    words = [t.text.replace("|", "/") for t in doc]
    rebuilt = Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc],
                  heads=[t.head.i for t in doc], deps=[t.dep_ for t in doc], pos=[t.pos_ for t in doc],
                  lemmas=[t.lemma_ for t in doc], ents=[f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else "O"
                                                        for t in doc])
    rebuilt._.mp_date, rebuilt._.mp_mentions = doc._.mp_date, doc._.mp_mentions
    quotes = QuoteFinder(ActorResolver(shared_gazetteer(())))(rebuilt)._.mp_quotes
    assert [q.speaker for q in quotes] == ["Senator Sam Doe"]


def test_the_first_words_someone_spoke_past_an_address_to_the_chair() -> None:
    # “We stand.” Mr President, These were the first words that Amina Odhiambo spoke here.
    speakers = _speakers(
        "“/“/PUNCT/punct/2 We/we/PRON/nsubj/2 stand/stand/VERB/ROOT/- ././PUNCT/punct/2 ”/”/PUNCT/punct/2 "
        "Mr/Mr/PROPN/compound/6 President/President/PROPN/ROOT/- ,/,/PUNCT/punct/6 These/these/PRON/nsubj/9 "
        "were/be/AUX/ROOT/- the/the/DET/det/12 first/first/ADJ/amod/12 words/word/NOUN/attr/9 "
        "that/that/PRON/dobj/16 Amina/Amina/PROPN/compound/15/PERSON Odhiambo/Odhiambo/PROPN/nsubj/16/PERSON "
        "spoke/speak/VERB/relcl/12 here/here/ADV/advmod/16 ././PUNCT/punct/9")
    assert [s[1] for s in speakers] == ["Amina Odhiambo"]


def test_as_stated_in_a_text_before_a_colon_is_the_texts() -> None:
    # As stated in the Holy Scripture: ¶ “Mercy comes first.”  ("book" before a quotation is a title's cue)
    speakers = _speakers(
        "As/as/SCONJ/mark/1 stated/state/VERB/ROOT/- in/in/ADP/prep/1 the/the/DET/det/5 Holy/Holy/PROPN/compound/5 "
        "Scripture/Scripture/PROPN/pobj/2 :/:/PUNCT/punct/1 ¶ “/“/PUNCT/punct/10 Mercy/mercy/NOUN/nsubj/10 "
        "comes/come/VERB/ROOT/- first/first/ADV/advmod/10 ././PUNCT/punct/10 ”/”/PUNCT/punct/10")
    assert len(speakers) == 1 and "Scripture" in (speakers[0][1] or "")


def test_it_says_with_no_body_before_is_the_document_named_before() -> None:
    # It is right here in the memo. It says, “Spend less.”
    speakers = _speakers(
        "It/it/PRON/nsubj/1 is/be/AUX/ROOT/- right/right/ADV/advmod/3 here/here/ADV/advmod/1 in/in/ADP/prep/3 "
        "the/the/DET/det/6 memo/memo/NOUN/pobj/4 ././PUNCT/punct/1 It/it/PRON/nsubj/9 says/say/VERB/ROOT/- "
        ",/,/PUNCT/punct/9 “/“/PUNCT/punct/12 Spend/spend/VERB/ccomp/9 less/less/ADV/advmod/12 "
        "././PUNCT/punct/12 ”/”/PUNCT/punct/12")
    assert [s[1] for s in speakers] == ["the memo"]


def test_as_someone_put_it_across_a_sentence_break_before_the_quotation() -> None:
    # Or, as Amina Odhiambo | eloquently put it, “Peace needs bread.”  (a line break ended the sentence)
    speakers = _speakers(
        "Or/or/CCONJ/ROOT/- ,/,/PUNCT/punct/0 as/as/ADP/prep/0 Amina/Amina/PROPN/compound/4/PERSON "
        "Odhiambo/Odhiambo/PROPN/pobj/2/PERSON eloquently/eloquently/ADV/advmod/6 put/put/VERB/advcl/11 "
        "it/it/PRON/dobj/6 ,/,/PUNCT/punct/11 “/“/PUNCT/punct/11 Peace/peace/NOUN/nsubj/11 "
        "needs/need/VERB/ROOT/- bread/bread/NOUN/dobj/11 ././PUNCT/punct/11 ”/”/PUNCT/punct/11")
    assert [s[1] for s in speakers] == ["Amina Odhiambo"]


def test_a_document_the_parser_hangs_on_its_speech_verb_as_a_modifier_still_speaks_as_a_text() -> None:
    # The Charter further states: “Live in peace.”  (the parser reads "Charter" as a modifier of "states")
    speakers = _speakers(
        "The/the/DET/det/3 Charter/Charter/PROPN/amod/3 further/further/ADV/amod/3 states/state/VERB/ROOT/- "
        ":/:/PUNCT/punct/3 “/“/PUNCT/punct/6 Live/live/VERB/ccomp/3 in/in/ADP/prep/6 peace/peace/NOUN/pobj/7 "
        "././PUNCT/punct/6 ”/”/PUNCT/punct/6")
    assert [(s[1], s[3]) for s in speakers] == [("Charter", None)]  # a text, not a private person (CVL)


def test_those_are_the_words_of_someone_after_a_quotation_that_ends_its_sentence() -> None:
    # Our mission is to “end war”. Those are the words of the Charter.
    speakers = _speakers(
        "Our/our/PRON/poss/1 mission/mission/NOUN/nsubj/2 is/be/AUX/ROOT/- to/to/PART/aux/5 “/“/PUNCT/punct/5 "
        "end/end/VERB/xcomp/2 war/war/NOUN/dobj/5 ”/”/PUNCT/punct/5 ././PUNCT/punct/2 "
        "Those/those/PRON/nsubj/10 are/be/AUX/ROOT/- the/the/DET/det/12 words/word/NOUN/attr/10 of/of/ADP/prep/12 "
        "the/the/DET/det/15 Charter/Charter/PROPN/pobj/13 ././PUNCT/punct/10")
    assert [s[1] for s in speakers] == ["Charter"]
    # without the back reference the next sentence names no one's words
    speakers = _speakers(
        "Our/our/PRON/poss/1 mission/mission/NOUN/nsubj/2 is/be/AUX/ROOT/- to/to/PART/aux/5 “/“/PUNCT/punct/5 "
        "end/end/VERB/xcomp/2 war/war/NOUN/dobj/5 ”/”/PUNCT/punct/5 ././PUNCT/punct/2 "
        "Many/many/ADJ/nsubj/10 read/read/VERB/ROOT/- the/the/DET/det/12 words/word/NOUN/dobj/10 of/of/ADP/prep/12 "
        "the/the/DET/det/15 Charter/Charter/PROPN/pobj/13 ././PUNCT/punct/10")
    assert [s[1] for s in speakers] == [None]


def test_a_round_up_labels_body_gives_the_sector_of_a_title_bodies_and_states_share() -> None:
    # (a White House round-up) President Ann Roe, United Auto Workers: “We applaud.”
    doc = _doc(
        "President/President/PROPN/compound/2 Ann/Ann/PROPN/compound/2/PERSON Roe/Roe/PROPN/ROOT/-/PERSON "
        ",/,/PUNCT/punct/2 United/United/PROPN/compound/6 Auto/Auto/PROPN/compound/6 "
        "Workers/Workers/PROPN/appos/2 :/:/PUNCT/punct/2 “/“/PUNCT/punct/10 We/we/PRON/nsubj/10 "
        "applaud/applaud/VERB/ROOT/- ././PUNCT/punct/10 ”/”/PUNCT/punct/10")
    roe = ActorRef("ann-roe", "Ann Roe", "person", None, "GOV", "president", origin="document")
    doc._.mp_mentions = [ActorMention(0, 3, (roe,), "name")]
    quotes = QuoteFinder(ActorResolver(shared_gazetteer(())))(doc)._.mp_quotes
    assert [(q.speaker, q.speaker_sector) for q in quotes] == [("President Ann Roe", "LAB")]


def test_a_person_named_again_in_full_is_the_one_a_title_described_first() -> None:
    # Deputy National Security Advisor Jon Finer spoke. “We act,” said Jon Finer.  ("Deputy" qualifies the
    # advisor's title: GOV, not a deputy's LEG)
    speakers = _speakers(
        "Deputy/deputy/PROPN/compound/3 National/national/PROPN/compound/3 Security/security/PROPN/compound/3 "
        "Advisor/advisor/PROPN/compound/5 Jon/Jon/PROPN/compound/5/PERSON Finer/Finer/PROPN/nsubj/6/PERSON "
        "spoke/speak/VERB/ROOT/- ././PUNCT/punct/6 “/“/PUNCT/punct/10 We/we/PRON/nsubj/10 act/act/VERB/ccomp/13 "
        ",/,/PUNCT/punct/13 ”/”/PUNCT/punct/13 said/say/VERB/ROOT/- Jon/Jon/PROPN/compound/15/PERSON "
        "Finer/Finer/PROPN/nsubj/13/PERSON ././PUNCT/punct/13")
    assert [(s[1], s[3]) for s in speakers] == [("Jon Finer", "GOV")]


def test_a_quotation_opening_the_next_paragraph_with_nothing_between_goes_on_in_the_same_voice() -> None:
    # Baku said: “We won.” ¶ “We will win again.”
    speakers = _speakers(
        "Baku/Baku/PROPN/nsubj/1 said/say/VERB/ROOT/- :/:/PUNCT/punct/1 “/“/PUNCT/punct/5 We/we/PRON/nsubj/5 "
        "won/win/VERB/ccomp/1 ././PUNCT/punct/5 ”/”/PUNCT/punct/5 ¶ “/“/PUNCT/punct/12 We/we/PRON/nsubj/12 "
        "will/will/AUX/aux/12 win/win/VERB/ROOT/- again/again/ADV/advmod/12 ././PUNCT/punct/12 ”/”/PUNCT/punct/12")
    assert [(s[0], s[1]) for s in speakers] == [("We won.", "Baku"), ("We will win again.", "Baku")]


def test_a_title_states_and_other_bodies_share_takes_the_sector_of_the_body_named_after_it() -> None:
    # “We act,” said Ana Ruiz, President of the Teachers Union.
    speakers = _speakers(
        "“/“/PUNCT/punct/2 We/we/PRON/nsubj/2 act/act/VERB/ccomp/5 ,/,/PUNCT/punct/5 ”/”/PUNCT/punct/5 "
        "said/say/VERB/ROOT/- Ana/Ana/PROPN/compound/7/PERSON Ruiz/Ruiz/PROPN/nsubj/5/PERSON ,/,/PUNCT/punct/7 "
        "President/president/PROPN/appos/7 of/of/ADP/prep/9 the/the/DET/det/13 Teachers/teacher/PROPN/compound/13 "
        "Union/union/PROPN/pobj/10 ././PUNCT/punct/5")
    assert [(s[1], s[3]) for s in speakers] == [("Ana Ruiz", "LAB")]


def test_a_given_name_alone_is_the_one_person_named_in_full_with_it() -> None:
    # We thank Maria Okafor. As Maria says, “We build.”
    spec = ("We/we/PRON/nsubj/1 thank/thank/VERB/ROOT/- Maria/Maria/PROPN/compound/3/PERSON "
            "Okafor/Okafor/PROPN/dobj/1/PERSON ././PUNCT/punct/1 As/as/SCONJ/mark/7 Maria/Maria/PROPN/nsubj/7/PERSON "
            "says/say/VERB/ROOT/- ,/,/PUNCT/punct/7 “/“/PUNCT/punct/11 We/we/PRON/nsubj/11 build/build/VERB/ccomp/7 "
            "././PUNCT/punct/11 ”/”/PUNCT/punct/11")
    assert [s[1] for s in _speakers(spec)] == ["Maria Okafor"]
