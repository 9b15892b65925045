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
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.attrs import IDX
from spacy.tokens import Doc, Span, Token

from multipolar.nlp.actors.resolve import ActorResolver
from multipolar.nlp.quotes.actors import (
    Described,
    describe_phrase,
    document_nouns,
    organisation_words,
)
from multipolar.nlp.quotes.around import (
    PRONOUN_GENDER,
    announced,
    colon_label,
    continued,
    introduced,
    named_after,
    nested_speaker,
    reported_before,
    signed_after,
    speech_verbs,
)
from multipolar.nlp.quotes.find import QuoteSpan, word_set
from multipolar.nlp.quotes.pronouns import antecedent, resolve_personal_pronouns
from multipolar.nlp.quotes.referents import (
    SUBJECT_DEPS,
    Referent,
    bare_role,
    gender_of,
    hold_offices,
    office_holder,
    phrase,
    referents,
    relative_head,
    words_of,
)
from multipolar.nlp.quotes.transcript import Turn, transcript_turns, turn_at
from multipolar.nlp.spans import ActorMention, text_of

_RELATIVE = frozenset({"who", "which", "that", "whom"})
_CLAUSE_BOUNDARIES = frozenset({"relcl", "acl", "advcl"})
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


class Attribution:
    """Speakers for the quotations of one document, in order."""

    def __init__(self, doc: Doc, quotes: list[QuoteSpan], resolver: ActorResolver | None) -> None:
        self.doc = doc
        self.quotes = quotes
        self.resolver = resolver
        self.gazetteer = resolver.gazetteer if resolver is not None else None
        self.people = [e for e in doc.ents if e.label_ == "PERSON"]
        self.mentions: list[ActorMention] = [m for m in doc._.mp_mentions or []
                                             if not _name_fragment(doc, m, self.people)]
        self.sentences = list(doc.sents)
        """The document's PERSON entities, read once (spaCy builds every entity anew on each read)."""
        self.words = [t.text.replace("’", "'") for t in doc]
        """Token texts with straight apostrophes, as the gazetteer matches them."""
        self.sentence_of = {t.i: k for k, s in enumerate(self.sentences) for t in s}
        self.token_chars = doc.to_array(IDX).tolist() if len(doc) else []
        """Each token's first character, in order: tokens are found by character in one binary search."""
        self.quoted = {i for q in quotes if q.direct for i in self.tokens_from(q.start, q.end)}
        opening = _DATELINE.match(text_of(doc)[:120])
        self.dateline_end = opening.end() if opening else 0
        """"GOMA — Rebels said ...": the parser may take the dateline's place for the subject."""
        self.turns: list[Turn] = []
        self.referents = referents(self, doc)
        self.pronoun_referents = resolve_personal_pronouns(self)
        self.turns = transcript_turns(self)
        hold_offices(self)

    def speakers(self) -> list[Described | None]:
        found: list[Described | None] = []
        self.spoken: set[int | None] = set()
        """Where the speakers found so far are named."""
        self.verbs: list[str | None] = []
        """The lemma of the speech verb each quotation's speaker was found by, if any."""
        for index, quote in enumerate(self.quotes):
            self._verb: str | None = None
            if quote.nested:
                found.append(nested_speaker(self, index, found))
                self.verbs.append(self._verb)
                continue
            speaker = colon_label(self, quote) or self._in_sentence(quote)
            self.verbs.append(self._verb)
            if speaker is None:
                speaker = signed_after(self, quote) or named_after(self, quote, back_reference=True) or \
                    continued(self, index, found) or \
                    introduced(self, quote) or reported_before(self, quote) or named_after(self, quote)
            if speaker is not None and speaker.text is None:
                speaker = None
            found.append(speaker)
            if speaker is not None:
                self._remember(speaker)
                self.spoken.add(speaker.start)
        return found

    # ---- the quotation's own sentence ------------------------------------------------------------

    def frame(self, quote: QuoteSpan) -> list[Token]:
        """The tokens of the sentences a quotation lies in that are outside every quotation."""
        first = self._sentence_at(quote.start)
        last = self._sentence_at(max(quote.start, quote.end - 1))
        tokens = [t for s in self.sentences[first : last + 1] for t in s]
        return [t for t in tokens if t.i not in self.quoted and not (quote.start <= t.idx < quote.end)]

    def tokens_from(self, start: int, end: int) -> range:
        """The indexes of the tokens that begin at a character in [start, end)."""
        return range(bisect_left(self.token_chars, start), bisect_left(self.token_chars, end))

    def _in_sentence(self, quote: QuoteSpan) -> Described | None:
        inside = [self.doc[i] for i in self.tokens_from(quote.start, quote.end)]
        frame = self.frame(quote)
        if not inside or not frame:
            return None
        named = self._according_to(frame)
        if named is not None:
            governing = self._governing_speech_verb(inside) if self._source_is_document else None
            if governing is None or self.subject_of(governing) is None:
                return named  # but "X told him ..., according to a readout": X speaks, the readout reports
        promised = self._promised_by(inside)
        if promised is not None:
            return promised
        verb = self._governing_speech_verb(inside) or self._nearest_speech_verb(quote, frame)
        if verb is not None:
            self._verb = verb.lemma_.lower()
            quoted_one = self._quoted_as_saying(verb)
            if quoted_one is not None:
                return self.speaker_of(quoted_one)
            subject = self.subject_of(verb) or self._inverted_object(verb, quote)
            return self.speaker_of(subject) if subject is not None else Described(None)
        return self._possessor(inside) or self._message_of(frame) or announced(self, quote) or \
            self._governing_subject(inside)

    def _inverted_object(self, verb: Token, quote: QuoteSpan) -> Token | None:
        """"“Is this peace?” asked one protester": right after the quotation, the parser takes the speaker
        for the verb's object."""
        between = text_of(self.doc)[quote.end : verb.idx]
        if len(between) > 4 or re.search(r"\w", between):
            return None
        return next((c for c in verb.children if c.dep_ in ("dobj", "npadvmod", "attr") and c.i > verb.i), None)

    def _message_of(self, frame: list[Token]) -> Described | None:
        """"The minister's message was blunt: “Go home.”": whose message, statement or words."""
        for token in frame:
            if token.lemma_.lower() in document_nouns() and token.pos_ == "NOUN":
                owner = next((c for c in token.children if c.dep_ == "poss" and c.lower_ not in ("its", "their")),
                             None)
                if owner is not None:
                    speaker = self.speaker_of(owner)
                    if speaker.text is not None:
                        return speaker
        return None

    def _according_to(self, frame: list[Token]) -> Described | None:
        """"according to X", "in the words of X", "in X's words"."""
        self._source_is_document = False
        for token in frame:
            following = self.doc[token.i + 1] if token.i + 1 < len(self.doc) else token
            if (token.lower_, following.lower_) in (("according", "to"), ("words", "of")):
                objects = [c for c in following.children if c.dep_ == "pobj"]
                if objects:
                    self._source_is_document = objects[0].lemma_.lower() in document_nouns()
                    return self.speaker_of(objects[0])
            if token.lower_ in word_set("view_nouns.txt") and token.head.lower_ == "in" and token.head.i < token.i:
                owner = next((c for c in token.children if c.dep_ == "poss"), None)
                if owner is not None and owner.lower_ not in ("its", "their", "our", "my"):
                    return self.speaker_of(owner)  # "In her view, the governments had been “too polite”"
            if token.lower_ == "words" and token.head.lower_ == "in":
                owner = next((c for c in token.children if c.dep_ == "poss" and c.lower_ not in PRONOUN_GENDER
                              and c.lower_ not in ("its", "their", "our", "my")), None)
                if owner is not None:
                    return self.speaker_of(owner)
        return None

    def _quoted_as_saying(self, verb: Token) -> Token | None:
        """"Reuters quoted the minister as saying ...": the one quoted speaks, not the agency."""
        if verb.lemma_.lower() == "say" and verb.dep_ in ("pcomp", "advcl") and verb.head.lower_ == "as":
            verb = verb.head.head
        if verb.lemma_.lower() != "quote":
            return None
        return next((c for c in verb.children if c.dep_ == "dobj" and c.i not in self.quoted), None)

    def _governing_speech_verb(self, inside: list[Token]) -> Token | None:
        """The highest speech verb the quotation hangs from within its clause: "Baku said its troops had
        only answered “large-scale provocations”" is Baku's, "which Beijing called “a farce”" Beijing's."""
        found = None
        for token in self._ancestors(inside):
            if self.is_speech_verb(token):
                found = token
            if found is not None and (token.dep_ in _CLAUSE_BOUNDARIES or
                                      (token.dep_ == "conj" and self._own_subject(token))):
                break
            if found is None and token.pos_ in ("VERB", "AUX") and token.dep_ in _CLAUSE_BOUNDARIES and \
                    self._own_subject(token):
                break
        return found

    def _own_subject(self, verb: Token) -> bool:
        return any(c.dep_ in SUBJECT_DEPS and c.lower_ not in _RELATIVE for c in verb.children)

    def _ancestors(self, inside: list[Token], within: tuple[int, int] | None = None) -> list[Token]:
        """The tokens outside the quotation that it hangs from, nearest first (`within`: only those inside
        that stretch of characters, for a quotation inside a quotation)."""
        ids = {t.i for t in inside}
        found: list[Token] = []
        for token in inside:
            if token.head.i in ids or token.head.i == token.i:
                continue
            node, steps = token, 0
            while node.head.i != node.i and steps < 8:
                node, steps = node.head, steps + 1
                usable = node.i not in self.quoted if within is None else within[0] <= node.idx < within[1]
                if node.i not in ids and usable and node not in found:
                    found.append(node)
        return found

    def _nearest_speech_verb(self, quote: QuoteSpan, frame: list[Token]) -> Token | None:
        verbs = [t for t in frame if self.is_speech_verb(t)]
        if not verbs:
            return None
        return min(verbs, key=lambda t: min(abs(t.idx - quote.start), abs(t.idx - quote.end)))

    def is_speech_verb(self, token: Token) -> bool:
        lemma = "say" if token.lower_ in ("said", "says") else token.lemma_.lower()  # "said" tagged AUX keeps its form
        if lemma not in speech_verbs() or token.pos_ not in ("VERB", "AUX") or token.i in self.quoted:
            return False
        if lemma == "put":
            return any(c.lower_ == "it" for c in token.children)
        return not (token.dep_ == "acl" and token.tag_ == "VBN" and lemma in ("call", "describe"))

    def _promised_by(self, inside: list[Token]) -> Described | None:
        """"the “humanitarian corridor” promised by Damascus": the agent of a participle on the quote."""
        for token in inside:
            for child in token.children:
                if child.dep_ == "acl" and child.i not in self.quoted:
                    for agent in (c for c in child.children if c.dep_ == "agent"):
                        objects = [c for c in agent.children if c.dep_ == "pobj"]
                        if objects:
                            return self.speaker_of(objects[0])
        return None

    def _possessor(self, inside: list[Token]) -> Described | None:
        """"Beijing's “no limits” partnership": the term belongs to the noun phrase's possessor."""
        ids = {t.i for t in inside}
        nouns = [t for t in inside if t.head.i not in ids] + [t.head for t in inside if t.head.i not in ids]
        for noun in nouns:
            owner = next((c for c in noun.children if c.dep_ == "poss" and c.i not in ids and c.i not in self.quoted),
                         None)
            if owner is not None and owner.lower_ not in ("its", "their", "his", "her", "our", "my", "your"):
                speaker = self.speaker_of(owner)
                if speaker.text is not None and speaker.named:
                    return speaker
        return None

    def _governing_subject(self, inside: list[Token]) -> Described | None:
        """A scare quote: the subject of the nearest verb it hangs from ("Washington dismissed ... as a “X”")."""
        for token in self._ancestors(inside):
            if token.pos_ in ("VERB", "AUX"):
                subject = self.subject_of(token)
                if subject is None or subject.lower_ in ("this", "that", "there") or \
                        (subject.lower_ == "it" and token.lemma_.lower() in ("be", "have", "seem", "mean")):
                    continue  # "it led chants of “...”" is the body named before; "it is a “farce”" no one's
                speaker = self.speaker_of(subject)
                if speaker.text is not None and (speaker.named or speaker.kind == "person" or
                                                 subject.lemma_.lower() in document_nouns()):
                    return speaker  # a person, a named actor, or a sign that reads "..."
        return None

    def subject_of(self, verb: Token) -> Token | None:
        """The subject of a verb, through relative pronouns, conjuncts, participles and infinitives."""
        node = verb
        for _ in range(4):
            named_as = self._as_someone(verb, node) if node.i == verb.head.i != verb.i and verb.dep_ == "advcl" \
                else None  # "As X, Y, once said, Paraguay is a “...”": the parser hangs "As X" on the main verb
            if named_as is not None:
                return named_as
            subjects = [c for c in node.children if c.dep_ in SUBJECT_DEPS and c.i not in self.quoted
                        and c.idx >= self.dateline_end]
            agents = [p for c in node.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            if subjects and subjects[0].lower_ == "it" and subjects[0].dep_ == "nsubjpass":
                subjects = []  # "in which it was agreed that": no one in particular
            if subjects and subjects[0].lower_ in _RELATIVE and node.dep_ == "relcl":
                return relative_head(subjects[0], node.head)
            if subjects and not (agents and subjects[0].dep_ == "nsubjpass"):
                return subjects[0]
            if agents:
                return agents[0]
            named_as = self._as_someone(verb, node) if node.i in (verb.i, verb.head.i) else None
            if named_as is not None:
                return named_as
            if node.dep_ in ("relcl", "acl") and node.head.pos_ in ("NOUN", "PROPN"):
                return node.head
            if node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.head.pos_ in ("VERB", "AUX"):
                node = node.head.head  # "This Declaration begins by stating that, “...”"
                continue
            if node.dep_ not in ("conj", "xcomp", "advcl", "ccomp", "parataxis") or node.head.i == node.i:
                return None
            node = node.head
        return None

    def _as_someone(self, verb: Token, node: Token) -> Token | None:
        """"As a great statesman of my country, Bernardino Caballero, once said: ...": the parser hangs the
        speaker on "as"; the name beside it (or the noun itself) says it."""
        if verb.lemma_.lower() not in speech_verbs():
            return None
        for prep in node.children:
            if prep.lower_ == "as" and prep.dep_ == "prep" and prep.i < verb.i:
                noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if noun is None or noun.i >= verb.i:
                    continue
                name = next((t for t in noun.subtree if t.dep_ == "appos" and t.pos_ == "PROPN"), None)
                return name or noun
        return None

    # ---- around the quotation --------------------------------------------------------------------

    def _token_at(self, char: int) -> int:
        """The first token that begins at or after `char` (the last token if none does)."""
        at = bisect_left(self.token_chars, char)
        return at if at < len(self.token_chars) else len(self.doc) - 1

    def _opens_sentence(self, quote: QuoteSpan) -> bool:
        sent = self.sentences[self._sentence_at(quote.start)]
        return not text_of(self.doc)[sent.start_char : quote.start].strip("“”\"‘ *\n")

    # ---- from a subject to a speaker ---------------------------------------------------------------

    def speaker_of(self, token: Token) -> Described:
        """The speaker a subject token names."""
        lower = token.lower_
        if lower in PRONOUN_GENDER:
            referent = self.pronoun_referents.get(token.i)
            return referent.resolved.described if referent else Described(None)
        if lower in ("it", "they", "its", "their"):
            kinds = ("body",) if lower in ("it", "its") else ("group", "body")
            referent = antecedent(self, token, kinds, None)
            return referent.resolved.described if referent else Described(None)
        if lower in ("i", "we", "me", "us"):
            turn = turn_at(self.turns, token.idx)
            if turn is not None and turn.speaker is not None:  # "PRIME MINISTER KISHIDA: ... I say “literally.”"
                if lower in ("i", "me"):
                    return turn.speaker
                if turn.speaker.country:  # "we say, “Welcome”": the speaker's state
                    return Described(token.text, None, turn.speaker.country, turn.speaker.sector, token.i,
                                     token.i + 1, "group", False)
            return self._voice(person=lower in ("i", "me"))
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if owner is not None and token.lemma_.lower() in document_nouns():
            written = self.speaker_of(owner)  # "Her latest paper argues ...": hers
            if written.text is not None and written.kind == "person":
                return written
        start, end = phrase(token, self.quoted)
        bare = self._bare_role(token, start, end)  # "The President": whose, is found by the role below
        linked = next((r for r in self.referents if r.kind == "person" and (
            (r.start <= token.i < r.end and (r.target is not None or r.described.sector != r.sector_found)) or
            ((r.start, r.end) == (start, end) and r.described.actor is None and r.described.named and not bare))),
            None)
        if linked is not None:
            return linked.resolved.described  # a title, surname or description that stands for someone named
        described = describe_phrase(self, start, end)
        if described.actor is None and token.lemma_.lower() in document_nouns() and \
                any(c.lower_ == "the" for c in token.children):
            issued = self._issued_before(token)
            if issued is not None:
                return issued
        if not described.named or bare:
            referent = self._by_role(token, start)
            if referent is not None:
                return referent.described
        if described.named and sum(1 for t in self.doc[start:end] if not t.is_punct) <= 3:
            referent = self._by_surname(token, start)
            if referent is not None:
                return referent.described
        return described

    def _bare_role(self, token: Token, start: int, end: int) -> bool:
        """"the minister", "the Vice President": a title with no name, which points back to someone."""
        return any(t.lower_ == "the" for t in token.children) and bare_role(self.doc, start, end)

    def _issued_before(self, token: Token) -> Described | None:
        """"The ministry issued a statement. “...,” the statement said": whoever issued it."""
        lemma = token.lemma_.lower()
        for earlier in reversed(self.doc[max(0, token.i - 150) : token.i]):
            if earlier.lemma_.lower() == lemma and earlier.dep_ in ("dobj", "pobj") and earlier.i not in self.quoted:
                author = self.author_of(earlier)
                if author is not None and author.text is not None:
                    return author
        return None

    def author_of(self, document: Token) -> Described | None:
        """"A student held up a sign that read “...”": who holds, issues or posts the document."""
        verb = document.head if document.dep_ == "dobj" else document.head.head
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        subject = self.subject_of(verb)
        if subject is None or subject.i == document.i:
            return None
        return self.speaker_of(subject)

    def _voice(self, person: bool = False) -> Described:
        """The document's voice; its "I" is the one who speaks for a state, an official (`GOV`)."""
        voice = next((m.actors[0] for m in self.mentions if m.how == "voice"), None)
        if voice is None:
            return Described(None)
        sector = "GOV" if person and voice.kind in ("state", "igo") else voice.role
        return Described(voice.name, voice, voice.code if voice.kind == "state" else voice.country, sector)

    def _by_role(self, token: Token, start: int) -> Referent | None:
        """"the minister", "the official": the last person or body whose description holds that noun; else
        the holder of the office on the date; else, in a lede, the person the next sentences name with it."""
        if token.pos_ not in ("NOUN", "PROPN") or not any(c.lower_ == "the" for c in token.children):
            return None
        head = words_of(token.text)
        holding = [r for r in reversed(self.referents) if r.start < start and r.target is None and head <= r.words]
        if holding:  # the last one who has spoken, else the last one named ("The President also said")
            return next((r for r in holding if r.described.start in self.spoken), holding[0])
        holder = office_holder(self, token)
        if holder is not None:
            return holder
        title = words_of(" ".join(t.text for t in token.subtree if t.i >= start and t.i <= token.i))
        limit = self.sentences[min(len(self.sentences) - 1, self.sentence_of.get(token.i, 0) + 5)].end
        return next((r for r in self.referents if start < r.start < limit and r.target is None and
                     r.kind == "person" and title <= r.words and r.described.actor is not None and
                     r.described.actor.origin != "document"), None)

    def _by_surname(self, token: Token, start: int) -> Referent | None:
        """"Sandoval said", "Vice President Harris remarked": the person named in full before."""
        surname = token.text.lower()
        found = []
        for referent in reversed(self.referents):
            name = (referent.described.text or "").lower().split()
            if referent.start < start and referent.kind == "person" and referent.target is None and \
                    len(name) > 1 and name[-1] == surname:
                found.append(referent)
        known = [r for r in found if r.described.actor is not None and r.described.actor.origin != "document"]
        return next(iter(known or found), None)

    def _remember(self, speaker: Described) -> None:
        """A speaker found through a phrase ("a port worker") can be pointed back to later."""
        if speaker.start is None or any(r.start == speaker.start for r in self.referents):
            return
        assert speaker.end is not None
        referent = Referent(speaker.start, speaker.end, speaker.kind, speaker, True,
                            words_of(self.doc[speaker.start : speaker.end].text), gender_of(self.doc, speaker))
        self.referents.append(referent)
        self.referents.sort(key=lambda r: r.start)

    def _sentence_at(self, char: int) -> int:
        for index, sent in enumerate(self.sentences):
            if sent.start_char <= char < sent.end_char:
                return index
        return max(0, len(self.sentences) - 1)
