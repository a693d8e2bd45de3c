"""``Store``: the embedded DuckDB file that holds every analysis, failure and dedup signature.

It owns opening (and the one-writer lock), the schema, idempotent batch writes through Arrow, failures,
near-duplicate signatures, duplicate counters, Parquet export and import; ``bookkeeping`` adds the texts of
stored ids, the exact copies dropped, replacing articles and the server's ingest queue. Its read methods are thin calls into
``realpolitik.store.queries`` (record lists and pages) and ``realpolitik.store.aggregate`` (influence,
dyads, networks, stats), so the CLI, the REST API and the dashboard all read through the same code.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from realpolitik import model
from realpolitik.errors import StoreError, StoreLocked
from realpolitik.settings import Settings
from realpolitik.store import aggregate, queries
from realpolitik.store import influence as profiles
from realpolitik.store.bookkeeping import Bookkeeping
from realpolitik.store.records import analyses_to_arrow, conform, read_parquet_batch
from realpolitik.store.schema import (
    ANALYSIS_TABLES,
    ARTICLES,
    FAILURES,
    SCHEMA_VERSION,
    ddl_statements,
    schema_fingerprint,
)

_PID = re.compile(r"PID (\d+)")
_T = TypeVar("_T")
# Aggregates kept per store until its next write (one process owns a DuckDB file, so nothing else can change
# it): the dashboard and the API ask for the same profiles again and again.
AGGREGATE_CACHE_SIZE = 128


def _locked_message(path: str, exc: Exception) -> str:
    pid = _PID.search(str(exc))
    owner = f"process {pid.group(1)}" if pid else "another process"
    return (
        f"the store is open for writing in {owner}; only one process may open it at a time. "
        "If that is `realpolitik serve`, it owns the store while it runs: ingest through its API "
        "(or stop it first); otherwise wait for that process to finish."
    )


# Failures whose input is worth reading again (see failed_inputs).
RETRYABLE_STAGES: tuple[str, ...] = ("ingest", "analyze")


class Store(Bookkeeping):
    """The DuckDB store. ``Store(path)`` creates the file and schema if needed; ``read_only=True`` never
    writes (and fails with StoreError if there is no store at ``path``). Use it as a context manager."""

    def __init__(
        self,
        path: str | Path = "realpolitik.duckdb",
        read_only: bool = False,
        settings: Settings | None = None,
    ) -> None:
        self.path = str(path)
        self.read_only = read_only
        self.settings = settings or Settings()
        self._write_lock = threading.Lock()
        self._cache_lock = threading.Lock()
        self._cache: OrderedDict[tuple[Any, ...], tuple[int, Any]] = OrderedDict()
        self._generation = 0  # bumped after every committed write of analyses
        in_memory = self.path == ":memory:"
        if read_only and not in_memory and not Path(self.path).is_file():
            raise StoreError("no store here yet; analyze or ingest something into it first", ref=self.path)
        try:
            self._con: duckdb.DuckDBPyConnection | None = duckdb.connect(self.path, read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                raise StoreLocked(_locked_message(self.path, exc), ref=self.path) from exc
            raise StoreError(f"cannot open the store: {exc}", ref=self.path) from exc
        except duckdb.Error as exc:
            raise StoreError(f"cannot open the store: {exc}", ref=self.path) from exc
        try:
            self._prepare_schema()
        except BaseException:
            self.close()
            raise

    # -- lifecycle -------------------------------------------------------------------------------------

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            raise StoreError("the store is closed", ref=self.path)
        return self._con

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection of its own for one read, so threads of a server can query at the same time."""
        cur = self.con.cursor()
        try:
            yield cur
        except duckdb.Error as exc:
            raise StoreError(f"query failed: {exc}", ref=self.path) from exc
        finally:
            cur.close()

    def _prepare_schema(self) -> None:
        """Create the schema in a new store; refuse a store whose derived schema differs from this code's
        (its version, or, between versions, the fingerprint of the DDL derived from model.py)."""
        con = self.con
        has_info = con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_info'"
        ).fetchone()
        info: dict[str, str] = {}
        if has_info and has_info[0]:
            info = dict(con.execute("SELECT key, value FROM schema_info").fetchall())
        wanted = {"version": str(SCHEMA_VERSION), "fingerprint": schema_fingerprint()}
        for key, value in wanted.items():
            if key in info and info[key] != value:
                raise StoreError(
                    f"store schema {key} {info[key]} differs from this realpolitik's {value}; "
                    "analyze into a new store (or export the old one to Parquet first)",
                    ref=self.path,
                )
        if self.read_only:
            if not info:
                raise StoreError("not a realpolitik store (no schema)", ref=self.path)
            return
        for statement in ddl_statements():
            con.execute(statement)
        con.executemany("INSERT INTO schema_info VALUES (?, ?) ON CONFLICT DO NOTHING", list(wanted.items()))

    # -- writes ----------------------------------------------------------------------------------------

    def write(self, analyses: Sequence[model.Analysis]) -> int:
        """Insert a batch in one transaction; articles already stored are skipped with their rows.
        Returns the number of articles added."""
        if not analyses:
            return 0
        return self.write_tables(analyses_to_arrow(analyses))

    def write_tables(self, tables: Mapping[str, pa.Table]) -> int:
        """Insert the Arrow tables of one batch (as built by ``analyses_to_arrow``) in one transaction,
        skipping articles whose id is already stored, and every row that belongs to them."""
        articles = tables.get("articles")
        if articles is None or articles.num_rows == 0:
            return 0
        with self._write_lock:
            con = self.con
            con.execute("BEGIN TRANSACTION")
            try:
                ids = pa.table({"id": articles.column("id")})
                con.register("_rp_batch_ids", ids)
                known = con.execute(
                    "SELECT a.id FROM articles a JOIN _rp_batch_ids b ON a.id = b.id"
                ).fetchall()
                con.unregister("_rp_batch_ids")
                skip = pa.array([k for (k,) in known], type=pa.string())
                added = 0
                for table in ANALYSIS_TABLES:
                    data = tables.get(table.name)
                    if data is None or data.num_rows == 0:
                        continue
                    data = conform(table, data)
                    key = "id" if table is ARTICLES else "article_id"
                    if len(skip):
                        data = data.filter(pc.invert(pc.is_in(data.column(key), value_set=skip)))
                    if table is ARTICLES:
                        added = data.num_rows
                    if data.num_rows == 0:
                        continue
                    con.register("_rp_batch", data)
                    cols = table.select_list()
                    if table.derived:
                        # articles of this batch are already inserted, so every event finds its article
                        names = ", ".join([cols, *(f'"{c.name}"' for c in table.derived)])
                        values = ", ".join([table.select_list("b"), *(f"{c.derive}" for c in table.derived)])
                        con.execute(
                            f'INSERT INTO "{table.name}" ({names}) SELECT {values} FROM _rp_batch b '
                            f"{table.derive_from}"
                        )
                    else:
                        con.execute(f'INSERT INTO "{table.name}" ({cols}) SELECT {cols} FROM _rp_batch')
                    if table is ARTICLES:
                        # copies of originals stored by earlier batches: count them on the stored events
                        con.execute(
                            "UPDATE events SET copies = copies + c.n FROM (SELECT duplicate_of AS article_id, "
                            "count(*) AS n FROM _rp_batch WHERE duplicate_of IS NOT NULL GROUP BY 1) c "
                            "WHERE events.article_id = c.article_id"
                        )
                    con.unregister("_rp_batch")
                con.execute("COMMIT")
                self._generation += 1
            except (duckdb.Error, pa.ArrowException) as exc:
                con.execute("ROLLBACK")
                raise StoreError(f"batch not written: {exc}", ref=self.path) from exc
            except BaseException:
                con.execute("ROLLBACK")
                raise
        return added

    def known_article_ids(self, ids: Iterable[str]) -> set[str]:
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return set()
        with self.cursor() as cur:
            rows = cur.execute("SELECT id FROM articles WHERE id IN (SELECT unnest(?))", [wanted]).fetchall()
        return {r[0] for r in rows}

    def add_failures(self, failures: Sequence[model.Failure]) -> None:
        """Record failures; the same (input_ref, stage, code) keeps one row with the latest message and time."""
        latest: dict[tuple[str, str, str], model.Failure] = {}
        for f in failures:
            latest[(f.input_ref, f.stage, f.code)] = f
        if not latest:
            return
        rows = [(f.input_ref, f.stage, f.code, f.message, f.time) for f in latest.values()]
        cols = FAILURES.select_list()
        with self._write_lock:
            self.con.executemany(
                f"INSERT INTO failures ({cols}) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT DO UPDATE SET message = excluded.message, time = excluded.time",
                rows,
            )

    def resolve_failures(self, refs: Iterable[str]) -> int:
        """Forget the failures of inputs that have now succeeded; returns how many rows were removed."""
        wanted = list(dict.fromkeys(refs))
        if not wanted:
            return 0
        with self._write_lock:
            row = self.con.execute(
                "DELETE FROM failures WHERE input_ref IN (SELECT unnest(?)) RETURNING 1", [wanted]
            ).fetchall()
        return len(row)

    def failures(
        self, limit: int = 100, code: str | None = None, stage: str | None = None
    ) -> list[dict[str, Any]]:
        """Most recent failures first, optionally of one error code or stage."""
        with self.cursor() as cur:
            cur.execute(
                "SELECT input_ref, stage, code, message, time FROM failures "
                "WHERE (? IS NULL OR code = ?) AND (? IS NULL OR stage = ?) "
                "ORDER BY time DESC, input_ref LIMIT ?",
                [code, code, stage, stage, self._cap(limit)],
            )
            rows = queries.fetch_dicts(cur)
        for r in rows:
            r["time"] = r["time"].isoformat()
        return rows

    def failed_inputs(self, stages: tuple[str, ...] = RETRYABLE_STAGES) -> list[str]:
        """Input references with a recorded failure in ``stages`` (what ``--retry-failed`` reads again):
        inputs that could not be read, or whose analysis was lost. A stage that failed inside an analysis
        (resolve, code, ...) kept its article, so reading that input again would change nothing."""
        marks = ", ".join("?" for _ in stages)
        with self.cursor() as cur:
            rows = cur.execute(
                f"SELECT DISTINCT input_ref FROM failures WHERE stage IN ({marks}) ORDER BY input_ref",
                list(stages),
            ).fetchall()
        return [r[0] for r in rows]

    def feed_state(self, url: str) -> dict[str, Any] | None:
        """What the last poll of a feed left: ETag, Last-Modified, entry keys seen, time (None if never)."""
        with self.cursor() as cur:
            row = cur.execute(
                "SELECT etag, last_modified, seen, polled FROM feed_state WHERE url = ?", [url]
            ).fetchone()
        if row is None:
            return None
        return {"etag": row[0], "last_modified": row[1], "seen": list(row[2] or ()), "polled": row[3]}

    def set_feed_state(
        self, url: str, *, etag: str | None, last_modified: str | None, seen: list[str], polled: datetime
    ) -> None:
        with self._write_lock:
            self.con.execute(
                "INSERT INTO feed_state VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET etag = excluded.etag, "
                "last_modified = excluded.last_modified, seen = excluded.seen, polled = excluded.polled",
                [url, etag, last_modified, seen, polled],
            )

    def add_signatures(self, signatures: Iterable[tuple[str, bytes]]) -> None:
        """Store MinHash signatures (serialised bytes) by article id; an id already stored keeps its own."""
        rows = [(aid, bytes(sig)) for aid, sig in signatures]
        if not rows:
            return
        with self._write_lock:
            self.con.executemany("INSERT INTO article_signatures VALUES (?, ?) ON CONFLICT DO NOTHING", rows)

    def signatures(self) -> list[tuple[str, bytes]]:
        with self.cursor() as cur:
            rows = cur.execute("SELECT article_id, minhash FROM article_signatures").fetchall()
        return [(r[0], bytes(r[1])) for r in rows]

    def record_duplicates(self, exact: int = 0, near: int = 0) -> None:
        """Bump the counters of duplicates the ingest skipped (exact copies are never stored)."""
        with self._write_lock:
            for kind, n in (("exact", exact), ("near", near)):
                if n:
                    self.con.execute(
                        "INSERT INTO dedup_counts VALUES (?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n",
                        [kind, int(n)],
                    )

    # -- Parquet ---------------------------------------------------------------------------------------

    def export_parquet(self, directory: str | Path) -> Path:
        """Write every analysis table under ``directory/<table>/year=YYYY/month=M/`` (by published date)."""
        out = Path(directory)
        out.mkdir(parents=True, exist_ok=True)
        with self.cursor() as cur:
            for table in ANALYSIS_TABLES:
                if table is ARTICLES:
                    select = (
                        "SELECT t.*, year(t.published) AS year, month(t.published) AS month FROM articles t"
                    )
                else:
                    select = (
                        f'SELECT t.*, year(a.published) AS year, month(a.published) AS month FROM "{table.name}" t '
                        "JOIN articles a ON a.id = t.article_id"
                    )
                # COPY takes no bound parameter for its target, so the path is quoted as an SQL literal.
                target = str(out / table.name).replace("'", "''")
                cur.execute(
                    f"COPY ({select}) TO '{target}' "
                    "(FORMAT parquet, PARTITION_BY (year, month), OVERWRITE_OR_IGNORE true)"
                )
        return out

    def load_parquet_batch(self, path: str | Path) -> int:
        """Load one batch written by ``records.write_parquet_batch`` (a Dask worker); idempotent."""
        return self.write_tables(read_parquet_batch(path))

    # -- reads -----------------------------------------------------------------------------------------

    def _cap(self, limit: int | None) -> int:
        if limit is None:
            return self.settings.api_page_size
        return max(1, min(int(limit), self.settings.api_max_page_size))

    def _aggregate(self, fn: Callable[..., _T], *args: Any) -> _T:
        """``fn(cursor, *args)``, answered from the cache while the store has not been written since."""
        key = (fn.__name__, *args)
        generation = self._generation  # read before computing: a write meanwhile makes this entry stale
        with self._cache_lock:
            hit = self._cache.get(key)
            if hit is not None and hit[0] == generation:
                self._cache.move_to_end(key)
                return hit[1]  # type: ignore[no-any-return]
        with self.cursor() as cur:
            value = fn(cur, *args)
        with self._cache_lock:
            self._cache[key] = (generation, value)
            while len(self._cache) > AGGREGATE_CACHE_SIZE:
                self._cache.popitem(last=False)
        return value

    def influence(
        self, target: str, start: date | None = None, end: date | None = None
    ) -> profiles.InfluenceProfile:
        return self._aggregate(profiles.influence, target, start, end)

    def influence_series(
        self,
        target: str,
        by: str = "year",
        start: date | None = None,
        end: date | None = None,
        top: int = 5,
        domain: str | None = None,
    ) -> profiles.InfluenceSeries:
        """Each domain's shares per year or month for its ``top`` leading powers (``influence_series``)."""
        return self._aggregate(profiles.influence_series, target, by, start, end, top, domain)

    def active_years(self, target: str) -> list[int]:
        """The years in which ``target`` has events its profile counts."""
        return list(self._aggregate(profiles.active_years, target))

    def known_codes(self, codes: Iterable[str]) -> set[str]:
        """The codes among ``codes`` that the store has seen in a mention or an event."""
        with self.cursor() as cur:
            return queries.known_codes(cur, sorted(set(codes)))

    def codes_named(self, name: str) -> list[str]:
        """Codes of actors whose name or words in an article are ``name`` (any case), most mentioned first."""
        with self.cursor() as cur:
            return queries.codes_named(cur, name)

    def commentary(
        self, target: str, start: date | None = None, end: date | None = None
    ) -> list[aggregate.Commentary]:
        return list(self._aggregate(aggregate.commentary, target, start, end))

    def dyad_series(
        self, a: str, b: str, start: date | None = None, end: date | None = None
    ) -> aggregate.DyadSeries:
        return self._aggregate(aggregate.dyad_series, a, b, start, end)

    def network(
        self, start: date | None = None, end: date | None = None, min_events: int = 1
    ) -> aggregate.Network:
        return self._aggregate(aggregate.network, start, end, min_events)

    def top_dyads(
        self, limit: int = 10, start: date | None = None, end: date | None = None
    ) -> list[dict[str, Any]]:
        return [dict(row) for row in self._aggregate(aggregate.top_dyads, self._cap(limit), start, end)]

    def stats(self) -> aggregate.StoreStats:
        with self.cursor() as cur:
            return aggregate.stats(cur)

    def events(
        self,
        *,
        cursor: str | None = None,
        limit: int | None = None,
        **filters: Any,
    ) -> queries.Page:
        """A page of events, newest first. Filters: see ``queries.EventFilter``."""
        with self.cursor() as cur:
            return queries.events(cur, queries.EventFilter(**filters), cursor, self._cap(limit))

    def iter_events(self, **filters: Any) -> Iterator[model.Listed]:
        """Every event the filters select, newest first, page by page (for exports)."""
        return self._every(self.events, filters)

    def iter_statements(self, **filters: Any) -> Iterator[model.Listed]:
        """Every statement the filters select (``speaker``, ``about``, ``start``, ``end``), newest first."""
        return self._every(self.statements, filters)

    def _every(self, listing: Callable[..., queries.Page], filters: dict[str, Any]) -> Iterator[model.Listed]:
        cursor: str | None = None
        while True:
            page = listing(cursor=cursor, limit=self.settings.api_max_page_size, **filters)
            yield from page.items
            if page.next_cursor is None:
                return
            cursor = page.next_cursor

    def latest_events(self, limit: int = 20) -> list[model.Listed]:
        return self.events(limit=limit).items

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One article with its text, sentences, mentions, events and statements; None if unknown."""
        with self.cursor() as cur:
            return queries.article(cur, article_id)

    def articles(
        self,
        *,
        q: str | None = None,
        source: str | None = None,
        start: date | None = None,
        end: date | None = None,
        cursor: str | None = None,
        limit: int | None = None,
    ) -> queries.Page:
        with self.cursor() as cur:
            return queries.articles(cur, q, source, start, end, cursor, self._cap(limit))

    def statements(
        self,
        speaker: str | None = None,
        about: str | None = None,
        *,
        start: date | None = None,
        end: date | None = None,
        cursor: str | None = None,
        limit: int | None = None,
    ) -> queries.Page:
        with self.cursor() as cur:
            return queries.statements(cur, speaker, about, start, end, cursor, self._cap(limit))

    def actors(self, q: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        with self.cursor() as cur:
            return queries.actors(cur, q, self._cap(limit))
