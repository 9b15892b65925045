"""Legislators of the United States as its texts name them: "Rep. Joaquin Castro (D-TX-20)", "Senator Sherrod
Brown (D-Ohio)", "Leader Chuck Schumer (D-NY)". A party letter and a state (or district) in brackets right after
a person's name is how American writing marks a member of Congress or of a state legislature, a person the
knowledge base does not hold: the tag makes them the United States', a legislator unless their title says
what they are ("Governor X (R-TX)"; "Treasurer X (D-NV)", a local or state office, is the government's), a
former one after "Fmr.", "former" or "then-" (`ELI`).
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc

from multipolar.data_files import data_lines, word_list
from multipolar.nlp.actors.clauses import covered_tokens
from multipolar.nlp.actors.spelling import slug
from multipolar.nlp.actors.titles import titles
from multipolar.nlp.spans import ActorMention, ActorRef

TAGGED_STATE = "USA"
_FORMER_WORDS = frozenset({"former", "fmr", "fmr.", "then", "late"})
_OFFICE_WORDS = 3
"""Capitalised words before a name that may hold its office ("Chief City Auditor")."""
_LONGEST_TAG = 40
"""Characters after a name within which a tag closes ("(D-District of Columbia)")."""


@cache
def us_states() -> frozenset[str]:
    """The codes and names of the states of the United States ("TX", "Texas")."""
    rows = [line.split("\t") for line in data_lines("gazetteer/us_states.tsv")[1:]]  # after the header row
    return frozenset(name for row in rows for name in row if name)


@cache
def _tag_pattern() -> re.Pattern[str]:
    states = sorted(us_states(), key=len, reverse=True)
    place = "|".join(re.escape(s) for s in states)
    return re.compile(rf"\s*\((?:D|R|I)\s?[-–]\s?(?:{place})\.?(?:\s?[-–]\s?(?:\d{{1,2}}|AL))?\)")


def party_tag_after(doc: Doc, end: int) -> bool:
    """A party-and-state tag right after the token before `end` ("Joaquin Castro (D-TX-20)")."""
    return _tag_end(doc, end) is not None


def _tag_end(doc: Doc, end: int) -> int | None:
    """Where the party tag right after the token before `end` ends (a character offset), if there is one."""
    if end <= 0 or end > len(doc):
        return None
    at = doc[end - 1].idx + len(doc[end - 1].text)
    match = _tag_pattern().match(doc.text[at : at + _LONGEST_TAG])
    return at + match.end() if match else None


def _inside_tags(doc: Doc, mentions: list[ActorMention]) -> set[int]:
    """Tokens of the tags after persons' names: "Ohio" in "(D-Ohio)" is no actor of its own."""
    inside = set()
    for mention in mentions:
        end = _tag_end(doc, mention.end) if mention.actors[0].kind == "person" else None
        k = mention.end
        while end is not None and k < len(doc) and doc[k].idx < end:
            inside.add(k)
            k += 1
    return inside


def _former(doc: Doc, start: int) -> bool:
    """"Fmr. Rep. Mia Love", "former Senator X", "then-Senator X": the seat is one held before (the word may
    stand before a legislator's title the mention leaves out; "then-Chairman X" held a chair before, not a seat)."""
    for token in reversed(doc[max(0, start - _OFFICE_WORDS - 1) : start]):
        if token.lower_ in _FORMER_WORDS:
            return True
        if token.text not in (".", "-", "U.S.") and titles().get((token.lower_,)) != "LEG":
            return False
    return False


def _local_office(doc: Doc, start: int, end: int) -> bool:
    """"Treasurer X (D-NV)", "County Executive X (D-DE)": a local or state government's office in the name or
    in the capitalised words just before it."""
    first = start
    while first > 0 and start - first < _OFFICE_WORDS and doc[first - 1].text[:1].isupper():
        first -= 1
    return any(t.lower_ in word_list("gazetteer/local_offices.txt") for t in doc[first:end])


def _tagged(ref: ActorRef, former: bool, local: bool = False) -> ActorRef:
    """The person as the tag says: the United States', a legislator where nothing says what else (a title's
    own sector stands; a local office is the government's), a former one (`ELI`) after "Fmr."."""
    role = "ELI" if former else ref.role if ref.role not in (None, "ELI", "CVL") else "GOV" if local else "LEG"
    office = f"former_{ref.office or 'legislator'}" if former and ref.role != "ELI" else ref.office
    return ActorRef(ref.code, ref.name, "person", TAGGED_STATE, role, office, ref.origin, ref.origin_id,
                    ref.title, ref.category)


def _as_tagged(doc: Doc, mention: ActorMention) -> ActorRef:
    """A person the document introduces, as tagged; a known person of the United States with no office on the
    date, a legislator unless a title says otherwise; one of another state is a namesake, not them."""
    ref, former = mention.actors[0], _former(doc, mention.start)
    local = _local_office(doc, mention.start, mention.end)
    if ref.origin == "document":
        return _tagged(ref, former, local)
    if ref.country == TAGGED_STATE:
        titled = mention.how == "title+person" or local
        return ref if former or titled or ref.role not in (None, "ELI") else ref.with_role("LEG", None, ref.title)
    return _tagged(ActorRef(slug(ref.name), ref.name, "person", None, None, origin="document", title=ref.title),
                   former, local)


def with_party_tags(doc: Doc, mentions: list[ActorMention], learned: dict[str, ActorRef]) -> list[ActorMention]:
    """Persons named with a party tag: the United States' (every mention of a person the document introduces,
    the tagged mention of a known one)."""
    tagged = {id(m): _as_tagged(doc, m) for m in mentions
              if len(m.actors) == 1 and m.actors[0].kind == "person" and party_tag_after(doc, m.end)}
    introduced = {m.actors[0].code: tagged[id(m)] for m in mentions if id(m) in tagged and
                  m.actors[0].origin == "document"}
    result = [ActorMention(m.start, m.end, (tagged[id(m)],), m.how) if id(m) in tagged else
              ActorMention(m.start, m.end, tuple(introduced.get(r.code, r) if r.origin == "document" else r
                                                 for r in m.actors), m.how) for m in mentions]
    for name, ref in list(learned.items()):
        learned[name] = introduced.get(ref.code, ref)
    covered = covered_tokens(result)
    for ent in doc.ents:
        if ent.label_ != "PERSON" or len(ent) < 2 or any(k in covered for k in range(ent.start, ent.end)) or \
                not party_tag_after(doc, ent.end):
            continue
        ref = _tagged(ActorRef(slug(ent.text), ent.text, "person", None, None, origin="document"),
                      _former(doc, ent.start), _local_office(doc, ent.start, ent.end))
        learned[ent.text] = ref
        result.append(ActorMention(ent.start, ent.end, (ref,), "party tag"))
    tags = _inside_tags(doc, result)
    return [m for m in result if m.start not in tags] if tags else result
