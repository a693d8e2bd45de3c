"""The query parameters the REST API, the dashboard and the CLI share: the patterns of codes and ids, the
period check, the keyword filters of ``Store.events`` read from a query string, and what a person means by an
actor (a code, a name or a demonym). Bad values raise ``QueryError`` (RP-E403), which the API answers with 422
and the dashboard with an error page; an unknown actor raises ``UnknownActor`` (RP-E404), answered with 404."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any, Protocol

from realpolitik.errors import QueryError, UnknownActor

# Actor codes are ISO3 codes, IGO acronyms or the knowledge base's own codes: short, no spaces or markup.
CODE_PATTERN = r"^[A-Za-z0-9_.\-]{1,40}$"
QUAD_PATTERN = r"^(1|2|3|4|coop|cooperation|pressure)$"
SIDES = {"coop": "cooperation", "cooperation": "cooperation", "pressure": "pressure"}
ID_PATTERN = r"^[A-Za-z0-9_.:\-]{1,200}$"


class NameLookup(Protocol):
    """Names to codes (``realpolitik.actors.names.NameIndex``): codes, names, aliases and demonyms."""

    def code_for(self, text: str) -> str | None: ...


class KnownActors(Protocol):
    """What the store knows of actors (``Store``)."""

    def known_codes(self, codes: Iterable[str]) -> set[str]: ...

    def codes_named(self, name: str) -> list[str]: ...


def actor_code(text: str, store: KnownActors, names: NameLookup | None = None) -> str:
    """The actor code a person means by ``text``: a code the store has seen, else a code, name, alias or
    demonym of the knowledge base (``names``: "Kazakhstan", "kazakh", "KAZ"), else a name or words the store
    resolved in articles. Raises ``UnknownActor`` (RP-E404) when nothing matches."""
    wanted = " ".join(text.split())
    if not wanted or len(wanted) > 64:
        raise UnknownActor(f"not an actor code or name: {wanted[:64]!r}")
    code = wanted.upper()
    if re.match(CODE_PATTERN, code) and store.known_codes([code]):
        return code
    found = names.code_for(wanted) if names is not None else None
    if found:
        return found
    named = store.codes_named(wanted)
    if named:
        return named[0]
    raise UnknownActor(
        f"no actor {wanted!r}: not a code, name or demonym of the store or the knowledge base "
        "(try an ISO3 code such as KAZ, or a name such as Kazakhstan)"
    )


def codes_checked(codes: Iterable[str], store: KnownActors) -> list[str]:
    """``codes`` (upper case) if the store knows each; else ``UnknownActor`` naming the unknown ones."""
    wanted = [c.upper() for c in codes]
    missing = sorted(set(wanted) - store.known_codes(wanted))
    if missing:
        raise UnknownActor(f"no actor {', '.join(missing)} in the store")
    return wanted


def check_period(start: date | None, end: date | None) -> None:
    if start and end and start > end:
        raise QueryError("start must not be after end")


def upper(code: str | None) -> str | None:
    return code.upper() if code else None


def event_filters(
    *,
    actor: str | None = None,
    source: str | None = None,
    target: str | None = None,
    partner: str | None = None,
    dyad: str | None = None,
    type: str | None = None,
    quad: str | None = None,
    domain: str | None = None,
    modality: str | None = None,
    start: date | None = None,
    end: date | None = None,
    q: str | None = None,
    article: str | None = None,
    canonical: bool = False,
    complete: bool = False,
) -> dict[str, Any]:
    """The keyword filters of ``Store.events`` from the query string (shared by API and dashboard).

    ``target`` with ``partner`` selects the events between the two in both directions, the events an
    influence-profile cell counts; ``quad`` is a class 1-4 or a side, ``coop`` (1-2) or ``pressure`` (3-4);
    ``complete`` keeps complete events only (asserted, both actors resolved and different).
    """
    check_period(start, end)
    filters: dict[str, Any] = {
        "actor": upper(actor),
        "source": upper(source),
        "partner": upper(partner),
        "type": type.upper() if type else None,
        "domain": domain,
        "modality": modality,
        "start": start,
        "end": end,
        "q": q or None,
        "article_id": article,
    }
    if target and partner and not actor:
        filters["actor"] = upper(target)
    else:
        filters["target"] = upper(target)
    if dyad:
        parts = [p for p in dyad.replace(",", "-").split("-") if p]
        if len(parts) != 2:
            raise QueryError("dyad must be two actor codes, e.g. RUS-KAZ")
        filters["dyad"] = (parts[0].upper(), parts[1].upper())
    if quad in SIDES:
        filters["side"] = SIDES[quad]
    elif quad:
        filters["quad_class"] = int(quad)
    if canonical:
        filters["canonical"] = True
    if complete:
        filters["complete"] = True
    return {k: v for k, v in filters.items() if v is not None}


__all__ = [
    "CODE_PATTERN",
    "ID_PATTERN",
    "QUAD_PATTERN",
    "KnownActors",
    "NameLookup",
    "actor_code",
    "check_period",
    "codes_checked",
    "event_filters",
    "upper",
]
