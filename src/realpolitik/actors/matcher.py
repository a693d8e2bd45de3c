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

from realpolitik.actors.kb import FORM_TYPES, KnowledgeBase, form_key

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


def fold(word: str) -> str:
    """A token as the trie holds it: lower case, typographic apostrophes plain ("People’s" is "People's")."""
    return word.lower().replace("’", "'")


def _case_rule(tokens: Sequence[str]) -> tuple[tuple[int, int], ...]:
    """(token offset, rule) pairs: rule 1 = must not be all lower case, rule 2 = must be all upper case, rule 3 =
    must have a capital after its first letter (a mixed-case short form: "LeT" is not "Let")."""
    rules: list[tuple[int, int]] = []
    first_done = False
    for i, tok in enumerate(tokens):
        if 2 <= len(tok) <= 7 and tok.isupper() and tok.replace(".", "").isalpha():
            rules.append((i, 2))  # an acronym: "US" is not "us"
            first_done = True
        elif 2 <= len(tok) <= 7 and tok.isalpha() and any(c.isupper() for c in tok[1:]):
            rules.append((i, 3))
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
                node = node.setdefault(fold(tok), {})
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
        lowers = [fold(w) for w in words] if lowers is None else [w.replace("’", "'") for w in lowers]
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
        if rule == 3 and not any(c.isupper() for c in word[1:]):
            return False
    return True


def match_text(kb: KnowledgeBase, text: str, starts: Sequence[int], words: Sequence[str]) -> list[Hit]:
    """The matches ``Gazetteer.match`` finds, for a short text, without building the trie: every run of
    tokens is looked up by the words it spans (a look-up is a few words; building the trie takes a second)."""
    lowers = [fold(w) for w in words]
    type_order = {t: i for i, t in enumerate(FORM_TYPES)}
    hits: list[Hit] = []
    n = len(words)
    i = 0
    while i < n:
        best: Hit | None = None
        if lowers[i] != "the":
            for j in range(min(n, i + _MAX_TOKENS), i, -1):
                span = text[starts[i] : starts[j - 1] + len(words[j - 1])]
                key = form_key(span)
                found = [(x, False) for x in kb.by_key.get(key, ())]
                found += [(x, True) for x in kb.by_key.get("the " + key, ())]
                ok = [x for x, the in found if _case_ok(span.split(), 0, _case_rule(_words_of(kb, x, the)))]
                if ok:
                    ok.sort(
                        key=lambda x: type_order[kb.forms[x].type]
                    )  # stable: the KB's order within a type
                    best = Hit(i, j, tuple(dict.fromkeys(ok)))
                    break
        if best is None:
            i += 1
        else:
            hits.append(best)
            i = best.end
    return hits


def _words_of(kb: KnowledgeBase, index: int, drop_the: bool) -> list[str]:
    words = kb.forms[index].text.split()
    return words[1:] if drop_the else words


_CACHE: dict[tuple[int, int], Gazetteer] = {}


def gazetteer_for(kb: KnowledgeBase, tokenize: Tokenize, tokenizer_key: int = 0) -> Gazetteer:
    """The gazetteer of ``kb`` (built once per KB object and tokenizer in this process)."""
    key = (id(kb), tokenizer_key)
    found = _CACHE.get(key)
    if found is None or found.kb is not kb:
        found = Gazetteer(kb, tokenize)
        _CACHE[key] = found
    return found
