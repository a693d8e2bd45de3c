"""Reading knowledge-base files: one JSON object per line (blank lines and lines starting with ``#`` are
ignored), validated field by field into plain record fields; a mistake raises ``KnowledgeBaseError`` naming the
file, the line and the field. A record whose id is already known replaces the fields it gives and keeps the
others (``merge_records``), so a user file can add an alias list, a role list or a whole new actor.

Fields: ``id``, ``kind``, ``name``, ``code``, ``sector``, ``aliases`` (strings, or ``{"text", "start", "end"}``
for a name used only between two dates: "Turkic Council" until 2021-11-12), ``surnames`` (the short forms a
person is called by alone, "Tokayev": they name the person only where the date leaves one holder of them),
``adjectives``, ``metonyms`` (strings or ``{"text", "sector", "start", "end"}``), ``places``, ``roles``
(``{"title", "country", "sector", "start", "end", "office"}``), ``members`` (``{"member", "start", "end"}``),
``office``, ``valid_from``, ``valid_until``, ``homes``, ``note``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from realpolitik.errors import KnowledgeBaseError

KINDS = ("state", "person", "igo", "ngo", "armed_group", "company", "group", "region", "agent")
OFFICE_KINDS = (
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "defence_minister",
    "head",
    "party_leader",
)
KNOWN_FIELDS = frozenset(
    {
        "id",
        "kind",
        "name",
        "code",
        "sector",
        "aliases",
        "surnames",
        "adjectives",
        "metonyms",
        "places",
        "roles",
        "members",
        "office",
        "valid_from",
        "valid_until",
        "homes",
        "note",
    }
)
# A dated text: (text, sector or None, start ordinal or None, end ordinal or None).
Dated = tuple[str, str | None, int | None, int | None]


class RecordReader:
    """Validates one raw JSON record and turns it into fields; errors carry file, line and field."""

    def __init__(self, file: str, line: int) -> None:
        self.file, self.line = file, line

    def fail(self, message: str, field: str | None = None) -> KnowledgeBaseError:
        return KnowledgeBaseError(message, file=self.file, line=self.line, field=field)

    def string(self, raw: dict[str, Any], field: str, *, required: bool = False) -> str | None:
        value = raw.get(field)
        if value is None:
            if required:
                raise self.fail("is required", field)
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"must be a non-empty string, got {value!r}", field)
        return value.strip()

    def day(self, raw: dict[str, Any], field: str, where: str) -> int | None:
        """A YYYY-MM-DD date as its ordinal (records keep plain numbers: they are cached as they are)."""
        value = raw.get(field)
        if value is None:
            return None
        if not isinstance(value, str):
            raise self.fail(f"must be a YYYY-MM-DD date, got {value!r}", where)
        try:
            return date.fromisoformat(value).toordinal()
        except ValueError:
            raise self.fail(f"must be a YYYY-MM-DD date, got {value!r}", where) from None

    def strings(self, raw: dict[str, Any], field: str) -> tuple[str, ...]:
        value = raw.get(field, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail("must be a list of non-empty strings", field)
        return tuple(v.strip() for v in value)

    def objects(self, raw: dict[str, Any], field: str) -> list[dict[str, Any]]:
        value = raw.get(field, [])
        if not isinstance(value, list):
            raise self.fail("must be a list", field)
        out = []
        for i, item in enumerate(value):
            if isinstance(item, str) and field in ("metonyms", "members", "aliases"):
                item = {"member" if field == "members" else "text": item}
            if not isinstance(item, dict):
                raise self.fail("items must be objects", f"{field}[{i}]")
            out.append(item)
        return out

    def interval(self, item: dict[str, Any], where: str) -> tuple[int | None, int | None]:
        start = self.day(item, "start", f"{where}.start")
        end = self.day(item, "end", f"{where}.end")
        if start is not None and end is not None and end < start:
            raise self.fail(
                f"end {date.fromordinal(end)} is before start {date.fromordinal(start)}", f"{where}.end"
            )
        return start, end

    def optional(self, item: dict[str, Any], key: str, where: str) -> str | None:
        value = item.get(key)
        if value is not None and not isinstance(value, str):
            raise self.fail("must be a string or null", f"{where}.{key}")
        return value

    def dated(self, raw: dict[str, Any], field: str, default_sector: str | None) -> tuple[Dated, ...]:
        out = []
        for i, item in enumerate(self.objects(raw, field)):
            where = f"{field}[{i}]"
            text = self.string(item, "text", required=True)
            assert text is not None
            sector = item.get("sector", default_sector)
            if sector is not None and not isinstance(sector, str):
                raise self.fail("must be a string or null", f"{where}.sector")
            out.append((text, sector, *self.interval(item, where)))
        return tuple(out)


def parse_record(reader: RecordReader, raw: Any, previous: dict[str, Any] | None) -> dict[str, Any]:
    """The fields of one raw record, over the fields of the record with its id read before (if any)."""
    if not isinstance(raw, dict):
        raise reader.fail("a record must be a JSON object")
    unknown = sorted(set(raw) - KNOWN_FIELDS)
    if unknown:
        raise reader.fail(f"unknown field (known: {', '.join(sorted(KNOWN_FIELDS))})", unknown[0])
    out: dict[str, Any] = {"id": reader.string(raw, "id", required=True)}
    for field in ("kind", "name"):
        if field in raw or not previous:
            out[field] = reader.string(raw, field, required=not previous)
    if "kind" in out and out["kind"] not in KINDS:
        raise reader.fail(f"must be one of {', '.join(KINDS)}, got {out['kind']!r}", "kind")
    for field in ("code", "sector", "office"):
        if field in raw:
            out[field] = reader.string(raw, field)
    for field in ("adjectives", "places", "homes", "surnames"):
        if field in raw:
            out[field] = reader.strings(raw, field)
    for field in ("valid_from", "valid_until"):
        if field in raw:
            out[field] = reader.day(raw, field, field)
    if "aliases" in raw:
        out["aliases"] = reader.dated(raw, "aliases", None)
    if "metonyms" in raw:
        out["metonyms"] = reader.dated(raw, "metonyms", "GOV")
    if "roles" in raw:
        roles = []
        for i, item in enumerate(reader.objects(raw, "roles")):
            where = f"roles[{i}]"
            title = item.get("title")
            if not isinstance(title, str) or not title.strip():
                raise reader.fail("is required (a non-empty string)", f"{where}.title")
            country = reader.optional(item, "country", where)
            sector = reader.optional(item, "sector", where) if "sector" in item else "GOV"
            office = reader.optional(item, "office", where)
            if office is not None and office not in OFFICE_KINDS:
                raise reader.fail(
                    f"must be one of {', '.join(OFFICE_KINDS)}, got {office!r}", f"{where}.office"
                )
            roles.append((title.strip(), country, sector, *reader.interval(item, where), office))
        out["roles"] = tuple(roles)
    if "members" in raw:
        members = []
        for i, item in enumerate(reader.objects(raw, "members")):
            member = item.get("member")
            if not isinstance(member, str) or not member.strip():
                raise reader.fail("is required (an ISO3 code)", f"members[{i}].member")
            members.append((member.strip(), *reader.interval(item, f"members[{i}]")))
        out["members"] = tuple(members)
    return {**(previous or {}), **out}


def read_records(path: Path | str, *, text: str | None = None) -> Iterator[tuple[int, Any, RecordReader]]:
    """Yield (line number, raw record, reader) for every record of a KB file (raw JSON, not yet validated)."""
    name = str(path)
    if text is None:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise KnowledgeBaseError(f"cannot read knowledge-base file: {exc}", file=name) from exc
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        reader = RecordReader(name, number)
        try:
            raw = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise reader.fail(f"invalid JSON: {exc.msg} (column {exc.colno})") from None
        yield number, raw, reader


def merge_records(
    records: dict[str, tuple[dict[str, Any], int]], rows: Iterable[tuple[int, Any, RecordReader]], rank: int
) -> dict[str, tuple[dict[str, Any], int]]:
    """``records`` (id -> (fields, rank of the file they came from)) with the rows of one more file over them."""
    for _number, raw, reader in rows:
        previous = None
        if isinstance(raw, dict) and isinstance(raw.get("id"), str):
            found = records.get(raw["id"].strip())
            previous = found[0] if found else None
        fields = parse_record(reader, raw, previous)
        records[fields["id"]] = (fields, rank)
    return records
