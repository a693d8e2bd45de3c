"""Acceptance 1 and 4 of issue 14 on the whole shared corpus (the session's ``news_db``), in Debian's chromium:
the profile box takes "Kazakhstan", the profile's economy over time draws one series per leading power (Russia,
and China whenever the coder finds Chinese economic events with Kazakhstan), the CSV downloaded from that table
read by pandas equals ``realpolitik influence KAZ --by year --json``; screenshots of the overview, the profile, a
comparison and the event browser at 1280 and 1920 px go to tests/screenshots/ (kept in git), and no row of the
overview's tables is taller than 80 px."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from helpers import charts_drawn, download, legend_of, scrolls_sideways, serving, shot, tallest_table_row
from realpolitik.api import create_app
from realpolitik.settings import Settings
from realpolitik.web.charts import power_label

pytestmark = [pytest.mark.model, pytest.mark.slow, pytest.mark.browser]

WIDTHS = (1280, 1920)
MAX_ROW_HEIGHT = 80


def cli_json(db: Path, *args: str) -> Any:
    done = subprocess.run(
        [sys.executable, "-m", "realpolitik", "influence", "KAZ", "--json", "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def served(news_db: Path) -> Iterator[tuple[str, dict[str, Any], dict[str, Any]]]:
    # What the CLI prints, before the server owns the store file.
    by_year, profile = cli_json(news_db, "--by", "year"), cli_json(news_db)
    with serving(create_app(news_db, Settings(), token="")) as url:
        yield url, by_year, profile


def test_kazakhstan_economy_over_time_and_its_csv(
    served: tuple[str, dict[str, Any], dict[str, Any]], browser: Any
) -> None:
    server, by_year, profile = served
    economy = [r for r in by_year["rows"] if r["domain"] == "economy"]
    leading = {power_label(r["name"], r["code"]) for r in economy}
    economy_powers = {p["code"] for d in profile["domains"] if d["domain"] == "economy" for p in d["powers"]}
    assert "RUS" in economy_powers  # Russia and Kazakhstan trade in the Kremlin's readouts

    page = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(server + "/")
    page.locator("header form input[name=code]").fill("Kazakhstan")
    page.locator("header form button").click()
    page.wait_for_url("**/country/KAZ")
    charts_drawn(page)
    series = legend_of(page, "#trend-economy")
    assert set(series) == leading and len(series) == page.locator("#trend-economy .mark-line path").count()
    assert "Russia (RUS)" in series
    if "CHN" in economy_powers:
        assert "China (CHN)" in series, "China has economic events with Kazakhstan but no series"
    text = download(page, page.locator("#trends a.csv-link"))
    table = pd.read_csv(io.StringIO(text), dtype={"period": str})
    assert table.equals(pd.DataFrame(by_year["rows"]))
    assert errors == []
    page.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_screenshots_and_compact_overview_rows(
    served: tuple[str, dict[str, Any], dict[str, Any]], browser: Any, width: int
) -> None:
    server = served[0]
    page = browser.new_page(viewport={"width": width, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    for name, path in (
        ("overview", "/"),
        ("profile-KAZ", "/country/KAZ"),
        ("compare-KAZ-UZB", "/compare?targets=KAZ,UZB"),
        ("events", "/events"),
    ):
        page.goto(server + path)
        charts_drawn(page)
        assert page.locator("[data-rendered='error']").count() == 0, path
        if name == "overview":
            assert tallest_table_row(page) <= MAX_ROW_HEIGHT
        assert not scrolls_sideways(page), path  # nothing sticks out at the right: every column is on screen
        shot(page, f"corpus-{name}-{width}")
    assert errors == []
    page.close()
