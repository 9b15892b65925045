"""The event coder: a spaCy component that reads who did what to whom from the dependency parse.

For each verb with a pattern (see `coding_tables`), it finds the acting actors (subjects; the `by`
agent of a passive; the noun a relative clause hangs on), the target (object, dative or a preposition,
as the pattern says), then negation, modality and date. Light verbs ("conduct", "impose") take their
code from their object noun; event nouns ("the Russian invasion of Ukraine") code on their own.
Coordinated actors give one event per pair; coordinated subjects with no target give a symmetric pair.

Components that add events after this one (a learned coder) append `CodedEvent`s to `doc._.mp_events`
with `coder` set to the model's name and version (and a `Pattern` whose `id` is that name); to propose
events only where the rules found none, they skip the pairs in `coded_pairs(doc)`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from multipolar.actors import ActorMention, ActorRef
from multipolar.coding_tables import CodingTables, Pattern, load_tables
from multipolar.quotes import quoted_char_ranges
from multipolar.timeline import FoundDate

_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
_PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
_HYPOTHETICAL = frozenset({"could", "might", "may", "would", "should", "can"})
_FUTURE = frozenset({"will", "shall", "'ll"})
_INTENT_VERBS = frozenset({"commit", "plan", "intend", "pledge", "vow", "promise", "agree", "aim", "seek",
                           "want", "hope", "expect", "prepare", "decide", "threaten", "offer", "propose"})
_SAY_VERBS = frozenset({"say", "state", "claim", "tell", "report", "assert", "allege", "insist", "argue",
                        "believe", "think", "add", "note", "write", "suggest"})
_RECEIVER_VERBS = frozenset({"face", "receive", "suffer", "endure", "get", "accept", "welcome"})
_THREAT_CODES = {"SANCTION": "1312", "COERCE": "137", "ASSAULT": "138", "MOBILIZE": "138", "REJECT": "131"}
"""The CAMEO threat code for each conflictual PLOVER type that can be threatened."""
_STATIVE_NOUNS = frozenset({"alliance", "partnership", "cooperation", "collaboration", "friendship",
                            "relationship", "relation", "tie", "rivalry", "dependence", "support"})
"""Nouns that name a standing relation, not an act: they code only as a light verb's object ("formed an
alliance", "provided support"), never on their own ("the Russia-China alliance is driven by ...")."""
_ACTS_WITH_A_RECIPIENT = frozenset({"support"})
"""Stative nouns that do name an act when a recipient follows: "China's support for Russia's defence
industry" is China supporting Russia; "public support" is not an event."""
_MATERIAL = frozenset({"ASSAULT", "MOBILIZE", "COERCE", "AID", "SANCTION"})
"""Material acts whose target may be the state where they happen."""
_OBLIGATION_AUX = frozenset({"must", "should"})
_REQUEST_VERBS = frozenset({"urge", "call", "ask", "press", "demand", "request", "appeal", "implore",
                            "encourage", "invite"})
"""Verbs whose complement is an act asked of someone, not one that happened."""
_SUBJECT_CONTROL = frozenset({"promise", "vow", "pledge"})
"""Verbs whose subject, not their object, does what their complement says ("X promised Y to ...")."""
_ACTOR_LINKS = frozenset({"compound", "poss", "amod", "appos", "nmod", "npadvmod"})
_ACTOR_PREPS = frozenset({"of", "by", "from", "including", "like", "as"})


@dataclass(frozen=True)
class CodedEvent:
    """An event as the component found it: token positions, before it becomes an `Event` record."""

    source: ActorRef
    target: ActorRef
    source_span: tuple[int, int]
    target_span: tuple[int, int]
    trigger: int
    pattern: Pattern
    cameo: str
    plover: str
    mode: str
    negated: bool
    modality: str
    date: str | None
    sentence: int
    confidence: float
    coder: str = "rules"
    """Which rule or model coded it: "rules:verb:pledge/aid", "rules:verb:impose+noun:sanction",
    "rules:noun:invasion", "rules:frame:obligation"; or the learned model (name and version, e.g.
    "event-pairs-v1") that proposed or re-typed the event."""


class EventCoder:
    """The `multipolar_events` component."""

    def __init__(self, tables: CodingTables | None = None) -> None:
        self.tables = tables or load_tables()

    def __call__(self, doc: Doc) -> Doc:
        reader = _DocReader(doc, self.tables)
        doc._.mp_events = reader.events()
        return doc


class _DocReader:
    """Per-document state for the coder: which token belongs to which actor, dates, quotations."""

    def __init__(self, doc: Doc, tables: CodingTables) -> None:
        self.doc = doc
        self.tables = tables
        self.mentions: dict[int, ActorMention] = {}
        for mention in doc._.mp_mentions or []:
            for k in range(mention.start, mention.end):
                self.mentions[k] = mention
        self.dates: list[FoundDate] = doc._.mp_dates or []
        self.quoted = quoted_char_ranges(doc.text)
        self.sentence_of = {}
        for index, sent in enumerate(doc.sents):
            for k in range(sent.start, sent.end):
                self.sentence_of[k] = index
        self.used_nouns: set[int] = set()
        self.coded: list[CodedEvent] = []

    def events(self) -> list[CodedEvent]:
        found = self.coded
        for token in self.doc:
            if token.pos_ in ("VERB", "AUX") and token.dep_ != "aux":
                found.extend(self._verb_events(token) or self._obligation_events(token))
        for token in self.doc:
            if token.pos_ in ("NOUN", "PROPN") and token.i not in self.used_nouns:
                found.extend(self._noun_events(token))
        return _deduplicated(found)

    # ---- actors of a token ----------------------------------------------------------------------

    def actors_of(self, token: Token, depth: int = 0) -> list[tuple[ActorMention, Token]]:
        """The actors a noun phrase stands for: itself, its conjuncts, or what qualifies it."""
        result: list[tuple[ActorMention, Token]] = []
        for head in _conjuncts(token):
            mention = self.mentions.get(head.i)
            if mention is not None:
                result.append((mention, head))
                # "Chinese and Indian troops": the other qualifiers of the same noun
                for child in head.children:
                    if child.dep_ in ("amod", "compound"):
                        result.extend((m, c) for c in _conjuncts(child)
                                      if (m := self.mentions.get(c.i)) is not None and m is not mention)
                continue
            if depth >= 2 or head.pos_ in ("VERB", "AUX"):
                continue
            for child in head.children:
                if child.dep_ in _ACTOR_LINKS:
                    result.extend(self.actors_of(child, depth + 1))
                elif child.dep_ == "prep" and child.lower_ in _ACTOR_PREPS:
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            result.extend(self.actors_of(obj, depth + 1))
        unique: dict[tuple[int, str], tuple[ActorMention, Token]] = {}
        for mention, head in result:
            for ref in mention.actors:
                unique.setdefault((mention.start, ref.code), (mention, head))
        return list(unique.values())

    def subjects(self, verb: Token) -> tuple[list[Token], list[Token]]:
        """Acting tokens and (for a passive) the tokens acted upon."""
        actors = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
        passive = [c for c in verb.children if c.dep_ in _PASSIVE_SUBJECT_DEPS]
        for agent in (c for c in verb.children if c.dep_ == "agent"):
            actors.extend(c for c in agent.children if c.dep_ == "pobj")
        actors = [verb.head if t.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" else t for t in actors]
        actors = [s for t in actors for s in self._speaker_for_pronoun(verb, t)]
        passive = [verb.head if t.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" else t for t in passive]
        if not actors and not passive:
            if verb.dep_ == "relcl":
                return [verb.head], []
            if _object_controlled(verb) and verb.head.lemma_.lower() not in _SUBJECT_CONTROL:
                # "enabling Russia to maintain its war", "urged China to press Russia": the object acts
                return [c for c in verb.head.children if c.dep_ == "dobj"], []
            governor = _governing_verb(verb)
            if governor is not None:
                inherited, _ = self.subjects(governor)
                return inherited, []
        return actors, passive

    def _speaker_for_pronoun(self, verb: Token, subject: Token) -> list[Token]:
        """"NATO said it will send ...": a pronoun subject of a reported clause is the one who said it."""
        if subject.lower_ not in ("it", "they", "he", "she", "we") or verb.dep_ != "ccomp":
            return [subject]
        if verb.head.lemma_.lower() not in _SAY_VERBS | {"announce", "declare", "confirm", "warn", "insist"}:
            return [subject]
        return [c for c in verb.head.children if c.dep_ == "nsubj"] or [subject]

    # ---- verbs ----------------------------------------------------------------------------------

    def _verb_events(self, verb: Token) -> list[CodedEvent]:
        patterns = self._verb_patterns(verb)
        if not patterns:
            return []
        subject_tokens, passive_tokens = self.subjects(verb)
        sources = [a for t in subject_tokens for a in self.actors_of(t)]
        if not sources:
            return []
        objects = _objects(verb)
        for pattern in patterns:
            if pattern.required and not _object_lemmas(objects, verb) & pattern.required:
                continue
            coded = self._code_verb(verb, pattern, objects, sources, passive_tokens)
            if coded is not None:
                return coded
        return []

    def _obligation_events(self, verb: Token) -> list[CodedEvent]:
        """"Britain said that Libya must hand over the suspects": the speaker demands it of Libya (REQUEST)."""
        if verb.lemma_.lower() not in _SAY_VERBS | {"declare", "announce", "reiterate", "insist", "conclude"}:
            return []
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            if not {c.lower_ for c in clause.children if c.dep_ == "aux"} & _OBLIGATION_AUX:
                continue
            subjects, _ = self.subjects(verb)
            sources = [a for t in subjects for a in self.actors_of(t)]
            targets = [a for t in clause.children if t.dep_ == "nsubj" for a in self.actors_of(t)]
            if sources and targets:
                demand = Pattern(verb.lemma_.lower(), frozenset(), ("dobj",), "100", "REQUEST", "", "frame:obligation")
                return self._pairs(verb, demand, sources, targets, trigger=verb) or []
        return []

    def _verb_patterns(self, verb: Token) -> tuple[Pattern, ...]:
        lemma = verb.lemma_.lower()
        particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
        for particle in particles:
            found = self.tables.verbs.get(f"{lemma} {particle}")
            if found:
                return found
        for prep in (c for c in verb.children if c.dep_ == "prep"):
            found = self.tables.verbs.get(f"{lemma} {prep.lower_}")
            if found and any(self.actors_of(obj) for obj in prep.children if obj.dep_ == "pobj"):
                return found
        return self.tables.verbs.get(lemma, ())

    def _code_verb(
        self, verb: Token, pattern: Pattern, objects: list[Token],
        sources: list[tuple[ActorMention, Token]], passive_tokens: list[Token],
    ) -> list[CodedEvent] | None:
        code_from = pattern
        noun: Token | None = None
        if pattern.is_light:
            light = self._light_object(verb, objects)
            if light is None:
                return None
            noun, code_from = light
            self.used_nouns.add(noun.i)
        targets = [a for t in passive_tokens for a in self.actors_of(t)]
        if not targets and noun is not None:
            targets = self._targets(noun, code_from.targets, [])
        if not targets:
            targets = self._targets(verb, pattern.targets if pattern.is_light else code_from.targets, objects)
        if not targets and noun is not None and not pattern.is_light:
            targets = self._targets(noun, code_from.targets, [])
        if not targets and (code_from.plover or self.tables.code(code_from.cameo).plover) in _MATERIAL:
            targets = self._place_target(verb, sources)
        if not targets and _object_controlled(verb):
            return None  # "invited Argentina, Egypt and Iran to join": they would not join each other
        coder = f"{pattern.id}+{code_from.id}" if code_from is not pattern else pattern.id
        return self._pairs(verb, code_from, sources, targets, trigger=verb, coder=coder)

    def _place_target(self, verb: Token, sources: list[tuple[ActorMention, Token]]) -> list[tuple[ActorMention, Token]]:
        """Material acts land on a place: "struck power stations across Ukraine", "massed troops near its
        border with Ukraine", "hit a refinery in Russia's Krasnodar region". The first state named in the
        verb's own phrase (not in its subject, nor in a clause of its own) is the target."""
        own_clauses = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "advcl", "ccomp", "relcl",
                                                                   "conj", "csubj") for t in c.subtree}
        source_states = {ref.state_code for m, _ in sources for ref in m.actors}
        for token in sorted(verb.subtree, key=lambda t: t.i):
            mention = self.mentions.get(token.i)
            if token.i in own_clauses or mention is None or token.i != mention.start or mention.how not in (
                    "name", "capital") or token.dep_ not in ("pobj", "poss", "compound"):
                continue  # a place is named ("in Russia's Krasnodar region"), not an adjective ("Russian propaganda")
            if mention.actors[0].kind == "state" and mention.actors[0].state_code not in source_states:
                return [(mention, token)]
        return []

    def _light_object(self, verb: Token, objects: list[Token]) -> tuple[Token, Pattern] | None:
        """The event noun a light verb carries: its object, "$1bn in aid", "a package of sanctions",
        or "provided Ukraine with aid"."""
        candidates: list[Token] = []
        for obj in objects:
            for word in _conjuncts(obj):
                candidates.append(word)
                candidates += [p for prep in word.children if prep.dep_ == "prep" and prep.lower_ in ("in", "of")
                               for p in prep.children if p.dep_ == "pobj"]
        candidates += [p for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in ("with", "in")
                       for p in prep.children if p.dep_ == "pobj"]
        for candidate in candidates:
            pattern = self._noun_pattern(candidate)
            if pattern is not None:
                return candidate, pattern
        return None

    def _targets(self, word: Token, specs: tuple[str, ...], objects: list[Token]) -> list[tuple[ActorMention, Token]]:
        for spec in specs:
            found: list[tuple[ActorMention, Token]] = []
            if spec == "dobj":
                for obj in objects or [c for c in word.children if c.dep_ in ("dobj", "attr")]:
                    found.extend(self.actors_of(obj))
                if not found:
                    # "condemned the drills that China launched": the doer of what was condemned
                    for obj in objects:
                        found.extend(a for clause in obj.children if clause.dep_ == "relcl"
                                     for subject in clause.children if subject.dep_ == "nsubj"
                                     for a in self.actors_of(subject))
                if not found:
                    # "demanded that the US cancel ...": the subject of the demanded clause
                    for clause in (c for c in word.children if c.dep_ == "ccomp"):
                        found.extend(a for subject in clause.children if subject.dep_ == "nsubj"
                                     for a in self.actors_of(subject))
            elif spec == "iobj":
                for obj in (c for c in word.children if c.dep_ == "dative"):
                    if obj.pos_ == "ADP":
                        found.extend(a for o in obj.children if o.dep_ == "pobj" for a in self.actors_of(o))
                    else:
                        found.extend(self.actors_of(obj))
            elif spec.startswith("prep:"):
                wanted = set(spec[5:].split("|"))
                for holder in [word, *objects]:
                    for prep in (c for c in holder.children if c.dep_ in ("prep", "dative") and c.lower_ in wanted):
                        for obj in (c for c in prep.children if c.dep_ == "pobj"):
                            found.extend(self.actors_of(obj))
            if found:
                return found
        return []

    # ---- nouns ----------------------------------------------------------------------------------

    def _noun_pattern(self, noun: Token) -> Pattern | None:
        return noun_pattern(self.tables, noun)

    def _noun_events(self, noun: Token) -> list[CodedEvent]:
        lemma = noun.lemma_.lower()
        if lemma in _STATIVE_NOUNS and not (lemma in _ACTS_WITH_A_RECIPIENT and any(
                c.dep_ == "prep" and c.lower_ in ("for", "to") for c in noun.children)):
            return []
        pattern = self._noun_pattern(noun)
        if pattern is None:
            return []
        sources = [a for c in noun.children if c.dep_ in ("amod", "poss", "compound", "nmod")
                   for a in self.actors_of(c)]
        sources += [a for c in noun.children if c.dep_ == "prep" and c.lower_ in ("from", "by")
                    for obj in c.children if obj.dep_ == "pobj" for a in self.actors_of(obj)]
        targets = self._targets(noun, pattern.targets, [])
        if not targets and sources and noun.dep_ == "dobj" and noun.head.lemma_.lower() in _RECEIVER_VERBS:
            # "Russia is facing sanctions from the West": the one who faces them is the target
            subject_tokens, _ = self.subjects(noun.head)
            targets = [a for t in subject_tokens for a in self.actors_of(t)]
        if not sources and noun.dep_ == "pobj" and noun.head.lower_ in ("during", "on", "in") and \
                noun.lemma_.lower() in ("visit", "trip", "tour") and noun.head.head.pos_ in ("VERB", "AUX"):
            # "X described ... during a state visit to Moscow": the visitor is the subject of the verb
            subject_tokens, _ = self.subjects(noun.head.head)
            sources = [a for t in subject_tokens for a in self.actors_of(t)]
        target_codes = {ref.state_code for m, _ in targets for ref in m.actors}
        sources = [(m, t) for m, t in sources
                   if not {ref.state_code for ref in m.actors} <= target_codes or not targets]
        if not sources:
            return []
        return self._pairs(noun, pattern, sources, targets, trigger=noun) or []

    # ---- assembling events ------------------------------------------------------------------------

    def _pairs(
        self, word: Token, pattern: Pattern, sources: list[tuple[ActorMention, Token]],
        targets: list[tuple[ActorMention, Token]], trigger: Token, coder: str = "",
    ) -> list[CodedEvent] | None:
        source_refs = [(ref, m) for m, _ in sources for ref in m.actors]
        target_refs = [(ref, m) for m, _ in targets for ref in m.actors]
        pairs: list[tuple[tuple[ActorRef, ActorMention], tuple[ActorRef, ActorMention], float]] = []
        if target_refs:
            pairs = [(s, t, 0.8) for s in source_refs for t in target_refs]
        elif len({r.state_code for r, _ in source_refs}) >= 2 and _allows_symmetry(pattern, trigger):
            pairs = [(s, t, 0.7) for s, t in itertools.permutations(source_refs, 2)]
        pairs = [(s, t, c) for s, t, c in pairs if _distinct(s[0], t[0])]
        if not pairs:
            return None
        negated, modality = self._negation(word), self._modality(word)
        date = self._date(word)
        cameo = pattern.cameo if pattern.cameo != "@" else "0"
        entry = self.tables.code(cameo)
        plover = pattern.plover or entry.plover
        if not plover:
            return None  # a bare statement (CAMEO 01x) has no PLOVER category: not an interaction
        if modality == "intended" and plover in ("CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"):
            plover = "AGREE"  # PLOVER: cooperation or a concession promised for the future is AGREE
        elif ((modality == "intended" and not negated) or _governed_by(word, "threaten")) and plover in _THREAT_CODES:
            # PLOVER: a conflictual act announced or threatened for the future is THREATEN
            entry = self.tables.code(_THREAT_CODES[plover])
            plover, modality = "THREATEN", "asserted"
        return [
            CodedEvent(
                source=s, target=t, source_span=(sm.start, sm.end), target_span=(tm.start, tm.end),
                trigger=trigger.i, pattern=pattern, cameo=entry.code, plover=plover,
                mode=self.tables.mode_of(plover, pattern.mode, entry.mode), negated=negated,
                modality=modality, date=date,
                sentence=self.sentence_of.get(trigger.i, 0), confidence=confidence,
                coder=f"rules:{coder or pattern.id}",
            )
            for (s, sm), (t, tm), confidence in pairs
        ]

    def _negation(self, word: Token) -> bool:
        chain = [word, *[c for c in word.children if c.dep_ in ("aux", "auxpass")]]
        return any(c.dep_ == "neg" for w in chain for c in w.children) or any(
            c.lower_ in ("never", "no") and c.dep_ in ("neg", "advmod", "det") for c in word.children
        )

    def _modality(self, word: Token) -> str:
        start = word.idx
        if any(a <= start < b for a, b in self.quoted):
            return "reported"
        auxiliaries = {c.lower_ for c in word.children if c.dep_ in ("aux", "auxpass")}
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in word.children):
            return "hypothetical"
        if auxiliaries & _HYPOTHETICAL:
            return "hypothetical"
        if auxiliaries & _FUTURE:
            return "intended"
        node = word
        for _ in range(4):
            if node.dep_ in ("ROOT",) or node.head is node:
                break
            parent = node.head if node.head.pos_ in ("VERB", "AUX") else node.head.head
            lemma = parent.lemma_.lower()
            if node.dep_ in ("xcomp", "pcomp", "pobj", "ccomp", "advcl") or node.head.dep_ == "prep":
                if lemma in _INTENT_VERBS:
                    return "intended"
                if lemma in _REQUEST_VERBS and node.dep_ in ("xcomp", "ccomp"):
                    return "hypothetical"  # "urged China to press Russia": asked for, not done
                if lemma in _SAY_VERBS and node.dep_ == "ccomp":
                    return "reported"
            node = parent
        return "asserted"

    def _date(self, word: Token) -> str | None:
        sentence = word.sent
        inside = [d for d in self.dates if sentence.start <= d.start and d.end <= sentence.end]
        if inside:
            subtree = {t.i for t in word.subtree}
            near = [d for d in inside if d.start in subtree] or inside
            return near[0].date.value
        anchored = self._anchor_date(sentence)
        if anchored is not None:
            return anchored
        label: str | None = self.doc._.mp_date_label
        return label

    def _anchor_date(self, sentence: Span) -> str | None:
        """"After the invasion, ..." / "Since then, ...": the date of the event or date named before.

        The event is dated from that point on: the anchor's date is the earliest it can have happened."""
        text = sentence.text.lower()
        found = re.search(r"\b(?:after|since|following) (?:the |their |its |his |her )?(\w+)", text)
        if found is None:
            return None
        word = found.group(1)
        earlier = [d for d in self.dates if d.end <= sentence.start]
        if word == "then":
            return earlier[-1].date.value if earlier else None
        stem = word[:4]
        for event in reversed(self.coded):
            trigger = self.doc[event.trigger]
            if trigger.i < sentence.start and trigger.lemma_.lower()[:4] == stem and event.date and \
                    event.date != self.doc._.mp_date_label:
                return event.date
        return None


def event_flags(doc: Doc, tables: CodingTables | None = None) -> Callable[[Token], tuple[bool, str, str | None]]:
    """Negation, modality and date at a trigger word, read as the rule coder reads them: for coders that
    find events another way (the learned `multipolar_learned_events`), so their flags mean the same."""
    reader = _DocReader(doc, tables or load_tables())
    return lambda word: (reader._negation(word), reader._modality(word), reader._date(word))


def coded_pairs(doc: Doc) -> set[tuple[int, str, str]]:
    """(sentence, source state code, target state code) of every event already on the doc, either way round:
    a component that proposes events after the rules leaves these pairs alone."""
    pairs: set[tuple[int, str, str]] = set()
    for event in doc._.mp_events or []:
        pairs.add((event.sentence, event.source.state_code, event.target.state_code))
        pairs.add((event.sentence, event.target.state_code, event.source.state_code))
    return pairs


def _object_controlled(verb: Token) -> bool:
    """A complement whose doer is the governing verb's object ("enabled Russia to ...")."""
    return verb.dep_ == "xcomp" and not any(c.dep_ in _SUBJECT_DEPS for c in verb.children) and \
        any(c.dep_ == "dobj" for c in verb.head.children)


def noun_pattern(tables: CodingTables, noun: Token) -> Pattern | None:
    """The first row for this event noun whose required modifier is there ("trade war" before "war")."""
    modifiers = {c.lemma_.lower() for c in noun.children if c.dep_ in ("amod", "compound", "nmod")}
    modifiers |= {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound")}
    for pattern in tables.nouns.get(noun.lemma_.lower(), ()):
        if not pattern.required or pattern.required & modifiers:
            return pattern
    return None


def _distinct(source: ActorRef, target: ActorRef) -> bool:
    """Two sides of an event: different states, or within one state two actors of different sectors
    ("Turkish police" and "Turkish students"), as PLOVER codes domestic events; never a government
    acting on itself ("Trump" and "the White House")."""
    if source.state_code != target.state_code:
        return True
    roles = (source.role, target.role)
    return source.code != target.code and "organization" in (source.kind, target.kind) and \
        None not in roles and source.role != target.role


def _governed_by(word: Token, lemma: str) -> bool:
    """"Iran threatened to cut off electricity": the verb is the complement of `lemma`."""
    return word.dep_ == "xcomp" and word.head.lemma_.lower() == lemma


def _conjuncts(token: Token) -> list[Token]:
    return [token, *[t for t in token.conjuncts if t.i > token.i]]


def _governing_verb(verb: Token) -> Token | None:
    """The word whose subject a subject-less verb shares ("X is about to restore", "X committed to collaborating")."""
    node = verb
    for _ in range(5):
        if node.dep_ not in ("conj", "xcomp", "advcl", "acomp", "pcomp", "pobj", "prep") or node.head is node:
            return None
        node = node.head
        if any(c.dep_ in _SUBJECT_DEPS | _PASSIVE_SUBJECT_DEPS for c in node.children):
            return node
    return None


def _objects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd")]


def _object_lemmas(objects: list[Token], verb: Token) -> set[str]:
    """Lemmas an object constraint can meet: the object, its conjuncts, and "billions in aid"."""
    lemmas: set[str] = set()
    for obj in objects:
        for word in _conjuncts(obj):
            lemmas.add(word.lemma_.lower())
            for prep in (c for c in word.children if c.dep_ == "prep" and c.lower_ in ("in", "of")):
                lemmas.update(p.lemma_.lower() for p in prep.children if p.dep_ == "pobj")
            lemmas.update(c.lemma_.lower() for c in word.children if c.dep_ == "compound")
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"):
        lemmas.update(p.lemma_.lower() for p in prep.children if p.dep_ == "pobj")
    return lemmas


def _allows_symmetry(pattern: Pattern, trigger: Token) -> bool:
    """Coordinated actors with no target act on each other: "Russia and China held talks". A noun names a
    mutual event only when the event is cooperative ("the Xi-Putin meeting", not "the Russia-Ukraine war")."""
    cooperative = pattern.plover in ("AGREE", "CONSULT", "COOPERATE", "SUPPORT")
    if trigger.pos_ in ("NOUN", "PROPN"):
        return cooperative
    return cooperative or "none" in pattern.targets or "prep:with" in " ".join(pattern.targets)


def _deduplicated(events: list[CodedEvent]) -> list[CodedEvent]:
    best: dict[tuple[str, str, str, int, int], CodedEvent] = {}
    for event in events:
        key = (event.source.state_code, event.target.state_code, event.plover, event.sentence, event.trigger)
        if key not in best or event.confidence > best[key].confidence:
            best[key] = event
    seen: set[tuple[str, str, str, int]] = set()
    result = []
    for event in sorted(best.values(), key=lambda e: (e.sentence, e.trigger)):
        key2 = (event.source.state_code, event.target.state_code, event.plover, event.sentence)
        if key2 in seen:
            continue
        seen.add(key2)
        result.append(event)
    return result

