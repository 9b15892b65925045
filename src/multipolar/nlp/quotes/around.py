"""Who said a quotation, from around it: a round-up's label before a colon, the quotation just before
(one that goes on from it), a sentence before that introduces it or reports the speaker's words, a
sentence after it that names who said it. Each takes the `Attribution` of the document.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from multipolar.nlp.addresses import only_addresses_chair
from multipolar.nlp.entities import entities_within
from multipolar.nlp.quotes.actors import Described, describe_phrase, document_nouns, people_words
from multipolar.nlp.quotes.find import LISTED, QuoteSpan, word_list, word_set
from multipolar.nlp.quotes.phrases import SUBJECT_DEPS, phrase
from multipolar.nlp.spans import text_of

if TYPE_CHECKING:
    from multipolar.nlp.quotes.speakers import Attribution

PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f",
                  "herself": "f"}
_BACK_REFERENCES = re.compile(r"^\W*(?:with|in) (?:those|these) words\b|"
                              r"^\W*(?:those|these) (?:were|are) (?:among |some of )?(?:the|his|her|their)"
                              r"(?: \w+){0,2} words\b|"
                              r"^\W*(?:this|that) is how\b|^\W*so (?:said|says)\b", re.IGNORECASE)


@cache
def speech_verbs() -> frozenset[str]:
    return frozenset(word_list("speech_verbs.txt"))


def colon_label(att: Attribution, quote: QuoteSpan) -> Described | None:
    """A round-up's "Name, Title: “...”": a label with no verb before a colon that opens the paragraph,
    or follows the previous entry's citation ("... [Statement, 8/8/23] Name, Title: “...”")."""
    text = text_of(att.doc)
    head = text[max(0, quote.start - 200) : quote.start]
    stripped = head.rstrip(" *“\"‘„«\n")
    stripped = _THREAD_MARK.sub("", stripped)  # "Congressman X: (1/3) “...”": a thread's first post
    if not stripped.endswith(":"):
        return None
    cut = max(stripped.rfind(mark) for mark in ("\n", "]", "*", "”", "\"", ">"))
    sentence_end = [m.end() for m in re.finditer(r"(\w*[a-z]{2})[.!?]\s", stripped)
                    if f"{m.group(1).lower()}." not in title_abbreviations()]  # "Rep. X (D-TX-20):" is one label
    begin = max(cut + 1, *sentence_end) if sentence_end else cut + 1
    if cut < 0 and not sentence_end and quote.start > 200:
        return None
    label_start = quote.start - len(head) + begin
    span = att.doc.char_span(label_start, quote.start - len(head) + len(stripped) - 1, alignment_mode="contract")
    if span is None or not any(t.is_alpha for t in span) or len(span) > 25 or \
            any(att.is_speech_verb(t) or t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in span):
        return None
    colon = att.doc[span.end] if span.end < len(att.doc) and att.doc[span.end].text == ":" else None
    author = _author_named(att, colon) if colon is not None else None  # "Allow me to close with the words of X:"
    return author or describe_phrase(att, span.start, span.end, label=True)


@cache
def title_abbreviations() -> frozenset[str]:
    return word_set("title_abbreviations.txt")


_THREAD_MARK = re.compile(r"\s*\(\d{1,2}/\d{1,2}\)$")


def nested_speaker(att: Attribution, index: int, found: list[Described | None]) -> Described | None:
    """A quotation inside a quotation: the subject of the speech verb that governs it inside the outer
    one (a pronoun there is someone other than the outer speaker, named before the outer quotation); with
    no speech verb, the outer speaker's own term."""
    quote = att.quotes[index]
    outer_index = max(k for k in range(index) if att.quotes[k].start <= quote.start < att.quotes[k].end)
    outer, outer_speaker = att.quotes[outer_index], found[outer_index]
    inside = [t for t in att.doc if quote.start <= t.idx < quote.end]
    for token in att.ancestors(inside, within=(outer.start, outer.end)):
        if token.lemma_.lower() in speech_verbs() and token.pos_ in ("VERB", "AUX"):
            att.speech_verb = token.lemma_.lower()
            verb = token.head if token.dep_ == "conj" and not any(
                c.dep_ in SUBJECT_DEPS for c in token.children) else token
            subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
            if subject is None or subject.lower_ in ("i", "we"):
                return None
            gender = PRONOUN_GENDER.get(subject.lower_)
            if gender is None:
                return describe_phrase(att, *phrase(subject, set()))
            before = att._token_at(outer.start)
            floor = att.sentences[max(0, att.sentence_of.get(before, 0) - 2)].start
            skip = outer_speaker.start if outer_speaker is not None else None
            people = [r.resolved for r in att.referents if floor <= r.start < before and r.kind == "person"
                      and r.resolved.gender in (None, gender) and r.resolved.described.start != skip]
            return people[-1].described if people else None
    return outer_speaker  # "You cannot ‘desert.’": marks no speech verb inside governs are the speaker's own


def continued(att: Attribution, index: int, found: list[Described | None]) -> Described | None:
    """A quotation with no attribution of its own right after another goes on in its speaker's voice."""
    while index > 0 and att.quotes[index - 1].nested:
        index -= 1
    if index == 0 or found[index - 1] is None:
        return None
    previous, quote = att.quotes[index - 1], att.quotes[index]
    between = text_of(att.doc)[previous.end : quote.start]
    if not previous.closed and re.fullmatch(r"\W*", between):
        return found[index - 1]
    if LISTED.fullmatch(between.rstrip("“\"‘")):
        return found[index - 1]  # “To the people of Afghanistan”, “To the people of Lebanon”
    previous_sentence = att._sentence_at(max(previous.start, previous.end - 1))
    sentence = att._sentence_at(quote.start)
    notes = [k for k in range(previous_sentence + 1, sentence)
             if _STAGE_NOTE.fullmatch(att.sentences[k].text.strip())]  # "“...”  (Laughter.)  “...”"
    if quote.kind != "scare" and _runs_on(between):
        return found[index - 1]
    if sentence - previous_sentence - len(notes) > 1 or ("\n\n" in between.strip("“”\" ") and previous.closed):
        return None
    return found[index - 1] if att._opens_sentence(quote) else None


def _runs_on(between: str) -> bool:
    """A quotation that opens the next paragraph with nothing of the writer's between, not even a citation,
    goes on in the voice of the one before (a round-up's entry over paragraphs: "Name, Title: “...,”" then
    "“Now, ...”")."""
    return "\n" in between and re.fullmatch(r"[\s“”\"‘’]*", between) is not None


def introduced(att: Attribution, quote: QuoteSpan) -> Described | None:
    """"In a statement, it said:", "we remember the words of X:" and the quotation opens the next sentence or
    paragraph."""
    sentence = att._sentence_at(quote.start)
    if sentence == 0 or not att._opens_sentence(quote):
        return None
    previous = next((att.sentences[k] for k in range(sentence - 1, -1, -1)
                     if any(t.is_alpha for t in att.sentences[k])), None)
    if previous is None or not previous.text.rstrip().endswith((":", ",")):
        return None
    colon = next((t for t in reversed(previous) if not t.is_space), None)
    author = _author_named(att, colon) if colon is not None and colon.text == ":" else None
    if author is not None:
        return author  # "we remember the words of X:"
    verbs = [t for t in previous if att.is_speech_verb(t)]
    if not verbs:
        return None
    subject = quoted_source(verbs[-1]) or att.subject_of(verbs[-1]) or _stated_in(verbs[-1])
    return att.speaker_of(subject) if subject is not None else None


def _stated_in(verb: Token) -> Token | None:
    """"As stated in the Holy Koran:": a speech verb with no subject, of words set down in a text, is that
    text's."""
    if verb.tag_ != "VBN" and not any(c.lower_ == "as" for c in verb.children):
        return None
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"), None)
    return next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None


_STAGE_NOTE = re.compile(r"\([A-Z][a-z]+(?: [A-Za-z]+){0,3}\.?\)")
"""A transcript's note between sentences: "(In English.)", "(As interpreted.)", "(Applause.)"."""


def quoted_source(verb: Token) -> Token | None:
    """"Let me quote a phrase in the Old Testament", "closed by quoting the words of a Polish martyr",
    "quoting Gandhi", "he quoted the English poet X": whoever or whatever is quoted speaks the quotation that
    follows, not the one quoting."""
    if verb.lemma_.lower() not in ("quote", "cite"):
        return None
    thing = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if thing is None:
        return None
    if thing.lemma_.lower() not in word_set("quoted_words.txt"):
        return thing if thing.pos_ == "PROPN" or thing.ent_type_ == "PERSON" or \
            thing.lemma_.lower() in people_words() else None
    for prep in (c for c in thing.children if c.dep_ == "prep" and c.lower_ in ("of", "in", "from", "by")):
        source = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if source is not None:
            return source
    return None


def reported_before(att: Attribution, quote: QuoteSpan) -> Described | None:
    """"He added that monitors would be drawn from both sides. “If either side breaks the truce, ...”": a
    quotation that opens a sentence of its own goes on in the voice of the one who spoke in the sentence
    just before it, in the same paragraph, when that sentence reports speech and quotes nothing."""
    sentence = att._sentence_at(quote.start)
    if sentence == 0 or not att._opens_sentence(quote):
        return None
    previous = att.sentences[sentence - 1]
    if _STAGE_NOTE.fullmatch(previous.text.strip()) and sentence > 1:
        previous = att.sentences[sentence - 2]  # "Let me quote a phrase in X. (In English.) “...”"
    if "\n\n" in text_of(att.doc)[previous.end_char : quote.start] or any(t.i in att.quoted for t in previous):
        return None
    verbs = [t for t in previous if att.is_speech_verb(t) and t.pos_ in ("VERB", "AUX")]
    source = quoted_source(verbs[0]) if verbs else None
    if source is not None:
        quoted = att.speaker_of(source)
        return quoted if quoted.text is not None else None
    asked = next((c for v in verbs[:1] if v.lemma_.lower() == "ask" for c in v.children
                  if c.dep_ in ("dobj", "dative") and (c.pos_ == "PROPN" or c.lower_ in PRONOUN_GENDER)), None)
    subject: Token | None = None
    if asked is not None and not text_of(att.doc)[quote.start : quote.end].rstrip("”\" ").endswith("?"):
        subject = asked  # "And I asked her why. “Because ...”": the one asked answers
    else:
        subject = att.subject_of(verbs[0]) if verbs else _author_of_words(previous)
    if subject is None:
        return None
    speaker = att.speaker_of(subject)
    return speaker if speaker.text is not None and (speaker.named or speaker.kind == "person") else None


def _author_of_words(sentence: Span) -> Token | None:
    """"the words delivered by President Kennedy in his Inaugural Address most resonated": whose words,
    message or statement the sentence names ("by X", "of X")."""
    for token in sentence:
        if not {token.lemma_.lower(), token.lower_} & document_nouns() or token.pos_ != "NOUN":
            continue
        for child in token.children:
            preps = [child] if child.dep_ == "prep" and child.lower_ == "of" else \
                [c for c in child.children if c.dep_ == "agent"] if child.dep_ == "acl" else []
            for prep in preps:
                author = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if author is not None and (author.ent_type_ == "PERSON" or author.pos_ == "PROPN"):
                    return author
    return None


def named_after(att: Attribution, quote: QuoteSpan, back_reference: bool = False) -> Described | None:
    """"“...” With those words, X opened the meeting", "This is how X described ...": the next
    sentence names who said it (first only when it points back; later, any speech verb there)."""
    sentence = att._sentence_at(max(quote.start, quote.end - 1))
    if sentence + 1 >= len(att.sentences):
        return None
    following = att.sentences[sentence + 1]
    if only_addresses_chair(following.text.strip()) and sentence + 2 < len(att.sentences):
        following = att.sentences[sentence + 2]  # "“...” / Mr President, / These were the words ..."
    if "\n\n" in text_of(att.doc)[quote.end : following.start_char]:
        return None
    back = _BACK_REFERENCES.search(following.text)
    if back_reference and not back:
        return None
    if not att._opens_sentence(quote):
        # "The mission is to “...”. Those are the words of the Charter": a quotation that ends its sentence
        ends = not text_of(att.doc)[quote.end : att.sentences[sentence].end_char].strip("”\"’.;!? \n")
        author = _author_of_words(following) if back and ends else None
        return att.speaker_of(author) if author is not None else None
    verbs = [t for t in following if att.is_speech_verb(t) and (back or not any(
        c.dep_ in ("ccomp", "dobj") for c in t.children))]
    spoken = next((c for t in following if back and t.lemma_.lower() == "word" for c in t.children
                   if c.dep_ == "relcl"), None)  # "These were the first words that X spoke here"
    head = spoken or (verbs[0] if verbs else following.root if back else None)
    subject = att.subject_of(head) if head is not None else None
    return att.speaker_of(subject) if subject is not None else None


def announced(att: Attribution, quote: QuoteSpan) -> Described | None:
    """"releasing the following statement: “...”", "leads these chants: “...”": the author of the thing
    named just before the colon that opens the quotation."""
    before = [t for t in att.doc[max(0, att._token_at(quote.start) - 4) : att._token_at(quote.start)]
              if not t.is_space and t.text not in "“\"‘"]
    noun = before[-2] if len(before) >= 2 else None
    if noun is None or before[-1].text != ":":
        return None
    if not {noun.lemma_.lower(), noun.lower_} & document_nouns() or noun.pos_ != "NOUN":
        return _author_named(att, before[-1]) or _colon_subject(att, before[-1])
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ not in ("its", "their", "our", "my")),
                 None)  # "let us be inspired by his words: “...”": his
    author = att.speaker_of(owner) if owner is not None else att.author_of(noun)
    return author if author is not None and author.text is not None else None


def _author_named(att: Attribution, colon: Token) -> Described | None:
    """"we recall the words of the Kenyan novelist X:": a phrase that ends at the colon with the "of" or "by"
    object of words, a message or a poem names whose they are (read back from the colon, over no verb): all
    of it from that object to the colon, which holds the name set beside a title ("our poet, X")."""
    doc = colon.doc
    for token in reversed(doc[max(0, colon.i - 12) : colon.i]):
        if token.pos_ in ("VERB", "AUX") or token.text in (";", ":", "“", "”", "\""):
            return None
        noun = token.head if token.head.pos_ == "NOUN" or token.i == 0 else doc[token.i - 1]  # "a quote by X"
        if token.lower_ in ("of", "by") and noun.pos_ == "NOUN" and \
                {noun.lemma_.lower(), noun.lower_} & document_nouns():
            end = colon.i
            while end > token.i + 1 and (doc[end - 1].is_space or doc[end - 1].is_punct):
                end -= 1
            return describe_phrase(att, token.i + 1, end) if end > token.i + 1 else None
    return None


def _colon_subject(att: Attribution, colon: Token) -> Described | None:
    """"the Pope challenged a gathering of Polish youth: “...”": a person (or a named actor) whose clause
    ends in the colon that opens the quotation says it, whatever the verb."""
    verb: Token | None = colon.head
    if (colon.head.i in att.quoted or colon.head.i > colon.i) and colon.i > 0:
        verb = _verb_above(att, att.doc[colon.i - 1])  # the parser hung the colon on the quotation's verb
    if verb is None or verb.pos_ not in ("VERB", "AUX") or verb.i in att.quoted or verb.i > colon.i:
        return None
    source = quoted_source(verb)  # "he quoted the English poet X:": the poet's words
    subject = source if source is not None else att.subject_of(verb)
    speaker = att.speaker_of(subject) if subject is not None else None
    return speaker if speaker is not None and speaker.text is not None and \
        (speaker.named or speaker.kind == "person") else None


def _verb_above(att: Attribution, token: Token) -> Token | None:
    """The nearest verb at or above `token` outside quotations ("challenged" for "youth" in "the Pope
    challenged a gathering of Polish youth:")."""
    node = token
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX") and node.i not in att.quoted:
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


SIGNATURE_LENGTH = 80
"""The most characters a name signing a quotation may take ("President Joseph R. Biden, Jr.")."""
_BEFORE_SIGNATURE = "”\"’.,;:!? —–-"


def signed_after(att: Attribution, quote: QuoteSpan) -> Described | None:
    """"“We are a proud Pacific power.” President Joseph R. Biden, Jr.": a line that opens with a quotation
    and ends with a person's name, with no verb, is signed by that person (an epigraph, a fact sheet's
    opening words)."""
    text = text_of(att.doc)
    line_start = text.rfind("\n", 0, quote.start) + 1
    line_end = text.find("\n", quote.end)
    line_end = len(text) if line_end < 0 else line_end
    if not quote.closed or text[line_start : quote.start].strip("“\"‘ *"):
        return None
    tail = text[quote.end : line_end]
    name = tail.lstrip(_BEFORE_SIGNATURE).rstrip(" .")
    if not name or len(name) > SIGNATURE_LENGTH:
        return None
    begin = quote.end + len(tail) - len(tail.lstrip(_BEFORE_SIGNATURE))
    span = att.doc.char_span(begin, begin + len(name), alignment_mode="expand")
    if span is None or any(t.pos_ in ("VERB", "AUX") and t.ent_type_ != "PERSON" for t in span):
        return None
    people = [m for m in att.mentions if span.start <= m.start and m.end <= span.end and m.actors[0].kind == "person"]
    if not people and not any(e.label_ == "PERSON" for e in entities_within(span.doc, span.start, span.end)):
        return None
    return describe_phrase(att, span.start, span.end)
