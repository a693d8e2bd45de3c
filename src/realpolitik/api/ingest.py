"""Reading the body of ``POST /api/v1/ingest`` into articles: one JSON article, a JSON list of them,
``{"articles": [...]}``, or JSON Lines. Each record has the CLI's JSONL shape (``id``, ``text``, optional
``title``, ``date``, ``url``, ``source``, ``lang``) and is checked by the same function the JSONL source uses.
A request is taken whole or refused whole (422 with the first bad record's stable code), so a client never
has to work out which half of its batch was queued.
"""

from __future__ import annotations

import json
from typing import Any

from realpolitik.errors import APIError, InputError
from realpolitik.model import Article
from realpolitik.settings import Settings
from realpolitik.sources.jsonl import record_article

MAX_ARTICLES_PER_REQUEST = 10_000


def _records(body: bytes, content_type: str) -> list[Any]:
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise APIError("the body is not UTF-8", status=400) from exc
    if not text.strip():
        raise APIError("the body is empty: send a JSON article, a list of them, or JSON Lines", status=422)
    jsonl = "ndjson" in content_type or "jsonl" in content_type or "json-seq" in content_type
    if not jsonl:
        try:
            value = json.loads(text)
        except json.JSONDecodeError:
            jsonl = "\n" in text.strip()  # a JSONL body sent as application/json still parses line by line
            if not jsonl:
                raise APIError("the body is not valid JSON", status=422) from None
        else:
            if isinstance(value, dict) and isinstance(value.get("articles"), list):
                return list(value["articles"])
            return list(value) if isinstance(value, list) else [value]
    records = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise APIError(f"line {number} is not valid JSON: {exc.msg}", status=422) from exc
    return records


def parse_ingest_body(body: bytes, content_type: str, settings: Settings | None = None) -> list[Article]:
    """The articles of one ingest request; raises APIError (422) naming the first bad record."""
    settings = settings or Settings()
    records = _records(body, content_type)
    if not records:
        raise APIError("no articles in the body", status=422)
    if len(records) > MAX_ARTICLES_PER_REQUEST:
        raise APIError(f"at most {MAX_ARTICLES_PER_REQUEST} articles per request", status=413, code="RP-E713")
    articles = []
    for index, record in enumerate(records):
        try:
            articles.append(record_article(record, settings, ref=f"api:{index}"))
        except InputError as exc:
            raise APIError(f"article {index}: {exc.message}", status=422, code=exc.code) from exc
    return articles
