"""The server's ingest queue is durable and its failures accountable, through a real server process: articles
answered with 202 survive ``kill -9`` and are stored exactly once after a restart; SIGTERM stops the server
while an article is being analysed (it is analysed after the restart); one bad record of a request costs only
itself, with a failure row keyed by its content that no other request erases."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from helpers import KeywordEngine, serving
from helpers.servers import TOKEN, driver_command, serve_command, server_process
from realpolitik.api import create_app
from realpolitik.settings import Settings
from realpolitik.store import Store


def _ndjson(records: list[dict[str, Any]]) -> str:
    return "\n".join(json.dumps(r) for r in records)


def _articles(prefix: str, n: int) -> list[dict[str, Any]]:
    return [{"id": f"{prefix}-{i}", "text": f"Russia met China about matter {prefix} {i}."} for i in range(n)]


def test_accepted_articles_survive_kill_9_and_are_stored_once_after_a_restart(tmp_path: Path) -> None:
    db = tmp_path / "queue.duckdb"
    accepted: list[str] = []
    with server_process(driver_command(tmp_path, db, "slow")) as server:
        for n in range(5):
            response = server.post(_ndjson(_articles(f"q{n}", 8)))
            assert response.status_code == 202, response.text
            accepted += response.json()["ids"]
        status = server.get("/api/v1/ingest").json()
        assert status["queued_articles"] > 0  # the slow engine has not caught up: articles are queued
        assert server.kill(signal.SIGKILL) == -signal.SIGKILL
    with server_process(driver_command(tmp_path, db, "fast")) as server:
        server.wait_idle()
        stats = server.get("/api/v1/stats").json()["stats"]
        for article_id in accepted:
            assert server.get(f"/api/v1/articles/{article_id}").status_code == 200, article_id
    assert len(accepted) == len(set(accepted)) == 40
    assert stats["articles"] == 40 and stats["events"] == 40  # one event each: nothing analysed twice


def test_sigterm_stops_the_server_mid_analysis_and_the_article_is_analysed_after_restart(
    tmp_path: Path,
) -> None:
    db = tmp_path / "stop.duckdb"
    records = [{"id": "stuck", "text": "STUCK: Russia met China."}, *_articles("after", 3)]
    with server_process(driver_command(tmp_path, db, "stuck")) as server:
        assert server.post(_ndjson(records)).status_code == 202
        assert server.process.stdout is not None
        assert server.process.stdout.readline().strip() == "stuck"  # the engine is inside the article now
        # Without cancellation the engine never returns and the server never exits (a hang guard, not a timing);
        # uvicorn raises the signal again once it has shut down.
        assert server.kill(signal.SIGTERM, timeout=60) in (0, -signal.SIGTERM)
    with server_process(driver_command(tmp_path, db, "fast")) as server:
        server.wait_idle()
        for record in records:
            assert server.get(f"/api/v1/articles/{record['id']}").status_code == 200, record["id"]
        assert server.get("/api/v1/stats").json()["stats"]["articles"] == 4


@pytest.fixture
def live(tmp_path: Path) -> Iterator[tuple[str, Any]]:
    app = create_app(tmp_path / "live.duckdb", Settings(), engine_factory=KeywordEngine, token=TOKEN)
    with serving(app) as base:
        yield base, app


def _post(base: str, body: bytes | str, content_type: str = "application/json") -> httpx.Response:
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": content_type}
    content = body.encode("utf-8") if isinstance(body, str) else body
    return httpx.post(f"{base}/api/v1/ingest", content=content, headers=headers, timeout=60)


def _failures(base: str) -> dict[str, str]:
    items = httpx.get(f"{base}/api/v1/failures", timeout=60).json()["items"]
    return {row["input_ref"]: row["code"] for row in items}


def test_a_bad_record_costs_only_itself_and_its_failure_row_stays(live: tuple[str, Any]) -> None:
    base, app = live
    deep = "[" * 5000 + "]" * 5000
    body = (
        '[{"id": "good-1", "text": "Russia met China."}, '
        '{"id": "surrogate", "text": "Russia met \\ud800 China."}, '
        f'{{"id": "deep", "text": "Russia met China.", "title": {deep}}}, '
        f'{{"id": {"9" * 5000}, "text": "Russia met China."}}, '
        '{"title": "no text"}, '
        '{"id": "good-2", "text": "China met Kazakhstan."}]'
    )
    response = _post(base, body)
    assert response.status_code == 202, response.text
    answer = response.json()
    assert answer["ids"] == ["good-1", "good-2"]
    assert [(r["index"], r["code"]) for r in answer["refused"]] == [
        (1, "RP-E104"),
        (2, "RP-E106"),
        (3, "RP-E106"),
        (4, "RP-E106"),
    ]
    app.state.owner.drain()
    assert httpx.get(f"{base}/api/v1/articles/good-2", timeout=60).status_code == 200
    failures = _failures(base)
    refused = {r["ref"]: r["code"] for r in answer["refused"]}
    assert refused.items() <= failures.items()
    assert all(ref.startswith("api:record-") for ref in refused)

    # Another request, good or bad, neither erases nor overwrites them; the same bad record keeps one row.
    assert _post(base, '{"id": "other", "text": "Kazakhstan met Russia."}').status_code == 202
    assert _post(base, '{"title": "no text"}').status_code == 422
    app.state.owner.drain()
    after = _failures(base)
    assert refused.items() <= after.items() and len(after) == len(failures)


def test_a_request_of_only_bad_records_is_refused_with_the_first_code(live: tuple[str, Any]) -> None:
    base, _ = live
    lines = ['{"id": 1, "text": "Russia met \\udfff China."}', "not json", '{"text": 5}']
    response = _post(base, "\n".join(lines), "application/x-ndjson")
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "RP-E104"
    assert "and 2 more" in response.json()["error"]["message"]
    assert sorted(_failures(base).values()) == ["RP-E104", "RP-E106", "RP-E106"]


def test_non_english_articles_are_refused_as_unsupported(live: tuple[str, Any]) -> None:
    base, _ = live
    russian = "Президент России Владимир Путин провёл переговоры с председателем КНР Си Цзиньпином в Москве."
    body = _ndjson([{"id": "ru", "text": russian}, {"id": "en", "text": "Russia met China."}])
    response = _post(base, body, "application/x-ndjson")
    assert response.status_code == 202
    assert response.json()["ids"] == ["en"]
    assert [r["code"] for r in response.json()["refused"]] == ["RP-E108"]
    assert "Cyrillic" in response.json()["refused"][0]["message"]


@pytest.mark.model
def test_real_serve_killed_with_queued_articles_stores_each_once_after_restart(
    tmp_path: Path, data_dir: Path
) -> None:
    """The real command and engine: articles of the news corpus sent while spaCy loads, then ``kill -9``."""
    source = data_dir / "news" / "wikinews_en_2019_2020.jsonl"
    lines = source.read_text(encoding="utf-8").splitlines()[:24]
    db, clean = tmp_path / "served.duckdb", tmp_path / "clean.duckdb"
    accepted: list[str] = []
    env = {"REALPOLITIK_TOKEN": TOKEN}
    with server_process(serve_command(db), env=env) as server:
        for start in range(0, len(lines), 6):
            response = server.post("\n".join(lines[start : start + 6]))
            assert response.status_code == 202, response.text
            accepted += response.json()["ids"]
        assert server.get("/api/v1/ingest").json()["queued_articles"] > 0
        assert server.kill(signal.SIGKILL) == -signal.SIGKILL
    with server_process(serve_command(db), env=env) as server:
        server.wait_idle()
        assert server.kill(signal.SIGTERM) in (0, -signal.SIGTERM)  # frees the store for the checks below
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    cli = str(Path(sys.executable).parent / "realpolitik")
    subprocess.run([cli, "ingest", str(corpus), "--db", str(clean), "--quiet"], check=True)
    with Store(db, read_only=True) as served, Store(clean, read_only=True) as expected:
        assert sorted(served.stored_text_keys(accepted)) == sorted(accepted)
        mine, theirs = served.stats(), expected.stats()
    assert len(accepted) == len(set(accepted)) == 24
    assert (mine.articles, mine.events, mine.statements) == (
        theirs.articles,
        theirs.events,
        theirs.statements,
    )
