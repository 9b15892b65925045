"""Whether a referent is a man or a woman, for "he" and "she": the words of its description, a given name's usual
gender, a courtesy title before a surname."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from multipolar.nlp.entities import entities_within
from multipolar.nlp.quotes.find import word_table

if TYPE_CHECKING:
    from multipolar.nlp.quotes.actors import Described

def gender_of(doc: Doc, described: Described) -> str | None:
    """"he" or "she" by the words of the description ("a widow", "the king"); a mixed one tells nothing."""
    if described.start is None or described.end is None:
        return None
    table = word_table("gender_words.tsv")
    span = doc[described.start : described.end]
    genders = {table.get(t.lower_.rstrip(".")) for t in span} - {None, ""}
    if not genders:
        genders = {g for g in (given_name_gender(w) for w in _given_names(span, described)) if g}
    return genders.pop() if len(genders) == 1 else None


def given_name_gender(word: str) -> str | None:
    """"Maria", "Ivan": the gender of almost everyone who bears the name (`data/quotes/given_names.tsv`)."""
    return word_table("given_names.tsv").get(word.lower())


def _given_names(span: Span, described: Described) -> list[str]:
    """The first word of each full name in the phrase, as the parser or the actor tables give it (a name
    of one word is a surname: "Prime Minister Meir")."""
    names = [e[0].text for e in entities_within(span.doc, span.start, span.end) if e.label_ == "PERSON" and len(e) > 1]
    actor = described.actor
    if not names and actor is not None and actor.kind == "person" and len(actor.name.split()) > 1:
        names = [actor.name.split()[0]]
    return names


def courtesy_gender(doc: Doc, start: int) -> str | None:
    """"Mrs. Trump", "Mr. Sands": the gender the courtesy title just before a surname gives."""
    if start == 0 or doc[start - 1].lower_.rstrip(".") not in COURTESY_TITLES:
        return None
    return word_table("gender_words.tsv").get(doc[start - 1].lower_.rstrip(".")) or None


COURTESY_TITLES = frozenset({"mr", "mrs", "ms", "miss", "madam", "madame", "mme"})
