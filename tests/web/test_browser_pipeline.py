"""The same path through the dashboard on the real pipeline: the example article is ingested over the API
(bearer token) into a running server whose background worker analyses it with the session's spaCy engine,
then the browser walks from the overview to the highlighted sentence behind a bar of Kazakhstan's profile."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from helpers import serving, walk_to_the_sentence
from realpolitik.api import create_app
from realpolitik.settings import Settings

pytestmark = [pytest.mark.browser, pytest.mark.model]


def test_ingested_example_article_walks_to_its_sentences(
    tmp_path: Path,
    nlp_engine: Any,
    example_article: str,
    browser: object,
) -> None:
    app = create_app(tmp_path / "pipeline.duckdb", Settings(), engine_factory=lambda: nlp_engine, token="t0k")
    with serving(app) as base:
        title = example_article.partition("\n")[0]
        response = httpx.post(
            f"{base}/api/v1/ingest",
            json={"id": "kaz-example", "title": title.strip(), "date": "2022-01-10", "text": example_article},
            headers={"Authorization": "Bearer t0k"},
        )
        assert response.status_code == 202, response.text
        app.state.owner.drain()
        stats = httpx.get(f"{base}/api/v1/stats").json()
        assert stats["ingest"]["articles_added"] == 1 and stats["stats"]["events"] > 0
        profile = httpx.get(f"{base}/api/v1/influence/KAZ").json()
        assert profile["events"] > 0
        evidence = walk_to_the_sentence(browser, base, "pipeline")
        assert evidence.strip() and evidence.strip()[:30] in example_article.replace("\n", " ")
