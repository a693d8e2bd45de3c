"""Intergovernmental organisations from the Phoenix international dictionary, one actor per organisation.

Phoenix files many organisations under one code (``IGO`` holds the OPCW, the International Maritime
Organization, La Francophonie, the OSCE, ...; ``IGOUNODEV`` holds UNDP, UNESCO and ESCAP). A dictionary entry
(its names and their synonyms) is one organisation; entries that share a name are one organisation; a code
names one of them (the "owner": the entry that carries the code's usual acronym, else the code's first entry).
Entries that are people ("Catherine Ashton" under the EU) become people with an undated role in the owner;
entries that are offices ("UN Secretary General") are left to the dated office holders. Used by ``build_kb.py``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from kb_curated import slug

# Words that make a name an organisation's (or a body's), not a person's.
ORG_WORDS = {
    "organization", "organisation", "union", "nations", "council", "bank", "fund", "commission", "court",
    "agency", "group", "community", "association", "assembly", "parliament", "program", "programme", "project",
    "mission", "tribunal", "league", "partnership", "coalition", "forum", "treaty", "conference", "secretariat",
    "office", "committee", "contingent", "peacekeeper", "peacekeepers", "countries", "states", "federation",
    "alliance", "area", "authority", "panel", "club", "institute", "centre", "center", "board", "initiative",
    "market", "cooperation", "co-operation", "development", "monitoring", "action", "family", "ministers",
    "nepal", "members", "member", "francophonie", "mayors", "bodies", "resident", "governments", "government", "movement", "front", "corps", "force", "forces",
    "summit", "pact", "dialogue", "process", "network", "facility", "unit", "service", "system", "convention",
    "trust", "foundation", "society", "directorate", "department", "bureau", "delegation", "team",
}  # fmt: skip
# Words that make an entry an office ("UN Secretary General"), handled by the dated office holders instead.
OFFICE_WORDS = {"secretary", "representative", "president", "chief", "spokesman", "spokeswoman", "envoy",
                "ambassador", "director", "chairman", "chairperson", "commissioner", "prosecutor", "rapporteur",
                "sec.", "secy", "unsg"}  # fmt: skip
SMALL = {
    "a",
    "al",
    "an",
    "and",
    "at",
    "de",
    "del",
    "des",
    "du",
    "for",
    "in",
    "la",
    "le",
    "of",
    "on",
    "the",
    "to",
}


_SPELLINGS = (("organisation", "organization"), ("labour", "labor"), ("programme", "program"),
              ("co-operation", "cooperation"), ("centre", "center"), ("southeast", "south east"))  # fmt: skip


def _norm(name: str) -> str:
    name = re.sub(r"^(?:the\s+)?(?:united nations\s+|un\s+(?=\w+\s))?", "", name.strip().lower())
    for a, b in _SPELLINGS:
        name = name.replace(a, b)
    return " ".join(name.replace(".", "").replace(",", " ").split())


def _initials(name: str) -> set[str]:
    """The acronyms a long name may have: its words' initials without and with the small words ("ECWAS",
    "ECOWAS" for the Economic Community of West African States)."""
    words = [w for w in re.split(r"[\s,]+", name.strip().lower()) if w and w[0].isalpha()]
    if words and words[0] == "the":
        words = words[1:]
    return {
        "".join(w[0] for w in words if w not in SMALL).upper(),
        "".join(w[0] for w in words if w not in ("the", "and")).upper(),
    }


def _acronyms(names: list[str]) -> list[str]:
    out = []
    for n in names:
        bare = re.sub(r"^the\s+", "", n.strip(), flags=re.IGNORECASE).replace(".", "")
        if " " not in bare and 2 <= len(bare) <= 8 and bare.isalpha() and bare.isupper():
            out.append(bare)
    return out


def _long(names: list[str]) -> list[str]:
    return [n for n in names if len(n.split()) >= 2]


def _office(name: str) -> bool:
    return bool({w.lower().strip(",") for w in name.split()} & OFFICE_WORDS)


def _kind(names: list[str], acronyms: frozenset[str] = frozenset()) -> str:
    words = {w.lower().strip(",.") for n in names for w in n.split()}
    if any(_office(n) for n in names) and all(_office(n) or _acronyms([n]) for n in names):
        return "office"  # "UN Secretary General", "UNSG"
    tokens = {w.strip(",.").replace(".", "") for n in names for w in n.split()}
    if _acronyms(names) or words & ORG_WORDS or tokens & acronyms:
        return "org"
    if all(1 < len(n.split()) <= 4 for n in names):
        return "person"
    return "org"


def _same(na: list[str], nb: list[str], *, same_code: bool) -> bool:
    """One organisation: the acronym of one is the initials of the other's name ("UN", "United Nations"), or
    (under one code) their long names have the same initials ("West African Development Bank", "West Africa
    Development Bank")."""
    initials_a = {i for n in _long(na) for i in _initials(n)}
    initials_b = {i for n in _long(nb) for i in _initials(n)}
    if set(_acronyms(na)) & initials_b or set(_acronyms(nb)) & initials_a:
        return True
    return same_code and bool(initials_a & initials_b)


class _Groups:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def root(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        ra, rb = self.root(a), self.root(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def igo_entries(
    rows: list[dict[str, Any]], codes: dict[str, str], reserved: dict[str, set[str]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(IGO records as ``{"id", "names"}``, people as ``{"names", "igo"}``) from the Phoenix international
    entries with one undated ``IGO...`` code; ``codes`` maps a Phoenix code to its organisation's usual
    acronym (``IGOUNO`` -> ``UN``). ``reserved`` are the hand-written organisations (id -> names): an entry
    sharing a name with one takes its id, and no other entry does (the World Tourism Organization is not the
    WTO)."""
    reserved_keys = {key: ident for ident, names in reserved.items() for key in map(_norm, names)}
    entries = [
        (r["codes"][0]["code"], list(dict.fromkeys(n.strip() for n in r["names"] if n.strip())))
        for r in rows
        if r["file"].startswith("Phoenix.International")
        and len(r["codes"]) == 1
        and "start" not in r["codes"][0]
        and "end" not in r["codes"][0]
        and r["codes"][0]["code"].startswith("IGO")
    ]
    groups = _Groups(len(entries))
    seen: dict[str, int] = {}
    for i, (_code, names) in enumerate(entries):
        for n in names:
            seen.setdefault(_norm(n), i)
            groups.join(i, seen[_norm(n)])
    # One code, and the acronym of one entry is the initials of the other's name ("UN", "United Nations"),
    # or their long names have the same initials ("West African Development Bank", "West Africa ...").
    by_code: dict[str, list[int]] = defaultdict(list)
    for i, (code, _names) in enumerate(entries):
        by_code[code].append(i)
    for members in by_code.values():
        for a in members:
            for b in members:
                if a < b and _same(entries[a][1], entries[b][1], same_code=True):
                    groups.join(a, b)
    long_acronyms = {a: i for i, (_c, names) in enumerate(entries) for a in _acronyms(names) if len(a) >= 3}
    for i, (_code, names) in enumerate(entries):
        for n in _long(names):
            for initials in _initials(n):
                if initials in long_acronyms:
                    groups.join(i, long_acronyms[initials])
    members_of: dict[int, list[int]] = defaultdict(list)
    for i in range(len(entries)):
        members_of[groups.root(i)].append(i)

    def names_of(g: int) -> list[str]:
        return list(dict.fromkeys(n for i in members_of[g] for n in entries[i][1]))

    # An entry that only qualifies another of its code ("UN Secretariat", "ASEAN countries") is that one.
    acronym_group = {a: g for g in members_of for a in _acronyms(names_of(g))}
    known = frozenset(acronym_group)
    for g in list(members_of):
        names = names_of(g)
        if _acronyms(names) or _kind(names, known) != "org":
            continue
        tokens = {w.strip(",.") for n in names for w in n.replace(".", "").split()}
        codes_of = {entries[i][0] for i in members_of[g]}
        hosts = {
            acronym_group[t]
            for t in tokens
            if t in acronym_group and {entries[i][0] for i in members_of[acronym_group[t]]} & codes_of
        }
        if len(hosts) == 1 and (host := hosts.pop()) != g:
            members_of[host].extend(members_of.pop(g))
    ident: dict[int, str] = {}
    owner: dict[str, int] = {}
    for g in sorted(members_of):
        names = names_of(g)
        for code in sorted({entries[i][0] for i in members_of[g]}):
            wanted = codes.get(code)
            if wanted and (wanted in _acronyms(names) or any(wanted in _initials(n) for n in _long(names))):
                owner.setdefault(code, g)
    for g in sorted(members_of):
        if _kind(names_of(g), known) == "org":
            for i in members_of[g]:
                owner.setdefault(entries[i][0], g)
    used: set[str] = set()
    for g in sorted(members_of):
        # an entry with a hand-written organisation's name is that organisation ("European Commission" is
        # the EU's): several entries may be one
        hits = {reserved_keys[k] for k in map(_norm, names_of(g)) if k in reserved_keys}
        if len(hits) == 1:
            ident[g] = hits.pop()
            used.add(ident[g])
    for code, g in sorted(owner.items(), key=lambda kv: kv[1]):
        if code in codes and g not in ident and codes[code] not in used:
            ident[g] = codes[code]
            used.add(codes[code])
    igos: list[dict[str, Any]] = []
    people: list[dict[str, Any]] = []
    for g in sorted(members_of):
        names = names_of(g)
        kind = _kind(names, known)
        if kind == "office":
            continue
        if kind == "person":
            code = entries[members_of[g][0]][0]
            home = ident.get(owner[code]) if code in codes and code in owner else None
            if home:
                people.append({"names": names, "igo": home})
            continue
        # "World Bank President" is an office of the organisation, not one of its names
        names = [n for n in names if not _office(n)] or names
        if g not in ident:
            acronyms = _acronyms(names)
            long = (_long(names) or names)[0]
            base = acronyms[0] if acronyms else min(_initials(long), key=len) or "IGO"
            candidate, n = base, 2
            while candidate in used or candidate in reserved:
                candidate, n = f"{base}{n}", n + 1
            ident[g] = candidate
            used.add(candidate)
        igos.append({"id": ident[g], "names": names})
    return igos, people


def person_records(people: list[dict[str, Any]], pretty: Any) -> list[dict[str, Any]]:
    """People filed under an organisation: an undated role in it (their code is the organisation's)."""
    out = []
    for p in people:
        names = [pretty(n) for n in p["names"]]
        out.append(
            {
                "id": f"person:{slug(names[0])}",
                "kind": "person",
                "name": names[0],
                "code": p["igo"],
                "aliases": names[1:],
                "roles": [{"title": "official", "country": p["igo"], "sector": None}],
            }
        )
    return out
