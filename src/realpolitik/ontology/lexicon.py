"""The coder's rules: the trigger lexicon (one YAML file per PLOVER type in ``lexicon/``: verbs, nouns, adjectives
and verb + object patterns, each with a CAMEO code and an example), the context and modality cues in ``data/``,
and the rewrites, reported acts and readings of ``rewrites.yaml`` (:mod:`realpolitik.ontology.rules`). A user's
lexicon files (``--lexicon FILE``) add entries (each with its ``type``, or the file's), ``rewrites``,
``reported`` and ``readings``; a mistake is reported with its file, line and field. Everything is compiled once
into dictionaries keyed by lemma, so coding a token is a dict lookup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from realpolitik.errors import KnowledgeBaseError
from realpolitik.model import PLOVER_TYPES
from realpolitik.ontology import cameo_entry
from realpolitik.ontology.rules import Rules, parse_rules
from realpolitik.ontology.yamlfile import fail, line_of, read_yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FLAGS = ("intent", "reciprocal", "weak", "nominal", "place_target", "phone")
_KNOWN_KEYS = {
    "verbs",
    "nouns",
    "adjs",
    "objects",
    "particle",
    "cameo",
    "contexts",
    "mode",
    "priority",
    "example",
    "expect",
}
_KNOWN_KEYS.update(_FLAGS)


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """One trigger pattern. ``objects`` None means any (or no) object; a set means the predicate's object (or a
    compound modifier of it) must be one of those lemmas."""

    type: str
    cameo: str
    pos: str  # "verb", "noun" or "adj"
    lemmas: frozenset[str]
    objects: frozenset[str] | None = None
    particles: frozenset[str] | None = None
    contexts: tuple[str, ...] = ()
    mode: str | None = None
    priority: int = 0
    intent: bool = False
    reciprocal: bool = False
    weak: bool = False
    nominal: bool = False
    place_target: bool = False
    phone: bool = False
    example: str = ""
    expect: str | None = (
        None  # what the example yields when a rewrite makes it another type; "none" for nothing
    )
    name: str = ""  # "AID/send+peacekeeping": what the rule field of an event shows


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, tuple[LexiconEntry, ...]]
    nouns: dict[str, tuple[LexiconEntry, ...]]
    adjs: dict[str, tuple[LexiconEntry, ...]]
    context_cues: dict[str, str]
    modality: dict[str, frozenset[str]]
    conditional_phrases: tuple[tuple[str, ...], ...]
    rules: Rules = field(default_factory=Rules)

    def entries(self) -> list[LexiconEntry]:
        seen: dict[int, LexiconEntry] = {}
        for table in (self.verbs, self.nouns, self.adjs):
            for group in table.values():
                for entry in group:
                    seen[id(entry)] = entry
        return list(seen.values())


def _read_yaml(*parts: str) -> Any:
    path = resources.files("realpolitik.ontology").joinpath(*parts)
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except yaml.YAMLError as exc:
        raise KnowledgeBaseError(f"invalid YAML: {exc}", file="/".join(parts)) from exc


def _words(value: Any, where: str = "lexicon", line: int | None = None) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str):
        value = [value]
    if any(isinstance(v, bool) for v in value):
        # YAML 1.1 reads a bare no/on/off/yes as a boolean: such words must be quoted.
        raise KnowledgeBaseError("a word parsed as a boolean: quote no/on/off/yes", file=where, line=line)
    return frozenset(str(v).lower() for v in value)


def _entries_of(name: str, data: Any) -> list[LexiconEntry]:
    """The trigger entries of one lexicon file: ``type`` (the default type of its entries) and ``entries``."""
    if not isinstance(data, dict):
        raise KnowledgeBaseError("a lexicon file is a mapping with 'type' and 'entries'", file=name)
    default = data.get("type")
    if default is not None and default not in PLOVER_TYPES:
        raise fail(f"{default!r} is not a PLOVER type", file=name, where=data, field="type")
    out: list[LexiconEntry] = []
    for n, raw in enumerate(data.get("entries") or [], start=1):
        where = f"entry {n}"
        if not isinstance(raw, dict):
            raise fail(f"{where}: an entry is a mapping", file=name, where=data)
        unknown = set(raw) - _KNOWN_KEYS - {"type"}
        if unknown:
            raise fail(f"{where}: unknown keys {sorted(unknown)}", file=name, where=raw)
        kind = raw.get("type", default)
        if kind not in PLOVER_TYPES:
            raise fail(
                f"{where}: needs a PLOVER type (its own or the file's)", file=name, where=raw, field="type"
            )
        cameo = str(raw.get("cameo", ""))
        if cameo_entry(cameo) is None:
            raise fail(f"{where}: unknown CAMEO code {cameo!r}", file=name, where=raw, field="cameo")
        if not raw.get("example"):
            raise fail(f"{where}: every entry needs an example", file=name, where=raw, field="example")
        expect = raw.get("expect")
        if expect is not None and expect not in (*PLOVER_TYPES, "none"):
            raise fail(f"{where}: expect is a PLOVER type or none", file=name, where=raw, field="expect")
        objects = raw.get("objects")
        found = False
        for pos in ("verbs", "nouns", "adjs"):
            lemmas = _words(raw.get(pos), name, line_of(raw))
            if not lemmas:
                continue
            found = True
            label = f"{kind}/{sorted(lemmas)[0]}" + (f"+{sorted(objects)[0]}" if objects else "")
            out.append(
                LexiconEntry(
                    type=str(kind),
                    cameo=cameo,
                    pos=pos[:-1],
                    lemmas=lemmas,
                    objects=_words(objects, name, line_of(raw)) if objects else None,
                    particles=_words(raw.get("particle"), name, line_of(raw)) or None,
                    contexts=tuple(raw.get("contexts") or ()),
                    mode=raw.get("mode"),
                    priority=int(raw.get("priority", 0)) + (1 if objects else 0),
                    example=str(raw["example"]),
                    expect=expect,
                    name=label,
                    **{flag: bool(raw.get(flag, False)) for flag in _FLAGS},
                )
            )
        if not found:
            raise fail(f"{where}: needs verbs, nouns or adjs", file=name, where=raw)
    return out


def _index(entries: list[LexiconEntry], pos: str) -> dict[str, tuple[LexiconEntry, ...]]:
    table: dict[str, list[LexiconEntry]] = {}
    for entry in entries:
        if entry.pos == pos:
            for lemma in entry.lemmas:
                table.setdefault(lemma, []).append(entry)
    # Most specific first: entries that need an object (and higher priority) are tried before bare ones, and a
    # weak reading of a word ("protest" as criticism) only after its usual one ("protest" as demonstration).
    return {k: tuple(sorted(v, key=lambda e: (-e.priority, e.weak))) for k, v in table.items()}


def load_lexicon(files: Sequence[str | Path] = ()) -> Lexicon:
    """The bundled lexicon with the user's lexicon ``files`` merged over it, compiled once per process for each
    list of files."""
    return _load(tuple(str(Path(f)) for f in files))


@lru_cache(maxsize=8)
def _load(files: tuple[str, ...]) -> Lexicon:
    entries: list[LexiconEntry] = []
    folder = resources.files("realpolitik.ontology").joinpath("lexicon")
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".yaml"):
            entries.extend(_entries_of(item.name, read_yaml(item, file=f"lexicon/{item.name}")))
    cameo_ok = lambda code: cameo_entry(code) is not None  # noqa: E731
    rules = parse_rules(
        read_yaml(resources.files("realpolitik.ontology").joinpath("rewrites.yaml"), file="rewrites.yaml"),
        file="rewrites.yaml",
        cameo_ok=cameo_ok,
    )
    for name in files:
        data = read_yaml(Path(name))
        if not isinstance(data, dict):
            raise KnowledgeBaseError(
                "a lexicon file is a mapping (type, entries, rewrites, reported)", file=name
            )
        unknown = set(data) - {"type", "entries", "rewrites", "reported", "readings"}
        if unknown:
            raise fail(f"unknown sections {sorted(unknown)}", file=name, where=data)
        entries.extend(_entries_of(name, data))
        rules = rules.merged(
            parse_rules(
                {k: data[k] for k in data if k != "type" and k != "entries"}, file=name, cameo_ok=cameo_ok
            )
        )
    cues: dict[str, str] = {}
    for context, words in (_read_yaml("data", "contexts.yaml") or {}).items():
        for word in words:
            cues.setdefault(str(word).lower(), str(context))
    raw_modality = _read_yaml("data", "modality.yaml") or {}
    phrases = tuple(tuple(p.split()) for p in raw_modality.pop("conditional_phrases", []))
    return Lexicon(
        verbs=_index(entries, "verb"),
        nouns=_index(entries, "noun"),
        adjs=_index(entries, "adj"),
        context_cues=cues,
        modality={k: _words(v, "modality.yaml") for k, v in raw_modality.items()},
        conditional_phrases=phrases,
        rules=rules,
    )


__all__ = ["Lexicon", "LexiconEntry", "load_lexicon"]
