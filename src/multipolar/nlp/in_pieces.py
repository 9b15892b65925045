"""The pipeline in two stages: the statistical model on pieces of bounded size, our components on whole documents.

The memory of the model's stage (above all the parser, which precomputes some kilobytes per token of a batch)
follows the tokens it parses at once: a batch of sixteen long documents took a worker from 230 MB to 1,080 MB,
the same documents one at a time to 390 MB. So that memory stays flat however long the documents, a document
of more than `PIECE_TOKENS` tokens is cut into pieces after a line break (which `multipolar_paragraphs` makes a
sentence start anyway, so no parse crosses it), the pieces and short documents go through the model in batches of
at most `BATCH_TOKENS` tokens, and each long document is joined again before our components run. Our components
(actors, quotes, events...) then see the whole document, so whatever crosses a piece (a quote's speaker named
paragraphs before, the document's countries) reads as if it had never been cut, and every offset is the
document's own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from spacy.attrs import IS_SPACE, ORTH
from spacy.language import Language
from spacy.tokens import Doc

PIECE_TOKENS = 4_000
"""Tokens above which a document goes through the model in pieces (some 20,000 characters of English)."""
BATCH_TOKENS = 4_000
"""Tokens the model parses at once, in one batch of pieces and documents: the model's working memory follows
it (a worker's peak on a batch of 16 White House documents, 136k characters: 372 MB at 8,000, 308 MB at 4,000,
the same at 2,000, where a piece alone is the batch), its CPU hardly (within this machine's noise)."""
WHOLE_DOCUMENT = ("multipolar_actors", "multipolar_dates", "multipolar_events", "multipolar_learned_events",
                  "multipolar_quantities", "multipolar_quotes", "multipolar_claims")
"""Components that read the whole document: the first of them, and all after it, run on the joined document."""
SENTENCE_ENDS = (".", "!", "?")

Component = tuple[str, Any]
Check = Callable[[], None]
"""Called between steps of the work (it raises when time is up)."""


def stages(nlp: Language) -> tuple[list[Component], list[Component]]:
    """The pipeline's components before the first that reads the whole document (the model's stage), and the
    rest. A pipeline with none of ours is one whole-document stage: nothing is cut."""
    names = [name for name, _ in nlp.pipeline]
    first = next((k for k, name in enumerate(names) if name in WHOLE_DOCUMENT), 0)
    return list(nlp.pipeline[:first]), list(nlp.pipeline[first:])


def piece_bounds(doc: Doc, limit: int | None = None) -> list[tuple[int, int]]:
    """(start, end) token ranges that cover `doc`, each of at most `limit` tokens (`PIECE_TOKENS`), cut after
    the last line break that fits (else after the last full stop, question or exclamation mark; else at the
    limit)."""
    limit = limit or PIECE_TOKENS
    if len(doc) <= limit:
        return [(0, len(doc))]
    strings = doc.vocab.strings
    ends = {strings.add(mark) for mark in SENTENCE_ENDS}
    bounds: list[tuple[int, int]] = []
    start = line_cut = stop_cut = 0
    for i, (orth, space) in enumerate(doc.to_array([ORTH, IS_SPACE]).tolist()):
        if i - start == limit:
            cut = line_cut if line_cut > start else stop_cut if stop_cut > start else i
            bounds.append((start, cut))
            start = cut
        if space and "\n" in strings[orth]:
            line_cut = i + 1
        elif orth in ends:
            stop_cut = i + 1
    bounds.append((start, len(doc)))
    return bounds


def token_batches(sizes: list[int], most_tokens: int | None = None) -> Iterator[list[int]]:
    """Indexes of consecutive items of these sizes, grouped so that a group holds at most `most_tokens` tokens
    (`BATCH_TOKENS`; unless one item alone is larger)."""
    most_tokens = most_tokens or BATCH_TOKENS
    group: list[int] = []
    tokens = 0
    for k, size in enumerate(sizes):
        if group and tokens + size > most_tokens:
            yield group
            group, tokens = [], 0
        group.append(k)
        tokens += size
    if group:
        yield group


def joined(doc: Doc, pieces: list[Doc]) -> Doc:
    """The parsed pieces of `doc` as one document with `doc`'s text and its extension values."""
    if len(pieces) == 1:
        return pieces[0]
    whole = Doc.from_docs(pieces, ensure_whitespace=False)
    whole.user_data.update(doc.user_data)
    return whole


def run_components(components: list[Component], docs: list[Doc], check: Check) -> list[Doc]:
    """Each component over all of `docs` (in one batch, as `nlp.pipe` does), `check` called before each."""
    for _name, component in components:
        check()
        docs = list(component.pipe(docs, batch_size=max(1, len(docs)))) if hasattr(component, "pipe") \
            else [component(doc) for doc in docs]
    return docs


def parse_in_pieces(nlp: Language, docs: list[Doc], check: Check = lambda: None) -> list[Doc]:
    """`docs` through the whole pipeline, in order: the model's stage on pieces in bounded batches, the rest on
    the whole documents. A document with pieces comes back as a new `Doc` (same text, tokens, extension values)."""
    model, rest = stages(nlp)
    if not model:
        return run_components(rest, docs, check)
    owners: list[int] = []
    pieces: list[Doc] = []
    for k, doc in enumerate(docs):
        bounds = piece_bounds(doc)
        pieces += [doc] if len(bounds) == 1 else [doc[start:end].as_doc() for start, end in bounds]
        owners += [k] * len(bounds)
    parsed: list[Doc] = []
    for group in token_batches([len(piece) for piece in pieces]):
        parsed += run_components(model, [pieces[k] for k in group], check)
    by_owner: list[list[Doc]] = [[] for _ in docs]
    for owner, piece in zip(owners, parsed, strict=True):
        by_owner[owner].append(piece)
    return run_components(rest, [joined(doc, own) for doc, own in zip(docs, by_owner, strict=True)], check)
