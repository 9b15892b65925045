"""The contract between multipolar's spaCy components: the `doc._.mp_*` extensions each one fills and
the others read, and helpers every component may use. A component imports this, never the pipeline."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

DOC_EXTENSIONS: dict[str, Any] = {
    "mp_date": None,         # the document date (datetime.date) that dates and offices resolve against
    "mp_voice": None,        # the actor the document speaks for (its "we"), as given with the input
    "mp_title": None,        # the document's title, as given with the input ("Joint Statement of ...")
    "mp_date_label": None,   # the document date as precise as it is known: "2022-09-20", or "2022"
    "mp_mentions": None,     # list[ActorMention]
    "mp_unresolved": None,   # list[Span]
    "mp_places": None,       # list[ActorMention]: cities and regions named as where something happened
    "mp_events": None,       # list[CodedEvent]
    "mp_quantities": None,   # list[FoundQuantity]
    "mp_quotes": None,       # list[FoundQuote]
    "mp_dates": None,        # list[FoundDate]
    "mp_claims": None,       # list[FoundClaim]
}

for _name, _default in DOC_EXTENSIONS.items():
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


_TEXT_KEY = "multipolar.text"


def text_of(doc: Doc) -> str:
    """`doc.text`, joined once: spaCy joins every token anew on each read, which made components that
    read it per quotation or per mention quadratic in the document's length."""
    cached = doc.user_data.get(_TEXT_KEY)
    if isinstance(cached, str) and len(doc) and len(cached) == doc[-1].idx + len(doc[-1].text_with_ws):
        return cached
    text = doc.text
    doc.user_data[_TEXT_KEY] = text
    return text
