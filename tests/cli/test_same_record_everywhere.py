"""One record, one shape: an article analyzed by the real command gives the same fields for each event and
statement in ``analyze --json``, the REST API and ``realpolitik export`` (JSON Lines, CSV, Parquet), because all of
them render through ``realpolitik.render``."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from helpers import TestClient
from realpolitik import render
from realpolitik.api import create_app
from realpolitik.settings import Settings

pytestmark = pytest.mark.model

ARTICLE = {
    "id": "same-1",
    "date": "2022-01-10",
    "title": "Talks in Astana",
    "text": (
        "Russia sent peacekeepers to Kazakhstan. China pledged aid to Kazakhstan.\n\n"
        '"We will defend our sovereignty," Kazakh President Kassym-Jomart Tokayev said.'
    ),
}
CONTEXT = {"article_id", "published", "article_title", "article_source", "article_url"}


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([sys.executable, "-m", "realpolitik", *args], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done


def test_cli_api_and_exports_give_the_same_fields(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
    db = str(tmp_path / "same.duckdb")
    (cli,) = [
        json.loads(line) for line in _run("analyze", str(source), "--json", "--db", db).stdout.splitlines()
    ]
    assert cli["events"] and cli["statements"]

    with TestClient(create_app(db, Settings(), token="")) as client:
        api_events = client.get("/api/v1/events", params={"article": "same-1", "limit": 100}).json()["items"]
        api_statements = client.get("/api/v1/statements", params={"limit": 100}).json()["items"]

    def without_context(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        assert all(item["article_id"] == "same-1" and item["published"] == "2022-01-10" for item in items)
        return sorted(
            ({k: v for k, v in i.items() if k not in CONTEXT} for i in items), key=lambda i: i["id"]
        )

    def by_id(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return sorted(items, key=lambda i: i["id"])

    assert without_context(api_events) == by_id(cli["events"])
    assert without_context(api_statements) == by_id(cli["statements"])

    for what, expected in (("events", cli["events"]), ("statements", cli["statements"])):
        # --all: every event, as analyze printed them (an export holds the complete ones by default)
        every = ["--all"] if what == "events" else []
        exported = [json.loads(line) for line in _run("export", what, *every, "--db", db).stdout.splitlines()]
        assert without_context(exported) == by_id(expected)
        flat = sorted((render.flat(i) for i in expected), key=lambda r: r["id"])
        table = pd.read_csv(io.StringIO(_run("export", what, *every, "--format", "csv", "--db", db).stdout))
        assert list(table.columns) == [*sorted(CONTEXT, key=render.listed_columns(what).index), *flat[0]]
        parquet = tmp_path / f"{what}.parquet"
        _run("export", what, *every, "--format", "parquet", "--db", db, "-o", str(parquet))
        frame = pd.read_parquet(parquet).sort_values("id")
        assert list(frame.columns) == list(table.columns)
        assert frame["id"].tolist() == [r["id"] for r in flat]
        assert frame["text"].tolist() == [r["text"] for r in flat]
