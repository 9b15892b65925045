"""Speakers in briefing transcripts, parsed by the statistical model: the turn labels ("Q", "MS. X:") and the
names a reporter speaks to are no one the turn's "he" points back to."""

from __future__ import annotations

import pytest

import multipolar
from multipolar.records import Quote


def _quotes(text: str) -> list[Quote]:
    result = next(multipolar.process([{"text": text, "date": "2023-05-10", "voice": "USA"}]))
    assert result.analysis is not None
    return list(result.analysis.quotes)


@pytest.mark.model
def test_a_name_a_reporter_speaks_to_is_not_the_he_of_the_question() -> None:
    text = ("Q    Dana —\n\nMS. LORENZO:  Go ahead.\n\nQ    Thanks, Dana. I want to ask about the President’s remarks "
            "this morning, when he called the talks “a turning point.” Does he still believe that?\n\n"
            "MS. LORENZO:  He does.")
    assert [(q.text, q.speaker_actor) for q in _quotes(text)] == [("a turning point.", "joe-biden")]


@pytest.mark.model
def test_a_reporters_label_taken_for_the_subject_gives_way_to_the_words_beside_it() -> None:
    text = ("MS. LORENZO:  Yes.\n\nQ — the President last week, when he was speaking in Ohio, said, “We are not "
            "going anywhere,” pointing to what he called “the long haul.”\n\nMS. LORENZO:  He meant it.")
    assert [(q.text, q.speaker_actor) for q in _quotes(text)] == [
        ("We are not going anywhere,", "joe-biden"), ("the long haul.", "joe-biden")]


@pytest.mark.model
def test_a_label_that_is_an_office_is_its_holder_in_every_turn() -> None:
    text = ("THE PRESIDENT:  Thank you all for coming.\n\nMS. ORTIZ:  Thank you for having us.\n\n"
            "THE PRESIDENT:  When I visited the plant, I told the workers, “Your jobs are coming back.”")
    assert [(q.text, q.speaker_actor) for q in _quotes(text)] == [("Your jobs are coming back.", "joe-biden")]


@pytest.mark.model
def test_a_briefings_bare_title_is_its_own_states_holder_though_a_visitor_held_it_before() -> None:
    text = ("MS. LORENZO:  This morning President Macron of France called to discuss the summit.\n\n"
            "Q    The President said today that the summit was “a real success.” Does he still think so?\n\n"
            "MS. LORENZO:  He does.")
    assert [(q.text, q.speaker_actor) for q in _quotes(text)] == [("a real success.", "joe-biden")]
