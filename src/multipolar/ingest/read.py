"""Reading documents: files, URLs, stdin; plain text, HTML and JSON/JSONL records -> `Article`s.

I/O lives here and in the CLI only. Every failure is an `InputError` with a one-line reason.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gzip
import hashlib
import json
import re
import sys
import unicodedata
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from multipolar.errors import InputError, failure
from multipolar.ingest.datelines import without_dateline
from multipolar.ingest.encodings import decode_bytes
from multipolar.ingest.language import looks_foreign
from multipolar.ingest.lines import streamed_lines
from multipolar.ingest.markup import strip_invisible, strip_markup
from multipolar.records import Article, DatePrecision
from multipolar.settings import DEFAULT_SETTINGS, Settings

_HTML_HINT = re.compile(r"<\s*(?:!doctype\s+html|html|body|article|div|p|head)\b", re.IGNORECASE)
_OPENING_TAG = re.compile(r"<[A-Za-z]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")
"""Half of a UTF-16 pair, which a JSON string can hold ("\\ud800") but no UTF-8 text can."""
_ENGLISH_FUNCTION_WORDS = frozenset((
    "the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "as", "by", "was",
    "at", "from", "it", "are", "has", "have", "be", "this", "which", "its", "an", "or", "not",
    "but", "were", "their", "been", "had", "will", "would", "they", "he", "she", "his", "her",
    "said", "also", "than", "more", "after",
))


_OTHER_FUNCTION_WORDS = tuple(frozenset(words.split()) for words in (
    "de la que el en los del las por con una para es se su al lo como más pero sus ya este porque esta entre "
    "cuando muy sin sobre también hasta",  # Spanish
    "de la le et les des du un une est que qui dans pour pas au sur par plus ne ce avec sont aux nous vous",
    "de o que e do da em um para é com não uma os no na por mais dos como mas ao das nós à",  # Portuguese
    "der die und den von zu das mit sich des auf für ist im dem nicht ein eine als auch werden aus hat dass "
    "sie nach wird bei",  # German
    "di che il la per un del della sono con non le si una al dei nel è anche",  # Italian
    "de het een van en dat op te zijn voor met niet aan er ook als bij door",  # Dutch
))
"""Common function words of the other languages news comes in: a text is refused as not English only when
one of them is more common in it than English's, so an English list of names or figures is not refused."""


@dataclass(frozen=True)
class PageToExtract:
    """A web page (an HTML file, or a record's `html`) whose text is still to be extracted.

    Extraction can be slow on a hostile page, so `ingest` leaves it to a worker process, where it runs
    under the document time limit like the analysis."""

    name: str
    html: str | None = None
    record: dict[str, Any] | None = None
    date: dt.date | None = None
    notes: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """A hash of the page as it came, to know it again before extracting it."""
        raw = self.html if self.html is not None else json.dumps(self.record, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(field_text(raw).encode("utf-8")).hexdigest()

    def article(self, settings: Settings) -> Article:
        if self.record is not None:
            article = article_from_record(self.record, name=self.name, date=self.date, settings=settings)
        else:
            article = article_from_html(self.html or "", name=self.name, date=None, settings=settings,
                                        fallback_date=self.date)
        return dataclasses.replace(article, notes=(*article.notes, *self.notes)) if self.notes else article


@dataclass(frozen=True)
class InputRecord:
    """One input document (a line of JSONL, or a whole file): its line number and an article or an error
    (or, when asked to defer it, the page whose text is still to be extracted)."""

    line: int
    source_id: str | None
    article: Article | None
    error: str | None
    page: PageToExtract | None = None


def read_bytes(source: str, settings: Settings = DEFAULT_SETTINGS) -> bytes:
    """Bytes of a path, an http(s) URL, or `-` for standard input."""
    if source == "-":
        return sys.stdin.buffer.read()
    if re.match(r"https?://", source):
        return _fetch(source, settings.fetch_timeout)
    path = Path(source)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"{source}: no such file") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{source}: is a directory, not a document") from exc
    except OSError as exc:
        raise InputError(f"{source}: cannot read ({exc.strerror or exc})") from exc
    if path.suffix == ".gz":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise InputError(f"{source}: damaged gzip file ({exc})") from exc
    return data


def _fetch(url: str, timeout: float) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": "multipolar/0.1"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return bytes(response.read())
    except urllib.error.HTTPError as exc:
        raise InputError(f"{url}: the server answered {exc.code} {exc.reason}") from exc
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise InputError(f"{url}: cannot fetch ({reason})") from exc


def decode(data: bytes, name: str = "input") -> tuple[str, str | None]:
    """Text of `data` (UTF-8/16/32, or single-byte encodings detected per line) and a note when the
    file mixed encodings; binary data is refused."""
    decoded = decode_bytes(data, name)
    if decoded.encoding != "utf-8" and _looks_binary(decoded.text):
        raise InputError(f"{name}: binary data, not text")
    return decoded.text, decoded.note


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    odd = sum(1 for ch in sample if unicodedata.category(ch) in ("Cc", "Co", "Cn") and ch not in "\n\r\t")
    return odd > max(8, len(sample) // 20)


def sniff_format(text: str, name: str = "") -> str:
    """One of html, json, jsonl, text: from the file name when it says, else from the content."""
    lowered = name.lower().removesuffix(".gz")
    for suffix, kind in ((".html", "html"), (".htm", "html"), (".jsonl", "jsonl"), (".json", "json")):
        if lowered.endswith(suffix):
            return kind
    if lowered.endswith((".txt", ".text", ".md")):
        return "text"
    head = text.lstrip()[:2048]
    if head.startswith("{"):
        first_line = head.split("\n", 1)[0].strip()
        return "jsonl" if first_line.endswith("}") and "\n" in text.strip() else "json"
    if head.startswith("["):
        return "json"
    if _HTML_HINT.search(head):
        return "html"
    return "text"


@lru_cache(maxsize=1)
def _boilerplate() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lines = resources.files("multipolar").joinpath("data/boilerplate.txt").read_text(encoding="utf-8")
    alternatives = [ln.strip() for ln in lines.splitlines() if ln.strip() and not ln.startswith("#")]
    body = "|".join(f"(?:{alt})" for alt in alternatives)
    whole = re.compile(rf"^\W*(?:{body})\W*$", re.IGNORECASE)
    tail = re.compile(rf"(?<=[.!?\"”’])\s*(?:{body})\s*$", re.IGNORECASE)
    return whole, tail


def clean_text(text: str) -> str:
    """Normalised newlines, no markup, no control or invisible characters, no page-furniture lines."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = strip_markup(strip_invisible(_LONE_SURROGATE.sub("\ufffd", _CONTROL.sub(" ", text))))
    text = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)  # comments left by HTML-to-Markdown converters
    whole, tail = _boilerplate()
    kept: list[str] = []
    for line in text.split("\n"):
        if line.strip() and whole.match(line.strip()):
            continue
        kept.append(tail.sub("", line).rstrip())
    return _unwrapped(re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip())


def _unwrapped(text: str) -> str:
    """Join hard-wrapped lines (PDF extractions wrap at ~50-80 characters) so sentences are whole again;
    blank lines still separate paragraphs. Text that is not hard-wrapped is left as it is."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if len(lines) < 3:
        return text
    wrapped = sum(1 for ln in lines if 25 <= len(ln) <= 90)
    open_ended = sum(1 for ln in lines if not re.search(r"[.!?:;\"”’)]\s*$", ln))
    if wrapped < 0.7 * len(lines) or open_ended < 0.5 * len(lines):
        return text
    return re.sub(r"(?<=\S)[ \t]*\n(?!\s*\n)[ \t]*(?=\S)", " ", text)


def check_text(text: str, name: str, settings: Settings) -> None:
    """Refuse what cannot be analysed, with the reason. Any text that is not blank is analysed, however
    short ("Great Britain"); only a text long enough to judge is refused for not looking English."""
    if len(text) > settings.max_chars:
        raise InputError(f"{name}: {len(text):,} characters is over the limit of {settings.max_chars:,}")
    if not text.strip():
        raise InputError(f"{name}: no text to analyse")
    words = re.findall(r"[^\W\d_]+", text)
    if len(words) < settings.min_words:
        raise InputError(f"{name}: {len(words)} words is under the minimum of {settings.min_words}")
    if not words:
        return
    latin = sum(1 for w in words if _is_latin(w))
    if latin < len(words) / 2:
        raise InputError(f"{name}: the text is not in English (mostly non-Latin script)")
    if len(words) < ENGLISH_CHECK_WORDS and looks_foreign(text):
        raise InputError(f"{name}: the text does not look like English")
    if len(words) >= ENGLISH_CHECK_WORDS:
        lower = [w.lower() for w in words]
        english = sum(1 for w in lower if w in _ENGLISH_FUNCTION_WORDS) / len(lower)
        other = max(sum(1 for w in lower if w in table) / len(lower) for table in _OTHER_FUNCTION_WORDS)
        if english < settings.min_english_ratio and other > english:
            raise InputError(f"{name}: the text does not look like English")


HTML_MIN_WORDS = 3
"""What a page's extractor keeps of fewer words than this is page furniture ("Home"), not an article."""
ENGLISH_CHECK_WORDS = 20
"""Below this many words a text is too short to judge its language by its function words."""


def _is_latin(word: str) -> bool:
    """Latin script, accents included ("Nausėda", "Thaçi"): ASCII, or every letter named LATIN."""
    return word.isascii() or all(unicodedata.name(ch, "").startswith("LATIN") for ch in word)


def parse_date(value: Any, name: str = "input") -> dt.date | None:
    """A document date from `YYYY-MM-DD`, an ISO timestamp, or YYYYMMDD; None when absent."""
    if value is None or value == "":
        return None
    raw = str(value).strip()
    for candidate in (raw[:10], raw):
        try:
            return dt.date.fromisoformat(candidate)
        except ValueError:
            continue
    if re.fullmatch(r"\d{8}", raw):
        try:
            return dt.datetime.strptime(raw, "%Y%m%d").date()
        except ValueError:
            pass
    from multipolar.nlp.dates import normalise

    written = normalise(raw, None)
    if written is not None:
        return written.start
    raise InputError(f"{name}: date {raw!r} is not a date (use YYYY-MM-DD)")


def article_from_html(html: str, *, name: str, date: dt.date | None, settings: Settings,
                      fallback_date: dt.date | None = None) -> Article:
    """Main text of a web page (trafilatura), with its title and date when the page has them."""
    import trafilatura

    from multipolar.nlp.limits import time_limit

    tags = len(_OPENING_TAG.findall(html))
    if tags > settings.max_html_tags:
        raise InputError(f"{name}: the page has {tags:,} tags, over the limit of {settings.max_html_tags:,} "
                         "(max_html_tags)")
    with time_limit(settings.doc_timeout, f"{name}: extracting the text of the page"):
        extracted = trafilatura.bare_extraction(
            html, include_comments=False, include_tables=False, favor_precision=True, with_metadata=True
        )
    body = getattr(extracted, "text", None) if extracted is not None else None
    if not body:
        raise InputError(f"{name}: no article text found in the HTML")
    text = clean_text(body)
    found = len(re.findall(r"[^\W\d_]+", text))
    if found < max(HTML_MIN_WORDS, settings.min_words):
        raise InputError(f"{name}: no article text found in the HTML")
    check_text(text, name, settings)
    page_date = None
    try:
        page_date = parse_date(getattr(extracted, "date", None), name)
    except InputError:
        page_date = None
    text, dateline_date = without_dateline(text)
    return Article(
        text=text,
        title=getattr(extracted, "title", None) or None,
        date=date or page_date or dateline_date or fallback_date,
        source=getattr(extracted, "url", None) or name,
        voice=settings.voice,
    )


def article_from_text(text: str, *, name: str, date: dt.date | None, settings: Settings,
                      fallback_date: dt.date | None = None) -> Article:
    """`date` is the document's own (a record's); a dateline comes next, then `fallback_date` (`--date`)."""
    cleaned, dateline_date = without_dateline(clean_text(text))
    check_text(cleaned, name, settings)
    return Article(text=cleaned, date=date or dateline_date or fallback_date, source=name if name != "-" else None,
                  voice=settings.voice)


def article_from_record(
    record: Any, *, name: str, date: dt.date | None, settings: Settings
) -> Article:
    """An article from a JSON object with `text` (or `html`), `title`, `date` (or only `year`), `url`, `id`."""
    if not isinstance(record, dict):
        raise InputError(f"{name}: a record must be a JSON object")
    raw_date = parse_date(record.get("date"), name)
    precision: DatePrecision = "day"
    if raw_date is None and record.get("year") not in (None, ""):
        raw_date, precision = _year_date(record["year"], name), "year"
    source_id = None if record.get("id") is None else field_text(record["id"])
    if isinstance(record.get("text"), str):
        article = article_from_text(record["text"], name=name, date=raw_date, settings=settings, fallback_date=date)
    elif isinstance(record.get("html"), str):
        article = article_from_html(record["html"], name=name, date=raw_date, settings=settings, fallback_date=date)
    else:
        raise InputError(f"{name}: the record has no `text` field")
    title = record.get("title")
    return Article(
        text=article.text,
        title=field_text(title) if title else article.title,
        date=article.date,
        source=field_text(next((record[k] for k in ("url", "source_url", "source") if record.get(k)), "")) or
        article.source,
        source_id=source_id,
        date_precision=precision,
        voice=field_text(record.get(settings.voice_field) or "") or settings.voice,
    )


def field_text(value: Any) -> str:
    """A record's field as text that UTF-8 (a terminal, a database) can hold: lone surrogates replaced."""
    return _LONE_SURROGATE.sub("\ufffd", str(value))


def _year_date(value: Any, name: str) -> dt.date:
    """A record that knows only its year (a UN General Debate speech: `"year": 2022`)."""
    try:
        year = int(value)
        return dt.date(year, 1, 1)
    except (TypeError, ValueError, OverflowError) as exc:
        raise InputError(f"{name}: year {value!r} is not a year") from exc


def _loads(text: str) -> tuple[Any, str | None]:
    """(the JSON value, None), or (None, why it is not JSON)."""
    try:
        return json.loads(text), None
    except json.JSONDecodeError as exc:
        return None, f"invalid JSON ({exc.msg} at line {exc.lineno})" if "\n" in text.strip() else \
            f"invalid JSON ({exc.msg})"
    except RecursionError:
        return None, "invalid JSON (nested too deeply)"


def iter_records(text: str, *, name: str, date: dt.date | None, settings: Settings,
                 defer_html: bool = False) -> Iterator[InputRecord]:
    """Every line of a JSONL stream (or element of a JSON array) as a `InputRecord`, bad ones included:
    whatever one record raises becomes its error, and the next record goes on. With `defer_html`, a
    record of HTML comes as a `PageToExtract`."""
    stripped = text.strip()
    if stripped.startswith("["):
        items, problem = _loads(stripped)
        if problem is not None:
            raise InputError(f"{name}: {problem}")
        parsed: Iterator[tuple[int, Any, str | None]] = ((i + 1, item, None) for i, item in enumerate(items))
    else:
        parsed = _parsed_lines(enumerate(text.split("\n"), start=1))
    yield from _records(parsed, date=date, settings=settings, defer_html=defer_html)


def _parsed_lines(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, Any, str | None]]:
    """(line number, JSON value, why it is not JSON) of each line that is not blank, lazily."""
    return ((number, *_loads(line)) for number, line in lines if line.strip())


def _records(parsed: Iterator[tuple[int, Any, str | None]], *, date: dt.date | None, settings: Settings,
             defer_html: bool) -> Iterator[InputRecord]:
    for number, item, error in parsed:
        source_id = field_text(item["id"]) if isinstance(item, dict) and item.get("id") is not None else None
        if error is not None:
            yield InputRecord(number, source_id, None, f"line {number}: {error}")
            continue
        if defer_html and _is_html_record(item):
            yield InputRecord(number, source_id, None, None, PageToExtract(f"line {number}", record=item, date=date))
            continue
        try:
            article = article_from_record(item, name=f"line {number}", date=date, settings=settings)
        except Exception as exc:
            reason = failure(exc)[0]
            yield InputRecord(number, source_id, None,
                              reason if isinstance(exc, InputError) else f"line {number}: {reason}")
        else:
            yield InputRecord(number, source_id, article, None)


def _is_html_record(item: Any) -> bool:
    return isinstance(item, dict) and not isinstance(item.get("text"), str) and isinstance(item.get("html"), str)


def read_document(
    source: str, *, date: dt.date | None = None, settings: Settings = DEFAULT_SETTINGS, defer_html: bool = False,
) -> Iterator[InputRecord]:
    """The articles in `source` (one for text/HTML, one per record for JSON/JSONL), in order. With
    `defer_html`, web pages come as `PageToExtract`s, for a worker to extract."""
    name = "stdin" if source == "-" else source
    lines = streamed_lines(source)
    if lines is not None:  # plain UTF-8 JSONL, read a line at a time
        yield from _records(_parsed_lines(lines), date=date, settings=settings, defer_html=defer_html)
        return
    text, note = decode(read_bytes(source, settings), name)
    for record in _read_decoded(text, source, name, date, settings, defer_html):
        if note is not None and record.article is not None:
            record = dataclasses.replace(record, article=dataclasses.replace(
                record.article, notes=(*record.article.notes, note)))
        elif note is not None and record.page is not None:
            record = dataclasses.replace(record, page=dataclasses.replace(record.page, notes=(note,)))
        yield record


def _read_decoded(text: str, source: str, name: str, date: dt.date | None, settings: Settings,
                  defer_html: bool) -> Iterator[InputRecord]:
    kind = sniff_format(text, "" if source == "-" else source)
    if kind in ("json", "jsonl"):
        if kind == "json" and text.lstrip().startswith("{"):
            item, problem = _loads(text)
            if problem is not None:
                raise InputError(f"{name}: {problem}")
            if defer_html and _is_html_record(item):
                yield InputRecord(1, None, None, None, PageToExtract(name, record=item, date=date))
                return
            yield InputRecord(1, None, article_from_record(item, name=name, date=date, settings=settings), None)
            return
        yield from iter_records(text, name=name, date=date, settings=settings, defer_html=defer_html)
        return
    if kind == "html":
        if defer_html:
            yield InputRecord(1, None, None, None, PageToExtract(name, html=text, date=date))
            return
        article = article_from_html(text, name=name, date=None, settings=settings, fallback_date=date)
    else:
        article = article_from_text(text, name=name, date=None, settings=settings, fallback_date=date)
    yield InputRecord(1, None, article, None)
