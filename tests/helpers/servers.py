"""Servers in processes of their own, to kill and restart: the real ``realpolitik serve`` command, or the same
app under uvicorn with a stand-in engine (``DRIVER``) whose speed the test chooses. Both bind 127.0.0.1."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from helpers.browser import free_port

TOKEN = "queue-test-token"
HELPERS = str(Path(__file__).resolve().parent.parent)

# The app of ``realpolitik serve`` (create_app, uvicorn.run in the main thread, so uvicorn handles SIGTERM) with
# an engine that needs no spaCy: "fast" (KeywordEngine), "slow" (a tenth of a second of Python per article) or
# "stuck" (an article whose text says STUCK keeps the engine busy in Python until it is cancelled).
DRIVER = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {helpers!r})
    import uvicorn
    from helpers import KeywordEngine
    from realpolitik.api import create_app
    from realpolitik.settings import Settings

    class Engine(KeywordEngine):
        def __init__(self, kind):
            super().__init__()
            self.kind = kind

        def analyze_batch(self, articles):
            for article in articles:
                if self.kind == "stuck" and "STUCK" in article.text:
                    print("stuck", flush=True)
                    while True:
                        pass
                if self.kind == "slow":
                    until = time.perf_counter() + 0.1
                    while time.perf_counter() < until:
                        pass
            return super().analyze_batch(articles)

    def main():
        db, port, kind = sys.argv[1], int(sys.argv[2]), sys.argv[3]
        app = create_app(db, Settings(batch_size=4), engine_factory=lambda: Engine(kind), token={token!r})
        uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")

    if __name__ == "__main__":
        main()
    """
).format(helpers=HELPERS, token=TOKEN)


class ServerProcess:
    def __init__(self, process: subprocess.Popen[str], base: str) -> None:
        self.process = process
        self.base = base

    def post(self, body: str, content_type: str = "application/x-ndjson") -> httpx.Response:
        headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": content_type}
        return httpx.post(
            f"{self.base}/api/v1/ingest", content=body.encode("utf-8"), headers=headers, timeout=60
        )

    def get(self, path: str, **params: Any) -> httpx.Response:
        return httpx.get(f"{self.base}{path}", params=params, timeout=60)

    def wait_idle(self, timeout: float = 300) -> dict[str, Any]:
        """The ingest status once nothing is queued or running (a hang guard, not a measurement)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            status: dict[str, Any] = self.get("/api/v1/ingest").json()
            if status["queued_articles"] == 0 and not status["running"]:
                return status
            time.sleep(0.2)
        raise AssertionError(f"the server did not finish its queue: {status}")

    def kill(self, sig: int = signal.SIGKILL, timeout: float = 60) -> int:
        """Send ``sig`` and wait for the process to end; its exit status."""
        self.process.send_signal(sig)
        return self.process.wait(timeout)


def _wait_up(process: subprocess.Popen[str], base: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the server exited with {process.returncode}")
        try:
            httpx.get(f"{base}/api/v1/stats", timeout=5)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError("the server did not start")


@contextmanager
def server_process(command: list[str], env: dict[str, str] | None = None) -> Iterator[ServerProcess]:
    """Run a server command (its last argument ``{port}`` is replaced) until the block ends."""
    port = free_port()
    command = [part.replace("{port}", str(port)) for part in command]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env={**os.environ, **(env or {})})
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_up(process, base)
        yield ServerProcess(process, base)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()


def driver_command(tmp_path: Path, db: Path, kind: str) -> list[str]:
    """The command that serves ``db`` with a stand-in engine of ``kind`` (see ``DRIVER``)."""
    driver = tmp_path / "serve_driver.py"
    driver.write_text(DRIVER, encoding="utf-8")
    return [sys.executable, str(driver), str(db), "{port}", kind]


def serve_command(db: Path) -> list[str]:
    """The real ``realpolitik serve`` command (ingest enabled by ``REALPOLITIK_TOKEN`` in the environment)."""
    command = str(Path(sys.executable).parent / "realpolitik")
    return [command, "serve", "--db", str(db), "--host", "127.0.0.1", "--port", "{port}"]
