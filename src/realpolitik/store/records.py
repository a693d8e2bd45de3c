"""Records to rows: the one place that turns ``model.Analysis`` batches into Arrow tables.

The store's ``write`` inserts these tables; Dask workers write the same tables as Parquet batches
(``write_parquet_batch``) that the process owning the store loads with ``Store.load_parquet_batch``. Nothing
here touches DuckDB, so workers can import it without opening the store.
"""

from __future__ import annotations

import typing
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

import pyarrow as pa
import pyarrow.parquet as pq

from realpolitik import model
from realpolitik.store.schema import ANALYSIS_PARTS, ANALYSIS_TABLES, FLATTENED, Table, unwrap_optional

R = TypeVar("R")


def records_to_arrow(table: Table, records: Sequence[object]) -> pa.Table:
    """One Arrow table of ``records`` in ``table``'s column order and types."""
    columns = [pa.array([c.getter(r) for r in records], type=c.arrow_type) for c in table.columns]
    return pa.Table.from_arrays(columns, schema=table.arrow_schema)


def analyses_to_arrow(analyses: Sequence[model.Analysis]) -> dict[str, pa.Table]:
    """The rows of every analysis table for a batch, keyed by table name (articles first).

    An article that appears twice in the batch (same id) is kept once, with the rows of its first analysis.
    """
    seen: set[str] = set()
    unique: list[model.Analysis] = []
    for analysis in analyses:
        if analysis.article.id not in seen:
            seen.add(analysis.article.id)
            unique.append(analysis)
    out: dict[str, pa.Table] = {}
    for table in ANALYSIS_TABLES:
        part = ANALYSIS_PARTS[table.name]
        records = [record for analysis in unique for record in part(analysis)]
        out[table.name] = records_to_arrow(table, records)
    return out


def conform(table: Table, data: pa.Table) -> pa.Table:
    """``data`` with exactly ``table``'s columns and types (missing columns become nulls)."""
    arrays = []
    for column in table.columns:
        if column.name in data.column_names:
            arrays.append(data.column(column.name).cast(column.arrow_type))
        else:
            arrays.append(pa.nulls(data.num_rows, type=column.arrow_type))
    return pa.Table.from_arrays(arrays, schema=table.arrow_schema)


def write_parquet_batch(analyses: Sequence[model.Analysis], directory: str | Path) -> Path:
    """Write one batch as ``<directory>/<table>.parquet`` files (what a Dask worker hands the store owner)."""
    path = Path(directory)
    path.mkdir(parents=True, exist_ok=True)
    for name, data in analyses_to_arrow(analyses).items():
        pq.write_table(data, path / f"{name}.parquet")
    return path


def read_parquet_batch(directory: str | Path) -> dict[str, pa.Table]:
    """The tables of a batch written by :func:`write_parquet_batch`, conformed to the current schema."""
    path = Path(directory)
    out: dict[str, pa.Table] = {}
    for table in ANALYSIS_TABLES:
        file = path / f"{table.name}.parquet"
        if file.is_file():
            out[table.name] = conform(table, pq.read_table(file))
        else:
            out[table.name] = table.arrow_schema.empty_table()
    return out


def record_from_row(record: type[R], row: Mapping[str, Any]) -> R:
    """The record a stored row holds: the inverse of ``schema.columns_of`` (flattened actor and speaker columns
    gathered back; a flattened record whose columns are all empty is None; lists of structs become tuples of
    records)."""
    values: dict[str, Any] = {}
    for name, hint in typing.get_type_hints(record).items():
        inner = unwrap_optional(hint)
        if inner in FLATTENED:
            sub = {f: row.get(f"{name}_{f}") for f in typing.get_type_hints(inner)}
            empty = all(v is None or v == "" for v in sub.values())
            values[name] = None if empty and inner is not model.Speaker else inner(**sub)
            continue
        if name not in row:
            continue
        value = row[name]
        if typing.get_origin(inner) is tuple and value is not None:
            item = typing.get_args(inner)[0]
            value = tuple(item(**v) if isinstance(v, Mapping) else v for v in value)
        values[name] = value
    return record(**values)
