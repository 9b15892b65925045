"""Which stretches of a text are figures, and what number and unit each states.

Why apart from the reading of figures (`quantities`, `reading`): spaCy's entities are where figures
start, but not where they end ("$26" of "$26M", "5 billion" of "5 billion euros", "6 to 8 per cent" as one),
and some figures are no entity at all ("billions in aid", "two-thirds of", "one in five"). This module turns
a parsed sentence into `FigureSpan`s and each into its value, unit and kind.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from multipolar.nlp.dates import after_fiscal_year
from multipolar.nlp.figures.currency import currency_word
from multipolar.nlp.figures.words import words
from multipolar.nlp.spans import text_of

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
    (r"more than|over|above|at least|in excess of|exceeding|exceed|exceeds|exceeded|upwards of", "more_than"),
    (r"less than|under|below|at most|fewer than|up to|as much as|as high as|as many as|"
     r"no (?:more|higher|greater) than", "less_than"),
    (r"about|around|roughly|nearly|almost|some|approximately|close to|an estimated|the estimated|circa|~",
     "about"),
]
_OR_MORE = re.compile(r"\s*or (?:(?P<more>more|above|higher|greater)|(?P<less>less|fewer|below|lower))\b",
                      re.IGNORECASE)
_MONEY_WORDS = re.compile(
    r"[$€£¥₹₽]|\b(?:dollars?|euros?|pounds sterling|yuan|renminbi|rubles?|roubles?|rupees?|yen)\b", re.IGNORECASE)
def parse_amount(text: str) -> tuple[float, str | None] | None:
    """(value, unit) of "$81 billion", "US$5bn", "€200m", "1.2 trillion yuan", "40.7 %"; None if no number."""
    t = text.replace(",", "").replace("\u00a0", " ")
    t = re.sub(r"\bhalf an? (?=thousand|million|billion|trillion)", "0.5 ", t, flags=re.IGNORECASE)
    t = re.sub(r"(?:^|(?<=\s))an? (?=thousand|million|billion|trillion)", "1 ", t, flags=re.IGNORECASE)
    t = re.sub(r"^(\w+)(?=\s*(?:%|percent\b|per cent\b))",
               lambda m: str(_NUMBER_WORDS.get(m.group(1).lower(), m.group(1))), t.strip())  # "zero percent"
    t = re.sub(r"\b(\w+)(?= (?:hundred|thousand|million|billion|trillion)\b)",
               lambda m: str(_NUMBER_WORDS.get(m.group(1).lower(), m.group(1))), t)  # "two million"
    number = re.search(r"(\d+(?:\.\d+)?(?:e[+-]?\d+)?)", t, re.IGNORECASE)
    if not number:
        word = _NUMBER_WORDS.get(t.strip().lower())
        return (float(word), None) if word is not None else None
    value = float(number.group(1))
    rest = t[number.end():].strip().lower().lstrip("-")  # "$2-billion plan"
    scale = re.match(r"(thousand|million|billion|trillion|mln|bln|trn|mn|bn|tn|tr|k|m|b)\b", rest)
    if scale:
        value *= _SCALES[scale.group(1)]
    if "%" in t or re.search(r"\bper ?cent\b|\bpercent\b", t, re.IGNORECASE):
        return value, "percent"
    for pattern, code in _CURRENCIES:
        if re.search(rf"(?:{pattern})", t, re.IGNORECASE):
            return value, code
    return value, None


def qualifier_of(before: str, inside: str, after: str = "") -> str:
    """more_than, less_than, about or exact, from the words before a figure ("more than a 3 per cent royalty",
    "could exceed $15 billion"), its own first words, or an "or more" after it ("15 percent or more")."""
    tail = _OR_MORE.match(after)
    if tail is not None:
        return "more_than" if tail.group("more") else "less_than"
    for pattern, name in _QUALIFIERS:
        if re.search(rf"(?:^|\s)(?:{pattern})(?:\s+an?)?\s*$", before.lower()) or \
                re.match(rf"(?:{pattern})\b", inside.lower()):
            return name
    return "exact"


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


def amount(doc: Doc, span: Span) -> tuple[float | None, str | None, str, Span] | None:
    """(value, unit, kind, span) of a figure; value None for an unstated amount ("billions of dollars"); None
    for what is no figure ("six hospitals" in words, the "4" of "4G", "$1e308 trillion")."""
    if span.label_ == "FRACTION":
        return fraction_value(span.text), "percent", "percent", span
    words = span.text.lower().split()
    if span.label_ == "UNQUANTIFIED" or (parse_amount(span.text) is None and set(words) & _UNSTATED):
        return _unstated(doc, span)
    parsed = parse_amount(span.text)
    if parsed is None or not math.isfinite(parsed[0]) or abs(parsed[0]) > MAX_VALUE:
        return None
    span = _with_scale(doc, span)
    value, unit = parse_amount(span.text) or parsed
    kind = {"MONEY": "money", "PERCENT": "percent"}.get(span.label_, "count")
    if unit == "percent":
        kind = "percent"  # whatever spaCy called "1 per cent"
    if kind == "percent" and unit is None:
        unit = "percent"  # the lower end of "6 to 8 per cent"
    if kind == "count":
        before = currency_word(doc[span.start - 1].text) if span.start > 0 else None  # "₦2 trillion"
        if before:
            return value, before, "money", Span(doc, span.start - 1, span.end, label="MONEY")
        currency = _currency_after(doc, span)
        if currency is not None:
            return value, currency or None, "money", Span(doc, span.start, span.end + 1, label="MONEY")
        if _glued(doc, span) or not _counts_something(doc, span, value):
            return None
    if kind == "money" and unit is None:
        before = currency_word(doc[span.start - 1].text) if span.start > 0 else None  # "₦" of "₦2 trillion"
        unit = "USD" if "$" in span.text else before or _currency_after(doc, span) or None
    if kind in ("money", "count"):
        value *= _range_scale(doc, span)
    return value, unit, kind, span


def _range_scale(doc: Doc, span: Span) -> float:
    """"$8 to $14 billion", "2 to 3 million": the low end of a range is in the high end's scale."""
    if any(t.lower_ in _SCALES for t in span):
        return 1.0
    following = [t for t in doc[span.end : span.end + 5] if not t.is_space]
    if not following or following[0].lower_ not in ("to", "-", "–", "and"):
        return 1.0
    rest = following[1:]
    number = next((k for k, t in enumerate(rest) if t.like_num), None)
    if number is None or number + 1 >= len(rest) or any(t.is_alpha for t in rest[:number]):
        return 1.0
    return _SCALES.get(rest[number + 1].lower_, 1.0)


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
    after = end + (end < len(doc) and doc[end].lower_ == "more")  # "billions more in private-sector investment"
    following = doc[after : after + 5]  # "trillions in private and foreign investment"
    nouns = [t for t in following if t.pos_ in ("NOUN", "PROPN") and t.dep_ != "compound"]  # "private-sector"
    if nouns and nouns[0].lemma_.lower() in _MONEY_NOUNS and (following[0].lower_ in ("in", "of", "worth") or
                                                                following[0] is nouns[0] or
                                                                following[0].dep_ == "compound"):
        return None, _currency_after(doc, Span(doc, after, nouns[0].i)) or "USD", "money", span
    named = next((c for t in span if (c := _currency_after(doc, Span(doc, t.i, t.i))) is not None), None)
    if named is not None:
        return None, named, "money", span  # "trillions of dollars", as one entity
    if _spent(following):
        return None, "USD", "money", span  # "the billions pledged at the G-8", "the trillions needed"
    if span.start > 0 and doc[span.start - 1].text == "$":
        return None, "USD", "money", Span(doc, span.start - 1, end, label=span.label_)
    return None, None, "count", span


def _spent(following: Span) -> bool:
    """"the billions pledged at the G-8", "the trillions already secured": money, by the verb on it (words.tsv
    spent), never people."""
    verbs = [t for t in following[:3] if t.pos_ != "ADV"]
    return bool(verbs) and verbs[0].tag_ == "VBN" and verbs[0].lemma_.lower() in words("spent")


def _currency_after(doc: Doc, span: Span) -> str | None:
    """"5 billion euros", "300 million yuan": a currency written after a number spaCy did not call money."""
    if span.end >= len(doc):
        return None
    word = doc[span.end].text
    for pattern, code in _CURRENCIES:
        if re.fullmatch(rf"(?:{pattern})", word, re.IGNORECASE) and not word.startswith(("$", "€", "£", "¥", "₽", "₹")):
            return code
    return currency_word(word) if word[:1].isalpha() else None  # "300 million pesos": "" until its speaker is known


def _counts_something(doc: Doc, span: Span, value: float) -> bool:
    """"11,000 people", "5,500 previously unregistered Palestinians", "to 15,500": a count worth reporting.
    Small numbers in words ("two new grants", "six hospitals"), numbers that refer back ("the two
    countries") and bare years are not, nor a fiscal year ("in fiscal year (FY) 2024 bilateral assistance")."""
    if len(span) == 1 and after_fiscal_year(span[0]):
        return False
    written_in_digits = any(ch.isdigit() for ch in span.text)
    if not written_in_digits and value < 100:
        return False
    if written_in_digits and span.label_ == "QUANTITY" and span[-1].pos_ == "NOUN":
        # "at least 10 feet, or 3 metres": spaCy's quantity holds what it counts; a temperature is no figure
        return span[-1].lemma_.lower() not in ("degree", "celsius", "fahrenheit")
    if value < 100 and span.start > 0 and doc[span.start - 1].lower_ in ("the", "both", "these", "those"):
        return False
    following = [t for t in doc[span.end : span.end + 3] if not t.is_space]
    if following and following[0].pos_ in ("NOUN", "PROPN"):
        return True
    if len(following) > 1 and following[0].lower_ in ("to", "and", "or") and following[1].like_num:
        return True  # "from 19 to 25 partner countries"
    if len(following) > 1 and following[0].lower_ == "of" and following[1].pos_ in ("NOUN", "PRON", "DET", "ADJ"):
        return written_in_digits  # "more than 300 of its members", "18 of whom"
    if len(following) > 1 and following[0].pos_ in ("ADV", "ADJ") and following[1].pos_ in ("NOUN", "ADJ"):
        return True
    bare_year = re.fullmatch(r"\d{4}", span.text.strip()) is not None and 1800 <= value <= 2100
    return value >= 1000 and not bare_year


def _glued(doc: Doc, span: Span) -> bool:
    """"4G", "COVID-19", "F-16": a number written into a name."""
    last = span[-1]
    nxt = doc[span.end] if span.end < len(doc) else None
    return nxt is not None and not last.whitespace_ and nxt.is_alpha and len(nxt.text) <= 2




@dataclass(frozen=True)
class FigureSpan:
    """A figure's tokens, and the bound it is when it ends a range ("6" of "6 to 8 per cent": more_than)."""

    span: Span
    bound: str | None = None


def entities_in(ents: Sequence[Span], starts: list[int], span: Span) -> list[Span]:
    """`span.ents` from the document's entities read once (`starts`: their first tokens): spaCy reads
    every entity of the document anew for each span."""
    found = []
    for k in range(bisect_left(starts, span.start), len(ents)):
        if ents[k].end > span.end:
            break
        found.append(ents[k])
    return found


def figure_spans(sent: Span, ents: Sequence[Span] | None = None) -> Iterator[FigureSpan]:
    """Every figure of a sentence, in order: entities (ranges split in two), amounts without a number,
    fractions in words. `ents`: the sentence's entities, when the caller has them."""
    doc = sent.doc
    found: list[FigureSpan] = []
    for ent in sent.ents if ents is None else ents:
        span = _as_figure(doc, ent)
        if span is not None:
            found.extend(_split_range(doc, span))
    found = _paired_ranges(doc, found)
    fractions = _fractions(sent)
    in_fraction = {k for s in fractions for k in range(s.start, s.end)}
    found = [f for f in found if not in_fraction & set(range(f.span.start, f.span.end))]
    taken = {k for f in found for k in range(f.span.start, f.span.end)} | in_fraction
    found.extend(FigureSpan(s) for s in [*_unquantified(sent)] if s.start not in taken)
    found.extend(FigureSpan(s) for s in fractions)
    yield from sorted(found, key=lambda f: f.span.start)


def _as_figure(doc: Doc, found: Span) -> Span | None:
    ent = _without_list_number(doc, found)
    if ent is None:
        return None
    if ent.label_ not in ("MONEY", "PERCENT", "CARDINAL", "QUANTITY") and _MONEY_WORDS.search(ent.text) \
            and parse_amount(ent.text) is not None:
        return Span(doc, ent.start + (ent[0].lower_ == "the"), ent.end, label="MONEY")  # "the ... dollars"
    if _is_duration(ent):
        return None  # "30 days after signing", "40 years of analysis": a length of time, no figure
    if ent.label_ in ("PERCENT", "MONEY") and not any(t.like_num for t in ent):
        words = [t for t in doc[ent.end : ent.end + 5] if not t.is_space]  # "as much as" + "9 per cent"
        if words and words[0].like_num:
            end = words[0].i + 1
            unit = [t for t in words[1:3] if t.lower_ in ("%", "percent", "per", "cent")]
            end = unit[-1].i + 1 if unit else end
            return Span(doc, words[0].i, end, label=ent.label_)
    if ent.label_ == "CARDINAL":
        words = [t for t in doc[ent.end : ent.end + 4] if not t.is_space]
        if words and words[0].lower_ == "percent":
            return Span(doc, ent.start, words[0].i + 1, label="PERCENT")
        if len(words) > 1 and words[0].lower_ == "per" and words[1].lower_ == "cent":
            return Span(doc, ent.start, words[1].i + 1, label="PERCENT")  # "9 per cent", "20 per \ncent"
    return ent if ent.label_ in ("MONEY", "PERCENT", "CARDINAL", "QUANTITY") else None


def _opens_line(text: str, at: int) -> bool:
    """Only spaces or tabs stand between the line's start and `at` (read back to the last newline, not the
    whole text before it)."""
    return not text[text.rfind("\n", 0, at) + 1 : at].strip(" \t")


def _without_list_number(doc: Doc, ent: Span) -> Span | None:
    """"1.  $1 billion to ensure ...", "3. $700 million": the number that opens a line and ends in a dot or
    a bracket numbers a list item; it is no figure, and not part of the one after it."""
    first = ent[0]
    mark = doc[first.i + 1] if first.i + 1 < len(doc) else None
    numbered = first.text.isdecimal() and len(first.text) <= 2 and _opens_line(text_of(doc), first.idx)
    if mark is None or not numbered or mark.text not in (".", ")"):
        return ent
    rest = [t for t in doc[mark.i + 1 : ent.end] if not t.is_space]
    if not rest:
        return None
    label = "MONEY" if rest[0].text in ("$", "€", "£", "¥", "₹", "₽") else ent.label_
    return Span(doc, rest[0].i, ent.end, label=label)


def _split_range(doc: Doc, span: Span) -> list[FigureSpan]:
    """"from 19 to 25", "6 to 8 per cent", "between $2,000 and $8,000": two figures, the lower and the upper
    bound."""
    numbers = [t for t in span if t.like_num]
    joint = next((t for t in span if t.lower_ in ("to", "-", "–", "and") and numbers and
                  numbers[0].i < t.i < numbers[-1].i), None)
    if joint is None or (joint.i + 1 < span.end and doc[joint.i + 1].lower_ in _SCALES):
        return [FigureSpan(span)]  # "$20-billion fund": a scale, not the high end of a range
    low = Span(doc, span.start, joint.i, label=span.label_)
    high = Span(doc, joint.i + 1, span.end, label=span.label_)
    if low.text.strip().lower() in ("between", "from") or not any(t.like_num for t in low):
        return [FigureSpan(span)]
    levels = low[0].lower_ == "from" or (span.start > 0 and doc[span.start - 1].lower_ == "from")
    if low[0].lower_ in ("between", "from"):
        low = Span(doc, low.start + 1, low.end, label=span.label_)
    if levels:
        return [FigureSpan(low), FigureSpan(high)]  # "from 25% to 18%": two levels, not the bounds of a range
    return [FigureSpan(low, "more_than"), FigureSpan(high, "less_than")]


def _paired_ranges(doc: Doc, found: list[FigureSpan]) -> list[FigureSpan]:
    """"26 to 28 per cent" where spaCy made two entities: the bare number is the lower bound, of the same kind."""
    result = list(found)
    for k in range(len(result) - 1):
        low, high = result[k].span, result[k + 1].span
        joint = doc[low.end] if low.end < len(doc) else None
        if low.start > 0 and doc[low.start - 1].lower_ == "from":
            continue  # "from 19 to 25 partner countries": two levels
        if low.label_ == "CARDINAL" and high.label_ in ("PERCENT", "MONEY") and joint is not None and \
                joint.lower_ in ("to", "-", "–", "and") and high.start == low.end + 1 and result[k].bound is None:
            percent = (parse_amount(high.text) or (0.0, None))[1] == "percent"  # "28 per cent" spaCy calls MONEY
            result[k] = FigureSpan(Span(doc, low.start, low.end, label="PERCENT" if percent else high.label_),
                                   "more_than")
            result[k + 1] = FigureSpan(high, "less_than")
        elif len(low) > 1 and low[-1].lower_ in ("to", "-", "–") and high.start == low.end and \
                result[k].bound is None and high.label_ in ("PERCENT", "MONEY"):
            # "$8 to $14 billion", where spaCy's first entity takes the "to"
            result[k] = FigureSpan(Span(doc, low.start, low.end - 1, label=high.label_), "more_than")
            result[k + 1] = FigureSpan(high, "less_than")
    return result


_FRACTIONS = {"half": 50.0, "third": 100 / 3, "quarter": 25.0, "fifth": 20.0, "tenth": 10.0}
_FRACTION = re.compile(
    r"(?:(?<=more than )|(?<=over )|(?<=almost )|(?<=nearly )|(?<=about )|(?<=by )|(?<=than )|\b)"
    r"(?:(?P<half>(?:a |one )?half)(?=\s+(?:of|the|its|their|our|in)\b)|(?P<count>one|two|three|four)[- ]"
    r"(?P<part>thirds?|quarters?|fifths?|tenths?)|one in (?:every\s+)?(?P<every>\w+))\b", re.IGNORECASE)
_NOT_A_SHARE = re.compile(r"\b(?:first|second|the|latter|former|other)\s+$", re.IGNORECASE)
"""Words before "half" that make it a part of a year or a match, not a share ("the first half of 2023")."""


def _fractions(sent: Span) -> list[Span]:
    """"half of", "two-thirds", "one in every seven": shares written in words (the sentence's text cut from the
    document's, joined once, not joined anew from its tokens for every sentence)."""
    spans = []
    text = text_of(sent.doc)[sent.start_char : sent.end_char]
    for match in _FRACTION.finditer(text):
        if match.group("half") and _NOT_A_SHARE.search(text[: match.start()]):
            continue
        span = sent.char_span(match.start(), match.end(), label="FRACTION", alignment_mode="expand")
        if span is not None and fraction_value(span.text) is not None:
            spans.append(span)
    return spans


_FRACTION_VALUE = re.compile(r"\b(?:(?P<half>half)|(?P<count>one|two|three|four)[- ](?P<part>thirds?|quarters?|"
                             r"fifths?|tenths?)|one in (?:every\s+)?(?P<every>\w+))\b", re.IGNORECASE)


def fraction_value(text: str) -> float | None:
    """The share in percent a fraction in words states: "two-thirds" 66.67, "one in five" 20."""
    found = _FRACTION_VALUE.search(text)
    if found is None:
        return None
    if found.group("half"):
        return 50.0
    if found.group("every"):
        every = found.group("every").lower()
        count = _NUMBER_WORDS.get(every) or (int(every) if every.isdigit() else None)
        return round(100 / count, 2) if count else None
    share = _FRACTIONS[found.group("part").lower().rstrip("s")]
    return round(_NUMBER_WORDS[found.group("count").lower()] * share, 2)
