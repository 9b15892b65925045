"""Quotations: which stretches of a document are quoted speech, before anyone is named as their speaker.

Direct quotations in straight or curly marks (a quote left open closes at the end of its paragraph, or
runs on into the next one when that paragraph closes it; one running over paragraphs, each opened by a
mark, is one piece per paragraph); unquoted speech after "said:" up to the end of its sentence. Titles,
names and event slogans in marks ("a report titled “Beyond the Coups”"), nicknames inside a name, and
markup left in the text (`style="..."`) are not quotations. Each quotation is `full` (a sentence or more),
`partial` (a fragment of the writer's sentence that a speech verb governs) or `scare` (a term in marks
that a non-speech verb ascribes: "dismissed the vote as a “pantomime election”"). Speakers come from
`nlp.quotes.speakers` (with `around` and `referents`); `nlp.quotes.component` is the spaCy component
that joins the two.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from multipolar import data_files
from multipolar.data_files import data_lines
from multipolar.nlp.spans import ActorRef, quoted_char_ranges, text_of

CLOSERS = "”»"
_NESTED = re.compile(r"(?<![\w’'])‘([^‘’“”]+?)’(?![\w])")
_MARKUP = re.compile(r"[<>{}]|^\s*(?:https?:|www\.|#[0-9a-f]{3,6}\b)|\b[\w-]+\s*:\s*[\w#.-]+\s*;"
                     r"|^[\w-]+\.(?:png|jpe?g|gif|css|js|html?)$", re.IGNORECASE)
LISTED = re.compile(r"[”\"’]?\s*(?:,|;|,? and|,? or)\s*")
"""Between two quotations of one list ("chants: “Death to America!”, “Death to Israel!”"): the second is
what the first is."""
_UNQUOTED = re.compile(r"\b(?:said|says|stated|states|added|wrote|writes|declared|asked|told [\w ]{1,30}?|"
                       r"announced|warned|explained):\s+(?=[^“\"‘\s])")


@dataclass(frozen=True)
class FoundQuote:
    """A quotation: its characters [start, end) (without marks) and who said it."""

    start: int
    end: int
    text: str
    speaker: str | None
    speaker_actor: ActorRef | None
    direct: bool
    sentence: int
    kind: str = "full"
    speaker_country: str | None = None
    speaker_sector: str | None = None


@dataclass(frozen=True)
class QuoteSpan:
    """A stretch of text that reads as a quotation, before its speaker is known."""

    start: int
    end: int
    direct: bool
    kind: str
    closed: bool = True
    """False for a quote whose closing mark never comes before its paragraph ends."""
    nested: bool = False
    """In single marks inside another quotation: "“She said, ‘Tell them we are alive,’ and left,” he said"."""


def speaker_country(actor: ActorRef | None) -> str | None:
    """The country a speaker speaks for: a state itself, a person's or body's state; none for a UN official."""
    if actor is None:
        return None
    if actor.kind == "state":
        return actor.code
    return actor.country if actor.kind in ("person", "organization", "other") else None


def word_list(name: str) -> tuple[str, ...]:
    """A word list of `data/quotes/`, in its order (read as every data file is: `data_files`)."""
    return data_lines(f"quotes/{name}")


def word_set(name: str) -> frozenset[str]:
    """A one-column word list of `data/quotes/`, as a set."""
    return data_files.word_list(f"quotes/{name}")


@cache
def word_table(name: str) -> dict[str, str]:
    """A two-column TSV of `data/quotes/` (a header row, then word and value)."""
    rows = [line.split("\t") for line in word_list(name)[1:]]
    return {row[0]: row[1] for row in rows if len(row) >= 2}


# ---- which marked spans are quotations ------------------------------------------------------------


def quote_spans(doc: Doc) -> list[QuoteSpan]:
    """Every quotation of the document, in order: marked ones that are speech, then unquoted speech."""
    text = text_of(doc)
    found: list[QuoteSpan] = []
    for start, end in quoted_char_ranges(text):
        raw = text[start:end]
        body = raw.strip().strip("*").strip()
        if not body or not re.search(r"\w", body):
            continue
        offset = start + raw.index(body)
        stop = offset + len(body)
        listed = bool(found) and LISTED.fullmatch(text[found[-1].end : start - 1]) is not None
        if _is_markup(text, start, body) or (not listed and _is_title(text, start, body)) or \
                _is_nickname(doc, start, stop) or _is_role_label(doc, offset, stop) or \
                _is_named_title(doc, offset, body) or _is_name(doc, offset, body):
            continue
        closed = stop < len(text) and text[end : end + 1] in CLOSERS + '"'
        found.append(QuoteSpan(offset, stop, True, _kind(doc, offset, stop, body), closed))
        found.extend(_nested(doc, offset, stop))
    found.extend(_single_marked(doc, quoted_char_ranges(text)))
    found.extend(_unquoted(text, found))
    return sorted(found, key=lambda q: q.start)


def _single_marked(doc: Doc, double: list[tuple[int, int]]) -> list[QuoteSpan]:
    """Quotations in single curly marks outside double ones, as headlines set them ("Schumer hails ‘Erie Canal
    moment’"); an apostrophe opens none, and titles and names stay out as in double marks."""
    text = text_of(doc)
    found = []
    for match in _NESTED.finditer(text):
        body = match.group(1).strip()
        at = match.start(1) + match.group(1).index(body)
        if any(a - 1 <= match.start() <= b for a, b in double) or _is_title(text, at, body) or \
                _is_nickname(doc, at, at + len(body)) or _is_name(doc, at, body) or _MARKUP.search(body):
            continue
        found.append(QuoteSpan(at, at + len(body), True, _kind(doc, at, at + len(body), body)))
    return found


def _nested(doc: Doc, start: int, end: int) -> list[QuoteSpan]:
    """Quotations in single curly marks inside a quotation (an apostrophe is not an opening mark)."""
    found = []
    for match in _NESTED.finditer(text_of(doc), start, end):
        body = match.group(1).strip()
        if body:
            at = match.start(1) + match.group(1).index(body)
            found.append(QuoteSpan(at, at + len(body), True, _kind(doc, at, at + len(body), body), True, True))
    return found


def _is_markup(text: str, start: int, body: str) -> bool:
    """`<span style="color: red">`, `href="..."`: what is left of HTML is never a quotation."""
    before = text[max(0, start - 3) : start - 1].rstrip()
    return before.endswith("=") or bool(_MARKUP.search(body))


def _is_title(text: str, start: int, body: str) -> bool:
    """A title, a name or an event slogan in marks: after "titled", "the slogan", or capitalised like one."""
    before = re.sub(r"[\s,:*]+$", "", text[max(0, start - 40) : start - 1]).lower()
    if any(re.search(rf"(?:^|\W){re.escape(cue)}$", before) for cue in word_list("title_cues.txt")):
        return True
    cue = re.search(r"(\w+)$", before)
    if cue is not None and cue.group(1) in word_set("written_cues.txt"):
        return False  # "placards reading “We Will Not Forget”": words written, whatever their capitals
    words = re.findall(r"[A-Za-z][\w'’-]*", body)
    determined = re.search(r"(?:^|\W)(?:the|a|an|his|her|its|their|our|my|your)$", before) is not None
    if len(words) >= 2 and _PASSIVE_NAMING.search(before) and _title_cased(words):
        return True  # "one of the groups is called “Stand Against Su.”": a name, whatever its full stop
    if len(words) < 2 or (re.search(r"[.,;]\W*$", body) and not (determined and len(words) <= 6)) or \
            re.search(r"!\W*$", body) or (re.search(r"\?\W*$", body) and len(words) > 3):
        return False  # "the “Seven Samurai,” inspired ...": a title used as a noun, whatever its comma
    return _title_cased(words)


_PASSIVE_NAMING = re.compile(r"(?:^|\W)(?:is|are|was|were|be|been|being)\s+(?:called|named|dubbed)$")


def _title_cased(words: list[str]) -> bool:
    """Most words capitalised, the first one too ("Beyond the Coups")."""
    small = {"a", "an", "the", "of", "and", "for", "in", "on", "to", "is", "at", "by", "with", "or", "its",
             "their", "our", "his", "her", "from", "as", "but", "nor", "vs"}
    significant = [w for w in words if w.lower() not in small or w == words[0]]
    capitalised = sum(1 for w in significant if w[0].isupper() or w[0].isdigit())
    return capitalised / max(len(significant), 1) >= 0.8 and words[0][0].isupper()


def _is_name(doc: Doc, start: int, body: str) -> bool:
    """"a sacred stone that the Aztecs called “Itztli”": one capitalised word a naming verb gives is a name."""
    if not re.fullmatch(r"[A-Z][\w’'-]*", body):
        return False
    span = doc.char_span(start, start + len(body), alignment_mode="expand")
    if span is None:
        return False
    before = [t for t in doc[max(0, span.start - 3) : span.start] if not t.is_punct]
    return bool(before) and (before[-1].lemma_.lower() in word_set("naming_verbs.txt") or
                             " ".join(t.lower_ for t in before[-2:]) == "known as")


def _is_named_title(doc: Doc, start: int, body: str) -> bool:
    """"a report by the Arctic Institute, “Polar Silk Road or Polar Mirage?”": a capitalised phrase set off
    by a comma after a report, a paper, a theme or a campaign names it (`title_nouns.txt`)."""
    text = text_of(doc)
    if not body[:1].isupper() or re.search(r"[,.;:]\W*$", body) or len(body.split()) > 16:
        return False
    before = text[max(0, start - 3) : start]
    if not re.search(r",\s*[“\"‘]$", before):
        return False
    comma = doc.char_span(start - len(before), start - len(before) + 1, alignment_mode="expand")
    if comma is None or comma.start == 0:
        return False
    node = doc[comma.start - 1]
    for _ in range(4):
        if node.lemma_.lower() in word_list("title_nouns.txt") and node.pos_ == "NOUN":
            return True
        if node.dep_ not in ("pobj", "prep", "compound", "poss") or node.head.i == node.i or node.head.i > node.i:
            return False
        node = node.head
    return False


def _is_role_label(doc: Doc, start: int, end: int) -> bool:
    """"attributable to “senior administration officials”": how a source is to be named, not words said."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) > 7 or any(t.pos_ in ("VERB", "AUX") for t in span):
        return False
    last = next((t for t in reversed(span) if t.is_alpha), None)
    return last is not None and last.lemma_.lower() in word_list("role_labels.txt")


def _is_nickname(doc: Doc, start: int, end: int) -> bool:
    """Rafael “Shorty” Gómez: a word in marks between two parts of a name. Not "And “more rain.” Then.": a
    nickname ends in no full stop, and a word like "And" or "The" before it is no part of a name (a short list, not
    all stop words: "Will “The Thrill” Smith")."""
    text = text_of(doc)
    if len(text[start:end].split()) > 2 or re.search(r"[.!?,;:]$", text[start:end]):
        return False
    before = re.search(r"([A-Z][\w’'.-]+)\s*[“\"‘]$", text[max(0, start - 30) : start])
    after = re.match(r"[”\"’]\s*([A-Z][\w’'-]+)", text[end : end + 30])
    return before is not None and after is not None and before.group(1).lower() not in word_set("sentence_openers.txt")


def _kind(doc: Doc, start: int, end: int, body: str) -> str:
    """full: a sentence of its own or speech set off by a comma or colon; partial or scare: a fragment
    of the writer's own sentence."""
    text = text_of(doc)
    before = text[max(0, start - 40) : start].rstrip(" *“\"‘„«")
    opens_sentence = not before or before[-1] in ".!?:,\n—–-" or before.endswith(("said", "says"))
    starts_high = body[:1].isupper() or body.startswith(("[", "…", "..."))
    if opens_sentence and (starts_high or re.search(r"[.!?]\W*$", body)):
        return "full"
    if len(body.split()) > 8 and starts_high:
        return "full"
    words = body.split()
    if len(words) <= 3 and not _has_verb(doc, start, end):
        return "scare"
    return "partial"


def _has_verb(doc: Doc, start: int, end: int) -> bool:
    """A verb of the words in marks; not a piece of a hyphenated word ("“yu-ai”", "“self-made”"), which the
    parser may tag as a verb but which is one word."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.pos_ in ("VERB", "AUX") and not _hyphenated(t) for t in span)


def _hyphenated(token: Token) -> bool:
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    joined_before = before is not None and before.text == "-" and not before.whitespace_
    joined_after = after is not None and after.text == "-" and not token.whitespace_
    return joined_before or joined_after


def _unquoted(text: str, quoted: list[QuoteSpan]) -> list[QuoteSpan]:
    """Reported speech without marks: "X said: ..." up to the end of its sentence."""
    found = []
    for match in _UNQUOTED.finditer(text):
        start = match.end()
        if any(q.start - 1 <= start < q.end + 1 for q in quoted):
            continue
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
        stop = re.search(r"[.!?](?=\s|$)", text[start:line_end])
        end = start + stop.end() if stop else line_end
        body = text[start:end].rstrip()
        if len(body.split()) >= 3 and not any(m in body for m in "“”\""):
            found.append(QuoteSpan(start, start + len(body), False, "unquoted"))
    return found
