"""What the extractor's passes produce before it becomes a Statement, and the steps that settle it: the parsed
article with its look-ups (paragraphs, sentences, mentions), a draft statement, unattributed quotes continued
from the statement before, pronoun speakers ("It said ...", "he added") resolved to whoever last spoke, and
captions, credits and table rows dropped."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from realpolitik.annotate import span_ents
from realpolitik.model import Article, Mention, Speaker, StatementForm
from realpolitik.ontology import cues
from realpolitik.statements.mentions import MentionIndex, only_titles, previous_person
from realpolitik.statements.quotes import Paragraph, split_paragraphs
from realpolitik.statements.speakers import issuer_of, speaker_from_head

_CLOSING = ".!?\"'”’»"
_CREDIT = re.compile(r"\s*(?:image|photo|picture|credit|source|video|file)s?\s*:", re.I)
_SCHEDULE = re.compile(r"\(\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?\)\s*$", re.I)  # "meeting (2 pm)"
# "Image: C.Suthorn.", also glued to the caption's name ("Jo JorgensenImage: Jo Jorgensen for President.")
_CREDIT_TAIL = re.compile(r"(?:\b|(?<=[a-z]))(?:Image|Photo|Picture|Credit)s?:\s*[^\n]{1,60}$")
_CREDIT_BEFORE = re.compile(r"(?:\b|(?<=[a-z]))(?:Image|Photo|Picture|Credit)s?\s*:\s*$")


@dataclass(slots=True)
class Draft:
    start: int
    end: int
    speaker: Speaker
    form: StatementForm
    cue: tuple[int, int] | None = None
    cue_token: int | None = None
    pending: bool = False  # an unattributed quote, settled by _settle
    pronoun: str | None = None  # the cue's subject was this pronoun: settled by _resolve_pronouns
    labelled: bool = False  # a transcript turn: its speaker's label says it was said, even a bare "725."


class ArticleContext:
    """The parsed article with look-ups shared by the passes."""

    def __init__(self, doc: Doc, article: Article, mentions: Sequence[Mention]) -> None:
        self.doc = doc
        self.text = article.text
        self.article = article
        self.index = MentionIndex(mentions)
        self.paragraphs = split_paragraphs(self.text)
        self._para_starts = [p.start for p in self.paragraphs]
        self.sents: list[Span] = list(doc.sents)
        self._sent_starts = [s.start_char for s in self.sents]

    def paragraph_at(self, pos: int) -> Paragraph | None:
        i = bisect_right(self._para_starts, pos) - 1
        return self.paragraphs[i] if i >= 0 else None

    def person_before(self, pos: int) -> Speaker | None:
        """Who "he"/"she" at ``pos`` stands for: the last person named as a subject in the paragraph, or, for
        a paragraph that names nobody before it ("In an interview, she said ..."), in the paragraph before."""
        para = self.paragraph_at(pos)
        found = previous_person(self.doc, self.index, pos, para.start if para else 0)
        named = para is not None and any(
            m.kind == "person" and m.via != "coref" for m in self.index.within(para.start, pos)
        )  # someone the parse left out of a subject or an object: the resolver's coreference knows better
        if found is None and not named and para is not None and para.index > 0:
            found = previous_person(self.doc, self.index, pos, self.paragraphs[para.index - 1].start)
        return found

    def sentences_over(self, start: int, end: int) -> list[Span]:
        i = max(bisect_right(self._sent_starts, start) - 1, 0)
        out = []
        while i < len(self.sents) and self.sents[i].start_char < end:
            if self.sents[i].end_char > start:
                out.append(self.sents[i])
            i += 1
        return out

    def sentence_index(self, sent: Span) -> int:
        return bisect_right(self._sent_starts, sent.start_char) - 1

    def tokens(self, start: int, end: int) -> Span | None:
        return self.doc.char_span(start, end, alignment_mode="expand")


def inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (
        text[start].isspace() or text[start] in ",;:)"
    ):  # ")" of "Notes from Poland (NFP)"
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def settle(ctx: ArticleContext, drafts: list[Draft]) -> list[Draft]:
    """An unattributed quote continues the statement just before it in its paragraph, or the previous
    paragraph's last statement when it opens its own paragraph; otherwise its speaker is unknown."""
    out: list[Draft] = []
    for d in drafts:
        if d.pending:
            para = ctx.paragraph_at(d.start)
            prev = out[-1] if out else None
            speaker = Speaker(name=None, type="unknown")
            if prev is not None and para is not None:
                prev_para = ctx.paragraph_at(prev.start)
                same = prev_para is para
                opens = (
                    prev_para is not None and prev_para.index == para.index - 1 and d.start - para.start <= 1
                )
                if same or (opens and prev.form == "direct"):
                    speaker = prev.speaker
            d = Draft(d.start, d.end, speaker, d.form, d.cue, d.cue_token, pronoun=d.pronoun)
        out.append(d)
    return out


_POSSESSIVE = {"his": "he", "her": "she", "its": "it", "their": "they"}


def pronoun_of(subject: Token) -> str | None:
    """The pronoun a cue's subject is, also as the owner of a statement ("Their statement also read")."""
    low = subject.lower_
    if subject.dep_ == "poss":
        return _POSSESSIVE.get(low)
    return low if low in ("he", "she", "it", "they") else None


def speaker_kind(ctx: ArticleContext, speaker: Speaker) -> str | None:
    """ "person" or "body" (an organisation, a state, an institution, officials): what "he"/"she" or "it"/"they"
    can stand for."""
    if speaker.type in ("anonymous_official", "group"):
        return "body"
    if speaker.type != "actor" or speaker.start is None or speaker.end is None:
        return None
    if speaker.actor_id and speaker.actor_id.startswith("person:"):
        return "person"
    kinds = {m.kind for m in ctx.index.within(speaker.start, speaker.end)}
    span = ctx.tokens(speaker.start, speaker.end)
    ents = {e.label_ for e in span_ents(span)} if span is not None else set()
    if "person" in kinds or "PERSON" in ents:
        return "person"
    # a place NER sees that the knowledge base does not know is more often a name ("Maróth" as GPE)
    if kinds - {None, "person"} or ents & {"ORG", "NORP"} or (ents & {"GPE"} and kinds - {None}):
        return "body"
    words = (speaker.name or "").split()
    named = (
        1 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and not only_titles(speaker.name or "")
    )
    if named and not kinds - {None} and span is not None and all(t.pos_ == "PROPN" for t in span):
        return "person"  # "Maróth said ... He said": a name the parser sees and nothing else claims
    return None


_STATEMENT_NOUNS = cues.words("statement_nouns")
_ISSUING = cues.words("issuing_verbs")
_ISSUING_REACH = 2  # sentences back


def issuer_before(ctx: ArticleContext, pos: int, pronoun: str | None) -> Speaker | None:
    """Who "it" or "they" at ``pos`` stands for when nobody spoke before: whoever put out a statement in one of
    the two sentences before, in the same or the previous paragraph ("The ministry issued a statement on Monday.
    It said the minister had resigned": the statement, its issuer's words); "they" is not one person. "A fire
    broke out. It said ..." has no one."""
    here = ctx.sentences_over(pos, pos + 1)
    if not here:
        return None
    para = ctx.paragraph_at(pos)
    floor = ctx.paragraphs[para.index - 1].start if para is not None and para.index > 0 else 0
    i = ctx.sentence_index(here[0])
    for sent in reversed(ctx.sents[max(i - _ISSUING_REACH, 0) : i]):
        if sent.start_char < floor:
            break
        for token in reversed(sent):
            if token.lemma_.lower() not in _STATEMENT_NOUNS:
                continue
            if token.dep_ == "dobj" and token.head.lemma_.lower() not in _ISSUING:
                continue  # "I saw a message on the screen. It said ...": the message's sender, not who saw it
            head = issuer_of(token)
            speaker = speaker_from_head(head, ctx.index) if head is not None else None
            if speaker is None or speaker.type == "unknown":
                continue
            person = (speaker.actor_id or "").startswith("person:")
            if pronoun == "they" and (
                person or (speaker_kind(ctx, speaker) == "person" and not speaker.code)
            ):
                continue
            return speaker
    return None


def resolve_pronouns(ctx: ArticleContext, drafts: list[Draft]) -> list[Draft]:
    """ "It said ...", "they added ...": the body (organisation, state, institution) that last spoke, within two
    paragraphs, or else the body that put out a statement just before; "he"/"she" left unknown by the parse:
    the person who last spoke, unless that is the speaker of the turn it is in (who would say "I"). A reported
    "it said" with nobody to stand for is dropped ("it is said" has no speaker)."""
    last: dict[str, tuple[Speaker, int]] = {}
    out: list[Draft] = []
    turns = [d for d in drafts if d.labelled]
    for d in drafts:
        para = ctx.paragraph_at(d.start)
        here = para.index if para is not None else 0
        if d.pronoun is not None and (d.pronoun in ("it", "they") or d.speaker.type == "unknown"):
            want = "person" if d.pronoun in ("he", "she") else "body"
            found = last.get(want)
            reach = 0 if d.pronoun == "they" else 2  # "they" is often people the text never names
            if (
                found is not None
                and want == "person"
                and any(t.start <= d.start < t.end and t.speaker == found[0] for t in turns)
            ):
                found = None  # "He said ..." in Putin's own turn is not Putin
            if found is not None and here - found[1] <= reach:
                d = Draft(d.start, d.end, found[0], d.form, d.cue, d.cue_token)
            elif want == "body" and (issuer := issuer_before(ctx, d.start, d.pronoun)) is not None:
                d = Draft(d.start, d.end, issuer, d.form, d.cue, d.cue_token)
            elif d.pronoun == "it":
                continue
        kind = speaker_kind(ctx, d.speaker)
        if kind is not None:
            last[kind] = (d.speaker, here)
        out.append(d)
    return out


# "Pacific Gas and Electric Company (PG&E)", "the Philippine Institute of Volcanology and Seismology (Phivolcs)"
_DEFINED_SHORT = re.compile(
    r"(?P<full>[A-Z][\w’'&.-]*(?:\s+(?:(?:of|and|for|on|the|de|du)\s+)*[A-Z][\w’'&.-]*)+)"
    r"\s+\((?P<short>[A-Z][\w&.-]{1,11})\)"
)


def spelled_out(ctx: ArticleContext, drafts: list[Draft]) -> list[Draft]:
    """A speaker named by the short form the article defined ("PG&E said") carries the full name."""
    full: dict[str, str] = {}
    for m in _DEFINED_SHORT.finditer(ctx.text):
        name, short = m.group("full"), m.group("short")
        name = name[4:] if name.startswith("The ") else name
        if short[0] == name[0] and short not in full:
            full[short] = name
    if not full:
        return drafts
    out = []
    for d in drafts:
        name = d.speaker.name
        if d.speaker.type == "actor" and name is not None and name.removeprefix("the ") in full:
            d = replace(d, speaker=replace(d.speaker, name=full[name.removeprefix("the ")]))
        out.append(d)
    return out


_STAGE_DIRECTION = re.compile(r"[(\[][^()\[\]]{1,40}[)\]]\.?")


def in_caption(ctx: ArticleContext, draft: Draft) -> bool:
    """A quote inside a photo caption ("a banner saying "put it to the people". Image: C.Suthorn."): the
    caption describes the picture, nobody speaks."""
    para = ctx.paragraph_at(draft.start)
    return (
        para is not None and not draft.labelled and bool(_CREDIT_TAIL.search(ctx.text, para.start, para.end))
    )


def is_not_statement(text: str, draft: Draft) -> bool:
    """Captions, credits, headers and table rows: no sentence in them ("Image: Nicholas Moreau.", "Total: 45").
    A stage direction alone is none either, also as a whole turn ("Question: (without microphone)."): the turn
    was taken, but there are no words to quote."""
    content = text[draft.start : draft.end]
    if _STAGE_DIRECTION.fullmatch(content.strip()):  # "(Applause.)", "[Laughter]": what the room did
        return True
    if draft.labelled:
        return False
    if _CREDIT.match(content) or _CREDIT_TAIL.search(content) or _SCHEDULE.search(content):
        return True
    if _CREDIT_BEFORE.search(text, text.rfind("\n", 0, draft.start) + 1, draft.start):
        return True  # the credit after a caption's label: "Don BlankenshipImage: Brianhayden1980."
    words = content.split()
    letters = sum(c.isalpha() for c in content)
    if letters < len(content.replace(" ", "")) * 0.5:  # mostly digits and signs: a table row
        return True
    return (
        draft.form != "direct"
        and len(words) <= 3
        and all(w[:1].isupper() or not w[:1].isalpha() for w in words)
    )


def drop_nested_duplicates(text: str, drafts: list[Draft]) -> list[Draft]:
    """A statement whose content repeats another (the same span, give or take the closing stop or quotation
    mark: a quote and the clause its cue governs) is dropped; a direct quote is kept before a reported one."""
    kept: dict[tuple[int, int], Draft] = {}
    for d in drafts:
        end = d.end
        while end > d.start and text[end - 1] in _CLOSING:
            end -= 1
        if (d.start, end) not in kept or (d.form == "direct" != kept[(d.start, end)].form):
            kept[(d.start, end)] = d  # the quote, rather than the clause read off its cue
    chosen = {id(d) for d in kept.values()}
    return [d for d in drafts if id(d) in chosen]


def according_to(ctx: ArticleContext, sents: Sequence[Span], skip: list[tuple[int, int]]) -> Token | None:
    """The source of "according to X" or a sentence-opening "Per X, ..." in ``sents``, outside ``skip``."""
    for sent in sents:
        for tok in sent:
            if tok.lower_ == "per" and tok.i == sent.start and not inside(tok.idx, skip):
                obj = next((o for o in tok.children if o.dep_ == "pobj"), None)  # "Per the decree, ..."
                after = obj.right_edge.i + 1 if obj is not None else len(tok.doc)
                if obj is not None and after < len(tok.doc) and tok.doc[after].text == ",":
                    return obj
            if tok.lower_ == "according" and not inside(tok.idx, skip):
                for child in tok.children:
                    if child.lower_ == "to":
                        for obj in child.children:
                            if obj.dep_ == "pobj":
                                return obj
                        return _source_before_comma(child)
    return None


def _source_before_comma(to: Token) -> Token | None:
    """ "According to news agency ISNA, the prosecutor said ...", where the parser made the source the
    subject of "said": the head of the words between "to" and the comma."""
    doc = to.doc
    end = to.i + 1
    while end < len(doc) and end - to.i <= 8 and doc[end].text != "," and not doc[end].is_sent_end:
        end += 1
    if end >= len(doc) or doc[end].text != ",":
        return None
    words = range(to.i + 1, end)
    heads = [doc[i] for i in words if doc[i].head.i not in words and not doc[i].is_punct]
    return heads[0] if len(heads) == 1 and heads[0].pos_ in ("PROPN", "NOUN") else None


_STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD"})


def home_officials(turns: Sequence[Draft], drafts: list[Draft]) -> list[Draft]:
    """Officials a transcript speaker who holds office mentions without a state ("Yes, if the governors say
    that ...") are of the speaker's own state."""
    if not turns:
        return drafts
    ordered = sorted(turns, key=lambda t: t.start)
    starts = [t.start for t in ordered]
    out = []
    for d in drafts:
        if not d.labelled and d.speaker.type == "anonymous_official" and d.speaker.code is None:
            i = bisect_right(starts, d.start) - 1
            turn = ordered[i] if i >= 0 else None
            if turn is not None and d.start < turn.end and turn.speaker.sector in _STATE_SECTORS:
                d = replace(d, speaker=replace(d.speaker, code=turn.speaker.code))
        out.append(d)
    return out
