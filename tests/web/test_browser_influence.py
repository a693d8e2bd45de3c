"""Issue 14 in the browser, over hand-built analyses where Russia and China both trade with Kazakhstan in two
years: the profile's economy over time draws them as two series, the CSV downloaded from that table equals
``realpolitik influence KAZ --by year --json``, and the overview's tables stay compact at 1280 and 1920 px."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from click.testing import CliRunner

from helpers import (
    build_world,
    charts_drawn,
    download,
    hostile_analysis,
    legend_of,
    scrolls_sideways,
    serving,
    shot,
    tallest_table_row,
    trade_and_loans,
)
from realpolitik.api import create_app
from realpolitik.cli.main import main
from realpolitik.settings import Settings
from realpolitik.store import Store

pytestmark = pytest.mark.browser

MAX_ROW_HEIGHT = 80  # px: an overview row must stay one or two lines


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    path = tmp_path_factory.mktemp("browser-influence") / "store.duckdb"
    with Store(path) as store:
        store.write([*build_world(), hostile_analysis(), trade_and_loans()])
    # The CLI's answer, before the server owns the store file.
    printed = CliRunner().invoke(main, ["influence", "KAZ", "--by", "year", "--json", "--db", str(path)])
    assert printed.exit_code == 0, printed.output
    with serving(create_app(path, Settings(), token="")) as url:
        yield url, json.loads(printed.stdout)["rows"]


def test_economy_over_time_shows_russia_and_china_and_its_csv_is_the_clis(
    served: tuple[str, list[dict[str, Any]]], browser: Any
) -> None:
    server, printed = served
    page = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(server + "/")
    page.locator("header form input[name=code]").fill("Kazakhstan")
    page.locator("header form button").click()
    page.wait_for_url("**/country/KAZ")
    charts_drawn(page)
    assert page.locator("#trend-economy").get_attribute("data-rendered") == "true"
    assert sorted(legend_of(page, "#trend-economy")) == ["China (CHN)", "Russia (RUS)"]
    assert page.locator("#trend-economy .mark-line path").count() == 2  # two series, one line each
    shot(page, "world-09-country-trends")
    text = download(page, page.locator("#trends a.csv-link"))
    table = pd.read_csv(io.StringIO(text), dtype={"period": str})
    assert table.equals(pd.DataFrame(printed))
    economy = table[table["domain"] == "economy"]
    assert sorted(zip(economy["period"], economy["code"], strict=True)) == [
        ("2021", "CHN"),
        ("2021", "RUS"),
        ("2022", "CHN"),
        ("2022", "RUS"),
    ]
    assert errors == []
    page.close()


@pytest.mark.parametrize("width", [1280, 1920])
def test_no_overview_row_is_taller_than_80_px(
    served: tuple[str, list[dict[str, Any]]], browser: Any, width: int
) -> None:
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(served[0] + "/")
    assert tallest_table_row(page) <= MAX_ROW_HEIGHT
    # every column of the latest events is on screen: nothing is cut off at the right edge
    right = page.evaluate(
        "() => document.querySelector('#latest-events table').getBoundingClientRect().right"
    )
    assert right <= width
    for path in ("/", "/country/KAZ", "/compare?targets=KAZ,RUS", "/events", "/dyad/RUS/KAZ"):
        page.goto(served[0] + path)
        assert not scrolls_sideways(page), path
    page.close()


def test_the_event_browser_and_compare_pages_draw(
    served: tuple[str, list[dict[str, Any]]], browser: Any
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(served[0] + "/compare?targets=KAZ,RUS")
    charts_drawn(page)
    assert page.locator("#compare-chart").get_attribute("data-rendered") == "true"
    page.goto(served[0] + "/events")
    assert "If the United States threatens" not in page.locator("table.events").inner_text()
    page.locator("#complete-toggle").click()
    page.wait_for_url("**/events?all=1")
    assert "If the United States threatens" in page.locator("table.events").inner_text()
    assert errors == []
    page.close()


def test_an_unknown_country_in_the_profile_box_is_a_404_page(
    served: tuple[str, list[dict[str, Any]]], browser: Any
) -> None:
    page = browser.new_page()
    page.goto(served[0] + "/")
    page.locator("header form input[name=code]").fill("Atlantis")
    with page.expect_response(lambda r: "/country" in r.url and r.status == 404):
        page.locator("header form button").click()
    assert "404" in page.locator("h1").inner_text() and "RP-E404" in page.content()
    page.close()


def test_csv_is_a_download_not_a_page(served: tuple[str, list[dict[str, Any]]], tmp_path: Path) -> None:
    import httpx

    response = httpx.get(served[0] + "/country/KAZ", params={"format": "csv", "table": "outlets"})
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["content-disposition"].startswith("attachment")
