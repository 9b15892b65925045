"""Exact, memoised stand-ins for the model's attribute ruler and rule lemmatizer.

Profiling `multipolar.process` showed these two spaCy components at about a quarter of bare spaCy's time:
the attribute ruler runs a Matcher of some 180 patterns over every token, and the lemmatizer visits every
token in Python. What they assign depends only on a few attributes of the token itself (and, for the
ruler's few two-token patterns, of its neighbour), so each answer is kept by those attributes and reused:
the same annotations, computed once per kind of token instead of once per token.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.lookups import Lookups, Table
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

_READ = {"TAG", "LOWER", "DEP", "IS_SPACE"}
"""The token attributes the ruler's patterns may read for the memo to stay exact."""


class CachedAttributeRuler:
    """The attribute ruler's annotations, with what its one-token patterns assign kept per kind of token (its
    lower-case form if a pattern names it, tag, dependency, whether it is space); its few longer patterns
    still go through a Matcher."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        self.single: list[tuple[int, dict[str, Any]]] = []
        self.multi = Matcher(ruler.vocab)
        self.lowers: set[str] = set()
        self.lower_patterns: list[str] = []
        self.openers: list[dict[str, Any]] = []
        self.longest = 0
        for attr_id, patterns in enumerate(_patterns(ruler)):
            for pattern in patterns:
                for token in pattern:
                    self._check(token)
                if len(pattern) == 1:
                    self.single.append((attr_id, pattern[0]))
                else:
                    self.multi.add(str(attr_id), [pattern])
                    self.openers.append(pattern[0])
                    self.longest = max(self.longest, len(pattern))
        if not all(isinstance(attr, int) for attrs in ruler.attrs for attr in attrs):
            raise ValueError("the attribute ruler sets extension attributes: cannot memoise it")
        self.kept_lower: dict[int, int] = {}
        self.memo: dict[tuple[int, ...], tuple[int, ...]] = {}
        self.assigned = sorted({attr for attrs in ruler.attrs for attr in attrs})
        """The token attributes the rules set (as ids), the columns `_assign_alone` writes."""
        self.merged: dict[tuple[int, ...], tuple[tuple[int, int], ...]] = {}
        self.opens: dict[tuple[int, ...], bool] = {}
        """Per key, whether a token of it can begin one of the longer patterns (all of fixed length)."""

    def _check(self, token: dict[str, Any]) -> None:
        """Refuse a pattern whose outcome the key would not decide (the loader then keeps the ruler)."""
        if not set(token) <= _READ:
            raise ValueError(f"the attribute ruler reads {sorted(set(token) - _READ)}: cannot memoise it")
        for value in token.values():
            if isinstance(value, dict) and not set(value) <= {"IN", "NOT_IN", "REGEX"}:
                raise ValueError(f"the attribute ruler uses {sorted(value)}: cannot memoise it")
        value = token.get("LOWER")
        if isinstance(value, str):
            self.lowers.add(value)
        elif isinstance(value, dict):
            self.lowers.update(value.get("IN", []), value.get("NOT_IN", []))
            if "REGEX" in value:
                self.lower_patterns.append(value["REGEX"])

    def _lower_key(self, lower: int, strings: Any) -> int:
        """The word itself if a pattern can tell it from others, else 0."""
        kept = self.kept_lower.get(lower)
        if kept is None:
            text = strings[lower]
            named = text in self.lowers or any(re.search(p, text) for p in self.lower_patterns)
            kept = self.kept_lower[lower] = lower if named else 0
        return kept

    def __call__(self, doc: Doc) -> Doc:
        strings = doc.vocab.strings
        targets: list[tuple[int, ...]] = []
        openers: list[int] = []
        for i, (lower, tag, dep, space) in enumerate(doc.to_array([LOWER, TAG, DEP, IS_SPACE]).tolist()):
            key = (self._lower_key(lower, strings), tag, dep, space)
            found = self.memo.get(key)
            if found is None:
                found = self.memo[key] = self._alone(key, strings)
                self.opens[key] = self._opens(key, strings)
            targets.append(found)
            if self.opens[key]:
                openers.append(i)
        longer: dict[int, list[int]] = {}
        matches = {(match_id, i + start, i + end) for i in openers  # a longer pattern only where one can begin
                   for match_id, start, end in self.multi(doc[i : i + self.longest], allow_missing=True)}
        for match_id, start, end in sorted(matches, key=lambda m: (m[1], m[2], m[0])):
            attr_id = int(strings[match_id])
            longer.setdefault(range(start, end)[self.ruler.indices[attr_id]], []).append(attr_id)
        self._assign_alone(doc, targets, longer)
        for i, attr_ids in longer.items():  # a token a longer pattern matched: every rule of it, in order
            token = doc[i]
            for attr_id in sorted({*attr_ids, *targets[i]}):  # later rules win, as in the ruler
                set_token_attrs(token, self.ruler.attrs[attr_id])
        return doc

    def _assign_alone(self, doc: Doc, targets: list[tuple[int, ...]], skipped: dict[int, list[int]]) -> None:
        """What the one-token rules give each token (but those in `skipped`), written at once: one array
        per attribute the rules set, instead of one token at a time."""
        values = doc.to_array(self.assigned)
        for i, attr_ids in enumerate(targets):
            if attr_ids and i not in skipped:
                for column, value in self._merged(attr_ids):
                    values[i, column] = value
        doc.from_array(self.assigned, values)  # type: ignore[arg-type]

    def _merged(self, attr_ids: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
        """(column, value) of what these rules set together, later rules winning."""
        kept = self.merged.get(attr_ids)
        if kept is None:
            final: dict[int, int] = {}
            for attr_id in attr_ids:
                final.update(self.ruler.attrs[attr_id])
            kept = self.merged[attr_ids] = tuple((self.assigned.index(a), v) for a, v in final.items())
        return kept

    def _opens(self, key: tuple[int, ...], strings: Any) -> bool:
        values = _values(key, strings)
        return any(all(_satisfies(values[name], wanted) for name, wanted in token.items()) for token in self.openers)

    def _alone(self, key: tuple[int, ...], strings: Any) -> tuple[int, ...]:
        """The rules whose one-token patterns a token of this key matches, in order."""
        values = _values(key, strings)
        return tuple(sorted({attr_id for attr_id, token in self.single
                             if all(_satisfies(values[name], wanted) for name, wanted in token.items())}))


def _values(key: tuple[int, ...], strings: Any) -> dict[str, Any]:
    """The attributes a pattern may read, of a token of this key (a word no pattern names is None)."""
    lower, tag, dep, space = key
    return {"LOWER": strings[lower] if lower else None, "TAG": strings[tag], "DEP": strings[dep],
            "IS_SPACE": bool(space)}


def _satisfies(value: Any, wanted: Any) -> bool:
    """A Matcher's test of one attribute: equal, IN, NOT_IN or REGEX (a word no pattern names is None)."""
    if not isinstance(wanted, dict):
        return bool(value == wanted)
    for operator, argument in wanted.items():
        if (operator == "IN" and value not in argument) or (operator == "NOT_IN" and value in argument):
            return False
        if operator == "REGEX" and (value is None or re.search(argument, value) is None):
            return False
    return True


def _patterns(ruler: AttributeRuler) -> list[list[list[dict[str, Any]]]]:
    """The ruler's token patterns of each rule (its Matcher keeps rule n under the key "n")."""
    return [[list(p) for p in ruler.matcher.get(str(number))[1]] for number in range(len(ruler.attrs))]


class CachedLemmatizer:
    """The rule lemmatizer's lemmas, kept per (word, part of speech, morphology): all the rules read."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        if lemmatizer.mode != "rule":
            raise ValueError(f"only the rule lemmatizer can be memoised, not {lemmatizer.mode!r}")
        lemmatizer.lookups = with_index_sets(lemmatizer.lookups)
        self.lemmatizer = lemmatizer
        self.memo: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        overwrite = self.lemmatizer.overwrite
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if overwrite or lemma == 0:
                key = (orth, pos, morph)
                found = self.memo.get(key)
                if found is None:
                    found = self.memo[key] = doc.vocab.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
                lemmas[i] = found
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))  # type: ignore[arg-type]
        return doc


def with_index_sets(lookups: Lookups) -> Lookups:
    """The lemmatizer's tables with each part of speech's known words (`lemma_index`) as a set.

    The rule lemmatizer asks whether each form its suffix rules make is a known word, and the tables keep
    those words as lists of up to 57,528 (the nouns): a scan per rule, some 0.2 ms a word it had not met,
    over a tenth of bare spaCy's time. Only membership is asked, so a set answers alike."""
    faster = Lookups()
    for name in lookups.tables:
        table = lookups.get_table(name)
        if name == "lemma_index":
            table = Table(name, {key: frozenset(words) for key, words in table.items()})
        faster.set_table(name, table)
    return faster


@Language.factory("multipolar_cached_tagging", default_config={"original": "attribute_ruler"})
def make_cached_tagging(nlp: Language, name: str, original: str) -> Any:
    """The memoised stand-in for the pipeline's component `original` (an attribute ruler or a rule lemmatizer)."""
    component = nlp.get_pipe(original)
    if isinstance(component, AttributeRuler):
        return CachedAttributeRuler(component)
    if isinstance(component, Lemmatizer):
        return CachedLemmatizer(component)
    raise ValueError(f"{original} is neither an attribute ruler nor a lemmatizer")


def use_cached_tagging(nlp: Language) -> Language:
    """Run the model's attribute ruler and rule lemmatizer through their memoised stand-ins, in place and
    under the same names; a pipeline without them (or with ones the memo cannot stand in for exactly) is
    left as it is."""
    for name, kind in (("attribute_ruler", AttributeRuler), ("lemmatizer", Lemmatizer)):
        original = nlp.get_pipe(name) if name in nlp.pipe_names else None
        if not isinstance(original, kind) or (isinstance(original, Lemmatizer) and original.mode != "rule"):
            continue
        try:
            nlp.add_pipe("multipolar_cached_tagging", name=f"cached_{name}", after=name, config={"original": name})
        except ValueError:  # a rule whose outcome more than the token's key decides: keep spaCy's
            continue
        nlp.remove_pipe(name)
        nlp.rename_pipe(f"cached_{name}", name)
    return nlp
