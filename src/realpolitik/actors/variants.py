"""Spellings of personal names across transliterations: ``variants(name)`` generates the spellings English-
language news writes a Russian, Central Asian, Arabic, Persian, Chinese or Turkic name in (Tokayev, Tokaev,
Toqayev; Zhaparov, Japarov, Dzhaparov), and ``skeleton(name)`` is the spelling-blind key they all share, so a
spelling the knowledge base does not list is still found. The rules are data (``data/transliteration.yaml``).

``name_keys`` gives the keys the knowledge base indexes a person's name under: the whole skeleton (spaces
removed, so "Kassym-Jomart" and "Kasymzhomart" agree) and the first and last skeleton words ("William Ruto" is
"William Samoei Ruto").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from itertools import groupby, product
from typing import Any

_FILE = "transliteration.yaml"
_COLLAPSE = None  # the step that writes a repeated letter once
_INNER_APOSTROPHE = re.compile(r"\w['’ʼ]\w")


@dataclass(frozen=True)
class _Rules:
    letters: dict[int, str]  # a str.translate table
    steps: tuple[
        tuple[re.Pattern[str] | str | None, str], ...
    ]  # a plain string is replaced as it is (faster)
    variants: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]


@cache
def _rules() -> _Rules:
    import yaml

    text = (resources.files("realpolitik.actors") / "data" / _FILE).read_text(encoding="utf-8")
    data: Any = yaml.safe_load(text)
    skeleton = data["skeleton"]
    letters = {**skeleton["letters"]}
    letters.update({k.upper(): v.upper() for k, v in skeleton["letters"].items() if len(k.upper()) == 1})
    return _Rules(
        letters={ord(k): v for k, v in letters.items()},
        steps=tuple(
            (_COLLAPSE, "")
            if step == "collapse"
            else (step[0] if re.escape(step[0]) == step[0] else re.compile(step[0]), step[1])
            for step in skeleton["steps"]
        ),
        variants=tuple(
            (re.compile(pattern, re.IGNORECASE), tuple(spellings)) for pattern, spellings in data["variants"]
        ),
    )


def plain(text: str) -> str:
    """``text`` without accents ("Erdoğan" -> "Erdogan", "Lourenço" -> "Lourenco"), the spelling wire copy uses."""
    if text.isascii():
        return text
    mapped = text.translate(_rules().letters)
    return "".join(c for c in unicodedata.normalize("NFKD", mapped) if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def skeleton(name: str) -> str:
    """The spelling-blind key of ``name``: words separated by single spaces ("Berdimuhamedow" and
    "Berdymukhamedov" give "bardimuhamaduv")."""
    text = plain(name.casefold())
    for pattern, repl in _rules().steps:
        if pattern is _COLLAPSE:
            text = "".join(letter for letter, _run in groupby(text))
        elif isinstance(pattern, str):
            text = text.replace(pattern, repl)
        else:
            text = pattern.sub(repl, text)
    return " ".join(text.split())


def name_keys(name: str) -> tuple[str, tuple[str, str] | None]:
    """The whole-name key (the skeleton without spaces) and the (first word, last word) key, None for a
    one-word name."""
    words = skeleton(name).split()
    pair = (words[0], words[-1]) if len(words) >= 2 else None
    return "".join(words), pair


def variants(name: str, limit: int = 32) -> list[str]:
    """Spellings of ``name`` news writes, ``name`` first, then by fewest changes (at most ``limit``).

    Every variant has the skeleton of ``name``: ``skeleton(v) == skeleton(name)``.
    """
    accentless = plain(name)
    if _INNER_APOSTROPHE.search(name):
        return list(dict.fromkeys((name, accentless)))[
            :limit
        ]  # 'Aho'eitu: the rules read words, not glottal stops
    spans: list[tuple[int, int, list[str]]] = []
    taken = bytearray(len(accentless))
    for pattern, spellings in _rules().variants:
        for match in pattern.finditer(accentless):
            start, end = match.span()
            if any(taken[start:end]):
                continue
            original = accentless[start:end]
            options = [original]
            for spelling in spellings:
                text = match.expand(spelling)
                if original[:1].isupper():
                    text = text[:1].upper() + text[1:]
                if text.lower() != original.lower() and text not in options:
                    options.append(text)
            if len(options) > 1:
                taken[start:end] = b"\x01" * (end - start)
                spans.append((start, end, options))
    spans.sort()
    found: dict[str, int] = {}
    for choice in product(*(range(len(options)) for _s, _e, options in spans)):
        changes = sum(1 for c in choice if c)
        parts, at = [], 0
        for (start, end, options), c in zip(spans, choice, strict=True):
            parts.append(accentless[at:start])
            parts.append(options[c])
            at = end
        parts.append(accentless[at:])
        text = re.sub(r"\s+", " ", "".join(parts)).strip()
        if text and (text not in found or changes < found[text]):
            found[text] = changes
        if len(found) >= limit * 8:
            break
    found.setdefault(name, 0)
    ordered = sorted(found, key=lambda v: (v != name, found[v], v))
    return ordered[:limit]
