"""Reading the body of ``POST /api/v1/ingest`` into articles: one JSON article, a JSON list of them,
``{"articles": [...]}``, or JSON Lines. Each record has the CLI's JSONL shape (``id``, ``text``, optional
``title``, ``date``, ``url``, ``source``, ``lang``) and is checked on its own by the function the JSONL source
uses, and for its language: a bad record is refused with its stable code and a failure row, and the good
records of the same request are queued. Only a body that holds no record at all (not JSON, empty, not UTF-8)
is refused whole.

Failure rows are keyed by content, never by position: ``api:<article id>`` for an accepted article (whose
analysis may still fail), ``api:record-<hash of the record>`` for a refused one, so that a later request never
erases or overwrites the failures of another.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from realpolitik.errors import APIError, InputError, MalformedRecord, RealpolitikError
from realpolitik.model import Article, Failure, replace, stable_id
from realpolitik.settings import Settings
from realpolitik.sources.jsonl import load_json, record_article
from realpolitik.sources.language import check_language

MAX_ARTICLES_PER_REQUEST = 10_000
STAGE = "ingest"
# Strings and the punctuation that structures JSON: enough to find where the records of a list begin and end
# without parsing them (one record nested too deeply must not cost the others).
_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{},:]')


@dataclass(frozen=True, slots=True)
class Refused:
    """A record of the request that was not queued."""

    index: int
    ref: str
    code: str
    message: str

    def to_json(self) -> dict[str, Any]:
        return {"index": self.index, "ref": self.ref, "code": self.code, "message": self.message}


@dataclass
class IngestBody:
    articles: list[Article] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)

    def failures(self) -> list[Failure]:
        return [Failure(r.ref, STAGE, r.code, r.message) for r in self.refused]


@dataclass(frozen=True, slots=True)
class _Record:
    value: Any  # the parsed record, or the error that parsing it raised
    raw: str | None = None  # its text in the body, when it could not be parsed


def _record_key(record: _Record) -> str:
    if record.raw is not None:
        return stable_id("api-record", record.raw)
    try:
        return stable_id(
            "api-record", json.dumps(record.value, sort_keys=True, ensure_ascii=True, default=str)
        )
    except (RecursionError, ValueError, TypeError):
        return stable_id("api-record", repr(type(record.value)))


def _split_list(text: str) -> list[str] | None:
    """The texts of the records of a JSON list body (``[...]`` or ``{"articles": [...]}``), found without
    parsing them; None when the body has neither shape."""
    depth = 0
    level: int | None = None  # depth of the list that holds the records
    start: int | None = None
    pieces: list[str] = []
    previous: list[str] = []
    for match in _JSON_TOKEN.finditer(text):
        token = match.group()
        if token in "[{":
            if level is None and token == "[":
                at_top = depth == 0 and not text[: match.start()].strip()
                in_wrapper = depth == 1 and previous[-2:] == ['"articles"', ":"]
                if at_top or in_wrapper:
                    level = depth + 1
                    start = match.end()
            depth += 1
        elif token in "]}":
            depth -= 1
            if level is not None and depth == level - 1:
                if start is not None and text[start : match.start()].strip():
                    pieces.append(text[start : match.start()])
                return pieces
        elif token == "," and level is not None and depth == level:
            pieces.append(text[start : match.start()] if start is not None else "")
            start = match.end()
        previous = [*previous[-1:], token]
    return None


def _records(body: bytes, content_type: str) -> list[_Record]:
    jsonl = "ndjson" in content_type or "jsonl" in content_type or "json-seq" in content_type
    if not jsonl:
        try:
            text = body.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise APIError("the body is not UTF-8", status=400) from exc
        if not text.strip():
            raise APIError(
                "the body is empty: send a JSON article, a list of them, or JSON Lines", status=422
            )
        try:
            value = load_json(text, ref="body")
        except MalformedRecord as exc:
            pieces = _split_list(text)
            if pieces is not None:  # a list of records, one of which is nested too deeply
                return [_parsed(piece) for piece in pieces]
            if "\n" not in text.strip():
                raise APIError(f"the body is not valid JSON: {exc.message}", status=422) from None
            jsonl = True  # a JSONL body sent as application/json still parses line by line
        else:
            if isinstance(value, dict) and isinstance(value.get("articles"), list):
                return [_Record(v) for v in value["articles"]]
            return [_Record(v) for v in value] if isinstance(value, list) else [_Record(value)]
    records = list(_lines(body))
    if not records:
        raise APIError("the body is empty: send a JSON article, a list of them, or JSON Lines", status=422)
    return records


def _parsed(text: str) -> _Record:
    """One record's text parsed; what could not be parsed is kept with its text, which then keys it."""
    try:
        return _Record(load_json(text, ref="record"))
    except MalformedRecord as exc:
        return _Record(exc, text)


def _lines(body: bytes) -> Iterator[_Record]:
    for raw in body.split(b"\n"):
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            yield _Record(MalformedRecord(f"the line is not UTF-8: {exc.reason}"), raw.hex()[:4000])
            continue
        yield _parsed(line)


def parse_ingest_body(body: bytes, content_type: str, settings: Settings | None = None) -> IngestBody:
    """The articles of one ingest request, and the records refused (each with its code). Raises APIError only
    for a body with no records at all, or with more than ``MAX_ARTICLES_PER_REQUEST``."""
    settings = settings or Settings()
    records = _records(body, content_type)
    if not records:
        raise APIError("no articles in the body", status=422)
    if len(records) > MAX_ARTICLES_PER_REQUEST:
        raise APIError(f"at most {MAX_ARTICLES_PER_REQUEST} articles per request", status=413, code="RP-E713")
    out = IngestBody()
    for index, record in enumerate(records):
        ref = f"api:record-{_record_key(record)}"
        try:
            if isinstance(record.value, RealpolitikError):
                raise record.value
            article = record_article(record.value, settings, ref=ref)
            article = check_language(replace(article, input_ref=f"api:{article.id}"))
        except InputError as exc:
            out.refused.append(Refused(index, ref, exc.code, f"article {index}: {exc.message}"))
            continue
        except Exception as exc:  # a bug met by one record costs that record, never the request
            message = f"article {index}: {type(exc).__name__}: {str(exc)[:200]}"
            out.refused.append(Refused(index, ref, MalformedRecord.code, message))
            continue
        out.articles.append(article)
    return out
