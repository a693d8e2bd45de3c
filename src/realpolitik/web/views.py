"""The dashboard: server-rendered pages (Jinja2, autoescaped) that read through the same ``Store`` calls and the
same JSON shapes as the REST API, with charts drawn in the browser by the vendored Vega libraries.

Pages: overview, country profile, comparison of targets or periods, dyad view (``web/profiles.py``), event
browser, article view with every span marked, actor network, actor list, and the API reference. Every chart
element and every number links to the events behind it, and every table has a CSV download of what it shows
(``pages.Tables``). Default views list complete events (asserted, both actors resolved); a toggle shows all.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from realpolitik.errors import APIError
from realpolitik.model import DOMAINS, MODALITIES, PLOVER_TYPES
from realpolitik.render import flat, jsonable, listed_columns, page_json
from realpolitik.store.params import CODE_PATTERN, ID_PATTERN, QUAD_PATTERN, check_period, event_filters
from realpolitik.web import charts, profiles
from realpolitik.web.highlight import segments
from realpolitik.web.pages import (
    QUAD_NAMES,
    STATIC_DIR,
    Tables,
    render,
    render_error,
    store_read,
)

__all__ = ["STATIC_DIR", "render_error", "router"]

LATEST_EVENTS = 15

router = APIRouter(include_in_schema=False)
router.include_router(profiles.router)


def event_table(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The CSV rows of a table of listed events: their flat JSON."""
    return [flat(e) for e in events]


@router.get("/", response_class=HTMLResponse)
def overview(request: Request) -> Response:
    owner = request.app.state.owner
    stats = jsonable(store_read(request, lambda s: s.stats(), key=("stats",)))
    dyads = jsonable(store_read(request, lambda s: s.top_dyads(limit=12), key=("top_dyads", 12, None, None)))
    latest = page_json(
        store_read(request, lambda s: s.events(limit=LATEST_EVENTS, complete=True, canonical=True))
    )["items"]
    actors = jsonable(store_read(request, lambda s: s.actors(limit=12), key=("actors", None, 12)))
    ingest = owner.status.to_json(writable=bool(request.app.state.token))
    tables = Tables(request)
    csv = {
        "latest": tables.add("latest", event_table(latest), listed_columns("events")),
        "dyads": tables.add("dyads", dyads),
        "actors": tables.add("actors", actors),
    }
    if (wanted := tables.wanted()) is not None:
        return tables.csv(wanted)
    return render(
        "overview.html",
        nav="overview",
        stats=stats,
        dyads=dyads,
        latest=latest,
        actors=actors,
        ingest=ingest,
        csv=csv,
    )


@router.get("/events", response_class=HTMLResponse)
def events(
    request: Request,
    actor: Annotated[str | None, Query(pattern=CODE_PATTERN)] = None,
    source: Annotated[str | None, Query(pattern=CODE_PATTERN)] = None,
    target: Annotated[str | None, Query(pattern=CODE_PATTERN)] = None,
    partner: Annotated[str | None, Query(pattern=CODE_PATTERN)] = None,
    type: Annotated[str | None, Query(pattern="^(" + "|".join(PLOVER_TYPES) + ")?$")] = None,
    quad: Annotated[str | None, Query(pattern=QUAD_PATTERN.replace(")$", ")?$"))] = None,
    domain: Annotated[str | None, Query(pattern="^(" + "|".join(DOMAINS) + ")?$")] = None,
    modality: Annotated[str | None, Query(pattern="^(" + "|".join(MODALITIES) + ")?$")] = None,
    start: Annotated[str | None, Query(max_length=10)] = None,
    end: Annotated[str | None, Query(max_length=10)] = None,
    q: Annotated[str | None, Query(max_length=200)] = None,
    article: Annotated[str | None, Query(pattern=ID_PATTERN)] = None,
    canonical: bool = False,
    all: Annotated[bool, Query(description="every event, not only the complete ones")] = False,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
) -> Response:
    # An empty form field arrives as "", which means "no filter" here (the API itself is stricter).
    params: dict[str, Any] = {
        "actor": actor or None,
        "source": source or None,
        "target": target or None,
        "partner": partner or None,
        "type": type or None,
        "quad": quad or None,
        "domain": domain or None,
        "modality": modality or None,
        "start": _day(start),
        "end": _day(end),
        "q": q or None,
        "article": article or None,
        "canonical": canonical,
    }
    # Complete events are asserted: asking for another modality shows every event of it.
    complete = not all and (modality or "asserted") == "asserted"
    filters = event_filters(**params, complete=complete)
    size = int(request.app.state.settings.api_page_size)
    page = page_json(store_read(request, lambda s: s.events(cursor=cursor or None, limit=size, **filters)))
    shown = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in params.items() if v}
    if all:
        shown["all"] = True
    tables = Tables(request)
    csv = tables.add("events", event_table(page["items"]), listed_columns("events"))
    if (wanted := tables.wanted()) is not None:
        return tables.csv(wanted)
    links = {k: ("1" if v is True else v) for k, v in shown.items()}
    next_url = (
        "/events?" + urlencode({**links, "cursor": page["next_cursor"]}) if page["next_cursor"] else None
    )
    toggle = {k: v for k, v in links.items() if k != "all"} | ({} if all else {"all": "1"})
    return render(
        "events.html",
        nav="events",
        page=page,
        params=shown,
        complete=complete,
        next_url=next_url,
        first_url=("/events?" + urlencode(links)) if cursor else None,
        toggle_url="/events?" + urlencode(toggle),
        describe=describe_filters(shown),
        csv=csv,
    )


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise APIError(f"not a date (YYYY-MM-DD): {value!r}", status=422) from exc


def describe_filters(params: dict[str, Any]) -> str:
    """A sentence saying which events are listed, for the page heading."""
    parts = []
    who = params.get("target") or params.get("actor")
    if who and params.get("partner"):
        parts.append(f"between {who} and {params['partner']}")
    elif who:
        parts.append(("involving " if params.get("actor") else "targeting ") + who)
    if params.get("source"):
        parts.append(f"by {params['source']}")
    if params.get("target") and not params.get("partner") and params.get("actor"):
        parts.append(f"targeting {params['target']}")
    if params.get("type"):
        parts.append(f"of type {params['type']}")
    if params.get("quad"):
        quad = params["quad"]
        side = "cooperation" if quad in ("coop", "cooperation") else quad
        parts.append(f"of class {QUAD_NAMES.get(int(quad), quad)}" if quad.isdigit() else f"of {side}")
    if params.get("domain"):
        parts.append(f"in {params['domain']}")
    if params.get("modality"):
        parts.append(f"({params['modality']})")
    if params.get("start") or params.get("end"):
        parts.append(f"from {params.get('start') or 'the start'} to {params.get('end') or 'now'}")
    if params.get("q"):
        parts.append(f"mentioning “{params['q']}”")
    return " ".join(parts)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(
    request: Request, article_id: str, event: Annotated[str | None, Query(max_length=200)] = None
) -> Response:
    record = jsonable(store_read(request, lambda s: s.article(article_id)))
    if record is None:
        raise APIError(f"no article {article_id[:80]}", status=404)
    return render(
        "article.html",
        nav="",
        article=record,
        segments=segments(record, focus=event),
        focus=event,
    )


@router.get("/network", response_class=HTMLResponse)
def network(
    request: Request,
    start: date | None = None,
    end: date | None = None,
    min_events: Annotated[int, Query(ge=1, le=100000)] = 1,
) -> Response:
    check_period(start, end)
    data = jsonable(
        store_read(
            request, lambda s: s.network(start, end, min_events), key=("network", start, end, min_events)
        )
    )
    edges = sorted(data["edges"], key=lambda e: -e["events"])
    tables = Tables(request)
    csv = tables.add("relations", edges[:40])
    if (wanted := tables.wanted()) is not None:
        return tables.csv(wanted)
    return render(
        "network.html",
        nav="network",
        charts=True,
        spec=charts.network_chart(data),
        edges=edges[:40],
        nodes=len(data["nodes"]),
        n_edges=len(edges),
        min_events=min_events,
        csv=csv,
    )


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request, q: Annotated[str | None, Query(max_length=100)] = None) -> Response:
    rows = jsonable(store_read(request, lambda s: s.actors(q=q or None, limit=200)))
    tables = Tables(request)
    csv = tables.add("actors", rows)
    if (wanted := tables.wanted()) is not None:
        return tables.csv(wanted)
    return render("actors.html", nav="actors", actors=rows, q=q or "", csv=csv)


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> Response:
    """The API reference, rendered here from the OpenAPI schema (no CDN-hosted Swagger UI)."""
    schema = request.app.openapi()
    operations = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            operations.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "parameters": [
                        {
                            "name": p["name"],
                            "in": p["in"],
                            "required": p.get("required", False),
                            "description": p.get("description") or p.get("schema", {}).get("description", ""),
                            "pattern": p.get("schema", {}).get("pattern")
                            or next(
                                (
                                    s.get("pattern")
                                    for s in p.get("schema", {}).get("anyOf", [])
                                    if "pattern" in s
                                ),
                                None,
                            ),
                        }
                        for p in op.get("parameters", [])
                    ],
                }
            )
    return render("docs.html", nav="", operations=operations, info=schema.get("info", {}))
