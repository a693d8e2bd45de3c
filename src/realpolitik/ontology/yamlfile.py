"""YAML rule files read with their line numbers, so that a bad entry is reported as ``file:line: field 'x'``
exactly like a bad knowledge-base record (``KnowledgeBaseError``, RP-E301)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode

from realpolitik.errors import KnowledgeBaseError


class Entry(dict[str, Any]):
    """A YAML mapping that remembers the line it starts on and the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[str, int]


class _Loader(yaml.SafeLoader):
    pass


def _mapping(loader: _Loader, node: MappingNode) -> Entry:
    entry = Entry(loader.construct_mapping(node, deep=True))
    entry.line = node.start_mark.line + 1
    entry.key_lines = {str(k.value): k.start_mark.line + 1 for k, _ in node.value}
    return entry


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def load_yaml(text: str, *, file: str) -> Any:
    """The data of one YAML file; mappings are :class:`Entry` objects carrying their line."""
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise KnowledgeBaseError(
            f"invalid YAML: {getattr(exc, 'problem', exc)}", file=file, line=mark.line + 1 if mark else None
        ) from exc


def read_yaml(path: Path | Any, *, file: str | None = None) -> Any:
    """Load ``path`` (a file or an importlib resource); a missing or unreadable file is a KnowledgeBaseError."""
    name = file or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise KnowledgeBaseError(f"cannot read: {exc.strerror or exc}", file=name) from exc
    return load_yaml(text, file=name)


def line_of(value: Any, field: str | None = None) -> int | None:
    """The line of ``field`` in the mapping ``value`` (``"when.type"`` looks up ``when``), else of the mapping."""
    if not isinstance(value, Entry):
        return None
    key = field.split(".")[0] if field else None
    return value.key_lines.get(key, value.line) if key else value.line


def fail(message: str, *, file: str, where: Any = None, field: str | None = None) -> KnowledgeBaseError:
    """The error for a bad value in ``file``, at the line of ``field`` in the mapping ``where`` it sits in."""
    return KnowledgeBaseError(message, file=file, line=line_of(where, field), field=field)


def words_of(value: Any, *, file: str, where: Any = None, field: str = "words") -> tuple[str, ...]:
    """A list of words (or one word), lower-cased; a word YAML read as a boolean or number is refused."""
    if value is None:
        return ()
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list):
        raise fail("must be a word or a list of words", file=file, where=where, field=field)
    out = []
    for item in items:
        if not isinstance(item, str):
            # YAML 1.1 reads a bare no/on/off/yes as a boolean and 12 as a number: such words must be quoted.
            raise fail(f"{item!r} is not a word: quote it", file=file, where=where, field=field)
        out.append(item.lower())
    return tuple(out)


__all__ = ["Entry", "fail", "line_of", "load_yaml", "read_yaml", "words_of"]
