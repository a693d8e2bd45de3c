"""What every runner does around the analysis itself: route input failures, cut the stream into batches,
skip articles the store already holds, deduplicate, and commit each analyzed batch in one transaction.

The local and Dask runners differ only in where ``Engine.analyze_batch`` runs; both drive an :class:`Intake`,
so they decide duplicates, skips and failures identically. Commit order makes re-runs safe: signatures are
stored before the batch (a signature without its article is harmless: the deduplicator ignores a match with
itself), analyses are written in one transaction, and the failures of articles that now succeeded are
forgotten.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

from realpolitik.errors import PipelineError
from realpolitik.model import Analysis, Article, Failure
from realpolitik.settings import Settings
from realpolitik.sources.dedupe import Deduplicator

AnalysisCallback = Callable[[Analysis], None]
FailureCallback = Callable[[Failure], None]


class AnalysisEngine(Protocol):
    def analyze_batch(self, articles: Sequence[Article]) -> list[Analysis]: ...


class IngestStore(Protocol):
    """The part of ``realpolitik.store.Store`` the runners use."""

    def known_article_ids(self, ids: Iterable[str]) -> set[str]: ...
    def write(self, analyses: Sequence[Analysis]) -> int: ...
    def add_failures(self, failures: Sequence[Failure]) -> None: ...
    def resolve_failures(self, refs: Iterable[str]) -> int: ...
    def add_signatures(self, signatures: Iterable[tuple[str, bytes]]) -> None: ...
    def signatures(self) -> list[tuple[str, bytes]]: ...
    def record_duplicates(self, exact: int = 0, near: int = 0) -> None: ...


@dataclass
class RunReport:
    """Counts of one run. ``read`` articles = ``skipped`` (already stored) + ``duplicates`` (exact copies,
    dropped) + ``analyzed`` (``near_duplicates`` of them linked to an original) + articles whose analysis failed."""

    read: int = 0
    analyzed: int = 0
    stored: int = 0
    skipped: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    failed: int = 0  # failure records: inputs that could not be read, and stages that failed on an article
    events: int = 0
    statements: int = 0
    batches: int = 0
    seconds: float = 0.0
    workers: int = 1
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def rate(self) -> float:
        """Articles analyzed per second of the run."""
        return self.analyzed / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        return (
            f"{self.read} read, {self.analyzed} analyzed ({self.near_duplicates} near-duplicates), "
            f"{self.skipped} already stored, {self.duplicates} exact duplicates, {self.failed} failed; "
            f"{self.events} events, {self.statements} statements in {self.seconds:.1f}s "
            f"({self.rate:.1f} articles/s)"
        )

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["rate"] = round(self.rate, 3)
        out["seconds"] = round(self.seconds, 3)
        return out


class Intake:
    """Batches in, committed results out, for one run over one store (or none)."""

    def __init__(
        self,
        store: IngestStore | None,
        settings: Settings,
        *,
        on_analysis: AnalysisCallback | None = None,
        on_failure: FailureCallback | None = None,
        advance: Callable[[int], None] | None = None,
    ) -> None:
        self.store = store
        self.settings = settings
        self.on_analysis = on_analysis
        self.on_failure = on_failure
        self.advance = advance or (lambda n: None)
        self.report = RunReport()
        self.dedup = Deduplicator(settings, store.signatures() if store is not None else ())
        self._pending_failures: list[Failure] = []
        self._exact_pending: dict[
            int, int
        ] = {}  # exact copies dropped while preparing a batch not yet committed
        self._started = time.perf_counter()

    # -- reading -----------------------------------------------------------------------------------------

    def fail(self, failure: Failure) -> None:
        self.report.failed += 1
        self._pending_failures.append(failure)
        if self.on_failure is not None:
            self.on_failure(failure)
        if len(self._pending_failures) >= self.settings.batch_size:
            self.flush_failures()

    def batches(self, inputs: Iterable[Article | Failure]) -> Iterator[list[Article]]:
        """Batches of articles to analyze: at most ``batch_size`` read articles each, already stored ones
        skipped, exact copies dropped, near-duplicates linked (``duplicate_of``)."""
        size = max(1, self.settings.batch_size)
        raw: list[Article] = []
        for item in inputs:
            if isinstance(item, Failure):
                self.fail(item)
                self.advance(1)
                continue
            self.report.read += 1
            raw.append(item)
            if len(raw) >= size:
                batch = self._prepare(raw)
                raw = []
                if batch:
                    yield batch
                else:
                    self.flush_failures()
        if raw:
            batch = self._prepare(raw)
            if batch:
                yield batch
        self.flush_failures()

    def _prepare(self, raw: list[Article]) -> list[Article]:
        known = self.store.known_article_ids(a.id for a in raw) if self.store is not None else set()
        fresh: list[Article] = []
        exact = 0
        for article in raw:
            if article.id not in known:
                fresh.append(article)
            elif self.dedup.checked(article):
                exact += 1  # a copy of an article this run stored in an earlier batch
            else:
                self.report.skipped += 1  # stored by an earlier run: a re-run redoes nothing
                self.dedup.note_stored(article)
        result = self.dedup.dedupe(fresh)
        exact += len(result.exact)
        self.report.duplicates += exact
        if self.store is not None:
            self.store.add_signatures(result.signatures)
        self.advance(len(raw) - len(result.keep))
        if result.keep:
            # Counted when the batch commits, so a batch lost to a crash is not counted twice.
            self._exact_pending[id(result.keep)] = exact
        elif exact and self.store is not None:
            self.store.record_duplicates(exact=exact)
        return result.keep

    # -- committing --------------------------------------------------------------------------------------

    def commit(
        self, batch: Sequence[Article], analyses: Sequence[Analysis], failures: Sequence[Failure] = ()
    ) -> None:
        """Record one analyzed batch: the analyses in one store transaction, then failures, then callbacks."""
        self.report.batches += 1
        done = {a.article.id for a in analyses}
        failed_refs = {f.input_ref for f in failures}
        lost = [_lost(a) for a in batch if a.id not in done and (a.input_ref or a.id) not in failed_refs]
        failures = [*failures, *lost]
        if self.store is not None:
            self.report.stored += self.store.write(analyses)
            self._record_exact(batch)
            refs = [a.article.input_ref for a in analyses if a.article.input_ref]
            if refs:
                self.store.resolve_failures(refs)  # a retried input that now worked is no longer failed
        self._count(analyses)
        for failure in failures:
            self.fail(failure)
        for analysis in analyses:
            for failure in analysis.failures:
                self.fail(failure)
        self.flush_failures()
        if self.on_analysis is not None:
            for analysis in analyses:
                self.on_analysis(analysis)
        self.advance(len(batch))

    def commit_tables(self, batch: Sequence[Article], load: Callable[[], int], analyses: Sequence[Analysis],
                      counts: dict[str, int], failures: Sequence[Failure]) -> None:  # fmt: skip
        """Like :meth:`commit` for a batch a Dask worker wrote as tables: ``load`` inserts them."""
        self.report.batches += 1
        if self.store is not None:
            self.report.stored += load()
            self._record_exact(batch)
            refs = [a.input_ref for a in batch if a.input_ref]
            failed_refs = {f.input_ref for f in failures}
            self.store.resolve_failures([r for r in refs if r not in failed_refs])
        self.report.analyzed += counts.get("articles", 0)
        self.report.near_duplicates += sum(1 for a in batch if a.duplicate_of)
        self.report.events += counts.get("events", 0)
        self.report.statements += counts.get("statements", 0)
        for failure in failures:
            self.fail(failure)
        self.flush_failures()
        if self.on_analysis is not None:
            for analysis in analyses:
                self.on_analysis(analysis)
        self.advance(len(batch))

    def _record_exact(self, batch: Sequence[Article]) -> None:
        exact = self._exact_pending.pop(id(batch), 0)
        if exact and self.store is not None:
            self.store.record_duplicates(exact=exact)

    def _count(self, analyses: Sequence[Analysis]) -> None:
        self.report.analyzed += len(analyses)
        self.report.near_duplicates += sum(1 for a in analyses if a.article.duplicate_of)
        self.report.events += sum(len(a.events) for a in analyses)
        self.report.statements += sum(len(a.statements) for a in analyses)

    def flush_failures(self) -> None:
        if self._pending_failures and self.store is not None:
            self.store.add_failures(self._pending_failures)
        self._pending_failures = []

    def finish(self) -> RunReport:
        self.flush_failures()
        self.report.seconds = time.perf_counter() - self._started
        return self.report


def _lost(article: Article) -> Failure:
    return Failure(
        article.input_ref or article.id, "analyze", PipelineError.code, "the engine returned no analysis"
    )


def analyze_safely(engine: AnalysisEngine, batch: Sequence[Article]) -> tuple[list[Analysis], list[Failure]]:
    """``engine.analyze_batch``; if the batch raises, each article alone, so one bad article costs only itself."""
    try:
        return list(engine.analyze_batch(batch)), []
    except Exception:  # retried one by one below; the per-article error is what gets recorded
        pass
    analyses: list[Analysis] = []
    failures: list[Failure] = []
    for article in batch:
        try:
            analyses.extend(engine.analyze_batch([article]))
        except Exception as exc:  # one article's failure is recorded, never raised
            failures.append(
                Failure(
                    article.input_ref or article.id,
                    "analyze",
                    PipelineError.code,
                    f"{type(exc).__name__}: {exc}",
                )
            )
    return analyses, failures
