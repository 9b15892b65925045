"""What is traded in a trade figure: the goods whose named state is where they come from ("purchases of U.S.
soybeans", "U.S. LNG purchases", "3.3 million tons of U.S. LNG", "aircraft valued at $8 billion").

Why apart from the reader: the goods are found in the parse alone; which state their words name is the
reader's (`reading.FigureReader._goods_origin`), since only it knows the document's mentions.
"""

from __future__ import annotations

from collections.abc import Container

from spacy.tokens import Span, Token

from multipolar.nlp.figures.measure import TRADE, is_trade_noun, measure_cues
from multipolar.nlp.figures.syntax import common_lemma, flow_nouns, named_flow, of_objects, valued_noun


def traded_goods(span: Span, verb: Token | None, mentioned: Container[int]) -> list[Token]:
    """The nouns naming what a trade figure moves, nearest first: its own "of" goods, those of the trade noun it
    is an amount of (after "of" or before it), a noun whose worth it states; never an actor's own words."""
    valued = valued_noun(span.root)
    nouns = [span.root, *flow_nouns(span), *named_flow(span)]
    if verb is not None:  # "increase imports of U.S. rice by 75%": the trade noun is the verb's object
        nouns += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    found: list[Token] = []
    for noun in nouns:
        cue = measure_cues().get(common_lemma(noun))
        if noun.i == span.root.i:  # "3.3 million tons of U.S. LNG": the figure's own goods
            found += [g for g in of_objects(noun) if g.i not in mentioned and not is_trade_noun(g)]
        elif cue is not None and cue[0] in TRADE:
            # "purchases of U.S. energy", "U.S. LNG purchases": what is traded, after "of" or before the noun
            found += [*of_objects(noun), *(c for c in noun.children if c.dep_ == "compound" and c.i < noun.i and
                                            c.pos_ in ("NOUN", "PROPN") and c.i not in mentioned)]
        elif cue is None and noun.pos_ == "NOUN" and (noun in named_flow(span) or
                                                      (valued is not None and noun.i == valued.i)):
            found.append(noun)
    return found
