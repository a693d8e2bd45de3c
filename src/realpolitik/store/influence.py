"""The influence profile of a target, and its shares over time.

For a target T and an optional period (article published dates, inclusive), take the *complete* events between T
and any other actor A (asserted, both actors resolved, ``queries.COMPLETE_SQL``), in either direction (A -> T and
T -> A), with A's code different from T's, leaving out events of near-duplicate copies (articles with
``duplicate_of`` set). Each event weighs ``w = max(|goldstein|, 1) * confidence``, so every event counts and
stronger acts count more. For each domain D (``unspecified`` included, as its own row), ``engagement(A, D)`` is
the sum of the weights of A's events with T in D, and ``share(A, D) = engagement(A, D) / sum over B of
engagement(B, D)``. Cooperation is the part of the share from quad classes 1-2, pressure the part from 3-4 (so
they add up to the share). Powers are ranked per domain by share; equal shares are ranked by number of events,
then by how often the power is mentioned in the period's articles, then by code.

How much evidence stands behind a cell: its events, its distinct articles and distinct named outlets
(``Article.source`` of those articles; an article without one names none), its ``reports`` (each event counted
once for its article and once more per near-duplicate copy of that article: the evidence weight of repetition,
which never changes a share), and a 95% interval for its share: the Wilson score interval with the domain's
effective number of events ``n = (sum w)^2 / sum w^2`` (Kish), which is the event count itself when all weights
are equal. A cell with fewer than ``THIN_EVENTS`` events is ``thin``. The interval treats events as independent
draws; events of one article are not, so read a narrow interval over few articles with care. The profile also
gives the outlet mix of the period: the outlets whose articles its events come from, with their share of the
events.

Beside each cell: the ids of up to ``MAX_CELL_IDS`` of its events per side (the most recently stored), and the
``Store.events`` filters that list all of them.

``influence_series`` gives the same shares per year or month for the leading powers of each domain (the ``top``
powers by engagement over the whole period), one flat row per (period, domain, power).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import duckdb

from realpolitik.model import DOMAINS
from realpolitik.store.queries import COMPLETE_SQL, actor_names, fetch_dicts, quad_sql

MAX_CELL_IDS = 50
FIRST_ID_WINDOW = 65_536  # row ids scanned first when sampling a cell's newest event ids
THIN_EVENTS = 5  # a cell with fewer events is marked thin
Z95 = 1.959964  # the normal quantile of a two-sided 95% interval
TOP_OUTLETS = 10
SERIES_BY = {"year": "%Y", "month": "%Y-%m"}
SERIES_COLUMNS = (
    "period", "start", "end", "domain", "rank", "code", "name", "share", "share_low", "share_high",
    "cooperation", "pressure", "events", "articles", "outlets", "domain_events", "thin",
)  # fmt: skip

# An event's weight in the influence profile (documented in the module docstring and README).
WEIGHT_SQL = "greatest(abs(coalesce(e.goldstein, 0.0)), 1.0) * coalesce(e.confidence, 1.0)"

# Complete, canonical events between two different codes, within an optional period.
COUNTED = f"""
{COMPLETE_SQL} AND e.canonical AND e.source_code <> e.target_code
AND ($start IS NULL OR e.published >= $start) AND ($end IS NULL OR e.published <= $end)
"""
_PARTNER = "CASE WHEN e.target_code = $target THEN e.source_code ELSE e.target_code END"
_SIDE_SQL = (
    f"CASE WHEN {quad_sql()} IN (1, 2) THEN 'cooperation' WHEN {quad_sql()} IN (3, 4) THEN 'pressure' "
    "ELSE 'other' END"
)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def wilson(share: float, n: float, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval of a proportion ``share`` observed over ``n`` (effective) events."""
    if n <= 0:
        return 0.0, 1.0
    p = min(max(share, 0.0), 1.0)
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


def effective_n(weight: float, weight_sq: float) -> float:
    """Kish's effective number of events of weights summing to ``weight`` with squares summing to ``weight_sq``."""
    return weight * weight / weight_sq if weight_sq > 0 else 0.0


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
    """One power's engagement with the target in one domain, and the evidence behind it."""

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
    articles: int = 0
    outlets: int = 0
    share_low: float = 0.0
    share_high: float = 1.0

    @property
    def thin(self) -> bool:
        return self.events < THIN_EVENTS

    def to_json(self) -> dict[str, Any]:
        return {
            "rank": self.rank,
            "code": self.code,
            "name": self.name,
            "share": round(self.share, 4),
            "share_low": round(self.share_low, 4),
            "share_high": round(self.share_high, 4),
            "weight": round(self.weight, 4),
            "events": self.events,
            "articles": self.articles,
            "outlets": self.outlets,
            "reports": self.reports,
            "thin": self.thin,
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
    articles: int = 0
    effective_events: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "domain": self.domain,
            "weight": round(self.weight, 4),
            "events": self.events,
            "articles": self.articles,
            "effective_events": round(self.effective_events, 2),
            "powers": [p.to_json() for p in self.powers],
        }


@dataclass(frozen=True)
class OutletShare:
    """One outlet's part of the events a profile counts."""

    outlet: str | None
    events: int
    articles: int
    share: float

    def to_json(self) -> dict[str, Any]:
        return {
            "outlet": self.outlet,
            "events": self.events,
            "articles": self.articles,
            "share": round(self.share, 4),
        }


@dataclass(frozen=True)
class InfluenceProfile:
    target: str
    name: str
    start: date | None
    end: date | None
    domains: list[DomainProfile]
    articles: int = 0
    outlets: list[OutletShare] = field(default_factory=list)
    outlet_count: int = 0

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
            "articles": self.articles,
            "weight": "max(|goldstein|, 1) * confidence",
            "interval": "Wilson 95% over the domain's effective events (sum w)^2 / sum w^2",
            "thin_below": THIN_EVENTS,
            "outlet_count": self.outlet_count,
            "outlet_mix": [o.to_json() for o in self.outlets],
            "domains": [d.to_json() for d in self.domains],
        }


def influence(
    cur: duckdb.DuckDBPyConnection, target: str, start: date | None = None, end: date | None = None
) -> InfluenceProfile:
    """The influence profile of ``target`` (see the module docstring for the formula)."""
    params = {"target": target, "start": start, "end": end}
    # The weights by (domain, partner, side) cell, in one pass over the target's events.
    cur.execute(
        f"""
        SELECT e.domain, {_PARTNER} AS partner, {_SIDE_SQL} AS side,
               sum({WEIGHT_SQL}) AS weight, sum(({WEIGHT_SQL}) ** 2) AS weight_sq, count(*) AS events,
               count(*) + sum(e.copies) AS reports, max(e.rowid) AS newest
        FROM events e
        WHERE (e.target_code = $target OR e.source_code = $target) AND {COUNTED}
        GROUP BY 1, 2, 3
        """,
        params,
    )
    rows = fetch_dicts(cur)
    evidence = _evidence(cur, params)
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
        weight_sq = sum(r["weight_sq"] for r in rows if r["domain"] == name)
        n_eff = effective_n(total, weight_sq)

        def side(c: dict[str, Any], key: str, total: float = total) -> Side:
            weight, events, event_ids = c.get(key, (0.0, 0, []))
            return Side(weight / total if total else 0.0, weight, events, event_ids)

        powers = []
        for rank, (partner, c) in enumerate(in_domain, start=1):
            share = c["weight"] / total if total else 0.0
            low, high = wilson(share, n_eff)
            pair = evidence.get((name, partner), {})
            powers.append(
                PowerShare(
                    rank=rank,
                    code=partner,
                    name=names[partner],
                    share=share,
                    weight=c["weight"],
                    events=c["events"],
                    reports=c["reports"],
                    cooperation=side(c, "cooperation"),
                    pressure=side(c, "pressure"),
                    query=cell_query(target, partner, name, start, end),
                    articles=int(pair.get("articles") or 0),
                    outlets=int(pair.get("outlets") or 0),
                    share_low=low,
                    share_high=high,
                )
            )
        domains.append(
            DomainProfile(
                name,
                total,
                sum(c["events"] for _, c in in_domain),
                powers,
                int(evidence.get((name, None), {}).get("articles") or 0),
                n_eff,
            )
        )
    outlets = sorted(
        (r for key, r in evidence.items() if key[0] == "outlet"),
        key=lambda r: (-r["events"], r["outlet"] or "~"),
    )
    total_events = sum(r["events"] for r in outlets)
    mix = [
        OutletShare(r["outlet"], int(r["events"]), int(r["articles"]), r["events"] / total_events)
        for r in outlets[:TOP_OUTLETS]
    ]
    overall = evidence.get((None, None), {})
    return InfluenceProfile(
        target, names[target], start, end, domains, int(overall.get("articles") or 0), mix, len(outlets)
    )


def cell_query(
    target: str, partner: str, domain: str, start: date | None, end: date | None
) -> dict[str, Any]:
    """The ``Store.events`` filters that list exactly the events of one cell."""
    return {
        "actor": target,
        "partner": partner,
        "domain": domain,
        "complete": True,
        "canonical": True,
        "start": _iso(start),
        "end": _iso(end),
    }


def _evidence(
    cur: duckdb.DuckDBPyConnection, params: dict[str, Any]
) -> dict[tuple[Any, Any], dict[str, Any]]:
    """Distinct articles and outlets per (domain, partner), per domain ``(domain, None)`` and overall
    ``(None, None)``, and events and articles per outlet ``("outlet", name)``.

    Counted over the distinct (domain, partner, article) triples first, joined to their articles' outlets
    afterwards: distinct counts and the join then run over far fewer rows than the events.
    """
    cur.execute(
        f"""
        WITH triples AS (
            SELECT e.domain, {_PARTNER} AS partner, e.article_id, count(*) AS events
            FROM events e
            WHERE (e.target_code = $target OR e.source_code = $target) AND {COUNTED}
            GROUP BY 1, 2, 3),
        tagged AS (SELECT t.*, a.source FROM triples t LEFT JOIN articles a ON a.id = t.article_id)
        SELECT domain, partner, source AS outlet, sum(events) AS events,
               count(DISTINCT article_id) AS articles, count(DISTINCT source) AS outlets,
               grouping(domain, partner, source) AS level
        FROM tagged GROUP BY GROUPING SETS ((domain, partner), (domain), (), (source))
        """,
        params,
    )
    out: dict[tuple[Any, Any], dict[str, Any]] = {}
    for r in fetch_dicts(cur):
        if r["level"] == 1:
            out[(r["domain"], r["partner"])] = r
        elif r["level"] == 3:
            out[(r["domain"], None)] = r
        elif r["level"] == 7:
            out[(None, None)] = r
        else:
            out[("outlet", r["outlet"])] = r
    return out


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
            SELECT domain, {_PARTNER} AS partner, {_SIDE_SQL} AS side, max_by(e.id, e.rowid, {MAX_CELL_IDS}) AS ids
            FROM events e
            WHERE e.rowid >= $low AND e.rowid < $high
              AND (e.target_code = $target OR e.source_code = $target) AND {COUNTED}
              AND ({_PARTNER}) IN (SELECT unnest($pending))
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
class InfluenceSeries:
    """The shares of the leading powers of each domain per period: one flat row per (period, domain, power)."""

    target: str
    name: str
    by: str
    start: date | None
    end: date | None
    rows: list[dict[str, Any]]

    def to_json(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "name": self.name,
            "by": self.by,
            "start": _iso(self.start),
            "end": _iso(self.end),
            "weight": "max(|goldstein|, 1) * confidence",
            "interval": "Wilson 95% over the period's effective events in the domain",
            "rows": [dict(r) for r in self.rows],
        }


def influence_series(
    cur: duckdb.DuckDBPyConnection,
    target: str,
    by: str = "year",
    start: date | None = None,
    end: date | None = None,
    top: int = 5,
    domain: str | None = None,
) -> InfluenceSeries:
    """Each domain's shares per ``by`` (year or month) for its ``top`` leading powers over the whole period
    (ranked as in the profile, without the salience tie-break): the profile's formula applied to each period's
    dated events. A leading power without events in a period where its domain has some gets a zero row, so a
    line shows its absence; periods where the domain has no events have no rows."""
    if by not in SERIES_BY:
        raise ValueError(f"by must be one of {', '.join(SERIES_BY)}")
    cur.execute(
        f"""
        SELECT strftime(e.published, '{SERIES_BY[by]}') AS period, e.domain, {_PARTNER} AS partner,
               sum({WEIGHT_SQL}) AS weight, sum(({WEIGHT_SQL}) ** 2) AS weight_sq, count(*) AS events,
               count(DISTINCT e.article_id) AS articles, count(DISTINCT a.source) AS outlets,
               coalesce(sum({WEIGHT_SQL}) FILTER (WHERE {quad_sql()} IN (1, 2)), 0) AS cooperation,
               coalesce(sum({WEIGHT_SQL}) FILTER (WHERE {quad_sql()} IN (3, 4)), 0) AS pressure
        FROM events e LEFT JOIN articles a ON a.id = e.article_id
        WHERE (e.target_code = $target OR e.source_code = $target) AND e.published IS NOT NULL
          AND ($domain IS NULL OR e.domain = $domain) AND {COUNTED}
        GROUP BY 1, 2, 3
        """,
        {"target": target, "start": start, "end": end, "domain": domain},
    )
    cells: list[dict[str, Any]] = fetch_dicts(cur)
    overall: dict[tuple[str, str], list[float]] = {}
    periods: dict[tuple[str, str], dict[str, float]] = {}
    for c in cells:
        total = overall.setdefault((c["domain"], c["partner"]), [0.0, 0])
        total[0] += c["weight"]
        total[1] += c["events"]
        slot = periods.setdefault((c["domain"], c["period"]), {"weight": 0.0, "weight_sq": 0.0, "events": 0})
        slot["weight"] += c["weight"]
        slot["weight_sq"] += c["weight_sq"]
        slot["events"] += c["events"]
    by_cell = {(c["domain"], c["period"], c["partner"]): c for c in cells}
    found = {d for d, _ in overall}
    leaders: dict[str, list[str]] = {}
    for name in [*DOMAINS, *sorted(found - set(DOMAINS))]:
        keyed = [(-round(w, 9), -n, p) for (d, p), (w, n) in overall.items() if d == name]
        ranked = [p for *_, p in sorted(keyed)]
        if ranked:
            leaders[name] = ranked[:top]
    names = actor_names(cur, sorted({target} | {p for ps in leaders.values() for p in ps}))
    rows = []
    for name, powers in leaders.items():
        for period in sorted(p for d, p in periods if d == name):
            slot = periods[(name, period)]
            n_eff = effective_n(slot["weight"], slot["weight_sq"])
            first, last = period_bounds(period)
            for rank, code in enumerate(powers, start=1):
                c = by_cell.get((name, period, code)) or {}
                weight = float(c["weight"]) if c else 0.0
                share = weight / slot["weight"] if slot["weight"] else 0.0
                low, high = wilson(share, n_eff)
                events = int(c["events"]) if c else 0
                rows.append(
                    {
                        "period": period,
                        "start": first,
                        "end": last,
                        "domain": name,
                        "rank": rank,
                        "code": code,
                        "name": names[code],
                        "share": round(share, 4),
                        "share_low": round(low, 4),
                        "share_high": round(high, 4),
                        "cooperation": round(float(c["cooperation"]) / slot["weight"], 4) if c else 0.0,
                        "pressure": round(float(c["pressure"]) / slot["weight"], 4) if c else 0.0,
                        "events": events,
                        "articles": int(c["articles"]) if c else 0,
                        "outlets": int(c["outlets"]) if c else 0,
                        "domain_events": int(slot["events"]),
                        "thin": events < THIN_EVENTS,
                    }
                )
    return InfluenceSeries(target, names[target], by, start, end, rows)


def period_bounds(period: str) -> tuple[str, str]:
    """The first and last day of a period label ``YYYY`` or ``YYYY-MM``."""
    import calendar

    if len(period) == 4:
        return f"{period}-01-01", f"{period}-12-31"
    year, month = (int(p) for p in period.split("-"))
    return f"{period}-01", f"{period}-{calendar.monthrange(year, month)[1]:02d}"


def active_years(cur: duckdb.DuckDBPyConnection, target: str) -> list[int]:
    """The years in which the target has events that a profile counts, oldest first."""
    cur.execute(
        f"SELECT DISTINCT year(e.published) FROM events e WHERE (e.target_code = $target OR e.source_code = "
        f"$target) AND e.published IS NOT NULL AND {COUNTED} ORDER BY 1",
        {"target": target, "start": None, "end": None},
    )
    return [int(y) for (y,) in cur.fetchall()]
