"""Reading and cleaning input: no model needed."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from multipolar.errors import InputError
from multipolar.ingest.read import (
    article_from_html,
    check_text,
    clean_text,
    decode,
    iter_records,
    parse_date,
    read_document,
    sniff_format,
)
from multipolar.settings import DEFAULT_SETTINGS

from .conftest import FIXTURES

ENGLISH = "Russia and China signed an agreement on energy cooperation in Beijing on Monday, officials said."


@pytest.mark.parametrize(
    "line",
    ["Print Friendly, PDF & Email", "Share this article", "Share on Facebook", "Facebook | Twitter | Email",
     "Print this page", "Subscribe to our newsletter", "Advertisement"],
)
def test_furniture_lines_are_dropped(line: str) -> None:
    cleaned = clean_text(f"{ENGLISH}\n\n{line}\n\nThe talks will continue in May.")
    assert line not in cleaned
    assert ENGLISH in cleaned and "The talks will continue in May." in cleaned


def test_furniture_at_the_end_of_a_body_line_is_cut() -> None:
    cleaned = clean_text(f"{ENGLISH}Print Friendly, PDF & Email")
    assert cleaned == ENGLISH


def test_sentences_that_mention_sharing_survive() -> None:
    text = "Russia has shared submarine technology with China, officials said."
    assert clean_text(text) == text


def test_control_characters_and_crlf_are_normalised() -> None:
    assert clean_text("One line.\r\nTwo\x07 lines.") == "One line.\nTwo  lines."


def test_decode_detects_a_legacy_encoding() -> None:
    text = "Les négociations à Genève ont échoué, a déclaré le ministre français des Affaires étrangères. " * 3
    assert decode(text.encode("cp1252"))[0].startswith("Les négociations à Genève")


@pytest.mark.parametrize("data, reason", [(b"", "empty"), (b"   \n ", "empty"), (b"\x00\x01\x02PK\x03\x04", "binary")])
def test_decode_refuses_empty_and_binary(data: bytes, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        decode(data, "x")


def test_non_english_text_is_refused() -> None:
    german = ("Die Bundesregierung hat am Montag neue Sanktionen gegen Russland beschlossen, teilte das "
              "Auswärtige Amt mit. Die Maßnahmen sollen ab Juni gelten und betreffen vor allem Banken.")
    with pytest.raises(InputError, match="English"):
        check_text(german, "x", DEFAULT_SETTINGS)
    with pytest.raises(InputError, match="English"):
        check_text("中国和俄罗斯签署了新的能源合作协议，双方同意扩大贸易。" * 3, "x", DEFAULT_SETTINGS)


@pytest.mark.parametrize(
    "name, text, kind",
    [("a.html", "x", "html"), ("a.jsonl.gz", "x", "jsonl"), ("a.txt", "<p>x</p>", "text"),
     ("", "<!doctype html><p>x</p>", "html"), ("", '{"text": "x"}\n{"text": "y"}\n', "jsonl"),
     ("", '{"text": "x"}', "json"), ("", "Plain words.", "text")],
)
def test_sniff_format(name: str, text: str, kind: str) -> None:
    assert sniff_format(text, name) == kind


def test_html_main_text_without_furniture() -> None:
    html = (FIXTURES / "page.html").read_text(encoding="utf-8")
    article = article_from_html(html, name="page.html", date=None, settings=DEFAULT_SETTINGS)
    assert "reciprocal access agreement" in article.text
    assert "military aid to Ukraine" in article.text
    for furniture in ("Print Friendly", "Share on Facebook", "Subscribe", "All rights reserved", "Print this page"):
        assert furniture not in article.text
    assert article.date == dt.date(2024, 3, 5)
    assert article.title and "defence pact" in article.title


def test_html_without_article_text_is_refused() -> None:
    with pytest.raises(InputError, match="no article text"):
        article_from_html("<html><body><nav><a href='/'>Home</a></nav></body></html>", name="x",
                          date=None, settings=DEFAULT_SETTINGS)


def test_jsonl_records_keep_order_and_report_bad_lines() -> None:
    text = (FIXTURES / "records.jsonl").read_text(encoding="utf-8")
    records = list(iter_records(text, name="records.jsonl", date=None, settings=DEFAULT_SETTINGS))
    assert [r.line for r in records] == [1, 2, 3, 4]
    assert [r.source_id for r in records] == ["a1", "a2", None, "a4"]
    assert records[0].article is not None and records[0].article.date == dt.date(2019, 6, 5)
    assert records[1].article is None and "no text" in (records[1].error or "")
    assert records[2].article is None and "invalid JSON" in (records[2].error or "")
    assert records[3].article is not None and records[3].article.source == "https://example.org/sanctions"


def test_gzip_file_and_damaged_gzip(tmp_path: Path) -> None:
    good = tmp_path / "one.txt.gz"
    good.write_bytes(gzip.compress(ENGLISH.encode()))
    assert next(read_document(str(good))).article.text == ENGLISH  # type: ignore[union-attr]
    bad = tmp_path / "bad.jsonl.gz"
    bad.write_bytes(gzip.compress(b'{"text": "x"}')[:-8])
    with pytest.raises(InputError, match="gzip"):
        list(read_document(str(bad)))


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(read_document(str(tmp_path / "absent.txt")))
    with pytest.raises(InputError, match="directory"):
        list(read_document(str(tmp_path)))


@pytest.mark.parametrize("value, expected", [("2022-02-24", dt.date(2022, 2, 24)), ("19950101", dt.date(1995, 1, 1)),
                                             ("2024-03-05T08:00:00Z", dt.date(2024, 3, 5)), (None, None), ("", None)])
def test_parse_date(value: str | None, expected: dt.date | None) -> None:
    assert parse_date(value) == expected


def test_absurd_date_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="not a date"):
        parse_date("2022-13-45")


def test_hard_wrapped_lines_are_joined_and_paragraphs_kept() -> None:
    wrapped = ("The delegation of Chile wishes to thank\nthe President of the Assembly for his\nwork during the "
               "session, and we firmly\nreaffirm our support for the work of the\nUnited Nations and its Charter "
               "in\nall its parts and principles.\n\nA new paragraph starts right\nhere and goes on for quite a "
               "while\nbefore it ends.")
    cleaned = clean_text(wrapped)
    assert "thank the President of the Assembly for his work" in cleaned
    assert "\n\nA new paragraph starts right here" in cleaned


def test_a_short_hard_wrapped_excerpt_is_joined_too() -> None:
    """Three wrapped lines of a speech excerpt are one sentence, not three fragments for the parser."""
    wrapped = ("As the Secretary-General reminded us, and I quote:\n\n\u201cFor the model of growth that\n"
               "served us so long is failing the many and\nenriching the few, we must change it now\u201d.")
    assert "\u201cFor the model of growth that served us so long is failing the many and" in clean_text(wrapped)


def test_ordinary_paragraphs_are_not_joined() -> None:
    text = "Short title\nRussia and China signed a long agreement on energy and trade in Beijing on Monday."
    assert clean_text(text) == text


def test_a_record_with_only_a_year_is_dated_to_that_year() -> None:
    text = (f'{{"id": "CHN_77_2022", "year": 2022, "text": "{ENGLISH}"}}\n'
            f'{{"id": "x", "year": "soon", "text": "{ENGLISH}"}}')
    good, bad = iter_records(text, name="speeches.jsonl", date=dt.date(2030, 5, 5), settings=DEFAULT_SETTINGS)
    assert good.article is not None and good.article.date == dt.date(2022, 1, 1)
    assert good.article.date_precision == "year" and good.article.date_label == "2022"
    assert good.article.as_dict()["date_precision"] == "year"
    assert bad.article is None and "year 'soon' is not a year" in (bad.error or "")


@pytest.mark.parametrize("text", ["Great Britain", "Nikol Pashinyan", "Jüri Ratas", "Gitanas Nausėda",
                                  "He", "the DEA", "Kyiv police", "Šimonytė", "123", "Putin said."])
def test_any_text_that_is_not_blank_is_analysed(text: str) -> None:
    check_text(text, "x", DEFAULT_SETTINGS)


@pytest.mark.parametrize("text", ["", "   ", "\n\t "])
def test_only_blank_text_has_nothing_to_analyse(text: str) -> None:
    with pytest.raises(InputError, match="no text to analyse"):
        check_text(text, "x", DEFAULT_SETTINGS)


def test_no_english_gold_text_is_refused() -> None:
    """Every text of every gold set is English: the language check refuses none (short ones included)."""
    from .conftest import GOLD, SHARED

    texts = [json.loads(line)["text"] for path in sorted(GOLD.glob("*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for path in sorted((SHARED / "gold").glob("*/*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    refused = []
    for text in texts:
        try:
            check_text(clean_text(text), "gold", DEFAULT_SETTINGS)
        except InputError as exc:
            refused.append((text[:60], str(exc)))
    assert len(texts) > 300 and refused == []


def _handmade(text: str, code: str) -> Any:
    from multipolar.records import Actor, Analysis, Article, Sentence, Span

    article = Article(text, f"On {code}", dt.date(2024, 5, 1), f"https://example.org/{code}")
    actor = Actor(code, code, "state", code, None, (Span(0, 3, text[:3]),))
    return Analysis(article, (Sentence(0, 0, len(text)),), (actor,))


def test_a_batch_written_at_once_stores_what_one_at_a_time_does(tmp_path: Path) -> None:
    """The ingest writer's batches: the same documents and rows as `write_analysis` one by one; a document met
    twice, or stored before, is written once (False the other times)."""
    from multipolar.corpus import store

    first, second, third = (_handmade(f"{c} and its neighbours met in {c}.", c) for c in ("FRA", "DEU", "ITA"))
    at_once, one_by_one = store.connect(tmp_path / "a.duckdb"), store.connect(tmp_path / "b.duckdb")
    try:
        assert store.write_analyses(at_once, [third]) == [True]
        assert store.write_analyses(at_once, [first, second, first, third]) == [True, True, False, False]
        assert [store.write_analysis(one_by_one, a) for a in (third, first, second)] == [True, True, True]
        for analysis in (first, second, third):
            written = store.read_analysis(at_once, analysis.document.id)
            assert written is not None and written == store.read_analysis(one_by_one, analysis.document.id)
            assert [a.code for a in written.actors] == [analysis.actors[0].code]
        assert store.counts(at_once) == store.counts(one_by_one)
    finally:
        at_once.close()
        one_by_one.close()


def test_the_last_batches_are_cut_small_and_nothing_is_lost() -> None:
    """At the end of a corpus the last `hold` batches go out in small ones, so no worker waits long for
    another's last batch; every item is sent once, in order."""
    from multipolar.corpus.ingest import small_tail

    batches = [list(range(k, min(k + 16, 70))) for k in range(0, 70, 16)]  # 16, 16, 16, 16, 6
    sent = list(small_tail(iter(batches), hold=2, size=4))
    assert [len(b) for b in sent] == [16, 16, 16, 4, 4, 4, 4, 4, 2]
    assert [i for b in sent for i in b] == list(range(70))
    assert list(small_tail(iter([]), hold=2, size=4)) == []


def test_rows_built_in_a_worker_store_what_the_analysis_does(tmp_path: Path) -> None:
    """An ingest worker sends the store's rows, not the analysis: through pickle, they store the same rows."""
    import pickle

    from multipolar.corpus import store

    analyses = [_handmade(f"{c} and its neighbours met in {c}.", c) for c in ("FRA", "DEU")]
    sent = pickle.loads(pickle.dumps([store.rows_of(a) for a in analyses]))
    assert [r.doc_id for r in sent] == [a.document.id for a in analyses]
    from_rows, from_analyses = store.connect(tmp_path / "r.duckdb"), store.connect(tmp_path / "a.duckdb")
    try:
        assert store.write_analyses(from_rows, [*sent, sent[0]]) == [True, True, False]
        assert store.write_analysis(from_rows, sent[1]) is False
        assert store.write_analyses(from_analyses, analyses) == [True, True]
        for analysis in analyses:
            assert store.read_analysis(from_rows, analysis.document.id) == store.read_analysis(
                from_analyses, analysis.document.id) is not None
        assert store.counts(from_rows) == store.counts(from_analyses)
    finally:
        from_rows.close()
        from_analyses.close()
