"""Annotation: spaCy sentences, tokens, dependencies and entities, with the knowledge-base gazetteer in front
of NER. The model is loaded once per process (per Dask worker) and shared by every batch."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import spacy
from spacy.language import Language
from spacy.tokens import Doc

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


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines without a full stop must not run into the first sentence.
    The parser keeps sentence starts that are set before it runs."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
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
        add_gazetteer(self.nlp, kb)

    def pipe(self, articles: Iterable[Article]) -> Iterator[tuple[Article, Doc]]:
        batch = list(articles)
        docs = self.nlp.pipe((a.text for a in batch), batch_size=self.settings.spacy_batch_size)
        yield from zip(batch, docs, strict=True)

    def __call__(self, text: str) -> Doc:
        return self.nlp(text)


__all__ = ["Annotator", "doc_text", "load_model", "paragraph_breaks"]
