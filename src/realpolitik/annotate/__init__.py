"""Annotation: spaCy sentences, tokens, dependencies and entities, with the knowledge-base gazetteer in front
of NER. The model is loaded once per process (per Dask worker) and shared by every batch. Before the parser,
line breaks end sentences and ``bounds`` cuts any sentence longer than ``max_sentence_tokens``, which keeps
every later stage linear in the article's length; ``chunks`` parses a long article in pieces, which keeps
spaCy's memory bounded."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from realpolitik.annotate import bounds, chunks, datelines
from realpolitik.errors import ConfigError
from realpolitik.model import Article
from realpolitik.settings import Settings

if TYPE_CHECKING:
    from realpolitik.actors.kb import KnowledgeBase


def load_model(name: str) -> Language:
    """Load the installed spaCy pipeline package ``name`` (never downloads)."""
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ConfigError(
            f"spaCy model {name!r} is not installed; `make run` or `pip install -e .` installs it"
        ) from exc


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc: spaCy rebuilds it from every token on each access, which makes
    per-mention lookups quadratic on long articles."""
    text = doc.user_data.get("realpolitik_text")
    if text is None:
        text = doc.user_data["realpolitik_text"] = doc.text
    return str(text)


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per Doc: spaCy walks every token to build them on each access (and
    ``span.ents`` walks the whole Doc too), which made per-statement lookups quadratic."""
    ents = doc.user_data.get("realpolitik_ents")
    if ents is None:
        ents = doc.user_data["realpolitik_ents"] = tuple(doc.ents)
    return tuple(ents)


def ents_over(doc: Doc, start_char: int, end_char: int) -> list[Span]:
    """The entities that overlap the characters [start_char, end_char), in order."""
    ents = doc_ents(doc)
    ends = doc.user_data.get("realpolitik_ent_ends")
    if ends is None:
        ends = doc.user_data["realpolitik_ent_ends"] = [e.end_char for e in ents]
    out = []
    for i in range(bisect_left(ends, start_char + 1), len(ents)):
        if ents[i].start_char >= end_char:
            break
        out.append(ents[i])
    return out


def sentence_of(token: Token) -> Span:
    """``token.sent`` from sentence starts found once per Doc: spaCy walks the sentence again on every access."""
    doc = token.doc
    starts = doc.user_data.get("realpolitik_sent_starts")
    if starts is None:
        starts = doc.user_data["realpolitik_sent_starts"] = [s.start for s in doc.sents] + [len(doc)]
    i = bisect_right(starts, token.i) - 1
    return doc[starts[i] : starts[i + 1]]


def span_ents(span: Span) -> list[Span]:
    """``span.ents`` (the entities wholly inside the span) without walking the whole Doc."""
    return [
        e
        for e in ents_over(span.doc, span.start_char, span.end_char)
        if e.start >= span.start and e.end <= span.end
    ]


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines without a full stop must not run into the first sentence.
    The parser keeps sentence starts that are set before it runs."""
    starts = [0, *(t.i + 1 for t in doc[:-1] if t.is_space and "\n" in t.text)]
    text = doc.text
    for start in starts:
        if start:
            doc[start].is_sent_start = True
        # "KYIV, Ukraine (AP) — Russian forces launched ...": a wire story's dateline is a sentence of its own
        end = datelines.after_dateline(text, doc[start].idx) if len(doc) else 0
        after = next((t for t in doc[start:] if t.idx >= end), None) if end else None
        if after is not None and after.i > start:
            after.is_sent_start = True
    return doc


def _with_text(doc: Doc, text: str) -> Doc:
    # spaCy's tokenizer keeps every character, so the Doc's text is the article's: no need to rebuild it.
    doc.user_data["realpolitik_text"] = text
    return doc


class Annotator:
    """Turns articles into spaCy Docs over exactly the article text (offsets are shared with every stage)."""

    def __init__(self, settings: Settings, kb: KnowledgeBase) -> None:
        from realpolitik.annotate.gazetteer import add_gazetteer

        self.settings = settings
        # One pipeline per Annotator: the gazetteer differs when a user KB is merged in. Engines are built once
        # per process (or Dask worker), so the model is loaded once there.
        self.nlp = load_model(settings.spacy_model)
        self.nlp.max_length = max(self.nlp.max_length, settings.max_article_chars + 1)
        if "parser" in self.nlp.pipe_names and "paragraph_breaks" not in self.nlp.pipe_names:
            self.nlp.add_pipe("paragraph_breaks", before="parser")
        if "parser" in self.nlp.pipe_names and bounds.COMPONENT not in self.nlp.pipe_names:
            # After paragraph_breaks, so that a paragraph's own start counts as a sentence start.
            self.nlp.add_pipe(
                bounds.COMPONENT, before="parser", config={"max_tokens": settings.max_sentence_tokens}
            )
        add_gazetteer(self.nlp, kb)

    def pipe(self, articles: Iterable[Article]) -> Iterator[tuple[Article, Doc]]:
        """Each article with its Doc, in order: short ones through ``nlp.pipe`` in batches, a long one in
        pieces of at most ``chunks.CHUNK_CHARS`` parsed one at a time and joined (memory stays bounded)."""
        short: list[Article] = []
        for article in articles:
            cuts = chunks.cut_points(article.text)
            if not cuts:
                short.append(article)
                continue
            yield from self._pipe_short(short)
            short = []
            yield article, self._annotate_long(article, cuts)
        yield from self._pipe_short(short)

    def _pipe_short(self, batch: list[Article]) -> Iterator[tuple[Article, Doc]]:
        if batch:
            docs = self.nlp.pipe((a.text for a in batch), batch_size=self.settings.spacy_batch_size)
            for article, doc in zip(batch, docs, strict=True):
                yield article, _with_text(doc, article.text)

    def _annotate_long(self, article: Article, cuts: list[int]) -> Doc:
        parts = list(self.nlp.pipe(chunks.pieces(article.text, cuts), batch_size=1))
        joined = chunks.join_docs(parts, article.text)
        return _with_text(joined if joined is not None else self.nlp(article.text), article.text)

    def __call__(self, text: str) -> Doc:
        return self.nlp(text)


__all__ = [
    "Annotator",
    "doc_ents",
    "doc_text",
    "ents_over",
    "load_model",
    "paragraph_breaks",
    "sentence_of",
    "span_ents",
]
