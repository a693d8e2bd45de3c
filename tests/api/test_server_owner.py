"""The server owns the store while it runs: a real uvicorn on 127.0.0.1 keeps answering the dashboard and the
API while ingested articles are being analysed in its background worker, the new events appear once the batch
is written, and no other process can open the store meanwhile (DuckDB's one-writer rule, as RP-E402)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from helpers import KeywordEngine, build_world
from realpolitik.api import create_app
from realpolitik.model import Analysis, Article
from realpolitik.settings import Settings
from realpolitik.store import Store

TOKEN = "owner-test-token"


class GatedEngine(KeywordEngine):
    """KeywordEngine that holds each batch until the test opens the gate, to catch the server mid-analysis."""

    def __init__(self) -> None:
        super().__init__()
        self.entered = threading.Event()
        self.gate = threading.Event()

    def analyze_batch(self, articles: Sequence[Article]) -> list[Analysis]:
        self.entered.set()
        self.gate.wait()
        return super().analyze_batch(list(articles))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Any, GatedEngine, Path]]:
    path = tmp_path / "owned.duckdb"
    with Store(path) as store:
        store.write(build_world())
    engine = GatedEngine()
    app = create_app(path, Settings(), engine_factory=lambda: engine, token=TOKEN)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=free_port(), log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{server.config.port}", app, engine, path
    engine.gate.set()
    server.should_exit = True
    thread.join()


def test_dashboard_answers_while_articles_are_analysed_and_then_shows_them(
    served: tuple[str, Any, GatedEngine, Path],
) -> None:
    base, app, engine, _ = served
    with httpx.Client(base_url=base) as client:
        before = client.get("/api/v1/stats").json()["stats"]["events"]
        articles = [
            {
                "id": f"live-{i}",
                "text": f"United States sanctioned Russia over case {i}.",
                "date": "2022-06-01",
            }
            for i in range(3)
        ]
        response = client.post(
            "/api/v1/ingest",
            content="\n".join(json.dumps(a) for a in articles),
            headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/x-ndjson"},
        )
        assert response.status_code == 202
        engine.entered.wait()  # the worker is now inside the pipeline, holding the batch

        # Reads keep working mid-analysis: pages, API, and the status shows the batch in flight.
        for url in ("/", "/country/KAZ", "/events", "/api/v1/influence/KAZ", "/api/v1/events?limit=5"):
            assert client.get(url).status_code == 200, url
        status = client.get("/api/v1/ingest").json()
        assert status["running"] is True and status["queued_articles"] == 3
        assert client.get("/api/v1/stats").json()["stats"]["events"] == before

        engine.gate.set()
        app.state.owner.drain()
        stats = client.get("/api/v1/stats").json()
        assert stats["stats"]["events"] == before + 3
        assert stats["ingest"]["articles_added"] == 3 and stats["ingest"]["running"] is False
        page = client.get("/events", params={"actor": "USA", "type": "SANCTION"}).text
        assert "sanctioned Russia over case 2" in page
        assert "3 / 3" in client.get("/").text  # received / added on the overview's ingest panel


def test_no_other_process_can_open_the_store_while_the_server_owns_it(
    served: tuple[str, Any, GatedEngine, Path],
) -> None:
    _, _, _, path = served
    probe = (
        "import sys\n"
        "from realpolitik.errors import RealpolitikError\n"
        "from realpolitik.store import Store\n"
        "try:\n"
        f"    Store({str(path)!r}, read_only=True)\n"
        "except RealpolitikError as exc:\n"
        "    print(exc.code)\n"
        "    sys.exit(3)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert result.returncode == 3, result.stderr
    assert result.stdout.strip() == "RP-E402"


def test_serve_command_runs_the_app_on_the_given_port(tmp_path: Path) -> None:
    path = tmp_path / "served.duckdb"
    with Store(path) as store:
        store.write(build_world())
    port = free_port()
    command = [
        sys.executable,
        "-c",
        "from realpolitik.cli.serve import serve; serve(prog_name='realpolitik serve')",
        "--db",
        str(path),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    env = {k: v for k, v in os.environ.items() if k != "REALPOLITIK_TOKEN"}
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, env=env)
    try:
        while True:
            if process.poll() is not None:
                pytest.fail(f"serve exited: {process.stderr.read() if process.stderr else ''}")
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/api/v1/stats")
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert response.json()["stats"]["articles"] == 3
        assert response.json()["ingest"]["writable"] is False
        assert httpx.get(f"http://127.0.0.1:{port}/country/KAZ").status_code == 200
    finally:
        process.terminate()
        _, err = process.communicate()
    assert f"http://127.0.0.1:{port}/" in err and "read-only" in err
