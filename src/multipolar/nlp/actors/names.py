"""The curated gazetteer's names in a document: the longest name at each word, unless the words around it
make it something else (a place, "the Sea of Japan"; a longer name, "the Panama Papers"; a stance,
"pro-Palestinian"), states' names misspelt by one letter, and a name two states share decided by the document."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cache, lru_cache
from importlib import resources

from spacy.tokens import Doc

from multipolar.coding.gazetteer import STATE_KINDS, Gazetteer, NamePattern
from multipolar.nlp.actors.clauses import after_stance
from multipolar.nlp.actors.kb_names import SHORT_TEXT, acronyms_in_brackets, person_span_longer
from multipolar.nlp.actors.spelling import one_edit
from multipolar.nlp.spans import ActorMention, ActorRef


@cache
def word_list(name: str) -> frozenset[str]:
    """A word list of data/gazetteer, one entry a line, '#' comments."""
    text = resources.files("multipolar").joinpath(f"data/gazetteer/{name}").read_text(encoding="utf-8")
    return frozenset(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


def _geography() -> frozenset[str]:
    return word_list("geography.txt")


@lru_cache(maxsize=1)
def not_actors() -> frozenset[str]:
    """Names (lower case) that look like actors and are none: places, events and the like."""
    return frozenset(w.lower() for w in word_list("not_actors.txt"))


_SAME_THING = frozenset({"state", "province", "region", "city", "county", "district", "governorate", "oblast",
                         "society", "movement", "organization", "organisation"})
"""Words that go on a name without making it another thing ("Kano State", "Red Crescent Society")."""
_WATERS = frozenset({"sea", "ocean", "gulf", "bay", "strait", "straits", "channel"})
"""Last words of the names of open waters, which border several states (a canal, a river or a lake the knowledge
base holds is most often one state's: "the Suez Canal")."""
_ADJECTIVE_ENDINGS = ("n", "an", "ian", "ese", "i", "ic")
"""Endings that make a place's adjective of its name ("Siberia" -> "Siberian", "Bengal" -> "Bengali")."""


class GazetteerNames:
    """The gazetteer pass of the resolver; `ref` makes an actor of a code as it stands on a day."""

    def __init__(self, gazetteer: Gazetteer, ref: Callable[[str, dt.date | None], ActorRef]) -> None:
        self.gazetteer = gazetteer
        self.ref = ref
        self._spellings: dict[int, list[tuple[str, str]]] | None = None

    def mentions(self, doc: Doc, words: list[str], day: dt.date | None) -> list[ActorMention]:
        found: list[ActorMention] = []
        i = 0
        while i < len(words):
            pattern = self._best_pattern(doc, words, i, day)
            if pattern is None:
                i += 1
                continue
            end = i + len(pattern.tokens)
            ref = self.ref(pattern.code, day)
            if pattern.how in ("capital", "metonym") and ref.kind == "state":
                ref = ref.with_role("GOV")
            found.append(ActorMention(i, end, (ref,), pattern.how))
            i = end
        return found

    def _best_pattern(self, doc: Doc, words: list[str], i: int, day: dt.date | None) -> NamePattern | None:
        capitalised = words[i][:1].isupper() or words[i][:1].isdigit()
        for pattern in self.gazetteer.patterns_at(words, i):
            if pattern.code not in self.gazetteer.actors or not pattern.valid_on(day):
                continue
            if not capitalised and not pattern.tokens[0][:1].islower():
                continue
            end = i + len(pattern.tokens)
            if self.is_place(doc, words, i, end) or self._inside_other_name(doc, i, end, pattern) or \
                    self._tail_of_longer_name(doc, words, i, pattern) or self._head_of_other_name(doc, words, i, end,
                                                                                                 pattern):
                continue
            if after_stance(words, i) and pattern.how in ("name", "region", "adjective"):
                continue  # "pro-Palestinian demonstrators", "an anti-Syria journalist": a stance, not the state's
            if self._spelt_out_as_another(doc, words, i, pattern):
                continue  # "the Municipality Association (AKK)": not Annegret Kramp-Karrenbauer
            if pattern.how == "adjective" and (not self._combines(words, i, end) or
                                               (i > 0 and words[i - 1].lower() == "ethnic") or
                                               self._part_of_state(words, end, pattern)):
                continue  # "ethnic Armenian authorities" are not Armenia's; "Western Cambodia" is not the West
            if pattern.how == "person" and len(pattern.tokens) == 1 and self._followed_by_other_name(doc, words, end):
                continue  # "Boris Yeltsin" is not Boris Johnson: a short name followed by another name
            return pattern
        return None

    def _spelt_out_as_another(self, doc: Doc, words: list[str], i: int, pattern: NamePattern) -> bool:
        """An acronym the document writes in brackets after a name that is not this actor's (one of its names
        within the words before the bracket: "the Islamic State of Iraq and Syria (ISIS)" is ISIS)."""
        if len(pattern.tokens) != 1 or not pattern.case_sensitive[0]:
            return False
        brackets = acronyms_in_brackets(doc).get(words[i])
        if not brackets:
            return False
        return not any(p.code == pattern.code for b in brackets for k in range(max(0, b - 12), b)
                       for p in self.gazetteer.patterns_at(words, k) if k + len(p.tokens) <= b)

    def _part_of_state(self, words: list[str], end: int, pattern: NamePattern) -> bool:
        """A bloc's adjective before a state's name ("Western Cambodia") names a part of that state."""
        return self.gazetteer.actors[pattern.code].kind == "bloc" and any(
            self.gazetteer.actors.get(p.code) is not None and self.gazetteer.actors[p.code].kind in STATE_KINDS
            for p in self.gazetteer.patterns_at(words, end))

    def _followed_by_other_name(self, doc: Doc, words: list[str], end: int) -> bool:
        return end < len(words) and words[end][:1].isupper() and doc[end].pos_ == "PROPN" and \
            not self.gazetteer.patterns_at(words, end)

    def _combines(self, words: list[str], start: int, end: int) -> bool:
        """A combining form ("Sino", "Indo") stands for a state only joined to another one ("Sino-Russian")."""
        hyphen = end < len(words) and words[end] == "-"
        if not hyphen:
            return not words[end - 1].lower().endswith("o")
        return (end + 1 < len(words) and bool(self.gazetteer.patterns_at(words, end + 1))) or \
            not words[end - 1].lower().endswith("o")

    def is_place(self, doc: Doc, words: list[str], start: int, end: int) -> bool:
        geography = _geography()
        if end < len(words) and words[end].lower() in geography:
            return True
        if start >= 2 and words[start - 1].lower() == "of" and words[start - 2].lower() in geography and \
                words[start - 2].lower() != "region":
            return True  # "the Sea of Japan"; but "the Essequibo region of Guyana" is Guyana's
        name = " ".join(words[start:end]).lower()
        if start >= 2 and words[start - 1] == "," and words[start - 2][:1].isupper() and \
                doc[start - 2].ent_type_ != "PERSON" and \
                " ".join(words[start:end]) in word_list("homonyms.txt") and \
                not self.gazetteer.patterns_at(words, start - 2):
            return True
        with_next = f"{name} {words[end].lower()}" if end < len(words) else name
        with_previous = f"{words[start - 1].lower()} {name}" if start > 0 else name
        hyphenated = f"{name}-{words[end + 1].lower()}" if end + 1 < len(words) and words[end] == "-" else name
        return bool({name, with_next, with_previous, hyphenated} & not_actors())

    def _tail_of_longer_name(self, doc: Doc, words: list[str], start: int, pattern: NamePattern) -> bool:
        """"Security Council" inside "National Security Council" is not the UN's."""
        info = self.gazetteer.actors[pattern.code]
        if info.kind in STATE_KINDS or info.kind == "person" or start == 0:
            return False
        previous = doc[start - 1]
        if previous.lower_ == "the":
            return False  # "{The Security Council ...": an article the tagger took into the name
        return previous.text[:1].isupper() and not previous.is_sent_start and previous.ent_iob_ in ("B", "I") \
            and doc[start].ent_iob_ == "I" and not self.gazetteer.patterns_at(words, start - 1) \
            and self.gazetteer.agent_at(words, start - 1) is None

    def _head_of_other_name(self, doc: Doc, words: list[str], start: int, end: int, pattern: NamePattern) -> bool:
        """"the Panama Papers", "the OSCE Minsk Group": a state's name that begins a longer named thing (the
        entity goes on with a capitalised word that is no name or sector word of ours) is not the state."""
        if self.gazetteer.actors[pattern.code].kind in ("igo", "bloc") and doc[start].ent_type_ == "ORG":
            return False  # "the United Nations Emergency Relief Coordinator": a body or office of the UN
        return pattern.how in ("name", "region", "capital", "metonym") and \
            self.heads_longer_name(doc, words, start, end)

    def heads_longer_name(self, doc: Doc, words: list[str], start: int, end: int) -> bool:
        if end >= len(doc) or doc[end].ent_iob_ != "I":
            return False
        if doc[start].ent_type_ not in ("ORG", "EVENT", "WORK_OF_ART", "LAW", "FAC", "PRODUCT"):
            return False
        following = words[end]
        if following.lower() in _SAME_THING:
            return False
        return following[:1].isupper() and following.isalpha() and not self.gazetteer.patterns_at(words, end) and \
            self.gazetteer.agent_at(words, end, qualified=True) is None

    @staticmethod
    def _inside_other_name(doc: Doc, start: int, end: int, pattern: NamePattern) -> bool:
        """A country name inside a longer person's name ("Michael Jordan") is not the country."""
        if pattern.how in ("person", "petrarch") or doc[start].ent_type_ != "PERSON":
            return False
        return person_span_longer(doc, start, end)

    def misspelt_states(self, doc: Doc, words: list[str], mentions: list[ActorMention],
                         day: dt.date | None) -> list[ActorMention]:
        """A state's name or demonym misspelt by one letter ("Kazahks"), where the tagger sees a place or a
        people and nothing else matched: the one state within one edit (a swap, a letter more or less)."""
        covered = {k for m in mentions for k in range(m.start, m.end)}
        found = []
        labels = ("GPE", "NORP", "PERSON") if len(doc) <= SHORT_TEXT else ("GPE", "NORP")  # a bare word: any tag
        for ent in doc.ents:
            if ent.label_ not in labels or len(ent) != 1 or ent.start in covered or len(ent.text) < 6 or \
                    self.gazetteer.patterns_at(words, ent.start):
                continue  # a name we know, set aside on purpose ("Atlanta, Georgia", "ethnic Armenian")
            written = ent.text.lower()
            codes = {code for size in (len(written) - 1, len(written), len(written) + 1)
                     for word, code in self._state_words().get(size, ()) if one_edit(written, word)}
            if len(codes) == 1 and not self._adjective_of_place(ent.text):
                found.append(ActorMention(ent.start, ent.end, (self.ref(codes.pop(), day),), "misspelt"))
        return found

    @staticmethod
    def water_named(words: list[str], start: int, end: int) -> bool:
        """"in the Red Sea": a name the knowledge base holds for a region (Sudan's Red Sea state) written as
        a sea's, with "the" and no word such as "state" after it, is the sea, no one's."""
        return start > 0 and words[start - 1].lower() == "the" and words[end - 1].lower() in _WATERS and \
            not (end < len(words) and words[end].lower() in _SAME_THING)

    def _adjective_of_place(self, word: str) -> bool:
        """"Siberian" is Siberia's, not a misspelt "Liberian": a word that is a known place's name with an
        adjective's ending is that place's adjective. Only a region's: a town's name ("Columbia") makes no common
        adjective, so "Columbian" stays a misspelt "Colombian"."""
        kb = self.gazetteer.kb
        if kb is None:
            return False
        stems = {word[: -len(end)] for end in _ADJECTIVE_ENDINGS if word.endswith(end) and len(word) > len(end) + 3}
        return any(kb.kind(n) == "place" and kb.entry(n).category != "city" for stem in stems
                   for n in kb.lookup([stem]))

    def _state_words(self) -> dict[int, list[tuple[str, str]]]:
        """(word, state code) of the states' one-word names and adjectives, by the word's length: a word is
        one edit from another only if their lengths differ by one at most, so each is compared with few."""
        if self._spellings is None:
            self._spellings = {}
            for word, code in sorted({(p.tokens[0].lower(), p.code) for bucket in self.gazetteer._patterns.values()
                                      for p in bucket if len(p.tokens) == 1 and p.how in ("name", "adjective")
                                      and len(p.tokens[0]) >= 5 and p.code in self.gazetteer.actors
                                      and self.gazetteer.actors[p.code].kind in STATE_KINDS}):
                self._spellings.setdefault(len(word), []).append((word, code))
        return self._spellings

    def shared_state_names(self, words: list[str], mentions: list[ActorMention],
                            day: dt.date | None) -> list[ActorMention]:
        """A name two states share ("Congo", "Congolese") is the one of them the document otherwise names
        (Brazzaville, Tshisekedi); else it keeps the table's first state."""
        shared = self.gazetteer.state_homonyms
        found = [m for m in mentions if m.how in ("name", "adjective") and m.end - m.start == 1
                 and words[m.start].lower() in shared]
        if not found:
            return mentions
        named = {ref.state_code for m in mentions if m not in found for ref in m.actors}
        result = []
        for mention in mentions:
            states = [c for c in shared.get(words[mention.start].lower(), ()) if c in named] if mention in found else []
            if len(states) == 1 and states[0] != mention.actors[0].code:
                mention = ActorMention(mention.start, mention.end, (self.ref(states[0], day),), mention.how)
            result.append(mention)
        return result
