"""Figures: money, percentages and counts, with what they measure, between whom, and when.

A spaCy component over MONEY/PERCENT/CARDINAL entities (and "billions in aid"); the value is parsed
by our own normaliser, the measure, direction, items and period are read from the sentence.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from multipolar.nlp.dates import MONTHS, TWO_DATES, DateValue, FoundDate, is_year_only, normalise
from multipolar.nlp.entities import entities_starting
from multipolar.nlp.figures.amounts import (
    MAX_VALUE,
    FigureSpan,
    amount,
    entities_in,
    figure_spans,
    parse_amount,
    qualifier_of,
)
from multipolar.nlp.figures.currency import currency_of
from multipolar.nlp.figures.lists import ListLead, in_list_item, lead_of
from multipolar.nlp.figures.measure import measure_cues
from multipolar.nlp.figures.periods import administration_dates, is_so_far, so_far_dates
from multipolar.nlp.figures.reading import FLOWS, FigureReader
from multipolar.nlp.figures.syntax import governing_verb, own_phrase, verb_chain
from multipolar.nlp.figures.words import words
from multipolar.nlp.spans import ActorMention

_UP = re.compile(r"\b(?:up|increas\w*|ris\w*|rose|gr[eo]w\w*|growth|gain\w*|jump\w*|surg\w*|climb\w*|"
                 r"higher)\b", re.IGNORECASE)
_DOWN = re.compile(r"\b(?:down|decreas\w*|f[ae]ll\w*|declin\w*|drop\w*|shr[iau]nk\w*|lower\w*|slump\w*|reduc\w*|"
                   r"cut\w*|halv\w*|contract\w*)\b", re.IGNORECASE)
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
    open_end: bool = False
    """The period runs on past its end ("since 2004" in a speech dated only by its year, whose end is then
    the end of that year)."""
    projected: bool = False


class QuantityFinder:
    """The `multipolar_quantities` component."""

    def __call__(self, doc: Doc) -> Doc:
        mentions: list[ActorMention] = doc._.mp_mentions or []
        dates: list[FoundDate] = doc._.mp_dates or []
        dates = sorted([*dates, *administration_dates(doc, dates)], key=lambda d: d.start)
        dates = sorted([*dates, *so_far_dates(doc, dates)], key=lambda d: d.start)
        reader = FigureReader(doc, mentions, _voice_state(doc, mentions))
        found: list[FoundQuantity] = []
        self._last_measure: str | None = None
        self._by_root: dict[int, FoundQuantity] = {}
        dates_by_sentence: dict[int, list[FoundDate]] = {}
        for date in dates:
            dates_by_sentence.setdefault(doc[date.start].sent.start, []).append(date)
        ents = doc.ents
        starts = [e.start for e in ents]
        lead: ListLead | None = None
        for index, sent in enumerate(doc.sents):
            figures = list(figure_spans(sent, entities_in(ents, starts, sent)))
            claimed = self._claimed_dates(doc, [f.span for f in figures], dates_by_sentence.get(sent.start, []))
            self._figures = [f.span for f in figures if amount(doc, f.span) is not None]
            bullet = in_list_item(sent)
            lead = lead if bullet else None
            for figure in figures:
                quantity = self._read(doc, sent, index, figure, reader, dates, claimed)
                if quantity is not None and lead is not None:
                    # "The new $800 million assistance package includes: - 800 Stinger anti-aircraft systems;":
                    # what a list under a flow counts, and the sums it names bare, are part of that flow
                    quantity = lead.apply(quantity, reader, figure.span)
                if quantity is not None:
                    found.append(quantity)
            if not bullet and sent.text.rstrip().endswith(":"):
                lead = lead_of(sent, index, found, reader)
        doc._.mp_quantities = found
        return doc

    @staticmethod
    def _claimed_dates(doc: Doc, spans: list[Span], dates: list[FoundDate]) -> dict[int, FoundDate]:
        """A date right after a figure ("$52.1 billion in 2021") belongs to that figure."""
        claimed: dict[int, FoundDate] = {}
        for span in spans:
            for date in dates:
                if 0 <= date.start - span.end <= 3 and \
                        doc[span.end : date.start].text.lower().strip() in _OWN_DATE_LINKS:
                    claimed[span.start] = date
        for span in spans:
            if span.start not in claimed:
                own = next((d for d in dates if _in_own_clause(doc[d.start], span)), None)
                if own is not None and own not in claimed.values():
                    claimed[span.start] = own
        return claimed

    def _read(
        self, doc: Doc, sent: Span, index: int, figure: FigureSpan, reader: FigureReader,
        dates: list[FoundDate], claimed: dict[int, FoundDate],
    ) -> FoundQuantity | None:
        stated = amount(doc, figure.span)
        if stated is None:
            return None
        value, unit, kind, span = stated
        reading = reader.read(span, kind)
        measure = reading.measure
        if measure is None and (_compared(span) or (kind == "money" and _levels(span)) or re.search(
                r"\b(?:the|that) (?:total|figure|sum|amount|value)\b", sent.text, re.I)):
            # "29% more than the $147 billion recorded in 2021", "The total rose again in 2023", "We went from
            # $300 million in 2005 to $5.6 billion in 2014": the measure of the figure it is compared with, or
            # of the sentence before
            measure = self._last_measure
        if measure is None and kind == "percent" and not _change(doc, sent, span, kind, dates)[0]:
            measure = "share"  # a percentage that is no change of something is a share of something
        if kind in ("money", "percent"):
            self._last_measure = measure or self._last_measure
        if kind == "count":
            unit = reading.counted or unit
        including = self._including(span, index, kind, unit)
        if including is not None:
            # "$159 million ... to Ukraine since October 2020, including nearly $107 million in the past two weeks"
            measure = measure if measure not in (None, "share") else including.measure
            if measure == including.measure:  # not "a fall in exports by 13% against a decline in imports by 1%"
                own = reading.source if reading.source != reader.voice or including.source is None else None
                # "Japan has committed ... over $12 billion, including $4.5 billion": the whole's giver, not the voice
                reading = dataclasses.replace(reading, source=own or including.source,
                                              target=reading.target or including.target)
        source, target = reading.source, reading.target
        if measure in FLOWS and (source is None or target is None):
            source, target = _from_aid_event(doc, span, source, target)
        before = doc[max(sent.start, span.start - 4) : span.start].text
        qualifier = figure.bound or qualifier_of(before, span.text, doc[span.end : span.end + 3].text)
        if figure.span.start in claimed:
            claimed = {**claimed, span.start: claimed[figure.span.start]}  # "$" of "$10,394 in 2023" added
        # "to date" dates a sum raised or given; a count of people "to date" is a state, not a stretch
        period_dates = dates if kind == "money" else [d for d in dates if not is_so_far(d)]
        period, open_side = self._period(doc, sent, span, period_dates, claimed, self._figures)
        direction, relative_to, rate = _change(doc, sent, span, kind, dates)
        text = sent.text
        items = tuple(item for item in ITEMS if re.search(rf"\b{re.escape(item)}\b", text, re.IGNORECASE))
        items = tuple(i for i in items if not any(i != j and i in j for j in items))
        parties = reading.parties if measure not in FLOWS else tuple(sorted({c for c in (source, target) if c}))
        if kind == "money":
            unit = currency_of(span, unit, reader.voice, parties)  # an Australian's "$", a Mexican's "pesos"
        found = FoundQuantity(
            start=span.start_char, end=span.end_char, text=span.text, kind=kind, value=value, unit=unit,
            qualifier=qualifier, measure=measure, source=source, target=target,
            parties=parties, items=items if kind == "money" else (),
            period=period, change_direction=direction, change_relative_to=relative_to, change_rate=rate,
            sentence=index, described_as=_described_as(doc, span) if value is not None else span.text,
            per=reading.per, open_start=open_side == "start", open_end=open_side == "end",
            projected=_projected(span) or open_side == "ahead",
        )
        self._by_root[span.root.i] = found
        return found

    def _including(self, span: Span, index: int, kind: str, unit: str | None) -> FoundQuantity | None:
        """The figure this one is part of or adds to: "$159 million ..., including nearly $107 million";
        "with another $1 billion" and "$20 billion for food and over $50 billion for health" (the figure of
        its kind and unit before it in its sentence, not "doses to 117 countries"); "It includes $20
        billion" (the last one of the sentence before)."""
        root, head = span.root, span.root.head
        if root.dep_ == "pobj" and head.lower_ in ("including", "includes", "of"):
            return self._by_root.get(head.head.i)
        if kind == "count":
            # "sanctioning over 400 individuals and entities comprised of ... more than 300 of its members"
            nouns = {span.doc[i].head.i: q for i, q in self._by_root.items() if q.kind == "count" and i != root.i}
            inside = next((nouns[a.i] for a in root.ancestors if a.i in nouns), None)
            if inside is not None:
                return inside
        if root.dep_ == "conj" and head.i in self._by_root and self._by_root[head.i].measure in FLOWS:
            return self._by_root[head.i]  # not "70 per cent of our GDP, or $2.3 billion": a share is no sum's
        leading = FLOWS | {"sanctions"} if kind == "count" else FLOWS  # "This includes ... 328 of its members"
        last = next(((i, q) for i, q in reversed(self._by_root.items())
                     if q.measure in leading and q.start < span.start_char), None)
        if last is None:
            return None
        last_root, flow = last
        verb = governing_verb(root)
        if flow.sentence == index and (flow.kind, flow.unit) == (kind, unit) and (
                (root.dep_ == "pobj" and head.lower_ == "with") or _with_clause(span, span.doc[last_root]) or
                (verb is not None and governing_verb(span.doc[last_root]) == verb)):
            return flow  # "with another $1 billion"; "$20 billion for food and $50 billion for health"
        if verb is not None and verb.lemma_.lower() == "include" and flow.sentence == index - 1 and \
                any(c.dep_ == "nsubj" and c.lower_ in ("it", "this", "these", "that") for c in verb.children):
            return flow
        return None

    @staticmethod
    def _period(doc: Doc, sent: Span, span: Span, dates: list[FoundDate], claimed: dict[int, FoundDate],
                figures: list[Span]) -> tuple[DateValue | None, str | None]:
        """The date a figure is for (its own, "... in 2021", else the sentence's first free date), read with
        the word before it; and which end the text leaves open: "start" ("by 2020") or "end"."""
        if span.start in claimed:
            return _bounded(doc, claimed[span.start], dates)
        taken = {d.start for d in claimed.values()}
        for date in dates:
            if not sent.start <= date.start < sent.end or date.start in taken or _is_comparison(doc, date, span) or \
                    _in_a_name(doc, date) or _nearer_another(span, date, figures) or \
                    _in_other_clause(doc[date.start], span) or _when_said(doc, date):
                continue
            return _bounded(doc, date, dates)
        return None, None


def _with_clause(span: Span, flow_root: Token) -> bool:
    """"Will invest $200 billion, with at least $67 billion worth of investment occurring in 2026": a figure
    inside a "with" clause on the verb of the flow before it is part of that flow."""
    verb = governing_verb(flow_root)
    if verb is None or not any(a.lower_ == "with" and a.dep_ == "prep" and a.head.i == verb.i
                               for a in span.root.ancestors):
        return False
    # the figure names a flow itself ("worth of investment"), not what something is worth ("resources worth")
    cues = measure_cues()
    return any(cues.get(t.lemma_.lower(), ("", frozenset()))[0] in FLOWS for t in span.doc[span.end : span.end + 4])


def _in_own_clause(token: Token, span: Span) -> bool:
    """A date in the clause on the figure or its own phrase ("$1.1 trillion promised by the G-20 in April 2009",
    "$10 billion in funding that was to materialize this year"): that figure's, no other's."""
    holders = {span.root.i, *(t.i for t in own_phrase(span))}
    for node in token.ancestors:
        if node.dep_ in ("acl", "relcl") and node.head.i in holders:
            return True
        if node.i == span.root.i:
            return False
    return False




def _when_said(doc: Doc, date: FoundDate) -> bool:
    """"President Biden today announced an additional $800 million": when it was said, not the figure's period."""
    root = max(doc[date.start : date.end], key=lambda t: -len(list(t.ancestors)))
    head = root.head.head if root.head.dep_ == "prep" else root.head
    if root.lower_ == "today" and root.dep_ == "npadvmod" and head.dep_ == "ROOT":
        return True  # "Today, the United States is sanctioning over 400 individuals": the day of the statement
    return root.dep_ in ("npadvmod", "advmod", "pobj") and head.lemma_.lower() in words("announcing")


_NESTED = frozenset({"csubj", "advcl", "relcl", "acl", "ccomp", "xcomp", "pcomp"})


def _in_other_clause(token: Token, span: Span) -> bool:
    """A date inside a clause the figure is not in ("investing $1.8 trillion between 2020 and 2030 could
    yield $7.1 trillion"): the other clause's figure's, not this one's."""
    for node in token.ancestors:
        if node.dep_ in _NESTED and node.pos_ in ("VERB", "AUX"):
            return not node.left_edge.i <= span.root.i <= node.right_edge.i
    return False


_OWN_DATE_LINKS = frozenset({"in", "for", "during", "", "of", "recorded in", "registered in", "reported in",
                             "reached in", "posted in", "seen in"})
"""Words between a figure and the date that is its own: "$147 billion recorded in 2021"."""


def _bounded(doc: Doc, found: FoundDate, dates: list[FoundDate]) -> tuple[DateValue, str | None]:
    """"since February 2022" runs to the document date, "through January 20" from it, "by 2020" ends then,
    "between 2019 and 2021" and "from 2019 to 2021" span both; with the end the text leaves open: "by 2020"
    its start, "since 2004", "from 2003 to today" and "so far this year" in a text dated only by its year
    its end (the end of that year stands for it)."""
    today: dt.date | None = doc._.mp_date
    year_only = is_year_only(doc)
    date = found.date
    if is_so_far(found):
        return date, "start"  # "to date", "so far": up to the document date, from whenever
    word = found.text.split()[0].lower() if found.text.split() else ""
    if found.start > 0 and doc[found.start].lower_ not in _BOUND_WORDS:
        word = doc[found.start - 1].lower_
    if word == "far" and found.start > 1 and doc[found.start - 2].lower_ in ("so", "thus"):
        word = "since"  # "so far this year", "thus far this year"
    if word not in _BOUND_WORDS and _since_its_start(doc[found.start]):
        word = "since"  # "since the start of Russia's full-scale invasion in February 2022"
    if date.start != date.end and TWO_DATES.match(found.text.lower()) and \
            (word not in ("since", "from") or _two_dates(found.text)):
        return date, None  # "from January to May of 2023" already spans both; "by mid-2021" is that month
    later = next((d for d in dates if d.start > found.start and d.start - found.end <= 2 and
                  doc[found.end : d.start].text.strip().lower() in ("and", "to", "through", "-", "–", "until")), None)
    if word in ("between", "from") and later is not None and later.date.end >= date.start:
        now = year_only and later.text.lower() in ("today", "now", "this day")
        return DateValue(date.value, date.start, later.date.end), "end" if now else None
    if word in ("since", "from"):
        if year_only and today is not None:
            return DateValue(date.value, date.start, max(date.end, dt.date(today.year, 12, 31))), "end"
        return DateValue(date.value, date.start, today if today and today >= date.start else date.end), None
    if word in ("through", "until", "till", "thru"):
        return DateValue(date.value, today if today and today <= date.end else date.start, date.end), None
    if word == "by":
        return DateValue(date.value, date.start, date.end), "start"
    # "over the next five years": a span that is still to come, so what is given for it is planned
    return date, "ahead" if re.match(r"(?:the )?(?:next|coming) ", found.text.lower()) else None


_BOUND_WORDS = frozenset({"since", "from", "through", "until", "till", "thru", "by", "between"})


def _two_dates(text: str) -> bool:
    """"from January to May of 2023", "2019-2021": the text spans two dates itself; "mid-2022" is one date
    whose hyphen joins no second, so "since mid-2022" still runs from it to the document date."""
    found = TWO_DATES.match(text.lower())
    return found is not None and (any(c.isdigit() for c in found.group(1)) or
                                  any(w in MONTHS for w in re.findall(r"[a-z]+", found.group(1))))


def _since_its_start(token: Token) -> bool:
    """The date dates something a "since" runs from: "since the start of the invasion in February 2022",
    "since the outbreak of the war in 2014", "since the Leaders Summit in December"."""
    for node in token.ancestors:
        if node.pos_ in ("VERB", "AUX"):
            return False
        if node.dep_ == "prep" and node.lower_ == "since":
            return True
    return False


_STRETCH_DATE = re.compile(r"(?:the )?(?:past|last|next|coming) ")
"""A stretch of time counted from the document date: "the past two years", "the next three years"."""


def _is_comparison(doc: Doc, date: FoundDate, span: Span) -> bool:
    """A date a figure is compared against ("up 75.6% from 2022", "compared to the same time in 2022"); not
    the stretch of time the figure itself took ("risen by 3.7 per cent over the past year", "$130 million in
    technical assistance over the next three years")."""
    sent = doc[date.start].sent
    before = entities_starting(doc, sent.start, date.start, ("MONEY", "PERCENT"))
    if not before:
        return False
    between = doc[before[-1].end : date.start].text.lower()
    if before[-1].start == span.start and re.search(r"\b(?:over|in|during|within)\s*$", between) and \
            _STRETCH_DATE.match(date.text.lower()):
        return False
    return bool(re.search(r"\b(?:from|compared (?:to|with)|than|over|on|below|above)\b", between))


def _nearer_another(span: Span, date: FoundDate, figures: list[Span]) -> bool:
    """A date after another figure that follows this one ("$800 million ..., and a total of $2 billion since
    the start of the Biden Administration"): the nearer figure's; not a figure restated ("12.5 per cent, or
    4 per cent a year, over the next three years")."""
    return any(span.end <= other.start and other.end <= date.start and
               not (other.start > 0 and span.doc[other.start - 1].lower_ == "or") for other in figures)


def _in_a_name(doc: Doc, date: FoundDate) -> bool:
    """A year inside a name ("Section 338 of the Tariff Act of 1930"): dates the law, not a figure."""
    return date.start > 1 and doc[date.start - 1].lower_ == "of" and doc[date.start - 2].pos_ == "PROPN"


def _described_as(doc: Doc, span: Span) -> str | None:
    """The noun a figure qualifies when it says what kind of amount it is: "a $93.8 billion gain"."""
    following = doc[span.end : span.end + 2]
    for token in following:
        if token.lemma_.lower() in ("gain", "increase", "rise", "growth", "jump", "surge", "drop", "fall",
                                    "decline", "decrease", "loss", "deficit", "surplus", "total"):
            return token.lemma_.lower()
    return None


def _levels(span: Span) -> bool:
    """A sum in "from $X ... to $Y": two levels of one measure, named before if not here."""
    doc = span.doc
    word = doc[span.start - 1].lower_ if span.start > 0 else ""
    pair = "to" if word == "from" else "from" if word == "to" else None
    return pair is not None and any(
        t.lower_ == pair and t.i + 1 < len(doc) and doc[t.i + 1].ent_type_ == "MONEY" for t in span.sent)


def _compared(span: Span) -> bool:
    """A figure set beside another: after "than", "compared to", "against", "versus"."""
    return any(t.lower_ in ("than", "compared", "against", "versus", "vs") for t in span.root.ancestors) or \
        (span.start > 1 and span.doc[span.start - 1].lower_ in ("the", "than") and
         span.doc[span.start - 2].lower_ == "than")




_MODALS = frozenset({"will", "shall", "'ll", "would", "could", "may", "might", "can", "should"})
"""A figure under one of these is a projection or a possibility ("could yield $7.1 trillion"), not a record."""


def _projected(span: Span) -> bool:
    """A figure the text gives for the future ("is projected to reach 20 per cent in 2015", "will invest $200
    billion", "committed to reducing emissions by 26 per cent by 2030"): a target, not a measurement."""
    verb = governing_verb(span.root)
    for node in verb_chain(verb) if verb is not None else ():
        if node.lemma_.lower() in words("projecting") or _aimed_at(span, node) or any(
                c.dep_ == "aux" and c.lower_ in _MODALS for c in node.children):
            return True
    return False


def _aimed_at(span: Span, verb: Token) -> bool:
    """"Was launched to increase the number of women ... by 30 percent": an aim, not "helped to reduce" it."""
    by, infinitive = span.root.head, any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    return by.lower_ == "by" and by.head.i == verb.i and verb.dep_ in ("xcomp", "advcl", "acl") and infinitive and \
        not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and \
        verb.head.lemma_.lower() not in words("achieving")


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
            if source is not None and source != event.source.state_code:
                return source, target  # "... and €550 million from the EU": another giver's sum, not this act
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
    before = [t for t in doc[max(sent.start, span.start - 3) : span.start] if not t.is_space]
    if kind == "percent" and before and before[-1].lower_ in ("from", "to", "at", "reach", "reached", "reaching"):
        return None, None, None  # "enrolment rose from 65 per cent to 83 per cent": levels, not rates
    if kind == "percent":
        rate = _rate(span.text)
        window = doc[max(sent.start, span.start - 8) : min(sent.end, span.end + 8)]
    else:
        nxt = doc[span.end : min(sent.end, span.end + 6)]
        following = entities_starting(doc, nxt.start, nxt.end, ("PERCENT",))
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
