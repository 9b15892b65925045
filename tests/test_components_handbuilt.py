"""One rule family of each multipolar component on a `Doc` built by hand (words, lemmas, tags, heads, deps,
entities), so a rule change fails here by name and no statistical model is loaded: actors, dates, events,
figures, quotations, claims. The deeper suites of two families are `test_event_rules.py` and
`test_quote_rules.py`.

A Doc is written as `word/LEMMA/POS/dep/head[/ENT]` tokens: head is the index of the head token, or `-` for
the root; ENT an IOB entity tag (`B-GPE`). The actors are fictional (no shipped table knows them), loaded
into a gazetteer of their own with the shipped agent words ("army", "foreign minister").
"""

from __future__ import annotations

import datetime as dt
from importlib import resources

import pytest
import spacy
from spacy.tokens import Doc

from multipolar.coding.gazetteer import Gazetteer, load_agents
from multipolar.coding.gazetteer_user import load_yaml_actors
from multipolar.nlp.actors.resolve import ActorResolver
from multipolar.nlp.claims import ClaimFinder
from multipolar.nlp.dates import DateFinder
from multipolar.nlp.events.coder import EventCoder
from multipolar.nlp.figures.quantities import QuantityFinder
from multipolar.nlp.quotes.component import QuoteFinder

VOCAB = spacy.blank("en").vocab
ACTORS = """
actors:
  - {code: VLD, name: Valdoria, kind: state, adjectives: [Valdorian]}
  - {code: KSH, name: Keshmar, kind: state, adjectives: [Keshmari]}
  - {code: OSV, name: Ostrevia, kind: state}
  - {code: vld-anwen-morrow, name: Anwen Morrow, kind: person, country: VLD, role: foreign_minister,
     start: 2020-01-01}
"""


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    gazetteer = Gazetteer()
    agents = resources.files("multipolar").joinpath("data/gazetteer/agents.tsv").read_text(encoding="utf-8")
    load_agents(gazetteer, agents, "agents.tsv")
    load_yaml_actors(gazetteer, ACTORS, "handbuilt")
    return ActorResolver(gazetteer)


def _doc(spec: str, date: dt.date = dt.date(2023, 5, 1)) -> Doc:
    tokens = [t.split("/") for t in spec.split()]
    doc = Doc(VOCAB, words=[t[0] for t in tokens], lemmas=[t[1] for t in tokens], pos=[t[2] for t in tokens],
              deps=[t[3] for t in tokens], heads=[i if t[4] == "-" else int(t[4]) for i, t in enumerate(tokens)],
              ents=[t[5] if len(t) > 5 else "O" for t in tokens])
    doc._.mp_date = date
    doc._.mp_date_label = date.isoformat()
    return doc


def _run(resolver: ActorResolver, spec: str, *more: object, date: dt.date = dt.date(2023, 5, 1)) -> Doc:
    """Actors and dates, then the components after them, as the pipeline orders them."""
    doc = DateFinder()(resolver(_doc(spec, date)))
    for component in more:
        assert callable(component)
        doc = component(doc)
    return doc


def _mentions(doc: Doc) -> list[tuple[str, str, str, str | None]]:
    return [(doc[m.start : m.end].text, m.how, a.code, a.role) for m in doc._.mp_mentions for a in m.actors]


# ---- actors ------------------------------------------------------------------------------------------

SHELLED = ("The/the/DET/det/2 Valdorian/Valdorian/ADJ/amod/2 army/army/NOUN/nsubj/3 shelled/shell/VERB/ROOT/- "
           "Keshmar/Keshmar/PROPN/dobj/3/B-GPE ././PUNCT/punct/3")


def test_actors_a_name_is_its_state_and_a_country_word_with_an_agent_word_a_body(resolver: ActorResolver) -> None:
    assert _mentions(_run(resolver, SHELLED)) == [("Valdorian army", "agent", "vld-army", "MIL"),
                                                  ("Keshmar", "name", "KSH", None)]


def test_actors_a_surname_after_the_full_name_is_that_person_and_an_unknown_name_stays_unresolved(
        resolver: ActorResolver) -> None:
    doc = _run(resolver, "Anwen/Anwen/PROPN/compound/1/B-PERSON Morrow/Morrow/PROPN/nsubj/2/I-PERSON "
                         "arrived/arrive/VERB/ROOT/- ././PUNCT/punct/2 Morrow/Morrow/PROPN/nsubj/5/B-PERSON "
                         "spoke/speak/VERB/ROOT/- ././PUNCT/punct/5 Zorblat/Zorblat/PROPN/nsubj/8/B-GPE "
                         "left/leave/VERB/ROOT/-")
    assert _mentions(doc) == [("Anwen Morrow", "person", "vld-anwen-morrow", "GOV"),
                              ("Morrow", "surname", "vld-anwen-morrow", "GOV")]
    assert [span.text for span in doc._.mp_unresolved] == ["Zorblat"]


@pytest.mark.parametrize(("date", "holder"), [(dt.date(2023, 5, 1), "vld-anwen-morrow"),
                                              (dt.date(2019, 5, 1), "vld-foreign-minister")])
def test_actors_an_office_is_its_holder_on_the_document_date(resolver: ActorResolver, date: dt.date,
                                                             holder: str) -> None:
    doc = _run(resolver, "The/the/DET/det/3 Valdorian/Valdorian/ADJ/amod/3 foreign/foreign/ADJ/amod/3 "
                         "minister/minister/NOUN/nsubj/4 resigned/resign/VERB/ROOT/- ././PUNCT/punct/4", date=date)
    assert [code for _, _, code, _ in _mentions(doc)] == [holder]


# ---- dates -------------------------------------------------------------------------------------------


def test_dates_a_year_is_the_whole_year_and_last_year_counts_from_the_document_date(
        resolver: ActorResolver) -> None:
    doc = _run(resolver, "Trade/trade/NOUN/nsubj/1 grew/grow/VERB/ROOT/- in/in/ADP/prep/1 2021/2021/NUM/pobj/2/B-DATE "
                         "and/and/CCONJ/cc/1 fell/fall/VERB/conj/1 last/last/ADJ/amod/7/B-DATE "
                         "year/year/NOUN/npadvmod/5/I-DATE ././PUNCT/punct/1")
    assert [(d.text, d.date.value, d.date.start, d.date.end) for d in doc._.mp_dates] == [
        ("2021", "2021", dt.date(2021, 1, 1), dt.date(2021, 12, 31)),
        ("last year", "2022", dt.date(2022, 1, 1), dt.date(2022, 12, 31))]


# ---- events ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("spec", "expected"), [
    ("Valdoria/Valdoria/PROPN/nsubj/1/B-GPE sanctioned/sanction/VERB/ROOT/- Keshmar/Keshmar/PROPN/dobj/1/B-GPE "
     "in/in/ADP/prep/1 2022/2022/NUM/pobj/3/B-DATE ././PUNCT/punct/1",
     [("VLD", "KSH", "SANCTION", False, "2022")]),
    ("Valdoria/Valdoria/PROPN/nsubj/3/B-GPE did/do/AUX/aux/3 not/not/PART/neg/3 sanction/sanction/VERB/ROOT/- "
     "Keshmar/Keshmar/PROPN/dobj/3/B-GPE ././PUNCT/punct/3",
     [("VLD", "KSH", "SANCTION", True, "2023-05-01")]),
], ids=["verb-with-object-and-date", "negated"])
def test_events_a_verb_pattern_codes_its_subject_and_object(resolver: ActorResolver, spec: str,
                                                            expected: list[tuple[str, str, str, bool, str]]) -> None:
    doc = _run(resolver, spec, EventCoder())
    assert [(e.source.code, e.target.code, e.plover, e.negated, e.date) for e in doc._.mp_events] == expected


# ---- figures -----------------------------------------------------------------------------------------


def test_figures_money_with_its_flow_items_and_period(resolver: ActorResolver) -> None:
    exported = ("Valdoria/Valdoria/PROPN/nsubj/1/B-GPE exported/export/VERB/ROOT/- $/$/SYM/quantmod/4/B-MONEY "
                "5/5/NUM/compound/4/I-MONEY billion/billion/NUM/dobj/1/I-MONEY of/of/ADP/prep/4 "
                "grain/grain/NOUN/pobj/5 to/to/ADP/prep/1 Keshmar/Keshmar/PROPN/pobj/7/B-GPE in/in/ADP/prep/1 "
                "2022/2022/NUM/pobj/9/B-DATE ././PUNCT/punct/1")
    doc = _run(resolver, exported, EventCoder(), QuantityFinder())
    assert [(q.kind, q.value, q.unit, q.measure, q.source, q.target, q.items, q.period and q.period.value)
            for q in doc._.mp_quantities] == [("money", 5e9, "USD", "exports", "VLD", "KSH", ("grain",), "2022")]


# ---- quotations --------------------------------------------------------------------------------------


def test_quotes_a_quotation_before_said_goes_to_the_speaker_named_after_it(resolver: ActorResolver) -> None:
    doc = _run(resolver, "“/“/PUNCT/punct/9 We/we/PRON/nsubj/4 will/will/AUX/aux/4 not/not/PART/neg/4 "
                         "yield/yield/VERB/ccomp/9 ,/,/PUNCT/punct/9 ”/”/PUNCT/punct/9 "
                         "Anwen/Anwen/PROPN/compound/8/B-PERSON Morrow/Morrow/PROPN/nsubj/9/I-PERSON "
                         "said/say/VERB/ROOT/- ././PUNCT/punct/9", EventCoder(), QuoteFinder(resolver))
    assert [(q.text, q.kind, q.speaker, q.speaker_actor and q.speaker_actor.code, q.speaker_country)
            for q in doc._.mp_quotes] == [("We will not yield ,", "full", "Anwen Morrow", "vld-anwen-morrow", "VLD")]


# ---- claims ------------------------------------------------------------------------------------------

TIES = ("Sanctions/sanction/NOUN/nsubj/4 on/on/ADP/prep/0 Keshmar/Keshmar/PROPN/pobj/1/B-GPE have/have/AUX/aux/4 "
        "{verb} ties/tie/NOUN/dobj/4 between/between/ADP/prep/5 Valdoria/Valdoria/PROPN/pobj/6/B-GPE "
        "and/and/CCONJ/cc/7 Ostrevia/Ostrevia/PROPN/conj/7/B-GPE ././PUNCT/punct/4")


@pytest.mark.parametrize(("verb", "polarity"), [("strengthened/strengthen/VERB/ROOT/-", 1),
                                                ("weakened/weaken/VERB/ROOT/-", -1)])
def test_claims_an_event_that_strengthens_or_weakens_a_relation(resolver: ActorResolver, verb: str,
                                                                polarity: int) -> None:
    doc = _run(resolver, TIES.format(verb=verb), EventCoder(), ClaimFinder())
    assert [(c.cause and (c.cause.kind, c.cause.plover, c.cause.target), c.effect.kind, c.effect.actors, c.polarity)
            for c in doc._.mp_claims] == [(("event", "SANCTION", "KSH"), "relation", ("OSV", "VLD"), polarity)]
