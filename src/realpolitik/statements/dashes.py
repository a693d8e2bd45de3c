"""Dash-led paragraphs: anonymous speakers after an introduction, and the credit lines under block quotes.

A run of dash-led paragraphs after an introduction ("We talked about this with our experts:") is a series of
different anonymous speakers (:func:`realpolitik.statements.quotes.find_dash_paragraphs`). Wikinews sets a long
quotation apart as an indented block and credits it on a line of its own below, after a dash (" – United States
District Judge Victor Marrero, "Decision and Order"", " – USCG dispatcher, CNN"). The credit line names who said
the block; it says nothing itself. The same dash-led line also credits pull quotes whose
words the page extraction lost ("—Łukasz Szumowski on the failed efforts to save the mayor's life" under a news
paragraph): only an indented block right above the credit (at most a few paragraphs, the first of them indented)
is given to the person credited; the narrative above a lost pull quote is nobody's statement.
"""

from __future__ import annotations

from dataclasses import dataclass

from realpolitik.model import Speaker
from realpolitik.statements.drafts import ArticleContext, Draft, inside, trim
from realpolitik.statements.quotes import Paragraph, dash_lead, find_dash_paragraphs
from realpolitik.statements.speakers import speaker_from_head

_MAX_CREDIT_WORDS = 16
_MAX_BLOCK_PARAGRAPHS = 4
_SENTENCE_END = ".!?…"
_CLOSING_QUOTES = "\"'”’»"


@dataclass(frozen=True, slots=True)
class Credit:
    """A credit line: its paragraph and the span of the credit's words (after the dash)."""

    paragraph: int
    start: int
    end: int


def credit_line(text: str, para: Paragraph) -> Credit | None:
    """A dash-led paragraph of a few words that opens with a capital and does not end a sentence."""
    content = dash_lead(text, para)
    if content is None:
        return None
    words = text[content : para.end].split()
    if not words or len(words) > _MAX_CREDIT_WORDS or not words[0][:1].isupper():
        return None
    last = words[-1].rstrip(_CLOSING_QUOTES)  # a quoted title may close it ("..., "Decision and Order"")
    if not last or last[-1] in _SENTENCE_END or ":" in text[content : para.end]:
        return None
    end = content + len(text[content : para.end].rstrip())
    return Credit(para.index, content, end)


def _indented(text: str, para: Paragraph) -> bool:
    """The paragraph's first line starts with a space (a paragraph's span leaves its indentation out)."""
    return para.start > 0 and text[para.start - 1] in " \t\u00a0"


def _credited(ctx: ArticleContext, credit: Credit) -> Speaker | None:
    """Who the credit names: the head of its first phrase ("United States District Judge Victor Marrero"),
    a person, an organisation or an official."""
    first = ctx.text.find(",", credit.start, credit.end)
    span = ctx.tokens(credit.start, first if first > 0 else credit.end)
    if span is None or len(span) == 0:
        return None
    speaker = speaker_from_head(span.root, ctx.index)
    return None if speaker is None or speaker.type == "unknown" else speaker


def dash_drafts(ctx: ArticleContext, turns: list[Draft]) -> tuple[list[Draft], list[tuple[int, int]]]:
    """The statements of dash-led paragraphs and of credited block quotes, and the spans of the credit lines
    (which say nothing themselves); paragraphs of transcript ``turns`` are not read again."""
    credits = [c for p in ctx.paragraphs if (c := credit_line(ctx.text, p)) is not None]
    spans = [(c.start, c.end) for c in credits]
    out = _block_drafts(ctx, credits, [(d.start, d.end) for d in turns])
    for dash in find_dash_paragraphs(ctx.text, ctx.paragraphs):
        if inside(dash.start, spans):
            continue
        speaker = Speaker(name=None, type=dash.speaker_type, start=dash.intro_start, end=dash.intro_end)
        start, end = trim(ctx.text, dash.start, dash.end)
        out.append(Draft(start, end, speaker, "direct"))
    return out, spans


def _block_drafts(ctx: ArticleContext, credits: list[Credit], claimed: list[tuple[int, int]]) -> list[Draft]:
    """The paragraphs of the indented block above each credit line, as direct statements of the one credited."""
    out: list[Draft] = []
    for credit in credits:
        block: list[Paragraph] = []
        for index in range(credit.paragraph - 1, max(-1, credit.paragraph - 1 - _MAX_BLOCK_PARAGRAPHS), -1):
            para = ctx.paragraphs[index]
            if inside(para.start, claimed) or dash_lead(ctx.text, para) is not None:
                break
            block.insert(0, para)
            if _indented(ctx.text, para):
                break
        if not block or not _indented(ctx.text, block[0]):
            continue
        speaker = _credited(ctx, credit)
        if speaker is None:
            continue
        for para in block:
            start, end = trim(ctx.text, para.start, para.end)
            if end > start:
                out.append(Draft(start, end, speaker, "direct", (credit.start, credit.end)))
    return out
