"""Chart specifications for the dashboard (Vega-Lite, and Vega for the network), built from the JSON the API
returns. Every mark carries an ``href`` to the event browser filtered to exactly the events behind it, so a
reader can always go from a bar to the sentences that made it.
"""

from __future__ import annotations

import calendar
from typing import Any
from urllib.parse import urlencode

from realpolitik.model import DOMAINS

VEGA_LITE = "https://vega.github.io/schema/vega-lite/v5.json"  # an identifier only; nothing is fetched
COOP, PRESSURE = "#2f7d5b", "#b23b2e"
QUAD_COLOURS = ["#7cc4a0", "#2f7d5b", "#e8907f", "#b23b2e"]
QUAD_LABELS = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
MAX_POWERS_PER_DOMAIN = 8
YEARLY_AFTER_MONTHS = 48  # a longer timeline is drawn per year: 240 monthly points per line are unreadable


def events_url(**params: Any) -> str:
    """The event browser URL for these filters (empty values are left out); the browser lists complete events
    unless ``all`` is given, as the aggregates count them."""
    clean = {k: ("1" if v is True else v) for k, v in params.items() if v not in (None, "", False)}
    return "/events?" + urlencode(clean)


def month_bounds(month: str) -> tuple[str, str]:
    year, mon = (int(p) for p in month.split("-")[:2])
    return f"{year:04d}-{mon:02d}-01", f"{year:04d}-{mon:02d}-{calendar.monthrange(year, mon)[1]:02d}"


def base_config() -> dict[str, Any]:
    return {
        "font": "system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif",
        "axis": {
            "labelColor": "#3a4254",
            "titleColor": "#5d6678",
            "gridColor": "#eceef2",
            "domainColor": "#c5cad3",
        },
        "header": {"labelColor": "#1d2330"},
        "legend": {"labelColor": "#3a4254", "titleColor": "#5d6678", "orient": "top", "labelLimit": 320},
        "view": {"stroke": None},
    }


def power_label(name: str | None, code: str) -> str:
    """ "Russia (RUS)", or the code alone when the name is too long for an axis label."""
    if not name or name == code:
        return code
    return f"{name} ({code})" if len(name) <= 22 else code


def domain_order(found: set[str]) -> list[str]:
    """The domains found, ours in their usual order first, any others after them alphabetically."""
    return [*(d for d in DOMAINS if d in found), *sorted(found - set(DOMAINS))]


def domain_rows(domains: list[str]) -> dict[str, Any]:
    """A chart faceted into one row per domain, in this order, each labelled on its left."""
    header = {"labelAngle": 0, "labelAlign": "left", "labelFontWeight": "bold", "labelFontSize": 13}
    return {"row": {"field": "domain", "type": "nominal", "sort": domains, "title": None, "header": header}}


def influence_rows(profile: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per (domain, power, side) with the share and the link to its events."""
    rows = []
    target = profile["target"]
    for domain in profile.get("domains", []):
        for power in domain.get("powers", [])[:MAX_POWERS_PER_DOMAIN]:
            for side, quad in (("cooperation", "coop"), ("pressure", "pressure")):
                part = power[side]
                if part["events"] == 0:
                    continue
                rows.append(
                    {
                        "domain": domain["domain"],
                        "power": power_label(power["name"], power["code"]),
                        "code": power["code"],
                        "name": power["name"],
                        "side": side,
                        "share": part["share"],
                        "total_share": power["share"],
                        "interval": f"{power.get('share_low', 0):.0%}–{power.get('share_high', 1):.0%}",
                        "events": part["events"],
                        "cell_events": power["events"],
                        "articles": power.get("articles", 0),
                        "thin": bool(power.get("thin")),
                        "href": events_url(
                            target=target,
                            partner=power["code"],
                            domain=domain["domain"],
                            quad=quad,
                            canonical=True,
                            start=profile.get("start"),
                            end=profile.get("end"),
                        ),
                    }
                )
    return rows


def influence_chart(profile: dict[str, Any]) -> dict[str, Any] | None:
    """Domains (rows) x powers (bars): each power's share of the target's engagement in the domain, split
    into cooperation and pressure."""
    rows = influence_rows(profile)
    if not rows:
        return None
    present = domain_order({r["domain"] for r in rows})
    return {
        "$schema": VEGA_LITE,
        "data": {"values": rows},
        "facet": domain_rows(present),
        "spec": {
            "width": 430,
            "height": {"step": 22},
            "mark": {"type": "bar", "cursor": "pointer", "tooltip": True},
            "encoding": {
                "y": {
                    "field": "power",
                    "type": "nominal",
                    "title": None,
                    "sort": {"field": "total_share", "op": "max", "order": "descending"},
                    "axis": {"labelLimit": 170},
                },
                "x": {
                    "field": "share",
                    "type": "quantitative",
                    "stack": "zero",
                    "title": "share of engagement with the target in the domain",
                    "scale": {"domain": [0, 1]},
                    "axis": {"format": ".0%"},
                },
                "color": {
                    "field": "side",
                    "type": "nominal",
                    "title": None,
                    "scale": {"domain": ["cooperation", "pressure"], "range": [COOP, PRESSURE]},
                },
                "order": {"field": "side", "sort": "ascending"},
                # a thin cell (fewer than 5 events) is drawn pale: its share rests on little evidence
                "opacity": {"condition": {"test": "datum.thin", "value": 0.4}, "value": 1},
                "href": {"field": "href", "type": "nominal"},
                "tooltip": [
                    {"field": "name", "title": "power"},
                    {"field": "domain"},
                    {"field": "side"},
                    {"field": "share", "format": ".1%"},
                    {"field": "interval", "title": "95% interval of the share"},
                    {"field": "events", "title": "events (this side)"},
                    {"field": "cell_events", "title": "events (both sides)"},
                    {"field": "articles"},
                    {"field": "thin", "title": "thin (< 5 events)"},
                ],
            },
        },
        "resolve": {"scale": {"y": "independent"}},
        "config": base_config(),
    }


def month_range(first: str, last: str) -> list[str]:
    """Every month from ``first`` to ``last`` (``YYYY-MM``), inclusive."""
    year, mon = (int(p) for p in first.split("-")[:2])
    out = []
    while f"{year:04d}-{mon:02d}" <= last:
        out.append(f"{year:04d}-{mon:02d}")
        year, mon = (year + 1, 1) if mon == 12 else (year, mon + 1)
    return out


def partners_timeline(target: str, series: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    """Events between the target and each of its top partners over time (one line each), per month, or per
    year when the data spans more than four years; quiet periods count as zero so a line never bridges them."""
    seen = [m["month"] for dyad in series.values() for m in dyad.get("months", [])]
    if not seen:
        return None
    months = month_range(min(seen), max(seen))
    yearly = len(months) > YEARLY_AFTER_MONTHS
    buckets = sorted({m[:4] for m in months}) if yearly else months
    rows = []
    for code, dyad in series.items():
        counts: dict[str, list[int]] = {b: [0, 0, 0] for b in buckets}  # events, cooperation, pressure
        for m in dyad.get("months", []):
            both, bucket = m["both"], m["month"][:4] if yearly else m["month"]
            counts[bucket][0] += both["events"]
            counts[bucket][1] += both["q1"] + both["q2"]
            counts[bucket][2] += both["q3"] + both["q4"]
        for bucket, (events, coop, pressure) in counts.items():
            first, last = (f"{bucket}-01-01", f"{bucket}-12-31") if yearly else month_bounds(bucket)
            rows.append(
                {
                    "period": first,
                    "partner": code,
                    "events": events,
                    "cooperation": coop,
                    "pressure": pressure,
                    "href": events_url(target=target, partner=code, canonical=True, start=first, end=last),
                }
            )
    unit = "year" if yearly else "yearmonth"
    return {
        "$schema": VEGA_LITE,
        "width": "container",
        "height": 220,
        "data": {"values": rows},
        "mark": {
            "type": "line",
            "point": {"size": 36, "filled": True, "cursor": "pointer"},
            "strokeWidth": 1.6,
        },
        "encoding": {
            "x": {"field": "period", "type": "temporal", "timeUnit": unit, "title": None},
            "y": {
                "field": "events",
                "type": "quantitative",
                "title": f"events per {'year' if yearly else 'month'}",
            },
            "color": {
                "field": "partner",
                "type": "nominal",
                "title": "partner",
                "scale": {"scheme": "tableau10"},
            },
            "href": {"field": "href", "type": "nominal"},
            "tooltip": [
                {"field": "partner"},
                {"field": "period", "type": "temporal", "timeUnit": unit, "title": "period"},
                {"field": "events"},
                {"field": "cooperation"},
                {"field": "pressure"},
            ],
        },
        "config": base_config(),
    }


def dyad_chart(series: dict[str, Any]) -> dict[str, Any] | None:
    """Monthly events between a and b stacked by quad class (left axis), with the Goldstein sum as a line
    (right axis); quiet months count as zero."""
    a, b = series["a"], series["b"]
    found = {m["month"]: m["both"] for m in series.get("months", [])}
    if not found:
        return None
    bars, lines = [], []
    for month in month_range(min(found), max(found)):
        both = found.get(month)
        day = month + "-01"
        lines.append({"month": day, "goldstein": both["goldstein"] if both else 0.0})
        if not both:
            continue
        first, last = month_bounds(month)
        for quad in (1, 2, 3, 4):
            if both[f"q{quad}"]:
                bars.append(
                    {
                        "month": day,
                        "quad": QUAD_LABELS[quad],
                        "order": quad,
                        "events": both[f"q{quad}"],
                        "href": events_url(
                            actor=a, partner=b, quad=quad, canonical=True, start=first, end=last
                        ),
                    }
                )
    x = {"field": "month", "type": "temporal", "timeUnit": "yearmonth", "title": None}
    return {
        "$schema": VEGA_LITE,
        "width": "container",
        "height": 260,
        "layer": [
            {
                "data": {"values": bars},
                "mark": {"type": "bar", "cursor": "pointer", "tooltip": True},
                "encoding": {
                    "x": x,
                    "y": {"field": "events", "type": "quantitative", "stack": "zero", "title": "events"},
                    "color": {
                        "field": "quad",
                        "type": "nominal",
                        "title": None,
                        "scale": {"domain": [QUAD_LABELS[q] for q in (1, 2, 3, 4)], "range": QUAD_COLOURS},
                    },
                    "order": {"field": "order"},
                    "href": {"field": "href", "type": "nominal"},
                    "tooltip": [
                        {"field": "month", "type": "temporal", "timeUnit": "yearmonth"},
                        {"field": "quad", "title": "class"},
                        {"field": "events"},
                    ],
                },
            },
            {
                "data": {"values": lines},
                "mark": {"type": "line", "color": "#1f4e8c", "strokeWidth": 1.5, "point": {"size": 18}},
                "encoding": {
                    "x": x,
                    "y": {
                        "field": "goldstein",
                        "type": "quantitative",
                        "title": "Goldstein sum (line)",
                        "axis": {"orient": "right"},
                    },
                    "tooltip": [
                        {"field": "month", "type": "temporal", "timeUnit": "yearmonth"},
                        {"field": "goldstein", "title": "Goldstein sum"},
                    ],
                },
            },
        ],
        "resolve": {"scale": {"y": "independent"}},
        "config": base_config(),
    }


def network_chart(network: dict[str, Any], max_edges: int = 80) -> dict[str, Any] | None:
    """A force-directed graph (Vega): nodes sized by events and linked to their profiles, edges coloured by
    the balance of cooperation and pressure."""
    edges = sorted(network.get("edges", []), key=lambda e: -e["events"])[:max_edges]
    if not edges:
        return None
    codes = sorted({e["a"] for e in edges} | {e["b"] for e in edges})
    index = {code: i for i, code in enumerate(codes)}
    names = {n["code"]: n for n in network.get("nodes", [])}
    nodes = [
        {
            "index": i,
            "code": code,
            "name": names.get(code, {}).get("name", code),
            "events": names.get(code, {}).get("events", 0),
            "href": f"/country/{code}",
        }
        for code, i in index.items()
    ]
    links = [
        {
            "source": index[e["a"]],
            "target": index[e["b"]],
            "events": e["events"],
            "balance": (e["cooperation"] - e["pressure"]) / ((e["cooperation"] + e["pressure"]) or 1),
        }
        for e in edges
    ]
    return {
        "$schema": "https://vega.github.io/schema/vega/v5.json",
        "width": 1150,
        "height": 600,
        "autosize": "none",
        "signals": [{"name": "cx", "update": "width / 2"}, {"name": "cy", "update": "height / 2"}],
        "data": [{"name": "node-data", "values": nodes}, {"name": "link-data", "values": links}],
        "scales": [
            {
                "name": "size",
                "type": "sqrt",
                "domain": {"data": "node-data", "field": "events"},
                "range": [60, 1400],
            },
            {
                "name": "width",
                "type": "sqrt",
                "domain": {"data": "link-data", "field": "events"},
                "range": [0.6, 6],
            },
            {"name": "balance", "type": "linear", "domain": [-1, 0, 1], "range": [PRESSURE, "#b9bfca", COOP]},
        ],
        "marks": [
            {
                "name": "nodes",
                "type": "symbol",
                "zindex": 1,
                "from": {"data": "node-data"},
                "encode": {
                    "enter": {
                        "fill": {"value": "#1f4e8c"},
                        "stroke": {"value": "#fff"},
                        "size": {"scale": "size", "field": "events"},
                        "href": {"field": "href"},
                        "cursor": {"value": "pointer"},
                        "tooltip": {
                            "signal": "datum.name + ' (' + datum.code + '): ' + datum.events + ' events'"
                        },
                    }
                },
                "transform": [
                    {
                        "type": "force",
                        "iterations": 300,
                        "static": True,
                        "forces": [
                            {"force": "center", "x": {"signal": "cx"}, "y": {"signal": "cy"}},
                            {"force": "collide", "radius": 18},
                            {"force": "nbody", "strength": -70},
                            {"force": "link", "links": "link-data", "distance": 80},
                        ],
                    }
                ],
            },
            {
                "type": "text",
                "from": {"data": "nodes"},
                "zindex": 2,
                "encode": {
                    "enter": {
                        "text": {"field": "datum.code"},
                        "fontSize": {"value": 11},
                        "fontWeight": {"value": "bold"},
                        "fill": {"value": "#1d2330"},
                        "dy": {"value": -12},
                        "align": {"value": "center"},
                    },
                    "update": {"x": {"field": "x"}, "y": {"field": "y"}},
                },
            },
            {
                "type": "path",
                "from": {"data": "link-data"},
                "interactive": False,
                "encode": {
                    "update": {
                        "stroke": {"scale": "balance", "field": "balance"},
                        "strokeWidth": {"scale": "width", "field": "events"},
                        "strokeOpacity": {"value": 0.7},
                    }
                },
                "transform": [
                    {
                        "type": "linkpath",
                        "shape": "line",
                        "sourceX": "datum.source.x",
                        "sourceY": "datum.source.y",
                        "targetX": "datum.target.x",
                        "targetY": "datum.target.y",
                    }
                ],
            },
        ],
    }
