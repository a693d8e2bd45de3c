"""``realpolitik statements`` over a store holding the example article."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from realpolitik.cli.main import main
from realpolitik.store import Store

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def store_path(nlp_engine: Any, example_article: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("statements") / "store.duckdb"
    with Store(path) as store:
        store.write([nlp_engine.analyze_text(example_article, published="2022-01-10")])
    return path


def run(*args: str) -> list[dict[str, Any]]:
    result = CliRunner().invoke(main, ["statements", *args, "--json"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines() if line.strip()]


def test_filter_by_speaker_name(store_path: Path) -> None:
    items = run("--speaker", "Xi Jinping", "--db", str(store_path))
    assert len(items) == 1
    assert items[0]["speaker"]["code"] == "CHN"
    assert items[0]["text"].startswith("China is ready to provide all kinds of assistance")


def test_filter_by_speaker_code_and_about(store_path: Path) -> None:
    items = run("--speaker", "CHN", "--about", "KAZ", "--db", str(store_path))
    assert {i["speaker"]["name"] for i in items} == {"Wang Yi", "Xi Jinping"}
    assert all("KAZ" in {s["code"] for s in i["stances"]} for i in items)


def test_about_lists_expert_statements(store_path: Path) -> None:
    items = run("--about", "RUS", "--db", str(store_path))
    assert items
    assert all(i["speaker"]["type"] == "anonymous_expert" for i in items)


def test_table_output_and_missing_store(store_path: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["statements", "--db", str(store_path), "--limit", "3"])
    assert result.exit_code == 0
    assert "3 statements" in result.output
    missing = CliRunner().invoke(main, ["statements", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 2
    assert "RP-E401" in missing.output
