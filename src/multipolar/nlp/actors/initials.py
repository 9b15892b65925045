"""Names written with a middle initial the tables leave out ("Alejandro N. Mayorkas"): the one person the
name without it means, and never a person whose own name has another initial there ("James R. Jones" is not
James L. Jones, whom the knowledge base also finds as "James Jones")."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from multipolar.nlp.spans import ActorMention, ActorRef

if TYPE_CHECKING:
    from multipolar.nlp.actors.resolve import ActorResolver

_INITIAL = re.compile(r"[A-Z]\.?")
"""A middle initial ("N.", "R.")."""


def initialled_people(resolver: ActorResolver, words: list[str], mentions: list[ActorMention],
                      day: dt.date | None) -> list[ActorMention]:
    """One or two given names before the initial, a surname after it: the one person so named."""
    covered = {k for m in mentions for k in range(m.start, m.end)}
    found = []
    for k in range(1, len(words) - 1):
        if not _INITIAL.fullmatch(words[k]) or k in covered or not _is_name_word(words[k + 1]):
            continue
        for given in (2, 1):
            start = k - given
            if start < 0 or not all(_is_name_word(w) for w in words[start:k]) or \
                    any(j in covered for j in range(start, k + 2)):
                continue
            ref = _one_person(resolver, [*words[start:k], words[k + 1]], words[k][0], day)
            if ref is not None:
                found.append(ActorMention(start, k + 2, (ref,), "person"))
                break
    return found


def _one_person(resolver: ActorResolver, name: list[str], initial: str, day: dt.date | None) -> ActorRef | None:
    people = {p.code for p in resolver.gazetteer.patterns_at(name, 0)
              if p.how == "person" and len(p.tokens) == len(name) and p.valid_on(day)}
    if people:
        return resolver.ref(people.pop(), day) if len(people) == 1 else None
    if resolver.kb is None:
        return None
    kb = resolver.kb.kb
    numbers = [n for n in kb.lookup(name) if kb.kind(n) == "person"]
    if len(numbers) != 1 or _other_initial(kb.entry(numbers[0]).name, initial):
        return None
    return resolver.kb_ref(numbers[0], day)


def _other_initial(name: str, initial: str) -> bool:
    """The entry's own name has a middle initial, and not this one."""
    middle = [w for w in name.split()[1:-1] if _INITIAL.fullmatch(w)]
    return bool(middle) and all(w[0] != initial for w in middle)


def _is_name_word(word: str) -> bool:
    return len(word) > 1 and word[0].isupper() and word.isalpha() and not word.isupper()
