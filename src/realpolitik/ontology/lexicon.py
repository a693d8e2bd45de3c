"""The coder's trigger lexicon: one YAML file per PLOVER type in ``lexicon/`` (verbs, nouns, adjectives and
verb + object patterns, each with a CAMEO code and an example), plus the context cues and modality cues in
``data/``. Everything is compiled once into dictionaries keyed by lemma, so coding a token is a dict lookup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from realpolitik.errors import KnowledgeBaseError
from realpolitik.model import PLOVER_TYPES
from realpolitik.ontology import cameo_entry

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
    name: str = ""  # "AID/send+peacekeeping": what the rule field of an event shows


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, tuple[LexiconEntry, ...]]
    nouns: dict[str, tuple[LexiconEntry, ...]]
    adjs: dict[str, tuple[LexiconEntry, ...]]
    context_cues: dict[str, str]
    modality: dict[str, frozenset[str]]
    conditional_phrases: tuple[tuple[str, ...], ...]

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


def _words(value: Any, where: str = "lexicon") -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str):
        value = [value]
    if any(isinstance(v, bool) for v in value):
        # YAML 1.1 reads a bare no/on/off/yes as a boolean: such words must be quoted.
        raise KnowledgeBaseError("a word parsed as a boolean: quote no/on/off/yes", file=where)
    return frozenset(str(v).lower() for v in value)


def _entries_of(name: str, data: Any) -> list[LexiconEntry]:
    if not isinstance(data, dict) or data.get("type") not in PLOVER_TYPES:
        raise KnowledgeBaseError("a lexicon file needs 'type: <PLOVER type>'", file=name)
    kind = str(data["type"])
    out: list[LexiconEntry] = []
    for n, raw in enumerate(data.get("entries") or [], start=1):
        unknown = set(raw) - _KNOWN_KEYS
        if unknown:
            raise KnowledgeBaseError(f"entry {n}: unknown keys {sorted(unknown)}", file=name)
        cameo = str(raw.get("cameo", ""))
        if cameo_entry(cameo) is None:
            raise KnowledgeBaseError(f"entry {n}: unknown CAMEO code {cameo!r}", file=name, field="cameo")
        if not raw.get("example"):
            raise KnowledgeBaseError(f"entry {n}: every entry needs an example", file=name, field="example")
        objects = raw.get("objects")
        for pos in ("verbs", "nouns", "adjs"):
            lemmas = _words(raw.get(pos), name)
            if not lemmas:
                continue
            label = f"{kind}/{sorted(lemmas)[0]}" + (f"+{sorted(objects)[0]}" if objects else "")
            out.append(
                LexiconEntry(
                    type=kind,
                    cameo=cameo,
                    pos=pos[:-1],
                    lemmas=lemmas,
                    objects=_words(objects) if objects else None,
                    particles=_words(raw.get("particle"), name) or None,
                    contexts=tuple(raw.get("contexts") or ()),
                    mode=raw.get("mode"),
                    priority=int(raw.get("priority", 0)) + (1 if objects else 0),
                    example=str(raw["example"]),
                    name=label,
                    **{flag: bool(raw.get(flag, False)) for flag in _FLAGS},
                )
            )
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
            entries.extend(_entries_of(item.name, _read_yaml("lexicon", item.name)))
    for name in files:
        entries.extend(_entries_of(name, _read_user_yaml(Path(name))))
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
    )


def _read_user_yaml(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except OSError as exc:
        raise KnowledgeBaseError(f"cannot read lexicon file: {exc.strerror}", file=str(path)) from exc
    except yaml.YAMLError as exc:
        raise KnowledgeBaseError(f"invalid YAML: {exc}", file=str(path)) from exc


__all__ = ["Lexicon", "LexiconEntry", "load_lexicon"]
