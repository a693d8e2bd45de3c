"""The store: schema derived from the data model, the DuckDB ``Store``, Arrow rows and Parquet batches."""

from __future__ import annotations

from realpolitik.store.duckdb_store import Store
from realpolitik.store.queries import EventFilter, Page
from realpolitik.store.records import analyses_to_arrow, read_parquet_batch, write_parquet_batch
from realpolitik.store.schema import SCHEMA_VERSION

__all__ = [
    "SCHEMA_VERSION",
    "EventFilter",
    "Page",
    "Store",
    "analyses_to_arrow",
    "read_parquet_batch",
    "write_parquet_batch",
]
