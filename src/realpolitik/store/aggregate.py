"""Aggregates over the store besides the influence profile (``store/influence.py``): commentary about a
target, dyad series, the actor network, top dyads and store statistics, each as SQL (bound parameters only)
returning a dataclass with a stable ``to_json()``. Every count is of complete, canonical events (``COUNTED``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import duckdb

from realpolitik.store.influence import COUNTED, MAX_CELL_IDS, WEIGHT_SQL
from realpolitik.store.queries import COMPLETE_SQL, actor_names, fetch_dicts, quad_sql


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


@dataclass(frozen=True)
class Commentary:
    """The balance of stance towards one power in statements about a target."""

    code: str
    name: str
    statements: int
    mean_polarity: float
    positive: int
    negative: int
    statement_ids: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "statements": self.statements,
            "mean_polarity": round(self.mean_polarity, 4),
            "positive": self.positive,
            "negative": self.negative,
            "statement_ids": list(self.statement_ids),
        }


def commentary(
    cur: duckdb.DuckDBPyConnection, target: str, start: date | None = None, end: date | None = None
) -> list[Commentary]:
    """What commentators say about ``target``: the statements (of canonical articles in the period) whose
    stances name the target, and per actor they take a stance on (the target first, then every other power
    named beside it), the number of statements, the mean stance and the positive and negative ones. A statement
    merely printed in an article that mentions the target is not about it."""
    cur.execute(
        f"""
        WITH picked AS (
            SELECT s.id, s.stances FROM statements s JOIN articles a ON a.id = s.article_id
            WHERE a.duplicate_of IS NULL
              AND ($start IS NULL OR a.published >= $start) AND ($end IS NULL OR a.published <= $end)
              AND list_contains(list_transform(s.stances, lambda x: x.code), $target)),
        flat AS (SELECT id, unnest(stances) AS st FROM picked)
        SELECT st.code AS code, count(DISTINCT id) AS statements, avg(st.polarity) AS mean_polarity,
               count(*) FILTER (WHERE st.polarity > 0) AS positive,
               count(*) FILTER (WHERE st.polarity < 0) AS negative,
               (list(DISTINCT id ORDER BY id))[1:{MAX_CELL_IDS}] AS ids
        FROM flat WHERE st.code IS NOT NULL
        GROUP BY st.code ORDER BY st.code <> $target, statements DESC, code
        """,
        {"target": target, "start": start, "end": end},
    )
    rows = fetch_dicts(cur)
    names = actor_names(cur, [r["code"] for r in rows])
    return [
        Commentary(
            r["code"],
            names[r["code"]],
            r["statements"],
            float(r["mean_polarity"] or 0.0),
            r["positive"],
            r["negative"],
            list(r["ids"] or []),
        )
        for r in rows
    ]


def _month_counts() -> str:
    quads = ", ".join(f"count(*) FILTER (WHERE quad = {q}) AS q{q}" for q in (1, 2, 3, 4))
    return f"count(*) AS events, {quads}, coalesce(sum(goldstein), 0) AS goldstein"


@dataclass(frozen=True)
class DyadSeries:
    """Monthly counts per quad class and Goldstein sums between ``a`` and ``b``: both directions together
    (``both``) and each direction (``a_to_b``, ``b_to_a``)."""

    a: str
    b: str
    start: date | None
    end: date | None
    months: list[dict[str, Any]]

    def to_json(self) -> dict[str, Any]:
        return {
            "a": self.a,
            "b": self.b,
            "start": _iso(self.start),
            "end": _iso(self.end),
            "months": self.months,
        }


def dyad_series(
    cur: duckdb.DuckDBPyConnection, a: str, b: str, start: date | None = None, end: date | None = None
) -> DyadSeries:
    cur.execute(
        f"""
        WITH e AS (
            SELECT strftime(e.published, '%Y-%m') AS month, e.goldstein, {quad_sql()} AS quad,
                   CASE WHEN e.source_code = $a THEN 'a_to_b' ELSE 'b_to_a' END AS direction
            FROM events e
            WHERE ((e.source_code = $a AND e.target_code = $b) OR (e.source_code = $b AND e.target_code = $a))
              AND e.published IS NOT NULL AND {COUNTED})
        SELECT month, coalesce(direction, 'both') AS direction, {_month_counts()}
        FROM e GROUP BY GROUPING SETS ((month), (month, direction)) ORDER BY month, direction
        """,
        {"a": a, "b": b, "start": start, "end": end},
    )
    empty = {"events": 0, "q1": 0, "q2": 0, "q3": 0, "q4": 0, "goldstein": 0.0}
    months: dict[str, dict[str, Any]] = {}
    for r in fetch_dicts(cur):
        entry = months.setdefault(
            r["month"],
            {"month": r["month"], "both": dict(empty), "a_to_b": dict(empty), "b_to_a": dict(empty)},
        )
        entry[r["direction"]] = {k: r[k] for k in empty} | {"goldstein": round(float(r["goldstein"]), 4)}
    return DyadSeries(a, b, start, end, list(months.values()))


@dataclass(frozen=True)
class Network:
    """Actors as nodes and undirected dyads as edges weighted by cooperation and pressure."""

    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]

    def to_json(self) -> dict[str, Any]:
        return {"nodes": [dict(n) for n in self.nodes], "edges": [dict(e) for e in self.edges]}


_DYAD_AGG = f"""
SELECT least(e.source_code, e.target_code) AS a, greatest(e.source_code, e.target_code) AS b,
       count(*) AS events,
       count(*) FILTER (WHERE {quad_sql()} IN (1, 2)) AS cooperation_events,
       count(*) FILTER (WHERE {quad_sql()} IN (3, 4)) AS pressure_events,
       round(coalesce(sum({WEIGHT_SQL}) FILTER (WHERE {quad_sql()} IN (1, 2)), 0), 4) AS cooperation,
       round(coalesce(sum({WEIGHT_SQL}) FILTER (WHERE {quad_sql()} IN (3, 4)), 0), 4) AS pressure,
       round(coalesce(sum(e.goldstein), 0), 4) AS goldstein
FROM events e
WHERE {COUNTED}
GROUP BY 1, 2
"""


def network(
    cur: duckdb.DuckDBPyConnection, start: date | None = None, end: date | None = None, min_events: int = 1
) -> Network:
    cur.execute(
        f"{_DYAD_AGG} HAVING count(*) >= $min ORDER BY events DESC, a, b",
        {"start": start, "end": end, "min": int(min_events)},
    )
    edges = fetch_dicts(cur)
    totals: dict[str, dict[str, int]] = {}
    for edge in edges:
        for code in (edge["a"], edge["b"]):
            node = totals.setdefault(code, {"events": 0, "partners": 0})
            node["events"] += edge["events"]
            node["partners"] += 1
    names = actor_names(cur, sorted(totals))
    nodes = [
        {"code": code, "name": names[code], **counts}
        for code, counts in sorted(totals.items(), key=lambda kv: (-kv[1]["events"], kv[0]))
    ]
    return Network(nodes, edges)


def top_dyads(
    cur: duckdb.DuckDBPyConnection, limit: int = 10, start: date | None = None, end: date | None = None
) -> list[dict[str, Any]]:
    """The undirected dyads with most asserted events."""
    cur.execute(
        f"{_DYAD_AGG} ORDER BY events DESC, a, b LIMIT $limit", {"start": start, "end": end, "limit": limit}
    )
    return fetch_dicts(cur)


@dataclass(frozen=True)
class StoreStats:
    articles: int
    stories: int
    near_duplicates: int
    exact_duplicates: int
    events: int
    events_by_modality: dict[str, int]
    statements: int
    mentions: int
    failures: int
    failures_by_code: dict[str, int]
    first_published: date | None
    last_published: date | None
    complete_events: int = 0
    years: list[int] = field(default_factory=list)

    @property
    def near_duplicate_rate(self) -> float:
        """Share of stored articles that are near-duplicate copies of another."""
        return self.near_duplicates / self.articles if self.articles else 0.0

    @property
    def exact_duplicate_rate(self) -> float:
        """Share of all articles seen (stored + exact copies skipped) that were exact copies."""
        seen = self.articles + self.exact_duplicates
        return self.exact_duplicates / seen if seen else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "stories": self.stories,
            "near_duplicates": self.near_duplicates,
            "near_duplicate_rate": round(self.near_duplicate_rate, 4),
            "exact_duplicates": self.exact_duplicates,
            "exact_duplicate_rate": round(self.exact_duplicate_rate, 4),
            "events": self.events,
            "events_by_modality": self.events_by_modality,
            "complete_events": self.complete_events,
            "statements": self.statements,
            "mentions": self.mentions,
            "failures": self.failures,
            "failures_by_code": self.failures_by_code,
            "first_published": _iso(self.first_published),
            "last_published": _iso(self.last_published),
            "years": list(self.years),
        }


def _one(cur: duckdb.DuckDBPyConnection, sql: str) -> Any:
    row = cur.execute(sql).fetchone()
    return row[0] if row else None


def stats(cur: duckdb.DuckDBPyConnection) -> StoreStats:
    row = cur.execute(
        "SELECT count(*), count(*) FILTER (WHERE duplicate_of IS NULL), min(published), max(published) "
        "FROM articles"
    ).fetchone()
    assert row is not None
    n_articles, stories, first, last = row
    by_modality = dict(cur.execute("SELECT modality, count(*) FROM events GROUP BY 1 ORDER BY 1").fetchall())
    by_code = dict(cur.execute("SELECT code, count(*) FROM failures GROUP BY 1 ORDER BY 1").fetchall())
    return StoreStats(
        articles=n_articles,
        stories=stories,
        near_duplicates=n_articles - stories,
        exact_duplicates=int(_one(cur, "SELECT coalesce(sum(n), 0) FROM dedup_counts WHERE kind = 'exact'")),
        events=sum(by_modality.values()),
        events_by_modality=by_modality,
        statements=int(_one(cur, "SELECT count(*) FROM statements")),
        mentions=int(_one(cur, "SELECT count(*) FROM mentions")),
        failures=sum(by_code.values()),
        failures_by_code=by_code,
        first_published=first,
        last_published=last,
        complete_events=int(_one(cur, f"SELECT count(*) FROM events e WHERE {COMPLETE_SQL}")),
        years=[
            y
            for (y,) in cur.execute(
                "SELECT DISTINCT year(published) FROM articles WHERE published IS NOT NULL ORDER BY 1"
            ).fetchall()
        ],
    )
