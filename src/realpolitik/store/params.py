"""The query parameters the REST API and the dashboard share: the patterns of codes and ids, the period check,
and the keyword filters of ``Store.events`` read from a query string. Bad values raise ``QueryError``
(RP-E403), which the API answers with 422 and the dashboard with an error page."""

from __future__ import annotations

from datetime import date
from typing import Any

from realpolitik.errors import QueryError

# Actor codes are ISO3 codes, IGO acronyms or the knowledge base's own codes: short, no spaces or markup.
CODE_PATTERN = r"^[A-Za-z0-9_.\-]{1,40}$"
QUAD_PATTERN = r"^(1|2|3|4|coop|cooperation|pressure)$"
SIDES = {"coop": "cooperation", "cooperation": "cooperation", "pressure": "pressure"}
ID_PATTERN = r"^[A-Za-z0-9_.:\-]{1,200}$"


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
) -> dict[str, Any]:
    """The keyword filters of ``Store.events`` from the query string (shared by API and dashboard).

    ``target`` with ``partner`` selects the events between the two in both directions, the events an
    influence-profile cell counts; ``quad`` is a class 1-4 or a side, ``coop`` (1-2) or ``pressure`` (3-4).
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
    return {k: v for k, v in filters.items() if v is not None}


__all__ = ["CODE_PATTERN", "ID_PATTERN", "QUAD_PATTERN", "check_period", "event_filters", "upper"]
