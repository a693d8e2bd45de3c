"""The one owner of the store while the server runs: every read and write goes through it.

DuckDB lets one process open a database file for writing and no other process open it at all, so the server
holds the only ``Store`` and accepts new articles over ``POST /api/v1/ingest`` instead of a second process
writing beside it. Accepted articles are written to the store's ingest queue before the request is answered
(``Store.enqueue``), so a server killed with articles queued analyzes them when it starts again. One
background worker thread takes them from the queue in order and runs them through the CLI's runner
(``realpolitik.runners.local.run``: skip stored articles, deduplicate, analyse, commit batch by batch), then
removes them from the queue: an article is removed only once it is stored or recorded as failed. Shutdown
stops the worker within seconds (the analysis in flight is cancelled through ``realpolitik.budget`` and its
articles stay queued). Reads never wait for the worker (the store gives each read a cursor of its own), so the
dashboard keeps answering while articles are analysed. Aggregates are cached as JSON per store generation,
dropped on commit.
"""

from __future__ import annotations

import json
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from realpolitik import budget
from realpolitik.errors import RealpolitikError
from realpolitik.model import Analysis, Article, Failure
from realpolitik.render import jsonable
from realpolitik.runners.local import run
from realpolitik.settings import Settings

log = logging.getLogger(__name__)

CACHE_BYTES = 64_000_000  # JSON of aggregates kept per store generation (an influence profile is ~300 kB)
SHUTDOWN_SECONDS = 8.0  # how long closing waits for the worker to stop (it is cancelled first)
RUN_BATCHES = 16  # queued articles one run of the runner takes, in store batches


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
        self._wake = threading.Event()  # set when articles are queued, or to stop
        self._idle = threading.Condition()  # notified after each run of the worker
        self._stopping = False
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
        """Queue articles for analysis in the background; returns how many were queued. They are in the
        store's ingest queue (durable) when this returns."""
        batch = list(articles)
        if not batch:
            return 0
        with self._lock:
            self.store.enqueue(batch)
        with self._status_lock:
            self.status.articles_received += len(batch)
        self._count_queue()
        self._ensure_worker()
        self._wake.set()
        return len(batch)

    def record_failures(self, failures: Sequence[Failure]) -> None:
        """Record failures found before queueing (records of a request that were refused)."""
        if not failures:
            return
        with self._lock:
            self.store.add_failures(list(failures))
        with self._status_lock:
            self.status.failures += len(failures)
        self._written()

    def drain(self) -> None:
        """Block until every queued article has been analysed and written (tests use it)."""
        self._ensure_worker()
        with self._idle:
            while self._queue_length() or self.status.running:
                if self._worker is None or not self._worker.is_alive():
                    raise RealpolitikError("the ingest worker stopped with articles still queued")
                self._wake.set()
                self._idle.wait(0.1)

    def open(self) -> None:
        """Open the store again after :meth:`close` (an ASGI server may run the app's lifespan twice), and
        resume the articles a previous server left queued."""
        with self._lock:
            if self._closed:
                self.store = self._open_store()
                self._closed = False
        self._stopping = False
        if self._count_queue():
            self._ensure_worker()
            self._wake.set()

    def close(self) -> None:
        """Stop the worker (an analysis in flight is cancelled, its articles stay queued for the next start)
        and close the store (the file is free for others)."""
        self._stopping = True
        self._wake.set()
        worker = self._worker
        if worker is not None and worker.is_alive():
            if worker.ident is not None:
                budget.cancel(worker.ident)
            worker.join(SHUTDOWN_SECONDS)
            if worker.ident is not None and not worker.is_alive():
                budget.clear(worker.ident)  # its id may be given to another thread now
            if worker.is_alive():
                # Stuck in one long call into C: leave the store to the process's exit. Everything committed is
                # in the store's log, and the articles not yet stored are still queued.
                log.warning("the ingest worker did not stop within %ss; exiting without it", SHUTDOWN_SECONDS)
                return
        self._worker = None
        with self._lock:
            if not self._closed:
                self.store.close()
                self._closed = True

    def _queue_length(self) -> int:
        with self._lock:
            return 0 if self._closed else int(self.store.queue_length())

    def _count_queue(self) -> int:
        queued = self._queue_length()
        per_run = max(1, self._settings.batch_size)
        with self._status_lock:
            self.status.queued_articles = queued
            self.status.queued_batches = -(-queued // per_run)
        return queued

    def _ensure_worker(self) -> None:
        if self._stopping:
            return
        if self._worker is None or not self._worker.is_alive():
            self._worker = threading.Thread(target=self._work, name="realpolitik-ingest", daemon=True)
            self._worker.start()

    def _work(self) -> None:
        budget.clear()  # thread ids are reused: a cancellation meant for an earlier worker is not ours
        try:
            while not self._stopping:
                self._wake.clear()
                rows = self._next_rows()
                if rows:
                    self._process(rows)
                else:
                    with self._idle:
                        self._idle.notify_all()
                    self._wake.wait(1.0)
        except budget.Cancelled:
            log.info("ingest worker stopped; queued articles resume at the next start")
        finally:
            with self._status_lock:
                self.status.running = False
            with self._idle:
                self._idle.notify_all()

    def _next_rows(self) -> list[tuple[int, Article]]:
        with self._lock:
            if self._closed:
                return []
            rows: list[tuple[int, Article]] = self.store.queued(
                max(1, self._settings.batch_size) * RUN_BATCHES
            )
            return rows

    def _process(self, rows: list[tuple[int, Article]]) -> None:
        batch = [article for _, article in rows]
        with self._status_lock:
            self.status.running = True
        added, failed, error = 0, 0, None
        try:
            with budget.section():  # loading spaCy may take seconds: a shutdown need not wait for it
                engine = self._engine_or_create()
            # The CLI's runner: skip stored articles, deduplicate, analyse and commit batch by batch. Reads
            # go on meanwhile (each read has its own cursor); each commit drops the cached aggregates.
            report = run(
                batch, engine, self.store, self._settings, on_analysis=lambda analysis: self._written()
            )
            added, failed = report.stored, report.failed
            self._written()
        except budget.Cancelled:
            with self._status_lock:
                self.status.running = False
            raise  # the articles stay queued; those committed before are skipped when they are run again
        except Exception as exc:  # one bad batch must not stop the worker or the server
            log.exception("ingest batch failed")
            error = exc.one_line() if isinstance(exc, RealpolitikError) else f"{type(exc).__name__}: {exc}"
            failed = len(batch)
            self._record_failures(batch, exc)
        with self._lock:
            self.store.dequeue(seq for seq, _ in rows)  # stored, or recorded as failed: accounted for
        self._count_queue()
        with self._status_lock:
            status = self.status
            status.running = False
            status.batches_done += 1
            status.articles_added += added
            status.failures += failed
            status.last_finished = datetime.now().replace(microsecond=0)
            if error:
                status.last_error = error
        with self._idle:
            self._idle.notify_all()

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
