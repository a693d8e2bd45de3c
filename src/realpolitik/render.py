"""The CLI's JSON Lines contract (architecture.md): one object per analyzed article, exactly these keys."""

from __future__ import annotations

import dataclasses
import math
from collections import Counter
from datetime import date, datetime
from typing import Any

from realpolitik.model import ActorRef, Analysis, Event, Statement


def _ref(ref: ActorRef | None) -> dict[str, Any] | None:
    return ref.to_json() if ref is not None else None


def event_to_json(event: Event, text: str) -> dict[str, Any]:
    return {
        "id": event.id,
        "sentence_index": event.sentence_index,
        "start": event.start,
        "end": event.end,
        "text": text[event.start : event.end],
        "source": _ref(event.source),
        "target": _ref(event.target),
        "type": event.type,
        "mode": event.mode,
        "contexts": list(event.contexts),
        "domain": event.domain,
        "modality": event.modality,
        "cameo": event.cameo,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "confidence": round(event.confidence, 3),
        "rule": event.rule,
    }


def statement_to_json(statement: Statement, text: str) -> dict[str, Any]:
    return {
        "id": statement.id,
        "start": statement.start,
        "end": statement.end,
        "text": text[statement.start : statement.end],
        "form": statement.form,
        "speaker": statement.speaker.to_json(),
        "stances": [s.to_json() for s in statement.stances],
    }


def actors_to_json(analysis: Analysis) -> list[dict[str, Any]]:
    """Resolved actors of the article with their mention counts, most mentioned first."""
    counts: Counter[str] = Counter()
    first: dict[str, dict[str, Any]] = {}
    for m in analysis.mentions:
        if m.actor_id is None or m.code is None:
            continue
        counts[m.actor_id] += 1
        first.setdefault(m.actor_id, {"code": m.code, "name": m.name, "kind": m.kind})
    return [{**first[a], "mentions": n} for a, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def analysis_to_json(analysis: Analysis) -> dict[str, Any]:
    article = analysis.article
    return {
        "article": {
            "id": article.id,
            "title": article.title,
            "date": article.published.isoformat() if article.published else None,
            "url": article.url,
            "source": article.source,
            "lang": article.lang,
        },
        "actors": actors_to_json(analysis),
        "events": [event_to_json(e, article.text) for e in analysis.events],
        "statements": [statement_to_json(s, article.text) for s in analysis.statements],
    }


def jsonable(value: Any) -> Any:
    """A JSON-ready copy of ``value`` (dicts, lists, str, int, float, bool, None)."""
    if value is None or isinstance(value, str | bool | int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, datetime | date):
        return value.isoformat()
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


def page_json(page: Any) -> dict[str, Any]:
    """``{"items": [...], "next_cursor": str | None}`` from a store page."""
    if isinstance(page, dict):
        items, cursor = page.get("items", []), page.get("next_cursor")
    else:
        items, cursor = getattr(page, "items", []), getattr(page, "next_cursor", None)
    return {"items": jsonable(list(items)), "next_cursor": cursor}
