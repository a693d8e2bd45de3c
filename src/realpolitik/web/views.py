"""The dashboard: server-rendered pages (Jinja2, autoescaped) that read through the same ``Store`` calls and the
same JSON shapes as the REST API, with charts drawn in the browser by the vendored Vega libraries.

Pages: overview, country profile (influence chart with a period selector, timeline with top partners, what
commentators say), dyad view, event browser, article view with every span marked, actor network, actor list,
and the API reference. Every chart element and every number links to the events behind it.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from http import HTTPStatus
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from realpolitik.errors import APIError
from realpolitik.model import DOMAINS, MODALITIES, PLOVER_TYPES
from realpolitik.render import jsonable, page_json
from realpolitik.store.params import CODE_PATTERN, ID_PATTERN, QUAD_PATTERN, check_period, event_filters
from realpolitik.version import __version__
from realpolitik.web import charts
from realpolitik.web.highlight import segments

HERE = Path(__file__).resolve().parent
STATIC_DIR = HERE / "static"
QUAD_NAMES = {1: "verbal coop", 2: "material coop", 3: "verbal conflict", 4: "material conflict"}
TOP_PARTNERS = 6

env = Environment(
    loader=FileSystemLoader(HERE / "templates"),
    autoescape=select_autoescape(["html"], default=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
env.globals.update(
    version=__version__,
    quad_names=QUAD_NAMES,
    static=lambda name: f"/static/{name}",
    plover_types=PLOVER_TYPES,
    domains=DOMAINS,
    modalities=MODALITIES,
)


def http_url(value: Any) -> str | None:
    """The URL if it is http(s), else None: a stored ``javascript:`` or ``data:`` URL never becomes a link."""
    text = str(value or "").strip()
    return text if text.lower().startswith(("http://", "https://")) else None


env.filters["http_url"] = http_url

router = APIRouter(include_in_schema=False)


def render(name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    html = env.get_template(name).render(**context)
    return HTMLResponse(html, status_code=status_code)


def render_error(request: Request, status: int, code: str, message: str) -> Response:
    """The HTML face of the API's error shape, for people following a link in a browser."""
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = "Error"
    return render("error.html", status, status=status, phrase=phrase, code=code, message=message, nav="")


def store_read(request: Request, fn: Any, key: tuple[Any, ...] | None = None) -> Any:
    """One Store call as the JSON the API would send (from the owner's cache for keyed aggregates)."""
    owner = request.app.state.owner
    # Keys of their own: the API caches some of these calls wrapped differently ({"items": ...}).
    return owner.read_value(fn, ("web", *key)) if key is not None else jsonable(owner.read(fn))


def _valid_code(code: str) -> str:
    if not re.match(CODE_PATTERN, code):
        raise APIError(f"not an actor code: {code[:40]!r}", status=404)
    return code.upper()


def _days_before(day: date, days: int) -> date:
    return day - timedelta(days=days) if day.toordinal() > days else date.min


def _years_before(day: date, years: int) -> date:
    """The same day ``years`` earlier: February 29 becomes the 28th in a common year; never before year 1."""
    year = max(day.year - years, date.min.year)
    return day.replace(year=year, day=min(day.day, calendar.monthrange(year, day.month)[1]))


def periods(
    first: str | None, last: str | None, start: date | None, end: date | None
) -> list[dict[str, Any]]:
    """Period choices for the selector: all time, the last 12 months and 5 years of the data, recent years."""
    options: list[dict[str, Any]] = [{"label": "All time", "start": None, "end": None}]
    if last:
        last_day = date.fromisoformat(last)
        first_day = date.fromisoformat(first) if first else last_day
        options.append({"label": "Last 12 months", "start": _days_before(last_day, 365), "end": last_day})
        if (last_day - first_day).days > 5 * 365:
            options.append({"label": "Last 5 years", "start": _years_before(last_day, 5), "end": last_day})
        for year in range(last_day.year, max(first_day.year, last_day.year - 7) - 1, -1):
            options.append({"label": str(year), "start": date(year, 1, 1), "end": date(year, 12, 31)})
    for option in options:
        option["active"] = option["start"] == start and option["end"] == end
        query = {k: option[k].isoformat() for k in ("start", "end") if option[k]}
        option["query"] = ("?" + urlencode(query)) if query else ""
    return options


@router.get("/", response_class=HTMLResponse)
def overview(request: Request) -> Response:
    owner = request.app.state.owner
    stats = jsonable(store_read(request, lambda s: s.stats(), key=("stats",)))
    dyads = jsonable(store_read(request, lambda s: s.top_dyads(limit=12), key=("top_dyads", 12, None, None)))
    latest = jsonable(store_read(request, lambda s: s.latest_events(limit=15)))
    actors = jsonable(store_read(request, lambda s: s.actors(limit=12), key=("actors", None, 12)))
    ingest = owner.status.to_json(writable=bool(request.app.state.token))
    return render(
        "overview.html", nav="overview", stats=stats, dyads=dyads, latest=latest, actors=actors, ingest=ingest
    )


@router.get("/country", response_class=HTMLResponse)
def country_search(code: Annotated[str, Query(max_length=64)] = "") -> Response:
    wanted = code.strip().upper()
    if not wanted:
        return RedirectResponse("/actors", status_code=303)
    return RedirectResponse(f"/country/{_valid_code(wanted)}", status_code=303)


@router.get("/country/{code}", response_class=HTMLResponse)
def country(request: Request, code: str, start: date | None = None, end: date | None = None) -> Response:
    target = _valid_code(code)
    check_period(start, end)
    profile = jsonable(
        store_read(request, lambda s: s.influence(target, start, end), key=("influence", target, start, end))
    )
    stats = jsonable(store_read(request, lambda s: s.stats(), key=("stats",)))
    partners = top_partners(profile)
    series = {
        p["code"]: jsonable(
            store_read(
                request,
                lambda s, c=p["code"]: s.dyad_series(target, c, start, end),
                key=("dyad", target, p["code"], start, end),
            )
        )
        for p in partners[:TOP_PARTNERS]
    }
    commentary = jsonable(
        store_read(
            request, lambda s: s.commentary(target, start, end), key=("commentary", target, start, end)
        )
    )
    quotes = page_json(
        store_read(request, lambda s: s.statements(None, target, start=start, end=end, limit=6))
    )
    return render(
        "country.html",
        nav="",
        charts=True,
        profile=profile,
        influence_spec=charts.influence_chart(profile),
        influence_rows=charts.influence_rows(profile),
        timeline_spec=charts.partners_timeline(target, series),
        partners=partners,
        commentary=commentary,
        quotes=quotes["items"],
        periods=periods(stats.get("first_published"), stats.get("last_published"), start, end),
        start=start,
        end=end,
        events_url=charts.events_url,
    )


def top_partners(profile: dict[str, Any]) -> list[dict[str, Any]]:
    """The target's partners over all domains: events, cooperation and pressure events, main domain."""
    totals: dict[str, dict[str, Any]] = {}
    for domain in profile.get("domains", []):
        for p in domain.get("powers", []):
            row = totals.setdefault(
                p["code"],
                {
                    "code": p["code"],
                    "name": p["name"],
                    "events": 0,
                    "cooperation": 0,
                    "pressure": 0,
                    "domains": {},
                },
            )
            row["events"] += p["events"]
            row["cooperation"] += p["cooperation"]["events"]
            row["pressure"] += p["pressure"]["events"]
            row["domains"][domain["domain"]] = p["events"]
    out = sorted(totals.values(), key=lambda r: (-r["events"], r["code"]))
    for row in out:
        row["main_domain"] = max(row["domains"].items(), key=lambda kv: kv[1])[0] if row["domains"] else None
    return out


@router.get("/dyad/{a}/{b}", response_class=HTMLResponse)
def dyad(request: Request, a: str, b: str, start: date | None = None, end: date | None = None) -> Response:
    first, second = _valid_code(a), _valid_code(b)
    check_period(start, end)
    series = jsonable(
        store_read(
            request,
            lambda s: s.dyad_series(first, second, start, end),
            key=("dyad", first, second, start, end),
        )
    )
    recent = page_json(
        store_read(
            request,
            lambda s: s.events(actor=first, partner=second, start=start, end=end, limit=25),
        )
    )
    totals = {k: sum(m["both"][k] for m in series["months"]) for k in ("events", "q1", "q2", "q3", "q4")}
    totals["goldstein"] = round(sum(m["both"]["goldstein"] for m in series["months"]), 2)
    return render(
        "dyad.html",
        nav="",
        charts=True,
        a=first,
        b=second,
        series=series,
        totals=totals,
        spec=charts.dyad_chart(series),
        recent=recent,
        events_url=charts.events_url,
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
    filters = event_filters(**params)
    size = int(request.app.state.settings.api_page_size)
    page = page_json(store_read(request, lambda s: s.events(cursor=cursor or None, limit=size, **filters)))
    shown = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in params.items() if v}
    next_url = (
        "/events?" + urlencode({**shown, "cursor": page["next_cursor"]}) if page["next_cursor"] else None
    )
    return render(
        "events.html",
        nav="events",
        page=page,
        params=shown,
        next_url=next_url,
        first_url=("/events?" + urlencode(shown)) if cursor else None,
        describe=describe_filters(shown),
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
    return render(
        "network.html",
        nav="network",
        charts=True,
        spec=charts.network_chart(data),
        edges=edges[:40],
        nodes=len(data["nodes"]),
        n_edges=len(edges),
        min_events=min_events,
    )


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request, q: Annotated[str | None, Query(max_length=100)] = None) -> Response:
    rows = jsonable(store_read(request, lambda s: s.actors(q=q or None, limit=200)))
    return render("actors.html", nav="actors", actors=rows, q=q or "")


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
