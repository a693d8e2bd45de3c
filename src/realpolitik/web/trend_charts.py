"""Charts and tables of change and comparison: each domain's shares over time for its leading powers (one line
per power, thin points hollow, the 95% interval in each point's tooltip and in the table below), and profiles of several targets or periods side by
side. Like every chart of the dashboard, each point and bar links to the events behind it.
"""

from __future__ import annotations

from typing import Any

from realpolitik.web.charts import VEGA_LITE, base_config, domain_order, domain_rows, events_url, power_label

COMPARED_POWERS = 6  # powers per domain and profile in a comparison
# Tableau 10: a power keeps its colour in every domain's chart of a page.
PALETTE = (
    "#4c78a8", "#f58518", "#e45756", "#72b7b2", "#54a24b", "#eeca3b", "#b279a2", "#ff9da6", "#9d755d", "#bab0ac",
)  # fmt: skip


def trend_charts(series: dict[str, Any]) -> list[dict[str, Any]]:
    """One line chart per domain with data: ``{"domain", "id", "spec", "powers"}``."""
    by, target = series["by"], series["target"]
    unit = "year" if by == "year" else "yearmonth"
    colours: dict[str, str] = {}
    for r in sorted(series.get("rows", []), key=lambda r: r["rank"]):
        label = power_label(r["name"], r["code"])
        colours.setdefault(label, PALETTE[len(colours) % len(PALETTE)])
    out = []
    for domain in domain_order({r["domain"] for r in series.get("rows", [])}):
        values = []
        for r in (r for r in series["rows"] if r["domain"] == domain):
            values.append(
                {
                    "period": r["start"],
                    "label": r["period"],
                    "power": power_label(r["name"], r["code"]),
                    "rank": r["rank"],
                    "share": r["share"],
                    "low": r["share_low"],
                    "high": r["share_high"],
                    "events": r["events"],
                    "articles": r["articles"],
                    "domain_events": r["domain_events"],
                    "thin": r["thin"],
                    "href": events_url(
                        target=target,
                        partner=r["code"],
                        domain=domain,
                        canonical=True,
                        start=r["start"],
                        end=r["end"],
                    ),
                }
            )
        powers = sorted({(v["rank"], v["power"]) for v in values})
        order = [p for _, p in powers]
        x = {"field": "period", "type": "temporal", "timeUnit": unit, "title": None}
        y = {
            "field": "share",
            "type": "quantitative",
            "title": f"share of {domain}",
            "scale": {"domain": [0, 1]},
            "axis": {"format": ".0%"},
        }
        color: dict[str, Any] = {"field": "power", "type": "nominal", "title": None, "sort": order}
        color["scale"] = {"domain": order, "range": [colours[p] for p in order]}
        tooltip = [
            {"field": "power"},
            {"field": "label", "title": by},
            {"field": "share", "format": ".1%"},
            {"field": "low", "format": ".0%", "title": "95% from"},
            {"field": "high", "format": ".0%", "title": "95% to"},
            {"field": "events"},
            {"field": "articles"},
            {"field": "domain_events", "title": f"{domain} events that {by}"},
        ]
        point = {"x": x, "y": y, "color": color, "href": {"field": "href"}, "tooltip": tooltip}
        spec = {
            "$schema": VEGA_LITE,
            "width": "container",
            "height": 190,
            "data": {"values": values},
            "layer": [
                {"mark": {"type": "line", "strokeWidth": 2}, "encoding": {"x": x, "y": y, "color": color}},
                {
                    "transform": [{"filter": "!datum.thin"}],
                    "mark": {"type": "point", "filled": True, "size": 50, "cursor": "pointer"},
                    "encoding": point,
                },
                {
                    "transform": [{"filter": "datum.thin"}],
                    "mark": {"type": "point", "filled": False, "size": 50, "cursor": "pointer"},
                    "encoding": point,
                },
            ],
            "config": base_config(),
        }
        out.append({"domain": domain, "id": f"trend-{domain}", "spec": spec, "powers": order})
    return out


def comparison_rows(columns: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every (profile, domain, power) of the compared profiles as one flat row: the comparison's CSV."""
    rows = []
    for column in columns:
        profile = column["profile"]
        for domain in profile["domains"]:
            for p in domain["powers"]:
                rows.append(
                    {
                        "profile": column["label"],
                        "target": profile["target"],
                        "start": profile["start"],
                        "end": profile["end"],
                        "domain": domain["domain"],
                        "rank": p["rank"],
                        "code": p["code"],
                        "name": p["name"],
                        "share": p["share"],
                        "share_low": p["share_low"],
                        "share_high": p["share_high"],
                        "events": p["events"],
                        "articles": p["articles"],
                        "outlets": p["outlets"],
                        "thin": p["thin"],
                    }
                )
    return rows


def comparison_table(columns: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per domain, the leading powers of any compared profile, with each profile's cell (or None) beside."""
    out = []
    found = {d["domain"] for c in columns for d in c["profile"]["domains"] if d["powers"]}
    for domain in domain_order(found):
        cells: dict[str, list[dict[str, Any] | None]] = {}
        names: dict[str, str] = {}
        best: dict[str, float] = {}
        for i, column in enumerate(columns):
            profile = column["profile"]
            powers = next(d["powers"] for d in profile["domains"] if d["domain"] == domain)
            for p in powers:
                row = cells.setdefault(p["code"], [None] * len(columns))
                row[i] = {
                    **p,
                    "href": events_url(
                        target=profile["target"],
                        partner=p["code"],
                        domain=domain,
                        canonical=True,
                        start=profile["start"],
                        end=profile["end"],
                    ),
                }
                names[p["code"]] = p["name"]
                if p["rank"] <= COMPARED_POWERS:
                    best[p["code"]] = max(best.get(p["code"], 0.0), p["share"])
        events = [
            next(d["events"] for d in c["profile"]["domains"] if d["domain"] == domain) for c in columns
        ]
        leading = sorted(best, key=lambda code: (-best[code], code))
        out.append(
            {
                "domain": domain,
                "events": events,
                "powers": [{"code": c, "name": names[c], "cells": cells[c]} for c in leading],
            }
        )
    return out


def comparison_chart(rows: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Domains (rows) x powers: each compared profile's share as a bar beside the others, with its interval."""
    leading = {(r["domain"], r["code"]) for r in rows if r["rank"] <= COMPARED_POWERS}
    values = [
        {**r, "power": power_label(r["name"], r["code"])} for r in rows if (r["domain"], r["code"]) in leading
    ]
    if not values:
        return None
    y: dict[str, Any] = {"field": "power", "type": "nominal", "title": None, "axis": {"labelLimit": 170}}
    y["sort"] = {"field": "share", "op": "max", "order": "descending"}
    color = {"field": "profile", "type": "nominal", "title": None, "scale": {"scheme": "tableau10"}}
    return {
        "$schema": VEGA_LITE,
        "data": {"values": values},
        "facet": domain_rows(domain_order({v["domain"] for v in values})),
        "spec": {
            "width": 520,
            "height": {"step": 14},
            "encoding": {"y": y, "yOffset": {"field": "profile"}, "color": color},
            "layer": [
                {
                    "mark": {"type": "bar", "tooltip": True},
                    "encoding": {
                        "x": {
                            "field": "share",
                            "type": "quantitative",
                            "title": "share of engagement in the domain",
                            "scale": {"domain": [0, 1]},
                            "axis": {"format": ".0%"},
                        },
                        "opacity": {"condition": {"test": "datum.thin", "value": 0.4}, "value": 1},
                        "tooltip": [
                            {"field": "profile"},
                            {"field": "name", "title": "power"},
                            {"field": "share", "format": ".1%"},
                            {"field": "share_low", "format": ".0%", "title": "95% from"},
                            {"field": "share_high", "format": ".0%", "title": "95% to"},
                            {"field": "events"},
                            {"field": "articles"},
                        ],
                    },
                },
                {
                    "mark": {"type": "rule", "color": "#1d2330", "opacity": 0.6},
                    "encoding": {
                        "x": {"field": "share_low", "type": "quantitative"},
                        "x2": {"field": "share_high"},
                    },
                },
            ],
        },
        "resolve": {"scale": {"y": "independent"}},
        "config": base_config(),
    }
