"""A demonym standing alone after "in" or "into", or as what is spoken or taught, is a language ("offer education in
Russian", "the talks were held in Russian and English", "translated into Chinese", "speaks Kazakh"), not its state;
"invested in Russian companies" names the state, and "in Oman" or "in Amman" are places."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from realpolitik.actors.kb import KnowledgeBase
from realpolitik.ontology import cues
from realpolitik.resolve.units import Unit

if TYPE_CHECKING:  # a name look-up (``realpolitik actors lookup``) must not import spaCy
    from spacy.tokens import Doc

_LANGUAGE_VERBS = cues.words("language_verbs")


def spoken_language(units: Sequence[Unit], doc: Doc | None, kb: KnowledgeBase) -> bool:
    """Is the phrase of ``units`` one word the knowledge base knows as a state's adjective, used as a language? (Only
    a parsed article can tell: a look-up of a name alone has no ``doc``.)"""
    if doc is None or len(units) != 1 or units[0].end - units[0].start != 1:
        return False
    if units[0].role != "affiliation" or units[0].actor.kind != "state":
        return False
    token = doc[units[0].start]
    forms = kb.by_key.get(token.lower_, [])
    if not any(kb.forms[i].type == "adjective" for i in forms):
        return False  # "in Oman", "in Amman": the state or a city, no demonym
    if token.pos_ not in ("NOUN", "PROPN", "ADJ") or any(c.dep_ in ("det", "poss") for c in token.children):
        return False  # "the Russian", "our Kazakh" is a person or a side
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if following is not None and following.pos_ in ("NOUN", "PROPN"):
        return False
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head  # "in Russian and English"
    if token.dep_ == "pobj" and token.head.lower_ in ("in", "into"):
        return True
    return token.dep_ == "dobj" and token.head.lemma_.lower() in _LANGUAGE_VERBS


__all__ = ["spoken_language"]
