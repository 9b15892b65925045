"""The `multipolar_quotes` component: the quotations `find` reads in the text, each with the speaker
`speakers` gives it. It sits above both, so neither imports the other."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from multipolar.nlp.quotes.actors import Described
from multipolar.nlp.quotes.find import FoundQuote, quote_spans, word_set
from multipolar.nlp.quotes.speakers import Attribution
from multipolar.nlp.spans import text_of

if TYPE_CHECKING:
    from multipolar.nlp.actors.resolve import ActorResolver

class QuoteFinder:
    """The `multipolar_quotes` component."""

    def __init__(self, resolver: ActorResolver | None = None) -> None:
        self.resolver = resolver
        """Actor resolution, for the holder of an office a role noun names ("the Secretary-General")."""

    def __call__(self, doc: Doc) -> Doc:
        spans = quote_spans(doc)
        if not spans:  # nothing to attribute: the speaker search reads every mention and subject of the document
            doc._.mp_quotes = []
            return doc
        sentences = list(doc.sents)
        attribution = Attribution(doc, spans, self.resolver)
        voice_state = _voice_state(doc, self.resolver)
        speakers = [s if _international_officer(self.resolver, s) else _in_voice_state(s, voice_state)
                    for s in attribution.speakers()]
        found = []
        for span, speaker, verb in zip(spans, speakers, attribution.verbs, strict=True):
            actor = speaker.actor if speaker else None
            naming = verb is None or verb in word_set("naming_verbs.txt")
            kind = "partial" if span.kind == "scare" and not naming else span.kind
            found.append(FoundQuote(
                span.start, span.end, text_of(doc)[span.start : span.end], speaker.text if speaker else None, actor,
                span.direct, _sentence_index(sentences, span.start), kind,
                speaker.country if speaker else None, speaker.sector if speaker else None))
        doc._.mp_quotes = found
        return doc


_STATE_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL"})


def _voice_state(doc: Doc, resolver: ActorResolver | None) -> str | None:
    """The state the document speaks for: its "we" as resolved, else the voice given with the input (a
    White House statement that never says "we" still speaks for the United States)."""
    voice = next((m.actors[0] for m in doc._.mp_mentions or [] if m.how == "voice"), None)
    if voice is not None:
        return voice.code if voice.kind == "state" else None
    if resolver is None or not doc._.mp_voice:
        return None
    code = resolver.gazetteer.code_of(doc._.mp_voice)
    info = resolver.gazetteer.actors.get(code) if code else None
    return info.code if info is not None and info.kind == "state" else None


def _international_officer(resolver: ActorResolver | None, speaker: Described | None) -> bool:
    """"Former Secretary-General Kofi Annan": someone whose offices were all an international body's holds
    none in the state a speech speaks for."""
    if resolver is None or speaker is None or speaker.actor is None:
        return False
    gazetteer = resolver.gazetteer
    terms = gazetteer.terms.get(speaker.actor.code, [])
    return bool(terms) and all(
        t.country is not None and (info := gazetteer.actors.get(t.country)) is not None and info.kind in ("igo", "bloc")
        for t in terms)


def _in_voice_state(speaker: Described | None, voice_state: str | None) -> Described | None:
    """A person holding a state's office in no state the text names ("President Truman", "Leader
    McConnell") holds it in the state the document speaks for."""
    if speaker is None or speaker.country is not None or speaker.sector not in _STATE_SECTORS or \
            speaker.kind != "person" or voice_state is None:
        return speaker
    return replace(speaker, country=voice_state)


def _sentence_index(sentences: list[Span], char: int) -> int:
    for index, sent in enumerate(sentences):
        if sent.start_char <= char < sent.end_char:
            return index
    return max(0, len(sentences) - 1)
