"""The parse around a figure: its own phrase, the noun it modifies, its verb and clause (the roles the words
near it play, an aggressor, a doer, a source, are in `roles.py`).

Why apart from the reader: these read only the parse, not the actors, so they can be tested and changed
without a document's mentions; `reading.py` decides from them what a figure measures and who its ends are.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Span, Token

from multipolar.nlp.entities import entity_at
from multipolar.nlp.figures.words import words
from multipolar.nlp.first_person import first_person_words

_MODIFIER_DEPS = frozenset({"nummod", "compound", "nmod", "amod", "appos", "quantmod", "npadvmod", "poss"})
_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "xcomp", "csubj", "parataxis"})
_NOT_PARTIES = frozenset({"according"})
_NAME_ENTITIES = frozenset({"ORG", "PERSON", "FAC", "WORK_OF_ART", "LAW", "EVENT", "PRODUCT"})
_COMPARING = frozenset({"compare", "compared"})
"""Verbs that set a figure beside another ("$81 billion, compared to $52.1 billion in 2021"): the figure
belongs to the clause they hang on."""
_LEMMA_FIXES = {"dos": "dose", "basis": "base"}
"""spaCy's lemmatizer quirks for counted nouns ("doses" -> "dos")."""


def context(span: Span, near_only: bool = False) -> Iterator[Token]:
    """Tokens that can say what a figure measures, nearest first: its own phrase ("$5 billion in aid"), the
    noun it modifies ("a 25% tariff"), its verb ("imported"), then the rest of its clause. A count takes its
    measure only from the first three ("sanctioning 400 individuals", not "30 countries ... have announced
    sanctions")."""
    seen: set[int] = set(range(span.start, span.end))

    def fresh(tokens: Iterable[Token]) -> Iterator[Token]:
        for token in tokens:
            if token.i not in seen:
                seen.add(token.i)
                yield token

    phrase = own_phrase(span)
    yield from fresh(phrase)
    # "80,000 metric tons of beef ... to be imported": the clause on the figure's own phrase says what it is
    yield from fresh(c for t in (span.root, *phrase) for c in t.children
                     if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and c.i > span.root.i)
    yield from fresh(flow_nouns(span))
    verb = governing_verb(span.root)
    if verb is not None:
        yield from fresh([verb])
        if near_only:
            # "two million people have been forced to flee": the verb it completes says what happened to them
            yield from fresh(c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB" and
                             (c.dep_ == "xcomp" or any(a.lower_ == "to" for a in c.children)))
            if _put_on(span, verb):
                # "imposed sanctions on more than 400 individuals": what the verb puts on what is counted
                yield from fresh(c for c in verb.children if c.dep_ == "dobj")
            if completes_subject(span, verb):
                # "The death toll has been put at some 220,000": the subject says what the count counts
                yield from fresh(t for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in noun_phrase(c))
            return
        # "permits 80,000 metric tons ... to be imported": what the verb's object is allowed or asked to do
        yield from fresh(c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ == "VERB" and
                         c.i > span.root.i and any(a.lower_ == "to" for a in c.children))
        yield from fresh(c for c in verb.children if c.dep_ in ("dobj", "attr"))
        yield from fresh(c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))
        yield from fresh(sorted(clause_tokens(span), key=lambda t: abs(t.i - span.root.i)))
        if verb.dep_ == "relcl":
            # "bilateral trade ..., which is a growth of more than 40%": what the relative pronoun stands for
            yield from fresh([verb.head, *[c for c in verb.head.children if c.dep_ in ("amod", "compound")]])
        for node in list(verb_chain(verb))[1:]:
            # "Defence spending has risen ..., reaching $90 billion": the subject of the clause it completes
            yield from fresh(c for c in node.children if c.dep_ in ("nsubj", "nsubjpass"))


def _put_on(span: Span, verb: Token) -> bool:
    """The counted persons are what the verb's act lands on: "on"/"against" on the verb ("sanctions on 400
    individuals"); not the place of an act ("increase production on 75,000 acres")."""
    noun = span.root.head if span.root.dep_ in ("nummod", "quantmod") else span.root  # "400 individuals"
    return noun.dep_ == "pobj" and noun.head.lower_ in ("on", "against") and noun.head.head.i == verb.i and \
        counted_noun(span) in words("sanctionable")


def completes_subject(span: Span, verb: Token) -> bool:
    """"The toll was put at 220,000", "the number ... was estimated at more than 70 million", "the total is
    $5 billion": the figure is what its subject amounts to, not an object of the verb."""
    root = span.root
    if root.dep_ == "dobj" and root.head.i == verb.i and verb.lemma_.lower() in words("amounting"):
        # "oil production will reach 1.2 million barrels per day"; not "assistance has reached 9.7 million people"
        counted = counted_noun(span)
        return counted is not None and counted in words("goods_units")
    return (root.dep_ in ("attr", "oprd") and root.head.i == verb.i) or \
        (root.dep_ == "pobj" and root.head.lower_ in ("at", "to") and root.head.head.i == verb.i)


def own_phrase(span: Span) -> list[Token]:
    """The figure's own modifiers: "in humanitarian assistance", "of gas", "for energy assistance"."""
    found: list[Token] = []
    for child in span.root.children:
        if child.i in range(span.start, span.end):
            continue
        if child.dep_ == "prep" and child.lower_ in ("in", "of", "for", "on", "worth"):
            for obj in (c for c in child.children if c.dep_ == "pobj"):
                found.extend(noun_phrase(obj))
        elif child.dep_ in ("compound", "amod", "nmod"):
            found.extend(noun_phrase(child))
    return found


def names_receiver(span: Span, verb: Token | None) -> bool:
    """"contribute €2 million to the Adaptation Fund": the clause names its receiver, even one that is no
    actor we know, so no other state of the sentence is."""
    return any(child.dep_ in ("prep", "dative") and child.lower_ == "to" and
               any(c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN") for c in child.children)
               for holder in holders(span, verb) for child in holder.children)


def names_region(span: Span, verb: Token | None) -> bool:
    """"$369 million in commitments across Africa", "financing to projects across the continent": the flow
    is spread over a region, which is no one state."""
    for holder in holders(span, verb):
        for prep in (c for c in holder.children if c.dep_ == "prep"):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                if prep.lower_ in ("across", "throughout") or obj.ent_type_ == "LOC" or \
                        any(t.lemma_.lower() in words("regions") for t in obj.subtree):
                    return True
    return False


def named_flow(span: Span) -> list[Token]:
    """The flow a figure is an amount of: "$310 million in U.S. assistance", "$2 billion of Chinese loans"."""
    return [obj for child in span.root.children if child.dep_ == "prep" and child.lower_ in ("in", "of")
            for obj in child.children if obj.dep_ == "pobj" and obj.pos_ == "NOUN"]


def flow_nouns(span: Span) -> list[Token]:
    """The noun(s) a figure modifies: "a $500 million aid package", "a contribution of $100 million",
    "new contributions totaling $316 million", "the deficit was $1 trillion"."""
    found: list[Token] = []
    node = span.root
    valued = valued_noun(node)
    if valued is not None:  # "purchases of U.S. products valued at $119 million": what is worth it
        found.extend([valued, *[c for c in valued.children if c.dep_ in ("compound", "amod")]])
        trade = valued.head.head if valued.dep_ == "pobj" and valued.head.lower_ == "of" else None
        if trade is not None and common_lemma(trade) in words("trading"):
            found.append(trade)  # "Purchases of U.S. chips ... with a value of $150 billion": and the purchase
        return found  # not what the valued noun is in ("financing for projects valued at $7 billion")
    for _ in range(3):
        head = node.head
        if head.i == node.i:
            break
        if node.dep_ in _MODIFIER_DEPS and head.pos_ in ("NOUN", "PROPN"):
            found.extend([head, *[c for c in head.children if c.dep_ in ("compound", "amod")]])
            node = head
        elif node.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("NOUN", "PROPN"):
            noun = head.head
            found.extend([noun, *[c for c in noun.children if c.dep_ in ("compound", "amod")]])
            node = noun
        elif node.dep_ in ("dobj", "pobj", "attr") and head.dep_ == "acl" and head.head.pos_ == "NOUN" and \
                not (head.head.lemma_.lower() in words("promises") and any(c.lower_ == "to" for c in head.children)):
            # "contributions totaling $316 million"; not "a commitment to invest $15 billion": a promise, whose
            # verb says what it is
            found.append(head.head)
            node = head.head
        elif node.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_.lower() in words("bringing"):
            # "bringing our total donation to 6 million doses", "brings U.S. assistance to $2 billion": what the
            # verb's object now amounts to
            found.extend(c for o in head.head.children if o.dep_ == "dobj"
                         for c in [o, *o.children] if c.dep_ in ("dobj", "compound", "amod"))
            break
        elif (node.dep_ in ("attr", "acomp", "pobj") and head.lemma_ == "be") or \
                (node.dep_ == "pobj" and head.dep_ == "prep" and head.head.lemma_ in ("be", *words("amounting"))) or \
                (node.dep_ == "dobj" and head.lemma_ in words("amounting")):
            # "the deficit was $1 trillion", "our exports to China reached $5 billion", "stood at $300 million"
            copula = head if head.lemma_ == "be" or node.dep_ == "dobj" else head.head
            found.extend(c for s in copula.children if s.dep_ == "nsubj" for c in [s, *s.children]
                         if c.dep_ in ("nsubj", "compound", "amod"))
            break
        else:
            break
    return found


def governing_verb(token: Token) -> Token | None:
    """The verb whose clause a figure belongs to; for "the $500 million the United States has provided" and
    "the $20 billion pledged by the G-8", the clause on the figure's own noun; not when the figure is the object
    of a verb with its own subject ("Japan will invest $550 billion directed by the United States")."""
    valued = valued_noun(token)
    bought = governing_verb(valued) if valued is not None else None
    if bought is not None and bought.lemma_.lower() in words("trading"):
        return bought  # "will purchase 103 aircraft valued at $36.2 billion": the sum is what is bought
    outer = token.head if token.dep_ in ("nummod", "compound", "quantmod") else token
    if outer.dep_ == "dobj" and outer.head.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in outer.head.children):
        return outer.head
    for noun in (token, outer):
        own = next((c for c in noun.children if c.i > token.i and c.pos_ in ("VERB", "AUX") and
                    ((c.dep_ == "relcl" and c.lemma_ != "be") or
                     (c.dep_ == "acl" and c.tag_ == "VBN" and noun.i == token.i and
                      any(g.dep_ == "agent" for g in c.children)))), None)
        if own is not None:
            return own
    node = token
    for _ in range(8):
        if node.pos_ in ("VERB", "AUX") and node.i != token.i and node.lemma_.lower() not in _COMPARING and \
                node.dep_ != "prep":  # "donors, including Japan ($1.08 billion), increased": not "including"
            return node
        if node.head.i == node.i:
            return node if node.pos_ in ("VERB", "AUX") else None
        node = node.head
    return None


def valued_noun(token: Token) -> Token | None:
    """"103 aircraft valued at $36.2 billion", "50 aircraft from Boeing which is worth over $8 billion": the
    noun whose worth the figure states. The figure is no act of its own: the noun says what it measures, and
    a purchase of the noun is the figure's clause ("will purchase"), not "valued" or "is"."""
    node = token.head if token.dep_ in ("nummod", "compound", "quantmod") else token
    head = node.head
    if node.dep_ == "pobj" and head.lower_ == "at" and head.head.lemma_.lower() in words("valuing") and \
            head.head.dep_ == "acl" and head.head.head.pos_ == "NOUN":
        return head.head.head  # "aircraft valued at $36.2 billion", "a deal valued at $13.7 billion"
    if head.lower_ in words("valuing") and head.dep_ == "acomp" and head.head.lemma_ == "be" and \
            head.head.dep_ == "relcl" and head.head.head.pos_ == "NOUN":
        return head.head.head  # "aircraft ..., which is worth $8 billion"
    if node.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in words("valuing") and \
            head.head.dep_ == "pobj" and head.head.head.lower_ == "with":
        noun = head.head.head.head  # "purchases of U.S. chips, parts, and equipment with a value of $150 billion"
        while noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
            noun = noun.head  # the value is of all the nouns joined, whichever spaCy hangs it on
        return noun if noun.pos_ == "NOUN" or common_lemma(noun) != noun.lemma_.lower() else None
    return None


_FIRST_PERSON = first_person_words("subject")
_OWN = first_person_words("possessive")


def receiving(verb: Token) -> bool:
    """The figure's verb is one of receiving: "attracted", "has received", "were able to receive"."""
    return any(node.lemma_.lower() in words("receiving") for node in verb_chain(verb))


def reported_passive(verb: Token) -> bool:
    """"Over $10 billion was pledged", "$13.2 billion were invested": a past passive reports what others did;
    a fact sheet's "will be provided" or "is being delivered" announces what its own state does."""
    return any(c.dep_ == "auxpass" and c.tag_ == "VBD" for node in verb_chain(verb) for c in node.children)


def subject_token(verb: Token) -> Token | None:
    """The nearest subject of the verb or the verbs it completes; an agent ("pledged by the G-8") counts; a
    passive verb without one has none."""
    for node in verb_chain(verb):
        asked = controller(node)
        if asked is not None:
            return asked
        for child in node.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                agent = next((g for c in node.children if c.dep_ == "agent" for g in c.children
                              if g.dep_ == "pobj"), None)
                return agent if child.dep_ == "nsubjpass" and agent is not None else child
            if child.dep_ == "agent":
                return next((g for g in child.children if g.dep_ == "pobj"), child)
    return None


def controller(node: Token) -> Token | None:
    """"We appeal to our partners to furnish $250 million", "we call on donors to provide": the one asked
    does what the infinitive says."""
    if node.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
        return None
    head = node.head
    for child in head.children:
        if child.dep_ == "dobj" and child.i < node.i:
            return child
        if child.dep_ == "prep" and child.lower_ in ("to", "on", "upon") and child.i < node.i:
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def first_person_subject(verb: Token) -> bool:
    """"We will contribute", "my Government has allocated", "our country has received": the speaker acts."""
    subject = subject_token(verb)
    if subject is None:
        return False
    if subject.lemma_.lower() in words("others"):
        return False  # "our development partners", "our friends": others, not the speaker
    return subject.lower_ in _FIRST_PERSON or any(c.dep_ == "poss" and c.lower_ in _OWN for c in subject.children)


def verb_chain(verb: Token) -> Iterator[Token]:
    """The verb and the verbs it depends on as a complement ("plans to provide", "announced that X will
    provide"), whose subjects may be its own."""
    node = verb
    for _ in range(4):
        yield node
        if node.dep_ == "pcomp" and node.head.dep_ == "prep":
            node = node.head  # "committed to investing": through the preposition to the verb it completes
        if node.dep_ == "conj" and node.pos_ == "VERB" and node.head.pos_ == "NOUN" and node.head.dep_ == "dobj":
            node = node.head.head  # "to buy more products and purchase $500 billion": parsed as on the noun
            continue
        if node.dep_ == "acomp" and node.head.lemma_ == "be":
            node = node.head  # "we are tired of waiting for ...": through the adjective to the copula's subject
            continue
        if node.dep_ not in ("xcomp", "conj", "ccomp", "advcl", "prep") or node.head.i == node.i:
            return
        if node.dep_ == "conj" and _finite(node) and node.head.dep_ == "xcomp" and not _finite(node.head):
            # "we are encouraging Haiti to take ... and are providing $5 million": a finite verb is no part
            # of the infinitive spaCy hangs it on; it shares the outer verb's subject
            node = node.head
        elif node.dep_ == "conj" and _shares_outer_verb(node):
            node = node.head  # "is bringing partners together to address ... and announcing $331 million"
        node = node.head


def _shares_outer_verb(verb: Token) -> bool:
    """A participle spaCy hangs on an infinitive ("is bringing partners to address the crisis and announcing
    $331 million") is of the same form as the verb outside the infinitive: it goes with that verb and its
    subject, not with the one asked to do the infinitive."""
    infinitive = verb.head
    return verb.tag_ in ("VBG", "VBN") and infinitive.dep_ == "xcomp" and infinitive.tag_ == "VB" and \
        infinitive.head.tag_ == verb.tag_


def _finite(verb: Token) -> bool:
    """The verb carries tense itself or through an auxiliary ("are providing", "will give", "gave")."""
    return verb.tag_ in ("VBD", "VBP", "VBZ") or any(
        c.dep_ == "aux" and c.tag_ in ("VBD", "VBP", "VBZ", "MD") for c in verb.children)


def holders(span: Span, verb: Token | None) -> list[Token]:
    """Tokens whose prepositions can name a flow's ends: the figure, the noun it modifies, its verb, the
    verb's object."""
    holders = [span.root, *[t for t in flow_nouns(span) if t.pos_ in ("NOUN", "PROPN")]]
    holders += [t for t in own_phrase(span) if t.pos_ == "NOUN"]
    if verb is not None:
        holders.append(verb)
        holders.extend(c for c in verb.children if c.dep_ == "dobj" and c.i not in range(span.start, span.end))
    return holders


def noun_phrase(token: Token) -> list[Token]:
    """A noun phrase without the clauses inside it."""
    found = [token]
    for child in token.children:
        if child.dep_ not in _CLAUSE_DEPS and child.dep_ != "punct":
            found.extend(noun_phrase(child))
    return found


def clause_tokens(span: Span) -> list[Token]:
    """The tokens of the figure's clause: its verb's subtree without nested clauses that do not hold the
    figure, and without "according to" sources."""
    verb = governing_verb(span.root)
    if verb is None:
        return list(span.sent)
    inside = set(range(span.start, span.end))
    result: list[Token] = []

    def walk(node: Token) -> None:
        result.append(node)
        for child in node.children:
            nested = child.dep_ in _CLAUSE_DEPS and not inside & {t.i for t in child.subtree}
            if nested or child.lower_ in _NOT_PARTIES:
                continue
            walk(child)

    walk(verb)
    return result


def cue_keys(token: Token) -> Iterator[str]:
    """The token's two-word phrases first ("trade deficit", "bilateral trade"), then its lemma."""
    if in_acting_name(token):
        return  # "the Export-Import Bank is issuing ...": the doer's name, not what its figure measures
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ in ("compound", "amod") and child.i < token.i:
            yield f"{child.lemma_.lower()} {lemma}"
        elif child.dep_ == "prt":
            yield f"{lemma} {child.lower_}"
    if lemma in words("containers"):
        # "a $600 billion investment commitment", "a loan package": the noun before says what it holds
        yield from (c.lemma_.lower() for c in token.children if c.dep_ == "compound" and c.i < token.i)
    if token.i > 0 and token.nbor(-1).is_alpha:
        yield f"{token.nbor(-1).lemma_.lower()} {lemma}"
    yield lemma
    if common_lemma(token) != lemma:
        yield common_lemma(token)


def common_lemma(token: Token) -> str:
    """The lemma of a capitalised plural spaCy takes for a name ("Purchases of U.S. semiconductors" opening a
    list item keeps its "s"): the singular, as for the common noun it is."""
    lemma = token.lemma_.lower()
    return lemma[:-1] if token.pos_ == "PROPN" and token.is_title and lemma.endswith("s") else lemma


def in_acting_name(token: Token) -> bool:
    """Inside the name of the clause's doer or of a figure's giver: "The Export-Import Bank", "Australia's
    superannuation funds", "$5.2 million from the European Investment Bank"."""
    if token.ent_type_ not in _NAME_ENTITIES:
        return False
    entity = entity_at(token.doc, token.i)
    if entity is None:
        return False
    root = entity.root
    return root.dep_ in ("nsubj", "nsubjpass") or (root.dep_ == "pobj" and (
        root.head.dep_ == "agent" or root.head.lower_ == "from"))


def per_unit(span: Span) -> str | None:
    """"$60 a barrel", "$35 per barrel", "$2 billion a year": the unit a figure is counted per."""
    doc = span.doc
    at = span.end
    if at + 1 < len(doc) and doc[at].lower_ in ("a", "an", "per", "each") and doc[at + 1].pos_ == "NOUN":
        return doc[at + 1].lemma_.lower()
    if span[-1].lower_ in ("annually", "yearly"):
        return "year"
    return _per_every(span)


def _per_every(span: Span) -> str | None:
    """"For every kilogram of our produce worth $15 ..., we get only $1": both are per kilogram; not the
    terms of a ratio ("$1 for every $2")."""
    def every(noun: Token) -> bool:
        return noun.pos_ == "NOUN" and not noun.like_num and noun.ent_type_ != "MONEY" and \
            any(d.dep_ == "det" and d.lower_ in ("every", "each") for d in noun.children)

    for node in (span.root, *span.root.ancestors):
        if node.dep_ == "pobj" and node.head.lower_ == "for" and every(node):
            return node.lemma_.lower()
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ == "for" and child.i not in range(span.start, span.end):
                noun = next((g for g in child.children if g.dep_ == "pobj"), None)
                if noun is not None and every(noun):
                    return noun.lemma_.lower()
        if node.pos_ in ("VERB", "AUX"):
            break
    return None


def counted_noun(span: Span) -> str | None:
    """"11,000 people" counts persons; "120,000 registered cases" counts cases."""
    doc = span.doc
    if span.label_ == "QUANTITY" and span.root.pos_ == "NOUN" and not span.root.like_num:
        noun = span.root  # "1.2 million barrels", "80,000 metric tons": spaCy's QUANTITY holds its noun
    elif span.end < len(doc) and span.root.head.pos_ == "NOUN" and span.root.dep_ in ("nummod", "quantmod"):
        noun = span.root.head
    elif span.end + 1 < len(doc) and doc[span.end].lower_ == "of" and doc[span.end + 1].pos_ == "NOUN":
        noun = _phrase_head(doc[span.end + 1])
    elif span.end + 2 < len(doc) and doc[span.end].lower_ == "of" and doc[span.end + 1].dep_ in ("poss", "det") \
            and doc[span.end + 2].pos_ == "NOUN":
        noun = _phrase_head(doc[span.end + 2])  # "328 of its members"
    elif span.end < len(doc) and doc[span.end].pos_ == "NOUN":
        noun = doc[span.end]
    else:
        return None
    lemma = _LEMMA_FIXES.get(noun.lemma_.lower(), noun.lemma_.lower())
    return "person" if lemma in ("people", "person", "civilian", "individual") else lemma


def _phrase_head(noun: Token) -> Token:
    """"47 of their family members", "thousands of drug traffickers": the phrase's last noun is what is counted."""
    while noun.dep_ == "compound" and noun.head.i == noun.i + 1 and noun.head.pos_ == "NOUN":
        noun = noun.head
    return noun


def of_objects(noun: Token) -> list[Token]:
    """The objects of the noun's own "of" phrases ("purchases of U.S. soybeans": soybeans)."""
    return [g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]


def with_others(noun: Token) -> bool:
    """"U.S. and foreign pharmaceutical companies": a state named together with others, so no one state's."""
    return any(t.dep_ == "conj" and t.lemma_.lower() in words("world_wide") | {"foreign", "other"}
               for t in noun.subtree)
