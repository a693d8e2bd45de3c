"""The plugin registry: our defaults are registered through the same loader as a third party's entry point; an
installed reader, coder or knowledge base is used by ``read_inputs`` and the Engine; a broken entry point is a
coded error (RP-E801) that names it. The Engine tests replace the spaCy annotator with hand-built Docs."""

from __future__ import annotations

import importlib.metadata
import json
import re
import sys
import textwrap
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from spacy.tokens import Doc
from spacy.vocab import Vocab

from realpolitik import engine as engine_module
from realpolitik.actors.kb import KnowledgeBase
from realpolitik.cli.main import main
from realpolitik.errors import PluginError
from realpolitik.events import code_events
from realpolitik.model import ActorRef, Article, Event, Failure, Mention, Speaker, Statement
from realpolitik.ontology.lexicon import load_lexicon
from realpolitik.plugins import (
    DEFAULT_PLUGINS,
    GROUP,
    AnnotatorProvider,
    EventCoder,
    KnowledgeBaseProvider,
    OntologyProvider,
    Registry,
    ResolverProvider,
    SourceReader,
    StatementExtractor,
    load_registry,
    plugin_registry,
)
from realpolitik.settings import Settings
from realpolitik.sources import count_inputs, read_inputs
from realpolitik.sources.reader import ReaderTable, SourceContext
from realpolitik.statements import extract_statements

DEFAULTS = [
    ("reader", "text", "realpolitik.sources.readers"),
    ("reader", "html", "realpolitik.sources.readers"),
    ("reader", "jsonl", "realpolitik.sources.readers"),
    ("reader", "feed-file", "realpolitik.sources.readers"),
    ("reader", "url", "realpolitik.sources.readers"),
    ("knowledge_base", "bundled", "realpolitik.engine"),
    ("ontology", "plover", "realpolitik.engine"),
    ("annotator", "spacy", "realpolitik.engine"),
    ("resolver", "knowledge-base", "realpolitik.engine"),
    ("coder", "plover-rules", "realpolitik.engine"),
    ("statements", "statements", "realpolitik.engine"),
    *(
        ("evaluator", name, "realpolitik.evaluation")
        for name in (
            "news-events",
            "wire-stories",
            "plover-gsr",
            "petr2-gsr",
            "conflibert",
            "conflibert-train",
            "petrarch2-unittest",
            "plover-gsr-actors",
            "statements",
            "newsmtsc",
            "transcript-turns",
        )
    ),
    *(
        ("command", name, "realpolitik.cli.commands")
        for name in (
            "analyze",
            "influence",
            "actors",
            "eval",
            "statements",
            "export",
            "serve",
            "ingest",
            "watch",
            "failures",
            "stats",
            "plugins",
        )
    ),
]

SHOUT_PLUGIN = """
from realpolitik.model import Article
from realpolitik.plugins import SourceReader

def read(ref, context):
    with open(ref, encoding="utf-8") as handle:
        yield Article.from_text(handle.read().upper(), input_ref=ref)

READER = SourceReader("shout", read, suffixes=(".shout",), count=lambda ref: 2)
"""

EXTRA_CODER_PLUGIN = """
from realpolitik.model import ActorRef, Event
from realpolitik.plugins import EventCoder, KnowledgeBaseProvider
from realpolitik.actors.kb import KnowledgeBase

def code(doc, article, mentions):
    kaz, chn = ActorRef("KAZ", "GOV"), ActorRef("CHN", "GOV")
    return [
        Event("extra-1", article.id, 0, 0, 5, kaz, chn, "CONSULT", rule="extra", confidence=0.9),
        Event("extra-2", article.id, 0, 0, 5, kaz, None, "AGREE", rule="extra-incomplete", confidence=0.9),
    ]

OURS = KnowledgeBase({}, ("theirs.jsonl",))
PLUGINS = [EventCoder("extra", lambda lexicon: code), KnowledgeBaseProvider("theirs", lambda: OURS)]
"""


EXTRA_SET_PLUGIN = """
import click
from realpolitik.plugins import Command, Evaluator

@click.command("hello")
def hello():
    click.echo("hello")

PLUGINS = [Evaluator("extra-set", lambda data_dir, engine: 42), Command("hello", hello)]
"""


@pytest.fixture
def install(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Callable[..., None]]:
    """Installs fake third-party plugins: writes the plugin module and makes ``entry_points()`` report it."""
    entries: list[importlib.metadata.EntryPoint] = []
    modules: list[str] = []

    def entry_points(**params: Any) -> list[importlib.metadata.EntryPoint]:
        assert params == {"group": GROUP}
        return list(entries)

    def add(name: str, value: str, source: str | None = None) -> None:
        if source is not None:
            module = value.split(":")[0]
            (tmp_path / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
            modules.append(module)
        entries.append(importlib.metadata.EntryPoint(name=name, value=value, group=GROUP))
        plugin_registry.cache_clear()

    monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)
    monkeypatch.syspath_prepend(str(tmp_path))
    plugin_registry.cache_clear()
    yield add
    plugin_registry.cache_clear()
    for module in modules:
        sys.modules.pop(module, None)


def _table(registry: Registry) -> list[tuple[str, str, str]]:
    return [(e.plugin.kind, e.plugin.name, e.origin) for e in registry.entries]


def test_defaults_are_registered_in_order_from_default_plugins() -> None:
    registry = load_registry(entry_points=False)
    assert _table(registry) == DEFAULTS
    assert {origin for _, _, origin in DEFAULTS} == set(DEFAULT_PLUGINS)
    modules = {(e.plugin.kind, e.plugin.name): e.module for e in registry.entries}
    assert modules["coder", "plover-rules"] == "realpolitik.events.coder"
    assert modules["statements", "statements"] == "realpolitik.statements.extractor"
    assert modules["knowledge_base", "bundled"] == "realpolitik.actors.kb"
    assert modules["command", "statements"] == "realpolitik.cli.statements"
    assert modules["evaluator", "plover-gsr"] == "realpolitik.evaluation.events"


def test_default_suffix_dispatch() -> None:
    table = ReaderTable(load_registry(entry_points=False).readers)
    names = {s: table.for_path(Path(f"a{s}")).name for s in (".TXT", ".htm", ".ndjson", ".rss", ".dat")}
    assert names == {".TXT": "text", ".htm": "html", ".ndjson": "jsonl", ".rss": "feed-file", ".dat": "text"}
    url_reader = table.for_ref("https://example.org/feed")
    assert url_reader is not None and url_reader.name == "url"
    assert table.for_ref("ftp://example.org/x") is None
    assert table.for_ref("news/a.txt") is None


def test_installed_reader_reads_its_suffix(install: Callable[..., None], tmp_path: Path) -> None:
    path = tmp_path / "note.shout"
    path.write_text("Kazakhstan and China signed a deal.", encoding="utf-8")
    (before,) = read_inputs([str(path)], readers=plugin_registry().readers)  # no plugin yet: read as text
    assert isinstance(before, Article) and before.text == "Kazakhstan and China signed a deal."

    install("shout", "rp_test_shout:READER", SHOUT_PLUGIN)
    readers = plugin_registry().readers
    (after,) = read_inputs([str(path)], readers=readers)
    assert isinstance(after, Article)
    assert after.text == "KAZAKHSTAN AND CHINA SIGNED A DEAL." and after.input_ref == str(path)
    assert count_inputs([str(path)], readers) == 2
    assert ("reader", "shout", "entry point shout = rp_test_shout:READER") in _table(plugin_registry())


def test_later_reader_wins_a_suffix_and_a_scheme(tmp_path: Path) -> None:
    registry = load_registry(entry_points=False)

    def memo(ref: str, context: SourceContext) -> Iterable[Article | Failure]:
        return [Article.from_text(f"{ref} ({context.settings.max_input_bytes})", input_ref=ref)]

    registry.register(SourceReader("memo", memo, suffixes=(".txt",), schemes=("memo", "https")))
    path = tmp_path / "a.txt"
    path.write_text("plain", encoding="utf-8")
    settings = Settings()
    out = list(
        read_inputs([str(path), "memo://x", "https://example.org/"], settings, readers=registry.readers)
    )
    assert [a.text for a in out if isinstance(a, Article)] == [
        f"{path} ({settings.max_input_bytes})",
        f"memo://x ({settings.max_input_bytes})",
        f"https://example.org/ ({settings.max_input_bytes})",
    ]
    assert count_inputs(["memo://x"], registry.readers) is None


def test_a_file_no_reader_claims_is_a_failure_without_a_fallback(tmp_path: Path) -> None:
    path = tmp_path / "a.dat"
    path.write_text("text", encoding="utf-8")
    (failure,) = read_inputs([str(path)], readers=())
    assert isinstance(failure, Failure)
    assert failure.code == "RP-E107" and failure.input_ref == str(path) and "'.dat'" in failure.message


def test_a_reader_that_raises_when_called_costs_one_input(tmp_path: Path) -> None:
    def broken(ref: str, context: SourceContext) -> list[Article]:
        raise ValueError("bad bytes")

    registry = load_registry(entry_points=False)
    registry.register(SourceReader("broken", broken, suffixes=(".bad",)))
    (tmp_path / "a.bad").write_text("x", encoding="utf-8")
    (tmp_path / "b.txt").write_text("fine", encoding="utf-8")
    out = list(read_inputs([str(tmp_path / "a.bad"), str(tmp_path / "b.txt")], readers=registry.readers))
    assert (
        isinstance(out[0], Failure) and out[0].code == "RP-E101" and "ValueError: bad bytes" in out[0].message
    )
    assert isinstance(out[1], Article) and out[1].text == "fine"


def test_broken_entry_point_is_a_coded_error_naming_it(install: Callable[..., None], tmp_path: Path) -> None:
    install("broken-one", "rp_test_no_such_module:READER")
    with pytest.raises(PluginError) as info:
        plugin_registry()
    assert info.value.code == "RP-E801"
    line = info.value.one_line()
    assert line.startswith("error[RP-E801] ") and "'broken-one'" in line and "rp_test_no_such_module" in line
    assert "ModuleNotFoundError" in line

    result = CliRunner().invoke(main, ["plugins"])
    assert result.exit_code == 2 and "RP-E801" in result.output and "broken-one" in result.output


def test_entry_point_to_something_else_is_a_coded_error(install: Callable[..., None]) -> None:
    install("not-a-plugin", "json:dumps")
    with pytest.raises(PluginError, match=r"'not-a-plugin'.*function is not a realpolitik plugin"):
        plugin_registry()


def test_two_plugins_of_one_kind_and_name_are_refused() -> None:
    registry = load_registry(entry_points=False)
    with pytest.raises(
        PluginError, match=re.escape("'html' is already registered by realpolitik.sources.readers")
    ):
        registry.register(SourceReader("html", lambda ref, ctx: [], suffixes=(".xhtml",)), origin="theirs")


class FakeAnnotator:
    """Stands in for the spaCy pipeline: one hand-built Doc per article (two sentences)."""

    def __init__(self, settings: Settings, kb: KnowledgeBase) -> None:
        self.kb = kb

    def pipe(self, articles: Iterable[Article]) -> Iterator[tuple[Article, Doc]]:
        for article in articles:
            words = article.text.split(" ")
            spaces = [True] * (len(words) - 1) + [False]
            starts = [True] + [w == "Then" for w in words[1:]]
            yield article, Doc(Vocab(), words=words, spaces=spaces, sent_starts=starts)


class FakeResolver:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def resolve(self, doc: Doc, article: Article) -> list[Mention]:
        return []


def _without_spacy(registry: Registry) -> Registry:
    """``registry`` with the hand-built annotator and an empty resolver in front: no model loads."""
    registry.register(AnnotatorProvider("fake", FakeAnnotator))
    registry.register(ResolverProvider("fake", FakeResolver))
    return registry


def _event(article: Article, rule: str, sentence: int = 0) -> Event:
    # a complete event (two resolved actors) the coder is sure of: only those enter the data set, whichever
    # coder finds them
    return Event(
        f"{rule}-1",
        article.id,
        sentence,
        0,
        5,
        ActorRef("KAZ", "GOV"),
        ActorRef("CHN", "GOV"),
        "CONSULT",
        rule=rule,
        confidence=0.9,
    )


def test_engine_runs_every_registered_coder_and_extractor() -> None:
    kb = KnowledgeBase({}, ("mine.jsonl",))
    seen: list[tuple[int, str]] = []

    def first(doc: Doc, article: Article, mentions: list[Mention]) -> list[Event]:
        seen.append((len(list(doc.sents)), article.text))
        return [_event(article, "first")]

    def failing(doc: Doc, article: Article, mentions: list[Mention]) -> list[Event]:
        raise RuntimeError("coder bug")

    def last(doc: Doc, article: Article, mentions: list[Mention]) -> list[Event]:
        return [_event(article, "last", sentence=1)]

    def quotes(doc: Doc, article: Article, mentions: list[Mention]) -> list[Statement]:
        return [Statement("s-1", article.id, 0, 5, Speaker("Tokayev", "person"))]

    registry = _without_spacy(Registry())
    for plugin in (
        KnowledgeBaseProvider("mine", lambda: kb),
        OntologyProvider("ours", load_lexicon),
        EventCoder("first", lambda lexicon: first),
        EventCoder("failing", lambda lexicon: failing),
        EventCoder("last", lambda lexicon: last),
        StatementExtractor("quotes", lambda lexicon: quotes),
    ):
        registry.register(plugin)
    engine = engine_module.Engine(Settings(), plugins=registry)
    assert engine.kb is kb

    analysis = engine.analyze_text("Astana hosted talks. Then Beijing replied.", input_ref="a.txt")
    assert seen == [(2, "Astana hosted talks. Then Beijing replied.")]
    assert [e.rule for e in analysis.events] == ["first", "last"]
    assert [s.speaker.name for s in analysis.statements] == ["Tokayev"]
    assert [(f.input_ref, f.stage, f.code) for f in analysis.failures] == [("a.txt", "code", "RP-E201")]
    assert "RuntimeError: coder bug" in analysis.failures[0].message


def test_engine_uses_installed_coder_and_knowledge_base(install: Callable[..., None]) -> None:
    install("extra", "rp_test_extra", EXTRA_CODER_PLUGIN)
    engine = engine_module.Engine(Settings(), plugins=_without_spacy(plugin_registry()))
    assert [name for name, _ in engine.coders] == ["plover-rules", "extra"]
    assert [name for name, _ in engine.extractors] == ["statements"]
    assert engine.kb.sources == ("theirs.jsonl",)  # the last provider registered is the base

    analysis = engine.analyze_text("Astana hosted talks.")
    rules = [e.rule for e in analysis.events]
    assert "extra" in rules
    assert "extra-incomplete" not in rules  # an installed coder's events pass the same completeness filter


def test_engine_default_parts_are_ours() -> None:
    engine = engine_module.Engine(Settings(), plugins=_without_spacy(load_registry(entry_points=False)))
    assert engine.kb is KnowledgeBase.bundled()
    assert engine.lexicon is load_lexicon()
    ((name, code),) = engine.coders
    assert (
        name == "plover-rules" and code.func is code_events and code.keywords == {"lexicon": engine.lexicon}
    )
    assert [(n, x) for n, x in engine.extractors] == [("statements", extract_statements)]


def test_a_registry_without_an_annotator_is_a_coded_error() -> None:
    registry = Registry()
    registry.register(KnowledgeBaseProvider("mine", lambda: KnowledgeBase({}, ("mine.jsonl",))))
    registry.register(OntologyProvider("ours", load_lexicon))
    with pytest.raises(PluginError, match="no annotator plugin is registered"):
        engine_module.Engine(Settings(), plugins=registry)


def test_evaluators_and_commands_are_plugins(install: Callable[..., None]) -> None:
    install("extra-set", "rp_test_extra_set", EXTRA_SET_PLUGIN)
    registry = plugin_registry()
    assert registry.evaluators["extra-set"].run(Path("."), lambda: None) == 42
    assert [c.name for c in registry.commands][-1] == "hello"
    result = CliRunner().invoke(registry.commands[-1].command, [])
    assert result.exit_code == 0 and result.output == "hello\n"


def test_a_failing_knowledge_base_plugin_is_named() -> None:
    def load() -> KnowledgeBase:
        raise OSError("kb.db is gone")

    registry = Registry()
    registry.register(KnowledgeBaseProvider("flaky", load))
    with pytest.raises(
        PluginError, match=re.escape("knowledge_base plugin 'flaky' failed: OSError: kb.db is gone")
    ):
        engine_module.Engine(Settings(), plugins=registry)


def test_plugins_command_lists_defaults_and_installed(install: Callable[..., None]) -> None:
    install("shout", "rp_test_shout2:READER", SHOUT_PLUGIN)
    result = CliRunner().invoke(main, ["plugins", "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["kind"], r["name"]) for r in rows] == [(k, n) for k, n, _ in DEFAULTS] + [("reader", "shout")]
    shout = rows[-1]
    assert shout["module"] == "rp_test_shout2" and shout["suffixes"] == [".shout"]
    assert shout["origin"] == "entry point shout = rp_test_shout2:READER"

    text = CliRunner().invoke(main, ["plugins"])
    assert text.exit_code == 0
    assert any(
        line.startswith("plover-rules") and "realpolitik.events.coder" in line
        for line in text.output.splitlines()
    )
