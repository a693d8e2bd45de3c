"""Feeds against a real HTTP server on 127.0.0.1 (a thread in the test): RSS and Atom feeds whose pages are
fetched, one page 404, one page slower than the timeout, one malformed feed; conditional GET makes a second
poll fetch nothing new. Also the fetcher's rate limit, retries and size cap."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from realpolitik.cli import ingest as ingest_cli
from realpolitik.errors import FetchError, FetchTimeout, HTTPStatusError, MalformedFeed, OversizedInput
from realpolitik.model import Analysis, Article, Failure
from realpolitik.settings import Settings
from realpolitik.sources import read_inputs
from realpolitik.sources.feeds import MemoryFeedState, feed_states_for
from realpolitik.sources.fetch import Fetcher, HostRateLimiter
from realpolitik.store import Store

SLOW_SECONDS = 1.0
SETTINGS = Settings(fetch_timeout=0.3, fetch_retries=2, fetch_backoff=0.01, host_rate_limit=1000.0)


def page(title: str, body: str) -> bytes:
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"<p>{body}</p><p>Officials from both countries confirmed the meeting to reporters on Tuesday.</p>"
        "</article></body></html>"
    ).encode()


class Site:
    """What the test server serves, and a log of the requests it received."""

    def __init__(self) -> None:
        self.base = ""
        self.requests: list[str] = []
        self.lock = threading.Lock()
        self.pages: dict[str, bytes] = {
            "/p/1": page(
                "Russia and Kazakhstan", "Russia and Kazakhstan agreed to expand military cooperation."
            ),
            "/p/2": page(
                "China loans", "China offered Kazakhstan new loans for railway construction projects."
            ),
            "/p/3": page(
                "SCO summit", "Leaders of the SCO met in Bishkek to discuss regional security issues."
            ),
        }

    def rss(self) -> bytes:
        items = "".join(
            f"<item><title>Item {n}</title><link>{self.base}{path}</link>"
            f"<pubDate>Tue, 04 Jan 2022 10:00:00 GMT</pubDate></item>"
            for n, path in enumerate(["/p/1", "/p/2", "/missing", "/slow"], 1)
        )
        return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>{items}</channel></rss>'.encode()

    def atom(self) -> bytes:
        return (
            '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>'
            f"<id>urn:atom</id><updated>2022-01-05T00:00:00Z</updated><entry><title>SCO</title><id>urn:3</id>"
            f'<link href="{self.base}/p/3"/><updated>2022-01-05T00:00:00Z</updated></entry>'
            f'<entry><title>Dup</title><id>urn:1</id><link href="{self.base}/p/1"/>'
            "<updated>2022-01-05T00:00:00Z</updated></entry></feed>"
        ).encode()


def make_handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # keep test output clean
            pass

        def do_GET(self) -> None:
            with site.lock:
                site.requests.append(self.path)
            if self.path in ("/rss.xml", "/atom.xml"):
                body = site.rss() if self.path == "/rss.xml" else site.atom()
                etag = f'"{self.path}-v1"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self._send(
                    200,
                    body,
                    "application/rss+xml",
                    {"ETag": etag, "Last-Modified": formatdate(0, usegmt=True)},
                )
            elif self.path == "/broken.xml":
                self._send(200, b"<<<this is not a feed at all {{{", "application/rss+xml")
            elif self.path == "/slow":
                time.sleep(SLOW_SECONDS)
                self._send(200, page("Slow", "Too late to matter for anybody reading this."), "text/html")
            elif self.path == "/big":
                self._send(200, b"<html>" + b"x" * 5000 + b"</html>", "text/html")
            elif self.path in site.pages:
                self._send(200, site.pages[self.path], "text/html; charset=utf-8")
            else:
                self._send(404, b"not found", "text/plain")

        def _send(self, status: int, body: bytes, kind: str, headers: dict[str, str] | None = None) -> None:
            try:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout test)

    return Handler


@pytest.fixture
def site() -> Iterator[Site]:
    site = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(site))
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site
    server.shutdown()
    server.server_close()


def _poll(site: Site, states: object, feeds: tuple[str, ...] = ("/rss.xml", "/atom.xml", "/broken.xml")):
    items = list(read_inputs([site.base + f for f in feeds], SETTINGS, feed_states=states))  # type: ignore[arg-type]
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Failure)]


def test_feeds_ingest_good_pages_once_and_record_failures(site: Site) -> None:
    states = MemoryFeedState()
    articles, failures = _poll(site, states)
    assert sorted(a.title or "" for a in articles) == ["Dup", "Item 1", "Item 2", "SCO"]
    # the Atom feed links /p/1 again: same text, same id (the deduplicator drops that copy)
    assert len({a.id for a in articles}) == 3
    assert {a.source for a in articles} == {"Test Wire", "Atom Wire"}
    assert all(a.url and a.url.startswith(site.base) for a in articles)
    assert {a.published.isoformat() for a in articles if a.published} <= {"2022-01-04", "2022-01-05"}
    codes = {f.input_ref.removeprefix(site.base): f.code for f in failures}
    assert codes == {
        "/missing": HTTPStatusError.code,
        "/slow": FetchTimeout.code,
        "/broken.xml": MalformedFeed.code,
    }
    assert site.requests.count("/missing") == 1  # a 404 is final: no retry
    assert site.requests.count("/slow") == SETTINGS.fetch_retries  # a timeout is retried

    site.requests.clear()
    again, failures_again = _poll(site, states)
    assert again == []
    assert sorted(site.requests) == ["/atom.xml", "/broken.xml", "/rss.xml"]  # 304s: no page fetched
    assert [f.code for f in failures_again] == [MalformedFeed.code]


def test_feed_state_persists_in_the_store(site: Site, tmp_path: Path) -> None:
    with Store(tmp_path / "state.duckdb") as store:
        first, _ = _poll(site, feed_states_for(store), feeds=("/rss.xml",))
    assert len(first) == 2
    with Store(tmp_path / "state.duckdb") as store:
        site.requests.clear()
        second, _ = _poll(site, feed_states_for(store), feeds=("/rss.xml",))
        assert second == [] and site.requests == ["/rss.xml"]
        row = store.feed_state(site.base + "/rss.xml")
    assert row is not None and row["etag"] == '"/rss.xml-v1"' and len(row["seen"]) == 2


def test_changed_feed_fetches_only_new_entries(site: Site) -> None:
    states = MemoryFeedState()
    _poll(site, states, feeds=("/rss.xml",))
    states.rows[site.base + "/rss.xml"]["etag"] = None  # as if the feed changed
    site.requests.clear()
    articles, failures = _poll(site, states, feeds=("/rss.xml",))
    assert articles == []
    # the failed entries were not remembered, so they are tried again; the good ones are not re-fetched
    assert "/p/1" not in site.requests and "/missing" in site.requests
    assert {f.code for f in failures} == {HTTPStatusError.code, FetchTimeout.code}


def test_page_url_is_read_as_one_article(site: Site) -> None:
    [article] = list(read_inputs([site.base + "/p/2"], SETTINGS))
    assert isinstance(article, Article) and "railway" in article.text


def test_feed_file_with_links(site: Site, tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_bytes(site.rss())
    items = list(read_inputs([str(path)], SETTINGS))
    assert sum(isinstance(i, Article) for i in items) == 2
    assert sum(isinstance(i, Failure) for i in items) == 2


def test_fetcher_size_cap_and_connection_error(site: Site) -> None:
    with Fetcher(Settings(fetch_max_bytes=1000, fetch_retries=1)) as fetcher:
        with pytest.raises(OversizedInput):
            fetcher.get(site.base + "/big")
        with pytest.raises(FetchError):
            fetcher.get("http://127.0.0.1:9/nothing-listens-here")


def test_rate_limiter_spaces_requests_per_host() -> None:
    now = [100.0]
    limiter = HostRateLimiter(2.0, clock=lambda: now[0])
    assert limiter.wait("a") == 0.0
    waited = limiter.wait("a")
    assert waited == pytest.approx(0.5)
    assert limiter.wait("b") == 0.0  # another host is not held back


def test_feed_states_for_picks_the_store_protocol() -> None:
    assert isinstance(feed_states_for(None), MemoryFeedState)

    class WithState(MemoryFeedState):
        pass

    store = WithState()
    assert feed_states_for(store) is store


class _Engine:
    """Stands in for the spaCy Engine: an analysis with no events per article."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        pass

    def analyze_batch(self, articles: list[Article]) -> list[Analysis]:
        return [Analysis(article=a) for a in articles]


def test_watch_ingests_once_and_records_failures(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("realpolitik.engine.Engine", _Engine)
    for name, value in (("FETCH_TIMEOUT", "0.3"), ("FETCH_RETRIES", "2"), ("FETCH_BACKOFF", "0.01"),
                        ("HOST_RATE_LIMIT", "1000")):  # fmt: skip
        monkeypatch.setenv(f"REALPOLITIK_{name}", value)
    group = click.Group()
    group.add_command(ingest_cli.watch)
    db = str(tmp_path / "feeds.duckdb")
    feeds = [site.base + "/rss.xml", site.base + "/atom.xml", site.base + "/broken.xml"]
    result = CliRunner().invoke(group, ["watch", *feeds, "--db", db, "--max-polls", "2", "--interval", "0s"])
    assert result.exit_code == 1, result.output  # inputs failed: the exit status says so
    assert "poll 1: 4 read, 3 analyzed" in result.stderr  # /p/1 is in both feeds: stored once
    assert "poll 2: 0 read, 0 analyzed" in result.stderr
    assert site.requests.count("/p/1") == 2 and site.requests.count("/p/2") == 1
    with Store(db, read_only=True) as store:
        assert store.stats().articles == 3
        codes = {f["input_ref"].removeprefix(site.base): f["code"] for f in store.failures()}
    assert codes == {
        "/missing": HTTPStatusError.code,
        "/slow": FetchTimeout.code,
        "/broken.xml": MalformedFeed.code,
    }


def test_watch_stops_cleanly_on_sigterm() -> None:
    flag = ingest_cli._StopFlag()
    with flag.installed():
        os.kill(os.getpid(), signal.SIGTERM)  # Python runs the handler before the next bytecode
        assert flag.event.is_set()
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(1)  # the handler runs between bytecodes; this gives it the chance
    assert signal.getsignal(signal.SIGTERM) is not flag.handle


@pytest.mark.parametrize(
    ("text", "seconds"), [("90", 90), ("30s", 30), ("15m", 900), ("2h", 7200), ("1.5d", 129600)]
)
def test_parse_duration(text: str, seconds: float) -> None:
    assert ingest_cli.parse_duration(text) == seconds


def test_parse_duration_refuses_nonsense() -> None:
    with pytest.raises(click.BadParameter):
        ingest_cli.parse_duration("soon")
