"""Builds the knowledge base's indexes from validated records (``records.py``): every surface form with its
type, sector and dates, the office holders under every key their office is known by, the surname index and the
spelling-blind keys of people's names. The result is plain builtins, so the bundled knowledge base's indexes can
be cached (``cache.py``) and loaded without rebuilding them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from realpolitik.actors.variants import name_keys, skeleton

Records = dict[str, tuple[dict[str, Any], int]]
# Form types, in the order a form wins over another form with the same words.
FORM_TYPES = ("name", "surname", "adjective", "metonym", "place", "agent")
# The keys an office of each kind is also found under ("the German head of government", "the Irish prime
# minister" for the Taoiseach, "the EU's foreign policy chief").
KIND_KEYS = {
    "head_of_state": ("head of state",),
    "head_of_government": ("head of government", "prime minister"),
    "foreign_minister": ("foreign minister",),
    "defence_minister": ("defence minister",),
    "head": ("head",),
    "party_leader": ("party leader",),
}
MONARCHS = frozenset({"king", "queen", "emir", "sultan", "emperor", "duke", "prince", "monarch"})
ACTING = ("acting ", "interim ", "transitional ", "caretaker ")
_KIND_ORDER = {"state": 0, "igo": 1, "region": 2, "group": 3, "person": 4}


def form_key(text: str) -> str:
    """The case- and space-insensitive key a surface form is indexed under."""
    return " ".join(text.split()).casefold().replace("’", "'")


def compile_index(records: Records) -> tuple[Any, ...]:
    """The state of a ``kb._Index`` for ``records`` (id -> (fields, rank))."""
    office_keys: dict[str, str] = {}
    for fields, _rank in records.values():
        office = fields.get("office")
        if office:
            for text in (fields["name"], *(a[0] for a in fields.get("aliases", ()))):
                office_keys.setdefault(form_key(text), form_key(office))

    def okey(title: str) -> str:
        key = form_key(title)
        for prefix in ACTING:
            if key.startswith(prefix):
                key = key[len(prefix) :]
                break
        return office_keys.get(key, key)

    forms: list[tuple[Any, ...]] = []
    by_key: dict[str, list[int]] = {}
    rows: dict[str, tuple[Any, ...]] = {}
    offices: dict[str, str] = {}
    homes: dict[str, tuple[str, ...]] = {}
    holders: dict[str, list[tuple[str, int]]] = {}
    surnames: dict[str, list[str]] = {}
    keys: dict[str, list[str]] = {}
    kinds = {actor_id: fields["kind"] for actor_id, (fields, _r) in records.items()}

    def add(
        text: str, actor_id: str, ftype: str, sector: str | None, start: Any, end: Any, rank: int
    ) -> None:
        key = form_key(text)
        if key:
            by_key.setdefault(key, []).append(len(forms))
            forms.append((text, actor_id, ftype, sector, start, end, rank))

    for actor_id, (f, rank) in records.items():
        kind = f["kind"]
        aliases = f.get("aliases", ())
        names = tuple(dict.fromkeys((f["name"], *(a[0] for a in aliases))))
        start, end, sector = f.get("valid_from"), f.get("valid_until"), f.get("sector")
        roles = f.get("roles", ())
        rows[actor_id] = (
            f["name"],
            kind,
            f.get("code"),
            sector,
            names,
            roles,
            f.get("members", ()),
            start,
            end,
        )
        if f.get("office"):
            offices[actor_id] = f["office"]
        if f.get("homes"):
            homes[actor_id] = f["homes"]
        ftype = "agent" if kind == "agent" else "name"
        add(f["name"], actor_id, ftype, sector, start, end, rank)
        for text, _sector, a_start, a_end in aliases:
            dated = a_start is not None or a_end is not None
            add(text, actor_id, ftype, sector, a_start if dated else start, a_end if dated else end, rank)
        for text in f.get("surnames", ()):
            add(text, actor_id, "surname", sector, start, end, rank)
        for text in f.get("adjectives", ()):
            add(text, actor_id, "adjective", sector, start, end, rank)
        for text, m_sector, m_start, m_end in f.get("metonyms", ()):
            add(text, actor_id, "metonym", m_sector, m_start, m_end, rank)
        for text in f.get("places", ()):
            add(text, actor_id, "place", None, start, end, rank)
        if kind == "person":
            _index_person(actor_id, f, names, surnames, keys)
        for i, (title, country, _s, _a, _b, office) in enumerate(roles):
            if country:
                for key in _role_keys(title, country, office, okey, kinds.get(country) == "state"):
                    holders.setdefault(f"{country}\t{key}", []).append((actor_id, i))
    type_order = {t: i for i, t in enumerate(FORM_TYPES)}
    for indexes in by_key.values():
        if len(indexes) > 1:
            indexes.sort(
                key=lambda i: (
                    type_order[forms[i][2]],
                    _KIND_ORDER.get(kinds[forms[i][1]], 5),
                    -forms[i][6],
                )
            )
    columns = tuple(list(column) for column in zip(*forms, strict=True)) if forms else ([],) * 7
    return (columns, by_key, rows, offices, office_keys, homes, holders, surnames, keys)


# Phoenix files some bodies as people ("Syrian National Council"): the last word of a body's name is no surname.
_BODY_WORDS = frozenset(
    {
        "council",
        "committee",
        "commission",
        "coalition",
        "front",
        "party",
        "union",
        "movement",
        "army",
        "league",
    }
)


def _index_person(
    actor_id: str,
    f: dict[str, Any],
    names: tuple[str, ...],
    surnames: dict[str, list[str]],
    keys: dict[str, list[str]],
) -> None:
    for text in names:
        last = text.split()[-1]
        if (
            len(last) >= 4
            and last[:1].isupper()
            and last.replace("-", "").isalpha()
            and last.casefold() not in _BODY_WORDS
        ):
            ids = surnames.setdefault(last.casefold(), [])
            if actor_id not in ids:
                ids.append(actor_id)
    # Spelling-blind keys for the people whose offices the knowledge base dates (office holders, the
    # hand-written people): their names reach the news in several transliterations.
    if not f.get("surnames") and not any(role[5] for role in f.get("roles", ())):
        return
    found: set[str] = set()
    for text in names:
        if len(text.split()) >= 2:
            whole, pair = name_keys(text)
            found.add("w:" + whole)
            if pair:
                found.add(f"p:{pair[0]}|{pair[1]}")
    for text in f.get("surnames", ()):
        found.add("s:" + skeleton(text).replace(" ", ""))
    for key in found:
        keys.setdefault(key, []).append(actor_id)


def _role_keys(
    title: str, country: str, office: str | None, okey: Callable[[str], str], state: bool
) -> set[str]:
    """Every key an office is found under: its title's ("president", "foreign minister" for "Secretary of
    State"), its kind's ("head of state"), "president" or "monarch" for a state's head, and an IGO head's title
    without the organisation ("Secretary-General of ASEAN" is ASEAN's "secretary-general"; the EU's two
    presidents keep their whole titles)."""
    keys = {okey(title)}
    if office:
        keys.update(KIND_KEYS[office])
        words = set(form_key(title).split())
        if state and office in ("head_of_state", "head_of_government"):
            if "president" in words:
                keys.add("president")
            if words & MONARCHS:
                keys.add("monarch")
        if office == "head" and country != "EU":
            keys.add(okey(title.split(" of ")[0]))
    return keys
