"""Frames: a word that governs another event ("agreed to withdraw", "urged China to release", "refused to
join", "threatened to cut", "fails to cooperate") and what becomes of that event (`data/coding/frames.tsv`).

A frame's complement is what the frame word governs: an infinitive or clause ("agreed to lift", "demanded
that X withdraw"), a gerund after a preposition ("committed to providing", "insisted on withdrawing"),
or an event noun ("called for the release of", "demanded the withdrawal of").
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from multipolar.coding.tables import CameoCode, CodingTables, Pattern, word_list
from multipolar.nlp.events.arguments import object_lemmas, objects_of

_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp"})
_COMPLEMENT_PREPS = frozenset({"to", "on", "for", "from", "of", "against", "in"})
KINDS = frozenset({"commit", "request", "refuse", "threaten", "fail", "consider", "undo", "allege", "aim"})
WISHED = frozenset({"request", "refuse", "threaten", "aim"})
"""Frames whose complement, and all it holds, is wished for or refused, not done."""


@dataclass(frozen=True)
class Frame:
    word: Token
    """The governing word ("agreed", "ready", "urged")."""
    kind: str
    """commit | request | refuse | threaten | fail | consider | undo | allege | aim (see frames.tsv)."""


@lru_cache(maxsize=1)
def frame_words() -> dict[str, str]:
    text = resources.files("multipolar").joinpath("data/coding/frames.tsv").read_text(encoding="utf-8")
    rows = [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    words = {row[0].strip().lower(): row[1].strip() for row in rows[1:]}
    unknown = set(words.values()) - KINDS
    if unknown:
        raise ValueError(f"frames.tsv: unknown kinds {sorted(unknown)}")
    return words


_ADJECTIVE_FRAMES = word_list("adjective_frames")
"""Frames only as adjectives: "is open to talks" commits, "opened its border to observers" is the act itself."""


def _kind_of(word: Token) -> str | None:
    words = frame_words()
    lemma = word.lemma_.lower()
    if lemma in _ADJECTIVE_FRAMES and word.pos_ in ("VERB", "AUX"):
        return None
    for particle in (c.lower_ for c in word.children if c.dep_ in ("prt", "prep", "advmod")):  # "look forward"
        if f"{lemma} {particle}" in words:
            return words[f"{lemma} {particle}"]
    return words.get(lemma)


def governing_frame(word: Token) -> Frame | None:
    """The frame that governs this verb or event noun, if any: "withdraw" in "agreed to withdraw", "is
    ready to withdraw", "committed to withdrawing", "the decision to withdraw", "called for the withdrawal"."""
    head = word.head
    if head is word:
        return None
    if word.dep_ in _COMPLEMENT_DEPS or (word.dep_ == "acl" and infinitive(word)):
        # "is ready to": the adjective governs the infinitive
        kind = _kind_of(head)
        if kind is None and head.dep_ == "acomp":
            kind, head = _kind_of(head.head), head.head
        return Frame(head, kind) if kind else None
    if word.dep_ == "advcl" and infinitive(word) and (frame := _frame_object_before(word)) is not None:
        return frame
    if word.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in word.children):
        kind = _kind_of(head)  # "pushing hard for the US to support its plan", "called for Iran to stop"
        return Frame(head, kind) if kind in ("request", "commit") else None
    if word.dep_ == "dobj" and word.pos_ in ("NOUN", "PROPN"):
        kind = _kind_of(head)
        return Frame(head, kind) if kind in ("request", "refuse", "threaten", "undo") else None
    if word.dep_ in ("pcomp", "pobj") and head.dep_ == "prep" and head.lower_ in _COMPLEMENT_PREPS:
        governor = head.head
        kind = _kind_of(governor)
        if kind is None and governor.dep_ == "acomp":
            kind, governor = _kind_of(governor.head), governor.head
        if kind and (word.pos_ in ("VERB", "AUX") or kind in ("request", "refuse", "threaten")
                     or (kind == "commit" and head.lower_ in ("to", "for"))):  # "agreed to a ceasefire"
            return Frame(governor, kind)
    return None


def complements(word: Token) -> list[Token]:
    """What a frame word governs: "urged China [to release]", "demanded [that ... withdraw]", "called for
    [the release]", "is ready [to mediate]", "insisted on [withdrawing]"."""
    found = [c for c in word.children if c.dep_ in _COMPLEMENT_DEPS]
    for adjective in (c for c in word.children if c.dep_ == "acomp"):
        found += [c for c in adjective.children if c.dep_ in _COMPLEMENT_DEPS]
    for prep in (c for c in word.children if c.dep_ == "prep" and c.lower_ in _COMPLEMENT_PREPS):
        found += [c for c in prep.children if c.dep_ in ("pcomp", "pobj")]
    found += [c for c in word.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
    found += [c for c in word.children if c.dep_ == "acl" and infinitive(c)]
    if word.dep_ == "dobj":
        found += [c for c in word.head.children if c.dep_ == "advcl"]  # "reaffirmed their resolve to strengthen"
    return [c for c in found if governing_frame(c) is not None and governing_frame(c).word == word]  # type: ignore[union-attr]


def _frame_object_before(verb: Token) -> Frame | None:
    """"They reaffirmed their resolve to strengthen the alliance": the parse hangs the infinitive on the verb, but the
    frame noun that is its object, right before the "to", governs it (as it does "their commitment to strengthen")."""
    for noun in (c for c in verb.head.children if c.dep_ == "dobj" and c.pos_ == "NOUN"):
        if noun.right_edge.i + 1 == verb.left_edge.i and (kind := _kind_of(noun)):
            return Frame(noun, kind)
    return None


def infinitive(verb: Token) -> bool:
    """A verb with its own "to" ("to let convoys in")."""
    return verb.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def complement_code(tables: CodingTables, word: Token) -> CameoCode | None:
    """What the complement would be coded as, whoever its actors: "release the prisoners" is 0841
    (RETREAT release), "the withdrawal" 0874, "provide weapons" 072."""
    if word.pos_ in ("NOUN", "PROPN"):
        pattern: Pattern | None = noun_pattern(tables, word)
    else:
        pattern = None
        objects = objects_of(word)
        lemmas = object_lemmas(objects, word)
        for row in _verb_rows(tables, word):
            if not row.required or lemmas & row.required:
                pattern = row
                break
        if pattern is not None and pattern.is_light:
            nouns = [n for o in objects for n in (o, *o.conjuncts)]
            pattern = next((p for n in nouns if (p := noun_pattern(tables, n)) is not None), None)
    if pattern is None:
        return None
    entry = tables.code(pattern.cameo)
    plover = pattern.plover or entry.plover
    if not plover:
        return None
    return CameoCode(entry.code, entry.name, entry.goldstein, entry.quad_class, plover,
                     tables.mode_of(plover, pattern.mode, entry.mode))


def noun_pattern(tables: CodingTables, noun: Token) -> Pattern | None:
    """The first row for this event noun whose required modifier is there ("trade war" before "war")."""
    # "joint air combat drills": any word before the noun in its phrase ("joint" may hang on "combat")
    before = [t for c in noun.lefts if c.dep_ in ("amod", "compound", "nmod") for t in c.subtree]
    # "the deployment of missiles", "a state of emergency", "the release of prisoners": the "of" object too
    before += [t for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of"
               for obj in prep.children if obj.dep_ == "pobj"
               for t in (obj, *obj.conjuncts, *(c for c in obj.children if c.dep_ in ("compound", "amod")))]
    modifiers = {t.lemma_.lower() for t in before} | {t.lower_ for t in before}
    for pattern in tables.nouns.get(noun.lemma_.lower(), ()):
        if not pattern.required or pattern.required & modifiers:
            return _implemented(pattern, noun)
    return None


TRUCE_CODE = "0871"
_HOLDING_VERBS = word_list("truce_holding_verbs")
"""Verbs whose subject, a truce, is in effect: "the ceasefire took hold", "the truce largely held"."""
_OBSERVING_VERBS = word_list("truce_observing_verbs")
"""Verbs whose object, a truce, is carried out: "began a 60-day ceasefire", "observed the truce"."""


def _implemented(pattern: Pattern, noun: Token) -> Pattern:
    """The v2 manual: a declared truce is a verbal concession (CONCEDE), one that is in effect or observed has
    material consequences (RETREAT, ceasefire)."""
    if pattern.cameo != TRUCE_CODE or pattern.plover != "CONCEDE":
        return pattern
    verb = noun.head.lemma_.lower()
    if (noun.dep_ == "nsubj" and verb in _HOLDING_VERBS) or (noun.dep_ == "dobj" and verb in _OBSERVING_VERBS):
        return dataclasses.replace(pattern, plover="RETREAT", mode="ceasefire", id=f"{pattern.id}/observed")
    return pattern


def _verb_rows(tables: CodingTables, verb: Token) -> tuple[Pattern, ...]:
    lemma = verb.lemma_.lower()
    for particle in (c.lower_ for c in verb.children if c.dep_ in ("prt", "prep")):
        if f"{lemma} {particle}" in tables.verbs:
            return tables.verbs[f"{lemma} {particle}"]
    return tables.verbs.get(lemma, ())
