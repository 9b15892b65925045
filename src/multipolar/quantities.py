"""Figures: money, percentages and counts, with what they measure, between whom, and when.

A spaCy component over MONEY/PERCENT/CARDINAL entities (and "billions in aid"); the value is parsed
by our own normaliser, the measure, direction, items and period are read from the sentence.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from multipolar.actors import ActorMention
from multipolar.figure_reading import FLOWS, FigureReader
from multipolar.timeline import TWO_DATES, DateValue, FoundDate, normalise

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
_MONEY_WORDS = re.compile(
    r"[$€£¥₹₽]|\b(?:dollars?|euros?|pounds sterling|yuan|renminbi|rubles?|roubles?|rupees?|yen)\b", re.IGNORECASE)
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
    value: float | None
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
    per: str | None = None
    open_start: bool = False
    """The period only says when it ends ("by 2020")."""


def parse_amount(text: str) -> tuple[float, str | None] | None:
    """(value, unit) of "$81 billion", "US$5bn", "€200m", "1.2 trillion yuan", "40.7 %"; None if no number."""
    t = text.replace(",", "").replace("\u00a0", " ")
    t = re.sub(r"\bhalf an? (?=thousand|million|billion|trillion)", "0.5 ", t, flags=re.IGNORECASE)
    t = re.sub(r"(?:^|(?<=\s))an? (?=thousand|million|billion|trillion)", "1 ", t, flags=re.IGNORECASE)
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
        reader = FigureReader(doc, mentions, _voice_state(doc, mentions))
        found: list[FoundQuantity] = []
        self._last_measure: str | None = None
        by_sentence: dict[int, list[Span]] = {}
        for ent in doc.ents:
            if ent.label_ not in ("MONEY", "PERCENT", "CARDINAL", "QUANTITY") and _MONEY_WORDS.search(ent.text) \
                    and parse_amount(ent.text) is not None:
                ent = Span(doc, ent.start + (ent[0].lower_ == "the"), ent.end, label="MONEY")  # "the ... dollars"
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
                quantity = self._read(doc, sent, index, span, reader, dates, claimed)
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
                if 0 <= date.start - span.end <= 3 and between in _OWN_DATE_LINKS:
                    claimed[span.start] = date
        return claimed

    def _read(
        self, doc: Doc, sent: Span, index: int, span: Span, reader: FigureReader,
        dates: list[FoundDate], claimed: dict[int, FoundDate],
    ) -> FoundQuantity | None:
        amount = _amount(doc, span)
        if amount is None:
            return None
        value, unit, kind, span = amount
        reading = reader.read(span, kind)
        measure = reading.measure if kind != "other" else "duration"
        if measure is None and (_compared(span) or re.search(r"\b(?:the|that) (?:total|figure|sum|amount|value)\b",
                                                             sent.text, re.I)):
            # "29% more than the $147 billion recorded in 2021", "The total rose again in 2023": the measure
            # of the figure it is compared with, or of the sentence before
            measure = self._last_measure
        if kind in ("money", "percent"):
            self._last_measure = measure or self._last_measure
        if kind == "count":
            unit = reading.counted or unit
        source, target = reading.source, reading.target
        if measure in FLOWS and (source is None or target is None):
            source, target = _from_aid_event(doc, span, source, target)
        before = doc[max(sent.start, span.start - 4) : span.start].text
        period, open_start = self._period(doc, sent, span, dates, claimed)
        direction, relative_to, rate = _change(doc, sent, span, kind, dates)
        text = sent.text
        items = tuple(item for item in ITEMS if re.search(rf"\b{re.escape(item)}\b", text, re.IGNORECASE))
        items = tuple(i for i in items if not any(i != j and i in j for j in items))
        parties = reading.parties if measure not in FLOWS else tuple(sorted({c for c in (source, target) if c}))
        return FoundQuantity(
            start=span.start_char, end=span.end_char, text=span.text, kind=kind, value=value, unit=unit,
            qualifier=_qualifier(before, span.text), measure=measure, source=source, target=target,
            parties=parties, items=items if kind == "money" else (),
            period=period, change_direction=direction, change_relative_to=relative_to, change_rate=rate,
            sentence=index, described_as=_described_as(doc, span) if value is not None else span.text,
            per=reading.per, open_start=open_start,
        )

    @staticmethod
    def _period(doc: Doc, sent: Span, span: Span, dates: list[FoundDate],
                claimed: dict[int, FoundDate]) -> tuple[DateValue | None, bool]:
        """The date a figure is for (its own, "... in 2021", else the sentence's first free date), read with
        the word before it; and whether the period is open at its start ("by 2020")."""
        if span.start in claimed:
            return _bounded(doc, claimed[span.start], dates)
        taken = {d.start for d in claimed.values()}
        for date in dates:
            if not sent.start <= date.start < sent.end or date.start in taken or _is_comparison(doc, date):
                continue
            return _bounded(doc, date, dates)
        return None, False


_OWN_DATE_LINKS = frozenset({"in", "for", "during", "", "of", "recorded in", "registered in", "reported in",
                             "reached in", "posted in", "seen in"})
"""Words between a figure and the date that is its own: "$147 billion recorded in 2021"."""


def _bounded(doc: Doc, found: FoundDate, dates: list[FoundDate]) -> tuple[DateValue, bool]:
    """"since February 2022" runs to the document date, "through January 20" from it, "by 2020" ends then,
    "between 2019 and 2021" and "from 2019 to 2021" span both."""
    today: dt.date | None = doc._.mp_date
    date = found.date
    if date.start != date.end and TWO_DATES.match(found.text.lower()):
        return date, False  # "from January to May of 2023" already spans both
    word = found.text.split()[0].lower() if found.text.split() else ""
    if found.start > 0 and doc[found.start].lower_ not in _BOUND_WORDS:
        word = doc[found.start - 1].lower_
    later = next((d for d in dates if d.start > found.start and d.start - found.end <= 2 and
                  doc[found.end : d.start].text.strip().lower() in ("and", "to", "through", "-", "–", "until")), None)
    if word in ("between", "from") and later is not None and later.date.end >= date.start:
        return DateValue(date.value, date.start, later.date.end), False
    if word in ("since", "from"):
        return DateValue(date.value, date.start, today if today and today >= date.start else date.end), False
    if word in ("through", "until", "till", "thru"):
        return DateValue(date.value, today if today and today <= date.end else date.start, date.end), False
    if word == "by":
        return DateValue(date.value, date.start, date.end), True
    return date, False


_BOUND_WORDS = frozenset({"since", "from", "through", "until", "till", "thru", "by", "between"})


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
    """"billions in aid", "millions of people": an amount without a number."""
    spans = []
    for token in sent:
        if token.lower_ in _UNSTATED and token.ent_type_ == "":
            spans.append(Span(sent.doc, token.i, token.i + 1, label="UNQUANTIFIED"))
    return spans


_UNSTATED = frozenset({"hundreds", "thousands", "millions", "billions", "trillions", "tens"})
_MONEY_NOUNS = frozenset({"dollar", "euro", "pound", "yuan", "ruble", "rouble", "rupee", "yen", "aid", "assistance",
                          "funding", "investment", "loan", "credit", "revenue", "export", "import", "trade", "damage",
                          "sanction", "asset", "subsidy", "grant", "contract", "deal", "debt", "relief", "support"})


def _amount(doc: Doc, span: Span) -> tuple[float | None, str | None, str, Span] | None:
    """(value, unit, kind, span) of a figure; value None for an unstated amount ("billions of dollars"); None
    for what is no figure ("six hospitals" in words, the "4" of "4G", "$1e308 trillion")."""
    if span.label_ == "DURATION":
        return float(span[0].text), span[1].lemma_.lower() + "s", "other", span
    words = span.text.lower().split()
    if span.label_ == "UNQUANTIFIED" or (parse_amount(span.text) is None and set(words) & _UNSTATED):
        return _unstated(doc, span)
    parsed = parse_amount(span.text)
    if parsed is None or not math.isfinite(parsed[0]) or abs(parsed[0]) > MAX_VALUE:
        return None
    span = _with_scale(doc, span)
    value, unit = parse_amount(span.text) or parsed
    kind = {"MONEY": "money", "PERCENT": "percent"}.get(span.label_, "count")
    if kind == "count":
        currency = _currency_after(doc, span)
        if currency is not None:
            return value, currency, "money", Span(doc, span.start, span.end + 1, label="MONEY")
        if _glued(doc, span) or not _counts_something(doc, span, value):
            return None
    if kind == "money" and unit is None:
        unit = "USD" if "$" in span.text else _currency_after(doc, span)
    return value, unit, kind, span


_SCALE_WORDS = frozenset({"m", "b", "bn", "mn", "tn", "k", "million", "billion", "trillion", "thousand"})


def _with_scale(doc: Doc, span: Span) -> Span:
    """"$26M" where spaCy's entity stops at "$26": the scale and a currency sign next to it belong to it."""
    start, end = span.start, span.end
    if end < len(doc) and doc[end].lower_ in _SCALE_WORDS and not doc[end - 1].whitespace_:
        end += 1
    if start > 0 and doc[start - 1].text in ("$", "€", "£", "¥", "₹", "₽") and span.label_ == "MONEY":
        start -= 1
    return span if (start, end) == (span.start, span.end) else Span(doc, start, end, label=span.label_)


def _unstated(doc: Doc, span: Span) -> tuple[None, str | None, str, Span]:
    """"billions of dollars" is money, "millions of people" and "displaced millions more" are counts."""
    end = span.end
    while end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].lower_ in _UNSTATED:
        end += 2  # "hundreds of thousands"
    span = Span(doc, span.start, end, label=span.label_)
    following = doc[end : end + 3]
    nouns = [t for t in following if t.pos_ in ("NOUN", "PROPN")]
    if nouns and nouns[0].lemma_.lower() in _MONEY_NOUNS and (following[0].lower_ in ("in", "of", "worth") or
                                                                following[0] is nouns[0]):
        return None, _currency_after(doc, Span(doc, end, nouns[0].i)) or "USD", "money", span
    if span.start > 0 and doc[span.start - 1].text == "$":
        return None, "USD", "money", Span(doc, span.start - 1, end, label=span.label_)
    return None, None, "count", span


def _currency_after(doc: Doc, span: Span) -> str | None:
    """"5 billion euros", "300 million yuan": a currency written after a number spaCy did not call money."""
    if span.end >= len(doc):
        return None
    word = doc[span.end].text
    for pattern, code in _CURRENCIES:
        if re.fullmatch(rf"(?:{pattern})", word, re.IGNORECASE) and not word.startswith(("$", "€", "£", "¥", "₽", "₹")):
            return code
    return None


def _compared(span: Span) -> bool:
    """A figure set beside another: after "than", "compared to", "against", "versus"."""
    return any(t.lower_ in ("than", "compared", "against", "versus", "vs") for t in span.root.ancestors) or \
        (span.start > 1 and span.doc[span.start - 1].lower_ in ("the", "than") and
         span.doc[span.start - 2].lower_ == "than")


def _counts_something(doc: Doc, span: Span, value: float) -> bool:
    """"11,000 people", "5,500 previously unregistered Palestinians", "to 15,500": a count worth reporting.
    Small numbers in words ("two new grants", "six hospitals"), numbers that refer back ("the two
    countries") and bare years are not."""
    written_in_digits = any(ch.isdigit() for ch in span.text)
    if not written_in_digits and value < 100:
        return False
    if value < 100 and span.start > 0 and doc[span.start - 1].lower_ in ("the", "both", "these", "those"):
        return False
    following = [t for t in doc[span.end : span.end + 3] if not t.is_space]
    if following and following[0].pos_ in ("NOUN", "PROPN"):
        return True
    if len(following) > 1 and following[0].pos_ in ("ADV", "ADJ") and following[1].pos_ in ("NOUN", "ADJ"):
        return True
    bare_year = re.fullmatch(r"\d{4}", span.text.strip()) is not None and 1800 <= value <= 2100
    return written_in_digits and value >= 1000 and not bare_year


def _glued(doc: Doc, span: Span) -> bool:
    """"4G", "COVID-19", "F-16": a number written into a name."""
    last = span[-1]
    nxt = doc[span.end] if span.end < len(doc) else None
    return nxt is not None and not last.whitespace_ and nxt.is_alpha and len(nxt.text) <= 2


def _voice_state(doc: Doc, mentions: list[ActorMention]) -> str | None:
    """The state the document speaks for, which gives what it announces ("will provide $125M")."""
    for mention in mentions:
        if mention.how == "voice":
            return mention.actors[0].state_code
    voice = doc._.mp_voice
    return voice.upper() if isinstance(voice, str) and re.fullmatch(r"[A-Za-z]{3}", voice) else None


def _from_aid_event(doc: Doc, span: Span, source: str | None, target: str | None) -> tuple[str | None, str | None]:
    """A figure inside an aid event ("the US has given Kyiv billions in aid") flows from its source to its
    target."""
    for event in doc._.mp_events or []:
        if event.plover == "AID" and span.root.i in {t.i for t in doc[event.trigger].subtree}:
            return source or event.source.state_code, target or event.target.state_code
    return source, target


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
