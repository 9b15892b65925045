"""The main job as a library: `analyze` one text, `process` a stream of articles lazily and in order.

This is the one place where a parsed `Doc` becomes records.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from spacy.tokens import Doc

from multipolar.coding.currency import to_usd
from multipolar.coding.tables import load_tables
from multipolar.errors import InputError, failure
from multipolar.ingest.read import article_from_record, article_from_text, parse_date
from multipolar.model import checks as figure_checks
from multipolar.model import document as model
from multipolar.nlp.claims import FoundClaim
from multipolar.nlp.events.coder import CodedEvent
from multipolar.nlp.figures.quantities import FoundQuantity
from multipolar.nlp.in_pieces import parse_in_pieces
from multipolar.nlp.limits import deadline_check, time_limit
from multipolar.nlp.quotes.find import FoundQuote
from multipolar.nlp.spacy_pipeline import load_pipeline, release_if_grown
from multipolar.nlp.spans import ActorMention, ActorRef, text_of
from multipolar.records import (
    Actor,
    Analysis,
    Article,
    Change,
    Claim,
    Event,
    Period,
    Quantity,
    Quote,
    Sentence,
    Span,
)
from multipolar.settings import DEFAULT_SETTINGS, Settings

ErrorPolicy = Literal["record", "raise", "skip"]
_PARSED_ALONE_ABOVE = 100_000
"""Characters above which a document is parsed on its own, so its time limit is its own."""


@dataclass(frozen=True)
class Result:
    """What `process` yields for each input, in input order: an analysis or the reason there is none."""

    index: int
    source_id: str | None
    analysis: Analysis | None
    error: str | None
    detail: str | None = None
    """The traceback, when the error is an unexpected exception (a bug to report) rather than bad input."""


def analyze(
    text: str | Article, *, date: dt.date | str | None = None, title: str | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> Analysis:
    """Analyse one document; raises `InputError` if it cannot be analysed."""
    article = _as_article(text, date=date, title=title, settings=settings)
    nlp = load_pipeline(settings)
    analysis = analysis_from_doc(_parse_alone(nlp, _prepared_doc(nlp, article), settings.doc_timeout), article)
    del nlp
    release_if_grown(settings)
    return analysis


def process(
    articles: Iterable[Article | str | dict[str, Any]], *, settings: Settings = DEFAULT_SETTINGS,
    on_error: ErrorPolicy = "record", date: dt.date | None = None,
) -> Iterator[Result]:
    """Analyse a stream lazily, in batches, in order; one bad article cannot sink the rest.

    With `on_error="record"`, whatever one document raises (bad input, a time-out, or a bug in a component)
    becomes that document's `Result.error`, and the stream goes on; "skip" drops it; "raise" re-raises.
    Memory stays flat however long the stream: the pipeline is loaded afresh when its vocabulary has grown
    (`release_if_grown`)."""
    batch: list[tuple[int, str | None, Article | None, Exception | None]] = []
    for index, item in enumerate(articles):
        source_id = str(item.get("id")) if isinstance(item, dict) and item.get("id") is not None else (
            item.source_id if isinstance(item, Article) else None)
        try:
            batch.append((index, source_id, _as_article(item, date=date, settings=settings), None))
        except Exception as exc:
            if on_error == "raise":
                raise
            batch.append((index, source_id, None, exc))
        if len(batch) >= settings.batch_size:
            yield from _run_batch(load_pipeline(settings), batch, on_error, settings.doc_timeout)
            batch = []
            release_if_grown(settings)
    if batch:
        yield from _run_batch(load_pipeline(settings), batch, on_error, settings.doc_timeout)


def _run_batch(nlp: Any, batch: list[tuple[int, str | None, Article | None, Exception | None]],
               on_error: ErrorPolicy, seconds: float) -> Iterator[Result]:
    docs = iter(_parse_all(nlp, [a for _, _, a, _ in batch if a is not None], seconds))
    for index, source_id, article, problem in batch:
        try:
            if article is None:
                raise problem or InputError("cannot analyse the input")
            doc = next(docs)
            if isinstance(doc, Exception):
                raise doc
            analysis = analysis_from_doc(doc, article)
        except Exception as exc:
            if on_error == "raise":
                raise
            if on_error == "record":
                yield Result(index, source_id, None, *failure(exc))
            continue
        yield Result(index, source_id, analysis, None)


def _parse_all(nlp: Any, articles: list[Article], seconds: float) -> list[Doc | Exception]:
    """Parsed docs in order, each within `seconds` (or the exception it raised, its time-out included).

    Short documents go through the pipeline together, which is fastest, sharing their summed limit; long
    ones, and every document of a batch that ran out of time or raised, are parsed alone under their own
    limit, so one document's failure is its own. Either way the model parses bounded pieces (`in_pieces`),
    so memory does not follow the length of the documents."""
    parsed: dict[int, Doc | Exception] = {}
    short = [k for k, article in enumerate(articles) if len(article.text) <= _PARSED_ALONE_ABOVE]
    if short:
        limit, what = seconds * len(short), "a batch of documents"
        try:
            with time_limit(limit, what):
                docs = [_prepared_doc(nlp, articles[k]) for k in short]
                parsed.update(zip(short, parse_in_pieces(nlp, docs, deadline_check(limit, what)), strict=True))
        except Exception:
            parsed.clear()
    for k, article in enumerate(articles):
        if k not in parsed:
            try:
                parsed[k] = _parse_alone(nlp, _prepared_doc(nlp, article), seconds)
            except Exception as exc:
                parsed[k] = exc
    return [parsed[k] for k in range(len(articles))]


def _parse_alone(nlp: Any, doc: Doc, seconds: float) -> Doc:
    """One document through the pipeline within its own time limit (checked between steps too, for where
    the timer cannot interrupt: threads)."""
    with time_limit(seconds):
        return parse_in_pieces(nlp, [doc], deadline_check(seconds))[0]


def _as_article(item: Any, *, date: dt.date | str | None = None, title: str | None = None,
                settings: Settings = DEFAULT_SETTINGS) -> Article:
    day = parse_date(date) if isinstance(date, str) else date
    if isinstance(item, Article):
        return item if day is None or item.date else dataclasses.replace(item, date=day)
    if isinstance(item, str):
        article = article_from_text(item, name="text", date=day, settings=settings)
        return dataclasses.replace(article, title=title, source=None)
    if isinstance(item, dict):
        return article_from_record(item, name=f"record {item.get('id', '')}".strip(), date=day, settings=settings)
    raise InputError(f"cannot analyse a {type(item).__name__}: give text, a dict or an Article")


def _prepared_doc(nlp: Any, article: Article) -> Doc:
    doc = nlp.make_doc(article.text)
    doc._.mp_date = article.date
    doc._.mp_date_label = article.date_label
    doc._.mp_voice = article.voice
    doc._.mp_title = article.title
    return doc


# ---- Doc -> records -------------------------------------------------------------------------------


def analysis_from_doc(doc: Doc, article: Article) -> Analysis:
    sentences = tuple(Sentence(i, s.start_char, s.end_char) for i, s in enumerate(doc.sents))
    actors = _actors(doc, doc._.mp_mentions or [])
    events = tuple(_event(doc, e) for e in doc._.mp_events or [])
    quantities = tuple(_quantity(doc, sentences, q) for q in doc._.mp_quantities or [])
    quotes = tuple(_quote(doc, sentences, q) for q in doc._.mp_quotes or [])
    relations = model.relations(events)
    return Analysis(
        document=article, sentences=sentences, actors=actors, events=events, quantities=quantities,
        quotes=quotes, timeline=model.timeline(events, quantities, quotes), relations=relations,
        blocs=model.blocs(relations), checks=figure_checks.checks(quantities, _latest_day(article)),
        unresolved=tuple(_span(doc, s.start_char, s.end_char) for s in doc._.mp_unresolved or []),
        claims=tuple(_claim(doc, c) for c in doc._.mp_claims or []),
    )


def _latest_day(article: Article) -> dt.date | None:
    """The last day the document's date allows: a record dated only by its year may be from December."""
    day = article.date
    if day is None or article.date_precision == "day":
        return day
    if article.date_precision == "year":
        return dt.date(day.year, 12, 31)
    following = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def _claim(doc: Doc, found: FoundClaim) -> Claim:
    sentence = doc[found.trigger].sent
    return Claim(found.cause, found.effect, found.polarity, found.hedged, found.claimant, doc[found.trigger].text,
                 found.sentence, _span(doc, sentence.start_char, sentence.end_char))


def _span(doc: Doc, start: int, end: int) -> Span:
    return Span(start, end, text_of(doc)[start:end])


def _actors(doc: Doc, mentions: list[ActorMention]) -> tuple[Actor, ...]:
    grouped: dict[str, tuple[ActorRef, list[Span]]] = {}
    for mention in mentions:
        span = doc[mention.start : mention.end]
        for ref in mention.actors:
            entry = grouped.setdefault(ref.code, (ref, []))
            entry[1].append(_span(doc, span.start_char, span.end_char))
    roles: dict[str, set[str | None]] = {}
    for mention in mentions:
        for ref in mention.actors:
            roles.setdefault(ref.code, set()).add(ref.role)
    ordered = sorted(grouped.values(), key=lambda item: (-len(item[1]), item[0].code))
    return tuple(
        Actor(ref.code, ref.name, ref.kind, ref.country,
              next(iter(roles[ref.code])) if len(roles[ref.code]) == 1 else None, tuple(spans), ref.origin,
              ref.origin_id, ref.office, ref.title, ref.category, _existed(ref), ref.successors)
        for ref, spans in ordered
    )


def _existed(ref: ActorRef) -> Period | None:
    if ref.start is None and ref.end is None:
        return None
    return Period(ref.start.isoformat() if ref.start else None, ref.end.isoformat() if ref.end else None)  # type: ignore[arg-type]


def _event(doc: Doc, event: CodedEvent) -> Event:
    entry = load_tables().code(event.cameo)
    sentence = doc[event.trigger].sent
    source_text = doc[event.source_span[0] : event.source_span[1]].text
    target_text = doc[event.target_span[0] : event.target_span[1]].text if event.recipient else ""
    return Event(
        source=event.source.state_code, target=event.target.state_code,
        source_actor=event.source.code if event.source.code != event.source.state_code else None,
        target_actor=event.target.code if event.recipient and event.target.code != event.target.state_code else None,
        source_text=source_text, target_text=target_text, plover=event.plover, cameo=entry.code,
        goldstein=entry.goldstein, quad_class=entry.quad_class, mode=event.mode or None, date=event.date,
        negated=event.negated, modality=event.modality,  # type: ignore[arg-type]
        confidence=event.confidence, sentence=event.sentence,
        evidence=_span(doc, sentence.start_char, sentence.end_char), verb=doc[event.trigger].text,
        source_sector=event.source.role, target_sector=event.target.role if event.recipient else None,
        coder=event.coder,
    )


def _quantity(doc: Doc, sentences: tuple[Sentence, ...], q: FoundQuantity) -> Quantity:
    sentence = sentences[q.sentence]
    change = None
    if q.change_direction in ("up", "down"):
        change = Change(q.change_direction, q.change_relative_to, q.change_rate)  # type: ignore[arg-type]
    period = Period(None if q.open_start else q.period.start.isoformat(), q.period.end.isoformat()) \
        if q.period else None
    year = q.period.start.year if q.period else (doc._.mp_date.year if doc._.mp_date else None)
    usd, basis = to_usd(q.value, q.unit, year) if q.kind == "money" and q.value is not None else (None, None)
    return Quantity(
        kind=q.kind,  # type: ignore[arg-type]
        value=q.value, unit=q.unit, qualifier=q.qualifier,  # type: ignore[arg-type]
        measure=q.measure, from_=q.source, to=q.target, parties=q.parties, items=q.items, period=period,
        change=change, sentence=q.sentence, evidence=_span(doc, sentence.start, sentence.end), text=q.text,
        start=q.start, end=q.end, described_as=q.described_as, usd=usd, usd_basis=basis, per=q.per,
        projected=q.projected, period_open_end=q.open_end,
    )


def _quote(doc: Doc, sentences: tuple[Sentence, ...], q: FoundQuote) -> Quote:
    sentence = sentences[q.sentence]
    start, end = min(q.start, sentence.start), max(q.end, sentence.end)
    return Quote(
        text=q.text, speaker=q.speaker,
        speaker_actor=q.speaker_actor.code if q.speaker_actor else None, direct=q.direct,
        sentence=q.sentence, evidence=_span(doc, start, end), start=q.start, end=q.end,
        date=_quote_date(doc, sentences, q), speaker_country=q.speaker_country,
        speaker_sector=q.speaker_sector, kind=q.kind,  # type: ignore[arg-type]
    )


def _quote_date(doc: Doc, sentences: tuple[Sentence, ...], q: FoundQuote) -> str | None:
    """The date named where the quote is introduced: its sentence, or the one before when it opens one."""
    sentence = sentences[q.sentence]
    spans = [(sentence.start, sentence.end)]
    if q.start - sentence.start <= 2 and q.sentence > 0:
        spans.append((sentences[q.sentence - 1].start, sentences[q.sentence - 1].end))
    for lo, hi in spans:
        for found in doc._.mp_dates or []:
            char = doc[found.start].idx
            if lo <= char < hi and not q.start <= char < q.end and not _describes_someone(doc[found.start]):
                return found.date.value
    return None


def _describes_someone(token: Any) -> bool:
    """A date inside a relative clause or an apposition ("X, who took office in 2019, said") dates the
    speaker's past, not the quote."""
    node = token
    while node.head.i != node.i:
        if node.dep_ in ("relcl", "appos", "acl"):
            return True
        node = node.head
    return False
