"""The learned event coder: a classifier over (sentence, actor pair) for the pairs the rules leave uncoded.

The rule coder (`multipolar_events`) codes an event where one of its verb or noun patterns links two
actors. Prose reaches further than any list of patterns ("France is ready to contribute 4,000 troops to a
force in Liberia", "the ongoing work by the United States to deliver assistance to Ukraine"), so for two
actors of one sentence that the rules leave unlinked, this component asks a linear model whether the
sentence codes an event from one to the other, and of which PLOVER type. Its features come from the parse
spaCy already made (the dependency path between the two actors, the words on it, the sentence's verbs
and nouns), so it adds no model run; it looks only at sentences with two actors and no rule event
between them, and only at pairs joined by a word the codebook knows (`names_an_act`). The weights are a
data file inside the package, built by `tools/train_events.py`.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Span, Token

from multipolar.coding.tables import Pattern, load_tables
from multipolar.errors import DataFileError
from multipolar.nlp.events.coder import CodedEvent, coded_pairs
from multipolar.nlp.events.flags import FlagReader
from multipolar.nlp.events.frames import governing_frame
from multipolar.nlp.spans import ActorMention, ActorRef

MODEL_DIR = "data/models"
DETECTOR_FILE = "event_pairs_detect.tsv.gz"
"""Does the sentence code an event from one actor of the pair to the other? (labels NONE, EVENT)"""
TYPER_FILE = "event_pairs_types.tsv.gz"
"""If it does, of which PLOVER type? (the 16 types)"""
NO_EVENT = "NONE"
EVENT = "EVENT"
MAX_PATH = 8
"""Actors further apart than this in the parse tree are not offered to the model: what links them is
rarely one event, and long paths are what it learns least about."""
CONFIDENCE_SCALE = 0.8
"""An event's confidence is the model's probability times this, the rule coder's own confidence."""
_TYPE_CODES = {
    "AGREE": "030", "CONSULT": "040", "SUPPORT": "050", "CONCEDE": "080", "COOPERATE": "060", "AID": "070",
    "RETREAT": "084", "REQUEST": "020", "ACCUSE": "112", "REJECT": "120", "THREATEN": "130", "PROTEST": "140",
    "SANCTION": "160", "MOBILIZE": "150", "COERCE": "170", "ASSAULT": "190",
}
"""The CAMEO code a proposed event gets: the root of its type (the model names the type, not the code)."""
_PROMISED_AS_AGREE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
_WORD_POS = frozenset({"VERB", "NOUN", "ADJ"})
_NOT_DONE = frozenset({"request", "refuse", "threaten", "consider", "allege", "undo"})
_ACTING = frozenset({"nsubj^", "self", "conj^", "poss^", "amod^", "nmod^", "prep:by^", "prep:of^", "prep:from^",
                     "agent:by^", "pobj^"})
"""How a source may hang on the word that joins it to the target (see `_can_act_on`)."""


@dataclass(frozen=True)
class PairModel:
    """A multinomial logistic regression over binary features: one weight row per feature, one column per label."""

    name: str
    labels: tuple[str, ...]
    rows: dict[str, int]
    weights: np.ndarray
    bias: np.ndarray

    def probabilities(self, features: Iterable[str]) -> np.ndarray:
        found = [self.rows[f] for f in features if f in self.rows]
        scores = self.bias + (self.weights[found].sum(axis=0) if found else 0.0)
        scores = np.exp(scores - scores.max())
        result: np.ndarray = scores / scores.sum()
        return result

    def dump(self, notes: tuple[str, ...] = ()) -> bytes:
        """The model as gzipped TSV: `#` lines naming the model (then `notes`: its sources), a header of
        labels, the bias, one line per feature.

        Weights are rounded to 4 decimals and the gzip header carries no time, so the same model gives the
        same bytes."""
        lines = [f"# {self.name}", *(f"# {note}" for note in notes), "\t".join(["feature", *self.labels]),
                 _row("@bias", self.bias)]
        lines += [_row(feature, self.weights[row]) for feature, row in sorted(self.rows.items())]
        return gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), compresslevel=9, mtime=0)

    @classmethod
    def parse(cls, data: bytes, where: str) -> PairModel:
        try:
            lines = gzip.decompress(data).decode("utf-8").splitlines()
            name = lines[0].removeprefix("# ").strip()
            lines = [line for line in lines if not line.startswith("#")]
            labels = tuple(lines[0].split("\t")[1:])
            bias = np.array([float(v) for v in lines[1].split("\t")[1:]], dtype=np.float32)
            rows: dict[str, int] = {}
            values: list[list[float]] = []
            for line in lines[2:]:
                feature, *weights = line.split("\t")
                rows[feature] = len(values)
                values.append([float(v) for v in weights])
        except (OSError, EOFError, UnicodeDecodeError, IndexError, ValueError) as exc:
            raise DataFileError(f"{where} is not a pair model ({exc})") from exc
        matrix = np.array(values, dtype=np.float32).reshape(len(values), len(labels))
        if len(bias) != len(labels):
            raise DataFileError(f"{where}: the bias has {len(bias)} values for {len(labels)} labels")
        return cls(name, labels, rows, matrix, bias)


def _row(feature: str, values: np.ndarray) -> str:
    return "\t".join([feature, *(f"{v:.4f}".rstrip("0").rstrip(".") or "0" for v in values.tolist())])


@dataclass(frozen=True)
class PairCoder:
    """Two models over the same features: whether a pair holds an event, and its type if it does.

    They are trained apart because their data differ: whether two actors of a sentence are linked by an
    event is learned from sentences where every pair is labelled, the type also from synthetic stories that
    label one event each and say nothing of the other pairs."""

    detector: PairModel
    typer: PairModel

    @property
    def name(self) -> str:
        return self.detector.name

    def predict(self, features: list[str]) -> tuple[str, float]:
        """The likeliest PLOVER type and the probability of an event of that type."""
        event = float(self.detector.probabilities(features)[self.detector.labels.index(EVENT)])
        types = self.typer.probabilities(features)
        best = int(types.argmax())
        return self.typer.labels[best], event * float(types[best])


@lru_cache(maxsize=2)
def load_models(folder: str | None = None) -> PairCoder:
    """The shipped models (or those in `folder`, for training and tests), read once."""
    models = []
    for name in (DETECTOR_FILE, TYPER_FILE):
        if folder is not None:
            models.append(PairModel.parse((Path(folder) / name).read_bytes(), name))
            continue
        try:
            data = resources.files("multipolar").joinpath(f"{MODEL_DIR}/{name}").read_bytes()
        except OSError as exc:
            raise DataFileError(f"the learned event coder's weights {name} are missing: run `make train`") from exc
        models.append(PairModel.parse(data, name))
    return PairCoder(*models)


# ---- candidate pairs and their features ------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """Two actor mentions of one sentence, in the order of a possible event: source first."""

    source: ActorMention
    target: ActorMention
    source_ref: ActorRef
    target_ref: ActorRef
    sentence: int
    path: tuple[Token, ...]
    """The tokens of the parse path from the source's head to the target's head, both included."""

    @property
    def trigger(self) -> Token:
        """The word the event hangs on: the highest verb or noun on the path, else the source's head."""
        verbs = [t for t in self.path if t.pos_ in ("VERB", "AUX") and t.dep_ != "aux"]
        nouns = [t for t in self.path[1:-1] if t.pos_ == "NOUN"]
        ranked = sorted(verbs or nouns or [self.path[0]], key=lambda t: _depth(t))
        return ranked[0]


def _depth(token: Token) -> int:
    return sum(1 for _ in token.ancestors)


def candidates(doc: Doc, sentence: Span, index: int, mentions: list[ActorMention]) -> Iterator[Candidate]:
    """Every ordered pair of mentions of different states in the sentence, close enough in the parse."""
    for source in mentions:
        for target in mentions:
            if source is target:
                continue
            path = parse_path(doc[source.start : source.end].root, doc[target.start : target.end].root)
            if path is None or len(path) > MAX_PATH + 1 or not _can_act_on(path):
                continue
            pairs = [(s, t) for s in source.actors for t in target.actors
                     if s.state_code != t.state_code and _placed(s) and _placed(t)]
            found = [Candidate(source, target, s, t, index, path) for s, t in pairs]
            if found and not _asked_or_refused(found[0].trigger):
                yield from found


def names_an_act(candidate: Candidate) -> bool:
    """The word the pair hangs on is one the codebook knows (a verb or noun of the rule coder's tables,
    whether or not a rule fired on it) and lies outside both actors' names. Measured on the dev sets, pairs
    hanging on "said", "is", "told" or on a word of a name ("the United States and Japan", "Croatian
    extremists") were mostly no event. Only asked of the component: the model still learns from such pairs."""
    trigger = candidate.trigger
    for mention in (candidate.source, candidate.target):
        if mention.start <= trigger.i < mention.end:
            return False
    return bool(lexicon_types(trigger.lemma_.lower()))


def _asked_or_refused(word: Token) -> bool:
    """An act asked for, refused, threatened, considered, alleged or undone ("urged Libya to hand over",
    "Libya must hand over", "refused to withdraw") did not happen: the rules code the frame itself, never
    what it governs."""
    frame = governing_frame(word)
    if frame is not None and frame.kind in _NOT_DONE:
        return True
    return any(c.dep_ == "aux" and c.text.lower() in ("must", "should") for c in word.children)


def _placed(ref: ActorRef) -> bool:
    """A state or organisation, or a person or body we know the country of: events are coded between those."""
    return ref.kind not in ("person", "organization") or ref.country is not None


def _can_act_on(path: tuple[Token, ...]) -> bool:
    """The source hangs on the joining word as one who acts (its subject, a possessor or adjective of an
    event noun, a conjunct, a "by" phrase) and the target not as its subject: measured on our labelled
    pairs, a source that is the object of the joining verb, a clause below it, or "to X", "for X", "with X"
    almost never acts on the target, and a target that is the verb's subject is the one acting."""
    _, source_in, target_in = attachments(path)
    return source_in in _ACTING and target_in != "nsubj_"


def parse_path(start: Token, end: Token) -> tuple[Token, ...] | None:
    """Tokens from `start` up to the lowest common head and down to `end`; None across sentences."""
    upward = [start, *start.ancestors]
    position = {t.i: k for k, t in enumerate(upward)}
    downward: list[Token] = []
    node = end
    while node.i not in position:
        downward.append(node)
        if node.head.i == node.i:
            return None
        node = node.head
    return (*upward[: position[node.i] + 1], *reversed(downward))


def pair_features(doc: Doc, candidate: Candidate) -> list[str]:
    """What the model sees of a pair: the path between them, how each attaches, the sentence's words."""
    path = candidate.path
    top, source_in, target_in = attachments(path)
    source, target = path[0], path[-1]
    steps = _steps(path, top)
    features = ["bias", f"top={top.lemma_.lower()}", f"top_pos={top.pos_}",
                f"top_up={top.dep_}>{top.head.lemma_.lower()}", f"len={min(len(path), 6)}"]
    features.append(f"path={' '.join(steps)}" if len(steps) <= 4 else "path=long")
    features.append(f"path_top={' '.join(steps[:2])}|{top.lemma_.lower()}|{' '.join(steps[-2:])}")
    features += [f"s_in={source_in}", f"t_in={target_in}", f"in={source_in}|{target_in}",
                 f"s_in_top={source_in}|{top.lemma_.lower()}", f"t_in_top={target_in}|{top.lemma_.lower()}"]
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in top.children) and source_in not in ("nsubj^", "self"):
        features.append("other_subject")
    features += [f"on={t.lemma_.lower()}" for t in path[1:-1] if t.pos_ in (*_WORD_POS, "ADP")]
    # what the rule coder's own tables say these words code, whether or not a rule fired
    features += [f"lex_top={plover}" for plover in lexicon_types(top.lemma_.lower())]
    features += [f"lex={plover}" for t in path[1:-1] if t is not top for plover in lexicon_types(t.lemma_.lower())]
    features += [f"lex_obj={plover}" for c in top.children if c.dep_ in ("dobj", "xcomp", "attr")
                 for plover in lexicon_types(c.lemma_.lower())]
    for side, token in (("s", source), ("t", target)):
        features += [f"{side}_dep={token.dep_}", f"{side}_head={token.dep_}>{token.head.lemma_.lower()}"]
    features += [f"s_kind={candidate.source_ref.kind}", f"t_kind={candidate.target_ref.kind}",
                 f"s_how={candidate.source.how}", f"t_how={candidate.target.how}",
                 "order=st" if candidate.source.start < candidate.target.start else "order=ts"]
    gap = doc[candidate.source.end : candidate.target.start]
    if 0 < len(gap) <= 3:
        features.append(f"gap={' '.join(t.text.lower() for t in gap)}")
    features += [f"aux={c.text.lower()}" for c in top.children if c.dep_ in ("aux", "neg", "mark")]
    features += rule_context(doc, candidate, top)
    sentence = source.sent
    features += sorted({f"w={t.lemma_.lower()}" for t in sentence if t.pos_ in _WORD_POS})
    return features


def rule_context(doc: Doc, candidate: Candidate, top: Token) -> list[str]:
    """What the rules already coded in the sentence around the pair: a second target of an event the rules
    coded once ("sanctioned Russia over Ukraine"), or a pair the sentence links only through an event of
    others, is seldom an event of its own."""
    events = [e for e in doc._.mp_events or [] if e.sentence == candidate.sentence and e.recipient]
    if not events:
        return ["rules=none"]
    source, target = candidate.source_ref.state_code, candidate.target_ref.state_code
    on_path = {t.i for t in candidate.path}
    above = {t.i for t in top.ancestors}
    features = []
    for event in events:
        roles = (event.source.state_code, event.target.state_code)
        if source in roles:
            features.append(f"rule_s={'src' if source == roles[0] else 'tgt'}")
        if target in roles:
            features.append(f"rule_t={'src' if target == roles[0] else 'tgt'}")
        if event.trigger in on_path:
            features.append("rule_on_path")
        elif event.trigger in above:
            features.append("rule_above")
        if source == roles[0] and target != roles[1]:
            features.append(f"rule_same_source|t_in={attachments(candidate.path)[2]}")
    return sorted(set(features)) or ["rules=elsewhere"]


@lru_cache(maxsize=20_000)
def lexicon_types(lemma: str) -> tuple[str, ...]:
    """The PLOVER types the rule coder's verb and noun tables give a word (`data/coding/verbs.tsv`, `nouns.tsv`)."""
    tables = load_tables()
    found: set[str] = set()
    for pattern in (*tables.verbs.get(lemma, ()), *tables.nouns.get(lemma, ())):
        plover = pattern.plover
        if not plover and pattern.cameo not in ("", "@"):
            try:
                plover = tables.code(pattern.cameo).plover
            except KeyError:
                continue
        if plover:
            found.add(plover)
    return tuple(sorted(found))


def attachments(path: tuple[Token, ...]) -> tuple[Token, str, str]:
    """The word that joins the two sides, and how each side hangs on it ("nsubj^", "prep:to_", "self" when
    the side is that word): the subject acts, an object or a preposition receives."""
    top = min(path, key=_depth)
    steps = _steps(path, top)
    at = path.index(top)
    return top, steps[at - 1] if at > 0 else "self", steps[at] if at < len(path) - 1 else "self"


def _steps(path: tuple[Token, ...], top: Token) -> list[str]:
    at = path.index(top)
    return [_step(t, up=True) for t in path[:at]] + [_step(t, up=False) for t in path[at + 1 :]]


def _step(token: Token, up: bool) -> str:
    arrow = "^" if up else "_"
    label = f"{token.dep_}:{token.text.lower()}" if token.dep_ in ("prep", "agent", "dative") else token.dep_
    return label + arrow


# ---- the component ---------------------------------------------------------------------------------


class LearnedEventCoder:
    """The `multipolar_learned_events` component: proposes events for pairs the rule coder left uncoded."""

    def __init__(self, model: PairCoder, threshold: float) -> None:
        self.model = model
        self.threshold = threshold

    def __call__(self, doc: Doc) -> Doc:
        events: list[CodedEvent] = list(doc._.mp_events or [])
        proposed = list(self.proposals(doc))
        if proposed:
            doc._.mp_events = sorted([*events, *proposed], key=lambda e: (e.sentence, e.trigger))
        return doc

    def proposals(self, doc: Doc) -> Iterator[CodedEvent]:
        left = RuleGaps(doc)
        by_sentence = _mentions_by_sentence(doc)
        flags = None
        for index, sentence in enumerate(doc.sents):
            mentions = by_sentence.get(index, [])
            if not left.any_open(index, {ref.state_code for m in mentions for ref in m.actors}):
                continue  # one state, or every pair already coded: nothing to add here
            best: dict[tuple[str, str], tuple[float, str, Candidate]] = {}
            for candidate in candidates(doc, sentence, index, mentions):
                pair = (candidate.source_ref.state_code, candidate.target_ref.state_code)
                if not left.open(candidate) or not names_an_act(candidate):
                    continue
                label, probability = self.predict(doc, candidate)
                if probability >= self.threshold and probability > best.get(pair, (0.0,))[0]:
                    best[pair] = (probability, label, candidate)
            for probability, label, candidate in best.values():
                flags = flags or FlagReader(doc, doc._.mp_dates or [])
                trigger = candidate.trigger
                yield self._event(candidate, label, probability, flags.negated(trigger), flags.modality(trigger),
                                  flags.date(trigger, _no_anchor))

    def predict(self, doc: Doc, candidate: Candidate) -> tuple[str, float]:
        return self.model.predict(pair_features(doc, candidate))

    def _event(self, candidate: Candidate, plover: str, probability: float, negated: bool, modality: str,
               date: str | None) -> CodedEvent:
        if modality == "intended" and plover in _PROMISED_AS_AGREE:
            plover = "AGREE"  # as the rules read PLOVER: cooperation promised for the future is AGREE
        trigger = candidate.trigger
        code = _TYPE_CODES[plover]
        return CodedEvent(
            source=candidate.source_ref, target=candidate.target_ref,
            source_span=(candidate.source.start, candidate.source.end),
            target_span=(candidate.target.start, candidate.target.end), trigger=trigger.i,
            pattern=Pattern(trigger.lemma_.lower(), frozenset(), ("model",), code, plover, "", self.model.name),
            cameo=code,
            plover=plover, mode="", negated=negated, modality=modality, date=date, sentence=candidate.sentence,
            confidence=round(probability * CONFIDENCE_SCALE, 3), coder=self.model.name,
        )


class RuleGaps:
    """What the rule coder left open in a doc: pairs it linked are settled, and so is every word it coded
    an event on ("endorsed Morocco's plan for Western Sahara" is coded once, to Morocco, not again to the
    Sahara)."""

    def __init__(self, doc: Doc) -> None:
        events = doc._.mp_events or []
        self.linked = coded_pairs(doc)
        self.triggers = {event.trigger for event in events}
        self.received = {(e.sentence, e.target.state_code) for e in events if e.recipient}
        self.acted = {(e.sentence, e.source.state_code) for e in events}

    def any_open(self, sentence: int, states: set[str]) -> bool:
        """Whether two of these states in this sentence are still unlinked."""
        return any((sentence, a, b) not in self.linked for a in states for b in states if a != b)

    def open(self, candidate: Candidate) -> bool:
        """Not linked by the rules, not on a word they coded, and not two recipients of the rules' events
        ("supplied drones to Ethiopia and Somalia": Ethiopia does nothing to Somalia)."""
        sentence, source, target = candidate.sentence, candidate.source_ref.state_code, candidate.target_ref.state_code
        if (sentence, source, target) in self.linked or candidate.trigger.i in self.triggers:
            return False
        co_recipients = {(sentence, source), (sentence, target)} <= self.received
        return not co_recipients or (sentence, source) in self.acted


def _no_anchor(sentence: Span, stem: str) -> str | None:
    """Proposed events are not dated from an earlier event ("After the invasion, ..."): only the rules'
    events are known when the rules date theirs."""
    return None


def _mentions_by_sentence(doc: Doc) -> dict[int, list[ActorMention]]:
    starts = {sent.start: k for k, sent in enumerate(doc.sents)}
    index_of = {}
    current = 0
    for token in doc:
        current = starts.get(token.i, current)
        index_of[token.i] = current
    grouped: dict[int, list[ActorMention]] = {}
    for mention in doc._.mp_mentions or []:
        grouped.setdefault(index_of[mention.start], []).append(mention)
    return grouped
