"""Offices as referents: a bare title no one named before ("the Secretary-General", "the Vice President") is
whoever held it on the document's date, from the gazetteer's dated terms and the knowledge base's agents."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from spacy.tokens import Token

from multipolar.nlp.actors import agents as actors_agents
from multipolar.nlp.quotes.actors import Described
from multipolar.nlp.quotes.find import speaker_country, word_table
from multipolar.nlp.quotes.phrases import bare_role, honorific, phrase, title_words, words_of
from multipolar.nlp.quotes.referents import Referent
from multipolar.nlp.quotes.transcript import home_countries

if TYPE_CHECKING:
    from multipolar.nlp.actors.resolve import ActorResolver
    from multipolar.nlp.quotes.speakers import Attribution

def office_holder(attribution: Attribution, token: Token) -> Referent | None:
    """"the Secretary-General", "the Vice President" with no one named before: who held that office on the
    document's date (an international title alone, else the office in the state the document is about)."""
    resolver = attribution.resolver
    if resolver is None:
        return None
    day = attribution.doc._.mp_date
    lo, hi = phrase(token, attribution.quoted)  # "the Vice President, who oversees ...": the title alone
    words = title_words(token.doc, lo, hi)
    if not words:
        return _honoured(attribution, lo, day)
    title = re.sub(r"[^a-z]", "", "".join(t.text for t in words).lower())
    holders = {t.code for terms in resolver.gazetteer.terms.values() for t in terms
               if _international(resolver, t.country) and re.sub(r"[^a-z]", "", t.title.lower()) == title
               and t.covers(day)}
    code = holders.pop() if len(holders) == 1 else None
    if code is None:
        hit = resolver.gazetteer.agent_at([t.text for t in words], 0)
        if hit is None or hit[1] != len(words) or not hit[0].role:
            return None
        role = hit[0].role  # the first state, in `home_countries` order, that has the office on the day
        code = next((c for country in home_countries(attribution, token)
                     for c in [actors_agents.office_holder(resolver, country, role, day)] if c), None)
    return _held_by(attribution, code, min(t.i for t in words), max(t.i for t in words) + 1)


def _held_by(attribution: Attribution, code: str | None, start: int, end: int) -> Referent | None:
    """The referent of an office's holder, named by the words [start, end)."""
    if code is None or attribution.resolver is None:
        return None
    ref = attribution.resolver.ref(code, attribution.doc._.mp_date)
    described = Described(attribution.doc[start:end].text, ref, speaker_country(ref), ref.role, start, end,
                          "person", True)
    return Referent(start, end, "person", described, True, frozenset())


def _honoured(attribution: Attribution, start: int, day: dt.date | None) -> Referent | None:
    """"His Majesty stressed ...": an honorific alone, that names an office of its own, is its holder in the
    state the document is about."""
    doc = attribution.doc
    at = honorific(doc, start)
    role = word_table("honorifics.tsv").get(doc[at].lower_) if at is not None else None
    if at is None or role in (None, "none") or attribution.resolver is None:
        return None
    code = next((c for country in home_countries(attribution, doc[at])
                 for c in [actors_agents.office_holder(attribution.resolver, country, role or "", day)] if c), None)
    return _held_by(attribution, code, at, at + 1)


def _international(resolver: ActorResolver, country: str | None) -> bool:
    """An office of no state: of no country, or of an organisation (the UN's Secretary-General)."""
    info = resolver.gazetteer.actors.get(country) if country else None
    return country is None or (info is not None and info.kind in ("igo", "bloc"))


def own_holder(attribution: Attribution, target: Referent | None, title: Token) -> Referent | None:
    """"Q  The President today said ..." in a White House briefing whose earlier turn named President Zelenskyy:
    in a transcript, a bare title that would stand for another state's holder named in an earlier paragraph is
    the holder of that office in the state the transcript speaks for, when it has one on the date (not in a
    speech, whose "The President also said" may answer the President of another state)."""
    doc, voice = attribution.doc, attribution.voice_state
    target = target.resolved if target is not None else None
    if voice is None or not attribution.labels or target is None or target.described.country in (None, voice) or \
            "\n\n" not in doc[target.end : title.i].text:
        return None
    holder = office_holder(attribution, title)
    return holder if holder is not None and holder.described.country == voice else None


def own_offices(attribution: Attribution) -> None:
    """Bare titles that are the voice's own office holder though linked to another state's (`own_holder`), read
    before pronouns point through them."""
    doc = attribution.doc
    for referent in attribution.referents:
        if referent.kind == "person" and bare_role(doc, referent.start, referent.end):
            own = own_holder(attribution, referent.target, doc[referent.start : referent.end].root)
            if own is not None:
                referent.target, referent.described = None, own.described


def hold_offices(attribution: Attribution) -> None:
    """"Q The President said ... when he said": a bare title no one named before holds is the holder of that
    office on the date, for the pronouns that point back to it too."""
    doc = attribution.doc
    for referent in attribution.referents:
        if referent.kind != "person" or not bare_role(doc, referent.start, referent.end):
            continue
        if referent.target is not None or referent.described.actor is not None:
            continue
        title = words_of(doc[referent.start : referent.end].text)
        if any(r.start < referent.start and r.target is None and title <= r.words for r in attribution.referents
               if r is not referent):
            continue
        holder = office_holder(attribution, doc[referent.start : referent.end].root)
        if holder is not None:
            referent.described = holder.described
