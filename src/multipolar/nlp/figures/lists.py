"""Lists under a flow: the items of "The new $800 million assistance package includes:" or of "The FY2022
request for $3.3 billion prioritizes: 1. $1 billion to ...; 2. ..." are parts of that flow.

Why apart from the component: a list item is often no sentence of its own ("$700 million to fund continued
payment of salaries"), so its clause names no giver, receiver or date; only the lead it hangs under does.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from multipolar.nlp.figures.reading import FLOWS, FigureReader
from multipolar.nlp.figures.syntax import governing_verb
from multipolar.nlp.figures.words import words
from multipolar.nlp.spans import text_of

if TYPE_CHECKING:
    from multipolar.nlp.figures.quantities import FoundQuantity

_BULLET = re.compile(r"[•*]|[-–]\s")
"""A list mark; a dash only with a space after it ("-3 per cent" opens no item)."""
"""Marks that start the items of a list."""
_NUMBERED = re.compile(r"\(?(?:\d{1,2}|[a-z])[.)]\s")
"""A numbered or lettered item: "1.  $1 billion to ...", "(b) ...", "2) ..."."""
_OWN_KINDS = FLOWS - {"imports", "exports"}
"""Flows a list item's sum keeps when its own clause names them ("- $500 million in loans")."""
_LEADING = FLOWS | {"sanctions"}
"""What a list can be the parts of: a flow, or sanctions ("sanctioning over 400 individuals ... This includes:
- 328 Duma members")."""
_REFERRING = frozenset({"this", "these", "it", "they", "that"})


@dataclass(frozen=True)
class ListLead:
    """The flow a list is under ("The new $800 million assistance package includes:", "The United States is
    providing:"): what its items count, and the sums its items name bare, are part of it."""

    measure: str
    source: str | None
    target: str | None
    parties: tuple[str, ...]
    figure: FoundQuantity | None = None
    """The lead's own figure, when it names one ("request ... for $3.3 billion ... prioritizes:")."""

    def apply(self, quantity: FoundQuantity, reader: FigureReader, span: Span) -> FoundQuantity:
        """The item's figure as a part of the lead's flow, when it is one."""
        if self.counts(quantity, reader, span):
            return dataclasses.replace(quantity, measure=self.measure, source=self.source, target=self.target,
                                       parties=self.parties)
        if self.figure is None or not self.is_part(quantity, span):
            return quantity
        # a flow of its own kind ("- $500 million in loans") stays one; what it pays for ("to purchase key
        # supplies") is no import, and then its own ends are no flow's
        measure = quantity.measure if quantity.measure in _OWN_KINDS else self.measure
        same = quantity.measure == measure
        source = (quantity.source if same else None) or self.source
        target = (quantity.target if same else None) or self.target
        if quantity.period is None:
            quantity = dataclasses.replace(quantity, period=self.figure.period, open_start=self.figure.open_start,
                                           open_end=self.figure.open_end)
        return dataclasses.replace(quantity, measure=measure, source=source, target=target,
                                   parties=tuple(sorted({c for c in (source, target) if c})))

    def counts(self, quantity: FoundQuantity, reader: FigureReader, span: Span) -> bool:
        """An item's count with no measure of its own is part of the flow, unless it counts people ("up to
        20 patients each"; under a sanctions count people are what is counted: "95 members of the assembly") or
        its clause names another doer ("allow India to make 20 million doses")."""
        if quantity.kind != "count" or quantity.measure is not None:
            return False
        if self.measure != "sanctions" and quantity.unit in words("per_person"):
            return False  # people are what sanctions are put on, and what no flow hands over
        verb = governing_verb(span.root)
        doers = reader.subject_states(verb) if verb is not None else []
        return not doers or doers[0] == self.source

    def is_part(self, quantity: FoundQuantity, span: Span) -> bool:
        """A sum in the lead's currency that its item names bare, with no verb above it ("1.  $1 billion to
        ensure ...", "$700 million to fund continued payment of salaries"): a part of the lead's sum."""
        lead = self.figure
        if lead is None or quantity.kind != "money" or quantity.unit != lead.unit or quantity.value is None:
            return False
        return not any(a.pos_ in ("VERB", "AUX") and not _bare_infinitive(a) for a in span.root.ancestors)


def _bare_infinitive(verb: Token) -> bool:
    """"(to) purchase and deliver key supplies" with no subject: what the item's sum pays for, which spaCy
    may make the item's root."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and \
        not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def lead_of(sent: Span, index: int, found: list[FoundQuantity], reader: FigureReader) -> ListLead | None:
    """The flow of a sentence that opens a list: a flow figure of its own, else a giving verb with its giver
    ("The United States is providing:") and the receiver of that giver's last flow."""
    flow = next((q for q in reversed(found) if q.sentence == index and q.measure in _LEADING), None)
    if flow is None and _refers_back(sent):
        # "... sanctions on more than 400 individuals and entities. This includes:": the figure before it
        flow = next((q for q in reversed(found) if q.sentence == index - 1 and q.measure in _LEADING), None)
    if flow is not None:
        return ListLead(flow.measure or "", flow.source, flow.target, flow.parties, flow)
    if any(q.sentence == index for q in found):
        return None
    ends = reader.announced_flow(sent)
    if ends is None:
        return None
    return ListLead("aid", ends[0], ends[1], tuple(sorted({c for c in ends if c})))


def _refers_back(sent: Span) -> bool:
    """"This includes:", "These include:": a lead whose subject stands for what the sentence before said."""
    verb = sent.root
    return verb.lemma_.lower() == "include" and any(c.dep_ == "nsubj" and c.lower_ in _REFERRING
                                                     for c in verb.children)


def in_list_item(sent: Span) -> bool:
    """The sentence is on a line that starts with a list mark or number ("-   Oxygen Support:  An initial
    delivery of 1,100 cylinders ..." is two sentences of one item; "2.  $1 billion to purchase ...")."""
    text = text_of(sent.doc)
    line = text[text.rfind("\n", 0, sent.start_char) + 1 : sent.end_char].lstrip()
    return _BULLET.match(line) is not None or _NUMBERED.match(line) is not None
