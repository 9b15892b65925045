"""Who said a quotation, from its own sentence: the subject of the speech verb that governs it or stands
next to it, "according to X", "quoted X as saying", the agent of "the X promised by Y", a possessor ("Beijing's
“no limits” partnership"), whose message it is, or the subject of the verb a scare quote hangs from. Each
takes the document's `Attribution`, and gives the token that names the speaker to `Attribution.speaker_of`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Token

from multipolar.nlp.quotes.actors import Described, document_nouns
from multipolar.nlp.quotes.around import PRONOUN_GENDER, announced, speech_verbs
from multipolar.nlp.quotes.find import QuoteSpan, word_set
from multipolar.nlp.quotes.phrases import SUBJECT_DEPS, relative_head
from multipolar.nlp.spans import text_of

if TYPE_CHECKING:
    from multipolar.nlp.quotes.speakers import Attribution

_RELATIVE = frozenset({"who", "which", "that", "whom"})
_CLAUSE_BOUNDARIES = frozenset({"relcl", "acl", "advcl"})


def in_sentence(att: Attribution, quote: QuoteSpan) -> Described | None:
    inside = [att.doc[i] for i in att.tokens_from(quote.start, quote.end)]
    frame = att.frame(quote)
    if not inside or not frame:
        return None
    named = _according_to(att, frame)
    if named is not None:
        governing = _governing_speech_verb(att, inside) if att.source_is_document else None
        if governing is None or subject_of(att, governing) is None:
            return named  # but "X told him ..., according to a readout": X speaks, the readout reports
    promised = _promised_by(att, inside)
    if promised is not None:
        return promised
    verb = _governing_speech_verb(att, inside) or _nearest_speech_verb(att, quote, frame)
    if verb is not None:
        att.speech_verb = verb.lemma_.lower()
        quoted_one = _quoted_as_saying(att, verb)
        if quoted_one is not None:
            return att.speaker_of(quoted_one)
        subject = subject_of(att, verb) or _inverted_object(att, verb, quote) or _as_says(att, verb)
        return att.speaker_of(subject) if subject is not None else Described(None)
    return _possessor(att, inside) or _message_of(att, frame) or announced(att, quote) or \
        _governing_subject(att, inside, quote.kind == "scare") or _subject_of_quoted_verb(att, inside)


def names_a_word(att: Attribution, quote: QuoteSpan) -> bool:
    """"“anger” may not be the right word", "The word “ubuntu” means ...": a short quotation a sentence weighs
    as a word, or names beside "the word" as the subject of its own sentence, is a word talked about, no one's
    (unless a speech verb governs it: "she called it “the right word”")."""
    if quote.kind == "full":
        return False
    inside = [att.doc[i] for i in att.tokens_from(quote.start, quote.end)]
    ids = {t.i for t in inside}
    roots = [t for t in inside if t.head.i not in ids or t.head.i == t.i]
    if len(roots) != 1 or _governing_speech_verb(att, inside) is not None:
        return False
    root, terms = roots[0], word_set("term_nouns.txt")
    if root.dep_ in SUBJECT_DEPS:  # "“X” is the right word"
        return any(c.dep_ == "attr" and c.lemma_.lower() in terms for c in root.head.children)
    head = root.head
    return root.dep_ in ("appos", "compound", "nmod") and head.lemma_.lower() in terms and head.dep_ in SUBJECT_DEPS


def _inverted_object(att: Attribution, verb: Token, quote: QuoteSpan) -> Token | None:
    """"“Is this peace?” asked one protester": right after the quotation, the parser takes the speaker
    for the verb's object."""
    between = text_of(att.doc)[quote.end : verb.idx]
    if verb.idx < quote.end or len(between) > 4 or re.search(r"\w", between):
        return None
    return next((c for c in verb.children if c.dep_ in ("dobj", "npadvmod", "attr") and c.i > verb.i), None)


def _as_says(att: Attribution, verb: Token) -> Token | None:
    """"“...”, as a proverb of our people says", "as Nelson Mandela eloquently put it, “...”": the parser
    may hang "as X" elsewhere (or a line break may end the sentence after it) and leave the speech verb with
    no subject; the noun phrase between "as" and the verb is it."""
    window = att.doc[max(0, verb.i - 8) : verb.i]
    start = next((t.i for t in reversed(window) if t.lower_ == "as"), None)
    if start is None or start + 1 >= verb.i or verb.dep_ not in ("ROOT", "advcl"):
        return None
    between = [t for t in att.doc[start + 1 : verb.i] if not t.is_space]
    if any(t.pos_ in ("VERB", "AUX") or t.i in att.quoted or t.is_punct for t in between):
        return None
    ids = {t.i for t in between}
    heads = [t for t in between if t.pos_ in ("NOUN", "PROPN") and t.head.i not in ids]
    return heads[0] if heads else None


def _message_of(att: Attribution, frame: list[Token]) -> Described | None:
    """"The minister's message was blunt: “Go home.”": whose message, statement or words."""
    for token in frame:
        if token.lemma_.lower() in document_nouns() and token.pos_ == "NOUN":
            owner = next((c for c in token.children if c.dep_ == "poss" and c.lower_ not in ("its", "their")),
                         None)
            if owner is not None:
                speaker = att.speaker_of(owner)
                if speaker.text is not None:
                    return speaker
    return None


def _according_to(att: Attribution, frame: list[Token]) -> Described | None:
    """"according to X", "in the words of X", "in the figurative expression of X", "in X's words"."""
    att.source_is_document = False
    for token in frame:
        following = att.doc[token.i + 1] if token.i + 1 < len(att.doc) else token
        worded = token.lower_ in word_set("wording_nouns.txt") and following.lower_ == "of" and _after_in(token)
        if (token.lower_, following.lower_) in (("according", "to"), ("words", "of")) or worded:
            objects = [c for c in following.children if c.dep_ == "pobj"]
            if objects:
                att.source_is_document = objects[0].lemma_.lower() in document_nouns()
                return att.speaker_of(objects[0])
        if token.lower_ in word_set("view_nouns.txt") and token.head.lower_ == "in" and token.head.i < token.i:
            owner = next((c for c in token.children if c.dep_ == "poss"), None)
            if owner is not None and owner.lower_ not in ("its", "their", "our", "my"):
                return att.speaker_of(owner)  # "In her view, the governments had been “too polite”"
        if token.lower_ == "words" and token.head.lower_ == "in":
            owner = next((c for c in token.children if c.dep_ == "poss" and c.lower_ not in PRONOUN_GENDER
                          and c.lower_ not in ("its", "their", "our", "my")), None)
            if owner is not None:
                return att.speaker_of(owner)
    return None


def _after_in(noun: Token) -> bool:
    """"in the (figurative) expression of X": the noun is the object of "in"."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "in"


def _quoted_as_saying(att: Attribution, verb: Token) -> Token | None:
    """"Reuters quoted the minister as saying ...": the one quoted speaks, not the agency."""
    if verb.lemma_.lower() == "say" and verb.dep_ in ("pcomp", "advcl") and verb.head.lower_ == "as":
        verb = verb.head.head
    if verb.lemma_.lower() != "quote":
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.i not in att.quoted), None)


def _governing_speech_verb(att: Attribution, inside: list[Token]) -> Token | None:
    """The highest speech verb the quotation hangs from within its clause: "Baku said its troops had
    only answered “large-scale provocations”" is Baku's, "which Beijing called “a farce”" Beijing's."""
    found = None
    for token in ancestors(att, inside):
        if is_speech_verb(att, token):
            found = token
        if found is not None and (token.dep_ in _CLAUSE_BOUNDARIES or
                                  (token.dep_ == "conj" and _own_subject(token))):
            break
        if found is None and token.pos_ in ("VERB", "AUX") and token.dep_ in _CLAUSE_BOUNDARIES and \
                _own_subject(token):
            break
    return found


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS and c.lower_ not in _RELATIVE for c in verb.children)


def ancestors(att: Attribution, inside: list[Token], within: tuple[int, int] | None = None) -> list[Token]:
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
            usable = node.i not in att.quoted if within is None else within[0] <= node.idx < within[1]
            if node.i not in ids and usable and node not in found:
                found.append(node)
    return found


def _nearest_speech_verb(att: Attribution, quote: QuoteSpan, frame: list[Token]) -> Token | None:
    verbs = [t for t in frame if is_speech_verb(att, t)]
    if not verbs:
        return None
    return min(verbs, key=lambda t: min(abs(t.idx - quote.start), abs(t.idx - quote.end)))


def is_speech_verb(att: Attribution, token: Token) -> bool:
    lemma = "say" if token.lower_ in ("said", "says") else token.lemma_.lower()  # "said" tagged AUX keeps its form
    if lemma not in speech_verbs() or token.pos_ not in ("VERB", "AUX") or token.i in att.quoted:
        return False
    if lemma == "put":
        return any(c.lower_ == "it" for c in token.children)
    return not (token.dep_ == "acl" and token.tag_ == "VBN" and lemma in ("call", "describe"))


def _promised_by(att: Attribution, inside: list[Token]) -> Described | None:
    """"the “humanitarian corridor” promised by Damascus": the agent of a participle on the quote."""
    for token in inside:
        for child in token.children:
            if child.dep_ == "acl" and child.i not in att.quoted:
                for agent in (c for c in child.children if c.dep_ == "agent"):
                    objects = [c for c in agent.children if c.dep_ == "pobj"]
                    if objects:
                        return att.speaker_of(objects[0])
    return None


def _possessor(att: Attribution, inside: list[Token]) -> Described | None:
    """"Beijing's “no limits” partnership": the term belongs to the noun phrase's possessor."""
    ids = {t.i for t in inside}
    nouns = [t for t in inside if t.head.i not in ids] + [t.head for t in inside if t.head.i not in ids]
    for noun in nouns:
        owner = next((c for c in noun.children if c.dep_ == "poss" and c.i not in ids and c.i not in att.quoted),
                     None)
        if owner is not None and owner.lower_ not in ("its", "their", "his", "her", "our", "my", "your"):
            speaker = att.speaker_of(owner)
            if speaker.text is not None and speaker.named:
                return speaker
    return None


def _governing_subject(att: Attribution, inside: list[Token], term: bool = False) -> Described | None:
    """A fragment in marks: the subject of the nearest verb it hangs from ("Washington dismissed ... as a “X”").
    A `term` (a scare quote) is that subject's word only under a verb of speech or stance
    (`data/quotes/stance_verbs.txt`) or when the subject is a text; else it is the writer's own ("Rich put the
    “strong” in ...")."""
    for token in ancestors(att, inside):
        if token.pos_ in ("VERB", "AUX"):
            subject = subject_of(att, token)
            if subject is None or subject.lower_ in ("this", "that", "there") or \
                    (subject.lower_ == "it" and token.lemma_.lower() in ("be", "have", "seem", "mean")):
                continue  # "it led chants of “...”" is the body named before; "it is a “farce”" no one's
            if term and not (_voices_a_stance(att, token) or subject.lemma_.lower() in document_nouns()):
                return None  # but a text's terms are its own: "The preamble sets out “a common home”"
            speaker = att.speaker_of(subject)
            if speaker.text is not None and (speaker.named or speaker.kind == "person" or
                                             subject.lemma_.lower() in document_nouns()):
                return speaker  # a person, a named actor, or a sign that reads "..."
    return None


def _voices_a_stance(att: Attribution, verb: Token) -> bool:
    return is_speech_verb(att, verb) or verb.lemma_.lower() in word_set("stance_verbs.txt")


def _split_name(first: Token, second: Token) -> bool:
    """Two subjects of one verb that are one phrase the parser cut in two: the first runs right up to the
    second, and holds no punctuation or verb (as a title and its body do)."""
    words = list(first.subtree)
    return first.right_edge.i + 1 == second.left_edge.i and \
        not any(t.is_punct or t.pos_ in ("VERB", "AUX", "PRON") for t in words)


def _subject_of_quoted_verb(att: Attribution, inside: list[Token]) -> Described | None:
    """"the Intelligence Community has “coalesced around two likely scenarios”": a quotation that begins with
    a verb whose subject stands outside it is that subject's words (a person or a named actor)."""
    ids = {t.i for t in inside}
    for verb in (t for t in inside[:3] if t.pos_ == "VERB"):
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in ids
                        and c.i not in att.quoted and c.i < verb.i), None)
        if subject is None or (subject.pos_ == "PRON" and subject.lower_ not in ("he", "she", "they")):
            continue
        speaker = att.speaker_of(subject)
        if speaker.text is not None and (speaker.named or speaker.kind == "person"):
            return speaker
    return None


def subject_of(att: Attribution, verb: Token) -> Token | None:
    """The subject of a verb, through relative pronouns, conjuncts, participles and infinitives."""
    node = verb
    for _ in range(4):
        named_as = _as_someone(att, verb, node) if node.i == verb.head.i != verb.i and verb.dep_ == "advcl" \
            else None  # "As X, Y, once said, Paraguay is a “...”": the parser hangs "As X" on the main verb
        if named_as is not None:
            return named_as
        subjects = [s for c in node.children if c.dep_ in SUBJECT_DEPS and c.i not in att.quoted
                    and c.idx >= att.dateline_end for s in [att.past_label(c)] if s is not None]
        if len(subjects) == 2 and subjects[1].i < node.i and _split_name(subjects[0], subjects[1]):
            subjects = subjects[::-1]  # "U.S. Department of Health Secretary X said": the person speaks
        agents = [p for c in node.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        if subjects and subjects[0].lower_ == "it" and subjects[0].dep_ == "nsubjpass":
            subjects = []  # "in which it was agreed that": no one in particular
        if subjects and subjects[0].lower_ in _RELATIVE and node.dep_ == "relcl":
            return relative_head(subjects[0], node.head)
        if subjects and not (agents and subjects[0].dep_ == "nsubjpass"):
            return subjects[0]
        if agents:
            return agents[0]
        misparsed = _misparsed_subject(att, verb) if node.i == verb.i else None
        if misparsed is not None:
            return misparsed
        named_as = _as_someone(att, verb, node) if node.i in (verb.i, verb.head.i) else None
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


_MISPARSED_SUBJECT_DEPS = frozenset({"amod", "compound", "npadvmod", "nmod", "dep"})


def _misparsed_subject(att: Attribution, verb: Token) -> Token | None:
    """"The Charter further states: ...": a noun the parser hung on a speech verb as a modifier, right before
    it with only adverbs between, is its subject (not a day or a time: "Monday said" is no one)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in speech_verbs():
        return None
    for child in verb.children:
        if child.i < verb.i and child.pos_ in ("NOUN", "PROPN") and child.dep_ in _MISPARSED_SUBJECT_DEPS and \
                child.i not in att.quoted and child.ent_type_ not in ("DATE", "TIME") and \
                all(t.pos_ in ("ADV", "PART") for t in att.doc[child.i + 1 : verb.i]):
            return child
    return None


def _as_someone(att: Attribution, verb: Token, node: Token) -> Token | None:
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
