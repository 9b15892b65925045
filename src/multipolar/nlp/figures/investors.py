"""When a state's "investment" is its aid: an aid agency's outlay is assistance whatever the verb ("USAID invested
over $243 million in programming ...", "USAID invested $2.1 million and partnered with NASA"); a finance
corporation's, a company's or a state's own investment stays one ("DFC will invest", "Japan will invest $550
billion in the United States"), and so does money an agency raises from others ("USAID mobilized $30 million in
new investments").

Why apart from `measure`: which body invests is a mention of the document (its actor code), which only the reader
knows; `measure` reads the parse alone.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Span, Token

from multipolar.nlp.figures.syntax import governing_verb, subject_token, verb_chain
from multipolar.nlp.figures.words import words
from multipolar.nlp.spans import ActorMention


def invested_by_aid_agency(span: Span, mentions: Mapping[int, ActorMention]) -> bool:
    """The doer of the figure's clause is an aid agency (`words.tsv` aid_agencies) spending its own money."""
    verb = governing_verb(span.root)
    if verb is None or any(v.lemma_.lower() in words("raising_others") for v in verb_chain(verb)):
        return False  # "USAID mobilized $30 million in new investments": others invest
    doer = _doer(verb, mentions)
    mention = mentions.get(doer.i) if doer is not None and doer.i not in range(span.start, span.end) else None
    return mention is not None and mention.actors[0].code in words("aid_agencies")


def _doer(verb: Token, mentions: Mapping[int, ActorMention]) -> Token | None:
    """The verb's subject, else that of a verb its clause hangs on, else an actor named before it that the
    parser took for its modifier ("USAID, in partnership with the Department of Commerce, has invested")."""
    found = subject_token(verb)
    for node in verb.ancestors:
        if found is not None:
            break
        if node.pos_ in ("VERB", "AUX"):
            found = subject_token(node)
    if found is None:  # "USAID, in partnership with ..., has invested": spaCy's adverb of the verb
        found = next((c for c in verb.children if c.i < verb.i and c.i in mentions and
                      c.dep_ in ("advmod", "amod", "npadvmod")), None)
    if found is not None and found.i not in mentions:  # "USAID's mission", or a list item's label before it
        found = next((c for c in found.children if c.i in mentions and c.dep_ in ("amod", "appos", "poss")), found)
    return found
