"""Pipeline throughput on the news corpus (``<data>/news/*.jsonl``), every figure measured in one run:

1. spaCy alone: ``nlp.pipe`` of the bare model (``settings.spacy_model``), same batch size, same texts;
2. the whole pipeline on one process: sources -> dedup -> Engine (spaCy + gazetteer, resolve, code,
   statements) -> DuckDB store, through ``realpolitik.runners.local`` (target: pipeline/spaCy time <= 1.25),
   with the share of time spent in each stage after spaCy (statement extraction among them);
3. Dask with 2 workers vs that local run (cluster start-up and model loading included; target >= 1.6x),
   and the peak memory of each worker.

    python -m benchmarks.bench_pipeline [--data ../shared/data] [--limit N] [--workers 2]
"""

from __future__ import annotations

import argparse
import gc
import resource
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

PIPELINE_TARGET = 1.25
DASK_TARGET = 1.6


def news_files(data_dir: Path) -> list[str]:
    return [str(p) for p in sorted((data_dir / "news").glob("*.jsonl"))]


def load_articles(data_dir: Path, limit: int | None) -> list[Any]:
    from realpolitik.model import Article
    from realpolitik.settings import Settings
    from realpolitik.sources import read_inputs

    articles = [a for a in read_inputs(news_files(data_dir), Settings()) if isinstance(a, Article)]
    return articles[:limit] if limit else articles


class StageTimer:
    """Wraps the Engine's stage functions to add up the seconds spent in each."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def wrap(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - started

        return timed

    def wrap_iter(self, name: str, fn: Callable[..., Iterator[Any]]) -> Callable[..., Iterator[Any]]:
        """For a generator (annotation): the time spent producing each item is what counts."""

        def timed(*args: Any, **kwargs: Any) -> Iterator[Any]:
            iterator = iter(fn(*args, **kwargs))
            while True:
                started = time.perf_counter()
                try:
                    item = next(iterator)
                except StopIteration:
                    self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - started
                    return
                self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - started
                yield item

        return timed


def instrument(engine: Any) -> StageTimer:
    """Time the stages of ``engine`` (annotate, resolve, code, statements) without changing what they do."""
    timer = StageTimer()
    engine.annotator.pipe = timer.wrap_iter("annotate (spaCy + gazetteer)", engine.annotator.pipe)
    engine.resolver.resolve = timer.wrap("resolve", engine.resolver.resolve)
    # the engine holds each coder and extractor plugin as (name, the callable its factory built)
    engine.coders = [(name, timer.wrap("code events", code)) for name, code in engine.coders]
    engine.extractors = [(name, timer.wrap("statements", extract)) for name, extract in engine.extractors]
    return timer


def bench_spacy(model: str, texts: list[str], batch_size: int) -> float:
    import spacy

    nlp = spacy.load(model)
    nlp.max_length = max(nlp.max_length, max(len(t) for t in texts) + 1)
    for _ in nlp.pipe(texts[:8], batch_size=batch_size):  # warm-up, as the pipeline's engine is warm too
        pass
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - started


def bench_local(files: list[str], limit: int | None, db: Path) -> tuple[float, Any, StageTimer]:
    from realpolitik.engine import Engine
    from realpolitik.runners import local
    from realpolitik.settings import Settings
    from realpolitik.sources import read_inputs
    from realpolitik.store import Store

    settings = Settings()
    engine = Engine(settings)
    engine.analyze_batch(load_warmup())
    timer = instrument(engine)
    items = _limited(read_inputs(files, settings), limit)
    started = time.perf_counter()
    with Store(db, settings=settings) as store:
        report = local.run(items, engine, store, settings)
    return time.perf_counter() - started, report, timer


def bench_dask(files: list[str], limit: int | None, db: Path, workers: int) -> tuple[float, Any]:
    from realpolitik.runners import dask as dask_runner
    from realpolitik.settings import Settings
    from realpolitik.sources import read_inputs
    from realpolitik.store import Store

    settings = Settings()
    started = time.perf_counter()  # includes cluster start-up and spaCy loading on every worker
    with Store(db, settings=settings) as store:
        report = dask_runner.run(
            _limited(read_inputs(files, settings), limit), None, store, settings, workers=workers
        )
    return time.perf_counter() - started, report


def load_warmup() -> list[Any]:
    from realpolitik.model import Article

    return [Article.from_text("Kazakhstan and Russia signed an agreement on security cooperation in Astana.")]


def _limited(items: Any, limit: int | None) -> Iterator[Any]:
    from realpolitik.model import Article

    count = 0
    for item in items:
        if limit and isinstance(item, Article):
            if count >= limit:
                return
            count += 1
        yield item


def events_by_article(db: Path) -> list[tuple[Any, ...]]:
    from realpolitik.store import Store

    with Store(db, read_only=True) as store, store.cursor() as cur:
        return cur.execute('SELECT article_id, type, start, "end" FROM events ORDER BY ALL').fetchall()


def main(
    data_dir: Path | str = "../shared/data", limit: int | None = None, workers: int = 2
) -> dict[str, Any]:
    """Run the three measurements; prints and returns the figures and ratios."""
    from realpolitik.settings import Settings

    data = Path(data_dir)
    files = news_files(data)
    articles = load_articles(data, limit)
    texts = [a.text for a in articles]
    settings = Settings()
    n_chars = sum(len(t) for t in texts)
    print(f"bench_pipeline: {len(texts)} articles, {n_chars / 1e6:.2f} M characters from {data / 'news'}")

    spacy_s = bench_spacy(settings.spacy_model, texts, settings.spacy_batch_size)
    print(f"bench_pipeline: spaCy alone ({settings.spacy_model}, batch {settings.spacy_batch_size}): "
          f"{spacy_s:.1f} s, {len(texts) / spacy_s:.1f} articles/s")  # fmt: skip
    gc.collect()
    with tempfile.TemporaryDirectory(prefix="realpolitik-bench-") as tmp:
        local_s, local_report, timer = bench_local(files, limit, Path(tmp) / "local.duckdb")
        local_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        ratio = local_s / spacy_s
        print(f"bench_pipeline: pipeline, local runner, 1 process: {local_s:.1f} s, "
              f"{local_report.analyzed / local_s:.1f} articles/s ({local_report.summary()})")  # fmt: skip
        verdict = "within" if ratio <= PIPELINE_TARGET else "OVER"
        print(f"bench_pipeline: pipeline/spaCy time = {ratio:.2f} ({verdict} the {PIPELINE_TARGET} target)")
        stage_total = sum(timer.seconds.values())
        shares = {name: s / local_s for name, s in timer.seconds.items()}
        for name, seconds in sorted(timer.seconds.items(), key=lambda kv: -kv[1]):
            print(f"bench_pipeline:   {name:30s} {seconds:7.1f} s  {shares[name]:6.1%} of the run")
        other = local_s - stage_total
        print(
            f"bench_pipeline:   {'reading, dedup, store, other':30s} {other:7.1f} s  {other / local_s:6.1%} of the run"
        )

        dask_s, dask_report = bench_dask(files, limit, Path(tmp) / "dask.duckdb", workers)
        speedup = local_s / dask_s
        verdict = "meets" if speedup >= DASK_TARGET else "BELOW"
        print(f"bench_pipeline: Dask, {workers} workers (start-up included): {dask_s:.1f} s, "
              f"{dask_report.analyzed / dask_s:.1f} articles/s; speed-up over local = {speedup:.2f}x "
              f"({verdict} the {DASK_TARGET}x target)")  # fmt: skip
        peaks = dask_report.extra.get("worker_memory_mb", {})
        described = "; ".join(
            f"peak {m.get('peak', 0):.0f} MB, unique {m.get('unique', 0):.0f} MB" for m in peaks.values()
        )
        print(f"bench_pipeline: memory per Dask worker: {described}; this process: peak {local_peak:.0f} MB")
        local_events, dask_events = (
            events_by_article(Path(tmp) / "local.duckdb"),
            events_by_article(Path(tmp) / "dask.duckdb"),
        )
        same = local_events == dask_events
        print(f"bench_pipeline: Dask and local runs stored the same events: {same} "
              f"({len(local_events)} local, {len(dask_events)} Dask, "
              f"{len(set(local_events) ^ set(dask_events))} differing)")  # fmt: skip
    return {
        "articles": len(texts),
        "spacy_seconds": spacy_s,
        "local_seconds": local_s,
        "pipeline_over_spacy": ratio,
        "stage_shares": shares,
        "dask_seconds": dask_s,
        "dask_speedup": speedup,
        "worker_peak_memory_mb": peaks,
        "local_peak_memory_mb": local_peak,
        "same_events": same,
    }


def _cli() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", default="../shared/data")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles (quick runs)")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    main(args.data, args.limit, args.workers)


if __name__ == "__main__":
    _cli()
