"""A uvicorn server in a thread on 127.0.0.1 and Playwright helpers for the browser tests (Debian's chromium)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import uvicorn

# a server in a thread and the browser (Playwright on Debian's chromium)
SCREENSHOTS = Path(__file__).resolve().parents[1] / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]

pytestmark = pytest.mark.browser


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serving(app: Any) -> Iterator[str]:
    """Run ``app`` under uvicorn on 127.0.0.1 (a free port) in a thread; yields its base URL."""
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    while not uv.started:
        if not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        uv.should_exit = True
        thread.join()


@contextmanager
def launched_chromium() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium (make test does it)")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def shot(page: object, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]


def tallest_table_row(page: object) -> float:
    """The height in CSS pixels of the tallest table row on the page (header rows included)."""
    heights = page.evaluate(  # type: ignore[attr-defined]
        "() => [...document.querySelectorAll('main table tr')].map(r => r.getBoundingClientRect().height)"
    )
    assert heights, "no table rows on the page"
    return float(max(heights))


def scrolls_sideways(page: object) -> bool:
    """Whether the page is wider than the window (something sticks out at the right)."""
    return bool(
        page.evaluate(  # type: ignore[attr-defined]
            "() => document.documentElement.scrollWidth > window.innerWidth"
        )
    )


def charts_drawn(page: object) -> None:
    """Wait until every chart of the page is drawn (or failed, which the caller then sees)."""
    page.wait_for_function(  # type: ignore[attr-defined]
        "() => [...document.querySelectorAll('[data-spec]')].every(e => e.getAttribute('data-rendered'))"
    )


def legend_of(page: object, chart: str) -> list[str]:
    """The legend labels of a drawn chart: one per series."""
    return list(page.locator(f"{chart} .role-legend-label text").all_text_contents())  # type: ignore[attr-defined]


def download(page: object, link: object) -> str:
    """Click a download link and return the text of what was downloaded."""
    with page.expect_download() as info:  # type: ignore[attr-defined]
        link.click()  # type: ignore[attr-defined]
    path = info.value.path()
    return Path(path).read_text(encoding="utf-8")


def walk_to_the_sentence(browser: object, server: str, prefix: str) -> str:
    """Overview -> Kazakhstan profile -> first influence bar -> its events -> the first event's article with
    the sentence highlighted; screenshots of each page named ``prefix-NN-...``. Returns the evidence text."""
    page = browser.new_page(viewport={"width": 1360, "height": 900})  # type: ignore[attr-defined]
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    page.goto(server + "/")
    assert page.locator("h1").inner_text() == "Overview"
    shot(page, f"{prefix}-01-overview")

    page.locator("a.country-link[href='/country/KAZ']").first.click()  # Kazakhstan, or its president
    page.wait_for_url("**/country/KAZ")
    chart = page.locator("#influence-chart")
    chart.locator("svg").wait_for()
    page.wait_for_selector("#influence-chart[data-rendered='true']")
    bars = chart.locator(".mark-rect path")
    assert bars.count() >= 4  # Russia and China in security and economy, and more
    shot(page, f"{prefix}-02-country-KAZ")

    # The first bar of the first domain (security): Russia's cooperation with Kazakhstan.
    bars.first.click()
    page.wait_for_url("**/events?**")
    url = page.url
    assert "target=KAZ" in url and "partner=" in url and "domain=" in url and "quad=" in url
    rows = page.locator("table.events tbody tr")
    assert rows.count() >= 1
    assert "No events match" not in rows.first.inner_text()
    shot(page, f"{prefix}-03-events-behind-bar")

    link = page.locator("a.event-link").first
    evidence = link.inner_text()
    link.click()
    page.wait_for_url("**/articles/**")
    focus = page.locator(".article-text .focus")
    assert focus.count() >= 1
    assert "".join(focus.all_inner_texts()).strip()[:20] == evidence.strip()[:20]
    assert page.locator(".article-text .src").count() >= 1 and page.locator(".article-text .tgt").count() >= 1
    assert page.locator(".event-list li.focus .rule").inner_text().strip()
    shot(page, f"{prefix}-04-article")
    assert errors == []
    page.close()
    return evidence
