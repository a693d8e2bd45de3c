"""A look-up is resolved without spaCy: its tokenizer splits names as spaCy's English tokenizer does, and its
matcher finds the knowledge-base forms the gazetteer's trie finds. Both are checked against spaCy (a blank
English pipeline: the tokenizer only, no model)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from realpolitik.actors.kb import KnowledgeBase
from realpolitik.actors.matcher import Gazetteer, match_text
from realpolitik.resolve.tokens import tokenize

CASES_FILE = Path(__file__).resolve().parent.parent / "data" / "resolution_cases.jsonl"
TEXTS = [
    json.loads(line)["text"] for line in CASES_FILE.read_text(encoding="utf-8").splitlines() if line.strip()
]


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return spacy.blank("en")


def test_the_tokenizer_splits_as_spacy_on_every_case(nlp: spacy.language.Language) -> None:
    for text in TEXTS:
        doc = nlp(text)
        starts, words = tokenize(text)
        assert words == [t.text for t in doc if t.text.strip()], text
        assert starts == [t.idx for t in doc if t.text.strip()], text


def test_the_tokenizer_splits_as_spacy_on_the_knowledge_bases_names(nlp: spacy.language.Language) -> None:
    kb = KnowledgeBase.bundled()
    texts = [kb.forms[i].text for i in range(0, len(kb.forms), 7)]
    differ = [t for t in texts if tokenize(t)[1] != [tok.text for tok in nlp(t) if tok.text.strip()]]
    assert len(differ) <= len(texts) // 1000, differ[:20]  # a few mangled Phoenix names ("Nig?eria")


def test_the_matcher_finds_what_the_trie_finds(nlp: spacy.language.Language) -> None:
    kb = KnowledgeBase.bundled()
    trie = Gazetteer(kb, lambda text: [t.text for t in nlp.tokenizer(text)])
    for text in TEXTS:
        starts, words = tokenize(text)
        found = [(h.start, h.end, kb.forms[h.forms[0]].actor_id) for h in match_text(kb, text, starts, words)]
        expected = [(h.start, h.end, kb.forms[h.forms[0]].actor_id) for h in trie.match(words)]
        assert found == expected, text


def test_tokens_keep_their_offsets() -> None:
    text = "Kassym-Jomart Tokayev's U.S. visit (2022)."
    starts, words = tokenize(text)
    assert words == ["Kassym", "-", "Jomart", "Tokayev", "'s", "U.S.", "visit", "(", "2022", ")", "."]
    assert all(text[s : s + len(w)] == w for s, w in zip(starts, words, strict=True))
