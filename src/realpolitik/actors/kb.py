"""The actor knowledge base: loads the bundled JSONL actor files (and a user file merged over them, format in
``records.py``) and indexes every surface form (names, surnames, adjectives, metonyms, places, agent words),
every dated office, and the spelling-blind keys of people's names (``variants.py``).

A KB file holds one JSON object per line::

    {"id": "KAZ", "kind": "state", "name": "Kazakhstan", "code": "KAZ",
     "aliases": ["Kazakhstan", "Republic of Kazakhstan"], "adjectives": ["Kazakh", "Kazakhstani"],
     "metonyms": ["Ak Orda", {"text": "Nur-Sultan", "start": "2019-03-23", "end": "2022-09-17"}],
     "places": ["Almaty"]}
    {"id": "person:tokayev", "kind": "person", "name": "Kassym-Jomart Tokayev", "code": "KAZ",
     "surnames": ["Tokayev", "Tokaev"],
     "roles": [{"title": "President", "country": "KAZ", "start": "2019-03-20", "office": "head_of_state"}]}

The indexes are plain Python structures (``_Index``): the bundled knowledge base's are kept in a cache file
(``cache.py``) so that a process loads them in a fraction of the time building them takes; actors are made
from their rows when first asked for.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple, overload

from realpolitik.actors import cache as disk
from realpolitik.actors import compile as compile_module
from realpolitik.actors.compile import ACTING, FORM_TYPES, compile_index, form_key
from realpolitik.actors.records import KINDS, merge_records, read_records
from realpolitik.model import Actor, Membership, Role

__all__ = [
    "BUNDLED_FILES",
    "FORM_TYPES",
    "KB_VERSION",
    "KINDS",
    "Form",
    "KnowledgeBase",
    "form_key",
    "one_edit",
]

KB_VERSION = "2026.11.2"
# Bundled files, loaded in this order; later files override earlier ones record by record.
BUNDLED_FILES = (
    "states.jsonl",
    "organisations.jsonl",
    "agents.jsonl",
    "persons.jsonl",
    "officeholders.jsonl",
    "curated.jsonl",
)


def _day(ordinal: int | None) -> date | None:
    return None if ordinal is None else date.fromordinal(ordinal)


class Form(NamedTuple):
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


class _Index:
    """Everything the knowledge base answers from, as plain builtins (the cache stores exactly these)."""

    __slots__ = (
        "by_key",
        "forms",
        "holders",
        "homes",
        "name_keys",
        "office_keys",
        "offices",
        "rows",
        "surnames",
    )

    def __init__(self, state: tuple[Any, ...]) -> None:
        (
            self.forms,  # columns: texts, actor ids, types, sectors, starts, ends, ranks (dates as ordinals)
            self.by_key,  # form key -> form indexes, best first
            self.rows,  # actor id -> (name, kind, code, sector, names, roles, members, valid_from, valid_until)
            self.offices,  # office agent id -> canonical title
            self.office_keys,  # any title's key -> its office's key
            self.homes,  # group id -> home states
            self.holders,  # "KAZ\tpresident" -> [(person id, index of the role)]
            self.surnames,  # last word of a person's name (casefolded) -> person ids
            self.name_keys,  # spelling-blind keys of people's names and surnames -> person ids
        ) = state

    def state(self) -> tuple[Any, ...]:
        return (
            self.forms,
            self.by_key,
            self.rows,
            self.offices,
            self.office_keys,
            self.homes,
            self.holders,
            self.surnames,
            self.name_keys,
        )


class _Forms(Sequence[Form]):
    """The forms, each made from its columns when first asked for."""

    def __init__(self, columns: tuple[list[Any], ...]) -> None:
        self._columns = columns
        self._made: dict[int, Form] = {}

    @overload
    def __getitem__(self, i: int) -> Form: ...

    @overload
    def __getitem__(self, i: slice) -> list[Form]: ...

    def __getitem__(self, i: int | slice) -> Form | list[Form]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        form = self._made.get(i)
        if form is None:
            t, a, ty, s, b, e, r = (column[i] for column in self._columns)
            form = Form(t, a, ty, s, _day(b), _day(e), r)
            self._made[i] = form
        return form

    def __len__(self) -> int:
        return len(self._columns[0])


class _Actors(Mapping[str, Actor]):
    """Actors by id, each made from its row when first asked for (a lookup needs a handful of 30,000)."""

    def __init__(self, rows: dict[str, tuple[Any, ...]]) -> None:
        self._rows = rows
        self._made: dict[str, Actor] = {}

    def __getitem__(self, actor_id: str) -> Actor:
        actor = self._made.get(actor_id)
        if actor is None:
            name, kind, code, sector, names, roles, members, start, end = self._rows[actor_id]
            actor = Actor(
                id=actor_id,
                name=name,
                kind=kind,
                code=code,
                sector=sector,
                aliases=tuple(names),
                roles=tuple(Role(t, c, s, _day(a), _day(b), o) for t, c, s, a, b, o in roles),
                memberships=tuple(Membership(m, _day(a), _day(b)) for m, a, b in members),
                valid_from=_day(start),
                valid_until=_day(end),
            )
            self._made[actor_id] = actor
        return actor

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._rows

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


class KnowledgeBase:
    """Actors by id, surface forms by key, office holders by (country, office), people by spelling-blind keys;
    all read-only."""

    def __init__(
        self,
        records: dict[str, tuple[dict[str, Any], int]] | None = None,
        sources: tuple[str, ...] = (),
        *,
        index: _Index | None = None,
    ) -> None:
        """A knowledge base of validated ``records`` (id -> (fields, rank), as ``records.merge_records`` makes
        them), or of an ``index`` already built (from the cache: ``merged`` then re-reads the sources)."""
        if index is None:
            records = records if records is not None else {}
            index = _Index(compile_index(records))
        self._index = index
        self._records = records
        self.sources = sources
        self.actors: Mapping[str, Actor] = _Actors(index.rows)
        self.offices: dict[str, str] = index.offices
        self.forms: Sequence[Form] = _Forms(index.forms)
        self.by_key: dict[str, list[int]] = index.by_key
        self.surnames: dict[str, list[str]] = index.surnames
        self.homes: dict[str, tuple[str, ...]] = index.homes
        self._office_keys: dict[str, str] = index.office_keys
        self._deletion_cache: dict[str, list[str]] | None = None  # built on the first misspelt surname
        self._anywhere: dict[str, list[tuple[str, int]]] = {}  # office key -> holders in every country

    def materialize(self) -> None:
        """Make every actor and form now, as a plain dict and list: a pipeline that reads thousands of
        articles wants them at C speed; a look-up that reads a few stays lazy."""
        if isinstance(self.actors, _Actors):
            lazy = self.actors
            self.actors = {actor_id: lazy[actor_id] for actor_id in lazy}
        if isinstance(self.forms, _Forms):
            lazy_forms = self.forms
            self.forms = [lazy_forms[i] for i in range(len(lazy_forms))]

    # -- construction -------------------------------------------------------------------------------------
    @classmethod
    def from_files(cls, paths: Iterable[Path | str], base: KnowledgeBase | None = None) -> KnowledgeBase:
        records = dict(base._all_records()) if base else {}
        sources = list(base.sources) if base else []
        rank = max((r for _f, r in records.values()), default=0) + 1
        for path in paths:
            records = merge_records(records, read_records(path), rank)
            sources.append(str(path))
            rank += 1
        return cls(records, tuple(sources))

    @classmethod
    def bundled(cls) -> KnowledgeBase:
        """The knowledge base shipped in the package (loaded once per process, from the cache if it is there)."""
        return _bundled()

    def merged(self, path: Path | str) -> KnowledgeBase:
        """This KB with the records of a user file merged over it (validated; errors name file/line/field)."""
        return KnowledgeBase.from_files([path], base=self)

    def _all_records(self) -> dict[str, tuple[dict[str, Any], int]]:
        if self._records is None:
            records: dict[str, tuple[dict[str, Any], int]] = {}
            for rank, path in enumerate(self.sources, start=1):
                records = merge_records(records, read_records(path), rank)
            self._records = records
        return self._records

    def office_key(self, title: str) -> str:
        """The canonical key of an office title ("Minister of Foreign Affairs" -> "foreign minister"; an acting
        or interim holder holds the office itself)."""
        key = form_key(title)
        for prefix in ACTING:
            if key.startswith(prefix):
                key = key[len(prefix) :]
                break
        return self._office_keys.get(key, key)

    # -- queries ------------------------------------------------------------------------------------------
    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    def role_on(self, actor: Actor, day: date | None) -> Role | None:
        """The office ``actor`` holds on ``day`` (the most recently started one), if any."""
        held = [r for r in actor.roles if r.holds_on(day)]
        if not held:
            return None
        return max(held, key=lambda r: (r.start or date.min, r.office is not None, r.title != ""))

    def holder(self, country: str, office: str, day: date | None) -> tuple[Actor, Role] | None:
        """Who held ``office`` (e.g. "President") for ``country`` on ``day`` (None: today)."""
        candidates = []
        for actor_id, i in self._index.holders.get(f"{country}\t{self.office_key(office)}", ()):
            actor = self.actors[actor_id]
            role = actor.roles[i]
            if role.holds_on(day):
                candidates.append((actor, role))
        if not candidates:
            return None
        return max(candidates, key=lambda c: c[1].start or date.min)

    def holders_of(self, office: str, day: date | None) -> list[Actor]:
        """Everyone holding ``office`` on ``day``, in any country ("King Charles" needs no "British")."""
        key = self.office_key(office)
        entries = self._anywhere.get(key)
        if entries is None:
            suffix = "\t" + key
            entries = [e for k, found in self._index.holders.items() if k.endswith(suffix) for e in found]
            self._anywhere[key] = entries
        out: list[Actor] = []
        for actor_id, i in entries:
            actor = self.actors[actor_id]
            if actor.roles[i].holds_on(day) and all(actor is not o for o in out):
                out.append(actor)
        return out

    def holds(self, actor: Actor, office: str, day: date | None) -> Role | None:
        """The role by which ``actor`` holds ``office`` on ``day`` ("Foreign Minister Lavrov"), found under every
        key the office is known by ("Secretary of State" is a foreign minister)."""
        key = self.office_key(office)
        holders = self._index.holders
        for i, role in enumerate(actor.roles):
            if (
                role.country
                and role.holds_on(day)
                and (actor.id, i) in holders.get(f"{role.country}\t{key}", ())
            ):
                return role
        return None

    def held(self, actor: Actor, office: str) -> bool:
        """``actor`` held ``office`` at some time."""
        key = self.office_key(office)
        holders = self._index.holders
        return any(
            role.country and (actor.id, i) in holders.get(f"{role.country}\t{key}", ())
            for i, role in enumerate(actor.roles)
        )

    def one_holder(
        self,
        people: Iterable[Actor],
        day: date | None,
        country: str | None = None,
        office: str | None = None,
        *,
        anyone: bool = True,
    ) -> Actor | None:
        """The one person of ``people`` the date leaves: the only one holding ``office`` that day; without an
        office, the only one holding a principal office (head of state or government, foreign or defence
        minister, head of an IGO), then any office, that day, or (``anyone``) the only one there is; None when it
        is not one."""
        people = list({p.id: p for p in people}.values())
        if country:
            people = [p for p in people if p.code == country or any(r.country == country for r in p.roles)]
        if office:
            named = [p for p in people if self.holds(p, office, day)]
            return named[0] if len(named) == 1 else None
        principal = [p for p in people if any(r.office and r.holds_on(day) for r in p.roles)]
        if len(principal) == 1:
            return principal[0]
        if not principal:
            holding = [p for p in people if self.role_on(p, day)]
            if len(holding) == 1:
                return holding[0]
        # the only one there is, in office or not; a surname alone (``anyone`` False) needs a holder that day
        return people[0] if anyone and len(people) == 1 else None

    def person_by_name(
        self, words: list[str], day: date | None, country: str | None = None, *, titled: bool = False
    ) -> Actor | None:
        """The person a name not in the gazetteer most likely is ("Carlos Menem", "President Mugabe" -> the
        "Mugabe" part, "Kassym Jomart Tokaev"): same surname, then same first name, an office that day, or the
        only candidate; else a spelling of a known name (same transliteration skeleton, ``variants.py``).

        A surname the KB does not know is matched with one letter added, dropped or changed (wire copy
        misspells and transliterates: "Mitterand", "Bouteflicka", "Gbago") when the first name agrees or,
        after a title (``titled``), when exactly one such person held office that day."""
        words = [w for w in words if w.strip("-'’")]
        if not words:
            return None
        surname = words[-1].casefold()
        ids = self.surnames.get(surname, [])
        found = self._by_surname(ids, words, day, country, titled) if ids else None
        if found is not None or ids:
            return found
        found = self._by_spelling(words, day, country)
        if found is not None:
            return found
        if len(surname) < 5 or not (titled or len(words) > 1):
            return None
        ids = self._near_surnames(surname)
        return self._by_surname(ids, words, day, country, titled) if ids else None

    def _by_surname(
        self, ids: list[str], words: list[str], day: date | None, country: str | None, titled: bool
    ) -> Actor | None:
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
                near = [p for p in people if near_office(p, day)]
                return near[0] if len(near) == 1 else None
            return None
        if len(people) == 1:
            return people[0]
        return holding[0] if len(holding) == 1 else None

    def _by_spelling(self, words: list[str], day: date | None, country: str | None) -> Actor | None:
        """A person whose name has the skeleton of ``words`` (whole, or first and last word), or, for one word,
        whose surname has it, where the date leaves one."""
        from realpolitik.actors.variants import name_keys, skeleton

        keys = self._index.name_keys
        if len(words) == 1:
            if len(words[0]) < 5:
                return None  # a short word's skeleton is too many words' ("Both" is not Ben Bot)
            ids = keys.get("s:" + skeleton(words[0]).replace(" ", ""), ())
        else:
            whole, pair = name_keys(" ".join(words))
            ids = keys.get("w:" + whole, ()) or (keys.get(f"p:{pair[0]}|{pair[1]}", ()) if pair else ())
        if not ids:
            return None
        return self.one_holder((self.actors[i] for i in ids), day, country, anyone=len(words) > 1)

    def person_by_spelling(
        self, words: list[str], day: date | None, country: str | None = None
    ) -> Actor | None:
        """The person whose name ``words`` spell (whole, or first and last word: "Muhammad Shiaa al-Sudani",
        "William Ruto"), among the people whose offices the knowledge base dates; a surname alone only where the
        date leaves one holder of it."""
        words = [w for w in words if w.strip("-'’")]
        return self._by_spelling(words, day, country) if words else None

    def surname_bearers(self, form_indexes: Iterable[int]) -> list[Actor]:
        """The people a surname form belongs to (namesakes all)."""
        return [self.actors[self.forms[i].actor_id] for i in form_indexes if self.forms[i].type == "surname"]

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


def near_office(person: Actor, day: date | None, slack: int = 366) -> bool:
    """Held an office starting or ending within ``slack`` days of ``day``."""
    if day is None:
        return False
    for role in person.roles:
        if role.start and 0 <= (role.start - day).days <= slack:
            return True
        if role.end and 0 <= (day - role.end).days <= slack:
            return True
    return False


def bundled_paths() -> list[Path]:
    base = resources.files("realpolitik.actors") / "data"
    return [Path(str(base / name)) for name in BUNDLED_FILES if (base / name).is_file()]


@cache
def _bundled() -> KnowledgeBase:
    paths = bundled_paths()
    # The code that builds the index is part of what the cache holds: an edited compile.py is a new index.
    key = disk.fingerprint([*paths, Path(compile_module.__file__)], KB_VERSION)
    # Hundreds of thousands of small containers are made here and none is garbage: collecting while they
    # are made costs a third of the time.
    enabled = gc.isenabled()
    gc.disable()
    try:
        state = disk.load(key)
        if state is not None:
            return KnowledgeBase(sources=tuple(str(p) for p in paths), index=_Index(state))
        kb = KnowledgeBase.from_files(paths)
        disk.save(key, kb._index.state())
        return kb
    finally:
        # They live as long as the process: the collector need never walk them again.
        gc.freeze()
        if enabled:
            gc.enable()
