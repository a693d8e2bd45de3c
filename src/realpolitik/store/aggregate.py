"""Aggregates over the store: the influence profile of a target, commentary balance, dyad series, the actor
network, top dyads and store statistics, each as SQL (bound parameters only) returning a dataclass with a stable
``to_json()``.

Influence profile, for a target T and an optional period (article published dates, inclusive): take the
*asserted* events between T and any other actor A, in either direction (A -> T and T -> A), leaving out events
of near-duplicate copies (articles with ``duplicate_of`` set). Each event weighs ``max(|goldstein|, 1) *
confidence``, so every event counts and stronger acts count more. For each domain D, ``engagement(A, D)`` is the
sum of the weights of A's events with T in D, and ``share(A, D) = engagement(A, D) / sum over B of engagement(B,
D)``. Cooperation is the part of the share from quad classes 1-2, pressure the part from 3-4 (so they add up to
the share). Powers are ranked per domain by share; equal shares are ranked by number of events, then by how
often the power is mentioned in the period's articles, then by code. Beside each cell: its number of events, its ``reports`` (each
event counted once for its article and once more per near-duplicate copy of that article: the evidence weight
of repetition, which never changes a share), the ids of up to ``MAX_CELL_IDS`` of its events per side (the most
recently stored), and the ``Store.events`` filters that list all of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import duckdb

from realpolitik.model import DOMAINS
from realpolitik.store.queries import actor_names, fetch_dicts, quad_sql

MAX_CELL_IDS = 50
FIRST_ID_WINDOW = 65_536  # row ids scanned first when sampling a cell's newest event ids

# An event's weight in the influence profile (documented in the module docstring and README).
WEIGHT_SQL = "greatest(abs(coalesce(e.goldstein, 0.0)), 1.0) * coalesce(e.confidence, 1.0)"

# Asserted, canonical events with two different, known actors, within an optional period.
_COUNTED = """
e.modality = 'asserted' AND e.canonical
AND e.source_code IS NOT NULL AND e.target_code IS NOT NULL AND e.source_code <> e.target_code
AND ($start IS NULL OR e.published >= $start) AND ($end IS NULL OR e.published <= $end)
"""


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


@dataclass(frozen=True)
class Side:
    """The cooperation (quad 1-2) or pressure (quad 3-4) part of one cell."""

    share: float
    weight: float
    events: int
    event_ids: list[str]

    def to_json(self) -> dict[str, Any]:
        return {
            "share": round(self.share, 4),
            "weight": round(self.weight, 4),
            "events": self.events,
            "event_ids": list(self.event_ids),
        }


@dataclass(frozen=True)
class PowerShare:
    """One power's engagement with the target in one domain."""

    rank: int
    code: str
    name: str
    share: float
    weight: float
    events: int
    reports: int
    cooperation: Side
    pressure: Side
    query: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {
            "rank": self.rank,
            "code": self.code,
            "name": self.name,
            "share": round(self.share, 4),
            "weight": round(self.weight, 4),
            "events": self.events,
            "reports": self.reports,
            "cooperation": self.cooperation.to_json(),
            "pressure": self.pressure.to_json(),
            "query": dict(self.query),
        }


@dataclass(frozen=True)
class DomainProfile:
    domain: str
    weight: float
    events: int
    powers: list[PowerShare]

    def to_json(self) -> dict[str, Any]:
        return {
            "domain": self.domain,
            "weight": round(self.weight, 4),
            "events": self.events,
            "powers": [p.to_json() for p in self.powers],
        }


@dataclass(frozen=True)
class InfluenceProfile:
    target: str
    name: str
    start: date | None
    end: date | None
    domains: list[DomainProfile]

    @property
    def events(self) -> int:
        return sum(d.events for d in self.domains)

    def domain(self, name: str) -> DomainProfile:
        for d in self.domains:
            if d.domain == name:
                return d
        raise KeyError(name)

    def ranking(self, domain: str) -> list[str]:
        return [p.code for p in self.domain(domain).powers]

    def to_json(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "name": self.name,
            "start": _iso(self.start),
            "end": _iso(self.end),
            "events": self.events,
            "weight": "max(|goldstein|, 1) * confidence",
            "domains": [d.to_json() for d in self.domains],
        }


def influence(
    cur: duckdb.DuckDBPyConnection, target: str, start: date | None = None, end: date | None = None
) -> InfluenceProfile:
    """The influence profile of ``target`` (see the module docstring for the formula)."""
    # One pass over the target's events grouped by (domain, partner, side); the ids come from _sample_ids.
    cur.execute(
        f"""
        SELECT e.domain,
               CASE WHEN e.target_code = $target THEN e.source_code ELSE e.target_code END AS partner,
               {_SIDE_SQL} AS side, sum({WEIGHT_SQL}) AS weight, count(*) AS events, count(*) + sum(e.copies) AS reports,
               max(e.rowid) AS newest
        FROM events e
        WHERE (e.target_code = $target OR e.source_code = $target) AND {_COUNTED}
        GROUP BY 1, 2, 3
        """,
        {"target": target, "start": start, "end": end},
    )
    rows = fetch_dicts(cur)
    ids = _sample_ids(cur, target, start, end, rows)
    cells: dict[tuple[str, str], dict[str, Any]] = {}
    for r in rows:
        key = (r["domain"], r["partner"])
        cell = cells.setdefault(key, {"weight": 0.0, "events": 0, "reports": 0})
        cell["weight"] += r["weight"]
        cell["events"] += r["events"]
        cell["reports"] += int(r["reports"])
        cell[r["side"]] = (r["weight"], r["events"], ids.get((*key, r["side"]), []))
    names = actor_names(cur, sorted({target} | {partner for _, partner in cells}))
    found = {domain for domain, _ in cells}
    salience = _salience_if_tied(cur, cells, start, end)
    domains = []
    for name in [*DOMAINS, *sorted(found - set(DOMAINS))]:
        in_domain = sorted(
            ((partner, c) for (domain, partner), c in cells.items() if domain == name),
            key=lambda pc: (*_engagement_key(pc[1]), -salience.get(pc[0], 0), pc[0]),
        )
        total = sum(c["weight"] for _, c in in_domain)

        def side(c: dict[str, Any], key: str, total: float = total) -> Side:
            weight, events, event_ids = c.get(key, (0.0, 0, []))
            return Side(weight / total if total else 0.0, weight, events, event_ids)

        powers = [
            PowerShare(
                rank=rank,
                code=partner,
                name=names[partner],
                share=c["weight"] / total if total else 0.0,
                weight=c["weight"],
                events=c["events"],
                reports=c["reports"],
                cooperation=side(c, "cooperation"),
                pressure=side(c, "pressure"),
                query={
                    "actor": target,
                    "partner": partner,
                    "domain": name,
                    "modality": "asserted",
                    "canonical": True,
                    "start": _iso(start),
                    "end": _iso(end),
                },
            )
            for rank, (partner, c) in enumerate(in_domain, start=1)
        ]
        domains.append(DomainProfile(name, total, sum(c["events"] for _, c in in_domain), powers))
    return InfluenceProfile(target, names[target], start, end, domains)


def _engagement_key(cell: dict[str, Any]) -> tuple[float, int]:
    # rounded: the same events summed in another order must tie
    return (-round(cell["weight"], 9), -cell["events"])


def _salience_if_tied(
    cur: duckdb.DuckDBPyConnection,
    cells: dict[tuple[str, str], dict[str, Any]],
    start: date | None,
    end: date | None,
) -> dict[str, int]:
    """Mentions per partner in the period's original articles, only when two partners of a domain have the
    same engagement: the more-discussed power then ranks first (then the code, so ranks never flicker)."""
    seen: set[tuple[str, tuple[float, int]]] = set()
    tied = False
    for (domain, _), cell in cells.items():
        key = (domain, _engagement_key(cell))
        tied = tied or key in seen
        seen.add(key)
    if not tied:
        return {}
    cur.execute(
        "SELECT m.code, count(*) FROM mentions m JOIN articles a ON a.id = m.article_id "
        "WHERE m.code IN (SELECT unnest($codes)) AND a.duplicate_of IS NULL "
        "AND ($start IS NULL OR a.published >= $start) AND ($end IS NULL OR a.published <= $end) GROUP BY 1",
        {"codes": sorted({partner for _, partner in cells}), "start": start, "end": end},
    )
    return dict(cur.fetchall())


_SIDE_SQL = (
    f"CASE WHEN {quad_sql()} IN (1, 2) THEN 'cooperation' WHEN {quad_sql()} IN (3, 4) THEN 'pressure' "
    "ELSE 'other' END"
)


def _sample_ids(
    cur: duckdb.DuckDBPyConnection,
    target: str,
    start: date | None,
    end: date | None,
    cells: list[dict[str, Any]],
) -> dict[tuple[str, str, str], list[str]]:
    """Up to ``MAX_CELL_IDS`` ids per (domain, partner, side) cell: its most recently stored events.

    Row ids grow as events are stored, so the newest events are found by scanning windows of row ids
    backwards (DuckDB skips the rest of the table), the first sized for the densest cell, each next one four
    times the last and limited to partners whose cells still miss ids: a busy target is done in the first
    window instead of a pass over all its events.
    """
    need = {(c["domain"], c["partner"], c["side"]): min(MAX_CELL_IDS, c["events"]) for c in cells}
    got: dict[tuple[str, str, str], list[str]] = {key: [] for key in need}
    high = max((c["newest"] for c in cells), default=-1) + 1
    # Events of a cell are spread over the row ids, so the densest cell needs about need/events of them.
    densest = min(
        (n / c["events"] for c in cells if (n := need[(c["domain"], c["partner"], c["side"])])), default=1
    )
    window = max(FIRST_ID_WINDOW, int(1.5 * high * densest))
    while high > 0:
        pending = sorted({key[1] for key, n in need.items() if len(got[key]) < n})
        if not pending:
            break
        low = max(0, high - window)
        cur.execute(
            f"""
            SELECT domain, CASE WHEN e.target_code = $target THEN e.source_code ELSE e.target_code END AS partner,
                   {_SIDE_SQL} AS side, max_by(e.id, e.rowid, {MAX_CELL_IDS}) AS ids
            FROM events e
            WHERE e.rowid >= $low AND e.rowid < $high
              AND (e.target_code = $target OR e.source_code = $target) AND {_COUNTED}
              AND (CASE WHEN e.target_code = $target THEN e.source_code ELSE e.target_code END)
                  IN (SELECT unnest($pending))
            GROUP BY 1, 2, 3
            """,
            {"target": target, "start": start, "end": end, "low": low, "high": high, "pending": pending},
        )
        for domain, partner, side, ids in cur.fetchall():
            key = (domain, partner, side)
            if key in got:
                got[key].extend(ids[: need[key] - len(got[key])])
        high, window = low, window * 4
    return got


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
    """Per power, the stance of statements about ``target``: statements that take a stance on the target or
    come from an article that mentions it (canonical articles only), grouped by every other actor they take
    a stance on. Ordered by number of statements."""
    cur.execute(
        f"""
        WITH picked AS (
            SELECT s.id, s.stances FROM statements s JOIN articles a ON a.id = s.article_id
            WHERE a.duplicate_of IS NULL
              AND ($start IS NULL OR a.published >= $start) AND ($end IS NULL OR a.published <= $end)
              AND (list_contains(list_transform(s.stances, lambda x: x.code), $target)
                   OR s.article_id IN (SELECT article_id FROM mentions WHERE code = $target))),
        flat AS (SELECT id, unnest(stances) AS st FROM picked)
        SELECT st.code AS code, count(DISTINCT id) AS statements, avg(st.polarity) AS mean_polarity,
               count(*) FILTER (WHERE st.polarity > 0) AS positive,
               count(*) FILTER (WHERE st.polarity < 0) AS negative,
               (list(DISTINCT id ORDER BY id))[1:{MAX_CELL_IDS}] AS ids
        FROM flat WHERE st.code IS NOT NULL AND st.code <> $target
        GROUP BY st.code ORDER BY statements DESC, code
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
              AND e.published IS NOT NULL AND {_COUNTED})
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
WHERE {_COUNTED}
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
            "statements": self.statements,
            "mentions": self.mentions,
            "failures": self.failures,
            "failures_by_code": self.failures_by_code,
            "first_published": _iso(self.first_published),
            "last_published": _iso(self.last_published),
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
    )
