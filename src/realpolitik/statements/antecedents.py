"""Definite noun phrases that stand for an actor named earlier in the article ("the agency" for the Saudi Press
Agency, "the governor" for Governor Kay Ivey): a speaker the text names once and then refers to by a word of
its name or title."""

from __future__ import annotations

import numpy as np
from spacy.tokens import Token

from realpolitik.annotate import doc_text
from realpolitik.model import Speaker
from realpolitik.statements.mentions import MentionIndex, from_mention, name_chain


def definite_antecedent(head: Token, index: MentionIndex) -> Speaker | None:
    """ "the agency", "the company", "the governor": the named actor earlier in the article whose name holds
    that word ("Saudi Press Agency", "Governor Kay Ivey"). Only for a bare definite noun phrase."""
    children = [c for c in head.children if c.i < head.i]  # "the three-judge court": modifiers before it
    if not children or any(c.dep_ not in ("det", "case", "amod", "compound", "nummod") for c in children):
        return None
    if children[0].lower_ != "the" or any(c.pos_ == "PROPN" for c in children):
        return None
    doc = head.doc
    lowers = doc.user_data.get("realpolitik_lowers")
    if lowers is None:  # the words' ids, read once per Doc: a walk back over Token objects per call was slow
        lowers = doc.user_data["realpolitik_lowers"] = doc.to_array("LOWER")
    for j in np.flatnonzero(lowers[: head.i] == head.lower)[::-1]:
        tok = doc[int(j)]
        if tok.pos_ != "PROPN":
            continue
        top = tok
        while top.dep_ in ("compound", "flat") and top.head.pos_ == "PROPN" and top.head.i > top.i:
            top = top.head
        covering = [m for m in index.covering(top.idx, top.idx + len(top)) if m.code or m.actor_id]
        if covering:
            return from_mention(covering[-1])
        ns, ne = name_chain(top)
        return Speaker(name=doc_text(doc)[ns:ne], type="actor", start=ns, end=ne)
    return None
