"""Turning what ``Store`` returns into JSON values: one function shared by the API and the dashboard.

Store results are records with ``to_json()``, dataclasses, pages of dicts, dates and tuples; the API sends
exactly what the dashboard renders, so the numbers on a page and in ``/api/v1`` can never differ.
"""

from __future__ import annotations

import dataclasses
import math
from datetime import date, datetime
from typing import Any


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
