"""The REST API under ``/api/v1``: each route validates its parameters, makes one ``Store`` call through the
server's ``StoreOwner`` and returns what the store returned as JSON. Ingest is the one write route."""

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
from realpolitik.render import jsonable, page_json
from realpolitik.store.params import (
    CODE_PATTERN,
    ID_PATTERN,
    QUAD_PATTERN,
    check_period,
    event_filters,
    upper,
)

Code = Annotated[str, Path(pattern=CODE_PATTERN, description="actor code (ISO3, IGO acronym, KB code)")]
OptCode = Annotated[str | None, Query(pattern=CODE_PATTERN)]
Start = Annotated[date | None, Query(description="first day of the period (YYYY-MM-DD)")]
End = Annotated[date | None, Query(description="last day of the period (YYYY-MM-DD), inclusive")]
Cursor = Annotated[str | None, Query(max_length=200, description="next_cursor of the previous page")]

router = APIRouter(prefix="/api/v1")


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


@router.get("/events", summary="Events, newest first, filtered; cursor pagination")
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
    cursor: Cursor = None,
    limit: Annotated[int | None, Query(ge=1)] = None,
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
    )
    size = page_limit(request, limit)
    page = owner_of(request).read(lambda s: s.events(cursor=cursor, limit=size, **filters))
    return reply(page_json(page))


@router.get("/articles/{article_id}", summary="One article with its text and every span")
def get_article(request: Request, article_id: Annotated[str, Path(pattern=ID_PATTERN)]) -> Any:
    record = owner_of(request).read(lambda s: s.article(article_id))
    if record is None:
        raise APIError(f"no article {article_id}", status=404, code=STATUS_CODES[404])
    return reply(record)


@router.get("/articles", summary="Articles, newest first; text search and cursor pagination")
def list_articles(
    request: Request,
    q: Annotated[str | None, Query(max_length=200)] = None,
    source: Annotated[str | None, Query(max_length=200)] = None,
    start: Start = None,
    end: End = None,
    cursor: Cursor = None,
    limit: Annotated[int | None, Query(ge=1)] = None,
) -> Any:
    check_period(start, end)
    size = page_limit(request, limit)
    page = owner_of(request).read(
        lambda s: s.articles(q=q, source=source, start=start, end=end, cursor=cursor, limit=size)
    )
    return reply(page_json(page))


@router.get("/actors", summary="Actors seen in the store, most active first")
def list_actors(
    request: Request,
    q: Annotated[str | None, Query(max_length=100)] = None,
    limit: Annotated[int | None, Query(ge=1)] = None,
) -> Any:
    size = page_limit(request, limit)
    return reply_cached(request, lambda s: {"items": s.actors(q=q, limit=size)}, ("actors", q, size))


@router.get("/dyads", summary="The most active dyads")
def top_dyads(
    request: Request, start: Start = None, end: End = None, limit: Annotated[int | None, Query(ge=1)] = None
) -> Any:
    check_period(start, end)
    size = page_limit(request, limit)
    return reply_cached(
        request,
        lambda s: {"items": s.top_dyads(limit=size, start=start, end=end)},
        ("top_dyads", size, start, end),
    )


@router.get("/dyads/{a}/{b}", summary="Monthly series of a dyad: counts per quad class, Goldstein sum")
def dyad_series(request: Request, a: Code, b: Code, start: Start = None, end: End = None) -> Any:
    check_period(start, end)
    first, second = a.upper(), b.upper()
    return reply_cached(
        request, lambda s: s.dyad_series(first, second, start, end), ("dyad", first, second, start, end)
    )


@router.get("/influence/{target}", summary="Influence profile of a target: per domain, each power's share")
def influence(request: Request, target: Code, start: Start = None, end: End = None) -> Any:
    check_period(start, end)
    code = target.upper()
    return reply_cached(request, lambda s: s.influence(code, start, end), ("influence", code, start, end))


@router.get("/commentary/{target}", summary="What commentators say about a target's partners")
def commentary(request: Request, target: Code, start: Start = None, end: End = None) -> Any:
    check_period(start, end)
    code = target.upper()
    return reply_cached(
        request, lambda s: {"items": s.commentary(code, start, end)}, ("commentary", code, start, end)
    )


@router.get("/network", summary="Actor network: nodes and weighted edges")
def network(
    request: Request,
    start: Start = None,
    end: End = None,
    min_events: Annotated[int, Query(ge=1, le=100000)] = 1,
) -> Any:
    check_period(start, end)
    return reply_cached(
        request, lambda s: s.network(start, end, min_events), ("network", start, end, min_events)
    )


@router.get("/statements", summary="Attributed statements, by speaker or by the actor they are about")
def list_statements(
    request: Request,
    speaker: OptCode = None,
    about: OptCode = None,
    start: Start = None,
    end: End = None,
    cursor: Cursor = None,
    limit: Annotated[int | None, Query(ge=1)] = None,
) -> Any:
    check_period(start, end)
    size = page_limit(request, limit)
    page = owner_of(request).read(
        lambda s: s.statements(upper(speaker), upper(about), start=start, end=end, cursor=cursor, limit=size)
    )
    return reply(page_json(page))


@router.get("/failures", summary="Inputs that failed, most recent first")
def list_failures(
    request: Request,
    code: Annotated[str | None, Query(pattern=r"^RP-E\d{3}$")] = None,
    stage: Annotated[str | None, Query(max_length=40)] = None,
    limit: Annotated[int | None, Query(ge=1)] = None,
) -> Any:
    size = page_limit(request, limit)
    return reply(
        {"items": (owner_of(request).read(lambda s: s.failures(limit=size, code=code, stage=stage)))}
    )


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
