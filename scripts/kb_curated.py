"""The hand-written additions to the actor knowledge base (``kb_additions.txt``, format in its header): read
them into KB records and fold them over the records built from Phoenix and GeoNames. Used by ``build_kb.py``."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Any


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def parse_additions(path: Path) -> list[dict[str, Any]]:
    """Read the hand-written additions (format in the file's header) into KB records."""
    records: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("|")]
        try:
            if line.startswith((" ", "\t")):
                if current is None:
                    raise ValueError("an indented line needs a record above it")
                head = cells[0]
                if current["kind"] == "igo":
                    current.setdefault("members", []).append(
                        {
                            "member": head,
                            "start": cells[1] or None if len(cells) > 1 else None,
                            "end": cells[2] or None if len(cells) > 2 else None,
                        }
                    )
                else:
                    current.setdefault("roles", []).append(
                        {
                            "title": head,
                            "country": cells[1],
                            "sector": (cells[4] if len(cells) > 4 and cells[4] else "GOV"),
                            "start": cells[2] or None,
                            "end": cells[3] or None if len(cells) > 3 else None,
                        }
                    )
                continue
            kind = cells[0]
            if kind == "state":
                current = {"id": cells[1], "kind": "state", "code": cells[1], "extend": True}
                for cell in cells[2:]:
                    key, _, value = cell.partition("=")
                    items = [v.strip() for v in value.split(";") if v.strip()]
                    if key == "metonyms":
                        current["metonyms"] = [{"text": v, "sector": "GOV"} for v in items]
                    elif key == "name":
                        current["name"] = value.strip()
                    elif key == "until":  # a state that no longer exists: its names name no actor after
                        current["valid_until"] = value.strip()
                    else:
                        current[key] = items
            elif kind == "metonym":  # metonym | ISO3 | text | sector | start | end
                records.append(
                    {
                        "id": cells[1],
                        "kind": "state",
                        "extend": True,
                        "metonyms": [
                            {
                                "text": cells[2],
                                "sector": cells[3] or None,
                                "start": cells[4] or None,
                                "end": cells[5] or None,
                            }
                        ],
                    }
                )
                current = None
                continue
            elif kind in (
                "person",
                "igo",
                "region",
                "group",
                "office",
                "agent",
                "armed_group",
                "ngo",
                "company",
            ):
                # kind | id-or-code | name | aliases; ... | [code] | [sector] [| homes=ISO3; ...] [| until=DATE]
                homes = [h.strip() for c in cells if c.startswith("homes=") for h in c[6:].split(";")]
                until = next((c[6:].strip() for c in cells if c.startswith("until=")), None)
                cells = [c for c in cells if not c.startswith(("homes=", "until="))]
                name = cells[2]
                aliases = [a.strip() for a in cells[3].split(";") if a.strip()] if len(cells) > 3 else []
                if kind == "person":
                    ident = cells[1] or f"person:{slug(name)}"
                elif kind == "office":
                    owner = cells[5] if len(cells) > 5 and cells[5] else ""
                    ident = f"office:{slug(name)}" + (f"-{owner.lower()}" if owner else "")
                else:
                    ident = cells[1]
                if kind == "igo" and cells[1] not in aliases:
                    aliases.insert(0, cells[1])  # the acronym is its most common name
                current = {
                    "id": ident,
                    "kind": "agent" if kind == "office" else kind,
                    "name": name,
                    "aliases": aliases,
                }
                if kind == "office":
                    current["office"] = name
                    current["sector"] = cells[4] if len(cells) > 4 and cells[4] else "GOV"
                    if len(cells) > 5 and cells[5]:
                        current["code"] = cells[
                            5
                        ]  # an office of one organisation ("European Commission President")
                else:
                    current["code"] = (cells[4] if len(cells) > 4 and cells[4] else None) or (
                        cells[1] if kind in ("igo", "region", "group") else None
                    )
                    if len(cells) > 5 and cells[5]:
                        current["sector"] = cells[5]
                    if homes:
                        current["homes"] = [h for h in homes if h]
                if until:
                    current["valid_until"] = until
            else:
                raise ValueError(f"unknown record kind {kind!r}")
            records.append(current)
        except (IndexError, ValueError) as exc:
            raise SystemExit(f"{path}:{number}: {exc}") from exc
    return records


def merge_curated(curated: list[dict[str, Any]], persons: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Fold each Phoenix person a curated person stands for (same full name, or same surname and country)
    into the curated record, so one person has one id."""
    by_name: dict[str, list[int]] = defaultdict(list)
    by_surname: dict[tuple[str, str | None], list[int]] = defaultdict(list)
    for i, p in enumerate(persons):
        for n in [p["name"], *p["aliases"]]:
            by_name[n.lower()].append(i)
        by_surname[(p["name"].split()[-1].lower(), p["code"])].append(i)
    dropped: set[int] = set()
    for rec in curated:
        if rec["kind"] != "person":
            continue
        names = [rec["name"], *rec.get("aliases", [])]
        hits = {i for n in names if " " in n for i in by_name.get(n.lower(), [])}
        countries = {r["country"] for r in rec.get("roles", [])} | {rec.get("code")}
        firsts = {n.split()[0].lower() for n in names if " " in n}
        for c in countries:
            # same surname and country, and not another first name ("Igor Ivanov" is not "Sergei Ivanov")
            hits |= {
                i
                for i in by_surname.get((rec["name"].split()[-1].lower(), c), [])
                if " " not in persons[i]["name"] or persons[i]["name"].split()[0].lower() in firsts
            }
        for i in hits - dropped:
            old = persons[i]
            extra = [n for n in [old["name"], *old["aliases"]] if n.lower() not in {x.lower() for x in names}]
            rec["aliases"] = [*rec.get("aliases", []), *extra]
            dropped.add(i)
    return [p for i, p in enumerate(persons) if i not in dropped]


def fold(target: dict[str, Any], rec: dict[str, Any]) -> None:
    """Merge a hand-written record into a generated one: lists are extended (a hand-written metonym
    replaces a generated one with the same text), scalars replaced."""
    for key, value in rec.items():
        if key in ("id", "kind", "extend"):
            continue
        if key == "metonyms":
            texts = {m["text"].lower() for m in value}
            kept = [m for m in target.get("metonyms", []) if not (isinstance(m, str) and m.lower() in texts)]
            target["metonyms"] = [*kept, *value]
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            target[key] = value
        elif isinstance(value, list):
            target[key] = list(dict.fromkeys([*target.get(key, []), *value]))
        elif value is not None:
            target[key] = value
    if target.get("name") in target.get("aliases", []):
        target["aliases"].remove(target["name"])
