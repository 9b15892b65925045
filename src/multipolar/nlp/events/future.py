"""What PLOVER v2 makes of an act announced for the future (a refusal, a promise, a threat), for the event coder."""

from __future__ import annotations

import dataclasses

from spacy.tokens import Token

from multipolar.coding.tables import CameoCode, CodingTables, word_list
from multipolar.nlp.events.arguments import SAY_VERBS
from multipolar.nlp.events.clauses import conditional, will_not
from multipolar.nlp.events.frames import governing_frame

_THREATENED = frozenset({"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "REJECT"})
"""Conflictual types that, announced for the future, are THREATEN."""
_VOWED = frozenset({"SANCTION", "COERCE", "ASSAULT"})
"""Conflictual types that a vow ("is prepared to impose martial law", "vowed to strike") makes THREATEN (forces
made ready to move are MOBILIZE already; a decision or an agreement to cut aid is the act itself)."""
_VOWING = word_list("vowing")
_ANNOUNCING = SAY_VERBS | word_list("announcing")
_FUTURE_AUX = frozenset({"will", "would", "'ll", "shall"})
_PROMISED_COOPERATION = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
_PROMISED_CONCESSION = frozenset({"CONCEDE", "RETREAT"})


def future_reading(tables: CodingTables, word: Token, plover: str, mode: str, entry: CameoCode, negated: bool,
                   modality: str) -> tuple[str, str, CameoCode, bool, str]:
    """What PLOVER v2 makes of an act announced for the future: refused ("will not accept": REJECT),
    promised cooperation (AGREE), a promised concession or retreat (AGREE with its 035x code, as the PLOVER
    records and the lead's session-7 convention read "agreed to withdraw"), a conflictual act
    under a condition ("will withdraw its force unless ...") or vowed ("is prepared to impose martial
    law"): THREATEN; other planned acts keep their type, with modality intended."""
    as_code = dataclasses.replace(entry, plover=plover, mode=mode)
    if negated and plover not in ("REJECT", "THREATEN") and will_not(word):
        entry = tables.frame_code("refuse", as_code)
        return "REJECT", entry.mode, entry, False, "asserted"
    if modality != "intended" or negated:
        return plover, mode, entry, negated, modality
    if plover in _PROMISED_COOPERATION:
        return "AGREE", "", entry, negated, modality
    if plover in _PROMISED_CONCESSION:
        return "AGREE", "", tables.frame_code("promise", as_code), negated, modality
    frame = governing_frame(word)
    if plover in _THREATENED and (conditional(word) or (plover in _VOWED and (
            announced(word) or (frame is not None and frame.word.lemma_.lower() in _VOWING)))):
        entry = tables.frame_code("threaten", as_code)
        return "THREATEN", entry.mode, entry, negated, "asserted"
    return plover, mode, entry, negated, modality


def announced(word: Token) -> bool:
    """A harmful act someone said they will do ("NATO confirmed it would tighten the blockade", "announced
    that he will withdraw the inspectors"): a warning, THREATEN. A text's own plan ("the United States will
    re-impose sanctions") and one carried on ("will continue to impose sanctions") are not announced here."""
    if word.dep_ != "ccomp" or word.head.lemma_.lower() not in _ANNOUNCING:
        return False
    return any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in word.children)
