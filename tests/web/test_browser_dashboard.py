"""Browser tests: Playwright drives Debian's chromium against a real uvicorn server on 127.0.0.1 serving a
store of hand-built analyses. The path of an analyst: overview -> Kazakhstan profile -> a bar of the
influence chart -> the events behind it -> one event's article with its sentence highlighted. Screenshots of
every page go to tests/screenshots/ (gitignored)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from helpers import build_world, hostile_analysis, serving, shot, walk_to_the_sentence
from realpolitik.api import create_app
from realpolitik.settings import Settings
from realpolitik.store import Store

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("browser") / "store.duckdb"
    with Store(path) as store:
        store.write([*build_world(), hostile_analysis()])
    with serving(create_app(path, Settings(), token="")) as url:
        yield url


def test_from_overview_to_the_sentence_behind_a_bar(server: str, browser: object) -> None:
    evidence = walk_to_the_sentence(browser, server, "world")
    # The first bar is security cooperation, whose first event (newest) is Russia's peacekeepers.
    assert evidence.startswith("Russia sent peacekeepers")


def test_other_pages_render_their_charts(server: str, browser: object) -> None:
    page = browser.new_page(viewport={"width": 1360, "height": 900})  # type: ignore[attr-defined]
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    for path, chart, name in (
        ("/dyad/RUS/KAZ", "#dyad-chart", "world-05-dyad"),
        ("/network", "#network-chart", "world-06-network"),
    ):
        page.goto(server + path)
        page.wait_for_selector(f"{chart}[data-rendered='true']")
        assert page.locator(f"{chart} svg").count() == 1
        shot(page, name)
    page.goto(server + "/events?domain=security")
    shot(page, "world-07-event-browser")
    page.goto(server + "/articles/hostile-1")
    # The hostile article's markup is shown as text, never run.
    assert '<script>alert("xss")</script>' in page.locator("#article-text").inner_text()
    shot(page, "world-08-hostile-article")
    assert errors == []
    page.close()
