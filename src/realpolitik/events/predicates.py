"""Small facts about words that the argument finder and the clause readers both need: a verb the parser hung on
its subject, the last word of a phrase."""

from __future__ import annotations

from spacy.tokens import Token


def hung_predicate(verb: Token) -> bool:
    """ "A Black Lives Matter group protested outside the White House": the one verb of a sentence, which the
    parser hung on its subject as a reduced relative; the noun it hangs on is the sentence's root."""
    head = verb.head
    return verb.dep_ == "acl" and head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN") and head.i < verb.i


def last_word(text: str) -> str:
    words = text.split()
    return words[-1].lower() if words else ""


__all__ = ["hung_predicate", "last_word"]
