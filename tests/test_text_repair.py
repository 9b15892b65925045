"""Encodings, markup inside text fields, invisible controls and datelines (issue 19): no model needed."""

from __future__ import annotations

import codecs
import datetime as dt
import json
from pathlib import Path

import pytest

from multipolar.errors import InputError
from multipolar.ingest.datelines import find_dateline, without_dateline
from multipolar.ingest.encodings import decode_bytes
from multipolar.ingest.markup import strip_invisible, strip_markup
from multipolar.ingest.read import check_text, clean_text, read_document
from multipolar.settings import DEFAULT_SETTINGS

STORY = "Señor Pérez, the Spanish envoy in Zürich, said Spain would send aid to Chile."


@pytest.mark.parametrize("encoding, bom", [
    ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-16-le", b""),
    ("utf-16-be", b""), ("utf-32-le", codecs.BOM_UTF32_LE), ("utf-32-be", b""), ("utf-8", codecs.BOM_UTF8),
])
def test_wide_encodings_with_or_without_a_byte_order_mark(encoding: str, bom: bytes) -> None:
    decoded = decode_bytes(bom + STORY.encode(encoding))
    assert decoded.text == STORY
    assert decoded.encoding == encoding


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_short_western_text_in_a_single_byte_encoding(encoding: str) -> None:
    assert decode_bytes("Señor Pérez met officials in Zürich.".encode(encoding)).text == \
        "Señor Pérez met officials in Zürich."


def test_cyrillic_single_byte_text_is_not_read_as_western() -> None:
    russian = "Министерство иностранных дел России заявило, что переговоры продолжатся в Москве. " * 4
    assert decode_bytes(russian.encode("cp1251")).text == russian


def test_a_file_mixing_utf8_and_latin1_lines_is_read_line_by_line_with_a_note() -> None:
    data = "Zürich hosted the talks.\n".encode() + "Zürich will host them again.\n".encode("latin-1")
    decoded = decode_bytes(data)
    assert decoded.text == "Zürich hosted the talks.\nZürich will host them again.\n"
    assert decoded.note is not None and "1 of 2 lines" in decoded.note


def test_the_mixed_encoding_note_reaches_every_record(tmp_path: Path) -> None:
    lines = [json.dumps({"id": "a", "text": "Officials in Zürich said Spain would send aid to Chile."},
                        ensure_ascii=False).encode(),
             json.dumps({"id": "b", "text": "Officials in Zürich said Spain would send aid to Peru."},
                        ensure_ascii=False).encode().replace("ü".encode(), "ü".encode("latin-1"))]
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    records = list(read_document(str(path)))
    assert [r.article.text.split()[2] for r in records if r.article] == ["Zürich", "Zürich"]
    assert all(r.article and r.article.notes and "mixed encodings" in r.article.notes[0] for r in records)


@pytest.mark.parametrize("data", [b"\x00\x01\x02PK\x03\x04" * 20, bytes(range(256)) * 4])
def test_binary_data_is_still_refused(data: bytes) -> None:
    with pytest.raises(InputError, match="binary"):
        decode_bytes(data, "x")


@pytest.mark.parametrize("raw, clean", [
    ('The emergency was continued on <span style="text-decoration: underline">February 13, 2020.</span>',
     "The emergency was continued on February 13, 2020."),
    ("<u>U.S.-Japan Cooperation for Peace</u>", "U.S.-Japan Cooperation for Peace"),
    ("the 80<sup>th</sup> anniversary", "the 80th anniversary"),
    ("<table><tr><td>Exports</td><td>$5 billion</td></tr></table>", "Exports $5 billion"),
    ("See <https://example.org/a> for details.", "See https://example.org/a for details."),
    ("Tariffs &amp; <b>quotas</b>", "Tariffs & quotas"),
    ("Inflation < 2% and rates > 3%", "Inflation < 2% and rates > 3%"),
    ("The <ticker> field and AT&amp;T stay as written.", "The <ticker> field and AT&amp;T stay as written."),
    ("Before<script>alert(1)</script> after.", "Before after."),
])
def test_markup_inside_text_fields_is_removed(raw: str, clean: str) -> None:
    assert strip_markup(raw).strip() == clean


def test_bidirectional_and_zero_width_controls_are_removed() -> None:
    assert strip_invisible("\u202eRussia\u202c invaded\u200b Ukraine.\u2066") == "Russia invaded Ukraine."
    assert clean_text("\u2067Russia invaded Ukraine.\u2069") == "Russia invaded Ukraine."


@pytest.mark.parametrize("text, date, rest", [
    ("NEW DELHI, 7 May 2025 - India and Pakistan agreed to talks.", dt.date(2025, 5, 7),
     "India and Pakistan agreed to talks."),
    ("WASHINGTON, June 6, 2024 -- The President met the Chancellor.", dt.date(2024, 6, 6),
     "The President met the Chancellor."),
    ("Brussels, 1 February 2024. The EU agreed a new package.", dt.date(2024, 2, 1), "The EU agreed a new package."),
    ("KYIV, Ukraine, Feb. 24, 2022 (AP) — Russia invaded Ukraine.", dt.date(2022, 2, 24), "Russia invaded Ukraine."),
    ("GENEVA, March 3 (Reuters) - Talks began.", None, "Talks began."),
    ("Sanctions bite\n\nMOSCOW, 3 March 2023 - Russia protested.", dt.date(2023, 3, 3),
     "Sanctions bite\n\nRussia protested."),
])
def test_datelines_are_read_and_removed(text: str, date: dt.date | None, rest: str) -> None:
    assert without_dateline(text) == (rest, date)


@pytest.mark.parametrize("text", [
    "Moscow, 30 February 2024 - the day does not exist.", "Russia and China, in March 2024, signed a deal.",
    "President Biden spoke today with President Xi Jinping.", "In 2022 - a bad year - trade grew.",
])
def test_no_dateline(text: str) -> None:
    assert find_dateline(text) is None


def test_a_dateline_dates_a_plain_text_file_before_the_fallback_date(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("WASHINGTON, June 6, 2024 - The United States imposed sanctions on Iran, officials said.")
    (record,) = read_document(str(path), date=dt.date(2024, 6, 7))
    assert record.article is not None and record.article.date == dt.date(2024, 6, 6)
    assert record.article.text.startswith("The United States")
    undated = tmp_path / "undated.txt"
    undated.write_text("The United States imposed sanctions on Iran, officials said.")
    (fallback,) = read_document(str(undated), date=dt.date(2024, 6, 7))
    assert fallback.article is not None and fallback.article.date == dt.date(2024, 6, 7)


@pytest.mark.model
def test_a_sentence_wrapped_in_bidirectional_controls_keeps_its_events() -> None:
    import multipolar

    result = multipolar.analyze("\u202bRussia\u200b invaded Ukraine in February 2022.\u202c", date="2022-03-01")
    assert [(e.source, e.plover, e.target) for e in result.events] == [("RUS", "ASSAULT", "UKR")]


@pytest.mark.model
def test_markup_in_a_record_does_not_reach_quotes() -> None:
    import multipolar

    record = {"id": "x", "date": "2025-02-01", "text": 'The President said: <span style="text-decoration: '
              'underline">“We will stand with our allies in Europe.”</span>'}
    (result,) = multipolar.process([record])
    assert result.analysis is not None
    assert [q.text for q in result.analysis.quotes] == ["We will stand with our allies in Europe."]
    assert "text-decoration" not in result.analysis.document.text


@pytest.mark.model
@pytest.mark.parametrize("text, date", [
    ('Foreign Minister Ana Reyes, who took office in 2019, said: "We will not accept these tariffs."', None),
    ('"The talks were useful," said the spokesman, who joined the ministry in 2015.', None),
    ('In March 2021, the minister said "we are ready to talk to them".', "2021-03"),
])
def test_a_quote_is_dated_by_its_clause_not_by_its_speaker_past(text: str, date: str | None) -> None:
    import multipolar

    (quote,) = multipolar.analyze(text, date="2024-05-01").quotes
    assert quote.date == date


@pytest.mark.model
def test_ingest_dates_undated_documents_with_date_unless_a_dateline_or_record_does(tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    from multipolar.corpus.ingest import ingest

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Japan pledged aid to Fiji after the cyclone, officials said on Monday.")
    (folder / "b.txt").write_text("SUVA, 3 March 2023 - Japan pledged aid to Fiji after the cyclone.")
    (folder / "c.jsonl").write_text(json.dumps({"id": "c", "date": "2021-07-01",
                                                "text": "Japan pledged aid to Fiji after the floods."}) + "\n")
    db = tmp_path / "store.duckdb"
    ingest([folder], db, workers=1, date=dt.date(2024, 1, 15))
    connection = duckdb.connect(str(db), read_only=True)
    try:
        dates = sorted(str(row[0]) for row in connection.execute("SELECT date FROM documents").fetchall())
    finally:
        connection.close()
    assert dates == ["2021-07-01", "2023-03-03", "2024-01-15"]


@pytest.mark.parametrize("text", [
    "La France et l'Allemagne ont signé un accord sur l'énergie à Paris.",
    "Le président a rencontré son homologue russe.", "Der Präsident traf gestern den Außenminister.",
    "El presidente se reunió con el ministro.", "Die Regierung hat neue Sanktionen beschlossen.",
    "Il presidente della Repubblica ha incontrato il premier.",
])
def test_a_short_text_in_another_language_is_refused(text: str) -> None:
    with pytest.raises(InputError, match="English"):
        check_text(text, "x", DEFAULT_SETTINGS)


@pytest.mark.parametrize("text", [
    "Great Britain", "Nikol Pashinyan", "Charles de Gaulle met officials in La Paz and El Salvador.",
    "Ursula von der Leyen met the President of Côte d’Ivoire.", "The café in Zürich hosted a détente summit.",
    "Lula da Silva visited São Paulo.", "Recep Tayyip Erdoğan met Andrés Manuel López Obrador.",
    "Soldiers die in Donetsk as the war goes on",
])
def test_a_short_english_text_with_foreign_names_is_analysed(text: str) -> None:
    check_text(text, "x", DEFAULT_SETTINGS)


def test_no_gold_text_is_refused_as_not_english() -> None:
    from .conftest import GOLD

    refused = []
    for path in sorted(GOLD.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line) if line.strip() else {}
            text = record.get("text")
            if isinstance(text, str) and text.strip():
                try:
                    check_text(text, "x", DEFAULT_SETTINGS)
                except InputError as exc:
                    refused.append(f"{path.name} {record.get('id')}: {exc}")
    assert refused == []
