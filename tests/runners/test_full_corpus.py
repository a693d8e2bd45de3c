"""The whole news corpus through the real command (the session's ``news_db``, ingested once in conftest.py), then
the dashboard: the Kazakhstan, China and Russia profiles render and show exactly the numbers ``realpolitik
influence CODE --json`` prints (issue 6)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from realpolitik.api import create_app
from realpolitik.settings import Settings
from realpolitik.store import Store
from realpolitik.web.charts import MAX_POWERS_PER_DOMAIN

pytestmark = [pytest.mark.model, pytest.mark.slow]

CLI = [sys.executable, "-m", "realpolitik.cli"]


def test_the_whole_corpus_is_stored_once(news_db: Path, data_dir: Path) -> None:
    lines = sum(1 for f in (data_dir / "news").glob("*.jsonl") for line in f.open() if line.strip())
    with Store(news_db, read_only=True) as store:
        stats = store.stats()
    assert stats.articles + stats.exact_duplicates == lines
    assert stats.failures == 0
    assert stats.events > lines  # complete events only: on average more than one an article
    with Store(news_db, read_only=True) as store, store.cursor() as cur:
        # issue 12: no asserted event without a resolved source, none between a state and itself in one sector
        sourceless = cur.execute(
            "SELECT count(*) FROM events WHERE modality = 'asserted' AND coalesce(source_code, '') = ''"
        ).fetchone()
        self_dyads = cur.execute(
            "SELECT count(*) FROM events WHERE modality = 'asserted' AND source_code = target_code"
            " AND (source_sector IS NULL OR target_sector IS NULL OR source_sector = target_sector)"
        ).fetchone()
    assert sourceless == (0,)
    assert self_dyads == (0,)


@pytest.mark.parametrize("code", ["KAZ", "CHN", "RUS"])
def test_profiles_render_the_numbers_the_cli_prints(news_db: Path, code: str) -> None:
    result = subprocess.run(
        [*CLI, "influence", code, "--json", "--db", str(news_db)], capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)
    assert sum(d["events"] for d in printed["domains"]) > 50
    with TestClient(create_app(news_db, Settings(), token="")) as client:
        assert client.get(f"/api/v1/influence/{code}").json() == printed
        response = client.get(f"/country/{code}")
    assert response.status_code == 200
    page = response.text
    assert 'id="influence-chart-spec"' in page
    shown = 0
    for domain in printed["domains"]:
        for power in domain["powers"][:MAX_POWERS_PER_DOMAIN]:  # the chart draws the leading powers
            for side in ("cooperation", "pressure"):
                if power[side]["events"]:
                    assert f"{100 * power[side]['share']:.1f}%" in page, (
                        domain["domain"],
                        power["code"],
                        side,
                    )
                    shown += 1
    assert shown > 5
