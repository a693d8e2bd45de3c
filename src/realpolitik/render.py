"""Records to JSON and CSV, in one place. The CLI's JSON Lines contract (``analyze --json``), the REST API, the
exports and the dashboard all render through these functions, so one record has one shape everywhere.

- ``event``, ``statement``, ``mention``, ``actor_ref``, ``speaker``, ``stance``: one record each; an event or a
  statement carries ``text``, its evidence span (records store offsets, never copies).
- ``analysis``: one analyzed article, the CLI contract of ``../shared/docs/architecture.md``.
- ``listed``: a stored event or statement as a listing shows it (its article's id, date, title, outlet and URL).
- ``jsonable``: any store result (records, aggregates with ``to_json()``, pages, dates) as plain JSON values.
- ``flat`` and ``csv_text``: the same JSON as flat CSV rows (nested keys joined with ``_``, lists with ``;``);
  ``listed_columns`` the columns of a listing, so an empty page has its header too.
- ``influence_rows``: an influence profile as one flat row per (domain, power), the table of its CSV.
- ``layout_rows``: listed events in another event-data layout, ``gdelt`` or ``icews`` (below).

Layouts. Both map the JSON of ``listed`` (nothing else), column by column; a field we do not have stays empty.

``gdelt``: the 61 columns of the GDELT 2.0 event table (``GDELT_COLUMNS``), in its order. GLOBALEVENTID is our
event id (a string, not GDELT's integer); SQLDATE, MonthYear, Year and FractionDate come from the article's
published date (FractionDate = year + (month * 30 + day) / 365, GDELT's formula); ActorNCode is our code followed
by the sector (``RUSGOV``, CAMEO's actor-code shape), ActorNName our name, ActorNCountryCode the code when it is an
ISO 3166 alpha-3 country code, else ActorNKnownGroupCode holds it (CSTO, SCO, ...), ActorNType1Code the sector;
IsRootEvent is 1 for an event in the article's first sentence; EventCode is the CAMEO code, EventBaseCode and
EventRootCode its first three and two digits; QuadClass and GoldsteinScale ours; NumMentions, NumSources and
NumArticles are 1 (one event of one article; near-duplicate copies are not rows); SOURCEURL is the article's URL.
Empty: ethnic, religion, Type2/Type3 codes, AvgTone, every geography column, DATEADDED.

``icews``: the 20 columns of an ICEWS coded-event file (``ICEWS_COLUMNS``), in its order. Event ID is our id;
Event Date the published date; Source/Target Name our name, Sectors our sector code, Country the ISO 3166 name of
a state's code (empty for organisations and groups); Event Text is the PLOVER type (ICEWS puts the CAMEO label
there; CAMEO Code has the code); Intensity is the Goldstein score; Story ID the article id; Sentence Number the
sentence index + 1 (ICEWS counts from 1); Publisher the article's outlet. Empty: City, District, Province,
Country, Latitude, Longitude (we do not geolocate).
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import math
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from realpolitik.model import (
    Actor,
    ActorRef,
    Analysis,
    Event,
    Listed,
    Mention,
    Role,
    Speaker,
    Stance,
    Statement,
)


def actor_ref(ref: ActorRef | None) -> dict[str, Any] | None:
    if ref is None:
        return None
    return {"code": ref.code, "sector": ref.sector, "name": ref.name, "text": ref.text}


def event(record: Event, text: str) -> dict[str, Any]:
    """One event; ``text`` is its evidence span."""
    return {
        "id": record.id,
        "sentence_index": record.sentence_index,
        "start": record.start,
        "end": record.end,
        "text": text,
        "source": actor_ref(record.source),
        "target": actor_ref(record.target),
        "type": record.type,
        "mode": record.mode,
        "contexts": list(record.contexts),
        "domain": record.domain,
        "modality": record.modality,
        "cameo": record.cameo,
        "quad_class": record.quad_class,
        "goldstein": record.goldstein,
        "confidence": round(record.confidence, 3),
        "rule": record.rule,
    }


def speaker(record: Speaker) -> dict[str, Any]:
    return {"name": record.name, "type": record.type, "code": record.code, "sector": record.sector}


def stance(record: Stance) -> dict[str, Any]:
    return {
        "code": record.code,
        "polarity": round(record.polarity, 3),
        "start": record.start,
        "end": record.end,
    }


def statement(record: Statement, text: str) -> dict[str, Any]:
    """One statement; ``text`` is its content span."""
    return {
        "id": record.id,
        "start": record.start,
        "end": record.end,
        "text": text,
        "form": record.form,
        "cue": record.cue,
        "speaker": speaker(record.speaker),
        "stances": [stance(s) for s in record.stances],
    }


def mention(record: Mention) -> dict[str, Any]:
    return {
        "start": record.start,
        "end": record.end,
        "text": record.text,
        "actor_id": record.actor_id,
        "code": record.code,
        "sector": record.sector,
        "name": record.name,
        "kind": record.kind,
        "role": record.role,
        "country": record.country,
        "score": round(record.score, 3),
        "via": record.via,
    }


def actor(record: Actor, role: Role | None = None) -> dict[str, Any]:
    """A knowledge-base actor as of a day: ``role`` is the office it held then (its code and sector win)."""
    return {
        "id": record.id,
        "code": role.country if role else record.code,
        "sector": role.sector if role else record.sector,
        "name": record.name,
        "kind": record.kind,
        "role": role.title if role else None,
    }


def listed(item: Listed) -> dict[str, Any]:
    """A stored event or statement with its article's id, date and title."""
    body = (
        event(item.record, item.text) if isinstance(item.record, Event) else statement(item.record, item.text)
    )
    return {
        "article_id": item.record.article_id,
        "published": item.published.isoformat() if item.published else None,
        "article_title": item.article_title,
        "article_source": item.article_source,
        "article_url": item.article_url,
        **body,
    }


def listed_columns(kind: str) -> list[str]:
    """The CSV columns of a listing of ``events`` or ``statements``, in the order ``listed`` gives them."""
    ref = ActorRef("X", "GOV", "X", "X")
    record: Event | Statement
    if kind == "events":
        record = Event("x", "x", 0, 0, 0, ref, ref, "AGREE")
    elif kind == "statements":
        record = Statement("x", "x", 0, 0, Speaker(None, "actor"))
    else:
        raise ValueError(f"no listing of {kind!r}")
    return list(flat(listed(Listed(record, ""))))


def actors(analysis: Analysis) -> list[dict[str, Any]]:
    """Resolved actors of the article with their mention counts, most mentioned first."""
    counts: Counter[str] = Counter()
    first: dict[str, dict[str, Any]] = {}
    for m in analysis.mentions:
        if m.actor_id is None or m.code is None:
            continue
        counts[m.actor_id] += 1
        first.setdefault(m.actor_id, {"code": m.code, "name": m.name, "kind": m.kind})
    return [{**first[a], "mentions": n} for a, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def analysis(record: Analysis) -> dict[str, Any]:
    """One analyzed article: the JSON Lines contract of ``realpolitik analyze --json``."""
    article = record.article
    text = article.text
    return {
        "article": {
            "id": article.id,
            "title": article.title,
            "date": article.published.isoformat() if article.published else None,
            "url": article.url,
            "source": article.source,
            "lang": article.lang,
        },
        "actors": actors(record),
        "events": [event(e, text[e.start : e.end]) for e in record.events],
        "statements": [statement(s, text[s.start : s.end]) for s in record.statements],
    }


def jsonable(value: Any) -> Any:
    """A JSON-ready copy of ``value`` (dicts, lists, str, int, float, bool, None)."""
    if value is None or isinstance(value, str | bool | int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, datetime | date):
        return value.isoformat()
    rendered = _RECORDS.get(type(value))
    if rendered is not None:
        return rendered(value)
    to_json = getattr(value, "to_json", None)
    if callable(to_json):
        return jsonable(to_json())
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, bytes):
        return value.hex()
    return str(value)


_RECORDS: dict[type, Any] = {
    Listed: listed,
    Mention: mention,
    ActorRef: actor_ref,
    Speaker: speaker,
    Stance: stance,
    Analysis: analysis,
}


def page_json(page: Any) -> dict[str, Any]:
    """``{"items": [...], "next_cursor": str | None}`` from a store page."""
    if isinstance(page, dict):
        items, cursor = page.get("items", []), page.get("next_cursor")
    else:
        items, cursor = getattr(page, "items", []), getattr(page, "next_cursor", None)
    return {"items": jsonable(list(items)), "next_cursor": cursor}


def flat(item: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """One JSON object as one CSV row: nested objects become ``parent_child`` columns, lists of scalars are
    joined with ``;`` and lists of objects are kept as JSON text."""
    row: dict[str, Any] = {}
    for key, value in item.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            row.update(flat(value, f"{name}_"))
        elif isinstance(value, list):
            if all(not isinstance(v, Mapping | list) for v in value):
                row[name] = ";".join("" if v is None else str(v) for v in value)
            else:
                row[name] = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        else:
            row[name] = value
    return row


def csv_text(rows: Iterable[Mapping[str, Any]], columns: Sequence[str] | None = None) -> str:
    """CSV with a header row; ``columns`` fixes their order (else the order keys first appear in)."""
    flat_rows = [flat(r) for r in rows]
    if columns is None:
        seen: dict[str, None] = {}
        for r in flat_rows:
            seen.update(dict.fromkeys(r))
        columns = list(seen)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for r in flat_rows:
        writer.writerow({k: "" if r.get(k) is None else r.get(k) for k in columns})
    return out.getvalue()


INFLUENCE_COLUMNS = (
    "target", "start", "end", "domain", "rank", "code", "name", "share", "share_low", "share_high",
    "cooperation", "pressure", "events", "articles", "outlets", "reports", "thin",
    "cooperation_events", "pressure_events",
)  # fmt: skip


def influence_rows(profile: Mapping[str, Any]) -> list[dict[str, Any]]:
    """An influence profile (its ``to_json()``) as one row per (domain, power): share with its interval, the
    cooperation and pressure parts, and the evidence behind the cell (``INFLUENCE_COLUMNS``)."""
    rows = []
    for domain in profile.get("domains", []):
        for p in domain.get("powers", []):
            rows.append(
                {
                    "target": profile["target"],
                    "start": profile.get("start"),
                    "end": profile.get("end"),
                    "domain": domain["domain"],
                    "rank": p["rank"],
                    "code": p["code"],
                    "name": p["name"],
                    "share": p["share"],
                    "share_low": p.get("share_low"),
                    "share_high": p.get("share_high"),
                    "cooperation": p["cooperation"]["share"],
                    "pressure": p["pressure"]["share"],
                    "events": p["events"],
                    "articles": p.get("articles"),
                    "outlets": p.get("outlets"),
                    "reports": p["reports"],
                    "thin": p.get("thin"),
                    "cooperation_events": p["cooperation"]["events"],
                    "pressure_events": p["pressure"]["events"],
                }
            )
    return rows


_ACTOR_FIELDS = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
    "Type1Code", "Type2Code", "Type3Code",
)  # fmt: skip
_GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{f}" for f in _ACTOR_FIELDS),
    *(f"Actor2{f}" for f in _ACTOR_FIELDS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{who}Geo_{f}" for who in ("Actor1", "Actor2", "Action") for f in _GEO_FIELDS),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip
ICEWS_COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
    "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number",
    "Publisher", "City", "District", "Province", "Country", "Latitude", "Longitude",
)  # fmt: skip


def _country(code: str | None) -> Any:
    """The pycountry record of an ISO 3166 alpha-3 code, or None (organisations, groups, regions)."""
    if not code or len(code) != 3:
        return None
    import pycountry

    return pycountry.countries.get(alpha_3=code.upper())


def _gdelt_actor(n: int, ref: Mapping[str, Any] | None) -> dict[str, Any]:
    ref = ref or {}
    code, sector = ref.get("code"), ref.get("sector")
    country = _country(code)
    return {
        f"Actor{n}Code": f"{code}{sector or ''}" if code else None,
        f"Actor{n}Name": ref.get("name"),
        f"Actor{n}CountryCode": code if country else None,
        f"Actor{n}KnownGroupCode": code if code and not country else None,
        f"Actor{n}Type1Code": sector,
    }


def gdelt_row(item: Mapping[str, Any]) -> dict[str, Any]:
    """One listed event in the GDELT 2.0 event table's columns (see the module docstring)."""
    row: dict[str, Any] = dict.fromkeys(GDELT_COLUMNS)
    published = item.get("published")
    if published:
        day = date.fromisoformat(published)
        row["SQLDATE"] = int(day.strftime("%Y%m%d"))
        row["MonthYear"] = int(day.strftime("%Y%m"))
        row["Year"] = day.year
        row["FractionDate"] = round(day.year + (day.month * 30 + day.day) / 365, 4)
    cameo = item.get("cameo") or None
    row |= _gdelt_actor(1, item.get("source")) | _gdelt_actor(2, item.get("target"))
    row |= {
        "GLOBALEVENTID": item["id"],
        "IsRootEvent": 1 if item.get("sentence_index") == 0 else 0,
        "EventCode": cameo,
        "EventBaseCode": cameo[:3] if cameo else None,
        "EventRootCode": cameo[:2] if cameo else None,
        "QuadClass": item.get("quad_class"),
        "GoldsteinScale": item.get("goldstein"),
        "NumMentions": 1,
        "NumSources": 1,
        "NumArticles": 1,
        "SOURCEURL": item.get("article_url"),
    }
    return row


def icews_row(item: Mapping[str, Any]) -> dict[str, Any]:
    """One listed event in the columns of an ICEWS coded-event file (see the module docstring)."""
    row: dict[str, Any] = dict.fromkeys(ICEWS_COLUMNS)
    for side, ref in (("Source", item.get("source")), ("Target", item.get("target"))):
        ref = ref or {}
        country = _country(ref.get("code"))
        row[f"{side} Name"] = ref.get("name")
        row[f"{side} Sectors"] = ref.get("sector")
        row[f"{side} Country"] = country.name if country else None
    index = item.get("sentence_index")
    row |= {
        "Event ID": item["id"],
        "Event Date": item.get("published"),
        "Event Text": item.get("type"),
        "CAMEO Code": item.get("cameo"),
        "Intensity": item.get("goldstein"),
        "Story ID": item.get("article_id"),
        "Sentence Number": index + 1 if index is not None else None,
        "Publisher": item.get("article_source"),
    }
    return row


LAYOUTS = {"gdelt": (gdelt_row, GDELT_COLUMNS), "icews": (icews_row, ICEWS_COLUMNS)}


def layout_rows(rows: Iterable[Mapping[str, Any]], layout: str) -> tuple[Iterator[dict[str, Any]], list[str]]:
    """Listed events (``listed`` JSON) in ``layout``: ``native`` (flat, ``listed_columns``), ``gdelt`` or
    ``icews``; returns the rows and their columns."""
    if layout == "native":
        return (flat(r) for r in rows), listed_columns("events")
    if layout not in LAYOUTS:
        raise ValueError(f"layout must be native, {', '.join(LAYOUTS)}")
    mapping, columns = LAYOUTS[layout]
    return (mapping(r) for r in rows), list(columns)


__all__ = [
    "GDELT_COLUMNS",
    "ICEWS_COLUMNS",
    "INFLUENCE_COLUMNS",
    "LAYOUTS",
    "actor",
    "actor_ref",
    "actors",
    "analysis",
    "csv_text",
    "event",
    "flat",
    "gdelt_row",
    "icews_row",
    "influence_rows",
    "jsonable",
    "layout_rows",
    "listed",
    "listed_columns",
    "mention",
    "page_json",
    "speaker",
    "stance",
    "statement",
]
