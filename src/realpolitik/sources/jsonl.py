"""JSON Lines archives: one article per line, ``{"id", "text"}`` plus optional ``title``, ``date``
(YYYY-MM-DD), ``url``, ``source``, ``lang`` (and ``author``). Archives are streamed line by line, so the size
cap (``max_input_bytes``) applies to each line, not to the file; a bad line becomes a ``Failure`` whose
``input_ref`` is ``path:LINE`` and the other lines are still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any

from realpolitik.errors import (
    BinaryInput,
    EmptyInput,
    EncodingError,
    InputError,
    MalformedRecord,
    OversizedInput,
    UnreadableInput,
)
from realpolitik.model import Article, Failure
from realpolitik.settings import Settings
from realpolitik.sources.files import check_article_size

STAGE = "ingest"
_OPTIONAL_STR = ("title", "url", "source", "lang", "author")


def parse_date(value: Any, *, ref: str) -> date | None:
    """``YYYY-MM-DD`` (a longer ISO timestamp is cut to its date); None and "" mean no date."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise MalformedRecord(
            f"field 'date' must be a YYYY-MM-DD string, not {type(value).__name__}", ref=ref
        )
    try:
        return date.fromisoformat(value[:10])
    except ValueError as exc:
        raise MalformedRecord(f"field 'date' is not YYYY-MM-DD: {value[:40]!r}", ref=ref) from exc


def record_article(record: Any, settings: Settings, *, ref: str) -> Article:
    """The article one JSON object describes (raises MalformedRecord for a wrong shape or type)."""
    if not isinstance(record, dict):
        raise MalformedRecord(f"a line must hold a JSON object, not {type(record).__name__}", ref=ref)
    text = record.get("text")
    if not isinstance(text, str):
        raise MalformedRecord("field 'text' is missing or not a string", ref=ref)
    if not text.strip():
        raise EmptyInput("field 'text' is empty", ref=ref)
    check_article_size(text, settings, ref=ref)
    given = record.get("id")
    if (given is not None and not isinstance(given, str | int)) or isinstance(given, bool):
        raise MalformedRecord("field 'id' must be a string or an integer", ref=ref)
    fields: dict[str, Any] = {}
    for name in _OPTIONAL_STR:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise MalformedRecord(f"field {name!r} must be a string", ref=ref)
        if value:
            fields[name] = value
    return Article.from_text(
        text.replace("\r\n", "\n"),
        id=str(given) if given not in (None, "") else None,
        published=parse_date(record.get("date"), ref=ref),
        input_ref=ref,
        **fields,
    )


def parse_line(raw: bytes, settings: Settings, *, ref: str) -> Article | None:
    """One JSONL line to an article; None for a blank line. Raises InputError for a bad line."""
    if len(raw) > settings.max_input_bytes:
        raise OversizedInput(f"line of {len(raw)} bytes is more than max_input_bytes", ref=ref)
    try:
        line = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EncodingError(f"line is not UTF-8: {exc.reason}", ref=ref) from exc
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise MalformedRecord(f"invalid JSON: {exc.msg} at column {exc.colno}", ref=ref) from exc
    except RecursionError as exc:
        raise MalformedRecord("JSON nested too deeply", ref=ref) from exc
    return record_article(record, settings, ref=ref)


def read_jsonl_lines(
    lines: Iterable[bytes], settings: Settings, *, name: str, only: set[int] | None = None
) -> Iterator[Article | Failure]:
    """Articles and failures from JSONL lines; ``only`` restricts to these 1-based line numbers (retries)."""
    for number, raw in enumerate(lines, 1):
        if only is not None and number not in only:
            continue
        ref = f"{name}:{number}"
        if number == 1 and b"\x00" in raw[:8192]:
            # A binary file with a .jsonl name would otherwise yield one failure per random "line".
            err = BinaryInput("the input looks binary, not JSON Lines", ref=name)
            yield Failure(name, STAGE, err.code, err.message)
            return
        try:
            article = parse_line(raw, settings, ref=ref)
        except InputError as exc:
            yield Failure(ref, STAGE, exc.code, exc.message)
            continue
        if article is not None:
            yield article


def read_jsonl_file(
    path: Path, settings: Settings, *, only: set[int] | None = None
) -> Iterator[Article | Failure]:
    name = str(path)
    try:
        handle: IO[bytes] = path.open("rb")
    except OSError as exc:
        err = UnreadableInput(exc.strerror or str(exc), ref=name)
        yield Failure(name, STAGE, err.code, err.message)
        return
    with handle:
        empty = True
        try:
            for item in read_jsonl_lines(handle, settings, name=name, only=only):
                empty = False
                yield item
        except OSError as exc:
            err = UnreadableInput(exc.strerror or str(exc), ref=name)
            yield Failure(name, STAGE, err.code, err.message)
            return
        if empty and only is None:
            err_empty = EmptyInput("the JSON Lines file holds no article", ref=name)
            yield Failure(name, STAGE, err_empty.code, err_empty.message)
