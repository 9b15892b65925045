"""Who signs a joint statement, read from its title: the states, leaders and bodies that speak as its
"we" ("Joint Statement Between the United States, Belize, Germany, Indonesia, and Senegal", "U.S.-ROK
Leaders' Joint Statement", "G7 Leaders' Statement")."""

from __future__ import annotations

import datetime as dt
import re

from multipolar.coding.gazetteer import STATE_KINDS, Gazetteer

_JOINT = re.compile(r"\bjoint\b(?:\s+\S+){0,3}?\s+(?:leaders?[’']?\s+)?(?:statement|declaration|readout|fact sheet|"
                    r"press release|communiqu|message|vision)|\bleaders[’']?\s+(?:statement|declaration|communiqu)",
                    re.IGNORECASE)
"""A document several parties issue: "Joint Statement of ...", "JOINT US-EU STATEMENT", "G7 Leaders'
Statement"; not "Joint Actions", "House Joint Resolution" or "Joint Base Andrews"."""
_TOPIC = re.compile(r"\s(?:on|regarding|concerning|about|following(?! (?:the )?meeting)|after|for|to mark|"
                    r"in support of)\s", re.IGNORECASE)
"""Where a joint statement's title turns from who signs it to what it is about ("... and Senegal on the
Announcement of ..."); "Following Meeting Between X and Y" still names them."""
_SIGNED_BY = re.compile(r"\sby\s", re.IGNORECASE)
"""Signatories named after the topic: "Joint Statement on Ukraine's Air Defenses by U.S. President ...,
German Chancellor ..."."""
_PAIRED = re.compile(r"\b(?:between\s+.*|[\w.]+(?:\s\w+)?(?:\s?[-–]\s?[\w.]+(?:\s\w+)?)+)", re.IGNORECASE)
"""In the topic, the parties it pairs: "on U.S.-China Economic and Trade Meeting", "on the Phone Call between
President Biden and President Macron" (but "on Israel" names a topic, not a signatory)."""
_SIGNATORY_HOW = frozenset({"name", "adjective", "person"})
_LEADERS_OF = re.compile(r"\b(?:leaders|heads of state and government|governments|foreign ministers) of\s+"
                         r"((?:[^.:;]{0,400}?)\band\s+(?:the\s+)?[^.:;,]{2,60}?)(?=\s+(?:met|have|has|are|were|"
                         r"issued|released|adopted|agreed|today|at|in|on)\b|[.:;])", re.IGNORECASE)
"""The opening of a joint statement that lists who signs it: "Today, the Leaders of Canada, ..., and the
United States met ... and released the following statement"."""
_OPENING = 600
"""How far into the text the list of signatories is looked for (the first sentence or two)."""


def signatories_text(title: str | None) -> str | None:
    """The part of a joint statement's title that names who signs it ("Joint Statement of the United States
    and Japan", "U.S.-India Joint Statement", "... Air Defenses by U.S. President X, Dutch Prime Minister
    Y", "on U.S.-China Talks"); None for any other title."""
    joint = _JOINT.search(title or "")
    if title is None or joint is None:
        return None
    topic = _TOPIC.search(title, joint.start())
    if topic is None:
        return title
    signed_by = _SIGNED_BY.search(title, topic.end())
    about = title[topic.end(): signed_by.start() if signed_by else len(title)]
    parts = [title[: topic.start()], *(m.group(0) for m in _PAIRED.finditer(about))]
    if signed_by:
        parts.append(title[signed_by.end():])
    return "; ".join(parts)


def signatories(gazetteer: Gazetteer, title: str | None, voice: str | None, day: dt.date | None,
                text: str = "") -> list[str]:
    """Who a document's "we" is: the given voice and, in a joint statement, every state it names as signing
    (a leader stands for their state) with the bodies it names ("U.S.-EU"); several states named without the
    voice speak alone (a declaration of Cambodia and Thailand the White House publishes); a title that
    names a body and no state speaks as that body ("G7 Leaders' Statement"): a group's voice, not its
    members' one by one. A statement whose opening lists its signatories ("the Leaders of Canada, ... and
    the United States met ...") speaks for them, whatever its title names."""
    signing = signatories_text(title)
    own = [voice] if voice is not None else []
    if signing is None:
        return own
    listed = _LEADERS_OF.search(text[:_OPENING])
    states, bodies = _named(gazetteer, listed.group(1), day) if listed else ([], [])
    if len(states) < 2:
        states, bodies = _named(gazetteer, signing, day)
    if bodies and not states:
        return bodies
    if len(states) >= 2 and voice not in states:
        return [*states, *bodies]
    return list(dict.fromkeys([*own, *states, *bodies]))


def _named(gazetteer: Gazetteer, text: str, day: dt.date | None) -> tuple[list[str], list[str]]:
    """The states (a leader's state for a leader) and the international bodies a title names, in order."""
    spaced = re.sub(r"\s*([-–])\s*", r" \1 ", text)  # "U.S.-ROK": the tables' names are whole words
    words = [_without_possessive(w.replace("’", "'")) for w in gazetteer._tokenize(spaced) if w.strip()]
    states: list[str] = []
    bodies: list[str] = []
    for i in range(len(words)):
        for pattern in gazetteer.patterns_at(words, i):
            info = gazetteer.actors.get(pattern.code)
            if info is None or pattern.how not in _SIGNATORY_HOW or not pattern.valid_on(day) or \
                    (pattern.how == "adjective" and words[i].lower().endswith("o")):
                continue  # "Indo-Pacific": a combining form names a region, not a signatory
            if info.kind in STATE_KINDS:
                states.append(pattern.code)
            elif info.kind == "person" and info.country:
                states.append(info.country)
            elif info.kind in ("igo", "bloc"):
                bodies.append(pattern.code)
            break
    return list(dict.fromkeys(states)), list(dict.fromkeys(bodies))


def _without_possessive(word: str) -> str:
    return word[:-2] if len(word) > 3 and word.endswith("'s") and word[0].isupper() else word
