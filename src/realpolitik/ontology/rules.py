"""The coder's rules as data (``rewrites.yaml``, and the ``rewrites:`` / ``reported:`` sections of a user's
lexicon file), validated on load with the file, line and field of every mistake.

- **Rewrites** turn what a trigger literally says into the event it is, once its modality is known: an intention
  to cooperate is an asserted AGREE, a crowd's violence is a violent protest, an announced act of force is a
  threat, a refusal to cooperate is a rejection. Each has ``when`` (conditions, all must hold), ``then`` (what
  changes) and ``stop`` (no later rewrite is tried); they run in file order, a user's before ours.
- **Reported acts** are acts performed by saying something about another actor ("X said Y must ..." demands it
  of Y, "X said Y was responsible" accuses Y).
- **Readings** choose another lexicon reading of a trigger before its arguments are found (a state that
  "protested" lodged a complaint: ACCUSE, not a demonstration).
- ``failure``: governors whose cooperative complement failed and which are a rejection themselves.

Conditions (``when``): ``type`` (a type or list), ``quad_class``, ``modality``, ``cue`` (the modality cue that
decided it: negation, conditional, ...), ``future`` (will/shall), ``announced`` (an intention, or a future act
asserted), ``consequent`` (not in a subordinate clause), ``marked`` (the trigger or a governor has a subordinating
mark), ``governor_in`` (the intent word is in a cue class), ``own_word`` (a future act said by its actor: in the first person,
or reported from the actor itself: "China will help", Xi said), ``noun`` (the trigger is an event noun), ``crowd`` (a crowd acts), ``passing`` (the act is
mentioned inside a noun phrase: a relative clause or a participle, "the agreement that was signed"), ``history`` (the clause dates the act
at least two years before the article: "in 1998", "in the 1990s", "65 years ago"), ``context`` (a context
among the event's), ``lemma`` (the trigger's lemma is one of these words), ``governed_by`` (a word the trigger
is the complement of is in a cue class), ``subject_in`` (the subject of the trigger, or of the verb it is the
complement of, is a word of a cue class: "we"), ``subject_lacks`` (it is not: "China is interested in ..." is no "we"), ``clause_has`` / ``clause_lacks`` (a
word of the trigger's clause is, or none is, in a cue class; every cue condition takes one class or a list of them), ``complement_has`` / ``complement_lacks`` (a word of the
clause the trigger governs, "asked that his gratitude be extended", is, or none is, in a cue class), ``official`` (readings only: a state or official
acts). Actions (``then``): ``type``, ``cameo``, ``modality``, ``cue`` (null clears it), ``rule`` (a template:
``{type}`` the original type in lower case, ``{by}`` the intent word or "will", ``{act}`` the trigger words),
``drop: true`` (no event: a courtesy, a procedure, a word used in another sense), ``by: null`` (the word the
trigger is governed by is how the act is performed, not an intention: "I would like to thank you" thanks). A ``cameo`` is a code, ``same`` (keep),
or a choice ``{by_type: {...}}``, ``{by_domain: {...}}`` (the domain the clause's words suggest),
``{by_context: {...}}`` or ``{by_cameo: {...}}``, each mapping to a code, ``same`` or another choice, ``"*"``
being the default.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from realpolitik.model import DOMAINS, MODALITIES, PLOVER_TYPES
from realpolitik.ontology.cues import cue_classes
from realpolitik.ontology.yamlfile import Entry, fail, words_of

# conditions whose value names a cue class
_CUE_CONDITIONS = (
    "governor_in",
    "clause_has",
    "clause_lacks",
    "complement_has",
    "complement_lacks",
    "governed_by",
    "subject_in",
    "subject_lacks",
)
_CONDITIONS = {
    *_CUE_CONDITIONS,
    "type",
    "quad_class",
    "modality",
    "cue",
    "future",
    "announced",
    "own_word",
    "noun",
    "consequent",
    "marked",
    "crowd",
    "passing",
    "history",
    "context",
    "lemma",
    "blames",
}
_BOOLEAN_CONDITIONS = {
    "future",
    "announced",
    "own_word",
    "noun",
    "consequent",
    "marked",
    "crowd",
    "passing",
    "history",
    "official",
    "blames",
}
_ACTIONS = {"type", "cameo", "modality", "cue", "rule", "drop", "by"}
_CHOICES = ("by_type", "by_domain", "by_context", "by_cameo")


@dataclass(frozen=True)
class Rewrite:
    name: str
    when: Mapping[str, Any]
    then: Mapping[str, Any]
    stop: bool = False
    example: str = ""
    expect: str | None = None  # the type the example yields, when it is not ``then.type``
    file: str = ""
    line: int | None = None


@dataclass(frozen=True)
class Reported:
    """An act done by saying something of another actor: a speech verb whose clause has ``aux`` (modal words)
    or is ``lemma`` + ``acomp`` (adjectives), not negated when ``negated`` is false."""

    name: str
    type: str
    cameo: str
    speech: str  # cue class of the speech verbs
    aux: frozenset[str] = frozenset()
    lemma: str | None = None
    acomp: frozenset[str] = frozenset()
    negated: bool | None = None
    example: str = ""
    file: str = ""
    line: int | None = None


@dataclass(frozen=True)
class Reading:
    name: str
    when: Mapping[str, Any]
    reading: str  # the type of the lexicon reading to use instead
    example: str = ""
    file: str = ""
    line: int | None = None


@dataclass(frozen=True)
class Failure:
    governors: str  # cue class
    type: str
    cameo: str
    applies_to: frozenset[str]
    example: str = ""


@dataclass(frozen=True)
class Rules:
    rewrites: tuple[Rewrite, ...] = ()
    reported: tuple[Reported, ...] = ()
    readings: tuple[Reading, ...] = ()
    reactions: frozenset[str] = frozenset()
    failure: Failure | None = None

    def merged(self, other: Rules) -> Rules:
        """``other``'s rewrites and readings first (a user's rules are tried before ours), reported acts added."""
        return Rules(
            rewrites=other.rewrites + self.rewrites,
            reported=self.reported + other.reported,
            readings=other.readings + self.readings,
            reactions=self.reactions | other.reactions,
            failure=other.failure or self.failure,
        )


def _types(value: Any, *, file: str, where: Any, field: str) -> frozenset[str]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items or any(i not in PLOVER_TYPES for i in items):
        raise fail(f"must be PLOVER types, got {value!r}", file=file, where=where, field=field)
    return frozenset(items)


def _check_cameo(spec: Any, *, file: str, where: Any, cameo_ok: Any) -> None:
    if isinstance(spec, str):
        if spec != "same" and not cameo_ok(spec):
            raise fail(f"unknown CAMEO code {spec!r}", file=file, where=where, field="cameo")
        return
    if not isinstance(spec, Mapping) or len(spec) != 1 or next(iter(spec)) not in _CHOICES:
        raise fail(
            f"a cameo is a code, 'same' or one of {', '.join(_CHOICES)}",
            file=file,
            where=where,
            field="cameo",
        )
    ((choice, table),) = spec.items()
    if not isinstance(table, Mapping):
        raise fail(f"{choice} must map keys to codes", file=file, where=where, field="cameo")
    for key, value in table.items():
        if choice == "by_type" and key != "*" and key not in PLOVER_TYPES:
            raise fail(f"{key!r} is not a PLOVER type", file=file, where=where, field="cameo")
        if choice == "by_domain" and key != "*" and key not in DOMAINS:
            raise fail(f"{key!r} is not a domain", file=file, where=where, field="cameo")
        _check_cameo(value, file=file, where=where, cameo_ok=cameo_ok)


def _example(raw: Mapping[str, Any], *, file: str, where: Any) -> str:
    example = raw.get("example")
    if not isinstance(example, str) or not example.strip():
        raise fail("every rule needs an example sentence", file=file, where=where, field="example")
    return example


def parse_rewrite(raw: Any, *, file: str, cameo_ok: Any) -> Rewrite:
    where = raw
    if not isinstance(raw, Mapping):
        raise fail("a rewrite is a mapping: name, when, then, example", file=file)
    unknown = set(raw) - {"name", "when", "then", "stop", "example", "expect"}
    if unknown:
        raise fail(f"unknown keys {sorted(unknown)}", file=file, where=where)
    name = raw.get("name")
    if not isinstance(name, str) or not name:
        raise fail("a rewrite needs a name", file=file, where=where, field="name")
    when, then = raw.get("when") or {}, raw.get("then")
    if not isinstance(when, Mapping) or set(when) - _CONDITIONS:
        raise fail(f"conditions must be among {sorted(_CONDITIONS)}", file=file, where=where, field="when")
    if not isinstance(then, Mapping) or not then or set(then) - _ACTIONS:
        raise fail(f"actions must be among {sorted(_ACTIONS)}", file=file, where=where, field="then")
    checked = dict(when)
    for key, value in when.items():
        if key == "type":
            checked[key] = _types(value, file=file, where=where, field="when.type")
        elif key in _BOOLEAN_CONDITIONS and not isinstance(value, bool):
            raise fail(f"{key} must be true or false", file=file, where=where, field=f"when.{key}")
        elif key == "modality" and value not in MODALITIES:
            raise fail(f"modality must be one of {MODALITIES}", file=file, where=where, field="when.modality")
        elif key == "quad_class":
            values = value if isinstance(value, list) else [value]
            if any(v not in (1, 2, 3, 4) for v in values):
                raise fail("quad_class must be 1-4", file=file, where=where, field="when.quad_class")
            checked[key] = frozenset(values)
        elif key in _CUE_CONDITIONS:
            # one cue class, or a list of them (their words together)
            names = value if isinstance(value, list) else [value]
            missing = [n for n in names if not isinstance(n, str) or n not in cue_classes()]
            if missing or not names:
                raise fail(
                    f"no cue class {missing[0] if missing else value!r}",
                    file=file,
                    where=where,
                    field=f"when.{key}",
                )
            checked[key] = value if isinstance(value, str) else tuple(names)
        elif key == "lemma":
            # a list of words, or the name of a cue class
            if isinstance(value, str) and value in cue_classes():
                checked[key] = frozenset(cue_classes()[value].words)
            else:
                checked[key] = frozenset(words_of(value, file=file, where=where, field="when.lemma"))
    if "type" in then and then["type"] not in PLOVER_TYPES:
        raise fail(f"{then['type']!r} is not a PLOVER type", file=file, where=where, field="then.type")
    if "modality" in then and then["modality"] not in MODALITIES:
        raise fail(f"modality must be one of {MODALITIES}", file=file, where=where, field="then.modality")
    if "cameo" in then:
        _check_cameo(then["cameo"], file=file, where=where, cameo_ok=cameo_ok)
    if "drop" in then and then["drop"] is not True:
        raise fail("drop must be true", file=file, where=where, field="then.drop")
    if "by" in then and then["by"] is not None:
        raise fail("by can only be cleared (null)", file=file, where=where, field="then.by")
    if "rule" in then and not isinstance(then["rule"], str):
        raise fail("rule must be a text template", file=file, where=where, field="then.rule")
    expect = raw.get("expect")
    if expect is not None and expect not in PLOVER_TYPES:
        raise fail(f"{expect!r} is not a PLOVER type", file=file, where=where, field="expect")
    return Rewrite(
        name=name,
        when=checked,
        then=dict(then),
        stop=bool(raw.get("stop", False)),
        example=_example(raw, file=file, where=where),
        expect=expect,
        file=file,
        line=where.line if isinstance(where, Entry) else None,
    )


def parse_reported(raw: Any, *, file: str, cameo_ok: Any) -> Reported:
    where = raw
    if not isinstance(raw, Mapping):
        raise fail("a reported act is a mapping", file=file)
    known = {"name", "type", "cameo", "speech", "aux", "lemma", "acomp", "negated", "example"}
    if set(raw) - known:
        raise fail(f"unknown keys {sorted(set(raw) - known)}", file=file, where=where)
    kind = raw.get("type")
    if kind not in PLOVER_TYPES:
        raise fail(f"{kind!r} is not a PLOVER type", file=file, where=where, field="type")
    if not cameo_ok(str(raw.get("cameo", ""))):
        raise fail(f"unknown CAMEO code {raw.get('cameo')!r}", file=file, where=where, field="cameo")
    if raw.get("speech") not in cue_classes():
        raise fail(f"no cue class {raw.get('speech')!r}", file=file, where=where, field="speech")
    aux = frozenset(words_of(raw.get("aux"), file=file, where=where, field="aux"))
    acomp = frozenset(words_of(raw.get("acomp"), file=file, where=where, field="acomp"))
    if not aux and not (raw.get("lemma") and acomp):
        raise fail("give aux words, or a lemma with acomp words", file=file, where=where)
    return Reported(
        name=str(raw.get("name") or f"{kind}/say"),
        type=str(kind),
        cameo=str(raw["cameo"]),
        speech=str(raw["speech"]),
        aux=aux,
        lemma=raw.get("lemma"),
        acomp=acomp,
        negated=raw.get("negated"),
        example=_example(raw, file=file, where=where),
        file=file,
        line=where.line if isinstance(where, Entry) else None,
    )


def parse_reading(raw: Any, *, file: str) -> Reading:
    where = raw
    if not isinstance(raw, Mapping) or set(raw) - {"name", "when", "reading", "example"}:
        raise fail("a reading is {name, when, reading, example}", file=file, where=where)
    when = raw.get("when") or {}
    if not isinstance(when, Mapping) or set(when) - {"type", "official"}:
        raise fail("reading conditions are type and official", file=file, where=where, field="when")
    if raw.get("reading") not in PLOVER_TYPES:
        raise fail(f"{raw.get('reading')!r} is not a PLOVER type", file=file, where=where, field="reading")
    checked = dict(when)
    if "type" in when:
        checked["type"] = _types(when["type"], file=file, where=where, field="when.type")
    return Reading(
        name=str(raw.get("name") or raw["reading"]),
        when=checked,
        reading=str(raw["reading"]),
        example=_example(raw, file=file, where=where),
        file=file,
        line=where.line if isinstance(where, Entry) else None,
    )


def parse_rules(data: Any, *, file: str, cameo_ok: Any) -> Rules:
    """The rules of one file (``rewrites``, ``reported``, ``readings``, ``reactions``, ``failure``)."""
    if data is None:
        return Rules()
    if not isinstance(data, Mapping):
        raise fail("a rules file is a mapping", file=file)

    def items(key: str) -> list[Any]:
        value = data.get(key) or []
        if not isinstance(value, list):
            raise fail(f"{key} must be a list", file=file, where=data, field=key)
        return value

    failure = None
    raw_failure = data.get("failure")
    if raw_failure is not None:
        if not isinstance(raw_failure, Mapping) or raw_failure.get("governors") not in cue_classes():
            raise fail("failure needs governors (a cue class)", file=file, where=raw_failure, field="failure")
        if not cameo_ok(str(raw_failure.get("cameo", ""))) or raw_failure.get("type") not in PLOVER_TYPES:
            raise fail(
                "failure needs a PLOVER type and a CAMEO code", file=file, where=raw_failure, field="failure"
            )
        failure = Failure(
            governors=str(raw_failure["governors"]),
            type=str(raw_failure["type"]),
            cameo=str(raw_failure["cameo"]),
            applies_to=_types(
                raw_failure.get("applies_to"), file=file, where=raw_failure, field="applies_to"
            ),
            example=_example(raw_failure, file=file, where=raw_failure),
        )
    reactions = data.get("reactions")
    return Rules(
        rewrites=tuple(parse_rewrite(r, file=file, cameo_ok=cameo_ok) for r in items("rewrites")),
        reported=tuple(parse_reported(r, file=file, cameo_ok=cameo_ok) for r in items("reported")),
        readings=tuple(parse_reading(r, file=file) for r in items("readings")),
        reactions=_types(reactions, file=file, where=data, field="reactions") if reactions else frozenset(),
        failure=failure,
    )


__all__ = ["Failure", "Reading", "Reported", "Rewrite", "Rules", "parse_rules"]
