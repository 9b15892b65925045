"""Actor resolution against gold: our own sentences (tests/gold/actors.jsonl) and NGEC's cases (dev half),
scored as `multipolar eval` scores them (multipolar.evaluate.actors), and rules on hand-picked sentences."""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import multipolar
from multipolar.evaluate.actors import ActorReport, evaluate_actor_gold, gold_format, read_records, record_problems
from multipolar.records import Analysis
from multipolar.settings import DEFAULT_SETTINGS, Settings

from .conftest import GOLD, SHARED

pytestmark = pytest.mark.model

# Floors: raise them when the resolver improves; a drop fails the build.
OWN_GOLD_FLOOR = 0.76  # 0.774 (182 of 235) measured 2026-12-01 19:35 (0.757 at the session start)
NGEC_COUNTRY_FLOOR = 0.90  # 0.903 (131 of 145); issue 14's target
NGEC_COUNTRY_SECTOR_FLOOR = 0.80  # 0.811 (129 of 159); issue 14's target
TEST_SPLIT_FLOOR = 0.58  # 0.620 (103 of 166) measured 2026-12-01 19:35: scored, never studied
NGEC = SHARED / "gold" / "ngec-actors" / "cases-dev.jsonl"


def _settings(actors_file: str | None) -> Settings:
    return DEFAULT_SETTINGS.replace(actors_files=(GOLD / actors_file,) if actors_file else ())


def _analyse(text: str, date: str | None, actors_file: str | None = None) -> Analysis:
    return multipolar.analyze(text, date=date, settings=_settings(actors_file))


@cache
def _report(path: Path) -> ActorReport:
    records = read_records(path)
    kind = gold_format(records)
    assert kind is not None, path
    return evaluate_actor_gold(records, kind, DEFAULT_SETTINGS, path)


def _load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def check_record(record: dict[str, Any]) -> list[str]:
    """What is wrong with the analysis of one gold record (empty: it passes)."""
    return record_problems(record, _analyse(record["text"], record.get("date"), record.get("actors_file")))


def test_own_gold_meets_its_floor() -> None:
    report = _report(GOLD / "actors.jsonl")
    assert report.errors == 0
    assert report.passed.share >= OWN_GOLD_FLOOR, \
        f"{report.passed.share:.3f} < {OWN_GOLD_FLOOR}: {json.dumps(report.misses[:40], indent=1)}"


def test_frozen_test_split_meets_its_floor() -> None:
    """Scored like the dev set; its misses are not printed, and nobody tunes on them."""
    report = _report(GOLD / "actors-test.jsonl")
    assert report.errors == 0
    assert report.passed.share >= TEST_SPLIT_FLOOR, f"{report.passed.share:.3f} < {TEST_SPLIT_FLOOR}"


@pytest.mark.parametrize("record", [r for r in _load(GOLD / "actors.jsonl") if r["category"] in
                                    ("metonyms", "fictional", "false_actors")], ids=lambda r: r["id"])
def test_every_metonym_fictional_and_false_actor_case(record: dict[str, Any]) -> None:
    assert check_record(record) == []


def test_ngec_actor_cases_meet_their_floors() -> None:
    """Each phrase alone, as `multipolar analyze` would; country and country + sector (issue 14's protocol)."""
    if not NGEC.exists():
        pytest.skip("../shared/gold is not beside the project")
    report = _report(NGEC)
    assert report.errors == 0, "no phrase may be refused"
    assert report.country.share >= NGEC_COUNTRY_FLOOR, f"country {report.country.share:.3f}: {report.misses}"
    assert report.country_sector.share >= NGEC_COUNTRY_SECTOR_FLOOR, \
        f"country + sector {report.country_sector.share:.3f}: {report.misses}"


def test_reference_article_actors(seed_analysis: Analysis) -> None:
    by_code = {a.code: a for a in seed_analysis.actors}
    for code in ("CHN", "RUS", "USA", "UKR", "NATO", "WST", "BRICS", "SCO", "UN", "IGO", "ARG", "EGY", "ETH",
                 "IRN", "SAU", "ARE", "xi-jinping", "vladimir-putin", "hua-chunying"):
        assert code in by_code, code
    mentions = {m.text: a.code for a in seed_analysis.actors for m in a.mentions}
    assert mentions["Beijing"] == "CHN" and mentions["Moscow"] == "RUS" and mentions["Washington"] == "USA"
    assert mentions["Kyiv"] == "UKR" and mentions["Kremlin"] in ("RUS", "rus-kremlin")
    assert "JPN" not in by_code, "the Sea of Japan is a place, not Japan"
    assert not any("LNG" in m.text for a in seed_analysis.actors for m in a.mentions)


def test_titles_resolve_through_the_document_date() -> None:
    for date, code in (("2022-03-01", "joe-biden"), ("2025-06-01", "donald-trump"), ("2016-06-01", "barack-obama")):
        analysis = _analyse("The US president spoke about trade.", date)
        assert code in {a.code for a in analysis.actors}, (date, [a.code for a in analysis.actors])


def test_counterpart_follows_the_named_leader() -> None:
    analysis = _analyse("Xi Jinping called his Russian counterpart on Tuesday.", "2023-05-02")
    assert "vladimir-putin" in {a.code for a in analysis.actors}


def test_petrarch_dictionaries_load_as_user_files() -> None:
    folder = SHARED / "gold" / "petrarch-unit"
    if not folder.exists():
        pytest.skip("../shared/gold is not beside the project")
    settings = DEFAULT_SETTINGS.replace(actors_files=(folder / "PETR.Validate.actors.txt",
                                                      folder / "PETR.Validate.agents.txt"))
    analysis = multipolar.analyze("Arnor is about to restore full diplomatic ties with Gondor.", date="1995-01-01",
                                  settings=settings)
    assert {"ARN", "GON"} <= {a.code for a in analysis.actors}


def test_the_first_person_of_a_document_resolves_to_its_voice() -> None:
    import multipolar

    text = ("My country condemns the blockade of Cuba. We call on the United States to lift it. "
            "“We will never accept this,” Fidel Castro said. It is my pleasure to be here.")
    spoken = multipolar.analyze({"text": text, "speaker": "Mexico", "year": 2019},
                                settings=multipolar.Settings(voice_field="speaker"))
    assert spoken.document.voice == "Mexico"
    assert {(e.source, e.target, e.plover) for e in spoken.events} >= {("MEX", "CUB", "ACCUSE"),
                                                                       ("MEX", "USA", "REQUEST")}
    mentions = [m.text for a in spoken.actors if a.code == "MEX" for m in a.mentions]
    assert mentions == ["My country", "We"]   # not the quoted "We", not "my pleasure"
    unspoken = multipolar.analyze(text, date="2019-05-01")
    assert not any(e.source == "MEX" for e in unspoken.events)


def _actor_of(analysis: Analysis, mention: str) -> tuple[str | None, str | None, str | None]:
    found = [(a.country, a.role, a.origin) for a in analysis.actors if any(m.text == mention for m in a.mentions)]
    assert found, (mention, [(a.code, [m.text for m in a.mentions]) for a in analysis.actors])
    return found[0]


def test_a_person_the_document_introduces_keeps_country_and_sector_for_every_mention() -> None:
    analysis = _analyse("Tamar Vashadze, Georgia's deputy foreign minister, met EU envoys on Monday. "
                        "Vashadze said Tbilisi was ready.", "2022-06-21")
    assert _actor_of(analysis, "Tamar Vashadze") == ("GEO", "GOV", "document")
    assert _actor_of(analysis, "Vashadze")[:2] == ("GEO", "GOV")


def test_a_titled_official_of_a_voiced_document_is_its_state() -> None:
    """Bare titles of a government's own offices place their holder in the state the document speaks for; a
    counterpart's title ("President") does not, and neither does a document with no voice."""
    from multipolar.records import Article

    text = ("Deputy Secretary of State Kurt Tamberlane and President Sandor Vell met on Monday. Deputy Secretary "
            "Tamberlane later spoke with reporters.")
    voiced = multipolar.analyze(Article(text=text, date=dt.date(2024, 3, 1), voice="USA"))
    assert _actor_of(voiced, "Secretary of State Kurt Tamberlane")[0] == "USA"
    assert _actor_of(voiced, "Deputy Secretary Tamberlane")[0] == "USA"  # the same person, by the surname
    assert _actor_of(voiced, "President Sandor Vell")[0] is None
    assert _actor_of(multipolar.analyze(text, date="2024-03-01"), "Secretary of State Kurt Tamberlane")[0] is None


def test_a_title_inside_a_tagged_name_does_not_hide_the_known_person() -> None:
    """spaCy tags "Sheikh Mohammed bin Zayed" as one name: the known person it ends on is the one titled."""
    analysis = _analyse("Working in close cooperation with my friend President Sheikh Mohammed bin Zayed, the "
                        "United States will continue to support the UAE.", "2023-01-17")
    assert _actor_of(analysis, "President Sheikh Mohammed bin Zayed")[0] == "ARE"


def test_a_bare_surname_stays_unresolved() -> None:
    analysis = _analyse("Vashadze said the talks would resume.", "2022-06-21")
    assert not any(m.text == "Vashadze" for a in analysis.actors for m in a.mentions)


def test_generic_actors_take_the_country_of_their_place_or_sentence() -> None:
    assert _actor_of(_analyse("Delhi police detained the organisers.", "2022-05-01"), "Delhi police")[:2] == \
        ("IND", "COP")
    assert _actor_of(_analyse("Protesters in Lagos blocked the road.", "2022-05-01"), "Protesters in Lagos")[:2] == \
        ("NGA", "CVL")
    lone = _analyse("A senior diplomat said the talks had failed.", "2022-05-01")
    assert not lone.actors  # nothing says whose diplomat


def test_offices_on_the_date_and_former_holders() -> None:
    assert _actor_of(_analyse("Nikol Pashinyan spoke.", "2022-03-01"), "Nikol Pashinyan") == \
        ("ARM", "GOV", "knowledge_base")
    assert _actor_of(_analyse("Angela Merkel spoke.", "2022-06-01"), "Angela Merkel")[:2] == ("DEU", "ELI")


def test_places_homonyms_and_historical_states() -> None:
    assert _actor_of(_analyse("Russian forces shelled Mariupol.", "2022-04-01"), "Mariupol")[:2] == ("UKR", "CVL")
    soviet = _analyse("The Soviet Union invaded Afghanistan.", "1980-01-10")
    actor = next(a for a in soviet.actors if a.code == "SUN")
    assert actor.existed is not None and actor.existed.end == "1991-12-26" and "RUS" in actor.successors
    assert _actor_of(_analyse("In Amman, King Abdullah received the envoys.", "2019-09-20"), "King Abdullah")[0] \
        == "JOR"


def _codes(analysis: Analysis) -> dict[str, str]:
    """Mention text -> the code of the actor it resolved to."""
    return {m.text: a.code for a in analysis.actors for m in a.mentions}


def test_ordinary_words_and_headings_are_not_knowledge_base_names() -> None:
    text = ("PROTECTING THE NATIONAL INTEREST\n\nThe Summit on Climate Change and Energy Security closed with a "
            "pledge. The Office of Federal Programs (FAR) rewrote its rules, and FAR staff said the Development "
            "Agency would help.")
    found = _codes(_analyse(text, "2023-05-01"))
    for word in ("INTEREST", "Summit", "Change", "Energy", "FAR", "Development"):
        assert word not in found, (word, found)


def test_a_common_word_party_needs_a_word_that_says_so() -> None:
    with_party = _codes(_analyse("In Riga, the Development party joined the governing coalition.", "2022-11-01"))
    assert with_party.get("Development", "").startswith("lva-"), with_party


def test_places_of_a_state_are_not_its_government() -> None:
    analysis = _analyse("Workers in New York and North Carolina joined the strike on Monday, organisers said.",
                        "2023-05-01")
    assert not any(a.role == "GOV" for a in analysis.actors), [(a.code, a.role) for a in analysis.actors]


def test_the_people_of_the_world_are_nobody_s_in_particular() -> None:
    analysis = _analyse("Afghanistan thanks its partners. The people of the world watched in horror, and foreign "
                        "governments sent help to the region.", "2005-09-20")
    found = _codes(analysis)
    assert "people" not in found and "governments" not in found, found
    local = _codes(_analyse("Police in Kabul said people had gathered near the ministry.", "2005-09-20"))
    assert local.get("people") == "afg-people", local


def test_a_mixed_case_acronym_matches_only_as_written() -> None:
    assert "Let" not in _codes(_analyse("Let us build a better future for Pakistan together.", "2010-09-20"))
    assert _codes(_analyse("The LeT claimed the attack in Pakistan.", "2010-09-20")).get("LeT") == "pak-let"


def test_the_voice_s_own_administration() -> None:
    analysis = multipolar.analyze("The Administration will work with Congress to cut costs for families.",
                                  date="2023-05-01", settings=DEFAULT_SETTINGS.replace(voice="USA"))
    assert _codes(analysis).get("The Administration") == "USA"


def test_an_office_holder_by_title_where_the_tagger_sees_no_name() -> None:
    found = _codes(_analyse("President Ruto and the visiting delegation agreed on a new trade office.", "2023-12-05"))
    assert found.get("President Ruto") == "william-ruto", found


def test_the_region_of_a_state_is_that_state_s() -> None:
    found = _codes(_analyse("Caracas said it would annex the Essequibo region of Guyana.", "2023-12-04"))
    assert found.get("Guyana") == "GUY", found


def test_a_body_named_after_the_un_and_an_acronym_spelt_out_otherwise() -> None:
    found = _codes(_analyse("The United Nations Emergency Relief Coordinator urged restraint. The Rural Workers "
                            "League (AKK) said the Montenegro Assembly should act.", "2003-04-01"))
    assert found.get("United Nations") == "UN", found
    assert "AKK" not in found, found
    spelt = _codes(_analyse("Strikes hit the Islamic State of Iraq and Syria (ISIS) in Raqqa. ISIS fighters fled.",
                            "2016-05-01"))
    assert spelt.get("ISIS") == "isis", spelt
    assert _actor_of(_analyse("The Montenegro Assembly voted.", "2003-04-01"), "Montenegro Assembly")[:2] == \
        ("MNE", "LEG")


def _all_codes(analysis: Analysis) -> dict[str, set[str]]:
    """Mention text -> every actor code a mention of that text resolves to (a pair has two)."""
    found: dict[str, set[str]] = {}
    for actor in analysis.actors:
        for mention in actor.mentions:
            found.setdefault(mention.text, set()).add(actor.code)
    return found


def test_a_joint_statement_speaks_for_both_signatories() -> None:
    text = ("We reaffirmed our commitment to the Alliance. The two leaders discussed trade, and our foreign and "
            "defense ministers will meet in Tokyo.")
    joint = multipolar.analyze({"text": text, "date": "2023-01-13", "voice": "USA",
                                "title": "Joint Statement of the United States and Japan"})
    found = _all_codes(joint)
    assert found["We"] == {"USA", "JPN"}, found
    assert found["The two leaders"] == {"USA", "JPN"}, found
    assert {a.country for a in joint.actors if a.role == "GOV" and a.origin == "rule"} >= {"USA", "JPN"}
    alone = _all_codes(multipolar.analyze({"text": text, "date": "2023-01-13", "voice": "USA",
                                           "title": "Joint Statement on Ukraine"}))
    assert alone["We"] == {"USA"}, alone  # a topic is no signatory


def test_the_two_leaders_are_the_people_a_readout_names_not_the_state_they_talked_about() -> None:
    text = ("Prime Minister Kishida Fumio spoke today with President Ferdinand Marcos Jr. of the Philippines about "
            "China's conduct in the South China Sea. Prime Minister Kishida thanked President Marcos for his firm "
            "stance on China. The two leaders agreed to remain in close touch.")
    found = _all_codes(multipolar.analyze({"text": text, "date": "2023-06-13", "voice": "JPN"}))
    assert found["The two leaders"] == {"JPN", "PHL"}, found


@pytest.mark.parametrize(("title", "signing"), [
    ("Joint Statement Between the United States, Belize, Germany, Indonesia, and Senegal on the Second Summit",
     {"USA", "BLZ", "DEU", "IDN", "SEN"}),
    ("G7 Leaders' Statement on Ukraine", {"G7"}),
    ("Quad Leaders’ Joint Statement", {"QUAD"}),
    ("U.S.-ROK Leaders’ Joint Statement", {"USA", "KOR"}),
    ("Joint Statement on United States-El Salvador Agreement on Reciprocal Trade", {"USA", "SLV"}),
    ("Joint Statement on Air Defenses by U.S. President Joseph R. Biden and German Chancellor Olaf Scholz",
     {"USA", "DEU"}),
    ("Joint Declaration by the Prime Minister of Cambodia and the Prime Minister of Thailand", {"KHM", "THA"}),
    ("Joint Statement on U.S.-UK Consultations on the Indo-Pacific", {"USA", "GBR"}),
    ("Joint Statement on Israel", {"USA"}),
    ("FACT SHEET: G7 to Announce Joint Actions on Forced Labor", {"USA"}),
])
def test_the_we_of_a_joint_statement_is_every_signatory_or_the_body(title: str, signing: set[str]) -> None:
    found = _all_codes(multipolar.analyze({"text": "We call on all parties to show restraint.", "date": "2023-05-20",
                                           "voice": "USA", "title": title}))
    assert found["We"] == signing, found


def test_the_opening_that_lists_the_leaders_names_the_signatories() -> None:
    text = ("Today, the Leaders of Canada, France, Japan, and the United States met in Bali and released the "
            "following statement: We condemn the attacks.")
    found = _all_codes(multipolar.analyze({"text": text, "date": "2022-11-15", "voice": "USA",
                                           "title": "Joint Statement of G7 Leaders"}))
    assert found["We"] == {"CAN", "FRA", "JPN", "USA"}, found
    body = _all_codes(multipolar.analyze({"text": "We condemn the attacks.", "date": "2022-11-15", "voice": "USA",
                                          "title": "Joint Statement of G7 Leaders"}))
    assert body["We"] == {"G7"}, body


def test_the_signatories_of_a_multilateral_statement_do_not_act_on_each_other() -> None:
    title = "Joint Statement from the Leaders of the United States, Brazil, India and South Africa"
    urged = multipolar.analyze({"text": "We urge all countries to build the systems we need.", "date": "2023-05-20",
                                "voice": "USA", "title": title})
    requests = {(e.source, e.target) for e in urged.events if e.plover == "REQUEST"}
    assert {source for source, _ in requests} == {"USA", "BRA", "IND", "ZAF"}, requests
    assert all(target in (None, source) for source, target in requests), requests  # each alone, none on another
    pair = multipolar.analyze({"text": "We condemn Russia's attacks.", "date": "2023-05-20", "voice": "USA",
                               "title": title})
    assert {(e.source, e.target) for e in pair.events if e.plover == "ACCUSE"} == \
        {("USA", "RUS"), ("BRA", "RUS"), ("IND", "RUS"), ("ZAF", "RUS")}


def test_the_voice_s_own_army_and_both_nations() -> None:
    speech = multipolar.analyze({"text": "We call for the lifting of the embargo weighing on our national army.",
                                 "date": "2018-09-27", "voice": "CAF"})
    army = [(a.country, a.role) for a in speech.actors if any(m.text == "our national army" for m in a.mentions)]
    assert army == [("CAF", "MIL")], [(a.code, [m.text for m in a.mentions]) for a in speech.actors]
    deal = _all_codes(_analyse("China and the United States met in Geneva. When the changes come into effect, "
                               "both nations agreed to keep talking.", "2025-05-12"))
    assert deal["both nations"] == {"CHN", "USA"}, deal


def test_people_named_family_name_first_and_the_curated_others() -> None:
    found = _codes(_analyse("Prime Minister Kishida Fumio of Japan met President Tinubu of Nigeria. "
                            "Archbishop Desmond Tutu called for calm.", "2023-09-20"))
    assert found.get("Prime Minister Kishida Fumio") == "fumio-kishida", found
    assert found.get("President Tinubu") == "bola-tinubu", found
    assert found.get("Archbishop Desmond Tutu") == "desmond-tutu", found  # the title is part of the mention


def test_common_words_and_surnames_are_not_knowledge_base_names() -> None:
    found = _codes(_analyse("In July 1995 Bosnian Serb forces killed more than 8,000 Muslim men at Srebrenica. "
                            "McMaster said the United States would respond.", "2009-06-01"))
    assert "Muslim" not in found and "McMaster" not in found, found  # no party, no university
    assert found.get("Bosnian Serb forces") == "bih-military", found


def test_a_former_holder_by_title_and_surname_without_accents() -> None:
    found = _codes(_analyse("After the assassination of President Moise, investigators flew to Port-au-Prince.",
                            "2022-01-10"))
    assert found.get("President Moise") == "jovenel-moise", found


def test_generic_actors_of_a_stance_an_origin_and_a_place() -> None:
    march = _all_codes(_analyse("British pro-Palestinian demonstrators marched in London.", "2023-11-11"))
    assert "PSE" not in {c for codes in march.values() for c in codes}, march  # a stance, not Palestine's people
    envoys = _all_codes(_analyse("Envoys from Saudi Arabia and Iran met in Beijing.", "2023-03-10"))
    assert envoys["Envoys"] == {"sau-envoy", "irn-envoy"}, envoys
    roads = _all_codes(_analyse("Residents blocked roads across Panama to protest against a mining contract with a "
                                "Canadian company.", "2023-11-01"))
    assert roads["Residents"] == {"pan-residents"}, roads
    seized = _all_codes(_analyse("Belarusian security services seized the homes of exiled opposition figures.",
                                 "2023-05-01"))
    assert seized["opposition figures"] == {"blr-opposition"}, seized


def test_named_bodies_a_cleric_in_office_and_the_tail_of_an_unknown_name() -> None:
    found = _all_codes(_analyse("We thank France for the support provided to the Central African Armed Forces. "
                                "The IG Metall union called a strike, and the Democratic Centre party opposed the "
                                "reform in Colombia.", "2018-09-27"))
    assert found["Central African Armed Forces"] == {"caf-faca"}, found
    assert not any(code.startswith(("esp-", "col-unions")) for codes in found.values() for code in codes), found
    leader = _analyse("Ayatollah Khamenei vowed revenge.", "2020-01-05")
    assert _actor_of(leader, "Ayatollah Khamenei")[:2] == ("IRN", "GOV")


def test_a_territory_that_stands_for_its_state_is_that_state_after_in_or_into() -> None:
    found = _codes(_analyse("Israel allowed fuel trucks into Gaza, and Rwandan troops stayed inside eastern Congo "
                            "while fighting spread in Darfur.", "2024-03-01"))
    assert (found.get("Gaza"), found.get("eastern Congo"), found.get("Darfur")) == ("PSE", "COD", "SDN"), found
    assert _codes(_analyse("Gazans fled south.", "2024-03-01")).get("Gazans") == "PSE"


@pytest.mark.parametrize(("text", "state"), [
    ("Voters in Congo returned Denis Sassou Nguesso to office, and his rivals in Brazzaville cried foul.", "COG"),
    ("Felix Tshisekedi accused Kigali. Paul Kagame said Congo was using the dispute.", "COD"),
    ("Congo and Rwanda signed a peace deal.", "COD"),
])
def test_a_state_name_two_states_share_is_the_one_the_document_names(text: str, state: str) -> None:
    analysis = _analyse(text, "2023-02-04")
    assert {a.country for a in analysis.actors if any("Congo" in m.text for m in a.mentions)} == {state}
    other = {"COG": "COD", "COD": "COG"}[state]
    assert other not in {a.country for a in analysis.actors}


def test_a_crowd_s_cause_is_not_its_country() -> None:
    rally = _analyse("Pro-Palestinian protesters rallied against the war in Gaza. Pro-Palestine activists "
                     "blocked a road.", "2024-03-01")
    crowd = {(m.text, a.country) for a in rally.actors for m in a.mentions if m.text != "Gaza"}
    assert not any(country in ("PSE", "USA") for _, country in crowd), crowd  # nor Palestine, Texas
    march = _all_codes(_analyse("Thousands of pro-Palestinian protesters marched in London, calling for a ceasefire "
                                "in Gaza.", "2024-03-01"))
    assert march["protesters"] == {"gbr-protesters"}, march


def test_a_titled_holder_by_every_word_of_the_name_or_the_one_namesake_of_the_office() -> None:
    king = _actor_of(_analyse("King Maha Vajiralongkorn received the envoy.", "2023-06-01"),
                     "King Maha Vajiralongkorn")
    assert king[:2] == ("THA", "GOV"), king
    stranger = _actor_of(_analyse("President Joe Smith spoke.", "2023-06-01"), "President Joe Smith")
    assert stranger[0] is None, stranger  # not Joe Biden: only a holder whose whole name is written
    fiji = _analyse("Prime Minister Rabuka said the Fiji Police Force would get new vehicles.", "2024-06-19")
    assert _actor_of(fiji, "Prime Minister Rabuka")[:2] == ("FJI", "GOV")
    nowhere = _analyse("Prime Minister Rabuka said the police would get new vehicles.", "2024-06-19")
    assert _actor_of(nowhere, "Prime Minister Rabuka")[0] is None  # no country named: a namesake is no guess


def test_a_person_the_document_places_by_of_or_by_a_possessive_before_the_office() -> None:
    visit = _analyse("President Biden met President Abdel-Fattah El-Sisi of Egypt. Judge Alejandro Rivera of the "
                     "Supreme Court of Chile ruled.", "2023-05-01")
    assert _actor_of(visit, "President Abdel-Fattah El-Sisi")[:2] == ("EGY", "GOV")
    assert _actor_of(visit, "Judge Alejandro Rivera")[:2] == ("CHL", "JUD")
    trade = _analyse("Vietnam's trade minister, Tran Tuan Anh, signed the deal.", "2023-03-22")
    assert _actor_of(trade, "Tran Tuan Anh")[:2] == ("VNM", "GOV")
    alone = _analyse("The trade minister, Tran Tuan Anh, signed the deal.", "2023-03-22")
    assert _actor_of(alone, "Tran Tuan Anh")[0] is None


def test_a_source_s_place_and_a_region_s_adjective_give_no_country() -> None:
    report = _codes(_analyse("Rebels attacked a village in the north, killing about 20 people, relief officials in "
                             "Nairobi said.", "2005-03-01"))
    assert "Rebels" not in report and "people" not in report, report  # Nairobi is where the source sits
    local = _codes(_analyse("Police in Kabul said people had gathered near the ministry.", "2005-09-20"))
    assert local.get("people") == "afg-people", local  # the speaker first: where it happens
    summit = _codes(_analyse("West African leaders met in Abuja. West Africans protested.", "2005-03-01"))
    assert "leaders" not in summit and "West" not in summit, summit


def test_a_name_with_a_middle_initial_the_tables_leave_out() -> None:
    found = _analyse("WASHINGTON—Secretary of Homeland Security Alejandro N. Mayorkas is designating Venezuela for "
                     "Temporary Protected Status.", "2021-03-08")
    assert _actor_of(found, "Alejandro N. Mayorkas")[:2] == ("USA", "GOV")
    unknown = _codes(_analyse("Maria T. Nobody spoke in Caracas.", "2021-03-08"))
    assert "Maria T. Nobody" not in unknown, unknown


def test_figures_a_speech_quotes_carry_their_country() -> None:
    speech = _codes(_analyse("As Mahatma Gandhi taught us, and as Goethe wrote, peace is the path.", "2015-09-28"))
    assert (speech.get("Mahatma Gandhi"), speech.get("Goethe")) == ("mahatma-gandhi", "johann-wolfgang-von-goethe")
    assert _codes(_analyse("Rahul Gandhi spoke in Delhi.", "2015-09-28")).get("Rahul Gandhi") != "mahatma-gandhi"


def test_a_person_named_after_a_nationality_and_a_calling_and_an_okina() -> None:
    writer = _analyse("As the Nigerian novelist Chinua Achebe wrote, things fall apart. Achebe was right.",
                      "2010-09-25")
    assert _actor_of(writer, "Chinua Achebe")[:2] == ("NGA", "CVL")
    assert _actor_of(writer, "Achebe")[:2] == ("NGA", "CVL")
    assert _codes(_analyse("In Nukuʻalofa, fishermen protested.", "2023-08-25")).get("Nukuʻalofa") == "TON"
    activist = _analyse("The Kenyan activist Boniface Mwangi was arrested.", "2023-08-25")
    assert _actor_of(activist, "Kenyan activist Boniface Mwangi")[:2] == ("KEN", "OPP")


def test_a_title_makes_a_person_of_a_name_the_tagger_took_for_a_body() -> None:
    """The tagger calls "Hadeel Masarweh" an ORG; the title "lawmaker" right before it says who it is, and the
    surname alone is the same person later."""
    analysis = _analyse("Jordanian lawmaker Hadeel Masarweh asked the government to explain the rise in bread "
                        "prices. Masarweh said families could no longer cope.", "2023-05-01")
    assert _actor_of(analysis, "Jordanian lawmaker Hadeel Masarweh") == ("JOR", "LEG", "document")
    assert _actor_of(analysis, "Masarweh") == ("JOR", "LEG", "document")


def test_a_title_word_inside_a_body_name_makes_no_person() -> None:
    """"General Motors", "the General Assembly": a title word that starts a body's name is not a title."""
    analysis = _analyse("General Motors said it would build a plant. The General Assembly voted on Monday.",
                        "2023-05-01")
    assert not [a for a in analysis.actors if a.kind == "person"]
