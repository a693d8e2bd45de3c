"""Long articles are parsed in pieces and joined: the joined Doc has the article's exact text and tokens, and
the gazetteer's hits where a whole parse puts them, while spaCy's memory stays that of one piece."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from realpolitik.annotate.chunks import cut_points, pieces
from realpolitik.annotate.gazetteer import HITS_KEY
from realpolitik.model import Article


@given(text=st.text(alphabet=st.sampled_from("ab .\n\t"), max_size=3000), limit=st.integers(20, 400))
def test_pieces_rebuild_the_text_and_respect_the_limit(text: str, limit: int) -> None:
    cuts = cut_points(text, limit)
    parts = pieces(text, cuts)
    assert "".join(parts) == text
    if cuts:
        assert all(len(p) <= limit for p in parts)
        assert all(p[-1].isspace() for p in parts[:-1])


def test_cuts_prefer_line_breaks() -> None:
    paragraph = "Russia met China in Moscow. " * 30
    text = "\n\n".join([paragraph] * 10)
    cuts = cut_points(text, 2000)
    assert cuts and all(text[c - 1] == "\n" for c in cuts)


@pytest.mark.model
def test_a_long_article_joined_from_pieces_equals_its_whole_parse(nlp_engine: Any) -> None:
    paragraph = (
        "Kazakhstan and Russia signed an agreement on security cooperation in Astana on Monday, "
        "the Kazakh foreign ministry said. China's foreign minister Wang Yi met Kassym-Jomart Tokayev. "
    )
    text = "\n\n".join(paragraph * 3 for _ in range(200))  # about 120,000 characters
    assert len(cut_points(text)) >= 2
    ((_, joined),) = list(nlp_engine.annotator.pipe([Article.from_text(text)]))
    whole = nlp_engine.annotator.nlp(text)
    assert joined.text == text
    assert [t.text for t in joined] == [t.text for t in whole]
    assert joined.user_data[HITS_KEY][1] == whole.user_data[HITS_KEY][1]
    assert [(e.start, e.end, e.label_) for e in joined.ents] == [
        (e.start, e.end, e.label_) for e in whole.ents
    ]
    assert len(list(joined.sents)) == len(list(whole.sents))
