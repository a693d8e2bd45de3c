"""Hand-built parses for the coder: a Doc from "word lemma POS TAG dep head" lines (no trained model); and the
rule coder's raw output on a text, before the completeness filter (``coded``)."""

from __future__ import annotations

from typing import Any

from spacy.lang.en import English
from spacy.tokens import Doc

from realpolitik.model import Article, Event, Mention

# hand-built parses for the coder (no trained model)
_VOCAB = English().vocab  # language defaults only (lower-case forms); no trained model
_STATES = {
    "Russia": "RUS",
    "Kazakhstan": "KAZ",
    "China": "CHN",
    "Egypt": "EGY",
    "Greece": "GRC",
    "Turkey": "TUR",
    "Ukraine": "UKR",
    "Iran": "IRN",
    "Iraq": "IRQ",
}


def parse(spec: str) -> tuple[Doc, Article, list[Mention]]:
    """A Doc from lines "word lemma POS TAG dep head", plus a Mention for every state name in it."""
    rows = [line.split() for line in spec.strip().splitlines()]
    words = [r[0] for r in rows]
    spaces = [i + 1 < len(rows) and rows[i + 1][1] not in (".", ",", "'s", "?") for i in range(len(rows))]
    doc = Doc(
        _VOCAB,
        words=words,
        spaces=spaces,
        lemmas=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        tags=[r[3] for r in rows],
        deps=[r[4] for r in rows],
        heads=[int(r[5]) for r in rows],
        sent_starts=[i == 0 for i in range(len(rows))],
    )
    article = Article.from_text(doc.text)
    mentions = [
        Mention(
            article.id,
            t.idx,
            t.idx + len(t.text),
            t.text,
            actor_id=_STATES[t.text],
            code=_STATES[t.text],
            name=t.text,
            kind="state",
        )
        for t in doc
        if t.text in _STATES
    ]
    return doc, article, mentions


def triples(events: list[Event]) -> set[tuple[str, str | None, str | None, str]]:
    return {
        (e.type, e.source.code if e.source else None, e.target.code if e.target else None, e.modality)
        for e in events
    }


def coded(engine: Any, text: str, **fields: Any) -> list[Event]:
    """Every event the rule coder codes in ``text`` with ``engine``'s model, knowledge base and rules, complete
    or not: what the data set's completeness filter is given (modality and argument tests look here)."""
    from realpolitik.events import code_events

    article = Article.from_text(text, **fields)
    ((_, doc),) = list(engine.annotator.pipe([article]))
    mentions = engine.resolver.resolve(doc, article)
    return code_events(doc, article, mentions, engine.lexicon)


def asserted(engine: Any, text: str) -> set[tuple[str, str | None, str | None]]:
    """(type, source code, target code) of the asserted events :func:`coded` finds in ``text``."""
    return {
        (kind, source, target)
        for kind, source, target, modality in triples(coded(engine, text))
        if modality == "asserted"
    }
