"""Country and organisation names for people typing them: "Kazakhstan", "kazakh", "KAZ", "CSTO" -> a code.

A light index of the bundled knowledge base's states, intergovernmental organisations and regions (codes, names,
aliases and adjectives or demonyms), read straight from the data files without building the whole knowledge base,
so a command or a search box answers at once. Metonyms ("the Kremlin", "Astana") are left out: they name a
government only on some dates, and a search box has no date.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from realpolitik.actors.kb import BUNDLED_FILES, form_key

KINDS = ("state", "igo", "region")
# How surely a form names its actor; a form claimed by two actors goes to the surer claim, then the first file.
_FORM_FIELDS = ("code", "name", "aliases", "adjectives")


@dataclass(frozen=True)
class NameIndex:
    """Forms (case- and space-insensitive) of states, organisations and regions, and their display names."""

    codes: dict[str, str]  # form key -> code
    names: dict[str, str]  # code -> name

    def code_for(self, text: str) -> str | None:
        """The code ``text`` names (a code, a name, an alias or a demonym), or None."""
        return self.codes.get(form_key(text))

    def name_of(self, code: str) -> str | None:
        return self.names.get(code)


@cache
def bundled_names() -> NameIndex:
    """The index of the bundled knowledge base (read once per process)."""
    records = []
    folder = resources.files("realpolitik.actors") / "data"
    for file in BUNDLED_FILES:
        for line in (folder / file).read_text(encoding="utf-8").splitlines():
            if not any(f'"kind":"{kind}"' in line for kind in KINDS):
                continue  # most organisations are companies and NGOs: skip them before parsing
            record = json.loads(line)
            if record.get("kind") in KINDS and record.get("code"):
                records.append(record)
    codes: dict[str, str] = {}
    names: dict[str, str] = {}
    for field in _FORM_FIELDS:
        for record in records:
            code = record["code"]
            names.setdefault(code, record.get("name") or code)
            value = record.get(field)
            forms = [value] if isinstance(value, str) else list(value or [])
            for form in forms:
                if isinstance(form, str) and form.strip():
                    codes.setdefault(form_key(form), code)
    return NameIndex(codes, names)


__all__ = ["KINDS", "NameIndex", "bundled_names"]
