"""Where a speaker the tables do not place is from, read from the text around them.

In order: a state their own phrase names, or a place there the knowledge base knows ("a displaced farmer
from Rutshuru", "a researcher in Nairobi"); where their sentence is set ("In La Paz, a spokesman ..."), or
else an earlier sentence of their paragraph that opens by setting it ("In Hargeisa the reaction was
sharper."); the state the subject of their sentence or of a sentence just before names ("Hanoi has
protested."); the one state their paragraph names; the state the document names most. A speech (a
document with a voice) places the people it quotes only by their own phrase.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from multipolar.nlp.entities import entities_within
from multipolar.nlp.quotes.find import speaker_country, word_set, word_table
from multipolar.nlp.spans import ActorMention, text_of

if TYPE_CHECKING:
    from multipolar.nlp.quotes.speakers import Attribution

_BACKER = re.compile(r"-(?:backed|funded|supported|sponsored|armed|trained|allied|aligned)\b")
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_LOCATIVES = frozenset({"in", "from", "at", "near", "outside"})
SETTING_SENTENCES_BACK = 2
"""How many sentences before the speaker's, in the same paragraph, may set where it happens."""


def speaker_country_from_text(attribution: Attribution, start: int, end: int, inside: list[ActorMention],
                              phrase_only: bool = False) -> str | None:
    """The country of the speaker the tokens [start, end) describe (see the module's order)."""
    own = _named_in_phrase(attribution, start, end, inside)
    if own is not None or phrase_only:
        return own
    places: list[ActorMention] = attribution.doc._.mp_places or []
    outside = [m for m in attribution.mentions if m.start not in attribution.quoted and m.how != "voice"
               and not start <= m.start < end]
    here = attribution.sentence_of.get(start, 0)
    return _set_in(attribution, here, start, [*outside, *places]) or _subject_state(attribution, here, start, outside) \
        or _paragraph_state(attribution, start, outside) or _most_named(outside)


def _named_in_phrase(attribution: Attribution, start: int, end: int, inside: list[ActorMention]) -> str | None:
    places: list[ActorMention] = attribution.doc._.mp_places or []
    for mention in [*inside, *(p for p in places if start <= p.start and p.end <= end)]:
        last = attribution.doc[mention.end - 1]
        if _BACKER.match(text_of(attribution.doc), last.idx + len(last)):
            continue  # "Rwanda-backed M23 rebels" are not Rwanda's
        country = speaker_country(mention.actors[0])
        if country and len(mention.actors) == 1:
            return country
    return known_place(attribution, start, end) or _ours(attribution, start, end) or \
        _nation_adjective(attribution, start, end)


def _nation_adjective(attribution: Attribution, start: int, end: int) -> str | None:
    """"the English poet John Donne": a nation's adjective before a word for a person, in a phrase that
    names the person, is the state of that nation (`data/quotes/nation_adjectives.tsv`)."""
    doc = attribution.doc
    if not any(e.label_ == "PERSON" for e in entities_within(doc, start, end)):
        return None
    table = word_table("nation_adjectives.tsv")
    people = (word_set("person_nouns.txt") | frozenset(word_table("speaker_nouns.tsv"))) - \
        word_set("language_nouns.txt")
    return next((table[t.lower_] for t in doc[start:end] if t.lower_ in table and t.dep_ in ("amod", "compound")
                 and t.head.lemma_.lower() in people), None)


def _ours(attribution: Attribution, start: int, end: int) -> str | None:
    """"my dad", "our famous diplomat Genaro Estrada": in a document with a voice, someone the speaker calls
    their own is of the speaker's state."""
    if not any(t.lower_ in ("my", "our") and t.dep_ == "poss" for t in attribution.doc[start:end]):
        return None
    voice = next((m.actors[0] for m in attribution.mentions if m.how == "voice"), None)
    return voice.code if voice is not None and voice.kind == "state" else None


def known_place(attribution: Attribution, start: int, end: int) -> str | None:
    """The country of the first place the parser names in [start, end) that the knowledge base knows in
    one country only ("Rutshuru", "Gothenburg"); names actor resolution took are its mentions, not here."""
    kb = attribution.gazetteer.kb if attribution.gazetteer is not None else None
    if kb is None:
        return None
    taken = attribution.mention_tokens
    for ent in entities_within(attribution.doc, start, end):
        if not (ent.label_ in _PLACE_LABELS or _after_locative(ent.root)) or \
                any(k in taken or k in attribution.quoted for k in range(ent.start, ent.end)):
            continue
        entries = [kb.entry(n) for n in kb.lookup(attribution.words[ent.start : ent.end])]
        countries = {e.country for e in entries if e.kind == "place" and e.country}
        if len(countries) == 1 and all(e.kind == "place" for e in entries):
            return countries.pop()
    return None


def _after_locative(token: Token) -> bool:
    """"from Rutshuru", "in Gothenburg": a name after a preposition of place, whatever the parser labels it."""
    return token.dep_ == "pobj" and token.head.lower_ in _LOCATIVES


def _set_in(attribution: Attribution, here: int, start: int, mentions: list[ActorMention]) -> str | None:
    """Where the speaker's sentence is set, else where an earlier sentence of the paragraph, opening with
    a place ("In Hargeisa the reaction was sharper."), set it."""
    setting = _setting(attribution, attribution.sentences[here], start, mentions)
    if setting is not None:
        return setting
    text = text_of(attribution.doc)
    for k in range(here - 1, max(-1, here - 1 - SETTING_SENTENCES_BACK), -1):
        sentence = attribution.sentences[k]
        if "\n\n" in text[sentence.start_char : attribution.doc[start].idx]:
            return None
        opening = _opening_place(sentence)
        if opening is not None:
            return _setting(attribution, sentence, opening.right_edge.i + 1, mentions) or \
                known_place(attribution, opening.left_edge.i, opening.right_edge.i + 1)
    return None


def _opening_place(sentence: Span) -> Token | None:
    """"In Hargeisa ...", "At the border crossing near Rafah, ...": a preposition that opens the sentence
    and hangs from its main verb."""
    first = next((t for t in sentence if not t.is_punct and not t.is_space), None)
    if first is None or first.dep_ != "prep" or first.head.dep_ != "ROOT":
        return None
    return first


def _setting(attribution: Attribution, sentence: Span, start: int, outside: list[ActorMention]) -> str | None:
    """A place or state in a phrase that opens the sentence before the speaker: "In La Paz, ...", "At a
    shelter run by UNRWA in Khan Younis, ..."."""
    for mention in outside:
        if not sentence.start <= mention.start < start:
            continue
        node = attribution.doc[mention.end - 1]
        while node.head.i != node.i and node.dep_ != "prep" and node.head.i < start:
            node = node.head
        if node.dep_ == "prep" and node.head.dep_ == "ROOT" and node.i < start:
            country = state_of(mention)
            if country:
                return country
    opening = _opening_place(sentence)
    if opening is not None and opening.right_edge.i < start:
        return known_place(attribution, opening.left_edge.i, opening.right_edge.i + 1)
    return None


def _subject_state(attribution: Attribution, here: int, start: int, outside: list[ActorMention]) -> str | None:
    """The state the subject of the speaker's sentence, or of the nearest sentence before, names."""
    for k in range(here, max(-1, here - 5), -1):
        subjects = attribution.sentence_subjects.get(k)
        if subjects is None:
            subjects = {t.i for t in attribution.sentences[k] if t.dep_ in ("nsubj", "nsubjpass")
                        and t.head.dep_ == "ROOT" for t in t.subtree}
            attribution.sentence_subjects[k] = subjects
        states = [c for m in outside if m.start in subjects and (k < here or m.start < start)
                  for c in [state_of(m)] if c]
        if states:
            return states[0]
    return None


def _paragraph_state(attribution: Attribution, start: int, outside: list[ActorMention]) -> str | None:
    doc = attribution.doc
    text = text_of(doc)
    lo, hi = text.rfind("\n\n", 0, doc[start].idx) + 1, _find(text, "\n\n", doc[start].idx)
    named = {c for m in outside if lo <= doc[m.start].idx < hi for c in [state_of(m)] if c}
    return named.pop() if len(named) == 1 else None


def _most_named(outside: list[ActorMention]) -> str | None:
    counts = Counter(c for m in outside for c in [state_of(m)] if c)
    ranked = counts.most_common(2)
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


def state_of(mention: ActorMention) -> str | None:
    """The state a mention names or belongs to (not a bloc: "West African" is no country)."""
    if len(mention.actors) != 1:
        return None
    ref = mention.actors[0]
    if ref.kind == "state":
        return ref.code if len(ref.code) == 3 and ref.code.isupper() and ref.code not in ("WST", "IGO") else None
    country = ref.country if ref.kind in ("person", "organization", "other") else None
    return country if country and len(country) == 3 else None  # not the UN or the EU an official acts for


def _find(text: str, needle: str, start: int) -> int:
    at = text.find(needle, start)
    return len(text) if at < 0 else at
