"""The dashboard pages over hand-built analyses: each page renders what the Store holds, every chart element
carries a link to the events behind it, and markup from articles is always escaped, whether the article was
written to the store directly or ingested through the API."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from markupsafe import escape

from helpers import (
    HOSTILE_TEXT,
    HOSTILE_TITLE,
    XSS_MARKERS,
    KeywordEngine,
    TestClient,
    build_world,
    hostile_analysis,
    make_analysis,
)
from realpolitik.api import create_app
from realpolitik.model import replace
from realpolitik.settings import Settings
from realpolitik.store import Store
from realpolitik.web.charts import influence_chart, month_range

EVIL_NAME = '</script><script>alert("name")</script>'


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    path = tmp_path / "web.duckdb"
    hostile = hostile_analysis()
    # An actor whose display name is markup: it reaches the chart specs embedded in <script> blocks.
    evil = make_analysis(
        "Atlantis threatened Kazakhstan at sea.",
        [
            (
                "Atlantis threatened Kazakhstan",
                "ATL",
                "Atlantis",
                "THREATEN",
                "KAZ",
                "Kazakhstan",
                "security",
                "asserted",
            )
        ],
        title="Atlantis",
        published=date(2022, 3, 1),
    )
    evil = replace(
        evil, mentions=tuple(replace(m, name=EVIL_NAME) if m.code == "ATL" else m for m in evil.mentions)
    )
    with Store(path) as store:
        store.write([*build_world(), hostile, evil])
    app = create_app(path, Settings(), engine_factory=KeywordEngine, token="tok")
    with TestClient(app) as c:
        yield c


PAGES = [
    "/",
    "/country/KAZ",
    "/country/KAZ?start=2022-01-01&end=2022-12-31",
    "/dyad/RUS/KAZ",
    "/events",
    "/events?target=KAZ&partner=RUS&domain=security&quad=coop",
    "/articles/hostile-1",
    "/network",
    "/actors",
    "/docs",
]


@pytest.mark.parametrize("url", PAGES)
def test_pages_render_and_escape_markup(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    for marker in (*XSS_MARKERS, EVIL_NAME, "<script>alert"):
        assert marker not in page, f"{marker!r} unescaped on {url}"


def test_article_page_shows_the_markup_as_text(client: TestClient) -> None:
    page = client.get("/articles/hostile-1").text
    assert str(escape(HOSTILE_TITLE)) in page
    assert "&lt;script&gt;alert(" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert 'onmouseover="alert' not in page and "onerror=alert(1)>" not in page


def test_api_returns_the_markup_verbatim_as_json(client: TestClient) -> None:
    response = client.get("/api/v1/articles/hostile-1")
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["text"] == HOSTILE_TEXT and body["title"] == HOSTILE_TITLE
    assert response.headers.get("x-content-type-options") == "nosniff"


def test_chart_specs_are_embedded_safely_and_parse(client: TestClient) -> None:
    page = client.get("/country/KAZ").text
    blocks = re.findall(r'<script type="application/json" id="([^"]+)">(.*?)</script>', page, re.S)
    assert {name for name, _ in blocks} >= {"influence-chart-spec", "timeline-chart-spec"}
    spec = json.loads(dict(blocks)["influence-chart-spec"])
    names = {row["name"] for row in spec["data"]["values"]}
    assert EVIL_NAME in names  # the name survives as data, escaped only for the HTML


def test_every_influence_bar_links_to_its_events(client: TestClient) -> None:
    profile = client.get("/api/v1/influence/KAZ").json()
    spec = influence_chart(profile)
    assert spec is not None
    rows = spec["data"]["values"]
    assert rows and all(r["href"].startswith("/events?") for r in rows)
    for row in rows:
        found = client.get("/api/v1" + row["href"]).json()["items"]
        assert len(found) == row["events"], row
        quads = {e["quad_class"] for e in found}
        assert quads <= ({1, 2} if row["side"] == "cooperation" else {3, 4})
        assert all(e["domain"] == row["domain"] for e in found)


def test_overview_links_to_the_country_profiles(client: TestClient) -> None:
    page = client.get("/").text
    assert 'href="/country/KAZ"' in page
    assert 'href="/dyad/KAZ/RUS"' in page


def test_period_selector_offers_the_years_of_the_data(client: TestClient) -> None:
    page = client.get("/country/KAZ").text
    assert "?start=2021-01-01&amp;end=2021-12-31" in page
    assert "?start=2022-01-01&amp;end=2022-12-31" in page


def test_month_range_fills_quiet_months() -> None:
    assert month_range("2021-11", "2022-02") == ["2021-11", "2021-12", "2022-01", "2022-02"]


def ingest(client: TestClient, payload: Any, **kwargs: Any) -> Any:
    headers = {"Authorization": "Bearer tok", **kwargs.pop("headers", {})}
    return client.post("/api/v1/ingest", headers=headers, **kwargs, **({"json": payload} if payload else {}))


def test_ingested_hostile_article_is_escaped_on_every_page(client: TestClient) -> None:
    text = 'Russia met China <script>alert("ingested")</script> in <a href="javascript:alert(1)">Moscow</a>.'
    response = ingest(
        client,
        {
            "id": "evil-ingest",
            "text": text,
            "title": "<i onclick=alert(3)>t</i>",
            "url": "javascript:alert(4)",
        },
    )
    assert response.status_code == 202, response.text
    client.app.state.owner.drain()  # type: ignore[attr-defined]
    article = client.get("/api/v1/articles/evil-ingest").json()
    assert article["text"] == text and len(article["events"]) == 1
    for url in ("/articles/evil-ingest", "/events", "/", "/country/RUS"):
        page = client.get(url).text
        for marker in ('<script>alert("ingested")', 'href="javascript:', "<i onclick", "javascript:alert(4)"):
            assert marker not in page, (marker, url)


def test_jsonl_ingest_adds_events_that_the_pages_then_show(client: TestClient) -> None:
    before = client.get("/api/v1/stats").json()["stats"]["events"]
    usa_before = client.get("/api/v1/influence/USA").json()  # cached until the next write
    lines = [
        {"id": "new-1", "text": "United States sanctioned China over trade.", "date": "2022-05-02"},
        {"id": "new-2", "text": "Kazakhstan met China in Astana.\nNothing else.", "date": "2022-05-03"},
    ]
    body = "\n".join(json.dumps(line) for line in lines).encode()
    response = ingest(client, None, content=body, headers={"content-type": "application/x-ndjson"})
    assert response.status_code == 202
    assert response.json()["queued"] == 2 and response.json()["ids"] == ["new-1", "new-2"]
    client.app.state.owner.drain()  # type: ignore[attr-defined]
    stats = client.get("/api/v1/stats").json()
    assert stats["stats"]["events"] == before + 2
    assert stats["ingest"]["articles_added"] == 2 and stats["ingest"]["queued_articles"] == 0
    usa_after = client.get("/api/v1/influence/USA").json()
    assert usa_after["events"] == usa_before["events"] + 1  # the cached profile was dropped by the write
    page = client.get("/events?type=SANCTION").text
    assert "United States sanctioned China over trade" in page
    # Ingesting the same articles again adds nothing.
    ingest(client, None, content=body, headers={"content-type": "application/x-ndjson"})
    client.app.state.owner.drain()  # type: ignore[attr-defined]
    assert client.get("/api/v1/stats").json()["stats"]["events"] == before + 2


def test_profile_numbers_equal_what_the_cli_prints(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from realpolitik.cli.influence import influence

    path = tmp_path / "cli.duckdb"
    with Store(path) as store:
        store.write(build_world())
    for code in ("KAZ", "RUS", "CHN"):
        result = CliRunner().invoke(influence, [code, "--json", "--db", str(path)])
        assert result.exit_code == 0, result.output
        printed = json.loads(result.output)
        with TestClient(create_app(path, Settings(), token="")) as client:
            assert client.get(f"/api/v1/influence/{code}").json() == printed
            page = client.get(f"/country/{code}").text
        for domain in printed["domains"]:
            for power in domain["powers"]:
                for side in ("cooperation", "pressure"):
                    if power[side]["events"]:
                        assert f"{100 * power[side]['share']:.1f}%" in page


def test_long_timelines_are_drawn_per_year_with_links_per_year() -> None:
    from realpolitik.web.charts import partners_timeline

    both = {"events": 2, "q1": 1, "q2": 0, "q3": 1, "q4": 0, "goldstein": 0.0}
    series = {"RUS": {"months": [{"month": "2001-03", "both": both}, {"month": "2010-07", "both": both}]}}
    spec = partners_timeline("KAZ", series)
    assert spec is not None
    rows = spec["data"]["values"]
    assert [r["period"] for r in rows] == [f"{y}-01-01" for y in range(2001, 2011)]
    assert rows[0]["events"] == 2 and rows[1]["events"] == 0
    assert "start=2001-01-01&end=2001-12-31" in rows[0]["href"]
