"""Long articles are annotated in pieces and joined into one Doc, so that spaCy's memory is bounded by the piece,
not the article: the model holds every layer's activations for a whole Doc at once (about 17 kB per token,
over 1 GB for a 64k-token article), while the joined Doc keeps only its arrays.

An article longer than ``CHUNK_CHARS`` is cut after a line break (the end of a paragraph, where a sentence ends
anyway), else after a full stop and a space, else after any space, into pieces of at most ``CHUNK_CHARS``; the
pieces are parsed like articles and joined with ``Doc.from_docs``. The joined Doc's text is the article's text,
character for character (checked), and the gazetteer's hits are moved to the joined Doc's token offsets.
"""

from __future__ import annotations

import itertools

from spacy.tokens import Doc

from realpolitik.annotate.gazetteer import HITS_KEY

CHUNK_CHARS = 50_000


def cut_points(text: str, limit: int = CHUNK_CHARS) -> list[int]:
    """Offsets where ``text`` is cut into pieces of at most ``limit`` characters (empty: not cut). Each piece
    but the last ends with whitespace, so that it ends with a whole token."""
    cuts: list[int] = []
    start = 0
    while len(text) - start > limit:
        window_end = start + limit
        floor = start + limit // 2  # never a piece shorter than half the limit
        cut = -1
        for mark in ("\n", ". ", " ", "\t"):
            found = text.rfind(mark, floor, window_end)
            if found >= 0:
                cut = found + len(mark)
                break
        if cut < 0:
            return []  # no whitespace to cut at: one piece (spaCy's token limit applies)
        cuts.append(cut)
        start = cut
    return cuts


def pieces(text: str, cuts: list[int]) -> list[str]:
    return [text[a:b] for a, b in itertools.pairwise([0, *cuts, len(text)])]


def join_docs(docs: list[Doc], text: str) -> Doc | None:
    """One Doc from the Docs of consecutive pieces of ``text``; None if it would not reproduce ``text``."""
    hits: list[list[object]] = []
    kb_key: object = None
    offset = 0
    for doc in docs:
        stored = doc.user_data.pop(HITS_KEY, None)
        if stored is not None:
            kb_key = stored[0]
            hits += [[start + offset, end + offset, forms] for start, end, forms in stored[1]]
        offset += len(doc)
    joined = Doc.from_docs(docs, ensure_whitespace=False, exclude=["user_data"])  # type: ignore[call-arg]
    if joined is None or joined.text != text:
        return None
    if kb_key is not None:
        joined.user_data[HITS_KEY] = [kb_key, hits]
    return joined
