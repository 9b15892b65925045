"""Figures: money, percentages and counts, with what they measure, between whom, and when.

A spaCy component over MONEY/PERCENT/CARDINAL entities (and "billions in aid"); the value is parsed
by our own normaliser, the measure, direction, items and period are read from the sentence.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from multipolar.actors import ActorMention
from multipolar.timeline import DateValue, FoundDate, normalise

MAX_VALUE = 1e16
"""Larger figures (ten quadrillion) are misreadings, not amounts: they are not reported."""
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "mln": 1e6, "billion": 1e9,
           "bn": 1e9, "b": 1e9, "bln": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12, "tr": 1e12}
_CURRENCIES = [
    (r"US\$|USD|\$|dollars?|U\.S\. dollars?|US dollars?", "USD"), (r"€|EUR|euros?", "EUR"),
    (r"£|GBP|pounds?(?: sterling)?", "GBP"), (r"¥|CNY|RMB|yuan|renminbi", "CNY"),
    (r"₽|RUB|roubles?|rubles?", "RUB"), (r"₹|INR|rupees?", "INR"), (r"JPY|yen", "JPY"),
]
_SMALL_NUMBERS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                  "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
                  "twenty")
_NUMBER_WORDS = {word: n for n, word in enumerate(_SMALL_NUMBERS)} | {
    "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "a dozen": 12, "dozen": 12}
_QUALIFIERS = [
    (r"more than|over|above|at least|in excess of|exceeding|upwards of", "more_than"),
    (r"less than|under|below|at most|fewer than|up to", "less_than"),
    (r"about|around|roughly|nearly|almost|some|approximately|close to|an estimated|circa|~", "about"),
]
_MEASURES = [
    (r"\bbilateral trade\b|\btrade between\b|\btrade turnover\b|\btrade volume\b|\bamount of trade\b",
     "bilateral_trade"),
    (r"\bimport(?:s|ed|ing)?\b", "imports"),
    (r"\bexport(?:s|ed|ing)?\b", "exports"),
    (r"\b(?:aid|assistance)\b", "aid"),
    (r"\binvest(?:ment|ments|ed|s)?\b", "investment"),
    (r"\bloans?\b|\blent\b|\blend\b", "loan"),
    (r"\bbudget\b|\bspending\b", "budget"),
    (r"\bsanctions?\b", "sanctions"),
    (r"\btrade\b", "trade"),
    (r"\bgdp\b|\beconomy\b", "gdp"),
]
_UP = re.compile(r"\b(?:up|increas\w*|ris\w*|rose|gr[eo]w\w*|growth|gain\w*|jump\w*|surg\w*|climb\w*|"
                 r"higher)\b", re.IGNORECASE)
_DOWN = re.compile(r"\b(?:down|decreas\w*|f[ae]ll\w*|declin\w*|drop\w*|shr[iau]nk\w*|lower|slump\w*)\b",
                   re.IGNORECASE)
ITEMS = ("pipeline gas", "natural gas", "liquefied natural gas", "LNG", "crude oil", "oil", "coal", "gas",
         "energy", "minerals", "food", "fertilizers", "fertilisers", "grain", "wheat", "weapons", "arms",
         "ammunition", "machinery", "equipment", "technology", "technologies", "consumer goods", "goods",
         "semiconductors", "chips", "electricity", "uranium", "timber", "metals", "vehicles", "cars")


@dataclass(frozen=True)
class FoundQuantity:
    """A figure in the text (characters [start, end)) and what the sentence says about it."""

    start: int
    end: int
    text: str
    kind: str
    value: float
    unit: str | None
    qualifier: str
    measure: str | None
    source: str | None
    target: str | None
    parties: tuple[str, ...]
    items: tuple[str, ...]
    period: DateValue | None
    change_direction: str | None
    change_relative_to: str | None
    change_rate: float | None
    sentence: int
    described_as: str | None = None


def parse_amount(text: str) -> tuple[float, str | None] | None:
    """(value, unit) of "$81 billion", "US$5bn", "€200m", "1.2 trillion yuan", "40.7 %"; None if no number."""
    t = text.replace(",", "").replace("\u00a0", " ")
    number = re.search(r"(\d+(?:\.\d+)?(?:e[+-]?\d+)?)", t, re.IGNORECASE)
    if not number:
        word = _NUMBER_WORDS.get(t.strip().lower())
        return (float(word), None) if word is not None else None
    value = float(number.group(1))
    rest = t[number.end():].strip().lower()
    scale = re.match(r"(thousand|million|billion|trillion|mln|bln|trn|mn|bn|tn|tr|k|m|b)\b", rest)
    if scale:
        value *= _SCALES[scale.group(1)]
    if "%" in t or re.search(r"\bper ?cent\b|\bpercent\b", t, re.IGNORECASE):
        return value, "percent"
    for pattern, code in _CURRENCIES:
        if re.search(rf"(?:{pattern})", t, re.IGNORECASE):
            return value, code
    return value, None


def _qualifier(before: str, inside: str) -> str:
    for pattern, name in _QUALIFIERS:
        if re.search(rf"(?:^|\s)(?:{pattern})\s*$", before.lower()) or re.match(rf"(?:{pattern})\b", inside.lower()):
            return name
    return "exact"


class QuantityFinder:
    """The `multipolar_quantities` component."""

    def __call__(self, doc: Doc) -> Doc:
        mentions: list[ActorMention] = doc._.mp_mentions or []
        dates: list[FoundDate] = doc._.mp_dates or []
        found: list[FoundQuantity] = []
        self._last_measure: str | None = None
        by_sentence: dict[int, list[Span]] = {}
        for ent in doc.ents:
            if ent.label_ in ("MONEY", "PERCENT", "CARDINAL", "QUANTITY") or _is_duration(ent):
                by_sentence.setdefault(doc[ent.start].sent.start, []).append(
                    Span(doc, ent.start, ent.end, label="DURATION") if ent.label_ == "DATE" else ent)
        dates_by_sentence: dict[int, list[FoundDate]] = {}
        for date in dates:
            dates_by_sentence.setdefault(doc[date.start].sent.start, []).append(date)
        for index, sent in enumerate(doc.sents):
            spans = by_sentence.get(sent.start, []) + _unquantified(sent)
            claimed = self._claimed_dates(doc, spans, dates_by_sentence.get(sent.start, []))
            for span in sorted(spans, key=lambda s: s.start):
                quantity = self._read(doc, sent, index, span, mentions, dates, claimed)
                if quantity is not None:
                    found.append(quantity)
        doc._.mp_quantities = found
        return doc

    @staticmethod
    def _claimed_dates(doc: Doc, spans: list[Span], dates: list[FoundDate]) -> dict[int, FoundDate]:
        """A date right after a figure ("$52.1 billion in 2021") belongs to that figure."""
        claimed: dict[int, FoundDate] = {}
        for span in spans:
            for date in dates:
                between = doc[span.end : date.start].text.lower().strip()
                if 0 <= date.start - span.end <= 2 and between in ("in", "for", "during", "", "of"):
                    claimed[span.start] = date
        return claimed

    def _read(
        self, doc: Doc, sent: Span, index: int, span: Span, mentions: list[ActorMention],
        dates: list[FoundDate], claimed: dict[int, FoundDate],
    ) -> FoundQuantity | None:
        unit: str | None
        if span.label_ == "UNQUANTIFIED":
            value, unit, kind = 0.0, "USD", "money"
        elif span.label_ == "DURATION":
            value, unit, kind = float(span[0].text), span[1].lemma_.lower() + "s", "other"
        else:
            parsed = parse_amount(span.text)
            if parsed is None or not math.isfinite(parsed[0]) or abs(parsed[0]) > MAX_VALUE:
                return None  # no number, or one no economy has ("$1e308 trillion")
            value, unit = parsed
            kind = {"MONEY": "money", "PERCENT": "percent"}.get(span.label_, "count")
            if kind == "count" and (span.end >= len(doc) or doc[span.end].pos_ != "NOUN"):
                return None
            if kind == "count" and span.start > 0 and doc[span.start - 1].lower_ in ("the", "both", "these", "those"):
                return None  # "the two countries" refers back; it counts nothing new
            if kind == "money" and unit is None:
                unit = "USD" if "$" in span.text else None
        before = doc[max(sent.start, span.start - 4) : span.start].text
        text = sent.text
        measure = next((name for pattern, name in _MEASURES if re.search(pattern, text, re.IGNORECASE)), None)
        if measure is None and re.search(r"\b(?:the|that) (?:total|figure|sum|amount|value)\b", text, re.IGNORECASE):
            measure = self._last_measure  # "The total rose again in 2023": the measure of the sentence before
        if kind != "count":
            self._last_measure = measure or self._last_measure
        if kind == "count":
            measure = doc[span.end].lemma_.lower()
        if kind == "other":
            measure = "duration"
        parties = tuple(dict.fromkeys(
            ref.state_code for m in mentions if sent.start <= m.start < sent.end for ref in m.actors
        ))
        source, target = _direction(doc, sent, span, mentions, measure)
        period = self._period(doc, sent, span, dates, claimed)
        direction, relative_to, rate = _change(doc, sent, span, kind, dates)
        items = tuple(item for item in ITEMS if re.search(rf"\b{re.escape(item)}\b", text, re.IGNORECASE))
        items = tuple(i for i in items if not any(i != j and i in j for j in items))
        return FoundQuantity(
            start=span.start_char, end=span.end_char, text=span.text, kind=kind, value=value, unit=unit,
            qualifier=_qualifier(before, span.text), measure=measure, source=source, target=target,
            parties=parties if kind != "count" else (), items=items if kind == "money" else (),
            period=period, change_direction=direction, change_relative_to=relative_to, change_rate=rate,
            sentence=index, described_as=_described_as(doc, span),
        )

    @staticmethod
    def _period(doc: Doc, sent: Span, span: Span, dates: list[FoundDate],
                claimed: dict[int, FoundDate]) -> DateValue | None:
        """The date a figure is for: its own ("... in 2021"), else the sentence's first free date."""
        if span.start in claimed:
            return claimed[span.start].date
        taken = {d.start for d in claimed.values()}
        for date in dates:
            if not sent.start <= date.start < sent.end or date.start in taken or _is_comparison(doc, date):
                continue
            if date.start > 0 and doc[date.start - 1].lower_ == "since":
                today = doc._.mp_date
                end = today if today and today >= date.date.start else date.date.end
                return DateValue(date.date.value, date.date.start, end)
            return date.date
        return None


def _is_comparison(doc: Doc, date: FoundDate) -> bool:
    """A date a figure is compared against ("up 75.6% from 2022", "compared to the same time in 2022")."""
    sent = doc[date.start].sent
    before = [e for e in doc.ents if sent.start <= e.start < date.start and e.label_ in ("MONEY", "PERCENT")]
    if not before:
        return False
    between = doc[before[-1].end : date.start].text.lower()
    return bool(re.search(r"\b(?:from|compared (?:to|with)|than|over|on)\b", between))


def _described_as(doc: Doc, span: Span) -> str | None:
    """The noun a figure qualifies when it says what kind of amount it is: "a $93.8 billion gain"."""
    following = doc[span.end : span.end + 2]
    for token in following:
        if token.lemma_.lower() in ("gain", "increase", "rise", "growth", "jump", "surge", "drop", "fall",
                                    "decline", "decrease", "loss", "deficit", "surplus", "total"):
            return token.lemma_.lower()
    return None


def _is_duration(ent: Span) -> bool:
    """"75 years of diplomatic relations": a length of time spaCy tags as a DATE."""
    return ent.label_ == "DATE" and len(ent) == 2 and ent[0].like_num and ent[0].text.isdecimal() and \
        ent[1].lemma_.lower() in ("year", "month", "week", "day")


def _unquantified(sent: Span) -> list[Span]:
    """"billions in aid": an amount without a number."""
    spans = []
    for token in sent:
        if token.lower_ in ("billions", "millions", "trillions") and token.ent_type_ == "":
            span = Span(sent.doc, token.i, token.i + 1, label="UNQUANTIFIED")
            spans.append(span)
    return spans


def _direction(
    doc: Doc, sent: Span, span: Span, mentions: list[ActorMention], measure: str | None
) -> tuple[str | None, str | None]:
    """Who the flow goes from and to: "China imported ... from Russia" is from RUS to CHN; a figure inside
    an aid event ("the US has given Kyiv billions in aid") flows from its source to its target."""
    if measure not in ("imports", "exports", "aid", "investment", "loan"):
        return None, None
    for event in doc._.mp_events or []:
        if event.plover == "AID" and span.root.i in {t.i for t in doc[event.trigger].subtree}:
            return event.source.state_code, event.target.state_code
    inside = [m for m in mentions if sent.start <= m.start < sent.end]
    if len(inside) < 2:
        return None, None

    def code(m: ActorMention) -> str:
        return m.actors[0].state_code

    for mention in inside:
        previous = doc[mention.start - 1].lower_ if mention.start > 0 else ""
        others = [m for m in inside if code(m) != code(mention)]
        if not others:
            continue
        first_other = others[0]
        if previous == "from" and measure in ("imports",):
            return code(mention), code(first_other)
        if previous == "to" and measure in ("exports", "aid", "investment", "loan"):
            return code(first_other), code(mention)
    return None, None


def _rate(text: str) -> float | None:
    """A stated rate of change in percent; None for one no figure has ("up 1e309%" is infinity)."""
    parsed = parse_amount(text)
    return parsed[0] if parsed and math.isfinite(parsed[0]) and abs(parsed[0]) <= MAX_VALUE else None


def _change(
    doc: Doc, sent: Span, span: Span, kind: str, dates: list[FoundDate]
) -> tuple[str | None, str | None, float | None]:
    """Direction, reference period and rate of a stated change ("up 75.6% from 2022")."""
    window = doc[max(sent.start, span.start - 6) : min(sent.end, span.end + 6)]
    rate = None
    if kind == "percent":
        rate = _rate(span.text)
        window = doc[max(sent.start, span.start - 8) : min(sent.end, span.end + 8)]
    else:
        nxt = doc[span.end : min(sent.end, span.end + 6)]
        following = [e for e in doc.ents if e.label_ == "PERCENT" and nxt.start <= e.start < nxt.end]
        if following and re.search(r"\bup\b|\bdown\b", nxt.text, re.IGNORECASE):
            rate = _rate(following[0].text)
            window = nxt
        else:
            return None, None, None
    after = doc[span.end : min(sent.end, span.end + 3)].text.lower()
    if kind == "percent" and re.match(r"(?:more|higher|greater|larger) than", after):
        direction: str | None = "up"
    elif kind == "percent" and re.match(r"(?:less|lower|smaller) than", after):
        direction = "down"
    else:
        direction = "up" if _UP.search(window.text) else "down" if _DOWN.search(window.text) else None
    if direction is None:
        return None, None, None
    relative_to = None
    tail = doc[span.end : sent.end].text
    found = re.search(r"\b(?:from|compared (?:to|with)|than|on|over)\s+(?:the same (?:period|time) (?:in|of) )?"
                      r"((?:\w+ )?\d{4}|a year (?:before|earlier|ago)|the same period a year (?:before|earlier))",
                      tail, re.IGNORECASE)
    if found:
        value = normalise(found.group(1), sent.doc._.mp_date)
        relative_to = value.value if value else found.group(1)
    if kind == "percent" and rate is not None and direction == "down":
        rate = -rate
    return direction, relative_to, rate
