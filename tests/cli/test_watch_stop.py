"""``realpolitik watch`` stops at once on SIGTERM, even with a fetch hanging in the middle of a long feed, and
loses nothing: the next poll reads what was not stored. ``watch --once`` exits 1 when its inputs failed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from helpers.servers import HELPERS
from realpolitik.store import Store

ITEMS = 60
# The real command, with the stand-in engine of the tests (no spaCy to load).
WATCH = (
    f"import sys; sys.path.insert(0, {HELPERS!r}); import realpolitik.engine as e; from helpers import FakeEngine; "
    "e.Engine = FakeEngine; from realpolitik.cli.main import main; main()"
)


class Site:
    def __init__(self) -> None:
        self.pages = 0
        self.blocking = threading.Event()  # set: pages after the third hang until released
        self.released = threading.Event()
        self.fourth = threading.Event()


@pytest.fixture
def site() -> Iterator[tuple[str, Site]]:
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            if self.path == "/feed.xml":
                items = "".join(
                    f"<item><title>Story {i}</title><link>http://{self.headers['Host']}/p/{i}</link></item>"
                    for i in range(ITEMS)
                )
                body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{items}</channel></rss>'
                self._send(body.encode(), "application/rss+xml")
                return
            if self.path.startswith("/p/"):
                state.pages += 1
                if state.pages > 3 and state.blocking.is_set():
                    state.fourth.set()
                    state.released.wait(120)
                n = self.path.rsplit("/", 1)[-1]
                text = (
                    f"Officials from Kazakhstan signed agreement number {n} with Russia in Astana on Monday."
                )
                html = f"<html><body><article><p>{text}</p><p>{text}</p></article></body></html>"
                self._send(html.encode(), "text/html")
                return
            self.send_error(404)

        def _send(self, body: bytes, kind: str) -> None:
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", state
    finally:
        state.released.set()
        server.shutdown()
        thread.join()


def _watch(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "REALPOLITIK_HOST_RATE_LIMIT": "1000", "REALPOLITIK_FETCH_RETRIES": "1"}
    return subprocess.Popen(
        [sys.executable, "-c", WATCH, "watch", *args], stderr=subprocess.PIPE, text=True, env=env
    )


def test_sigterm_stops_a_poll_at_once_and_the_next_poll_stores_everything(
    site: tuple[str, Site], tmp_path: Path
) -> None:
    base, state = site
    db = str(tmp_path / "watch.duckdb")
    state.blocking.set()
    process = _watch(f"{base}/feed.xml", "--db", db, "--interval", "1h")
    try:
        assert state.fourth.wait(120), "the watch never reached the fourth page"
        process.send_signal(signal.SIGTERM)  # a fetch is hanging now, and 56 pages are still to come
        _, err = process.communicate(timeout=60)  # a hang guard: without a prompt stop this waits for them
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0, err
    assert "stopping (SIGTERM)" in err and "read again by the next poll" in err
    state.blocking.clear()
    state.released.set()
    again = _watch(f"{base}/feed.xml", "--db", db, "--once")
    _, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    with Store(db, read_only=True) as store:
        assert store.stats().articles == ITEMS


def test_watch_once_exits_1_when_every_input_failed(site: tuple[str, Site], tmp_path: Path) -> None:
    base, _ = site
    process = _watch(f"{base}/missing.xml", "--db", str(tmp_path / "w.duckdb"), "--once")
    _, err = process.communicate(timeout=300)
    assert process.returncode == 1, err
    assert "error[RP-E111]" in err
