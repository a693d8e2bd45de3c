"""Cue words: the word classes the stages use to read a sentence (honorifics, place prepositions, crowds,
speech verbs, document nouns, ...), kept in ``cues/*.yaml`` beside the PLOVER tables so that a political
scientist can read and extend them without touching Python.

Each class is ``name: {about: ..., words: [...]}`` (an ordered list: where order matters, as for the
prepositions that introduce a target, best first) or ``name: {about: ..., map: {word: value}}``. Class names
are unique across the files; ``realpolitik/ontology/cues/README.md`` says which stage reads which file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from realpolitik.ontology.yamlfile import Entry, fail, read_yaml, words_of

_CLASS_KEYS = {"about", "words", "map"}


@dataclass(frozen=True)
class CueClass:
    name: str
    about: str
    words: tuple[str, ...] = ()
    map: tuple[tuple[str, str], ...] = ()
    file: str = ""


def parse_cues(data: Any, *, file: str) -> list[CueClass]:
    """The cue classes of one file's data (raises KnowledgeBaseError naming file, line and field)."""
    if not isinstance(data, dict):
        raise fail("a cue file maps class names to {about, words} or {about, map}", file=file)
    out = []
    for name, raw in data.items():
        where = raw if isinstance(raw, Entry) else data
        if not isinstance(raw, dict):
            raise fail(
                f"class {name!r} must be a mapping with about and words (or map)", file=file, where=where
            )
        unknown = set(raw) - _CLASS_KEYS
        if unknown:
            raise fail(f"class {name!r}: unknown keys {sorted(unknown)}", file=file, where=where)
        if not isinstance(raw.get("about"), str) or not raw["about"].strip():
            raise fail(
                f"class {name!r} needs 'about': what the words are for", file=file, where=where, field="about"
            )
        if ("words" in raw) == ("map" in raw):
            raise fail(f"class {name!r} needs exactly one of 'words' or 'map'", file=file, where=where)
        if "words" in raw:
            words = words_of(raw["words"], file=file, where=where)
            if len(set(words)) != len(words):
                dupes = sorted({w for w in words if words.count(w) > 1})
                raise fail(f"class {name!r}: repeated words {dupes}", file=file, where=where, field="words")
            out.append(CueClass(str(name), raw["about"], words=words, file=file))
        else:
            mapping = raw["map"]
            if not isinstance(mapping, dict) or not all(isinstance(v, str) for v in mapping.values()):
                raise fail(f"class {name!r}: map must be word: value", file=file, where=where, field="map")
            keys = words_of(list(mapping), file=file, where=where, field="map")
            out.append(
                CueClass(
                    str(name), raw["about"], map=tuple(zip(keys, mapping.values(), strict=True)), file=file
                )
            )
    return out


@cache
def cue_classes() -> dict[str, CueClass]:
    """Every bundled cue class by name (loaded once per process)."""
    classes: dict[str, CueClass] = {}
    folder = resources.files("realpolitik.ontology").joinpath("cues")
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if not item.name.endswith(".yaml"):
            continue
        file = f"cues/{item.name}"
        for cue in parse_cues(read_yaml(item, file=file), file=file):
            if cue.name in classes:
                raise fail(f"class {cue.name!r} is also defined in {classes[cue.name].file}", file=file)
            classes[cue.name] = cue
    return classes


def _get(name: str) -> CueClass:
    try:
        return cue_classes()[name]
    except KeyError:
        raise KeyError(f"no cue class {name!r} in realpolitik/ontology/cues") from None


def words(name: str) -> frozenset[str]:
    """The words of a cue class, as a set."""
    return frozenset(_get(name).words)


def ordered(name: str) -> tuple[str, ...]:
    """The words of a cue class in file order (for classes where order is preference)."""
    return _get(name).words


def mapping(name: str) -> dict[str, str]:
    """A ``map`` cue class as a dict."""
    return dict(_get(name).map)


__all__ = ["CueClass", "cue_classes", "mapping", "ordered", "parse_cues", "words"]
