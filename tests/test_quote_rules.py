"""Quotation and speaker rule families, one test each, on hand-built spaCy Docs (no statistical model).

Each Doc is written as `word/LEMMA/POS/dep/head[/ENT]` tokens (head: the index of the head token, `-` for a
sentence root; ENT: `PERSON` marks a name the parser found); `¶` is a paragraph break. Actor mentions are
given by word. Spaces follow English typography: none before punctuation and closing marks, none after an
opening mark. The gazetteer is the shipped one (agent words, office holders by date).
"""

from __future__ import annotations

import datetime as dt

import spacy
from spacy.tokens import Doc

import multipolar.nlp.spacy_pipeline  # noqa: F401  (registers the Doc extensions)
from multipolar.nlp.actors.resolve import ActorResolver
from multipolar.nlp.quotes.component import QuoteFinder
from multipolar.nlp.quotes.find import FoundQuote, quote_spans
from multipolar.nlp.spacy_pipeline import shared_gazetteer
from multipolar.nlp.spans import ActorMention, ActorRef, quoted_char_ranges

VOCAB = spacy.blank("en").vocab
BLANK = spacy.blank("en")
ACTORS = {
    "Kenya": ActorRef("KEN", "Kenya", "state", "KEN", None),
    "Kenyan": ActorRef("KEN", "Kenya", "state", "KEN", None),
    "Baku": ActorRef("AZE", "Azerbaijan", "state", "AZE", "GOV"),
    "Damascus": ActorRef("SYR", "Syria", "state", "SYR", "GOV"),
    "Beijing": ActorRef("CHN", "China", "state", "CHN", "GOV"),
    "Washington": ActorRef("USA", "United States", "state", "USA", "GOV"),
    "Chile": ActorRef("CHL", "Chile", "state", "CHL", None),
    "Rwanda": ActorRef("RWA", "Rwanda", "state", "RWA", None),
    "Hungary": ActorRef("HUN", "Hungary", "state", "HUN", None),
    "Putin": ActorRef("vladimir-putin", "Vladimir Putin", "person", "RUS", "GOV", "president"),
    "Xi": ActorRef("xi-jinping", "Xi Jinping", "person", "CHN", "GOV", "president"),
    "embassy": ActorRef("chn-embassy", "Chinese embassy", "organization", "CHN", "GOV"),
    "KISHIDA": ActorRef("fumio-kishida", "Kishida Fumio", "person", "JPN", "GOV", "prime_minister"),
    "DANTES": ActorRef("marisol-dantes", "Marisol Dantes", "person", "PHL", "GOV"),
    "party": ActorRef("ken-party", "party", "organization", "KEN", "PTY"),
}
_NO_SPACE_BEFORE = {",", ".", ":", ";", "”", "’", "?", "!", "'s", "’s", ")"}


def _doc(spec: str, date: str = "2023-05-01") -> Doc:
    words, spaces, heads, deps, lemmas, pos, ents = [], [], [], [], [], [], []
    for i, item in enumerate(spec.split()):
        if item == "¶":
            words.append("\n\n")
            lemmas.append("\n\n")
            pos.append("SPACE")
            deps.append("dep")
            heads.append(i - 1)
            ents.append("O")
        else:
            parts = item.split("/")
            words.append(parts[0].replace("_", " "))
            lemmas.append(parts[1])
            pos.append(parts[2])
            deps.append(parts[3] if parts[4] != "-" else "ROOT")
            heads.append(i if parts[4] == "-" else int(parts[4]))
            ents.append(_iob(parts[5], ents) if len(parts) > 5 else "O")
    for k, word in enumerate(words):
        following = words[k + 1] if k + 1 < len(words) else ""
        spaces.append(bool(following) and following not in _NO_SPACE_BEFORE and word not in ("“", "‘", "(", "\n\n")
                      and following != "\n\n")
    doc = Doc(VOCAB, words=words, spaces=spaces, lemmas=lemmas, pos=pos, deps=deps, heads=heads, ents=ents)
    doc._.mp_date = dt.date.fromisoformat(date)
    doc._.mp_mentions = [ActorMention(i, i + 1, (ACTORS[w],), "name") for i, w in enumerate(words) if w in ACTORS]
    return doc


def _iob(label: str, before: list[str]) -> str:
    return f"I-{label}" if before and before[-1].endswith(label) else f"B-{label}"


def _quotes(spec: str, date: str = "2023-05-01") -> list[FoundQuote]:
    doc = QuoteFinder(ActorResolver(shared_gazetteer(())))(_doc(spec, date))
    return list(doc._.mp_quotes)


def _speakers(spec: str, date: str = "2023-05-01") -> list[tuple[str, str | None, str | None, str | None, str]]:
    return [(q.text, q.speaker, q.speaker_country, q.speaker_sector, q.kind) for q in _quotes(spec, date)]


def _voiced_quotes(doc: Doc, code: str, name: str) -> list[FoundQuote]:
    """The quotations of `doc` as a text that speaks for the state `code` (its first token the voice's mention)."""
    doc._.mp_voice = code
    doc._.mp_mentions = [ActorMention(0, 1, (ActorRef(code, name, "state", code, None),), "voice")]
    return list(QuoteFinder(ActorResolver(shared_gazetteer(())))(doc)._.mp_quotes)


# ---- which marked spans are quotations (text only) ------------------------------------------------


def _spans(text: str) -> list[tuple[str, str]]:
    doc = BLANK(text)
    return [(text[q.start : q.end], q.kind) for q in quote_spans(doc)]


def test_titles_names_and_event_slogans_are_not_quotes() -> None:
    assert _spans("The report, titled “Beyond the Coups”, argues for change.") == []
    assert _spans("The tournament’s slogan, “Now is All”, was projected on the roof.") == []
    assert _spans("I have declared this year a “Year of Nizami Ganjavi” in his honour.") == []
    assert _spans("We support the report entitled “A life of dignity for all” (A/68/202).") == []
    assert _spans("One of the groups is called “Stand Against Su.” It lobbies.") == []  # a name with its stop


def test_a_role_label_in_marks_is_not_a_quote() -> None:
    # This call is attributable to “senior administration officials.”
    doc = _doc("This/this/DET/det/1 call/call/NOUN/nsubj/2 is/be/AUX/ROOT/- attributable/attributable/ADJ/acomp/2 "
               "to/to/ADP/prep/3 “/“/PUNCT/punct/8 senior/senior/ADJ/amod/8 "
               "administration/administration/NOUN/compound/8 officials/official/NOUN/pobj/4 ././PUNCT/punct/2 "
               "”/”/PUNCT/punct/2")
    assert quote_spans(doc) == []


def test_a_nickname_inside_a_name_is_not_a_quote() -> None:
    assert _spans("Rafael “Shorty” Gómez, Councilman: “This place means so much.”") == [
        ("This place means so much.", "full")]


def test_markup_left_in_the_text_is_never_a_quote() -> None:
    assert _spans('<span style="color: red">Text</span> and a class="lead" paragraph.') == []
    assert _spans('He said "we will win the vote" and left.') == [("we will win the vote", "partial")]


def test_a_quote_over_paragraphs_is_one_piece_per_paragraph() -> None:
    text = "It said:\n\n“Since midnight the enemy has fired.\n\n“We hold them responsible.”\n\nBaku denied it."
    assert [s for s, _ in _spans(text)] == ["Since midnight the enemy has fired.", "We hold them responsible."]
    one_line_paragraphs = "He wrote:\n“Two years of drought ...\n“It also has debts.”"
    assert [s for s, _ in _spans(one_line_paragraphs)] == ["Two years of drought ...", "It also has debts."]
    assert quoted_char_ranges("He explained: “We saw it. “It was imposed”. Then.") == [(15, 41)]


def test_a_quote_inside_a_quote_is_reported_too_but_not_an_apostrophe() -> None:
    text = "“She said, ‘Tell them we are alive,’ and left the people’s square,” he said."
    assert [s for s, _ in _spans(text)] == ["She said, ‘Tell them we are alive,’ and left the people’s square,",
                                            "Tell them we are alive,"]


def test_unquoted_speech_after_a_colon_runs_to_the_end_of_its_sentence() -> None:
    text = "Asked about it, he said: We do not have a number. Then he left."
    assert _spans(text) == [("We do not have a number.", "unquoted")]


def test_kinds_full_partial_and_scare() -> None:
    assert _spans("“We will not yield,” she said.") == [("We will not yield,", "full")]
    assert _spans("Washington called it a “pantomime election” on Monday.") == [("pantomime election", "scare")]
    assert _spans("She said the price would be “reviewed every quarter by the board”.") == [
        ("reviewed every quarter by the board", "partial")]


# ---- speakers in the quotation's own sentence ---------------------------------------------------


def test_inverted_speech_verb_gives_a_named_speaker_with_sector_and_country() -> None:
    # “The delays cost millions,” said Grace Wambui, a senior official in Kenya.
    speakers = _speakers(
        "“/“/PUNCT/punct/7 The/the/DET/det/2 delays/delay/NOUN/nsubj/3 cost/cost/VERB/ccomp/7 "
        "millions/million/NOUN/dobj/3 ,/,/PUNCT/punct/7 ”/”/PUNCT/punct/7 said/say/VERB/ROOT/- "
        "Grace/Grace/PROPN/compound/9/PERSON Wambui/Wambui/PROPN/nsubj/7/PERSON ,/,/PUNCT/punct/9 "
        "a/a/DET/det/13 senior/senior/ADJ/amod/13 official/official/NOUN/appos/9 in/in/ADP/prep/13 "
        "Kenya/Kenya/PROPN/pobj/14 ././PUNCT/punct/7")
    assert speakers == [("The delays cost millions,", "Grace Wambui", "KEN", "GOV", "full")]


def test_the_highest_speech_verb_of_the_clause_speaks_for_a_partial_quote() -> None:
    # Baku said its troops had only answered “large-scale provocations”.
    speakers = _speakers(
        "Baku/Baku/PROPN/nsubj/1 said/say/VERB/ROOT/- its/its/PRON/poss/3 troops/troop/NOUN/nsubj/5 "
        "had/have/AUX/aux/5 answered/answer/VERB/ccomp/1 “/“/PUNCT/punct/7 "
        "large-scale/large-scale/ADJ/amod/8 provocations/provocation/NOUN/dobj/5 ”/”/PUNCT/punct/8 "
        "././PUNCT/punct/1")
    assert speakers == [("large-scale provocations", "Baku", "AZE", "GOV", "partial")]


def test_according_to() -> None:
    # According to Xi, “the partnership targets no third party.”
    speakers = _speakers(
        "According/accord/VERB/prep/7 to/to/ADP/prep/0 Xi/Xi/PROPN/pobj/1 ,/,/PUNCT/punct/7 “/“/PUNCT/punct/7 "
        "the/the/DET/det/6 partnership/partnership/NOUN/nsubj/7 targets/target/VERB/ROOT/- "
        "no/no/DET/det/10 third/third/ADJ/amod/10 party/party/NOUN/dobj/7 ././PUNCT/punct/7 ”/”/PUNCT/punct/7")
    assert speakers == [("the partnership targets no third party.", "Xi", "CHN", "GOV", "full")]


def test_a_term_promised_by_someone_is_theirs() -> None:
    # Aid groups said the “humanitarian corridor” promised by Damascus had not opened.
    speakers = _speakers(
        "Aid/aid/NOUN/compound/1 groups/group/NOUN/nsubj/2 said/say/VERB/ROOT/- the/the/DET/det/6 "
        "“/“/PUNCT/punct/6 humanitarian/humanitarian/ADJ/amod/6 corridor/corridor/NOUN/nsubj/12 "
        "”/”/PUNCT/punct/6 promised/promise/VERB/acl/6 by/by/ADP/agent/8 Damascus/Damascus/PROPN/pobj/9 "
        "had/have/AUX/aux/12 opened/open/VERB/ccomp/2 ././PUNCT/punct/2")
    assert speakers == [("humanitarian corridor", "Damascus", "SYR", "GOV", "scare")]


def test_a_scare_quote_belongs_to_the_subject_of_its_verb() -> None:
    # Washington dismissed the vote as a “pantomime election”.
    speakers = _speakers(
        "Washington/Washington/PROPN/nsubj/1 dismissed/dismiss/VERB/ROOT/- the/the/DET/det/3 "
        "vote/vote/NOUN/dobj/1 as/as/ADP/prep/1 a/a/DET/det/8 “/“/PUNCT/punct/8 pantomime/pantomime/NOUN/compound/8 "
        "election/election/NOUN/pobj/4 ”/”/PUNCT/punct/8 ././PUNCT/punct/1")
    assert speakers == [("pantomime election", "Washington", "USA", "GOV", "scare")]


def test_a_term_under_a_verb_of_no_speech_or_stance_is_the_writers_own() -> None:
    # Washington put the “pantomime election” behind it.  (put: no speech, no stance; dismiss above: a stance)
    speakers = _speakers(
        "Washington/Washington/PROPN/nsubj/1 put/put/VERB/ROOT/- the/the/DET/det/5 “/“/PUNCT/punct/5 "
        "pantomime/pantomime/NOUN/compound/5 election/election/NOUN/dobj/1 ”/”/PUNCT/punct/5 "
        "behind/behind/ADP/prep/1 it/it/PRON/pobj/7 ././PUNCT/punct/1")
    assert speakers == [("pantomime election", None, None, None, "scare")]


def test_a_hyphenated_word_in_marks_is_a_term_even_when_a_piece_is_tagged_a_verb() -> None:
    # Washington was an advocate of “yu-ai”.
    words = ["Washington", "was", "an", "advocate", "of", "“", "yu", "-", "ai", "”", "."]
    doc = Doc(VOCAB, words=words, spaces=[True, True, True, True, True, False, False, False, False, False, False],
              lemmas=["Washington", "be", "an", "advocate", "of", "“", "yu", "-", "ai", "”", "."],
              pos=["PROPN", "AUX", "DET", "NOUN", "ADP", "PUNCT", "NOUN", "PUNCT", "VERB", "PUNCT", "PUNCT"],
              deps=["nsubj", "ROOT", "det", "attr", "prep", "punct", "compound", "punct", "pobj", "punct", "punct"],
              heads=[1, 1, 3, 1, 3, 8, 8, 8, 4, 8, 1])
    doc._.mp_date = dt.date(2023, 5, 1)
    doc._.mp_mentions = [ActorMention(0, 1, (ACTORS["Washington"],), "name")]
    quotes = list(QuoteFinder(ActorResolver(shared_gazetteer(())))(doc)._.mp_quotes)
    assert [(q.text, q.speaker, q.kind) for q in quotes] == [("yu-ai", None, "scare")]


def test_a_term_in_a_possessed_phrase_is_the_possessors() -> None:
    # Beijing's “no limits” partnership worries Brussels.
    speakers = _speakers(
        "Beijing/Beijing/PROPN/poss/6 ’s/’s/PART/case/0 “/“/PUNCT/punct/6 no/no/DET/det/4 "
        "limits/limit/NOUN/compound/6 ”/”/PUNCT/punct/6 partnership/partnership/NOUN/nsubj/7 "
        "worries/worry/VERB/ROOT/- Brussels/Brussels/PROPN/dobj/7 ././PUNCT/punct/7")
    assert speakers == [("no limits", "Beijing", "CHN", "GOV", "scare")]


def test_a_private_person_with_no_title_is_a_civilian_of_the_country_the_text_sets() -> None:
    # In Kenya, Amina Odhiambo said: “We have no water.”
    speakers = _speakers(
        "In/in/ADP/prep/5 Kenya/Kenya/PROPN/pobj/0 ,/,/PUNCT/punct/5 Amina/Amina/PROPN/compound/4/PERSON "
        "Odhiambo/Odhiambo/PROPN/nsubj/5/PERSON said/say/VERB/ROOT/- :/:/PUNCT/punct/5 “/“/PUNCT/punct/9 "
        "We/we/PRON/nsubj/9 have/have/VERB/ccomp/5 no/no/DET/det/11 water/water/NOUN/dobj/9 "
        "././PUNCT/punct/5 ”/”/PUNCT/punct/5")
    assert speakers == [("We have no water.", "Amina Odhiambo", "KEN", "CVL", "full")]


def test_a_place_the_knowledge_base_knows_in_the_description_gives_the_country() -> None:
    # Rwanda denies it. “Nobody protects us,” said Bahati, a farmer from Rutshuru. (the parser calls it a person)
    speakers = _speakers(
        "Rwanda/Rwanda/PROPN/nsubj/1 denies/deny/VERB/ROOT/- it/it/PRON/dobj/1 ././PUNCT/punct/1 "
        "“/“/PUNCT/punct/10 Nobody/nobody/PRON/nsubj/6 protects/protect/VERB/ccomp/10 us/we/PRON/dobj/6 "
        ",/,/PUNCT/punct/10 ”/”/PUNCT/punct/10 said/say/VERB/ROOT/- Bahati/Bahati/PROPN/nsubj/10/PERSON "
        ",/,/PUNCT/punct/11 a/a/DET/det/14 farmer/farmer/NOUN/appos/11 from/from/ADP/prep/14 "
        "Rutshuru/Rutshuru/PROPN/pobj/15/PERSON ././PUNCT/punct/10")
    assert [s[1:4] for s in speakers] == [("Bahati", "COD", "AGR")]


_SET_IN_GOTHENBURG = (
    "Hungary/Hungary/PROPN/nsubj/1 voted/vote/VERB/ROOT/- ././PUNCT/punct/1 In/in/ADP/prep/7 "
    "Gothenburg/Gothenburg/PROPN/pobj/3/GPE the/the/DET/det/6 mood/mood/NOUN/nsubj/7 was/be/AUX/ROOT/- "
    "calm/calm/ADJ/acomp/7 ././PUNCT/punct/7 BREAK “/“/PUNCT/punct/16 We/we/PRON/nsubj/13 will/will/AUX/aux/13 "
    "see/see/VERB/ccomp/16 ,/,/PUNCT/punct/16 ”/”/PUNCT/punct/16 said/say/VERB/ROOT/- "
    "Lars/Lars/PROPN/compound/18/PERSON Berg/Berg/PROPN/nsubj/16/PERSON ,/,/PUNCT/punct/18 a/a/DET/det/21 "
    "teacher/teacher/NOUN/appos/18 ././PUNCT/punct/16")


def test_a_sentence_opening_with_a_place_sets_the_rest_of_its_paragraph() -> None:
    # Hungary voted. In Gothenburg the mood was calm. “We will see,” said Lars Berg, a teacher.
    assert [s[1:3] for s in _speakers(_SET_IN_GOTHENBURG.replace("BREAK ", ""))] == [("Lars Berg", "SWE")]
    # the same with a paragraph break before the quotation: the setting ends with its paragraph
    after_break = _SET_IN_GOTHENBURG.replace("BREAK", "¶").replace("/16", "/17").replace("/13", "/14").replace(
        "/18", "/19").replace("/21", "/22")
    assert [s[1:3] for s in _speakers(after_break)] == [("Lars Berg", "HUN")]


def test_a_title_the_parser_split_from_the_name_after_it_still_describes_them() -> None:
    # (a Mexican speech) We agree, as our famous diplomat Genaro Estrada said, “War ends.”
    doc = _doc("We/we/PRON/nsubj/1 agree/agree/VERB/ROOT/- ,/,/PUNCT/punct/1 as/as/ADP/prep/9 our/our/PRON/poss/6 "
               "famous/famous/ADJ/amod/6 diplomat/diplomat/NOUN/pobj/3 Genaro/Genaro/PROPN/compound/8/PERSON "
               "Estrada/Estrada/PROPN/nsubj/9/PERSON said/say/VERB/advcl/1 ,/,/PUNCT/punct/1 “/“/PUNCT/punct/13 "
               "War/war/NOUN/nsubj/13 ends/end/VERB/ccomp/9 ././PUNCT/punct/13 ”/”/PUNCT/punct/13")
    quotes = _voiced_quotes(doc, "MEX", "Mexico")
    assert [(q.speaker, q.speaker_country, q.speaker_sector) for q in quotes] == [("Genaro Estrada", "MEX", "GOV")]


def test_said_that_the_tagger_takes_for_an_auxiliary_is_still_speech() -> None:
    # (White House remarks) I said, “Go.” (the tagger: "said" AUX, lemma "said")
    doc = _doc("I/I/PRON/nsubj/1 said/said/AUX/ROOT/- ,/,/PUNCT/punct/1 “/“/PUNCT/punct/4 Go/go/VERB/ccomp/1 "
               "././PUNCT/punct/4 ”/”/PUNCT/punct/4")
    quotes = _voiced_quotes(doc, "USA", "United States")
    assert [(q.text, q.speaker_country, q.speaker_sector) for q in quotes] == [("Go.", "USA", "GOV")]


def test_an_office_held_in_no_state_named_is_held_in_the_documents_own() -> None:
    # (a US speech) We agree. President Truman said, “Go.”
    doc = _doc("We/we/PRON/nsubj/1 agree/agree/VERB/ROOT/- ././PUNCT/punct/1 President/President/PROPN/compound/4 "
               "Truman/Truman/PROPN/nsubj/5/PERSON said/say/VERB/ROOT/- ,/,/PUNCT/punct/5 “/“/PUNCT/punct/8 "
               "Go/go/VERB/ccomp/5 ././PUNCT/punct/8 ”/”/PUNCT/punct/8")
    quotes = _voiced_quotes(doc, "USA", "United States")
    assert [(q.speaker, q.speaker_country, q.speaker_sector) for q in quotes] == [("Truman", "USA", "GOV")]


def test_a_spokesman_for_the_movement_speaks_with_the_last_such_bodys_sector() -> None:
    # The party met. A spokesman for the movement, Abu Obeida, said, “Go.”
    speakers = _speakers(
        "The/the/DET/det/1 party/party/NOUN/nsubj/2 met/meet/VERB/ROOT/- ././PUNCT/punct/2 A/a/DET/det/5 "
        "spokesman/spokesman/NOUN/nsubj/12 for/for/ADP/prep/5 the/the/DET/det/8 movement/movement/NOUN/pobj/6 "
        ",/,/PUNCT/punct/8 Abu/Abu/PROPN/compound/11/PERSON Obeida/Obeida/PROPN/appos/8/PERSON "
        "said/say/VERB/ROOT/- ,/,/PUNCT/punct/12 “/“/PUNCT/punct/15 Go/go/VERB/ccomp/12 ././PUNCT/punct/15 "
        "”/”/PUNCT/punct/15")
    assert [s[2:4] for s in speakers] == [("KEN", "PTY")]


def test_words_thought_in_marks_are_the_thinkers() -> None:
    # (White House remarks) I thought, “Holy God.”
    doc = _doc("I/I/PRON/nsubj/1 thought/think/VERB/ROOT/- ,/,/PUNCT/punct/1 “/“/PUNCT/punct/5 "
               "Holy/holy/ADJ/amod/5 God/God/PROPN/ccomp/1 ././PUNCT/punct/5 ”/”/PUNCT/punct/5")
    quotes = _voiced_quotes(doc, "USA", "United States")
    assert [(q.text, q.speaker_country, q.speaker_sector) for q in quotes] == [("Holy God.", "USA", "GOV")]


def test_the_one_quoted_as_saying_speaks_not_the_agency() -> None:
    # Washington quoted Xi as saying talks would “resume soon”.
    speakers = _speakers(
        "Washington/Washington/PROPN/nsubj/1 quoted/quote/VERB/ROOT/- Xi/Xi/PROPN/dobj/1 as/as/ADP/prep/1 "
        "saying/say/VERB/pcomp/3 talks/talk/NOUN/nsubj/8 would/would/AUX/aux/8 “/“/PUNCT/punct/8 "
        "resume/resume/VERB/ccomp/4 soon/soon/ADV/advmod/8 ”/”/PUNCT/punct/8 ././PUNCT/punct/1")
    assert [s[:2] for s in speakers] == [("resume soon", "Xi")]


def test_whose_message_a_colon_introduces() -> None:
    # Xi's message was blunt: “Go home.”
    speakers = _speakers(
        "Xi/Xi/PROPN/poss/2 ’s/’s/PART/case/0 message/message/NOUN/nsubj/3 was/be/AUX/ROOT/- "
        "blunt/blunt/ADJ/acomp/3 :/:/PUNCT/punct/3 “/“/PUNCT/punct/7 Go/go/VERB/ccomp/3 "
        "home/home/ADV/advmod/7 ././PUNCT/punct/7 ”/”/PUNCT/punct/7")
    assert [s[:2] for s in speakers] == [("Go home.", "Xi")]


def test_the_statement_speaks_for_whoever_issued_it() -> None:
    # The embassy issued a statement. “We regret it,” the statement said.
    speakers = _speakers(
        "The/the/DET/det/1 embassy/embassy/NOUN/nsubj/2 issued/issue/VERB/ROOT/- a/a/DET/det/4 "
        "statement/statement/NOUN/dobj/2 ././PUNCT/punct/2 “/“/PUNCT/punct/14 We/we/PRON/nsubj/8 "
        "regret/regret/VERB/ccomp/14 it/it/PRON/dobj/8 ,/,/PUNCT/punct/14 ”/”/PUNCT/punct/14 "
        "the/the/DET/det/13 statement/statement/NOUN/nsubj/14 said/say/VERB/ROOT/- ././PUNCT/punct/14")
    assert [s[:3] for s in speakers] == [("We regret it,", "embassy", "CHN")]


# ---- pronouns, role nouns, surnames ----------------------------------------------------------------

_TWO_PEOPLE = (
    "Maria/Maria/PROPN/compound/1/PERSON Petrova/Petrova/PROPN/nsubj/2/PERSON met/meet/VERB/ROOT/- "
    "Ivan/Ivan/PROPN/compound/4/PERSON Kolev/Kolev/PROPN/dobj/2/PERSON ././PUNCT/punct/2 "
    "“/“/PUNCT/punct/13 We/we/PRON/nsubj/8 have/have/VERB/ccomp/13 gas/gas/NOUN/dobj/8 ,/,/PUNCT/punct/13 "
    "”/”/PUNCT/punct/13 she/she/PRON/nsubj/13 said/say/VERB/ROOT/- ././PUNCT/punct/13 "
    "He/he/PRON/nsubj/16 was/be/AUX/ROOT/- certain/certain/ADJ/acomp/16 ././PUNCT/punct/16 "
    "“/“/PUNCT/punct/26 It/it/PRON/nsubj/21 runs/run/VERB/ccomp/26 slowly/slowly/ADV/advmod/21 ,/,/PUNCT/punct/26 "
    "”/”/PUNCT/punct/26 he/he/PRON/nsubj/26 told/tell/VERB/ROOT/- reporters/reporter/NOUN/dobj/26 "
    "././PUNCT/punct/26")


def test_he_and_she_go_to_different_people_once_one_has_been_she() -> None:
    assert [(q.text, q.speaker) for q in _quotes(_TWO_PEOPLE)] == [("We have gas,", "Maria Petrova"),
                                                                   ("It runs slowly,", "Ivan Kolev")]


def test_she_skips_the_man_the_subject_names_by_his_given_name() -> None:
    # Ivan Kolev met Maria Petrova. “We agreed,” she said. (a name of one word is a surname: "Meir" is no man)
    words = ("Ivan/Ivan/PROPN/compound/1/PERSON Kolev/Kolev/PROPN/nsubj/2/PERSON met/meet/VERB/ROOT/- "
             "Maria/Maria/PROPN/compound/4/PERSON Petrova/Petrova/PROPN/dobj/2/PERSON ././PUNCT/punct/2 "
             "“/“/PUNCT/punct/12 We/we/PRON/nsubj/8 agreed/agree/VERB/ccomp/12 ,/,/PUNCT/punct/12 "
             "”/”/PUNCT/punct/12 she/she/PRON/nsubj/12 said/say/VERB/ROOT/- ././PUNCT/punct/12")
    assert [(q.text, q.speaker) for q in _quotes(words)] == [("We agreed,", "Maria Petrova")]
    surname = words.replace("Ivan/Ivan/PROPN/compound/1/PERSON Kolev/Kolev", "Dr/Dr/PROPN/compound/1 Meir/Meir")
    assert [(q.text, q.speaker) for q in _quotes(surname)] == [("We agreed,", "Meir")]


def test_he_goes_to_the_main_clause_subject_of_the_sentence_before() -> None:
    # When the Moon landing was away, President Kennedy spoke. “We choose,” he said.
    words = ("When/when/SCONJ/advmod/4 the/the/DET/det/3 Moon/Moon/PROPN/compound/3/PERSON "
             "landing/landing/NOUN/nsubj/4 was/be/AUX/advcl/9 away/away/ADV/advmod/4 ,/,/PUNCT/punct/9 "
             "President/President/PROPN/compound/8 Kennedy/Kennedy/PROPN/nsubj/9/PERSON spoke/speak/VERB/ROOT/- "
             "././PUNCT/punct/9 “/“/PUNCT/punct/17 We/we/PRON/nsubj/13 choose/choose/VERB/ccomp/17 "
             ",/,/PUNCT/punct/17 ”/”/PUNCT/punct/17 he/he/PRON/nsubj/17 said/say/VERB/ROOT/- ././PUNCT/punct/17")
    assert [(q.text, q.speaker) for q in _quotes(words)] == [("We choose,", "Kennedy")]


def test_he_can_be_a_kinsman_named_by_a_family_word() -> None:
    # My dad smiled. “Go,” he said.
    words = ("My/my/PRON/poss/1 dad/dad/NOUN/nsubj/2 smiled/smile/VERB/ROOT/- ././PUNCT/punct/2 "
             "“/“/PUNCT/punct/9 Go/go/VERB/ccomp/9 ,/,/PUNCT/punct/9 ”/”/PUNCT/punct/9 he/he/PRON/nsubj/9 "
             "said/say/VERB/ROOT/- ././PUNCT/punct/9")
    assert [(q.text, q.speaker, q.speaker_sector) for q in _quotes(words)] == [("Go,", "My dad", "CVL")]


def test_it_goes_to_the_last_body() -> None:
    # The embassy issued a statement. “Democracy is not a brand,” it said.
    speakers = _speakers(
        "The/the/DET/det/1 embassy/embassy/NOUN/nsubj/2 issued/issue/VERB/ROOT/- a/a/DET/det/4 "
        "statement/statement/NOUN/dobj/2 ././PUNCT/punct/2 “/“/PUNCT/punct/15 Democracy/democracy/NOUN/nsubj/8 "
        "is/be/AUX/ccomp/15 not/not/PART/neg/8 a/a/DET/det/11 brand/brand/NOUN/attr/8 ,/,/PUNCT/punct/15 "
        "”/”/PUNCT/punct/15 it/it/PRON/nsubj/15 said/say/VERB/ROOT/- ././PUNCT/punct/15")
    assert speakers == [("Democracy is not a brand,", "embassy", "CHN", "GOV", "full")]


def test_a_role_noun_goes_to_the_last_person_it_describes() -> None:
    # Chile's deputy foreign minister, Carolina Fuentes, spoke. “The court has spoken,” the minister said.
    speakers = _speakers(
        "Chile/Chile/PROPN/poss/4 ’s/’s/PART/case/0 deputy/deputy/ADJ/amod/4 foreign/foreign/ADJ/amod/4 "
        "minister/minister/NOUN/nsubj/9 ,/,/PUNCT/punct/4 Carolina/Carolina/PROPN/compound/7/PERSON "
        "Fuentes/Fuentes/PROPN/appos/4/PERSON ,/,/PUNCT/punct/4 spoke/speak/VERB/ROOT/- ././PUNCT/punct/9 "
        "“/“/PUNCT/punct/20 The/the/DET/det/13 court/court/NOUN/nsubj/15 has/have/AUX/aux/15 "
        "spoken/speak/VERB/ccomp/20 ,/,/PUNCT/punct/20 ”/”/PUNCT/punct/20 the/the/DET/det/19 "
        "minister/minister/NOUN/nsubj/20 said/say/VERB/ROOT/- ././PUNCT/punct/20")
    assert speakers == [("The court has spoken,", "Carolina Fuentes", "CHL", "GOV", "full")]


def test_a_role_noun_with_no_one_named_before_is_the_office_holder_on_the_date() -> None:
    # As the Secretary-General said: “We cannot build a future.”
    quotes = _quotes(
        "As/as/SCONJ/mark/5 the/the/DET/det/4 Secretary/Secretary/PROPN/compound/4 -/-/PUNCT/punct/4 "
        "General/General/PROPN/nsubj/5 said/say/VERB/ROOT/- :/:/PUNCT/punct/5 “/“/PUNCT/punct/10 "
        "We/we/PRON/nsubj/10 cannot/can/AUX/aux/10 build/build/VERB/ccomp/5 a/a/DET/det/12 "
        "future/future/NOUN/dobj/10 ././PUNCT/punct/5 ”/”/PUNCT/punct/5", date="2024-09-25")
    assert [(q.speaker_actor.code if q.speaker_actor else None, q.speaker_sector) for q in quotes] == [
        ("antonio-guterres", "GOV")]


def test_a_bare_surname_goes_to_the_person_named_in_full() -> None:
    # A spokesman, Hugo Sandoval, spoke. “Bolivia respects it,” Sandoval said.
    quotes = _quotes(
        "A/a/DET/det/1 spokesman/spokesman/NOUN/nsubj/6 ,/,/PUNCT/punct/1 Hugo/Hugo/PROPN/compound/4/PERSON "
        "Sandoval/Sandoval/PROPN/appos/1/PERSON ,/,/PUNCT/punct/1 spoke/speak/VERB/ROOT/- ././PUNCT/punct/6 "
        "“/“/PUNCT/punct/15 Bolivia/Bolivia/PROPN/nsubj/10 respects/respect/VERB/ccomp/15 it/it/PRON/dobj/10 "
        ",/,/PUNCT/punct/15 ”/”/PUNCT/punct/15 Sandoval/Sandoval/PROPN/nsubj/15/PERSON said/say/VERB/ROOT/- "
        "././PUNCT/punct/15")
    assert [(q.speaker, q.speaker_sector) for q in quotes] == [("Hugo Sandoval", "GOV")]


# ---- speakers from the quotations and sentences around ----------------------------------------------


def test_a_quote_with_no_attribution_goes_on_in_the_previous_speakers_voice() -> None:
    # “Every hour counts,” said Xi. “We hear voices.”
    speakers = _speakers(
        "“/“/PUNCT/punct/6 Every/every/DET/det/2 hour/hour/NOUN/nsubj/3 counts/count/VERB/ccomp/6 "
        ",/,/PUNCT/punct/6 ”/”/PUNCT/punct/6 said/say/VERB/ROOT/- Xi/Xi/PROPN/nsubj/6 ././PUNCT/punct/6 "
        "“/“/PUNCT/punct/11 We/we/PRON/nsubj/11 hear/hear/VERB/ROOT/- voices/voice/NOUN/dobj/11 "
        "././PUNCT/punct/11 ”/”/PUNCT/punct/11")
    assert [s[:2] for s in speakers] == [("Every hour counts,", "Xi"), ("We hear voices.", "Xi")]


def test_a_sentence_ending_in_a_colon_introduces_the_next_paragraph() -> None:
    # The embassy spoke. In a statement, it said: ¶ “We hold them responsible.”
    speakers = _speakers(
        "The/the/DET/det/1 embassy/embassy/NOUN/nsubj/2 spoke/speak/VERB/ROOT/- ././PUNCT/punct/2 "
        "In/in/ADP/prep/9 a/a/DET/det/6 statement/statement/NOUN/pobj/4 ,/,/PUNCT/punct/9 "
        "it/it/PRON/nsubj/9 said/say/VERB/ROOT/- :/:/PUNCT/punct/9 ¶ “/“/PUNCT/punct/14 We/we/PRON/nsubj/14 "
        "hold/hold/VERB/ROOT/- them/they/PRON/dobj/14 responsible/responsible/ADJ/oprd/14 "
        "././PUNCT/punct/14 ”/”/PUNCT/punct/14")
    assert [s[:3] for s in speakers] == [("We hold them responsible.", "embassy", "CHN")]


def test_the_next_sentence_can_name_the_speaker() -> None:
    # “He is my best friend.” This is how Xi described Putin.
    speakers = _speakers(
        "“/“/PUNCT/punct/2 He/he/PRON/nsubj/2 is/be/AUX/ROOT/- my/my/PRON/poss/5 best/good/ADJ/amod/5 "
        "friend/friend/NOUN/attr/2 ././PUNCT/punct/2 ”/”/PUNCT/punct/2 This/this/PRON/nsubj/9 "
        "is/be/AUX/ROOT/- how/how/SCONJ/advmod/12 Xi/Xi/PROPN/nsubj/12 described/describe/VERB/ccomp/9 "
        "Putin/Putin/PROPN/dobj/12 ././PUNCT/punct/9")
    assert [s[:2] for s in speakers] == [("He is my best friend.", "Xi")]


def test_a_line_of_a_quotation_and_a_name_is_signed_by_that_name() -> None:
    # “We stay.” President Putin ¶ (a fact sheet's epigraph); but “We stay.” Putin smiled. names no speaker
    signed = ("“/“/PUNCT/punct/2 We/we/PRON/nsubj/2 stay/stay/VERB/ROOT/- ././PUNCT/punct/2 ”/”/PUNCT/punct/2 "
              "President/President/PROPN/compound/6 Putin/Putin/PROPN/ROOT/-/PERSON")
    assert [s[:3] for s in _speakers(signed)] == [("We stay.", "Putin", "RUS")]
    smiled = ("“/“/PUNCT/punct/2 We/we/PRON/nsubj/2 stay/stay/VERB/ROOT/- ././PUNCT/punct/2 ”/”/PUNCT/punct/2 "
              "Putin/Putin/PROPN/nsubj/6/PERSON smiled/smile/VERB/ROOT/- ././PUNCT/punct/6")
    assert [s[:2] for s in _speakers(smiled)] == [("We stay.", None)]


def test_a_term_in_single_marks_inside_a_quotation_is_its_speakers_own() -> None:
    # “You cannot ‘desert.’” Putin said.
    words = ("“/“/PUNCT/punct/9 You/you/PRON/nsubj/4 cannot/can/AUX/aux/4 ‘/‘/PUNCT/punct/4 "
             "desert/desert/VERB/ccomp/9 ././PUNCT/punct/4 ’/’/PUNCT/punct/4 ”/”/PUNCT/punct/9 "
             "Putin/Putin/PROPN/nsubj/9 said/say/VERB/ROOT/- ././PUNCT/punct/9")
    assert [(q.text, q.speaker) for q in _quotes(words)] == [("You cannot ‘desert.’", "Putin"), ("desert.", "Putin")]


def test_whoever_ends_their_clause_with_the_colon_before_a_quotation_says_it() -> None:
    # Putin challenged the youth: ¶ “Stand firm.”
    words = ("Putin/Putin/PROPN/nsubj/1 challenged/challenge/VERB/ROOT/- the/the/DET/det/3 youth/youth/NOUN/dobj/1 "
             ":/:/PUNCT/punct/1 ¶ “/“/PUNCT/punct/7 Stand/stand/VERB/ROOT/- firm/firm/ADV/advmod/7 "
             "././PUNCT/punct/7 ”/”/PUNCT/punct/7")
    doc = _doc(words)
    doc[1].tag_ = "VBD"  # a past tense: no round-up's label before the colon
    quotes = QuoteFinder(ActorResolver(shared_gazetteer(())))(doc)._.mp_quotes
    assert [(q.text, q.speaker) for q in quotes] == [("Stand firm.", "Putin")]


def test_a_label_before_a_colon_in_a_round_up_is_the_speaker() -> None:
    # Senator Jane Roe (D-NV): “This is incredible news.”
    speakers = _speakers(
        "Senator/Senator/PROPN/compound/2 Jane/Jane/PROPN/compound/2/PERSON Roe/Roe/PROPN/ROOT/-/PERSON "
        "(/(/PUNCT/punct/2 D-NV/D-NV/PROPN/appos/2 )/)/PUNCT/punct/2 :/:/PUNCT/punct/2 ¶ "
        "Washington/Washington/PROPN/nsubj/9 agreed/agree/VERB/ROOT/- ././PUNCT/punct/9 ¶ "
        "Senator/Senator/PROPN/compound/14/PERSON Sam/Sam/PROPN/compound/14/PERSON Doe/Doe/PROPN/ROOT/-/PERSON "
        ":/:/PUNCT/punct/14 “/“/PUNCT/punct/18 This/this/PRON/nsubj/18 is/be/AUX/ROOT/- big/big/ADJ/amod/20 "
        "news/news/NOUN/attr/18 ././PUNCT/punct/18 ”/”/PUNCT/punct/18")
    assert speakers == [("This is big news.", "Senator Sam Doe", "USA", "LEG", "full")]


def test_a_slogan_with_no_one_named_has_no_speaker() -> None:
    # “Sanctions are not a strategy.” The slogan has become familiar.
    speakers = _speakers(
        "“/“/PUNCT/punct/3 Sanctions/sanction/NOUN/nsubj/2 are/be/AUX/ROOT/- not/not/PART/neg/2 "
        "a/a/DET/det/5 strategy/strategy/NOUN/attr/2 ././PUNCT/punct/2 ”/”/PUNCT/punct/2 The/the/DET/det/9 "
        "slogan/slogan/NOUN/nsubj/11 has/have/AUX/aux/11 become/become/VERB/ROOT/- familiar/familiar/ADJ/acomp/11 "
        "././PUNCT/punct/11")
    assert speakers == [("Sanctions are not a strategy.", None, None, None, "full")]


def test_a_bare_title_and_the_pronoun_after_it_reach_the_person_named_with_it() -> None:
    # Ukraine's ambassador, Sergiy Kyslytsya, spoke. The ambassador said Moscow stood alone. “The world is
    # with us,” he said.
    quotes = _quotes(
        "Ukraine/Ukraine/PROPN/poss/2 's/'s/PART/case/0 ambassador/ambassador/NOUN/nsubj/7 ,/,/PUNCT/punct/2 "
        "Sergiy/Sergiy/PROPN/compound/5/PERSON Kyslytsya/Kyslytsya/PROPN/appos/2/PERSON ,/,/PUNCT/punct/2 "
        "spoke/speak/VERB/ROOT/- ././PUNCT/punct/7 The/the/DET/det/10 ambassador/ambassador/NOUN/nsubj/11 "
        "said/say/VERB/ROOT/- Moscow/Moscow/PROPN/nsubj/13 stood/stand/VERB/ccomp/11 alone/alone/ADV/advmod/13 "
        "././PUNCT/punct/11 “/“/PUNCT/punct/25 The/the/DET/det/18 world/world/NOUN/nsubj/19 is/be/AUX/ccomp/25 "
        "with/with/ADP/prep/19 us/we/PRON/pobj/20 ,/,/PUNCT/punct/25 ”/”/PUNCT/punct/25 he/he/PRON/nsubj/25 "
        "said/say/VERB/ROOT/- ././PUNCT/punct/25")
    assert [(q.speaker, q.speaker_sector) for q in quotes] == [("Sergiy Kyslytsya", "GOV")]


def test_a_quote_after_reported_speech_goes_on_in_that_speakers_voice() -> None:
    # Putin said the talks had ended. “We will say so publicly.”
    quotes = _quotes(
        "Putin/Putin/PROPN/nsubj/1/PERSON said/say/VERB/ROOT/- the/the/DET/det/3 talks/talk/NOUN/nsubj/5 "
        "had/have/AUX/aux/5 ended/end/VERB/ccomp/1 ././PUNCT/punct/1 “/“/PUNCT/punct/10 We/we/PRON/nsubj/10 "
        "will/will/AUX/aux/10 say/say/VERB/ROOT/- so/so/ADV/advmod/10 publicly/publicly/ADV/advmod/10 "
        "././PUNCT/punct/10 ”/”/PUNCT/punct/10")
    assert [(q.speaker, q.speaker_actor.code if q.speaker_actor else None) for q in quotes] == [
        ("Putin", "vladimir-putin")]


def test_a_capitalised_name_set_beside_a_report_is_a_title() -> None:
    # He cited a report by the institute, “Polar Silk Road or Polar Mirage?”, which found little.
    doc = _doc("He/he/PRON/nsubj/1 cited/cite/VERB/ROOT/- a/a/DET/det/3 report/report/NOUN/dobj/1 "
               "by/by/ADP/prep/3 the/the/DET/det/6 institute/institute/NOUN/pobj/4 ,/,/PUNCT/punct/3 "
               "“/“/PUNCT/punct/10 Polar/Polar/PROPN/compound/10 Silk/Silk/PROPN/compound/10 Road/Road/PROPN/appos/3 "
               "or/or/CCONJ/cc/10 Polar/Polar/PROPN/compound/13 Mirage/Mirage/PROPN/conj/10 ?/?/PUNCT/punct/10 "
               "”/”/PUNCT/punct/10 ././PUNCT/punct/1")
    assert quote_spans(doc) == []


def test_she_skips_a_man_the_description_names() -> None:
    # The prince met a widow. “Give me justice,” she said.
    speakers = _speakers(
        "The/the/DET/det/1 prince/prince/NOUN/nsubj/2 met/meet/VERB/ROOT/- a/a/DET/det/4 widow/widow/NOUN/dobj/2 "
        "././PUNCT/punct/2 “/“/PUNCT/punct/13 Give/give/VERB/ccomp/13 me/I/PRON/dative/7 "
        "justice/justice/NOUN/dobj/7 ,/,/PUNCT/punct/13 ”/”/PUNCT/punct/13 she/she/PRON/nsubj/13 "
        "said/say/VERB/ROOT/- ././PUNCT/punct/13")
    assert [(s[0], s[1], s[3]) for s in speakers] == [("Give me justice,", "a widow", "CVL")]


def test_one_of_them_described_can_be_pointed_back_to() -> None:
    # One of them, a student, said it rained. “We left,” she said.
    speakers = _speakers(
        "One/one/NUM/nsubj/7 of/of/ADP/prep/0 them/they/PRON/pobj/1 ,/,/PUNCT/punct/0 a/a/DET/det/5 "
        "student/student/NOUN/appos/0 ,/,/PUNCT/punct/0 said/say/VERB/ROOT/- it/it/PRON/nsubj/9 "
        "rained/rain/VERB/ccomp/7 ././PUNCT/punct/7 “/“/PUNCT/punct/17 We/we/PRON/nsubj/13 "
        "left/leave/VERB/ccomp/17 ,/,/PUNCT/punct/17 ”/”/PUNCT/punct/17 she/she/PRON/nsubj/17 "
        "said/say/VERB/ROOT/- ././PUNCT/punct/17")
    assert [(s[0], s[1], s[3]) for s in speakers] == [("We left,", "One of them, a student", "EDU")]


def test_the_word_for_the_person_gives_the_sector_not_the_body_they_work_at() -> None:
    # Lukas Brandt, a nurse at the Kiel Institute, said: “Exports rose.”
    speakers = _speakers(
        "Lukas/Lukas/PROPN/compound/1/PERSON Brandt/Brandt/PROPN/nsubj/10/PERSON ,/,/PUNCT/punct/1 "
        "a/a/DET/det/4 nurse/nurse/NOUN/appos/1 at/at/ADP/prep/4 the/the/DET/det/8 "
        "Kiel/Kiel/PROPN/compound/8 Institute/Institute/PROPN/pobj/5 ,/,/PUNCT/punct/1 said/say/VERB/ROOT/- "
        "“/“/PUNCT/punct/13 Exports/export/NOUN/nsubj/13 rose/rise/VERB/ccomp/10 ././PUNCT/punct/13 "
        "”/”/PUNCT/punct/10")
    assert [(s[1], s[3]) for s in speakers] == [("Lukas Brandt", "HLH")]


def test_a_counterpart_holds_the_same_title() -> None:
    # Maria Petrova, the minister, spoke. Her counterpart, Ivan Kolev, left. “We wait,” the minister said.
    speakers = _speakers(
        "Maria/Maria/PROPN/compound/1/PERSON Petrova/Petrova/PROPN/nsubj/6/PERSON ,/,/PUNCT/punct/1 "
        "the/the/DET/det/4 minister/minister/NOUN/appos/1 ,/,/PUNCT/punct/1 spoke/speak/VERB/ROOT/- "
        "././PUNCT/punct/6 Her/her/PRON/poss/9 counterpart/counterpart/NOUN/nsubj/14 ,/,/PUNCT/punct/9 "
        "Ivan/Ivan/PROPN/compound/12/PERSON Kolev/Kolev/PROPN/appos/9/PERSON ,/,/PUNCT/punct/9 "
        "left/leave/VERB/ROOT/- ././PUNCT/punct/14 “/“/PUNCT/punct/23 We/we/PRON/nsubj/18 "
        "wait/wait/VERB/ccomp/23 ,/,/PUNCT/punct/23 ”/”/PUNCT/punct/23 the/the/DET/det/22 "
        "minister/minister/NOUN/nsubj/23 said/say/VERB/ROOT/- ././PUNCT/punct/23")
    assert [s[:2] for s in speakers] == [("We wait,", "Ivan Kolev")]



def test_words_on_placards_are_quotes_whatever_their_capitals() -> None:
    assert [s for s, _ in _spans("Students held placards reading “We Will Not Forget” outside.")] == [
        "We Will Not Forget"]


def test_he_in_a_clause_on_a_poem_is_its_author() -> None:
    # Jorge Debravo read the poem by Ray Bradbury in which he wrote, “We are tall.”
    speakers = _speakers(
        "Jorge/Jorge/PROPN/compound/1/PERSON Debravo/Debravo/PROPN/nsubj/2/PERSON read/read/VERB/ROOT/- "
        "the/the/DET/det/4 poem/poem/NOUN/dobj/2 by/by/ADP/prep/4 Ray/Ray/PROPN/compound/7/PERSON "
        "Bradbury/Bradbury/PROPN/pobj/5/PERSON in/in/ADP/prep/11 which/which/PRON/pobj/8 he/he/PRON/nsubj/11 "
        "wrote/write/VERB/relcl/4 ,/,/PUNCT/punct/11 “/“/PUNCT/punct/15 We/we/PRON/nsubj/15 are/be/AUX/ccomp/11 "
        "tall/tall/ADJ/acomp/15 ././PUNCT/punct/15 ”/”/PUNCT/punct/15")
    assert [s[:2] for s in speakers] == [("We are tall.", "Ray Bradbury")]


def test_one_of_a_group_named_before_is_of_its_sector() -> None:
    # Western diplomats were sceptical. One of them said: “Wait.”
    speakers = _speakers(
        "Western/western/ADJ/amod/1 diplomats/diplomat/NOUN/nsubj/2 were/be/AUX/ROOT/- "
        "sceptical/sceptical/ADJ/acomp/2 ././PUNCT/punct/2 One/one/NUM/nsubj/8 of/of/ADP/prep/5 "
        "them/they/PRON/pobj/6 said/say/VERB/ROOT/- :/:/PUNCT/punct/8 “/“/PUNCT/punct/11 Wait/wait/VERB/ccomp/8 "
        "././PUNCT/punct/11 ”/”/PUNCT/punct/11")
    assert [(s[1], s[3]) for s in speakers] == [("One of them", "GOV")]


def test_who_is_the_person_though_the_clause_hangs_on_their_country() -> None:
    # Senator Jaime Ortega of Kenya, who called it “a farce”, left.
    speakers = _speakers(
        "Senator/Senator/PROPN/compound/2/PERSON Jaime/Jaime/PROPN/compound/2/PERSON "
        "Ortega/Ortega/PROPN/nsubj/14/PERSON of/of/ADP/prep/2 Kenya/Kenya/PROPN/pobj/3 "
        ",/,/PUNCT/punct/4 who/who/PRON/nsubj/7 called/call/VERB/relcl/4 it/it/PRON/dobj/7 "
        "“/“/PUNCT/punct/11 a/a/DET/det/11 farce/farce/NOUN/oprd/7 ”/”/PUNCT/punct/11 ,/,/PUNCT/punct/2 "
        "left/leave/VERB/ROOT/- ././PUNCT/punct/14")
    assert [s[:2] for s in speakers] == [("a farce", "Senator Jaime Ortega")]


# ---- transcripts -----------------------------------------------------------------------------------

_EMBASSY = "The/the/DET/det/{0} embassy/embassy/NOUN/nsubj/{1} protested/protest/VERB/ROOT/- ././PUNCT/punct/{1}"


def test_the_i_of_a_transcript_answer_is_the_one_its_label_names() -> None:
    # PRIME MINISTER KISHIDA: Thank you. ¶ And I say “literally.”
    spec = ("PRIME/prime/PROPN/compound/1 MINISTER/minister/PROPN/compound/2 KISHIDA/Kishida/PROPN/npadvmod/4 "
            ":/:/PUNCT/punct/4 Thank/thank/VERB/ROOT/- you/you/PRON/dobj/4 ././PUNCT/punct/4 ¶ "
            "And/and/CCONJ/cc/10 I/I/PRON/nsubj/10 say/say/VERB/ROOT/- “/“/PUNCT/punct/12 "
            "literally/literally/ADV/dobj/10 ././PUNCT/punct/10 ”/”/PUNCT/punct/10")
    assert _speakers(spec)[0][:4] == ("literally.", "KISHIDA", "JPN", "GOV")
    unlabelled = spec.replace(":/:/PUNCT/punct/4", ",/,/PUNCT/punct/4")
    assert _speakers(unlabelled)[0][1] is None  # no voice, no label: nobody


def test_a_turn_label_that_is_an_office_alone_is_its_holder_on_the_date() -> None:
    # Washington hosts it. ¶ THE VICE PRESIDENT: I said, “Ovaries.”
    words = ("Washington/Washington/PROPN/nsubj/1 hosts/host/VERB/ROOT/- it/it/PRON/dobj/1 ././PUNCT/punct/1 ¶ "
             "THE/the/DET/det/7 VICE/vice/PROPN/compound/7 PRESIDENT/president/PROPN/ROOT/- :/:/PUNCT/punct/7 "
             "I/I/PRON/nsubj/10 said/say/VERB/ROOT/- ,/,/PUNCT/punct/10 “/“/PUNCT/punct/10 "
             "Ovaries/ovary/NOUN/dobj/10 ././PUNCT/punct/10 ”/”/PUNCT/punct/10")
    quotes = _quotes(words)
    assert [(q.text, q.speaker, q.speaker_country, q.speaker_sector) for q in quotes] == [
        ("Ovaries.", "THE VICE PRESIDENT", "USA", "GOV")]
    assert quotes[0].speaker_actor is not None and quotes[0].speaker_actor.code == "kamala-harris"


def test_an_office_named_in_a_transcript_turn_is_the_speakers_countrys() -> None:
    # The embassy protested. The embassy protested. ¶ SECRETARY DANTES: As the President said, “we will not yield.”
    spec = (_EMBASSY.format(1, 2) + " " + _EMBASSY.format(5, 6) + " ¶ SECRETARY/secretary/PROPN/compound/10 "
            "DANTES/Dantes/PROPN/ROOT/- :/:/PUNCT/punct/10 As/as/SCONJ/mark/15 the/the/DET/det/14 "
            "President/President/PROPN/nsubj/15 said/say/VERB/ROOT/- ,/,/PUNCT/punct/15 “/“/PUNCT/punct/15 "
            "we/we/PRON/nsubj/21 will/will/AUX/aux/21 not/not/PART/neg/21 yield/yield/VERB/ccomp/15 "
            "././PUNCT/punct/21 ”/”/PUNCT/punct/15")
    assert _speakers(spec, "2024-03-12")[0][2:4] == ("PHL", "GOV")
    no_label = spec.replace(":/:/PUNCT/punct/10", ",/,/PUNCT/punct/10")
    assert _speakers(no_label, "2024-03-12")[0][2] == "CHN"  # the government the text names most


def test_chants_and_a_list_of_quotations_are_speech_in_any_capitals() -> None:
    text = "The regime leads these chants: “Death to America!”, “Death to Israel!”. Then it pledges more."
    assert [s for s, _ in _spans(text)] == ["Death to America!", "Death to Israel!"]
    assert [s for s, _ in _spans("Crowds sang “Long Live the King!” all night.")] == ["Long Live the King!"]


def test_a_title_used_as_a_noun_keeps_its_comma_and_is_no_quote() -> None:
    assert _spans("Kurosawa’s classic, the “Seven Samurai,” inspired a Western.") == []
    assert _spans("Her “Infinity Mirror Rooms,” drew crowds.") == []
    assert _spans("“Seven Days Ahead,” the minister said.") == [("Seven Days Ahead,", "full")]


def test_one_capitalised_word_after_a_naming_verb_is_a_name() -> None:
    # a stone that the Aztecs called “Itztli”, and a plan they called “ruinous”
    doc = _doc("a/a/DET/det/1 stone/stone/NOUN/ROOT/- that/that/PRON/dobj/4 Aztecs/Aztecs/PROPN/nsubj/4 "
               "called/call/VERB/relcl/1 “/“/PUNCT/punct/4 Itztli/Itztli/PROPN/oprd/4 ”/”/PUNCT/punct/4 "
               ",/,/PUNCT/punct/1 a/a/DET/det/10 plan/plan/NOUN/conj/1 they/they/PRON/nsubj/12 "
               "called/call/VERB/relcl/10 "
               "“/“/PUNCT/punct/12 ruinous/ruinous/ADJ/oprd/12 ”/”/PUNCT/punct/12")
    assert [doc.text[q.start : q.end] for q in quote_spans(doc)] == ["ruinous"]


def test_a_role_noun_goes_to_the_last_holder_who_spoke_over_one_only_named() -> None:
    # Putin said “Enough.” Xi smiled. The president also said, “No.”
    spec = ("Putin/Putin/PROPN/nsubj/1 said/say/VERB/ROOT/- “/“/PUNCT/punct/1 Enough/enough/ADJ/dobj/1 "
            "././PUNCT/punct/1 ”/”/PUNCT/punct/1 Xi/Xi/PROPN/nsubj/7 smiled/smile/VERB/ROOT/- ././PUNCT/punct/7 "
            "The/the/DET/det/10 president/president/NOUN/nsubj/12 also/also/ADV/advmod/12 said/say/VERB/ROOT/- "
            ",/,/PUNCT/punct/12 “/“/PUNCT/punct/12 No/no/INTJ/dobj/12 ././PUNCT/punct/12 ”/”/PUNCT/punct/12")
    assert [s[2] for s in _speakers(spec)] == ["RUS", "RUS"]
    silent = spec.replace("said/say/VERB/ROOT/- “/“/PUNCT/punct/1", "smiled/smile/VERB/ROOT/- “/“/PUNCT/punct/1", 1)
    assert _speakers(silent)[-1][2] == "CHN"  # nobody spoke before: the last one named


def test_a_speech_verb_after_by_speaks_for_the_subject_of_its_verb() -> None:
    # This Declaration begins by stating, “all are equal”.
    spec = ("This/this/DET/det/1 Declaration/declaration/NOUN/nsubj/2 begins/begin/VERB/ROOT/- by/by/ADP/prep/2 "
            "stating/state/VERB/pcomp/3 ,/,/PUNCT/punct/4 “/“/PUNCT/punct/4 all/all/DET/nsubj/8 "
            "are/be/AUX/ccomp/4 equal/equal/ADJ/acomp/8 ”/”/PUNCT/punct/4 ././PUNCT/punct/2")
    assert _speakers(spec)[0][1] == "This Declaration"


def test_a_body_named_after_a_person_speaks_in_their_country() -> None:
    # The Putin campaign called him “weak”.
    spec = ("The/the/DET/det/2 Putin/Putin/PROPN/compound/2 campaign/campaign/NOUN/nsubj/3 called/call/VERB/ROOT/- "
            "him/he/PRON/dobj/3 “/“/PUNCT/punct/3 weak/weak/ADJ/oprd/3 ”/”/PUNCT/punct/3 ././PUNCT/punct/3")
    assert _speakers(spec)[0][1:4] == ("The Putin campaign", "RUS", "PTY")


def test_what_is_named_before_a_colon_and_a_list_of_quotations_share_a_speaker() -> None:
    # Baku issued this statement: ¶ “Peace now!”, “Talks now!”
    spec = ("Baku/Baku/PROPN/nsubj/1 issued/issue/VERB/ROOT/- this/this/DET/det/3 statement/statement/NOUN/dobj/1 "
            ":/:/PUNCT/punct/1 ¶ “/“/PUNCT/punct/7 Peace/peace/NOUN/ROOT/- now/now/ADV/advmod/7 !/!/PUNCT/punct/7 "
            "”/”/PUNCT/punct/7 ,/,/PUNCT/punct/7 “/“/PUNCT/punct/14 Talks/talk/NOUN/conj/7 now/now/ADV/advmod/14 "
            "!/!/PUNCT/punct/14 ”/”/PUNCT/punct/14")
    assert [(s[0], s[2]) for s in _speakers(spec)] == [("Peace now!", "AZE"), ("Talks now!", "AZE")]


def test_quotations_in_single_marks_outside_double_ones_but_not_apostrophes() -> None:
    text = "Headline: Putin hails ‘a new era’ in ties. Russia’s envoys’ notes were read."
    assert [s for s, _ in _spans(text)] == ["a new era"]


def test_a_quotation_after_a_sentence_naming_whose_words_they_are() -> None:
    # The words delivered by Putin resonated. “We shall prevail.”
    spec = ("The/the/DET/det/1 words/word/NOUN/nsubj/5 delivered/deliver/VERB/acl/1 by/by/ADP/agent/2 "
            "Putin/Putin/PROPN/pobj/3/PERSON resonated/resonate/VERB/ROOT/- ././PUNCT/punct/5 "
            "“/“/PUNCT/punct/10 We/we/PRON/nsubj/10 shall/shall/AUX/aux/10 prevail/prevail/VERB/ROOT/- "
            "././PUNCT/punct/10 ”/”/PUNCT/punct/10")
    assert _speakers(spec)[0][1:3] == ("Putin", "RUS")
    unnamed = spec.replace("by/by/ADP/agent/2", "here/here/ADV/advmod/2")
    assert _speakers(unnamed)[0][1] is None


def test_a_bare_surname_before_the_full_name_is_that_person() -> None:
    # Schumer hails ‘a moment’. ¶ Senator Chuck Schumer spoke.
    spec = ("Schumer/Schumer/PROPN/nsubj/1/PERSON hails/hail/VERB/ROOT/- ‘/‘/PUNCT/punct/1 a/a/DET/det/4 "
            "moment/moment/NOUN/dobj/1 ’/’/PUNCT/punct/1 ././PUNCT/punct/1 ¶ Senator/senator/PROPN/compound/10 "
            "Chuck/Chuck/PROPN/compound/10/PERSON Schumer/Schumer/PROPN/nsubj/11/PERSON spoke/speak/VERB/ROOT/- "
            "././PUNCT/punct/11")
    doc = _doc(spec)
    schumer = ActorRef("chuck-schumer", "Chuck Schumer", "person", "USA", "LEG")
    doc._.mp_mentions = [ActorMention(8, 11, (schumer,), "title+person")]
    found = QuoteFinder(ActorResolver(shared_gazetteer(())))(doc)._.mp_quotes
    assert [(q.text, q.speaker_actor.code if q.speaker_actor else None) for q in found] == [
        ("a moment", "chuck-schumer")]


def test_a_person_known_as_a_name_keeps_the_description_before_it() -> None:
    # the Kenyan poet known as Gaarriye. He wrote: “We are one.”
    spec = ("the/the/DET/det/2 Kenyan/Kenyan/ADJ/amod/2 poet/poet/NOUN/ROOT/- known/know/VERB/acl/2 as/as/ADP/prep/3 "
            "Gaarriye/Gaarriye/PROPN/pobj/4/PERSON ././PUNCT/punct/2 He/he/PRON/nsubj/8 wrote/write/VERB/ROOT/- "
            ":/:/PUNCT/punct/8 “/“/PUNCT/punct/8 We/we/PRON/nsubj/12 are/be/AUX/ccomp/8 one/one/NUM/attr/12 "
            "././PUNCT/punct/12 ”/”/PUNCT/punct/8")
    def country(text: str) -> str | None:
        doc = _doc(text)
        doc._.mp_voice = "SOM"  # a speech: people it quotes are placed by their own description only
        return QuoteFinder(ActorResolver(shared_gazetteer(())))(doc)._.mp_quotes[0].speaker_country

    assert country(spec) == "KEN"
    assert country(spec.replace("known/know/VERB/acl/2", "seen/see/VERB/acl/2")) is None


def test_an_opposition_party_speaks_for_the_opposition() -> None:
    # The main opposition party called it “long overdue”.
    spec = ("The/the/DET/det/3 main/main/ADJ/amod/3 opposition/opposition/NOUN/compound/3 party/party/NOUN/nsubj/4 "
            "called/call/VERB/ROOT/- it/it/PRON/dobj/4 “/“/PUNCT/punct/4 long/long/ADV/advmod/8 "
            "overdue/overdue/ADJ/oprd/4 ”/”/PUNCT/punct/4 ././PUNCT/punct/4")
    assert _speakers(spec)[0][2:4] == ("KEN", "OPP")
    assert _speakers(spec.replace("opposition/opposition/NOUN/compound/3", "big/big/ADJ/amod/3"))[0][3] == "PTY"


def test_the_one_asked_answers_in_the_quotation_after_the_question() -> None:
    # I asked Grace why. “We are tired.”
    spec = ("I/I/PRON/nsubj/1 asked/ask/VERB/ROOT/- Grace/Grace/PROPN/dobj/1/PERSON why/why/ADV/advmod/1 "
            "././PUNCT/punct/1 “/“/PUNCT/punct/8 We/we/PRON/nsubj/8 are/be/AUX/ROOT/- tired/tired/ADJ/acomp/8 "
            "././PUNCT/punct/8 ”/”/PUNCT/punct/8")
    assert _speakers(spec)[0][1] == "Grace"
    assert _speakers(spec.replace("asked/ask/VERB/ROOT/-", "told/tell/VERB/ROOT/-"))[0][1] is None


def test_we_in_a_transcript_turn_is_the_speakers_state() -> None:
    # PRIME MINISTER KISHIDA: We say “Welcome.”
    spec = ("PRIME/prime/PROPN/compound/1 MINISTER/minister/PROPN/compound/2 KISHIDA/Kishida/PROPN/npadvmod/5 "
            ":/:/PUNCT/punct/2 We/we/PRON/nsubj/5 say/say/VERB/ROOT/- “/“/PUNCT/punct/5 Welcome/welcome/INTJ/dobj/5 "
            "././PUNCT/punct/7 ”/”/PUNCT/punct/5")
    assert _speakers(spec)[0][2] == "JPN"
    assert _speakers(spec.replace(":/:/PUNCT/punct/2", ",/,/PUNCT/punct/2"))[0][2] is None


def test_they_is_never_a_thing_named_before() -> None:
    # Peace eludes Kenya. They said “Wait.”
    spec = ("Peace/peace/NOUN/nsubj/1 eludes/elude/VERB/ROOT/- Kenya/Kenya/PROPN/dobj/1 ././PUNCT/punct/1 "
            "They/they/PRON/nsubj/5 said/say/VERB/ROOT/- “/“/PUNCT/punct/5 Wait/wait/VERB/ccomp/5 ././PUNCT/punct/7 "
            "”/”/PUNCT/punct/5")
    assert _speakers(spec)[0][1:3] == ("Kenya", "KEN")


def test_a_subject_pronoun_in_a_clause_of_a_persons_verb_is_that_person() -> None:
    # Putin spoke after Xi arrived, mocking what he called the “reset”.
    spec = ("Putin/Putin/PROPN/nsubj/1 spoke/speak/VERB/ROOT/- after/after/SCONJ/mark/4 Xi/Xi/PROPN/nsubj/4 "
            "arrived/arrive/VERB/advcl/1 ,/,/PUNCT/punct/1 mocking/mock/VERB/advcl/1 what/what/PRON/dobj/9 "
            "he/he/PRON/nsubj/9 called/call/VERB/ccomp/6 the/the/DET/det/12 “/“/PUNCT/punct/12 "
            "reset/reset/NOUN/oprd/9 ”/”/PUNCT/punct/12 ././PUNCT/punct/1")
    assert _speakers(spec)[0][2] == "RUS"  # not Xi, the nearest subject before "he"


def test_a_label_naming_only_a_person_is_a_private_persons() -> None:
    # Bob Marley: “We rise.”
    spec = ("Bob/Bob/PROPN/compound/1/PERSON Marley/Marley/PROPN/ROOT/-/PERSON :/:/PUNCT/punct/1 “/“/PUNCT/punct/5 "
            "We/we/PRON/nsubj/5 rise/rise/VERB/ROOT/- ././PUNCT/punct/5 ”/”/PUNCT/punct/5")
    assert _speakers(spec)[0][1:4] == ("Bob Marley", None, "CVL")
    senator = "Senator/senator/PROPN/compound/2 " + spec.replace("/1", "/2").replace("/5", "/6")
    assert _speakers(senator)[0][3] == "LEG"


def test_as_someone_once_said_hung_on_the_main_verb_is_the_speaker() -> None:
    # As another great Kenyan, Wangari Maathai, once said, Kenya is a “proud country”.
    spec = ("As/as/ADP/prep/12 another/another/DET/det/3 great/great/ADJ/amod/3 Kenyan/Kenyan/PROPN/pobj/0 "
            ",/,/PUNCT/punct/3 Wangari/Wangari/PROPN/compound/6/PERSON Maathai/Maathai/PROPN/appos/3/PERSON "
            ",/,/PUNCT/punct/12 once/once/ADV/advmod/9 said/say/VERB/advcl/12 ,/,/PUNCT/punct/12 "
            "Kenya/Kenya/PROPN/nsubj/12 is/be/AUX/ROOT/- a/a/DET/det/16 “/“/PUNCT/punct/16 proud/proud/ADJ/amod/16 "
            "country/country/NOUN/attr/12 ”/”/PUNCT/punct/12 ././PUNCT/punct/12")
    assert _speakers(spec)[0][1] == "Wangari Maathai"


def test_whose_words_a_colon_announces_and_a_head_that_is_no_one() -> None:
    # We are inspired by Putin’s words: ¶ “Never yield.”
    words = ("We/we/PRON/nsubjpass/2 are/be/AUX/auxpass/2 inspired/inspire/VERB/ROOT/- by/by/ADP/agent/2 "
             "Putin/Putin/PROPN/poss/6 ’s/’s/PART/case/4 words/word/NOUN/pobj/3 :/:/PUNCT/punct/2 ¶ "
             "“/“/PUNCT/punct/11 Never/never/ADV/advmod/11 yield/yield/VERB/ROOT/- ././PUNCT/punct/11 "
             "”/”/PUNCT/punct/11")
    assert _speakers(words)[0][1:3] == ("Putin", "RUS")
    # Xi smiled. I turned my head and he said “Go.”
    head = ("Xi/Xi/PROPN/nsubj/1 smiled/smile/VERB/ROOT/- ././PUNCT/punct/1 I/I/PRON/nsubj/4 turned/turn/VERB/ROOT/- "
            "my/my/PRON/poss/6 head/head/NOUN/dobj/4 and/and/CCONJ/cc/4 he/he/PRON/nsubj/9 said/say/VERB/conj/4 "
            "“/“/PUNCT/punct/9 Go/go/VERB/ccomp/9 ././PUNCT/punct/11 ”/”/PUNCT/punct/9")
    assert _speakers(head)[0][1] == "Xi"
