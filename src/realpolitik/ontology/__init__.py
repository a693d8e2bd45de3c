"""The PLOVER ontology as data: CAMEO code -> PLOVER type, mode, contexts, quad class and Goldstein score
(``data/cameo_plover.tsv``), contexts -> domains (``data/domains.tsv``), and the domain fallback rule of
``plover.md``. The tables are our own re-expression of facts from the PLOVER project (see NOTICE.md); the
coder's trigger lexicons live in ``lexicon/`` and are loaded by :mod:`realpolitik.ontology.lexicon`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from realpolitik.errors import KnowledgeBaseError
from realpolitik.model import DOMAINS, PLOVER_TYPES

# Names in the 2016 gold set (PLOVER 0.5) and what PLOVER 0.8 calls them (plover.md, last section).
OLD_TYPE_NAMES: dict[str, str] = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}


@dataclass(frozen=True, slots=True)
class CameoEntry:
    """One row of the CAMEO table; ``type`` is None for CAMEO 01/02 (statements, appeals), which PLOVER drops."""

    cameo: str
    type: str | None
    mode: str | None
    contexts: tuple[str, ...]
    quad_class: int
    goldstein: float


def _data_lines(name: str) -> list[tuple[int, list[str]]]:
    text = resources.files("realpolitik.ontology").joinpath("data", name).read_text(encoding="utf-8")
    return [
        (n, line.split("\t"))
        for n, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.startswith("#")
    ]


def _dash(value: str) -> str | None:
    value = value.strip()
    return None if value in ("", "-") else value


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, CameoEntry]:
    """Every CAMEO code we know, keyed by code (``"0312"``)."""
    table: dict[str, CameoEntry] = {}
    for n, cols in _data_lines("cameo_plover.tsv"):
        if len(cols) != 6:
            raise KnowledgeBaseError("expected 6 tab-separated columns", file="cameo_plover.tsv", line=n)
        code, kind, mode, contexts, quad, goldstein = cols
        kind_value = _dash(kind)
        if kind_value is not None and kind_value not in PLOVER_TYPES:
            raise KnowledgeBaseError(f"unknown PLOVER type {kind!r}", file="cameo_plover.tsv", line=n)
        table[code] = CameoEntry(
            cameo=code,
            type=kind_value,
            mode=_dash(mode),
            contexts=tuple(c for c in (_dash(contexts) or "").split(";") if c),
            quad_class=int(quad),
            goldstein=float(goldstein),
        )
    return table


def cameo_entry(code: str | None) -> CameoEntry | None:
    """The entry for a CAMEO code, or for its nearest listed parent (``"0871x"`` -> ``"0871"`` -> ``"087"``)."""
    if not code:
        return None
    table = cameo_table()
    code = code.strip()
    while code:
        if code in table:
            return table[code]
        code = code[:-1]
    return None


def cameo_to_plover(code: str | None) -> str | None:
    """The PLOVER type of a CAMEO code, None for statements/appeals (01, 02) and unknown codes."""
    entry = cameo_entry(code)
    return entry.type if entry else None


def plover_type(name: str) -> str:
    """A type name from any PLOVER version, in PLOVER 0.8 form (``DEMAND`` -> ``REQUEST``)."""
    upper = name.strip().upper()
    return OLD_TYPE_NAMES.get(upper, upper)


@lru_cache(maxsize=1)
def _types() -> dict[str, tuple[int, str]]:
    table: dict[str, tuple[int, str]] = {}
    for n, cols in _data_lines("types.tsv"):
        if len(cols) != 3 or cols[0] not in PLOVER_TYPES or cols[1] not in ("1", "2", "3", "4"):
            raise KnowledgeBaseError("expected 'TYPE<TAB>quad class<TAB>CAMEO'", file="types.tsv", line=n)
        table[cols[0]] = (int(cols[1]), cols[2].strip())
    if set(table) != set(PLOVER_TYPES):
        raise KnowledgeBaseError(f"missing types: {sorted(set(PLOVER_TYPES) - set(table))}", file="types.tsv")
    return table


QUAD_CLASS: dict[str, int] = {kind: quad for kind, (quad, _) in _types().items()}
DEFAULT_CAMEO: dict[str, str] = {kind: cameo for kind, (_, cameo) in _types().items()}


@lru_cache(maxsize=1)
def context_domains() -> dict[str, str]:
    """Context name (PLOVER names and close variants) -> domain."""
    mapping: dict[str, str] = {}
    for n, cols in _data_lines("domains.tsv"):
        if len(cols) != 2 or cols[1].strip() not in DOMAINS:
            raise KnowledgeBaseError("expected 'context<TAB>domain'", file="domains.tsv", line=n)
        mapping[cols[0].strip()] = cols[1].strip()
    return mapping


def domain_for(contexts: tuple[str, ...] | list[str], event_type: str = "", around: str | None = None) -> str:
    """The domain of an event from evidence (plover.md): its first context that names a domain (the sentence's
    words first, then its CAMEO code's own), else ``around``, the domain the article suggests near it, else
    ``unspecified``: never a domain by default. ``event_type`` is kept for callers; the type alone decides
    nothing."""
    mapping = context_domains()
    for context in contexts:
        domain = mapping.get(context)
        if domain:
            return domain
    return around or "unspecified"


__all__ = [
    "DEFAULT_CAMEO",
    "OLD_TYPE_NAMES",
    "QUAD_CLASS",
    "CameoEntry",
    "cameo_entry",
    "cameo_table",
    "cameo_to_plover",
    "context_domains",
    "domain_for",
    "plover_type",
]
