"""Dates at the edges: the country page answers when the newest article is dated February 29 and the data span
more than five years (it answered 500), and the period choices are computed for any pair of dates."""

from __future__ import annotations

import calendar
from datetime import date
from pathlib import Path

import httpx
from hypothesis import given
from hypothesis import strategies as st

from helpers import serving
from helpers.world import make_analysis
from realpolitik.api import create_app
from realpolitik.settings import Settings
from realpolitik.store import Store
from realpolitik.web.profiles import periods


def _consult(text: str, day: date, article_id: str) -> object:
    spec = (text, "RUS", "Russia", "CONSULT", "KAZ", "Kazakhstan", "diplomacy", "asserted")
    return make_analysis(text, [spec], title=article_id, published=day, article_id=article_id)


def test_country_page_answers_when_the_newest_article_is_dated_february_29(tmp_path: Path) -> None:
    db = tmp_path / "leap.duckdb"
    with Store(db) as store:
        store.write(
            [
                _consult("Russia met Kazakhstan in Astana.", date(2017, 6, 1), "old"),  # type: ignore[list-item]
                _consult("Russia met Kazakhstan in Moscow.", date(2024, 2, 29), "leap"),  # type: ignore[list-item]
            ]
        )
    with serving(create_app(db, Settings(), token="")) as base:
        for code in ("KAZ", "RUS"):
            response = httpx.get(f"{base}/country/{code}", headers={"Accept": "text/html"}, timeout=60)
            assert response.status_code == 200, response.text[:500]
            assert "start=2019-02-28" in response.text  # the last five years end on the leap day
        five_years = httpx.get(f"{base}/country/KAZ", params={"start": "2019-02-28", "end": "2024-02-29"})
        assert five_years.status_code == 200


LEAP_DAYS = st.integers(1, 9999).filter(calendar.isleap).map(lambda year: date(year, 2, 29))
EDGES = st.dates(max_value=date(2, 12, 31)) | st.dates(min_value=date(9998, 1, 1))
DATES = st.dates() | LEAP_DAYS | EDGES


@given(first=DATES, last=DATES, start=st.none() | DATES, end=st.none() | DATES)
def test_period_choices_exist_for_any_dates(
    first: date, last: date, start: date | None, end: date | None
) -> None:
    first, last = min(first, last), max(first, last)
    options = periods(sorted({first.year, last.year}), last.isoformat(), start, end)
    assert options[0]["label"] == "All time"
    for option in options[1:]:
        assert option["start"] <= option["end"]
        assert option["query"].startswith("?start=")
    recent = {o["label"]: o for o in options}
    assert recent["Last 12 months"]["end"] == last
    if "Last 5 years" in recent:
        five = recent["Last 5 years"]["start"]
        assert five.month == last.month and last.year - five.year == 5
