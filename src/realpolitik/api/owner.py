"""The one owner of the store while the server runs: every read and write goes through it.

DuckDB lets one process open a database file for writing and no other process open it at all, so the server
holds the only ``Store`` and accepts new articles over ``POST /api/v1/ingest`` instead of a second process
writing beside it. Ingested batches are queued to one background worker thread that runs them through the
CLI's runner (``realpolitik.runners.local.run``: skip stored articles, deduplicate, analyse, commit batch by
batch); reads never wait for it (the store gives each read a cursor of its own), so the dashboard keeps
answering while articles are analysed. Aggregates are cached as JSON per store generation, dropped on commit.
"""

from __future__ import annotations

import json
import logging
import queue
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from realpolitik.errors import RealpolitikError
from realpolitik.model import Analysis, Article, Failure
from realpolitik.render import jsonable
from realpolitik.runners.local import run
from realpolitik.settings import Settings

log = logging.getLogger(__name__)

CACHE_BYTES = 64_000_000  # JSON of aggregates kept per store generation (an influence profile is ~300 kB)


class BatchEngine(Protocol):
    """What the owner needs of the pipeline: ``realpolitik.engine.Engine`` satisfies it."""

    def analyze_batch(self, articles: Sequence[Article]) -> list[Analysis]: ...


@dataclass
class IngestStatus:
    """What the overview page and ``GET /api/v1/ingest`` show about background ingestion."""

    queued_batches: int = 0
    queued_articles: int = 0
    batches_done: int = 0
    articles_received: int = 0
    articles_added: int = 0
    failures: int = 0
    running: bool = False
    last_error: str | None = None
    last_finished: datetime | None = None
    history: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self, *, writable: bool) -> dict[str, Any]:
        return {
            "writable": writable,
            "running": self.running,
            "queued_batches": self.queued_batches,
            "queued_articles": self.queued_articles,
            "batches_done": self.batches_done,
            "articles_received": self.articles_received,
            "articles_added": self.articles_added,
            "failures": self.failures,
            "last_error": self.last_error,
            "last_finished": self.last_finished.isoformat() if self.last_finished else None,
        }


class StoreOwner:
    """Holds the store, a lock around it, and the ingestion worker.

    ``read(fn)`` runs ``fn(store)`` under the lock; ``submit(articles)`` queues a batch for the worker. The
    engine is created on first use by ``engine_factory`` (loading spaCy takes seconds, and a read-only
    server never needs it).
    """

    def __init__(
        self,
        open_store: Callable[[], Any],
        engine_factory: Callable[[], BatchEngine] | None = None,
        settings: Settings | None = None,
    ) -> None:
        self._open_store = open_store
        self.store: Any = open_store()
        self._closed = False
        self._engine_factory = engine_factory
        self._engine: BatchEngine | None = None
        self._settings = settings or Settings()
        self._lock = threading.RLock()
        self._status_lock = threading.Lock()
        self._queue: queue.Queue[list[Article] | None] = queue.Queue()
        # Aggregates keyed by the call that made them, valid for one generation of the store: the owner is its
        # only writer, so bumping the generation after each write is an exact invalidation.
        self._generation = 0
        self._cache: OrderedDict[tuple[Any, ...], bytes] = OrderedDict()
        self._cached_bytes = 0
        self._cache_lock = threading.Lock()
        self.cache_bytes = CACHE_BYTES
        self._worker: threading.Thread | None = None
        self.status = IngestStatus()

    # -- reads ------------------------------------------------------------------------------------
    def read(self, fn: Callable[[Any], Any]) -> Any:
        """``fn(store)``: one read (the store gives each read a cursor of its own, so reads run in parallel)."""
        return fn(self.store)

    def read_json(self, fn: Callable[[Any], Any], key: tuple[Any, ...]) -> bytes:
        """``fn(store)`` as JSON bytes, kept until the next write. ``key`` must name the call and every
        argument. Bytes, not objects, are kept: they are what the API sends, and their size is known."""
        with self._cache_lock:
            full = (self._generation, *key)
            hit = self._cache.get(full)
            if hit is not None:
                self._cache.move_to_end(full)
                return hit
        body = json.dumps(jsonable(fn(self.store)), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        with self._cache_lock:
            if full[0] == self._generation and len(body) <= self.cache_bytes // 4:
                self._cache[full] = body
                self._cached_bytes += len(body)
                while self._cached_bytes > self.cache_bytes:
                    _, dropped = self._cache.popitem(last=False)
                    self._cached_bytes -= len(dropped)
        return body

    def read_value(self, fn: Callable[[Any], Any], key: tuple[Any, ...]) -> Any:
        """Like :meth:`read_json`, decoded: the dashboard renders exactly the JSON the API sends."""
        return json.loads(self.read_json(fn, key))

    def _written(self) -> None:
        with self._cache_lock:
            self._generation += 1
            self._cache.clear()
            self._cached_bytes = 0

    # -- ingestion --------------------------------------------------------------------------------
    def submit(self, articles: Sequence[Article]) -> int:
        """Queue articles for analysis in the background; returns how many were queued."""
        batch = list(articles)
        if not batch:
            return 0
        with self._status_lock:
            self.status.queued_batches += 1
            self.status.queued_articles += len(batch)
            self.status.articles_received += len(batch)
        self._ensure_worker()
        self._queue.put(batch)
        return len(batch)

    def drain(self) -> None:
        """Block until every queued batch has been analysed and written (tests and shutdown use it)."""
        self._queue.join()

    def open(self) -> None:
        """Open the store again after :meth:`close` (an ASGI server may run the app's lifespan twice)."""
        with self._lock:
            if self._closed:
                self.store = self._open_store()
                self._closed = False

    def close(self) -> None:
        """Finish queued batches, stop the worker and close the store (the file is free for others)."""
        if self._worker is not None and self._worker.is_alive():
            self._queue.put(None)
            self._worker.join()
        self._worker = None
        with self._lock:
            if not self._closed:
                self.store.close()
                self._closed = True

    def _ensure_worker(self) -> None:
        if self._worker is None or not self._worker.is_alive():
            self._worker = threading.Thread(target=self._work, name="realpolitik-ingest", daemon=True)
            self._worker.start()

    def _work(self) -> None:
        while True:
            batch = self._queue.get()
            try:
                if batch is None:
                    return
                self._process(batch)
            finally:
                self._queue.task_done()

    def _process(self, batch: list[Article]) -> None:
        with self._status_lock:
            self.status.running = True
        added, failed, error = 0, 0, None
        try:
            # The CLI's runner: skip stored articles, deduplicate, analyse and commit batch by batch. Reads
            # go on meanwhile (each read has its own cursor); each commit drops the cached aggregates.
            report = run(
                batch,
                self._engine_or_create(),
                self.store,
                self._settings,
                on_analysis=lambda analysis: self._written(),
            )
            added, failed = report.stored, report.failed
            self._written()
        except Exception as exc:  # one bad batch must not stop the worker or the server
            log.exception("ingest batch failed")
            error = exc.one_line() if isinstance(exc, RealpolitikError) else f"{type(exc).__name__}: {exc}"
            failed = len(batch)
            self._record_failures(batch, exc)
        with self._status_lock:
            status = self.status
            status.running = False
            status.queued_batches -= 1
            status.queued_articles -= len(batch)
            status.batches_done += 1
            status.articles_added += added
            status.failures += failed
            status.last_finished = datetime.now().replace(microsecond=0)
            if error:
                status.last_error = error

    def _engine_or_create(self) -> BatchEngine:
        if self._engine is None:
            if self._engine_factory is None:
                raise RealpolitikError("this server has no engine to analyse articles with")
            self._engine = self._engine_factory()
        return self._engine

    def _record_failures(self, batch: list[Article], exc: Exception) -> None:
        code = exc.code if isinstance(exc, RealpolitikError) else "RP-E201"
        failures = [
            Failure(input_ref=a.input_ref or f"api:{a.id}", stage="ingest", code=code, message=str(exc))
            for a in batch
        ]
        add_failures = getattr(self.store, "add_failures", None)
        if callable(add_failures):
            try:
                with self._lock:
                    add_failures(failures)
                self._written()
            except Exception:
                log.exception("could not record ingest failures")
