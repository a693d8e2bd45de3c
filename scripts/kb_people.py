"""One record per person: the office holders (``kb_officeholders.py``) folded together with the hand-written
people (``kb_additions.txt``) and the Phoenix people they stand for, linked by a shared name or a spelling of it
in countries that can be one person's. Used by ``build_kb.py``.

- A hand-written person keeps its id; the office holder's name, aliases, surnames and roles win, and its own
  roles stay where no office-holder role of the same office covers the same time ("Chairman of the Senate",
  or a foreign ministry before 2000).
- A Phoenix person adds its names, and its roles where the person held no other office.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date
from typing import Any

from kb_officeholders import IGOS, SUCCESSORS, TITLES

from realpolitik.actors.compile import KIND_KEYS
from realpolitik.actors.variants import plain, skeleton

Record = dict[str, Any]


def name_links(record: Record) -> set[str]:
    """The keys a person is linked by: each untitled name of two words or more, as written (accent-free,
    case-blind) and by its transliteration skeleton."""
    names = [record["name"], *[a if isinstance(a, str) else a["text"] for a in record.get("aliases", [])]]
    out = set()
    for n in names:
        words = n.split()
        if len(words) >= 2 and words[0].lower() not in TITLES:
            out.add(plain(n).casefold())
            out.add("~" + skeleton(n).replace(" ", ""))
    return out


def countries(record: Record) -> set[str]:
    found = {r.get("country") for r in record.get("roles", [])} | {record.get("code")}
    return {c for c in found if c}


def compatible(a: set[str], b: set[str]) -> bool:
    """Two sets of countries one person can have held office in: a common state, an IGO, or successor states."""
    states_a = {c for c in a if c not in IGOS and len(c) == 3}
    states_b = {c for c in b if c not in IGOS and len(c) == 3}
    if not states_a or not states_b or states_a & states_b:
        return True
    return any(states_a | states_b <= pair for pair in SUCCESSORS)


def _span(role: Record) -> tuple[date, date]:
    start = date.fromisoformat(role["start"]) if role.get("start") else date.min
    end = date.fromisoformat(role["end"]) if role.get("end") else date.max
    return start, end


def _overlap(a: Record, b: Record) -> bool:
    (s1, e1), (s2, e2) = _span(a), _span(b)
    return s1 < e2 and s2 < e1


def _keys(role: Record, office_key: Callable[[str], str]) -> set[str]:
    keys = {office_key(role["title"])}
    keys.update(KIND_KEYS.get(role.get("office") or "", ()))
    return keys


def merge_people(
    holders: list[Record],
    curated: list[Record],
    phoenix: list[Record],
    office_key: Callable[[str], str],
) -> tuple[list[Record], list[Record], list[Record]]:
    """(office holders merged with the people they are, the hand-written people left, the Phoenix people left)."""
    by_key: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for i, rec in enumerate(holders):
        for key in name_links(rec):
            by_key[key].append(("h", i))

    def target(rec: Record) -> int | None:
        found = {i for key in name_links(rec) for kind, i in by_key.get(key, ()) if kind == "h"}
        found = {i for i in found if compatible(countries(holders[i]), countries(rec))}
        return min(found) if len(found) == 1 else None

    curated_left = []
    for rec in curated:
        i = target(rec)
        if i is None:
            curated_left.append(rec)
            continue
        _fold_curated(holders[i], rec, office_key)
    phoenix_left = []
    for rec in phoenix:
        i = target(rec)
        if i is None:
            phoenix_left.append(rec)
            continue
        _fold_phoenix(holders[i], rec)
    _settle_ids(holders, {r["id"] for r in [*curated_left, *phoenix_left]})
    return holders, curated_left, phoenix_left


def _settle_ids(holders: list[Record], taken: set[str]) -> None:
    """A person linked to a hand-written record has its id; the others take their name's slug, the Phoenix
    record's id they stand for, or the slug with the country where two people share a name."""
    used = set(taken) | {r["id"] for r in holders if r.get("linked") == "curated"}
    for rec in holders:
        linked = rec.pop("linked", None)
        phoenix = rec.pop("phoenix_id", None)
        if linked == "curated":
            continue
        base = rec["id"]
        for candidate in (base, phoenix, f"{base}-{(rec.get('code') or 'x').lower()}"):
            if candidate and candidate not in used:
                rec["id"] = candidate
                break
        else:
            n = 2
            while f"{base}-{n}" in used:
                n += 1
            rec["id"] = f"{base}-{n}"
        used.add(rec["id"])


def _fold_curated(into: Record, rec: Record, office_key: Callable[[str], str]) -> None:
    # The hand-written record keeps its id, display name ("Gerhard Schroeder", the wire's spelling) and sector.
    into["id"] = rec["id"]
    into["linked"] = "curated"
    if rec["name"] != into["name"]:
        into["aliases"] = [
            rec["name"] if a == rec["name"] else a for a in into["aliases"] if a != rec["name"]
        ]
        into["aliases"].insert(0, into["name"])
        into["name"] = rec["name"]
    if rec.get("sector"):
        into["sector"] = rec["sector"]
    _add_names(into, rec)
    kept = []
    for role in rec.get("roles", []):
        keys = _keys(role, office_key)
        covered = any(
            r.get("country") == role.get("country") and _keys(r, office_key) & keys and _overlap(r, role)
            for r in into["roles"]
        )
        if not covered:
            kept.append(role)
    into["roles"] = sorted([*into["roles"], *kept], key=lambda r: (r.get("start") or "", r["title"]))


def _fold_phoenix(into: Record, rec: Record) -> None:
    if into.get("linked") != "curated":
        into["linked"] = "phoenix"
        into.setdefault("phoenix_id", rec["id"])
        if rec.get("sector"):
            into["sector"] = rec["sector"]  # out of office, the Phoenix default ("ELI": a political figure)
    _add_names(into, rec)
    kept = [r for r in rec.get("roles", []) if not any(_overlap(r, mine) for mine in into["roles"])]
    into["roles"] = sorted([*into["roles"], *kept], key=lambda r: (r.get("start") or "", r["title"]))


def _add_names(into: Record, rec: Record) -> None:
    """``rec``'s names join ``into``'s: a one-word name that is the surname joins the surnames, another
    one-word name ("Xi", "Lula") stays a name of its own."""
    names = {n.casefold() for n in [into["name"], *into["aliases"]]}
    surnames = {n.casefold() for n in into.get("surnames", [])}
    for n in [rec["name"], *rec.get("aliases", [])]:
        if n.casefold() in names:
            continue
        if len(n.split()) == 1 and is_surname(n, [into["name"], *into["aliases"]]):
            if n.casefold() not in surnames:
                into.setdefault("surnames", []).append(n)
                surnames.add(n.casefold())
            continue
        names.add(n.casefold())
        into["aliases"].append(n)
        if n.casefold() in surnames:
            into["surnames"] = [x for x in into["surnames"] if x.casefold() != n.casefold()]


def is_surname(word: str, names: list[str]) -> bool:
    """``word`` is the last word of one of ``names``, or a spelling of it ("Tokaev" of "Tokayev")."""
    key = skeleton(word)
    return any(len(n.split()) >= 2 and skeleton(n.split()[-1]) == key for n in names)
