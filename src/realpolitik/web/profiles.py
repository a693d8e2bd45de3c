"""The pages about actors: the country profile (influence by domain with the evidence behind each share, shares
over time, top partners, outlets, what commentators say), the comparison of two or more targets or periods side
by side, and the dyad view. A target may be typed as a code, a name or a demonym; an unknown one is a 404 page.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from realpolitik.errors import APIError, QueryError
from realpolitik.render import INFLUENCE_COLUMNS, flat, influence_rows, listed_columns, page_json
from realpolitik.store.influence import SERIES_COLUMNS
from realpolitik.store.params import check_period
from realpolitik.web import charts, trend_charts
from realpolitik.web.pages import Tables, known_codes, render, resolve_code, store_read

router = APIRouter(include_in_schema=False)

TOP_PARTNERS = 6
MAX_COMPARED = 4
# A single outlet behind more than this share of a profile's events is said out loud on the page.
DOMINANT_OUTLET = 0.5
_PERIOD = re.compile(r"^(\d{4})(?:-(\d{4}))?$")


def _days_before(day: date, days: int) -> date:
    return day - timedelta(days=days) if day.toordinal() > days else date.min


def _years_before(day: date, years: int) -> date:
    """The same day ``years`` earlier: February 29 becomes the 28th in a common year; never before year 1."""
    year = max(day.year - years, date.min.year)
    return day.replace(year=year, day=min(day.day, calendar.monthrange(year, day.month)[1]))


def periods(years: list[int], last: str | None, start: date | None, end: date | None) -> list[dict[str, Any]]:
    """Period choices: all time, the last 12 months and 5 years of the data, and every year with data."""
    options: list[dict[str, Any]] = [{"label": "All time", "start": None, "end": None}]
    if last:
        last_day = date.fromisoformat(last)
        options.append({"label": "Last 12 months", "start": _days_before(last_day, 365), "end": last_day})
        if years and last_day.year - years[0] > 5:
            options.append({"label": "Last 5 years", "start": _years_before(last_day, 5), "end": last_day})
    for year in sorted(years, reverse=True):
        options.append({"label": str(year), "start": date(year, 1, 1), "end": date(year, 12, 31)})
    for option in options:
        option["active"] = option["start"] == start and option["end"] == end
        query = {k: option[k].isoformat() for k in ("start", "end") if option[k]}
        option["query"] = ("?" + urlencode(query)) if query else ""
    return options


def top_partners(profile: dict[str, Any]) -> list[dict[str, Any]]:
    """The target's partners over all domains: events, cooperation and pressure events, main domain."""
    totals: dict[str, dict[str, Any]] = {}
    for domain in profile.get("domains", []):
        for p in domain.get("powers", []):
            row = totals.setdefault(
                p["code"],
                {"code": p["code"], "name": p["name"], "events": 0, "cooperation": 0, "pressure": 0},
            )
            row["events"] += p["events"]
            row["cooperation"] += p["cooperation"]["events"]
            row["pressure"] += p["pressure"]["events"]
            row.setdefault("domains", {})[domain["domain"]] = p["events"]
    out = sorted(totals.values(), key=lambda r: (-r["events"], r["code"]))
    for row in out:
        domains = row.pop("domains")
        row["main_domain"] = max(domains.items(), key=lambda kv: kv[1])[0] if domains else None
    return out


@router.get("/country", response_class=HTMLResponse)
def country_search(request: Request, code: Annotated[str, Query(max_length=64)] = "") -> Response:
    """The profile box: a code, a name or a demonym ("KAZ", "Kazakhstan", "kazakh")."""
    if not code.strip():
        return RedirectResponse("/actors", status_code=303)
    return RedirectResponse(f"/country/{resolve_code(request, code)}", status_code=303)


@router.get("/country/{code}", response_class=HTMLResponse)
def country(
    request: Request,
    code: str,
    start: date | None = None,
    end: date | None = None,
    by: Annotated[str, Query(pattern="^(year|month)$")] = "year",
) -> Response:
    target = resolve_code(request, code)
    if target != code:
        query = f"?{request.url.query}" if request.url.query else ""
        return RedirectResponse(f"/country/{target}{query}", status_code=307)
    check_period(start, end)
    profile = store_read(
        request, lambda s: s.influence(target, start, end), key=("influence", target, start, end)
    )
    stats = store_read(request, lambda s: s.stats(), key=("stats",))
    years = store_read(request, lambda s: s.active_years(target), key=("active_years", target))
    series = store_read(
        request,
        lambda s: s.influence_series(target, by, start, end),
        key=("influence_series", target, by, start, end, 5, None),
    )
    partners = top_partners(profile)
    dyads = {
        p["code"]: store_read(
            request,
            lambda s, c=p["code"]: s.dyad_series(target, c, start, end),
            key=("dyad", target, p["code"], start, end),
        )
        for p in partners[:TOP_PARTNERS]
    }
    commentary = store_read(
        request, lambda s: {"items": s.commentary(target, start, end)}, key=("commentary", target, start, end)
    )["items"]
    quotes = page_json(
        store_read(request, lambda s: s.statements(None, target, start=start, end=end, limit=6))
    )
    numbers = influence_rows(profile)
    tables = Tables(request)
    csv = {
        "influence": tables.add("influence", numbers, INFLUENCE_COLUMNS),
        "trends": tables.add("trends", series["rows"], SERIES_COLUMNS),
        "partners": tables.add("partners", partners[:12]),
        "outlets": tables.add("outlets", profile["outlet_mix"]),
        "commentary": tables.add("commentary", commentary[:10]),
    }
    if (wanted := tables.wanted()) is not None:
        return tables.csv(wanted)
    top_outlet = profile["outlet_mix"][0] if profile["outlet_mix"] else None
    return render(
        "country.html",
        nav="",
        charts=True,
        profile=profile,
        influence_spec=charts.influence_chart(profile),
        numbers=numbers,
        trends=trend_charts.trend_charts(series),
        by=by,
        by_links={
            unit: "?" + urlencode({k: v for k, v in (("start", start), ("end", end), ("by", unit)) if v})
            for unit in ("year", "month")
        },
        timeline_spec=charts.partners_timeline(target, dyads),
        partners=partners,
        commentary=commentary,
        quotes=quotes["items"],
        periods=periods(years, stats.get("last_published"), start, end),
        dominant=top_outlet if top_outlet and top_outlet["share"] > DOMINANT_OUTLET else None,
        start=start,
        end=end,
        csv=csv,
        events_url=charts.events_url,
    )


def parse_period(text: str) -> tuple[date, date]:
    """``2016`` or ``2016-2018`` (whole years, inclusive) as first and last day."""
    match = _PERIOD.match(text.strip())
    if not match:
        raise QueryError(f"a period is a year or two years, e.g. 2016 or 2016-2018, not {text[:20]!r}")
    first = int(match.group(1))
    last = int(match.group(2) or first)
    if last < first:
        raise QueryError(f"period {text!r} ends before it starts")
    return date(first, 1, 1), date(last, 12, 31)


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


@router.get("/compare", response_class=HTMLResponse)
def compare(
    request: Request,
    targets: Annotated[str, Query(max_length=200)] = "",
    target: Annotated[str, Query(max_length=64)] = "",
    periods: Annotated[str, Query(max_length=200)] = "",
    start: date | None = None,
    end: date | None = None,
) -> Response:
    """Profiles side by side: ``targets=KAZ,UZB`` (one period, ``start``/``end``) or
    ``target=KAZ&periods=2016-2018,2019-2021`` (one target)."""
    check_period(start, end)
    columns: list[dict[str, Any]] = []
    if periods:
        code = resolve_code(request, target or "")
        for text in _split(periods)[:MAX_COMPARED]:
            first, last = parse_period(text)
            columns.append({"code": code, "label": f"{code} {text}", "start": first, "end": last})
    elif targets:
        for text in _split(targets)[:MAX_COMPARED]:
            code = resolve_code(request, text)
            columns.append({"code": code, "label": code, "start": start, "end": end})
    for column in columns:
        column["profile"] = store_read(
            request,
            lambda s, c=column: s.influence(c["code"], c["start"], c["end"]),
            key=("influence", column["code"], column["start"], column["end"]),
        )
    rows = trend_charts.comparison_rows(columns)
    tables = Tables(request)
    csv = tables.add("comparison", rows)
    if (wanted := tables.wanted()) is not None:
        return tables.csv(wanted)
    return render(
        "compare.html",
        nav="compare",
        charts=True,
        columns=columns,
        table=trend_charts.comparison_table(columns),
        spec=trend_charts.comparison_chart(rows),
        targets=targets,
        target=target,
        periods_text=periods,
        start=start,
        end=end,
        csv=csv,
        events_url=charts.events_url,
    )


@router.get("/dyad/{a}/{b}", response_class=HTMLResponse)
def dyad(request: Request, a: str, b: str, start: date | None = None, end: date | None = None) -> Response:
    if not all(re.match(r"^[A-Za-z0-9_.\-]{1,40}$", c) for c in (a, b)):
        raise APIError("not an actor code", status=404)
    first, second = known_codes(request, a, b)
    check_period(start, end)
    series = store_read(
        request,
        lambda s: s.dyad_series(first, second, start, end),
        key=("dyad", first, second, start, end),
    )
    recent = page_json(
        store_read(
            request,
            lambda s: s.events(
                actor=first, partner=second, start=start, end=end, complete=True, canonical=True, limit=25
            ),
        )
    )
    totals = {k: sum(m["both"][k] for m in series["months"]) for k in ("events", "q1", "q2", "q3", "q4")}
    totals["goldstein"] = round(sum(m["both"]["goldstein"] for m in series["months"]), 2)
    tables = Tables(request)
    csv = tables.add("events", [flat(e) for e in recent["items"]], listed_columns("events"))
    if (wanted := tables.wanted()) is not None:
        return tables.csv(wanted)
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
        csv=csv,
        events_url=charts.events_url,
    )
