"""The plugin registry: every source reader, knowledge base, event coder and statement extractor the Engine and
``read_inputs`` use is a plugin registered here, ours included. :data:`DEFAULT_PLUGINS` names our modules in the
same ``module[:attribute]`` form as a third party's entry point in the ``realpolitik.plugins`` group, and both are
loaded by one function (datasette's ``DEFAULT_PLUGINS`` in ``datasette/plugins.py`` is the model). A plain typed
registry rather than pluggy: the four kinds are lookups and lists of callables, not hooks to broadcast.

Precedence: plugins register in order (defaults first, then entry points sorted by name); a later reader wins a
suffix or scheme, the last knowledge-base provider is the Engine's base, and every coder and extractor runs, in
order, their records concatenated. A plugin that fails to load raises :class:`~realpolitik.errors.PluginError`
(RP-E801) naming its entry point.
"""

from __future__ import annotations

import importlib.metadata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, ClassVar

from realpolitik.errors import PluginError, RealpolitikError, UnsupportedInput

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from realpolitik.actors.kb import KnowledgeBase
    from realpolitik.model import Article, Event, Failure, Mention, Statement
    from realpolitik.settings import Settings
    from realpolitik.sources.feeds import FeedStateStore
    from realpolitik.sources.fetch import Fetcher

__all__ = [
    "DEFAULT_PLUGINS",
    "GROUP",
    "EventCoder",
    "KnowledgeBaseProvider",
    "Plugin",
    "Registered",
    "Registry",
    "SourceContext",
    "SourceReader",
    "StatementExtractor",
    "load_registry",
    "plugin_registry",
]

GROUP = "realpolitik.plugins"

# Our defaults, loaded exactly like a third party's entry point value. A module entry exposes ``PLUGINS``.
DEFAULT_PLUGINS: tuple[str, ...] = (
    "realpolitik.sources.readers",  # plain text, HTML, JSON Lines, RSS/Atom files, feed and page URLs
    "realpolitik.engine",  # bundled actor knowledge base, PLOVER rule coder, statement extractor
)


@dataclass(frozen=True, slots=True)
class SourceContext:
    """What a reader may use besides its reference: the settings, the shared HTTP client (created on first
    call, closed by ``read_inputs``) and the feed polling state."""

    settings: Settings
    fetcher: Callable[[], Fetcher]
    states: FeedStateStore


@dataclass(frozen=True, slots=True)
class SourceReader:
    """Reads one input reference into Articles (and Failures). A file is chosen by its suffix (``".txt"``,
    lower case, with the dot), a reference by its URL scheme (``"https"``); the ``fallback`` reader takes files
    no reader claims. ``read`` may raise an ``InputError``: it becomes a Failure for that input only.
    ``count`` estimates articles in a file for progress bars (None: unknown); without it a file counts one."""

    kind: ClassVar[str] = "reader"
    name: str
    read: Callable[[str, SourceContext], Iterable[Article | Failure]]
    suffixes: tuple[str, ...] = ()
    schemes: tuple[str, ...] = ()
    fallback: bool = False
    count: Callable[[str], int | None] | None = None
    description: str = ""


@dataclass(frozen=True, slots=True)
class KnowledgeBaseProvider:
    """Supplies the Engine's base knowledge base (``--kb`` files merge over it). To extend ours rather than
    replace it, return ``KnowledgeBase.bundled().merged(path)``."""

    kind: ClassVar[str] = "knowledge_base"
    name: str
    load: Callable[[], KnowledgeBase]
    description: str = ""


@dataclass(frozen=True, slots=True)
class EventCoder:
    """Codes one annotated article into Events, given its resolved mentions."""

    kind: ClassVar[str] = "coder"
    name: str
    code: Callable[[Doc, Article, list[Mention]], list[Event]]
    description: str = ""


@dataclass(frozen=True, slots=True)
class StatementExtractor:
    """Extracts who said what (with stance) from one annotated article, given its resolved mentions."""

    kind: ClassVar[str] = "statements"
    name: str
    extract: Callable[[Doc, Article, list[Mention]], list[Statement]]
    description: str = ""


Plugin = SourceReader | KnowledgeBaseProvider | EventCoder | StatementExtractor
PLUGIN_TYPES: tuple[type, ...] = (SourceReader, KnowledgeBaseProvider, EventCoder, StatementExtractor)


@dataclass(frozen=True, slots=True)
class Registered:
    """One registered plugin and where it came from (a DEFAULT_PLUGINS entry or an entry point)."""

    plugin: Plugin
    origin: str

    @property
    def module(self) -> str:
        """The module that implements the plugin (where its callable is defined)."""
        fn = getattr(self.plugin, _CALLABLE[type(self.plugin)])
        return str(getattr(fn, "__module__", None) or self.origin)


_CALLABLE: dict[type, str] = {
    SourceReader: "read",
    KnowledgeBaseProvider: "load",
    EventCoder: "code",
    StatementExtractor: "extract",
}


@dataclass
class Registry:
    """The plugins of one process, in registration order, and the lookups the Engine and sources make."""

    entries: list[Registered] = field(default_factory=list)

    def register(self, plugin: Plugin, *, origin: str = "code") -> None:
        """Add a plugin after the others; ``origin`` says where it came from (shown by ``realpolitik plugins``)."""
        if not isinstance(plugin, PLUGIN_TYPES):
            raise PluginError(f"{type(plugin).__name__} is not a realpolitik plugin", ref=origin)
        for entry in self.entries:
            if entry.plugin.kind == plugin.kind and entry.plugin.name == plugin.name:
                raise PluginError(
                    f"a {plugin.kind} plugin named {plugin.name!r} is already registered by {entry.origin}",
                    ref=origin,
                )
        self.entries.append(Registered(plugin, origin))

    @property
    def readers(self) -> tuple[SourceReader, ...]:
        return tuple(e.plugin for e in self.entries if isinstance(e.plugin, SourceReader))

    @property
    def coders(self) -> tuple[EventCoder, ...]:
        return tuple(e.plugin for e in self.entries if isinstance(e.plugin, EventCoder))

    @property
    def extractors(self) -> tuple[StatementExtractor, ...]:
        return tuple(e.plugin for e in self.entries if isinstance(e.plugin, StatementExtractor))

    def reader_for_path(self, path: Path) -> SourceReader:
        """The reader for a file: the last one claiming its suffix, else the last fallback reader."""
        suffix = path.suffix.lower()
        readers = self.readers[::-1]
        for reader in readers:
            if suffix in reader.suffixes:
                return reader
        for reader in readers:
            if reader.fallback:
                return reader
        raise UnsupportedInput(
            f"no reader plugin for files ending {suffix or '(no suffix)'!r}", ref=str(path)
        )

    def reader_for_ref(self, ref: str) -> SourceReader | None:
        """The reader for a URL-like reference (``scheme://...``), or None if no reader claims its scheme."""
        scheme, sep, _ = ref.partition("://")
        if not sep:
            return None
        return next((r for r in self.readers[::-1] if scheme in r.schemes), None)

    def knowledge_base(self) -> KnowledgeBase:
        """The base knowledge base from the last registered provider."""
        providers = [e.plugin for e in self.entries if isinstance(e.plugin, KnowledgeBaseProvider)]
        if not providers:
            raise PluginError("no knowledge_base plugin is registered")
        provider = providers[-1]
        try:
            return provider.load()
        except RealpolitikError:
            raise
        except Exception as exc:  # a plugin's bug: name the plugin, keep the cause chained
            raise PluginError(
                f"knowledge_base plugin {provider.name!r} failed: {type(exc).__name__}: {exc}"
            ) from exc


def plugins_of(target: object, *, where: str) -> list[Plugin]:
    """The plugins one loaded entry point value holds: a plugin, a list or tuple of plugins, or a module whose
    ``PLUGINS`` attribute is one of those."""
    if isinstance(target, ModuleType):
        if not hasattr(target, "PLUGINS"):
            raise PluginError(f"module {target.__name__} has no PLUGINS", ref=where)
        target = target.PLUGINS
    items: list[object] = list(target) if isinstance(target, list | tuple) else [target]
    plugins: list[Plugin] = []
    for item in items:
        if not isinstance(item, SourceReader | KnowledgeBaseProvider | EventCoder | StatementExtractor):
            raise PluginError(
                f"{type(item).__name__} is not a realpolitik plugin (expected SourceReader, "
                "KnowledgeBaseProvider, EventCoder or StatementExtractor)",
                ref=where,
            )
        plugins.append(item)
    return plugins


def _load(entry: importlib.metadata.EntryPoint, registry: Registry, *, default: bool) -> None:
    if default:
        where = origin = entry.value
    else:
        dist = getattr(entry, "dist", None)
        origin = f"entry point {entry.name} = {entry.value}" + (f" ({dist.name})" if dist else "")
        where = f"{GROUP} entry point {entry.name!r} ({entry.value})"
    try:
        target = entry.load()
    except Exception as exc:  # a missing or buggy plugin package must be named, not a bare traceback
        raise PluginError(f"failed to load: {type(exc).__name__}: {exc}", ref=where) from exc
    for plugin in plugins_of(target, where=where):
        registry.register(plugin, origin=origin)


def load_registry(defaults: Sequence[str] = DEFAULT_PLUGINS, *, entry_points: bool = True) -> Registry:
    """A new registry: ``defaults`` (``module[:attribute]`` values) then, if ``entry_points``, every installed
    entry point of the ``realpolitik.plugins`` group, sorted by name."""
    registry = Registry()
    for value in defaults:
        _load(importlib.metadata.EntryPoint(name=value, value=value, group=GROUP), registry, default=True)
    if entry_points:
        for entry in sorted(importlib.metadata.entry_points(group=GROUP), key=lambda e: e.name):
            _load(entry, registry, default=False)
    return registry


@cache
def plugin_registry() -> Registry:
    """The process-wide registry (defaults + installed entry points), loaded on first use."""
    return load_registry()
