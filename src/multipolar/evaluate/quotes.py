"""`multipolar eval` on quotation gold: quotes found, their speakers, and the speakers' actors.

Gold format (`tests/gold/README.md`, quotes sections): one JSON object a line with `id`, `date`, `text` and
`expected`, a list of `{text, start?, end?, speaker, speaker_actor, speaker_country?, speaker_sector?,
direct, kind?, pattern?}`; optional `not_quotes` (titles in marks that must not be reported) and
`speaker_of_document` (the state a UN speech speaks for: its "we"; on the record or in its `source`).

A found quotation matches an expected one when their characters overlap (gold without offsets: when the
texts are equal after stripping spaces, commas and full stops), one to one, largest overlap first. Its
speaker is right when the actor codes are equal, or else when the found speaker's country and sector
equal the gold's (a null in the gold is not scored); a gold speaker with neither (a group) is right when
the two mentions share a word; a gold speaker of null requires none. The stricter figure
(`quote_and_same_actor`) does not let country and sector stand in when both name an actor code: a speaker
code of another person, or the knowledge base's spelling of a name the document explains, is wrong.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from multipolar.errors import GoldFileError
from multipolar.evaluate.events import Score
from multipolar.evaluate.gold_file import gold_lines
from multipolar.pipeline import process
from multipolar.records import Quote
from multipolar.settings import DEFAULT_SETTINGS, Settings

_FILLER_WORDS = frozenset({"a", "an", "the", "of", "for", "in", "at", "and", "to", "mr", "mrs", "ms", "dr"})


@dataclass(frozen=True)
class QuoteGold:
    id: str
    date: str | None
    text: str
    expected: tuple[dict[str, Any], ...]
    not_quotes: tuple[str, ...] = ()
    voice: str | None = None
    category: str = "all"


@dataclass
class QuoteReport:
    """Quote F1, quote + speaker F1 and speaker-actor accuracy, overall and by gold pattern and kind."""

    quotes: Score = field(default_factory=Score)
    with_speaker: Score = field(default_factory=Score)
    same_actor: Score = field(default_factory=Score)
    """Stricter: where both name an actor code, the codes must be equal (country and sector do not do)."""
    actor_right: int = 0
    actor_scored: int = 0
    titles_reported: int = 0
    patterns: defaultdict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    """By gold pattern: tp = found with the right speaker, fn = missed or wrong speaker (no fp: a found
    quote has no pattern)."""
    kinds: defaultdict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    misses: list[dict[str, Any]] = field(default_factory=list)
    records: int = 0
    errors: int = 0

    @property
    def actor_accuracy(self) -> float:
        return self.actor_right / self.actor_scored if self.actor_scored else 0.0

    def add(self, other: QuoteReport) -> None:
        self.quotes.add(other.quotes)
        self.with_speaker.add(other.with_speaker)
        self.same_actor.add(other.same_actor)
        self.actor_right += other.actor_right
        self.actor_scored += other.actor_scored
        self.titles_reported += other.titles_reported
        for mine, theirs in ((self.patterns, other.patterns), (self.kinds, other.kinds)):
            for key, score in theirs.items():
                mine[key].add(score)
        self.misses.extend(other.misses)
        self.records += other.records
        self.errors += other.errors

    def as_dict(self) -> dict[str, Any]:
        return {
            "records": self.records, "errors": self.errors, "quotes": self.quotes.as_dict(),
            "quote_and_speaker": self.with_speaker.as_dict(), "quote_and_same_actor": self.same_actor.as_dict(),
            "speaker_actor": {"right": self.actor_right, "scored": self.actor_scored,
                              "accuracy": round(self.actor_accuracy, 4)},
            "titles_reported": self.titles_reported,
            "patterns": {k: v.as_dict() for k, v in sorted(self.patterns.items())},
            "kinds": {k: v.as_dict() for k, v in sorted(self.kinds.items())},
            "misses": self.misses,
        }


def is_quote_gold(path: Path) -> bool:
    """Quote gold: the first record's expected items name a speaker (event gold names a source)."""
    try:
        with path.open(encoding="utf-8") as handle:
            first = next((line for line in handle if line.strip()), "")
        expected = json.loads(first).get("expected") or [] if first else []
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, AttributeError):
        return False
    return bool(expected) and isinstance(expected[0], dict) and "speaker_actor" in expected[0] and \
        "source" not in expected[0]


def read_quote_gold(path: Path) -> list[QuoteGold]:
    records = []
    for number, line in gold_lines(path):
        try:
            raw = json.loads(line)
            records.append(QuoteGold(
                str(raw["id"]), str(raw["date"])[:10] if raw.get("date") else None, str(raw["text"]),
                tuple(dict(e) for e in raw["expected"]), tuple(str(t) for t in raw.get("not_quotes") or ()),
                _voice_of(raw), str(raw.get("category") or "all")))
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
            raise GoldFileError(f"{path}: line {number} is not a quote gold record ({exc})") from exc
    return records


CORPUS_VOICES = {"whitehouse-statements-2021-2026": "USA"}
"""The voice a corpus is ingested with (README: `--voice USA` for the White House statements), given to an
excerpt of it that names no `speaker_of_document`: as analysed there, its "I" and "we" are the speaker's."""


def _voice_of(raw: dict[str, Any]) -> str | None:
    """The state a speech speaks for: on the record, or with the corpus excerpt's `source`; else the voice of
    the corpus the excerpt is from."""
    source = raw.get("source")
    inner = source.get("speaker_of_document") if isinstance(source, dict) else None
    corpus = CORPUS_VOICES.get(str(source.get("corpus"))) if isinstance(source, dict) else None
    return raw.get("speaker_of_document") or inner or corpus or None


def evaluate_quotes(records: Iterable[QuoteGold], settings: Settings = DEFAULT_SETTINGS) -> QuoteReport:
    records = list(records)
    report = QuoteReport(records=len(records))
    inputs = [{"id": r.id, "text": r.text, "date": r.date, "voice": r.voice} for r in records]
    for record, result in zip(records, process(inputs, settings=settings), strict=True):
        if result.analysis is None:
            report.errors += 1
        found = list(result.analysis.quotes) if result.analysis else []
        analysed = result.analysis.document.text if result.analysis else record.text
        score_record(report, record, found, analysed)
    return report


def score_record(report: QuoteReport, record: QuoteGold, found: list[Quote], analysed: str | None = None) -> None:
    """Add one record's matches to the report (`analysed`: the text the pipeline read, when ingest changed
    it, e.g. by joining a speech's hard-wrapped lines; gold offsets are carried over to it)."""
    expected = [_located(e, record.text) for e in record.expected]
    if analysed is not None and analysed != record.text:
        expected = [_carried_over(e, record.text, analysed) for e in expected]
    pairs = _pairs(expected, found)
    matched_found = {id(q) for _, q in pairs}
    report.quotes.tp += len(pairs)
    report.quotes.fn += len(expected) - len(pairs)
    report.quotes.fp += len(found) - len(pairs)
    report.titles_reported += sum(1 for q in found if any(_same_text(q.text, t) for t in record.not_quotes))
    by_gold = {id(g): q for g, q in pairs}
    right = strict = 0
    for gold in expected:
        quote = by_gold.get(id(gold))
        ok = quote is not None and speaker_right(gold, quote)
        right += ok
        strict += quote is not None and speaker_right(gold, quote, strict=True)
        pattern = gold.get("pattern") or record.category
        for table, key in ((report.patterns, pattern), (report.kinds, gold.get("kind") or "-")):
            table[key].tp += ok
            table[key].fn += not ok
        if quote is not None and _actor_scored(gold):
            report.actor_scored += 1
            report.actor_right += _actor_right(gold, quote)
        if not ok:
            report.misses.append(_miss(record, gold, quote))
    for score, hits in ((report.with_speaker, right), (report.same_actor, strict)):
        score.tp += hits
        score.fn += len(expected) - hits
        score.fp += len(found) - hits
    for quote in found:
        if id(quote) not in matched_found:
            report.misses.append({"id": record.id, "spurious": quote.text[:80], "speaker": quote.speaker})


def _located(gold: dict[str, Any], text: str) -> dict[str, Any]:
    """Gold with offsets; gold without them is located by its first occurrence."""
    if isinstance(gold.get("start"), int) and isinstance(gold.get("end"), int):
        return gold
    at = text.find(gold["text"])
    return {**gold, "start": at, "end": at + len(gold["text"])} if at >= 0 else {**gold, "start": -1, "end": -1}


def _carried_over(gold: dict[str, Any], text: str, analysed: str) -> dict[str, Any]:
    """Gold offsets in the analysed text: the same count of non-space characters before each end, when
    ingest changed only spaces and line breaks; else where the quotation's words first appear there."""
    if gold["start"] < 0:
        return gold
    if re.sub(r"\s+", "", text) == re.sub(r"\s+", "", analysed):
        solid = [k for k, char in enumerate(analysed) if not char.isspace()]

        def moved(at: int) -> int:
            before = len(re.sub(r"\s+", "", text[:at]))
            return solid[before] if before < len(solid) else len(analysed)

        start = moved(gold["start"])
        end = moved(gold["end"] - 1) + 1 if gold["end"] > gold["start"] else start
        return {**gold, "start": start, "end": end}
    words = [re.escape(w) for w in str(gold["text"]).split()]
    match = re.search(r"\s+".join(words), analysed) if words else None
    return {**gold, "start": match.start(), "end": match.end()} if match else gold


def _pairs(expected: list[dict[str, Any]], found: list[Quote]) -> list[tuple[dict[str, Any], Quote]]:
    candidates = []
    for g, gold in enumerate(expected):
        for f, quote in enumerate(found):
            overlap = min(gold["end"], quote.end) - max(gold["start"], quote.start)
            if overlap > 0 or _same_text(gold["text"], quote.text):
                candidates.append((-(overlap if overlap > 0 else len(quote.text)), g, f))
    used_gold: set[int] = set()
    used_found: set[int] = set()
    pairs = []
    for _, g, f in sorted(candidates):
        if g not in used_gold and f not in used_found:
            used_gold.add(g)
            used_found.add(f)
            pairs.append((expected[g], found[f]))
    return pairs


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()).strip(" ,.") == " ".join(b.split()).strip(" ,.")


def speaker_right(gold: dict[str, Any], quote: Quote, strict: bool = False) -> bool:
    """The gold README's rule: equal actor codes, or else the gold's country and sector; `strict`: when both
    name an actor code, only equal codes."""
    if "speaker" not in gold:  # the first quote gold (`quotes.jsonl`): the actor code alone
        return bool(gold.get("speaker_actor") == quote.speaker_actor)
    if gold.get("speaker") is None:
        return quote.speaker is None
    if quote.speaker is None:
        return False
    if gold.get("speaker_actor") and quote.speaker_actor and (strict or gold["speaker_actor"] == quote.speaker_actor):
        return bool(gold["speaker_actor"] == quote.speaker_actor)
    if _actor_scored(gold):
        return _actor_right(gold, quote)
    return _mentions_overlap(str(gold["speaker"]), quote.speaker)


def _actor_scored(gold: dict[str, Any]) -> bool:
    return gold.get("speaker") is not None and (
        gold.get("speaker_country") is not None or gold.get("speaker_sector") is not None)


def _actor_right(gold: dict[str, Any], quote: Quote) -> bool:
    """Country and sector as the gold gives them (a null there is not scored)."""
    country, sector = gold.get("speaker_country"), gold.get("speaker_sector")
    return (country is None or country == quote.speaker_country) and (sector is None or sector == quote.speaker_sector)


def _mentions_overlap(gold: str, found: str) -> bool:
    def words(text: str) -> set[str]:
        return {w for w in re.findall(r"\w+", text.lower()) if w not in _FILLER_WORDS}

    return bool(words(gold) & words(found))


def _miss(record: QuoteGold, gold: dict[str, Any], quote: Quote | None) -> dict[str, Any]:
    want = f"{gold.get('speaker')} [{gold.get('speaker_actor') or ''} {gold.get('speaker_country')}/" \
           f"{gold.get('speaker_sector')}]"
    got = None if quote is None else f"{quote.speaker} [{quote.speaker_actor or ''} {quote.speaker_country}/" \
                                     f"{quote.speaker_sector}]"
    return {"id": record.id, "pattern": gold.get("pattern"), "quote": str(gold["text"])[:80],
            "expected_speaker": want, "found_speaker": got if quote is not None else "(quote not found)"}
