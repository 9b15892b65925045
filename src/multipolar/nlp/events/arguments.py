"""Who acts and who is acted upon, read from the dependency parse for the event coder.

Sources are a verb's subjects (the `by` agent of a passive; the noun a relative clause hangs on; the
subject of the governing verb for "committed to collaborating"; the object of "enabled Russia to ...");
targets are found where a pattern says (object, dative, a preposition), or, for material acts, in the
place the act lands on.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from multipolar.coding.tables import word_list
from multipolar.nlp.events.judgements import doer_phrases
from multipolar.nlp.events.tree import PASSIVE_SUBJECT_DEPS as PASSIVE_SUBJECT_DEPS
from multipolar.nlp.events.tree import SUBJECT_DEPS as SUBJECT_DEPS
from multipolar.nlp.events.tree import (
    all_states,
    earlier_plural_subject,
    gratitude_word,
    it_antecedent,
    noun_doers,
    object_antecedent,
    own_possessives,
    plural_anaphor,
    plural_mention,
    prep_objects,
    speaker_for_pronoun,
    summarised_act,
)
from multipolar.nlp.events.tree import between_phrases as between_phrases
from multipolar.nlp.events.tree import conjuncts as conjuncts
from multipolar.nlp.events.tree import governing_verb as governing_verb
from multipolar.nlp.events.tree import helping_clauses as helping_clauses
from multipolar.nlp.events.tree import object_controlled as object_controlled
from multipolar.nlp.events.tree import object_lemmas as object_lemmas
from multipolar.nlp.events.tree import objects_of as objects_of
from multipolar.nlp.spans import ActorMention

ActorHit = tuple[ActorMention, Token]
"""An actor mention and the token of the phrase that led to it."""

SAY_VERBS = word_list("say_verbs")
_SUBJECT_CONTROL = word_list("subject_control")
"""Verbs whose subject, not their object, does what their complement says ("X promised Y to ...")."""
_ACTOR_LINKS = frozenset({"compound", "poss", "amod", "appos", "nmod", "npadvmod"})
_ACTOR_PREPS = frozenset({"of", "by", "from", "including", "like", "as", "across"})
_HOME_VERBS = word_list("home_verbs")
_JUDGING = word_list("judging_verbs")
"""Verbs that judge an act: its parties are their target ("welcomes the agreement between Armenia and Azerbaijan")."""
_OWN_CLAUSES = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "advcl", "ccomp", "relcl", "conj", "parataxis",
                          "acl", "xcomp"})
_BORDERS = word_list("borders")
_LEADING = word_list("leading_participles")
_DOCUMENTS = word_list("issued_documents")
_PERSONAL = frozenset({"he", "she", "him", "her"})
_PLEDGING = word_list("vowing") | {"commit"}
"""Participles whose passive-looking subject does what they govern ("is committed to supporting")."""
_POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her"})
_IT_KINDS = frozenset({"state", "igo", "bloc", "organization"})
"""What an "it" can stand for."""
OCCASIONS = word_list("occasion_nouns")
"""Nouns whose infinitive the taker does: "take this opportunity to thank", "use this occasion to reiterate"."""


class ArgumentReader:
    """Which tokens belong to which actor mention, and the actors a phrase stands for."""

    def __init__(self, doc: Doc) -> None:
        self.mentions: dict[int, ActorMention] = {}
        for mention in [*(doc._.mp_offices or []), *(doc._.mp_mentions or [])]:
            for k in range(mention.start, mention.end):
                self.mentions[k] = mention
        self.own = own_possessives(doc, self.mentions)

    def actors_of(self, token: Token, depth: int = 0, pronouns: bool = False) -> list[ActorHit]:
        """The actors a noun phrase stands for: itself, its conjuncts, or what qualifies it; with `pronouns`,
        "its"/"their" stand for the sentence's subject (recipients only: "strikes on its territory")."""
        result: list[ActorHit] = []
        for head in conjuncts(token):
            if pronouns and head.tag_ == "PRP$" and head.lower_ in ("its", "their") and depth <= 1:
                result.extend(self._antecedent(head))
                continue
            if head.lower_ in _PERSONAL and head.i not in self.mentions:
                result.extend(self._person_before(head))
                continue
            if depth == 0 and head.lower_ in ("it", "them") and head.i not in self.mentions:
                antecedent = object_antecedent(head)
                result.extend(self.actors_of(antecedent, 1) if antecedent is not None else
                              self._it_before(head) if head.lower_ == "it" else [])
                continue
            if depth == 0 and plural_anaphor(head) and (head.i not in self.mentions
                                                        or self.mentions[head.i].how == "generic"):
                result.extend(self._plural_before(head))
                continue
            mention = self.mentions.get(head.i) or self.own.get(head.i)
            if mention is not None:
                result.append((mention, head))
                # "the leaders of Japan, the Republic of Korea and the United States": a list hung on the mention
                result.extend((m, c) for t in head.doc[mention.start : mention.end] for a in t.children
                              if a.dep_ == "appos" and a.i >= mention.end for c in conjuncts(a)
                              if (m := self.mentions.get(c.i)) is not None and all_states(m))
                # "Chinese and Indian troops": the other qualifiers of the same noun
                for child in head.children:
                    if child.dep_ in ("amod", "compound"):
                        result.extend((m, c) for c in conjuncts(child)
                                      if (m := self.mentions.get(c.i)) is not None and m is not mention)
                    elif child.dep_ == "appos" and all_states(mention):
                        # "the United States of America, the People's Republic of China, the Russian Federation
                        # and France": a list of states the parse hangs on the first as an apposition
                        result.extend((m, c) for c in conjuncts(child) if (m := self.mentions.get(c.i)) is not None
                                      and m is not mention and all_states(m) and m.actors != mention.actors)
                continue
            if depth == 0 and summarised_act(head):
                # "..., a move Beijing condemned": the move is the act of the clause it sums up, so its actor
                result.extend(self.actors_of_all(self.subjects(head.head)[0]))
                continue
            if head.dep_ in ("amod", "acl") and head.lemma_.lower() in _LEADING:
                result.extend(self._leaders(head, depth, pronouns))  # "the US-led coalition": its leader acts
                continue
            if depth >= 2 or head.pos_ in ("VERB", "AUX"):
                continue
            if head.lemma_.lower() in _BORDERS and (across := self._other_side(head, depth, pronouns)):
                result.extend(across)  # "its border with South Korea": the other side, not the border's owner
                continue
            result.extend(self._qualifiers(head, depth, pronouns))
        unique: dict[tuple[int, str], ActorHit] = {}
        for mention, head in result:
            for ref in mention.actors:
                unique.setdefault((mention.start, ref.code), (mention, head))
        return list(unique.values())

    def _qualifiers(self, head: Token, depth: int, pronouns: bool) -> list[ActorHit]:
        """The actors a noun with no mention of its own stands for, from what qualifies it; "across" names where it
        is only when nothing else does ("partners across Europe", not "Russia's strikes across Ukraine")."""
        found: list[ActorHit] = []
        places: list[Token] = []
        for child in head.children:
            if child.dep_ == "npadvmod" and child.i > head.i:
                continue  # "with strings attached, Cuba": a name after the noun is not its qualifier
            if child.dep_ in _ACTOR_LINKS:
                found.extend(self.actors_of(child, depth + 1, pronouns))
            elif child.dep_ == "prep" and child.lower_ in _ACTOR_PREPS:
                objects = [o for o in child.children if o.dep_ == "pobj"]
                if child.lower_ == "across":
                    places += objects
                    continue
                found.extend(a for obj in objects for a in self.actors_of(obj, depth + 1, pronouns))
            elif child.dep_ == "acl" and child.lemma_.lower() in _HOME_VERBS:
                # "12 entities based in China and the United Arab Emirates": where they are based
                found.extend(a for prep in child.children if prep.dep_ == "prep" and prep.lower_ in ("in", "at")
                             for obj in prep.children if obj.dep_ == "pobj"
                             for a in self.actors_of(obj, depth + 1, pronouns))
        return found or [a for obj in places for a in self.actors_of(obj, depth + 1, pronouns)]

    def _leaders(self, participle: Token, depth: int, pronouns: bool) -> list[ActorHit]:
        """Who leads a force or coalition ("Vietnamese-led forces", "the coalition led by Saudi Arabia") stands for
        it; a backer does not ("Iranian-backed rebels" are not Iran), so only leading participles count."""
        leaders = [c for c in participle.children if c.dep_ in ("npadvmod", "compound", "nmod", "amod")]
        leaders += [o for agent in participle.children if agent.dep_ == "agent" for o in agent.children
                    if o.dep_ == "pobj"]
        return [a for t in leaders for a in self.actors_of(t, depth + 1, pronouns)]

    def _other_side(self, border: Token, depth: int, pronouns: bool) -> list[ActorHit]:
        return [a for prep in border.children if prep.dep_ == "prep" and prep.lower_ == "with"
                for obj in prep.children if obj.dep_ == "pobj" for a in self.actors_of(obj, depth + 1, pronouns)]

    def _person_before(self, pronoun: Token) -> list[ActorHit]:
        """"He raised the EU's concerns": the last person named before, in this sentence or the two before,
        unless a person we could not resolve was named after them (then we do not guess); never a plural ("the
        G20 Leaders' Summit" is no "he")."""
        doc = pronoun.doc
        first = doc[max(pronoun.sent.start - 1, 0)].sent
        first = doc[max(first.start - 1, 0)].sent
        for i in range(pronoun.i - 1, first.start - 1, -1):
            mention = self.mentions.get(i)
            if mention is not None and mention.actors[0].kind == "person" and not plural_mention(mention, doc):
                return [(mention, doc[mention.start])]
            if doc[i].ent_type_ == "PERSON" and mention is None:
                return []
        return []

    def _plural_before(self, anaphor: Token) -> list[ActorHit]:
        """"They reaffirmed their commitment", "The leaders highlighted": the actors of the plural subject a sentence
        before had, when they are two or more; nothing when that subject names no pair of actors."""
        found = self.actors_of_all(earlier_plural_subject(anaphor))
        return found if len({ref.code for m, _ in found for ref in m.actors}) > 1 else []

    def _it_before(self, pronoun: Token) -> list[ActorHit]:
        """"the tariffs it imposed on China": one state or organisation that is the main subject (`it_antecedent`);
        never a person or several actors."""
        subject = it_antecedent(pronoun)
        found = self.actors_of(subject, depth=1) if subject is not None else []
        if len(found) != 1 or any(ref.kind not in _IT_KINDS for ref in found[0][0].actors):
            return []
        return found

    def _antecedent(self, pronoun: Token) -> list[ActorHit]:
        """"its territory", "their embassy": the actor that is the subject of the sentence's main verb
        ("the US and its allies": the actor it is coordinated with)."""
        if pronoun.head.dep_ == "conj" and (found := self.actors_of(pronoun.head.head)):
            return found[:1]
        root = pronoun.sent.root
        subjects = [c for c in root.children if c.dep_ in SUBJECT_DEPS]
        found = self.actors_of_all(subjects)
        return found[:1]

    def actors_of_all(self, tokens: list[Token]) -> list[ActorHit]:
        return [a for t in tokens for a in self.actors_of(t)]

    def subjects(self, verb: Token) -> tuple[list[Token], list[Token]]:
        """Acting tokens and (for a passive) the tokens acted upon."""
        actors = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        passive = [c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
        for agent in (c for c in verb.children if c.dep_ == "agent"):
            actors.extend(c for c in agent.children if c.dep_ == "pobj")
        actors = [verb.head if t.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" else t for t in actors]
        actors = [s for t in actors for s in speaker_for_pronoun(verb, t)]
        actors = self._issuers(verb, actors)
        passive = [verb.head if t.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" else t for t in passive]
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and not passive and summarised_act(verb.head):
            passive = [verb.head]  # "..., a decision condemned by the UN": the decision is what is condemned
        if not actors and not passive:
            if verb.dep_ == "relcl":
                return [verb.head], []
            if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") and \
                    any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
                if verb.head.lemma_.lower() in OCCASIONS and verb.head.dep_ == "dobj":
                    return self.subjects(verb.head.head)[0], []  # "I take this opportunity to thank Japan"
                # "the work by the United States to deliver assistance", "Mongolia's agreement to export coal"
                return self._clause_doers(verb.head), []
            if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ == "NOUN":
                return self._clause_doers(verb.head.head), []  # "its commitment to supporting the people of Sudan"
            if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.dep_ == "dobj":
                # "signed an Executive Order imposing new sanctions": the signer imposes them
                inherited, _ = self.subjects(verb.head.head)
                return inherited, []
            if object_controlled(verb) and verb.head.lemma_.lower() not in _SUBJECT_CONTROL:
                # "enabling Russia to maintain its war", "urged China to press Russia": the object acts
                return [c for c in verb.head.children if c.dep_ == "dobj"], []
            governor = governing_verb(verb)
            if governor is not None:
                inherited, undergoing = self.subjects(governor)
                if verb.dep_ == "conj" and undergoing:
                    return undergoing, []  # "X was indicted by the court and will resign": X resigns
                if not inherited and undergoing and verb.dep_ in ("xcomp", "pcomp") and \
                        governor.lemma_.lower() in _PLEDGING:
                    return undergoing, []  # "We are committed, through B3W, to supporting Kenya": we support
                return inherited, []
        return actors, passive

    def _clause_doers(self, noun: Token) -> list[Token]:
        """Whose act a noun's infinitive or gerund is: the noun's doers ("Mongolia's agreement to export"); where that
        is only "its" or "their" and the noun is a verb's object ("Japan renewed its pledge to help Ukraine"), the
        verb's subject."""
        doers = noun_doers(noun)
        if doers and noun.dep_ == "dobj" and all(d.lower_ in _POSSESSIVE_PRONOUNS and d.i not in self.mentions
                                                 for d in doers):
            return self.subjects(noun.head)[0] or doers
        return doers

    def _issuers(self, verb: Token, actors: list[Token]) -> list[Token]:
        """"signed an Executive Order continuing the suspension" (parsed as a clause whose subject is the order): a
        document that names no actor acts for whoever signed or issued it, the subject of the governing verb."""
        if not actors or verb.dep_ != "ccomp" or not all(
                t.lemma_.lower() in _DOCUMENTS and not self.actors_of(t) for t in actors):
            return actors
        return [c for c in verb.head.children if c.dep_ in SUBJECT_DEPS] or actors

    def source_actors(self, verb: Token) -> tuple[list[ActorHit], list[Token]]:
        subject_tokens, passive_tokens = self.subjects(verb)
        # "U.S. military forces, together with the United Kingdom, conducted strikes": partners act too
        partners = [o for holder in (verb, *subject_tokens) for prep in holder.children
                    if prep.dep_ == "prep" and prep.lower_ == "with" and any(
                        a.dep_ == "advmod" and a.lower_ in ("together", "along") for a in prep.children)
                    for o in prep.children if o.dep_ == "pobj"]
        return self.actors_of_all(subject_tokens + partners), passive_tokens

    def targets(self, word: Token, specs: tuple[str, ...], objects: list[Token]) -> list[ActorHit]:
        """The acted-upon actors, looked for where the pattern's specs say, in order."""
        for spec in specs:
            if spec == "dobj":
                found = self._object_targets(word, objects)
            elif spec == "iobj":
                found = self._dative_targets(word)
            elif spec.startswith("prep:"):
                wanted = set(spec[5:].split("|"))
                holders = [word, *(c for o in objects for c in conjuncts(o))]
                found = self._prep_actors(holders, wanted)
                if not found:
                    # "will remove the additional tariffs it imposed on China": the object's own clause names it
                    found = self._prep_actors([c for h in holders[1:] for c in h.children if c.dep_ in ("relcl", "acl")
                                               and c.pos_ in ("VERB", "AUX")], wanted)
            else:
                found = []
            if found:
                return found
        return []

    def _prep_actors(self, holders: list[Token], wanted: set[str]) -> list[ActorHit]:
        return [a for holder in holders for prep in holder.children if prep.dep_ in ("prep", "dative")
                and prep.lower_ in wanted for obj in prep_objects(prep) for a in self.actors_of(obj, pronouns=True)]

    def _object_targets(self, word: Token, objects: list[Token]) -> list[ActorHit]:
        found = self._judged_doers(word, objects)
        if found:
            return found
        found = [a for t in objects or [c for c in word.children if c.dep_ in ("dobj", "attr")]
                 for a in self.actors_of(t, pronouns=True)]
        if not found:
            # "condemned the drills that China launched": the doer of what was condemned
            found = [a for obj in objects for clause in obj.children if clause.dep_ == "relcl"
                     for subject in clause.children if subject.dep_ == "nsubj" for a in self.actors_of(subject)]
        if not found:
            # "welcomes the ceasefire agreement between Armenia and Azerbaijan": the parties to what is welcomed
            found = [a for prep in between_phrases(objects) if word.lemma_.lower() in _JUDGING
                     for p in prep.children if p.dep_ == "pobj" for a in self.actors_of(p)]
        if not found:
            found = self._maker_of(word, objects)
        if not found:
            # "demanded that the US cancel ...": the subject of the demanded clause
            found = [a for clause in word.children if clause.dep_ == "ccomp"
                     for subject in clause.children if subject.dep_ == "nsubj" for a in self.actors_of(subject)]
        return found

    def _judged_doers(self, word: Token, objects: list[Token]) -> list[ActorHit]:
        """A judged act done to someone is aimed at its doer: see `judgements.doer_phrases`."""
        if word.lemma_.lower() not in _JUDGING:
            return []
        return [a for agents, before in doer_phrases(word, objects)
                for a in (self.actors_of_all(agents) or self.actors_of_all(before))]

    def _maker_of(self, word: Token, objects: list[Token]) -> list[ActorHit]:
        """Whose statement, allegation or measure the object is, when the object names no actor itself: "rejects
        the allegations made by India" (the participle's agent); "rejects the statement by the Hungarian side",
        where the parse hangs the `by` phrase on the active verb."""
        agents = [p for obj in objects for clause in obj.children if clause.dep_ == "acl"
                  for agent in clause.children if agent.dep_ == "agent" for p in agent.children if p.dep_ == "pobj"]
        if objects and any(c.dep_ in SUBJECT_DEPS for c in word.children):
            agents += [p for prep in word.children if prep.dep_ == "prep" and prep.lower_ == "by"
                       for p in prep.children if p.dep_ == "pobj"]
        return self.actors_of_all(agents)

    def condition_actors(self, verb: Token, sources: list[ActorHit]) -> list[ActorHit]:
        """Who a threat is aimed at: the one whose act would set it off ("threaten a nuclear response if Kyiv
        struck", "warned of strong measures if Russia invaded Ukraine"), the subject of its condition, else
        the condition's object ("if anyone attacked Taiwan")."""
        source_states = {ref.state_code for m, _ in sources for ref in m.actors}
        for clause in sorted(verb.subtree, key=lambda t: t.i):
            if not any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in clause.children):
                continue
            for deps in (SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS, frozenset({"dobj"})):
                found = [a for c in clause.children if c.dep_ in deps for a in self.actors_of(c)
                         if not {ref.state_code for ref in a[0].actors} <= source_states]
                if found:
                    return found
        return []

    def _dative_targets(self, word: Token) -> list[ActorHit]:
        found: list[ActorHit] = []
        for obj in (c for c in word.children if c.dep_ == "dative"):
            if obj.pos_ == "ADP":
                found.extend(a for o in obj.children if o.dep_ == "pobj" for a in self.actors_of(o))
            else:
                found.extend(self.actors_of(obj))
        return found

    def place_target(self, verb: Token, sources: list[ActorHit]) -> list[ActorHit]:
        """Material acts land on a place: "struck power stations across Ukraine", "massed troops near its
        border with Ukraine", "hit a refinery in Russia's Krasnodar region". The first state named in the
        verb's own phrase (not in its subject, nor in a clause of its own) is the target."""
        own_clauses = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "advcl", "ccomp", "relcl",
                                                                   "conj", "csubj") for t in c.subtree}
        # "withdrawn its troops ..., in line with the commitments made in Luanda": a clause on a noun is its own
        own_clauses |= {t.i for c in verb.subtree if c.i != verb.i and c.dep_ in ("acl", "relcl") for t in c.subtree
                        if t.dep_ == "pobj" and t.head.lower_ in ("in", "at")}
        source_states = {ref.state_code for m, _ in sources for ref in m.actors}
        for token in sorted(verb.subtree, key=lambda t: t.i):
            mention = self.mentions.get(token.i)
            border = mention is not None and mention.how == "adjective" and token.head.lemma_.lower() in _BORDERS
            if token.i in own_clauses or mention is None or token.i != mention.start or (not border and (
                    mention.how not in _PLACE_NAMES or token.dep_ not in ("pobj", "poss", "compound"))):
                continue  # a place is named ("in Russia's Krasnodar region", "near the Armenian border"), not an
                # adjective of something else ("Russian propaganda")
            if mention.actors[0].kind == "state" and mention.actors[0].state_code not in source_states:
                # "struck targets in Iraq and Syria": every place of the list
                return [(mention, token)] + [(m, c) for c in token.conjuncts if c.i > token.i
                                             and (m := self.mentions.get(c.i)) is not None and all_states(m)]
        return []


    def purpose_actors(self, verb: Token, objects: list[Token], sources: list[ActorHit]) -> list[ActorHit]:
        """Who help is for, named by its purpose: "is providing assistance to support the Haitian authorities",
        "sent 2,000 soldiers to help Mozambique"."""
        source_states = {ref.state_code for m, _ in sources for ref in m.actors}
        for clause in helping_clauses(verb, objects):
            # "to support the Haitian authorities"; "to work with their Haitian counterparts"
            slots = [o for o in clause.children if o.dep_ == "dobj"] + [
                o for prep in clause.children if prep.dep_ == "prep" and prep.lower_ == "with"
                for o in prep.children if o.dep_ == "pobj"]
            found = [a for o in slots for a in self.actors_of(o)
                     if not {ref.state_code for ref in a[0].actors} <= source_states]
            if found:
                return found
        return []

    def thanked_for(self, noun: Token) -> list[ActorHit]:
        """Who is thanked for an act, and so did it: "We are grateful to the United States and France for the
        material support provided to our army", "thanked Japan for the assistance"."""
        word = gratitude_word(noun)
        if word is None:
            return []
        # "grateful to MINUSCA, the United States ... and France for the support": the parse may hang "for" on the
        # last of those thanked, or on the head of their list
        holder = noun.head.head
        listed = self.actors_of(holder) if holder is not word and holder.pos_ in ("NOUN", "PROPN") else []
        if word.pos_ in ("VERB", "AUX"):
            return self.actors_of_all([c for c in word.children if c.dep_ == "dobj"]) + listed
        return self.actors_of_all([o for prep in word.children if prep.dep_ == "prep" and prep.lower_ == "to"
                                   for o in prep.children if o.dep_ == "pobj"]) + listed

    def thanker(self, noun: Token) -> list[ActorHit]:
        """Who received the act one is thanked for: the participle's `to` ("the support provided to the Central
        African Armed Forces"), else the one who gives thanks."""
        given = [o for clause in noun.children if clause.dep_ == "acl" and clause.lemma_.lower() in _GIVEN
                 for prep in clause.children if prep.dep_ in ("prep", "dative") and prep.lower_ == "to"
                 for o in prep.children if o.dep_ == "pobj"]
        if given:
            return self.actors_of_all(given)
        word = gratitude_word(noun)
        if word is None:
            return []
        speaker = word if word.pos_ in ("VERB", "AUX") else word.head
        return self.source_actors(speaker)[0]

    def phrase_actors(self, verb: Token, sources: list[ActorHit],
                      topics: frozenset[str] = frozenset()) -> list[ActorHit]:
        """The first actor named in the verb's own phrase, not in its subject nor in a clause of its own:
        "dropped its objections to Sweden's membership", "rallied outside the Russian embassy" (not "observed
        the truce signed in Pretoria": a clause on the object is one of its own too); nor inside a phrase of
        `topics`, what the act is about ("protest against a coal deal with China")."""
        own_clauses = {t.i for c in verb.children if c.dep_ in _OWN_CLAUSES or (c.dep_ == "prep" and c.lower_ in topics)
                       for t in c.subtree}
        own_clauses |= {t.i for c in verb.subtree if c.i != verb.i and c.dep_ in ("acl", "relcl") for t in c.subtree
                        if t.dep_ == "pobj" and t.head.lower_ in ("in", "at")}  # where a clause on a noun happened
        # "spreading Russian propaganda": what qualifies the object is its origin, not the recipient
        own_clauses |= {q.i for o in verb.children if o.dep_ == "dobj" for q in o.children
                        if q.dep_ in ("amod", "compound", "nmod")}
        source_states = {ref.state_code for m, _ in sources for ref in m.actors}
        for token in sorted(verb.subtree, key=lambda t: t.i):
            mention = self.mentions.get(token.i)
            if token.i in own_clauses or mention is None or token.i != mention.start:
                continue
            if not {ref.state_code for ref in mention.actors} <= source_states:
                return [(mention, token)]
        return []

    def answered_actors(self, verb: Token, sources: list[ActorHit]) -> list[ActorHit]:
        """Whom a show of force answers or is aimed at, where the verb names no one: the doer of the act it
        follows ("scrambled jets after two Russian bombers flew close to its airspace", "as a Philippine resupply
        mission approached"), or the one its purpose names ("dispatched ships to monitor the Chinese exercises")."""
        source_states = {ref.state_code for m, _ in sources for ref in m.actors}
        for clause in (c for c in verb.children if c.dep_ in ("advcl", "xcomp", "prep")):
            marks = {m.lower_ for m in clause.children if m.dep_ in ("mark", "aux")}
            if clause.dep_ == "prep" and clause.lower_ in _ANSWERING_PREPS:
                slots = [o for o in clause.children if o.dep_ == "pobj"]
            elif marks & _ANSWERING_MARKS:
                slots = [c for c in clause.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
            elif "to" in marks and clause.lemma_.lower() in _ANSWERING_PURPOSES:
                slots = [c for c in clause.children if c.dep_ == "dobj"]
            else:
                continue
            found = [a for slot in slots for a in self.actors_of(slot)
                     if not {ref.state_code for ref in a[0].actors} <= source_states]
            if found:
                return found
        return []

    def meeting_place(self, verb: Token, states: set[str]) -> str | None:
        """The state whose city a meeting is held in ("held talks with Penny Wong in Canberra"), when that is one
        of the parties; None at a summit or conference (its host is no party to a meeting on its margins)."""
        if any(t.lemma_.lower() in _GATHERINGS for t in verb.sent):
            return None
        holders = [verb, *(o for o in verb.children if o.dep_ in ("dobj", "nsubj", "nsubjpass"))]
        for prep in (c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("in", "at")):
            for place in (o for o in prep.children if o.dep_ == "pobj"):
                mention = self.mentions.get(place.i)
                if mention is not None and mention.how in _PLACE_NAMES and mention.actors[0].kind != "person" \
                        and mention.actors[0].state_code in states and place.ent_type_ in ("GPE", "LOC", "FAC"):
                    return mention.actors[0].state_code
        return None


_PLACE_NAMES = frozenset({"name", "region", "capital"})
"""A state named as a place: its name, a territory that stands for it ("Gaza"), its capital."""
_ANSWERING_MARKS = word_list("answering_marks")
_ANSWERING_PREPS = word_list("answering_preps")
_ANSWERING_PURPOSES = word_list("answering_purposes")
_GATHERINGS = word_list("gatherings")
_GIVEN = word_list("given")
