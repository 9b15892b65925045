"""Generic actors: sector words standing alone ("protesters", "the police", "officials") become actors with that
sector and the one country their sentence (or else the document) gives them; a crowd only its own
sentence's, a phrase that names no one state's actors ("foreign governments") none."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from multipolar.data_files import word_list
from multipolar.nlp.actors.clauses import after_stance, clause, covered_tokens, entity_at
from multipolar.nlp.actors.kb_names import SHORT_TEXT
from multipolar.nlp.spans import ActorMention, ActorRef

if TYPE_CHECKING:
    from multipolar.nlp.actors.resolve import ActorResolver

_NOT_ALONE = frozenset({"counterpart", "jet", "warplane", "warship", "fighter jet", "airline"})
_NOT_ALONE_TERMS = frozenset({"business", "regime", "presidency", "assembly"})
"""Words that name a sector only with a country ("Turkish jets", "the Syrian regime"): alone they are mostly
things ("unfinished business", "a sanctions regime", "the presidency of the session"), not actors."""
_PERSON_NOUNS = frozenset({"officer", "official", "agent", "spokesman", "spokeswoman", "spokesperson", "member",
                           "chief", "head", "leader", "commander", "staff", "source", "representative", "figure"})
"""A sector word before one of these still names the sector ("an intelligence agency officer")."""


_PLACE_HOWS = frozenset({"capital", "knowledge_base", "place+agent"})
_IN_PLACE = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "throughout"})
"""Words before a capital that make it where something happens ("talks in Beijing"), not the government it
also names ("she asked Beijing to pay"): only the first says whose the sentence's generic actors are."""
_PEOPLES = frozenset({"CVL", "OPP", "LAB", "EDU", "MED", "HLH", "AGR", "BUS", "REL"})
"""Sectors whose generic actors are of the state where they are ("residents blocked roads across Panama");
troops, police or officials in a state are often another's ("troops in Ukraine"), and refugees and migrants
mostly are ("refugees from Bhutan in camps in Nepal")."""


_CROWDS = frozenset({"people", "civilian", "men", "women", "children", "refugee", "migrant", "asylum seeker",
                     "displaced", "displaced people"})
"""People, civilians, women, refugees: only their own sentence says whose, never the rest of the document (a UN
speech's "people suffering from hunger" are not the speaker's state's)."""
_ANYONES = frozenset({"foreign", "other", "member", "all", "many", "several", "some", "world", "global",
                      "international", "various", "artificial", "every", "most", "different", "such", "young"})
_REGIONAL = word_list("gazetteer/regional_adjectives.txt")
_ATTRIBUTION_VERBS = word_list("gazetteer/attribution_verbs.txt")
"""A region's adjective ("African", "European"): its sector words are no one state's."""
_ANYWHERE = ("of the world", "around the world", "across the world", "of all", "of different", "everywhere")


def _nobody_in_particular(doc: Doc, words: list[str], start: int, end: int) -> bool:
    """"foreign governments", "all parties", "the leaders of the world", "self-government", "artificial
    intelligence": a sector word that names no one state's actors."""
    if start > 0 and (words[start - 1].lower() in _ANYONES or words[start - 1] in ("-", "–") or
                      words[start - 1].lower() in _REGIONAL):
        return True  # "foreign governments", "self-government", "African leaders", "West African troops"
    following = " ".join(w.lower() for w in words[end : end + 3])
    return following.startswith(_ANYWHERE)


def _plural_reference(words: list[str], start: int, end: int) -> bool:
    """"the two leaders", "the leaders of both countries": two states' actors, resolved as a pair."""
    from multipolar.nlp.actors.plural import PLURAL_WORDS

    if start > 0 and words[start - 1].lower() in PLURAL_WORDS:
        return True
    return end + 1 < len(words) and words[end].lower() == "of" and words[end + 1].lower() in ("both", "the") and \
        " ".join(w.lower() for w in words[end + 1 : end + 3]) in ("both countries", "both nations", "the two")


def one_country(doc: Doc, mentions: list[ActorMention], at: int, sentence_only: bool = False,
                 sector: str | None = None) -> str | None:
    """The country where it happens: the one the sentence's places (cities, capitals after "in") name, else
    the one its actors name, else the same two looks at the document; None when several or none ("Tbilisi
    police fired at demonstrators after a Russian lawmaker spoke": Georgian demonstrators). `sentence_only`:
    never the document's."""
    sentence = doc[at].sent
    sources = _sources_of_report(doc, sentence, at)
    for low, high in ((sentence.start, sentence.end), (0, len(doc))):
        inside = [m for m in mentions if low <= m.start < high and m.actors[0].kind != "igo" and
                  m.actors[0].state_code.isupper() and len(m.actors[0].state_code) == 3 and m.start not in sources]
        places = {m.actors[0].state_code for m in inside if m.how in _PLACE_HOWS and
                  (m.actors[0].kind in ("state", "other") or m.how == "place+agent") and
                  (m.how != "capital" or _after_in(doc, m))}
        if low == 0 and {m.actors[0].state_code for m in inside if m.how == "region"} - places:
            places = set()  # a document of Copenhagen and Darfur has no one place (though troops in Darfur
            # are not Sudan's: a region never gives a place of its own)
        if sector in _PEOPLES and low == sentence.start:
            places |= {m.actors[0].state_code for m in inside if m.how in ("name", "region") and _after_in(doc, m)}
        if len(places) == 1:
            return places.pop()
        found = {m.actors[0].state_code for m in inside}
        if len(found) == 1:
            return found.pop()
        if found or sentence_only:
            return None
    return None


def _sources_of_report(doc: Doc, sentence: Span, at: int) -> set[int]:
    """The tokens of the sentence that name who reports it after what it reports ("..., relief officials in
    Nairobi said", "according to diplomats in Geneva"), unless the word at `at` is one of them: where a source
    sits is not where it happens ("Police in Kabul said people had gathered" still places the people)."""
    found: set[int] = set()
    for token in sentence:
        if token.i < at or token.lemma_.lower() not in _ATTRIBUTION_VERBS:
            continue
        for child in token.children:
            if child.dep_ in ("nsubj", "prep") and (child.dep_ == "nsubj" or token.lower_ == "according"):
                found.update(t.i for t in child.subtree)
    return set() if at in found else found


def _after_in(doc: Doc, mention: ActorMention) -> bool:
    return mention.start > 0 and doc[mention.start - 1].lower_ in _IN_PLACE


def _names_a_person_after(doc: Doc, mentions: list[ActorMention], end: int) -> bool:
    """The phrase goes on to name its person in apposition: "the spokeswoman (for ...), Hua Chunying,"."""
    _, stop = clause(doc, end) if end < len(doc) else (end, end)
    if stop + 1 >= len(doc) or doc[stop].text != ",":
        return False
    following = next((m for m in mentions if m.start == stop + 1), None)
    return (following is not None and following.actors[0].kind == "person") or \
        entity_at(doc, stop + 1) is not None


def _owner_country(words: list[str], mentions: list[ActorMention], end: int) -> str | None:
    """"a spokesman for the Chinese foreign ministry": the country of the body the word belongs to."""
    if end >= len(words) or words[end].lower() not in ("for", "of", "at"):
        return None
    k = end + 1 + (end + 1 < len(words) and words[end + 1].lower() == "the")
    owner = next((m for m in mentions if m.start == k), None)
    return owner.actors[0].country if owner is not None and owner.actors[0].kind == "organization" else None


def _states_from(words: list[str], mentions: list[ActorMention], end: int) -> list[str]:
    """"envoys from Saudi Arabia and Iran", "troops from Chad": the states a sector word comes from."""
    if end >= len(words) or words[end].lower() != "from":
        return []
    by_start = {m.start: m for m in mentions}
    found: list[str] = []
    k = end + 1
    while True:
        k += k < len(words) and words[k].lower() == "the"
        mention = by_start.get(k)
        if mention is None or mention.actors[0].kind != "state" or len(mention.actors) != 1:
            return found
        found.append(mention.actors[0].state_code)
        k = mention.end
        if k < len(words) and words[k] == ",":
            k += 1
        if k < len(words) and words[k].lower() in ("and", "or"):
            k += 1
        elif k >= len(words) or words[k - 1] != ",":
            return found


def _causes(resolver: ActorResolver, words: list[str], at: int) -> set[str]:
    """The states a stance before a sector word is for or against ("pro-Palestinian protesters", "anti-Russian
    activists"): the crowd's cause, which never gives it a country."""
    if at < 1 or not after_stance(words, at - 1):
        return set()
    return {p.code for p in resolver.gazetteer.patterns_at(words, at - 1) if p.how in ("name", "region", "adjective")}


def generic_actors(resolver: ActorResolver, doc: Doc, words: list[str],
                   mentions: list[ActorMention]) -> list[ActorMention]:
    """Sector words standing alone ("protesters", "the police", "officials"): actors with that sector and the
    country the sentence or document gives."""

    result = list(mentions)
    covered = covered_tokens(result)
    i = 0
    while i < len(words):
        hit = None if i in covered else resolver.gazetteer.agent_at(words, i)
        if hit is None:
            i += 1
            continue
        agent, size = hit
        last = doc[i + size - 1]
        compound = last.dep_ == "compound" and last.head.lemma_.lower() not in _PERSON_NOUNS
        alone_not = agent.slug in _NOT_ALONE or agent.term in _NOT_ALONE or agent.term in _NOT_ALONE_TERMS
        if alone_not or last.pos_ not in ("NOUN", "PROPN") or compound or \
                (words[i][:1].isupper() and not doc[i].is_sent_start and agent.sector != "COP"):
            i += size
            continue
        if _names_a_person_after(doc, result, i + size):
            i += size  # "the spokeswoman for the ministry, Hua Chunying, said": the person is the actor
            continue
        if _nobody_in_particular(doc, words, i, i + size) or _plural_reference(words, i, i + size):
            i += size
            continue
        origins = _states_from(words, result, i + size)
        if len(origins) > 1:  # "envoys from Saudi Arabia and Iran": each state's
            refs = tuple(ActorRef(f"{c.lower()}-{agent.slug}", f"{resolver.name_of(c)} {agent.term}",
                                  "person" if agent.role else "organization", c, agent.sector, agent.role,
                                  origin="rule", category="generic") for c in origins)
            result.append(ActorMention(i, i + size, refs, "generic"))
            i += size
            continue
        country = origins[0] if origins else _owner_country(words, result, i + size)
        if country is None:
            causes = _causes(resolver, words, i)  # "pro-Palestinian protesters" in London are not Palestine's
            country = one_country(doc, [m for m in result if m.actors[0].state_code not in causes], i,
                                  sentence_only=agent.term in _CROWDS, sector=agent.sector)
        if country is None and len(doc) > SHORT_TEXT:
            i += size  # "a senior diplomat said": nothing says whose; only a bare phrase stands for a sector
            continue
        code = f"{country.lower()}-{agent.slug}" if country else agent.slug
        name = f"{resolver.name_of(country)} {agent.term}" if country else agent.term
        kind = "person" if agent.role else "organization"
        ref = ActorRef(code, name, kind, country, agent.sector, agent.role, origin="rule", category="generic")
        result.append(ActorMention(i, i + size, (ref,), "generic"))
        i += size
    return result

