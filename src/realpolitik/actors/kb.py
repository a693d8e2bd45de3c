"""The actor knowledge base: loads and validates the bundled JSONL actor files (and a user file merged over
them), and indexes every surface form (names, adjectives, metonyms, places, agent words) and every dated office.

A KB file holds one JSON object per line (blank lines and lines starting with ``#`` are ignored)::

    {"id": "KAZ", "kind": "state", "name": "Kazakhstan", "code": "KAZ",
     "aliases": ["Kazakhstan", "Republic of Kazakhstan"], "adjectives": ["Kazakh", "Kazakhstani"],
     "metonyms": ["Ak Orda", {"text": "Nur-Sultan", "start": "2019-03-23", "end": "2022-09-17"}],
     "places": ["Almaty"]}
    {"id": "person:tokayev", "kind": "person", "name": "Kassym-Jomart Tokayev", "code": "KAZ",
     "aliases": ["Tokayev"], "roles": [{"title": "President", "country": "KAZ", "start": "2019-03-20"}]}

A record whose id is already known replaces the fields it gives and keeps the others, so a user file can
add an alias list, a role list or a whole new actor. Errors name the file, the line and the field.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from realpolitik.errors import KnowledgeBaseError
from realpolitik.model import Actor, Membership, Role

KB_VERSION = "2026.11.1"
KINDS = ("state", "person", "igo", "ngo", "armed_group", "company", "group", "region", "agent")
# Bundled files, loaded in this order; later files override earlier ones record by record.
BUNDLED_FILES = ("states.jsonl", "organisations.jsonl", "agents.jsonl", "persons.jsonl", "curated.jsonl")
# Form types, in the order a form wins over another form with the same words.
FORM_TYPES = ("name", "adjective", "metonym", "place", "agent")
_KNOWN_FIELDS = {
    "id",
    "kind",
    "name",
    "code",
    "sector",
    "aliases",
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


def form_key(text: str) -> str:
    """The case- and space-insensitive key a surface form is indexed under."""
    return " ".join(text.split()).casefold()


@dataclass(frozen=True, slots=True)
class Form:
    """One surface form of an actor: the words, what kind of form it is, and the sector it implies."""

    text: str
    actor_id: str
    type: str  # one of FORM_TYPES
    sector: str | None = None
    start: date | None = None
    end: date | None = None
    rank: int = 0  # order of the file it came from: later files (curated, user) rank higher

    def valid_on(self, day: date | None) -> bool:
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


class _RecordReader:
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

    def day(self, raw: dict[str, Any], field: str, where: str) -> date | None:
        value = raw.get(field)
        if value is None:
            return None
        if not isinstance(value, str):
            raise self.fail(f"must be a YYYY-MM-DD date, got {value!r}", where)
        try:
            return date.fromisoformat(value)
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
            if isinstance(item, str) and field in ("metonyms", "members"):
                item = {"text" if field == "metonyms" else "member": item}
            if not isinstance(item, dict):
                raise self.fail("items must be objects", f"{field}[{i}]")
            out.append(item)
        return out

    def interval(self, item: dict[str, Any], where: str) -> tuple[date | None, date | None]:
        start = self.day(item, "start", f"{where}.start")
        end = self.day(item, "end", f"{where}.end")
        if start and end and end < start:
            raise self.fail(f"end {end} is before start {start}", f"{where}.end")
        return start, end


@dataclass
class _Record:
    """A validated record before it becomes an Actor (extra fields the model does not carry live here)."""

    fields: dict[str, Any]
    rank: int


def _parse_line(reader: _RecordReader, raw: Any, previous: dict[str, Any] | None) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise reader.fail("a record must be a JSON object")
    unknown = sorted(set(raw) - _KNOWN_FIELDS)
    if unknown:
        raise reader.fail(f"unknown field (known: {', '.join(sorted(_KNOWN_FIELDS))})", unknown[0])
    out: dict[str, Any] = {"id": reader.string(raw, "id", required=True)}
    base = previous or {}
    for field in ("kind", "name"):
        if field in raw or not previous:
            out[field] = reader.string(raw, field, required=not previous)
    if "kind" in out and out["kind"] not in KINDS:
        raise reader.fail(f"must be one of {', '.join(KINDS)}, got {out['kind']!r}", "kind")
    for field in ("code", "sector", "office"):
        if field in raw:
            out[field] = reader.string(raw, field)
    for field in ("aliases", "adjectives", "places", "homes"):
        if field in raw:
            out[field] = reader.strings(raw, field)
    for field in ("valid_from", "valid_until"):
        if field in raw:
            out[field] = reader.day(raw, field, field)
    if "metonyms" in raw:
        metonyms = []
        for i, item in enumerate(reader.objects(raw, "metonyms")):
            text = reader.string(item, "text", required=True)
            sector = item.get("sector", "GOV")
            if sector is not None and not isinstance(sector, str):
                raise reader.fail("must be a string or null", f"metonyms[{i}].sector")
            metonyms.append((text, sector, *reader.interval(item, f"metonyms[{i}]")))
        out["metonyms"] = tuple(metonyms)
    if "roles" in raw:
        roles = []
        for i, item in enumerate(reader.objects(raw, "roles")):
            where = f"roles[{i}]"
            title = item.get("title")
            if not isinstance(title, str) or not title.strip():
                raise reader.fail("is required (a non-empty string)", f"{where}.title")
            for key in ("country", "sector"):
                if item.get(key) is not None and not isinstance(item[key], str):
                    raise reader.fail("must be a string or null", f"{where}.{key}")
            start, end = reader.interval(item, where)
            roles.append(Role(title.strip(), item.get("country"), item.get("sector", "GOV"), start, end))
        out["roles"] = tuple(roles)
    if "members" in raw:
        members = []
        for i, item in enumerate(reader.objects(raw, "members")):
            member = item.get("member")
            if not isinstance(member, str) or not member.strip():
                raise reader.fail("is required (an ISO3 code)", f"members[{i}].member")
            members.append(Membership(member.strip(), *reader.interval(item, f"members[{i}]")))
        out["members"] = tuple(members)
    return {**base, **out}


def read_records(path: Path | str, *, text: str | None = None) -> Iterable[tuple[int, dict[str, Any], Any]]:
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
        reader = _RecordReader(name, number)
        try:
            raw = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise reader.fail(f"invalid JSON: {exc.msg} (column {exc.colno})") from None
        yield number, raw, reader


class KnowledgeBase:
    """Actors by id, surface forms by key, and office holders by (country, office) — all read-only."""

    def __init__(self, records: dict[str, _Record], sources: tuple[str, ...] = ()) -> None:
        self._records = records
        self.sources = sources
        self.actors: dict[str, Actor] = {}
        self.offices: dict[str, str] = {}  # agent actor id -> canonical office title ("President")
        self.forms: list[Form] = []
        self.by_key: dict[str, list[int]] = {}  # form key -> indexes into self.forms, best first
        self.holders: dict[tuple[str, str], list[tuple[str, Role]]] = {}
        self.surnames: dict[str, list[str]] = {}  # last name (casefolded) -> person ids
        # group or region id -> the states it lives in ("Yoruba" -> NGA): the state a mention of it acts in
        # when the sentence names no other, never its code (groups keep their own codes)
        self.homes: dict[str, tuple[str, ...]] = {}
        self._deletion_cache: dict[str, list[str]] | None = None  # built on the first misspelt surname
        self._build()

    # -- construction -------------------------------------------------------------------------------------
    @classmethod
    def from_files(cls, paths: Iterable[Path | str], base: KnowledgeBase | None = None) -> KnowledgeBase:
        records = dict(base._records) if base else {}
        sources = list(base.sources) if base else []
        rank = max((r.rank for r in records.values()), default=0) + 1
        for path in paths:
            records = _merge(records, read_records(path), rank)
            sources.append(str(path))
            rank += 1
        return cls(records, tuple(sources))

    @classmethod
    def bundled(cls) -> KnowledgeBase:
        """The knowledge base shipped in the package (loaded once per process)."""
        return _bundled()

    def merged(self, path: Path | str) -> KnowledgeBase:
        """This KB with the records of a user file merged over it (validated; errors name file/line/field)."""
        return KnowledgeBase.from_files([path], base=self)

    def office_key(self, title: str) -> str:
        """The canonical key of an office title ("Minister of Foreign Affairs" -> "foreign minister")."""
        key = form_key(title)
        return self._office_keys.get(key, key)

    def _build(self) -> None:
        self._office_keys: dict[str, str] = {}
        for record in self._records.values():
            office = record.fields.get("office")
            if office:
                for text in (record.fields["name"], *record.fields.get("aliases", ())):
                    self._office_keys.setdefault(form_key(text), form_key(office))
        for actor_id, record in self._records.items():
            f = record.fields
            kind = f["kind"]
            names = tuple(dict.fromkeys((f["name"], *f.get("aliases", ()))))
            actor = Actor(
                id=actor_id,
                name=f["name"],
                kind=kind,
                code=f.get("code"),
                sector=f.get("sector"),
                aliases=names,
                roles=f.get("roles", ()),
                memberships=f.get("members", ()),
                valid_from=f.get("valid_from"),
                valid_until=f.get("valid_until"),
            )
            self.actors[actor_id] = actor
            if f.get("office"):
                self.offices[actor_id] = f["office"]
            if f.get("homes"):
                self.homes[actor_id] = f["homes"]
            ftype = "agent" if kind == "agent" else "name"
            start, end = actor.valid_from, actor.valid_until
            for text in names:
                self._add(Form(text, actor_id, ftype, actor.sector, start, end, record.rank))
            for text in f.get("adjectives", ()):
                self._add(Form(text, actor_id, "adjective", actor.sector, start, end, record.rank))
            for text, sector, m_start, m_end in f.get("metonyms", ()):
                self._add(Form(text, actor_id, "metonym", sector, m_start, m_end, record.rank))
            for text in f.get("places", ()):
                self._add(Form(text, actor_id, "place", None, start, end, record.rank))
            if kind == "person":
                for text in names:
                    last = text.split()[-1]
                    if len(last) >= 4 and last[:1].isupper() and last.replace("-", "").isalpha():
                        ids = self.surnames.setdefault(last.casefold(), [])
                        if actor_id not in ids:
                            ids.append(actor_id)
            for role in actor.roles:
                if role.country:
                    key = (role.country, self.office_key(role.title))
                    self.holders.setdefault(key, []).append((actor_id, role))
        kind_order = {"state": 0, "igo": 1, "region": 2, "group": 3, "person": 4}
        type_order = {t: i for i, t in enumerate(FORM_TYPES)}
        for indexes in self.by_key.values():
            indexes.sort(
                key=lambda i: (
                    type_order[self.forms[i].type],
                    kind_order.get(self.actors[self.forms[i].actor_id].kind, 5),
                    -self.forms[i].rank,
                )
            )

    def _add(self, form: Form) -> None:
        key = form_key(form.text)
        if not key:
            return
        self.by_key.setdefault(key, []).append(len(self.forms))
        self.forms.append(form)

    # -- queries ------------------------------------------------------------------------------------------
    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    def role_on(self, actor: Actor, day: date | None) -> Role | None:
        """The office ``actor`` holds on ``day`` (the most recently started one), if any."""
        held = [r for r in actor.roles if r.holds_on(day)]
        if not held:
            return None
        return max(held, key=lambda r: (r.start or date.min, r.title != ""))

    def holder(self, country: str, office: str, day: date | None) -> tuple[Actor, Role] | None:
        """Who held ``office`` (e.g. "President") for ``country`` on ``day`` (None: today)."""
        candidates = [
            (self.actors[aid], role)
            for aid, role in self.holders.get((country, self.office_key(office)), ())
            if role.holds_on(day)
        ]
        if not candidates:
            return None
        return max(candidates, key=lambda c: c[1].start or date.min)

    def person_by_name(
        self, words: list[str], day: date | None, country: str | None = None, *, titled: bool = False
    ) -> Actor | None:
        """The person a name not in the gazetteer most likely is ("Carlos Menem", "President Mugabe" -> the
        "Mugabe" part): same surname, then same first name, an office that day, or the only candidate.

        A surname the KB does not know is matched with one letter added, dropped or changed (wire copy
        misspells and transliterates: "Mitterand", "Bouteflicka", "Gbago") when the first name agrees or,
        after a title (``titled``), when exactly one such person held office that day."""
        if not words:
            return None
        surname = words[-1].casefold()
        ids = self.surnames.get(surname, [])
        fuzzy = not ids
        if fuzzy:
            if len(surname) < 5 or not (titled or len(words) > 1):
                return None
            ids = self._near_surnames(surname)
            if not ids:
                return None
        people = [self.actors[i] for i in ids]
        if country:
            people = [p for p in people if p.code == country or any(r.country == country for r in p.roles)]
        if len(words) > 1:
            first = words[0].casefold()
            named = [p for p in people if any(a.split()[0].casefold() == first for a in p.aliases)]
            if named:
                people = named
            elif not country:
                return None  # another first name: another person
        holding = [p for p in people if self.role_on(p, day)]
        if len(words) == 1:
            # A bare surname is too weak alone: only someone in office that day ("President Mugabe"), or,
            # after a title, the only namesake in office within a year of it (gold and wire dates are often
            # rounded to the year).
            if len(holding) == 1:
                return holding[0]
            if titled and not holding:
                near = [p for p in people if _near_office(p, day)]
                return near[0] if len(near) == 1 else None
            return None
        if len(people) == 1:
            return people[0]
        return holding[0] if len(holding) == 1 else None

    def _near_surnames(self, surname: str) -> list[str]:
        """Person ids whose surname is one edit (insert, delete, substitute) from ``surname``."""
        index = self._deletion_index()
        found: list[str] = []
        for variant in {surname, *_deletions(surname)}:
            for known in index.get(variant, ()):
                if known != surname and one_edit(known, surname):
                    found.extend(i for i in self.surnames[known] if i not in found)
        return found

    def _deletion_index(self) -> dict[str, list[str]]:
        index = self._deletion_cache
        if index is None:
            index = {}
            for known in self.surnames:
                if len(known) >= 5:
                    for variant in {known, *_deletions(known)}:
                        index.setdefault(variant, []).append(known)
            self._deletion_cache = index
        return index

    def members(self, igo_id: str, day: date | None) -> list[str]:
        actor = self.actors.get(igo_id)
        if actor is None:
            return []
        return [m.member for m in actor.memberships if Role("", None, None, m.start, m.end).holds_on(day)]

    def fingerprint(self) -> str:
        """Identifies the KB's content (sources and size) for caches of derived structures."""
        return f"{KB_VERSION}|{'|'.join(self.sources)}|{len(self.actors)}|{len(self.forms)}"


def _deletions(word: str) -> list[str]:
    return [word[:i] + word[i + 1 :] for i in range(len(word))]


def one_edit(a: str, b: str) -> bool:
    """True if ``a`` and ``b`` differ by one inserted, deleted or substituted letter."""
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return len(long) - len(short) == 1 and short in _deletions(long)


def _near_office(person: Actor, day: date | None, slack: int = 366) -> bool:
    """Held an office starting or ending within ``slack`` days of ``day``."""
    if day is None:
        return False
    for role in person.roles:
        if role.start and 0 <= (role.start - day).days <= slack:
            return True
        if role.end and 0 <= (day - role.end).days <= slack:
            return True
    return False


def _merge(
    records: dict[str, _Record], rows: Iterable[tuple[int, Any, Any]], rank: int
) -> dict[str, _Record]:
    for _number, raw, reader in rows:
        if isinstance(raw, dict) and isinstance(raw.get("id"), str):
            previous = records.get(raw["id"].strip())
        else:
            previous = None
        fields = _parse_line(reader, raw, previous.fields if previous else None)
        records[fields["id"]] = _Record(fields, rank)
    return records


def bundled_paths() -> list[Path]:
    base = resources.files("realpolitik.actors") / "data"
    return [Path(str(base / name)) for name in BUNDLED_FILES if (base / name).is_file()]


@cache
def _bundled() -> KnowledgeBase:
    return KnowledgeBase.from_files(bundled_paths())
