"""The store's bookkeeping of ingestion, beside the analyses: which text each stored id holds (so that the same id
with another text is never dropped silently), the exact copies already dropped (so that a re-run counts them as
stored, not again as copies), replacing an article (``--update``), and the server's durable ingest queue.

``Store`` inherits these methods; they use its connection, write lock and cursors.
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Any

import duckdb
import pyarrow as pa

from realpolitik import model
from realpolitik.errors import StoreError
from realpolitik.store.schema import ANALYSIS_TABLES, ARTICLES, INGEST_QUEUE

_ARTICLE_FIELDS = [c.name for c in INGEST_QUEUE.columns if c.name not in ("seq", "received")]


class Bookkeeping(ABC):
    """What the store keeps about its inputs (a mixin of ``Store``, which owns the connection)."""

    path: str
    _write_lock: threading.Lock

    @property
    @abstractmethod
    def con(self) -> duckdb.DuckDBPyConnection: ...

    @abstractmethod
    def cursor(self) -> AbstractContextManager[duckdb.DuckDBPyConnection]: ...

    # -- ids and texts ---------------------------------------------------------------------------------

    def stored_text_keys(self, ids: Iterable[str]) -> dict[str, str]:
        """For each of ``ids`` that is stored, the key of its text (``model.article_id_for``)."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return {}
        with self.cursor() as cur:
            rows = cur.execute(
                "SELECT id, text FROM articles WHERE id IN (SELECT unnest(?))", [wanted]
            ).fetchall()
        return {row[0]: model.article_id_for(row[1]) for row in rows}

    def known_copies(self, ids: Iterable[str]) -> set[tuple[str, str]]:
        """``(id, text key)`` of the exact copies dropped earlier under any of ``ids``."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return set()
        with self.cursor() as cur:
            rows = cur.execute(
                "SELECT DISTINCT id, text_key FROM exact_copies WHERE id IN (SELECT unnest(?))", [wanted]
            ).fetchall()
        return {(row[0], row[1]) for row in rows}

    def record_exact_copies(self, copies: Iterable[tuple[str, str, str, str]]) -> int:
        """Remember dropped exact copies ``(id, text key, input ref, original id)``; the exact-duplicate counter
        grows by the copies not remembered before, which it returns (a re-run adds nothing)."""
        rows = list(dict.fromkeys(copies))
        if not rows:
            return 0
        with self._write_lock:
            con = self.con
            con.execute("BEGIN TRANSACTION")
            try:
                added = 0
                for row in rows:
                    added += len(
                        con.execute(
                            "INSERT INTO exact_copies VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING 1",
                            row,
                        ).fetchall()
                    )
                if added:
                    con.execute(
                        "INSERT INTO dedup_counts VALUES ('exact', ?) ON CONFLICT DO UPDATE SET n = n + excluded.n",
                        [added],
                    )
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
        return added

    def delete_articles(self, ids: Iterable[str]) -> int:
        """Remove articles with every row derived from them and their signatures, in one transaction (the
        analysis they are replaced with is written next). Returns how many articles were removed."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return 0
        with self._write_lock:
            con = self.con
            con.execute("BEGIN TRANSACTION")
            try:
                removed = 0
                for table in reversed(
                    ANALYSIS_TABLES
                ):  # rows derived from an article first, the article last
                    key = "id" if table is ARTICLES else "article_id"
                    rows = con.execute(
                        f'DELETE FROM "{table.name}" WHERE "{key}" IN (SELECT unnest(?)) RETURNING 1',
                        [wanted],
                    ).fetchall()
                    if table is ARTICLES:
                        removed = len(rows)
                con.execute("DELETE FROM article_signatures WHERE article_id IN (SELECT unnest(?))", [wanted])
                con.execute("COMMIT")
            except duckdb.Error as exc:
                con.execute("ROLLBACK")
                raise StoreError(f"articles not replaced: {exc}", ref=self.path) from exc
            except BaseException:
                con.execute("ROLLBACK")
                raise
        return removed

    # -- the server's ingest queue ---------------------------------------------------------------------

    def enqueue(self, articles: Sequence[model.Article]) -> list[int]:
        """Persist accepted articles in arrival order (committed when this returns); their queue numbers."""
        if not articles:
            return []
        with self._write_lock:
            con = self.con
            ((last,),) = con.execute("SELECT coalesce(max(seq), 0) FROM ingest_queue").fetchall()
            first = int(last) + 1
            seqs = list(range(first, first + len(articles)))
            now = datetime.now().replace(microsecond=0)
            arrays = []
            for column in INGEST_QUEUE.columns:
                if column.name == "seq":
                    values: list[Any] = seqs
                elif column.name == "received":
                    values = [now] * len(articles)
                else:
                    values = [column.getter(a) for a in articles]
                arrays.append(pa.array(values, type=column.arrow_type))
            con.register("_rp_queue", pa.Table.from_arrays(arrays, schema=INGEST_QUEUE.arrow_schema))
            try:
                cols = INGEST_QUEUE.select_list()
                con.execute(f"INSERT INTO ingest_queue ({cols}) SELECT {cols} FROM _rp_queue")
            finally:
                con.unregister("_rp_queue")
        return seqs

    def queued(self, limit: int = 64) -> list[tuple[int, model.Article]]:
        """The oldest queued articles with their queue numbers."""
        fields = ", ".join(f'"{f}"' for f in _ARTICLE_FIELDS)
        with self.cursor() as cur:
            rows = cur.execute(
                f"SELECT seq, {fields} FROM ingest_queue ORDER BY seq LIMIT ?", [limit]
            ).fetchall()
        return [
            (int(row[0]), model.Article(**dict(zip(_ARTICLE_FIELDS, row[1:], strict=True)))) for row in rows
        ]

    def dequeue(self, seqs: Iterable[int]) -> int:
        """Forget queued articles that are now stored or recorded as failed."""
        wanted = list(dict.fromkeys(int(s) for s in seqs))
        if not wanted:
            return 0
        with self._write_lock:
            rows = self.con.execute(
                "DELETE FROM ingest_queue WHERE seq IN (SELECT unnest(?)) RETURNING 1", [wanted]
            ).fetchall()
        return len(rows)

    def queue_length(self) -> int:
        with self.cursor() as cur:
            ((count,),) = cur.execute("SELECT count(*) FROM ingest_queue").fetchall()
        return int(count)
