"""What every runner does around the analysis itself: route input failures, refuse what cannot be read as
English, cut the stream into batches, skip articles the store already holds, refuse (or with ``update``
replace) an id that comes again with another text, deduplicate, and commit each analyzed batch in one
transaction. Every article read ends up analyzed, skipped, dropped as a copy or recorded as a failure.

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

from realpolitik import budget
from realpolitik.errors import ConflictingId, InputError, PipelineError
from realpolitik.model import Analysis, Article, Failure, article_id_for, replace
from realpolitik.settings import Settings
from realpolitik.sources.dedupe import Deduplicator
from realpolitik.sources.language import check_language

AnalysisCallback = Callable[[Analysis], None]
FailureCallback = Callable[[Failure], None]


class AnalysisEngine(Protocol):
    def analyze_batch(self, articles: Sequence[Article]) -> list[Analysis]: ...


class IngestStore(Protocol):
    """The part of ``realpolitik.store.Store`` the runners use."""

    def stored_text_keys(self, ids: Iterable[str]) -> dict[str, str]: ...
    def known_copies(self, ids: Iterable[str]) -> set[tuple[str, str]]: ...
    def record_exact_copies(self, copies: Iterable[tuple[str, str, str, str]]) -> int: ...
    def delete_articles(self, ids: Iterable[str]) -> int: ...
    def write(self, analyses: Sequence[Analysis]) -> int: ...
    def add_failures(self, failures: Sequence[Failure]) -> None: ...
    def resolve_failures(self, refs: Iterable[str]) -> int: ...
    def add_signatures(self, signatures: Iterable[tuple[str, bytes]]) -> None: ...
    def signatures(self) -> list[tuple[str, bytes]]: ...


@dataclass
class RunReport:
    """Counts of one run. ``read`` articles = ``skipped`` (already stored, dropped as a copy by an earlier run,
    or superseded by a later record of their id under ``update``) + ``duplicates`` (exact copies met in this
    run, dropped) + ``analyzed`` (``near_duplicates`` of them linked to an original; ``replaced`` of them
    replacing an earlier text of their id) + articles whose analysis failed. ``failed`` counts failure records:
    inputs not read (unreadable, not English, an id already used for another text) and stages that failed on an
    article."""

    read: int = 0
    analyzed: int = 0
    stored: int = 0
    skipped: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    replaced: int = 0
    failed: int = 0
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
        replaced = f", {self.replaced} replaced" if self.replaced else ""
        return (
            f"{self.read} read, {self.analyzed} analyzed ({self.near_duplicates} near-duplicates{replaced}), "
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
        update: bool = False,
    ) -> None:
        self.store = store
        self.update = update
        self.settings = settings
        self.on_analysis = on_analysis
        self.on_failure = on_failure
        self.advance = advance or (lambda n: None)
        self.report = RunReport()
        self.dedup = Deduplicator(settings, store.signatures() if store is not None else ())
        self._pending_failures: list[Failure] = []
        # Exact copies dropped while preparing a batch not yet committed: recorded with the batch, so that a
        # batch lost to a crash leaves no count behind.
        self._exact_pending: dict[int, list[tuple[str, str, str, str]]] = {}
        self._accepted: dict[str, str] = {}  # id -> key of the text this run took for it
        self._started = time.perf_counter()

    # -- reading -----------------------------------------------------------------------------------------

    def fail(self, failure: Failure) -> None:
        failure = replace(failure, input_ref=printable(failure.input_ref), message=printable(failure.message))
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
            if item.input_ref is not None and printable(item.input_ref) != item.input_ref:
                item = replace(item, input_ref=printable(item.input_ref))  # a file name that is not UTF-8
            try:
                check_language(item)
            except InputError as exc:
                self.fail(Failure(exc.ref or item.input_ref or item.id, "ingest", exc.code, exc.message))
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
        ids = [a.id for a in raw]
        stored = self.store.stored_text_keys(ids) if self.store is not None else {}
        copies = self.store.known_copies(ids) if self.store is not None else set()
        copied = dict(copies)  # id -> text key of an exact copy an earlier run dropped under that id
        fresh: list[Article] = []
        replacing: list[str] = []
        exact: list[tuple[str, str, str, str]] = []  # (id, text key, input ref, original id)
        for article in raw:
            key = article_id_for(article.text)
            earlier = self._accepted.get(article.id, stored.get(article.id, copied.get(article.id)))
            if earlier is not None and earlier != key:
                if not self.update:
                    if article.id in self._accepted:
                        where = "an earlier record of this run"
                    else:
                        where = (
                            "a stored article" if article.id in stored else "an exact copy dropped earlier"
                        )
                    self.fail(_conflict(article, where))
                    self.advance(1)
                    continue
                # --update: this text replaces the earlier one (not yet stored if it is in this batch)
                superseded = len(fresh)
                fresh = [a for a in fresh if a.id != article.id]
                superseded -= len(fresh)
                self.report.skipped += superseded
                self.advance(superseded)
                self.dedup.forget(article.id)
                stored.pop(article.id, None)
                copied.pop(article.id, None)
                copies = {c for c in copies if c[0] != article.id}
                replacing.append(article.id)
            self._accepted[article.id] = key
            if article.id in stored:
                if self.dedup.checked(article):
                    exact.append((article.id, key, article.input_ref or "", article.id))  # twice in this run
                else:
                    self.report.skipped += 1  # stored by an earlier run: a re-run redoes nothing
                    self.dedup.note_stored(article)
            elif (article.id, key) in copies:
                self.report.skipped += 1  # dropped as an exact copy by an earlier run, and counted then
                self.dedup.note_stored(article)
            else:
                fresh.append(article)
        if replacing and self.store is not None:
            # The old text goes now, its signature with it, before the new text's signature is stored; a crash
            # before the new analysis is committed leaves the id free, and a re-run stores the new text.
            self.store.delete_articles(replacing)
        self.report.replaced += len(set(replacing))
        result = self.dedup.dedupe(fresh)
        exact += [
            (a.id, article_id_for(a.text), a.input_ref or "", self.dedup.first_id(a) or a.id)
            for a in result.exact
        ]
        self.report.duplicates += len(exact)
        if self.store is not None:
            self.store.add_signatures(result.signatures)
        self.advance(len(raw) - len(result.keep))
        if result.keep:
            self._exact_pending[id(result.keep)] = exact
        elif exact and self.store is not None:
            self.store.record_exact_copies(exact)
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
        exact = self._exact_pending.pop(id(batch), [])
        if exact and self.store is not None:
            self.store.record_exact_copies(exact)

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


def printable(text: str) -> str:
    """``text`` as UTF-8 can encode it: a file name that is not UTF-8 reaches us with lone surrogates, which
    neither the store nor the terminal accepts."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text


def _conflict(article: Article, where: str) -> Failure:
    exc = ConflictingId(
        f"id {article.id[:80]!r} is already used by {where} with another text; give this article an id of its "
        "own, or re-run with --update to replace the earlier text",
        ref=article.input_ref or article.id,
    )
    return Failure(exc.ref or article.id, "ingest", exc.code, exc.message)


def _lost(article: Article) -> Failure:
    return Failure(
        article.input_ref or article.id, "analyze", PipelineError.code, "the engine returned no analysis"
    )


def analyze_safely(engine: AnalysisEngine, batch: Sequence[Article]) -> tuple[list[Analysis], list[Failure]]:
    """``engine.analyze_batch``; if the batch raises, each article alone, so one bad article costs only itself.
    An analysis the engine abandoned (a failure of stage ``analyze``: over its time budget) is not returned,
    its failure is. The engine runs in a ``budget.section``, so a shutdown can stop it (``budget.Cancelled``
    propagates: nothing of the batch is committed)."""
    try:
        with budget.section():
            return _complete(engine.analyze_batch(batch))
    except Exception:  # retried one by one below; the per-article error is what gets recorded
        pass
    analyses: list[Analysis] = []
    failures: list[Failure] = []
    for article in batch:
        try:
            with budget.section():
                done, lost = _complete(engine.analyze_batch([article]))
        except Exception as exc:  # one article's failure is recorded, never raised
            failures.append(
                Failure(
                    article.input_ref or article.id,
                    "analyze",
                    PipelineError.code,
                    f"{type(exc).__name__}: {exc}",
                )
            )
            continue
        analyses.extend(done)
        failures.extend(lost)
    return analyses, failures


def _complete(analyses: Iterable[Analysis]) -> tuple[list[Analysis], list[Failure]]:
    kept: list[Analysis] = []
    abandoned: list[Failure] = []
    for analysis in analyses:
        if any(f.stage == "analyze" for f in analysis.failures):
            abandoned.extend(analysis.failures)
        else:
            kept.append(analysis)
    return kept, abandoned
