"""Applying the rewrites of ``ontology/rewrites.yaml`` (and a user's) to one coded trigger: what it literally
says, with its modality, becomes the event it is (an intention to cooperate is an asserted AGREE, a crowd's
violence a violent protest, an announced act of force a threat). The conditions and actions are described in
:mod:`realpolitik.ontology.rules`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from realpolitik.model import Modality
from realpolitik.ontology import QUAD_CLASS
from realpolitik.ontology.cues import words
from realpolitik.ontology.rules import Rewrite


@dataclass(frozen=True)
class Reading:
    """One trigger as the rewrites see it. ``act`` is the trigger's words ("send + troop"), ``by`` the intent
    word it is governed by ("ready") or None, ``domain`` the domain its clause's words suggest."""

    type: str
    cameo: str
    modality: Modality
    cue: str | None
    act: str
    rule: str
    by: str | None = None
    future: bool = False
    consequent: bool = True
    marked: bool = False
    crowd: bool = False
    passing: bool = False  # mentioned inside a noun phrase ("the treaty that was signed"), not stated
    history: bool = False  # the clause dates the act years before the article ("in 1998", "65 years ago")
    contexts: tuple[str, ...] = ()
    domain: str | None = None
    lemma: str = ""
    words: frozenset[str] = frozenset()  # the lower-cased words and lemmas of the trigger's clause
    governors: frozenset[str] = frozenset()  # lemmas of the words the trigger is the complement of
    complement: frozenset[str] = frozenset()  # the words and lemmas of the clause the trigger governs
    own_word: bool = True  # a future act said by its actor (first person, or reported from the actor)
    noun: bool = False  # the trigger is an event noun ("the talks", "cooperation"), not a verb or adjective
    subject: str = ""  # the lower-cased subject of the trigger or of the verb it is the complement of ("we")
    blames: bool = False  # the act names what its target is blamed for ("attacked Trump for the tweet")
    drop: bool = False

    @property
    def announced(self) -> bool:
        """An intention, or a future act stated as fact ("China will provide aid")."""
        return self.by is not None or (self.modality == "asserted" and self.future)


def _has_any(present: frozenset[str], wanted: Iterable[str]) -> bool:
    """Whether any wanted word is present; a phrase ("new year") is present when all its words are."""
    return any(all(part in present for part in w.split()) for w in wanted)


@cache
def _words(wanted: str | tuple[str, ...]) -> frozenset[str]:
    """The words of one cue class, or of several together (asked for every reading: computed once)."""
    return words(wanted) if isinstance(wanted, str) else frozenset().union(*(words(n) for n in wanted))


def _holds(key: str, wanted: Any, r: Reading) -> bool:
    if key == "type":
        return r.type in wanted
    if key == "quad_class":
        return QUAD_CLASS[r.type] in wanted
    if key == "governor_in":
        return r.by is not None and r.by in _words(wanted)
    if key == "context":
        return wanted in r.contexts
    if key == "lemma":
        return r.lemma in wanted
    if key == "clause_has":
        return _has_any(r.words, _words(wanted))
    if key == "clause_lacks":
        return not _has_any(r.words, _words(wanted))
    if key == "complement_has":
        return _has_any(r.complement, _words(wanted))
    if key == "complement_lacks":
        return not _has_any(r.complement, _words(wanted))
    if key == "governed_by":
        return bool(r.governors & _words(wanted))
    if key == "subject_in":
        return r.subject in _words(wanted)
    if key == "subject_lacks":
        return r.subject not in _words(wanted)
    return bool(getattr(r, key) == wanted)


def _cameo(spec: Any, r: Reading) -> str:
    if isinstance(spec, str):
        return r.cameo if spec == "same" else spec
    ((choice, table),) = spec.items()
    key = {
        "by_type": r.type,
        "by_domain": r.domain,
        "by_cameo": r.cameo,
        "by_context": next((c for c in table if c in r.contexts), None),
    }[choice]
    return _cameo(table[key] if key in table else table["*"], r)


def _apply(rewrite: Rewrite, r: Reading) -> Reading:
    then: Mapping[str, Any] = rewrite.then
    changes: dict[str, Any] = {}
    if "cameo" in then:
        changes["cameo"] = _cameo(then["cameo"], r)
    if "rule" in then:
        changes["rule"] = then["rule"].format(type=r.type.lower(), by=r.by or "will", act=r.act)
    for key in ("type", "modality", "cue", "drop", "by"):
        if key in then:
            changes[key] = then[key]
    return replace(r, **changes)


def rewrite(reading: Reading, rewrites: Iterable[Rewrite]) -> tuple[Reading, list[str]]:
    """The reading after every rewrite whose conditions hold, in order (a ``stop`` rewrite ends the run), and
    the names of those that fired."""
    fired = []
    for rule in rewrites:
        if all(_holds(k, v, reading) for k, v in rule.when.items()):
            reading = _apply(rule, reading)
            fired.append(rule.name)
            if rule.stop or reading.drop:
                break
    return reading, fired


__all__ = ["Reading", "rewrite"]
