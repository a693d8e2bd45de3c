"""The Engine: builds the pipeline (annotate -> resolve -> code events + statements) from settings and the plugin
registry once, and runs it on batches of articles. Runners (local or Dask) and every outer layer call
``analyze_batch``. Every part comes from the registry, ours included: ``PLUGINS`` here are our defaults (the
bundled knowledge base, the PLOVER rules of ``realpolitik.ontology``, the spaCy annotator, the resolver, the rule
coder and the statement extractor), listed in ``realpolitik.plugins.DEFAULT_PLUGINS`` and loaded like a third
party's."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from realpolitik import budget
from realpolitik.actors.kb import KnowledgeBase
from realpolitik.errors import AnalysisTimeout, PipelineError
from realpolitik.model import Analysis, Article, Event, Failure, Mention, Sentence, Statement
from realpolitik.plugins import (
    AnnotatorProvider,
    EventCoder,
    KnowledgeBaseProvider,
    OntologyProvider,
    Plugin,
    Registry,
    ResolverProvider,
    StatementExtractor,
    plugin_registry,
)
from realpolitik.resolve import Resolver
from realpolitik.settings import Settings
from realpolitik.version import __version__

if TYPE_CHECKING:
    from spacy.tokens import Doc

log = logging.getLogger(__name__)


def _on_first_call(module: str, name: str) -> Callable[..., Any]:
    """``module.name``, imported when first called: the spaCy-based parts load in a second, and the commands
    that need none of them (``realpolitik actors lookup``, ``--help``) should not wait for it."""

    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(importlib.import_module(module), name)(*args, **kwargs)

    call.__module__ = module  # where the plugin is implemented (``realpolitik plugins`` lists it)
    call.__qualname__ = call.__name__ = name
    return call


PLUGINS: tuple[Plugin, ...] = (
    KnowledgeBaseProvider(
        "bundled", KnowledgeBase.bundled, description="the actor knowledge base shipped in realpolitik.actors"
    ),
    OntologyProvider(
        "plover",
        _on_first_call("realpolitik.ontology.lexicon", "load_lexicon"),
        description="PLOVER types, trigger lexicon, cues and rewrites of realpolitik.ontology (+ --lexicon files)",
    ),
    AnnotatorProvider(
        "spacy",
        _on_first_call("realpolitik.annotate", "Annotator"),
        description="spaCy sentences, parse and NER, the KB gazetteer first",
    ),
    ResolverProvider(
        "knowledge-base", Resolver, description="mentions of KB actors, dated; referents, coreference"
    ),
    EventCoder(
        "plover-rules",
        _on_first_call("realpolitik.events.coder", "build_coder"),
        description="rule coder: trigger lexicons, rewrites and the PLOVER tables of realpolitik.ontology",
    ),
    StatementExtractor(
        "statements",
        _on_first_call("realpolitik.statements.extractor", "build_extractor"),
        description="quotes and reported speech, speaker and stance",
    ),
)


class Engine:
    """One loaded pipeline: spaCy model, knowledge base, resolver, event coders and statement extractors.

    ``plugins`` defaults to the process registry (ours + installed entry points); ``kb`` overrides the
    registry's knowledge base, ``kb_file`` is merged over whichever base is used, and ``lexicon_files`` are
    merged over the registry's coding rules."""

    def __init__(
        self,
        settings: Settings | None = None,
        kb: KnowledgeBase | None = None,
        *,
        kb_file: str | Path | None = None,
        lexicon_files: Sequence[str | Path] = (),
        plugins: Registry | None = None,
    ) -> None:
        self.settings = settings or Settings.load()
        self.plugins = plugins if plugins is not None else plugin_registry()
        base = kb or self.plugins.knowledge_base()
        self.kb = base.merged(kb_file) if kb_file else base
        self.lexicon = self.plugins.lexicon([Path(f) for f in lexicon_files])
        self.annotator = self.plugins.last(AnnotatorProvider).build(self.settings, self.kb)
        self.resolver = self.plugins.last(ResolverProvider).build(self.kb)
        self.coders = [(c.name, c.build(self.lexicon)) for c in self.plugins.coders]
        self.extractors = [(x.name, x.build(self.lexicon)) for x in self.plugins.extractors]
        self.version = __version__

    def analyze_batch(self, articles: Sequence[Article]) -> list[Analysis]:
        """Analyze a batch; a stage that fails on one article is recorded in that Analysis' failures. An article
        whose stages after spaCy run past ``settings.article_time_budget`` seconds comes back with no records
        and one failure of stage ``analyze`` (RP-E202): the runners record it and store nothing for it."""
        return [self._analyze_within_budget(article, doc) for article, doc in self.annotator.pipe(articles)]

    def analyze(self, articles: Iterable[Article]) -> list[Analysis]:
        return self.analyze_batch(list(articles))

    def analyze_text(self, text: str, **fields: Any) -> Analysis:
        """Analyze one text. ``fields`` are Article fields (title, published, url, ...); ``published`` may be
        a ``date`` or an ISO string."""
        published = fields.get("published")
        if isinstance(published, str):
            fields["published"] = date.fromisoformat(published[:10]) if published else None
        return self.analyze_batch([Article.from_text(text, **fields)])[0]

    def _analyze_within_budget(self, article: Article, doc: Doc) -> Analysis:
        # The last guard: sentences are bounded (annotate.bounds), so every stage is linear in the article,
        # but a stage may still hold a slow path nobody has met yet. spaCy's own work, linear and capped by
        # max_article_chars, runs before the clock starts.
        seconds = self.settings.article_time_budget
        try:
            with budget.section(seconds):
                return self._analyze_doc(article, doc)
        except budget.OverBudget:
            log.warning("article %s ran past its time budget of %ss", article.id, seconds)
            failure = Failure(
                input_ref=article.input_ref or article.id,
                stage="analyze",
                code=AnalysisTimeout.code,
                message=f"the analysis ran past article_time_budget={seconds:g}s and was stopped; "
                "nothing of this article is stored",
            )
            return Analysis(article=article, failures=(failure,))

    def _history_told(self, event: Event, article: Article) -> bool:
        """An act of or toward a state that no longer existed on the article's date ("the Soviet Union signed the
        Non-Aggression Pact with Germany", told in 2020) is history told, not an event of the article's time."""
        day = article.published
        if day is None:
            return False
        for ref in (event.source, event.target):
            actor = self.kb.actors.get(ref.actor_id) if ref is not None and ref.actor_id else None
            if actor is not None and actor.valid_until is not None and actor.valid_until <= day:
                return True
        return False

    def _analyze_doc(self, article: Article, doc: Doc) -> Analysis:
        sentences = tuple(
            Sentence(article.id, i, sent.start_char, sent.end_char) for i, sent in enumerate(doc.sents)
        )
        failures: list[Failure] = []
        mentions: list[Mention] = (
            self._stage("resolve", article, failures, self.resolver.resolve, doc, article) or []
        )
        # Every coder and extractor runs, in registration order; one failing costs only its own records.
        events: list[Event] = []
        for _name, code in self.coders:
            events += self._stage("code", article, failures, code, doc, article, mentions) or []
        # Only complete political events enter the data set (a resolved source, a resolved target where the
        # act has one, two different actors), each act once, whichever coder found it.
        from realpolitik.events.complete import complete_events

        events = [
            e
            for e in complete_events(events, self.settings.min_event_confidence)
            if not self._history_told(e, article)
        ]
        statements: list[Statement] = []
        for _name, extract in self.extractors:
            statements += self._stage("statements", article, failures, extract, doc, article, mentions) or []
        return Analysis(
            article=article,
            sentences=sentences,
            mentions=tuple(mentions),
            events=tuple(events),
            statements=tuple(statements),
            failures=tuple(failures),
        )

    @staticmethod
    def _stage(name: str, article: Article, failures: list[Failure], fn: Any, *args: Any) -> Any:
        # One stage failing on one article must not lose the article or the batch.
        try:
            return fn(*args)
        except Exception as exc:  # recorded as a Failure with a stable code
            log.warning("stage %s failed on article %s: %s", name, article.id, exc)
            failures.append(
                Failure(
                    input_ref=article.input_ref or article.id,
                    stage=name,
                    code=PipelineError.code,
                    message=f"{type(exc).__name__}: {exc}",
                )
            )
            return None
