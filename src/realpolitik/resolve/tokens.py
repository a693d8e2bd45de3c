"""A tokenizer for short texts that splits a name as spaCy's English tokenizer does ("Kassym-Jomart" is three
tokens, "Putin's" two, "U.S." one), without loading spaCy: ``realpolitik actors lookup`` resolves a name in a
fraction of the second that importing spaCy takes. Articles are always tokenized by spaCy; a test checks the two
agree on every resolution case and knowledge-base name."""

from __future__ import annotations

import re

_PREFIX = re.compile(r"""^(?:[\"'`‘“«(\[{¡¿§%=+*~<>$£€#]|[–—]|\.\.+)""")
_SUFFIX = re.compile(
    r"""(?:['’][sS]|['’]|[\"”»)\]},;:!?%]|\.\.+|(?<=[a-z0-9)\]"'%’”])\.|(?<=[A-Z]{2})\.(?=$)|[–—])$"""
)
# A hyphen before a letter or between digits splits ("Kassym-Jomart", "27-nation", "3-80", not "G-7"), and so
# do a slash or colon between letters ("AU/ECOWAS").
_INFIX = re.compile(
    r"(?<=[^\W_])(?:-|–|—)(?=[^\W\d_])|(?<=\d)(?:-|–|—)(?=\d)|(?<=[^\W_])(?:[:<>=/]|\.\.+)(?=[^\W\d_])"
    r"|(?<=[^\W\d_]),(?=[^\W\d_])"
)
# Abbreviations with a final period that stay one token.
_ABBREVIATION = re.compile(
    r"^(?:[A-Z]\.)+$|^[a-z]\.$|^(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Capt|Prof|Sen|Rep|Gov|Jr|Sr|Inc|Md|vs|Mt)\.$"
)


def tokenize(text: str) -> tuple[list[int], list[str]]:
    """Start offsets and texts of the tokens of ``text``."""
    starts: list[int] = []
    words: list[str] = []
    for chunk in re.finditer(r"\S+", text):
        _split(chunk.group(), chunk.start(), starts, words)
    return starts, words


def _split(piece: str, at: int, starts: list[int], words: list[str]) -> None:
    tail: list[tuple[int, str]] = []
    while piece:
        if _ABBREVIATION.match(piece):
            break
        prefix = _PREFIX.match(piece)
        if prefix and prefix.end() < len(piece):
            starts.append(at)
            words.append(prefix.group())
            at += prefix.end()
            piece = piece[prefix.end() :]
            continue
        suffix = _SUFFIX.search(piece)
        if suffix and suffix.start() > 0:
            tail.insert(0, (at + suffix.start(), suffix.group()))
            piece = piece[: suffix.start()]
            continue
        break
    if piece:
        last = 0
        for infix in _INFIX.finditer(piece):
            if infix.start() > last:
                starts.append(at + last)
                words.append(piece[last : infix.start()])
            starts.append(at + infix.start())
            words.append(infix.group())
            last = infix.end()
        if last < len(piece):
            starts.append(at + last)
            words.append(piece[last:])
    for start, word in tail:
        starts.append(start)
        words.append(word)
