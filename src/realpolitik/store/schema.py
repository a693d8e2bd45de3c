"""The store schema, derived in this one place from the dataclasses of ``realpolitik.model``.

A Python type maps to one DuckDB type and one Arrow type (``_SCALARS``); a nested record (``ActorRef``,
``Speaker``) is flattened into prefixed columns (``source_code``, ``speaker_type``); a tuple of strings becomes
a LIST and a tuple of records a LIST of STRUCT. ``TABLES`` lists every table with its columns, the DDL and the
Arrow schemas used by writes, Parquet batches and exports all come from it, and ``SCHEMA_VERSION`` is bumped
whenever the derived shape changes so an old store is refused rather than misread.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import pyarrow as pa

from realpolitik import model

SCHEMA_VERSION = 4

# Python type -> (DuckDB type, Arrow type). Integers are BIGINT so offsets never overflow.
_SCALARS: dict[type, tuple[str, pa.DataType]] = {
    str: ("VARCHAR", pa.string()),
    int: ("BIGINT", pa.int64()),
    float: ("DOUBLE", pa.float64()),
    bool: ("BOOLEAN", pa.bool_()),
    date: ("DATE", pa.date32()),
    datetime: ("TIMESTAMP", pa.timestamp("us")),
    bytes: ("BLOB", pa.binary()),
}

# Records stored flattened into their parent's row, under the parent's field name as prefix.
FLATTENED: tuple[type, ...] = (model.ActorRef, model.Speaker)


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    sql_type: str
    arrow_type: pa.DataType
    getter: Callable[[Any], Any]  # record -> value of this column
    derive: str | None = None  # for a column the store derives on insert: SQL over batch row b, article a


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    record: type | None = None
    key: tuple[str, ...] = ()
    derived: tuple[Column, ...] = ()  # filled by the store on insert, never by records or batches
    derive_from: str = ""  # the joins (to batch rows b) that derived columns read

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def arrow_schema(self) -> pa.Schema:
        return pa.schema([pa.field(c.name, c.arrow_type) for c in self.columns])

    def ddl(self) -> str:
        parts = [f'"{c.name}" {c.sql_type}' for c in (*self.columns, *self.derived)]
        if self.key:
            parts.append("PRIMARY KEY (" + ", ".join(f'"{k}"' for k in self.key) + ")")
        return f'CREATE TABLE IF NOT EXISTS "{self.name}" ({", ".join(parts)})'

    def select_list(self, alias: str = "") -> str:
        prefix = f"{alias}." if alias else ""
        return ", ".join(f'{prefix}"{c.name}"' for c in self.columns)


def unwrap_optional(hint: Any) -> Any:
    """``X | None`` -> ``X``; anything else unchanged."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return hint


def _field_type(hint: Any) -> tuple[str, pa.DataType, Callable[[Any], Any] | None]:
    """DuckDB type, Arrow type, and a value converter (None when values pass through) for one field."""
    hint = unwrap_optional(hint)
    if hint in _SCALARS:
        sql, arrow = _SCALARS[hint]
        return sql, arrow, None
    if typing.get_origin(hint) is typing.Literal:
        return "VARCHAR", pa.string(), None
    if typing.get_origin(hint) is tuple:
        item = typing.get_args(hint)[0]
        if dataclasses.is_dataclass(item):
            struct_fields = []
            sql_fields = []
            for name, sub in typing.get_type_hints(item).items():
                sub_sql, sub_arrow, _ = _field_type(sub)
                struct_fields.append(pa.field(name, sub_arrow))
                sql_fields.append(f'"{name}" {sub_sql}')
            names = list(typing.get_type_hints(item))

            def to_structs(values: Any, names: list[str] = names) -> list[dict[str, Any]]:
                return [{n: getattr(v, n) for n in names} for v in values]

            return f"STRUCT({', '.join(sql_fields)})[]", pa.list_(pa.struct(struct_fields)), to_structs
        sql, arrow, _ = _field_type(item)
        return f"{sql}[]", pa.list_(arrow), list
    raise TypeError(f"no store type for {hint!r}")


def _getter(path: tuple[str, ...], convert: Callable[[Any], Any] | None) -> Callable[[Any], Any]:
    def get(record: Any) -> Any:
        value = record
        for name in path:
            if value is None:
                return None
            value = getattr(value, name)
        if value is None or convert is None:
            return value
        return convert(value)

    return get


def columns_of(record: type) -> tuple[Column, ...]:
    """The columns a dataclass is stored as: one per field, nested records flattened with a prefix."""
    out: list[Column] = []
    for name, hint in typing.get_type_hints(record).items():
        inner = unwrap_optional(hint)
        if inner in FLATTENED:
            for sub_name, sub_hint in typing.get_type_hints(inner).items():
                sql, arrow, convert = _field_type(sub_hint)
                out.append(Column(f"{name}_{sub_name}", sql, arrow, _getter((name, sub_name), convert)))
            continue
        sql, arrow, convert = _field_type(hint)
        out.append(Column(name, sql, arrow, _getter((name,), convert)))
    return tuple(out)


def _plain(name: str, sql: str, arrow: pa.DataType) -> Column:
    return Column(name, sql, arrow, _getter((name,), None))


# Tables written from analyses, in dependency order; ``write`` fills them from ``ANALYSIS_PARTS``.
ARTICLES = Table("articles", columns_of(model.Article), model.Article, key=("id",))
SENTENCES = Table("sentences", columns_of(model.Sentence), model.Sentence)
MENTIONS = Table("mentions", columns_of(model.Mention), model.Mention)
# Events carry their article's date, whether that article is an original (``duplicate_of`` unset) and how many
# near-duplicate copies of it are stored, so the aggregates filter one table instead of joining every event
# to its article (about half their cost on a million events). Articles never change once stored; ``copies``
# is also bumped when a copy arrives after its original (``Store.write_tables``).
EVENTS = Table(
    "events",
    columns_of(model.Event),
    model.Event,
    derived=(
        Column("published", "DATE", pa.date32(), lambda r: None, derive="a.published"),
        Column(
            "canonical",
            "BOOLEAN",
            pa.bool_(),
            lambda r: None,
            derive="a.id IS NOT NULL AND a.duplicate_of IS NULL",
        ),
        Column("copies", "BIGINT", pa.int64(), lambda r: None, derive="coalesce(d.n, 0)"),
    ),
    derive_from=(
        "LEFT JOIN articles a ON a.id = b.article_id "
        "LEFT JOIN (SELECT duplicate_of AS article_id, count(*) AS n FROM articles "
        "WHERE duplicate_of IN (SELECT article_id FROM _rp_batch) GROUP BY 1) d ON d.article_id = b.article_id"
    ),
)
STATEMENTS = Table("statements", columns_of(model.Statement), model.Statement)
ANALYSIS_TABLES: tuple[Table, ...] = (ARTICLES, SENTENCES, MENTIONS, EVENTS, STATEMENTS)

# Which part of an Analysis fills which table.
ANALYSIS_PARTS: dict[str, Callable[[model.Analysis], Any]] = {
    "articles": lambda a: (a.article,),
    "sentences": lambda a: a.sentences,
    "mentions": lambda a: a.mentions,
    "events": lambda a: a.events,
    "statements": lambda a: a.statements,
}

FAILURES = Table("failures", columns_of(model.Failure), model.Failure, key=("input_ref", "stage", "code"))
SIGNATURES = Table(
    "article_signatures",
    (_plain("article_id", "VARCHAR", pa.string()), _plain("minhash", "BLOB", pa.binary())),
    key=("article_id",),
)
DEDUP_COUNTS = Table(
    "dedup_counts",
    (_plain("kind", "VARCHAR", pa.string()), _plain("n", "BIGINT", pa.int64())),
    key=("kind",),
)
FEED_STATE = Table(
    "feed_state",
    (
        _plain("url", "VARCHAR", pa.string()),
        _plain("etag", "VARCHAR", pa.string()),
        _plain("last_modified", "VARCHAR", pa.string()),
        _plain("seen", "VARCHAR[]", pa.list_(pa.string())),
        _plain("polled", "TIMESTAMP", pa.timestamp("us")),
    ),
    key=("url",),
)
SCHEMA_INFO = Table(
    "schema_info",
    (_plain("key", "VARCHAR", pa.string()), _plain("value", "VARCHAR", pa.string())),
    key=("key",),
)
# Exact copies the ingest dropped, by the copy's id, the key of its text (``model.article_id_for``) and where it
# was read: a re-run finds them here and counts them as already stored, and the exact-duplicate counter grows
# only by new rows (the same copy read again from the same place is not counted again).
EXACT_COPIES = Table(
    "exact_copies",
    (
        _plain("id", "VARCHAR", pa.string()),
        _plain("text_key", "VARCHAR", pa.string()),
        _plain("input_ref", "VARCHAR", pa.string()),
        _plain("original", "VARCHAR", pa.string()),
    ),
    key=("id", "text_key", "input_ref"),
)
# Articles the server accepted (202) and has not analyzed yet: written before the answer, deleted once the
# article is stored or recorded as failed, so a server killed with queued articles analyzes them on restart.
INGEST_QUEUE = Table(
    "ingest_queue",
    (
        _plain("seq", "BIGINT", pa.int64()),
        *columns_of(model.Article),
        _plain("received", "TIMESTAMP", pa.timestamp("us")),
    ),
    key=("seq",),
)
# The tables of schema version 4, which the fingerprint covers. Tables added since are bookkeeping that no
# older store can misread: they are created when a store is opened for writing, and an older store stays valid.
FINGERPRINTED: tuple[Table, ...] = (
    *ANALYSIS_TABLES,
    FAILURES,
    SIGNATURES,
    DEDUP_COUNTS,
    FEED_STATE,
    SCHEMA_INFO,
)
ALL_TABLES: tuple[Table, ...] = (*FINGERPRINTED, EXACT_COPIES, INGEST_QUEUE)

# Indexes that serve the aggregate queries (ART indexes: equality look-ups by article, actor and dyad).
INDEXES: tuple[str, ...] = (
    'CREATE INDEX IF NOT EXISTS events_article ON events ("article_id")',
    'CREATE INDEX IF NOT EXISTS articles_duplicate_of ON articles ("duplicate_of")',
    'CREATE INDEX IF NOT EXISTS mentions_article ON mentions ("article_id")',
    'CREATE INDEX IF NOT EXISTS statements_article ON statements ("article_id")',
    'CREATE INDEX IF NOT EXISTS sentences_article ON sentences ("article_id")',
)


def ddl_statements() -> list[str]:
    return [t.ddl() for t in ALL_TABLES] + list(INDEXES)


def schema_fingerprint() -> str:
    """A short hash of the derived DDL of the ``FINGERPRINTED`` tables: a field added to model.py changes it, so
    a store written before the change is refused instead of misread (bump SCHEMA_VERSION with such a change)."""
    return model.stable_id("schema", *(t.ddl() for t in FINGERPRINTED), *INDEXES, length=12)
