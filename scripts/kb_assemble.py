"""The last steps of ``build_kb.py``: fold the researched organisations and IGO names over the records built
from Phoenix and the hand-written additions, give every name to one actor, and keep only the surnames that can
stand alone (not a common word, not another actor's name)."""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Callable
from typing import Any

from kb_officeholders import FAMILY_FIRST

Record = dict[str, Any]
# A renamed body keeps one record: the Conference on Security and Co-operation in Europe is the OSCE.
RENAMED = {"CSCE": "OSCE"}


def norm(text: str) -> str:
    text = text.replace("’", "'").casefold()
    text = " ".join(text.split())
    return text[4:] if text.startswith("the ") else text


def _texts(rec: Record) -> list[str]:
    return [a if isinstance(a, str) else a["text"] for a in rec.get("aliases", [])]


def merge_organisations(data: list[Record], existing: list[Record]) -> tuple[list[Record], list[Record]]:
    """The researched organisations folded into the records they are (same name, compatible code): the
    record keeps its id and takes the data's kind, code, sector and dates; the rest are new records. Returns
    (the new records, the existing records the data changed in place)."""
    by_name: dict[str, list[Record]] = {}
    for rec in existing:
        by_name.setdefault(norm(rec["name"]), []).append(rec)
    data_names = {norm(n) for d in data for n in [d["name"], *d["aliases"]]}
    used: set[int] = set()
    new, matched = [], []
    for d in data:
        names = [d["name"], *d["aliases"]]
        match = None
        for n in names:
            for rec in by_name.get(norm(n), ()):
                if id(rec) not in used and _codes_fit(rec.get("code"), d["code"]):
                    match = rec
                    break
            if match:
                break
        if match is None:
            new.append(d)
            continue
        used.add(id(match))
        matched.append(match)
        others = [n for n in [match["name"], *_texts(match)] if norm(n) not in {norm(x) for x in names}]
        for key in ("kind", "code", "sector", "valid_from", "valid_until", "homes"):
            if d.get(key) is not None:
                match[key] = d[key]
        match["name"] = d["name"]
        match["aliases"] = list(
            dict.fromkeys([*d["aliases"], *(o for o in others if norm(o) not in data_names)])
        )
    return new, matched


def _codes_fit(old: str | None, new: str) -> bool:
    return old in (None, "IMG", new) or new == "IMG"


def fold_igo_names(igos: list[Record], names: dict[str, dict[str, list[Record]]]) -> list[Record]:
    """``igos`` with the researched names and descriptions of each organisation (dated where they were true
    only for a while: "Turkic Council" until 2021, "the 27-nation bloc" since Brexit); a code with no record
    gets one. A text belongs to its organisation only: the other records lose it."""
    by_id = {rec["id"]: rec for rec in igos}
    for old, new in RENAMED.items():
        if old in by_id and new in by_id:
            gone = by_id.pop(old)
            by_id[new]["aliases"] = [*by_id[new].get("aliases", []), gone["name"], *_texts(gone)]
    owned: dict[str, str] = {}
    for code, kinds in names.items():
        code = RENAMED.get(code, code)
        rec = by_id.get(code)
        if rec is None:
            first = kinds["name"][0]["text"] if kinds["name"] else code
            rec = by_id[code] = {"id": code, "kind": "igo", "name": first, "code": code, "aliases": []}
        items = [*kinds["name"], *kinds["description"]]
        texts = {norm(t["text"]) for t in items}
        aliases = [
            a for a in rec.get("aliases", []) if norm(a if isinstance(a, str) else a["text"]) not in texts
        ]
        for t in items:
            owned[norm(t["text"])] = code
            if norm(t["text"]) == norm(rec["name"]) and not (t["start"] or t["end"]):
                continue
            dated = {k: t[k] for k in ("start", "end") if t[k]}
            aliases.append({"text": t["text"], **dated} if dated else t["text"])
        rec["aliases"] = aliases
    for code, rec in by_id.items():
        rec["aliases"] = [
            a
            for a in rec.get("aliases", [])
            if owned.get(norm(a if isinstance(a, str) else a["text"]), code) == code
        ]
    return [rec for rec in by_id.values() if owned.get(norm(rec["name"]), rec["id"]) == rec["id"]]


def drop_titled(people: list[Record], offices: set[str]) -> None:
    """A person's form that starts with an office ("King Abdullah", "President Abdullah Gul") is left to the
    office and the date ("Saudi King Abdullah" is not Jordan's king)."""
    for rec in people:
        kept = []
        for a in rec.get("aliases", []):
            words = norm(a if isinstance(a, str) else a["text"]).split()
            if not any(" ".join(words[:k]) in offices for k in (1, 2, 3) if k < len(words)):
                kept.append(a)
        rec["aliases"] = kept


def give_names_once(owners: list[Record], others: list[Record]) -> list[Record]:
    """A name of an ``owners`` record (the researched organisations) is no other record's: ``others`` lose it
    as an alias, and one whose own name it is goes by its next name, or goes (an old Phoenix "Ansar Allah" is
    not today's Houthis). Returns the records that went."""
    owned = {norm(n) for rec in owners for n in [rec["name"], *_texts(rec)]}
    gone = []
    for rec in others:
        if "aliases" in rec:
            rec["aliases"] = [
                a for a in rec["aliases"] if norm(a if isinstance(a, str) else a["text"]) not in owned
            ]
        if rec.get("name") and norm(rec["name"]) in owned and rec.get("kind") not in ("state", "person"):
            rest = [a for a in rec.get("aliases", []) if isinstance(a, str)]
            if rest:
                rec["name"] = rest[0]
                rec["aliases"] = rest[1:]
            else:
                gone.append(rec)
    return gone


# Words that are never a surname alone: places the knowledge base does not hold ("talks in The Hague"), and
# the days and months ("On Friday" is not Godwin Friday).
# Words that end organisation names ("Syrian National Council"): never a person's surname alone.
NOT_SURNAMES = {
    "hague",
    *calendar.day_name,
    *calendar.month_name[1:],
    *("council", "committee", "commission", "coalition", "front", "party", "union", "movement", "army"),
    *("assembly", "congress", "organization", "organisation", "alliance", "forces", "brigade", "league"),
}


def filter_surnames(
    people: list[Record],
    everyone: list[Record],
    taken: set[str],
    lower: Counter[str],
    common: set[str],
    office_country: Callable[[Record], str],
) -> None:
    """Keep the surnames that can name a person alone: not another actor's name or word (``taken``, form keys,
    with or without "the"), not a word news writes in lower case (``lower``, ``common``), not a word that is far
    more often a first name than a surname (``everyone``: "Stephen"; Chinese and Korean family names come first
    and stay), and at least three letters (two for a Chinese or Korean family name: "Xi", "Li")."""
    firsts = Counter(
        w for rec in everyone for w in {norm(n.split()[0]) for n in [rec["name"], *_texts(rec)] if " " in n}
    )
    lasts = Counter(
        w for rec in everyone for w in {norm(n.split()[-1]) for n in [rec["name"], *_texts(rec)] if " " in n}
    )
    taken = taken | {k[4:] for k in taken if k.startswith("the ")} | {w.casefold() for w in NOT_SURNAMES}
    english = Counter(
        w
        for rec in everyone
        if rec.get("code") not in FAMILY_FIRST
        for w in {norm(n.split()[0]) for n in [rec["name"], *_texts(rec)] if " " in n}
    )
    for rec in people:
        family_first = office_country(rec) in FAMILY_FIRST
        kept = []
        for s in rec.get("surnames", []):
            key = norm(s)
            letters = re.sub(r"[^\w]", "", s)
            if len(letters) < (2 if family_first else 3) or key in taken or key in common or lower[key] >= 2:
                continue
            if firsts[key] >= 3 and firsts[key] > 2 * lasts[key] and not family_first:
                continue  # a first name far more than a surname ("Stephen", "Jesus"; not "Sharif")
            if family_first and english[key] >= 3:
                continue  # "James" of James Huang is a given name
            if s not in kept:
                kept.append(s)
        rec["surnames"] = kept
