"""JSON Lines archives: one article per line, ``{"id", "text"}`` plus optional ``title``, ``date``
(YYYY-MM-DD), ``url``, ``source``, ``lang`` (and ``author``). Archives are streamed line by line, so the size
cap (``max_input_bytes``) applies to each line, not to the file; a bad line becomes a ``Failure`` whose
``input_ref`` is ``path:LINE`` and the other lines are still read, whatever is wrong with it.

Ids are strings: an integer id is kept as its decimal string (so ``7`` and ``"7"`` are one id), and at most
``MAX_INT_DIGITS`` digits long. Every record is checked on its own: text that UTF-8 cannot encode (a lone
surrogate such as ``\\ud800``) is RP-E104; numbers too long, nesting deeper than ``MAX_NESTING`` and wrong
types are RP-E106.
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
MAX_INT_DIGITS = 19  # an integer id fits in 64 bits
MAX_ID_CHARS = 1000
# An article is a flat object; deeper nesting (in a field nobody reads) is refused at the same depth whatever the
# interpreter's recursion limit, which decides where ``json`` itself gives up.
MAX_NESTING = 32


class LongNumber(str):
    """An integer literal of more than ``MAX_INT_DIGITS`` digits, kept as its digits: Python refuses to
    convert one of more than 4,300 digits, and no field takes one."""


def _parse_int(digits: str) -> int | LongNumber:
    return LongNumber(digits) if len(digits.lstrip("-")) > MAX_INT_DIGITS else int(digits)


def load_json(text: str, *, ref: str) -> Any:
    """``json.loads`` that never raises anything but MalformedRecord (RP-E106) for a bad document."""
    try:
        return json.loads(text, parse_int=_parse_int)
    except json.JSONDecodeError as exc:
        raise MalformedRecord(f"invalid JSON: {exc.msg} at column {exc.colno}", ref=ref) from exc
    except RecursionError as exc:
        raise MalformedRecord(f"JSON nested more than {MAX_NESTING} levels deep", ref=ref) from exc
    except ValueError as exc:  # a number Python will not convert
        raise MalformedRecord(f"invalid JSON: {str(exc)[:120]}", ref=ref) from exc


def nesting(value: Any) -> int:
    """How deeply lists and objects nest in ``value`` (0 for a scalar), without recursion."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth + 1)
            stack.extend((child, depth + 1) for child in (item.values() if isinstance(item, dict) else item))
    return deepest


def _check_encodable(value: str, name: str, *, ref: str) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        bad = value[exc.start : exc.start + 1]
        raise EncodingError(
            f"field {name!r} holds {bad!r} at character {exc.start}, which is not text (a lone surrogate)",
            ref=ref,
        ) from exc


def record_id(value: Any, *, ref: str) -> str | None:
    """The id a record gives, as a string (None: none given, the article is named by its text)."""
    if value is None or value == "":
        return None
    if isinstance(value, LongNumber):
        raise MalformedRecord(
            f"field 'id' is a number of {len(value.lstrip('-'))} digits: an integer id has at most "
            f"{MAX_INT_DIGITS} (send a longer one as a string)",
            ref=ref,
        )
    if type(value) not in (str, int):
        raise MalformedRecord("field 'id' must be a string or an integer", ref=ref)
    given = str(value)
    _check_encodable(given, "id", ref=ref)
    if len(given) > MAX_ID_CHARS or not given.strip():
        raise MalformedRecord(f"field 'id' must be 1 to {MAX_ID_CHARS} characters, not only spaces", ref=ref)
    return given


def parse_date(value: Any, *, ref: str) -> date | None:
    """``YYYY-MM-DD`` (a longer ISO timestamp is cut to its date); None and "" mean no date."""
    if value is None or value == "":
        return None
    if type(value) is not str:
        kind = "number" if isinstance(value, LongNumber) else type(value).__name__
        raise MalformedRecord(f"field 'date' must be a YYYY-MM-DD string, not {kind}", ref=ref)
    try:
        return date.fromisoformat(value[:10])
    except ValueError as exc:
        raise MalformedRecord(f"field 'date' is not YYYY-MM-DD: {value[:40]!r}", ref=ref) from exc


def record_article(record: Any, settings: Settings, *, ref: str) -> Article:
    """The article one JSON object describes (raises MalformedRecord for a wrong shape or type)."""
    if not isinstance(record, dict):
        raise MalformedRecord(f"a line must hold a JSON object, not {type(record).__name__}", ref=ref)
    if nesting(record) > MAX_NESTING:
        raise MalformedRecord(f"JSON nested more than {MAX_NESTING} levels deep", ref=ref)
    text = record.get("text")
    if type(text) is not str:  # LongNumber is a str subclass: a number is never text
        raise MalformedRecord("field 'text' is missing or not a string", ref=ref)
    if not text.strip():
        raise EmptyInput("field 'text' is empty", ref=ref)
    check_article_size(text, settings, ref=ref)
    _check_encodable(text, "text", ref=ref)
    given = record_id(record.get("id"), ref=ref)
    fields: dict[str, Any] = {}
    for name in _OPTIONAL_STR:
        value = record.get(name)
        if value is not None and type(value) is not str:
            raise MalformedRecord(f"field {name!r} must be a string", ref=ref)
        if value:
            _check_encodable(value, name, ref=ref)
            fields[name] = value
    return Article.from_text(
        text.replace("\r\n", "\n"),
        id=given,
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
    return record_article(load_json(line, ref=ref), settings, ref=ref)


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
        except Exception as exc:  # a bug met by one line costs that line, never the rest of the file
            yield Failure(ref, STAGE, MalformedRecord.code, f"{type(exc).__name__}: {str(exc)[:200]}")
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
