"""The knowledge base as a spaCy pipeline component, placed in front of "ner": it marks every KB name it finds
as an entity (so NER cannot call "Kazakh" or "Kassym-Jomart Tokayev" an ORG) and leaves its matches on the
Doc for the resolver, so the documents are scanned once.

The trie is built once per KB and tokenizer (about a second for the bundled KB) and shared by every Doc.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import IDX, LENGTH
from spacy.language import Language
from spacy.tokens import Doc, Span

from realpolitik.actors.kb import KnowledgeBase
from realpolitik.actors.matcher import Gazetteer, Hit, gazetteer_for

COMPONENT = "realpolitik_gazetteer"
HITS_KEY = "realpolitik.gazetteer"  # Doc.user_data key: (KB id, list of hits)

# Entity label for a hit, by the kind of actor and the type of form.
_KIND_LABELS = {
    "state": "GPE",
    "igo": "ORG",
    "person": "PERSON",
    "region": "LOC",
    "group": "NORP",
    "ngo": "ORG",
    "company": "ORG",
    "armed_group": "ORG",
    "agent": "ORG",
}


class GazetteerComponent:
    """Finds KB forms in a Doc, stores the hits in ``doc.user_data`` and pre-sets them as entities."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.kb: KnowledgeBase | None = None
        self.gazetteer: Gazetteer | None = None

    def set_kb(self, kb: KnowledgeBase) -> None:
        tokenizer = self.nlp.tokenizer
        self.kb = kb
        self.gazetteer = gazetteer_for(kb, lambda text: [t.text for t in tokenizer(text)], id(tokenizer))

    def __call__(self, doc: Doc) -> Doc:
        if self.gazetteer is None or self.kb is None:
            return doc
        hits = self.gazetteer.match(token_texts(doc)[1])
        # Plain lists, so that Docs sent between processes (nlp.pipe(n_process=2)) serialise with msgpack.
        doc.user_data[HITS_KEY] = [id(self.kb), [[h.start, h.end, list(h.forms)] for h in hits]]
        spans = [span for hit in hits if (span := self._span(doc, hit)) is not None]
        if spans:
            doc.set_ents(spans, default="unmodified")
        return doc

    def _span(self, doc: Doc, hit: Hit) -> Span | None:
        assert self.kb is not None
        form = self.kb.forms[hit.forms[0]]
        actor = self.kb.actors[form.actor_id]
        if actor.kind == "agent" and actor.code is None:
            return None  # "troops", "President": words, not names; NER keeps its own view of them
        if form.type == "surname":
            return (
                None  # "Rashid" may be a word of a longer name NER should see whole ("Haroon Rashid Aswad")
            )
        if form.type == "adjective":
            label = "NORP"
        elif form.type == "metonym" and actor.kind == "state":
            label = "ORG"
        else:
            label = _KIND_LABELS.get(actor.kind, "ORG")
        return Span(doc, hit.start, hit.end, label=label)


@Language.factory(COMPONENT)
def _make_component(nlp: Language, name: str) -> GazetteerComponent:
    return GazetteerComponent(nlp)


def add_gazetteer(nlp: Language, kb: KnowledgeBase) -> None:
    """Put the KB gazetteer in front of spaCy's "ner" (or last, if the pipeline has no NER)."""
    if COMPONENT in nlp.pipe_names:
        component: Any = nlp.get_pipe(COMPONENT)
    elif "ner" in nlp.pipe_names:
        component = nlp.add_pipe(COMPONENT, before="ner")
    else:
        component = nlp.add_pipe(COMPONENT, last=True)
    component.set_kb(kb)


def token_texts(doc: Doc, text: str | None = None) -> tuple[list[int], list[str]]:
    """Start offsets and texts of a Doc's tokens, read from its arrays (creating Token objects one by one is
    the slowest part of a pass over a Doc). ``text`` is the Doc's text if the caller has it (``Doc.text``
    is rebuilt from the tokens on every access)."""
    text = doc.text if text is None else text
    pairs = doc.to_array([IDX, LENGTH]).tolist()
    return [start for start, _ in pairs], [text[start : start + length] for start, length in pairs]


def doc_hits(doc: Doc, kb: KnowledgeBase) -> list[Hit] | None:
    """The gazetteer hits stored on ``doc`` for this KB, or None if the Doc was not run through it."""
    stored = doc.user_data.get(HITS_KEY)
    if stored is None or stored[0] != id(kb):
        return None
    return [Hit(start, end, tuple(forms)) for start, end, forms in stored[1]]
