"""Fast mode's parse: the tagger and parser run only on the sentences fast mode's rules can code.

An actor, a date or a figure mostly needs a named entity; the document's own voice needs a first-person
word, a plural reference "both", and a name the entity recogniser missed is the gazetteer's. A sentence with
none of them is not worth tagging or parsing for fast mode's rules (in the White House and UN corpora a
third of the words are in such sentences). Sentences are first cut at full stops and
blank lines, the entity recogniser (which has its own token vectors) reads the whole document, and the runs
of sentences that name something go through the model's token vectors, tagger, parser, attribute ruler and
lemmatizer as one document of their own; their annotations are copied back. Sentences outside the runs keep
the cut they had, with no tags, lemmas or dependencies. A document with no such sentence ("Somaliland", a
sentence about "officials") is parsed whole, as the rules reading its parse expect a parse somewhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

import numpy
from spacy.attrs import DEP, HEAD, IS_PUNCT, IS_SPACE, LEMMA, MORPH, ORTH, POS, SENT_START, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from multipolar.data_files import word_list

PARSED_ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
MODEL_PARTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
"""The model's components that run only on the runs of sentences worth parsing, in their order."""


NameAt = Callable[[list[str], int], bool]
"""Whether an actor's name (of the gazetteer) begins at a position of a list of words."""


def parse_words() -> frozenset[str]:
    return word_list("fast/parse_words.txt")


def chosen_runs(doc: Doc, words: frozenset[str], name_at: NameAt | None = None) -> list[tuple[int, int]]:
    """(start, end) token ranges of consecutive sentences that hold an entity, one of `words`, or a
    capitalised word inside the sentence where `name_at` finds a name the entity recogniser missed."""
    in_entity = numpy.zeros(len(doc) + 1, dtype=bool)
    for ent in doc.ents:
        in_entity[ent.start : ent.end] = True
    runs: list[tuple[int, int]] = []
    for sentence in doc.sents:
        if in_entity[sentence.start : sentence.end].any() or _worth_parsing(sentence, words, name_at):
            if runs and runs[-1][1] == sentence.start:
                runs[-1] = (runs[-1][0], sentence.end)
            else:
                runs.append((sentence.start, sentence.end))
    return runs


def _worth_parsing(sentence: Span, words: frozenset[str], name_at: NameAt | None) -> bool:
    if any(t.lower_ in words for t in sentence):
        return True
    if name_at is None:
        return False
    texts = [t.text for t in sentence]
    return any(text[:1].isupper() and name_at(texts, k) for k, text in enumerate(texts) if k > 0)


def runs_doc(doc: Doc, runs: list[tuple[int, int]]) -> Doc:
    """The runs as one document; each run begins a sentence, and the parser cuts the rest."""
    words = [t.text for start, end in runs for t in doc[start:end]]
    spaces = [bool(t.whitespace_) for start, end in runs for t in doc[start:end]]
    starts: list[bool | int | None] = []
    for start, end in runs:
        starts += [True] + [None] * (end - start - 1)
    return Doc(doc.vocab, words=words, spaces=spaces, sent_starts=starts)


def copy_back(doc: Doc, runs: list[tuple[int, int]], parsed: Doc) -> None:
    """The parsed runs' annotations into `doc`; its other sentences keep their cut."""
    rows = doc.to_array(PARSED_ATTRS)
    sent_starts = doc.to_array([SENT_START])
    parsed_rows = parsed.to_array(PARSED_ATTRS)
    parsed_starts = parsed.to_array([SENT_START])
    at = 0
    for start, end in runs:
        rows[start:end] = parsed_rows[at : at + end - start]
        sent_starts[start:end] = parsed_starts[at : at + end - start]
        at += end - start
    doc.from_array(PARSED_ATTRS, rows)  # type: ignore[arg-type]
    doc.from_array([SENT_START], sent_starts)  # type: ignore[arg-type]


class PartialParser:
    """The `multipolar_partial_parse` component (fast mode's): runs `parts` (the model's components of
    `MODEL_PARTS`, taken out of the pipeline) on the sentences worth parsing."""

    def __init__(self, parts: list[tuple[str, Any]], words: frozenset[str], name_at: NameAt | None = None) -> None:
        self.parts, self.words, self.name_at = parts, words, name_at

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            runs = [chosen_runs(doc, self.words, self.name_at) or [(0, len(doc))] for doc in batch]  # none: all of it
            todo = [(doc, r, runs_doc(doc, r)) for doc, r in zip(batch, runs, strict=True) if len(doc)]
            parsed = [sub for _, _, sub in todo]
            for _, part in self.parts:  # the whole batch through each part, as `nlp.pipe` does
                parsed = list(part.pipe(parsed, batch_size=max(1, len(parsed)))) if hasattr(part, "pipe") \
                    else [part(sub) for sub in parsed]
            for (doc, r, _), sub in zip(todo, parsed, strict=True):
                copy_back(doc, r, sub)
            yield from batch


SENTENCE_ENDS = (".", "!", "?")


@Language.component("multipolar_sentence_cut", assigns=["token.is_sent_start"])
def sentence_cut(doc: Doc) -> Doc:
    """Fast mode's first cut into sentences, before any parse: after a full stop, question or exclamation
    mark, at the next word (closing marks and the space after it stay with the sentence, as the parser has them)."""
    if not len(doc):
        return doc
    strings = doc.vocab.strings
    ends = {strings.add(mark) for mark in SENTENCE_ENDS}
    flags = numpy.full((len(doc), 1), -1, dtype="int32")
    flags[0] = 1
    ended = False
    for i, (orth, punct, space) in enumerate(doc.to_array([ORTH, IS_PUNCT, IS_SPACE]).tolist()):
        if ended and not punct and not space:
            flags[i], ended = 1, False
        elif orth in ends:
            ended = True
    doc.from_array([SENT_START], flags.astype("uint64"))  # type: ignore[arg-type]
    return doc


def use_partial_parse(nlp: Language, before_parser: str = "multipolar_paragraphs") -> Language:
    """Rearrange a loaded model for fast mode: the sentence cut, `before_parser` (if there) and the entity
    recogniser on the whole document, then `multipolar_partial_parse` with the model's other components
    (`before_parser` again in its place before the parser). A model without them all is left as it is."""
    if not all(name in nlp.pipe_names for name in (*MODEL_PARTS, "ner")) or \
            nlp.pipe_names.index("ner") < nlp.pipe_names.index("parser"):
        return nlp
    for name in MODEL_PARTS:
        nlp.disable_pipe(name)
    first = before_parser if before_parser in nlp.pipe_names else "ner"
    nlp.add_pipe("multipolar_sentence_cut", before=first)
    nlp.add_pipe("multipolar_partial_parse", after="ner", config={"before_parser": before_parser})
    return nlp


@Language.factory("multipolar_partial_parse", default_config={"before_parser": "multipolar_paragraphs"},
                  assigns=["token.tag", "token.pos", "token.lemma", "token.dep"])
def make_partial_parse(nlp: Language, name: str, before_parser: str) -> PartialParser:
    parts = [(part, nlp.get_pipe(part)) for part in MODEL_PARTS]
    if before_parser in nlp.component_names:
        parts.insert(MODEL_PARTS.index("parser"), (before_parser, nlp.get_pipe(before_parser)))
    actors = nlp.get_pipe("multipolar_actors") if "multipolar_actors" in nlp.pipe_names else None
    gazetteer = getattr(actors, "gazetteer", None)
    name_at = (lambda words, at: bool(gazetteer.patterns_at(words, at))) if gazetteer is not None else None
    return PartialParser(parts, parse_words(), name_at)
