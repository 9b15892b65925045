"""Plain dependency-tree readings the argument rules share: conjuncts, a verb's objects and the lemmas an object
constraint meets, whose subject a subject-less verb borrows, whose act an event noun is, a word of thanks, a purpose
of helping, the "between" of an act, the object a preposition shares, and what a pronoun may stand for ("they" and
"the leaders" after a plural subject, "it" in a relative clause, "it" after a verb of saying)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from multipolar.coding.tables import word_list
from multipolar.nlp.first_person import first_person_words
from multipolar.nlp.spans import ActorMention, quoted_char_ranges, text_of

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
_GRATITUDE = word_list("gratitude")
_HELPING = word_list("helping")
_ACT_SUMMARIES = word_list("act_summaries")
REPORTING_VERBS = word_list("say_verbs") | {"announce", "declare", "confirm", "warn", "insist"}


def noun_doers(noun: Token) -> list[Token]:
    """The tokens that say whose act an event noun is: its possessive, adjective or compound, its `by` phrase."""
    doers = [c for c in noun.children if c.dep_ in ("poss", "amod", "compound", "nmod")]
    doers += [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for o in c.children if o.dep_ == "pobj"]
    return doers


def summarised_act(noun: Token) -> bool:
    """"Moldova recalled its ambassador, a move the Kremlin called regrettable": a noun set beside a clause to sum
    up its act ("move", "decision", "step") stands for that act, not for a thing of its own."""
    return noun.dep_ in ("npadvmod", "appos") and noun.lemma_.lower() in _ACT_SUMMARIES and \
        noun.head.pos_ in ("VERB", "AUX") and noun.i > noun.head.i


_OBJECT_PRONOUNS = {"them": ("NNS", "NNPS"), "it": ("NN", "NNP")}


def object_antecedent(pronoun: Token) -> Token | None:
    """"expelled six British diplomats, accusing them of spying", "threatened to expel the UN mission, accusing it
    of ...": the object pronoun of a participle or a conjoined verb stands for the object (of the same number) of
    the verb it hangs on, or of that verb's complement; a pronoun there is followed up the same way."""
    numbers = _OBJECT_PRONOUNS.get(pronoun.lower_)
    node = pronoun.head
    if numbers is None or pronoun.dep_ != "dobj":
        return None
    for _ in range(3):
        if node.dep_ not in ("advcl", "conj") or node.head is node:
            return None
        node = node.head
        holders = [node, *(c for c in node.children if c.dep_ == "xcomp")]
        objects = [o for h in holders for o in h.children if o.dep_ == "dobj"]
        if any(o.lower_ == pronoun.lower_ for o in objects):
            continue  # "ordered them to leave, accusing them": the first "them" is read the same way
        found = [o for o in objects if o.tag_ in numbers or (pronoun.lower_ == "them" and o.conjuncts)]
        return found[0] if found else None
    return None


def object_controlled(verb: Token) -> bool:
    """A complement whose doer is the governing verb's object ("enabled Russia to ...")."""
    return verb.dep_ == "xcomp" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children) and \
        any(c.dep_ == "dobj" for c in verb.head.children)


def conjuncts(token: Token) -> list[Token]:
    return [token, *[t for t in token.conjuncts if t.i > token.i]]


def governing_verb(verb: Token) -> Token | None:
    """The word whose subject a subject-less verb shares ("X is about to restore", "X committed to collaborating")."""
    node = verb
    for _ in range(5):
        if node.dep_ not in ("conj", "xcomp", "advcl", "acomp", "pcomp", "pobj", "prep") or node.head is node:
            return None
        node = node.head
        if any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for c in node.children):
            return node
    return None


def objects_of(verb: Token) -> list[Token]:
    """The verb's objects; a noun the parse conjoins to a verb that has an object is a second object ("We offer
    our full support for and assistance with Poland's investigation": "assistance" hangs on "offer")."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd")]
    if any(c.dep_ == "dobj" for c in objects):
        objects += [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "NOUN"]
    return objects


def object_lemmas(objects: list[Token], verb: Token, adjuncts: bool = True) -> set[str]:
    """Lemmas an object constraint can meet: the object, its conjuncts, and "billions in aid"; with `adjuncts`,
    also the objects of the verb's own prepositions ("pulled out of the deal")."""
    lemmas: set[str] = set()
    for obj in objects:
        for word in conjuncts(obj):
            lemmas.add(word.lemma_.lower())
            for prep in (c for c in word.children if c.dep_ == "prep" and c.lower_ in ("in", "of")):
                lemmas.update(p.lemma_.lower() for p in prep.children if p.dep_ == "pobj")
            lemmas.update(c.lemma_.lower() for c in word.children if c.dep_ == "compound")
    # "stopped firing across the border": a gerund complement is what the verb acts on
    lemmas.update(c.lemma_.lower() for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VBG")
    for prep in (c for c in verb.children if adjuncts and c.dep_ == "prep" and c.lower_ in ("in", "of", "from", "on",
                                                                                          "to", "off", "as")):
        lemmas.update(p.lemma_.lower() for p in prep.children if p.dep_ == "pobj")  # "pulled out of the deal"
    return lemmas


def helping_clauses(verb: Token, objects: list[Token]) -> list[Token]:
    """Purpose infinitives of helping ("to support the Haitian authorities", "to help fight an insurgency")
    on the verb or its objects."""
    return [clause for holder in (verb, *objects) for clause in holder.children
            if clause.dep_ in ("advcl", "xcomp", "acl") and clause.lemma_.lower() in _HELPING
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)]


_BORDERS = word_list("borders")


def deployed_to_place(verb: Token) -> bool:
    """The verb sends its object to a border or a stretch of sea ("sent tanks to the border with Gaza"), a place
    rather than anyone who receives it."""
    return any(o.lemma_.lower() in _BORDERS for prep in verb.children if prep.dep_ == "prep"
               and prep.lower_ in ("to", "into", "toward", "towards") for o in prep.children if o.dep_ == "pobj")


def between_phrases(nouns: list[Token]) -> list[Token]:
    """The "between" of an act's nouns, on the noun or on its participle: "the agreement between Armenia and
    Azerbaijan", "the agreement reached between the United States and Russia"."""
    holders = [*nouns, *(c for n in nouns for c in n.children if c.dep_ == "acl" and c.tag_ == "VBN")]
    return [prep for h in holders for prep in h.children if prep.dep_ == "prep" and prep.lower_ == "between"]


def prep_objects(prep: Token) -> list[Token]:
    """A preposition's objects; one left without ("our support for and assistance with Poland's investigation")
    shares the object of the preposition the next conjoined phrase ends on."""
    objects = [o for o in prep.children if o.dep_ == "pobj"] or _clause_subjects(prep)
    if objects or prep.i + 1 >= len(prep.doc) or prep.doc[prep.i + 1].dep_ != "cc":
        return objects
    for token in prep.doc[prep.i + 2 : prep.sent.end]:
        if token.dep_ == "prep" and token.i > prep.i + 2:
            return [o for o in token.children if o.dep_ == "pobj"]
        if token.is_punct:
            break
    return []


def _clause_subjects(prep: Token) -> list[Token]:
    """Where the parser read "met with Prime Minister X of Iraq to strengthen ..." as an infinitive clause under the
    preposition, the clause's subject is the preposition's object. Not a participle's ("met in Istanbul, with
    Turkish officials mediating": they are no party)."""
    return [s for c in prep.children if c.dep_ == "pcomp" and any(a.tag_ == "TO" for a in c.children)
            for s in c.children if s.dep_ in SUBJECT_DEPS]


def gratitude_word(noun: Token) -> Token | None:
    """The word of thanks an act is the reason for: "thanked Japan [for its support]", "grateful to X [for]"; also
    where the parse hangs "for" on the copula ("We are [grateful to X] for the support") or on the thanked ones,
    below the clause of thanks ("We are grateful to A, B and C for", "for" on C or on an apposition of "We")."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "for":
        return None
    holder = noun.head.head
    for node in [holder, *holder.ancestors][:4]:
        if node.lemma_.lower() in _GRATITUDE:
            return node
        thanks = [c for c in node.children if c.dep_ == "acomp" and c.lemma_.lower() in _GRATITUDE]
        if thanks:
            return thanks[0]
        if node.pos_ in ("VERB", "AUX"):
            return None  # the clause ends here: "sent troops for the mission" thanks no one
    return None


_PLURAL_NOUNS = frozenset({"leader", "side", "party", "president", "delegation"})
"""Plural nouns that, with only "the", name the pair already acting ("The leaders highlighted ...")."""
_BACK = 2
"""Sentences back that a plural anaphor's antecedent is looked for."""
_MEETING_WITH = word_list("meeting_with")


def plural_anaphor(token: Token) -> bool:
    """"They reaffirmed ...", "The leaders highlighted ...", "X and Y discussed trade, and they agreed ...": a plural
    subject of a sentence's main verb (or of a verb joined to it) that names no one itself, and so stands for the
    plural subject of that sentence or of one before."""
    verb = token.head
    if token.dep_ not in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS or not _main_or_joined(verb):
        return False
    if token.lower_ == "they":
        return True
    return token.tag_ in ("NNS", "NNPS") and token.lemma_.lower() in _PLURAL_NOUNS and \
        [c.lower_ for c in token.children] == ["the"]


def _main_or_joined(verb: Token) -> bool:
    """The sentence's main verb, or a verb conjoined to it ("discussed ..., and they agreed")."""
    root = verb.sent.root
    return verb.i == root.i or (verb.dep_ == "conj" and verb.head.i == root.i)


def _met_with(subject: Token) -> list[Token]:
    """"Vice President Harris spoke today with President Boakai": a meeting verb's subject and its "with" party,
    who together are the "they" of the sentences after; empty for any other verb."""
    verb = subject.head
    if verb.lemma_.lower() not in _MEETING_WITH:
        return []
    partners = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" for o in prep_objects(p)]
    return [subject, partners[0]] if partners else []


def earlier_plural_subject(token: Token) -> list[Token]:
    """The nearest plural subject of a main verb: in the anaphor's own sentence when it is the subject of a joined
    verb, else in the two sentences before ("President Lula and Prime Minister Albanese discussed trade. They
    reaffirmed ..."); a singular subject that met "with" someone counts as the pair (`_met_with`). Other sentences
    with a singular subject are passed over, and so is an anaphor itself ("They met. They agreed ..."), so that no
    chain reaches past the two sentences. Empty when none is found."""
    doc = token.doc
    sentence = token.sent
    own = [sentence] if token.head.i != sentence.root.i else []
    earlier = []
    for _ in range(_BACK):
        if sentence.start == 0:
            break
        sentence = doc[sentence.start - 1].sent
        earlier.append(sentence)
    for sent in own + earlier:
        for subject in (c for c in sent.root.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS):
            if subject.i == token.i or plural_anaphor(subject):
                continue
            if subject.conjuncts or subject.tag_ in ("NNS", "NNPS"):
                return [subject]
            if pair := _met_with(subject):
                return pair
    return []


_EXPLETIVE_VERBS = frozenset({"be", "seem", "appear", "remain", "become", "take", "mean", "matter", "happen"})
"""Verbs whose "it" is mostly no one ("It is time to ...", "it seems that ...")."""


def it_antecedent(pronoun: Token) -> Token | None:
    """Who a subject "it" stands for in a relative clause on what the main verb acts on: the main verb's subject
    ("China will remove the tariffs it imposed on Canada", "called for the removal of the envoy, whom it accused of
    meddling"). None for any other "it" (after a sentence naming a state, "It aims to ..." is as often the
    initiative as the state), or when the main verb is one of saying."""
    if pronoun.lower_ != "it" or pronoun.dep_ not in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS or \
            pronoun.head.lemma_.lower() in _EXPLETIVE_VERBS:
        return None
    clause = pronoun.head
    if clause.dep_ != "relcl" or not _on_what_is_acted_upon(clause.head) or any(
            p.dep_ == "prep" and any(o.tag_ in ("WDT", "WP") for o in p.children) for p in clause.children):
        return None  # "the way in which it struck New York": not what the main verb acts on
    root = pronoun.sent.root
    if root.lemma_.lower() in REPORTING_VERBS:
        return None
    subjects = [c for c in root.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
    return subjects[0] if len(subjects) == 1 and not subjects[0].conjuncts else None


def _on_what_is_acted_upon(noun: Token) -> bool:
    """The noun hangs on the main verb through objects, prepositions and complements only ("remove the tariffs",
    "withdrawn most of the troops", "called for the removal of the ambassador")."""
    node = noun
    for _ in range(6):
        if node.dep_ == "ROOT":
            return True
        if node.dep_ not in ("dobj", "pobj", "prep", "xcomp", "conj"):
            return False
        node = node.head
    return False


def plural_mention(mention: ActorMention, doc: Doc) -> bool:
    """"G20 Leaders", "foreign ministers": a plural noun, or an office word in the plural (the parser often tags
    "Leaders" in a name as singular)."""
    words = [t for t in doc[mention.start : mention.end] if t.is_alpha]
    if not words:
        return False
    last = words[-1]
    return last.tag_ in ("NNS", "NNPS") or (mention.how == "agent" and last.lower_.endswith("s")
                                            and not last.lower_.endswith("ss"))


def all_states(mention: ActorMention) -> bool:
    return all(ref.kind == "state" for ref in mention.actors)


def speaker_for_pronoun(verb: Token, subject: Token) -> list[Token]:
    """"NATO said it will send ...": a pronoun subject of a reported clause is the one who said it."""
    if subject.lower_ not in ("it", "they", "he", "she", "we") or verb.dep_ != "ccomp":
        return [subject]
    if verb.head.lemma_.lower() not in REPORTING_VERBS:
        return [subject]
    return [c for c in verb.head.children if c.dep_ == "nsubj"] or [subject]


_SUBJECT_WORDS = first_person_words("subject")
_POSSESSIVE = first_person_words("possessive")


def own_possessives(doc: Doc, mentions: dict[int, ActorMention]) -> dict[int, ActorMention]:
    """"our continued readiness to hold Russia accountable", "my government's support": the document's voice is
    whose act an "our" or "my" names, outside quotations (the actor resolver leaves "our concern" no actor, so
    these count only where a phrase's actors are asked for)."""
    voice = next((m.actors for m in mentions.values() if m.how == "voice" and m.end - m.start == 1
                  and doc[m.start].lower_ in _SUBJECT_WORDS), None)
    if voice is None:
        return {}
    quoted = quoted_char_ranges(text_of(doc))
    return {t.i: ActorMention(t.i, t.i + 1, voice, "voice") for t in doc if t.lower_ in _POSSESSIVE
            and t.dep_ == "poss" and t.i not in mentions and not any(a <= t.idx < b for a, b in quoted)}
