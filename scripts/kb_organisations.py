"""Armed forces, security services, state companies and media, armed groups (``scripts/kb/organisations.jsonl``)
and the names of intergovernmental organisations with their renamings and the descriptions news prose uses
(``scripts/kb/igo_names.jsonl``): validate them and turn them into knowledge-base records. Used by
``build_kb.py``; the formats are in ``scripts/kb/README.md``.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

import pycountry
from kb_curated import slug

ORG_FIELDS = frozenset({"name", "aliases", "kind", "code", "sector", "valid_from", "valid_until", "source", "home",
                        "note"})  # fmt: skip
IGO_FIELDS = frozenset({"code", "text", "kind", "valid_from", "valid_until", "source", "note"})
SECTORS = frozenset({"MIL", "SPY", "COP", "BUS", "MED", "REB", "UAF", "GOV"})
# The knowledge base's kind for each kind of organisation: a state's own bodies are its agents (they carry its
# code and a sector), companies and media are companies, armed groups stay armed groups.
KINDS = {"military": "agent", "security_service": "agent", "police": "agent", "government_body": "agent",
         "party": "agent", "other": "agent", "company": "company", "media": "company",
         "armed_group": "armed_group"}  # fmt: skip
_ISO3 = frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX"}


def _fail(where: str, message: str) -> SystemExit:
    return SystemExit(f"{where}: {message}")


def _rows(path: Path) -> list[tuple[str, dict[str, Any]]]:
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            where = f"{path.name}:{number}"
            try:
                out.append((where, json.loads(line)))
            except json.JSONDecodeError as exc:
                raise _fail(where, f"invalid JSON: {exc.msg}") from None
    return out


def _dates(raw: dict[str, Any], where: str) -> tuple[str | None, str | None]:
    start, end = raw.get("valid_from"), raw.get("valid_until")
    for name, value in (("valid_from", start), ("valid_until", end)):
        if value is not None:
            try:
                date.fromisoformat(value)
            except (TypeError, ValueError):
                raise _fail(where, f"field {name!r}: not a YYYY-MM-DD date: {value!r}") from None
    if start and end and end <= start:
        raise _fail(where, f"field 'valid_until': {end} is not after {start}")
    return start, end


def organisations(path: Path, igo_codes: set[str]) -> list[dict[str, Any]]:
    """KB records of ``organisations.jsonl`` (validated; a mistake stops the build with file:line)."""
    records: list[dict[str, Any]] = []
    ids: dict[str, int] = defaultdict(int)
    for where, raw in _rows(path):
        unknown = sorted(set(raw) - ORG_FIELDS)
        if unknown:
            raise _fail(where, f"unknown field {unknown[0]!r}")
        for name in ("name", "kind", "sector", "source"):
            if not isinstance(raw.get(name), str) or not raw[name].strip():
                raise _fail(where, f"field {name!r} is required")
        if raw["kind"] not in KINDS:
            raise _fail(where, f"field 'kind': {raw['kind']!r} is not one of {', '.join(KINDS)}")
        if raw["sector"] not in SECTORS:
            raise _fail(
                where, f"field 'sector': {raw['sector']!r} is not one of {', '.join(sorted(SECTORS))}"
            )
        code = raw.get("code")
        if code is None:
            if raw["kind"] != "armed_group" or not raw.get("home"):
                raise _fail(where, "field 'code': null only for a transnational armed group with a 'home'")
        elif code not in _ISO3 and code not in igo_codes:
            raise _fail(where, f"field 'code': {code!r} is neither ISO 3166 alpha-3 nor a known IGO")
        aliases = raw.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            raise _fail(where, "field 'aliases': a list of names")
        start, end = _dates(raw, where)
        kind = KINDS[raw["kind"]]
        sector = raw["sector"]
        if raw["kind"] == "government_body" and sector == "MIL":
            sector = "GOV"  # a defence ministry is government (CAMEO GOVMIL, as the agent words code it)
        base = f"{'org' if kind == 'agent' else kind}:{slug(raw['name'])}"
        ids[base] += 1
        ident = base if ids[base] == 1 else f"{base}-{start or ids[base]}"
        home = raw.get("home")
        # "Taliban (government since 2021)": the words in brackets tell two records apart; news says "Taliban"
        name = re.sub(r"\s*\([^)]*\)$", "", raw["name"].strip())
        record: dict[str, Any] = {
            "id": ident,
            "kind": kind,
            "name": name,
            "aliases": list(dict.fromkeys(a.strip() for a in aliases if a.strip() != name)),
            # A transnational group keeps the CAMEO code of international militant groups and its home state.
            "code": code if code is not None else "IMG",
            "sector": sector,
            "valid_from": start,
            "valid_until": end,
        }
        if code is None:
            record["homes"] = [home] if isinstance(home, str) else list(home)
        records.append(record)
    return records


def igo_names(path: Path) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """The dated names and descriptions of each IGO code: ``{code: {"name": [...], "description": [...]}}``,
    each item ``{"text", "start", "end"}``."""
    out: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: {"name": [], "description": []})
    for where, raw in _rows(path):
        unknown = sorted(set(raw) - IGO_FIELDS)
        if unknown:
            raise _fail(where, f"unknown field {unknown[0]!r}")
        for name in ("code", "text", "kind", "source"):
            if not isinstance(raw.get(name), str) or not raw[name].strip():
                raise _fail(where, f"field {name!r} is required")
        if raw["kind"] not in ("name", "description"):
            raise _fail(where, "field 'kind': name or description")
        start, end = _dates(raw, where)
        if re.search(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)-(?:member|nation|"
                     r"country)\b", raw["text"], re.IGNORECASE) and not start:  # fmt: skip
            raise _fail(where, "a description with a member count needs 'valid_from'")
        out[raw["code"]][raw["kind"]].append({"text": raw["text"].strip(), "start": start, "end": end})
    return dict(out)
