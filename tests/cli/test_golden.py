"""Golden outputs: the JSON contract of the example article and 20 real articles must not drift unnoticed.
``make golden`` (pytest --update-golden) rewrites them; every other run compares."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.model

GOLDEN = Path(__file__).resolve().parent.parent / "golden"


def _analyze(path: Path) -> list[dict[str, object]]:
    done = subprocess.run(
        [sys.executable, "-m", "realpolitik", "analyze", str(path), "--json", "--no-store", "--quiet"],
        capture_output=True,
        text=True,
        check=True,
    )
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def test_golden_outputs(update_golden: bool) -> None:
    got = _analyze(GOLDEN / "inputs.jsonl")
    expected_path = GOLDEN / "analyze.jsonl"
    if update_golden:
        expected_path.write_text(
            "".join(json.dumps(item, ensure_ascii=False, sort_keys=True) + "\n" for item in got),
            encoding="utf-8",
        )
        return
    expected = [json.loads(line) for line in expected_path.read_text(encoding="utf-8").splitlines()]
    assert [a["article"]["id"] for a in got] == [a["article"]["id"] for a in expected]
    for article, want in zip(got, expected, strict=True):
        assert article == want, f"golden output of {want['article']['id']} changed"
