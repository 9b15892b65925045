"""Who said each quotation, read from the parse and the quotations around it.

In order: the quotation's own sentence (the subject of the speech verb that governs it or stands next to
it, "according to X", the agent of "the X promised by Y", the subject of the verb that governs a scare
quote); a label before a colon that opens the paragraph ("Senator X (D-NV): “...”"); the speaker of the
quotation just before, when this one goes on from it (the next sentence, the next paragraph of a quote
running over paragraphs); a sentence before that introduces it ("In a statement, it said:"); a sentence
after it that names who said it ("With those words, X opened the meeting").

A subject that is a pronoun goes to the last compatible person (or body, for "it"; group, for "they"),
preferring subjects and the nearest sentence; "he" and "she" stay apart once a person has been one of
them. A subject that is a role noun ("the minister", "the general", "the Vice President") goes to the last
person or body whose description holds that noun, else to the holder of that office on the document's
date (`office_holder`); a bare surname to the person named in full before.

This module holds the order; `clause` reads the quotation's own sentence, `around` the text around it,
`naming` turns the token that names a speaker into the speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.attrs import IDX
from spacy.tokens import Doc, Span, Token

from multipolar.nlp.actors.resolve import ActorResolver
from multipolar.nlp.quotes.actors import Described, organisation_words
from multipolar.nlp.quotes.around import (
    colon_label,
    continued,
    introduced,
    named_after,
    nested_speaker,
    reported_before,
    signed_after,
)
from multipolar.nlp.quotes.clause import ancestors, in_sentence, is_speech_verb, names_a_word, subject_of
from multipolar.nlp.quotes.find import QuoteSpan, word_set, word_table
from multipolar.nlp.quotes.gender import COURTESY_TITLES, given_name_gender
from multipolar.nlp.quotes.naming import author_of, remember, speaker_of
from multipolar.nlp.quotes.offices import hold_offices, own_offices
from multipolar.nlp.quotes.pronouns import resolve_personal_pronouns
from multipolar.nlp.quotes.referents import Referent, referents
from multipolar.nlp.quotes.transcript import Turn, label_ranges, transcript_turns, turn_at
from multipolar.nlp.spans import ActorMention, text_of

_CAPS = "A-ZÀ-ÖØ-Þ"
_DATELINE = re.compile(rf"\A\s*[{_CAPS}][{_CAPS}'’.-]+(?:[ -][{_CAPS}][{_CAPS}'’.-]+){{0,3}}"
                       r"(?:,\s*[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,2})?\s*(?:\([A-Za-z]+\)\s*)?[-–—]{1,2}\s+")


def _name_fragment(doc: Doc, mention: ActorMention, people: list[Span]) -> bool:
    """"Gaza City", "the Getulio Vargas Foundation": a knowledge-base match on the last common word of a
    longer name is not that name; nor is a match on the surname of a longer person's name that is no
    person's ("Restrepo" in "Ana María Restrepo")."""
    if mention.how != "knowledge_base" or mention.end - mention.start != 1:
        return False
    token = doc[mention.start]
    if mention.actors[0].kind != "person" and (
            any(p.start <= mention.start and mention.end <= p.end and p.end - p.start > 1 for p in people) or
            (mention.actors[0].kind == "other" and
             any(c.dep_ in ("compound", "flat") and c.pos_ == "PROPN" and c.i < token.i for c in token.children))):
        return True
    before = doc[token.i - 1] if token.i > 0 else None
    capitalised_before = before is not None and before.is_alpha and before.text[:1].isupper() and \
        not before.is_sent_start and (before.head.i == token.i or before.head.i == token.head.i)
    last_word = token.lower_ in organisation_words() or token.lower_ in word_set("place_words.txt")
    return last_word and (capitalised_before or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children))


def _other_gender(doc: Doc, mention: ActorMention) -> bool:
    """"Mrs. Trump" read as Donald Trump: a courtesy title of one gender on a person whose given name is of
    the other names someone else of that surname."""
    actor = mention.actors[0]
    if actor.kind != "person" or len(actor.name.split()) < 2:
        return False
    words = [t.lower_.rstrip(".") for t in doc[max(0, mention.start - 1) : mention.end]]
    titles = {word_table("gender_words.tsv").get(w) for w in words if w in COURTESY_TITLES} - {None, ""}
    named = given_name_gender(actor.name.split()[0])
    return len(titles) == 1 and named is not None and named not in titles


class Attribution:
    """Speakers for the quotations of one document, in order."""

    def __init__(self, doc: Doc, quotes: list[QuoteSpan], resolver: ActorResolver | None) -> None:
        self.doc = doc
        self.quotes = quotes
        self.resolver = resolver
        self.gazetteer = resolver.gazetteer if resolver is not None else None
        self.people = [e for e in doc.ents if e.label_ == "PERSON"]
        self.mentions: list[ActorMention] = [m for m in doc._.mp_mentions or []
                                             if not _name_fragment(doc, m, self.people)
                                             and not _other_gender(doc, m)]
        self.mention_tokens = {k for m in self.mentions for k in range(m.start, m.end)}
        """The tokens the mentions cover, and those of the mentions of states (read for every phrase)."""
        self.state_tokens = {k for m in self.mentions if m.actors[0].kind == "state" for k in range(m.start, m.end)}
        self.sentence_subjects: dict[int, set[int]] = {}
        """By sentence: the tokens of the subjects of its main verb (filled as `places` asks)."""
        self.sentences = list(doc.sents)
        """The document's PERSON entities, read once (spaCy builds every entity anew on each read)."""
        self.words = [t.text.replace("’", "'") for t in doc]
        """Token texts with straight apostrophes, as the gazetteer matches them."""
        self.sentence_of = {i: k for k, s in enumerate(self.sentences) for i in range(s.start, s.end)}
        self.token_chars = doc.to_array(IDX).tolist() if len(doc) else []
        """Each token's first character, in order: tokens are found by character in one binary search."""
        self.quoted = {i for q in quotes if q.direct for i in self.tokens_from(q.start, q.end)}
        opening = _DATELINE.match(text_of(doc)[:120])
        self.dateline_end = opening.end() if opening else 0
        """"GOMA — Rebels said ...": the parser may take the dateline's place for the subject."""
        self.turns: list[Turn] = []
        self.speech_verb: str | None = None
        """The lemma of the speech verb the current quotation's speaker is found by, if any."""
        self.source_is_document = False
        """Whether the "according to" of the current quotation names a document ("according to a readout")."""
        self.spoken: set[int | None] = set()
        """Where the speakers found so far are named."""
        voice = doc._.mp_voice
        self.voice_state = self.gazetteer.code_of(voice, doc._.mp_date) if self.gazetteer and voice else voice
        """The state the document speaks for, as given with it (`Settings.voice`), if any."""
        self.labels = label_ranges(text_of(doc))
        """The characters of a transcript's turn labels ("Q", "MS. BEDINGFIELD:")."""
        self.set_aside: list[Referent] = []
        """Names in turn labels and names spoken to ("Thanks, Kate."): no one a pronoun or role points back to,
        but who a label's surname may name."""
        self.referents = referents(self, doc)
        own_offices(self)
        self.pronoun_referents = resolve_personal_pronouns(self)
        self.turns = transcript_turns(self)
        hold_offices(self)

    def speakers(self) -> list[Described | None]:
        found: list[Described | None] = []
        self.spoken = set()
        self.verbs: list[str | None] = []
        """The lemma of the speech verb each quotation's speaker was found by, if any."""
        for index, quote in enumerate(self.quotes):
            self.speech_verb = None
            if quote.nested:
                found.append(nested_speaker(self, index, found))
                self.verbs.append(self.speech_verb)
                continue
            if names_a_word(self, quote):
                found.append(None)
                self.verbs.append(None)
                continue
            speaker = colon_label(self, quote) or in_sentence(self, quote)
            self.verbs.append(self.speech_verb)
            if speaker is None:
                speaker = signed_after(self, quote) or named_after(self, quote, back_reference=True) or \
                    continued(self, index, found) or \
                    introduced(self, quote) or reported_before(self, quote) or named_after(self, quote) or \
                    self._turn_speaker(quote)
            if speaker is not None and speaker.text is None:
                speaker = None
            found.append(speaker)
            if speaker is not None:
                remember(self, speaker)
                self.spoken.add(speaker.start)
        return found

    def _turn_speaker(self, quote: QuoteSpan) -> Described | None:
        """"THE VICE PRESIDENT: And “fallopian tubes.”": words in marks that nothing else in a transcript
        turn attributes are its speaker's own (not a term only named)."""
        turn = turn_at(self.turns, quote.start)
        uttered = quote.kind != "scare" or text_of(self.doc)[quote.start : quote.end].rstrip("”\"’ ").endswith(
            (".", "!", "?"))  # "And “fallopian tubes.”" is said; "Quote/unquote “fruitful discussion”" only named
        return turn.speaker if turn is not None and uttered else None

    def frame(self, quote: QuoteSpan) -> list[Token]:
        """The tokens of the sentences a quotation lies in that are outside every quotation."""
        first = self._sentence_at(quote.start)
        last = self._sentence_at(max(quote.start, quote.end - 1))
        tokens = [t for s in self.sentences[first : last + 1] for t in s]
        return [t for t in tokens if t.i not in self.quoted and not (quote.start <= t.idx < quote.end)]

    def in_label(self, token: Token) -> bool:
        return any(a <= token.idx < b for a, b in self.labels)

    def past_label(self, token: Token) -> Token | None:
        """"Q — the President ... said": the parser may take a turn's label for the subject; the words it set
        beside the label are the subject (none if it set none)."""
        if not self.in_label(token):
            return token
        return next((c for c in token.children if c.dep_ == "appos"), None)

    def tokens_from(self, start: int, end: int) -> range:
        """The indexes of the tokens that begin at a character in [start, end)."""
        return range(bisect_left(self.token_chars, start), bisect_left(self.token_chars, end))

    def _token_at(self, char: int) -> int:
        """The first token that begins at or after `char` (the last token if none does)."""
        at = bisect_left(self.token_chars, char)
        return at if at < len(self.token_chars) else len(self.doc) - 1

    def _opens_sentence(self, quote: QuoteSpan) -> bool:
        sent = self.sentences[self._sentence_at(quote.start)]
        return not text_of(self.doc)[sent.start_char : quote.start].strip("“”\"‘ *\n")

    def _sentence_at(self, char: int) -> int:
        for index, sent in enumerate(self.sentences):
            if sent.start_char <= char < sent.end_char:
                return index
        return max(0, len(self.sentences) - 1)

    # ---- delegated to `clause` and `naming`, for the modules that take an `Attribution` ----------------

    def speaker_of(self, token: Token) -> Described:
        """The speaker a subject token names (`naming.speaker_of`)."""
        return speaker_of(self, token)

    def subject_of(self, verb: Token) -> Token | None:
        """The subject of a verb, through relative pronouns, conjuncts and participles (`clause.subject_of`)."""
        return subject_of(self, verb)

    def is_speech_verb(self, token: Token) -> bool:
        return is_speech_verb(self, token)

    def author_of(self, document: Token) -> Described | None:
        """Who holds, issues or posts a document (`naming.author_of`)."""
        return author_of(self, document)

    def ancestors(self, inside: list[Token], within: tuple[int, int] | None = None) -> list[Token]:
        """The tokens outside the quotation that it hangs from, nearest first (`clause.ancestors`)."""
        return ancestors(self, inside, within)
