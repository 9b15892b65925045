"""Speaker rule families added in session 7, one test each, on hand-built Docs written like those of
`test_quote_rules.py` (whose helpers they share)."""

from __future__ import annotations

from multipolar.nlp.actors.resolve import ActorResolver
from multipolar.nlp.quotes.component import QuoteFinder
from multipolar.nlp.spacy_pipeline import shared_gazetteer

from .test_quote_rules import _doc


def test_an_office_holder_of_no_state_named_is_of_the_voice_given_though_it_never_says_we() -> None:
    # (a White House statement, no "we" in it) President Truman said, “Go.”
    doc = _doc("President/President/PROPN/compound/1 Truman/Truman/PROPN/nsubj/2/PERSON said/say/VERB/ROOT/- "
               ",/,/PUNCT/punct/2 “/“/PUNCT/punct/5 Go/go/VERB/ccomp/2 ././PUNCT/punct/5 ”/”/PUNCT/punct/5")
    finder = QuoteFinder(ActorResolver(shared_gazetteer(())))
    assert [(q.speaker_country, q.speaker_sector) for q in finder(doc)._.mp_quotes] == [(None, "GOV")]
    doc._.mp_voice = "USA"
    assert [(q.speaker, q.speaker_country, q.speaker_sector) for q in finder(doc)._.mp_quotes] == \
        [("Truman", "USA", "GOV")]
