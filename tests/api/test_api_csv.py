"""CSV from the API (issue 14): every list route and every table-shaped aggregate answers ``format=csv`` (or
``Accept: text/csv``) with the same JSON flattened by the one renderer, pages continue through a header, and an
actor code the store has never seen is a 404."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from helpers import TestClient, build_world, hostile_analysis
from realpolitik import render
from realpolitik.api import create_app
from realpolitik.model import Failure
from realpolitik.settings import Settings
from realpolitik.store import Store

# Every GET route that lists records or returns a table, with parameters it needs.
TABLE_ROUTES = {
    "/api/v1/events": "",
    "/api/v1/articles": "",
    "/api/v1/actors": "",
    "/api/v1/dyads": "",
    "/api/v1/statements": "",
    "/api/v1/failures": "",
    "/api/v1/commentary/{target}": "CHN",
    "/api/v1/influence/{target}": "KAZ",
    "/api/v1/influence/{target}/series": "KAZ",
    "/api/v1/dyads/{a}/{b}": "",
    "/api/v1/network": "",
}


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    path = tmp_path / "csv.duckdb"
    with Store(path) as store:
        store.write([*build_world(), hostile_analysis()])
        store.add_failures([Failure("feed.xml", "ingest", "RP-E110", "not a feed")])
    with TestClient(create_app(path, Settings(api_page_size=50, api_max_page_size=100), token="")) as c:
        yield c


def url_of(route: str) -> str:
    return route.replace("{target}", TABLE_ROUTES[route] or "KAZ").replace("{a}/{b}", "RUS/KAZ")


def frame(text: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(text))


def test_the_schema_declares_csv_on_exactly_the_list_and_table_routes(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    with_csv = {
        path
        for path, methods in paths.items()
        if "text/csv" in methods.get("get", {}).get("responses", {}).get("200", {}).get("content", {})
    }
    assert with_csv == set(TABLE_ROUTES)


@pytest.mark.parametrize("route", sorted(TABLE_ROUTES))
def test_every_list_route_answers_csv(client: TestClient, route: str) -> None:
    response = client.get(url_of(route), params={"format": "csv"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    table = frame(response.text)
    assert len(table) >= 1 and len(table.columns) >= 3
    assert client.get(url_of(route)).headers["content-type"].startswith("application/json")


def test_accept_text_csv_asks_for_csv_and_format_json_wins(client: TestClient) -> None:
    response = client.get("/api/v1/events", headers={"accept": "text/csv"})
    assert response.headers["content-type"].startswith("text/csv")
    both = client.get("/api/v1/events", params={"format": "json"}, headers={"accept": "text/csv"})
    assert both.headers["content-type"].startswith("application/json")


def test_event_csv_is_the_json_flattened_and_pages_continue_by_header(client: TestClient) -> None:
    items = client.get("/api/v1/events", params={"limit": 100}).json()["items"]
    whole = frame(client.get("/api/v1/events", params={"limit": 100, "format": "csv"}).text)
    assert list(whole.columns) == render.listed_columns("events")
    assert list(whole["id"]) == [e["id"] for e in items]
    assert list(whole["source_code"]) == [e["source"]["code"] for e in items]
    seen: list[str] = []
    params: dict[str, object] = {"limit": 5, "format": "csv"}
    while True:
        response = client.get("/api/v1/events", params=params)
        seen += list(frame(response.text)["id"])
        cursor = response.headers.get("x-next-cursor")
        if not cursor:
            break
        params["cursor"] = cursor
    assert seen == [e["id"] for e in items]
    empty = client.get("/api/v1/events", params={"type": "PROTEST", "format": "csv"}).text
    assert empty.splitlines() == [",".join(render.listed_columns("events"))]


def test_complete_keeps_the_complete_events(client: TestClient) -> None:
    every = client.get("/api/v1/events").json()["items"]
    complete = client.get("/api/v1/events", params={"complete": "true"}).json()["items"]
    assert {e["modality"] for e in every} == {"asserted", "hypothetical"}
    assert [e for e in every if e["modality"] == "asserted"] == complete


def test_influence_csv_is_the_profile_one_row_per_cell(client: TestClient) -> None:
    profile = client.get("/api/v1/influence/KAZ").json()
    table = frame(client.get("/api/v1/influence/KAZ", params={"format": "csv"}).text)
    assert list(table.columns) == list(render.INFLUENCE_COLUMNS)
    assert list(zip(table["domain"], table["code"], strict=True)) == [
        (d["domain"], p["code"]) for d in profile["domains"] for p in d["powers"]
    ]
    series = client.get("/api/v1/influence/KAZ/series", params={"by": "year"}).json()
    csv = pd.read_csv(
        io.StringIO(client.get("/api/v1/influence/KAZ/series", params={"format": "csv"}).text),
        dtype={"period": str},
    )
    assert csv.equals(pd.DataFrame(series["rows"]))


def test_unknown_codes_are_404_and_known_ones_are_not(client: TestClient) -> None:
    for url in ("/api/v1/influence/ZZZ", "/api/v1/commentary/ZZZ", "/api/v1/dyads/RUS/ZZZ"):
        response = client.get(url)
        assert response.status_code == 404 and response.json()["error"]["code"] == "RP-E404"
    assert client.get("/api/v1/influence/usa").status_code == 200
