"""The Dask runner: the same intake as the local runner (skips, dedup, failures, commits happen in this
process, which owns the store), with ``Engine.analyze_batch`` running on Dask workers.

``workers=N`` starts a LocalCluster of N single-threaded worker processes; ``scheduler=ADDRESS`` uses an
existing cluster. Each worker builds its Engine (spaCy model, knowledge base) once and caches it at module
level. Workers turn their analyses into the store's Arrow tables and write them as a Parquet batch
(``realpolitik.store.records.write_parquet_batch``) that this process loads with ``Store.load_parquet_batch``;
on a remote cluster without a shared directory the tables travel back in memory instead. Results are the same
rows the local runner writes. Scripts that call this runner need an ``if __name__ == "__main__":`` guard,
because worker processes are spawned.
"""

from __future__ import annotations

import contextlib
import os
import resource
import shutil
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from realpolitik.model import Analysis, Article, Failure
from realpolitik.runners.intake import (
    AnalysisCallback,
    AnalysisEngine,
    FailureCallback,
    IngestStore,
    Intake,
    RunReport,
    analyze_safely,
)
from realpolitik.runners.progress import RunProgress
from realpolitik.settings import Settings

__all__ = ["RunReport", "run"]

EngineFactory = Callable[[], AnalysisEngine]

# One Engine per worker process, keyed by what it was built from; loading spaCy is the expensive part.
_ENGINES: dict[Any, AnalysisEngine] = {}


@dataclass(frozen=True)
class EngineSpec:
    """How a worker builds its Engine: ``realpolitik.engine.Engine(settings, **kwargs)``, or a picklable
    factory (tests pass a module-level function)."""

    settings: Settings
    kwargs: tuple[tuple[str, Any], ...] = ()
    factory: EngineFactory | None = None

    def build(self) -> AnalysisEngine:
        if self.factory is not None:
            return self.factory()
        from realpolitik.engine import Engine

        return Engine(self.settings, **dict(self.kwargs))


def worker_engine(spec: EngineSpec) -> AnalysisEngine:
    engine = _ENGINES.get(spec)
    if engine is None:
        engine = _ENGINES[spec] = spec.build()
    return engine


def warm_up(spec: EngineSpec) -> int:
    """Build the worker's Engine ahead of the first batch (run on every worker at start-up); returns the pid."""
    _reset_peak_memory()
    worker_engine(spec)
    return os.getpid()


def _reset_peak_memory() -> None:
    # A worker forked from a big parent inherits its peak RSS; Linux resets the high-water mark on request.
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def peak_memory_mb() -> dict[str, float]:
    """This process's memory in MB: ``peak`` resident (since start-up, VmHWM; ru_maxrss where /proc is
    missing) and ``unique`` (USS now: pages no other process shares, the worker's own cost)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                peak = int(line.split()[1]) / 1024
    except OSError:
        pass
    out = {"peak": round(peak, 1)}
    try:
        import psutil

        out["unique"] = round(psutil.Process().memory_full_info().uss / 2**20, 1)
    except (ImportError, OSError, AttributeError):
        pass
    return out


@dataclass
class BatchResult:
    """What a worker sends back: where its Parquet batch is (or the tables themselves), counts, failures,
    and the analyses only when the caller wants them one by one (``on_analysis``)."""

    number: int
    path: str | None = None
    tables: dict[str, Any] | None = None
    counts: dict[str, int] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)
    analyses: list[Analysis] = field(default_factory=list)


def analyze_batch_task(
    spec: EngineSpec, articles: list[Article], number: int, out_dir: str | None, want_analyses: bool
) -> BatchResult:
    """The task a worker runs: analyze, then hand back a Parquet batch (or tables)."""
    from realpolitik.store.records import analyses_to_arrow, write_parquet_batch

    analyses, failures = analyze_safely(worker_engine(spec), articles)
    for analysis in analyses:
        failures.extend(analysis.failures)
    result = BatchResult(
        number=number,
        counts={
            "articles": len(analyses),
            "events": sum(len(a.events) for a in analyses),
            "statements": sum(len(a.statements) for a in analyses),
        },
        failures=failures,
        analyses=analyses if want_analyses else [],
    )
    if out_dir is not None:
        result.path = str(write_parquet_batch(analyses, Path(out_dir) / f"batch-{number:07d}"))
    else:
        result.tables = analyses_to_arrow(analyses)
    return result


def _spec(engine: Any, settings: Settings, engine_kwargs: dict[str, Any] | None) -> EngineSpec:
    kwargs = tuple(sorted((engine_kwargs or {}).items()))
    if engine is not None and not hasattr(engine, "analyze_batch") and callable(engine):
        return EngineSpec(settings, kwargs, factory=engine)
    # An Engine instance cannot travel to the workers (it holds a loaded spaCy model): each builds its own
    # from the same settings.
    return EngineSpec(settings, kwargs)


def run(
    inputs: Iterable[Article | Failure],
    engine: AnalysisEngine | EngineFactory | None,
    store: IngestStore | None,
    settings: Settings,
    *,
    on_analysis: AnalysisCallback | None = None,
    on_failure: FailureCallback | None = None,
    progress: bool = False,
    total: int | None = None,
    update: bool = False,
    workers: int | None = None,
    scheduler: str | None = None,
    engine_kwargs: dict[str, Any] | None = None,
    batch_dir: str | None = None,
    max_in_flight: int | None = None,
) -> RunReport:
    """Like :func:`realpolitik.runners.local.run`, with the analysis on Dask: ``workers`` (a local cluster
    of that many single-threaded processes) or ``scheduler`` (an existing cluster's address). ``engine`` is
    ignored if it is an Engine instance (workers build their own from ``settings`` and ``engine_kwargs``) or
    used as a picklable factory if it is a callable. ``batch_dir``: a directory shared with the workers for
    Parquet batches (default: a temporary one for a local cluster, in-memory tables for a remote one)."""
    from dask.distributed import Client, LocalCluster, as_completed

    spec = _spec(engine, settings, engine_kwargs)
    cluster: LocalCluster | None = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(
            n_workers=max(1, workers or 2),
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # any free port: two runs at once (an ingest beside a benchmark) never collide
            silence_logs=40,  # logging.ERROR: worker chatter would interleave with the progress bar
        )
        client = Client(cluster)
    owned_dir = batch_dir is None and cluster is not None
    out_dir = tempfile.mkdtemp(prefix="realpolitik-batches-") if owned_dir else batch_dir
    try:
        addresses = list(client.scheduler_info().get("workers", {}))
        n_workers = max(1, len(addresses))
        # Every worker starts loading its Engine now, in a task (not ``client.run``, which would block the
        # worker's event loop), while this process reads and deduplicates the first batches.
        warming = [
            client.submit(warm_up, spec, workers=[a], allow_other_workers=False, pure=False)
            for a in addresses
        ]
        limit = max_in_flight or 2 * n_workers
        with RunProgress(progress, total) as bar:
            intake = Intake(
                store,
                settings,
                on_analysis=on_analysis,
                on_failure=on_failure,
                advance=bar.advance,
                update=update,
            )
            pending: dict[int, list[Article]] = {}
            queue = as_completed()

            def collect(n: int) -> None:
                for future in queue:
                    result: BatchResult = future.result()
                    _commit(intake, store, pending.pop(result.number), result)
                    if len(pending) <= n:
                        return

            for number, batch in enumerate(intake.batches(inputs)):
                pending[number] = batch
                queue.add(
                    client.submit(
                        analyze_batch_task, spec, batch, number, out_dir, on_analysis is not None, pure=False
                    )
                )
                if len(pending) >= limit:
                    collect(limit - 1)
            if pending:
                collect(0)
            report = intake.finish()
        client.gather(warming)
        report.workers = n_workers
        peaks = client.run(peak_memory_mb)
        report.extra["worker_memory_mb"] = {str(k): v for k, v in sorted(peaks.items())}
        return report
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
        if owned_dir and out_dir:
            shutil.rmtree(out_dir, ignore_errors=True)


def _commit(intake: Intake, store: IngestStore | None, batch: Sequence[Article], result: BatchResult) -> None:
    def load() -> int:
        if store is None:
            return 0
        if result.path is not None:
            added = int(store.load_parquet_batch(result.path))  # type: ignore[attr-defined]
            shutil.rmtree(result.path, ignore_errors=True)
            return added
        return int(store.write_tables(result.tables or {}))  # type: ignore[attr-defined]

    intake.commit_tables(batch, load, result.analyses, result.counts, result.failures)
