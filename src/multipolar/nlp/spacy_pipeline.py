"""The spaCy pipeline: the statistical model, loaded once, plus multipolar's own components.

Our components are spaCy factories (`multipolar_actors`, `multipolar_events`, `multipolar_learned_events`,
`multipolar_quantities`, `multipolar_quotes`, `multipolar_dates`, `multipolar_claims`), so they can be added
to any English pipeline that parses.
"""

from __future__ import annotations

import gc
from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy
from spacy.attrs import IS_SPACE, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from multipolar.coding import gazetteer as gazetteer_module
from multipolar.coding.gazetteer_build import build as build_gazetteer
from multipolar.errors import MultipolarError
from multipolar.nlp.cached_tagging import use_cached_tagging
from multipolar.nlp.partial_parse import use_partial_parse
from multipolar.nlp.spans import DOC_EXTENSIONS, text_of  # noqa: F401  (registers `doc._.mp_*`; older imports)
from multipolar.settings import Settings


@lru_cache(maxsize=8)
def shared_gazetteer(actors_files: tuple[str, ...] = (), knowledge_base: bool = True) -> gazetteer_module.Gazetteer:
    """The gazetteer for a set of user files, built once with spaCy's English tokenizer rules."""
    tokenizer = spacy.blank("en").tokenizer
    return build_gazetteer(lambda text: [t.text for t in tokenizer(text)],
                           [Path(p) for p in actors_files], knowledge_base)


MAX_UNPUNCTUATED_TOKENS = 400
"""A run this long with no full stop, question or exclamation mark is not a sentence anyone wrote."""


@Language.component("multipolar_paragraphs", assigns=["token.is_sent_start"])
def paragraph_boundaries(doc: Doc) -> Doc:
    """A blank line ends a sentence: headings and captions without a full stop stay on their own.

    A run of `MAX_UNPUNCTUATED_TOKENS` without sentence punctuation is cut there too, which keeps parsing
    and coding linear in the length of pathological input (a 1 MB "sentence")."""
    strings = doc.vocab.strings
    stops = {strings.add(mark) for mark in (".", "!", "?")}
    rows = doc.to_array([ORTH, IS_SPACE]).tolist() if len(doc) > 1 else []
    starts: list[int] = []
    run = 0
    for i, (orth, space) in enumerate(rows[:-1]):  # whole numbers, not Token objects
        run += 1
        if space and "\n" in strings[orth]:
            starts.append(i + 1)
            run = 0
        elif orth in stops:
            run = 0
        elif run >= MAX_UNPUNCTUATED_TOKENS:
            starts.append(i + 1)
            run = 0
    if starts:  # all at once: `Token.is_sent_start = True` reads the whole document each time it is set
        flags = doc.to_array(SENT_START)
        flags[starts] = 1
        doc.from_array([SENT_START], flags.reshape(-1, 1))  # type: ignore[arg-type]
    return doc


@Language.factory(
    "multipolar_actors",
    default_config={"actors_files": [], "knowledge_base": True},
    requires=["doc.ents", "token.dep"],
    assigns=["doc._.mp_mentions", "doc._.mp_unresolved", "doc._.mp_places", "doc._.mp_offices"],
)
def make_actors(nlp: Language, name: str, actors_files: list[str], knowledge_base: bool) -> Any:
    from multipolar.nlp.actors.resolve import ActorResolver

    return ActorResolver(shared_gazetteer(tuple(actors_files), knowledge_base))


@Language.factory(
    "multipolar_dates",
    requires=["doc.ents"],
    assigns=["doc._.mp_dates"],
)
def make_dates(nlp: Language, name: str) -> Any:
    from multipolar.nlp.dates import DateFinder

    return DateFinder()


@Language.factory(
    "multipolar_events",
    requires=["doc._.mp_mentions", "doc._.mp_dates", "token.dep"],
    assigns=["doc._.mp_events"],
)
def make_events(nlp: Language, name: str) -> Any:
    from multipolar.nlp.events.coder import EventCoder

    return EventCoder()


@Language.factory(
    "multipolar_learned_events",
    default_config={"threshold": 0.8, "models_dir": None},
    requires=["doc._.mp_mentions", "doc._.mp_events", "doc._.mp_dates", "token.dep"],
    assigns=["doc._.mp_events"],
)
def make_learned_events(nlp: Language, name: str, threshold: float, models_dir: str | None) -> Any:
    from multipolar.nlp.events.learned import LearnedEventCoder, load_models

    return LearnedEventCoder(load_models(models_dir), threshold)


@Language.factory(
    "multipolar_quantities",
    requires=["doc.ents", "doc._.mp_mentions", "doc._.mp_dates", "doc._.mp_events"],
    assigns=["doc._.mp_quantities"],
)
def make_quantities(nlp: Language, name: str) -> Any:
    from multipolar.nlp.figures.quantities import QuantityFinder

    return QuantityFinder()


@Language.factory(
    "multipolar_quotes",
    default_config={"actors_files": []},
    requires=["doc._.mp_mentions", "token.dep"],
    assigns=["doc._.mp_quotes"],
)
def make_quotes(nlp: Language, name: str, actors_files: list[str]) -> Any:
    from multipolar.nlp.actors.resolve import ActorResolver
    from multipolar.nlp.quotes.component import QuoteFinder

    resolver = nlp.get_pipe("multipolar_actors") if "multipolar_actors" in nlp.pipe_names else None
    if not isinstance(resolver, ActorResolver):
        resolver = ActorResolver(shared_gazetteer(tuple(actors_files)))
    return QuoteFinder(resolver)


@Language.factory(
    "multipolar_claims",
    requires=["doc._.mp_mentions", "doc._.mp_quotes", "doc._.mp_events", "token.dep"],
    assigns=["doc._.mp_claims"],
)
def make_claims(nlp: Language, name: str) -> Any:
    from multipolar.nlp.claims import ClaimFinder

    return ClaimFinder()


OUR_COMPONENTS = ("multipolar_actors", "multipolar_dates", "multipolar_events",
                  "multipolar_quantities", "multipolar_quotes", "multipolar_claims")
FAST_COMPONENTS = ("multipolar_actors", "multipolar_dates", "multipolar_events", "multipolar_quantities")
"""Fast mode's: entities, actors, figures and rule events (dates, which events and figures read)."""


def add_components(nlp: Language, actors_files: tuple[str, ...] = (), knowledge_base: bool = True,
                   learned_threshold: float | None = None, fast: bool = False) -> Language:
    """Add multipolar's components to a parsed English pipeline (the user's own, if they like); with a
    `learned_threshold`, the learned event coder too, right after the rule coder; `fast`: only those of
    fast mode (`FAST_COMPONENTS`)."""
    if "multipolar_paragraphs" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("multipolar_paragraphs", before="parser")
    for component in FAST_COMPONENTS if fast else OUR_COMPONENTS:
        if component in nlp.pipe_names:
            continue
        config: dict[str, Any] = {}
        if component == "multipolar_actors":
            config = {"actors_files": list(actors_files), "knowledge_base": knowledge_base}
        elif component == "multipolar_quotes":
            config = {"actors_files": list(actors_files)}
        nlp.add_pipe(component, config=config)
    if learned_threshold is not None and not fast and "multipolar_learned_events" not in nlp.pipe_names:
        nlp.add_pipe("multipolar_learned_events", after="multipolar_events",
                     config={"threshold": learned_threshold})
    return nlp


VOCABULARY_LIMIT = 25_000
"""Words (lexemes) a shared pipeline's vocabulary may hold before `release_if_grown` lets it go: spaCy keeps
every new word it meets, so a long stream of text grows its memory for ever (some 3 MB a thousand short
records) unless the pipeline is loaded afresh now and then (a few seconds, with the same output)."""

_LOADED: dict[tuple[Any, ...], Language] = {}
"""The shared pipelines, by what they were loaded with."""


def _load(model: str, actors_files: tuple[str, ...], components: tuple[str, ...] = (),
          knowledge_base: bool = True, learned_threshold: float | None = None, fast: bool = False) -> Language:
    key = (model, actors_files, components, knowledge_base, learned_threshold, fast)
    loaded = _LOADED.get(key)
    if loaded is not None:
        return loaded
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise MultipolarError(f"cannot load the spaCy model {model!r}: is it installed?") from exc
    use_cached_tagging(nlp)
    add_components(nlp, actors_files, knowledge_base, learned_threshold, fast)
    if fast:
        use_partial_parse(nlp)
    for spec in components:
        _add_user_component(nlp, spec)
    while len(_LOADED) >= 4:
        del _LOADED[next(iter(_LOADED))]  # the oldest
    _LOADED[key] = nlp
    return nlp


def _add_user_component(nlp: Language, spec: str) -> None:
    """`module:factory`: import the module (which registers the factory), then add its component."""
    import importlib

    module, _, factory = spec.partition(":")
    try:
        importlib.import_module(module)
        nlp.add_pipe(factory or module)
    except (ImportError, ValueError) as exc:
        raise MultipolarError(f"cannot add the component {spec!r}: {' '.join(str(exc).split())[:200]}") from exc


def _load_arguments(settings: Settings) -> tuple[Any, ...]:
    threshold = settings.learned_threshold if settings.learned_events and not settings.fast else None
    return (settings.spacy_model, tuple(str(p) for p in settings.actors_files), tuple(settings.components),
            settings.knowledge_base, threshold, settings.fast)


def load_pipeline(settings: Settings) -> Language:
    """The shared pipeline for these settings (loaded on first use, then reused)."""
    return _load(*_load_arguments(settings))


def release_if_grown(settings: Settings, limit: int | None = None) -> bool:
    """Let the shared pipeline of these settings go once its vocabulary holds more than `limit` words, so
    that the next `load_pipeline` loads it afresh; whoever still holds the old one keeps it until done.
    `limit`: `VOCABULARY_LIMIT` unless given. True if it was let go."""
    key = _load_arguments(settings)
    loaded = _LOADED.get(key)
    if loaded is None or len(loaded.vocab) <= (VOCABULARY_LIMIT if limit is None else limit):
        return False
    del _LOADED[key]
    del loaded
    gc.collect()  # a pipeline is full of reference cycles: free it before the next one is loaded
    return True
