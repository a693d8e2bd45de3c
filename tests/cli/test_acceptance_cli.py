"""End-to-end acceptance through the real ``realpolitik`` command (issue 2): the example article, the store,
the influence ranking, and a folder of bad inputs that must not stop the good ones."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import duckdb
import pytest

pytestmark = pytest.mark.model

CLI = [sys.executable, "-m", "realpolitik.cli"]


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, cwd=cwd, timeout=900)


@pytest.fixture(scope="module")
def analyzed(tmp_path_factory: pytest.TempPathFactory, repo_dir: Path) -> tuple[Path, dict[str, Any]]:
    db = tmp_path_factory.mktemp("accept") / "kaz.duckdb"
    result = run_cli(
        "analyze", str(repo_dir / "demo" / "kazakhstan-russia-china.txt"), "--json", "--db", str(db)
    )
    assert result.returncode == 0, result.stderr
    (line,) = result.stdout.strip().splitlines()
    return db, json.loads(line)


def test_example_article_events(analyzed: tuple[Path, dict[str, Any]]) -> None:
    _, out = analyzed
    asserted = [e for e in out["events"] if e["modality"] == "asserted"]

    def has(src: str, tgt: str, types: set[str], domain: str | None = None) -> bool:
        return any(
            (e["source"] or {}).get("code") == src
            and (e["target"] or {}).get("code") == tgt
            and e["type"] in types
            and (domain is None or e["domain"] == domain)
            for e in asserted
        )

    assert has("CHN", "KAZ", {"AGREE"}, "security")
    assert has("RUS", "KAZ", {"AID", "MOBILIZE"}, "security")
    assert any(
        e["type"] == "AGREE" and e["source"]["code"] == "CHN" and "assistance" in e["text"] for e in asserted
    )
    assert any(
        {(e["source"] or {}).get("code"), (e["target"] or {}).get("code")} == {"CHN", "KAZ"}
        and e["domain"] == "economy"
        for e in asserted
    )
    assert not any("never interferes" in e["text"] for e in asserted)


def test_example_article_statements(analyzed: tuple[Path, dict[str, Any]]) -> None:
    _, out = analyzed
    experts = [s for s in out["statements"] if s["speaker"]["type"] == "anonymous_expert"]
    assert len(experts) == 7
    named = {s["speaker"]["name"]: s for s in out["statements"] if s["speaker"]["code"]}
    assert {"Wang Yi", "Xi Jinping"} <= set(named)
    assert named["Wang Yi"]["speaker"]["code"] == named["Xi Jinping"]["speaker"]["code"] == "CHN"


def test_influence_ranks_russia_in_security_and_china_in_economy(
    analyzed: tuple[Path, dict[str, Any]],
) -> None:
    db, _ = analyzed
    result = run_cli("influence", "KAZ", "--db", str(db), "--json")
    assert result.returncode == 0, result.stderr
    profile = json.loads(result.stdout)
    by_domain = {d["domain"]: d for d in profile["domains"]}
    assert by_domain["security"]["powers"][0]["code"] == "RUS"
    assert by_domain["economy"]["powers"][0]["code"] == "CHN"


def test_bad_inputs_are_reported_recorded_and_never_duplicated(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (corpus / "latin1.txt").write_bytes(
        "Le président du Kazakhstan a rencontré le ministre. Kazakhstan signed a trade agreement with China "
        "in Astana on Monday.".encode("latin-1")
    )
    (corpus / "huge.txt").write_text("Russia sent troops to Kazakhstan. " * 160_000, encoding="utf-8")
    (corpus / "feed.jsonl").write_text(
        json.dumps({"id": "a1", "text": "Russia sent peacekeepers to Kazakhstan.", "date": "2022-01-07"})
        + "\n{not json\n"
        + json.dumps({"id": "a2", "text": "China pledged aid to Kazakhstan.", "date": "2022-01-08"})
        + "\n",
        encoding="utf-8",
    )
    db = tmp_path / "bad.duckdb"

    def counts() -> tuple[int, int, int]:
        con = duckdb.connect(str(db), read_only=True)
        try:
            rows = [
                con.execute(f"select count(*) from {t}").fetchall()
                for t in ("articles", "events", "failures")
            ]
            return rows[0][0][0], rows[1][0][0], rows[2][0][0]
        finally:
            con.close()

    first = run_cli("analyze", str(corpus), "--db", str(db), "--quiet")
    assert first.returncode != 0
    for code in ("RP-E102", "RP-E103", "RP-E105", "RP-E106"):
        assert code in first.stderr, first.stderr
    assert "feed.jsonl:2" in first.stderr
    articles, events, failures = counts()
    assert articles == 3  # latin1.txt, a1, a2
    assert failures == 4
    assert events >= 2

    second = run_cli("analyze", str(corpus), "--db", str(db), "--quiet")
    assert second.returncode != 0
    assert counts() == (articles, events, failures)
