"""Record queries over the store: pages of events, articles and statements, one article in full, actors.

Every function takes a DuckDB cursor. Events, statements and mentions come back as records of
``realpolitik.model`` (``Listed`` adds a listing's context), which ``realpolitik.render`` turns into JSON for the
CLI, the REST API, exports and the dashboard alike; articles and actors are plain dicts. Values are always bound parameters. Pages are ordered by
published date (newest first) then id, and continue from an opaque keyset cursor, so deep pages cost the same as
the first one.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

import duckdb

from realpolitik.errors import QueryError
from realpolitik.model import PLOVER_TYPES, Event, Listed, Mention, Statement, replace
from realpolitik.store.records import record_from_row

# Effective quad class: the stored one, else the one the PLOVER type implies (types are listed by quad).
_QUAD_OF_TYPE = " ".join(
    f"WHEN '{t}' THEN {1 if i < 4 else 2 if i < 7 else 3 if i < 11 else 4}"
    for i, t in enumerate(PLOVER_TYPES)
)


def quad_sql(alias: str = "e") -> str:
    return f"coalesce({alias}.quad_class, CASE {alias}.type {_QUAD_OF_TYPE} END)"


# A complete event: asserted, both actors resolved to a code, and two different actors: different codes, or one
# code with two different known sectors (a government against its own opposition). Profiles, the default views
# of the dashboard and exports count only these; everything else stays listed on request.
COMPLETE_SQL = (
    "(e.modality = 'asserted' AND e.source_code IS NOT NULL AND e.target_code IS NOT NULL "
    "AND (e.source_code <> e.target_code OR (e.source_sector IS NOT NULL AND e.target_sector IS NOT NULL "
    "AND e.source_sector <> e.target_sector)))"
)

# Date used for ordering: records without a date sort last. Events carry their article's date.
ORDER_DATE = "coalesce(a.published, DATE '0001-01-01')"
EVENT_ORDER_DATE = "coalesce(e.published, DATE '0001-01-01')"
SIDES = {"cooperation": (1, 2), "pressure": (3, 4)}


@dataclass(frozen=True)
class Page:
    items: list[Any]  # Listed records (events, statements) or plain dicts (articles)
    next_cursor: str | None
    limit: int

    def to_json(self) -> dict[str, Any]:
        return {"items": self.items, "next_cursor": self.next_cursor, "limit": self.limit}


def fetch_dicts(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description or ()]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def encode_cursor(day: date, key: str) -> str:
    raw = json.dumps([day.isoformat(), key]).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(token: str) -> tuple[date, str]:
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        day, key = json.loads(raw)
        return date.fromisoformat(day), str(key)
    except (ValueError, TypeError, binascii.Error, json.JSONDecodeError) as exc:
        raise QueryError("invalid cursor; use the next_cursor of a previous page") from exc


@lru_cache(maxsize=512)
def _country_name(code: str) -> str | None:
    import pycountry

    country = pycountry.countries.get(alpha_3=code)
    return getattr(country, "name", None) if country else None


def actor_names(cur: duckdb.DuckDBPyConnection, codes: list[str]) -> dict[str, str]:
    """A display name per actor code: the most frequent name its state/organisation mentions resolved to,
    else the ISO 3166 name, else the code itself."""
    names: dict[str, str] = {}
    if codes:
        cur.execute(
            "SELECT code, mode(name) FROM mentions WHERE code IN (SELECT unnest(?)) AND name IS NOT NULL "
            "AND kind IN ('state', 'igo', 'region', 'group') GROUP BY code",
            [codes],
        )
        names.update({code: name for code, name in cur.fetchall()})
    return {c: (names[c] if names.get(c) not in (None, c) else None) or _country_name(c) or c for c in codes}


class Where:
    """AND-ed SQL conditions with their positional parameters, built side by side."""

    def __init__(self) -> None:
        self.clauses: list[str] = []
        self.params: list[Any] = []
        self.needs_article = False  # a clause reads the article row (alias a)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def period(self, start: date | str | None, end: date | str | None, column: str = "a.published") -> None:
        if start is not None:
            self.add(f"{column} >= ?", start)
        if end is not None:
            self.add(f"{column} <= ?", end)

    def after(self, cursor: str | None, key: str, order_date: str = ORDER_DATE) -> None:
        if cursor:
            day, last = decode_cursor(cursor)
            self.add(f"({order_date} < ? OR ({order_date} = ? AND {key} > ?))", day, day, last)

    def sql(self) -> str:
        return " AND ".join(self.clauses) if self.clauses else "TRUE"


def _page(rows: list[dict[str, Any]], limit: int, key: str) -> tuple[list[dict[str, Any]], str | None]:
    """Trim the look-ahead row and make the cursor from the last row kept."""
    if len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    last = rows[-1]
    return rows, encode_cursor(last["_order_date"], last[key])


@dataclass(frozen=True)
class EventFilter:
    """Filters of ``Store.events``. ``actor`` matches either side; with ``partner`` (or ``dyad=(a, b)``) it
    selects the events between the two, both directions (``target`` with ``partner`` and no ``actor`` does the
    same: the cells of an influence profile); ``source``/``target`` alone are directed. ``quad`` is one quad
    class or several; ``side`` is ``cooperation`` (quad 1-2) or ``pressure`` (quad 3-4). ``canonical`` leaves out
    near-duplicate copies; ``complete`` keeps complete events only (``COMPLETE_SQL``). ``q`` searches the evidence
    text and the actors' names and words."""

    actor: str | None = None
    partner: str | None = None
    dyad: tuple[str, str] | list[str] | None = None
    source: str | None = None
    target: str | None = None
    type: str | None = None
    quad_class: int | None = None
    quad: int | tuple[int, ...] | list[int] | None = None
    side: str | None = None
    domain: str | None = None
    modality: str | None = None
    start: date | str | None = None
    end: date | str | None = None
    q: str | None = None
    article_id: str | None = None
    canonical: bool = False
    complete: bool = False

    def __post_init__(self) -> None:
        # Dates may come as ISO strings (e.g. the ``query`` of an influence cell after a JSON round trip).
        for name in ("start", "end"):
            value = getattr(self, name)
            if isinstance(value, str):
                try:
                    object.__setattr__(self, name, date.fromisoformat(value))
                except ValueError as exc:
                    raise QueryError(f"{name} must be a date YYYY-MM-DD: {value!r}") from exc

    def where(self) -> Where:
        w = Where()
        actor, partner, target = self.actor, self.partner, self.target
        if partner and not actor and target:
            actor, target = target, None
        if self.dyad is not None:
            if len(self.dyad) != 2:
                raise QueryError("dyad needs exactly two actor codes")
            actor, partner = self.dyad[0], self.dyad[1]
        if actor and partner:
            w.add(
                "((e.source_code = ? AND e.target_code = ?) OR (e.source_code = ? AND e.target_code = ?))",
                actor,
                partner,
                partner,
                actor,
            )
        elif actor or partner:
            w.add("(e.source_code = ? OR e.target_code = ?)", actor or partner, actor or partner)
        for column, value in (
            ("e.source_code", self.source),
            ("e.target_code", target),
            ("e.type", self.type),
            ("e.domain", self.domain),
            ("e.modality", self.modality),
            ("e.article_id", self.article_id),
        ):
            if value is not None:
                w.add(f"{column} = ?", value)
        if self.quad_class is not None:
            w.add(f"{quad_sql()} = ?", int(self.quad_class))
        if self.quad is not None:
            quads = [self.quad] if isinstance(self.quad, int) else list(self.quad)
            if not quads:
                raise QueryError("quad needs at least one quad class")
            w.add(f"{quad_sql()} IN ({', '.join('?' for _ in quads)})", *[int(x) for x in quads])
        if self.side is not None:
            if self.side not in SIDES:
                raise QueryError(f"side must be one of {', '.join(SIDES)}")
            w.add(f"{quad_sql()} IN (?, ?)", *SIDES[self.side])
        if self.canonical:
            w.add("e.canonical")
        if self.complete:
            w.add(COMPLETE_SQL)
        w.period(self.start, self.end, "e.published")
        if self.q:
            w.needs_article = True
            pattern = f"%{self.q}%"
            w.add(
                "(substring(a.text, e.start + 1, e.end - e.start) ILIKE ? OR e.source_name ILIKE ? "
                "OR e.target_name ILIKE ? OR e.source_text ILIKE ? OR e.target_text ILIKE ?)",
                *([pattern] * 5),
            )
        return w


_NO_DATE = date(1, 1, 1)


def _event_rows(
    cur: duckdb.DuckDBPyConnection, where: Where, order: str, limit: int | None
) -> list[dict[str, Any]]:
    """Full event rows, with their article's date, title and the evidence text, for a filtered page.

    Three small queries instead of one: the page is chosen by row id (narrow sort), then the wide event
    columns are read for those rows only, and article texts only for their articles; a single join would read
    every article's text (the join cannot skip them) and carry wide rows through the sort.
    """
    tail = "LIMIT ?" if limit is not None else ""
    params = [*where.params, limit] if limit is not None else where.params
    cur.execute(
        f"SELECT e.rowid FROM events e {'JOIN articles a ON a.id = e.article_id' if where.needs_article else ''} "
        f"WHERE {where.sql()} "
        f"ORDER BY {order} {tail}",
        params,
    )
    rowids = [r[0] for r in cur.fetchall()]
    if not rowids:
        return []
    cur.execute(
        f"SELECT e.rowid AS _rid, e.*, {quad_sql()} AS _quad FROM events e WHERE e.rowid IN (SELECT unnest(?))",
        [rowids],
    )
    by_rowid = {r["_rid"]: r for r in fetch_dicts(cur)}
    rows = [by_rowid[rid] for rid in rowids]
    _add_article_fields(cur, rows)
    for r in rows:
        r["_order_date"] = r["published"] or _NO_DATE  # events carry their article's date
    return rows


def _add_article_fields(cur: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]]) -> None:
    """Set ``text`` of each row to its span of its article's text (records store offsets, never copies), and
    the article's title, outlet and URL."""
    if not rows:
        return
    cur.execute(
        "SELECT id, text, title, source, url FROM articles WHERE id IN (SELECT unnest(?))",
        [list({r["article_id"] for r in rows})],
    )
    found = {aid: (text, title, source, url) for aid, text, title, source, url in cur.fetchall()}
    for r in rows:
        text, r["article_title"], r["article_source"], r["article_url"] = found[r["article_id"]]
        r["text"] = text[r["start"] : r["end"]]


def listed_event(row: dict[str, Any]) -> Listed:
    """One stored event row as a record with its evidence text, article date and title."""
    event = record_from_row(Event, row)
    if event.quad_class is None:
        event = replace(event, quad_class=row["_quad"])
    return Listed(
        event, row["text"], row["published"], row["article_title"], row["article_source"], row["article_url"]
    )


def events(cur: duckdb.DuckDBPyConnection, filters: EventFilter, cursor: str | None, limit: int) -> Page:
    w = filters.where()
    w.after(cursor, "e.id", EVENT_ORDER_DATE)
    rows, next_cursor = _page(_event_rows(cur, w, f"{EVENT_ORDER_DATE} DESC, e.id", limit + 1), limit, "id")
    return Page([listed_event(r) for r in rows], next_cursor, limit)


def listed_statement(row: dict[str, Any]) -> Listed:
    """One stored statement row as a record with its content text and its article's date and title."""
    return Listed(
        record_from_row(Statement, row),
        row["text"],
        row.get("published"),
        row.get("article_title"),
        row.get("article_source"),
        row.get("article_url"),
    )


def statements(
    cur: duckdb.DuckDBPyConnection,
    speaker: str | None,
    about: str | None,
    start: date | None,
    end: date | None,
    cursor: str | None,
    limit: int,
) -> Page:
    """Statements, newest first; ``speaker`` is a speaker's actor code or words of its name, ``about`` an
    actor code among the stances."""
    w = Where()
    if speaker:
        w.add("(s.speaker_code = ? OR s.speaker_name ILIKE ?)", speaker, f"%{speaker}%")
    if about:
        w.add("list_contains(list_transform(s.stances, lambda x: x.code), ?)", about)
    w.period(start, end)
    w.after(cursor, "s.id")
    cur.execute(
        f"SELECT s.*, a.published, {ORDER_DATE} AS _order_date "
        f"FROM statements s JOIN articles a ON a.id = s.article_id WHERE {w.sql()} "
        "ORDER BY _order_date DESC, s.id LIMIT ?",
        [*w.params, limit + 1],
    )
    rows, next_cursor = _page(fetch_dicts(cur), limit, "id")
    _add_article_fields(cur, rows)
    return Page([listed_statement(r) for r in rows], next_cursor, limit)


def articles(
    cur: duckdb.DuckDBPyConnection,
    q: str | None,
    source: str | None,
    start: date | None,
    end: date | None,
    cursor: str | None,
    limit: int,
) -> Page:
    """Articles (without their text), newest first, with their numbers of events and statements."""
    w = Where()
    if q:
        w.add("(a.title ILIKE ? OR a.text ILIKE ?)", f"%{q}%", f"%{q}%")
    if source:
        w.add("a.source = ?", source)
    w.period(start, end)
    w.after(cursor, "a.id")
    cur.execute(
        "SELECT a.id, a.title, a.published, a.url, a.source, a.lang, a.author, a.duplicate_of, "
        f"length(a.text) AS chars, {ORDER_DATE} AS _order_date FROM articles a WHERE {w.sql()} "
        "ORDER BY _order_date DESC, a.id LIMIT ?",
        [*w.params, limit + 1],
    )
    rows, next_cursor = _page(fetch_dicts(cur), limit, "id")
    counts: dict[str, dict[str, int]] = {r["id"]: {"events": 0, "statements": 0} for r in rows}
    if rows:
        ids = list(counts)
        for table, name in (("events", "events"), ("statements", "statements")):
            cur.execute(
                f"SELECT article_id, count(*) FROM {table} WHERE article_id IN (SELECT unnest(?)) GROUP BY 1",
                [ids],
            )
            for aid, n in cur.fetchall():
                counts[aid][name] = n
    items = []
    for r in rows:
        r.pop("_order_date")
        r["published"] = _iso(r["published"])
        items.append({**r, **counts[r["id"]]})
    return Page(items, next_cursor, limit)


def article(cur: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    cur.execute("SELECT * FROM articles WHERE id = ?", [article_id])
    found = fetch_dicts(cur)
    if not found:
        return None
    out = found[0]
    published = out["published"]
    out["published"] = _iso(published)
    text: str = out["text"]
    cur.execute(
        'SELECT "index", start, "end" FROM sentences WHERE article_id = ? ORDER BY "index"', [article_id]
    )
    out["sentences"] = fetch_dicts(cur)
    cur.execute('SELECT * FROM mentions WHERE article_id = ? ORDER BY start, "end"', [article_id])
    out["mentions"] = [record_from_row(Mention, r) for r in fetch_dicts(cur)]
    where = Where()
    where.add("e.article_id = ?", article_id)
    out["events"] = [listed_event(r) for r in _event_rows(cur, where, "e.start, e.id", None)]
    cur.execute("SELECT * FROM statements WHERE article_id = ? ORDER BY start, id", [article_id])
    out["statements"] = [
        listed_statement(
            {
                **r,
                "published": published,
                "article_title": out["title"],
                "article_source": out["source"],
                "article_url": out["url"],
                "text": text[r["start"] : r["end"]],
            }
        )
        for r in fetch_dicts(cur)
    ]
    cur.execute("SELECT id FROM articles WHERE duplicate_of = ? ORDER BY id", [article_id])
    out["duplicates"] = [r[0] for r in cur.fetchall()]
    return out


def actors(cur: duckdb.DuckDBPyConnection, q: str | None, limit: int) -> list[dict[str, Any]]:
    """Actor codes seen in the store: most frequent name and kind, mentions, events (asserted among them)."""
    cur.execute(
        """
        WITH m AS (
            SELECT code, count(*) AS mentions, mode(name) AS name, mode(kind) AS kind
            FROM mentions WHERE code IS NOT NULL GROUP BY code),
        sides AS (
            SELECT source_code AS code, modality FROM events WHERE source_code IS NOT NULL
            UNION ALL
            SELECT target_code, modality FROM events WHERE target_code IS NOT NULL),
        ev AS (
            SELECT code, count(*) AS events, count(*) FILTER (WHERE modality = 'asserted') AS asserted
            FROM sides GROUP BY code)
        SELECT coalesce(m.code, ev.code) AS code, m.name, m.kind, coalesce(m.mentions, 0) AS mentions,
               coalesce(ev.events, 0) AS events, coalesce(ev.asserted, 0) AS asserted_events
        FROM m FULL OUTER JOIN ev ON m.code = ev.code
        WHERE ? IS NULL OR coalesce(m.code, ev.code) ILIKE ? OR m.name ILIKE ?
        ORDER BY events DESC, mentions DESC, code
        LIMIT ?
        """,
        [q, q, f"%{q}%", limit],
    )
    rows = fetch_dicts(cur)
    unnamed = [r["code"] for r in rows if not r["name"]]
    if unnamed:
        names = actor_names(cur, unnamed)
        for r in rows:
            r["name"] = r["name"] or names[r["code"]]
    return rows


def known_codes(cur: duckdb.DuckDBPyConnection, codes: list[str]) -> set[str]:
    """The codes among ``codes`` the store has seen: resolved in a mention, or on a side of an event."""
    if not codes:
        return set()
    cur.execute(
        "SELECT code FROM mentions WHERE code IN (SELECT unnest($c)) "
        "UNION SELECT source_code FROM events WHERE source_code IN (SELECT unnest($c)) "
        "UNION SELECT target_code FROM events WHERE target_code IN (SELECT unnest($c))",
        {"c": codes},
    )
    return {r[0] for r in cur.fetchall()}


def codes_named(cur: duckdb.DuckDBPyConnection, name: str) -> list[str]:
    """Codes of states, organisations, regions and groups whose resolved name or words in an article are
    ``name`` (any case), the most mentioned first."""
    cur.execute(
        "SELECT code FROM mentions WHERE code IS NOT NULL AND kind IN ('state', 'igo', 'region', 'group') "
        "AND (lower(name) = lower(?) OR lower(text) = lower(?)) GROUP BY code ORDER BY count(*) DESC, code",
        [name, name],
    )
    return [r[0] for r in cur.fetchall()]
