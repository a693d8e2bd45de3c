"""The plugin registry: everything the Engine, the sources, ``realpolitik eval`` and the command line are made of
is a plugin registered here, ours included. :data:`DEFAULT_PLUGINS` names our modules in the same
``module[:attribute]`` form as a third party's entry point in the ``realpolitik.plugins`` group, and both are
loaded by one function (datasette's ``DEFAULT_PLUGINS`` in ``datasette/plugins.py`` is the model). A plain typed
registry rather than pluggy: the kinds are lookups and lists of factories, not hooks to broadcast.

Kinds (``realpolitik plugins`` lists what is registered):

==================  =======================================================  ====================================
kind                plugin                                                   who uses it
==================  =======================================================  ====================================
``reader``          ``SourceReader`` (``realpolitik.sources.reader``)          ``read_inputs``: by suffix / scheme
``knowledge_base``  ``KnowledgeBaseProvider(name, load)``                     the Engine's base KB (last one wins)
``ontology``        ``OntologyProvider(name, load)``: ``load(files)`` gives   coders and extractors (last one wins)
                    the rules (``Lexicon``) with a user's lexicon files merged
``annotator``       ``AnnotatorProvider(name, build)``: ``build(settings,     the Engine (last one wins)
                    kb)``
``resolver``        ``ResolverProvider(name, build)``: ``build(kb)``           the Engine (last one wins)
``coder``           ``EventCoder(name, build)``: ``build(lexicon)`` gives      the Engine: every coder runs
                    ``code(doc, article, mentions) -> list[Event]``
``statements``      ``StatementExtractor(name, build)``: ``build(lexicon)``    the Engine: every extractor runs
                    gives ``extract(doc, article, mentions)``
``evaluator``       ``Evaluator(name, run)``: ``run(data_dir, engine)``        ``realpolitik eval``
``command``         ``Command(name, command)``: a click command or group       the ``realpolitik`` command line
==================  =======================================================  ====================================

Precedence: plugins register in order (defaults first, then entry points sorted by name); a later reader wins a
suffix or scheme, the last provider of a single kind is the one used, and every coder and extractor runs, in
order, their records concatenated. Two plugins of one kind with one name are refused. A plugin that fails to
load raises :class:`~realpolitik.errors.PluginError` (RP-E801) naming its entry point.
"""

from __future__ import annotations

import importlib.metadata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from realpolitik.errors import PluginError, RealpolitikError
from realpolitik.sources.reader import SourceReader

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from realpolitik.actors.kb import KnowledgeBase
    from realpolitik.model import Article, Event, Mention, Statement
    from realpolitik.ontology.lexicon import Lexicon
    from realpolitik.settings import Settings

__all__ = [
    "DEFAULT_PLUGINS",
    "GROUP",
    "AnnotatorLike",
    "AnnotatorProvider",
    "Command",
    "Evaluator",
    "EventCoder",
    "KnowledgeBaseProvider",
    "OntologyProvider",
    "Plugin",
    "Registered",
    "Registry",
    "ResolverLike",
    "ResolverProvider",
    "SourceReader",
    "StatementExtractor",
    "load_registry",
    "plugin_registry",
]

GROUP = "realpolitik.plugins"

# Our defaults, loaded exactly like a third party's entry point value. A module entry exposes ``PLUGINS``.
DEFAULT_PLUGINS: tuple[str, ...] = (
    "realpolitik.sources.readers",  # plain text, HTML, JSON Lines, RSS/Atom files, feed and page URLs
    "realpolitik.engine",  # knowledge base, ontology, annotator, resolver, PLOVER rule coder, statements
    "realpolitik.evaluation",  # the gold sets of `realpolitik eval`
    "realpolitik.cli.commands",  # the commands of `realpolitik`
)


class AnnotatorLike(Protocol):
    """Parses articles: spaCy Docs over exactly each article's text."""

    def pipe(self, articles: Iterable[Article]) -> Iterator[tuple[Article, Doc]]: ...


class ResolverLike(Protocol):
    """Finds the actors a parsed article mentions."""

    def resolve(self, doc: Doc, article: Article) -> list[Mention]: ...


CodeFn = Callable[["Doc", "Article", list["Mention"]], list["Event"]]
ExtractFn = Callable[["Doc", "Article", list["Mention"]], list["Statement"]]


@dataclass(frozen=True, slots=True)
class KnowledgeBaseProvider:
    """Supplies the Engine's base knowledge base (``--kb`` files merge over it). To extend ours rather than
    replace it, return ``KnowledgeBase.bundled().merged(path)``."""

    kind: ClassVar[str] = "knowledge_base"
    name: str
    load: Callable[[], KnowledgeBase]
    description: str = ""


@dataclass(frozen=True, slots=True)
class OntologyProvider:
    """Supplies the coding rules: trigger lexicon, cues and rewrites, with the user's lexicon files
    (``--lexicon FILE``) merged over the provider's own."""

    kind: ClassVar[str] = "ontology"
    name: str
    load: Callable[[Sequence[Path]], Lexicon]
    description: str = ""


@dataclass(frozen=True, slots=True)
class AnnotatorProvider:
    """Builds the annotator once per Engine (it loads the language model)."""

    kind: ClassVar[str] = "annotator"
    name: str
    build: Callable[[Settings, KnowledgeBase], AnnotatorLike]
    description: str = ""


@dataclass(frozen=True, slots=True)
class ResolverProvider:
    """Builds the actor resolver once per Engine."""

    kind: ClassVar[str] = "resolver"
    name: str
    build: Callable[[KnowledgeBase], ResolverLike]
    description: str = ""


@dataclass(frozen=True, slots=True)
class EventCoder:
    """Builds, once per Engine and from its rules, the function that codes one annotated article into Events
    given its resolved mentions."""

    kind: ClassVar[str] = "coder"
    name: str
    build: Callable[[Lexicon], CodeFn]
    description: str = ""


@dataclass(frozen=True, slots=True)
class StatementExtractor:
    """Builds, once per Engine, the function that extracts who said what (with stance) from one annotated
    article given its resolved mentions."""

    kind: ClassVar[str] = "statements"
    name: str
    build: Callable[[Lexicon], ExtractFn]
    description: str = ""


@dataclass(frozen=True, slots=True)
class Evaluator:
    """Scores the pipeline on one gold set: ``run(data_dir, engine_factory)`` returns an ``EvalResult``
    (``realpolitik.evaluation``); ``engine_factory()`` gives one cached Engine."""

    kind: ClassVar[str] = "evaluator"
    name: str
    run: Callable[[Path, Callable[[], Any]], Any]
    description: str = ""


@dataclass(frozen=True, slots=True)
class Command:
    """A click command or group added to the ``realpolitik`` command line."""

    kind: ClassVar[str] = "command"
    name: str
    command: Any  # click.Command
    description: str = ""


Plugin = (
    SourceReader
    | KnowledgeBaseProvider
    | OntologyProvider
    | AnnotatorProvider
    | ResolverProvider
    | EventCoder
    | StatementExtractor
    | Evaluator
    | Command
)
PLUGIN_TYPES: tuple[type, ...] = (
    SourceReader,
    KnowledgeBaseProvider,
    OntologyProvider,
    AnnotatorProvider,
    ResolverProvider,
    EventCoder,
    StatementExtractor,
    Evaluator,
    Command,
)
# The attribute holding each kind's callable (where its code lives, for ``realpolitik plugins``).
_CALLABLE: dict[type, str] = {
    SourceReader: "read",
    KnowledgeBaseProvider: "load",
    OntologyProvider: "load",
    AnnotatorProvider: "build",
    ResolverProvider: "build",
    EventCoder: "build",
    StatementExtractor: "build",
    Evaluator: "run",
    Command: "command",
}


@dataclass(frozen=True, slots=True)
class Registered:
    """One registered plugin and where it came from (a DEFAULT_PLUGINS entry or an entry point)."""

    plugin: Plugin
    origin: str

    @property
    def module(self) -> str:
        """The module that implements the plugin (where its callable is defined)."""
        fn = getattr(self.plugin, _CALLABLE[type(self.plugin)])
        module = getattr(fn, "__module__", None)
        if module is None or module == "click.core":  # a click command: the module of its callback
            module = getattr(getattr(fn, "callback", None), "__module__", None)
        return str(module or self.origin)


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

    def of_kind(self, kind: type[Any]) -> tuple[Any, ...]:
        return tuple(e.plugin for e in self.entries if isinstance(e.plugin, kind))

    @property
    def readers(self) -> tuple[SourceReader, ...]:
        return self.of_kind(SourceReader)

    @property
    def coders(self) -> tuple[EventCoder, ...]:
        return self.of_kind(EventCoder)

    @property
    def extractors(self) -> tuple[StatementExtractor, ...]:
        return self.of_kind(StatementExtractor)

    @property
    def evaluators(self) -> dict[str, Evaluator]:
        return {e.name: e for e in self.of_kind(Evaluator)}

    @property
    def commands(self) -> tuple[Command, ...]:
        return self.of_kind(Command)

    def last(self, kind: type[Any]) -> Any:
        """The last registered plugin of a kind that has one provider (knowledge base, ontology, annotator,
        resolver)."""
        found = self.of_kind(kind)
        if not found:
            raise PluginError(f"no {kind.kind} plugin is registered")
        return found[-1]

    def knowledge_base(self) -> KnowledgeBase:
        """The base knowledge base from the last registered provider."""
        provider: KnowledgeBaseProvider = self.last(KnowledgeBaseProvider)
        return _call(provider, provider.load)

    def lexicon(self, files: Sequence[Path] = ()) -> Lexicon:
        """The coding rules of the last registered ontology, with ``files`` merged."""
        provider: OntologyProvider = self.last(OntologyProvider)
        return _call(provider, provider.load, list(files))


def _call(plugin: Plugin, fn: Callable[..., Any], *args: Any) -> Any:
    try:
        return fn(*args)
    except RealpolitikError:
        raise
    except Exception as exc:  # a plugin's bug: name the plugin, keep the cause chained
        raise PluginError(
            f"{plugin.kind} plugin {plugin.name!r} failed: {type(exc).__name__}: {exc}"
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
        if not isinstance(item, PLUGIN_TYPES):
            names = ", ".join(t.__name__ for t in PLUGIN_TYPES)
            raise PluginError(
                f"{type(item).__name__} is not a realpolitik plugin (expected one of {names})", ref=where
            )
        plugins.append(item)  # type: ignore[arg-type]
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
