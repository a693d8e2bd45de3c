"""Records to JSON and CSV, in one place. The CLI's JSON Lines contract (``analyze --json``), the REST API, the
exports and the dashboard all render through these functions, so one record has one shape everywhere.

- ``event``, ``statement``, ``mention``, ``actor_ref``, ``speaker``, ``stance``: one record each; an event or a
  statement carries ``text``, its evidence span (records store offsets, never copies).
- ``analysis``: one analyzed article, the CLI contract of ``../shared/docs/architecture.md``.
- ``listed``: a stored event or statement as a listing shows it (its article's id, date and title added).
- ``jsonable``: any store result (records, aggregates with ``to_json()``, pages, dates) as plain JSON values.
- ``flat`` and ``csv_text``: the same JSON as flat CSV rows (nested keys joined with ``_``, lists with ``;``).
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
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
        **body,
    }


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


__all__ = [
    "actor",
    "actor_ref",
    "actors",
    "analysis",
    "csv_text",
    "event",
    "flat",
    "jsonable",
    "listed",
    "mention",
    "page_json",
    "speaker",
    "stance",
    "statement",
]
