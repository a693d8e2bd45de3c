"""A bound on sentence length, set before the parser runs, so that every later stage is linear in the article.

The coder and the statement extractor search within a sentence (its tokens, its subtree, its quotes), so their
work grows faster than the sentence: about n^2.5 in its tokens. Real sentences are short (in our corpora fewer
than 1 in 5,000 passes 150 tokens), but text without full stops (a transcript dump, a scraped table, a line
of keywords) is one sentence of any length. This component cuts every run of more than ``max_tokens`` tokens
between two sentence starts into pieces of at most ``max_tokens``: after the last full stop of the window if
there is one (where the parser would most likely end the sentence anyway), else after the last semicolon,
colon or comma, else at the limit. The parser keeps sentence starts set before it, so no sentence of the Doc is
longer than ``max_tokens`` and the cost of an article is linear in its length.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "sentence_bounds"
DEFAULT_MAX_TOKENS = 150

_FULL_STOPS = frozenset({".", "!", "?", "…", "...", "。", "！", "？"})
_WEAK_STOPS = frozenset({";", ":", ","})
# Tokens that still belong to the sentence a full stop ends ('He left." Then' cuts before "Then").
_CLOSERS = frozenset({'"', "'", "”", "’", "»", ")", "]", "}"})


def _cut_after(doc: Doc, start: int, limit: int) -> int:
    """The token that should open the next sentence when ``doc[limit]`` would make the run from ``start`` too
    long: an index in ``(start, limit]``."""
    best_weak = -1
    for i in range(limit - 1, start, -1):
        text = doc[i].text
        if text in _FULL_STOPS:
            end = i + 1
            while end < limit and doc[end].text in _CLOSERS:
                end += 1
            if end < limit:
                return end
        elif best_weak < 0 and text in _WEAK_STOPS:
            best_weak = i + 1
    # Not too short a piece: a comma in the first tenth of the window would leave a long tail to cut again.
    if best_weak > start + (limit - start) // 10:
        return best_weak
    return limit


def bound_sentences(doc: Doc, max_tokens: int) -> Doc:
    """Set sentence starts so that no run between two starts is longer than ``max_tokens`` (in place)."""
    if max_tokens <= 1 or len(doc) <= max_tokens:
        return doc
    start = 0
    for token in doc:
        if token.i > start and token.is_sent_start:
            start = token.i
            continue
        if token.i - start >= max_tokens:  # this token would be the run's (max_tokens + 1)th
            cut = _cut_after(doc, start, token.i)
            doc[cut].is_sent_start = True
            start = cut
    return doc


class SentenceBounds:
    def __init__(self, max_tokens: int) -> None:
        self.max_tokens = max_tokens

    def __call__(self, doc: Doc) -> Doc:
        return bound_sentences(doc, self.max_tokens)


@Language.factory(COMPONENT, default_config={"max_tokens": DEFAULT_MAX_TOKENS})
def make_sentence_bounds(nlp: Language, name: str, max_tokens: int) -> SentenceBounds:
    return SentenceBounds(max_tokens)


__all__ = ["COMPONENT", "DEFAULT_MAX_TOKENS", "SentenceBounds", "bound_sentences", "make_sentence_bounds"]
