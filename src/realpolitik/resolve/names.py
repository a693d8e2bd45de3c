"""Names are atomic: a run of name words ("Mohammed Shia al-Sudani", "Shavkat Mirziyoev") is one person, and a
word inside it that the gazetteer also knows ("Shia", a surname form) is not an actor of its own.

``NameRuns.apply`` reads the gazetteer's units of one article before they become phrases: a run of capitalised
words (and the particles inside names: al-, bin, von der) that holds a word no unit covers is looked up as a whole
name (``KnowledgeBase.person_by_name``: same surname and first name, or a spelling of a known name); found, it
becomes one person unit. Not found, after an office or a title ("Prime Minister Mohammed Shia al-Sudani" when the
knowledge base did not know him), the words the run holds are the unknown person's name, not groups; and a group
word between two unknown name words ("... Shia ...") is part of the name too.

``NameRuns.unknown_names`` finds the people of a text resolved without NER (``Resolver.resolve_text``: a look-up
such as "Mirziyoev" or "Kassym Jomart Tokaev"), as NER's PERSON spans would.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Protocol

from realpolitik.actors.kb import Form, KnowledgeBase
from realpolitik.ontology import cues
from realpolitik.resolve.referents import HONORIFICS
from realpolitik.resolve.units import Unit

PARTICLES = cues.words("name_particles")
_JOINERS = frozenset({"-", "'", "’"})
# A one-word hit of these kinds may be a word of a person's name ("Shia" in Mohammed Shia al-Sudani).
_ABSORBABLE = frozenset({"group", "region", "armed_group", "company", "ngo", "person"})


class NameState(Protocol):
    """What the name pass reads of one article's resolution (``resolver.ArticleResolver``)."""

    kb: KnowledgeBase
    words: list[str]
    lowers: list[str]
    day: date

    def _namelike(self, i: int) -> bool: ...

    def _text(self, start: int, end: int) -> str: ...


class NameRuns:
    def __init__(self, outer: NameState) -> None:
        self.r = outer

    def apply(self, units: list[Unit]) -> list[Unit]:
        r = self.r
        n = len(r.words)
        cover: list[int | None] = [None] * n
        for k, u in enumerate(units):
            cover[u.start : u.end] = [k] * (u.end - u.start)
        dropped: set[int] = set()
        added: list[Unit] = []
        others: set[str] = set()  # surnames of people the knowledge base does not know ("Usman Khan")
        for start, end in self._runs(units, cover):
            inside = sorted({c for t in range(start, end) if (c := cover[t]) is not None})
            loose = [t for t in range(start, end) if cover[t] is None and r._namelike(t)]
            if not loose:
                continue  # every word is a hit: the gazetteer read the name
            words = [r.words[t] for t in range(start, end) if r.words[t] not in _JOINERS]
            if sum(1 for w in words if w.lower() not in PARTICLES) < 2:
                continue
            before = cover[start - 1] if start > 0 else None
            titled = (before is not None and units[before].role == "office") or (
                start > 0 and r.lowers[start - 1] in HONORIFICS
            )
            # A spelling of a dated office holder's name; a run with a known surname in it, as NER's PERSON
            # would be read ("Shavkat Mirziyoev"); not any capitalised run ("National Coalition for Men").
            person = r.kb.person_by_spelling(words, r.day)
            if person is None and any(units[k].role == "person" for k in inside):
                person = r.kb.person_by_name(words, r.day, titled=titled)
            if person is not None:
                dropped.update(inside)
                form = Form(r._text(start, end), person.id, "name")
                added.append(Unit(start, end, form, person, "person", (person,)))
                continue
            for k in inside:
                u = units[k]
                before = u.start > start and cover[u.start - 1] is None and r._namelike(u.start - 1)
                if u.role == "person":
                    if u.form.type == "surname":
                        # a word of a name the knowledge base does not know: another person's ("Alejandro
                        # Rivera", "Haroon Rashid Aswad")
                        dropped.add(k)
                        others.add(r.lowers[u.end - 1])
                    continue
                if u.end - u.start != 1 or u.actor.kind not in _ABSORBABLE:
                    continue
                after = u.end < end and cover[u.end] is None
                if titled or (before and after):
                    dropped.add(k)  # a word of an unknown person's name
        # The article's "Khan" after "Usman Khan" is Usman Khan again, not the holder of an office named Khan.
        dropped.update(
            k
            for k, u in enumerate(units)
            if u.role == "person"
            and u.form.type == "surname"
            and u.end - u.start == 1
            and r.lowers[u.start] in others
        )
        if not dropped and not added:
            return units
        kept = [u for k, u in enumerate(units) if k not in dropped]
        return sorted([*kept, *added], key=lambda u: u.start)

    def _runs(self, units: list[Unit], cover: list[int | None]) -> list[tuple[int, int]]:
        """Maximal runs of name words: capitalised words no unit covers or that a one-word unit of a group,
        region, organisation or person covers, joined by hyphens and name particles."""
        r = self.r
        words, lowers = r.words, r.lowers
        flags = bytearray(len(words))
        for u in units:
            if u.role == "person":
                flags[u.start : u.end] = b"\x01" * (u.end - u.start)  # a known name's words, "al-Sudani" too
        # only capitalised words can be name words: find them in one pass, look closer at those alone
        for t in [t for t, word in enumerate(words) if word[:1].isupper()]:
            if flags[t] or lowers[t] in HONORIFICS or not r._namelike(t):
                continue
            k = cover[t]
            if k is None:
                flags[t] = 1
                continue
            covering = units[k]
            if (
                covering.actor.kind in _ABSORBABLE
                and covering.role == "affiliation"
                and covering.form.type != "adjective"
            ):
                flags[t] = 1
        if not any(flags):
            return []
        return _spans(flags, lambda t: words[t] in _JOINERS or lowers[t] in PARTICLES)

    def unknown_names(self, covered: bytearray) -> list[tuple[int, int]]:
        """Runs of capitalised words nothing covers (a look-up resolved without NER reads them as NER would)."""
        r = self.r
        flags = bytearray(
            not covered[t] and r._namelike(t) and r.lowers[t] not in HONORIFICS for t in range(len(r.words))
        )
        return _spans(
            flags, lambda t: not covered[t] and (r.words[t] in _JOINERS or r.lowers[t] in PARTICLES)
        )


def _spans(word: bytearray, joiner: Callable[[int], bool]) -> list[tuple[int, int]]:
    """Maximal runs of tokens flagged in ``word``, joined across tokens for which ``joiner`` holds."""
    n = len(word)
    runs = []
    i = word.find(1)
    while 0 <= i < n:
        j = i + 1
        while j < n:
            if word[j]:
                j += 1
                continue
            k = j
            while k < n and not word[k] and joiner(k):
                k += 1
            if k > j and k < n and word[k]:
                j = k + 1
            else:
                break
        runs.append((i, j))
        i = word.find(1, j)
    return runs


def hyphenated(words: list[str], lowers: list[str], start: int, end: int) -> str | None:
    """How a hyphen joins a name to the words around it: "stance" for "anti-Syria", "pro-Russian", "non-EU" (a
    position on the state), "seat" for "Tokyo-based" (where a company sits); None otherwise."""
    if start >= 2 and words[start - 1] == "-" and lowers[start - 2] in ("anti", "pro", "non"):
        return "stance"
    if end + 1 < len(words) and words[end] == "-" and lowers[end + 1] == "based":
        return "seat"
    return None
