"""Resolver mentions for the statement passes: an index for span look-ups, a mention or a proper-noun chain
as a named ``Speaker``, and the last person named before a position (whom "he said" stands for)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from realpolitik.annotate import doc_text, ents_over
from realpolitik.model import Mention, Speaker
from realpolitik.ontology import cues
from realpolitik.resolve.participants import speaks_here

TITLE_HEADS = cues.words("title_words")

# How far back (in tokens) "he said" looks for its person: a few sentences. Without a bound a paragraph with no
# person in it is scanned again for every statement, quadratic in the paragraph.
PREVIOUS_PERSON_WINDOW = 400


class MentionIndex:
    """Resolver mentions sorted by start, for span look-ups."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
        self._starts = [m.start for m in self.mentions]
        # No mention that starts more than this before a position can cover it: look-ups stay local, not a
        # scan of every earlier mention (which made long articles quadratic).
        self._longest = max((m.end - m.start for m in self.mentions), default=0)

    def within(self, start: int, end: int) -> list[Mention]:
        lo = bisect_left(self._starts, start)
        hi = bisect_right(self._starts, end)
        return [m for m in self.mentions[lo:hi] if m.end <= end]

    def covering(self, start: int, end: int) -> list[Mention]:
        lo = bisect_left(self._starts, start - self._longest)
        hi = bisect_right(self._starts, start)
        return [m for m in self.mentions[lo:hi] if m.end >= end]

    def before(self, position: int) -> list[Mention]:
        return self.mentions[: bisect_left(self._starts, position)]


def only_titles(name: str) -> bool:
    """ "President", "Prime Minister": words of an office and no name."""
    words = name.split()
    return bool(words) and all(w.casefold() in TITLE_HEADS for w in words)


def name_chain(head: Token) -> tuple[int, int]:
    """The name ending at ``head``: its named entity ("Bob Menendez" even when the parser made "Bob" the
    head), else the proper-noun chain ("Alexander Chupriyan" out of "Minister Alexander Chupriyan")."""
    doc = head.doc
    if head.ent_iob_ != "O":
        for ent in ents_over(doc, head.idx, head.idx + 1):
            if ent.start <= head.i < ent.end:
                return ent.start_char, ent.end_char
    left = head.i
    while left > 0 and doc[left - 1].dep_ in ("compound", "flat") and doc[left - 1].pos_ == "PROPN":
        left -= 1
    return doc[left].idx, head.idx + len(head)


def from_mention(m: Mention) -> Speaker:
    return Speaker(
        name=(m.name or m.text) if m.via != "agent" else m.text,
        type="actor",
        code=m.code,
        sector=m.sector,
        start=m.start,
        end=m.end,
        actor_id=m.actor_id,
    )


def previous_person(doc: Doc, index: MentionIndex, position: int, floor: int) -> Speaker | None:
    """The last person named before ``position`` (not before ``floor``), for "he said"; when that person is
    only an object or an aside of their sentence, that sentence's subject, if a person, is meant ("Bloomberg
    endorsed his rival, Joe Biden. "...," he said": Bloomberg)."""
    i = doc.char_span(position, position, alignment_mode="expand")
    stop = i.start if i is not None else len(doc)
    for j in range(stop - 1, max(stop - PREVIOUS_PERSON_WINDOW, 0) - 1, -1):
        tok = doc[j]
        if tok.idx < floor:
            break
        found = _person_at(doc, index, tok)
        if found is None:
            continue
        if tok.dep_ in ("nsubj", "nsubjpass"):
            return found
        for k in range(j - 1, max(tok.sent.start, _floor_token(doc, floor)) - 1, -1):
            if doc[k].dep_ in ("nsubj", "nsubjpass") and doc[k].head.dep_ == "ROOT":
                subject = _person_at(doc, index, doc[k])
                if subject is not None:
                    return subject
        return found
    return None


def _floor_token(doc: Doc, floor: int) -> int:
    span = doc.char_span(floor, floor, alignment_mode="expand")
    return span.start if span is not None else 0


def _person_at(doc: Doc, index: MentionIndex, tok: Token) -> Speaker | None:
    if tok.dep_ not in ("nsubj", "nsubjpass", "appos", "pobj", "dobj") or tok.pos_ == "PRON":
        return None  # a pronoun's own antecedent (the resolver's coreference) is not trusted here
    people = [
        m
        for m in index.covering(tok.idx, tok.idx + len(tok))
        if m.kind == "person" and not speaks_here(doc_text(doc), m)  # a turn's label: its speaker says "I"
    ]
    if people:
        return from_mention(people[-1])
    if tok.dep_ in ("nsubj", "nsubjpass") and (tok.pos_ == "PROPN" or _capitalised_noun(tok)):
        named = _named_before(doc, index, tok)
        if named is not None:  # "Michael Bloomberg ... Bloomberg endorsed": the surname of a person named
            return named
    if (
        tok.dep_ in ("nsubj", "nsubjpass")
        and tok.pos_ == "PROPN"
        and tok.ent_type_ not in ("GPE", "ORG", "NORP")
    ):
        ns, ne = name_chain(tok)
        name = doc_text(doc)[ns:ne]
        if only_titles(name):
            return None  # "The President also instructed ...": a title, not a name
        return Speaker(name=name, type="actor", start=ns, end=ne)
    return None


def surname_speaker(tok: Token, index: MentionIndex) -> Speaker | None:
    """The person named in full earlier whose surname the tagger took for a common noun ("Radmall conceded")."""
    return _named_before(tok.doc, index, tok) if _capitalised_noun(tok) else None


def _capitalised_noun(tok: Token) -> bool:
    """A surname the tagger took for a common noun at the start of a sentence ("Radmall conceded that ...")."""
    return tok.pos_ == "NOUN" and tok.text[:1].isupper() and not tok.ent_type_


def _named_before(doc: Doc, index: MentionIndex, tok: Token) -> Speaker | None:
    """The person an earlier mention named in full whose last word is this one-word name."""
    neighbours = [doc[k] for k in (tok.i - 1, tok.i + 1) if 0 <= k < len(doc)]
    if any(t.pos_ == "PROPN" for t in neighbours):
        return None  # part of a longer name
    return _full_name(doc, index, tok)


def lead_author(head: Token, index: MentionIndex) -> Speaker | None:
    """ "Stamenković et al found ...": the first author, by the full name given earlier if there is one."""
    doc = head.doc
    if head.lower_.rstrip(".") != "al" or head.i < 2 or doc[head.i - 1].lower_ != "et":
        return None
    lead = doc[head.i - 2]
    if not lead.text[:1].isupper():
        return None
    found = _full_name(doc, index, lead)
    if found is not None:
        return found
    return Speaker(name=lead.text, type="actor", start=lead.idx, end=lead.idx + len(lead))


def _full_name(doc: Doc, index: MentionIndex, tok: Token) -> Speaker | None:
    text = doc_text(doc)
    end = bisect_left(index._starts, tok.idx)
    for m in reversed(index.mentions[:end]):
        if (
            m.kind == "person"
            and m.end - m.start > len(tok)
            and text[m.start : m.end].split()[-1] == tok.text
        ):
            return from_mention(m)
    for ent in reversed([e for e in doc.ents if e.end <= tok.i and e.label_ == "PERSON"]):
        if len(ent) > 1 and ent[-1].text == tok.text:  # a person the knowledge base does not know
            return Speaker(name=ent.text, type="actor", start=ent.start_char, end=ent.end_char)
    return None


_AUTHOR_LEMMAS = frozenset({"author", "coauthor"})  # "co-author" parses as "co", "-", "author"
_AUTHOR_REACH = 5  # "co-author of a new study": the author noun a few words from the document


def named_author(document: Token) -> Token | None:
    """The person an article names as a document's author where it names the document ("Professor Michael
    Siegel, co-author of a new study, ...", "said study co-author Karen Alley"): the head of that name."""
    doc, sent = document.doc, document.sent
    for tok in doc[max(sent.start, document.i - _AUTHOR_REACH) : min(sent.end, document.i + _AUTHOR_REACH)]:
        if tok.lemma_.lower() not in _AUTHOR_LEMMAS or tok.i == document.i:
            continue
        if tok.i < document.i and not any(t.lower_ == "of" for t in doc[tok.i + 1 : document.i]):
            continue  # "the author's study": not the author of this document
        j = tok.i + 1
        if j < sent.end and _is_name(doc[j]):  # "study co-author Karen Alley"
            while j + 1 < sent.end and _is_name(doc[j + 1]):
                j += 1
            return doc[j]
        if tok.dep_ == "appos" and _is_name(tok.head):  # "Michael Siegel, co-author of ..."
            return tok.head
        return next((c for c in tok.children if c.dep_ == "appos" and _is_name(c)), None)
    return None


def _is_name(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper()
