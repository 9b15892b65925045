"""Long documents through the model in pieces: where they are cut, how the pieces are batched and joined, and
that our components still see (and give offsets into) the whole document."""

from __future__ import annotations

import itertools

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

import multipolar
from multipolar.nlp import in_pieces
from multipolar.nlp.in_pieces import joined, parse_in_pieces, piece_bounds, stages, token_batches

VOCAB = spacy.blank("en").vocab


def _doc(words: list[str]) -> Doc:
    return Doc(VOCAB, words=words, spaces=[False] * len(words))


def _covers(bounds: list[tuple[int, int]], length: int) -> bool:
    return bounds[0][0] == 0 and bounds[-1][1] == length and all(
        a[1] == b[0] and a[0] < a[1] for a, b in itertools.pairwise(bounds))


def test_a_short_document_is_one_piece() -> None:
    assert piece_bounds(_doc(["a", ".", "\n\n", "b"]), limit=4) == [(0, 4)]


def test_pieces_are_cut_after_the_last_line_break_that_fits() -> None:
    words = ["a", "b", ".", "\n\n", "c", "d", ".", "e", "\n", "f", "g", "."]
    bounds = piece_bounds(_doc(words), limit=6)
    assert bounds == [(0, 4), (4, 9), (9, 12)] and _covers(bounds, len(words))


def test_without_a_line_break_a_piece_ends_at_a_full_stop_and_without_either_at_the_limit() -> None:
    assert piece_bounds(_doc(["a", "b", ".", "c", "d", "e", "f"]), limit=4) == [(0, 3), (3, 7)]
    bounds = piece_bounds(_doc(list("abcdefghij")), limit=4)
    assert bounds == [(0, 4), (4, 8), (8, 10)]


@pytest.mark.parametrize(("sizes", "groups"), [
    ([3, 3, 3], [[0, 1], [2]]),
    ([7, 1, 1], [[0], [1, 2]]),
    ([9, 2], [[0], [1]]),  # one item over the budget goes alone
    ([], []),
])
def test_batches_hold_at_most_the_token_budget(sizes: list[int], groups: list[list[int]]) -> None:
    assert list(token_batches(sizes, most_tokens=7)) == groups


def test_joined_pieces_keep_the_text_the_entities_and_the_extension_values() -> None:
    words = ["Kenya", "protested", ".", "\n\n", "Uganda", "agreed", "."]
    doc = Doc(VOCAB, words=words, spaces=[True, False, False, False, True, False, False])
    doc._.mp_title = "A title"
    pieces = [doc[0:4].as_doc(), doc[4:7].as_doc()]
    pieces[0].ents = [Span(pieces[0], 0, 1, "GPE")]
    pieces[1].ents = [Span(pieces[1], 0, 1, "GPE")]
    whole = joined(doc, pieces)
    assert whole.text == doc.text and [t.text for t in whole] == words
    assert [(e.text, e.start_char) for e in whole.ents] == [("Kenya", 0), ("Uganda", doc[4].idx)]
    assert whole._.mp_title == "A title"


seen_by_model: list[int] = []
seen_whole: list[str] = []


@Language.component("test_piece_model")
def _piece_model(doc: Doc) -> Doc:
    """Stands for the model: marks each piece's first word as a place, and records the piece's length."""
    seen_by_model.append(len(doc))
    doc.ents = [Span(doc, 0, 1, "GPE")]
    return doc


@Language.component("test_whole_reader")
def _whole_reader(doc: Doc) -> Doc:
    seen_whole.append(doc.text)
    return doc


def _staged_nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("test_piece_model")
    nlp.add_pipe("test_whole_reader", name="multipolar_actors")  # a name that reads the whole document
    return nlp


def test_the_model_stage_ends_at_the_first_component_that_reads_the_whole_document() -> None:
    model, rest = stages(_staged_nlp())
    assert [name for name, _ in model] == ["test_piece_model"] and [name for name, _ in rest] == ["multipolar_actors"]
    nlp = spacy.blank("en")
    nlp.add_pipe("test_piece_model")
    assert stages(nlp)[0] == []  # none of ours: nothing is cut


def test_the_model_sees_bounded_pieces_and_our_components_the_whole_document(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(in_pieces, "PIECE_TOKENS", 8)
    seen_by_model.clear()
    seen_whole.clear()
    nlp = _staged_nlp()
    text = "\n\n".join(f"Place{k} is a long way off." for k in range(6))
    short = nlp.make_doc("Elsewhere.")
    long = nlp.make_doc(text)
    long._.mp_title = "Far"
    done = parse_in_pieces(nlp, [long, short])
    assert max(seen_by_model) <= 8 and len(seen_by_model) == 7
    assert seen_whole == [text, "Elsewhere."]
    assert [e.text for e in done[0].ents] == [f"Place{k}" for k in range(6)] and done[0]._.mp_title == "Far"
    assert all(text[e.start_char : e.end_char] == e.text for e in done[0].ents)
    assert done[1] is short


def test_a_step_past_the_time_limit_stops_the_work() -> None:
    class Late(Exception):
        pass

    def check() -> None:
        raise Late

    nlp = _staged_nlp()
    with pytest.raises(Late):
        parse_in_pieces(nlp, [nlp.make_doc("Kenya.")], check)


@pytest.mark.model
def test_a_quote_in_a_later_piece_keeps_its_speaker_named_in_the_first(monkeypatch: pytest.MonkeyPatch) -> None:
    filler = "\n\n".join(f"The committee met for the {k}th time and read its minutes aloud." for k in range(1, 40))
    text = ("German Chancellor Olaf Scholz arrived in Paris on Monday for talks with President Emmanuel Macron.\n\n"
            f"{filler}\n\n\u201cWe stand together with France,\u201d Scholz said.")
    whole = multipolar.analyze(text, date="2023-01-02")
    monkeypatch.setattr(in_pieces, "PIECE_TOKENS", 120)
    monkeypatch.setattr(in_pieces, "BATCH_TOKENS", 240)
    cut = multipolar.analyze(text, date="2023-01-02")
    assert [(q.text, q.speaker, q.speaker_actor, q.start) for q in cut.quotes] == \
        [(q.text, q.speaker, q.speaker_actor, q.start) for q in whole.quotes] != []
    assert cut.quotes[-1].speaker_actor is not None
    assert [(s.start, s.end) for s in cut.sentences] == [(s.start, s.end) for s in whole.sentences]
    assert {a.code for a in cut.actors} == {a.code for a in whole.actors}
    assert all(text[q.start : q.end] == q.text for q in cut.quotes)
