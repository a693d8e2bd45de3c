"""``analyze`` on inputs that do not exist (issue 14): each is reported with its RP-E code, the exit status is
non-zero, and no store is created for nothing; a store that already exists records the failure."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from realpolitik.cli.main import main
from realpolitik.store import Store


def test_missing_files_create_no_store(tmp_path: Path) -> None:
    db = tmp_path / "new.duckdb"
    missing = [str(tmp_path / "nothere.txt"), str(tmp_path / "none-*.jsonl")]
    result = CliRunner().invoke(main, ["analyze", *missing, "--db", str(db)])
    assert result.exit_code == 1
    assert "error[RP-E101]" in result.output and "nothere.txt" in result.output
    assert not db.exists() and list(tmp_path.iterdir()) == []


def test_an_existing_store_records_the_missing_file(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    Store(db).close()
    result = CliRunner().invoke(main, ["analyze", str(tmp_path / "nothere.txt"), "--db", str(db), "--quiet"])
    assert result.exit_code == 1
    failures = CliRunner().invoke(main, ["failures", "--db", str(db), "--json"]).stdout.splitlines()
    assert [json.loads(line)["code"] for line in failures] == ["RP-E101"]
