"""A questioner's self-introduction at the start of a "Question:" turn, read from the text alone.

kremlin.ru transcripts of news conferences leave the asker's label as "Question:" and let the journalist say who
they are: "Ksenia Sokolova, Snob magazine.", "Good afternoon, Mr President. Anton Zhelnov, Dozhd TV channel.",
"Thank you. My name is Pavel Pchelkin, Channel One.", "Mr President, I'm Garry Barnes from PGGM Investments.",
or the outlet first: "RIA Novosti, Yelena Glushakova.". An address to someone else ("Alexander Tkachev, what do
you think?", "Vladimir Vladimirovich, ...") is no introduction. :mod:`realpolitik.statements.labels` reads the
outlet (state and sector) from the introduction's ``about`` span and checks the name is no organisation.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from realpolitik.ontology import cues

_NAME = r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2}"
# polite openings before the introduction: "Good afternoon, Mr President.", "Thank you very much.", "Hello!"
_GREETING = (
    r"(?:(?i:good (?:afternoon|morning|evening)|hello|hi|thank you|thanks|fine|dear|mr president)"
    r"[^.,!?\n]{0,60}[.!,]\s*)"
)
_IMPLICIT = re.compile(rf"{_GREETING}{{0,3}}(?P<name>{_NAME})(?:,| from\b)")
_EXPLICIT = re.compile(
    rf"(?:\b[Mm]y name is|\bI am|\bI’m|\bI'm)\s+(?P<name>{_NAME})(?=[,.!;]|\s+(?:from|and)\b)"
)
_OUTLET_FIRST = re.compile(rf"{_GREETING}{{0,3}}(?P<outlet>[^,.!?\n]{{2,60}}), (?P<name>{_NAME})[.,]")
_MAX_LEAD = 160  # characters said before "My name is ..."
_MAX_ABOUT = 100  # characters of the outlet after a questioner's name
_ADDRESS_WORDS = frozenset({"you", "your", "i", "we", "what", "how", "could", "would", "please", "tell"})
_PATRONYMIC = re.compile(r"(?:ovich|evich|ovna|evna|ich)\b")  # "Vladimir Vladimirovich," addresses the host
HONORIFICS = frozenset({"Mr", "Ms", "Mrs", "Dr"})  # a name after them is an address ("Mr Putin")
_FIRST_PERSON = frozenset({"I", "I’m", "I'm"})  # "I’m Michael Renaud from ...": the name comes after
_TITLE_WORDS = cues.words("title_words")


@dataclass(frozen=True, slots=True)
class Intro:
    """Who introduces themselves: the name's span, and the span that says where they are from."""

    name: tuple[int, int]
    about: tuple[int, int]


def self_introduction(text: str, start: int, outlet: Callable[[str], bool]) -> Intro | None:
    """The introduction opening the turn content at ``start``; ``outlet`` tells a news organisation's name
    (for "RIA Novosti, Yelena Glushakova.")."""
    first = _OUTLET_FIRST.match(text, start)
    if first and _plain_name(first.group("name")) and outlet(first.group("outlet")):
        return Intro(first.span("name"), first.span("outlet"))
    implicit = _IMPLICIT.match(text, start)
    if implicit and _plain_name(implicit.group("name")):
        about = _about(text, implicit.end())
        if about is not None and _introduces(text, about):
            return Intro(implicit.span("name"), about)
    lead_end = text.find("\n\n", start, start + _MAX_LEAD + 40)
    explicit = _EXPLICIT.search(text, start, lead_end if lead_end > 0 else start + _MAX_LEAD + 40)
    if (
        explicit
        and explicit.start() - start <= _MAX_LEAD
        and "?" not in text[start : explicit.start()]
        and _plain_name(explicit.group("name"))
    ):
        about = _about(text, explicit.end())
        return Intro(explicit.span("name"), about or (explicit.end(), explicit.end()))
    return None


def _plain_name(name: str) -> bool:
    """Words that can be a person's name: no patronymic address, honorific or title word ("Deputy Chairman")."""
    words = name.split()
    if _PATRONYMIC.search(name) or words[0] in HONORIFICS or words[0] in _FIRST_PERSON:
        return False
    return not any(w.casefold() in _TITLE_WORDS for w in words)


def _about(text: str, after: int) -> tuple[int, int] | None:
    """From the name to the end of its sentence, if that comes within a short stretch."""
    stop = text.find(".", after, after + _MAX_ABOUT)
    line = text.find("\n", after, after + _MAX_ABOUT)
    if line >= 0 and (stop < 0 or line < stop):
        stop = line
    return (after, stop) if stop >= 0 else None


def _introduces(text: str, about: tuple[int, int]) -> bool:
    """A self-introduction ("Ksenia Sokolova, Snob magazine.") rather than an address to someone ("Alexander
    Tkachev, what do you think?")."""
    chunk = text[about[0] : about[1]]
    if chunk.strip(" ,").split(" ", 1)[0] in HONORIFICS:
        return False  # "Regarding Gazprom, Mr President.": said to someone
    words = {w.casefold() for w in re.findall(r"[\w’']+", chunk)}
    return "?" not in chunk and not words & _ADDRESS_WORDS
