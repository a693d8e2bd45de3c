"""Text-level layout of statements: paragraphs, quotation-mark pairs in every convention, dash-led
paragraphs after an introduction (transcript turns are in :mod:`realpolitik.statements.turns`).

Everything here works on the raw article text with precompiled patterns (no spaCy), so it is cheap and can be
tested on plain strings; :mod:`realpolitik.statements.extractor` combines it with the parse to find speakers.
All spans are character offsets into the article text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from realpolitik.model import SpeakerType
from realpolitik.ontology import cues

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
# A paragraph that opens with a dash: em dash, en dash, minus sign or hyphen ("-China can ..." included),
# but not a negative number ("-5 degrees").
_MAX_SIGNATURE_WORDS = 4
_DASH_LEAD = re.compile(r"[ \t]*(?:[—–―−]|-(?![\d-]))[ \t\u00a0]*(?=\S)")


def _any_of(cue_class: str) -> str:
    """A regular expression matching any word of a cue class as a whole word (longest first)."""
    words = sorted(cues.ordered(cue_class), key=len, reverse=True)
    return r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", " ") for w in words) + r")\b"


# Introductions that announce anonymous commentary: "We talked about this with our experts",
# "experts note", "analysts told us", "we asked residents", or a paragraph ending with a colon.
_INTRO_WE = re.compile(rf"\b(?:we|I)\s+(?:have\s+|had\s+)?{_any_of('intro_we_verbs')}", re.IGNORECASE)
_EXPERT_NOUN = re.compile(_any_of("intro_expert_nouns"), re.IGNORECASE)
_OFFICIAL_NOUN = re.compile(_any_of("intro_official_nouns"), re.IGNORECASE)
_GROUP_NOUN = re.compile(_any_of("intro_group_nouns"), re.IGNORECASE)
_INTRO_CUE = re.compile(_any_of("intro_cue_words"), re.IGNORECASE)
_MAX_INTRO_DISTANCE = 6  # paragraphs between an introduction and the first dash paragraph it announces

# Quotation marks. Pairs are found per paragraph; an unfinished quote continues into the next paragraph
# when that paragraph re-opens with a quotation mark (the usual convention for multi-paragraph quotes).
_CLOSERS: dict[str, frozenset[str]] = {
    "“": frozenset('”“"'),
    "„": frozenset('“”"'),
    "«": frozenset("»"),
    "»": frozenset("«"),  # Danish/German reversed guillemets
    "‹": frozenset("›"),
    '"': frozenset('"”“'),
    "‘": frozenset("’"),
    "'": frozenset("'’"),
    "‚": frozenset("‘’"),
}
_DOUBLE_OPENERS = frozenset('“„«"')
_SINGLE_OPENERS = frozenset("‘'‚‹")
_QUOTE_CHARS = re.compile(r"[“”„«»‹›\"‘’'‚]")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Paragraph:
    index: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Quote:
    """The content between a pair of quotation marks (``start``/``end``), and the marks' outer span."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    mark: str
    multi_paragraph: bool = False

    def words(self, text: str) -> int:
        return len(_WORD.findall(text, self.start, self.end))


@dataclass(frozen=True, slots=True)
class DashParagraph:
    """A dash-led paragraph: its content span, and the introduction that announced it (if any)."""

    paragraph: int
    start: int
    end: int
    speaker_type: SpeakerType
    intro_start: int | None
    intro_end: int | None
    ordinal: int  # position within its run of dash paragraphs (each is a different speaker)


def split_paragraphs(text: str) -> list[Paragraph]:
    """Paragraph spans (blank-line separated, surrounding whitespace trimmed, empty ones dropped)."""
    out: list[Paragraph] = []
    pos = 0
    for match in (*_PARAGRAPH_BREAK.finditer(text), None):
        end = match.start() if match else len(text)
        start = pos
        while start < end and text[start].isspace():
            start += 1
        stop = end
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        if stop > start:
            out.append(Paragraph(len(out), start, stop))
        if match:
            pos = match.end()
    return out


def _is_opening(text: str, i: int, lo: int) -> bool:
    """A straight or single quotation mark opens when it starts a word (not an apostrophe or a closer)."""
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isspace():
        return False
    return before.isspace() or before in '([{—–-/:;,“„«"‘' or i == lo


def _is_closing_single(text: str, i: int, hi: int) -> bool:
    """’ or ' closes a single quote only when no letter follows (so "don’t" and "Turkey's" do not close)."""
    after = text[i + 1] if i + 1 < hi else " "
    return not after.isalnum()


def find_quotes(text: str, paragraphs: list[Paragraph] | None = None) -> list[Quote]:
    """Every top-level quotation in ``text``: “ ” " " « » „ “ ‘ ’ and quotes running over several paragraphs.

    Quotes nested in another quote belong to the outer one. A quote left open at the end of a paragraph
    continues when the next paragraph opens with a quotation mark, and otherwise ends with its paragraph.
    """
    paragraphs = paragraphs if paragraphs is not None else split_paragraphs(text)
    quotes: list[Quote] = []
    pending: tuple[str, int, int] | None = None  # (opening mark, content start, outer start) carried over
    for n, para in enumerate(paragraphs):
        opener: str | None = None
        content_start = outer_start = para.start
        multi = False
        i = para.start
        if pending is not None:
            first = text[i]
            if first in _CLOSERS and first in _DOUBLE_OPENERS | _SINGLE_OPENERS | {"»"}:
                opener, content_start, outer_start = pending
                multi = True
                i += 1
            pending = None
        for match in _QUOTE_CHARS.finditer(text, i, para.end):
            j = match.start()
            c = text[j]
            if opener is None:
                if c in _DOUBLE_OPENERS or c == "»":
                    if c in '"»' and not _is_opening(text, j, para.start):
                        continue
                    opener, content_start, outer_start = c, j + 1, j
                elif c in _SINGLE_OPENERS and _is_opening(text, j, para.start):
                    opener, content_start, outer_start = c, j + 1, j
                continue
            if opener in _SINGLE_OPENERS and c in "’'" and not _is_closing_single(text, j, para.end):
                continue
            if opener in _DOUBLE_OPENERS and c in "‘’'‚‹›":
                continue  # a quote inside the quote
            if c in _CLOSERS[opener]:
                if j > content_start:
                    quotes.append(Quote(content_start, j, outer_start, j + 1, opener, multi))
                opener, multi = None, False
        if opener is not None:
            nxt = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
            if opener in _DOUBLE_OPENERS and nxt is not None and text[nxt.start] in _DOUBLE_OPENERS | {"»"}:
                pending = (opener, content_start, outer_start)
                # The carried quote is emitted when it closes; until then its span grows paragraph by
                # paragraph. Record nothing here.
            elif opener in _DOUBLE_OPENERS and para.end - content_start > 0:
                # An unclosed double quote: a missing closing mark, so the quote ends with its paragraph.
                quotes.append(Quote(content_start, para.end, outer_start, para.end, opener, multi))
    return quotes


def _intro_type(paragraph_text: str) -> SpeakerType | None:
    """The speaker type a paragraph announces for the dash paragraphs after it, or None if it is no intro."""
    has_we = _INTRO_WE.search(paragraph_text) is not None
    has_cue = _INTRO_CUE.search(paragraph_text) is not None
    colon = paragraph_text.rstrip().endswith(":")
    if not (has_we or has_cue or colon):
        return None
    if _EXPERT_NOUN.search(paragraph_text):
        return "anonymous_expert"
    if _OFFICIAL_NOUN.search(paragraph_text):
        return "anonymous_official"
    if _GROUP_NOUN.search(paragraph_text):
        return "group"
    if has_we or colon:
        return "unknown"
    return None


def _intro_span(text: str, para: Paragraph) -> tuple[int, int]:
    """The words that name the announced speakers ("our experts"), or the whole paragraph."""
    chunk = text[para.start : para.end]
    for pattern in (_EXPERT_NOUN, _OFFICIAL_NOUN, _GROUP_NOUN):
        match = pattern.search(chunk)
        if match:
            return para.start + match.start(), para.start + match.end()
    return para.start, para.end


def dash_lead(text: str, para: Paragraph) -> int | None:
    """Where a dash-led paragraph's content starts (after the dash), or None if it does not open with one."""
    match = _DASH_LEAD.match(text, para.start, para.end)
    return match.end() if match else None


def signature(text: str, para: Paragraph) -> bool:
    """A dash and a name alone on their paragraph ("—Natasha Gownaris" under an interview's photo): who took
    or said what comes before, not a statement."""
    content = dash_lead(text, para)
    if content is None:
        return False
    words = text[content : para.end].split()
    return 0 < len(words) <= _MAX_SIGNATURE_WORDS and all(w[:1].isupper() for w in words)


def find_dash_paragraphs(text: str, paragraphs: list[Paragraph] | None = None) -> list[DashParagraph]:
    """Dash-led paragraphs that follow an introduction, each a separate anonymous speaker.

    A run of dash paragraphs counts when an introduction ("We talked about this with our experts", "experts
    note", a paragraph ending in a colon) comes at most a few paragraphs before it, or when the paragraph just
    before the run is a question (an interview). A short question between dash paragraphs keeps the run going.
    """
    paragraphs = paragraphs if paragraphs is not None else split_paragraphs(text)
    out: list[DashParagraph] = []
    intro: tuple[SpeakerType, int, int, int] | None = None  # (type, start, end, paragraph index)
    run = 0
    in_run = False
    for para in paragraphs:
        content = dash_lead(text, para)
        if content is not None and signature(text, para):
            continue
        if content is None:
            chunk = text[para.start : para.end]
            is_question = chunk.rstrip().endswith("?")
            if in_run and is_question:
                continue
            in_run = False
            kind = _intro_type(chunk)
            if kind is not None:
                s, e = _intro_span(text, para)
                intro = (kind, s, e, para.index)
            elif is_question and (intro is None or para.index - intro[3] > _MAX_INTRO_DISTANCE):
                intro = ("unknown", para.start, para.end, para.index)
            continue
        if not in_run:
            if intro is None or para.index - intro[3] > _MAX_INTRO_DISTANCE:
                continue
            in_run, run = True, 0
        assert intro is not None
        intro_kind, s, e, _ = intro
        out.append(DashParagraph(para.index, content, para.end, intro_kind, s, e, run))
        run += 1
    return out
