"""The REST API under ``/api/v1``: each route validates its parameters, makes one ``Store`` call through the
server's ``StoreOwner`` and returns what the store returned as JSON. Ingest is the one write route.

Every list route (events, articles, actors, dyads, statements, failures, commentary) and every table-shaped
aggregate (influence, its series, a dyad's months, the network's edges) also answers CSV, with ``format=csv`` or
``Accept: text/csv``: the same JSON flattened by ``realpolitik.render`` (the dashboard's CSV downloads are these
answers). A page of CSV names its next page in the ``X-Next-Cursor`` header. An actor code the store has never
seen is a 404 (RP-E404) on the aggregate routes."""

from __future__ import annotations

import hmac
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from realpolitik.api.errors import STATUS_CODES
from realpolitik.api.ingest import parse_ingest_body
from realpolitik.api.owner import StoreOwner
from realpolitik.errors import APIError
from realpolitik.model import DOMAINS, MODALITIES, PLOVER_TYPES
from realpolitik.render import (
    INFLUENCE_COLUMNS,
    csv_text,
    influence_rows,
    jsonable,
    listed_columns,
    page_json,
)
from realpolitik.store.influence import SERIES_COLUMNS
from realpolitik.store.params import (
    CODE_PATTERN,
    ID_PATTERN,
    QUAD_PATTERN,
    check_period,
    codes_checked,
    event_filters,
    upper,
)

Code = Annotated[str, Path(pattern=CODE_PATTERN, description="actor code (ISO3, IGO acronym, KB code)")]
OptCode = Annotated[str | None, Query(pattern=CODE_PATTERN)]
Start = Annotated[date | None, Query(description="first day of the period (YYYY-MM-DD)")]
End = Annotated[date | None, Query(description="last day of the period (YYYY-MM-DD), inclusive")]
Cursor = Annotated[str | None, Query(max_length=200, description="next_cursor of the previous page")]
Format = Annotated[
    str | None, Query(pattern="^(json|csv)$", description="csv for CSV (as does the header Accept: text/csv)")
]
CSV: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {"schema": {"type": "string"}}}, "description": "JSON, or CSV on request"}
}

router = APIRouter(prefix="/api/v1")


def wants_csv(request: Request, fmt: str | None) -> bool:
    """CSV when ``format=csv``, or when no format is given and the client accepts text/csv."""
    if fmt is not None:
        return fmt == "csv"
    return "text/csv" in request.headers.get("accept", "").lower()


def csv_reply(
    rows: list[dict[str, Any]], name: str, columns: Any = None, next_cursor: str | None = None
) -> Response:
    """Rows as a CSV download (``render.csv_text``); the next page's cursor in ``X-Next-Cursor``."""
    headers = {"Content-Disposition": f'attachment; filename="{name}.csv"'}
    if next_cursor:
        headers["X-Next-Cursor"] = next_cursor
    return Response(csv_text(rows, columns), media_type="text/csv; charset=utf-8", headers=headers)


def page_reply(request: Request, page: Any, fmt: str | None, name: str, kind: str | None = None) -> Response:
    """A page of listed records (or plain rows) as JSON, or as CSV of its items."""
    body = page_json(page)
    if wants_csv(request, fmt):
        columns = listed_columns(kind) if kind else None
        return csv_reply(body["items"], name, columns, body["next_cursor"])
    return JSONResponse(body)


def known(codes: list[str]) -> Any:
    """A store call that raises UnknownActor (404) unless the store has seen every code."""
    return lambda s: codes_checked(codes, s)


def reply(value: Any) -> JSONResponse:
    """A JSON response of a store result; built here so FastAPI's generic encoder never walks large profiles."""
    return JSONResponse(jsonable(value))


def reply_cached(request: Request, fn: Any, key: tuple[Any, ...]) -> Response:
    """The JSON of an aggregate, from the owner's per-generation cache when the same call was made before."""
    return Response(owner_of(request).read_json(fn, key), media_type="application/json")


def owner_of(request: Request) -> StoreOwner:
    owner: StoreOwner = request.app.state.owner
    return owner


def page_limit(request: Request, limit: int | None) -> int:
    settings = request.app.state.settings
    if limit is None:
        return int(settings.api_page_size)
    if limit > settings.api_max_page_size:
        raise APIError(
            f"limit must be at most {settings.api_max_page_size}", status=422, code=STATUS_CODES[422]
        )
    return limit


@router.get("/stats", summary="Counts of articles, events, statements, actors and failures")
def get_stats(request: Request) -> Any:
    stats = owner_of(request).read_value(lambda s: s.stats(), ("stats",))
    return reply({"stats": stats, "ingest": ingest_status(request)})


@router.get("/events", summary="Events, newest first, filtered; cursor pagination", responses=CSV)
def list_events(
    request: Request,
    actor: OptCode = None,
    source: OptCode = None,
    target: OptCode = None,
    partner: Annotated[
        str | None, Query(pattern=CODE_PATTERN, description="with actor or target: events between the two")
    ] = None,
    dyad: Annotated[str | None, Query(pattern=r"^[A-Za-z0-9_.]{1,40}[-,][A-Za-z0-9_.]{1,40}$")] = None,
    type: Annotated[str | None, Query(pattern="^(" + "|".join(PLOVER_TYPES) + ")$")] = None,
    quad: Annotated[
        str | None, Query(pattern=QUAD_PATTERN, description="1-4, coop (1-2), pressure (3-4)")
    ] = None,
    domain: Annotated[str | None, Query(pattern="^(" + "|".join(DOMAINS) + ")$")] = None,
    modality: Annotated[str | None, Query(pattern="^(" + "|".join(MODALITIES) + ")$")] = None,
    start: Start = None,
    end: End = None,
    q: Annotated[str | None, Query(max_length=200, description="words in the evidence sentence")] = None,
    article: Annotated[str | None, Query(pattern=ID_PATTERN)] = None,
    canonical: Annotated[bool, Query(description="leave out near-duplicate copies")] = False,
    complete: Annotated[
        bool, Query(description="only complete events: asserted, both actors resolved and different")
    ] = False,
    cursor: Cursor = None,
    limit: Annotated[int | None, Query(ge=1)] = None,
    format: Format = None,
) -> Any:
    filters = event_filters(
        actor=actor,
        source=source,
        target=target,
        partner=partner,
        dyad=dyad,
        type=type,
        quad=quad,
        domain=domain,
        modality=modality,
        start=start,
        end=end,
        q=q,
        article=article,
        canonical=canonical,
        complete=complete,
    )
    size = page_limit(request, limit)
    page = owner_of(request).read(lambda s: s.events(cursor=cursor, limit=size, **filters))
    return page_reply(request, page, format, "events", "events")


@router.get("/articles/{article_id}", summary="One article with its text and every span")
def get_article(request: Request, article_id: Annotated[str, Path(pattern=ID_PATTERN)]) -> Any:
    record = owner_of(request).read(lambda s: s.article(article_id))
    if record is None:
        raise APIError(f"no article {article_id}", status=404, code=STATUS_CODES[404])
    return reply(record)


@router.get("/articles", summary="Articles, newest first; text search and cursor pagination", responses=CSV)
def list_articles(
    request: Request,
    q: Annotated[str | None, Query(max_length=200)] = None,
    source: Annotated[str | None, Query(max_length=200)] = None,
    start: Start = None,
    end: End = None,
    cursor: Cursor = None,
    limit: Annotated[int | None, Query(ge=1)] = None,
    format: Format = None,
) -> Any:
    check_period(start, end)
    size = page_limit(request, limit)
    page = owner_of(request).read(
        lambda s: s.articles(q=q, source=source, start=start, end=end, cursor=cursor, limit=size)
    )
    return page_reply(request, page, format, "articles")


@router.get("/actors", summary="Actors seen in the store, most active first", responses=CSV)
def list_actors(
    request: Request,
    q: Annotated[str | None, Query(max_length=100)] = None,
    limit: Annotated[int | None, Query(ge=1)] = None,
    format: Format = None,
) -> Any:
    size = page_limit(request, limit)
    key = ("actors", q, size)
    if wants_csv(request, format):
        data = owner_of(request).read_value(lambda s: {"items": s.actors(q=q, limit=size)}, key)
        return csv_reply(data["items"], "actors")
    return reply_cached(request, lambda s: {"items": s.actors(q=q, limit=size)}, key)


@router.get("/dyads", summary="The most active dyads", responses=CSV)
def top_dyads(
    request: Request,
    start: Start = None,
    end: End = None,
    limit: Annotated[int | None, Query(ge=1)] = None,
    format: Format = None,
) -> Any:
    check_period(start, end)
    size = page_limit(request, limit)
    key = ("top_dyads", size, start, end)
    fn = lambda s: {"items": s.top_dyads(limit=size, start=start, end=end)}  # noqa: E731
    if wants_csv(request, format):
        return csv_reply(owner_of(request).read_value(fn, key)["items"], "dyads")
    return reply_cached(request, fn, key)


@router.get(
    "/dyads/{a}/{b}", summary="Monthly series of a dyad: counts per quad class, Goldstein sum", responses=CSV
)
def dyad_series(
    request: Request, a: Code, b: Code, start: Start = None, end: End = None, format: Format = None
) -> Any:
    check_period(start, end)
    first, second = a.upper(), b.upper()
    owner_of(request).read(known([first, second]))
    key = ("dyad", first, second, start, end)
    fn = lambda s: s.dyad_series(first, second, start, end)  # noqa: E731
    if wants_csv(request, format):
        months = owner_of(request).read_value(fn, key)["months"]
        return csv_reply(months, f"dyad-{first}-{second}")
    return reply_cached(request, fn, key)


@router.get(
    "/influence/{target}",
    summary="Influence profile of a target: per domain, each power's share with the evidence behind it",
    responses=CSV,
)
def influence(
    request: Request, target: Code, start: Start = None, end: End = None, format: Format = None
) -> Any:
    check_period(start, end)
    code = target.upper()
    owner_of(request).read(known([code]))
    key = ("influence", code, start, end)
    fn = lambda s: s.influence(code, start, end)  # noqa: E731
    if wants_csv(request, format):
        rows = influence_rows(owner_of(request).read_value(fn, key))
        return csv_reply(rows, f"influence-{code}", INFLUENCE_COLUMNS)
    return reply_cached(request, fn, key)


@router.get(
    "/influence/{target}/series",
    summary="Shares of each domain's leading powers per year or month (one row per period, domain, power)",
    responses=CSV,
)
def influence_series(
    request: Request,
    target: Code,
    by: Annotated[str, Query(pattern="^(year|month)$")] = "year",
    domain: Annotated[str | None, Query(pattern="^(" + "|".join(DOMAINS) + ")$")] = None,
    top: Annotated[int, Query(ge=1, le=20, description="leading powers per domain")] = 5,
    start: Start = None,
    end: End = None,
    format: Format = None,
) -> Any:
    check_period(start, end)
    code = target.upper()
    owner_of(request).read(known([code]))
    key = ("influence_series", code, by, start, end, top, domain)
    fn = lambda s: s.influence_series(code, by, start, end, top, domain)  # noqa: E731
    if wants_csv(request, format):
        rows = owner_of(request).read_value(fn, key)["rows"]
        return csv_reply(rows, f"influence-{code}-by-{by}", SERIES_COLUMNS)
    return reply_cached(request, fn, key)


@router.get(
    "/commentary/{target}",
    summary="What commentators say: stances in the statements whose stance names the target",
    responses=CSV,
)
def commentary(
    request: Request, target: Code, start: Start = None, end: End = None, format: Format = None
) -> Any:
    check_period(start, end)
    code = target.upper()
    owner_of(request).read(known([code]))
    key = ("commentary", code, start, end)
    fn = lambda s: {"items": s.commentary(code, start, end)}  # noqa: E731
    if wants_csv(request, format):
        return csv_reply(owner_of(request).read_value(fn, key)["items"], f"commentary-{code}")
    return reply_cached(request, fn, key)


@router.get("/network", summary="Actor network: nodes and weighted edges (CSV: the edges)", responses=CSV)
def network(
    request: Request,
    start: Start = None,
    end: End = None,
    min_events: Annotated[int, Query(ge=1, le=100000)] = 1,
    format: Format = None,
) -> Any:
    check_period(start, end)
    key = ("network", start, end, min_events)
    fn = lambda s: s.network(start, end, min_events)  # noqa: E731
    if wants_csv(request, format):
        return csv_reply(owner_of(request).read_value(fn, key)["edges"], "network-edges")
    return reply_cached(request, fn, key)


@router.get(
    "/statements", summary="Attributed statements, by speaker or by the actor they are about", responses=CSV
)
def list_statements(
    request: Request,
    speaker: OptCode = None,
    about: OptCode = None,
    start: Start = None,
    end: End = None,
    cursor: Cursor = None,
    limit: Annotated[int | None, Query(ge=1)] = None,
    format: Format = None,
) -> Any:
    check_period(start, end)
    size = page_limit(request, limit)
    page = owner_of(request).read(
        lambda s: s.statements(upper(speaker), upper(about), start=start, end=end, cursor=cursor, limit=size)
    )
    return page_reply(request, page, format, "statements", "statements")


@router.get("/failures", summary="Inputs that failed, most recent first", responses=CSV)
def list_failures(
    request: Request,
    code: Annotated[str | None, Query(pattern=r"^RP-E\d{3}$")] = None,
    stage: Annotated[str | None, Query(max_length=40)] = None,
    limit: Annotated[int | None, Query(ge=1)] = None,
    format: Format = None,
) -> Any:
    size = page_limit(request, limit)
    items = owner_of(request).read(lambda s: s.failures(limit=size, code=code, stage=stage))
    if wants_csv(request, format):
        return csv_reply(items, "failures", ["input_ref", "stage", "code", "message", "time"])
    return reply({"items": items})


def ingest_status(request: Request) -> dict[str, Any]:
    return owner_of(request).status.to_json(writable=bool(request.app.state.token))


@router.get("/ingest", summary="Background ingestion status")
def get_ingest(request: Request) -> Any:
    return reply(ingest_status(request))


def check_token(request: Request) -> None:
    token: str | None = request.app.state.token
    if not token:
        raise APIError(
            "the API is read-only: start the server with REALPOLITIK_TOKEN set to accept ingest",
            status=403,
            code=STATUS_CODES[403],
        )
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise APIError("missing or wrong bearer token", status=401, code=STATUS_CODES[401])


@router.post(
    "/ingest",
    status_code=202,
    summary="Queue articles for analysis (needs the server's REALPOLITIK_TOKEN as a bearer token)",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": {"type": "object"}},
                "application/x-ndjson": {"schema": {"type": "string"}},
            },
        }
    },
)
async def post_ingest(request: Request) -> Any:
    """202 with the ids queued and the records ``refused`` (each with its code; they are also in the failures);
    422 when no record of the body could be queued."""
    check_token(request)
    body = await request.body()
    parsed = parse_ingest_body(body, request.headers.get("content-type", ""), request.app.state.settings)
    owner = owner_of(request)
    # Both write to the store (the articles are queued durably before the answer): off the event loop.
    await run_in_threadpool(owner.record_failures, parsed.failures())
    if not parsed.articles:
        first = parsed.refused[0]
        more = f" (and {len(parsed.refused) - 1} more)" if len(parsed.refused) > 1 else ""
        raise APIError(f"no article queued: {first.message}{more}", status=422, code=first.code)
    queued = await run_in_threadpool(owner.submit, parsed.articles)
    return JSONResponse(
        {
            "queued": queued,
            "ids": [a.id for a in parsed.articles],
            "refused": [r.to_json() for r in parsed.refused],
            "ingest": ingest_status(request),
        },
        status_code=202,
    )
