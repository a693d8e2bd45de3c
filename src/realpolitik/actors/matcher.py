"""The gazetteer matcher: a token trie over every surface form of the knowledge base, built once per KB and
tokenizer, that finds the longest form starting at each token in one pass over a document.

Forms are tokenized with the same spaCy tokenizer as the documents, so a match is always a whole-token span.
Case matters only where it separates a name from a word: the first capitalised word of a form must not be
all lower case in the text ("May" is not "may", "Turkey" is not "turkey"), and a short acronym must be upper
case in the text ("US" is not "us").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from realpolitik.actors.kb import KnowledgeBase

_TERM = ""  # key of the terminal entry in a trie node (no token is the empty string)
_MAX_TOKENS = 12
_PLAIN = re.compile(r"^[^\W\d_]+(?: [^\W\d_]+)*$")

Tokenize = Callable[[str], Sequence[str]]


@dataclass(frozen=True, slots=True)
class Hit:
    """A gazetteer match: tokens [start, end) of the document, and the KB forms (best first) it matches."""

    start: int
    end: int
    forms: tuple[int, ...]


def _case_rule(tokens: Sequence[str]) -> tuple[tuple[int, int], ...]:
    """(token offset, rule) pairs: rule 1 = must not be all lower case, rule 2 = must be all upper case."""
    rules: list[tuple[int, int]] = []
    first_done = False
    for i, tok in enumerate(tokens):
        if 2 <= len(tok) <= 7 and tok.isupper() and tok.replace(".", "").isalpha():
            rules.append((i, 2))  # an acronym: "US" is not "us"
            first_done = True
        elif not first_done and tok[:1].isupper():
            rules.append((i, 1))
            first_done = True
    return tuple(rules)


class Gazetteer:
    """The trie of a knowledge base's forms. ``match(words)`` takes the tokens' texts."""

    def __init__(self, kb: KnowledgeBase, tokenize: Tokenize) -> None:
        self.kb = kb
        root: dict[str, Any] = {}
        for index, form in enumerate(kb.forms):
            # Plain words split on spaces exactly as spaCy's English tokenizer splits them; only forms with
            # punctuation ("Kassym-Jomart", "U.S.", "People's") need the tokenizer, which is the slow part.
            text = form.text
            tokens = text.split() if _PLAIN.match(text) else list(tokenize(text))
            if not tokens or len(tokens) > _MAX_TOKENS:
                continue
            if len(tokens) > 1 and tokens[0].lower() == "the":
                # "the Kremlin" is indexed as "Kremlin": a match never starts at "the", so "the Caspian Sea"
                # finds "Caspian Sea" rather than "the Caspian"; the resolver adds a preceding "the" back.
                tokens = tokens[1:]
            node = root
            for tok in tokens:
                node = node.setdefault(tok.lower(), {})
            node.setdefault(_TERM, []).append((index, _case_rule(tokens)))
        # Keep each terminal's forms in the KB's preference order.
        order = {i: rank for key_forms in kb.by_key.values() for rank, i in enumerate(key_forms)}
        stack = [root]
        while stack:
            node = stack.pop()
            for key, child in node.items():
                if key == _TERM:
                    child.sort(key=lambda entry: order.get(entry[0], 0))
                else:
                    stack.append(child)
        self.root = root

    def match(self, words: Sequence[str], lowers: Sequence[str] | None = None) -> list[Hit]:
        """Longest, left-to-right, non-overlapping matches over the tokens ``words``."""
        lowers = lowers if lowers is not None else [w.lower() for w in words]
        root = self.root
        hits: list[Hit] = []
        n = len(words)
        i = 0
        while i < n:
            node = root.get(lowers[i])
            if node is None:
                i += 1
                continue
            best: Hit | None = None
            j = i + 1
            while True:
                term = node.get(_TERM)
                if term is not None:
                    ok = tuple(index for index, rules in term if _case_ok(words, i, rules))
                    if ok:
                        best = Hit(i, j, ok)
                if j >= n:
                    break
                node = node.get(lowers[j])
                if node is None:
                    break
                j += 1
            if best is None:
                i += 1
            else:
                hits.append(best)
                i = best.end
        return hits


def _case_ok(words: Sequence[str], start: int, rules: tuple[tuple[int, int], ...]) -> bool:
    for offset, rule in rules:
        word = words[start + offset]
        if rule == 1 and word.islower():
            return False
        if rule == 2 and not word.isupper():
            return False
    return True


_CACHE: dict[tuple[int, int], Gazetteer] = {}


def gazetteer_for(kb: KnowledgeBase, tokenize: Tokenize, tokenizer_key: int = 0) -> Gazetteer:
    """The gazetteer of ``kb`` (built once per KB object and tokenizer in this process)."""
    key = (id(kb), tokenizer_key)
    found = _CACHE.get(key)
    if found is None or found.kb is not kb:
        found = Gazetteer(kb, tokenize)
        _CACHE[key] = found
    return found
