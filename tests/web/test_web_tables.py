"""The dashboard of issue 14 over hand-built analyses: every table has a CSV download of exactly what it shows,
default views list complete events with a toggle for all, profiles carry the evidence behind each share and
their outlets, shares over time and comparisons, year chips for every year with data, and a country typed as a
name or demonym finds its profile while an unknown one is a 404 page."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from helpers import TestClient, build_world, hostile_analysis, trade_and_loans
from realpolitik.api import create_app
from realpolitik.cli.main import main
from realpolitik.settings import Settings
from realpolitik.store import Store

CSV_LINK = re.compile(r'class="csv-link" href="([^"]+)"')


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, object]]]:
    """The store, and what ``influence KAZ --by year --json`` prints of it (before the server owns the file)."""
    path = tmp_path_factory.mktemp("tables") / "world.duckdb"
    with Store(path) as store:
        store.write([*build_world(), hostile_analysis(), trade_and_loans()])
    printed = CliRunner().invoke(main, ["influence", "KAZ", "--by", "year", "--json", "--db", str(path)])
    assert printed.exit_code == 0, printed.output
    return path, json.loads(printed.stdout)["rows"]


@pytest.fixture(scope="module")
def client(world: tuple[Path, list[dict[str, object]]]) -> Iterator[TestClient]:
    with TestClient(create_app(world[0], Settings(), token="")) as c:
        yield c


def csv_of(client: TestClient, url: str, **read: object) -> pd.DataFrame:
    response = client.get(url.replace("&amp;", "&"))
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv"), url
    return pd.read_csv(io.StringIO(response.text), **read)  # type: ignore[arg-type]


PAGES = [
    "/",
    "/country/KAZ",
    "/compare?targets=KAZ,RUS",
    "/compare?target=KAZ&periods=2021,2022",
    "/events",
    "/dyad/RUS/KAZ",
    "/network",
    "/actors",
]


@pytest.mark.parametrize("url", PAGES)
def test_every_table_has_a_csv_download(client: TestClient, url: str) -> None:
    page = client.get(url).text
    links = CSV_LINK.findall(page)
    assert len(links) == page.count("<table") >= 1, url
    for link in links:
        assert len(csv_of(client, link).columns) >= 3


def test_the_csv_of_a_table_is_what_it_shows(client: TestClient) -> None:
    page = client.get("/").text
    shown = re.findall(r'href="/articles/[^"?]+\?event=([^"#&]+)', page)
    latest = csv_of(client, CSV_LINK.findall(page)[0])
    assert list(latest["id"]) == shown and len(shown) == 13  # the 13 complete events, newest first
    profile = client.get("/api/v1/influence/KAZ").json()
    country = client.get("/country/KAZ").text
    numbers = csv_of(client, CSV_LINK.search(country).group(1))  # type: ignore[union-attr]
    assert numbers.equals(csv_of(client, "/api/v1/influence/KAZ?format=csv"))
    assert list(numbers["code"]) == [p["code"] for d in profile["domains"] for p in d["powers"]]


def test_the_trend_csv_equals_the_cli_by_year(
    client: TestClient, world: tuple[Path, list[dict[str, object]]]
) -> None:
    country = client.get("/country/KAZ").text
    trends = next(link for link in CSV_LINK.findall(country) if "table=trends" in link)
    table = csv_of(client, trends, dtype={"period": str})
    assert table.equals(pd.DataFrame(world[1]))
    economy = table[table["domain"] == "economy"]
    assert set(economy["code"]) >= {"RUS", "CHN"} and list(economy["period"].unique()) == ["2021", "2022"]
    assert 'id="trend-economy"' in country


def test_default_views_list_complete_events_with_a_toggle(client: TestClient) -> None:
    complete = client.get("/events").text
    assert "If the United States threatens" not in complete  # hypothetical: not a complete event
    assert "Show every event" in complete
    every = client.get("/events?all=1").text
    assert "If the United States threatens" in every and "Show complete events only" in every
    asked = client.get("/events?modality=hypothetical").text
    assert "If the United States threatens" in asked


def test_the_profile_shows_its_evidence_outlets_and_every_year_with_data(client: TestClient) -> None:
    page = client.get("/country/KAZ").text
    assert 'id="outlet-warning"' in page and "100% of these events come from one outlet" in page
    assert "<strong>test</strong>" in page
    for year in (2021, 2022):
        assert f"?start={year}-01-01&amp;end={year}-12-31" in page
    assert "thin" in page and "95% interval" in page
    assert "unspecified <strong>0</strong> events" in page  # the fifth domain has its own row


def test_compare_puts_targets_and_periods_side_by_side(client: TestClient) -> None:
    targets = client.get("/compare?targets=Kazakhstan,russian").text
    assert ">KAZ</a>" in targets and ">RUS</a>" in targets and 'id="compare-chart"' in targets
    periods = client.get("/compare?target=kaz&periods=2021,2022").text
    assert "KAZ 2021" in periods and "KAZ 2022" in periods
    rows = csv_of(client, "/compare?target=KAZ&periods=2021,2022&format=csv&table=comparison")
    assert set(rows["profile"]) == {"KAZ 2021", "KAZ 2022"}
    assert client.get("/compare?targets=KAZ,Atlantis").status_code == 404
    assert client.get("/compare?target=KAZ&periods=2022-2021").status_code == 422


@pytest.mark.parametrize("typed", ["KAZ", "kaz", "Kazakhstan", "kazakh"])
def test_the_profile_box_takes_a_code_a_name_or_a_demonym(client: TestClient, typed: str) -> None:
    response = client.get("/country", params={"code": typed}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/country/KAZ"
    page = client.get(f"/country/{typed}")
    assert page.status_code == 200 and "<h1>Kazakhstan" in page.text


@pytest.mark.parametrize("url", ["/country/XYZ", "/country?code=Atlantis", "/dyad/RUS/ZZZ", "/dyad/QQQ/KAZ"])
def test_unknown_countries_are_404_pages(client: TestClient, url: str) -> None:
    response = client.get(url, headers={"accept": "text/html"})
    assert response.status_code == 404 and response.headers["content-type"].startswith("text/html")
    assert "RP-E404" in response.text
